#include "http/EventStreamReader.h"

#include "traffic/TrafficLog.h"

namespace crosstalk::http {

EventStreamReader::EventStreamReader(HttpReply *reply, qsizetype maxEventBytes, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_parser(maxEventBytes)
{
    m_parser.setEventHandler([this](const SseEvent &event) { onEvent(event); });
    m_parser.setRetryHandler([this](qint64 ms) { emit retryChanged(ms); });

    connect(reply, &HttpReply::dataReceived, this, [this](QByteArrayView chunk) {
        if (m_parser.feed(chunk))
            return;
        const QString message = m_parser.error() ? m_parser.error()->message : QString();
        emit streamFailed(message);
        if (m_reply)
            m_reply->abort();
    });
    connect(reply, &HttpReply::finished, this, [this](const HttpResult &result) {
        m_parser.finish(); // an unterminated last event is discarded
        emit finished(result);
    });
}

void EventStreamReader::onEvent(const SseEvent &event)
{
    ++m_eventCount;
    if (m_reply) {
        if (traffic::TrafficLog *log = m_reply->trafficLog()) {
            traffic::TrafficLog::Record record;
            record.connection = m_reply->connectionName();
            record.direction = traffic::Direction::Incoming;
            record.kind = traffic::TransportKind::SseEvent;
            record.startLine = QStringLiteral("event: ") + event.type;
            if (!event.lastEventId.isEmpty())
                record.startLine += QStringLiteral(" · id: ") + QString::fromUtf8(event.lastEventId);
            record.body = event.data;
            log->record(std::move(record));
        }
    }
    emit eventReceived(event);
}

} // namespace crosstalk::http
