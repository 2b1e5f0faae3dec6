// crosstalk-gui-bench: how fast Crosstalk's widgets draw and answer. One mode
// per target:
//   timeline  the task timeline with 1,000 tasks and 100,000 events spread
//             over an hour, at 1280x720: frames while panning and zooming
//             (target >= 30 frames/s), each painted synchronously.
//   stream    the main window while one agent streams into the conversation,
//             the timeline and the traffic view: how late a 5 ms probe timer
//             fires on the GUI thread (target: never more than 50 ms), at a
//             paced 5,000 events/s and as fast as the agent can send.
//   traffic   the traffic inspector over 1,000,000 recorded messages:
//             memory against the bytes recorded (target < 2x), filters
//             (target < 200 ms each) and scrolling.
//   startup   the crosstalk executable launched cold: time to the first
//             painted window (target < 400 ms) and idle memory (< 80 MB).
//   form      the schema form for a 1,000-property schema of mixed kinds and
//             for one nested 50 levels deep: from setSchema to painted
//             (target < 200 ms, compiling included), the check after an
//             edit, and opening the deep one level by level.
// Figures are printed one a line, with their target; none fails a build.
#include "ConnectionsSidebar.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "McpResultView.h"
#include "McpServerView.h"
#include "McpToolListModel.h"
#include "McpToolsView.h"
#include "SchemaForm.h"
#include "TaskTimeline.h"
#include "TasksView.h"
#include "TrafficInspector.h"
#include "TrafficModel.h"
#include "a2a/Conversation.h"
#include "a2a/TaskTracker.h"
#include "traffic/TrafficLog.h"
#include "util/Clock.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/McpSessions.h"
#include "workspace/Workspace.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>

#include <sys/prctl.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

using namespace crosstalk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void usage(const char *program)
{
    std::fprintf(stderr,
                 "usage: %s <mode> [options]\n"
                 "modes:\n"
                 "  timeline [--tasks 1000] [--events 100000] [--frames 200] [--grab <file>]\n"
                 "           the task timeline: pan and zoom frames per second\n"
                 "  stream [--rate 5000] [--seconds 10] [--events RATExSECONDS] [--only paced|big] [--tab conversation|tasks]\n"
                 "           the main window while an agent streams: GUI-thread stalls (needs the npm test peers)\n"
                 "  traffic [--messages 1000000] [--rounds 3] [--frames 300]\n"
                 "           the traffic inspector over recorded messages: memory, filters, scrolling\n"
                 "  startup [--runs 5] [--demo]\n"
                 "           the crosstalk executable: time to the first paint, idle memory\n"
                 "  form [--properties 1000] [--levels 50] [--rounds 5] [--grab <file>]\n"
                 "           the schema form: setSchema to painted, the check after an edit, opening deep groups\n"
                 "  mcp [--tools 10000] [--megabytes 20] [--json]\n"
                 "           the MCP tool views against a stdio server: listing and searching the tools, a large result\n",
                 program);
}

a2a::Message textMessage(const QString &taskId, const QString &text, a2a::Role role)
{
    a2a::Message m;
    m.taskId = taskId;
    m.role = role;
    a2a::Part part;
    part.text = text.toUtf8();
    m.parts.append(part);
    return m;
}

a2a::StreamItem statusItem(const QString &taskId, const char *state, const QString &text = {})
{
    a2a::StatusUpdate u;
    u.taskId = taskId;
    u.status.stateText = QString::fromLatin1(state);
    u.status.state = a2a::taskStateFromWire(u.status.stateText).value_or(a2a::TaskState::Unknown);
    if (!text.isEmpty())
        u.status.message = textMessage(taskId, text, a2a::Role::Agent);
    return u;
}

/// One task's life, fed to its tracker on its own clock: about `events`
/// events between `startMs` and `startMs + durationMs` of a realistic mix
/// (chunks above all, messages, turns between working and waiting for input
/// or auth, polls, pushes, resubscriptions, the odd protocol issue), ending
/// completed, failed or canceled, or still live.
void playTask(a2a::TaskTracker &tracker, ManualClock &clock, int events, qint64 durationMs, std::mt19937 &random)
{
    const QString &id = tracker.taskId();
    const qint64 step = std::max<qint64>(1, durationMs / std::max(1, events));
    std::uniform_int_distribution<int> percent(0, 99);
    const auto tick = [&] { clock.advance(std::max<qint64>(1, step / 2 + random() % step)); };
    a2a::Task task;
    task.id = id;
    task.status.stateText = QStringLiteral("submitted");
    tracker.apply(task, a2a::EventSource::Response);
    tick();
    tracker.apply(statusItem(id, "working"), a2a::EventSource::Stream);
    const int ending = percent(random);
    const int room = events - (ending < 80 ? 1 : 0);
    int chunk = 0;
    bool waiting = false;
    while (tracker.events().size() < room) {
        tick();
        const int roll = percent(random);
        if (waiting) {
            tracker.apply(textMessage(id, QStringLiteral("Here is what you asked for."), a2a::Role::User), a2a::EventSource::Stream);
            tracker.apply(statusItem(id, "working"), a2a::EventSource::Stream);
            waiting = false;
        } else if (roll < 60) {
            a2a::ArtifactUpdate u;
            u.taskId = id;
            u.artifact.artifactId = QStringLiteral("answer");
            a2a::Part part;
            part.text = QByteArrayLiteral("A streamed line of the answer, about sixty bytes long.");
            u.artifact.parts.append(part);
            u.append = chunk++ > 0;
            tracker.apply(u, percent(random) < 10 ? a2a::EventSource::Push : a2a::EventSource::Stream);
        } else if (roll < 72) {
            tracker.apply(textMessage(id, QStringLiteral("Still looking into it."), a2a::Role::Agent), a2a::EventSource::Stream);
        } else if (roll < 78) {
            tracker.apply(statusItem(id, roll < 76 ? "input-required" : "auth-required", QStringLiteral("Which account?")),
                          a2a::EventSource::Stream);
            waiting = true;
        } else if (roll < 84) {
            tracker.notePolled();
        } else if (roll < 88) {
            tracker.noteResubscribed(QStringLiteral("the stream dropped"));
        } else if (roll < 99) {
            tracker.apply(statusItem(id, "working"), a2a::EventSource::Push);
        } else {
            tracker.apply(statusItem(QStringLiteral("another-task"), "working"), a2a::EventSource::Stream); // an issue
        }
    }
    if (ending < 80) {
        tick();
        tracker.apply(statusItem(id, ending < 60 ? "completed" : ending < 70 ? "failed" : "canceled"), a2a::EventSource::Stream);
    }
}

