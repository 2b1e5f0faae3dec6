#include "http/HttpClient.h"

#include "http/Http1Connection.h"
#include "traffic/TrafficLog.h"
#include "util/Version.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <limits>

namespace crosstalk::http {

namespace {

bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void setHeader(HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (sameName(h.first, name)) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

void removeHeader(HeaderList &headers, const QByteArray &name)
{
    headers.removeIf([&](const auto &h) { return sameName(h.first, name); });
}

bool isEventStream(const QByteArray &contentType)
{
    return contentType.trimmed().toLower().startsWith("text/event-stream");
}

// QNetworkReply reports HTTP error statuses (4xx, 5xx) as content, protocol
// or server errors (201 and up; 400 is ProtocolInvalidOperationError); for
// Crosstalk they are completed transfers with a status. Below 200 are the
// network and proxy failures.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    return int(error) >= 201;
}

} // namespace

QList<traffic::HttpHeader> trafficHeaders(const HeaderList &headers)
{
    QList<traffic::HttpHeader> out;
    out.reserve(headers.size());
    for (const auto &h : headers)
        out.append(traffic::HttpHeader{h.first, h.second});
    return out;
}

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// ---------------------------------------------------------------------------

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_credentialHeaders(defaultCredentialHeaders())
{
    // Redirects are followed by RedirectRules, and cookies are only ever sent
    // when a caller sets them: QNetworkAccessManager's own handling of either
    // could carry a credential to another origin.
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setAutoDeleteReplies(false);
    m_defaultHeaders.append({"User-Agent", "Crosstalk/" + versionString().toUtf8()});
}

HttpClient::~HttpClient() = default;

void HttpClient::setDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    setHeader(m_defaultHeaders, name, value);
}

void HttpClient::removeDefaultHeader(const QByteArray &name)
{
    removeHeader(m_defaultHeaders, name);
}

void HttpClient::addCredentialHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    if (!m_credentialHeaders.contains(lower))
        m_credentialHeaders.append(lower);
    if (m_log)
        m_log->redactor().addSensitiveHeader(lower);
}

void HttpClient::addCredentialParameter(const QString &name)
{
    if (!m_credentialParameters.contains(name))
        m_credentialParameters.append(name);
    if (m_log)
        m_log->redactor().addSensitiveParameter(name);
}

void HttpClient::setDefaultTimeouts(qint64 connectTimeoutMs, qint64 idleTimeoutMs)
{
    m_connectTimeoutMs = connectTimeoutMs;
    m_idleTimeoutMs = idleTimeoutMs;
}

traffic::TrafficLog *HttpClient::trafficLog() const
{
    return m_log;
}

void HttpClient::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_log = log;
    m_connection = connection;
    if (m_log) {
        for (const QByteArray &name : std::as_const(m_credentialHeaders))
            m_log->redactor().addSensitiveHeader(name);
        for (const QString &name : std::as_const(m_credentialParameters))
            m_log->redactor().addSensitiveParameter(name);
    }
}

HttpReply *HttpClient::send(HttpRequest request)
{
    auto *reply = new HttpReply(this, std::move(request));
    reply->startHop();
    return reply;
}

void HttpClient::abortAll()
{
    const auto replies = findChildren<HttpReply *>(Qt::FindDirectChildrenOnly);
    for (HttpReply *reply : replies)
        reply->abort();
}

// ---------------------------------------------------------------------------

HttpReply::HttpReply(HttpClient *client, HttpRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{
    if (m_request.connectTimeoutMs < 0)
        m_request.connectTimeoutMs = client->m_connectTimeoutMs;
    if (m_request.idleTimeoutMs < 0)
        m_request.idleTimeoutMs = client->m_idleTimeoutMs;

    m_hopHeaders = client->m_defaultHeaders;
    for (const auto &h : std::as_const(m_request.headers))
        setHeader(m_hopHeaders, h.first, h.second);
    m_hopMethod = m_request.method.toUpper();
    m_hopBody = m_request.body;
    m_hopUrl = m_request.url;

    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(HttpResult::Error::ConnectTimeout,
             tr("Could not connect to %1 and send the request within %2 ms.")
                 .arg(m_hopUrl.toDisplayString())
                 .arg(m_request.connectTimeoutMs));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        // The timer is not restarted for every byte; it is re-armed here for
        // what is left of the idle time since the last byte.
        const qint64 quiet = m_lastActivity.isValid() ? m_lastActivity.elapsed() : m_request.idleTimeoutMs;
        if (quiet < m_request.idleTimeoutMs && !m_finished) {
            m_idleTimer.start(int(qMin<qint64>(m_request.idleTimeoutMs - quiet, std::numeric_limits<int>::max())));
            return;
        }
        fail(HttpResult::Error::IdleTimeout,
             tr("No data from %1 for %2 ms.").arg(m_hopUrl.toDisplayString()).arg(m_request.idleTimeoutMs));
    });
    m_elapsed.start();
}

