#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <QUrl>

#include <optional>

#include <nlohmann/json.hpp>

#include "auth/AuthStep.h"
#include "auth/Credential.h"
#include "util/JsonWriter.h"

#include <functional>

namespace crosstalk::cli {

/// crosstalk-cli's exit codes: a contract that scripts rely on.
enum ExitCode : int {
    Success = 0,
    UsageError = 1,
    ProtocolError = 2,   ///< the peer answered with an error or broke the protocol
    CardRejected = 3,    ///< `card` only: validation errors, or a signature that does not verify
    Unreachable = 4,     ///< could not connect, or timed out
    TaskUnsuccessful = 5, ///< the task ended failed, canceled or rejected
    KeychainFailed = 6    ///< no keychain, or it refused or failed
};

QTextStream &out();
QTextStream &err();

/// One sentence on stderr (peer text in it made terminal-safe by the caller).
void fail(const QString &sentence);

/// Writes a JSON value as one line on stdout and flushes it at once.
void printJsonLine(const nlohmann::json &value);

/// Writes one JSON line to stdout in pieces (lines of a stream, and lines too
/// large to build as one value first). end() finishes the line and flushes it.
class JsonLine : public JsonWriter
{
public:
    JsonLine();
    void end();
};

/// --timeout SECONDS (default 30), common to every network command.
QCommandLineOption timeoutOption();
/// The timeout in milliseconds, or -1 after reporting a bad value.
qint64 timeoutMs(const QCommandLineParser &parser, const QCommandLineOption &option);

/// A QString as JSON text (UTF-8).
nlohmann::json toJson(const QString &text);

/// The agent URL argument as an http(s) URL; reports and returns nullopt
/// when it is not one.
std::optional<QUrl> agentUrl(const QString &argument);

/// Ends the application with `code` on the next event-loop turn (a command
/// may finish before the loop has started).
void exitSoon(int code);

/// --credential NAME: a credential from the keychain for the requests.
QCommandLineOption credentialOption();

/// Reads the credential `name` from the keychain, then calls `found` with
/// it; when there is none or the keychain fails, says why on stderr and
/// calls `failed` with the exit code. `headerOnly`: a credential that does
/// not travel in a header (an API key for the query) is refused.
void withCredential(QObject *context, const QString &name, bool headerOnly,
                    std::function<void(const auth::Credential &credential)> found, std::function<void(int code)> failed);

/// One step of an authorization flow on one terminal-safe line:
/// "kind verdict: title URL (detail)".
QString describeAuthStep(const auth::AuthStep &step);

} // namespace crosstalk::cli
