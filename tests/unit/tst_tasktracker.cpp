#include "a2a/TaskTracker.h"
#include "util/Clock.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk::a2a;
using nlohmann::json;

namespace {

StreamItem item(const char *wire)
{
    QString error;
    auto parsed = readStreamItem(json::parse(wire), &error);
    if (!parsed)
        qFatal("bad test item: %s", qPrintable(error));
    return *parsed;
}

StreamItem status(const char *state)
{
    return item(qPrintable(QStringLiteral(R"({"statusUpdate":{"taskId":"t","contextId":"c","status":{"state":"%1"}}})")
                               .arg(QLatin1String(state))));
}

StreamItem chunk(const char *artifactId, const char *text, bool append, bool last)
{
    return item(qPrintable(
        QStringLiteral(R"({"artifactUpdate":{"taskId":"t","contextId":"c","artifact":{"artifactId":"%1","parts":[{"text":"%2"}]},"append":%3,"lastChunk":%4}})")
            .arg(QLatin1String(artifactId), QLatin1String(text), append ? QStringLiteral("true") : QStringLiteral("false"),
                 last ? QStringLiteral("true") : QStringLiteral("false"))));
}

} // namespace

class TestTaskTracker : public QObject
{
    Q_OBJECT

private slots:
    void wholeLifecycle();
    void artifactsAssembleAndMatchGetTask();
    void replaceWithoutAppend();
    void illegalTransitionsAreIssues();
    void unknownStatesAreIssues();
    void chunkProblemsAreIssues();
    void updatesForAnotherTaskAreSetAside();
    void interruptedThenContinued();
    void resubscribeAndPollAreVisible();
    void chunksByStreamAndPushAreAppliedOnce();
    void latePushedStatusesDoNotTurnTheStateBack();
};

void TestTaskTracker::chunksByStreamAndPushAreAppliedOnce()
{
    TaskTracker tracker(QStringLiteral("t"));
    // Interleaved as they arrive when a stream and a webhook both report.
    tracker.apply(chunk("a", "one ", false, false), EventSource::Push);
    tracker.apply(chunk("a", "one ", false, false), EventSource::Stream);
    tracker.apply(chunk("a", "two ", true, false), EventSource::Stream);
    tracker.apply(chunk("a", "two ", true, false), EventSource::Push);
    tracker.apply(chunk("a", "two ", true, true), EventSource::Push); // a new chunk that happens to repeat text
    tracker.apply(chunk("a", "two ", true, true), EventSource::Stream);
    QCOMPARE(tracker.artifacts().first().parts.size(), 3);
    QCOMPARE(tracker.events().size(), 6); // every arrival is on the timeline
    QVERIFY(tracker.issues().isEmpty());
    int echoes = 0;
    for (const TaskEvent &e : tracker.events())
        echoes += e.note.isEmpty() ? 0 : 1;
    QCOMPARE(echoes, 3);
}

void TestTaskTracker::latePushedStatusesDoNotTurnTheStateBack()
{
    TaskTracker tracker(QStringLiteral("t"));
    QSignalSpy changes(&tracker, &TaskTracker::stateChanged);
    tracker.apply(status("TASK_STATE_SUBMITTED"), EventSource::Stream);
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Stream);
    tracker.apply(status("TASK_STATE_INPUT_REQUIRED"), EventSource::Stream);
    // The webhook's copies arrive late, in the agent's own time.
    tracker.apply(status("TASK_STATE_SUBMITTED"), EventSource::Push);
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Push);
    QCOMPARE(tracker.state(), TaskState::InputRequired);
    QCOMPARE(changes.count(), 3);
    QCOMPARE(tracker.events().size(), 5); // on the timeline all the same
    QVERIFY(!tracker.events().last().note.isEmpty());
    QCOMPARE(tracker.events().last().state, TaskState::InputRequired);
    // A pushed state the task has not reported before is applied, and the
    // stream's own report of a state seen before still is.
    tracker.apply(status("TASK_STATE_AUTH_REQUIRED"), EventSource::Push);
    QCOMPARE(tracker.state(), TaskState::AuthRequired);
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Stream);
    QCOMPARE(tracker.state(), TaskState::Working);
    QVERIFY2(tracker.issues().isEmpty(), qPrintable(tracker.issues().join(u'\n')));
}

