#include "TaskTimeline.h"

#include "a2a/TaskTracker.h"
#include "util/Clock.h"
#include "util/HiddenText.h"

#include <QApplication>
#include <QDateTime>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyle>
#include <QTextDocument>
#include <QToolTip>
#include <QVarLengthArray>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crosstalk::ui {

using a2a::TaskEvent;
using a2a::TaskState;

namespace {

constexpr qint64 MinSpanMs = 10;
constexpr qint64 MaxSpanMs = 30LL * 24 * 3600 * 1000;
constexpr qint64 DefaultSpanMs = 60 * 1000;
/// Following live, now stands this share of the span before the right edge.
constexpr double FollowMargin = 0.03;
constexpr int FollowIntervalMs = 100;
/// New events repaint at most this often.
constexpr int RepaintIntervalMs = 33;
constexpr int ExcerptChars = 200;
constexpr int PanStepPercent = 10;

constexpr std::array AllStates{TaskState::Submitted, TaskState::Working,  TaskState::InputRequired,
                               TaskState::AuthRequired, TaskState::Completed, TaskState::Canceled,
                               TaskState::Failed,    TaskState::Rejected, TaskState::Unknown};

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

QString timeOfDay(qint64 ms, QStringView format)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(format);
}

QString eventKindLabel(TaskEvent::Kind kind)
{
    switch (kind) {
    case TaskEvent::Kind::Task: return TaskTimeline::tr("task");
    case TaskEvent::Kind::Status: return TaskTimeline::tr("status update");
    case TaskEvent::Kind::Artifact: return TaskTimeline::tr("artifact chunk");
    case TaskEvent::Kind::Message: return TaskTimeline::tr("message");
    case TaskEvent::Kind::Resubscribed: return TaskTimeline::tr("resubscribed");
    case TaskEvent::Kind::Polled: return TaskTimeline::tr("poll");
    case TaskEvent::Kind::Issue: return TaskTimeline::tr("protocol issue");
    }
    return QString();
}

/// The first characters of some parts as one line: text as it reads, files
/// and data named.
QString partsExcerpt(const QList<a2a::Part> &parts)
{
    QString raw;
    for (const a2a::Part &part : parts) {
        if (raw.size() > 2 * ExcerptChars)
            break;
        if (!raw.isEmpty())
            raw += QLatin1Char(' ');
        switch (part.kind) {
        case a2a::Part::Kind::Text:
            // Only a prefix is decoded: a streamed text can be megabytes.
            raw += QString::fromUtf8(part.text.left(4 * ExcerptChars));
            break;
        case a2a::Part::Kind::File:
            raw += TaskTimeline::tr("[file %1]").arg(part.name.isEmpty() ? part.uri.left(ExcerptChars) : part.name);
            break;
        case a2a::Part::Kind::Data:
            raw += TaskTimeline::tr("[data]");
            break;
        }
    }
    return TaskTimeline::plainLine(raw, ExcerptChars);
}

double clampedSpan(double span)
{
    return std::clamp(span, double(MinSpanMs), double(MaxSpanMs));
}

} // namespace

TaskTimeline::TaskTimeline(QWidget *parent)
    : QWidget(parent)
    , m_clock(Clock::system())
{
    setObjectName(QStringLiteral("taskTimeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Task timeline"));
    setAccessibleDescription(tr("One lane per task: its states over time and the events that reached it."));
    setWhatsThis(helpText());

    m_laneScroll = new QScrollBar(Qt::Vertical, this);
    m_laneScroll->setObjectName(QStringLiteral("taskTimelineLaneScroll"));
    m_laneScroll->hide();
    connect(m_laneScroll, &QScrollBar::valueChanged, this, [this] { update(); });

    m_followTimer.setObjectName(QStringLiteral("timelineFollow"));
    m_repaintTimer.setObjectName(QStringLiteral("timelineRepaint"));
    m_followTimer.setInterval(FollowIntervalMs);
    connect(&m_followTimer, &QTimer::timeout, this, &TaskTimeline::followTick);
    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(RepaintIntervalMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, [this] { update(); });

    const qint64 t = now();
    m_to = t + qint64(DefaultSpanMs * FollowMargin);
    m_from = m_to - DefaultSpanMs;
    relayout();
}

TaskTimeline::~TaskTimeline() = default;

QString TaskTimeline::helpText() const
{
    return tr("Ctrl+wheel or +/- zoom (around the pointer, or around now while following live); drag, Shift+wheel "
              "or Left/Right pan; the wheel scrolls the tasks; Up/Down choose a task; Home shows everything; F or End "
              "follows live. Click a marker or a state for the whole event.");
}

// --- Data -------------------------------------------------------------------

void TaskTimeline::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    if (m_followLive)
        followTick();
    update();
}

qint64 TaskTimeline::now() const
{
    return m_clock->wallMs();
}

void TaskTimeline::addTask(a2a::TaskTracker *tracker)
{
    if (!tracker || m_laneByKey.contains(tracker))
        return;
    auto lane = std::make_unique<Lane>();
    lane->tracker = tracker;
    lane->taskId = tracker->taskId();
    lane->label = plainLine(tracker->taskId(), 200);
    Lane *raw = lane.get();
    m_lanes.push_back(std::move(lane));
    m_laneByKey.insert(tracker, raw);
    ingest(*raw);
    connect(tracker, &a2a::TaskTracker::eventAdded, this, [this, raw] {
        ingest(*raw);
        scheduleRepaint();
    });
    connect(tracker, &QObject::destroyed, this, [this](QObject *gone) { removeLane(gone); });
    updateScrollRange();
    scheduleRepaint();
}

