#pragma once

#include "traffic/TrafficFilter.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::ui {

/// The traffic log as a table, the way Wireshark lists packets: every entry
/// that passes the filter, in order; new entries are added in one batch per
/// event-loop turn; display strings are made when a row is painted; evicted
/// entries leave first. Paused, new entries wait until it resumes.
///
/// The filter runs over the log in slices of about SliceMs of the GUI
/// thread, each slice matched on every core (the log does not change while
/// a slice runs). The rows of the first slice appear at once, the rest every
/// PublishMs (the table is not repainted after every slice) and when the
/// list is whole, which filteringFinished() announces. A new filter replaces
/// one still running.
class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Time, Connection, Direction, Kind, Method, Id, Status, Latency, Size, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, ErrorRole };
    /// The longest a slice of filtering holds the GUI thread, by default.
    static constexpr int SliceMs = 12;
    /// While a new filter runs, how often the rows found so far are shown.
    static constexpr int PublishMs = 250;
    /// Entries matched between two looks at the clock.
    static constexpr int ChunkEntries = 16384;

    explicit TrafficModel(traffic::TrafficLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const traffic::TrafficFilter &filter);
    const traffic::TrafficFilter &filter() const { return m_filter; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    quint64 seqAt(int row) const { return m_rows.value(row); }
    /// The row showing `seq`, or -1.
    int rowOf(quint64 seq) const;
    const traffic::TrafficEntry *entryAt(int row) const;
    /// The connections seen so far, for the chooser.
    QStringList connections() const;
    /// Whether entries already recorded wait to be filtered (after a new
    /// filter, or while the newest wait for the next turn).
    bool isFiltering() const;
    /// How long one slice may hold the GUI thread; at least one chunk of
    /// ChunkEntries is matched per slice.
    void setSliceMs(int ms) { m_sliceMs = ms; }

signals:
    void connectionsChanged();
    /// Every entry recorded so far has been filtered (paused: up to the pause).
    void filteringFinished();

private:
    void onRecorded();
    /// Filters the entries not yet considered, for at most SliceMs, and
    /// comes back in the next turn if some remain.
    void catchUp();
    void onAboutToEvict(int count);
    void onChanged(quint64 seq);
    void rebuild();
    /// The seq after the last one the rows may show now.
    quint64 considerUntil() const;

    QPointer<traffic::TrafficLog> m_log;
    traffic::TrafficFilter m_filter;
    QList<quint64> m_rows;   // seqs shown, ascending
    QList<quint64> m_found;  // seqs a running filter found, not shown yet
    bool m_rebuilding = false;
    QElapsedTimer m_sincePublished;
    quint64 m_nextSeq = 1;   // the first seq not yet considered for the rows
    quint64 m_heldFrom = 0;  // paused: the first seq recorded since the pause
    bool m_finished = true;  // filteringFinished() sent for the current work
    QTimer m_catchUpTimer;
    bool m_paused = false;
    int m_sliceMs = SliceMs;
    QThreadPool m_pool;
};

} // namespace crosstalk::ui
