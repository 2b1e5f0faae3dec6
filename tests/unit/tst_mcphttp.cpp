// The MCP HTTP transports and both eras of McpSession against scripted
// servers on loopback: a lost legacy session initialized again, a broken
// stream resumed with Last-Event-ID after the server's retry, the HTTP+SSE
// endpoint (relative, and refused on another origin), era detection, the
// modern request metadata (checked against the official 2026-07-28 schema),
// input_required rounds, and answers of the wrong shape.
#include "mcp/McpSession.h"
#include "mcp/RequestHeaders.h"
#include "mcp/SseTransport.h"
#include "mcp/StreamableHttpTransport.h"
#include "schema/SchemaValidator.h"

#include "LoopbackHttpServer.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using nlohmann::json;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

json bodyOf(const test::ReceivedRequest &r)
{
    const json body = json::parse(r.body.constBegin(), r.body.constEnd(), nullptr, false);
    return body.is_object() ? body : json::object(); // a GET or DELETE has none
}

QByteArray rpc(const json &id, const json &result)
{
    return QByteArray::fromStdString(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}}.dump());
}

const json legacyInit{{"protocolVersion", "2025-11-25"}, {"capabilities", {{"tools", json::object()}}},
                      {"serverInfo", {{"name", "scripted"}, {"version", "1"}}}};

struct Answer
{
    mcp::McpError error;
    json value;
    bool done = false;
};

Answer request(mcp::McpSession &s, const QString &method, const json &params, int timeoutMs = 10000)
{
    Answer a;
    s.request(method, params, timeoutMs, &s, [&](const mcp::McpError &e, const json &v) {
        a.error = e;
        a.value = v;
        a.done = true;
    });
    if (!QTest::qWaitFor([&] { return a.done; }, timeoutMs + 5000))
        a.error.message = QStringLiteral("the test's own wait ran out");
    return a;
}

/// Answers input requests: elicitations accepted, sampling with a text.
struct Handler : mcp::McpClientHandler
{
    QStringList methods;
    void handleServerRequest(const QString &method, const json &, Reply reply, Refuse) override
    {
        methods.append(method);
        if (method == QLatin1String("sampling/createMessage"))
            reply(json{{"role", "assistant"}, {"content", {{"type", "text"}, {"text", "Paris"}}}, {"model", "t"}});
        else if (method == QLatin1String("roots/list"))
            reply(json{{"roots", json::array()}});
        else
            reply(json{{"action", "accept"}, {"content", {{"name", "octocat"}}}});
    }
};

bool openSession(mcp::McpSession &s, int timeoutMs = 10000)
{
    QSignalSpy ready(&s, &mcp::McpSession::ready);
    QSignalSpy failed(&s, &mcp::McpSession::failed);
    s.open(timeoutMs);
    if (!ready.wait(timeoutMs + 2000)) {
        if (!failed.isEmpty())
            qWarning("%s", qPrintable(failed.first().at(0).value<mcp::McpError>().message));
        return false;
    }
    return true;
}

} // namespace

class TestMcpHttp : public QObject
{
    Q_OBJECT

private slots:
    void lostSessionIsInitializedAgain();
    void brokenStreamResumesAfterRetry();
    void sseEndpointMayBeRelative();
    void sseEndpointOnAnotherOriginIsRefused();
    void autoFallsBackToLegacyOnAPlain400();
    void modernRequestsCarryTheirMetadata();
    void inputRequiredRoundsEchoTheState();
    void unknownResultTypeIsRefused();
    void hostileAnswersGiveClearErrors();
    void headerValuesAreEncoded();
    void invalidHeaderAnnotationsAreFound();
};

