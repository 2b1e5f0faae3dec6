// The workspace file (round trip, no secrets, errors that name the place),
// the workspace's ids and signals, and the store that keeps it on disk.
#include "workspace/CliCommand.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace crosstalk::workspace;
using nlohmann::json;

namespace {

WorkspaceData sample()
{
    WorkspaceData data;
    data.name = QStringLiteral("Demo");
    Connection agent;
    agent.id = QStringLiteral("billing");
    agent.name = QStringLiteral("Billing");
    agent.url = QUrl(QStringLiteral("http://127.0.0.1:4100/"));
    agent.signIn = QStringLiteral("key/api-key + basic/http-basic");
    agent.signInCredentials = {{QStringLiteral("key"), QStringLiteral("billing: key")},
                               {QStringLiteral("basic"), QStringLiteral("billing: basic")}};
    Connection stdio;
    stdio.id = QStringLiteral("everything");
    stdio.kind = Connection::Kind::McpServer;
    stdio.command = QStringLiteral("npx");
    stdio.arguments = {QStringLiteral("-y"), QStringLiteral("@modelcontextprotocol/server-everything")};
    stdio.environment = {{QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"), false}};
    stdio.workingDirectory = QStringLiteral("/tmp");
    Connection remote;
    remote.id = QStringLiteral("remote");
    remote.kind = Connection::Kind::McpServer;
    remote.transport = QStringLiteral("streamable-http");
    remote.era = QStringLiteral("modern");
    remote.url = QUrl(QStringLiteral("https://mcp.example/mcp"));
    remote.headers = {{QStringLiteral("X-Region"), QStringLiteral("eu"), false}};
    remote.oauth = false;
    remote.oauthClientId = QStringLiteral("registered-by-hand");
    data.connections = {agent, stdio, remote};
    return data;
}

QByteArray fileOf(const json &connections)
{
    return QByteArray::fromStdString(json{{"format", "crosstalk-workspace"}, {"version", 1}, {"connections", connections}}.dump());
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void secretsNeverReachTheFile();
    void badFilesNameWhatIsWrong_data();
    void badFilesNameWhatIsWrong();
    void idsAreUnique();
    void signalsInOrder();
    void storeLoadsAndSaves();
    void unreadableFileIsNotOverwritten();
    void importAndExport();
    void cliCommandOfAServer();
};

void TestWorkspace::roundTrip()
{
    const WorkspaceData data = sample();
    QString error;
    const std::optional<WorkspaceData> back = workspace_file::parse(workspace_file::serialize(data), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, data);
}

void TestWorkspace::secretsNeverReachTheFile()
{
    WorkspaceData data = sample();
    data.connections[1].environment.append({QStringLiteral("GITHUB_TOKEN"), QStringLiteral("ghp_s3cr3tvalue"), false});
    data.connections[2].headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer tok-123456"), false});
    data.connections[2].headers.append({QStringLiteral("X-Api-Key"), QStringLiteral("key-abcdef"), false});
    const QByteArray bytes = workspace_file::serialize(data);
    for (const char *secret : {"ghp_s3cr3tvalue", "tok-123456", "key-abcdef"})
        QVERIFY2(!bytes.contains(secret), secret);
    const std::optional<WorkspaceData> back = workspace_file::parse(bytes, nullptr);
    QVERIFY(back);
    // The names stay, marked as secrets the keychain holds.
    QCOMPARE(back->connections[1].environment.last(), (NamedValue{QStringLiteral("GITHUB_TOKEN"), QString(), true}));
    QCOMPARE(back->connections[2].headers.at(1), (NamedValue{QStringLiteral("Authorization"), QString(), true}));
    QVERIFY(back->connections[2].headers.at(0) == (NamedValue{QStringLiteral("X-Region"), QStringLiteral("eu"), false}));
    // A value beside "secret": true in a file is never taken.
    const std::optional<WorkspaceData> planted = workspace_file::parse(
        fileOf(json::array({{{"id", "r"}, {"kind", "mcp"}, {"transport", "sse"}, {"url", "https://x.example/sse"},
                             {"headers", {{{"name", "X-Custom"}, {"value", "planted"}, {"secret", true}}}}}})),
        nullptr);
    QVERIFY(planted);
    QCOMPARE(planted->connections.first().headers.first().value, QString());
}

void TestWorkspace::badFilesNameWhatIsWrong_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"format\": ") << QStringLiteral("not JSON");
    QTest::newRow("other format") << QByteArray(R"({"format":"something","version":1})") << QStringLiteral("not a Crosstalk workspace");
    QTest::newRow("newer") << QByteArray(R"({"format":"crosstalk-workspace","version":7})") << QStringLiteral("newer Crosstalk");
    QTest::newRow("connections not a list") << QByteArray(R"({"format":"crosstalk-workspace","version":1,"connections":{}})")
                                            << QStringLiteral("connections: expected a list");
    QTest::newRow("bad url") << fileOf(json::array({{{"id", "a"}, {"kind", "agent"}, {"url", "http://127.0.0.1/"}},
                                                     {{"id", "b"}, {"kind", "agent"}, {"url", "ftp://host/"}}}))
                             << QStringLiteral("connections[1]: the agent's URL is not an http or https URL");
    QTest::newRow("kind") << fileOf(json::array({{{"id", "a"}, {"kind", "robot"}, {"url", "http://h/"}}}))
                          << QStringLiteral("connections[0].kind: expected “agent” or “mcp”");
    QTest::newRow("twice") << fileOf(json::array({{{"id", "a"}, {"kind", "agent"}, {"url", "http://h/"}},
                                                   {{"id", "a"}, {"kind", "agent"}, {"url", "http://g/"}}}))
                           << QStringLiteral("connections[1].id: “a” is used twice");
    QTest::newRow("arguments") << fileOf(json::array({{{"id", "s"}, {"kind", "mcp"}, {"command", "node"}, {"arguments", {1, 2}}}}))
                               << QStringLiteral("connections[0].arguments: expected a list of strings");
    QTest::newRow("no command") << fileOf(json::array({{{"id", "s"}, {"kind", "mcp"}, {"transport", "stdio"}}}))
                                << QStringLiteral("connections[0]: a stdio server needs a command");
    QTest::newRow("name type") << fileOf(json::array({{{"id", "a"}, {"kind", "agent"}, {"url", "http://h/"}, {"name", 5}}}))
                               << QStringLiteral("connections[0].name: expected a string");
    QTest::newRow("oauth type") << fileOf(json::array({{{"id", "r"}, {"kind", "mcp"}, {"transport", "sse"},
                                                        {"url", "https://x.example/sse"}, {"oauth", "yes"}}}))
                                << QStringLiteral("connections[0].oauth: expected true or false");
    QTest::newRow("sign-in credentials") << fileOf(json::array({{{"id", "a"}, {"kind", "agent"}, {"url", "http://h/"},
                                                                 {"signInCredentials", {{"key", 7}}}}}))
                                         << QStringLiteral("connections[0].signInCredentials.key: expected a credential's name");
    QTest::newRow("deep") << QByteArray(100000, '[') << QStringLiteral("nested too deeply");
}

void TestWorkspace::badFilesNameWhatIsWrong()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!workspace_file::parse(bytes, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestWorkspace::idsAreUnique()
{
    Workspace w;
    Connection c;
    c.name = QStringLiteral("Billing Agent!");
    c.url = QUrl(QStringLiteral("http://127.0.0.1:1/"));
    QCOMPARE(w.add(c), QStringLiteral("billing-agent"));
    QCOMPARE(w.add(c), QStringLiteral("billing-agent-2"));
    c.name.clear();
    QCOMPARE(w.add(c), QStringLiteral("127-0-0-1"));
    QCOMPARE(w.merge(sample()), 3);
    QCOMPARE(w.connections().size(), 6);
    QVERIFY(w.connection(QStringLiteral("billing")));
}

void TestWorkspace::signalsInOrder()
{
    Workspace w;
    QStringList seen;
    connect(&w, &Workspace::aboutToAdd, this, [&](const Connection &c) {
        seen << QStringLiteral("aboutToAdd ") + c.id + QStringLiteral(" ") + QString::number(w.connections().size());
    });
    connect(&w, &Workspace::added, this, [&](const QString &id) { seen << QStringLiteral("added ") + id; });
    connect(&w, &Workspace::aboutToRemove, this, [&](const QString &id) { seen << QStringLiteral("aboutToRemove ") + id; });
    connect(&w, &Workspace::removed, this, [&](const QString &id) { seen << QStringLiteral("removed ") + id; });
    QSignalSpy changed(&w, &Workspace::changed);
    Connection c;
    c.id = QStringLiteral("a");
    c.url = QUrl(QStringLiteral("http://h/"));
    w.add(c);
    c.name = QStringLiteral("renamed");
    QVERIFY(w.update(c));
    c.kind = Connection::Kind::McpServer;
    QVERIFY(!w.update(c)); // the kind stays
    QVERIFY(w.remove(QStringLiteral("a")));
    QVERIFY(!w.remove(QStringLiteral("a")));
    QCOMPARE(seen, (QStringList{QStringLiteral("aboutToAdd a 0"), QStringLiteral("added a"), QStringLiteral("aboutToRemove a"),
                                QStringLiteral("removed a")}));
    QCOMPARE(changed.size(), 3);
}

void TestWorkspace::storeLoadsAndSaves()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/workspace.json"));
    {
        Workspace w;
        WorkspaceStore store(&w, path);
        store.setSaveDelay(10);
        QSignalSpy loaded(&store, &WorkspaceStore::loaded);
        store.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(0).toString(), QString()); // no file yet: empty, not an error
        QVERIFY(w.connections().isEmpty());
        QSignalSpy saved(&store, &WorkspaceStore::saved);
        w.merge(sample());
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.last().at(0).toString(), QString());
        // A change right before the store goes away is saved too.
        Connection late;
        late.id = QStringLiteral("late");
        late.url = QUrl(QStringLiteral("http://127.0.0.1:5/"));
        w.add(late);
    }
    Workspace again;
    WorkspaceStore store(&again, path);
    QSignalSpy loaded(&store, &WorkspaceStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(again.connections().size(), 4);
    QVERIFY(again.connection(QStringLiteral("late")));
}