struct FrameStats
{
    std::vector<double> ms;
    double total() const
    {
        double sum = 0;
        for (double m : ms)
            sum += m;
        return sum;
    }
    double fps() const { return ms.empty() ? 0 : double(ms.size()) * 1000.0 / total(); }
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

int benchTimeline(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The task timeline: pan and zoom frames per second."));
    parser.addHelpOption();
    QCommandLineOption tasksOption(QStringLiteral("tasks"), QStringLiteral("Tasks (lanes)."), QStringLiteral("n"), QStringLiteral("1000"));
    QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events in all."), QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Frames measured, half pans, half zooms."),
                                    QStringLiteral("n"), QStringLiteral("200"));
    QCommandLineOption grabOption(QStringLiteral("grab"), QStringLiteral("Save the first and the last frame as <file>-first.png and <file>-last.png."),
                                  QStringLiteral("file"));
    parser.addOptions({tasksOption, eventsOption, framesOption, grabOption});
    parser.addPositionalArgument(QStringLiteral("timeline"), QStringLiteral("The mode."));
    parser.process(app);
    const int tasks = std::max(1, parser.value(tasksOption).toInt());
    const int events = std::max(tasks * 3, parser.value(eventsOption).toInt());
    const int frames = std::max(2, parser.value(framesOption).toInt());
    constexpr qint64 HourMs = 3600 * 1000;
    const qint64 base = 1'700'000'000'000;

    out() << QStringLiteral("timeline: %1 tasks, %2 events over 60 min, 1280x720, %3 frames, platform %4")
                 .arg(tasks).arg(events).arg(frames).arg(QGuiApplication::platformName())
          << Qt::endl;

    ManualClock now(base + HourMs);
    ui::TaskTimeline timeline;
    timeline.setClock(&now);
    timeline.resize(1280, 720);
    timeline.show();
    if (!QTest::qWaitForWindowExposed(&timeline)) {
        out() << "timeline: the window was not shown" << Qt::endl;
        return 1;
    }

    // Set-up: the trackers are fed while their lanes are shown, as in a live
    // session (each event reaches the timeline through eventAdded).
    QElapsedTimer setup;
    setup.start();
    std::mt19937 random(20240601);
    std::vector<std::unique_ptr<ManualClock>> clocks;
    std::vector<std::unique_ptr<a2a::TaskTracker>> trackers;
    clocks.reserve(size_t(tasks));
    trackers.reserve(size_t(tasks));
    qsizetype fed = 0;
    for (int i = 0; i < tasks; ++i) {
        const qint64 duration = 10'000 + qint64(random() % (20 * 60 * 1000));
        const qint64 start = qint64(random() % quint64(HourMs - duration));
        clocks.push_back(std::make_unique<ManualClock>(base + start));
        trackers.push_back(std::make_unique<a2a::TaskTracker>(QStringLiteral("task-%1-%2").arg(i, 4, 10, QLatin1Char('0')).arg(random() % 0xFFFFFF, 6, 16, QLatin1Char('0')),
                                                              clocks.back().get()));
        timeline.addTask(trackers.back().get());
        // The remainder goes to the first tasks.
        const int mine = events / tasks + (i < events % tasks ? 1 : 0);
        playTask(*trackers.back(), *clocks.back(), mine, duration, random);
        fed += trackers.back()->events().size();
    }
    const double setupMs = double(setup.nsecsElapsed()) / 1e6;

    QElapsedTimer first;
    first.start();
    timeline.fitAll();
    timeline.selectTask(trackers[size_t(tasks / 2)]->taskId()); // lanes from the middle
    timeline.repaint();
    const double firstMs = double(first.nsecsElapsed()) / 1e6;
    const QString grab = parser.value(grabOption);
    if (!grab.isEmpty())
        timeline.grab().save(grab + QStringLiteral("-first.png"));

    // Frames: pans and zooms alternate. Pans go one way for 20 frames, then
    // back; zooms go in by 0.8 for 20 frames (an hour down to ~40 s), then
    // out again, around the view's centre: every zoom level is drawn.
    FrameStats pan;
    FrameStats zoom;
    std::vector<double> all;
    for (int i = 0; i < frames; ++i) {
        const qint64 span = timeline.visibleTo() - timeline.visibleFrom();
        const int k = i / 2;
        QElapsedTimer timer;
        timer.start();
        if (i % 2 == 0) {
            const qint64 by = std::max<qint64>(1, span / 20);
            timeline.panByMs((k / 20) % 2 == 0 ? by : -by);
        } else {
            timeline.zoomBy((k / 20) % 2 == 0 ? 0.8 : 1.25, timeline.visibleFrom() + span / 2);
        }
        timeline.repaint();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        (i % 2 == 0 ? pan : zoom).ms.push_back(ms);
        all.push_back(ms);
    }
    if (!grab.isEmpty())
        timeline.grab().save(grab + QStringLiteral("-last.png"));
    const double worst = *std::max_element(all.begin(), all.end());
    const double p95 = percentile(all, 0.95);
    const auto verdict = [](double fps) { return fps >= 30 ? QStringLiteral("ok") : QStringLiteral("BELOW TARGET"); };
    out() << QStringLiteral("timeline.setup   %1 ms  (%2 events fed to %3 trackers while shown)").arg(setupMs, 0, 'f', 0).arg(fed).arg(tasks)
          << Qt::endl;
    out() << QStringLiteral("timeline.first   %1 ms  (fit all, first paint)").arg(firstMs, 0, 'f', 1) << Qt::endl;
    out() << QStringLiteral("timeline.pan     %1 frames/s  (mean %2 ms; target >= 30 frames/s) %3")
                 .arg(pan.fps(), 0, 'f', 0).arg(pan.total() / double(pan.ms.size()), 0, 'f', 2).arg(verdict(pan.fps()))
          << Qt::endl;
    out() << QStringLiteral("timeline.zoom    %1 frames/s  (mean %2 ms; target >= 30 frames/s) %3")
                 .arg(zoom.fps(), 0, 'f', 0).arg(zoom.total() / double(zoom.ms.size()), 0, 'f', 2).arg(verdict(zoom.fps()))
          << Qt::endl;
    out() << QStringLiteral("timeline.worst   %1 ms  (the slowest frame)").arg(worst, 0, 'f', 2) << Qt::endl;
    out() << QStringLiteral("timeline.p95     %1 ms  (95 in 100 frames took at most this)").arg(p95, 0, 'f', 2) << Qt::endl;
    return 0;
}

// ------------------------------------------------------------------ stream

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double megabytes(qint64 kib)
{
    return double(kib) / 1024.0;
}