void TestTaskTracker::wholeLifecycle()
{
    crosstalk::ManualClock clock;
    TaskTracker tracker(QStringLiteral("t"), &clock);
    QSignalSpy states(&tracker, &TaskTracker::stateChanged);
    tracker.apply(item(R"({"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_SUBMITTED"}}})"), EventSource::Response);
    clock.advance(10);
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Stream);
    clock.advance(10);
    tracker.apply(chunk("a", "x", false, true), EventSource::Stream);
    tracker.apply(status("TASK_STATE_COMPLETED"), EventSource::Stream);

    QCOMPARE(tracker.state(), TaskState::Completed);
    QVERIFY(tracker.isTerminal());
    QCOMPARE(tracker.contextId(), QStringLiteral("c"));
    QVERIFY(tracker.issues().isEmpty());
    QCOMPARE(states.size(), 3);
    QCOMPARE(tracker.events().size(), 4);
    QCOMPARE(tracker.events().at(0).kind, TaskEvent::Kind::Task);
    QCOMPARE(tracker.events().at(0).source, EventSource::Response);
    QCOMPARE(tracker.events().at(2).kind, TaskEvent::Kind::Artifact);
    QCOMPARE(tracker.events().at(1).wallMs - tracker.events().at(0).wallMs, 10);
    QCOMPARE(eventSourceName(tracker.events().at(3).source), QStringLiteral("stream"));
}

void TestTaskTracker::artifactsAssembleAndMatchGetTask()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(chunk("echo", "alpha ", false, false), EventSource::Stream);
    tracker.apply(chunk("other", "o", false, true), EventSource::Stream);
    tracker.apply(chunk("echo", "beta ", true, false), EventSource::Stream);
    tracker.apply(chunk("echo", "gamma", true, true), EventSource::Stream);
    QCOMPARE(tracker.artifacts().size(), 2);
    QCOMPARE(tracker.artifacts().first().parts.size(), 3);
    QVERIFY(tracker.issues().isEmpty());
    // Each chunk's own parts are found in the assembled artifact.
    QCOMPARE(tracker.chunkParts(tracker.events().at(2)).size(), 1);
    QCOMPARE(tracker.chunkParts(tracker.events().at(2)).first().text, QByteArrayLiteral("beta "));
    QCOMPARE(tracker.chunkParts(tracker.events().at(3)).first().text, QByteArrayLiteral("gamma"));
    QCOMPARE(tracker.events().at(3).artifactId, QStringLiteral("echo"));
    QVERIFY(tracker.events().at(3).append);
    QVERIFY(tracker.events().at(3).lastChunk);
    QVERIFY(!tracker.events().at(2).lastChunk);

    // As GetTask returns the task once done: parts appended, in order.
    QString error;
    const auto task = readTask(json::parse(R"({"id":"t","contextId":"c","status":{"state":"TASK_STATE_COMPLETED"},"artifacts":[
        {"artifactId":"echo","parts":[{"text":"alpha "},{"text":"beta "},{"text":"gamma"}]},
        {"artifactId":"other","parts":[{"text":"o"}]}]})"), &error);
    QVERIFY2(task, qPrintable(error));
    QString difference;
    QVERIFY2(tracker.artifactsMatch(*task, &difference), qPrintable(difference));

    auto changed = *task;
    changed.artifacts.first().parts[1].text = QByteArrayLiteral("BETA ");
    QVERIFY(!tracker.artifactsMatch(changed, &difference));
    QVERIFY2(difference.contains(QLatin1String("Part 1 of artifact echo")), qPrintable(difference));
    changed = *task;
    changed.artifacts.removeLast();
    QVERIFY(!tracker.artifactsMatch(changed, &difference));
}

