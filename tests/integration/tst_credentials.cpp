// Credentials in the real OS keychain (a throw-away gnome-keyring in a
// private D-Bus session, see tests/support/with-keyring.sh): the store, the
// CLI's credential commands, and --credential against real peers. After it
// all, no file written under the throw-away home, nor a trace, holds a secret.
#include "auth/CredentialStore.h"

#include "CliRunner.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace crosstalk;
using auth::Credential;
using auth::CredentialStore;

namespace {

const QString Service = QStringLiteral("Crosstalk tests");

struct Waited
{
    bool done = false;
    QString error;
    std::optional<Credential> credential;
    QList<Credential> listed;
    bool removed = false;
};

Waited save(CredentialStore &store, const Credential &c)
{
    Waited w;
    store.save(c, &store, [&w](const QString &error) {
        w.error = error;
        w.done = true;
    });
    (void)QTest::qWaitFor([&] { return w.done; }, 20000);
    return w;
}

Waited load(CredentialStore &store, const QString &name)
{
    Waited w;
    store.load(name, &store, [&w](const std::optional<Credential> &c, const QString &error) {
        w.credential = c;
        w.error = error;
        w.done = true;
    });
    (void)QTest::qWaitFor([&] { return w.done; }, 20000);
    return w;
}

Waited list(CredentialStore &store)
{
    Waited w;
    store.list(&store, [&w](const QList<Credential> &listed, const QString &error) {
        w.listed = listed;
        w.error = error;
        w.done = true;
    });
    (void)QTest::qWaitFor([&] { return w.done; }, 20000);
    return w;
}

Waited remove(CredentialStore &store, const QString &name)
{
    Waited w;
    store.remove(name, &store, [&w](bool removed, const QString &error) {
        w.removed = removed;
        w.error = error;
        w.done = true;
    });
    (void)QTest::qWaitFor([&] { return w.done; }, 20000);
    return w;
}

Credential make(const QString &name, Credential::Kind kind, const QString &secret)
{
    Credential c;
    c.name = name;
    c.kind = kind;
    c.secret = secret;
    if (kind == Credential::Kind::ApiKey)
        c.keyName = QStringLiteral("X-Api-Key");
    if (kind == Credential::Kind::Basic)
        c.user = QStringLiteral("alice");
    return c;
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachKindRoundTrips_data();
    void eachKindRoundTrips();
    void jobsRunInOrder();
    void badCredentialsAreRefused();
    void memoryOnlyKeepsNothingInTheKeychain();
    void headersAndQuery();
    void cliSetListDelete();
    void a2aAgentNeedsTheBearer();
    void mcpCredentialIsSentAndRedacted();
    void noFileHoldsASecret();

private:
    QStringList m_secrets;
    QTemporaryDir m_traces;
};

void TestCredentials::initTestCase()
{
    QVERIFY2(QDir::homePath().contains(QLatin1String("crosstalk-keyring.")), "not in the throw-away keychain");
    QVERIFY(m_traces.isValid());
}

void TestCredentials::eachKindRoundTrips_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("bearer") << int(Credential::Kind::Bearer);
    QTest::newRow("api-key") << int(Credential::Kind::ApiKey);
    QTest::newRow("basic") << int(Credential::Kind::Basic);
}