/// How late the GUI thread serves a timer: a precise timer every
/// `intervalMs`, each firing set against when it was due (the previous
/// firing plus the interval). A stall of the event loop shows as one late
/// firing.
class StallProbe : public QObject
{
public:
    explicit StallProbe(int intervalMs)
        : m_intervalMs(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double late = std::max(0.0, double(now - m_last) / 1e6 - m_intervalMs);
            if (m_lateMs.empty() || late > m_worstMs) {
                m_worstMs = late;
                m_worstAtMs = double(now) / 1e6;
            }
            m_lateMs.push_back(late);
            if (late > 50)
                m_stalls.push_back({double(now) / 1e6, late});
            m_last = now;
        });
    }

    void start()
    {
        m_lateMs.clear();
        m_stalls.clear();
        m_worstMs = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const std::vector<double> &lateMs() const { return m_lateMs; }
    /// When the worst stall ended (its late firing came), since start().
    double worstAtMs() const { return m_worstAtMs; }
    /// Each firing more than 50 ms late: when it came (since start()), how late.
    const std::vector<std::pair<double, double>> &stalls() const { return m_stalls; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_intervalMs;
    double m_worstMs = 0;
    double m_worstAtMs = 0;
    std::vector<double> m_lateMs;
    std::vector<std::pair<double, double>> m_stalls;
};

struct StreamRun
{
    QString error;
    std::vector<double> lateMs; // each probe firing, how late
    std::vector<std::pair<double, double>> stalls; // over 50 ms: when (since the send), how long
    double worstAtMs = 0;       // when the worst stall ended, since the send
    qsizetype events = 0;       // on the task's timeline
    qsizetype chunks = 0;       // of them, artifact chunks
    qsizetype pushed = 0;       // of them, delivered by push notification
    qsizetype streamed = 0;     // of them, read from the stream
    qint64 streamSpanMs = 0;    // from the first to the last streamed event (their wall times)
    double firstAnswerMs = -1;  // the send to the task's first event
    double endMs = 0;           // the send to the terminal state
    double totalMs = 0;         // until no event came for 500 ms
    QString finalState;
    int trafficEntries = 0;
    qint64 rssBeforeKiB = 0;
    qint64 rssAfterKiB = 0;
};

/// One streamed task into the real main window: `script` (a test peer) is
/// added as an agent, chosen, and sent `text` from the conversation view;
/// the probe runs from the send until the task ended and no event came for
/// 500 ms (an agent that pushes goes on delivering after the stream ends).
StreamRun runStream(const QString &script, const QStringList &arguments, const QString &text, bool tasksTab, int timeoutMs)
{
    StreamRun run;
    test::PeerProcess peer;
    if (!peer.start(script, arguments)) {
        run.error = peer.errorString();
        return run;
    }

    // The composition root of app/gui/main.cpp, without a file to save to.
    workspace::Workspace workspace;
    traffic::TrafficLog traffic(qsizetype(256) * 1024 * 1024, Clock::system());
    workspace::ConnectionStates states(&workspace, &traffic);
    workspace::AgentSessions sessions(&workspace, &states, &traffic);
    ui::MainWindow window({&workspace, &states, nullptr, &traffic, &sessions});
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        run.error = QStringLiteral("the window was not shown");
        return run;
    }

    workspace::Connection agent;
    agent.kind = workspace::Connection::Kind::Agent;
    agent.name = QStringLiteral("Streaming agent");
    agent.url = peer.url();
    const QString id = workspace.add(agent);
    if (!QTest::qWaitFor([&] { return states.status(id).state == workspace::ConnectionStates::State::Connected; }, 20000)) {
        run.error = QStringLiteral("the agent's card was not read: %1").arg(states.status(id).reason);
        return run;
    }
    window.sidebar()->select(id);
    if (!QTest::qWaitFor([&] { return window.conversationView()->conversation() != nullptr; }, 10000)) {
        run.error = QStringLiteral("no conversation was made for the agent");
        return run;
    }
    a2a::Conversation *conversation = window.conversationView()->conversation();
    // Each agent tab is shown once, so that its views are laid out and live;
    // the traffic dock is on show throughout.
    window.agentTabs()->setCurrentWidget(window.tasksView());
    QTest::qWait(200);
    window.agentTabs()->setCurrentWidget(tasksTab ? static_cast<QWidget *>(window.tasksView()) : window.conversationView());
    QTest::qWait(200);
    run.rssBeforeKiB = test::residentKiB();

    // A plain event loop, not QTest::qWait: that sleeps between turns,
    // which the probe would count as stalls.
    QEventLoop loop;
    QTimer settle;
    settle.setSingleShot(true);
    settle.setInterval(500);
    QObject::connect(&settle, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer sinceSend;
    QPointer<a2a::TaskTracker> tracker;
    const auto ended = [&] {
        if (run.endMs == 0) {
            run.endMs = msSince(sinceSend);
            settle.start();
        }
    };
    QObject::connect(conversation, &a2a::Conversation::taskAdded, &loop, [&](a2a::TaskTracker *added) {
        if (tracker)
            return;
        tracker = added;
        run.firstAnswerMs = msSince(sinceSend);
        QObject::connect(added, &a2a::TaskTracker::stateChanged, &loop, [&](a2a::TaskState state) {
            if (a2a::isTerminal(state))
                ended();
        });
        QObject::connect(added, &a2a::TaskTracker::eventAdded, &loop, [&] {
            if (settle.isActive())
                settle.start();
        });
    });
    QObject::connect(conversation, &a2a::Conversation::entryAdded, &loop, [&](int index) {
        const a2a::ConversationEntry &entry = conversation->entries().at(index);
        if (entry.kind == a2a::ConversationEntry::Kind::Notice) {
            run.error = entry.text;
            ended();
        }
    });

    StallProbe probe(5);
    deadline.start(timeoutMs);
    probe.start();
    sinceSend.start();
    window.conversationView()->setComposerText(text);
    if (!window.conversationView()->send()) {
        run.error = QStringLiteral("the conversation view did not send");
        return run;
    }
    loop.exec();
    run.totalMs = msSince(sinceSend);
    probe.stop();
    run.lateMs = probe.lateMs();
    run.worstAtMs = probe.worstAtMs();
    run.stalls = probe.stalls();
    if (run.endMs == 0 && run.error.isEmpty())
        run.error = QStringLiteral("the task did not end within %1 s").arg(timeoutMs / 1000);
    if (tracker) {
        const QList<a2a::TaskEvent> &events = tracker->events();
        run.events = events.size();
        qint64 first = -1;
        qint64 last = -1;
        for (const a2a::TaskEvent &e : events) {
            run.chunks += e.kind == a2a::TaskEvent::Kind::Artifact ? 1 : 0;
            run.pushed += e.source == a2a::EventSource::Push ? 1 : 0;
            if (e.source == a2a::EventSource::Stream) {
                ++run.streamed;
                first = first < 0 ? e.wallMs : first;
                last = e.wallMs;
            }
        }
        run.streamSpanMs = last - first;
        run.finalState = ui::TaskTimeline::stateLabel(tracker->state());
    }
    run.trafficEntries = traffic.size();
    run.rssAfterKiB = test::residentKiB();
    return run;
}

void printStream(const QString &label, const QString &load, const StreamRun &run)
{
    out() << QStringLiteral("%1  %2").arg(label, load) << Qt::endl;
    if (!run.error.isEmpty())
        out() << QStringLiteral("  error       %1").arg(run.error) << Qt::endl;
    if (run.lateMs.empty())
        return;
    const std::vector<double> &late = run.lateMs;
    const double worst = *std::max_element(late.begin(), late.end());
    const auto over = std::count_if(late.begin(), late.end(), [](double ms) { return ms > 50; });
    const double rate = run.streamSpanMs > 0 ? double(run.streamed - 1) * 1000.0 / double(run.streamSpanMs) : 0;
    out() << QStringLiteral("  received    %1 events by stream in %2 s = %3 events/s  (the task's timeline, first to last streamed event)")
                 .arg(run.streamed).arg(double(run.streamSpanMs) / 1000.0, 0, 'f', 2).arg(rate, 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("              %1 events on the timeline in all: %2 artifact chunks; %3 by push notification")
                 .arg(run.events).arg(run.chunks).arg(run.pushed)
          << Qt::endl;
    out() << QStringLiteral("  gui stall   max %1 ms (%2 s after the send)  p99 %3 ms  p95 %4 ms  gaps > 50 ms: %5 of %6 probes  (target: never > 50 ms) %7")
                 .arg(worst, 0, 'f', 1).arg(run.worstAtMs / 1000.0, 0, 'f', 2)
                 .arg(percentile(late, 0.99), 0, 'f', 1).arg(percentile(late, 0.95), 0, 'f', 1)
                 .arg(over).arg(late.size())
                 .arg(worst <= 50 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
          << Qt::endl;
    out() << QStringLiteral("  time        %1 s from the send to %2 (first answer after %3 ms), %4 s until no event for 500 ms; %5 traffic entries; RSS %6 -> %7 MB")
                 .arg(run.endMs / 1000.0, 0, 'f', 2).arg(run.finalState).arg(run.firstAnswerMs, 0, 'f', 0)
                 .arg(run.totalMs / 1000.0, 0, 'f', 2).arg(run.trafficEntries)
                 .arg(megabytes(run.rssBeforeKiB), 0, 'f', 0).arg(megabytes(run.rssAfterKiB), 0, 'f', 0)
          << Qt::endl;
    if (!run.stalls.empty()) {
        QStringList stalls;
        for (const auto &[at, late] : run.stalls)
            stalls << QStringLiteral("%1 ms at %2 s").arg(late, 0, 'f', 0).arg(at / 1000.0, 0, 'f', 2);
        out() << QStringLiteral("  stalls      %1").arg(stalls.join(QStringLiteral(", "))) << Qt::endl;
    }
}

int benchStream(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The main window while an agent streams: how long the GUI thread stalls."));
    parser.addHelpOption();
    QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Events per second of the paced run."), QStringLiteral("n"), QStringLiteral("5000"));
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Seconds of the paced run."), QStringLiteral("s"), QStringLiteral("10"));
    QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Chunks of the unpaced run (test-agent's big N, at most 100000; default rate x seconds)."),
                                    QStringLiteral("n"));
    QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Only the paced or only the big (unpaced) run."), QStringLiteral("run"));
    QCommandLineOption tabOption(QStringLiteral("tab"), QStringLiteral("The agent tab on show: conversation or tasks (the timeline)."),
                                 QStringLiteral("tab"), QStringLiteral("conversation"));
    parser.addOptions({rateOption, secondsOption, eventsOption, onlyOption, tabOption});
    parser.addPositionalArgument(QStringLiteral("stream"), QStringLiteral("The mode."));
    parser.process(app);
    const int rate = std::max(1, parser.value(rateOption).toInt());
    const double seconds = std::max(0.1, parser.value(secondsOption).toDouble());
    const int events = std::clamp(parser.isSet(eventsOption) ? parser.value(eventsOption).toInt() : int(rate * seconds), 1, 100000);
    const QString only = parser.value(onlyOption);
    const bool tasksTab = parser.value(tabOption) == QLatin1String("tasks");
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty()) {
        out() << "stream: " << reason << Qt::endl;
        return 1;
    }
    // Settings of this run only: no window geometry or tab from elsewhere.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());

    out() << QStringLiteral("stream: main window 1400x900, %1 tab on show, traffic dock open; a probe timer every 5 ms on the GUI thread; platform %2")
                 .arg(tasksTab ? QStringLiteral("tasks (list and timeline)") : QStringLiteral("conversation"), QGuiApplication::platformName())
          << Qt::endl;
    int failed = 0;
    if (only.isEmpty() || only == QLatin1String("paced")) {
        const StreamRun run = runStream(QStringLiteral("a2a/paced-agent.mjs"),
                                        {QStringLiteral("--rate"), QString::number(rate), QStringLiteral("--seconds"), QString::number(seconds)},
                                        QStringLiteral("paced"), tasksTab, int(seconds * 4000) + 60000);
        printStream(QStringLiteral("stream.paced"),
                    QStringLiteral("paced-agent.mjs: %1 chunks at %2 events/s for %3 s").arg(qint64(std::llround(rate * seconds))).arg(rate).arg(seconds),
                    run);
        failed += run.error.isEmpty() ? 0 : 1;
    }
    if (only.isEmpty() || only == QLatin1String("big")) {
        const StreamRun run = runStream(QStringLiteral("a2a/test-agent.mjs"), {}, QStringLiteral("big %1").arg(events), tasksTab, 600000);
        printStream(QStringLiteral("stream.big"),
                    QStringLiteral("test-agent.mjs \"big %1\": %1 chunks of 480 bytes as fast as the reader takes them").arg(events), run);
        failed += run.error.isEmpty() ? 0 : 1;
    }
    return failed == 0 ? 0 : 1;
}

// ------------------------------------------------------------------ traffic

/// Records realistic traffic into a log through its public API, as the
/// transports do: A2A JSON-RPC calls over HTTP (request, response, now and
/// then a JSON-RPC error or an HTTP 500), A2A streams (the POST, its 200 and
/// 4 to 12 SSE events), MCP tool calls over stdio (with progress
/// notifications, some invalid arguments) and over streamable HTTP. As in
/// the app, a connection's name is one shared string and the names of the
/// headers Crosstalk sends are constants; everything that came from a peer
/// (bodies, response headers) and every start line is made anew.
class TrafficMaker
{
public:
    TrafficMaker(traffic::TrafficLog *log, ManualClock *clock)
        : m_log(log)
        , m_clock(clock)
    {
    }

    /// Records whole exchanges until the log holds `target` messages, and
    /// never more than `limit` (the last exchange may be cut short there).
    void fill(int target, int limit)
    {
        m_limit = limit;
        while (m_log->size() < std::min(target, limit)) {
            const int roll = int(m_random() % 100);
            if (roll < 30)
                a2aCall();
            else if (roll < 50)
                a2aStream();
            else if (roll < 85)
                mcpStdio();
            else
                mcpHttp();
        }
    }

private:
    using Headers = QList<traffic::HttpHeader>;
    static constexpr const char *Topics[] = {
        "refund for order #%d",        "invoice %d is overdue",   "reset the password of account %d",
        "shipping label for parcel %d", "printer on floor %d is jammed", "upgrade plan for customer %d",
    };
    static constexpr const char *A2aAgents[] = {"support-orchestrator", "billing-agent", "refund-policy", "technical-support"};
    static constexpr const char *Tools[] = {"search_orders", "lookup_customer", "read_file", "list_directory", "echo", "get_weather"};

    template<typename... Args>
    static QByteArray format(const char *pattern, Args... args)
    {
        char buffer[1024];
        const int n = std::snprintf(buffer, sizeof buffer, pattern, args...);
        return QByteArray(buffer, std::clamp(n, 0, int(sizeof buffer) - 1));
    }
    QByteArray topic()
    {
        return format(Topics[m_random() % std::size(Topics)], int(1000 + m_random() % 9000));
    }
    /// A header as a peer sent it: name and value parsed anew.
    static traffic::HttpHeader header(const char *name, const QByteArray &value) { return {QByteArray(name), value}; }
    /// A header Crosstalk sends: the name is a constant of the client.
    traffic::HttpHeader ownHeader(const char *name, const QByteArray &value)
    {
        auto it = m_names.find(name);
        if (it == m_names.end())
            it = m_names.emplace(name, QByteArray(name)).first;
        return {it->second, value};
    }
    const QString &connectionName(const char *connection)
    {
        auto it = m_connections.find(connection);
        if (it == m_connections.end())
            it = m_connections.emplace(connection, QString::fromLatin1(connection)).first;
        return it->second;
    }

    quint64 put(const char *connection, traffic::Direction direction, traffic::TransportKind kind, const QString &startLine,
                Headers headers, QByteArray body, std::optional<quint64> linkTo = {})
    {
        if (m_log->size() >= m_limit)
            return 0;
        m_clock->advance(1 + qint64(m_random() % 3));
        traffic::TrafficLog::Record r;
        r.connection = connectionName(connection);
        r.direction = direction;
        r.kind = kind;
        r.startLine = startLine;
        r.headers = std::move(headers);
        r.body = std::move(body);
        r.linkTo = linkTo;
        // What is recorded, before redaction: start line, headers, body.
        m_rawBytes += r.startLine.toUtf8().size() + r.body.size();
        for (const traffic::HttpHeader &h : std::as_const(r.headers))
            m_rawBytes += h.name.size() + h.value.size();
        return m_log->record(std::move(r));
    }

    static QString sseStartLine()
    {
        const QString type = QStringLiteral("message");
        return QStringLiteral("event: ") + type;
    }

    quint64 post(const char *connection, const char *url, Headers headers, QByteArray body)
    {
        return put(connection, traffic::Direction::Outgoing, traffic::TransportKind::HttpRequest,
                   QStringLiteral("POST ") + QLatin1StringView(url), std::move(headers), std::move(body));
    }

    void answer(const char *connection, quint64 request, const char *status, const char *type, QByteArray body)
    {
        Headers h{header("Content-Type", type), header("Date", "Sat, 21 Nov 2026 15:47:51 GMT"), header("Connection", "keep-alive")};
        if (!body.isEmpty())
            h.append(header("Content-Length", QByteArray::number(body.size())));
        put(connection, traffic::Direction::Incoming, traffic::TransportKind::HttpResponse, QString::fromLatin1(status), std::move(h),
            std::move(body), request);
    }

    Headers a2aHeaders(const char *accept)
    {
        return {ownHeader("Content-Type", "application/json"), ownHeader("Accept", accept), ownHeader("A2A-Version", "1.0"),
                ownHeader("Authorization", format("Bearer tok-%08x%08x", unsigned(m_random()), unsigned(m_random()))),
                ownHeader("User-Agent", "Crosstalk/0.1")};
    }

    QByteArray a2aSend(const char *method, int id, int context, const QByteArray &text)
    {
        return format(R"({"jsonrpc":"2.0","id":%d,"method":"%s","params":{"message":{"messageId":"%08x-%04x-4%03x-a%03x-%012x","contextId":"ctx-%06d","role":"ROLE_USER","parts":[{"text":"%s"}]},"configuration":{"acceptedOutputModes":["text/plain","application/json"],"historyLength":5}}})",
                      id, method, unsigned(m_random()), unsigned(m_random() % 0xffff), unsigned(m_random() % 0xfff),
                      unsigned(m_random() % 0xfff), unsigned(m_random()), context, text.constData());
    }

    void a2aCall()
    {
        const char *agent = A2aAgents[1 + m_random() % 3];
        const int id = ++m_id;
        const int context = int(m_random() % 1000000);
        const QByteArray text = topic();
        const quint64 request = post(agent, "http://127.0.0.1:41001/a2a/jsonrpc", a2aHeaders("application/json"), a2aSend("SendMessage", id, context, text));
        const int roll = int(m_random() % 100);
        if (roll < 2) {
            answer(agent, request, "500 Internal Server Error", "text/html",
                   QByteArray("<html><head><title>500</title></head><body><h1>Internal Server Error</h1><p>The agent crashed.</p></body></html>"));
        } else if (roll < 7) {
            answer(agent, request, "200 OK", "application/json",
                   format(R"({"jsonrpc":"2.0","id":%d,"error":{"code":-32001,"message":"Task not found: task-%08x"}})", id, unsigned(m_random())));
        } else {
            answer(agent, request, "200 OK", "application/json",
                   format(R"({"jsonrpc":"2.0","id":%d,"result":{"task":{"id":"task-%08x","contextId":"ctx-%06d","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-21T15:%02d:%02d.%03dZ","message":{"messageId":"m-%08x","role":"ROLE_AGENT","parts":[{"text":"Done: %s"}]}},"artifacts":[{"artifactId":"answer","parts":[{"text":"%s. Checked against the records of the last 90 days."}]}]}}})",
                          id, unsigned(m_random()), context, int(m_random() % 60), int(m_random() % 60), int(m_random() % 1000),
                          unsigned(m_random()), text.constData(), text.constData()));
        }
    }

    void a2aStream()
    {
        const char *agent = A2aAgents[0];
        const int id = ++m_id;
        const int context = int(m_random() % 1000000);
        const unsigned task = unsigned(m_random());
        const QByteArray text = topic();
        const quint64 request = post(agent, "http://127.0.0.1:41000/a2a/jsonrpc", a2aHeaders("text/event-stream"),
                                     a2aSend("SendStreamingMessage", id, context, text));
        answer(agent, request, "200 OK", "text/event-stream", {});
        const int chunks = 4 + int(m_random() % 9);
        for (int i = 0; i < chunks; ++i) {
            put(agent, traffic::Direction::Incoming, traffic::TransportKind::SseEvent, sseStartLine(), {},
                format(R"({"jsonrpc":"2.0","id":%d,"result":{"artifactUpdate":{"taskId":"task-%08x","contextId":"ctx-%06d","append":%s,"lastChunk":%s,"artifact":{"artifactId":"answer","parts":[{"text":"%s, part %d of the answer, streamed as it is written."}]}}}})",
                       id, task, context, i > 0 ? "true" : "false", i == chunks - 1 ? "true" : "false", text.constData(), i + 1));
        }
        put(agent, traffic::Direction::Incoming, traffic::TransportKind::SseEvent, sseStartLine(), {},
            format(R"({"jsonrpc":"2.0","id":%d,"result":{"statusUpdate":{"taskId":"task-%08x","contextId":"ctx-%06d","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-21T15:47:51.000Z"}}}})",
                   id, task, context));
    }

    QByteArray toolCall(int id, const char *tool, const QByteArray &text, int token)
    {
        return format(R"({"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"%s","arguments":{"query":"%s","limit":%d},"_meta":{"progressToken":"p-%d"}}})",
                      id, tool, text.constData(), int(5 + m_random() % 60), token);
    }

    QByteArray toolAnswer(int id, const char *tool, const QByteArray &text)
    {
        if (m_random() % 100 < 3)
            return format(R"({"jsonrpc":"2.0","id":%d,"error":{"code":-32602,"message":"Invalid arguments for tool %s: limit must be at most 50"}})", id, tool);
        return format(R"({"jsonrpc":"2.0","id":%d,"result":{"content":[{"type":"text","text":"%s: 3 matches in the index, the best one first, each with its source and date."}],"isError":false}})",
                      id, text.constData());
    }

    void mcpStdio()
    {
        const char *server = m_random() % 2 ? "mcp-everything" : "mcp-filesystem";
        const int id = ++m_id;
        const char *tool = Tools[m_random() % std::size(Tools)];
        const QByteArray text = topic();
        put(server, traffic::Direction::Outgoing, traffic::TransportKind::StdioLine, QStringLiteral("stdin"), {}, toolCall(id, tool, text, id));
        const int progress = int(m_random() % 3);
        for (int i = 0; i < progress; ++i) {
            put(server, traffic::Direction::Incoming, traffic::TransportKind::StdioLine, QStringLiteral("stdout"), {},
                format(R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"p-%d","progress":%d,"total":10,"message":"Searching for %s"}})",
                       id, (i + 1) * 3, text.constData()));
        }
        put(server, traffic::Direction::Incoming, traffic::TransportKind::StdioLine, QStringLiteral("stdout"), {}, toolAnswer(id, tool, text));
    }

    void mcpHttp()
    {
        const char *server = "mcp-search";
        const int id = ++m_id;
        const char *tool = Tools[m_random() % 2];
        const QByteArray text = topic();
        const quint64 request = post(server, "http://127.0.0.1:41010/mcp",
                                     {ownHeader("Content-Type", "application/json"), ownHeader("Accept", "application/json, text/event-stream"),
                                      ownHeader("Mcp-Session-Id", format("%08x-%04x-%04x", unsigned(m_random()), 0x4a1f, 0x9c3e)),
                                      ownHeader("Mcp-Protocol-Version", "2025-06-18")},
                                     toolCall(id, tool, text, id));
        answer(server, request, "200 OK", "application/json", toolAnswer(id, tool, text));
    }