void TaskTimeline::clear()
{
    for (const auto &lane : m_lanes) {
        if (lane->tracker)
            disconnect(lane->tracker, nullptr, this, nullptr);
    }
    m_lanes.clear();
    m_laneByKey.clear();
    setSelectedLane(-1);
    updateScrollRange();
    update();
}

void TaskTimeline::removeLane(const QObject *key)
{
    const Lane *gone = m_laneByKey.take(key);
    if (!gone)
        return;
    const auto it = std::find_if(m_lanes.begin(), m_lanes.end(), [gone](const auto &lane) { return lane.get() == gone; });
    const int index = int(it - m_lanes.begin());
    m_lanes.erase(it);
    if (m_selected == index) {
        setSelectedLane(-1);
    } else if (m_selected > index) {
        --m_selected; // the same task, one lane up
    }
    updateScrollRange();
    update();
}

a2a::TaskTracker *TaskTimeline::trackerAt(int lane) const
{
    return lane >= 0 && lane < laneCount() ? m_lanes[size_t(lane)]->tracker.data() : nullptr;
}

int TaskTimeline::laneOf(const QString &taskId) const
{
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        if (m_lanes[i]->taskId == taskId)
            return int(i);
    }
    return -1;
}

void TaskTimeline::ingest(Lane &lane)
{
    const a2a::TaskTracker *tracker = lane.tracker.data();
    if (!tracker)
        return;
    const QList<TaskEvent> &events = tracker->events();
    for (; lane.ingested < events.size(); ++lane.ingested) {
        const TaskEvent &e = events.at(lane.ingested);
        const Point point{e.wallMs, lane.ingested, e.state};
        const bool pushed = e.source == a2a::EventSource::Push;
        Mark mark = Mark::Message;
        bool hasMark = true;
        switch (e.kind) {
        case TaskEvent::Kind::Message: mark = Mark::Message; break;
        case TaskEvent::Kind::Artifact: mark = Mark::Artifact; break;
        case TaskEvent::Kind::Polled: mark = Mark::Poll; break;
        case TaskEvent::Kind::Resubscribed: mark = Mark::Resubscribe; break;
        case TaskEvent::Kind::Issue: mark = Mark::Issue; break;
        case TaskEvent::Kind::Task:
        case TaskEvent::Kind::Status:
            // A state change shows as a segment; a pushed one is a delivery
            // worth seeing, and a status carrying a message is a message.
            if (pushed)
                mark = Mark::Push;
            else if (e.message)
                mark = Mark::Message;
            else
                hasMark = false;
            break;
        }
        insertEvent(lane, point, mark, hasMark, pushed && (mark == Mark::Message || mark == Mark::Artifact));
    }
}

void TaskTimeline::insertEvent(Lane &lane, const Point &point, Mark mark, bool hasMark, bool pushed)
{
    const Marker marker{point.ms, point.eventIndex, pushed};
    QList<Marker> &marks = lane.marks[size_t(mark)];
    if (lane.points.isEmpty() || point.ms >= lane.points.constLast().ms) {
        // Events come in time order: appended, the segments grown in place.
        lane.points.append(point);
        if (lane.segments.isEmpty() || lane.segments.constLast().state != point.state) {
            if (!lane.segments.isEmpty())
                lane.segments.last().endMs = point.ms;
            lane.segments.append(Segment{point.ms, point.ms, point.state, point.eventIndex});
        }
        if (hasMark)
            marks.append(marker);
    } else {
        // Out of order (a clock stepped back): sorted in, after equal times.
        const auto at = std::upper_bound(lane.points.begin(), lane.points.end(), point.ms,
                                         [](qint64 ms, const Point &p) { return ms < p.ms; });
        lane.points.insert(at, point);
        rebuildSegments(lane);
        if (hasMark) {
            const auto mat = std::upper_bound(marks.begin(), marks.end(), point.ms,
                                              [](qint64 ms, const Marker &m) { return ms < m.ms; });
            marks.insert(mat, marker);
        }
    }
    lane.firstMs = lane.points.constFirst().ms;
    lane.lastMs = lane.points.constLast().ms;
}

void TaskTimeline::rebuildSegments(Lane &lane)
{
    lane.segments.clear();
    for (const Point &p : std::as_const(lane.points)) {
        if (lane.segments.isEmpty() || lane.segments.constLast().state != p.state) {
            if (!lane.segments.isEmpty())
                lane.segments.last().endMs = p.ms;
            lane.segments.append(Segment{p.ms, p.ms, p.state, p.eventIndex});
        }
    }
}

qint64 TaskTimeline::laneEndMs(const Lane &lane) const
{
    if (lane.segments.isEmpty())
        return lane.lastMs;
    const Segment &last = lane.segments.constLast();
    if (a2a::isTerminal(last.state))
        return last.startMs;
    return std::max(now(), lane.lastMs);
}

QList<TaskTimeline::Segment> TaskTimeline::segments(int lane) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    const Lane &l = *m_lanes[size_t(lane)];
    QList<Segment> result = l.segments;
    if (!result.isEmpty())
        result.last().endMs = laneEndMs(l);
    return result;
}

void TaskTimeline::scheduleRepaint()
{
    if (isVisible() && !m_repaintTimer.isActive())
        m_repaintTimer.start();
}

// --- The visible range ------------------------------------------------------

void TaskTimeline::setRange(qint64 from, qint64 to)
{
    if (to - from < MinSpanMs) {
        const qint64 mid = from + (to - from) / 2;
        from = mid - MinSpanMs / 2;
        to = from + MinSpanMs;
    } else if (to - from > MaxSpanMs) {
        const qint64 mid = from + (to - from) / 2;
        from = mid - MaxSpanMs / 2;
        to = from + MaxSpanMs;
    }
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    update();
}

