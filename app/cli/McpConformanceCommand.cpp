#include "McpConformanceCommand.h"

#include "CliSupport.h"

#include "mcp/McpToolCall.h"
#include "mcp/SseTransport.h"
#include "mcp/StreamableHttpTransport.h"
#include "schema/SampleValue.h"
#include "schema/SchemaValidator.h"
#include "util/HiddenText.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace crosstalk::cli {

using nlohmann::json;

namespace {

json parseObject(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    json value = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    return value.is_object() ? value : json::object();
}

} // namespace

McpConformanceCommand::McpConformanceCommand(QObject *parent)
    : QObject(parent)
{
}

void McpConformanceCommand::start(const QStringList &arguments)
{
    // The suite appends the server URL as the last argument.
    const QStringList args = arguments.mid(1);
    if (args.size() != 1 || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        err() << tr("usage: crosstalk-cli mcp-conformance URL\n"
                    "The client the MCP conformance suite drives; it reads MCP_CONFORMANCE_SCENARIO,\n"
                    "MCP_CONFORMANCE_PROTOCOL_VERSION and MCP_CONFORMANCE_CONTEXT.")
              << Qt::endl;
        return finish(args.size() == 1 ? Success : UsageError);
    }
    const QUrl url(args.first());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return finish(UsageError, tr("mcp-conformance takes the server's http or https URL, not '%1'.").arg(args.first()));

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    m_scenario = env.value(QStringLiteral("MCP_CONFORMANCE_SCENARIO"));
    m_context = parseObject(env.value(QStringLiteral("MCP_CONFORMANCE_CONTEXT")));
    const QString version = env.value(QStringLiteral("MCP_CONFORMANCE_PROTOCOL_VERSION"));
    mcp::McpSession::Era era = mcp::McpSession::Era::Auto;
    if (version == mcp::McpSession::modernVersion())
        era = mcp::McpSession::Era::Modern;
    else if (mcp::McpSession::legacyVersions().contains(version))
        era = mcp::McpSession::Era::Legacy;
    note(tr("scenario %1, protocol version %2").arg(m_scenario.isEmpty() ? QStringLiteral("-") : m_scenario,
                                                     version.isEmpty() ? QStringLiteral("auto") : version));

    mcp::HttpEndpoint endpoint;
    endpoint.url = url;
    endpoint.connectTimeoutMs = m_requestTimeoutMs;
    auto *transport = new mcp::StreamableHttpTransport(endpoint);
    auth::OAuthOptions oauth;
    oauth.headless = true;
    oauth.requestTimeoutMs = m_requestTimeoutMs;
    oauth.clientMetadataUrl = QUrl(QString::fromLatin1(SuiteClientMetadataUrl));
    if (const QString clientId = json_fields::text(m_context, "client_id"); !clientId.isEmpty()) {
        auth::OAuthClient client;
        client.clientId = clientId;
        client.clientSecret = json_fields::text(m_context, "client_secret");
        client.issuer = json_fields::text(m_context, "issuer");
        oauth.preRegistered = client;
    }
    m_authorizer = new auth::OAuthAuthorizer(url, oauth, this);
    connect(m_authorizer, &auth::OAuthAuthorizer::stepAdded, this, [this](const auth::AuthStep &step) {
        note(QStringLiteral("auth ") + describeAuthStep(step));
    });
    transport->setAuthorizer(m_authorizer);
    m_session = new mcp::McpSession(transport, this, this);
    m_session->setEraPreference(era);
    if (era != mcp::McpSession::Era::Modern)
        m_session->setFallbackTransport([endpoint]() -> mcp::McpTransport * { return new mcp::SseTransport(endpoint); });
    connect(m_session, &mcp::McpSession::ready, this, [this] {
        note(tr("connected: %1 era, MCP %2, %3")
                 .arg(m_session->era(), m_session->protocolVersion(), m_session->transportName()));
        planWalk();
        next();
    });
    connect(m_session, &mcp::McpSession::failed, this, [this](const mcp::McpError &e) { finish(ProtocolError, e.message); });
    connect(m_session, &mcp::McpSession::protocolIssue, this,
            [this](const QString &why) { note(tr("warning: %1").arg(terminalSafe(why))); });
    connect(m_session, &mcp::McpSession::logMessage, this, [this](const QString &level, const QString &, const json &data) {
        note(QStringLiteral("log %1: %2").arg(terminalSafe(level), terminalSafe(QString::fromStdString(data.dump()))));
    });
    connect(m_session, &mcp::McpSession::closed, this, [this](const QString &) {
        if (m_exitCode >= 0)
            exitSoon(m_exitCode);
    });
    m_session->open(m_requestTimeoutMs * 2);
}