void TestMcpHttp::lostSessionIsInitializedAgain()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    int initializes = 0;
    bool lost = false;
    server.setHandler([&](test::HttpExchange *x) {
        const auto &r = x->request();
        if (r.method != "POST")
            return x->respond(405);
        const json m = bodyOf(r);
        const std::string method = m.value("method", "");
        if (method == "server/discover")
            return x->respond(400, {{"Content-Type", "application/json"}},
                              R"({"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Bad Request: No valid session ID provided"}})");
        if (method == "initialize") {
            ++initializes;
            return x->respond(200, {{"Content-Type", "application/json"}, {"Mcp-Session-Id", "session-" + QByteArray::number(initializes)}},
                              rpc(m.at("id"), legacyInit));
        }
        if (!m.contains("id"))
            return x->respond(202);
        if (r.header("mcp-session-id") == "session-1" && !lost) {
            lost = true; // the server restarted
            return x->respond(404, {{"Content-Type", "application/json"}},
                              R"({"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Session not found"}})");
        }
        x->respond(200, {{"Content-Type", "application/json"}},
                   rpc(m.at("id"), {{"tools", json::array()}, {"session", r.header("mcp-session-id").toStdString()}}));
    });
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QVERIFY(openSession(s));
    QCOMPARE(s.era(), QStringLiteral("legacy"));
    const Answer a = request(s, QStringLiteral("tools/list"), json::object());
    QVERIFY2(a.error.ok(), qPrintable(a.error.message));
    QCOMPARE(initializes, 2);
    QCOMPARE(a.value.value("session", ""), "session-2"); // sent once more, in the new session
    // Every request after the first initialize named its protocol version.
    for (const auto &r : server.requests()) {
        if (r.method == "POST" && bodyOf(r).value("method", "") == "tools/list")
            QCOMPARE(r.header("mcp-protocol-version"), QByteArray("2025-11-25"));
    }
}

void TestMcpHttp::brokenStreamResumesAfterRetry()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    QElapsedTimer sinceClose;
    qint64 waited = -1;
    json pendingId;
    QByteArray lastEventId;
    server.setHandler([&](test::HttpExchange *x) {
        const auto &r = x->request();
        if (r.method == "DELETE")
            return x->respond(200);
        if (r.method == "GET") {
            if (!r.hasHeader("last-event-id"))
                return x->respond(405); // no stream for server messages
            waited = sinceClose.elapsed();
            lastEventId = r.header("last-event-id");
            x->startStream(200, {{"Content-Type", "text/event-stream"}});
            x->write("id: e2\ndata: " + rpc(pendingId, {{"content", json::array({{{"type", "text"}, {"text", "resumed"}}})}}) + "\n\n");
            x->end();
            return;
        }
        const json m = bodyOf(r);
        const std::string method = m.value("method", "");
        if (method == "server/discover")
            return x->respond(404);
        if (method == "initialize")
            return x->respond(200, {{"Content-Type", "application/json"}, {"Mcp-Session-Id", "s"}}, rpc(m.at("id"), legacyInit));
        if (!m.contains("id"))
            return x->respond(202);
        pendingId = m.at("id");
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        x->write("id: e1\nretry: 300\ndata: \n\n"); // a priming event, then the server goes away
        x->end();
        sinceClose.start();
    });
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QVERIFY(openSession(s));
    const Answer a = request(s, QStringLiteral("tools/call"), {{"name", "slow"}, {"arguments", json::object()}});
    QVERIFY2(a.error.ok(), qPrintable(a.error.message));
    QCOMPARE(a.value.at("content").at(0).value("text", ""), "resumed");
    QCOMPARE(lastEventId, QByteArray("e1"));
    QVERIFY2(waited >= 280, qPrintable(QString::number(waited))); // the server's retry, honoured
}

void TestMcpHttp::sseEndpointMayBeRelative()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    QPointer<test::HttpExchange> stream;
    server.setHandler([&](test::HttpExchange *x) {
        const auto &r = x->request();
        if (r.method == "GET" && r.target == "/mcp/sse") {
            stream = x;
            x->startStream(200, {{"Content-Type", "text/event-stream"}});
            x->write("event: endpoint\ndata: messages?session=42\n\n");
            return;
        }
        if (r.method == "POST" && r.target == "/mcp/messages?session=42") {
            const json m = bodyOf(r);
            x->respond(202);
            if (m.value("method", "") == "initialize" && stream)
                stream->write("event: message\ndata: " + rpc(m.at("id"), legacyInit) + "\n\n");
            else if (m.contains("id") && stream)
                stream->write("event: message\ndata: " + rpc(m.at("id"), json::object()) + "\n\n");
            return;
        }
        x->respond(404);
    });
    mcp::McpSession s(new mcp::SseTransport({server.url(QStringLiteral("/mcp/sse")), {}, 5000}), nullptr);
    QVERIFY(openSession(s));
    QCOMPARE(s.transportName(), QStringLiteral("sse"));
    QCOMPARE(static_cast<mcp::SseTransport *>(s.transport())->postUrl(), server.url(QStringLiteral("/mcp/messages?session=42")));
    QVERIFY(request(s, QStringLiteral("ping"), json::object()).error.ok());
}

