// The MCP stdio transport and the legacy-era session against a real server
// (server-everything over stdio) and against small misbehaving servers; and
// crosstalk-cli mcp over stdio.
#include "mcp/McpSession.h"
#include "mcp/StdioTransport.h"

#include "CliRunner.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace crosstalk;
using nlohmann::json;

namespace {

QString everything()
{
    return test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
}

/// Records server requests and answers them as a person would.
struct Handler : mcp::McpClientHandler
{
    QStringList methods;
    void handleServerRequest(const QString &method, const json &, Reply reply, Refuse) override
    {
        methods.append(method);
        if (method == QLatin1String("roots/list"))
            reply(json{{"roots", json::array({{{"uri", "file:///tmp/crosstalk-root"}, {"name", "scratch"}}})}});
        else if (method == QLatin1String("sampling/createMessage"))
            reply(json{{"role", "assistant"}, {"content", {{"type", "text"}, {"text", "sampled by the test"}}},
                       {"model", "test"}, {"stopReason", "endTurn"}});
        else
            reply(json{{"action", "decline"}});
    }
};

struct Result
{
    mcp::McpError error;
    json value;
    bool done = false;
};

Result call(mcp::McpSession &session, const QString &method, const json &params, qint64 timeoutMs = 15000,
            bool withProgress = false)
{
    Result r;
    session.request(method, params, timeoutMs, &session, [&](const mcp::McpError &e, const json &v) {
        r.error = e;
        r.value = v;
        r.done = true;
    }, withProgress);
    if (!QTest::qWaitFor([&] { return r.done; }, int(timeoutMs) + 5000))
        r.error = {mcp::McpError::Kind::Timeout, QStringLiteral("the test's own wait ran out"), 0, {}};
    return r;
}

QString textOf(const json &result)
{
    QString all;
    for (const json &c : result.value("content", json::array()))
        all += QString::fromStdString(c.value("text", ""));
    return all;
}

mcp::StdioCommand nodeScript(const QString &script)
{
    return {test::nodeProgram(), {QStringLiteral("-e"), script}, {}, {}};
}

// A legacy server that refuses the era probe as unknown, answers initialize,
// and then whatever `after` says.
QString scriptedServer(const QString &after)
{
    return QStringLiteral(R"(
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line);
  if (m.method === 'server/discover') {
    console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }));
    return;
  }
  if (m.method === 'initialize') {
    console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-06-18',
      capabilities: { tools: {} }, serverInfo: { name: 'scripted', version: '1' } } }));
    return;
  }
  if (m.method === 'notifications/initialized') return;
  %1
});
)").arg(after);
}

} // namespace

class TestMcpStdio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initializeAndListEverything();
    void progressRestartsTheTimeout();
    void serverRequestsReachTheHandler();
    void closeLeavesNoProcess();
    void serverWritingNonJson();
    void serverExitingMidRequest();
    void largeLinesKeepTheirOrder();
    void serverWritingAnEndlessLine();
    void serverInventingIds();
    void serverNeverAnswering();
    void serverNestingDeep();
    void serverFloodingNotifications();
    void commandThatCannotStart();
    void cliToolsAndCall();
    void cliRefusesBadArguments();
    void cliReportsAServerThatDies();
    void cliOverHttp();
    void cliAsksOnATerminal();
};

void TestMcpStdio::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
}

