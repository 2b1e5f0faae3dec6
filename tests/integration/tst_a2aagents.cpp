// crosstalk-cli's A2A verbs against the agents of tests/peers/a2a (the
// official SDK, and a raw server for what no SDK would send): both
// bindings, multi-turn, failures, a cut stream, push notifications, a
// bearer token, odd SSE framing, and bad input that must end in a clear
// error within the timeout.
#include "CliRunner.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QTest>

#include <nlohmann/json.hpp>

using nlohmann::json;
namespace test = crosstalk::test;

namespace {

test::CliRun cli(const QStringList &arguments)
{
    return test::runCli(QStringLiteral(CROSSTALK_CLI), arguments);
}

QString text(const json &part)
{
    return QString::fromStdString(part.at("text").get<std::string>());
}

} // namespace

class TestA2aAgents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bothBindingsAndVersions_data();
    void bothBindingsAndVersions();
    void askThenContinue();
    void unsuccessfulTasksExitFive_data();
    void unsuccessfulTasksExitFive();
    void directMessage();
    void cutStreamIsResumed();
    void pushNotifications();
    void bearerToken();
    void oldPathAgent();
    void oddSseFraming();
    void badInput_data();
    void badInput();

private:
    test::PeerProcess m_agent;
    test::PeerProcess m_secured;
    test::PeerProcess m_old;
    QString m_url;
};

void TestA2aAgents::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/test-agent.mjs")), qPrintable(m_agent.errorString()));
    QVERIFY2(m_secured.start(QStringLiteral("a2a/test-agent.mjs"), {QStringLiteral("--require-bearer"), QStringLiteral("s3cret")}),
             qPrintable(m_secured.errorString()));
    QVERIFY2(m_old.start(QStringLiteral("a2a/old-path-agent.mjs")), qPrintable(m_old.errorString()));
    m_url = m_agent.url().toString();
}

void TestA2aAgents::bothBindingsAndVersions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("preferred") << QStringList{};
    QTest::newRow("JSON-RPC 1.0") << QStringList{QStringLiteral("--binding"), QStringLiteral("jsonrpc"), QStringLiteral("--a2a-version"), QStringLiteral("1.0")};
    QTest::newRow("HTTP+JSON 1.0") << QStringList{QStringLiteral("--binding"), QStringLiteral("http-json"), QStringLiteral("--a2a-version"), QStringLiteral("1.0")};
    QTest::newRow("JSON-RPC 0.3") << QStringList{QStringLiteral("--binding"), QStringLiteral("jsonrpc"), QStringLiteral("--a2a-version"), QStringLiteral("0.3")};
}

void TestA2aAgents::bothBindingsAndVersions()
{
    QFETCH(QStringList, options);
    for (const bool stream : {true, false}) {
        QStringList args{QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("stream this"), QStringLiteral("--json")};
        if (stream)
            args << QStringLiteral("--stream");
        const test::CliRun r = cli(args + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const json end = r.end();
        QCOMPARE(end.at("event").get<std::string>(), std::string("end"));
        QCOMPARE(end.at("state").get<std::string>(), std::string("completed"));
        QCOMPARE(end.at("artifacts").size(), size_t(2));
        QString assembled;
        for (const json &part : end.at("artifacts").at(0).at("parts"))
            assembled += text(part);
        QCOMPARE(assembled, QStringLiteral("The quick brown fox jumps over the lazy dog: grüße 😀"));
        if (stream)
            QVERIFY(r.lines().size() >= 9);
    }
}

void TestA2aAgents::askThenContinue()
{
    const test::CliRun first = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("ask"), QStringLiteral("--stream"), QStringLiteral("--json")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const json end = first.end();
    QCOMPARE(end.at("state").get<std::string>(), std::string("input-required"));
    const QString taskId = QString::fromStdString(end.at("taskId").get<std::string>());
    const QString contextId = QString::fromStdString(end.at("contextId").get<std::string>());

    const test::CliRun second = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("Ada"), QStringLiteral("--task"), taskId,
                               QStringLiteral("--context"), contextId, QStringLiteral("--stream"), QStringLiteral("--json")});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const json done = second.end();
    QCOMPARE(done.at("state").get<std::string>(), std::string("completed"));
    QCOMPARE(QString::fromStdString(done.at("taskId").get<std::string>()), taskId);
    bool greeted = false;
    for (const json &a : done.at("artifacts"))
        greeted = greeted || (a.at("artifactId") == "greeting" && text(a.at("parts").at(0)) == QLatin1String("Hello, Ada"));
    QVERIFY2(greeted, second.out.constData());
}

void TestA2aAgents::unsuccessfulTasksExitFive_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("state");
    QTest::newRow("fail") << "fail" << "failed";
    QTest::newRow("reject") << "reject" << "rejected";
}