void TaskTimeline::setVisibleRange(qint64 fromWallMs, qint64 toWallMs)
{
    if (toWallMs < fromWallMs)
        std::swap(fromWallMs, toWallMs);
    setFollowLive(false);
    setRange(fromWallMs, toWallMs);
}

void TaskTimeline::zoomBy(double factor, qint64 aroundWallMs)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    const double span = double(m_to - m_from);
    const double newSpan = clampedSpan(span * factor);
    const double scale = newSpan / span;
    const qint64 from = aroundWallMs - qint64(std::llround(double(aroundWallMs - m_from) * scale));
    setRange(from, from + qint64(std::llround(newSpan)));
    if (m_followLive) {
        // Around now (within a pixel) the view still follows; anywhere else
        // it zoomed away.
        const double msPerPixel = span / std::max(1, plotRect().width());
        if (std::abs(double(aroundWallMs - now())) > msPerPixel)
            setFollowLive(false);
        else
            followTick();
    }
}

void TaskTimeline::panByMs(qint64 ms)
{
    if (ms == 0)
        return;
    setFollowLive(false);
    setRange(m_from + ms, m_to + ms);
}

void TaskTimeline::fitAll()
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    bool live = false;
    for (const auto &lane : m_lanes) {
        if (lane->points.isEmpty())
            continue;
        first = std::min(first, lane->firstMs);
        last = std::max(last, lane->lastMs);
        live = live || !a2a::isTerminal(lane->segments.constLast().state);
    }
    setFollowLive(false);
    if (first > last) {
        const qint64 t = now();
        setRange(t - DefaultSpanMs, t);
        return;
    }
    if (live)
        last = std::max(last, now());
    const qint64 span = std::max<qint64>(last - first, 1000);
    const qint64 margin = std::max<qint64>(span * 3 / 100, 1);
    const qint64 mid = first + (last - first) / 2;
    if (last - first < 1000)
        setRange(mid - span / 2 - margin, mid + span / 2 + margin);
    else
        setRange(first - margin, last + margin);
}

void TaskTimeline::setFollowLive(bool on)
{
    if (on == m_followLive)
        return;
    m_followLive = on;
    if (on)
        followTick();
    updateTimerState();
    update();
    emit followLiveChanged(on);
}

void TaskTimeline::followTick()
{
    if (!m_followLive)
        return;
    const qint64 span = m_to - m_from;
    const qint64 to = now() + qint64(double(span) * FollowMargin);
    setRange(to - span, to);
}

void TaskTimeline::updateTimerState()
{
    if (m_followLive && isVisible())
        m_followTimer.start();
    else
        m_followTimer.stop();
}

// --- Selection --------------------------------------------------------------

void TaskTimeline::selectTask(const QString &taskId)
{
    const int lane = laneOf(taskId);
    setSelectedLane(lane);
    if (lane >= 0)
        ensureLaneVisible(lane);
}

QString TaskTimeline::selectedTaskId() const
{
    return m_selected >= 0 && m_selected < laneCount() ? m_lanes[size_t(m_selected)]->taskId : QString();
}

void TaskTimeline::setSelectedLane(int lane)
{
    if (lane >= laneCount())
        lane = -1;
    if (lane == m_selected)
        return;
    m_selected = lane;
    update();
    emit taskSelected(selectedTaskId());
}

void TaskTimeline::ensureLaneVisible(int lane)
{
    const int top = lane * m_laneHeight;
    const int page = lanesRect().height();
    if (top < m_laneScroll->value())
        m_laneScroll->setValue(top);
    else if (top + m_laneHeight > m_laneScroll->value() + page)
        m_laneScroll->setValue(top + m_laneHeight - page);
}

// --- Geometry ---------------------------------------------------------------

void TaskTimeline::relayout()
{
    const QFontMetrics fm(font());
    m_laneHeight = std::max(24, fm.height() + 12);
    m_axisHeight = fm.height() + 14;
    m_markSize = std::max(7, m_laneHeight * 2 / 5) | 1;
    m_labelWidth = std::clamp(fm.horizontalAdvance(QLatin1Char('0')) * 16, 90, std::max(90, width() / 4));
    layoutLegend();
    updateScrollRange();
}

int TaskTimeline::markerY(int laneTop) const
{
    const int barTop = laneTop + m_laneHeight - std::max(6, m_laneHeight * 2 / 5) - 4;
    return barTop - m_markSize / 2 + 1;
}

int TaskTimeline::capWidth() const
{
    return std::max(8, m_laneHeight / 2);
}

void TaskTimeline::updateScrollRange()
{
    const int areaTop = m_axisHeight;
    const int areaHeight = std::max(0, height() - m_axisHeight - m_legendHeight);
    const int content = laneCount() * m_laneHeight;
    const bool needed = content > areaHeight;
    const int extent = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_laneScroll);
    m_laneScroll->setGeometry(width() - extent, areaTop, extent, areaHeight);
    m_laneScroll->setRange(0, std::max(0, content - areaHeight));
    m_laneScroll->setPageStep(std::max(1, areaHeight));
    m_laneScroll->setSingleStep(m_laneHeight);
    if (m_laneScroll->isVisibleTo(this) != needed)
        m_laneScroll->setVisible(needed);
}

QRect TaskTimeline::lanesRect() const
{
    const int right = m_laneScroll->isVisibleTo(this) ? m_laneScroll->x() : width();
    return QRect(0, m_axisHeight, right, std::max(0, height() - m_axisHeight - m_legendHeight));
}

QRect TaskTimeline::plotRect() const
{
    const QRect lanes = lanesRect();
    // A few pixels of room on the right for a marker at the edge.
    return QRect(m_labelWidth, lanes.top(), std::max(1, lanes.width() - m_labelWidth - 6), lanes.height());
}

