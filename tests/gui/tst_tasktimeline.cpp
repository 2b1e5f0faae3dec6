// The task timeline, driven by real TaskTrackers fed the items a stream, a
// poll or a push delivers, on a manual clock: lanes and their segments,
// markers found where they are drawn, clicks and keys, following live,
// tooltips that show peer text plainly, trackers that go away, a thousand
// lanes, and a screenshot of a realistic afternoon.
#include "TaskTimeline.h"
#include "a2a/TaskTracker.h"
#include "util/Clock.h"

#include <QApplication>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <memory>
#include <vector>

using namespace crosstalk;
using a2a::EventSource;
using a2a::TaskState;
using a2a::TaskTracker;
using ui::TaskTimeline;

namespace {

a2a::Message message(const QString &taskId, const QString &text, a2a::Role role = a2a::Role::Agent)
{
    a2a::Message m;
    m.messageId = QStringLiteral("m-") + QString::number(qHash(text), 16);
    m.taskId = taskId;
    m.contextId = QStringLiteral("ctx-1");
    m.role = role;
    a2a::Part part;
    part.kind = a2a::Part::Kind::Text;
    part.text = text.toUtf8();
    m.parts.append(part);
    return m;
}

a2a::StreamItem status(const QString &taskId, const QString &state, const QString &text = {})
{
    a2a::StatusUpdate u;
    u.taskId = taskId;
    u.contextId = QStringLiteral("ctx-1");
    u.status.stateText = state;
    u.status.state = a2a::taskStateFromWire(state).value_or(TaskState::Unknown);
    if (!text.isEmpty())
        u.status.message = message(taskId, text);
    return u;
}

a2a::StreamItem task(const QString &taskId, const QString &state)
{
    a2a::Task t;
    t.id = taskId;
    t.contextId = QStringLiteral("ctx-1");
    t.status.stateText = state;
    t.status.state = a2a::taskStateFromWire(state).value_or(TaskState::Unknown);
    return t;
}

a2a::StreamItem chunk(const QString &taskId, const QString &artifactId, const QString &text, bool append, bool last)
{
    a2a::ArtifactUpdate u;
    u.taskId = taskId;
    u.contextId = QStringLiteral("ctx-1");
    u.artifact.artifactId = artifactId;
    u.artifact.name = QStringLiteral("answer");
    a2a::Part part;
    part.text = text.toUtf8();
    u.artifact.parts.append(part);
    u.append = append;
    u.lastChunk = last;
    return u;
}

/// Trackers on one manual clock.
struct Feed
{
    ManualClock clock;
    std::vector<std::unique_ptr<TaskTracker>> trackers;

