// McpSession against server-everything over each transport (stdio,
// Streamable HTTP, HTTP+SSE): every list read whole, every tool called with
// arguments that satisfy its schema, progress, sampling, form and URL
// elicitation and roots answered, a resource subscription delivering
// updates, completions, and a task polled to its result.
#include "mcp/McpSession.h"
#include "mcp/McpToolCall.h"
#include "mcp/SseTransport.h"
#include "mcp/StdioTransport.h"
#include "mcp/StreamableHttpTransport.h"
#include "schema/SampleValue.h"
#include "schema/SchemaValidator.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace crosstalk;
using nlohmann::json;

namespace {

const QString everythingScript = QStringLiteral("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

/// Answers server requests and input requests as a person would, and
/// records which came.
struct Handler : mcp::McpClientHandler
{
    QStringList methods;
    void handleServerRequest(const QString &method, const json &params, Reply reply, Refuse) override
    {
        methods.append(method);
        if (method == QLatin1String("roots/list")) {
            reply(json{{"roots", json::array({{{"uri", "file:///tmp/crosstalk-root"}, {"name", "scratch"}}})}});
        } else if (method == QLatin1String("sampling/createMessage")) {
            reply(json{{"role", "assistant"}, {"content", {{"type", "text"}, {"text", "sampled by the test"}}},
                       {"model", "test"}, {"stopReason", "endTurn"}});
        } else if (params.value("mode", "") == "url") {
            methods.append(QStringLiteral("elicitation/create (url)"));
            reply(json{{"action", "accept"}});
        } else {
            const json schema = params.value("requestedSchema", json::object());
            reply(json{{"action", "accept"}, {"content", schema::sampleValue(schema)}});
        }
    }
};

struct Result
{
    mcp::McpError error;
    json value;
    bool done = false;
};

Result wait(const std::function<void(mcp::McpSession::Callback)> &start, int timeoutMs = 20000)
{
    auto r = std::make_shared<Result>();
    start([r](const mcp::McpError &e, const json &v) {
        r->error = e;
        r->value = v;
        r->done = true;
    });
    if (!QTest::qWaitFor([&] { return r->done; }, timeoutMs))
        r->error = {mcp::McpError::Kind::Timeout, QStringLiteral("the test's own wait ran out"), 0, {}, 0};
    return *r;
}

Result call(mcp::McpSession &s, const QString &method, const json &params, bool withProgress = false)
{
    return wait([&](mcp::McpSession::Callback cb) { s.request(method, params, 20000, &s, cb, withProgress); });
}

Result listAll(mcp::McpSession &s, const QString &method, const QString &key)
{
    return wait([&](mcp::McpSession::Callback cb) { s.listAll(method, key, 20000, &s, cb); });
}

} // namespace

class TestMcpEverything : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everything_data();
    void everything();
    void sseEndpointFallback();
    void restartedServerLosesTheSession();

private:
    /// Starts server-everything over `transport` and opens a session on it.
    std::unique_ptr<mcp::McpSession> open(const QString &transport, Handler *handler, test::PeerProcess &peer);
};

void TestMcpEverything::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
}

std::unique_ptr<mcp::McpSession> TestMcpEverything::open(const QString &transport, Handler *handler, test::PeerProcess &peer)
{
    mcp::McpTransport *t = nullptr;
    if (transport == QLatin1String("stdio")) {
        t = new mcp::StdioTransport({test::nodeProgram(), {test::peersDir() + QLatin1Char('/') + everythingScript}, {}, {}});
    } else {
        const bool sse = transport == QLatin1String("sse");
        if (!peer.start(everythingScript, {sse ? QStringLiteral("sse") : QStringLiteral("streamableHttp")})) {
            qWarning("%s", qPrintable(peer.errorString()));
            return nullptr;
        }
        mcp::HttpEndpoint endpoint;
        endpoint.url = peer.url(sse ? QStringLiteral("/sse") : QStringLiteral("/mcp"));
        t = sse ? static_cast<mcp::McpTransport *>(new mcp::SseTransport(endpoint))
                : static_cast<mcp::McpTransport *>(new mcp::StreamableHttpTransport(endpoint));
    }
    auto session = std::make_unique<mcp::McpSession>(t, handler);
    QSignalSpy ready(session.get(), &mcp::McpSession::ready);
    QSignalSpy failed(session.get(), &mcp::McpSession::failed);
    session->open(20000);
    if (!ready.wait(20000)) {
        qWarning("no session: %s", failed.isEmpty() ? "timeout" : qPrintable(failed.first().at(0).value<mcp::McpError>().message));
        return nullptr;
    }
    return session;
}

