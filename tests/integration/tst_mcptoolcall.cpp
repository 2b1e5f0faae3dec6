// McpToolCall: tool calls followed to their end. A modern server that makes
// tasks of its calls (the io.modelcontextprotocol/tasks extension): polling,
// input gathered through the handler and sent with tasks/update, failure and
// cancellation; and a plain legacy call cancelled on the wire.
// McpCatalog: lists kept current through subscriptions/listen (modern) and
// list_changed and resources/subscribe (legacy), the ttlMs cache, icons.
#include "mcp/McpCatalog.h"
#include "mcp/McpSession.h"
#include "mcp/McpToolCall.h"
#include "mcp/StdioTransport.h"

#include "TestPaths.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace crosstalk;
using nlohmann::json;

namespace {

/// Answers form elicitations with a name, counting them.
struct Handler : mcp::McpClientHandler
{
    int elicitations = 0;
    bool accept = true;
    void handleServerRequest(const QString &method, const json &, Reply reply, Refuse refuse) override
    {
        if (method != QLatin1String("elicitation/create"))
            return refuse(jsonrpc::ErrorObject{-32601, QStringLiteral("not in this test"), std::nullopt});
        ++elicitations;
        reply(accept ? json{{"action", "accept"}, {"content", {{"name", "Ada"}}}} : json{{"action", "decline"}});
    }
};

struct Server
{
    std::unique_ptr<mcp::McpSession> session;
    QStringList stderrLines;
};

/// Starts a server and waits until the session is ready.
bool open(Server &server, const QStringList &arguments, mcp::McpClientHandler *handler)
{
    auto *transport = new mcp::StdioTransport({test::nodeProgram(), arguments, {}, {}});
    QObject::connect(transport, &mcp::StdioTransport::stderrLine, transport,
                     [&server](const QString &line) { server.stderrLines.append(line); });
    server.session = std::make_unique<mcp::McpSession>(transport, handler);
    QSignalSpy ready(server.session.get(), &mcp::McpSession::ready);
    server.session->open(15000);
    return ready.wait(15000);
}

QStringList modernServer(const char *mode)
{
    return {test::sourceDir() + QStringLiteral("/tests/peers/mcp/scripted-modern.cjs"), QString::fromLatin1(mode)};
}

/// Starts a call and waits for its end: the error it finished with.
mcp::McpError runToEnd(mcp::McpToolCall &call, int timeoutMs = 10000)
{
    QSignalSpy finished(&call, &mcp::McpToolCall::finished);
    call.start();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return {mcp::McpError::Kind::Timeout, QStringLiteral("the test's own wait ran out"), 0, {}, 0};
    return finished.first().at(0).value<mcp::McpError>();
}

json tool(const char *name)
{
    return json{{"name", name}, {"inputSchema", {{"type", "object"}}}};
}

} // namespace

class TestMcpToolCall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modernTaskAsksForInput();
    void modernTaskDeclinedInput();
    void modernTaskFails();
    void modernTaskCancelled();
    void modernUnknownResultType();
    void legacyCallCancelled();
    void outputSchemaVerdict();
    void modernCatalogListens();
    void legacyCatalogFollowsChanges();
};

void TestMcpToolCall::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
}

void TestMcpToolCall::modernTaskAsksForInput()
{
    Handler handler;
    Server server;
    QVERIFY(open(server, modernServer("ask"), &handler));
    QCOMPARE(server.session->era(), QStringLiteral("modern"));
    mcp::McpToolCall call(server.session.get(), tool("greet"), json::object(), 10000);
    QStringList states;
    connect(&call, &mcp::McpToolCall::taskUpdated, this,
            [&](const json &task) { states.append(QString::fromStdString(task.value("status", ""))); });
    const mcp::McpError error = runToEnd(call);
    QVERIFY2(error.ok(), qPrintable(error.message));
    QCOMPARE(call.taskId(), QStringLiteral("task-1"));
    QCOMPARE(states, (QStringList{QStringLiteral("working"), QStringLiteral("input_required"), QStringLiteral("completed")}));
    QCOMPARE(call.result().at("content").at(0).value("text", ""), std::string("Hello, Ada!"));
    QCOMPARE(call.outputValid(), json(nullptr)); // no output schema
    // The input request was shown once, answered once, although the server
    // listed it on more than one poll.
    QCOMPARE(handler.elicitations, 1);
    QCOMPARE(server.stderrLines.filter(QStringLiteral("update task-1")).size(), 1);
    QVERIFY(server.stderrLines.filter(QStringLiteral("update task-1")).first().contains(QLatin1String("\"Ada\"")));
}

void TestMcpToolCall::modernTaskDeclinedInput()
{
    Handler handler;
    handler.accept = false;
    Server server;
    QVERIFY(open(server, modernServer("ask"), &handler));
    mcp::McpToolCall call(server.session.get(), tool("greet"), json::object(), 10000);
    const mcp::McpError error = runToEnd(call);
    QCOMPARE(error.kind, mcp::McpError::Kind::Cancelled);
    QVERIFY2(error.message.contains(QLatin1String("nobody to greet")), qPrintable(error.message));
}

