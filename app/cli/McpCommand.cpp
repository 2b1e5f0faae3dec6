#include "McpCommand.h"

#include "CliSupport.h"
#include "TerminalAnswers.h"

#include "mcp/McpToolCall.h"
#include "mcp/SseTransport.h"
#include "mcp/StdioTransport.h"
#include "auth/CredentialStore.h"
#include "mcp/StreamableHttpTransport.h"
#include "traffic/TrafficLog.h"
#include "util/Clock.h"
#include "schema/SchemaValidator.h"
#include "util/HiddenText.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSaveFile>
#include <QSet>

namespace crosstalk::cli {

using nlohmann::json;

namespace {

const QSet<QString> &noArgumentVerbs()
{
    static const QSet<QString> verbs{QStringLiteral("info"), QStringLiteral("tools"), QStringLiteral("resources"),
                                     QStringLiteral("templates"), QStringLiteral("prompts"), QStringLiteral("ping")};
    return verbs;
}

const QSet<QString> &oneArgumentVerbs()
{
    static const QSet<QString> verbs{QStringLiteral("call"), QStringLiteral("read"), QStringLiteral("prompt")};
    return verbs;
}

QString text(const json &value)
{
    return value.is_string() ? utf8ToString(value.get_ref<const std::string &>()) : QString::fromStdString(value.dump());
}

/// A --arg value read the way the property's schema says.
json coerce(const QString &value, const json *propertySchema)
{
    const auto asJson = [&]() -> std::optional<json> {
        const QByteArray utf8 = value.toUtf8();
        json parsed = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        if (parsed.is_discarded())
            return std::nullopt;
        return parsed;
    };
    const json *type = propertySchema ? json_fields::member(*propertySchema, "type") : nullptr;
    const QString single = type && type->is_string() ? text(*type) : QString();
    if (single == QLatin1String("string") || !propertySchema)
        return value.toStdString();
    if (single == QLatin1String("integer")) {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        return ok ? json(n) : json(value.toStdString());
    }
    if (single == QLatin1String("number")) {
        bool ok = false;
        const double d = value.toDouble(&ok);
        return ok ? json(d) : json(value.toStdString());
    }
    if (single == QLatin1String("boolean")) {
        if (value == QLatin1String("true"))
            return true;
        if (value == QLatin1String("false"))
            return false;
        return value.toStdString();
    }
    // Arrays, objects and unions: JSON, and a union falls back to a string.
    if (const auto parsed = asJson())
        return *parsed;
    return value.toStdString();
}

} // namespace

McpCommand::McpCommand(QObject *parent)
    : QObject(parent)
{
}

void McpCommand::start(const QStringList &allArguments)
{
    const qsizetype dashes = allArguments.indexOf(QStringLiteral("--"));
    const QStringList arguments = dashes < 0 ? allArguments : allArguments.mid(0, dashes);
    const QStringList command = dashes < 0 ? QStringList() : allArguments.mid(dashes + 1);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Talk to an MCP server: start it, initialize, run one verb."));
    parser.addHelpOption();
    const QCommandLineOption argsOption(QStringLiteral("args"), tr("The tool's or prompt's arguments as a JSON object."),
                                        QStringLiteral("json"));
    const QCommandLineOption argOption(QStringLiteral("arg"), tr("One argument, read as its schema says (repeatable)."),
                                       QStringLiteral("name=value"));
    const QCommandLineOption urlOption(QStringLiteral("url"), tr("A remote server's URL."), QStringLiteral("url"));
    const QCommandLineOption transportOption(QStringLiteral("transport"), tr("auto, streamable-http or sse."),
                                             QStringLiteral("transport"), QStringLiteral("auto"));
    const QCommandLineOption eraOption(QStringLiteral("era"), tr("auto, legacy or modern."), QStringLiteral("era"),
                                       QStringLiteral("auto"));
    const QCommandLineOption headerOption(QStringLiteral("header"), tr("An HTTP header (repeatable)."),
                                          QStringLiteral("Name: value"));
    const QCommandLineOption envOption(QStringLiteral("env"), tr("An environment variable for a stdio server (repeatable)."),
                                       QStringLiteral("NAME=VALUE"));
    const QCommandLineOption elicitOption(QStringLiteral("elicit"), tr("Answer form elicitations: JSON content, decline or cancel."),
                                          QStringLiteral("answer"));
    const QCommandLineOption elicitUrlOption(QStringLiteral("elicit-url"), tr("Answer URL elicitations: accept, decline or cancel."),
                                             QStringLiteral("answer"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"), tr("Answer sampling requests with this text."),
                                          QStringLiteral("text"));
    const QCommandLineOption rootOption(QStringLiteral("root"), tr("A root to offer the server (repeatable)."), QStringLiteral("uri"));
    const QCommandLineOption traceOption(QStringLiteral("trace"), tr("Write the traffic log as NDJSON."), QStringLiteral("file"));
    const QCommandLineOption promptRefOption(QStringLiteral("prompt"), tr("complete: the prompt."), QStringLiteral("name"));
    const QCommandLineOption templateRefOption(QStringLiteral("template"), tr("complete: the resource template."),
                                               QStringLiteral("uri"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("Print only errors on stderr."));
    const QCommandLineOption timeout = timeoutOption();
    const QCommandLineOption credential = credentialOption();
    const QCommandLineOption oauthOption(QStringLiteral("oauth"),
                                         tr("Sign in with OAuth when the server asks (tokens are kept in the keychain under "
                                            "the authorization server's issuer)."));
    const QCommandLineOption oauthHeadlessOption(
        QStringLiteral("oauth-headless"),
        tr("With --oauth: complete the authorization step without a browser (the code is taken from the authorization "
           "endpoint's redirect)."));
    const QCommandLineOption oauthClientOption(QStringLiteral("oauth-client-id"),
                                               tr("With --oauth: a client ID registered with the authorization server."),
                                               QStringLiteral("id"));
    const QCommandLineOption oauthMetadataOption(
        QStringLiteral("oauth-client-metadata-url"),
        tr("With --oauth: a Client ID Metadata Document URL to use as the client ID where the server supports them."),
        QStringLiteral("url"));
    parser.addOptions({oauthOption, oauthHeadlessOption, oauthClientOption, oauthMetadataOption});
    parser.addOptions({credential, argsOption, argOption, urlOption, transportOption, eraOption, headerOption, envOption, elicitOption,
                       elicitUrlOption, sampleOption, rootOption, traceOption, promptRefOption, templateRefOption,
                       jsonOption, quietOption, timeout});
    parser.addPositionalArgument(QStringLiteral("VERB"), tr("info, tools, call, resources, templates, read, prompts, prompt, complete or ping."));
    if (!parser.parse(arguments)) {
        return finish(UsageError, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return finish(Success);
    }
    m_json = parser.isSet(jsonOption);
    m_quiet = parser.isSet(quietOption);
    QStringList positional = parser.positionalArguments();
    m_verb = positional.value(0);
    m_verbArgs = positional.mid(1);
    const int wanted = noArgumentVerbs().contains(m_verb) ? 0 : oneArgumentVerbs().contains(m_verb) ? 1
        : m_verb == QLatin1String("complete")                                                         ? 2
                                                                                                      : -1;
    if (wanted < 0)
        return finish(UsageError, tr("unknown mcp verb '%1'; see mcp --help.").arg(m_verb));
    if (m_verbArgs.size() != wanted)
        return finish(UsageError, tr("mcp %1 takes %2 argument(s); see mcp --help.").arg(m_verb).arg(wanted));
    if (m_verb == QLatin1String("complete") && parser.isSet(promptRefOption) == parser.isSet(templateRefOption))
        return finish(UsageError, tr("mcp complete needs exactly one of --prompt NAME or --template URI."));
    if (m_verb == QLatin1String("complete")) {
        m_verbArgs.prepend(parser.isSet(promptRefOption) ? parser.value(promptRefOption) : parser.value(templateRefOption));
        m_verbArgs.prepend(parser.isSet(promptRefOption) ? QStringLiteral("ref/prompt") : QStringLiteral("ref/resource"));
    }
    const QString transportName = parser.value(transportOption);
    if (transportName != QLatin1String("auto") && transportName != QLatin1String("streamable-http")
        && transportName != QLatin1String("sse"))
        return finish(UsageError, tr("--transport takes auto, streamable-http or sse, not '%1'.").arg(transportName));
    const QString era = parser.value(eraOption);
    if (era != QLatin1String("auto") && era != QLatin1String("legacy") && era != QLatin1String("modern"))
        return finish(UsageError, tr("--era takes auto, legacy or modern, not '%1'.").arg(era));
    const bool remote = parser.isSet(urlOption);
    if (remote && !command.isEmpty())
        return finish(UsageError, tr("give either --url or a command after --, not both."));
    if (!remote && command.isEmpty())
        return finish(UsageError, tr("give a server: --url URL, or its command after -- (for example: mcp tools -- npx server)."));
    if (!remote && (parser.isSet(headerOption) || transportName != QLatin1String("auto")))
        return finish(UsageError, tr("--header and --transport are for remote servers (--url)."));
    if (remote && parser.isSet(envOption))
        return finish(UsageError, tr("--env is for stdio servers (a command after --)."));
    if (remote && era == QLatin1String("modern") && transportName == QLatin1String("sse"))
        return finish(UsageError, tr("the modern era (2026-07-28) has no HTTP+SSE transport; use --transport streamable-http."));
    m_timeoutMs = timeoutMs(parser, timeout);
    if (m_timeoutMs < 0)
        return finish(UsageError);
    const bool oauth = parser.isSet(oauthOption);
    if (!oauth && (parser.isSet(oauthHeadlessOption) || parser.isSet(oauthClientOption) || parser.isSet(oauthMetadataOption)))
        return finish(UsageError, tr("--oauth-headless, --oauth-client-id and --oauth-client-metadata-url go with --oauth."));
    if (oauth && !remote)
        return finish(UsageError, tr("--oauth is for remote servers (--url); a stdio server takes its credentials from --env."));
    if (oauth && parser.isSet(credential))
        return finish(UsageError, tr("give either --oauth or --credential, not both."));
    if (parser.isSet(oauthMetadataOption)) {
        const QUrl document(parser.value(oauthMetadataOption));
        if (document.scheme() != QLatin1String("https") || document.path().size() < 2)
            return finish(UsageError, tr("--oauth-client-metadata-url takes an https URL with a path, not '%1'.")
                                          .arg(terminalSafe(parser.value(oauthMetadataOption))));
    }
    if (parser.isSet(credential) && !m_credential) {
        // The credential is read from the keychain first; then start again.
        if (!remote)
            return finish(UsageError, tr("--credential is for remote servers (--url); a stdio server takes --env."));
        withCredential(
            this, parser.value(credential), false,
            [this, allArguments](const auth::Credential &found) {
                m_credential = found;
                start(allArguments);
            },
            [this](int code) { finish(code); });
        return;
    }
    m_argsJson = parser.value(argsOption);
    m_argPairs = parser.values(argOption);
    m_elicit = parser.value(elicitOption);
    m_elicitUrl = parser.value(elicitUrlOption);
    if (parser.isSet(sampleOption))
        m_sample = parser.value(sampleOption);
    m_roots = parser.values(rootOption);
    // Without a flag for them, a person at a terminal is asked.
    if ((m_roots.isEmpty() || !m_sample || m_elicit.isEmpty() || m_elicitUrl.isEmpty()) && TerminalPrompter::available())
        m_prompter = new TerminalPrompter(this);
    if (!m_elicitUrl.isEmpty() && !QStringList{QStringLiteral("accept"), QStringLiteral("decline"), QStringLiteral("cancel")}.contains(m_elicitUrl))
        return finish(UsageError, tr("--elicit-url takes accept, decline or cancel, not '%1'.").arg(m_elicitUrl));

    m_tracePath = parser.value(traceOption);
    if (!m_tracePath.isEmpty())
        m_trace = new traffic::TrafficLog(qsizetype(64) * 1024 * 1024, Clock::system(), this);

    mcp::McpTransport *transport = nullptr;
    mcp::McpSession::TransportFactory fallback;
    if (remote) {
        mcp::HttpEndpoint endpoint;
        endpoint.url = QUrl(parser.value(urlOption));
        if (!endpoint.url.isValid() || (endpoint.url.scheme() != QLatin1String("http") && endpoint.url.scheme() != QLatin1String("https")))
            return finish(UsageError, tr("--url takes an http or https URL, not '%1'.").arg(parser.value(urlOption)));
        endpoint.connectTimeoutMs = m_timeoutMs;
        for (const QString &header : parser.values(headerOption)) {
            const qsizetype colon = header.indexOf(QLatin1Char(':'));
            const QString name = header.left(colon).trimmed();
            if (colon <= 0 || name.isEmpty() || name.contains(QLatin1Char(' ')))
                return finish(UsageError, tr("--header takes \"Name: value\", not '%1'.").arg(terminalSafe(header)));
            endpoint.headers.emplaceBack(name.toLatin1(), header.mid(colon + 1).trimmed().toUtf8());
        }
        if (m_credential) {
            if (const auto header = m_credential->header()) {
                endpoint.headers.append(*header);
                endpoint.credentialHeaders.append(header->first);
            } else {
                endpoint.url = m_credential->withQuery(endpoint.url);
                endpoint.credentialParameters.append(m_credential->keyName);
            }
        }
        const auto makeSse = [this, endpoint]() -> mcp::McpTransport * {
            auto *sse = new mcp::SseTransport(endpoint);
            if (m_trace)
                sse->setTrafficLog(m_trace, QStringLiteral("mcp"));
            return sse;
        };
        if (oauth && transportName == QLatin1String("sse"))
            return finish(UsageError, tr("--oauth needs the Streamable HTTP transport."));
        if (transportName == QLatin1String("sse")) {
            transport = makeSse();
        } else {
            auto *streamable = new mcp::StreamableHttpTransport(endpoint);
            if (m_trace)
                streamable->setTrafficLog(m_trace, QStringLiteral("mcp"));
            if (oauth) {
                auth::OAuthOptions options;
                options.headless = parser.isSet(oauthHeadlessOption);
                options.requestTimeoutMs = m_timeoutMs;
                if (parser.isSet(oauthClientOption)) {
                    auth::OAuthClient client;
                    client.clientId = parser.value(oauthClientOption);
                    options.preRegistered = client;
                }
                if (parser.isSet(oauthMetadataOption))
                    options.clientMetadataUrl = QUrl(parser.value(oauthMetadataOption));
                options.openBrowser = [this](const QUrl &url) { openSignIn(url); };
                streamable->setAuthorizer(makeAuthorizer(endpoint.url, std::move(options)));
            }
            transport = streamable;
            if (transportName == QLatin1String("auto"))
                fallback = makeSse;
        }
    } else {
        mcp::StdioCommand stdio;
        stdio.program = command.first();
        stdio.arguments = command.mid(1);
        for (const QString &pair : parser.values(envOption)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return finish(UsageError, tr("--env takes NAME=VALUE, not '%1'.").arg(pair));
            stdio.environment.append({pair.left(eq), pair.mid(eq + 1)});
        }
        auto *stdioTransport = new mcp::StdioTransport(stdio);
        // A command-line run does not wait long for a server that ignores the
        // end of its input (server-everything keeps running): SIGTERM follows.
        stdioTransport->setCloseGraceMs(300);
        if (m_trace)
            stdioTransport->setTrafficLog(m_trace, QStringLiteral("mcp"));
        connect(stdioTransport, &mcp::StdioTransport::stderrLine, this, [this](const QString &line) {
            if (!m_quiet)
                err() << "server: " << terminalSafe(line) << Qt::endl;
        });
        transport = stdioTransport;
    }
    m_session = new mcp::McpSession(transport, this, this);
    m_session->setEraPreference(era == QLatin1String("legacy") ? mcp::McpSession::Era::Legacy
                                    : era == QLatin1String("modern") ? mcp::McpSession::Era::Modern
                                                                     : mcp::McpSession::Era::Auto);
    if (fallback)
        m_session->setFallbackTransport(fallback);
    // Log notifications are shown, so they are asked for (a modern server
    // sends none unless asked).
    if (!m_quiet)
        m_session->setLogLevel(QStringLiteral("info"));
    connect(m_session, &mcp::McpSession::ready, this, &McpCommand::run);
    // A failed start says what failed in its own words.
    connect(m_session, &mcp::McpSession::failed, this,
            [this](const mcp::McpError &e) { finish(exitCodeFor(e), e.message); });
    connect(m_session, &mcp::McpSession::protocolIssue, this, [this](const QString &why) {
        if (!m_quiet)
            err() << tr("warning: %1").arg(terminalSafe(why)) << Qt::endl;
    });
    connect(m_session, &mcp::McpSession::progress, this, [this](double progress, double total, const QString &message) {
        if (m_quiet)
            return;
        err() << "progress: " << progress;
        if (total >= 0)
            err() << '/' << total;
        if (!message.isEmpty())
            err() << ' ' << terminalSafe(message);
        err() << Qt::endl;
    });
    connect(m_session, &mcp::McpSession::logMessage, this, [this](const QString &level, const QString &, const json &data) {
        if (!m_quiet)
            err() << "log " << terminalSafe(level) << ": " << terminalSafe(text(data)) << Qt::endl;
    });
    connect(m_session, &mcp::McpSession::closed, this, [this](const QString &) {
        if (m_exitCode >= 0)
            exitSoon(m_exitCode); // the server has been shut down in order
    });
    m_session->open(m_timeoutMs);
}

void McpCommand::run()
{
    const auto answer = [this](const mcp::McpError &error, const json &result) {
        if (!error.ok())
            return finishWith(error);
        printResult(result);
        finish(Success);
    };
    if (m_verb == QLatin1String("info")) {
        printResult(json{{"era", m_session->era().toStdString()},
                         {"protocolVersion", m_session->protocolVersion().toStdString()},
                         {"transport", m_session->transportName().toStdString()},
                         {"serverInfo", m_session->serverInfo()},
                         {"capabilities", m_session->capabilities()},
                         {"instructions", m_session->instructions().toStdString()}});
        return finish(Success);
    }
    if (m_verb == QLatin1String("ping"))
        return (void)m_session->request(QStringLiteral("ping"), json::object(), m_timeoutMs, this, answer);
    // A list verb prints the list alone (the caching hints are for the GUI).
    const auto list = [this](const QString &method, const char *key) {
        m_session->listAll(method, QLatin1String(key), m_timeoutMs, this, [this, key](const mcp::McpError &error, const json &result) {
            if (!error.ok())
                return finishWith(error);
            printResult(json{{key, result.at(key)}});
            finish(Success);
        });
    };
    if (m_verb == QLatin1String("tools"))
        return list(QStringLiteral("tools/list"), "tools");
    if (m_verb == QLatin1String("resources"))
        return list(QStringLiteral("resources/list"), "resources");
    if (m_verb == QLatin1String("templates"))
        return list(QStringLiteral("resources/templates/list"), "resourceTemplates");
    if (m_verb == QLatin1String("prompts"))
        return list(QStringLiteral("prompts/list"), "prompts");
    if (m_verb == QLatin1String("read"))
        return (void)m_session->request(QStringLiteral("resources/read"), json{{"uri", m_verbArgs.first().toStdString()}}, m_timeoutMs,
                                  this, answer);
    if (m_verb == QLatin1String("complete")) {
        json ref{{"type", m_verbArgs.at(0).toStdString()}};
        ref[m_verbArgs.at(0) == QLatin1String("ref/prompt") ? "name" : "uri"] = m_verbArgs.at(1).toStdString();
        return (void)m_session->request(QStringLiteral("completion/complete"),
                                  json{{"ref", ref},
                                       {"argument", {{"name", m_verbArgs.at(2).toStdString()}, {"value", m_verbArgs.at(3).toStdString()}}}},
                                  m_timeoutMs, this, answer);
    }
    if (m_verb == QLatin1String("prompt")) {
        const std::optional<json> args = arguments(json()); // prompt arguments are strings
        if (!args)
            return;
        return (void)m_session->request(QStringLiteral("prompts/get"),
                                  json{{"name", m_verbArgs.first().toStdString()}, {"arguments", *args}}, m_timeoutMs, this,
                                  answer);
    }
    // call: the tool's schema is read first, to coerce and check the arguments.
    m_session->listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), m_timeoutMs, this,
                       [this, answer](const mcp::McpError &error, const json &result) {
                           if (!error.ok())
                               return answer(error, result);
                           for (const json &tool : result.at("tools")) {
                               if (json_fields::text(tool, "name") == m_verbArgs.first())
                                   return callTool(tool);
                           }
                           finish(UsageError, tr("The server has no tool named '%1'.").arg(terminalSafe(m_verbArgs.first())));
                       });
}

std::optional<json> McpCommand::arguments(const json &inputSchema)
{
    json args = json::object();
    if (!m_argsJson.isEmpty()) {
        const QByteArray utf8 = m_argsJson.toUtf8();
        args = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        if (!args.is_object()) {
            finish(UsageError, tr("--args takes a JSON object."));
            return std::nullopt;
        }
    }
    const json *properties = json_fields::member(inputSchema, "properties");
    for (const QString &pair : std::as_const(m_argPairs)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            finish(UsageError, tr("--arg takes name=value, not '%1'.").arg(pair));
            return std::nullopt;
        }
        const QString name = pair.left(eq);
        const json *property = properties && properties->is_object() ? json_fields::member(*properties, name.toUtf8().constData())
                                                                     : nullptr;
        args[name.toStdString()] = inputSchema.is_null() ? json(pair.mid(eq + 1).toStdString()) : coerce(pair.mid(eq + 1), property);
    }
    return args;
}

void McpCommand::callTool(const json &tool)
{
    const json *inputSchema = json_fields::member(tool, "inputSchema");
    const std::optional<json> args = arguments(inputSchema ? *inputSchema : json::object());
    if (!args)
        return;
    if (inputSchema) {
        const schema::SchemaCheck check = mcp::McpToolCall::checkArguments(tool, *args);
        if (check.verdict == schema::SchemaCheck::Verdict::Invalid) {
            for (const schema::SchemaProblem &p : check.problems)
                err() << (p.pointer.isEmpty() ? QStringLiteral("/") : p.pointer) << ": " << terminalSafe(p.message) << Qt::endl;
            return finish(UsageError, tr("The arguments do not match the tool's input schema; nothing was sent."));
        }
        if (check.verdict == schema::SchemaCheck::Verdict::Unchecked && !m_quiet)
            err() << tr("warning: the arguments were not checked: %1").arg(check.whyUnchecked) << Qt::endl;
        for (const QString &place : check.unvalidated) {
            if (!m_quiet)
                err() << tr("warning: %1 in the input schema refers to another document, which Crosstalk never fetches; "
                            "what it describes was not checked.")
                             .arg(place)
                      << Qt::endl;
        }
    }
    auto *call = new mcp::McpToolCall(m_session, tool, *args, m_timeoutMs, this);
    connect(call, &mcp::McpToolCall::taskUpdated, this, [this, call](const json &task) {
        if (m_quiet)
            return;
        const QString message = json_fields::text(task, "statusMessage");
        err() << "task " << terminalSafe(call->taskId()) << ": " << terminalSafe(json_fields::text(task, "status"));
        if (!message.isEmpty())
            err() << ' ' << terminalSafe(message);
        err() << Qt::endl;
    });
    connect(call, &mcp::McpToolCall::finished, this, [this, call](const mcp::McpError &error) {
        if (!error.ok())
            return finishWith(error);
        for (const schema::SchemaProblem &p : call->outputProblems())
            err() << "structuredContent" << p.pointer << ": " << terminalSafe(p.message) << Qt::endl;
        json out = call->result();
        out["outputValid"] = call->outputValid();
        printResult(out);
        const bool failed = json_fields::flag(out, "isError") || call->outputValid() == json(false);
        finish(failed ? 3 : Success);
    });
    call->start();
}

void McpCommand::printResult(const json &result)
{
    if (m_json) {
        printJsonLine(result);
        return;
    }
    // For people: text content as text, everything else as indented JSON.
    if (const json *content = json_fields::member(result, "content"); content && content->is_array()) {
        for (const json &item : *content) {
            if (json_fields::text(item, "type") == QLatin1String("text"))
                out() << terminalSafe(json_fields::text(item, "text")) << Qt::endl;
            else
                out() << terminalSafe(QString::fromStdString(item.dump(2))) << Qt::endl;
        }
        if (const json *structured = json_fields::member(result, "structuredContent"))
            out() << terminalSafe(QString::fromStdString(structured->dump(2))) << Qt::endl;
        return;
    }
    out() << terminalSafe(QString::fromStdString(result.dump(2, ' ', false, json::error_handler_t::replace))) << Qt::endl;
}

void McpCommand::handleServerRequest(const QString &method, const json &params, Reply reply, Refuse refuse)
{
    using ask = TerminalAnswers;
    if (method == QLatin1String("roots/list")) {
        if (m_roots.isEmpty() && m_prompter)
            return m_prompter->ask(ask::roots(reply));
        json roots = json::array();
        for (const QString &uri : std::as_const(m_roots))
            roots.push_back({{"uri", uri.toStdString()}});
        return reply(json{{"roots", roots}});
    }
    if (method == QLatin1String("sampling/createMessage")) {
        if (m_sample) {
            return reply(json{{"role", "assistant"},
                              {"content", {{"type", "text"}, {"text", m_sample->toStdString()}}},
                              {"model", "crosstalk-cli"},
                              {"stopReason", "endTurn"}});
        }
        if (m_prompter)
            return m_prompter->ask(ask::sampling(params, reply, refuse));
        jsonrpc::ErrorObject e;
        e.code = -1;
        e.message = QStringLiteral("Sampling was declined: crosstalk-cli answers it only with --sample or at a terminal.");
        return refuse(e);
    }
    // elicitation/create
    const bool urlMode = json_fields::text(params, "mode") == QLatin1String("url");
    const QString answer = urlMode ? m_elicitUrl : m_elicit;
    if (answer.isEmpty() && m_prompter) {
        return m_prompter->ask(urlMode ? ask::elicitationUrl(params, [this](const QString &url) { openUrl(url); }, reply)
                                       : ask::elicitationForm(params, reply));
    }
    if (urlMode) {
        if (answer == QLatin1String("accept"))
            openUrl(json_fields::text(params, "url"));
        return reply(json{{"action", answer.isEmpty() ? "decline" : answer.toStdString()}});
    }
    if (answer.isEmpty() || answer == QLatin1String("decline") || answer == QLatin1String("cancel"))
        return reply(json{{"action", answer.isEmpty() ? "decline" : answer.toStdString()}});
    const QByteArray utf8 = answer.toUtf8();
    const json content = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (!content.is_object()) {
        if (!m_quiet)
            err() << tr("warning: --elicit is not a JSON object; the elicitation was declined.") << Qt::endl;
        return reply(json{{"action", "decline"}});
    }
    reply(json{{"action", "accept"}, {"content", content}});
}

void McpCommand::openUrl(const QString &url)
{
    err() << tr("The server asks you to open: %1").arg(terminalSafe(url)) << Qt::endl;
    // Opened only on a desktop, and only a web page: the person said yes to
    // this URL, not to whatever program another scheme would start.
    const QString scheme = QUrl(url).scheme();
    const bool desktop = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (!desktop || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return;
    if (!QProcess::startDetached(QStringLiteral("xdg-open"), {url}))
        err() << tr("warning: the page could not be opened (xdg-open did not start); open it yourself.") << Qt::endl;
}

auth::OAuthAuthorizer *McpCommand::makeAuthorizer(const QUrl &url, auth::OAuthOptions options)
{
    auto *authorizer = new auth::OAuthAuthorizer(url, std::move(options), this);
    if (m_trace)
        authorizer->setTrafficLog(m_trace, QStringLiteral("oauth"));
    auto *store = new auth::CredentialStore(QString::fromLatin1(auth::CredentialStore::DefaultService), authorizer);
    // Tokens live in the keychain under the issuer; when it cannot be read
    // or written, the command stops and says so (there is no file fallback).
    authorizer->setGrantStorage(
        [this, store](const QString &issuer, std::function<void(std::optional<auth::OAuthGrant>)> done) {
            store->loadGrant(issuer, this, [this, done](const std::optional<auth::OAuthGrant> &grant, const QString &error) {
                if (!error.isEmpty())
                    return finish(KeychainFailed, tr("--oauth keeps tokens in the keychain: %1").arg(terminalSafe(error)));
                done(grant);
            });
        },
        [this, store](const auth::OAuthGrant &grant) {
            store->saveGrant(grant, this, [this](const QString &error) {
                if (!error.isEmpty())
                    finish(KeychainFailed, tr("--oauth keeps tokens in the keychain: %1").arg(terminalSafe(error)));
            });
        });
    connect(authorizer, &auth::OAuthAuthorizer::stepAdded, this, [this](const auth::AuthStep &step) {
        if (m_quiet && step.verdict != auth::AuthStep::Verdict::Failed)
            return;
        err() << "oauth " << describeAuthStep(step) << Qt::endl;
    });
    return authorizer;
}

void McpCommand::openSignIn(const QUrl &url)
{
    err() << tr("Sign in at: %1").arg(terminalSafe(url.toDisplayString())) << Qt::endl;
    const bool desktop = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (desktop && !QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
        err() << tr("warning: the browser could not be opened (xdg-open did not start); open the address yourself.") << Qt::endl;
}

int McpCommand::exitCodeFor(const mcp::McpError &error)
{
    // A refused authorization is the server's answer.
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return ProtocolError;
    return error.kind == mcp::McpError::Kind::Remote || error.kind == mcp::McpError::Kind::Protocol ? ProtocolError
                                                                                                     : Unreachable;
}

void McpCommand::finishWith(const mcp::McpError &error)
{
    finish(exitCodeFor(error), error.kind == mcp::McpError::Kind::Remote
                                   ? tr("The server answered with error %1: %2").arg(error.code).arg(terminalSafe(error.message))
                                   : error.message);
}

void McpCommand::finish(int code, const QString &error)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = code;
    if (!error.isEmpty())
        fail(error);
    writeTrace();
    // The server is shut down in order before the CLI exits.
    if (m_session && m_session->transport())
        m_session->close();
    else
        exitSoon(code);
}

void McpCommand::writeTrace()
{
    if (!m_trace)
        return;
    QSaveFile file(m_tracePath);
    QString why;
    if (!file.open(QIODevice::WriteOnly) || !m_trace->exportNdjson(&file, &why) || !file.commit()) {
        err() << tr("warning: the trace could not be written to %1: %2")
                     .arg(m_tracePath, why.isEmpty() ? file.errorString() : why)
              << Qt::endl;
    }
}

} // namespace crosstalk::cli
