#include "jsonrpc/PendingRequests.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace crosstalk::jsonrpc {

namespace {

qint64 deadlineAfter(qint64 now, qint64 timeoutMs)
{
    constexpr qint64 never = std::numeric_limits<qint64>::max();
    return timeoutMs > never - now ? never : now + timeoutMs;
}

} // namespace

PendingRequests::PendingRequests(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : Clock::system())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PendingRequests::expireDue);
}

PendingRequests::~PendingRequests() = default;

bool PendingRequests::track(const Id &id, const QString &method, qint64 timeoutMs, QObject *context, Callback callback)
{
    if (!context || m_entries.contains(id))
        return false;
    const qint64 now = m_clock->monotonicMs();
    Entry entry;
    entry.method = method;
    entry.startedMs = now;
    entry.timeoutMs = timeoutMs;
    entry.deadlineMs = timeoutMs > 0 ? deadlineAfter(now, timeoutMs) : 0;
    entry.sequence = m_nextSequence++;
    entry.context = context;
    entry.callback = std::move(callback);
    const qint64 deadline = entry.deadlineMs;
    m_entries.emplace(id, std::move(entry));
    if (timeoutMs > 0)
        armFor(deadline);
    return true;
}

bool PendingRequests::resolve(const Response &response)
{
    if (!m_entries.contains(response.id))
        return false;
    return finish(response.id, Outcome { Outcome::Kind::Result, response.result, {}, 0 });
}

bool PendingRequests::resolve(Response &&response)
{
    // An unmatched response stays whole: the caller records it as an issue.
    if (!m_entries.contains(response.id))
        return false;
    return finish(response.id, Outcome { Outcome::Kind::Result, std::move(response.result), {}, 0 });
}

bool PendingRequests::resolve(const ErrorResponse &response)
{
    if (!m_entries.contains(response.id))
        return false;
    return finish(response.id, Outcome { Outcome::Kind::Error, {}, response.error, 0 });
}

bool PendingRequests::cancel(const Id &id)
{
    return finish(id, Outcome { Outcome::Kind::Cancelled, {}, {}, 0 });
}

bool PendingRequests::progress(const Id &id)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    // A later deadline needs no re-arming: the timer fires early, finds
    // nothing due and arms again for what is left.
    if (it->timeoutMs > 0)
        it->deadlineMs = deadlineAfter(m_clock->monotonicMs(), it->timeoutMs);
    return true;
}

void PendingRequests::progressAll()
{
    const qint64 now = m_clock->monotonicMs();
    for (Entry &entry : m_entries) {
        if (entry.timeoutMs > 0)
            entry.deadlineMs = deadlineAfter(now, entry.timeoutMs);
    }
}

void PendingRequests::abandonAll()
{
    const qint64 now = m_clock->monotonicMs();
    std::vector<Entry> entries;
    entries.reserve(std::size_t(m_entries.size()));
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        entries.push_back(std::move(it.value()));
    m_entries.clear();
    m_timer.stop();
    m_armedDeadline.reset();
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.sequence < b.sequence; });
    for (Entry &entry : entries)
        complete(entry, Outcome { Outcome::Kind::Abandoned, {}, {}, now - entry.startedMs });
}

void PendingRequests::expireDue()
{
    const qint64 now = m_clock->monotonicMs();
    std::vector<std::pair<Id, Entry>> due;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->timeoutMs > 0 && it->deadlineMs <= now) {
            due.emplace_back(it.key(), std::move(it.value()));
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    // Earliest deadline first; sorting positions rather than the entries
    // spares moving ids around.
    std::vector<std::size_t> order(due.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&due](std::size_t a, std::size_t b) {
        return std::pair(due[a].second.deadlineMs, due[a].second.sequence)
            < std::pair(due[b].second.deadlineMs, due[b].second.sequence);
    });
    rearm();

    // A callback may delete this table; the entries taken out are local.
    const QPointer<PendingRequests> self(this);
    for (const std::size_t index : order) {
        auto &[id, entry] = due[index];
        if (self)
            emit timedOut(id, entry.method);
        complete(entry, Outcome { Outcome::Kind::Timeout, {}, {}, now - entry.startedMs });
    }
}

std::optional<QString> PendingRequests::methodOf(const Id &id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return std::nullopt;
    return it->method;
}

void PendingRequests::complete(Entry &entry, Outcome &&outcome)
{
    if (entry.context && entry.callback)
        entry.callback(outcome);
}

bool PendingRequests::finish(const Id &id, Outcome &&outcome)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    Entry entry = std::move(it.value());
    m_entries.erase(it);
    if (m_entries.isEmpty()) {
        m_timer.stop();
        m_armedDeadline.reset();
    }
    outcome.elapsedMs = m_clock->monotonicMs() - entry.startedMs;
    complete(entry, std::move(outcome));
    return true;
}

void PendingRequests::armFor(qint64 deadlineMs)
{
    if (m_armedDeadline && *m_armedDeadline <= deadlineMs && m_timer.isActive())
        return;
    m_armedDeadline = deadlineMs;
    const qint64 wait = std::clamp<qint64>(deadlineMs - m_clock->monotonicMs(), 0, std::numeric_limits<int>::max());
    m_timer.start(int(wait));
}

void PendingRequests::rearm()
{
    m_timer.stop();
    m_armedDeadline.reset();
    std::optional<qint64> earliest;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.timeoutMs > 0 && (!earliest || entry.deadlineMs < *earliest))
            earliest = entry.deadlineMs;
    }
    if (earliest)
        armFor(*earliest);
}

} // namespace crosstalk::jsonrpc
