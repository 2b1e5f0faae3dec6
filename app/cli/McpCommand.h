#pragma once

#include "auth/Credential.h"
#include "auth/OAuthAuthorizer.h"
#include "mcp/McpSession.h"

#include <QCommandLineParser>
#include <QObject>
#include <QPointer>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::cli {

class TerminalPrompter;

/// `crosstalk-cli mcp VERB [VERB ARGS] [OPTIONS] -- COMMAND [ARGS...]`:
/// starts a stdio server, initializes, runs one verb and prints its result.
/// Answers the server's requests (sampling, elicitation, roots) from flags,
/// or, without one, by asking on a terminal.
class McpCommand : public QObject, public mcp::McpClientHandler
{
    Q_OBJECT

public:
    explicit McpCommand(QObject *parent = nullptr);
    /// `arguments` start with the program name.
    void start(const QStringList &arguments);

    void handleServerRequest(const QString &method, const nlohmann::json &params, Reply reply, Refuse refuse) override;

private:
    void run();
    void callTool(const nlohmann::json &tool);
    void printResult(const nlohmann::json &result);
    void finish(int code, const QString &error = {});
    static int exitCodeFor(const mcp::McpError &error);
    /// Ends a verb whose request failed, with the exit code its kind calls for.
    void finishWith(const mcp::McpError &error);
    std::optional<nlohmann::json> arguments(const nlohmann::json &inputSchema);
    void writeTrace();
    /// Shows a URL a server asks the person to open, and opens it on a desktop.
    void openUrl(const QString &url);
    /// --oauth: the authorizer, with its tokens in the keychain.
    auth::OAuthAuthorizer *makeAuthorizer(const QUrl &url, auth::OAuthOptions options);
    /// Shows the authorization URL and opens it in the browser on a desktop.
    void openSignIn(const QUrl &url);

    QString m_verb;
    QStringList m_verbArgs;
    QPointer<mcp::McpSession> m_session;
    qint64 m_timeoutMs = 30000;
    bool m_json = false;
    bool m_quiet = false;
    QString m_argsJson;
    QStringList m_argPairs;
    QString m_elicit;
    QString m_elicitUrl;
    std::optional<QString> m_sample;
    std::optional<auth::Credential> m_credential;
    QStringList m_roots;
    int m_exitCode = -1;
    QString m_tracePath;
    QPointer<traffic::TrafficLog> m_trace;
    /// Asks the person for what no flag answers (only on a terminal).
    QPointer<TerminalPrompter> m_prompter;
};

} // namespace crosstalk::cli
