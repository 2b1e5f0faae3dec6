// A conversation with the official SDK's agent, through the registry the app
// uses (workspace → card → conversation): a task that asks for input and is
// continued by the next message, streaming and polled; a direct reply; a new
// context; refresh, cancel and resubscription of a running task; push
// deliveries reaching the task; and a send that cannot reach the agent.
#include "a2a/Conversation.h"
#include "a2a/WebhookReceiver.h"
#include "traffic/TrafficLog.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;

namespace {

QList<Part> textParts(const QString &text)
{
    Part part;
    part.kind = Part::Kind::Text;
    part.text = text.toUtf8();
    return {part};
}

// The states the task went through by its answers, streams and polls, each
// once, in order. Push deliveries are left out: the agent posts them on its
// own schedule, so one may arrive after the stream has moved on.
QList<TaskState> statesOf(const TaskTracker *tracker)
{
    QList<TaskState> states;
    for (const TaskEvent &event : tracker->events()) {
        if (event.source == EventSource::Push)
            continue;
        if (event.state != TaskState::Unknown && (states.isEmpty() || states.last() != event.state))
            states.append(event.state);
    }
    return states;
}

int countKind(const TaskTracker *tracker, TaskEvent::Kind kind, std::optional<EventSource> source = {})
{
    int n = 0;
    for (const TaskEvent &event : tracker->events())
        n += event.kind == kind && (!source || event.source == *source);
    return n;
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noConversationBeforeTheCard();
    void inputRequiredIsContinued_data();
    void inputRequiredIsContinued();
    void directReply();
    void newConversationStartsANewContext();
    void authRequiredWaits();
    void refreshCancelResubscribe();
    void pushDeliveriesReachTheTask();
    void failedSendIsANotice();
    void emptyMessageIsRefused();

private:
    Conversation *connect(const QUrl &url);

    test::PeerProcess m_agent;
    std::unique_ptr<traffic::TrafficLog> m_log;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<workspace::AgentSessions> m_sessions;
    QString m_id;
};

void TestConversation::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/test-agent.mjs")), qPrintable(m_agent.errorString()));
}

void TestConversation::init()
{
    m_log = std::make_unique<traffic::TrafficLog>();
    m_workspace = std::make_unique<workspace::Workspace>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_log.get());
    m_sessions = std::make_unique<workspace::AgentSessions>(m_workspace.get(), m_states.get(), m_log.get());
    Conversation::Options options;
    options.initialBackoffMs = 50;
    options.maxBackoffMs = 200;
    m_sessions->setConversationOptions(options);
}

void TestConversation::cleanup()
{
    m_sessions.reset();
    m_states.reset();
    m_workspace.reset();
    m_log.reset();
}

Conversation *TestConversation::connect(const QUrl &url)
{
    workspace::Connection c;
    c.kind = workspace::Connection::Kind::Agent;
    c.name = QStringLiteral("test agent");
    c.url = url;
    m_id = m_workspace->add(c);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(m_states->status(m_id).state == workspace::ConnectionStates::State::Connected, 20000);
    }();
    return m_sessions->conversation(m_id);
}

void TestConversation::noConversationBeforeTheCard()
{
    workspace::Connection c;
    c.kind = workspace::Connection::Kind::Agent;
    c.url = m_agent.url();
    m_id = m_workspace->add(c);
    QVERIFY(!m_sessions->conversation(m_id)); // the card is still being read
    QSignalSpy created(m_sessions.get(), &workspace::AgentSessions::conversationCreated);
    QTRY_VERIFY_WITH_TIMEOUT(m_states->status(m_id).state == workspace::ConnectionStates::State::Connected, 20000);
    Conversation *conversation = m_sessions->conversation(m_id);
    QVERIFY(conversation);
    QCOMPARE(created.count(), 1);
    QCOMPARE(m_sessions->conversation(m_id), conversation); // one per agent
    QVERIFY(conversation->canStream());
    // Removing the agent retires its conversation.
    const QPointer<Conversation> watched = conversation;
    m_workspace->remove(m_id);
    QVERIFY(!m_sessions->existing(m_id));
    QTRY_VERIFY(watched.isNull());
}