void TestMcpStdio::initializeAndListEverything()
{
    Handler handler;
    auto *transport = new mcp::StdioTransport({test::nodeProgram(), {everything()}, {}, {}});
    QStringList stderrLines;
    connect(transport, &mcp::StdioTransport::stderrLine, this, [&](const QString &l) { stderrLines.append(l); });
    mcp::McpSession session(transport, &handler);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(20000);
    QVERIFY(ready.wait(20000));
    QCOMPARE(session.era(), QStringLiteral("legacy"));
    QCOMPARE(session.transportName(), QStringLiteral("stdio"));
    QVERIFY2(mcp::McpSession::legacyVersions().contains(session.protocolVersion()), qPrintable(session.protocolVersion()));
    QVERIFY(session.serverInfo().contains("name"));
    QVERIFY(session.capabilities().contains("tools"));
    QVERIFY(!session.instructions().isEmpty());

    Result tools;
    session.listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), 15000, &session,
                    [&](const mcp::McpError &e, const json &v) {
                        tools.error = e;
                        tools.value = v;
                        tools.done = true;
                    });
    QTRY_VERIFY_WITH_TIMEOUT(tools.done, 15000);
    QVERIFY2(tools.error.ok(), qPrintable(tools.error.message));
    QStringList names;
    for (const json &t : tools.value.at("tools"))
        names.append(QString::fromStdString(t.at("name").get<std::string>()));
    // The client declared sampling, elicitation and roots: the tools that need them are offered.
    for (const char *name : {"echo", "get-sum", "trigger-long-running-operation", "get-roots-list",
                             "trigger-sampling-request", "trigger-elicitation-request"})
        QVERIFY2(names.contains(QLatin1String(name)), name);

    const Result echo = call(session, QStringLiteral("tools/call"), {{"name", "echo"}, {"arguments", {{"message", "über ✓"}}}});
    QVERIFY2(echo.error.ok(), qPrintable(echo.error.message));
    QCOMPARE(textOf(echo.value), QStringLiteral("Echo: über ✓"));

    const Result pong = call(session, QStringLiteral("ping"), json::object());
    QVERIFY(pong.error.ok());

    const Result unknown = call(session, QStringLiteral("tools/call"), {{"name", "no-such-tool"}, {"arguments", json::object()}});
    // Either a JSON-RPC error or a tool error: never silence.
    QVERIFY(!unknown.error.ok() || unknown.value.value("isError", false));
    QTRY_VERIFY(!stderrLines.isEmpty()); // the server's log reached us
}

void TestMcpStdio::progressRestartsTheTimeout()
{
    mcp::McpSession session(new mcp::StdioTransport({test::nodeProgram(), {everything()}, {}, {}}), nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy progress(&session, &mcp::McpSession::progress);
    session.open(20000);
    QVERIFY(ready.wait(20000));
    // 2 s of work in 5 steps, with a 1.2 s timeout: only progress keeps it alive.
    const Result r = call(session, QStringLiteral("tools/call"),
                          {{"name", "trigger-long-running-operation"}, {"arguments", {{"duration", 2}, {"steps", 5}}}}, 1200,
                          true);
    QVERIFY2(r.error.ok(), qPrintable(r.error.message));
    QCOMPARE(progress.size(), 5);
    QCOMPARE(progress.last().at(0).toDouble(), 5.0);
    QCOMPARE(progress.last().at(1).toDouble(), 5.0);

    // Without progress the same timeout runs out, and the request is cancelled on the wire.
    const Result late = call(session, QStringLiteral("tools/call"),
                             {{"name", "trigger-long-running-operation"}, {"arguments", {{"duration", 2}, {"steps", 1}}}}, 500);
    QCOMPARE(late.error.kind, mcp::McpError::Kind::Timeout);
    QVERIFY2(late.error.message.contains(QLatin1String("500 ms")), qPrintable(late.error.message));
}

void TestMcpStdio::serverRequestsReachTheHandler()
{
    Handler handler;
    mcp::McpSession session(new mcp::StdioTransport({test::nodeProgram(), {everything()}, {}, {}}), &handler);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(20000);
    QVERIFY(ready.wait(20000));

    const Result roots = call(session, QStringLiteral("tools/call"), {{"name", "get-roots-list"}, {"arguments", json::object()}});
    QVERIFY2(roots.error.ok(), qPrintable(roots.error.message));
    QVERIFY2(textOf(roots.value).contains(QLatin1String("file:///tmp/crosstalk-root")), qPrintable(textOf(roots.value)));

    const Result sampled = call(session, QStringLiteral("tools/call"),
                                {{"name", "trigger-sampling-request"}, {"arguments", {{"prompt", "hello"}, {"maxTokens", 10}}}});
    QVERIFY2(sampled.error.ok(), qPrintable(sampled.error.message));
    QVERIFY2(textOf(sampled.value).contains(QLatin1String("sampled by the test")), qPrintable(textOf(sampled.value)));
    QVERIFY(handler.methods.contains(QStringLiteral("roots/list")));
    QVERIFY(handler.methods.contains(QStringLiteral("sampling/createMessage")));
}

void TestMcpStdio::closeLeavesNoProcess()
{
    auto *transport = new mcp::StdioTransport({test::nodeProgram(), {everything()}, {}, {}});
    transport->setCloseGraceMs(500);
    qint64 pid = 0;
    mcp::McpSession session(transport, nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy closed(&session, &mcp::McpSession::closed);
    session.open(20000);
    QVERIFY(ready.wait(20000));
    // The server's pid, from the process list: the node child running the script.
    QProcess ps;
    ps.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("-n"), everything()});
    ps.waitForFinished(5000);
    pid = ps.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), 0), 0);
    session.close();
    QVERIFY(closed.wait(5000));
    QCOMPARE(closed.first().at(0).toString(), QString()); // closed by us, not a failure
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 3000);
}

