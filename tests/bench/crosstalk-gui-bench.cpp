// crosstalk-gui-bench: how fast Crosstalk's widgets draw. One mode per widget:
//   timeline  the task timeline with 1,000 tasks and 100,000 events spread
//             over an hour, at 1280x720: frames while panning and zooming
//             (target >= 30 frames/s), each painted synchronously.
// Figures are printed one a line, with their target; none fails a build.
#include "TaskTimeline.h"
#include "a2a/TaskTracker.h"
#include "util/Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
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
                 "           the task timeline: pan and zoom frames per second\n",
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
    if (mode != "timeline") {
        std::fprintf(stderr, "%s: unknown mode \"%s\"\n", argv[0], argv[1]);
        usage(argv[0]);
        return 2;
    }
    QApplication app(argc, argv);
#ifndef NDEBUG
    out() << "note: a debug build; measure a Release build (-DCMAKE_BUILD_TYPE=Release)" << Qt::endl;
#endif
    return benchTimeline(app);
}
