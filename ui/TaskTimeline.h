#pragma once

#include "a2a/TaskModel.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVarLengthArray>
#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class QScrollBar;

namespace crosstalk {
class Clock;
}

namespace crosstalk::a2a {
class TaskTracker;
}

namespace crosstalk::ui {

/// Tasks over time, drawn with QPainter: one lane per task, a coloured
/// segment per state (the colours named in a legend), markers for messages,
/// artifact chunks, polls, resubscriptions, push deliveries and protocol
/// issues, and, while following live, a line at "now" kept at the right edge.
///
/// Ctrl+wheel or +/- zoom, a drag, Shift+wheel or Left/Right pan, the wheel
/// scrolls the lanes, Up/Down choose a lane, Home fits everything, F or End
/// follows live. Panning or zooming away from now stops following.
///
/// Each lane keeps its own caches (segments and markers sorted by time),
/// grown from the tracker's eventAdded one event at a time; a paint draws the
/// lanes in view only, and in each the time window found by binary search,
/// one marker per pixel column and shape. Repaints caused by new events are coalesced
/// (at most about 30 a second).
class TaskTimeline : public QWidget
{
    Q_OBJECT

public:
    /// A stretch of time a task spent in one state, from the event that
    /// entered it. A terminal state's segment ends where it starts (it is
    /// drawn as a short cap); the last segment of a live task ends at now
    /// (or at its last event when the clock is behind).
    struct Segment
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        a2a::TaskState state = a2a::TaskState::Unknown;
        int eventIndex = -1; ///< in the tracker's events()
    };
    /// What is under a point: a lane (or -1), and the event of the marker or
    /// segment there (or -1).
    struct Hit
    {
        int lane = -1;
        int eventIndex = -1;
    };

    explicit TaskTimeline(QWidget *parent = nullptr);
    ~TaskTimeline() override;

    /// Where "now" comes from; Clock::system() by default. Not owned.
    void setClock(Clock *clock);
    Clock *clock() const { return m_clock; }

    /// Appends a lane for the task (nothing when it has one already). The
    /// tracker is not owned: its lane goes when it is destroyed.
    void addTask(a2a::TaskTracker *tracker);
    void clear();
    int laneCount() const { return int(m_lanes.size()); }
    a2a::TaskTracker *trackerAt(int lane) const;
    int laneOf(const QString &taskId) const;
    /// The lane's segments in time order (for tests and tools).
    QList<Segment> segments(int lane) const;

    /// Following live, the view keeps now at its right edge, moving ten
    /// times a second while shown.
    void setFollowLive(bool on);
    bool followLive() const { return m_followLive; }

    /// Shows [fromWallMs, toWallMs]; stops following live.
    void setVisibleRange(qint64 fromWallMs, qint64 toWallMs);
    qint64 visibleFrom() const { return m_from; }
    qint64 visibleTo() const { return m_to; }
    /// factor < 1 zooms in; the time `aroundWallMs` stays where it is on
    /// screen. Following live stops unless that time is now.
    void zoomBy(double factor, qint64 aroundWallMs);
    /// Moves the view later (ms > 0) or earlier; stops following live.
    void panByMs(qint64 ms);
    /// Shows every event of every lane (and now, while a task is live);
    /// stops following live.
    void fitAll();

    void selectTask(const QString &taskId);
    QString selectedTaskId() const;
    int selectedLane() const { return m_selected; }

    Hit hitAt(const QPoint &pos) const;
    /// Where a time is drawn on a lane (the centre of its markers' row);
    /// a null point when the lane is scrolled out of view.
    QPoint positionOf(int lane, qint64 wallMs) const;
    /// The plain text a tooltip shows for an event: kind, source, time,
    /// state, and the note or an excerpt of the text, with control and
    /// bidirectional characters made visible.
    QString eventSummary(int lane, int eventIndex) const;

