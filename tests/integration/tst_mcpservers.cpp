// McpSession over stdio against server-filesystem (a temporary directory,
// reached through the roots Crosstalk offers) and server-memory (its memory
// file in a temporary directory): tools called, structured results checked
// against their output schemas, access outside the roots refused.
#include "mcp/McpSession.h"
#include "mcp/StdioTransport.h"
#include "schema/SchemaValidator.h"

#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace crosstalk;
using nlohmann::json;

namespace {

/// Offers one root, and records that it was asked.
struct Roots : mcp::McpClientHandler
{
    QString root;
    int asked = 0;
    void handleServerRequest(const QString &method, const json &, Reply reply, Refuse refuse) override
    {
        if (method != QLatin1String("roots/list")) {
            refuse({-32601, QStringLiteral("not offered in this test"), std::nullopt});
            return;
        }
        ++asked;
        reply(json{{"roots", json::array({{{"uri", QUrl::fromLocalFile(root).toString().toStdString()}, {"name", "scratch"}}})}});
    }
};

struct Result
{
    mcp::McpError error;
    json value;
    bool done = false;
};

Result wait(const std::function<void(mcp::McpSession::Callback)> &start)
{
    auto r = std::make_shared<Result>();
    start([r](const mcp::McpError &e, const json &v) {
        r->error = e;
        r->value = v;
        r->done = true;
    });
    if (!QTest::qWaitFor([&] { return r->done; }, 20000))
        r->error.message = QStringLiteral("the test's own wait ran out");
    return *r;
}

/// A tool call whose structured result must match the tool's output schema.
Result callChecked(mcp::McpSession &s, const json &tools, const QString &name, const json &arguments)
{
    Result r = wait([&](mcp::McpSession::Callback cb) {
        s.request(QStringLiteral("tools/call"), {{"name", name.toStdString()}, {"arguments", arguments}}, 20000, &s, cb);
    });
    if (!r.error.ok() || r.value.value("isError", false))
        return r;
    for (const json &tool : tools) {
        if (tool.value("name", "") == name.toStdString() && tool.contains("outputSchema")) {
            const schema::SchemaCheck check = schema::validate(tool.at("outputSchema"), r.value.value("structuredContent", json()));
            if (check.verdict != schema::SchemaCheck::Verdict::Valid)
                r.error = {mcp::McpError::Kind::Protocol, name + QLatin1String(": structuredContent does not match outputSchema"), 0, {}, 0};
        }
    }
    return r;
}

QString text(const json &result)
{
    QString all;
    for (const json &c : result.value("content", json::array()))
        all += QString::fromStdString(c.value("text", ""));
    return all;
}

std::unique_ptr<mcp::McpSession> open(mcp::StdioCommand command, mcp::McpClientHandler *handler)
{
    auto session = std::make_unique<mcp::McpSession>(new mcp::StdioTransport(std::move(command)), handler);
    QSignalSpy ready(session.get(), &mcp::McpSession::ready);
    session->open(20000);
    return ready.wait(20000) ? std::move(session) : nullptr;
}

} // namespace

class TestMcpServers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filesystemWithinRoots();
    void memoryKeepsItsGraph();
};

void TestMcpServers::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
}