void McpConformanceCommand::planWalk()
{
    // The tools: every page, then the calls the context names, or each tool
    // once with the arguments its schema proposes.
    then([this] {
        m_session->listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), m_requestTimeoutMs, this,
                           [this](const mcp::McpError &error, const json &result) {
                               if (!error.ok()) {
                                   countFailure(error);
                                   note(tr("tools/list failed: %1").arg(terminalSafe(error.message)));
                               } else {
                                   m_tools = result.at("tools");
                                   note(tr("tools/list: %1 tool(s)").arg(m_tools.size()));
                                   const json *calls = json_fields::member(m_context, "toolCalls");
                                   if (calls && calls->is_array()) {
                                       for (const json &call : *calls) {
                                           const QString name = json_fields::text(call, "name");
                                           const json *arguments = json_fields::member(call, "arguments");
                                           const json args = arguments ? *arguments : json::object();
                                           m_steps.push_front([this, name, args] { callTool(name, args); });
                                       }
                                   } else {
                                       std::deque<Step> calls;
                                       for (const json &tool : m_tools) {
                                           const QString name = json_fields::text(tool, "name");
                                           const json *schema = json_fields::member(tool, "inputSchema");
                                           const json args = schema ? schema::sampleValue(*schema) : json::object();
                                           if (schema) {
                                               const schema::SchemaCheck check = schema::validate(*schema, args);
                                               if (check.verdict == schema::SchemaCheck::Verdict::Invalid) {
                                                   note(tr("tools/call %1: skipped, the schema's own proposal does not "
                                                           "satisfy it (%2)")
                                                            .arg(terminalSafe(name), check.problems.value(0).message));
                                                   continue;
                                               }
                                           }
                                           calls.push_back([this, name, args] { callTool(name, args.is_object() ? args : json::object()); });
                                       }
                                       m_steps.insert(m_steps.begin(), calls.begin(), calls.end());
                                   }
                               }
                               next();
                           });
    });
    if (m_scenario == QLatin1String("json-schema-2020-12-preservation")) {
        // This scenario's flow: the echo tool gets back each other tool's
        // input schema exactly as Crosstalk holds it.
        then([this] {
            for (const json &tool : m_tools) {
                const json *schema = json_fields::member(tool, "inputSchema");
                if (json_fields::text(tool, "name") != QLatin1String("json_schema_echo") && schema) {
                    callTool(QStringLiteral("json_schema_echo"), json{{"schema", *schema}});
                    return;
                }
            }
            next();
        });
    }
    // Resources and prompts, when the server offers them.
    then([this] {
        if (!m_session->capabilities().contains("resources"))
            return next();
        m_session->listAll(QStringLiteral("resources/list"), QStringLiteral("resources"), m_requestTimeoutMs, this,
                           [this](const mcp::McpError &error, const json &result) {
                               if (!error.ok()) {
                                   countFailure(error);
                                   note(tr("resources/list failed: %1").arg(terminalSafe(error.message)));
                                   return next();
                               }
                               const json &resources = result.at("resources");
                               note(tr("resources/list: %1 resource(s)").arg(resources.size()));
                               if (resources.empty())
                                   return next();
                               const QString uri = json_fields::text(resources.front(), "uri");
                               m_session->request(QStringLiteral("resources/read"), json{{"uri", uri.toStdString()}},
                                                  m_requestTimeoutMs, this, [this, uri](const mcp::McpError &e, const json &) {
                                                      countFailure(e);
                                                      note(tr("resources/read %1: %2")
                                                               .arg(terminalSafe(uri), e.ok() ? tr("ok") : terminalSafe(e.message)));
                                                      next();
                                                  });
                           });
    });
    then([this] {
        if (!m_session->capabilities().contains("prompts"))
            return next();
        m_session->listAll(QStringLiteral("prompts/list"), QStringLiteral("prompts"), m_requestTimeoutMs, this,
                           [this](const mcp::McpError &error, const json &result) {
                               if (!error.ok()) {
                                   countFailure(error);
                                   note(tr("prompts/list failed: %1").arg(terminalSafe(error.message)));
                                   return next();
                               }
                               const json &prompts = result.at("prompts");
                               note(tr("prompts/list: %1 prompt(s)").arg(prompts.size()));
                               if (prompts.empty())
                                   return next();
                               const QString name = json_fields::text(prompts.front(), "name");
                               json arguments = json::object();
                               if (const json *declared = json_fields::member(prompts.front(), "arguments");
                                   declared && declared->is_array()) {
                                   for (const json &argument : *declared) {
                                       if (json_fields::flag(argument, "required"))
                                           arguments[json_fields::text(argument, "name").toStdString()] = "";
                                   }
                               }
                               m_session->request(QStringLiteral("prompts/get"),
                                                  json{{"name", name.toStdString()}, {"arguments", arguments}},
                                                  m_requestTimeoutMs, this, [this, name](const mcp::McpError &e, const json &) {
                                                      countFailure(e);
                                                      note(tr("prompts/get %1: %2")
                                                               .arg(terminalSafe(name), e.ok() ? tr("ok") : terminalSafe(e.message)));
                                                      next();
                                                  });
                           });
    });
}

