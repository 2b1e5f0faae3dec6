#pragma once

#include "http/HttpClient.h"
#include "http/SseParser.h"

#include <QObject>
#include <QPointer>

namespace crosstalk::http {

/// Reads a `text/event-stream` response: the chunks of a streaming HttpReply
/// go through an SseParser, each event is recorded in the reply's traffic log
/// and emitted. When an event is larger than the cap the reply is aborted and
/// streamFailed() says why.
class EventStreamReader : public QObject
{
    Q_OBJECT

public:
    /// `reply` must be a streaming request; the reader follows its lifetime
    /// and emits finished() after the reply's own finished().
    explicit EventStreamReader(HttpReply *reply, qsizetype maxEventBytes = SseParser::DefaultMaxEventBytes,
                               QObject *parent = nullptr);

    /// The last event ID seen, for `Last-Event-ID` when reconnecting.
    QByteArray lastEventId() const { return m_parser.lastEventId(); }
    /// The reconnection delay the server asked for, if any.
    std::optional<qint64> retryMs() const { return m_parser.retryMs(); }
    int eventCount() const { return m_eventCount; }

signals:
    void eventReceived(const crosstalk::http::SseEvent &event);
    void retryChanged(qint64 milliseconds);
    /// The stream could not be read further (an oversized event).
    void streamFailed(const QString &message);
    /// The response ended (normally or not); `result` is the reply's result.
    void finished(const crosstalk::http::HttpResult &result);

private:
    void onEvent(const SseEvent &event);

    QPointer<HttpReply> m_reply;
    SseParser m_parser;
    int m_eventCount = 0;
};

} // namespace crosstalk::http