void TestTaskTracker::replaceWithoutAppend()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(chunk("a", "draft", false, false), EventSource::Stream);
    tracker.apply(chunk("a", "final", false, true), EventSource::Stream);
    QCOMPARE(tracker.artifacts().size(), 1);
    QCOMPARE(tracker.artifacts().first().parts.size(), 1);
    QCOMPARE(tracker.artifacts().first().parts.first().text, QByteArrayLiteral("final"));
}

void TestTaskTracker::illegalTransitionsAreIssues()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Stream);
    tracker.apply(status("TASK_STATE_FAILED"), EventSource::Stream);
    tracker.apply(status("TASK_STATE_WORKING"), EventSource::Push);
    QCOMPARE(tracker.state(), TaskState::Failed); // a late report does not revive it
    QCOMPARE(tracker.issues().size(), 1);
    QVERIFY2(tracker.issues().first().contains(QLatin1String("already failed")), qPrintable(tracker.issues().first()));
    QCOMPARE(tracker.events().last().kind, TaskEvent::Kind::Status);
    QCOMPARE(tracker.events().at(tracker.events().size() - 2).kind, TaskEvent::Kind::Issue);
    // The same final state again (a push repeating the stream) is no issue.
    tracker.apply(status("failed"), EventSource::Push);
    QCOMPARE(tracker.issues().size(), 1);
}

void TestTaskTracker::unknownStatesAreIssues()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(status("TASK_STATE_DANCING"), EventSource::Stream);
    tracker.apply(status("TASK_STATE_UNSPECIFIED"), EventSource::Stream);
    QCOMPARE(tracker.issues().size(), 2);
    QVERIFY(tracker.issues().first().contains(QLatin1String("TASK_STATE_DANCING")));
    QCOMPARE(tracker.state(), TaskState::Unknown);
}

void TestTaskTracker::chunkProblemsAreIssues()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(chunk("a", "orphan", true, false), EventSource::Stream);
    tracker.apply(chunk("a", "end", true, true), EventSource::Stream);
    tracker.apply(chunk("a", "late", true, false), EventSource::Stream);
    tracker.apply(status("completed"), EventSource::Stream);
    tracker.apply(chunk("b", "after", false, true), EventSource::Stream);
    QCOMPARE(tracker.issues().size(), 3);
    QVERIFY(tracker.issues().at(0).contains(QLatin1String("had not been sent")));
    QVERIFY(tracker.issues().at(1).contains(QLatin1String("after its last chunk")));
    QVERIFY(tracker.issues().at(2).contains(QLatin1String("after the task was completed")));
    QCOMPARE(tracker.artifacts().first().parts.size(), 3); // kept, not lost
}

void TestTaskTracker::updatesForAnotherTaskAreSetAside()
{
    TaskTracker tracker(QStringLiteral("other"));
    tracker.apply(status("working"), EventSource::Stream);
    QCOMPARE(tracker.state(), TaskState::Unknown);
    QCOMPARE(tracker.issues().size(), 1);
    QVERIFY(tracker.issues().first().contains(QLatin1String("task t arrived for task other")));
}

void TestTaskTracker::interruptedThenContinued()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.apply(status("input-required"), EventSource::Stream);
    QVERIFY(isInterrupted(tracker.state()));
    QVERIFY(!tracker.isTerminal());
    tracker.apply(status("working"), EventSource::Response);
    tracker.apply(status("completed"), EventSource::Stream);
    QVERIFY(tracker.issues().isEmpty());
}

void TestTaskTracker::resubscribeAndPollAreVisible()
{
    TaskTracker tracker(QStringLiteral("t"));
    tracker.noteResubscribed(QStringLiteral("the stream dropped"));
    tracker.notePolled();
    QCOMPARE(tracker.events().size(), 2);
    QCOMPARE(tracker.events().first().kind, TaskEvent::Kind::Resubscribed);
    QCOMPARE(tracker.events().first().note, QStringLiteral("the stream dropped"));
    QCOMPARE(tracker.events().last().source, EventSource::Poll);
}

QTEST_GUILESS_MAIN(TestTaskTracker)
#include "tst_tasktracker.moc"