void TestMcpHttp::sseEndpointOnAnotherOriginIsRefused()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&](test::HttpExchange *x) {
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        // Never contacted: the name is reserved and the transport refuses it first.
        x->write("event: endpoint\ndata: http://elsewhere.invalid/messages\n\n");
    });
    mcp::McpSession s(new mcp::SseTransport({server.url(QStringLiteral("/sse")), {}, 5000}), nullptr);
    QSignalSpy failed(&s, &mcp::McpSession::failed);
    s.open(5000);
    QVERIFY(failed.wait(7000));
    const QString why = failed.first().at(0).value<mcp::McpError>().message;
    QVERIFY2(why.contains(QLatin1String("not on the origin")), qPrintable(why));
    QCOMPARE(server.requests().size(), 1);
}

void TestMcpHttp::autoFallsBackToLegacyOnAPlain400()
{
    // A legacy server answers the modern probe with a 400 that is no modern
    // error: the era is legacy, and initialize follows.
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&](test::HttpExchange *x) {
        const json m = bodyOf(x->request());
        if (m.value("method", "") == "initialize")
            return x->respond(200, {{"Content-Type", "application/json"}}, rpc(m.at("id"), legacyInit));
        if (m.value("method", "") == "server/discover")
            return x->respond(400, {{"Content-Type", "text/plain"}}, "Bad Request");
        x->respond(x->request().method == "POST" ? 202 : 405);
    });
    mcp::McpSession::clearEraCache();
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QVERIFY(openSession(s));
    QCOMPARE(s.era(), QStringLiteral("legacy"));
    QVERIFY(!s.eraFromCache());
    // The verdict is remembered: the next session to the same server does not probe.
    mcp::McpSession again(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QVERIFY(openSession(again));
    QVERIFY(again.eraFromCache());
    int probes = 0, initializes = 0;
    for (const auto &r : server.requests()) {
        probes += bodyOf(r).value("method", "") == "server/discover";
        initializes += bodyOf(r).value("method", "") == "initialize";
    }
    QCOMPARE(probes, 1);
    QCOMPARE(initializes, 2);
}

namespace {

/// A modern server: discover, a tool with a parameter mirrored into a header,
/// and tools/call answered by `onCall`.
void modernServer(test::LoopbackHttpServer &server, std::function<QByteArray(const json &)> onCall)
{
    server.setHandler([onCall](test::HttpExchange *x) {
        const json m = bodyOf(x->request());
        const std::string method = m.value("method", "");
        const json meta = m.value("params", json::object()).value("_meta", json::object());
        if (meta.value("io.modelcontextprotocol/protocolVersion", "") != "2026-07-28")
            return x->respond(400, {{"Content-Type", "application/json"}},
                              R"({"jsonrpc":"2.0","id":null,"error":{"code":-32022,"message":"Unsupported protocol version","data":{"supported":["2026-07-28"],"requested":""}}})");
        if (method == "server/discover")
            return x->respond(200, {{"Content-Type", "application/json"}},
                              rpc(m.at("id"), {{"resultType", "complete"}, {"supportedVersions", {"2026-07-28"}},
                                               {"capabilities", {{"tools", json::object()}}}, {"serverInfo", {{"name", "modern"}, {"version", "1"}}},
                                               {"ttlMs", 60000}, {"cacheScope", "public"}}));
        if (method == "tools/list") {
            const json tool{{"name", "weather"},
                            {"inputSchema", {{"type", "object"},
                                             {"properties", {{"region", {{"type", "string"}, {"x-mcp-header", "Region"}}},
                                                             {"days", {{"type", "integer"}}}}}}}};
            const json broken{{"name", "broken"},
                              {"inputSchema", {{"type", "object"}, {"properties", {{"n", {{"type", "number"}, {"x-mcp-header", "N"}}}}}}}};
            return x->respond(200, {{"Content-Type", "application/json"}},
                              rpc(m.at("id"), {{"resultType", "complete"}, {"tools", {tool, broken}}, {"ttlMs", 0}, {"cacheScope", "private"}}));
        }
        x->respond(200, {{"Content-Type", "application/json"}}, onCall(m));
    });
}

} // namespace