int TaskTimeline::laneTop(int lane) const
{
    return m_axisHeight + lane * m_laneHeight - m_laneScroll->value();
}

int TaskTimeline::laneAt(int y) const
{
    const QRect lanes = lanesRect();
    if (y < lanes.top() || y > lanes.bottom())
        return -1;
    const int lane = (y - m_axisHeight + m_laneScroll->value()) / m_laneHeight;
    return lane < laneCount() ? lane : -1;
}

double TaskTimeline::xOf(qint64 ms) const
{
    const QRect plot = plotRect();
    return plot.left() + double(ms - m_from) * plot.width() / double(m_to - m_from);
}

double TaskTimeline::msAt(double x) const
{
    const QRect plot = plotRect();
    return double(m_from) + (x - plot.left()) * double(m_to - m_from) / plot.width();
}

QPoint TaskTimeline::positionOf(int lane, qint64 wallMs) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    const int top = laneTop(lane);
    const QRect lanes = lanesRect();
    if (top + m_laneHeight <= lanes.top() || top >= lanes.bottom())
        return {};
    // Far outside the view a time is still a point, just off screen.
    const double x = std::clamp(xOf(wallMs), -1e6, 1e6);
    return QPoint(int(std::lround(x)), markerY(top));
}

TaskTimeline::Hit TaskTimeline::hitAt(const QPoint &pos) const
{
    Hit hit;
    hit.lane = laneAt(pos.y());
    if (hit.lane < 0 || pos.x() < m_labelWidth || pos.x() >= lanesRect().right())
        return hit;
    const Lane &lane = *m_lanes[size_t(hit.lane)];
    const double t = msAt(pos.x());
    const double pxPerMs = plotRect().width() / double(m_to - m_from);

    // The nearest marker within its own size, issues first when equal.
    const double reach = m_markSize / 2.0 + 2;
    double best = reach + 1;
    for (int m = int(Mark::Count) - 1; m >= 0; --m) {
        const QList<Marker> &marks = lane.marks[size_t(m)];
        const auto at = std::lower_bound(marks.begin(), marks.end(), t,
                                         [](const Marker &mk, double ms) { return double(mk.ms) < ms; });
        for (auto it : {at - 1, at}) {
            if (it < marks.begin() || it >= marks.end())
                continue;
            const double dx = std::abs(double(it->ms) - t) * pxPerMs;
            if (dx <= reach && dx < best) {
                best = dx;
                hit.eventIndex = it->eventIndex;
            }
        }
    }
    if (hit.eventIndex >= 0)
        return hit;

    // Else the state there.
    const QList<Segment> &segs = lane.segments;
    const auto after = std::upper_bound(segs.begin(), segs.end(), t,
                                        [](double ms, const Segment &s) { return ms < double(s.startMs); });
    if (after == segs.begin())
        return hit;
    const Segment &s = *(after - 1);
    const bool last = after == segs.end();
    double endX = 0;
    if (!last)
        endX = xOf(after->startMs);
    else if (a2a::isTerminal(s.state))
        endX = xOf(s.startMs) + capWidth();
    else
        endX = xOf(laneEndMs(lane));
    if (pos.x() <= endX)
        hit.eventIndex = s.eventIndex;
    return hit;
}

// --- Text -------------------------------------------------------------------

QString TaskTimeline::plainLine(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(maxChars >= 0 ? std::min(text.size(), maxChars + 16) : text.size());
    bool pendingSpace = false;
    bool cut = false;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        if (maxChars >= 0 && out.size() >= maxChars) {
            cut = true;
            break;
        }
        char32_t c = text.at(i).unicode();
        qsizetype length = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            length = 2;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter;
        }
        const bool space = c == u'\t' || c == u'\n' || c == u'\r'
            || (!isHiddenCodePoint(c) && !isBidiControl(c) && !isControl(c) && QChar::isSpace(c));
        if (space) {
            pendingSpace = !out.isEmpty();
        } else {
            if (pendingSpace)
                out += QLatin1Char(' ');
            pendingSpace = false;
            if (isControl(c) || isBidiControl(c) || isHiddenCodePoint(c))
                out += QChar(0x27E6) + codePointName(c) + QChar(0x27E7);
            else if (length == 2)
                out += text.mid(i, 2);
            else
                out += QChar(c);
        }
        i += length;
    }
    if (cut)
        out += QChar(0x2026);
    return out;
}

QString TaskTimeline::eventSummary(int lane, int eventIndex) const
{
    const a2a::TaskTracker *tracker = trackerAt(lane);
    if (!tracker || eventIndex < 0 || eventIndex >= tracker->events().size())
        return QString();
    const TaskEvent &e = tracker->events().at(eventIndex);
    QStringList lines;
    lines << tr("%1 via %2").arg(eventKindLabel(e.kind), a2a::eventSourceName(e.source));
    lines << timeOfDay(e.wallMs, u"hh:mm:ss.zzz");
    lines << tr("State: %1").arg(stateLabel(e.state));
    if (e.kind == TaskEvent::Kind::Artifact) {
        QString flags;
        if (e.append)
            flags = tr(", appended");
        if (e.lastChunk)
            flags += tr(", last chunk");
        lines << tr("Artifact: %1%2").arg(plainLine(e.artifactId, 80), flags);
        const QString excerpt = partsExcerpt(tracker->chunkParts(e));
        if (!excerpt.isEmpty())
            lines << excerpt;
    }
    if (e.message) {
        const QString role = e.message->role == a2a::Role::Agent ? tr("agent")
            : e.message->role == a2a::Role::User                 ? tr("user")
                                                                 : tr("unknown role");
        const QString excerpt = partsExcerpt(e.message->parts);
        lines << tr("Message from %1: %2").arg(role, excerpt);
    }
    if (!e.note.isEmpty())
        lines << plainLine(e.note, ExcerptChars);
    return lines.join(QLatin1Char('\n'));
}

