#pragma once

#include "http/Http1Parser.h"
#include "http/RedirectRules.h"
#include "traffic/TrafficEntry.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace crosstalk::http {
class Http1Connection;
}

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::http {

/// Headers as the traffic log records them.
QList<traffic::HttpHeader> trafficHeaders(const HeaderList &headers);

/// What to send. Headers given here come after (and override) the client's
/// default headers.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;

    /// Time to connect and send the request; -1 takes the client's default, 0 waits forever.
    qint64 connectTimeoutMs = -1;
    /// Time without any byte moving once the request is sent; -1 takes the
    /// client's default, 0 waits forever (long-lived streams).
    qint64 idleTimeoutMs = -1;
    /// Cap on a buffered response body.
    qint64 maxResponseBytes = 32 * 1024 * 1024;
    /// Streaming: the body is handed out chunk by chunk through
    /// HttpReply::dataReceived and not kept; `maxStreamBytes` (0 = no cap)
    /// bounds the whole stream.
    bool streaming = false;
    qint64 maxStreamBytes = 0;
    int maxRedirects = 10;
    /// False: a redirect is the final response (its status and `Location`
    /// come back as they are), as an OAuth client reading an authorization
    /// code from `Location` needs.
    bool followRedirects = true;
    /// TLS errors the person has explicitly accepted for this request (for
    /// example a pinned self-signed certificate). Any other TLS error fails it.
    QList<QSslError> acceptedTlsErrors;
};

/// How a request ended. `error` is about the transfer: an HTTP 404 is a
/// completed transfer (error None) with `status` 404.
struct HttpResult
{
    enum class Error {
        None,
        ConnectTimeout,
        IdleTimeout,
        TooLarge,
        RedirectRefused,
        Tls,
        Network,
        Aborted,
    };

    Error error = Error::None;
    QString errorMessage;
    int status = 0;
    QByteArray reasonPhrase;
    HeaderList headers;
    /// The body (empty for streaming requests, whose body went out as chunks).
    QByteArray body;
    QUrl finalUrl;
    /// Every URL redirected to, in order.
    QList<QUrl> redirects;
    /// Credential headers dropped because a redirect left the origin.
    QList<QByteArray> droppedHeaders;
    QStringList tlsErrors;
    qint64 elapsedMs = 0;

    bool ok() const { return error == Error::None; }
    /// The first header of that name (case-insensitive), or a null array.
    QByteArray header(QByteArrayView name) const;
};

class HttpClient;

/// One request in flight, owned by its HttpClient: it deletes itself (later)
/// once finished() has been emitted. Connect with a context object.
class HttpReply : public QObject
{
    Q_OBJECT

public:
    ~HttpReply() override;

    const HttpRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    /// The traffic-log sequence number of the request sent last (after
    /// redirects), to link what comes back on this reply.
    std::optional<quint64> requestSeq() const { return m_requestSeq; }
    traffic::TrafficLog *trafficLog() const;
    QString connectionName() const;

    /// Stops the request; finished() follows with Error::Aborted.
    void abort();

signals:
    /// The final response's status and headers have arrived (after redirects).
    void responseStarted(int status, const crosstalk::http::HeaderList &headers);
    /// A piece of the final response body (streaming requests only), valid
    /// only during the call.
    void dataReceived(QByteArrayView chunk);
    void finished(const crosstalk::http::HttpResult &result);

private:
    friend class HttpClient;
    HttpReply(HttpClient *client, HttpRequest request);

    void startHop();
    void startManagedHop();
    void startStreamHop();
    void recordRequest();
    // QNetworkAccessManager hops (buffered requests)
    void onMetaData();
    void onReadyRead();
    void onHopFinished();
    void onTlsErrors(const QList<QSslError> &errors);
    // What either kind of hop reports
    void handleHead(int status, const QByteArray &reason, const HeaderList &headers);
    void handleBody(QByteArrayView chunk);
    void handleHopEnd(const QString &transportError, bool tls);
    void releaseTransport();
    void fail(HttpResult::Error error, const QString &message);
    void finish();
    void touchIdle();
    void recordResponse(const QByteArray &body);

    QPointer<HttpClient> m_client;
    HttpRequest m_request;
    HttpResult m_result;
    HeaderList m_hopHeaders;
    QByteArray m_hopMethod;
    QByteArray m_hopBody;
    QUrl m_hopUrl;
    QPointer<QNetworkReply> m_reply;
    QPointer<Http1Connection> m_stream; // streaming requests
    Http1Parser::Head m_hopHead;        // the head of this hop's response
    bool m_hopHeadSeen = false;
    QNetworkAccessManager *m_ownManager = nullptr; // only for accepted TLS errors
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_lastActivity; // the idle timer is re-armed from this when it fires
    QByteArray m_buffer;
    qint64 m_bytesReceived = 0;
    std::optional<quint64> m_requestSeq;
    bool m_isRedirectHop = false;
    bool m_started = false; // responseStarted emitted
    bool m_eventStream = false; // the final response is text/event-stream
    bool m_finished = false;
};

/// The one HTTP client every Crosstalk connection uses, over
/// QNetworkAccessManager for buffered requests and Http1Connection for
/// streaming ones (bounded memory, no thread hop): default headers per connection, connect and idle
/// timeouts, a cap on response size, TLS errors reported and never ignored
/// silently, redirects followed by RedirectRules with credential headers
/// dropped when they leave the origin, and everything recorded in the
/// traffic log.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setDefaultHeader(const QByteArray &name, const QByteArray &value);
    void removeDefaultHeader(const QByteArray &name);
    const HeaderList &defaultHeaders() const { return m_defaultHeaders; }

    /// Adds a header name that carries a credential (such as an API-key
    /// header from a security scheme): it is dropped on cross-origin redirects.
    /// The traffic log, once set, redacts it too, whatever its name.
    void addCredentialHeader(const QByteArray &name);
    const QList<QByteArray> &credentialHeaders() const { return m_credentialHeaders; }
    /// A query parameter that carries a credential (an API key in the
    /// query): the traffic log redacts it.
    void addCredentialParameter(const QString &name);

    void setDefaultTimeouts(qint64 connectTimeoutMs, qint64 idleTimeoutMs);
    qint64 defaultConnectTimeoutMs() const { return m_connectTimeoutMs; }
    qint64 defaultIdleTimeoutMs() const { return m_idleTimeoutMs; }

    /// Records every request and response in `log` under `connection`.
    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);
    traffic::TrafficLog *trafficLog() const;
    const QString &connectionName() const { return m_connection; }

    /// Starts a request. The reply belongs to this client.
    HttpReply *send(HttpRequest request);

    /// Aborts every request in flight.
    void abortAll();

private:
    friend class HttpReply;
    QNetworkAccessManager *m_manager;
    HeaderList m_defaultHeaders;
    QList<QByteArray> m_credentialHeaders;
    QStringList m_credentialParameters;
    qint64 m_connectTimeoutMs = 15'000;
    qint64 m_idleTimeoutMs = 60'000;
    QPointer<traffic::TrafficLog> m_log;
    QString m_connection;
};

} // namespace crosstalk::http