void TestWorkspace::unreadableFileIsNotOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"crosstalk-workspace\", \"version\": 1, \"connections\": [oops");
    file.close();
    {
        Workspace w;
        WorkspaceStore store(&w, path);
        store.setSaveDelay(10);
        QSignalSpy loaded(&store, &WorkspaceStore::loaded);
        store.load();
        QVERIFY(loaded.wait(5000));
        const QString error = loaded.first().at(0).toString();
        QVERIFY2(error.contains(QLatin1String("workspace.json")) && error.contains(QLatin1String("not JSON")), qPrintable(error));
        w.merge(sample());
        QTest::qWait(100);
    }
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().endsWith("[oops")); // the person's file is as it was
}

void TestWorkspace::importAndExport()
{
    QTemporaryDir dir;
    Workspace w;
    WorkspaceStore store(&w, dir.filePath(QStringLiteral("own.json")));
    QSignalSpy loaded(&store, &WorkspaceStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    w.merge(sample());
    QSignalSpy exported(&store, &WorkspaceStore::exported);
    store.exportTo(dir.filePath(QStringLiteral("shared.json")));
    QVERIFY(exported.wait(5000));
    QCOMPARE(exported.first().at(1).toString(), QString());

    QSignalSpy imported(&store, &WorkspaceStore::imported);
    store.importFrom(dir.filePath(QStringLiteral("shared.json")));
    QVERIFY(imported.wait(5000));
    QCOMPARE(imported.first().at(0).value<WorkspaceData>().connections, sample().connections);
    store.importFrom(dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(imported.wait(5000));
    QVERIFY(imported.last().at(1).toString().contains(QLatin1String("does not exist")));
}

void TestWorkspace::cliCommandOfAServer()
{
    Connection stdio;
    stdio.kind = Connection::Kind::McpServer;
    stdio.command = QStringLiteral("npx");
    stdio.arguments = {QStringLiteral("-y"), QStringLiteral("some server")};
    stdio.environment = {{QStringLiteral("LOG"), QStringLiteral("debug")},
                         {QStringLiteral("GITHUB_TOKEN"), QStringLiteral("ghp_secretvalue"), false},
                         {QStringLiteral("OTHER"), QStringLiteral("kept-secret"), true}};
    stdio.workingDirectory = QStringLiteral("/srv/my dir");
    const QString command = mcpCliCommand(stdio, {QStringLiteral("call"), QStringLiteral("echo"), QStringLiteral("--args"),
                                                  QStringLiteral("{\"message\":\"it's\"}")});
    QCOMPARE(command, QStringLiteral("cd '/srv/my dir' && crosstalk-cli mcp call echo --args '{\"message\":\"it'\\''s\"}' "
                                     "--env LOG=debug --env 'GITHUB_TOKEN=<secret>' --env 'OTHER=<secret>' -- npx -y 'some server'"));
    QVERIFY(!command.contains(QStringLiteral("ghp_secretvalue")));

    Connection remote;
    remote.kind = Connection::Kind::McpServer;
    remote.transport = QStringLiteral("sse");
    remote.era = QStringLiteral("legacy");
    remote.url = QUrl(QStringLiteral("http://127.0.0.1:9/mcp"));
    remote.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer abc"), false},
                      {QStringLiteral("X-Team"), QStringLiteral("blue"), false}};
    QCOMPARE(mcpCliCommand(remote, {QStringLiteral("tools")}),
             QStringLiteral("crosstalk-cli mcp tools --era legacy --url http://127.0.0.1:9/mcp --transport sse "
                            "--header 'Authorization: <secret>' --header 'X-Team: blue'"));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
