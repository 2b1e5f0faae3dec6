#include "CredentialCommand.h"

#include "CliSupport.h"
#include "auth/CredentialStore.h"
#include "util/HiddenText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace crosstalk::cli {

namespace {

constexpr qsizetype MaxSecretBytes = 64 * 1024;

/// The secret from stdin: typed without echo at a terminal, else everything
/// piped in, without the one line ending at its end.
std::optional<QByteArray> readSecret(const QString &name, QString *error)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal) {
        err() << QCoreApplication::translate("crosstalk-cli", "Secret for %1 (not shown): ").arg(name) << Qt::flush;
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    QByteArray secret;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0)
            break;
        secret.append(buffer, qsizetype(n));
        if (terminal && secret.contains('\n'))
            break; // one line at a terminal
        if (secret.size() > MaxSecretBytes) {
            *error = QCoreApplication::translate("crosstalk-cli", "the secret on stdin is longer than 64 KiB.");
            break;
        }
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    if (!error->isEmpty())
        return std::nullopt;
    if (terminal)
        secret.truncate(secret.indexOf('\n') < 0 ? secret.size() : secret.indexOf('\n'));
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty()) {
        *error = QCoreApplication::translate("crosstalk-cli", "no secret on stdin (for example: printf %s \"$TOKEN\" | crosstalk-cli credential set NAME --bearer).");
        return std::nullopt;
    }
    return secret;
}

} // namespace

CredentialCommand::CredentialCommand(QObject *parent)
    : QObject(parent)
    , m_store(new auth::CredentialStore(QString::fromLatin1(auth::CredentialStore::DefaultService), this))
{
}

void CredentialCommand::finish(int code, const QString &error)
{
    if (!error.isEmpty())
        fail(error);
    exitSoon(code);
}

void CredentialCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Keep credentials in the operating system's keychain: set (the secret read from stdin), list, delete."));
    parser.addHelpOption();
    const QCommandLineOption bearerOption(QStringLiteral("bearer"), tr("A bearer token."));
    const QCommandLineOption apiKeyOption(QStringLiteral("api-key"), tr("An API key sent under this name."), QStringLiteral("header"));
    const QCommandLineOption inOption(QStringLiteral("in"), tr("Where the API key goes: header, query or cookie."),
                                      QStringLiteral("where"), QStringLiteral("header"));
    const QCommandLineOption basicOption(QStringLiteral("basic"), tr("HTTP basic authentication as this user."), QStringLiteral("user"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("list: print one JSON object."));
    parser.addOptions({bearerOption, apiKeyOption, inOption, basicOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("VERB"), tr("set NAME, list or delete NAME."));
    if (!parser.parse(arguments))
        return finish(UsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return finish(Success);
    }
    const QStringList positional = parser.positionalArguments();
    const QString verb = positional.value(0);
    const int kinds = int(parser.isSet(bearerOption)) + int(parser.isSet(apiKeyOption)) + int(parser.isSet(basicOption));

    if (verb == QLatin1String("list")) {
        if (positional.size() != 1 || kinds > 0)
            return finish(UsageError, tr("credential list takes no arguments."));
        const bool json = parser.isSet(jsonOption);
        m_store->list(this, [this, json](const QList<auth::Credential> &credentials, const QString &error) {
            if (!error.isEmpty())
                return finish(KeychainFailed, error);
            if (json) {
                nlohmann::json list = nlohmann::json::array();
                for (const auth::Credential &c : credentials) {
                    nlohmann::json entry{{"name", toJson(c.name)}, {"kind", toJson(auth::Credential::kindName(c.kind))}};
                    if (c.kind == auth::Credential::Kind::ApiKey) {
                        entry["keyName"] = toJson(c.keyName);
                        entry["location"] = toJson(auth::Credential::locationName(c.location));
                    }
                    if (c.kind == auth::Credential::Kind::Basic)
                        entry["user"] = toJson(c.user);
                    list.push_back(std::move(entry));
                }
                printJsonLine({{"credentials", std::move(list)}});
            } else {
                for (const auth::Credential &c : credentials)
                    out() << terminalSafe(c.name) << '\t' << auth::Credential::kindName(c.kind) << '\t'
                          << terminalSafe(c.describe()) << '\n';
                out() << Qt::flush;
            }
            finish(Success);
        });
        return;
    }
    if (verb == QLatin1String("delete")) {
        if (positional.size() != 2 || kinds > 0)
            return finish(UsageError, tr("credential delete takes NAME alone."));
        const QString name = positional.at(1);
        m_store->remove(name, this, [this, name](bool removed, const QString &error) {
            if (!error.isEmpty())
                return finish(KeychainFailed, error);
            if (!removed)
                return finish(UsageError, tr("there is no credential named '%1'; see credential list.").arg(terminalSafe(name)));
            finish(Success);
        });
        return;
    }
    if (verb != QLatin1String("set"))
        return finish(UsageError, verb.isEmpty() ? tr("credential needs a verb: set, list or delete; see --help.")
                                                 : tr("unknown credential verb '%1'; see --help.").arg(terminalSafe(verb)));
    if (positional.size() != 2)
        return finish(UsageError, tr("credential set takes NAME and one of --bearer, --api-key HEADER or --basic USER."));
    if (kinds != 1)
        return finish(UsageError, tr("credential set takes exactly one of --bearer, --api-key HEADER or --basic USER."));
    auth::Credential credential;
    credential.name = positional.at(1);
    if (const QString problem = auth::Credential::nameProblem(credential.name); !problem.isEmpty())
        return finish(UsageError, problem);
    if (parser.isSet(bearerOption)) {
        credential.kind = auth::Credential::Kind::Bearer;
    } else if (parser.isSet(apiKeyOption)) {
        credential.kind = auth::Credential::Kind::ApiKey;
        credential.keyName = parser.value(apiKeyOption);
        const auto location = auth::Credential::locationFromName(parser.value(inOption));
        if (!location)
            return finish(UsageError, tr("--in takes header, query or cookie, not '%1'.").arg(terminalSafe(parser.value(inOption))));
        credential.location = *location;
    } else {
        credential.kind = auth::Credential::Kind::Basic;
        credential.user = parser.value(basicOption);
    }
    if (parser.isSet(inOption) && credential.kind != auth::Credential::Kind::ApiKey)
        return finish(UsageError, tr("--in is for --api-key."));
    QString error;
    const std::optional<QByteArray> secret = readSecret(credential.name, &error);
    if (!secret)
        return finish(UsageError, error);
    credential.secret = QString::fromUtf8(*secret);
    if (const QString problem = credential.problem(); !problem.isEmpty())
        return finish(UsageError, problem);
    m_store->save(credential, this, [this](const QString &error) {
        if (!error.isEmpty())
            return finish(KeychainFailed, error);
        finish(Success);
    });
}

} // namespace crosstalk::cli