public:
    /// The bytes handed to the log so far.
    qint64 rawBytes() const { return m_rawBytes; }

private:
    traffic::TrafficLog *m_log;
    ManualClock *m_clock;
    qint64 m_rawBytes = 0;
    std::map<std::string_view, QByteArray> m_names;
    std::map<std::string_view, QString> m_connections;
    std::mt19937 m_random {20240601};
    int m_id = 0;
    int m_limit = 0;
};

/// Runs the event loop until `widget` has been painted; false after 10 s.
bool waitForPaint(QWidget *widget)
{
    class PaintWatcher : public QObject
    {
    public:
        explicit PaintWatcher(QEventLoop *loop)
            : m_loop(loop)
        {
        }

    protected:
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                painted = true;
                // Once this paint is over.
                QMetaObject::invokeMethod(m_loop, &QEventLoop::quit, Qt::QueuedConnection);
            }
            return false;
        }

    public:
        bool painted = false;

    private:
        QEventLoop *m_loop;
    };
    QEventLoop loop;
    PaintWatcher watcher(&loop);
    widget->installEventFilter(&watcher);
    widget->update();
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    widget->removeEventFilter(&watcher);
    return watcher.painted;
}

int benchTraffic(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The traffic inspector over recorded messages: memory, filters, scrolling."));
    parser.addHelpOption();
    QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages recorded."), QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Frames of each scroll."), QStringLiteral("n"), QStringLiteral("300"));
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds of the filters."), QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({messagesOption, framesOption, roundsOption});
    parser.addPositionalArgument(QStringLiteral("traffic"), QStringLiteral("The mode."));
    parser.process(app);
    const int messages = std::max(1, parser.value(messagesOption).toInt());
    const int frames = std::max(2, parser.value(framesOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    // As in the app, the inspector is made over the empty log and shown; the
    // log is then fed from the event loop, 2,000 messages a turn, through
    // TrafficLog::record as the transports record (redaction, JSON-RPC
    // summary and linking included), with a budget that keeps them all. The
    // model takes each turn's messages in one batch.
    ManualClock clock;
    traffic::TrafficLog log(qsizetype(16) * 1024 * 1024 * 1024, &clock);
    ui::TrafficInspector inspector(&log);
    inspector.resize(1400, 900);
    inspector.show();
    if (!QTest::qWaitForWindowExposed(&inspector) || !waitForPaint(inspector.view()->viewport())) {
        out() << "traffic: the inspector was not shown" << Qt::endl;
        return 1;
    }
    const qint64 rssStart = test::residentKiB();
    TrafficMaker maker(&log, &clock);
    QEventLoop loop;
    QTimer feeder;
    feeder.setInterval(0);
    QObject::connect(&feeder, &QTimer::timeout, &loop, [&] {
        maker.fill(log.size() + 2000, messages);
        if (log.size() >= messages) {
            feeder.stop();
            loop.quit();
        }
    });
    QElapsedTimer fillTimer;
    fillTimer.start();
    feeder.start();
    loop.exec();
    waitForPaint(inspector.view()->viewport()); // the last batch shown
    const double fillMs = msSince(fillTimer);
    const qint64 rssFilled = test::residentKiB();
    const qint64 raw = maker.rawBytes();
    qint64 bodies = 0;
    int errors = 0;
    for (int i = 0; i < log.size(); ++i) {
        const traffic::TrafficEntry &e = log.at(i);
        bodies += e.originalBodySize;
        errors += traffic::TrafficFilter::isError(e) ? 1 : 0;
    }
    out() << QStringLiteral("traffic: %1 messages of 7 connections (A2A over HTTP with SSE streams, MCP over stdio and HTTP), %2 errors; "
                            "inspector 1400x900; platform %3")
                 .arg(log.size()).arg(errors).arg(QGuiApplication::platformName())
          << Qt::endl;
    out() << QStringLiteral("traffic.fill     %1 s  (%2 messages/s recorded and listed, 2,000 a turn of the event loop, the table on show)")
                 .arg(fillMs / 1000.0, 0, 'f', 2).arg(double(log.size()) * 1000.0 / fillMs, 0, 'f', 0)
          << Qt::endl;
    const double grownMb = megabytes(rssFilled - rssStart);
    const double rawMb = double(raw) / 1048576.0;
    const double ratio = grownMb / rawMb;
    out() << QStringLiteral("traffic.memory   %1 MB recorded raw, as handed to the log (bodies %2 MB, the rest headers and start lines); the log charges %3 MB to its budget")
                 .arg(rawMb, 0, 'f', 0).arg(double(bodies) / 1048576.0, 0, 'f', 0).arg(double(log.totalBytes()) / 1048576.0, 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("                 RSS %1 MB shown empty -> %2 MB filled: +%3 MB = %4x raw, %5 bytes a message  (target < 2x) %6")
                 .arg(megabytes(rssStart), 0, 'f', 0).arg(megabytes(rssFilled), 0, 'f', 0).arg(grownMb, 0, 'f', 0).arg(ratio, 0, 'f', 2)
                 .arg(double(rssFilled - rssStart) * 1024.0 / double(log.size()), 0, 'f', 0)
                 .arg(ratio < 2 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
          << Qt::endl;
    out() << QStringLiteral("                 (raw %1 bytes a message; a TrafficEntry is %2 bytes before what it points to)")
                 .arg(double(raw) / double(log.size()), 0, 'f', 0).arg(sizeof(traffic::TrafficEntry))
          << Qt::endl;

    // Filters, each from a cleared bar, applied the way a person applies
    // them: Return in the filter edit (instead of waiting for the 250 ms
    // debounce), the connection chooser, the "errors only" box. Applied:
    // the model's rows are final (its last slice is done); shown: the table
    // has been painted with them.
    auto *edit = inspector.findChild<QLineEdit *>(QStringLiteral("trafficFilterEdit"));
    auto *connections = inspector.findChild<QComboBox *>(QStringLiteral("trafficConnectionBox"));
    auto *errorsOnly = inspector.findChild<QCheckBox *>(QStringLiteral("trafficErrorsOnlyBox"));
    if (!edit || !connections || !errorsOnly) {
        out() << "traffic: the filter bar has changed; this benchmark needs updating" << Qt::endl;
        return 1;
    }
    const auto clearBar = [&] {
        const QSignalBlocker a(edit), b(connections), c(errorsOnly);
        edit->clear();
        connections->setCurrentIndex(0);
        errorsOnly->setChecked(false);
    };
    const auto typed = [&](const QString &text) {
        return [&, text] {
            edit->setText(text);
            QTest::keyClick(edit, Qt::Key_Return);
        };
    };
    struct Step
    {
        QString label;
        std::function<void()> apply;
        std::vector<double> appliedMs;
        std::vector<double> shownMs;
        int rows = 0;
    };
    std::vector<Step> steps;
    steps.push_back({QStringLiteral("method:tools/call"), typed(QStringLiteral("method:tools/call")), {}, {}, 0});
    steps.push_back({QStringLiteral("connection mcp-everything"),
                     [&] { connections->setCurrentIndex(connections->findData(QStringLiteral("mcp-everything"))); }, {}, {}, 0});
    steps.push_back({QStringLiteral("errors only"), [&] { errorsOnly->setChecked(true); }, {}, {}, 0});
    steps.push_back({QStringLiteral("word: refund"), typed(QStringLiteral("refund")), {}, {}, 0});
    steps.push_back({QStringLiteral("regex /order #4[0-9]{3}/"), typed(QStringLiteral("/order #4[0-9]{3}/")), {}, {}, 0});
    steps.push_back({QStringLiteral("word not ASCII: über"), typed(QStringLiteral("über")), {}, {}, 0});
    steps.push_back({QStringLiteral("word matching nothing: zebra"), typed(QStringLiteral("zebra")), {}, {}, 0});
    steps.push_back({QStringLiteral("status:5xx"), typed(QStringLiteral("status:5xx")), {}, {}, 0});
    steps.push_back({QStringLiteral("cleared (all rows)"), typed(QString()), {}, {}, 0});
    for (int round = 0; round < rounds; ++round) {
        for (Step &step : steps) {
            clearBar();
            QElapsedTimer timer;
            timer.start();
            step.apply();
            // The filter runs in slices between turns of the event loop.
            if (inspector.model()->isFiltering()) {
                QEventLoop wait;
                QObject::connect(inspector.model(), &ui::TrafficModel::filteringFinished, &wait, &QEventLoop::quit);
                QTimer::singleShot(60000, &wait, &QEventLoop::quit);
                wait.exec();
            }
            step.appliedMs.push_back(msSince(timer));
            waitForPaint(inspector.view()->viewport());
            step.shownMs.push_back(msSince(timer));
            step.rows = inspector.model()->rowCount();
        }
    }
    // The filter alone over every message, on one thread: what the model's
    // slices spend, apart from the table.
    for (const QString &text : {QStringLiteral("status:5xx"), QStringLiteral("refund"), QStringLiteral("/order #4[0-9]{3}/"),
                                QStringLiteral("über")}) {
        const traffic::TrafficFilter filter = traffic::TrafficFilter::parse(text);
        QElapsedTimer timer;
        timer.start();
        std::vector<const traffic::TrafficEntry *> entries(size_t(log.size()));
        for (int i = 0; i < log.size(); ++i)
            entries[size_t(i)] = &log.at(i);
        std::vector<char> keep(entries.size());
        filter.matchAll(entries.data(), qsizetype(entries.size()), keep.data());
        const auto matched = std::count(keep.begin(), keep.end(), 1);
        const double ms = msSince(timer);
        out() << QStringLiteral("traffic.match    %1 ms, %2 ns a message, one thread, no table: %3 (%4 matched)")
                     .arg(ms, 6, 'f', 0).arg(ms * 1e6 / double(log.size()), 0, 'f', 0).arg(text).arg(matched)
              << Qt::endl;
    }
    for (const Step &step : steps) {
        const double best = *std::min_element(step.shownMs.begin(), step.shownMs.end());
        const double worst = *std::max_element(step.shownMs.begin(), step.shownMs.end());
        out() << QStringLiteral("traffic.filter   %1 ms applied, %2 ms shown (best of %3; worst shown %4 ms)  %5 rows  %6  (target < 200 ms) %7")
                     .arg(*std::min_element(step.appliedMs.begin(), step.appliedMs.end()), 6, 'f', 0)
                     .arg(best, 6, 'f', 0).arg(rounds).arg(worst, 0, 'f', 0).arg(step.rows, 7).arg(step.label)
                     .arg(worst < 200 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
              << Qt::endl;
    }

    // Scrolling over every row: a page at a time from the top, then jumps
    // to anywhere (the scroll bar dragged), each frame painted at once.
    QTableView *view = inspector.view();
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(0);
    view->viewport()->repaint();
    const auto scroll = [&](const std::function<void(int)> &move) {
        FrameStats stats;
        for (int i = 0; i < frames; ++i) {
            QElapsedTimer timer;
            timer.start();
            move(i);
            view->viewport()->repaint();
            stats.ms.push_back(msSince(timer));
        }
        return stats;
    };
    const FrameStats pages = scroll([&](int) { bar->triggerAction(QAbstractSlider::SliderPageStepAdd); });
    std::mt19937 random(7);
    const FrameStats jumps = scroll([&](int) { bar->setValue(int(random() % quint32(bar->maximum() + 1))); });
    const auto report = [&](const QString &label, const FrameStats &stats) {
        const double worst = *std::max_element(stats.ms.begin(), stats.ms.end());
        out() << QStringLiteral("traffic.scroll   %1 frames/s  (mean %2 ms, p95 %3 ms, worst %4 ms; %5 frames %6; target >= 30 frames/s) %7")
                     .arg(stats.fps(), 0, 'f', 0).arg(stats.total() / double(stats.ms.size()), 0, 'f', 2)
                     .arg(percentile(stats.ms, 0.95), 0, 'f', 2).arg(worst, 0, 'f', 2).arg(stats.ms.size()).arg(label)
                     .arg(stats.fps() >= 30 ? QStringLiteral("ok") : QStringLiteral("BELOW TARGET"))
              << Qt::endl;
    };
    report(QStringLiteral("a page at a time from the top"), pages);
    report(QStringLiteral("jumping anywhere in %1 rows").arg(inspector.model()->rowCount()), jumps);
    return 0;
}

// ------------------------------------------------------------------ startup

struct Launch
{
    QString error;
    double paintedMs = -1;     // from QProcess::start() to the "painted" line
    double paintedMainMs = -1; // as the process says, since main() began
    qint64 idleKiB = 0;
};

/// Launches crosstalk once with the startup probe on and reads its lines.
Launch launchCrosstalk(const QString &program, const QString &workspaceFile, const QString &configDir)
{
    Launch launch;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CROSSTALK_STARTUP_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer timer;
    timer.start();
    process.start(program, {QStringLiteral("--workspace"), workspaceFile});
    QByteArray pending;
    while (launch.idleKiB == 0 && process.waitForReadyRead(30000)) {
        pending += process.readAllStandardError();
        const double arrivedMs = msSince(timer);
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline).trimmed();
            pending.remove(0, newline + 1);
            const QList<QByteArray> words = line.split(' ');
            if (words.value(0) != "CROSSTALK_STARTUP")
                continue;
            if (words.value(1) == "painted") {
                launch.paintedMs = arrivedMs;
                launch.paintedMainMs = words.value(2).toDouble();
            } else if (words.value(1) == "idle-rss-kb") {
                launch.idleKiB = words.value(2).toLongLong();
            }
        }
    }
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(3000);
    }
    if (launch.paintedMs < 0 || launch.idleKiB == 0)
        launch.error = QStringLiteral("no startup figures (exit %1): %2").arg(process.exitCode()).arg(QString::fromUtf8(pending.right(500)));
    return launch;
}

/// Launches crosstalk `runs` times with its own settings each time and a
/// copy of `workspace` (null: empty), and prints the figures.
bool startupRuns(const QString &label, const QString &program, const QByteArray &workspace, int runs)
{
    std::vector<double> painted;
    std::vector<double> mainPainted;
    std::vector<double> idleMb;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("workspace.json"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(workspace) != workspace.size()) {
            out() << "startup: cannot write " << file << Qt::endl;
            return false;
        }
        f.close();
        const Launch launch = launchCrosstalk(program, file, dir.filePath(QStringLiteral("config")));
        if (!launch.error.isEmpty()) {
            out() << QStringLiteral("startup.%1 run %2: %3").arg(label).arg(run + 1).arg(launch.error) << Qt::endl;
            return false;
        }
        out() << QStringLiteral("startup.%1 run %2   painted %3 ms after launch (%4 ms after main() began)  idle RSS %5 MB")
                     .arg(label).arg(run + 1).arg(launch.paintedMs, 0, 'f', 0).arg(launch.paintedMainMs, 0, 'f', 0)
                     .arg(megabytes(launch.idleKiB), 0, 'f', 1)
              << Qt::endl;
        painted.push_back(launch.paintedMs);
        mainPainted.push_back(launch.paintedMainMs);
        idleMb.push_back(megabytes(launch.idleKiB));
    }
    const double worst = *std::max_element(painted.begin(), painted.end());
    const double worstMb = *std::max_element(idleMb.begin(), idleMb.end());
    out() << QStringLiteral("startup.%1 painted  median %2 ms, worst %3 ms after launch (after main() began: median %4, worst %5 ms)  (target < 400 ms) %6")
                 .arg(label).arg(percentile(painted, 0.5), 0, 'f', 0).arg(worst, 0, 'f', 0)
                 .arg(percentile(mainPainted, 0.5), 0, 'f', 0).arg(*std::max_element(mainPainted.begin(), mainPainted.end()), 0, 'f', 0)
                 .arg(worst < 400 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
          << Qt::endl;
    out() << QStringLiteral("startup.%1 idle     RSS median %2 MB, worst %3 MB, 2 s after the first paint  (target < 80 MB) %4")
                 .arg(label).arg(percentile(idleMb, 0.5), 0, 'f', 1).arg(worstMb, 0, 'f', 1)
                 .arg(worstMb < 80 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
          << Qt::endl;
    return true;
}

int benchStartup(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The crosstalk executable: time to the first painted window, idle memory."));
    parser.addHelpOption();
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Launches per workspace."), QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Also with a workspace of the four demo agents (needs the npm test peers)."));
    parser.addOptions({runsOption, demoOption});
    parser.addPositionalArgument(QStringLiteral("startup"), QStringLiteral("The mode."));
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString program = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/crosstalk"));
    if (!QFile::exists(program)) {
        out() << "startup: no crosstalk executable at " << program << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("startup: %1, %2 launches each with its own settings (XDG_CONFIG_HOME) and CROSSTALK_STARTUP_PROBE=1; "
                            "\"painted\" is when its line reaches this process")
                 .arg(program).arg(runs)
          << Qt::endl;
    if (!startupRuns(QStringLiteral("empty"), program, workspace::workspace_file::serialize({}), runs))
        return 1;
    if (!parser.isSet(demoOption))
        return 0;

    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty()) {
        out() << "startup: " << reason << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("demo.json"));
    QProcess network;
    network.setWorkingDirectory(test::peersDir());
    network.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    network.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    network.start(test::nodeProgram(), {QStringLiteral("--require"), QStringLiteral("./loopback.cjs"), QStringLiteral("demo/network.mjs"),
                                        QStringLiteral("--workspace"), file, QStringLiteral("--exit-with-stdin")});
    QByteArray ready;
    const bool up = network.waitForStarted(10000)
        && QTest::qWaitFor([&] { return (ready += network.readAllStandardOutput()).contains("CROSSTALK_DEMO_READY"); }, 30000);
    QFile f(file);
    bool ok = up && f.open(QIODevice::ReadOnly);
    if (ok)
        ok = startupRuns(QStringLiteral("demo"), program, f.readAll(), runs);
    else
        out() << "startup: the demo network did not start" << Qt::endl;
    network.closeWriteChannel(); // --exit-with-stdin
    network.terminate();
    if (!network.waitForFinished(10000))
        network.kill();
    return ok ? 0 : 1;
}


