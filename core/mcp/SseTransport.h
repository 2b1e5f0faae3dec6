#pragma once

#include "http/HttpClient.h"
#include "jsonrpc/OrderedDecoder.h"
#include "mcp/McpTransport.h"
#include "mcp/StreamableHttpTransport.h"

#include <QPointer>
#include <QUrl>

namespace crosstalk::http {
class EventStreamReader;
struct SseEvent;
}

namespace crosstalk::mcp {

/// MCP over the HTTP+SSE transport of 2024-11-05: a GET opens an event
/// stream whose first `endpoint` event names (possibly relatively) where to
/// POST messages; every answer and server message arrives on the stream.
/// The endpoint must stay on the stream's origin.
class SseTransport : public McpTransport
{
    Q_OBJECT

public:
    explicit SseTransport(HttpEndpoint endpoint, QObject *parent = nullptr);
    ~SseTransport() override;

    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);

    QString name() const override { return QStringLiteral("sse"); }
    QString serverKey() const override { return m_endpoint.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString(); }
    /// Opens the stream; started() follows the `endpoint` event.
    void start() override;
    void send(const jsonrpc::Message &message, const http::HeaderList &headers = {}) override;
    void close() override;
    void configure(const QString &protocolVersion, bool legacySession) override;

    /// Where messages are posted, once the endpoint event has come.
    const QUrl &postUrl() const { return m_postUrl; }

private:
    void onEvent(const http::SseEvent &event);
    void onStreamFinished(const http::HttpResult &result);
    void fail(const QString &reason);

    HttpEndpoint m_endpoint;
    http::HttpClient m_http;
    jsonrpc::OrderedDecoder m_decoder;
    QPointer<http::HttpReply> m_stream;
    QPointer<http::EventStreamReader> m_reader;
    QUrl m_postUrl;
    QString m_protocolVersion;
    QByteArray m_body; // a non-stream answer to the GET, for the error message
    bool m_closing = false;
    bool m_closed = false;
};

} // namespace crosstalk::mcp
