#include "TrafficModel.h"

#include "PeerText.h"
#include "traffic/TrafficLog.h"

#include <QColor>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QSemaphore>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace crosstalk::ui {

using traffic::TrafficEntry;
using traffic::TrafficFilter;

TrafficModel::TrafficModel(traffic::TrafficLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    // The GUI thread matches one part of each slice, the pool the others.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_pool.setObjectName(QStringLiteral("traffic filter"));
    m_catchUpTimer.setObjectName(QStringLiteral("trafficCatchUp"));
    m_catchUpTimer.setSingleShot(true);
    m_catchUpTimer.setInterval(0); // once per event-loop turn
    connect(&m_catchUpTimer, &QTimer::timeout, this, &TrafficModel::catchUp);
    connect(log, &traffic::TrafficLog::entryRecorded, this, &TrafficModel::onRecorded);
    connect(log, &traffic::TrafficLog::entryChanged, this, &TrafficModel::onChanged);
    connect(log, &traffic::TrafficLog::aboutToEvict, this, &TrafficModel::onAboutToEvict);
    connect(log, &traffic::TrafficLog::connectionAdded, this, &TrafficModel::connectionsChanged);
    connect(log, &traffic::TrafficLog::cleared, this, [this] {
        beginResetModel();
        m_rows.clear();
        m_found.clear();
        m_nextSeq = m_log->firstSeq();
        endResetModel();
    });
    rebuild();
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const TrafficEntry *TrafficModel::entryAt(int row) const
{
    return m_log && row >= 0 && row < m_rows.size() ? m_log->find(m_rows.at(row)) : nullptr;
}

int TrafficModel::rowOf(quint64 seq) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq);
    return it != m_rows.cend() && *it == seq ? int(it - m_rows.cbegin()) : -1;
}

QStringList TrafficModel::connections() const
{
    return m_log ? m_log->connections() : QStringList();
}

quint64 TrafficModel::considerUntil() const
{
    const quint64 end = m_log->firstSeq() + quint64(m_log->size());
    return m_paused ? std::min(end, m_heldFrom) : end;
}