void TestCredentials::eachKindRoundTrips()
{
    QFETCH(int, kind);
    CredentialStore store(Service);
    const QString name = QStringLiteral("round-%1").arg(kind);
    const QString first = QStringLiteral("first-secret-%1-7a1f").arg(kind);
    const QString second = QStringLiteral("second-secret-%1-93bc").arg(kind);
    m_secrets << first << second;

    Waited w = save(store, make(name, Credential::Kind(kind), first));
    QVERIFY2(w.done && w.error.isEmpty(), qPrintable(w.error));
    w = load(store, name);
    QVERIFY2(w.credential, qPrintable(w.error));
    QCOMPARE(w.credential->secret, first);
    QCOMPARE(int(w.credential->kind), kind);
    if (kind == int(Credential::Kind::Basic))
        QCOMPARE(w.credential->user, QStringLiteral("alice"));

    // Overwritten: the new secret, listed once, and the list holds no secret.
    w = save(store, make(name, Credential::Kind(kind), second));
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    QCOMPARE(load(store, name).credential->secret, second);
    w = list(store);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    int listed = 0;
    for (const Credential &c : std::as_const(w.listed)) {
        QVERIFY(c.secret.isEmpty());
        listed += c.name == name ? 1 : 0;
    }
    QCOMPARE(listed, 1);

    w = remove(store, name);
    QVERIFY(w.removed);
    QVERIFY(w.error.isEmpty());
    w = load(store, name);
    QVERIFY(w.done && !w.credential && w.error.isEmpty());
    w = remove(store, name);
    QVERIFY(!w.removed && w.error.isEmpty());
    for (const Credential &c : list(store).listed)
        QVERIFY(c.name != name);
}

void TestCredentials::jobsRunInOrder()
{
    // Asked all at once: each keychain job starts after the one before.
    CredentialStore store(Service);
    QStringList events;
    const QString secret = QStringLiteral("ordered-secret-55d2");
    m_secrets << secret;
    store.save(make(QStringLiteral("ordered"), Credential::Kind::Bearer, secret), &store,
               [&](const QString &e) { events << QStringLiteral("saved") + e; });
    store.load(QStringLiteral("ordered"), &store, [&](const std::optional<Credential> &c, const QString &) {
        events << (c ? QStringLiteral("loaded ") + c->secret : QStringLiteral("missing"));
    });
    store.remove(QStringLiteral("ordered"), &store, [&](bool removed, const QString &) {
        events << (removed ? QStringLiteral("removed") : QStringLiteral("not removed"));
    });
    store.load(QStringLiteral("ordered"), &store, [&](const std::optional<Credential> &c, const QString &) {
        events << (c ? QStringLiteral("still there") : QStringLiteral("gone"));
    });
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 30000);
    QCOMPARE(events, (QStringList{QStringLiteral("saved"), QStringLiteral("loaded ") + secret, QStringLiteral("removed"),
                                  QStringLiteral("gone")}));
}

void TestCredentials::badCredentialsAreRefused()
{
    CredentialStore store(Service);
    Credential c = make(QStringLiteral("bad"), Credential::Kind::Bearer, QStringLiteral("has space"));
    QVERIFY(save(store, c).error.contains(QStringLiteral("spaces")));
    c = make(QStringLiteral("bad/name"), Credential::Kind::Bearer, QStringLiteral("x"));
    QVERIFY(!save(store, c).error.isEmpty());
    c = make(QStringLiteral("bad"), Credential::Kind::ApiKey, QStringLiteral("k"));
    c.keyName = QStringLiteral("Not A Header");
    QVERIFY(save(store, c).error.contains(QStringLiteral("Not A Header")));
    c = make(QStringLiteral("bad"), Credential::Kind::Basic, QStringLiteral("p"));
    c.user = QStringLiteral("a:b");
    QVERIFY(!save(store, c).error.isEmpty());
    c = make(QStringLiteral("bad"), Credential::Kind::Bearer, QString());
    QVERIFY(!save(store, c).error.isEmpty());
    QVERIFY(!load(store, QStringLiteral("bad")).credential);
}

void TestCredentials::memoryOnlyKeepsNothingInTheKeychain()
{
    const QString secret = QStringLiteral("memory-only-secret-c0de");
    m_secrets << secret;
    {
        CredentialStore store(Service);
        store.setMemoryOnly(true);
        QVERIFY(save(store, make(QStringLiteral("in-memory"), Credential::Kind::Bearer, secret)).error.isEmpty());
        QCOMPARE(load(store, QStringLiteral("in-memory")).credential->secret, secret);
        QCOMPARE(list(store).listed.size(), 1);
        QVERIFY(list(store).listed.first().secret.isEmpty());
    }
    CredentialStore keychain(Service);
    const Waited w = load(keychain, QStringLiteral("in-memory"));
    QVERIFY(w.done && !w.credential && w.error.isEmpty());
}