void TestMcpToolCall::modernTaskFails()
{
    Server server;
    QVERIFY(open(server, modernServer("fail"), nullptr));
    mcp::McpToolCall call(server.session.get(), tool("greet"), json::object(), 10000);
    const mcp::McpError error = runToEnd(call);
    QCOMPARE(error.kind, mcp::McpError::Kind::Remote);
    QCOMPARE(error.code, -32603);
    QCOMPARE(error.message, QStringLiteral("the disk is full"));
}

void TestMcpToolCall::modernTaskCancelled()
{
    Server server;
    QVERIFY(open(server, modernServer("forever"), nullptr));
    mcp::McpToolCall call(server.session.get(), tool("greet"), json::object(), 10000);
    QSignalSpy updated(&call, &mcp::McpToolCall::taskUpdated);
    QSignalSpy finished(&call, &mcp::McpToolCall::finished);
    call.start();
    QVERIFY(updated.wait(10000));
    QTest::qWait(200); // a few polls
    QVERIFY(finished.isEmpty());
    call.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).value<mcp::McpError>().kind, mcp::McpError::Kind::Cancelled);
    QTRY_COMPARE(server.stderrLines.filter(QStringLiteral("cancel task-1")).size(), 1);
}

void TestMcpToolCall::modernUnknownResultType()
{
    Server server;
    QVERIFY(open(server, modernServer("mystery"), nullptr));
    mcp::McpToolCall call(server.session.get(), tool("greet"), json::object(), 10000);
    const mcp::McpError error = runToEnd(call);
    QCOMPARE(error.kind, mcp::McpError::Kind::Protocol);
    QVERIFY2(error.message.contains(QStringLiteral("unknown resultType “mystery”")), qPrintable(error.message));
}

void TestMcpToolCall::legacyCallCancelled()
{
    // A legacy server that never answers a tool call and says what it was told.
    const QString script = QStringLiteral(R"(
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line);
  if (m.method === 'initialize')
    return console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-11-25',
      capabilities: { tools: {} }, serverInfo: { name: 'silent', version: '1' } } }));
  if (m.method === 'notifications/cancelled')
    return process.stderr.write('cancelled ' + m.params.requestId + ': ' + m.params.reason + '\n');
  if (m.method !== 'tools/call' && 'id' in m)
    console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }));
});
)");
    Server server;
    QVERIFY(open(server, {QStringLiteral("-e"), script}, nullptr));
    QCOMPARE(server.session->era(), QStringLiteral("legacy"));
    mcp::McpToolCall call(server.session.get(), tool("slow"), json::object(), 60000);
    QSignalSpy finished(&call, &mcp::McpToolCall::finished);
    call.start();
    QTest::qWait(100);
    call.cancel();
    QVERIFY(finished.size() == 1 || finished.wait(2000)); // at once: nothing waits on the server
    QCOMPARE(finished.first().at(0).value<mcp::McpError>().kind, mcp::McpError::Kind::Cancelled);
    QTRY_COMPARE(server.stderrLines.filter(QStringLiteral("cancelled ")).size(), 1);
    QVERIFY(server.stderrLines.filter(QStringLiteral("cancelled ")).first().contains(QLatin1String("Cancelled in Crosstalk")));
    // The session goes on.
    QSignalSpy closed(server.session.get(), &mcp::McpSession::closed);
    QVERIFY(closed.isEmpty());
}

void TestMcpToolCall::outputSchemaVerdict()
{
    // structuredContent checked against the tool's output schema.
    const QString script = QStringLiteral(R"(
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line);
  const ok = (result) => console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, result }));
  if (m.method === 'initialize')
    return ok({ protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'typed', version: '1' } });
  if (m.method === 'tools/call')
    return ok({ content: [{ type: 'text', text: 'x' }], structuredContent: { count: m.params.arguments.count } });
  if ('id' in m)
    console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }));
});
)");
    Server server;
    QVERIFY(open(server, {QStringLiteral("-e"), script}, nullptr));
    const json typed{{"name", "count"},
                     {"inputSchema", {{"type", "object"}}},
                     {"outputSchema", {{"type", "object"}, {"properties", {{"count", {{"type", "integer"}}}}}, {"required", {"count"}}}}};
    for (const auto &[value, valid] : {std::pair{json(3), true}, std::pair{json("three"), false}}) {
        mcp::McpToolCall call(server.session.get(), typed, json{{"count", value}}, 10000);
        QVERIFY(runToEnd(call).ok());
        QCOMPARE(call.outputValid(), json(valid));
        QCOMPARE(call.outputProblems().isEmpty(), valid);
        if (!valid)
            QCOMPARE(call.outputProblems().first().pointer, QStringLiteral("/count"));
    }
}

