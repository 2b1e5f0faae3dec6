// crosstalk-cli a2a send / get / list / cancel / subscribe against a real
// agent on the official SDK, in both generations: the JSON lines of the
// contract, and the exit codes.
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

QStringList a2a(const QString &verb, const QStringList &rest)
{
    return QStringList{QStringLiteral("a2a"), verb} + rest;
}

} // namespace

class TestA2aSend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void streamLines_data();
    void streamLines();
    void blockingSendPrintsTheEnd();
    void getListCancelSubscribe();
    void errorsAndUsage();

private:
    test::PeerProcess m_agent;
    QString m_url;
};

void TestA2aSend::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/streaming-agent.mjs")), qPrintable(m_agent.errorString()));
    m_url = m_agent.url().toString();
}

void TestA2aSend::streamLines_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("v1.0") << "1.0";
    QTest::newRow("v0.3") << "0.3";
}

void TestA2aSend::streamLines()
{
    QFETCH(QString, version);
    const test::CliRun r = cli(a2a(QStringLiteral("send"), {m_url, QStringLiteral("hello"), QStringLiteral("--stream"),
                                                      QStringLiteral("--json"), QStringLiteral("--a2a-version"), version}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const std::vector<json> lines = r.lines();
    QVERIFY(lines.size() >= 7);
    QStringList events;
    QString assembled;
    for (const json &line : lines) {
        QVERIFY2(line.is_object() && line.contains("event") && line.contains("source"), r.out.constData());
        events << QString::fromStdString(line.at("event").get<std::string>());
        QCOMPARE(line.at("source").get<std::string>(), std::string("stream"));
        if (line.at("event") == "status")
            QVERIFY(line.contains("taskId") && line.contains("state"));
        if (line.at("event") == "artifact") {
            QVERIFY(line.contains("artifactId") && line.contains("append") && line.contains("lastChunk"));
            assembled += QString::fromStdString(line.at("parts").at(0).at("text").get<std::string>());
        }
    }
    QCOMPARE(events.first(), QStringLiteral("task"));
    QCOMPARE(events.last(), QStringLiteral("end"));
    QCOMPARE(events.count(QStringLiteral("artifact")), 3);
    QCOMPARE(assembled, QStringLiteral("alpha beta gamma"));
    const json &end = lines.back();
    // States are spelled the v0.3 way whatever the agent speaks.
    QCOMPARE(end.at("state").get<std::string>(), std::string("completed"));
    QCOMPARE(end.at("artifacts").size(), size_t(1));
    QCOMPARE(end.at("artifacts").at(0).at("parts").size(), size_t(3));
    QCOMPARE(end.at("artifacts").at(0).at("parts").at(0).at("kind").get<std::string>(), std::string("text"));
}

void TestA2aSend::blockingSendPrintsTheEnd()
{
    const test::CliRun r = cli(a2a(QStringLiteral("send"), {m_url, QStringLiteral("hello"), QStringLiteral("--json")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const std::vector<json> lines = r.lines();
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines.front().at("event").get<std::string>(), std::string("end"));
    QCOMPARE(lines.front().at("source").get<std::string>(), std::string("response"));
    QCOMPARE(lines.front().at("state").get<std::string>(), std::string("completed"));
}

void TestA2aSend::getListCancelSubscribe()
{
    const test::CliRun sent = cli(a2a(QStringLiteral("send"), {m_url, QStringLiteral("hello"), QStringLiteral("--json")}));
    QCOMPARE(sent.exitCode, 0);
    const QString taskId = QString::fromStdString(sent.lines().front().at("taskId").get<std::string>());

    const test::CliRun got = cli(a2a(QStringLiteral("get"), {m_url, taskId, QStringLiteral("--history"), QStringLiteral("5"),
                                                       QStringLiteral("--json")}));
    QVERIFY2(got.exitCode == 0, got.err.constData());
    QCOMPARE(got.lines().front().at("state").get<std::string>(), std::string("completed"));
    QCOMPARE(QString::fromStdString(got.lines().front().at("taskId").get<std::string>()), taskId);

    const test::CliRun listed = cli(a2a(QStringLiteral("list"), {m_url, QStringLiteral("--json")}));
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    bool found = false;
    const std::vector<json> listLines = listed.lines();
    for (const json &t : listLines.front().at("tasks"))
        found = found || QString::fromStdString(t.at("taskId").get<std::string>()) == taskId;
    QVERIFY2(found, qPrintable(taskId + QLatin1Char(' ') + QString::fromUtf8(listed.out)));

    // Cancelling a finished task: the agent says no, exit code 2, stdout empty.
    const test::CliRun cancel = cli(a2a(QStringLiteral("cancel"), {m_url, taskId, QStringLiteral("--json")}));
    QCOMPARE(cancel.exitCode, 2);
    QVERIFY(cancel.out.isEmpty());
    QVERIFY2(cancel.err.contains("TaskNotCancelable"), cancel.err.constData());
    QCOMPARE(cancel.err.count('\n'), 1);

    // Subscribing to a finished task falls back to asking for it.
    const test::CliRun sub = cli(a2a(QStringLiteral("subscribe"), {m_url, taskId, QStringLiteral("--json")}));
    QVERIFY2(sub.exitCode == 0, sub.err.constData());
    QCOMPARE(sub.lines().back().at("event").get<std::string>(), std::string("end"));
    QCOMPARE(sub.lines().back().at("state").get<std::string>(), std::string("completed"));
}

void TestA2aSend::errorsAndUsage()
{
    const test::CliRun missing = cli(a2a(QStringLiteral("get"), {m_url, QStringLiteral("no-such-task"), QStringLiteral("--json")}));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.out.isEmpty());
    QVERIFY(missing.err.contains("TaskNotFound"));
    QCOMPARE(cli(a2a(QStringLiteral("send"), {m_url})).exitCode, 1);
    QCOMPARE(cli(a2a(QStringLiteral("send"), {m_url, QStringLiteral("x"), QStringLiteral("--binding"), QStringLiteral("grpc")})).exitCode, 1);
    QCOMPARE(cli(a2a(QStringLiteral("send"), {m_url, QStringLiteral("x"), QStringLiteral("--data"), QStringLiteral("{nope")})).exitCode, 1);
    QCOMPARE(cli(a2a(QStringLiteral("get"), {QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("t"), QStringLiteral("--timeout"), QStringLiteral("3")})).exitCode, 4);
}

QTEST_GUILESS_MAIN(TestA2aSend)
#include "tst_a2asend.moc"