void TestMcpStdio::serverWritingNonJson()
{
    mcp::McpSession session(new mcp::StdioTransport(nodeScript(scriptedServer(QString()).replace(
                                QStringLiteral("const m = JSON.parse(line);"),
                                QStringLiteral("console.log('Server ready! <b>not json</b>'); const m = JSON.parse(line);")))),
                            nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy issues(&session, &mcp::McpSession::protocolIssue);
    session.open(10000);
    QVERIFY(ready.wait(10000)); // the noise is reported, the real answer still read
    QVERIFY(!issues.isEmpty());
    QVERIFY2(issues.first().at(0).toString().contains(QLatin1String("not a JSON-RPC message")),
             qPrintable(issues.first().at(0).toString()));
    QVERIFY(issues.first().at(0).toString().contains(QLatin1String("Server ready!")));
}

void TestMcpStdio::serverExitingMidRequest()
{
    mcp::McpSession session(new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral("process.exit(3);")))), nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy closed(&session, &mcp::McpSession::closed);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    const Result r = call(session, QStringLiteral("tools/list"), json::object(), 10000);
    QCOMPARE(r.error.kind, mcp::McpError::Kind::Unreachable);
    QVERIFY(closed.size() == 1 || closed.wait(5000));
    QVERIFY2(closed.first().at(0).toString().contains(QLatin1String("exited with code 3")),
             qPrintable(closed.first().at(0).toString()));
}

void TestMcpStdio::largeLinesKeepTheirOrder()
{
    // A 3 MB log message (decoded on a worker), a small one, the answer, and
    // the server's exit, all at once: each arrives, in that order, and the
    // exit is reported only after the answer.
    mcp::McpSession session(
        new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral(
            "const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');"
            "say({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x'.repeat(3000000) } });"
            "say({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'small' } });"
            "process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { tools: [{ name: 'after', inputSchema: { type: 'object' } }] } }) + '\\n',"
            "  () => process.exit(0));")))),
        nullptr);
    QStringList order;
    connect(&session, &mcp::McpSession::logMessage, this, [&](const QString &, const QString &, const json &data) {
        order << (data.is_string() && data.get<std::string>() == "small" ? QStringLiteral("small")
                                                                          : QStringLiteral("large %1").arg(data.get<std::string>().size()));
    });
    connect(&session, &mcp::McpSession::closed, this, [&](const QString &) { order << QStringLiteral("closed"); });
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    Result r;
    session.request(QStringLiteral("tools/list"), json::object(), 20000, &session, [&](const mcp::McpError &e, const json &v) {
        r.error = e;
        r.value = v;
        r.done = true;
        order << QStringLiteral("answer");
    });
    QTRY_VERIFY_WITH_TIMEOUT(order.contains(QStringLiteral("closed")), 20000);
    QCOMPARE(r.error.kind, mcp::McpError::Kind::None);
    QCOMPARE(r.value["tools"][0]["name"], "after");
    QCOMPARE(order, (QStringList{QStringLiteral("large 3000000"), QStringLiteral("small"), QStringLiteral("answer"),
                                QStringLiteral("closed")}));
}