void TestMcpToolCall::modernCatalogListens()
{
    Server server;
    QVERIFY(open(server, modernServer("catalog"), nullptr));
    mcp::McpSession &session = *server.session;
    mcp::McpCatalog catalog(&session, 10000);
    QStringList issues;
    connect(&catalog, &mcp::McpCatalog::protocolIssue, this, [&](const QString &why) { issues.append(why); });
    QSignalSpy watching(&catalog, &mcp::McpCatalog::watching);
    QSignalSpy updated(&catalog, &mcp::McpCatalog::listUpdated);
    QSignalSpy changed(&catalog, &mcp::McpCatalog::listChanged);
    QSignalSpy resourceUpdated(&catalog, &mcp::McpCatalog::resourceUpdated);
    QSignalSpy subscriptionFailed(&catalog, &mcp::McpCatalog::subscriptionFailed);

    catalog.watch();
    QVERIFY(watching.wait(10000));
    QCOMPARE(catalog.acknowledged(), (json{{"toolsListChanged", true}}));

    // Fresh by its ttlMs: the second fetch is served from memory.
    catalog.fetch(mcp::McpCatalog::List::Tools);
    QVERIFY(updated.wait(10000));
    catalog.fetch(mcp::McpCatalog::List::Tools);
    QVERIFY(updated.wait(10000));
    QCOMPARE(server.stderrLines.filter(QStringLiteral("tools/list")).size(), 1);
    QCOMPARE(catalog.items(mcp::McpCatalog::List::Tools).size(), size_t(1));

    // A change on the listen stream: marked, listed again by itself.
    updated.clear();
    mcp::McpToolCall add(&session, catalog.items(mcp::McpCatalog::List::Tools).at(0), json::object(), 10000);
    add.start();
    QVERIFY(updated.wait(10000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(server.stderrLines.filter(QStringLiteral("tools/list")).size(), 2);
    const json &tools = catalog.items(mcp::McpCatalog::List::Tools);
    QCOMPARE(tools.size(), size_t(2));
    QVERIFY(!catalog.changed(mcp::McpCatalog::List::Tools));
    // Only https: and data: icons stay.
    QCOMPARE(tools.at(0).at("icons").size(), size_t(1));
    QCOMPARE(tools.at(1).at("icons"), (json::array({{{"src", "data:image/png;base64,iVBORw0KGgo="}}})));
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().contains(QLatin1String("http://example.com/plain.png")), qPrintable(issues.first()));

    // Subscribing opens the stream again with the resource in its filter:
    // the old stream is cancelled, the new one acknowledged.
    watching.clear();
    catalog.subscribe(QStringLiteral("test://static/1"));
    catalog.subscribe(QStringLiteral("file:///not/offered"));
    QTRY_COMPARE_WITH_TIMEOUT(watching.size(), 2, 10000);
    QCOMPARE(server.stderrLines.filter(QStringLiteral("listen ")).size(), 3);
    QCOMPARE(server.stderrLines.filter(QStringLiteral("cancelled ")).size(), 2);
    QVERIFY(server.stderrLines.filter(QStringLiteral("listen ")).last().contains(QLatin1String("file:///not/offered")));
    // The server agreed to one of the two.
    QVERIFY(!subscriptionFailed.isEmpty());
    QCOMPARE(subscriptionFailed.last().at(0).toString(), QStringLiteral("file:///not/offered"));
    mcp::McpToolCall again(&session, catalog.items(mcp::McpCatalog::List::Tools).at(0), json::object(), 10000);
    again.start();
    QVERIFY(resourceUpdated.wait(10000));
    QCOMPARE(resourceUpdated.first().at(0).toString(), QStringLiteral("test://static/1"));
}

void TestMcpToolCall::legacyCatalogFollowsChanges()
{
    // server-everything: a real subscription, updated on its own timer once
    // toggle-subscriber-updates is on.
    Server server;
    QVERIFY(open(server, {test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-everything/dist/index.js")},
                 nullptr));
    QCOMPARE(server.session->era(), QStringLiteral("legacy"));
    mcp::McpCatalog catalog(server.session.get(), 15000);
    QSignalSpy updated(&catalog, &mcp::McpCatalog::listUpdated);
    QSignalSpy resourceUpdated(&catalog, &mcp::McpCatalog::resourceUpdated);
    catalog.watch(); // nothing to open in the legacy era
    catalog.fetch(mcp::McpCatalog::List::Resources);
    QVERIFY(updated.wait(15000));
    const json resources = catalog.items(mcp::McpCatalog::List::Resources);
    QVERIFY(!resources.empty());
    const QString uri = QString::fromStdString(resources.at(0).at("uri").get<std::string>());
    catalog.subscribe(uri);
    QCOMPARE(catalog.subscriptions(), QStringList{uri});
    catalog.fetch(mcp::McpCatalog::List::Tools);
    QVERIFY(updated.wait(15000));
    json toggle;
    for (const json &t : catalog.items(mcp::McpCatalog::List::Tools)) {
        if (t.value("name", "") == "toggle-subscriber-updates")
            toggle = t;
    }
    QVERIFY(toggle.is_object());
    mcp::McpToolCall call(server.session.get(), toggle, json::object(), 15000);
    call.start();
    QVERIFY(resourceUpdated.wait(15000));
    QCOMPARE(resourceUpdated.first().at(0).toString(), uri);
}

QTEST_GUILESS_MAIN(TestMcpToolCall)
#include "tst_mcptoolcall.moc"