void TestConversation::inputRequiredIsContinued_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed") << true;
    QTest::newRow("polled") << false;
}

void TestConversation::inputRequiredIsContinued()
{
    QFETCH(bool, stream);
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QSignalSpy tasks(conversation, &Conversation::taskAdded);

    QString error;
    QVERIFY2(conversation->send(textParts(QStringLiteral("ask me")), stream, &error), qPrintable(error));
    QVERIFY(conversation->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!conversation->pendingTaskId().isEmpty(), 20000);
    QVERIFY(!conversation->isBusy());
    QCOMPARE(conversation->pendingState(), TaskState::InputRequired);
    QCOMPARE(tasks.count(), 1);
    TaskTracker *tracker = conversation->task(conversation->pendingTaskId());
    QVERIFY(tracker);
    QVERIFY(!conversation->contextId().isEmpty());
    QCOMPARE(tracker->contextId(), conversation->contextId());
    QCOMPARE(conversation->entries().size(), 2);
    QCOMPARE(conversation->entries().at(0).kind, ConversationEntry::Kind::User);
    QCOMPARE(conversation->entries().at(1).kind, ConversationEntry::Kind::Task);
    QCOMPARE(conversation->entries().at(1).eventsFrom, 0);

    // The next message continues that task, in that context.
    const QString taskId = tracker->taskId();
    const int before = int(tracker->events().size());
    QVERIFY(conversation->send(textParts(QStringLiteral("Ada")), stream));
    QVERIFY(conversation->pendingTaskId().isEmpty());
    const ConversationEntry &answer = conversation->entries().at(2);
    QCOMPARE(answer.kind, ConversationEntry::Kind::User);
    QCOMPARE(answer.taskId, taskId);
    QCOMPARE(answer.message->taskId, taskId);
    QCOMPARE(answer.message->contextId, conversation->contextId());
    QTRY_COMPARE_WITH_TIMEOUT(tracker->state(), TaskState::Completed, 20000);
    QCOMPARE(tasks.count(), 1); // the same task, the same tracker
    QCOMPARE(conversation->tasks().size(), 1);
    QCOMPARE(conversation->entries().size(), 4);
    QCOMPARE(conversation->entries().at(3).kind, ConversationEntry::Kind::Task);
    QCOMPARE(conversation->entries().at(3).taskId, taskId);
    QCOMPARE(conversation->entries().at(3).eventsFrom, before);

    const QList<TaskState> states = statesOf(tracker);
    // Whatever came first, the task waited for input and then worked again.
    const qsizetype waited = states.indexOf(TaskState::InputRequired);
    QVERIFY(waited >= 0);
    QVERIFY(waited + 1 < states.size());
    // Polling may see the task only once it has completed.
    QVERIFY(states.at(waited + 1) == TaskState::Working || (!stream && states.at(waited + 1) == TaskState::Completed));
    QVERIFY(!states.mid(0, waited).contains(TaskState::Completed));
    QCOMPARE(states.last(), TaskState::Completed);
    QCOMPARE(tracker->artifacts().size(), 1);
    QCOMPARE(tracker->artifacts().first().parts.first().textString(), QStringLiteral("Hello, Ada"));
    if (!stream)
        QVERIFY(countKind(tracker, TaskEvent::Kind::Polled) > 0 || countKind(tracker, TaskEvent::Kind::Task) > 0);
    QTRY_VERIFY(!conversation->isFollowed(taskId));
    // Every request went into the traffic log under the agent's id.
    QVERIFY(m_log->size() >= 3);
}

