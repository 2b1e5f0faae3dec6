// TaskSession against a scripted agent on 127.0.0.1: a stream that drops is
// resumed by subscribing again; an agent without streaming is polled; both
// are on the task's timeline.
#include "a2a/TaskSession.h"
#include "http/HttpClient.h"

#include "LoopbackHttpServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;
using crosstalk::test::HttpExchange;
using crosstalk::test::LoopbackHttpServer;
using nlohmann::json;

namespace {

QByteArray sseEvent(const char *result)
{
    return QByteArray("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":") + result + "}\n\n";
}

AgentCard cardFor(const LoopbackHttpServer &server, bool streaming)
{
    json card = {{"name", "scripted"},
                 {"supportedInterfaces", {{{"url", server.url(QStringLiteral("/rpc")).toString().toStdString()},
                                           {"protocolBinding", "JSONRPC"},
                                           {"protocolVersion", "1.0"}}}},
                 {"capabilities", {{"streaming", streaming}}}};
    return AgentCard::fromJson(card);
}

QByteArray methodOf(const QByteArray &body)
{
    return QByteArray::fromStdString(json::parse(body.toStdString()).at("method").get<std::string>());
}

} // namespace

class TestTaskSession : public QObject
{
    Q_OBJECT

private slots:
    void droppedStreamIsResumed();
    void silentStreamIsChecked();
    void agentWithoutStreamingIsPolled();
    void directMessageReply();
    void unreachableAgentGivesUp();
};

void TestTaskSession::droppedStreamIsResumed()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        const QByteArray method = methodOf(x->request().body);
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        if (method == "SendStreamingMessage") {
            x->write(sseEvent(R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_SUBMITTED"}}})"));
            x->write(sseEvent(R"({"artifactUpdate":{"taskId":"t","contextId":"c","artifact":{"artifactId":"a","parts":[{"text":"one "}]}}})"));
            x->end(); // dropped before the task ended
        } else if (method == "SubscribeToTask") {
            x->write(sseEvent(R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"},"artifacts":[{"artifactId":"a","parts":[{"text":"one "}]}]}})"));
            x->write(sseEvent(R"({"artifactUpdate":{"taskId":"t","contextId":"c","artifact":{"artifactId":"a","parts":[{"text":"two"}]},"append":true,"lastChunk":true}})"));
            x->write(sseEvent(R"({"statusUpdate":{"taskId":"t","contextId":"c","status":{"state":"TASK_STATE_COMPLETED"}}})"));
            x->end();
        }
    });
    http::HttpClient http;
    A2aClient client(&http, cardFor(server, true), {});
    TaskSession::Options options;
    options.initialBackoffMs = 20;
    TaskSession session(&client, options);
    QSignalSpy finished(&session, &TaskSession::finished);
    Message m;
    m.messageId = QStringLiteral("m");
    session.start(m);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<A2aError>().ok());
    TaskTracker *tracker = session.tracker();
    QVERIFY(tracker);
    QCOMPARE(tracker->state(), TaskState::Completed);
    QCOMPARE(tracker->artifacts().first().parts.size(), 2);
    QVERIFY2(tracker->issues().isEmpty(), qPrintable(tracker->issues().join(QLatin1Char('\n'))));
    bool resubscribed = false;
    for (const TaskEvent &e : tracker->events())
        resubscribed = resubscribed || e.kind == TaskEvent::Kind::Resubscribed;
    QVERIFY(resubscribed);
    QCOMPARE(server.requests().size(), 2);
}

void TestTaskSession::silentStreamIsChecked()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QList<QPointer<HttpExchange>> held;
    server.setHandler([&](HttpExchange *x) {
        const QByteArray method = methodOf(x->request().body);
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        if (method == "SendStreamingMessage") {
            x->write(sseEvent(R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}}})"));
            held << x; // then silence, connection open
        } else {
            x->write(sseEvent(R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_COMPLETED"}}})"));
            x->end();
        }
    });
    http::HttpClient http;
    A2aClient client(&http, cardFor(server, true), {});
    TaskSession::Options options;
    options.silenceTimeoutMs = 300;
    options.initialBackoffMs = 20;
    TaskSession session(&client, options);
    QSignalSpy finished(&session, &TaskSession::finished);
    session.start(Message{});
    QVERIFY(finished.wait(10000));
    QCOMPARE(session.tracker()->state(), TaskState::Completed);
}

void TestTaskSession::agentWithoutStreamingIsPolled()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    int polls = 0;
    server.setHandler([&](HttpExchange *x) {
        const QByteArray method = methodOf(x->request().body);
        QByteArray result;
        if (method == "SendMessage")
            result = R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}}})";
        else if (++polls < 3)
            result = R"({"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}})";
        else
            result = R"({"id":"t","contextId":"c","status":{"state":"TASK_STATE_FAILED"}})";
        x->respond(200, {{"Content-Type", "application/json"}}, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}");
    });
    http::HttpClient http;
    A2aClient client(&http, cardFor(server, false), {});
    TaskSession::Options options;
    options.initialBackoffMs = 20;
    TaskSession session(&client, options);
    QSignalSpy finished(&session, &TaskSession::finished);
    session.start(Message{});
    QVERIFY(finished.wait(10000));
    QCOMPARE(session.tracker()->state(), TaskState::Failed);
    QCOMPARE(polls, 3);
    int polled = 0;
    for (const TaskEvent &e : session.tracker()->events())
        polled += e.kind == TaskEvent::Kind::Polled ? 1 : 0;
    QCOMPARE(polled, 3);
}

void TestTaskSession::directMessageReply()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        x->write(sseEvent(R"({"message":{"messageId":"r","role":"ROLE_AGENT","parts":[{"text":"hi"}]}})"));
        x->end();
    });
    http::HttpClient http;
    A2aClient client(&http, cardFor(server, true), {});
    TaskSession session(&client, {});
    QSignalSpy finished(&session, &TaskSession::finished);
    session.start(Message{});
    QVERIFY(finished.wait(10000));
    QVERIFY(session.reply());
    QCOMPARE(session.reply()->parts.first().text, QByteArrayLiteral("hi"));
    QVERIFY(!session.tracker());
}

void TestTaskSession::unreachableAgentGivesUp()
{
    QUrl url;
    {
        LoopbackHttpServer gone;
        QVERIFY(gone.listen());
        url = gone.url();
    }
    LoopbackHttpServer dummy;
    QVERIFY(dummy.listen());
    AgentCard card = cardFor(dummy, true);
    card.interfaces.first().url = url.toString();
    http::HttpClient http;
    A2aClient client(&http, card, {});
    TaskSession session(&client, {});
    QSignalSpy finished(&session, &TaskSession::finished);
    session.start(Message{});
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().value<A2aError>().kind, A2aError::Kind::Unreachable);
}

QTEST_GUILESS_MAIN(TestTaskSession)
#include "tst_tasksession.moc"