// ------------------------------------------------------------------ form

/// A tool's input schema of `count` properties of every kind a form has:
/// text (plain, long, date, email, uuid), integers and numbers with bounds,
/// booleans, choices with titles, arrays of objects, nested objects; each
/// with a title and a description, a third of them required.
schema::OrderedJson wideSchema(int count)
{
    using schema::OrderedJson;
    OrderedJson properties = OrderedJson::object();
    OrderedJson required = OrderedJson::array();
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        OrderedJson p;
        switch (i % 10) {
        case 0: p = {{"type", "string"}}; break;
        case 1: p = {{"type", "integer"}, {"minimum", 0}, {"maximum", 1000}}; break;
        case 2: p = {{"type", "number"}, {"multipleOf", 0.5}}; break;
        case 3: p = {{"type", "boolean"}, {"default", i % 20 == 3}}; break;
        case 4: p = {{"oneOf", {{{"const", "low"}, {"title", "Low"}}, {{"const", "high"}, {"title", "High"}}}}}; break;
        case 5: p = {{"type", "string"}, {"format", i % 20 == 5 ? "date" : "email"}}; break;
        case 6: p = {{"type", "string"}, {"maxLength", 2000}}; break;
        case 7: p = {{"type", "string"}, {"enum", {"a", "b", "c"}}, {"default", "b"}}; break;
        case 8:
            p = {{"type", "array"},
                 {"items", {{"type", "object"}, {"properties", {{"x", {{"type", "number"}}}, {"when", {{"type", "string"}, {"format", "date-time"}}}}}}}};
            break;
        case 9:
            p = {{"type", "object"},
                 {"properties", {{"street", {{"type", "string"}}}, {"zip", {{"type", "string"}, {"pattern", "^[0-9]{5}$"}}}}},
                 {"required", {"street"}}};
            break;
        }
        p["title"] = "Field " + n;
        p["description"] = "What field " + n + " is for, in a sentence that a person reads before filling it in.";
        properties["field" + n] = p;
        if (i % 3 == 0)
            required.push_back("field" + n);
    }
    return {{"type", "object"}, {"properties", properties}, {"required", required}};
}

