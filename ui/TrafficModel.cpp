#include "TrafficModel.h"

#include "PeerText.h"
#include "traffic/TrafficLog.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <algorithm>

namespace crosstalk::ui {

using traffic::TrafficEntry;
using traffic::TrafficFilter;

TrafficModel::TrafficModel(traffic::TrafficLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0); // once per event-loop turn
    connect(&m_flushTimer, &QTimer::timeout, this, &TrafficModel::flush);
    connect(log, &traffic::TrafficLog::entryRecorded, this, &TrafficModel::onRecorded);
    connect(log, &traffic::TrafficLog::entryChanged, this, &TrafficModel::onChanged);
    connect(log, &traffic::TrafficLog::aboutToEvict, this, &TrafficModel::onAboutToEvict);
    connect(log, &traffic::TrafficLog::cleared, this, [this] {
        beginResetModel();
        m_rows.clear();
        m_incoming.clear();
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
    return m_connections;
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

void TrafficModel::onRecorded(quint64 seq)
{
    m_incoming.append(seq);
    if (!m_paused && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void TrafficModel::flush()
{
    if (!m_log || m_paused || m_incoming.isEmpty())
        return;
    QList<quint64> shown;
    bool newConnection = false;
    for (quint64 seq : std::as_const(m_incoming)) {
        const TrafficEntry *e = m_log->find(seq);
        if (!e)
            continue; // evicted before it was shown
        if (!m_connections.contains(e->connection)) {
            m_connections.append(e->connection);
            newConnection = true;
        }
        if (m_filter.matches(*e))
            shown.append(seq);
    }
    m_incoming.clear();
    if (!shown.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + shown.size() - 1));
        m_rows.append(shown);
        endInsertRows();
    }
    if (newConnection)
        emit connectionsChanged();
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
    m_incoming.removeIf([firstKept](quint64 seq) { return seq < firstKept; });
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
    m_paused = paused;
    if (!paused)
        flush();
}

void TrafficModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_log) {
        // Entries still waiting for a flush are part of the new list too.
        for (int i = 0; i < m_log->size(); ++i) {
            const TrafficEntry &e = m_log->at(i);
            if (!m_connections.contains(e.connection))
                m_connections.append(e.connection);
            if (m_filter.matches(e) && !(m_paused && m_incoming.contains(e.seq)))
                m_rows.append(e.seq);
        }
        if (!m_paused)
            m_incoming.clear();
    }
    endResetModel();
}

} // namespace crosstalk::ui