void TestMcpStdio::serverWritingAnEndlessLine()
{
    // 80 MiB without a newline: the line cap ends the connection, promptly.
    mcp::McpSession session(
        new mcp::StdioTransport(nodeScript(QStringLiteral(
            "const b = Buffer.alloc(1024 * 1024, 97); let n = 0;"
            "function w() { while (n < 80) { n++; if (!process.stdout.write(b)) { process.stdout.once('drain', w); return; } } }"
            "w(); setInterval(() => {}, 1000);"))),
        nullptr);
    QSignalSpy failed(&session, &mcp::McpSession::failed);
    session.open(30000);
    QVERIFY(failed.wait(30000));
    const auto error = failed.first().at(0).value<mcp::McpError>();
    QCOMPARE(error.kind, mcp::McpError::Kind::Unreachable);
    QVERIFY2(error.message.contains(QLatin1String("64 MiB")), qPrintable(error.message));
}

void TestMcpStdio::serverInventingIds()
{
    mcp::McpSession session(
        new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral(
            "console.log(JSON.stringify({ jsonrpc: '2.0', id: 999, result: {} }));"
            "console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { tools: [] } }));")))),
        nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy issues(&session, &mcp::McpSession::protocolIssue);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    const Result r = call(session, QStringLiteral("tools/list"), json::object());
    QVERIFY(r.error.ok());
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().at(0).toString().contains(QLatin1String("999")), qPrintable(issues.first().at(0).toString()));
}

void TestMcpStdio::serverNeverAnswering()
{
    mcp::McpSession session(new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral("/* silence */")))), nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    QElapsedTimer timer;
    timer.start();
    const Result r = call(session, QStringLiteral("tools/list"), json::object(), 800);
    QCOMPARE(r.error.kind, mcp::McpError::Kind::Timeout);
    QVERIFY2(r.error.message.contains(QLatin1String("800 ms")), qPrintable(r.error.message));
    QVERIFY(timer.elapsed() < 5000);
}

void TestMcpStdio::serverNestingDeep()
{
    // An answer nested 100,000 deep: refused by its depth, without a crash
    // (the parser's own recursion never sees it); the request ends by its
    // timeout and the connection goes on.
    mcp::McpSession session(
        new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral(
            "if (m.method === 'tools/list' && !globalThis.once) { globalThis.once = true;"
            "  process.stdout.write('{\"jsonrpc\":\"2.0\",\"id\":' + m.id + ',\"result\":{\"tools\":' + '['.repeat(100000) + ']'.repeat(100000) + '}}\\n'); return; }"
            "console.log(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { tools: [] } }));")))),
        nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    QSignalSpy issues(&session, &mcp::McpSession::protocolIssue);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    const Result deep = call(session, QStringLiteral("tools/list"), json::object(), 2000);
    QVERIFY(!deep.error.ok());
    QVERIFY(!issues.isEmpty());
    QVERIFY2(issues.first().at(0).toString().contains(QLatin1String("Nested deeper than")), qPrintable(issues.first().at(0).toString()));
    const Result next = call(session, QStringLiteral("tools/list"), json::object(), 5000);
    QVERIFY2(next.error.ok(), qPrintable(next.error.message));
}