    TaskTracker *add(const QString &id)
    {
        trackers.push_back(std::make_unique<TaskTracker>(id, &clock));
        return trackers.back().get();
    }
    /// Advances the clock, then applies: the event's time is known.
    qint64 apply(TaskTracker *t, qint64 afterMs, const a2a::StreamItem &item, EventSource source = EventSource::Stream)
    {
        clock.advance(afterMs);
        t->apply(item, source);
        return clock.wallMs();
    }
};

void showTimeline(TaskTimeline &w, QSize size = QSize(900, 400))
{
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
}

void saveScreenshot(QWidget &w, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(w.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestTaskTimeline : public QObject
{
    Q_OBJECT

private slots:
    void lanesFollowTheirTrackers();
    void segmentsInStateOrder();
    void outOfOrderEventsAreSortedIn();
    void markersAreFoundWhereDrawn();
    void clicksSelectAndActivate();
    void keyboardZoomsPansAndSelects();
    void wheelAndDrag();
    void followLive();
    void tooltipShowsPeerTextPlainly();
    void laneNamesAreMadeSafe();
    void destroyedTrackerLeaves();
    void thousandLanes();
    void screenshot();
};

void TestTaskTimeline::lanesFollowTheirTrackers()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    QCOMPARE(w.laneCount(), 0);
    TaskTracker *a = feed.add(QStringLiteral("task-a"));
    feed.apply(a, 10, task(QStringLiteral("task-a"), QStringLiteral("submitted")));
    TaskTracker *b = feed.add(QStringLiteral("task-b"));
    w.addTask(a);
    w.addTask(b);
    w.addTask(a); // once only
    QCOMPARE(w.laneCount(), 2);
    QCOMPARE(w.trackerAt(1), b);
    QCOMPARE(w.laneOf(QStringLiteral("task-b")), 1);
    QCOMPARE(w.segments(0).size(), 1); // the events it had already
    QVERIFY(w.segments(1).isEmpty());
    feed.apply(b, 10, task(QStringLiteral("task-b"), QStringLiteral("working")));
    QCOMPARE(w.segments(1).size(), 1); // and the ones that come
    QCOMPARE(w.segments(1).at(0).state, TaskState::Working);
    w.clear();
    QCOMPARE(w.laneCount(), 0);
    feed.apply(b, 10, status(QStringLiteral("task-b"), QStringLiteral("completed")));
    QCOMPARE(w.laneCount(), 0);
}

void TestTaskTimeline::segmentsInStateOrder()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    const QString id = QStringLiteral("task-1");
    TaskTracker *t = feed.add(id);
    TaskTracker *live = feed.add(QStringLiteral("task-live"));
    w.addTask(t);
    w.addTask(live);
    const qint64 t0 = feed.apply(t, 100, task(id, QStringLiteral("submitted")));
    const qint64 t1 = feed.apply(t, 500, status(id, QStringLiteral("working")));
    feed.apply(t, 200, status(id, QStringLiteral("working"), QStringLiteral("still at it"))); // no new segment
    feed.apply(t, 300, chunk(id, QStringLiteral("a1"), QStringLiteral("part one"), false, false));
    const qint64 t2 = feed.apply(t, 400, status(id, QStringLiteral("input-required"), QStringLiteral("Which account?")));
    feed.apply(t, 700, message(id, QStringLiteral("The savings one"), a2a::Role::User));
    const qint64 t3 = feed.apply(t, 100, status(id, QStringLiteral("working")));
    const qint64 t4 = feed.apply(t, 900, status(id, QStringLiteral("completed")));
    const qint64 l0 = feed.apply(live, 50, task(QStringLiteral("task-live"), QStringLiteral("working")));
    feed.clock.advance(5000);

    const QList<TaskTimeline::Segment> segs = w.segments(0);
    QCOMPARE(segs.size(), 5);
    const QList<TaskState> states{TaskState::Submitted, TaskState::Working, TaskState::InputRequired, TaskState::Working,
                                  TaskState::Completed};
    const QList<qint64> starts{t0, t1, t2, t3, t4};
    for (int i = 0; i < segs.size(); ++i) {
        QCOMPARE(segs.at(i).state, states.at(i));
        QCOMPARE(segs.at(i).startMs, starts.at(i));
        if (i + 1 < segs.size())
            QCOMPARE(segs.at(i).endMs, starts.at(i + 1));
        QCOMPARE(t->events().at(segs.at(i).eventIndex).wallMs, starts.at(i));
    }
    QCOMPARE(segs.last().endMs, t4); // terminal: ends where it starts, drawn as a cap
    // A live task's state lasts until now.
    const QList<TaskTimeline::Segment> liveSegs = w.segments(1);
    QCOMPARE(liveSegs.size(), 1);
    QCOMPARE(liveSegs.at(0).startMs, l0);
    QCOMPARE(liveSegs.at(0).endMs, feed.clock.wallMs());
    QVERIFY(w.segments(2).isEmpty());
    QVERIFY(w.segments(-1).isEmpty());
}

void TestTaskTimeline::outOfOrderEventsAreSortedIn()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    const QString id = QStringLiteral("task-skew");
    TaskTracker *t = feed.add(id);
    w.addTask(t);
    const qint64 a = feed.apply(t, 1000, task(id, QStringLiteral("submitted")));
    const qint64 c = feed.apply(t, 1000, status(id, QStringLiteral("working")));
    // The wall clock steps back: the event lands between the two.
    const qint64 b = feed.apply(t, -500, status(id, QStringLiteral("input-required")));
    QVERIFY(a < b && b < c);
    const QList<TaskTimeline::Segment> segs = w.segments(0);
    QCOMPARE(segs.size(), 3);
    QCOMPARE(segs.at(0).startMs, a);
    QCOMPARE(segs.at(1).startMs, b);
    QCOMPARE(segs.at(1).state, TaskState::InputRequired);
    QCOMPARE(segs.at(1).eventIndex, 2);
    QCOMPARE(segs.at(2).startMs, c);
    QCOMPARE(segs.at(2).state, TaskState::Working);
}