void TestMcpEverything::everything_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("stdio") << QStringLiteral("stdio");
    QTest::newRow("streamable-http") << QStringLiteral("streamable-http");
    QTest::newRow("sse") << QStringLiteral("sse");
}

void TestMcpEverything::everything()
{
    QFETCH(QString, transport);
    Handler handler;
    test::PeerProcess peer;
    std::unique_ptr<mcp::McpSession> session = open(transport, &handler, peer);
    QVERIFY(session);
    mcp::McpSession &s = *session;
    QCOMPARE(s.transportName(), transport);
    QCOMPARE(s.era(), QStringLiteral("legacy")); // auto found it: server-everything speaks 2025-11-25
    QCOMPARE(s.protocolVersion(), QStringLiteral("2025-11-25"));
    if (transport == QLatin1String("streamable-http"))
        QVERIFY(!static_cast<mcp::StreamableHttpTransport *>(s.transport())->sessionId().isEmpty());
    QSignalSpy progress(&s, &mcp::McpSession::progress);
    QList<QPair<QString, json>> notifications;
    connect(&s, &mcp::McpSession::notificationReceived, this,
            [&](const QString &method, const json &params) { notifications.append({method, params}); });

    // Every list, all pages.
    const Result tools = listAll(s, QStringLiteral("tools/list"), QStringLiteral("tools"));
    QVERIFY2(tools.error.ok(), qPrintable(tools.error.message));
    const Result resources = listAll(s, QStringLiteral("resources/list"), QStringLiteral("resources"));
    QVERIFY2(resources.error.ok(), qPrintable(resources.error.message));
    QVERIFY(!resources.value.at("resources").empty());
    const Result templates = listAll(s, QStringLiteral("resources/templates/list"), QStringLiteral("resourceTemplates"));
    QVERIFY2(templates.error.ok(), qPrintable(templates.error.message));
    QVERIFY(!templates.value.at("resourceTemplates").empty());
    const Result prompts = listAll(s, QStringLiteral("prompts/list"), QStringLiteral("prompts"));
    QVERIFY2(prompts.error.ok(), qPrintable(prompts.error.message));

    // A subscription: toggle-subscriber-updates, called with every other
    // tool below, makes the server send updates for it.
    const std::string uri = resources.value.at("resources").front().at("uri").get<std::string>();
    const Result subscribed = call(s, QStringLiteral("resources/subscribe"), {{"uri", uri}});
    QVERIFY2(subscribed.error.ok(), qPrintable(subscribed.error.message));
    // Every tool, with arguments that satisfy its schema. Some get values of
    // the test's choosing: no network fetch, short waits.
    const QHash<QString, json> chosen{
        {QStringLiteral("gzip-file-as-resource"), {{"data", "data:text/plain;base64,aGVsbG8="}, {"name", "hello.txt.gz"}}},
        {QStringLiteral("trigger-long-running-operation"), {{"duration", 1}, {"steps", 3}}},
        {QStringLiteral("trigger-url-elicitation"), {{"url", "https://example.com/consent"}}},
        {QStringLiteral("trigger-sampling-request"), {{"prompt", "hello"}, {"maxTokens", 10}}},
    };
    QStringList called;
    int tasks = 0;
    for (const json &tool : tools.value.at("tools")) {
        const QString name = QString::fromStdString(tool.at("name").get<std::string>());
        const json schema = tool.value("inputSchema", json::object());
        const json args = chosen.contains(name) ? chosen.value(name) : schema::sampleValue(schema);
        const schema::SchemaCheck check = schema::validate(schema, args);
        QVERIFY2(check.verdict == schema::SchemaCheck::Verdict::Valid, qPrintable(name + QLatin1String(": ") + QString::fromStdString(args.dump())));
        // Every call goes through McpToolCall: a tool that requires a task
        // gets one, polled to its end and its result read.
        mcp::McpToolCall toolCall(&s, tool, args, 30000);
        QList<json> states;
        connect(&toolCall, &mcp::McpToolCall::taskUpdated, this, [&](const json &task) { states.append(task); });
        QSignalSpy finished(&toolCall, &mcp::McpToolCall::finished);
        toolCall.start();
        QVERIFY2(finished.wait(40000), qPrintable(name));
        const auto error = finished.first().at(0).value<mcp::McpError>();
        QVERIFY2(error.ok(), qPrintable(name + QLatin1String(": ") + error.message));
        QVERIFY2(!toolCall.result().value("isError", false), qPrintable(name + QLatin1String(": ") + QString::fromStdString(toolCall.result().dump())));
        QVERIFY(!toolCall.result().value("content", json::array()).empty());
        if (tool.contains("outputSchema"))
            QCOMPARE(toolCall.outputValid(), json(true));
        if (tool.value("execution", json::object()).value("taskSupport", "") == "required") {
            QVERIFY2(!toolCall.taskId().isEmpty(), qPrintable(name));
            QVERIFY(!states.isEmpty());
            QCOMPARE(QString::fromStdString(states.first().value("status", "")), QStringLiteral("working"));
            ++tasks;
        } else {
            QVERIFY(toolCall.taskId().isEmpty());
        }
        called.append(name);
    }
    QCOMPARE(called.size(), int(tools.value.at("tools").size()));
    QVERIFY(tasks > 0); // server-everything has tools that run only as tasks
    QVERIFY(called.contains(QStringLiteral("echo")));
    QVERIFY(!progress.isEmpty()); // the long-running operation reported its steps
    for (const char *method : {"roots/list", "sampling/createMessage", "elicitation/create", "elicitation/create (url)"})
        QVERIFY2(handler.methods.contains(QLatin1String(method)), method);

    // Completions answer.
    const Result completed = call(s, QStringLiteral("completion/complete"),
                                  {{"ref", {{"type", "ref/prompt"}, {"name", "completable-prompt"}}},
                                   {"argument", {{"name", "department"}, {"value", "E"}}}});
    QVERIFY2(completed.error.ok(), qPrintable(completed.error.message));
    QVERIFY(!completed.value.at("completion").at("values").empty());

    // The subscription delivers updates (every 5 s once toggled on).
    QVERIFY(QTest::qWaitFor([&] {
        for (const auto &n : notifications) {
            if (n.first == QLatin1String("notifications/resources/updated") && n.second.value("uri", "") == uri)
                return true;
        }
        return false;
    }, 15000));

    QSignalSpy closed(&s, &mcp::McpSession::closed);
    s.close();
    QVERIFY(closed.size() == 1 || closed.wait(10000));
}