void TestMcpHttp::modernRequestsCarryTheirMetadata()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    modernServer(server, [](const json &m) { return rpc(m.at("id"), {{"resultType", "complete"}, {"content", json::array()}}); });
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    s.setEraPreference(mcp::McpSession::Era::Modern);
    QSignalSpy issues(&s, &mcp::McpSession::protocolIssue);
    QVERIFY(openSession(s));
    QCOMPARE(s.era(), QStringLiteral("modern"));
    QCOMPARE(s.protocolVersion(), QStringLiteral("2026-07-28"));
    QCOMPARE(s.discoverTtlMs(), 60000);
    QCOMPARE(s.cacheScope(), QStringLiteral("public"));

    Answer tools;
    s.listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), 5000, &s, [&](const mcp::McpError &e, const json &v) {
        tools.error = e;
        tools.value = v;
        tools.done = true;
    });
    QTRY_VERIFY(tools.done);
    QCOMPARE(tools.value.at("tools").size(), size_t(1)); // "broken" left out: x-mcp-header on a number
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues.first().at(0).toString().contains(QLatin1String("broken")));
    QVERIFY(request(s, QStringLiteral("tools/call"), {{"name", "weather"}, {"arguments", {{"region", "Zürich"}, {"days", 3}}}}).error.ok());

    const test::ReceivedRequest &call = server.requests().last();
    QCOMPARE(call.header("mcp-protocol-version"), QByteArray("2026-07-28"));
    QCOMPARE(call.header("mcp-method"), QByteArray("tools/call"));
    QCOMPARE(call.header("mcp-name"), QByteArray("weather"));
    QCOMPARE(call.header("mcp-param-region"), "=?base64?" + QStringLiteral("Zürich").toUtf8().toBase64() + "?=");
    QVERIFY(!call.hasHeader("mcp-session-id"));

    // Everything sent is a valid 2026-07-28 client request.
    if (test::specsDir().isEmpty())
        QSKIP("../shared/specs is absent: the wire check against the official schema is skipped.");
    QFile file(test::specsDir() + QStringLiteral("/mcp/2026-07-28/schema.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    json schema = json::parse(text.constBegin(), text.constEnd());
    schema["$ref"] = "#/$defs/ClientRequest";
    for (const auto &r : server.requests()) {
        const json body = bodyOf(r);
        const schema::SchemaCheck check = schema::validate(schema, body);
        QVERIFY2(check.verdict == schema::SchemaCheck::Verdict::Valid,
                 qPrintable(QString::fromUtf8(r.body) + QLatin1String(": ") + check.problems.value(0).pointer + QLatin1Char(' ')
                            + check.problems.value(0).message + check.whyUnchecked));
        QCOMPARE(r.header("mcp-method"), QByteArray::fromStdString(body.value("method", "")));
    }
}

void TestMcpHttp::inputRequiredRoundsEchoTheState()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    QList<json> calls;
    // The state holds characters JSON may escape in several ways; it must come back as the same string.
    const std::string state1 = "r1:\"quoted\" \u00e9\u2028/\\";
    modernServer(server, [&](const json &m) {
        calls.append(m);
        const json params = m.at("params");
        json result = json::object();
        if (!params.contains("inputResponses")) {
            json login = json::object();
            login["method"] = "elicitation/create";
            login["params"]["message"] = "Your name?";
            login["params"]["requestedSchema"] = json::parse(R"({"type":"object","properties":{"name":{"type":"string"}}})");
            json capital = json::object();
            capital["method"] = "sampling/createMessage";
            capital["params"] = json::parse(R"({"messages":[],"maxTokens":10})");
            result["resultType"] = "input_required";
            result["inputRequests"]["login"] = login;
            result["inputRequests"]["capital"] = capital;
            result["requestState"] = state1;
        } else if (params.value("requestState", "") == state1) {
            result["resultType"] = "input_required";
            result["inputRequests"]["roots"] = json::parse(R"({"method":"roots/list","params":{}})");
        } else {
            result = json::parse(R"({"resultType":"complete","content":[{"type":"text","text":"done"}]})");
        }
        return rpc(m.at("id"), result);
    });
    Handler handler;
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), &handler);
    QVERIFY(openSession(s));
    QCOMPARE(s.era(), QStringLiteral("modern")); // auto: the probe was answered
    const Answer a = request(s, QStringLiteral("tools/call"), {{"name", "weather"}, {"arguments", json::object()}});
    QVERIFY2(a.error.ok(), qPrintable(a.error.message));
    QCOMPARE(a.value.at("content").at(0).value("text", ""), "done");
    QCOMPARE(calls.size(), 3);
    QStringList asked = handler.methods;
    asked.sort();
    QCOMPARE(asked, (QStringList{QStringLiteral("elicitation/create"), QStringLiteral("roots/list"),
                                 QStringLiteral("sampling/createMessage")}));
    // Round two: new id, the state unchanged, both answers.
    QVERIFY(calls.at(1).at("id") != calls.at(0).at("id"));
    QCOMPARE(calls.at(1).at("params").at("requestState").get<std::string>(), state1);
    QCOMPARE(calls.at(1).at("params").at("inputResponses").at("login").value("action", ""), "accept");
    QCOMPARE(calls.at(1).at("params").at("inputResponses").at("capital").at("content").value("text", ""), "Paris");
    // Round three: the server sent no state, so none goes back, and the old answers are gone.
    QVERIFY(!calls.at(2).at("params").contains("requestState"));
    QVERIFY(!calls.at(2).at("params").at("inputResponses").contains("login"));
    QVERIFY(calls.at(2).at("params").at("inputResponses").contains("roots"));
    QCOMPARE(calls.at(2).at("params").value("name", ""), "weather"); // the original params stay
}

