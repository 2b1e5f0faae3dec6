#pragma once

#include <QtGlobal>

namespace crosstalk {

/// A source of time, so that timeouts and latencies can be tested without
/// waiting. Times are milliseconds: monotonic() for durations and deadlines,
/// wallMs() (since the Unix epoch) for what a person reads.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 monotonicMs() const = 0;
    virtual qint64 wallMs() const = 0;

    /// The process-wide real clock.
    static Clock *system();
};

/// A clock that only moves when told to: for tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 wallStartMs = 1'700'000'000'000) : m_wallStart(wallStartMs) {}
    qint64 monotonicMs() const override { return m_now; }
    qint64 wallMs() const override { return m_wallStart + m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 0;
    qint64 m_wallStart;
};

} // namespace crosstalk