QColor TaskTimeline::stateColor(TaskState state)
{
    // Okabe and Ito's palette: told apart with the common colour vision
    // deficiencies, and readable on light and dark backgrounds alike.
    switch (state) {
    case TaskState::Submitted: return QColor(86, 180, 233);      // sky blue
    case TaskState::Working: return QColor(0, 114, 178);         // blue
    case TaskState::InputRequired: return QColor(230, 159, 0);   // orange
    case TaskState::AuthRequired: return QColor(240, 228, 66);   // yellow
    case TaskState::Completed: return QColor(0, 158, 115);       // bluish green
    case TaskState::Canceled: return QColor(128, 128, 128);      // grey
    case TaskState::Failed: return QColor(213, 94, 0);           // vermillion
    case TaskState::Rejected: return QColor(204, 121, 167);      // reddish purple
    case TaskState::Unknown: return QColor(200, 200, 200);       // light grey
    }
    return QColor(200, 200, 200);
}

QString TaskTimeline::stateLabel(TaskState state)
{
    switch (state) {
    case TaskState::Submitted: return tr("submitted");
    case TaskState::Working: return tr("working");
    case TaskState::InputRequired: return tr("input required");
    case TaskState::AuthRequired: return tr("auth required");
    case TaskState::Completed: return tr("completed");
    case TaskState::Canceled: return tr("canceled");
    case TaskState::Failed: return tr("failed");
    case TaskState::Rejected: return tr("rejected");
    case TaskState::Unknown: return tr("unknown");
    }
    return tr("unknown");
}

QSize TaskTimeline::sizeHint() const
{
    return QSize(800, m_axisHeight + m_legendHeight + 8 * m_laneHeight);
}

QSize TaskTimeline::minimumSizeHint() const
{
    return QSize(m_labelWidth + 120, m_axisHeight + m_legendHeight + 2 * m_laneHeight);
}

// --- Painting ---------------------------------------------------------------

void TaskTimeline::invalidateCaches()
{
    for (QPixmap &sprite : m_sprites)
        sprite = QPixmap();
    m_legendPixmap = QPixmap();
    for (const auto &lane : m_lanes)
        lane->elidedWidth = -1;
}

QPixmap TaskTimeline::renderSprite(Mark mark, bool hollow) const
{
    const qreal dpr = devicePixelRatioF();
    const int side = m_markSize + 4;
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(QPalette::WindowText);
    const QColor halo = palette().color(QPalette::Base);
    const double c = side / 2.0;
    const double r = m_markSize / 2.0;
    QPainterPath path;
    switch (mark) {
    case Mark::Message:
        path.addEllipse(QPointF(c, c), r, r);
        break;
    case Mark::Artifact:
        path.addRect(QRectF(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7));
        break;
    case Mark::Poll:
        path.moveTo(c, c - r);
        path.lineTo(c + r, c + r * 0.8);
        path.lineTo(c - r, c + r * 0.8);
        path.closeSubpath();
        break;
    case Mark::Resubscribe:
        path.moveTo(c - r, c - r * 0.8);
        path.lineTo(c + r, c - r * 0.8);
        path.lineTo(c, c + r);
        path.closeSubpath();
        break;
    case Mark::Push:
        path.moveTo(c, c - r - 0.5);
        path.lineTo(c + r + 0.5, c);
        path.lineTo(c, c + r + 0.5);
        path.lineTo(c - r - 0.5, c);
        path.closeSubpath();
        break;
    case Mark::Issue: {
        const double k = r * 0.8;
        path.moveTo(c - k, c - k);
        path.lineTo(c + k, c + k);
        path.moveTo(c + k, c - k);
        path.lineTo(c - k, c + k);
        p.strokePath(path, QPen(halo, 4.5, Qt::SolidLine, Qt::RoundCap));
        p.strokePath(path, QPen(QColor(204, 0, 0), 2.2, Qt::SolidLine, Qt::RoundCap));
        return pixmap;
    }
    case Mark::Count:
        break;
    }
    if (hollow) {
        p.fillPath(path, halo);
        p.strokePath(path, QPen(ink, 1.6));
    } else {
        p.fillPath(path, ink);
        p.strokePath(path, QPen(halo, 1.0));
    }
    return pixmap;
}

const QPixmap &TaskTimeline::sprite(Mark mark, bool hollow)
{
    QPixmap &pixmap = m_sprites[size_t(mark) * 2 + (hollow ? 1 : 0)];
    if (pixmap.isNull() || pixmap.devicePixelRatio() != devicePixelRatioF())
        pixmap = renderSprite(mark, hollow);
    return pixmap;
}

void TaskTimeline::layoutLegend()
{
    m_legend.clear();
    const QFontMetrics fm(font());
    const int swatch = std::max(12, m_markSize + 2);
    const int rowHeight = std::max(fm.height(), swatch) + 6;
    const int gap = fm.horizontalAdvance(QLatin1Char('M'));
    const int margin = 8;
    const int available = std::max(100, width() - 2 * margin);
    int x = margin;
    int row = 0;
    const auto place = [&](LegendItem item, bool groupStart) {
        const int w = swatch + 5 + fm.horizontalAdvance(item.text);
        if (groupStart && x > margin)
            x += gap; // a wider gap between the states and the markers
        if (x > margin && x + w > margin + available) {
            x = margin;
            ++row;
        }
        item.rect = QRect(x, 4 + row * rowHeight, w, rowHeight);
        m_legend.append(item);
        x += w + gap;
    };
    for (TaskState s : AllStates) {
        LegendItem item;
        item.text = stateLabel(s);
        item.state = int(s);
        place(item, false);
    }
    const std::array<std::pair<Mark, QString>, 6> marks{{
        {Mark::Message, tr("message")},
        {Mark::Artifact, tr("artifact chunk")},
        {Mark::Poll, tr("poll")},
        {Mark::Resubscribe, tr("resubscribed")},
        {Mark::Push, tr("push delivery")},
        {Mark::Issue, tr("protocol issue")},
    }};
    bool first = true;
    for (const auto &[mark, text] : marks) {
        LegendItem item;
        item.text = text;
        item.mark = mark;
        place(item, first);
        first = false;
    }
    LegendItem hollow;
    hollow.text = tr("hollow: came by push");
    hollow.mark = Mark::Message;
    hollow.hollow = true;
    place(hollow, false);
    m_legendHeight = 4 + (row + 1) * rowHeight + 4;
    m_legendPixmap = QPixmap();
}