void TestMcpEverything::sseEndpointFallback()
{
    // Auto over Streamable HTTP, given the URL of an HTTP+SSE server: the
    // POST is refused, and the session goes on over the old transport.
    test::PeerProcess peer;
    QVERIFY2(peer.start(everythingScript, {QStringLiteral("sse")}), qPrintable(peer.errorString()));
    mcp::HttpEndpoint endpoint;
    endpoint.url = peer.url(QStringLiteral("/sse"));
    mcp::McpSession s(new mcp::StreamableHttpTransport(endpoint), nullptr);
    s.setFallbackTransport([endpoint] { return new mcp::SseTransport(endpoint); });
    QSignalSpy ready(&s, &mcp::McpSession::ready);
    QSignalSpy changed(&s, &mcp::McpSession::transportChanged);
    s.open(20000);
    QVERIFY(ready.wait(20000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(s.transportName(), QStringLiteral("sse"));
    QCOMPARE(s.era(), QStringLiteral("legacy"));
    const Result echo = call(s, QStringLiteral("tools/call"), {{"name", "echo"}, {"arguments", {{"message", "über"}}}});
    QVERIFY2(echo.error.ok(), qPrintable(echo.error.message));
}

void TestMcpEverything::restartedServerLosesTheSession()
{
    // server-everything restarted on the same port no longer knows the
    // session: it answers 400 "No valid session ID", and Crosstalk
    // initializes again and sends the request once more.
    Handler handler;
    test::PeerProcess peer;
    std::unique_ptr<mcp::McpSession> session = open(QStringLiteral("streamable-http"), &handler, peer);
    QVERIFY(session);
    auto *transport = static_cast<mcp::StreamableHttpTransport *>(session->transport());
    const QByteArray first = transport->sessionId();
    QVERIFY(!first.isEmpty());
    QVERIFY(call(*session, QStringLiteral("ping"), json::object()).error.ok());

    const quint16 port = peer.port();
    peer.stop();
    QProcessEnvironment samePort;
    samePort.insert(QStringLiteral("PORT"), QString::number(port));
    test::PeerProcess restarted;
    QVERIFY2(restarted.start(everythingScript, {QStringLiteral("streamableHttp")}, samePort), qPrintable(restarted.errorString()));
    QCOMPARE(restarted.port(), port);

    const Result tools = listAll(*session, QStringLiteral("tools/list"), QStringLiteral("tools"));
    QVERIFY2(tools.error.ok(), qPrintable(tools.error.message));
    QVERIFY(!tools.value.at("tools").empty());
    QVERIFY(!transport->sessionId().isEmpty());
    QVERIFY(transport->sessionId() != first);
}

QTEST_GUILESS_MAIN(TestMcpEverything)
#include "tst_mcpeverything.moc"