void TestMcpStdio::serverFloodingNotifications()
{
    // 200,000 log notifications before the answer: each is reported, the
    // answer still arrives, and memory stays bounded.
    mcp::McpSession session(
        new mcp::StdioTransport(nodeScript(scriptedServer(QStringLiteral(
            "if (m.method !== 'tools/list') return;"
            "const note = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x'.repeat(200) } }) + '\\n';"
            "let n = 0; const id = m.id;"
            "function w() { while (n < 200000) { n++; if (!process.stdout.write(note)) { process.stdout.once('drain', w); return; } }"
            "  console.log(JSON.stringify({ jsonrpc: '2.0', id, result: { tools: [] } })); }"
            "w();")))),
        nullptr);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(10000);
    QVERIFY(ready.wait(10000));
    qint64 logs = 0;
    connect(&session, &mcp::McpSession::logMessage, this, [&] { ++logs; });
    const qint64 before = test::residentKiB();
    // Waited for in an event loop of its own: QTest::qWaitFor sleeps between
    // turns, which would make this take seconds.
    QEventLoop loop;
    mcp::McpError error{mcp::McpError::Kind::Timeout, QStringLiteral("the test's own wait ran out"), 0, {}};
    session.request(QStringLiteral("tools/list"), json::object(), 60000, &loop, [&](const mcp::McpError &e, const json &) {
        error = e;
        loop.quit();
    });
    QTimer::singleShot(70000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(error.ok(), qPrintable(error.message));
    QCOMPARE(logs, qint64(200000));
    // About 48 MB went by; far less of it is held at once.
    QVERIFY2(test::residentKiB() - before < 100 * 1024, qPrintable(QString::number(test::residentKiB() - before)));
}

void TestMcpStdio::commandThatCannotStart()
{
    mcp::McpSession session(new mcp::StdioTransport({QStringLiteral("/nonexistent/mcp-server"), {}, {}, {}}), nullptr);
    QSignalSpy failed(&session, &mcp::McpSession::failed);
    session.open(10000);
    QVERIFY(failed.wait(10000));
    const auto error = failed.first().at(0).value<mcp::McpError>();
    QCOMPARE(error.kind, mcp::McpError::Kind::Unreachable);
    QVERIFY2(error.message.contains(QLatin1String("/nonexistent/mcp-server")), qPrintable(error.message));
}

void TestMcpStdio::cliToolsAndCall()
{
    const QStringList server{QStringLiteral("--"), test::nodeProgram(), everything()};
    const test::CliRun tools = test::runCli(QStringLiteral(CROSSTALK_CLI), QStringList{QStringLiteral("mcp"), QStringLiteral("tools"), QStringLiteral("--json")} + server);
    QVERIFY2(tools.exitCode == 0, tools.err.constData());
    const json list = tools.end();
    QVERIFY(list.at("tools").size() >= 10);

    const test::CliRun info = test::runCli(QStringLiteral(CROSSTALK_CLI), QStringList{QStringLiteral("mcp"), QStringLiteral("info"), QStringLiteral("--json")} + server);
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(info.end().at("era"), "legacy");
    QCOMPARE(info.end().at("transport"), "stdio");

    // --arg values are read as the schema says: a and b are numbers.
    const test::CliRun sum = test::runCli(QStringLiteral(CROSSTALK_CLI),
                                          QStringList{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("get-sum"),
                                                      QStringLiteral("--arg"), QStringLiteral("a=2"), QStringLiteral("--arg"),
                                                      QStringLiteral("b=3.5"), QStringLiteral("--json")} + server);
    QVERIFY2(sum.exitCode == 0, sum.err.constData());
    QVERIFY2(QString::fromStdString(sum.end().at("content").dump()).contains(QLatin1String("5.5")), sum.out.constData());
    QVERIFY(sum.end().at("outputValid").is_null() || sum.end().at("outputValid").is_boolean());

    // Progress goes to stderr.
    const test::CliRun longRun = test::runCli(QStringLiteral(CROSSTALK_CLI),
                                              QStringList{QStringLiteral("mcp"), QStringLiteral("call"),
                                                          QStringLiteral("trigger-long-running-operation"), QStringLiteral("--args"),
                                                          QStringLiteral(R"({"duration":1,"steps":2})")} + server);
    QVERIFY2(longRun.exitCode == 0, longRun.err.constData());
    QVERIFY2(longRun.err.contains("progress: 2/2"), longRun.err.constData());
}

void TestMcpStdio::cliRefusesBadArguments()
{
    const QStringList server{QStringLiteral("--"), test::nodeProgram(), everything()};
    const test::CliRun bad = test::runCli(QStringLiteral(CROSSTALK_CLI),
                                          QStringList{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("get-sum"),
                                                      QStringLiteral("--arg"), QStringLiteral("a=two"), QStringLiteral("--arg"),
                                                      QStringLiteral("b=3"), QStringLiteral("--json")} + server);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.isEmpty());
    QVERIFY2(bad.err.contains("/a"), bad.err.constData());

    const test::CliRun unknown = test::runCli(QStringLiteral(CROSSTALK_CLI),
                                              QStringList{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("nope")} + server);
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no tool named 'nope'"), unknown.err.constData());

    const test::CliRun noCommand = test::runCli(QStringLiteral(CROSSTALK_CLI), {QStringLiteral("mcp"), QStringLiteral("tools")});
    QCOMPARE(noCommand.exitCode, 1);
}