HttpReply::~HttpReply()
{
    releaseTransport();
}

traffic::TrafficLog *HttpReply::trafficLog() const
{
    return m_client ? m_client->trafficLog() : nullptr;
}

QString HttpReply::connectionName() const
{
    return m_client ? m_client->connectionName() : QString();
}

void HttpReply::releaseTransport()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_stream) {
        Http1Connection *stream = m_stream;
        m_stream = nullptr;
        stream->disconnect(this);
        stream->abort();
        stream->deleteLater();
    }
}

void HttpReply::startHop()
{
    const QString scheme = m_hopUrl.scheme().toLower();
    if (!m_hopUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Finish on the next turn so that callers can connect first.
        QTimer::singleShot(0, this, [this] {
            fail(HttpResult::Error::Network,
                 tr("Not an http or https URL: %1").arg(m_hopUrl.toDisplayString()));
        });
        return;
    }
    m_isRedirectHop = false;
    m_hopHeadSeen = false;
    m_hopHead = {};
    m_buffer.clear();
    m_bytesReceived = 0;
    if (m_request.streaming)
        startStreamHop();
    else
        startManagedHop();
    recordRequest();
    if (m_request.connectTimeoutMs > 0)
        m_connectTimer.start(int(qMin<qint64>(m_request.connectTimeoutMs, std::numeric_limits<int>::max())));
}

void HttpReply::startStreamHop()
{
    // A stream is read as fast as it is handled, not faster: the socket's
    // read buffer is bounded, and TCP slows the sender down. (Qt 6.4's
    // QNetworkAccessManager reads a response in its own thread and, measured
    // with a 75 MB event stream, kept up to 190 MB of it in memory whatever
    // read-buffer size was set.)
    Http1Connection::Request r;
    r.url = m_hopUrl;
    r.method = m_hopMethod;
    r.headers = m_hopHeaders;
    r.body = m_hopBody;
    r.acceptedTlsErrors = m_request.acceptedTlsErrors;
    m_stream = new Http1Connection(std::move(r), this);
    connect(m_stream, &Http1Connection::requestSent, this, &HttpReply::touchIdle);
    connect(m_stream, &Http1Connection::activity, this, &HttpReply::touchIdle);
    connect(m_stream, &Http1Connection::headReceived, this, [this](const Http1Parser::Head &head) {
        handleHead(head.status, head.reason, head.headers);
        if (m_isRedirectHop && !m_finished)
            handleHopEnd({}, false); // the redirect's own body is not needed
    });
    connect(m_stream, &Http1Connection::dataReceived, this, &HttpReply::handleBody);
    connect(m_stream, &Http1Connection::finished, this, &HttpReply::handleHopEnd);
    m_stream->start();
}

void HttpReply::startManagedHop()
{
    QNetworkRequest req(m_hopUrl);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    for (const auto &h : std::as_const(m_hopHeaders))
        req.setRawHeader(h.first, h.second);

    // Qt 6.4 emits requestSent(), which ends the connect timeout, for its own
    // verbs and for custom ones that carry a body, but not for a bodiless
    // custom request: bodiless GET, HEAD and DELETE use the verbs.
    QNetworkAccessManager *manager = m_client->m_manager;
    if (!m_request.acceptedTlsErrors.isEmpty()) {
        // Qt remembers ignored TLS errors on the pooled connection and keeps
        // TLS sessions for reuse: a request that accepts errors gets a
        // manager of its own, gone with it, so that no later request skips
        // verification because of it.
        if (!m_ownManager) {
            m_ownManager = new QNetworkAccessManager(this);
            m_ownManager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            m_ownManager->setAutoDeleteReplies(false);
        }
        manager = m_ownManager;
    }
    if (m_hopBody.isEmpty() && m_hopMethod == "GET")
        m_reply = manager->get(req);
    else if (m_hopBody.isEmpty() && m_hopMethod == "HEAD")
        m_reply = manager->head(req);
    else if (m_hopBody.isEmpty() && m_hopMethod == "DELETE")
        m_reply = manager->deleteResource(req);
    else
        m_reply = manager->sendCustomRequest(req, m_hopMethod, m_hopBody);

    connect(m_reply, &QNetworkReply::requestSent, this, &HttpReply::touchIdle);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &HttpReply::touchIdle);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpReply::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpReply::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpReply::onHopFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HttpReply::onTlsErrors);
}

