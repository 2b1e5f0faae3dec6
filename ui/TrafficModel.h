#pragma once

#include "traffic/TrafficFilter.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::ui {

/// The traffic log as a table, the way Wireshark lists packets: every entry
/// that passes the filter, in order; new entries are added in one batch per
/// event-loop turn; display strings are made when a row is painted; evicted
/// entries leave first. Paused, new entries wait until it resumes.
class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Time, Connection, Direction, Kind, Method, Id, Status, Latency, Size, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, ErrorRole };

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

signals:
    void connectionsChanged();

private:
    void onRecorded(quint64 seq);
    void flush();
    void onAboutToEvict(int count);
    void onChanged(quint64 seq);
    void rebuild();

    QPointer<traffic::TrafficLog> m_log;
    traffic::TrafficFilter m_filter;
    QList<quint64> m_rows;     // seqs shown, ascending
    QList<quint64> m_incoming; // seqs recorded, not yet shown
    QTimer m_flushTimer;
    bool m_paused = false;
    QStringList m_connections;
};

} // namespace crosstalk::ui