void TestCredentials::headersAndQuery()
{
    Credential bearer = make(QStringLiteral("b"), Credential::Kind::Bearer, QStringLiteral("tok"));
    QCOMPARE(bearer.header()->second, QByteArray("Bearer tok"));
    Credential basic = make(QStringLiteral("b"), Credential::Kind::Basic, QStringLiteral("pässword"));
    QCOMPARE(basic.header()->second, "Basic " + QStringLiteral("alice:pässword").toUtf8().toBase64());
    Credential key = make(QStringLiteral("k"), Credential::Kind::ApiKey, QStringLiteral("a&b=c"));
    QCOMPARE(key.header()->first, QByteArray("X-Api-Key"));
    key.location = Credential::Location::Cookie;
    key.keyName = QStringLiteral("session");
    QCOMPARE(*key.header(), (std::pair{QByteArray("Cookie"), QByteArray("session=a&b=c")}));
    key.location = Credential::Location::Query;
    key.keyName = QStringLiteral("api_key");
    QVERIFY(!key.header());
    QCOMPARE(key.withQuery(QUrl(QStringLiteral("http://127.0.0.1:1/mcp?x=1&api_key=old"))).toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:1/mcp?x=1&api_key=a%26b%3Dc"));
}

void TestCredentials::cliSetListDelete()
{
    const QString cli = QStringLiteral(CROSSTALK_CLI);
    const QByteArray secret = "cli-bearer-secret-2b7e";
    m_secrets << QString::fromLatin1(secret) << QStringLiteral("cli-basic-secret-91aa");
    test::CliRun run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("cli-token"),
                                                   QStringLiteral("--bearer")},
                                             secret + '\n');
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("cli-basic"),
                                      QStringLiteral("--basic"), QStringLiteral("bob")},
                                "cli-basic-secret-91aa");
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = test::runCli(cli, {QStringLiteral("credential"), QStringLiteral("list")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("cli-token\tbearer\t"));
    QVERIFY(run.out.contains("cli-basic\tbasic\tbasic, user bob"));
    QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
    QVERIFY(!run.out.contains("cli-basic-secret"));
    run = test::runCli(cli, {QStringLiteral("credential"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    bool found = false;
    const nlohmann::json listed = run.end();
    for (const nlohmann::json &c : listed.at("credentials"))
        found = found || (c.at("name") == "cli-basic" && c.at("kind") == "basic" && c.at("user") == "bob" && !c.contains("secret"));
    QVERIFY2(found, run.out.constData());

    // Wrong use: no secret, two kinds, an unknown name.
    run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--bearer")}, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("no secret on stdin"));
    run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--bearer"),
                                      QStringLiteral("--basic"), QStringLiteral("u")}, "s");
    QCOMPARE(run.exitCode, 1);
    run = test::runCli(cli, {QStringLiteral("credential"), QStringLiteral("delete"), QStringLiteral("never-set")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("never-set"));

    run = test::runCli(cli, {QStringLiteral("credential"), QStringLiteral("delete"), QStringLiteral("cli-basic")});
    QCOMPARE(run.exitCode, 0);
    run = test::runCli(cli, {QStringLiteral("credential"), QStringLiteral("list")});
    QVERIFY(!run.out.contains("cli-basic"));
    QVERIFY(run.out.contains("cli-token"));
}

void TestCredentials::a2aAgentNeedsTheBearer()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString cli = QStringLiteral(CROSSTALK_CLI);
    const QByteArray token = "agent-token-6f31";
    m_secrets << QString::fromLatin1(token);
    test::PeerProcess agent;
    QVERIFY2(agent.start(QStringLiteral("a2a/test-agent.mjs"), {QStringLiteral("--require-bearer"), QString::fromLatin1(token)}),
             qPrintable(agent.errorString()));
    test::CliRun run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("agent"),
                                                   QStringLiteral("--bearer")},
                                             token);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("wrong"),
                                      QStringLiteral("--bearer")},
                                "not-the-token");
    QCOMPARE(run.exitCode, 0);

    const QStringList send{QStringLiteral("a2a"), QStringLiteral("send"), agent.url().toString(), QStringLiteral("hello"),
                           QStringLiteral("--json")};
    run = test::runCli(cli, send);
    QCOMPARE(run.exitCode, 2); // refused without it
    QVERIFY2(run.err.contains("401"), run.err.constData());
    run = test::runCli(cli, send + QStringList{QStringLiteral("--credential"), QStringLiteral("wrong")});
    QCOMPARE(run.exitCode, 2);
    run = test::runCli(cli, send + QStringList{QStringLiteral("--credential"), QStringLiteral("agent")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!run.out.contains(token) && !run.err.contains(token));
    run = test::runCli(cli, send + QStringList{QStringLiteral("--credential"), QStringLiteral("nobody")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("nobody"));
}

void TestCredentials::mcpCredentialIsSentAndRedacted()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString cli = QStringLiteral(CROSSTALK_CLI);
    test::PeerProcess server;
    QVERIFY2(server.start(QStringLiteral("node_modules/@modelcontextprotocol/server-everything/dist/index.js"),
                          {QStringLiteral("streamableHttp")}),
             qPrintable(server.errorString()));
    const QByteArray headerKey = "mcp-header-key-0e44";
    const QByteArray queryKey = "mcp-query-key-71d9";
    m_secrets << QString::fromLatin1(headerKey) << QString::fromLatin1(queryKey);
    QCOMPARE(test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("mcp-header"),
                                         QStringLiteral("--api-key"), QStringLiteral("X-Team-Code")},
                                   headerKey)
                 .exitCode,
             0);
    QCOMPARE(test::runCliWithInput(cli, {QStringLiteral("credential"), QStringLiteral("set"), QStringLiteral("mcp-query"),
                                         QStringLiteral("--api-key"), QStringLiteral("team_code"), QStringLiteral("--in"),
                                         QStringLiteral("query")},
                                   queryKey)
                 .exitCode,
             0);
    for (const QString &name : {QStringLiteral("mcp-header"), QStringLiteral("mcp-query")}) {
        const QString trace = m_traces.filePath(name + QStringLiteral(".ndjson"));
        const test::CliRun run = test::runCli(cli, {QStringLiteral("mcp"), QStringLiteral("ping"), QStringLiteral("--url"),
                                                    server.url(QStringLiteral("/mcp")).toString(), QStringLiteral("--credential"),
                                                    name, QStringLiteral("--trace"), trace});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray traced = file.readAll();
        // Sent (its name is in the trace), but its value never written.
        QVERIFY2(traced.contains(name == QLatin1String("mcp-header") ? "X-Team-Code" : "team_code"), traced.left(2000).constData());
        QVERIFY(!traced.contains(headerKey) && !traced.contains(queryKey));
    }
    // A stdio server takes no credential.
    const test::CliRun stdio = test::runCli(cli, {QStringLiteral("mcp"), QStringLiteral("ping"), QStringLiteral("--credential"),
                                                  QStringLiteral("mcp-header"), QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(stdio.exitCode, 1);
}

void TestCredentials::noFileHoldsASecret()
{
    QVERIFY(m_secrets.size() >= 10);
    int files = 0;
    const QStringList found = test::filesHoldingSecrets({QDir::homePath(), m_traces.path()}, m_secrets, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY2(files > 0, "the keychain and the traces wrote files to look in");
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