void TestMcpHttp::unknownResultTypeIsRefused()
{
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    modernServer(server, [](const json &m) { return rpc(m.at("id"), {{"resultType", "teapot"}}); });
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QVERIFY(openSession(s));
    const Answer a = request(s, QStringLiteral("tools/call"), {{"name", "weather"}, {"arguments", json::object()}});
    QCOMPARE(a.error.kind, mcp::McpError::Kind::Protocol);
    QVERIFY2(a.error.message.contains(QLatin1String("teapot")), qPrintable(a.error.message));
}

void TestMcpHttp::hostileAnswersGiveClearErrors()
{
    // A legacy server whose tool answers are hostile in one way each.
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&](test::HttpExchange *x) {
        const auto &r = x->request();
        if (r.method != "POST")
            return x->respond(405);
        const json m = bodyOf(r);
        const std::string method = m.value("method", "");
        if (method == "server/discover")
            return x->respond(404);
        if (method == "initialize")
            return x->respond(200, {{"Content-Type", "application/json"}}, rpc(m.at("id"), legacyInit));
        if (!m.contains("id"))
            return x->respond(202);
        if (method != "tools/call")
            return x->respond(200, {{"Content-Type", "application/json"}}, rpc(m.at("id"), json::object()));
        const std::string tool = m.at("params").value("name", "");
        const QByteArray id = QByteArray::fromStdString(m.at("id").dump());
        if (tool == "huge") // 65 MiB of JSON
            return x->respond(200, {{"Content-Type", "application/json"}},
                              R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"content":[{"type":"text","text":")"
                                  + QByteArray(65 * 1024 * 1024, 'x') + R"("}]}})");
        if (tool == "deep") // nested 100,000 deep
            return x->respond(200, {{"Content-Type", "application/json"}},
                              R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"content":)" + QByteArray(100000, '[')
                                  + QByteArray(100000, ']') + "}}");
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        if (tool == "flood") { // 20,000 notifications, then the answer
            const QByteArray note = "data: " + QByteArray::fromStdString(json{{"jsonrpc", "2.0"}, {"method", "notifications/message"},
                                                                               {"params", {{"level", "info"}, {"data", "tick"}}}}.dump()) + "\n\n";
            QByteArray all;
            for (int i = 0; i < 20000; ++i)
                all += note;
            x->write(all);
            x->write("data: " + rpc(m.at("id"), {{"content", json::array()}}) + "\n\n");
        } else { // one event of 65 MiB
            x->write("data: " + QByteArray(65 * 1024 * 1024, 'y'));
        }
        x->end();
    });
    mcp::McpSession s(new mcp::StreamableHttpTransport({server.url(QStringLiteral("/mcp")), {}, 5000}), nullptr);
    QStringList issues;
    connect(&s, &mcp::McpSession::protocolIssue, this, [&](const QString &why) { issues.append(why.left(300)); });
    int logs = 0;
    connect(&s, &mcp::McpSession::logMessage, this, [&] { ++logs; });
    QVERIFY(openSession(s));
    const auto callTool = [&](const char *name) {
        return request(s, QStringLiteral("tools/call"), {{"name", name}, {"arguments", json::object()}}, 8000);
    };

    const Answer huge = callTool("huge");
    QVERIFY(!huge.error.ok());
    QVERIFY2(huge.error.message.contains(QLatin1String("64 MiB")), qPrintable(huge.error.message));

    const Answer deep = callTool("deep");
    QVERIFY(!deep.error.ok());
    QVERIFY2(QString(deep.error.message + issues.join(QLatin1Char('\n'))).contains(QLatin1String("Nested deeper than")),
             qPrintable(deep.error.message + QLatin1Char('\n') + issues.join(QLatin1Char('\n'))));

    const Answer flood = callTool("flood");
    QVERIFY2(flood.error.ok(), qPrintable(flood.error.message));
    QCOMPARE(logs, 20000);

    const Answer hugeEvent = callTool("huge-event");
    QVERIFY(!hugeEvent.error.ok());
    QVERIFY2(QString(hugeEvent.error.message + issues.join(QLatin1Char('\n'))).contains(QLatin1String("larger than the limit")),
             qPrintable(hugeEvent.error.message + QLatin1Char('\n') + issues.join(QLatin1Char('\n'))));

    // The connection goes on.
    const Answer ping = request(s, QStringLiteral("ping"), json::object());
    QVERIFY2(ping.error.ok(), qPrintable(ping.error.message));
}