void HttpReply::recordRequest()
{
    traffic::TrafficLog *log = trafficLog();
    if (!log)
        return;
    traffic::TrafficLog::Record record;
    record.connection = connectionName();
    record.direction = traffic::Direction::Outgoing;
    record.kind = traffic::TransportKind::HttpRequest;
    record.startLine = QString::fromLatin1(m_hopMethod) + QLatin1Char(' ') + m_hopUrl.toString(QUrl::FullyEncoded);
    record.headers = trafficHeaders(m_hopHeaders);
    record.body = m_hopBody;
    for (const auto &h : std::as_const(m_hopHeaders)) {
        if (sameName(h.first, "content-type"))
            record.contentType = h.second;
    }
    m_requestSeq = log->record(std::move(record));
}

void HttpReply::touchIdle()
{
    // Once a byte has moved, the connection is up: the idle clock takes over.
    // This runs for every piece read, so it only notes the time; the idle
    // timer re-arms itself from it.
    if (m_connectTimer.isActive())
        m_connectTimer.stop();
    if (m_request.idleTimeoutMs > 0 && !m_finished) {
        m_lastActivity.start();
        if (!m_idleTimer.isActive())
            m_idleTimer.start(int(qMin<qint64>(m_request.idleTimeoutMs, std::numeric_limits<int>::max())));
    }
}

void HttpReply::onMetaData()
{
    if (!m_reply || m_finished)
        return;
    touchIdle();
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid() || m_hopHeadSeen)
        return;
    handleHead(statusAttr.toInt(), m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
               m_reply->rawHeaderPairs());
}

void HttpReply::handleHead(int status, const QByteArray &reason, const HeaderList &headers)
{
    if (m_finished || m_hopHeadSeen)
        return;
    m_hopHeadSeen = true;
    m_hopHead.status = status;
    m_hopHead.reason = reason;
    m_hopHead.headers = headers;
    bool hasLocation = false;
    for (const auto &h : headers)
        hasLocation = hasLocation || sameName(h.first, "location");
    if (m_request.followRedirects && RedirectRules::isRedirectStatus(status) && hasLocation) {
        m_isRedirectHop = true;
        return;
    }
    if (m_started)
        return;
    m_started = true;
    m_result.status = status;
    m_result.reasonPhrase = reason;
    m_result.headers = headers;
    m_result.finalUrl = m_hopUrl;

    const qint64 cap = m_request.streaming ? m_request.maxStreamBytes : m_request.maxResponseBytes;
    bool lengthOk = false;
    const qint64 length = m_result.header("content-length").trimmed().toLongLong(&lengthOk);
    if (cap > 0 && lengthOk && length > cap) {
        fail(HttpResult::Error::TooLarge,
             tr("The response from %1 is %2 bytes, more than the limit of %3 bytes.")
                 .arg(m_hopUrl.toDisplayString())
                 .arg(length)
                 .arg(cap));
        return;
    }
    m_eventStream = isEventStream(m_result.header("content-type"));
    if (m_request.streaming && m_eventStream)
        recordResponse({}); // events are recorded one by one as they arrive
    emit responseStarted(m_result.status, m_result.headers);
}

void HttpReply::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    touchIdle();
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    if (!m_hopHeadSeen)
        onMetaData();
    handleBody(chunk);
}

void HttpReply::handleBody(QByteArrayView chunk)
{
    if (m_finished || m_isRedirectHop || chunk.isEmpty())
        return;
    m_bytesReceived += chunk.size();

    const qint64 cap = m_request.streaming ? m_request.maxStreamBytes : m_request.maxResponseBytes;
    if (cap > 0 && m_bytesReceived > cap) {
        fail(HttpResult::Error::TooLarge,
             tr("The response from %1 grew past the limit of %2 bytes; it was stopped.")
                 .arg(m_hopUrl.toDisplayString())
                 .arg(cap));
        return;
    }
    if (!m_request.streaming) {
        m_buffer.append(chunk);
        return;
    }
    // Non-SSE answers to a streaming request are also kept (within the
    // buffered cap) so that the traffic log shows them whole.
    if (!m_eventStream && m_buffer.size() < m_request.maxResponseBytes)
        m_buffer.append(chunk.first(qMin<qsizetype>(chunk.size(), m_request.maxResponseBytes - m_buffer.size())));
    emit dataReceived(chunk);
}

void HttpReply::onTlsErrors(const QList<QSslError> &errors)
{
    bool allAccepted = true;
    for (const QSslError &e : errors) {
        if (!m_request.acceptedTlsErrors.contains(e)) {
            allAccepted = false;
            m_result.tlsErrors.append(e.errorString());
        }
    }
    if (allAccepted && m_reply)
        m_reply->ignoreSslErrors(errors);
}

