#include "CliSupport.h"

#include "auth/CredentialStore.h"
#include "util/HiddenText.h"

#include <QCoreApplication>

#include <cstdio>
#include <QTimer>

namespace crosstalk::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void fail(const QString &sentence)
{
    err() << QStringLiteral("crosstalk-cli: ") << sentence << Qt::endl;
}

void printJsonLine(const nlohmann::json &value)
{
    // The bytes go out as they are: an end line can hold megabytes of
    // artifacts, and a detour through QString would hold them three times.
    // Invalid UTF-8 cannot reach here (strings come from QString), but a
    // replacement beats an exception on stdout.
    out().flush();
    std::string line = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
}

JsonLine::JsonLine()
    : JsonWriter(stdout)
{
    out().flush();
}

void JsonLine::end()
{
    // Lines go to stdio as they are finished, and stdout is flushed once
    // the event loop has handled what arrived with them: a reader sees each
    // line within that turn, and a fast stream does not cost a write per line.
    raw("\n");
    sendBuffered();
    static bool flushPending = false;
    if (!flushPending) {
        flushPending = true;
        QTimer::singleShot(0, QCoreApplication::instance(), [] {
            flushPending = false;
            std::fflush(stdout);
        });
    }
}

QCommandLineOption timeoutOption()
{
    return QCommandLineOption(
        QStringLiteral("timeout"),
        QCoreApplication::translate("crosstalk-cli",
                                    "Seconds to wait for connecting and for an answer to begin (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
}

qint64 timeoutMs(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 24 * 3600) {
        fail(QCoreApplication::translate("crosstalk-cli", "--timeout takes a number of seconds above 0, not '%1'.")
                 .arg(parser.value(option)));
        return -1;
    }
    return qint64(seconds * 1000);
}

std::optional<QUrl> agentUrl(const QString &argument)
{
    const QUrl url = QUrl::fromUserInput(argument);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail(QCoreApplication::translate("crosstalk-cli", "'%1' is not an http or https URL.")
                 .arg(terminalSafe(argument)));
        return std::nullopt;
    }
    return url;
}

void exitSoon(int code)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [code] { QCoreApplication::exit(code); });
}

nlohmann::json toJson(const QString &text)
{
    return nlohmann::json(text.toStdString());
}

QCommandLineOption credentialOption()
{
    return QCommandLineOption(QStringLiteral("credential"),
                              QCoreApplication::translate("crosstalk-cli", "Send the credential of this name, from the keychain "
                                                                           "(see crosstalk-cli credential)."),
                              QStringLiteral("name"));
}

void withCredential(QObject *context, const QString &name, bool headerOnly,
                    std::function<void(const auth::Credential &)> found, std::function<void(int)> failed)
{
    auto *store = new auth::CredentialStore(QString::fromLatin1(auth::CredentialStore::DefaultService), context);
    store->load(name, context, [store, name, headerOnly, found = std::move(found), failed = std::move(failed)](
                                   const std::optional<auth::Credential> &credential, const QString &error) {
        store->deleteLater();
        if (!error.isEmpty()) {
            fail(terminalSafe(error));
            return failed(KeychainFailed);
        }
        if (!credential) {
            fail(QCoreApplication::translate("crosstalk-cli", "there is no credential named '%1'; see crosstalk-cli credential list.")
                     .arg(terminalSafe(name)));
            return failed(UsageError);
        }
        if (headerOnly && !credential->header()) {
            fail(QCoreApplication::translate("crosstalk-cli", "the credential '%1' is an API key for the query; "
                                                              "a2a commands send credentials in headers.")
                     .arg(terminalSafe(name)));
            return failed(UsageError);
        }
        found(*credential);
    });
}

QString describeAuthStep(const auth::AuthStep &step)
{
    QString line = auth::AuthStep::kindName(step.kind) + u' ' + auth::AuthStep::verdictName(step.verdict) + QStringLiteral(": ")
        + terminalSafe(step.title);
    if (!step.url.isEmpty())
        line += u' ' + terminalSafe(step.url.toDisplayString());
    if (!step.detail.isEmpty())
        line += QStringLiteral(" (") + terminalSafe(step.detail) + u')';
    return line;
}

} // namespace crosstalk::cli