void TaskTimeline::paintLegend(QPainter &p)
{
    const QRect area(0, height() - m_legendHeight, width(), m_legendHeight);
    const qreal dpr = devicePixelRatioF();
    if (m_legendPixmap.isNull() || m_legendPixmap.size() != area.size() * dpr || m_legendPixmap.devicePixelRatio() != dpr) {
        QPixmap pixmap(area.size() * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(palette().color(QPalette::Window));
        QPainter lp(&pixmap);
        lp.setPen(palette().color(QPalette::Mid));
        lp.drawLine(0, 0, area.width(), 0);
        const QFontMetrics fm(font());
        const int swatch = std::max(12, m_markSize + 2);
        for (const LegendItem &item : std::as_const(m_legend)) {
            const int cy = item.rect.center().y();
            const QRect box(item.rect.left(), cy - swatch / 2, swatch, swatch);
            if (item.state >= 0) {
                const QRect bar = box.adjusted(0, swatch / 5, 0, -swatch / 5);
                lp.fillRect(bar, stateColor(TaskState(item.state)));
                lp.setPen(palette().color(QPalette::Mid));
                lp.drawRect(bar.adjusted(0, 0, -1, -1));
            } else {
                const QPixmap &s = sprite(item.mark, item.hollow);
                const QSizeF size = s.deviceIndependentSize();
                lp.drawPixmap(QPointF(box.center().x() + 0.5 - size.width() / 2, cy + 0.5 - size.height() / 2), s);
            }
            lp.setPen(palette().color(QPalette::WindowText));
            lp.drawText(QRect(box.right() + 6, item.rect.top(), item.rect.width() - swatch - 5, item.rect.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, item.text);
        }
        lp.end();
        m_legendPixmap = pixmap;
    }
    p.drawPixmap(area.topLeft(), m_legendPixmap);
}

void TaskTimeline::paintAxis(QPainter &p, const QRect &plot, QVarLengthArray<int, 64> *ticks) const
{
    const QFontMetrics fm(font());
    const QRect axis(0, 0, width(), m_axisHeight);
    p.fillRect(axis, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, m_axisHeight - 1, width(), m_axisHeight - 1);

    // The day, above the task names.
    p.setPen(palette().color(QPalette::WindowText));
    const QDate day = QDateTime::fromMSecsSinceEpoch(m_from + (m_to - m_from) / 2).date();
    p.drawText(QRect(6, 0, m_labelWidth - 10, m_axisHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(QLocale().toString(day, QLocale::ShortFormat), Qt::ElideRight, m_labelWidth - 10));

    // A tick step whose labels fit.
    static constexpr std::array<qint64, 31> steps{
        1, 2, 5, 10, 20, 50, 100, 200, 500,                                   // ms
        1000, 2000, 5000, 10'000, 15'000, 30'000,                              // s
        60'000, 120'000, 300'000, 600'000, 900'000, 1'800'000,                 // min
        3'600'000, 7'200'000, 10'800'000, 21'600'000, 43'200'000,              // h
        86'400'000, 172'800'000, 604'800'000, 1'209'600'000, 2'592'000'000LL}; // days
    const double pxPerMs = plot.width() / double(m_to - m_from);
    const int msLabel = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16;
    const int sLabel = fm.horizontalAdvance(QStringLiteral("00:00:00")) + 16;
    const int minLabel = fm.horizontalAdvance(QStringLiteral("00:00")) + 16;
    qint64 step = steps.back();
    for (qint64 candidate : steps) {
        const int needed = candidate < 1000 ? msLabel : candidate < 60'000 ? sLabel : minLabel;
        if (double(candidate) * pxPerMs >= needed) {
            step = candidate;
            break;
        }
    }
    const QStringView format = step < 1000 ? u"hh:mm:ss.zzz" : step < 60'000 ? u"hh:mm:ss" : u"hh:mm";
    // Ticks on round local times.
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(m_from).offsetFromUtc()) * 1000;
    qint64 t = m_from + offset;
    t = (t >= 0 ? t / step : (t - step + 1) / step) * step - offset;
    const QColor grid = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::WindowText);
    for (; t <= m_to; t += step) {
        if (t < m_from)
            continue;
        const int x = int(std::lround(plot.left() + double(t - m_from) * pxPerMs));
        p.setPen(grid);
        p.drawLine(x, m_axisHeight - 5, x, m_axisHeight - 1);
        ticks->append(x);
        QString label = step >= 86'400'000 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(t).date(), QLocale::ShortFormat)
                                           : timeOfDay(t, format);
        const int w = fm.horizontalAdvance(label);
        const int left = x - w / 2;
        if (left < m_labelWidth || left + w > width() - 2)
            continue;
        p.setPen(text);
        p.drawText(QRect(left, 2, w, m_axisHeight - 8), Qt::AlignCenter, label);
    }
}