void TestTaskTimeline::markersAreFoundWhereDrawn()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    const QString id = QStringLiteral("task-m");
    TaskTracker *other = feed.add(QStringLiteral("task-other"));
    TaskTracker *t = feed.add(id);
    w.addTask(other);
    w.addTask(t);
    const qint64 start = feed.apply(t, 0, task(id, QStringLiteral("submitted")));
    feed.apply(t, 1000, status(id, QStringLiteral("working")));
    struct Expect
    {
        qint64 ms;
        int index;
    };
    QList<Expect> marks;
    const auto last = [t] { return int(t->events().size()) - 1; };
    marks << Expect{feed.apply(t, 1000, message(id, QStringLiteral("hello"))), 0};
    marks.last().index = last();
    marks << Expect{feed.apply(t, 1000, chunk(id, QStringLiteral("a"), QStringLiteral("x"), false, false)), 0};
    marks.last().index = last();
    feed.clock.advance(1000);
    t->notePolled();
    marks << Expect{feed.clock.wallMs(), last()};
    feed.clock.advance(1000);
    t->noteResubscribed(QStringLiteral("the stream dropped"));
    marks << Expect{feed.clock.wallMs(), last()};
    marks << Expect{feed.apply(t, 1000, status(id, QStringLiteral("working")), EventSource::Push), 0};
    marks.last().index = last();
    marks << Expect{feed.apply(t, 1000, status(QStringLiteral("someone-else"), QStringLiteral("working"))), 0}; // an issue
    marks.last().index = last();
    QCOMPARE(t->events().at(marks.last().index).kind, a2a::TaskEvent::Kind::Issue);

    w.setVisibleRange(start - 1000, start + 9000);
    for (const Expect &e : std::as_const(marks)) {
        const QPoint at = w.positionOf(1, e.ms);
        QVERIFY(!at.isNull());
        const TaskTimeline::Hit hit = w.hitAt(at);
        QCOMPARE(hit.lane, 1);
        QCOMPARE(hit.eventIndex, e.index);
        // A couple of pixels off still finds it.
        QCOMPARE(w.hitAt(at + QPoint(2, -3)).eventIndex, e.index);
    }
    // Between markers: the state there, from the event that entered it.
    const QPoint between = w.positionOf(1, start + 500);
    QCOMPARE(w.hitAt(between).eventIndex, 0);
    // The same time on the other lane: a lane with nothing.
    QCOMPARE(w.hitAt(w.positionOf(0, start + 2000)).lane, 0);
    QCOMPARE(w.hitAt(w.positionOf(0, start + 2000)).eventIndex, -1);
    // Below the lanes: nothing.
    QCOMPARE(w.hitAt(QPoint(w.width() / 2, w.height() - 2)).lane, -1);
    // Scrolled out of range of time: no marker is hit.
    feed.clock.advance(120'000);
    w.setVisibleRange(start + 100'000, start + 110'000);
    QCOMPARE(w.hitAt(w.positionOf(1, start + 105'000)).eventIndex, 1); // the live state continues, from event 1
    w.grab(); // paints without trouble
}

void TestTaskTimeline::clicksSelectAndActivate()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    const QString id = QStringLiteral("task-click");
    TaskTracker *first = feed.add(QStringLiteral("task-first"));
    TaskTracker *t = feed.add(id);
    w.addTask(first);
    w.addTask(t);
    const qint64 start = feed.apply(t, 0, task(id, QStringLiteral("working")));
    const qint64 said = feed.apply(t, 2000, message(id, QStringLiteral("hi")));
    feed.apply(first, 0, task(QStringLiteral("task-first"), QStringLiteral("working")));
    w.setVisibleRange(start - 1000, start + 5000);

    QSignalSpy selected(&w, &TaskTimeline::taskSelected);
    QSignalSpy activated(&w, &TaskTimeline::eventActivated);
    QTest::mouseClick(&w, Qt::LeftButton, {}, w.positionOf(1, said));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), id);
    QCOMPARE(w.selectedTaskId(), id);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), id);
    QCOMPARE(activated.at(0).at(1).toInt(), 1);
    // On the segment: the event that entered the state.
    QTest::mouseClick(&w, Qt::LeftButton, {}, w.positionOf(1, start + 700));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(1).toInt(), 0);
    QCOMPARE(selected.size(), 1); // already selected
    // On the name: selects, activates nothing.
    QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(10, w.positionOf(0, start).y()));
    QCOMPARE(w.selectedTaskId(), QStringLiteral("task-first"));
    QCOMPARE(selected.size(), 2);
    QCOMPARE(activated.size(), 2);
    w.selectTask(id);
    QCOMPARE(w.selectedLane(), 1);
    w.selectTask(QStringLiteral("nothing"));
    QCOMPARE(w.selectedLane(), -1);
    QCOMPARE(selected.last().at(0).toString(), QString());
}