void TestMcpHttp::headerValuesAreEncoded()
{
    using mcp::RequestHeaders;
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral("us-west1")), QByteArray("us-west1"));
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral("us west 1")), QByteArray("us west 1"));
    QCOMPARE(RequestHeaders::encodeValue(QString()), QByteArray());
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral("Hello, 世界")), QByteArray("=?base64?SGVsbG8sIOS4lueVjA==?="));
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral(" padded ")), QByteArray("=?base64?IHBhZGRlZCA=?="));
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral("line1\nline2")), QByteArray("=?base64?bGluZTEKbGluZTI=?="));
    QCOMPARE(RequestHeaders::encodeValue(QStringLiteral("=?base64?literal?=")), QByteArray("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="));

    const json schema{{"type", "object"},
                      {"properties", {{"a", {{"type", "boolean"}, {"x-mcp-header", "A"}}},
                                      {"n", {{"type", "object"}, {"properties", {{"id", {{"type", "integer"}, {"x-mcp-header", "Id"}}}}}}},
                                      {"z", {{"type", "string"}, {"x-mcp-header", "Z"}}}}}};
    const RequestHeaders::ToolParams params = RequestHeaders::toolParams(schema);
    QVERIFY2(params.ok(), qPrintable(params.problem));
    const http::HeaderList headers = RequestHeaders::forRequest(
        QStringLiteral("tools/call"), {{"name", "t"}, {"arguments", {{"a", false}, {"n", {{"id", 42}}}, {"z", nullptr}}}}, params.params);
    const http::HeaderList expected{{"Mcp-Method", "tools/call"}, {"Mcp-Name", "t"}, {"Mcp-Param-A", "false"}, {"Mcp-Param-Id", "42"}};
    QCOMPARE(headers, expected); // null values are not mirrored
}

void TestMcpHttp::invalidHeaderAnnotationsAreFound()
{
    using mcp::RequestHeaders;
    const auto problem = [](const json &property) {
        return RequestHeaders::toolParams({{"type", "object"}, {"properties", {{"p", property}}}}).problem;
    };
    QVERIFY(!problem({{"type", "string"}, {"x-mcp-header", ""}}).isEmpty());
    QVERIFY(!problem({{"type", "number"}, {"x-mcp-header", "N"}}).isEmpty());
    QVERIFY(!problem({{"type", "object"}, {"x-mcp-header", "O"}}).isEmpty());
    QVERIFY(!problem({{"type", "string"}, {"x-mcp-header", "My Region"}}).isEmpty());
    QVERIFY(!problem({{"type", "string"}, {"x-mcp-header", "Région"}}).isEmpty());
    QVERIFY(!problem({{"type", "string"}, {"x-mcp-header", "a:b"}}).isEmpty());
    QVERIFY(problem({{"type", "string"}, {"x-mcp-header", "Ok-Name_1"}}).isEmpty());
    // Not reached through properties alone.
    QVERIFY(!RequestHeaders::toolParams({{"type", "array"}, {"items", {{"type", "string"}, {"x-mcp-header", "I"}}}}).ok());
    QVERIFY(!RequestHeaders::toolParams({{"anyOf", {{{"type", "object"}, {"properties", {{"p", {{"type", "string"}, {"x-mcp-header", "P"}}}}}}}}}).ok());
    // Unique regardless of case.
    QVERIFY(!RequestHeaders::toolParams({{"type", "object"},
                                         {"properties", {{"a", {{"type", "string"}, {"x-mcp-header", "MyField"}}},
                                                         {"b", {{"type", "string"}, {"x-mcp-header", "myfield"}}}}}})
                 .ok());
}

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