void TestMcpStdio::cliReportsAServerThatDies()
{
    const test::CliRun run = test::runCli(QStringLiteral(CROSSTALK_CLI),
                                          {QStringLiteral("mcp"), QStringLiteral("tools"), QStringLiteral("--json"),
                                           QStringLiteral("--"), test::nodeProgram(), QStringLiteral("-e"),
                                           QStringLiteral("process.exit(7)")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("exited with code 7"), run.err.constData());
}

void TestMcpStdio::cliOverHttp()
{
    // The same verbs against remote servers; the trace holds the traffic but
    // not the credential given in a header.
    const QString script = QStringLiteral("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    test::PeerProcess streamable;
    QVERIFY2(streamable.start(script, {QStringLiteral("streamableHttp")}), qPrintable(streamable.errorString()));
    test::PeerProcess sse;
    QVERIFY2(sse.start(script, {QStringLiteral("sse")}), qPrintable(sse.errorString()));
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("trace.ndjson"));
    const QString secret = QStringLiteral("s3cret-token-4711");

    const test::CliRun info = test::runCli(
        QStringLiteral(CROSSTALK_CLI),
        {QStringLiteral("mcp"), QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--url"),
         streamable.url(QStringLiteral("/mcp")).toString(), QStringLiteral("--header"), QStringLiteral("Authorization: Bearer ") + secret,
         QStringLiteral("--trace"), trace});
    QVERIFY2(info.exitCode == 0, info.err.constData());
    QCOMPARE(info.end().at("era"), "legacy");
    QCOMPARE(info.end().at("transport"), "streamable-http");
    QCOMPARE(info.end().at("protocolVersion"), "2025-11-25");
    QFile file(trace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray traced = file.readAll();
    QVERIFY(traced.contains("initialize"));
    QVERIFY(traced.contains("Mcp-Session-Id") || traced.contains("mcp-session-id"));
    QVERIFY2(!traced.contains(secret.toUtf8()), "the credential reached the trace");

    // auto finds the old transport behind an SSE URL; --transport sse goes there directly.
    for (const QString &transport : {QStringLiteral("auto"), QStringLiteral("sse")}) {
        const test::CliRun call = test::runCli(
            QStringLiteral(CROSSTALK_CLI),
            {QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("echo"), QStringLiteral("--arg"), QStringLiteral("message=hi"),
             QStringLiteral("--json"), QStringLiteral("--transport"), transport, QStringLiteral("--url"), sse.url(QStringLiteral("/sse")).toString()});
        QVERIFY2(call.exitCode == 0, call.err.constData());
        QVERIFY(QString::fromStdString(call.end().at("content").dump()).contains(QLatin1String("Echo: hi")));
    }

    // The modern era, forced on a legacy server: a clear refusal, exit 2.
    const test::CliRun modern = test::runCli(
        QStringLiteral(CROSSTALK_CLI), {QStringLiteral("mcp"), QStringLiteral("ping"), QStringLiteral("--era"), QStringLiteral("modern"),
                                        QStringLiteral("--url"), streamable.url(QStringLiteral("/mcp")).toString()});
    QCOMPARE(modern.exitCode, 2);
    QVERIFY(modern.out.isEmpty());
    QVERIFY2(modern.err.contains("2026-07-28"), modern.err.constData());

    // Nothing listens there: exit 4.
    const test::CliRun refused = test::runCli(
        QStringLiteral(CROSSTALK_CLI), {QStringLiteral("mcp"), QStringLiteral("ping"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/mcp"),
                                        QStringLiteral("--timeout"), QStringLiteral("5")});
    QCOMPARE(refused.exitCode, 4);

    // Usage: a URL and a command at once.
    const test::CliRun both = test::runCli(
        QStringLiteral(CROSSTALK_CLI), {QStringLiteral("mcp"), QStringLiteral("ping"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/mcp"),
                                        QStringLiteral("--"), test::nodeProgram()});
    QCOMPARE(both.exitCode, 1);
}

namespace {

/// The last line of a terminal's output that is a JSON object.
json jsonLineOf(const QByteArray &terminal)
{
    json found;
    for (const QByteArray &line : terminal.split('\n')) {
        // Typed-ahead answers echo early, so the output may share a line
        // with the last question.
        const qsizetype start = line.indexOf("{\"");
        const QByteArray trimmed = start >= 0 ? line.mid(start).trimmed() : QByteArray();
        if (!trimmed.isEmpty()) {
            json value = json::parse(trimmed.constData(), trimmed.constData() + trimmed.size(), nullptr, false);
            if (value.is_object())
                found = std::move(value);
        }
    }
    return found;
}

} // namespace

void TestMcpStdio::cliAsksOnATerminal()
{
    if (const QString reason = test::terminalUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QStringList server{QStringLiteral("--"), test::nodeProgram(), everything()};
    const QStringList otherAnswers{QStringLiteral("--root"), QStringLiteral("file:///tmp"), QStringLiteral("--json")};

    // Sampling without --sample: the conversation is shown, the reply typed.
    const test::CliRun sampled = test::runCliAtTerminal(
        QStringLiteral(CROSSTALK_CLI),
        QStringList{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("trigger-sampling-request"), QStringLiteral("--args"),
                    QStringLiteral(R"({"prompt":"What is two and two?","maxTokens":10})")}
            + otherAnswers + server,
        "Four, typed by hand\n");
    QVERIFY2(sampled.exitCode == 0, sampled.out.constData());
    QVERIFY2(sampled.out.contains("What is two and two?"), sampled.out.constData());
    QVERIFY2(sampled.out.contains("Reply as the model"), sampled.out.constData());
    QVERIFY2(QString::fromStdString(jsonLineOf(sampled.out).dump()).contains(QLatin1String("Four, typed by hand")),
             sampled.out.constData());

    // A form elicitation without --elicit: accepted, then each field in
    // turn; an empty line takes the default, a wrong value is asked again.
    const test::CliRun form = test::runCliAtTerminal(
        QStringLiteral(CROSSTALK_CLI),
        QStringList{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("trigger-elicitation-request"),
                    QStringLiteral("--sample"), QStringLiteral("unused")}
            + otherAnswers + server,
        "a\n1815-12-10\nmaybe\nyes\nada@example.com\n\nhttps://ada.example\n7\n2\nAda Lovelace\n\n1,3\nWonder Woman\n2\n\n");
    QVERIFY2(form.exitCode == 0, form.out.constData());
    QVERIFY2(form.out.contains("Answer yes or no."), form.out.constData()); // "maybe" was asked again
    const QString result = QString::fromStdString(jsonLineOf(form.out).dump());
    for (const char *expected : {"Ada Lovelace", "\\\"check\\\": true", "fish-3", "hero-3", "pet-2", "It was a dark and stormy night."})
        QVERIFY2(result.contains(QLatin1String(expected)), qPrintable(QString::fromUtf8(expected) + QLatin1String(" in ") + result));
}

QTEST_GUILESS_MAIN(TestMcpStdio)
#include "tst_mcpstdio.moc"