bool TrafficModel::isFiltering() const
{
    return m_log && std::max(m_nextSeq, m_log->firstSeq()) < considerUntil();
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("No.");
    case Time: return tr("Time");
    case Connection: return tr("Connection");
    case Direction: return tr("Dir.");
    case Kind: return tr("Kind");
    case Method: return tr("Method");
    case Id: return tr("Id");
    case Status: return tr("Status");
    case Latency: return tr("Latency");
    case Size: return tr("Size");
    }
    return {};
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    const TrafficEntry *e = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!e)
        return {};
    if (role == SeqRole)
        return e->seq;
    if (role == ErrorRole)
        return TrafficFilter::isError(*e);
    if (role == Qt::ForegroundRole && index.column() == Status && TrafficFilter::isError(*e))
        return QColor(0xc6, 0x28, 0x28);
    if (role == Qt::TextAlignmentRole && (index.column() == Number || index.column() == Latency || index.column() == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number: return e->seq;
    case Time: return QDateTime::fromMSecsSinceEpoch(e->wallMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Connection: return revealHiddenCharacters(e->connection);
    case Direction: return e->direction == traffic::Direction::Outgoing ? QStringLiteral("→") : QStringLiteral("←");
    case Kind:
        switch (e->kind) {
        case traffic::TransportKind::HttpRequest: return tr("HTTP request");
        case traffic::TransportKind::HttpResponse: return tr("HTTP response");
        case traffic::TransportKind::SseEvent: return tr("SSE event");
        case traffic::TransportKind::StdioLine: return tr("stdio");
        }
        return {};
    case Method: {
        QString method = revealHiddenCharacters(e->rpc.method);
        if (e->rpc.kind == traffic::RpcSummary::Kind::Batch)
            method = tr("batch of %1").arg(e->rpc.batchSize);
        else if (e->rpc.kind == traffic::RpcSummary::Kind::Notification && !method.isEmpty())
            method += tr(" (notification)");
        else if (method.isEmpty() && e->kind == traffic::TransportKind::HttpRequest) {
            // Not JSON-RPC (a card, a key set): the HTTP method and path.
            const QUrl url(e->startLine.section(QLatin1Char(' '), 1));
            method = e->startLine.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + url.path();
        }
        return method;
    }
    case Id: return revealHiddenCharacters(e->rpc.id);
    case Status: {
        QStringList parts;
        if (const int status = TrafficFilter::statusOf(*e))
            parts << QString::number(status);
        if (e->rpc.errorCode)
            parts << tr("error %1").arg(*e->rpc.errorCode);
        if (e->rpc.kind == traffic::RpcSummary::Kind::Invalid)
            parts << tr("invalid");
        return parts.join(QStringLiteral(" · "));
    }
    case Latency: return e->latencyMs ? QStringLiteral("%1 ms").arg(*e->latencyMs) : QString();
    case Size: return QLocale().formattedDataSize(e->originalBodySize, 1, QLocale::DataSizeTraditionalFormat);
    }
    return {};
}

void TrafficModel::onRecorded()
{
    m_finished = false;
    if (!m_paused && !m_catchUpTimer.isActive())
        m_catchUpTimer.start();
}

void TrafficModel::catchUp()
{
    if (!m_log)
        return;
    m_nextSeq = std::max(m_nextSeq, m_log->firstSeq());
    const quint64 until = considerUntil();
    // Slices of the log: the GUI thread waits for each (the log cannot change
    // meanwhile), and stops after SliceMs until the next turn.
    constexpr auto Chunk = quint64(ChunkEntries);
    QElapsedTimer clock;
    clock.start();
    QList<quint64> shown;
    std::vector<const TrafficEntry *> entries;
    std::vector<char> keep;
    while (m_nextSeq < until) {
        const auto n = qsizetype(std::min(until - m_nextSeq, Chunk));
        if (m_filter.isEmpty()) {
            for (qsizetype i = 0; i < n; ++i)
                shown.append(m_nextSeq + quint64(i));
        } else {
            entries.resize(size_t(n));
            keep.assign(size_t(n), 0);
            for (qsizetype i = 0; i < n; ++i)
                entries[size_t(i)] = m_log->find(m_nextSeq + quint64(i));
            const auto matchRange = [this, &entries, &keep](qsizetype from, qsizetype to) {
                m_filter.matchAll(entries.data() + from, to - from, keep.data() + from);
            };
            const int parts = n >= 1024 ? m_pool.maxThreadCount() + 1 : 1;
            const qsizetype per = (n + parts - 1) / parts;
            QSemaphore done;
            for (int part = 1; part < parts; ++part) {
                const qsizetype from = std::min(n, per * part);
                const qsizetype to = std::min(n, from + per);
                m_pool.start([&matchRange, &done, from, to] {
                    matchRange(from, to);
                    done.release();
                });
            }
            matchRange(0, std::min(n, per));
            done.acquire(parts - 1);
            for (qsizetype i = 0; i < n; ++i) {
                if (keep[size_t(i)])
                    shown.append(m_nextSeq + quint64(i));
            }
        }
        m_nextSeq += quint64(n);
        if (clock.elapsed() >= m_sliceMs)
            break;
    }
    m_found.append(shown);
    const bool whole = m_nextSeq >= until;
    // New traffic shows at once; a new filter's rows at first, then now and
    // then, so that the table is not laid out and painted after each slice.
    const bool publish = whole || !m_rebuilding || m_rows.isEmpty() || m_sincePublished.elapsed() >= PublishMs;
    if (publish && !m_found.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + m_found.size() - 1));
        m_rows.append(m_found);
        m_found.clear();
        endInsertRows();
        m_sincePublished.start();
    }
    if (whole)
        m_rebuilding = false;
    if (!whole) {
        m_catchUpTimer.start();
    } else if (!m_finished) {
        m_finished = true;
        emit filteringFinished();
    }
}

void TrafficModel::onAboutToEvict(int count)
{
    if (!m_log || count <= 0)
        return;
    // The oldest `count` entries go: their rows are a prefix of the table.
    const quint64 firstKept = m_log->firstSeq() + quint64(count);
    const int gone = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), firstKept) - m_rows.cbegin());
    if (gone > 0) {
        beginRemoveRows({}, 0, gone - 1);
        m_rows.remove(0, gone);
        endRemoveRows();
    }
    m_found.removeIf([firstKept](quint64 seq) { return seq < firstKept; });
    m_nextSeq = std::max(m_nextSeq, firstKept);
}

void TrafficModel::onChanged(quint64 seq)
{
    const int row = rowOf(seq);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TrafficModel::setFilter(const TrafficFilter &filter)
{
    m_filter = filter;
    rebuild();
}

void TrafficModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_heldFrom = m_log ? m_log->firstSeq() + quint64(m_log->size()) : 0;
    } else {
        m_finished = false;
        catchUp();
    }
}

void TrafficModel::rebuild()
{
    m_catchUpTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_found.clear();
    m_nextSeq = m_log ? m_log->firstSeq() : 1;
    endResetModel();
    m_finished = false;
    m_rebuilding = true;
    m_sincePublished.start();
    // The first slice at once: a small log is filtered before this returns.
    catchUp();
}

} // namespace crosstalk::ui
