#pragma once

#include "traffic/Redactor.h"
#include "traffic/TrafficEntry.h"
#include "util/Clock.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

class QIODevice;

namespace crosstalk::traffic {

/// Every message that entered or left a connection, in order: HTTP requests
/// and responses, SSE events, stdio lines. Secrets are redacted as entries
/// are recorded, so nothing here (nor in an export) holds them.
///
/// JSON-RPC bodies are summarised, and a response is linked to its request
/// by id, per connection and per direction (in MCP both sides send requests,
/// each with its own ids). The log is bounded by a byte budget: the oldest
/// entries are evicted, announced by aboutToEvict() and evicted() so that a
/// view can remove its rows first. Seqs start at 1, only grow and are
/// contiguous in the kept range.
///
/// Not thread-safe: record from the thread the log lives in.
class TrafficLog : public QObject
{
    Q_OBJECT

public:
    /// Bodies larger than this are stored but not decoded as JSON-RPC.
    static constexpr qsizetype MaxSummarisedBodyBytes = 8 * 1024 * 1024;
    /// Request ids remembered for correlation, over all connections: the
    /// oldest are forgotten first (as are those whose entry was evicted).
    static constexpr int MaxPendingRequests = 16384;

    struct Record
    {
        QString connection;
        Direction direction = Direction::Outgoing;
        TransportKind kind = TransportKind::StdioLine;
        QString startLine;
        QList<HttpHeader> headers;
        QByteArray body;
        /// The body's media type, for redaction; when empty, a Content-Type
        /// header is used, and without one the body is sniffed.
        QByteArray contentType;
        /// An explicit link, e.g. an HTTP response to its HTTP request.
        std::optional<quint64> linkTo;
    };

    explicit TrafficLog(qsizetype byteBudget = 64 * 1024 * 1024, Clock *clock = Clock::system(),
                        QObject *parent = nullptr);
    ~TrafficLog() override;

    /// Redacts, summarises, links and stores one message; returns its seq.
    quint64 record(Record record);

    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    /// 0 is the oldest entry kept.
    const TrafficEntry &at(int index) const;
    /// nullptr when seq was evicted, cleared or never recorded.
    const TrafficEntry *find(quint64 seq) const;
    /// The seq of the oldest entry kept; when empty, the seq the next entry gets.
    quint64 firstSeq() const { return m_firstSeq; }
    /// Entries evicted for the budget since construction (clear() does not count).
    quint64 evictedCount() const { return m_evictedCount; }

    qsizetype totalBytes() const { return m_totalBytes; }
    qsizetype byteBudget() const { return m_byteBudget; }
    /// Evicts the oldest entries until the rest fits (possibly all of them).
    void setByteBudget(qsizetype bytes);

    /// The connections that recorded something since the log was made, in
    /// the order they first did (clear() keeps them).
    const QStringList &connections() const { return m_connections; }

    /// Forgets every entry and every pending request id; emits cleared().
    void clear();

    /// The redaction rules; add an agent card's API-key header here before
    /// its traffic is recorded.
    Redactor &redactor() { return m_redactor; }
    const Redactor &redactor() const { return m_redactor; }

    /// Writes one JSON object per line (seq, time, connection, direction,
    /// kind, startLine, headers, body or bodyBase64, bodyTruncated,
    /// originalBodySize, redacted, rpc, linkedSeq, latencyMs).
    bool exportNdjson(QIODevice *out, QString *error = nullptr) const;

signals:
    void entryRecorded(quint64 seq);
    /// A connection recorded its first entry (just before entryRecorded()).
    void connectionAdded(const QString &connection);
    /// An entry already recorded changed (it got its linkedSeq).
    void entryChanged(quint64 seq);
    /// The count oldest entries (indexes 0 … count - 1) are about to go.
    void aboutToEvict(int count);
    void evicted(int count);
    void cleared();

private:

    struct PendingKey
    {
        QString connection;
        Direction requestDirection = Direction::Outgoing;
        QString id; // display form: 1 and "1" differ

        bool operator==(const PendingKey &) const = default;
        friend size_t qHash(const PendingKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.connection, int(key.requestDirection), key.id);
        }
    };

    struct Pending
    {
        quint64 seq = 0;
        QString method;
    };

    TrafficEntry *findMutable(quint64 seq);
    /// Shares equal short strings between entries (start lines, header names
    /// and values, methods), which repeat from message to message.
    void intern(QString &text);
    void intern(QByteArray &bytes);
    void intern(QList<HttpHeader> &headers);
    /// Moves a body into the current block of bodies (see m_block).
    void pack(QByteArray &body);
    void evictOldest(int count);
    void forgetPending(quint64 belowSeq, int maxKept);

    Clock *m_clock;
    Redactor m_redactor;
    // An entry's cost is costBytes(), as charged when it was recorded: what
    // it counts does not change afterwards.
    std::deque<TrafficEntry> m_entries;
    quint64 m_firstSeq = 1;
    quint64 m_nextSeq = 1;
    quint64 m_evictedCount = 0;
    qsizetype m_totalBytes = 0;
    qsizetype m_byteBudget;

    QStringList m_connections;
    QSet<QString> m_strings;
    QSet<QByteArray> m_bytes;
    QSet<QList<HttpHeader>> m_headerLists;
    // Bodies lie one after another in blocks, each body ending in a NUL; a
    // body is a QByteArray inside its block that holds a reference to it, so
    // a block lives while any body in it does, copies included. Bodies are
    // then read in the order they came (the filter searches them all) and
    // cost no allocation of their own.
    QByteArray m_block;
    qsizetype m_blockUsed = 0;

    QHash<PendingKey, Pending> m_pending;
    // Registration order, to forget the oldest and the evicted; may hold keys
    // already answered.
    std::deque<std::pair<quint64, PendingKey>> m_pendingOrder;
};

} // namespace crosstalk::traffic