void TestConversation::directReply()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QSignalSpy tasks(conversation, &Conversation::taskAdded);
    QVERIFY(conversation->send(textParts(QStringLiteral("message hello")), true));
    QTRY_COMPARE_WITH_TIMEOUT(conversation->entries().size(), 2, 20000);
    const ConversationEntry &reply = conversation->entries().at(1);
    QCOMPARE(reply.kind, ConversationEntry::Kind::Agent);
    QCOMPARE(reply.message->role, Role::Agent);
    QVERIFY(reply.message->parts.first().textString().contains(QStringLiteral("message hello")));
    QTRY_VERIFY(!conversation->isBusy());
    QCOMPARE(tasks.count(), 0);
}

void TestConversation::newConversationStartsANewContext()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QVERIFY(conversation->send(textParts(QStringLiteral("ask first")), true));
    QTRY_VERIFY_WITH_TIMEOUT(!conversation->pendingTaskId().isEmpty(), 20000);
    const QString firstContext = conversation->contextId();
    const QString firstTask = conversation->pendingTaskId();

    QSignalSpy reset(conversation, &Conversation::entriesReset);
    conversation->newConversation();
    QCOMPARE(reset.count(), 1);
    QVERIFY(conversation->entries().isEmpty());
    QVERIFY(conversation->contextId().isEmpty());
    QVERIFY(conversation->pendingTaskId().isEmpty()); // the old task waits in the old context
    QCOMPARE(conversation->tasks().size(), 1);         // and stays on the timeline

    QVERIFY(conversation->send(textParts(QStringLiteral("stream again")), true));
    const ConversationEntry &sent = conversation->entries().first();
    QVERIFY(sent.message->contextId.isEmpty());
    QVERIFY(sent.message->taskId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(conversation->tasks().size(), 2, 20000);
    TaskTracker *second = conversation->tasks().at(1);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), TaskState::Completed, 20000);
    QVERIFY(!conversation->contextId().isEmpty());
    QVERIFY(conversation->contextId() != firstContext);
    QVERIFY(second->taskId() != firstTask);
    QCOMPARE(conversation->task(firstTask)->state(), TaskState::InputRequired);
    QVERIFY(conversation->pendingTaskId().isEmpty());
}

void TestConversation::authRequiredWaits()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QVERIFY(conversation->send(textParts(QStringLiteral("auth please")), true));
    QTRY_VERIFY_WITH_TIMEOUT(!conversation->pendingTaskId().isEmpty(), 20000);
    QCOMPARE(conversation->pendingState(), TaskState::AuthRequired);
    TaskTracker *tracker = conversation->task(conversation->pendingTaskId());
    QVERIFY(conversation->send(textParts(QStringLiteral("done")), true));
    QTRY_COMPARE_WITH_TIMEOUT(tracker->state(), TaskState::Completed, 20000);
}

void TestConversation::refreshCancelResubscribe()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QSignalSpy failed(conversation, &Conversation::operationFailed);
    QVERIFY(conversation->send(textParts(QStringLiteral("slow")), true));
    QTRY_COMPARE_WITH_TIMEOUT(conversation->tasks().size(), 1, 20000);
    TaskTracker *tracker = conversation->tasks().first();
    QTRY_VERIFY_WITH_TIMEOUT(tracker->artifacts().size() == 1 && tracker->artifacts().first().parts.size() >= 2, 20000);

    // A refresh is a GetTask, on the timeline as a poll with its answer.
    const int polls = countKind(tracker, TaskEvent::Kind::Polled);
    conversation->refresh(tracker->taskId());
    QCOMPARE(countKind(tracker, TaskEvent::Kind::Polled), polls + 1);
    QTRY_VERIFY_WITH_TIMEOUT(countKind(tracker, TaskEvent::Kind::Task, EventSource::Poll) >= 1, 20000);
    QCOMPARE(tracker->state(), TaskState::Working);

    // Resubscribing replaces the stream; chunks keep coming through the new one.
    conversation->resubscribe(tracker->taskId());
    QCOMPARE(countKind(tracker, TaskEvent::Kind::Resubscribed), 1);
    QVERIFY(conversation->isFollowed(tracker->taskId()));
    const qsizetype parts = tracker->artifacts().first().parts.size();
    QTRY_VERIFY_WITH_TIMEOUT(tracker->artifacts().first().parts.size() >= parts + 2, 20000);

    conversation->cancel(tracker->taskId());
    QTRY_COMPARE_WITH_TIMEOUT(tracker->state(), TaskState::Canceled, 20000);
    QTRY_VERIFY(!conversation->isFollowed(tracker->taskId()));
    QVERIFY2(tracker->issues().isEmpty(), qPrintable(tracker->issues().join(u'\n')));
    QCOMPARE(failed.count(), 0);
    // The stream was replaced, not resumed: one resubscription, the one asked for.
    QCOMPARE(countKind(tracker, TaskEvent::Kind::Resubscribed), 1);
}