/// An object nested `levels` deep, a text beside each level.
schema::OrderedJson deepSchema(int levels)
{
    using schema::OrderedJson;
    OrderedJson deep = {{"type", "string"}};
    for (int level = 0; level < levels; ++level)
        deep = OrderedJson{{"type", "object"},
                           {"properties", OrderedJson{{"level" + std::to_string(level), deep}, {"note", OrderedJson{{"type", "string"}}}}}};
    return deep;
}

struct FormRun
{
    double compileMs = 0; // compileForm alone
    double buildMs = 0;   // setSchema: compiled, widgets made, first check
    double paintedMs = 0; // setSchema to the first paint of the form
    double checkMs = 0;   // one edit checked (value, every field's checks, the schema)
    int widgets = 0;
};

FormRun runForm(ui::SchemaForm &form, const schema::OrderedJson &schemaValue, const char *editedKey)
{
    FormRun run;
    QElapsedTimer compile;
    compile.start();
    const schema::FormNode node = schema::compileForm(schemaValue);
    run.compileMs = msSince(compile);

    // The form goes back to a small schema first, so that each round builds
    // all of it anew.
    form.setSchema(schema::OrderedJson{{"type", "object"}});
    waitForPaint(form.findChild<QScrollArea *>(QStringLiteral("formScroll"))->widget());
    QElapsedTimer timer;
    timer.start();
    form.setSchema(schemaValue);
    run.buildMs = msSince(timer);
    // The form's fields are painted on the scroll area's widget, which
    // covers its viewport.
    auto *scroll = form.findChild<QScrollArea *>(QStringLiteral("formScroll"));
    waitForPaint(scroll && scroll->widget() ? scroll->widget() : static_cast<QWidget *>(&form));
    run.paintedMs = msSince(timer);
    run.widgets = int(form.findChildren<QWidget *>().size());

    // An edit as a person makes it, checked as the form checks it.
    QElapsedTimer check;
    check.start();
    schema::OrderedJson value = form.value();
    value[editedKey] = "edited";
    form.setValue(value);
    (void)form.isValid();
    run.checkMs = msSince(check);
    return run;
}

