// The A2A client against a real agent on the official SDK: both generations
// over JSON-RPC, a streamed task tracked to the end, the assembled artifacts
// checked against GetTask, and the agent's errors turned into sentences.
#include "a2a/A2aClient.h"
#include "a2a/CardDiscovery.h"
#include "a2a/TaskTracker.h"
#include "http/HttpClient.h"

#include "A2aCalls.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;

class TestA2aClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void choosesTheCardsPreferredInterface();
    void streamV1TrackedToTheEnd();
    void blockingSendV1();
    void streamV03();
    void agentErrorsBecomeSentences();
    void listTasks();
    void unreachableAgent();
    void noUsableInterface();

private:
    A2aClient *client(ProtocolVersion version = ProtocolVersion::Unknown);

    test::PeerProcess m_agent;
    http::HttpClient m_http;
    AgentCard m_card;
};

void TestA2aClient::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/streaming-agent.mjs")), qPrintable(m_agent.errorString()));
    CardDiscovery discovery(&m_http);
    QSignalSpy spy(&discovery, &CardDiscovery::finished);
    discovery.fetch(m_agent.url());
    QVERIFY(spy.wait(20000));
    const CardFetch fetch = spy.first().first().value<CardFetch>();
    QVERIFY2(fetch.ok(), qPrintable(fetch.message));
    m_card = *fetch.card;
}

A2aClient *TestA2aClient::client(ProtocolVersion version)
{
    A2aClient::Options options;
    options.version = version;
    options.timeoutMs = 10000;
    return new A2aClient(&m_http, m_card, options, this);
}

void TestA2aClient::choosesTheCardsPreferredInterface()
{
    A2aClient *c = client();
    QVERIFY2(c->setupError().isEmpty(), qPrintable(c->setupError()));
    QCOMPARE(c->version(), ProtocolVersion::V1_0);
    QCOMPARE(c->binding(), Binding::JsonRpc);
    QCOMPARE(QUrl(c->endpoint().url).path(), QStringLiteral("/a2a/jsonrpc"));
    A2aClient *legacy = client(ProtocolVersion::V0_3);
    QCOMPARE(legacy->version(), ProtocolVersion::V0_3);
}

void TestA2aClient::streamV1TrackedToTheEnd()
{
    A2aClient *c = client();
    const test::A2aOutcome o = test::waitFor(c->sendStreamingMessage(test::userText(QStringLiteral("hello"))));
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QCOMPARE(o.items.size(), 6);
    const QString taskId = std::get<Task>(o.items.first()).id;
    TaskTracker tracker(taskId);
    for (const StreamItem &item : o.items)
        tracker.apply(item, EventSource::Stream);
    QCOMPARE(tracker.state(), TaskState::Completed);
    QVERIFY2(tracker.issues().isEmpty(), qPrintable(tracker.issues().join(QLatin1Char('\n'))));
    QCOMPARE(tracker.artifacts().size(), 1);
    QCOMPARE(tracker.artifacts().first().parts.size(), 3);

    // GetTask afterwards holds the same artifacts, assembled by the agent.
    const test::A2aOutcome got = test::waitFor(c->getTask(taskId, 10));
    QVERIFY2(got.error.ok(), qPrintable(got.error.message));
    QCOMPARE(got.items.size(), 1);
    const Task &task = std::get<Task>(got.items.first());
    QCOMPARE(task.status.state, TaskState::Completed);
    QString difference;
    QVERIFY2(tracker.artifactsMatch(task, &difference), qPrintable(difference));
}

void TestA2aClient::blockingSendV1()
{
    const test::A2aOutcome o = test::waitFor(client()->sendMessage(test::userText(QStringLiteral("hello"))));
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QCOMPARE(o.items.size(), 1);
    const Task &task = std::get<Task>(o.items.first());
    QCOMPARE(task.status.state, TaskState::Completed);
    QCOMPARE(task.artifacts.size(), 1);
}

void TestA2aClient::streamV03()
{
    const test::A2aOutcome o = test::waitFor(client(ProtocolVersion::V0_3)->sendStreamingMessage(test::userText(QStringLiteral("hello"))));
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(o.items.size() >= 4);
    const auto *last = std::get_if<StatusUpdate>(&o.items.last());
    QVERIFY(last);
    QCOMPARE(last->status.state, TaskState::Completed);
    QVERIFY(last->final);
}

void TestA2aClient::agentErrorsBecomeSentences()
{
    A2aClient *c = client();
    const test::A2aOutcome missing = test::waitFor(c->getTask(QStringLiteral("no-such-task")));
    QCOMPARE(missing.error.kind, A2aError::Kind::Agent);
    QCOMPARE(missing.error.code, ErrorCode::TaskNotFound);
    QVERIFY2(missing.error.message.contains(QLatin1String("TaskNotFound")), qPrintable(missing.error.message));

    const test::A2aOutcome done = test::waitFor(c->sendMessage(test::userText(QStringLiteral("hello"))));
    const QString taskId = std::get<Task>(done.items.first()).id;
    const test::A2aOutcome cancel = test::waitFor(c->cancelTask(taskId));
    QCOMPARE(cancel.error.kind, A2aError::Kind::Agent);
    QCOMPARE(cancel.error.code, ErrorCode::TaskNotCancelable);
    QVERIFY2(cancel.error.message.contains(QLatin1String("can no longer be canceled")), qPrintable(cancel.error.message));

    // v0.3 has the same codes under its own method names.
    const test::A2aOutcome legacy = test::waitFor(client(ProtocolVersion::V0_3)->getTask(QStringLiteral("no-such-task")));
    QCOMPARE(legacy.error.code, ErrorCode::TaskNotFound);
}

void TestA2aClient::listTasks()
{
    const test::A2aOutcome o = test::waitFor(client()->listTasks());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(o.result.contains("tasks"));
    QVERIFY(!o.result.at("tasks").empty());
    const test::A2aOutcome legacy = test::waitFor(client(ProtocolVersion::V0_3)->listTasks());
    QCOMPARE(legacy.error.kind, A2aError::Kind::Protocol);
}

void TestA2aClient::unreachableAgent()
{
    AgentCard card = m_card;
    QTcpServer gone;
    QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
    const quint16 port = gone.serverPort();
    gone.close();
    for (AgentInterface &i : card.interfaces)
        i.url = QStringLiteral("http://127.0.0.1:%1/a2a/jsonrpc").arg(port);
    A2aClient c(&m_http, card, {});
    const test::A2aOutcome o = test::waitFor(c.sendStreamingMessage(test::userText(QStringLiteral("hello"))));
    QCOMPARE(o.error.kind, A2aError::Kind::Unreachable);
    QVERIFY(!o.error.message.isEmpty());
}

void TestA2aClient::noUsableInterface()
{
    AgentCard card = m_card;
    for (AgentInterface &i : card.interfaces)
        i.binding = Binding::Grpc;
    A2aClient c(&m_http, card, {});
    QVERIFY(!c.setupError().isEmpty());
    const test::A2aOutcome o = test::waitFor(c.getTask(QStringLiteral("x")));
    QCOMPARE(o.error.kind, A2aError::Kind::Protocol);
    QCOMPARE(o.error.message, c.setupError());
}

QTEST_GUILESS_MAIN(TestA2aClient)
#include "tst_a2aclient.moc"