void TestTaskTimeline::keyboardZoomsPansAndSelects()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    TaskTracker *a = feed.add(QStringLiteral("a"));
    TaskTracker *b = feed.add(QStringLiteral("b"));
    w.addTask(a);
    w.addTask(b);
    const qint64 first = feed.apply(a, 0, task(QStringLiteral("a"), QStringLiteral("working")));
    feed.apply(b, 30'000, task(QStringLiteral("b"), QStringLiteral("working")));
    const qint64 last = feed.apply(a, 30'000, status(QStringLiteral("a"), QStringLiteral("completed")));
    feed.apply(b, 0, status(QStringLiteral("b"), QStringLiteral("failed")));

    const qint64 from = first + 10'000;
    const qint64 to = first + 50'000;
    w.setVisibleRange(from, to);
    QVERIFY(!w.followLive());
    const qint64 centre = (from + to) / 2;
    QTest::keyClick(&w, Qt::Key_Plus);
    QCOMPARE(w.visibleTo() - w.visibleFrom(), 20'000);
    QVERIFY(qAbs((w.visibleFrom() + w.visibleTo()) / 2 - centre) <= 1);
    QTest::keyClick(&w, Qt::Key_Minus);
    QTest::keyClick(&w, Qt::Key_Minus);
    QCOMPARE(w.visibleTo() - w.visibleFrom(), 80'000);
    QVERIFY(qAbs((w.visibleFrom() + w.visibleTo()) / 2 - centre) <= 1);

    const qint64 before = w.visibleFrom();
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(w.visibleFrom(), before + 8'000);
    QTest::keyClick(&w, Qt::Key_Left);
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(w.visibleFrom(), before - 8'000);
    w.panByMs(8'000);
    QCOMPARE(w.visibleFrom(), before);

    QTest::keyClick(&w, Qt::Key_Home); // everything, with a margin
    QVERIFY(w.visibleFrom() < first && w.visibleTo() > last);
    QVERIFY(w.visibleTo() - w.visibleFrom() < (last - first) * 12 / 10);

    QSignalSpy selected(&w, &TaskTimeline::taskSelected);
    QTest::keyClick(&w, Qt::Key_Down);
    QCOMPARE(w.selectedTaskId(), QStringLiteral("a"));
    QTest::keyClick(&w, Qt::Key_Down);
    QTest::keyClick(&w, Qt::Key_Down); // stays on the last
    QCOMPARE(w.selectedTaskId(), QStringLiteral("b"));
    QTest::keyClick(&w, Qt::Key_Up);
    QCOMPARE(w.selectedTaskId(), QStringLiteral("a"));
    QCOMPARE(selected.size(), 3);

    // Zoom is bounded both ways.
    for (int i = 0; i < 40; ++i)
        QTest::keyClick(&w, Qt::Key_Plus);
    QVERIFY(w.visibleTo() - w.visibleFrom() >= 10);
    for (int i = 0; i < 60; ++i)
        QTest::keyClick(&w, Qt::Key_Minus);
    QVERIFY(w.visibleTo() - w.visibleFrom() <= 31LL * 24 * 3600 * 1000);
    w.grab();
}

void TestTaskTimeline::wheelAndDrag()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w, QSize(900, 200));
    for (int i = 0; i < 30; ++i) {
        TaskTracker *t = feed.add(QStringLiteral("t%1").arg(i));
        w.addTask(t);
        feed.apply(t, 100, task(t->taskId(), QStringLiteral("working")));
    }
    const qint64 from = feed.clock.wallMs() - 10'000;
    w.setVisibleRange(from, from + 20'000);
    auto *scroll = w.findChild<QScrollBar *>(QStringLiteral("taskTimelineLaneScroll"));
    QVERIFY(scroll && scroll->isVisible());
    const QPoint middle(w.width() / 2, w.height() / 2);
    const auto wheel = [&](QPoint angle, Qt::KeyboardModifiers modifiers, QPoint at) {
        QWheelEvent event(at, w.mapToGlobal(at), QPoint(), angle, Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&w, &event);
    };
    // The wheel scrolls the lanes.
    wheel(QPoint(0, -120), Qt::NoModifier, middle);
    QVERIFY(scroll->value() > 0);
    QCOMPARE(w.visibleFrom(), from);
    // Ctrl+wheel zooms in around the pointer: the time under it stays.
    const int lane = w.hitAt(middle).lane;
    QVERIFY(lane >= 0);
    const QPoint pointer = w.positionOf(lane, from + 6'000);
    wheel(QPoint(0, 120), Qt::ControlModifier, pointer);
    QVERIFY(w.visibleTo() - w.visibleFrom() < 20'000);
    QVERIFY(qAbs(w.positionOf(lane, from + 6'000).x() - pointer.x()) <= 1);
    // Shift+wheel pans.
    const qint64 zoomedFrom = w.visibleFrom();
    wheel(QPoint(0, -120), Qt::ShiftModifier, middle);
    QVERIFY(w.visibleFrom() > zoomedFrom);
    // A drag to the right shows earlier times.
    const qint64 beforeDrag = w.visibleFrom();
    QTest::mousePress(&w, Qt::LeftButton, {}, middle);
    QTest::mouseMove(&w, middle + QPoint(50, 0));
    QTest::mouseMove(&w, middle + QPoint(100, 0));
    QSignalSpy activated(&w, &TaskTimeline::eventActivated);
    QTest::mouseRelease(&w, Qt::LeftButton, {}, middle + QPoint(100, 0));
    QVERIFY(w.visibleFrom() < beforeDrag);
    QCOMPARE(activated.size(), 0); // a drag is not a click
}

void TestTaskTimeline::followLive()
{
    Feed feed;
    TaskTimeline w;
    QVERIFY(w.followLive()); // a live view by default
    w.setClock(&feed.clock);
    showTimeline(w);
    TaskTracker *t = feed.add(QStringLiteral("live"));
    w.addTask(t);
    feed.apply(t, 0, task(QStringLiteral("live"), QStringLiteral("working")));
    const auto nowNearRightEdge = [&] {
        const qint64 now = feed.clock.wallMs();
        const qint64 span = w.visibleTo() - w.visibleFrom();
        return now <= w.visibleTo() && now >= w.visibleTo() - span / 10;
    };
    QVERIFY(nowNearRightEdge());
    // The view moves with the clock on its own.
    feed.clock.advance(120'000);
    QTRY_VERIFY(nowNearRightEdge());

    QSignalSpy changed(&w, &TaskTimeline::followLiveChanged);
    // Zooming by keys while following keeps now in place, and following.
    const qint64 span = w.visibleTo() - w.visibleFrom();
    QTest::keyClick(&w, Qt::Key_Plus);
    QCOMPARE(w.visibleTo() - w.visibleFrom(), span / 2);
    QVERIFY(w.followLive());
    QVERIFY(nowNearRightEdge());
    QCOMPARE(changed.size(), 0);
    // Panning away stops it.
    QTest::keyClick(&w, Qt::Key_Left);
    QVERIFY(!w.followLive());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    feed.clock.advance(60'000);
    const qint64 held = w.visibleTo();
    QTest::qWait(300);
    QCOMPARE(w.visibleTo(), held); // stays where it was put
    // F follows again, at now.
    QTest::keyClick(&w, Qt::Key_F);
    QVERIFY(w.followLive());
    QVERIFY(nowNearRightEdge());
    QCOMPARE(changed.size(), 2);
    // Zooming around another time stops following.
    w.zoomBy(0.5, feed.clock.wallMs() - 20'000);
    QVERIFY(!w.followLive());
    // End toggles too; a drag stops it.
    QTest::keyClick(&w, Qt::Key_End);
    QVERIFY(w.followLive());
    const QPoint middle(w.width() / 2, w.height() / 2);
    QTest::mousePress(&w, Qt::LeftButton, {}, middle);
    QTest::mouseMove(&w, middle + QPoint(40, 0));
    QTest::mouseMove(&w, middle + QPoint(80, 0));
    QTest::mouseRelease(&w, Qt::LeftButton, {}, middle + QPoint(80, 0));
    QVERIFY(!w.followLive());
    // Home fits everything and stops following; explicit ranges too.
    w.setFollowLive(true);
    w.fitAll();
    QVERIFY(!w.followLive());
    w.setFollowLive(true);
    w.setVisibleRange(0, 1000);
    QVERIFY(!w.followLive());
    QCOMPARE(changed.last().at(0).toBool(), false);
    w.grab();
}

void TestTaskTimeline::tooltipShowsPeerTextPlainly()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    const QString id = QStringLiteral("task-tip");
    TaskTracker *t = feed.add(id);
    w.addTask(t);
    const qint64 start = feed.apply(t, 0, task(id, QStringLiteral("working")));
    const QString hostile = QStringLiteral("Refund \u202Eapproved <b>x</b>\u2066 <img src=\"http://evil/\">\x1b[31m done")
        + QString(400, QLatin1Char('z'));
    const qint64 said = feed.apply(t, 1000, message(id, hostile));
    w.setVisibleRange(start - 1000, start + 4000);

    const QString summary = w.eventSummary(0, 1);
    QVERIFY2(summary.contains(QLatin1String("<b>x</b>")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("<img src=\"http://evil/\">")));
    QVERIFY(!summary.contains(QChar(0x202E)));
    QVERIFY(!summary.contains(QChar(0x2066)));
    QVERIFY(!summary.contains(QChar(0x1b)));
    QVERIFY(summary.contains(QStringLiteral("\u27E6U+202E\u27E7"))); // shown, not obeyed
    QVERIFY(summary.contains(QLatin1String("message via stream")));
    QVERIFY(summary.contains(QLatin1String("State: working")));
    QVERIFY(summary.contains(QDateTime::fromMSecsSinceEpoch(said).toString(QStringLiteral("hh:mm:ss.zzz"))));
    QVERIFY(summary.contains(QChar(0x2026))); // cut, not 400 z's
    QVERIFY(!summary.contains(QString(250, QLatin1Char('z'))));

    // The tooltip shows exactly that, escaped: the markup is text.
    const QPoint at = w.positionOf(0, said);
    QHelpEvent help(QEvent::ToolTip, at, w.mapToGlobal(at));
    QApplication::sendEvent(&w, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString shown = QToolTip::text();
    QVERIFY2(shown.contains(QLatin1String("&lt;b&gt;x&lt;/b&gt;")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("<b>")));
    QVERIFY(!shown.contains(QLatin1String("<img")));
    QVERIFY(!shown.contains(QChar(0x202E)));
    QToolTip::hideText();

    // A chunk's tooltip quotes its text.
    const qint64 chunked = feed.apply(t, 1000, chunk(id, QStringLiteral("art-1"), QStringLiteral("first words"), false, true));
    const TaskTimeline::Hit hit = w.hitAt(w.positionOf(0, chunked));
    QCOMPARE(hit.eventIndex, 2);
    const QString chunkSummary = w.eventSummary(0, hit.eventIndex);
    QVERIFY2(chunkSummary.contains(QLatin1String("first words")), qPrintable(chunkSummary));
    QVERIFY(chunkSummary.contains(QLatin1String("art-1")));
    QVERIFY(chunkSummary.contains(QLatin1String("last chunk")));
}

void TestTaskTimeline::laneNamesAreMadeSafe()
{
    QCOMPARE(TaskTimeline::plainLine(u"a\u202Eb"), QStringLiteral("a\u27E6U+202E\u27E7b"));
    QCOMPARE(TaskTimeline::plainLine(u"a\u200Fb\u061Cc"), QStringLiteral("a\u27E6U+200F\u27E7b\u27E6U+061C\u27E7c"));
    QCOMPARE(TaskTimeline::plainLine(u"  one\n\ttwo  "), QStringLiteral("one two"));
    QCOMPARE(TaskTimeline::plainLine(u"abcdef", 3), QStringLiteral("abc\u2026"));
    QCOMPARE(TaskTimeline::plainLine(u"<b>x</b>"), QStringLiteral("<b>x</b>"));
    QCOMPARE(TaskTimeline::plainLine(QString(QChar(0xD800))), QString(QChar(QChar::ReplacementCharacter)));
    QCOMPARE(TaskTimeline::plainLine(u"\U0001F600"), QStringLiteral("\U0001F600"));

    // A lane of a task whose id is hostile paints, and its tooltip shows
    // the id with the override made visible.
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    const QString id = QStringLiteral("\u202Etask-evil<i>");
    TaskTracker *t = feed.add(id);
    w.addTask(t);
    feed.apply(t, 0, task(id, QStringLiteral("working")));
    w.grab();
    const QPoint at(10, w.positionOf(0, w.visibleFrom()).y());
    QHelpEvent help(QEvent::ToolTip, at, w.mapToGlobal(at));
    QApplication::sendEvent(&w, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("\u27E6U+202E\u27E7task-evil&lt;i&gt;")), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestTaskTimeline::destroyedTrackerLeaves()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w);
    TaskTracker *a = feed.add(QStringLiteral("a"));
    TaskTracker *b = feed.add(QStringLiteral("b"));
    TaskTracker *c = feed.add(QStringLiteral("c"));
    for (TaskTracker *t : {a, b, c}) {
        w.addTask(t);
        feed.apply(t, 100, task(t->taskId(), QStringLiteral("working")));
        feed.apply(t, 100, message(t->taskId(), QStringLiteral("hi")));
    }
    w.fitAll();
    w.selectTask(QStringLiteral("c"));
    QSignalSpy selected(&w, &TaskTimeline::taskSelected);
    feed.trackers[1].reset(); // b goes
    QCOMPARE(w.laneCount(), 2);
    QCOMPARE(w.trackerAt(1), c);
    QCOMPARE(w.selectedTaskId(), QStringLiteral("c")); // the selection stays on its task
    QCOMPARE(selected.size(), 0);
    w.repaint();
    QCOMPARE(w.hitAt(w.positionOf(1, c->events().at(1).wallMs)).eventIndex, 1);
    feed.trackers[2].reset(); // the selected one goes
    QCOMPARE(w.laneCount(), 1);
    QCOMPARE(w.selectedTaskId(), QString());
    QCOMPARE(selected.size(), 1);
    QVERIFY(w.eventSummary(1, 0).isEmpty());
    w.repaint();
    feed.trackers.clear();
    QCOMPARE(w.laneCount(), 0);
    w.repaint();
}

void TestTaskTimeline::thousandLanes()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w, QSize(1000, 600));
    for (int i = 0; i < 1000; ++i) {
        TaskTracker *t = feed.add(QStringLiteral("task-%1").arg(i, 4, 10, QLatin1Char('0')));
        w.addTask(t);
        feed.apply(t, 7, task(t->taskId(), QStringLiteral("submitted")));
        feed.apply(t, 5, status(t->taskId(), QStringLiteral("working")));
        feed.apply(t, 3, chunk(t->taskId(), QStringLiteral("a"), QStringLiteral("x"), false, true));
        if (i % 3 == 0)
            feed.apply(t, 2, status(t->taskId(), QStringLiteral("completed")));
    }
    QCOMPARE(w.laneCount(), 1000);
    w.fitAll();
    QVERIFY(!w.grab().isNull());
    auto *scroll = w.findChild<QScrollBar *>(QStringLiteral("taskTimelineLaneScroll"));
    QVERIFY(scroll->isVisible());
    QTest::keyClick(&w, Qt::Key_Up); // from nothing: the last lane, scrolled to
    QCOMPARE(w.selectedTaskId(), QStringLiteral("task-0999"));
    QCOMPARE(scroll->value(), scroll->maximum());
    QVERIFY(!w.positionOf(999, w.visibleFrom()).isNull());
    QVERIFY(w.positionOf(0, w.visibleFrom()).isNull()); // scrolled out
    QVERIFY(!w.grab().isNull());
    QCOMPARE(w.segments(999).size(), 3);
    QCOMPARE(w.segments(999).last().state, TaskState::Completed);
}

void TestTaskTimeline::screenshot()
{
    Feed feed;
    TaskTimeline w;
    w.setClock(&feed.clock);
    showTimeline(w, QSize(1000, 330));
    const QString refund = QStringLiteral("refund-2291");
    const QString invoice = QStringLiteral("invoice-pdf-88");
    const QString search = QStringLiteral("kb-search-17");
    const QString card = QStringLiteral("card-check-5");
    const QString support = QStringLiteral("tech-support-42");
    const QString auth = QStringLiteral("crm-export-3");
    TaskTracker *tRefund = feed.add(refund);
    TaskTracker *tInvoice = feed.add(invoice);
    TaskTracker *tSearch = feed.add(search);
    TaskTracker *tCard = feed.add(card);
    TaskTracker *tSupport = feed.add(support);
    TaskTracker *tAuth = feed.add(auth);
    for (TaskTracker *t : {tRefund, tInvoice, tSearch, tCard, tSupport, tAuth})
        w.addTask(t);
    const qint64 start = feed.clock.wallMs();

    // A refund that asks the user a question, then streams its answer.
    feed.apply(tRefund, 0, task(refund, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tRefund, 600, status(refund, QStringLiteral("working"), QStringLiteral("Looking up order 2291")));
    feed.apply(tSearch, 900, task(search, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tSearch, 400, status(search, QStringLiteral("working")));
    feed.apply(tRefund, 2500, status(refund, QStringLiteral("input-required"), QStringLiteral("Which account should receive the refund?")));
    feed.apply(tInvoice, 1500, task(invoice, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tInvoice, 500, status(invoice, QStringLiteral("working")));
    for (int i = 0; i < 14; ++i)
        feed.apply(tInvoice, 450, chunk(invoice, QStringLiteral("pdf"), QStringLiteral("page %1").arg(i + 1), i > 0, i == 13));
    feed.apply(tSearch, 0, message(search, QStringLiteral("never mind"), a2a::Role::User));
    feed.apply(tSearch, 300, status(search, QStringLiteral("canceled")));
    feed.apply(tRefund, 1200, message(refund, QStringLiteral("The savings account, please."), a2a::Role::User));
    feed.apply(tRefund, 400, status(refund, QStringLiteral("working")));
    feed.apply(tCard, 100, task(card, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tCard, 700, status(card, QStringLiteral("working")));
    for (int i = 0; i < 6; ++i)
        feed.apply(tRefund, 500, chunk(refund, QStringLiteral("receipt"), QStringLiteral("line %1").arg(i), i > 0, i == 5));
    feed.apply(tInvoice, 200, status(invoice, QStringLiteral("completed")));
    feed.apply(tRefund, 300, status(refund, QStringLiteral("completed"), QStringLiteral("Refund issued.")));
    feed.apply(tCard, 500, status(card, QStringLiteral("failed"), QStringLiteral("The card network timed out.")));
    feed.apply(tCard, 900, status(card, QStringLiteral("working")), EventSource::Push); // late: an issue
    // Support: pushed updates, a dropped stream, a resubscription, polls.
    feed.apply(tSupport, 200, task(support, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tSupport, 800, status(support, QStringLiteral("working")), EventSource::Push);
    feed.apply(tSupport, 1500, message(support, QStringLiteral("Checking the router logs")));
    feed.clock.advance(1500);
    tSupport->noteResubscribed(QStringLiteral("the stream ended without a final event"));
    feed.apply(tSupport, 900, chunk(support, QStringLiteral("diag"), QStringLiteral("ping 12 ms"), false, false), EventSource::Push);
    feed.apply(tAuth, 300, task(auth, QStringLiteral("submitted")), EventSource::Response);
    feed.apply(tAuth, 900, status(auth, QStringLiteral("auth-required"), QStringLiteral("Sign in to the CRM")));
    feed.clock.advance(1200);
    tSupport->notePolled();
    feed.apply(tSupport, 0, task(support, QStringLiteral("working")), EventSource::Poll);
    feed.clock.advance(2500);

    w.setVisibleRange(start - 1000, feed.clock.wallMs() + 1000);
    w.setFollowLive(true);
    w.selectTask(refund);
    QVERIFY(w.followLive());
    QCOMPARE(w.segments(w.laneOf(refund)).size(), 5);
    QCOMPARE(w.segments(w.laneOf(card)).last().state, TaskState::Failed);
    QVERIFY(!tCard->issues().isEmpty());
    saveScreenshot(w, QStringLiteral("timeline.png"));

    // The same on a dark theme.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    w.setPalette(dark);
    saveScreenshot(w, QStringLiteral("timeline-dark.png"));
}

QTEST_MAIN(TestTaskTimeline)
#include "tst_tasktimeline.moc"
