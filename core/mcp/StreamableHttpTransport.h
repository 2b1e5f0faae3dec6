#pragma once

#include "http/HttpAuthorizer.h"
#include "http/HttpClient.h"
#include "jsonrpc/OrderedDecoder.h"
#include "mcp/McpTransport.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace crosstalk::http {
class EventStreamReader;
struct SseEvent;
}

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::mcp {

/// What every HTTP transport needs to reach a server.
struct HttpEndpoint
{
    QUrl url;
    /// Sent with every request (for example an Authorization header the
    /// person gave); they never leave the server's origin on a redirect.
    http::HeaderList headers;
    /// Time to connect and send each request.
    qint64 connectTimeoutMs = 30'000;
    /// Names among `headers` that carry a credential whatever they are
    /// called (a kept credential's API-key header), and query parameters
    /// of `url` that do: redacted in the traffic, kept to the origin.
    QList<QByteArray> credentialHeaders = {};
    QStringList credentialParameters = {};

    /// Sets up `client` for this endpoint: the connect timeout (requests are
    /// timed out by the session, so no idle timeout), and the given headers
    /// that carry credentials marked as such, so that a redirect to another
    /// origin drops them.
    void configure(http::HttpClient &client) const;
};

/// MCP over Streamable HTTP. Every message is its own POST, accepting both
/// JSON and an event stream; an answer may come as either.
///
/// In the legacy era (2025-03-26 to 2025-11-25) the server may keep a
/// session: its `Mcp-Session-Id` goes on every later request, a GET stream
/// carries the server's own messages, a broken stream is resumed with
/// `Last-Event-ID` after the `retry` the server asked for, a lost session
/// (404, or 400 "No valid session ID") is reported through sessionLost(), and
/// close() ends the session with DELETE. In the modern era there is none of
/// that: each request's stream is its own, and closing it cancels the request.
class StreamableHttpTransport : public McpTransport
{
    Q_OBJECT

public:
    /// One event or JSON answer larger than this ends that request.
    static constexpr qsizetype MaxMessageBytes = 64 * 1024 * 1024;
    /// Reconnection delay when a stream asked for none.
    static constexpr qint64 DefaultRetryMs = 1000;
    /// Resumptions in a row that bring no new event before giving up.
    static constexpr int MaxFruitlessResumes = 5;

    explicit StreamableHttpTransport(HttpEndpoint endpoint, QObject *parent = nullptr);
    ~StreamableHttpTransport() override;

    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);
    http::HttpClient *httpClient() { return &m_http; }
    /// Authorizes every request (OAuth): its headers go on each request, and
    /// a request the server refuses with 401, or 403 for scope, is sent again
    /// once it has authorized anew. Not owned.
    void setAuthorizer(http::HttpAuthorizer *authorizer);

    QString name() const override { return QStringLiteral("streamable-http"); }
    QString serverKey() const override { return m_endpoint.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString(); }
    void start() override;
    void send(const jsonrpc::Message &message, const http::HeaderList &headers = {}) override;
    void close() override;
    void configure(const QString &protocolVersion, bool legacySession) override;
    void sessionReady() override;
    void resetSession() override;
    bool cancelRequest(const jsonrpc::Id &id) override;

    const QUrl &url() const { return m_endpoint.url; }
    const QByteArray &sessionId() const { return m_sessionId; }

private:
    /// One POST, or one GET that resumes a POST's stream or carries the
    /// server's own messages.
    struct Exchange
    {
        quint64 key = 0;
        QPointer<http::HttpReply> reply;
        QPointer<http::EventStreamReader> reader;
        std::optional<jsonrpc::Id> requestId; ///< the request this exchange awaits the answer to
        bool isGetStream = false;             ///< the session's own stream for server messages
        bool answered = false;                ///< the answer to requestId arrived
        bool eventStream = false;
        bool aborted = false;                 ///< by us
        int newEvents = 0;
        QByteArray body;                      ///< a JSON (non-stream) answer
        QByteArray lastEventId;
        qint64 retryMs = -1;
        int fruitlessResumes = 0;
        QString failure;                      ///< a stream we had to stop
        // What a POST sent, to send it again after an authorization.
        QByteArray sentBody;
        http::HeaderList extraHeaders;
        http::HeaderList sentAuthorization;
        int authAttempts = 0;
    };

    http::HeaderList baseHeaders() const;
    Exchange &newExchange();
    void watch(Exchange &exchange);
    void onHead(quint64 key, int status, const http::HeaderList &headers);
    void onEvent(quint64 key, const http::SseEvent &event);
    void onFinished(quint64 key, const http::HttpResult &result);
    /// Decodes what an exchange delivered (off this thread when large) and
    /// emits its messages in the order they arrived; `then` follows with
    /// whether the answer to `requestId` was among them.
    void deliver(quint64 key, std::optional<jsonrpc::Id> requestId, QByteArray bytes, const QString &where,
                 std::function<void(bool answered)> then = {});
    void resume(Exchange previous);
    void openGetStream(int fruitless);
    void failRequest(const Exchange &exchange, McpError error);
    bool isSessionLost(const Exchange &exchange, int status, const QByteArray &body) const;
    void finishClose();
    void post(QByteArray body, http::HeaderList extraHeaders, std::optional<jsonrpc::Id> id, int authAttempts);
    bool authorize(Exchange &exchange, const http::HttpResult &result);

    HttpEndpoint m_endpoint;
    http::HttpClient m_http;
    jsonrpc::OrderedDecoder m_decoder;
    QHash<quint64, Exchange> m_exchanges;
    quint64 m_nextKey = 1;
    QString m_protocolVersion;
    bool m_legacySession = true;
    QByteArray m_sessionId;
    bool m_getStreamWanted = false;
    bool m_closing = false;
    bool m_closed = false;
    QList<QTimer *> m_timers; // pending reconnections
    QPointer<http::HttpAuthorizer> m_authorizer;
    QTimer m_authorizationTicker;
};

} // namespace crosstalk::mcp