    /// The colour of a state's segments and its name in the legend.
    static QColor stateColor(a2a::TaskState state);
    static QString stateLabel(a2a::TaskState state);
    /// Text from a peer as one plain line: control and bidirectional
    /// characters shown as markers such as ⟦U+202E⟧, whitespace collapsed,
    /// cut to `maxChars` with an ellipsis (no cut when negative).
    static QString plainLine(QStringView text, qsizetype maxChars = -1);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void taskSelected(const QString &taskId);
    /// A click on a marker or a segment: show the whole event.
    void eventActivated(const QString &taskId, int eventIndex);
    void followLiveChanged(bool on);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    /// Marker shapes, in drawing order (issues on top).
    enum class Mark : quint8 { Artifact, Message, Poll, Resubscribe, Push, Issue, Count };
    struct Point
    {
        qint64 ms = 0;
        int eventIndex = -1;
        a2a::TaskState state = a2a::TaskState::Unknown;
    };
    struct Marker
    {
        qint64 ms = 0;
        int eventIndex = -1;
        bool pushed = false; ///< a message or chunk delivered by push: drawn hollow
    };
    struct Lane
    {
        QPointer<a2a::TaskTracker> tracker;
        QString taskId;
        QString label; ///< the id as plainLine() shows it
        QString elided;
        int elidedWidth = -1;
        int ingested = 0; ///< events taken from the tracker
        QList<Point> points; ///< every event, by time
        QList<Segment> segments; ///< by time; the last one's endMs is filled in when asked
        std::array<QList<Marker>, size_t(Mark::Count)> marks;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };

    void ingest(Lane &lane);
    void insertEvent(Lane &lane, const Point &point, Mark mark, bool hasMark, bool pushed);
    static void rebuildSegments(Lane &lane);
    void removeLane(const QObject *key);
    qint64 now() const;
    qint64 laneEndMs(const Lane &lane) const;
    void scheduleRepaint();
    void setRange(qint64 from, qint64 to);
    void followTick();
    void updateTimerState();
    void relayout();
    void updateScrollRange();
    void ensureLaneVisible(int lane);
    void setSelectedLane(int lane);
    void invalidateCaches();

    // Geometry, from relayout().
    QRect plotRect() const; ///< the lanes' time area (no label column)
    QRect lanesRect() const; ///< label column and time area
    int laneTop(int lane) const;
    int markerY(int laneTop) const; ///< the centre of a lane's markers
    int capWidth() const; ///< a terminal state's segment, in pixels
    int laneAt(int y) const;
    double xOf(qint64 ms) const;
    double msAt(double x) const;

    // Painting.
    void paintAxis(QPainter &p, const QRect &plot, QVarLengthArray<int, 64> *ticks) const;
    void paintLane(QPainter &p, int lane, int top, const QRect &plot);
    void paintLegend(QPainter &p);
    const QPixmap &sprite(Mark mark, bool hollow);
    QPixmap renderSprite(Mark mark, bool hollow) const;
    void layoutLegend();
    QString helpText() const;

    Clock *m_clock = nullptr;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    QHash<const QObject *, Lane *> m_laneByKey;
    int m_selected = -1;
    qint64 m_from = 0;
    qint64 m_to = 0;
    bool m_followLive = true;
    QTimer m_followTimer;
    QTimer m_repaintTimer;
    QScrollBar *m_laneScroll = nullptr;

    // Geometry.
    int m_axisHeight = 0;
    int m_laneHeight = 0;
    int m_labelWidth = 0;
    int m_legendHeight = 0;
    int m_markSize = 0;

    // Legend: laid out for a width, drawn from a pixmap.
    struct LegendItem
    {
        QRect rect; ///< swatch and text
        QString text;
        int state = -1; ///< a TaskState, or -1 for a marker
        Mark mark = Mark::Message;
        bool hollow = false;
    };
    QList<LegendItem> m_legend;
    QPixmap m_legendPixmap;
    std::array<QPixmap, size_t(Mark::Count) * 2> m_sprites;

    // Mouse.
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPos;
    qint64 m_pressFrom = 0;
    qint64 m_pressTo = 0;
    Hit m_pressHit;
};

} // namespace crosstalk::ui