void HttpReply::onHopFinished()
{
    if (!m_reply || m_finished)
        return;
    QNetworkReply *reply = m_reply;
    // Whatever is still buffered belongs to this hop.
    if (reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;

    const QNetworkReply::NetworkError error = reply->error();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!m_hopHeadSeen && statusAttr.isValid())
        onMetaData();
    if (error != QNetworkReply::NoError && !(statusAttr.isValid() && isHttpStatusError(error))) {
        const bool tls = error == QNetworkReply::SslHandshakeFailedError || !m_result.tlsErrors.isEmpty();
        handleHopEnd(tls && !m_result.tlsErrors.isEmpty() ? m_result.tlsErrors.join(QLatin1String("; "))
                                                          : reply->errorString(),
                     tls);
        return;
    }
    handleHopEnd({}, false);
}

void HttpReply::handleHopEnd(const QString &transportError, bool tls)
{
    if (m_finished)
        return;
    if (m_stream)
        m_result.tlsErrors.append(m_stream->rejectedTlsErrors());
    if (!transportError.isEmpty()) {
        if (tls) {
            fail(HttpResult::Error::Tls, tr("TLS with %1 failed: %2").arg(m_hopUrl.host(), transportError));
        } else {
            fail(HttpResult::Error::Network,
                 tr("%1 %2 failed: %3").arg(QString::fromLatin1(m_hopMethod), m_hopUrl.toDisplayString(), transportError));
        }
        return;
    }
    releaseTransport();

    if (m_isRedirectHop) {
        const int status = m_hopHead.status;
        // The redirect response itself goes into the log before the next hop.
        m_result.status = status;
        m_result.reasonPhrase = m_hopHead.reason;
        m_result.headers = m_hopHead.headers;
        recordResponse({});
        const RedirectDecision d = RedirectRules::decide(m_hopUrl, status, m_result.header("location"), m_hopMethod,
                                                         int(m_result.redirects.size()), m_request.maxRedirects);
        if (!d.follow) {
            fail(HttpResult::Error::RedirectRefused, d.refusal);
            return;
        }
        QList<QByteArray> dropped;
        m_hopHeaders = RedirectRules::headersForHop(m_hopHeaders, d.crossOrigin, m_client->m_credentialHeaders, &dropped);
        for (const QByteArray &name : std::as_const(dropped)) {
            if (!m_result.droppedHeaders.contains(name))
                m_result.droppedHeaders.append(name);
        }
        if (d.dropBody) {
            m_hopBody.clear();
            for (const char *name : {"content-type", "content-length", "content-encoding"})
                removeHeader(m_hopHeaders, name);
        }
        m_hopMethod = d.method;
        m_hopUrl = d.target;
        m_result.redirects.append(d.target);
        m_result.status = 0;
        m_result.reasonPhrase.clear();
        m_result.headers.clear();
        startHop();
        return;
    }

    if (!m_started) {
        fail(HttpResult::Error::Network,
             tr("%1 %2 failed: the server sent no response.").arg(QString::fromLatin1(m_hopMethod), m_hopUrl.toDisplayString()));
        return;
    }
    m_result.finalUrl = m_hopUrl;
    if (!m_request.streaming) {
        m_result.body = std::move(m_buffer);
        recordResponse(m_result.body);
    } else if (!m_eventStream) {
        recordResponse(m_buffer);
    }
    m_buffer = QByteArray();
    finish();
}

void HttpReply::recordResponse(const QByteArray &body)
{
    traffic::TrafficLog *log = trafficLog();
    if (!log)
        return;
    traffic::TrafficLog::Record record;
    record.connection = connectionName();
    record.direction = traffic::Direction::Incoming;
    record.kind = traffic::TransportKind::HttpResponse;
    record.startLine = QString::number(m_result.status) + QLatin1Char(' ') + QString::fromLatin1(m_result.reasonPhrase);
    record.headers = trafficHeaders(m_result.headers);
    record.body = body;
    record.contentType = m_result.header("content-type");
    record.linkTo = m_requestSeq;
    log->record(std::move(record));
}

void HttpReply::abort()
{
    if (m_finished)
        return;
    fail(HttpResult::Error::Aborted, tr("The request to %1 was cancelled.").arg(m_hopUrl.toDisplayString()));
}

void HttpReply::fail(HttpResult::Error error, const QString &message)
{
    if (m_finished)
        return;
    m_result.error = error;
    m_result.errorMessage = message;
    releaseTransport();
    if (m_result.finalUrl.isEmpty())
        m_result.finalUrl = m_hopUrl;
    m_buffer = QByteArray();
    finish();
}

void HttpReply::finish()
{
    m_finished = true;
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_result.elapsedMs = m_elapsed.elapsed();
    emit finished(m_result);
    deleteLater();
}

} // namespace crosstalk::http