void TestMcpServers::filesystemWithinRoots()
{
    QTemporaryDir fromArguments;
    QTemporaryDir fromRoots;
    QVERIFY(fromArguments.isValid() && fromRoots.isValid());
    const QString rootPath = QDir(fromRoots.path()).canonicalPath();
    QFile outside(fromArguments.filePath(QStringLiteral("outside.txt")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.write("not yours");
    outside.close();

    Roots roots;
    roots.root = rootPath;
    const QString server = test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
    std::unique_ptr<mcp::McpSession> session = open({test::nodeProgram(), {server, fromArguments.path()}, {}, {}}, &roots);
    QVERIFY(session);
    mcp::McpSession &s = *session;
    const Result tools = wait([&](mcp::McpSession::Callback cb) { s.listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), 20000, &s, cb); });
    QVERIFY2(tools.error.ok(), qPrintable(tools.error.message));
    const json &list = tools.value.at("tools");
    QVERIFY(list.size() >= 10);
    QTRY_VERIFY(roots.asked >= 1); // the server asked for the roots after initialize

    // The roots replace the directories given on the command line.
    const Result allowed = callChecked(s, list, QStringLiteral("list_allowed_directories"), json::object());
    QVERIFY2(allowed.error.ok(), qPrintable(allowed.error.message));
    QTRY_VERIFY(text(callChecked(s, list, QStringLiteral("list_allowed_directories"), json::object()).value).contains(rootPath));

    const std::string file = QString(rootPath + QStringLiteral("/notes/hello.txt")).toStdString();
    QVERIFY(callChecked(s, list, QStringLiteral("create_directory"), {{"path", QString(rootPath + QStringLiteral("/notes")).toStdString()}}).error.ok());
    const Result written = callChecked(s, list, QStringLiteral("write_file"), {{"path", file}, {"content", "Grüße aus Crosstalk\n"}});
    QVERIFY2(written.error.ok() && !written.value.value("isError", false), qPrintable(written.error.message + text(written.value)));
    QFile onDisk(QString::fromStdString(file));
    QVERIFY(onDisk.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(onDisk.readAll()), QStringLiteral("Grüße aus Crosstalk\n"));

    const Result read = callChecked(s, list, QStringLiteral("read_text_file"), {{"path", file}});
    QVERIFY2(read.error.ok(), qPrintable(read.error.message));
    QVERIFY(text(read.value).contains(QStringLiteral("Grüße")));
    const Result listing = callChecked(s, list, QStringLiteral("list_directory"), {{"path", QString(rootPath + QStringLiteral("/notes")).toStdString()}});
    QVERIFY2(listing.error.ok(), qPrintable(listing.error.message));
    QVERIFY(text(listing.value).contains(QStringLiteral("hello.txt")));

    // Outside the roots: a tool error, not a protocol error, and nothing read.
    const Result denied = callChecked(s, list, QStringLiteral("read_text_file"), {{"path", outside.fileName().toStdString()}});
    QVERIFY2(denied.error.ok(), qPrintable(denied.error.message));
    QVERIFY(denied.value.value("isError", false));
    QVERIFY(!text(denied.value).contains(QStringLiteral("not yours")));
}

void TestMcpServers::memoryKeepsItsGraph()
{
    QTemporaryDir dir;
    const QString memoryFile = dir.filePath(QStringLiteral("memory.jsonl"));
    const QString server = test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-memory/dist/index.js");
    std::unique_ptr<mcp::McpSession> session
        = open({test::nodeProgram(), {server}, {{QStringLiteral("MEMORY_FILE_PATH"), memoryFile}}, dir.path()}, nullptr);
    QVERIFY(session);
    mcp::McpSession &s = *session;
    const Result tools = wait([&](mcp::McpSession::Callback cb) { s.listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), 20000, &s, cb); });
    QVERIFY2(tools.error.ok(), qPrintable(tools.error.message));
    const json &list = tools.value.at("tools");

    const Result created = callChecked(s, list, QStringLiteral("create_entities"),
                                       json::parse(R"({"entities":[{"name":"Crosstalk","entityType":"project","observations":["inspects A2A"]},
                                                                   {"name":"MCP","entityType":"protocol","observations":[]}]})"));
    QVERIFY2(created.error.ok() && !created.value.value("isError", false), qPrintable(created.error.message + text(created.value)));
    QVERIFY(callChecked(s, list, QStringLiteral("create_relations"),
                        json::parse(R"({"relations":[{"from":"Crosstalk","to":"MCP","relationType":"speaks"}]})")).error.ok());
    QVERIFY(callChecked(s, list, QStringLiteral("add_observations"),
                        json::parse(R"({"observations":[{"entityName":"Crosstalk","contents":["speaks both eras"]}]})")).error.ok());
    const Result found = callChecked(s, list, QStringLiteral("search_nodes"), {{"query", "both eras"}});
    QVERIFY2(found.error.ok(), qPrintable(found.error.message));
    QCOMPARE(found.value.at("structuredContent").at("entities").size(), size_t(1));
    const Result graph = callChecked(s, list, QStringLiteral("read_graph"), json::object());
    QVERIFY2(graph.error.ok(), qPrintable(graph.error.message));
    QCOMPARE(graph.value.at("structuredContent").at("relations").size(), size_t(1));

    // The graph is in the file Crosstalk pointed the server at, nowhere else.
    QFile file(memoryFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("speaks both eras"));
    const Result resource = wait([&](mcp::McpSession::Callback cb) {
        s.request(QStringLiteral("resources/read"), {{"uri", "memory://knowledge-graph"}}, 20000, &s, cb);
    });
    QVERIFY2(resource.error.ok(), qPrintable(resource.error.message));
    QVERIFY(QString::fromStdString(resource.value.dump()).contains(QLatin1String("Crosstalk")));
}

QTEST_GUILESS_MAIN(TestMcpServers)
#include "tst_mcpservers.moc"