void McpConformanceCommand::callTool(const QString &name, const json &arguments)
{
    json tool{{"name", name.toStdString()}};
    for (const json &known : m_tools) {
        if (json_fields::text(known, "name") == name)
            tool = known;
    }
    auto *call = new mcp::McpToolCall(m_session, tool, arguments, m_requestTimeoutMs, this);
    connect(call, &mcp::McpToolCall::finished, this, [this, name, call](const mcp::McpError &error) {
        call->deleteLater();
        if (!error.ok()) {
            countFailure(error);
            note(tr("tools/call %1 failed: %2").arg(terminalSafe(name), terminalSafe(error.message)));
        } else {
            note(tr("tools/call %1: %2").arg(terminalSafe(name), json_fields::flag(call->result(), "isError") ? tr("tool error") : tr("ok")));
        }
        next();
    });
    call->start();
}

void McpConformanceCommand::countFailure(const mcp::McpError &error)
{
    // A JSON-RPC error is the server's answer; anything else (no answer, a
    // broken protocol) is a failure of the walk.
    if (!error.ok() && error.kind != mcp::McpError::Kind::Remote)
        ++m_failures;
}

void McpConformanceCommand::next()
{
    if (m_exitCode >= 0)
        return;
    if (m_steps.empty())
        return finish(m_failures == 0 ? Success : ProtocolError,
                      m_failures == 0 ? QString() : tr("%1 request(s) failed.").arg(m_failures));
    Step step = std::move(m_steps.front());
    m_steps.pop_front();
    step();
}

void McpConformanceCommand::handleServerRequest(const QString &method, const json &params, Reply reply, Refuse refuse)
{
    Q_UNUSED(refuse);
    note(tr("server asks: %1").arg(method));
    if (method == QLatin1String("roots/list"))
        return reply(json{{"roots", json::array()}});
    if (method == QLatin1String("sampling/createMessage")) {
        return reply(json{{"role", "assistant"},
                          {"content", {{"type", "text"}, {"text", "Crosstalk conformance client"}}},
                          {"model", "crosstalk"},
                          {"stopReason", "endTurn"}});
    }
    if (json_fields::text(params, "mode") == QLatin1String("url")) {
        note(tr("the server asks to open %1 (not opened)").arg(terminalSafe(json_fields::text(params, "url"))));
        return reply(json{{"action", "accept"}});
    }
    const json *schema = json_fields::member(params, "requestedSchema");
    json content = schema ? schema::sampleValue(*schema) : json::object();
    if (!content.is_object())
        content = json::object();
    reply(json{{"action", "accept"}, {"content", content}});
}

void McpConformanceCommand::note(const QString &line)
{
    err() << line << Qt::endl;
}

void McpConformanceCommand::finish(int code, const QString &error)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = code;
    if (!error.isEmpty())
        fail(error);
    if (m_session)
        m_session->close();
    else
        exitSoon(code);
}

} // namespace crosstalk::cli