int benchForm(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The schema form: a wide and a deep schema built, painted and checked."));
    parser.addHelpOption();
    QCommandLineOption propertiesOption(QStringLiteral("properties"), QStringLiteral("Properties of the wide schema."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    QCommandLineOption levelsOption(QStringLiteral("levels"), QStringLiteral("Levels of the deep schema."), QStringLiteral("n"),
                                    QStringLiteral("50"));
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds per schema (best and worst are shown)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption grabOption(QStringLiteral("grab"), QStringLiteral("Save the wide form as <file>-wide.png and the deep one, opened, as <file>-deep.png."),
                                  QStringLiteral("file"));
    parser.addOptions({propertiesOption, levelsOption, roundsOption, grabOption});
    parser.addPositionalArgument(QStringLiteral("form"), QStringLiteral("The mode."));
    parser.process(app);
    const int properties = std::max(1, parser.value(propertiesOption).toInt());
    const int levels = std::max(1, parser.value(levelsOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const QString grab = parser.value(grabOption);

    out() << QStringLiteral("form: SchemaForm at 1000x800, %1 rounds a schema; platform %2").arg(rounds).arg(QGuiApplication::platformName())
          << Qt::endl;
    ui::SchemaForm form;
    form.resize(1000, 800);
    form.show();
    if (!QTest::qWaitForWindowExposed(&form)) {
        out() << "form: the window was not shown" << Qt::endl;
        return 1;
    }
    const auto verdict = [](double ms, double target) { return ms < target ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"); };
    const std::pair<QString, schema::OrderedJson> schemas[] = {
        {QStringLiteral("%1 properties").arg(properties), wideSchema(properties)},
        {QStringLiteral("%1 levels deep").arg(levels), deepSchema(levels)},
    };
    for (const auto &[label, schemaValue] : schemas) {
        std::vector<FormRun> runs;
        for (int round = 0; round < rounds; ++round)
            runs.push_back(runForm(form, schemaValue, label.endsWith(QStringLiteral("properties")) ? "field0" : "note"));
        const auto best = [&runs](double FormRun::*field) {
            double v = runs.front().*field;
            for (const FormRun &r : runs)
                v = std::min(v, r.*field);
            return v;
        };
        const auto worst = [&runs](double FormRun::*field) {
            double v = runs.front().*field;
            for (const FormRun &r : runs)
                v = std::max(v, r.*field);
            return v;
        };
        out() << QStringLiteral("form.shown       %1 ms best, %2 ms worst  %3: setSchema to painted (compile %4 ms, setSchema %5 ms; %6 widgets)  (target < 200 ms) %7")
                     .arg(best(&FormRun::paintedMs), 6, 'f', 1).arg(worst(&FormRun::paintedMs), 0, 'f', 1).arg(label)
                     .arg(best(&FormRun::compileMs), 0, 'f', 1).arg(best(&FormRun::buildMs), 0, 'f', 1).arg(runs.back().widgets)
                     .arg(verdict(worst(&FormRun::paintedMs), 200))
              << Qt::endl;
        out() << QStringLiteral("form.check       %1 ms best, %2 ms worst  %3: one edit checked (every field's checks and the schema)  (target < 50 ms) %4")
                     .arg(best(&FormRun::checkMs), 6, 'f', 1).arg(worst(&FormRun::checkMs), 0, 'f', 1).arg(label)
                     .arg(verdict(worst(&FormRun::checkMs), 50))
              << Qt::endl;
        if (!grab.isEmpty() && label.endsWith(QStringLiteral("properties")))
            form.grab().save(grab + QStringLiteral("-wide.png"));
    }

    // The deep form opened level by level, as a person would: each click
    // makes one more level and is painted before the next.
    std::vector<double> opens;
    QString pointer;
    for (int level = levels - 1; level >= 0; --level) {
        pointer += QStringLiteral("/level%1").arg(level);
        auto *toggle = form.findChild<QToolButton *>(QStringLiteral("toggle:") + pointer);
        if (!toggle || toggle->arrowType() != Qt::RightArrow) // open already
            continue;
        QElapsedTimer timer;
        timer.start();
        toggle->click();
        waitForPaint(&form);
        opens.push_back(msSince(timer));
    }
    if (!opens.empty()) {
        const double worstOpen = *std::max_element(opens.begin(), opens.end());
        out() << QStringLiteral("form.open        %1 ms worst, %2 ms median  %3 closed groups of the %4-level form opened one by one, each painted  (target < 100 ms) %5")
                     .arg(worstOpen, 6, 'f', 1).arg(percentile(opens, 0.5), 0, 'f', 1).arg(opens.size()).arg(levels)
                     .arg(verdict(worstOpen, 100))
              << Qt::endl;
        QElapsedTimer check;
        check.start();
        form.setValue(form.value());
        (void)form.isValid();
        out() << QStringLiteral("form.check       %1 ms  the %2-level form with every level open: one edit checked")
                     .arg(msSince(check), 6, 'f', 1).arg(levels)
              << Qt::endl;
    }
    if (!grab.isEmpty())
        form.grab().save(grab + QStringLiteral("-deep.png"));
    return 0;
}

/// The MCP views against tests/bench/peers/many-tools.cjs over stdio: the
/// server's tools listed (in pages of 500) and shown, searched keystroke by
/// keystroke, and one call answered with a large text, each measured by the
/// GUI thread's longest wait (a 5 ms probe timer).
int benchMcp(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The MCP tool views: many tools, a large result."));
    parser.addHelpOption();
    QCommandLineOption toolsOption(QStringLiteral("tools"), QStringLiteral("Tools the server lists."), QStringLiteral("n"),
                                   QStringLiteral("10000"));
    QCommandLineOption megabytesOption(QStringLiteral("megabytes"), QStringLiteral("Size of the large result."),
                                       QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("The large result is JSON text."));
    parser.addOptions({toolsOption, megabytesOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("mcp"), QStringLiteral("The mode."));
    parser.process(app);
    const int toolCount = std::max(1, parser.value(toolsOption).toInt());
    const int megabytes = std::max(1, parser.value(megabytesOption).toInt());
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty()) {
        out() << "mcp: " << reason << Qt::endl;
        return 1;
    }

    workspace::Workspace space;
    workspace::Connection server;
    server.id = QStringLiteral("many");
    server.kind = workspace::Connection::Kind::McpServer;
    server.command = test::nodeProgram();
    server.arguments = {test::sourceDir() + QStringLiteral("/tests/bench/peers/many-tools.cjs"), QStringLiteral("--tools"),
                        QString::number(toolCount), QStringLiteral("--megabytes"), QString::number(megabytes)};
    if (parser.isSet(jsonOption))
        server.arguments << QStringLiteral("--json");
    space.add(server);
    traffic::TrafficLog log;
    workspace::ConnectionStates states(&space, &log);
    workspace::McpSessions servers(&space, &states, &log, nullptr);
    servers.setCloseGraceMs(300);
    ui::McpServerView view(&space, &states, &servers, nullptr);
    view.setConfirmation([](QWidget *, const QString &, std::function<void(bool)> answer) { answer(true); });
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        out() << "mcp: the window was not shown" << Qt::endl;
        return 1;
    }
    view.setServer(server.id);
    ui::McpToolsView *tools = view.toolsView();
    view.tabs()->setCurrentWidget(tools);
    out() << QStringLiteral("mcp: McpServerView at 1280x800 against many-tools.cjs (%1 tools, a %2 MB %3 result); platform %4")
                 .arg(toolCount).arg(megabytes).arg(parser.isSet(jsonOption) ? QStringLiteral("JSON") : QStringLiteral("text"))
                 .arg(QGuiApplication::platformName())
          << Qt::endl;
    const auto verdict = [](double ms, double target) { return ms < target ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"); };
    const auto worst = [](const StallProbe &probe) {
        return probe.lateMs().empty() ? 0.0 : *std::max_element(probe.lateMs().begin(), probe.lateMs().end());
    };

    StallProbe probe(5);
    probe.start();
    QElapsedTimer timer;
    timer.start();
    view.connectServer();
    if (!QTest::qWaitFor([&] { return tools->toolModel()->rowCount() == toolCount; }, 120000)) {
        out() << "mcp: the tools were not listed: " << states.status(server.id).reason << Qt::endl;
        return 1;
    }
    waitForPaint(tools);
    const double listedMs = msSince(timer);
    probe.stop();
    out() << QStringLiteral("mcp.list         %1 ms  connected, %2 tools listed and shown; the GUI thread waited at most %3 ms  (target < 50 ms) %4")
                 .arg(listedMs, 7, 'f', 1).arg(toolCount).arg(worst(probe), 0, 'f', 1).arg(verdict(worst(probe), 50))
          << Qt::endl;

    // Searching as a person types: each keystroke filters every tool.
    auto *search = tools->findChild<QLineEdit *>(QStringLiteral("toolSearchEdit"));
    std::vector<double> keys;
    probe.start();
    for (const QChar c : QStringLiteral("delta 77")) {
        QElapsedTimer key;
        key.start();
        QTest::keyClick(search, c.toLatin1());
        waitForPaint(tools);
        keys.push_back(msSince(key));
    }
    probe.stop();
    const double worstKey = *std::max_element(keys.begin(), keys.end());
    out() << QStringLiteral("mcp.search       %1 ms worst, %2 ms median  a keystroke filtered and painted (%3 of %4 tools left); the GUI thread waited at most %5 ms  (target < 50 ms) %6")
                 .arg(worstKey, 7, 'f', 1).arg(percentile(keys, 0.5), 0, 'f', 1).arg(tools->filterModel()->rowCount())
                 .arg(toolCount).arg(worst(probe), 0, 'f', 1).arg(verdict(std::max(worstKey, worst(probe)), 50))
          << Qt::endl;
    search->clear();

    // The large result: the call sent, the answer read, decoded and shown.
    if (!tools->selectTool(QStringLiteral("big"))) {
        out() << "mcp: no tool \"big\"" << Qt::endl;
        return 1;
    }
    bool finished = false;
    QObject::connect(tools, &ui::McpToolsView::callFinished, tools, [&finished] { finished = true; });
    probe.start();
    timer.restart();
    tools->run();
    if (!QTest::qWaitFor([&] { return finished && !tools->resultView()->isBusy(); }, 120000)) {
        out() << "mcp: the large result did not arrive" << Qt::endl;
        return 1;
    }
    waitForPaint(tools);
    const double shownMs = msSince(timer);
    probe.stop();
    out() << QStringLiteral("mcp.result       %1 ms  a %2 MB result received and shown; the GUI thread waited at most %3 ms  (%4 waits over 50 ms)")
                 .arg(shownMs, 7, 'f', 1).arg(megabytes).arg(worst(probe), 0, 'f', 1).arg(probe.stalls().size())
          << Qt::endl;
    for (const auto &[at, late] : probe.stalls())
        out() << QStringLiteral("mcp.result.wait  %1 ms late at %2 ms").arg(late, 7, 'f', 1).arg(at, 0, 'f', 0) << Qt::endl;
    servers.disconnectServer(server.id);
    (void)QTest::qWaitFor([&] { return !servers.session(server.id); }, 5000);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        usage(argv[0]);
        return 2;
    }
    const std::string_view mode(argv[1]);
    if (mode == "-h" || mode == "--help") {
        usage(argv[0]);
        return 0;
    }
    int (*bench)(QApplication &) = nullptr;
    if (mode == "timeline")
        bench = benchTimeline;
    else if (mode == "stream")
        bench = benchStream;
    else if (mode == "traffic")
        bench = benchTraffic;
    else if (mode == "startup")
        bench = benchStartup;
    else if (mode == "form")
        bench = benchForm;
    else if (mode == "mcp")
        bench = benchMcp;
    if (!bench) {
        std::fprintf(stderr, "%s: unknown mode \"%s\"\n", argv[0], argv[1]);
        usage(argv[0]);
        return 2;
    }
    QApplication app(argc, argv);
#ifndef NDEBUG
    out() << "note: a debug build; measure a Release build (-DCMAKE_BUILD_TYPE=Release)" << Qt::endl;
#endif
    return bench(app);
}