void TestA2aAgents::unsuccessfulTasksExitFive()
{
    QFETCH(QString, word);
    QFETCH(QString, state);
    for (const bool stream : {true, false}) {
        QStringList args{QStringLiteral("a2a"), QStringLiteral("send"), m_url, word, QStringLiteral("--json")};
        if (stream)
            args << QStringLiteral("--stream");
        const test::CliRun r = cli(args);
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(QString::fromStdString(r.end().at("state").get<std::string>()), state);
        // get says the same
        const test::CliRun got = cli({QStringLiteral("a2a"), QStringLiteral("get"), m_url,
                                QString::fromStdString(r.end().at("taskId").get<std::string>()), QStringLiteral("--json")});
        QCOMPARE(got.exitCode, 5);
    }
}

void TestA2aAgents::directMessage()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("message me"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.lines().size(), size_t(1));
    QCOMPARE(r.end().at("event").get<std::string>(), std::string("message"));
    QCOMPARE(r.end().at("parts").at(0).at("kind").get<std::string>(), std::string("text"));
}

void TestA2aAgents::cutStreamIsResumed()
{
    for (const QString &binding : {QStringLiteral("jsonrpc"), QStringLiteral("http-json")}) {
        const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("cut"), QStringLiteral("--stream"),
                              QStringLiteral("--json"), QStringLiteral("--binding"), binding});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const json end = r.end();
        QCOMPARE(end.at("state").get<std::string>(), std::string("completed"));
        QString assembled;
        for (const json &part : end.at("artifacts").at(0).at("parts"))
            assembled += text(part);
        QCOMPARE(assembled, QStringLiteral("first part, second part, third part"));
    }
}

void TestA2aAgents::pushNotifications()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("stream pushed"), QStringLiteral("--push"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    int pushed = 0;
    for (const json &line : r.lines())
        pushed += line.at("source") == "push" ? 1 : 0;
    QVERIFY2(pushed >= 5, r.out.constData());
    QCOMPARE(r.end().at("state").get<std::string>(), std::string("completed"));
    // Stream and push together: each chunk is applied once.
    const test::CliRun both = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_url, QStringLiteral("stream pushed"), QStringLiteral("--push"),
                             QStringLiteral("--stream"), QStringLiteral("--json")});
    QVERIFY2(both.exitCode == 0, both.err.constData());
    QCOMPARE(both.end().at("artifacts").at(0).at("parts").size(), size_t(4));
}

void TestA2aAgents::bearerToken()
{
    const QString url = m_secured.url().toString();
    const test::CliRun refused = cli({QStringLiteral("a2a"), QStringLiteral("send"), url, QStringLiteral("stream"), QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains("401"), refused.err.constData());
    const test::CliRun allowed = cli({QStringLiteral("a2a"), QStringLiteral("send"), url, QStringLiteral("stream"), QStringLiteral("--json"),
                                QStringLiteral("--header"), QStringLiteral("Authorization: Bearer s3cret")});
    QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
}

void TestA2aAgents::oldPathAgent()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), m_old.url().toString(), QStringLiteral("stream old"),
                          QStringLiteral("--stream"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.end().at("state").get<std::string>(), std::string("completed"));
}

void TestA2aAgents::oddSseFraming()
{
    test::PeerProcess raw;
    QVERIFY2(raw.start(QStringLiteral("a2a/raw-sse-agent.mjs")), qPrintable(raw.errorString()));
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), raw.url().toString(), QStringLiteral("hi"), QStringLiteral("--stream"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const json end = r.end();
    QCOMPARE(end.at("state").get<std::string>(), std::string("completed"));
    QString assembled;
    for (const json &part : end.at("artifacts").at(0).at("parts"))
        assembled += text(part);
    QCOMPARE(assembled, QStringLiteral("grüße 😀 and ünïcödé ✓"));
}

void TestA2aAgents::badInput_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("never starts") << "never-starts" << 4;
    QTest::newRow("no headers") << "no-headers" << 4;
    QTest::newRow("endless keep-alive") << "endless" << 4;
    QTest::newRow("garbage") << "garbage" << 2;
    QTest::newRow("HTML error page") << "html" << 2;
    QTest::newRow("deep nesting") << "deep" << 2;
    QTest::newRow("invalid UTF-8") << "invalid-utf8" << 2;
    QTest::newRow("2 GB body") << "huge" << 2;
}

void TestA2aAgents::badInput()
{
    QFETCH(QString, mode);
    QFETCH(int, exitCode);
    test::PeerProcess raw;
    QVERIFY2(raw.start(QStringLiteral("a2a/raw-sse-agent.mjs"), {QStringLiteral("--mode"), mode}), qPrintable(raw.errorString()));
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("send"), raw.url().toString(), QStringLiteral("hi"), QStringLiteral("--stream"),
                          QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(!r.err.trimmed().isEmpty(), "an error must be said");
    QVERIFY2(r.ms < 60000, qPrintable(QString::number(r.ms)));
}

QTEST_GUILESS_MAIN(TestA2aAgents)
#include "tst_a2aagents.moc"
