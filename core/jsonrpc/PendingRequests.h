#pragma once

#include "jsonrpc/JsonRpcMessage.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace crosstalk::jsonrpc {

/// How a tracked request ended.
struct Outcome
{
    Q_GADGET

public:
    enum class Kind {
        Result, ///< answered with a result
        Error, ///< answered with an error object
        Timeout, ///< no answer before its deadline
        Cancelled, ///< cancelled by us; the caller sends the protocol's cancel
        Abandoned, ///< the table was cleared, e.g. the connection closed
    };
    Q_ENUM(Kind)

    Kind kind = Kind::Result;
    nlohmann::json result; ///< for Result
    ErrorObject error; ///< for Error
    qint64 elapsedMs = 0; ///< from track() to the outcome, monotonic
};

/// The requests we sent that await an answer, keyed by id: correlation,
/// timeouts (reset on progress), cancellation. Each callback runs at most
/// once, only while its context object lives, and after the entry has left
/// the table (so it may track, cancel or clear freely). Destroying the table
/// drops its entries silently: call abandonAll() first to tell the callers.
class PendingRequests : public QObject
{
    Q_OBJECT

public:
    /// Gets the outcome to keep: its result may be moved from.
    using Callback = std::function<void(Outcome &)>;

    explicit PendingRequests(Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~PendingRequests() override;

    /// Starts waiting for the answer to \a id. timeoutMs <= 0 waits forever.
    /// Returns false, tracking nothing, when \a id is already pending or
    /// \a context is null (both programming errors).
    [[nodiscard]] bool track(const Id &id, const QString &method, qint64 timeoutMs, QObject *context,
                             Callback callback);

    /// Complete the matching entry; false for an id that is not pending (the
    /// caller records a protocol issue). The rvalue overload moves the result
    /// out only when an entry matched.
    bool resolve(const Response &response);
    bool resolve(Response &&response);
    bool resolve(const ErrorResponse &response);

    /// Completes the entry with Cancelled; false for an unknown id.
    bool cancel(const Id &id);

    /// The peer reported progress: the timeout starts over. False for an
    /// unknown id.
    bool progress(const Id &id);
    /// Restarts the wait of every request (the peer is busy on all of
    /// them, such as while the person signs in).
    void progressAll();

    /// Completes every entry with Abandoned, in the order they were tracked.
    void abandonAll();

    /// Completes every entry whose deadline has passed with Timeout, earliest
    /// first. The timer calls this; tests with a ManualClock call it directly.
    void expireDue();

    int count() const { return int(m_entries.size()); }
    bool contains(const Id &id) const { return m_entries.contains(id); }
    std::optional<QString> methodOf(const Id &id) const;

signals:
    void timedOut(const crosstalk::jsonrpc::Id &id, const QString &method);

private:
    struct Entry
    {
        QString method;
        qint64 startedMs = 0;
        qint64 timeoutMs = 0;
        qint64 deadlineMs = 0; ///< meaningful when timeoutMs > 0
        quint64 sequence = 0;
        QPointer<QObject> context;
        Callback callback;
    };

    static void complete(Entry &entry, Outcome &&outcome);
    bool finish(const Id &id, Outcome &&outcome);
    void armFor(qint64 deadlineMs);
    void rearm();

    Clock *m_clock;
    QHash<Id, Entry> m_entries;
    QTimer m_timer;
    std::optional<qint64> m_armedDeadline;
    quint64 m_nextSequence = 0;
};

} // namespace crosstalk::jsonrpc
