#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include "util/Utf8.h"

#include <functional>
#include <optional>

namespace crosstalk::http {

/// One dispatched server-sent event.
struct SseEvent
{
    /// The event type; "message" when the stream named none.
    QString type;
    /// The data lines joined by LF, as UTF-8 bytes (the trailing LF removed).
    QByteArray data;
    /// The last event ID in force when this event was dispatched (it persists
    /// across events, as the WHATWG rules say).
    QByteArray lastEventId;

    /// The data decoded from UTF-8; malformed sequences become U+FFFD.
    QString text() const { return utf8ToString(data); }
};

/// Why a stream could not be parsed further.
struct SseError
{
    enum class Kind { EventTooLarge };
    Kind kind;
    QString message;
    /// Offset in the whole stream (counted from the first byte fed) where
    /// parsing stopped.
    qint64 offset = 0;
};

/// An incremental `text/event-stream` parser that follows the WHATWG HTML
/// rules ("Interpreting an event stream"):
/// - lines end at CR, LF or CRLF, also when the CR and LF arrive in different
///   chunks; a UTF-8 byte order mark at the very start is skipped;
/// - `data` lines accumulate (joined by LF), `event` sets the type, `id` sets
///   the last event ID unless it contains NUL, `retry` sets the reconnection
///   time when it is all ASCII digits, lines starting with `:` are comments,
///   other fields are ignored; one space after the colon is dropped;
/// - an event is dispatched at a blank line, and only when its data is not
///   empty; an unterminated event at the end of the stream is discarded.
///
/// The parser works on bytes: UTF-8 split across chunks needs no care, because
/// CR, LF and ':' never occur inside a multi-byte sequence, and decoding is left
/// to SseEvent::text(). The size of one event (its data and the line being
/// read) is capped: past the cap the parser stops with an error instead of
/// growing without bound.
class SseParser
{
    Q_DECLARE_TR_FUNCTIONS(SseParser)

public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    using EventHandler = std::function<void(const SseEvent &)>;
    using RetryHandler = std::function<void(qint64 milliseconds)>;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes);

    void setEventHandler(EventHandler handler) { m_onEvent = std::move(handler); }
    /// Called whenever a valid `retry` field is read.
    void setRetryHandler(RetryHandler handler) { m_onRetry = std::move(handler); }

    /// Feeds the next chunk. Returns false once the stream has failed (see
    /// error()); later chunks are then ignored.
    bool feed(QByteArrayView chunk);
    /// Ends the stream: whatever is pending (an unterminated line or event) is
    /// discarded, and the parser is ready for a new stream (the last event ID
    /// is kept, as a reconnecting client needs it).
    void finish();
    /// Forgets everything, including the last event ID and any error.
    void reset();

    const std::optional<SseError> &error() const { return m_error; }
    /// The last event ID buffer, to send as `Last-Event-ID` when reconnecting.
    const QByteArray &lastEventId() const { return m_lastEventId; }
    /// The reconnection time from the last valid `retry` field, if any.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    /// Bytes fed so far (after the last reset).
    qint64 bytesFed() const { return m_bytesFed; }
    qsizetype maxEventBytes() const { return m_maxEventBytes; }

private:
    bool processLine(const char *begin, qsizetype length);
    void dispatch();
    void fail(qint64 offset);

    EventHandler m_onEvent;
    RetryHandler m_onRetry;
    qsizetype m_maxEventBytes;

    QByteArray m_line;          // a line split across chunks
    QByteArray m_data;          // data buffer of the event being read
    QByteArray m_eventType;     // event type buffer
    QByteArray m_lastEventId;   // persists across events
    std::optional<qint64> m_retryMs;
    std::optional<SseError> m_error;
    qint64 m_bytesFed = 0;
    int m_bomBytesSeen = 0;     // how much of a leading BOM has been matched
    bool m_atStreamStart = true;
    bool m_skipLeadingLf = false; // the previous chunk ended with CR
};

} // namespace crosstalk::http