void TaskTimeline::paintLane(QPainter &p, int index, int top, const QRect &plot)
{
    Lane &lane = *m_lanes[size_t(index)];
    const double span = double(m_to - m_from);
    const double pxPerMs = plot.width() / span;
    const auto x = [&](qint64 ms) { return plot.left() + double(ms - m_from) * pxPerMs; };
    const auto msAtX = [&](double px) { return double(m_from) + (px - plot.left()) / pxPerMs; };

    // Segments: the bar in the lower half.
    const int barHeight = std::max(6, m_laneHeight * 2 / 5);
    const int barTop = top + m_laneHeight - barHeight - 4;
    const QList<Segment> &segs = lane.segments;
    const qsizetype n = segs.size();
    if (n > 0) {
        const qint64 end = laneEndMs(lane);
        const auto startAfter = [&](double ms) {
            return std::upper_bound(segs.begin(), segs.end(), ms,
                                    [](double v, const Segment &s) { return v < double(s.startMs); }) - segs.begin();
        };
        qsizetype i = std::max<qsizetype>(0, startAfter(double(m_from)) - 1);
        const int minX = plot.left() - 2;
        const int maxX = plot.right() + 2;
        while (i < n) {
            const Segment &s = segs[i];
            if (s.startMs > m_to)
                break;
            const bool last = i + 1 == n;
            const bool cap = last && a2a::isTerminal(s.state);
            const double x1 = x(s.startMs);
            const double x2 = cap ? x1 + capWidth() : x(last ? end : segs[i + 1].startMs);
            const int ix1 = std::clamp(int(std::floor(x1)), minX, maxX);
            const int ix2 = std::clamp(std::max(int(std::floor(x1)) + 1, int(std::lround(x2))), minX, maxX);
            if (ix2 > ix1) {
                const QColor colour = stateColor(s.state);
                p.fillRect(ix1, barTop, ix2 - ix1, barHeight, colour);
                if (cap) // the end of the task: a darker edge
                    p.fillRect(ix2 - 2, barTop - 2, 2, barHeight + 4, colour.darker(160));
            }
            // Many segments on one pixel column: the first one stands for them.
            qsizetype next = i + 1;
            if (next < n && x(segs[next].startMs) < ix1 + 1)
                next = std::max(next, startAfter(msAtX(ix1 + 1)) - 1);
            i = std::max(i + 1, next);
        }
    }

    // Markers, one per pixel column and shape, in a row just above the bar
    // (dense markers never hide the states).
    const int cy = markerY(top);
    const double reachMs = (m_markSize / 2.0 + 2) / pxPerMs;
    for (size_t m = 0; m < size_t(Mark::Count); ++m) {
        const QList<Marker> &marks = lane.marks[m];
        if (marks.isEmpty())
            continue;
        const auto firstAtOrAfter = [&](qsizetype from, double ms) {
            return std::lower_bound(marks.begin() + from, marks.end(), ms,
                                    [](const Marker &mk, double v) { return double(mk.ms) < v; }) - marks.begin();
        };
        qsizetype i = firstAtOrAfter(0, double(m_from) - reachMs);
        const double lastMs = double(m_to) + reachMs;
        const qsizetype count = marks.size();
        while (i < count) {
            const Marker &mk = marks[i];
            if (double(mk.ms) > lastMs)
                break;
            const int px = int(std::lround(x(mk.ms)));
            const QPixmap &s = sprite(Mark(m), mk.pushed);
            const int side = m_markSize + 4;
            p.drawPixmap(px - side / 2, cy - side / 2, s);
            const double nextMs = msAtX(px + 0.5);
            qsizetype next = i + 1;
            if (next < count && double(marks[next].ms) < nextMs)
                next = firstAtOrAfter(next, nextMs);
            i = std::max(i + 1, next);
        }
    }
}

void TaskTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect plot = plotRect();
    const QRect lanes = lanesRect();
    const QPalette &pal = palette();
    p.fillRect(lanes, pal.color(QPalette::Base));
    if (m_laneScroll->isVisibleTo(this)) // the corner beside the scroll bar
        p.fillRect(QRect(lanes.right() + 1, lanes.top(), width() - lanes.right(), lanes.height()), pal.color(QPalette::Window));
    QVarLengthArray<int, 64> ticks;
    paintAxis(p, plot, &ticks);

    const int count = laneCount();
    if (count == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, tr("No tasks yet: each task gets a lane here as it starts."));
    } else {
        const int scroll = m_laneScroll->value();
        const int first = std::clamp(scroll / m_laneHeight, 0, count - 1);
        const int last = std::clamp((scroll + lanes.height() - 1) / m_laneHeight, 0, count - 1);
        const QFontMetrics fm(font());
        const int labelTextWidth = m_labelWidth - 12;
        p.save();
        p.setClipRect(lanes);
        // Backgrounds and names.
        const QColor alternate = pal.color(QPalette::AlternateBase);
        const QColor highlight = pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
        QColor selectedBackground = highlight;
        selectedBackground.setAlpha(hasFocus() ? 70 : 45);
        for (int i = first; i <= last; ++i) {
            Lane &lane = *m_lanes[size_t(i)];
            const int top = laneTop(i);
            const QRect row(0, top, lanes.width(), m_laneHeight);
            if (i == m_selected) {
                p.fillRect(row, selectedBackground);
                p.fillRect(QRect(0, top, 3, m_laneHeight), highlight);
            } else if (i % 2 == 1) {
                p.fillRect(row, alternate);
            }
            if (lane.elidedWidth != labelTextWidth) {
                lane.elided = fm.elidedText(lane.label, Qt::ElideMiddle, labelTextWidth);
                lane.elidedWidth = labelTextWidth;
            }
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(8, top, labelTextWidth, m_laneHeight),
                       Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine | Qt::TextForceLeftToRight, lane.elided);
        }
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(m_labelWidth - 1, lanes.top(), m_labelWidth - 1, lanes.bottom());

        // The time grid under the lanes' content, at the axis's ticks.
        p.setClipRect(plot.adjusted(0, 0, 4, 0));
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(70);
        p.setPen(grid);
        for (int x : std::as_const(ticks))
            p.drawLine(x, lanes.top(), x, lanes.bottom());
        for (int i = first; i <= last; ++i)
            paintLane(p, i, laneTop(i), plot);

        // Now, while following.
        if (m_followLive) {
            const double nx = xOf(now());
            if (nx >= plot.left() && nx <= plot.right() + 4) {
                // In the text's colour: no state has it, on light or dark.
                const QColor colour = pal.color(QPalette::WindowText);
                p.setClipping(false);
                p.fillRect(QRectF(nx - 1, lanes.top(), 2, lanes.height()), colour);
                QPainterPath head;
                head.moveTo(nx - 5, lanes.top() - 7);
                head.lineTo(nx + 5, lanes.top() - 7);
                head.lineTo(nx, lanes.top());
                head.closeSubpath();
                p.setRenderHint(QPainter::Antialiasing);
                p.fillPath(head, colour);
            }
        }
        p.restore();
    }
    paintLegend(p);
}