void TestConversation::pushDeliveriesReachTheTask()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    WebhookReceiver *receiver = m_sessions->pushReceiver();
    QVERIFY2(receiver, qPrintable(m_sessions->pushReceiverError()));
    QVERIFY(conversation->client()->card().pushNotifications);
    QSignalSpy deliveries(receiver, &WebhookReceiver::deliveryRecorded);
    QVERIFY(conversation->send(textParts(QStringLiteral("stream with push")), true));
    QTRY_COMPARE_WITH_TIMEOUT(conversation->tasks().size(), 1, 20000);
    TaskTracker *tracker = conversation->tasks().first();
    QTRY_COMPARE_WITH_TIMEOUT(tracker->state(), TaskState::Completed, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(countKind(tracker, TaskEvent::Kind::Status, EventSource::Push)
                                     + countKind(tracker, TaskEvent::Kind::Task, EventSource::Push)
                                     + countKind(tracker, TaskEvent::Kind::Artifact, EventSource::Push)
                                 > 0,
                             20000);
    QVERIFY(deliveries.count() > 0);
    for (const PushDelivery &delivery : receiver->inbox())
        QCOMPARE(delivery.status, 200);
    // Stream and push brought the same chunks: assembled once.
    QCOMPARE(tracker->artifacts().first().parts.size(), 4);
    QVERIFY2(tracker->issues().isEmpty(), qPrintable(tracker->issues().join(u'\n')));
}

void TestConversation::failedSendIsANotice()
{
    test::PeerProcess doomed;
    QVERIFY2(doomed.start(QStringLiteral("a2a/test-agent.mjs")), qPrintable(doomed.errorString()));
    Conversation *conversation = connect(doomed.url());
    QVERIFY(conversation);
    QSignalSpy failed(conversation, &Conversation::operationFailed);
    QVERIFY(conversation->send(textParts(QStringLiteral("ask")), true));
    QTRY_VERIFY_WITH_TIMEOUT(!conversation->pendingTaskId().isEmpty(), 20000);
    const QString waiting = conversation->pendingTaskId();
    doomed.stop();

    // The answer cannot be sent: said in the conversation, and the task still waits.
    QVERIFY(conversation->send(textParts(QStringLiteral("Ada")), true));
    QTRY_COMPARE_WITH_TIMEOUT(conversation->entries().size(), 4, 20000);
    const ConversationEntry &notice = conversation->entries().at(3);
    QCOMPARE(notice.kind, ConversationEntry::Kind::Notice);
    QVERIFY(!notice.text.isEmpty());
    QVERIFY(!conversation->isBusy());
    QCOMPARE(conversation->pendingTaskId(), waiting);

    // A refresh that cannot reach the agent says so.
    conversation->refresh(waiting);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(failed.first().at(0).toString(), waiting);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
}

void TestConversation::emptyMessageIsRefused()
{
    Conversation *conversation = connect(m_agent.url());
    QVERIFY(conversation);
    QString error;
    QVERIFY(!conversation->send({}, true, &error));
    QVERIFY(error.contains(QStringLiteral("empty")));
    QVERIFY(conversation->entries().isEmpty());
    QVERIFY(!conversation->isBusy());
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