// --- Events -----------------------------------------------------------------

bool TaskTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint pos = help->pos();
        const Hit hit = hitAt(pos);
        QString text;
        if (hit.lane >= 0 && hit.eventIndex >= 0) {
            text = eventSummary(hit.lane, hit.eventIndex);
        } else if (hit.lane >= 0 && pos.x() < m_labelWidth) {
            const Lane &lane = *m_lanes[size_t(hit.lane)];
            text = tr("Task %1").arg(lane.label);
            if (!lane.segments.isEmpty())
                text += QLatin1Char('\n') + tr("State: %1").arg(stateLabel(lane.segments.constLast().state));
            text += QLatin1Char('\n') + tr("%n event(s)", nullptr, int(lane.points.size()));
        } else if (pos.y() < m_axisHeight || pos.y() >= height() - m_legendHeight) {
            text = helpText();
        }
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Peer text, shown as plain text whatever markup it holds.
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), this,
                               QRect(pos.x() - 4, pos.y() - 4, 8, 8));
        }
        return true;
    }
    return QWidget::event(event);
}

void TaskTimeline::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TaskTimeline::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        setAccessibleName(tr("Task timeline"));
        setWhatsThis(helpText());
        [[fallthrough]];
    case QEvent::PaletteChange:
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
        invalidateCaches();
        relayout();
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void TaskTimeline::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_followLive)
        followTick();
    updateTimerState();
}

void TaskTimeline::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimerState();
}

void TaskTimeline::keyPressEvent(QKeyEvent *event)
{
    const qint64 span = m_to - m_from;
    const qint64 centre = m_followLive ? now() : m_from + span / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.5, centre);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomBy(2.0, centre);
        break;
    case Qt::Key_Left:
        panByMs(-std::max<qint64>(1, span * PanStepPercent / 100));
        break;
    case Qt::Key_Right:
        panByMs(std::max<qint64>(1, span * PanStepPercent / 100));
        break;
    case Qt::Key_Up:
        if (laneCount() > 0) {
            setSelectedLane(m_selected < 0 ? laneCount() - 1 : std::max(0, m_selected - 1));
            ensureLaneVisible(m_selected);
        }
        break;
    case Qt::Key_Down:
        if (laneCount() > 0) {
            setSelectedLane(m_selected < 0 ? 0 : std::min(laneCount() - 1, m_selected + 1));
            ensureLaneVisible(m_selected);
        }
        break;
    case Qt::Key_PageUp:
        m_laneScroll->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_PageDown:
        m_laneScroll->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    case Qt::Key_End:
    case Qt::Key_F:
        setFollowLive(!m_followLive);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TaskTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressFrom = m_from;
    m_pressTo = m_to;
    m_pressHit = hitAt(m_pressPos);
    if (m_pressHit.lane >= 0)
        setSelectedLane(m_pressHit.lane);
    event->accept();
}

void TaskTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && std::abs(pos.x() - m_pressPos.x()) < QApplication::startDragDistance())
        return;
    if (!m_dragging) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    const double msPerPixel = double(m_pressTo - m_pressFrom) / plotRect().width();
    const qint64 shift = qint64(std::llround((pos.x() - m_pressPos.x()) * msPerPixel));
    if (m_followLive && shift != 0)
        setFollowLive(false);
    setRange(m_pressFrom - shift, m_pressTo - shift);
}

void TaskTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
    } else if (m_pressHit.lane >= 0 && m_pressHit.eventIndex >= 0 && m_pressHit.lane < laneCount()) {
        emit eventActivated(m_lanes[size_t(m_pressHit.lane)]->taskId, m_pressHit.eventIndex);
    }
    event->accept();
}

void TaskTimeline::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const bool horizontal = angle.x() != 0 && angle.y() == 0;
    const int delta = horizontal ? angle.x() : angle.y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const qint64 span = m_to - m_from;
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom around the pointer; while following, near now it keeps following.
        const double factor = std::pow(0.8, delta / 120.0);
        const double x = event->position().x();
        qint64 around = qint64(std::llround(msAt(x)));
        if (m_followLive && x >= xOf(now()) - 4)
            around = now();
        zoomBy(factor, around);
    } else if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        panByMs(-qint64(std::llround(double(span) * PanStepPercent / 100.0 * delta / 120.0)));
    } else {
        m_laneScroll->setValue(m_laneScroll->value() - delta * 3 * m_laneHeight / 120);
    }
    event->accept();
}

} // namespace crosstalk::ui
