#include "mcp/StreamableHttpTransport.h"

#include "traffic/Redactor.h"

#include "http/EventStreamReader.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "util/Utf8.h"

namespace crosstalk::mcp {

namespace {

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

QByteArray headerValue(const http::HeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

/// A short, single-line excerpt of a body for an error message.
QString excerpt(const QByteArray &body)
{
    QString text = utf8ToString(body.left(200)).simplified();
    if (body.size() > 200)
        text += QChar(0x2026);
    return text;
}

} // namespace

void HttpEndpoint::configure(http::HttpClient &client) const
{
    // Timeouts of requests are the session's; a transfer only needs to connect in time.
    client.setDefaultTimeouts(connectTimeoutMs, 0);
    for (const auto &h : headers) {
        if (traffic::Redactor::isSecretName(QString::fromLatin1(h.first)))
            client.addCredentialHeader(h.first);
    }
    for (const QByteArray &name : credentialHeaders)
        client.addCredentialHeader(name);
    for (const QString &name : credentialParameters)
        client.addCredentialParameter(name);
}

StreamableHttpTransport::StreamableHttpTransport(HttpEndpoint endpoint, QObject *parent)
    : McpTransport(parent)
    , m_endpoint(std::move(endpoint))
    , m_decoder({true, MaxMessageBytes, 256})
{
    m_endpoint.configure(m_http);
    m_authorizationTicker.setInterval(2000);
    connect(&m_authorizationTicker, &QTimer::timeout, this, &McpTransport::authorizationPending);
}

void StreamableHttpTransport::setAuthorizer(http::HttpAuthorizer *authorizer)
{
    if (m_authorizer)
        m_authorizer->disconnect(this);
    m_authorizer = authorizer;
    if (authorizer) {
        connect(authorizer, &http::HttpAuthorizer::busyChanged, this, [this](bool busy) {
            if (busy) {
                m_authorizationTicker.start();
            } else {
                m_authorizationTicker.stop();
            }
        });
    }
}

StreamableHttpTransport::~StreamableHttpTransport()
{
    m_closing = true;
    for (Exchange &e : m_exchanges) {
        e.aborted = true;
        if (e.reply)
            e.reply->abort();
    }
}

void StreamableHttpTransport::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_http.setTrafficLog(log, connection);
}

void StreamableHttpTransport::start()
{
    const QString scheme = m_endpoint.url.scheme();
    if (!m_endpoint.url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        QTimer::singleShot(0, this, [this] {
            m_closed = true;
            emit closed(tr("“%1” is not an http or https URL.").arg(m_endpoint.url.toDisplayString()));
        });
        return;
    }
    QTimer::singleShot(0, this, [this] {
        if (!m_closing)
            emit started();
    });
}

void StreamableHttpTransport::configure(const QString &protocolVersion, bool legacySession)
{
    m_protocolVersion = protocolVersion;
    m_legacySession = legacySession;
}

http::HeaderList StreamableHttpTransport::baseHeaders() const
{
    http::HeaderList headers = m_endpoint.headers;
    if (!m_protocolVersion.isEmpty())
        headers.emplaceBack("MCP-Protocol-Version", m_protocolVersion.toLatin1());
    if (m_legacySession && !m_sessionId.isEmpty())
        headers.emplaceBack("Mcp-Session-Id", m_sessionId);
    if (m_authorizer)
        headers.append(m_authorizer->authorizationHeaders());
    return headers;
}

StreamableHttpTransport::Exchange &StreamableHttpTransport::newExchange()
{
    const quint64 key = m_nextKey++;
    Exchange &e = m_exchanges[key];
    e.key = key;
    return e;
}

void StreamableHttpTransport::send(const jsonrpc::Message &message, const http::HeaderList &headers)
{
    const std::optional<jsonrpc::Id> id =
        std::holds_alternative<jsonrpc::Request>(message) ? jsonrpc::idOf(message) : std::nullopt;
    if (m_closing || m_closed) {
        if (id) {
            McpError e;
            e.kind = McpError::Kind::Unreachable;
            e.message = tr("The connection to the server is closed.");
            QTimer::singleShot(0, this, [this, i = *id, e] { emit requestFailed(i, e); });
        }
        return;
    }
    post(jsonrpc::encode(message), headers, id, 0);
}

void StreamableHttpTransport::post(QByteArray body, http::HeaderList extraHeaders, std::optional<jsonrpc::Id> id,
                                   int authAttempts)
{
    http::HttpRequest request;
    request.method = "POST";
    request.url = m_endpoint.url;
    request.headers = baseHeaders();
    request.headers.append(extraHeaders);
    request.headers.emplaceBack("Content-Type", "application/json");
    request.headers.emplaceBack("Accept", "application/json, text/event-stream");
    request.body = body;
    request.streaming = true;
    request.idleTimeoutMs = 0; // the session times requests out, and progress restarts its wait
    request.maxResponseBytes = MaxMessageBytes;

    Exchange &e = newExchange();
    e.requestId = id;
    if (m_authorizer) {
        e.sentBody = std::move(body);
        e.extraHeaders = std::move(extraHeaders);
        e.sentAuthorization = m_authorizer->authorizationHeaders();
        e.authAttempts = authAttempts;
    }
    e.reply = m_http.send(std::move(request));
    watch(e);
}

bool StreamableHttpTransport::authorize(Exchange &exchange, const http::HttpResult &result)
{
    if (!m_authorizer || exchange.isGetStream || (result.status != 401 && result.status != 403))
        return false;
    Exchange e = std::move(exchange);
    const int status = result.status;
    m_authorizer->challenged(result, e.sentAuthorization, e.authAttempts, this, [this, e, status](bool retry, const QString &error) {
        if (m_closing || m_closed)
            return;
        if (retry) {
            post(e.sentBody, e.extraHeaders, e.requestId, e.authAttempts + 1);
            return;
        }
        McpError failure;
        failure.kind = McpError::Kind::Unreachable;
        failure.httpStatus = status;
        failure.message = tr("Not authorized: %1").arg(error);
        if (e.requestId)
            failRequest(e, failure);
        else
            emit protocolIssue(failure.message);
    });
    return true;
}

void StreamableHttpTransport::watch(Exchange &exchange)
{
    const quint64 key = exchange.key;
    http::HttpReply *reply = exchange.reply;
    connect(reply, &http::HttpReply::responseStarted, this,
            [this, key](int status, const http::HeaderList &headers) { onHead(key, status, headers); });
    // The end of an exchange is handled once what it delivered has been
    // decoded: whether the request got its answer depends on it.
    connect(reply, &http::HttpReply::finished, this, [this, key](const http::HttpResult &result) {
        m_decoder.after([this, key, result] { onFinished(key, result); });
    });
}

void StreamableHttpTransport::onHead(quint64 key, int status, const http::HeaderList &headers)
{
    auto it = m_exchanges.find(key);
    if (it == m_exchanges.end())
        return;
    if (m_legacySession && isSuccess(status)) {
        const QByteArray session = headerValue(headers, "mcp-session-id").trimmed();
        if (!session.isEmpty() && session != m_sessionId) {
            const bool visibleAscii = std::all_of(session.cbegin(), session.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
            if (!visibleAscii)
                emit protocolIssue(tr("The server gave a session id that is not visible ASCII; it is ignored."));
            else if (m_sessionId.isEmpty())
                m_sessionId = session;
        }
    }
    const QByteArray type = headerValue(headers, "content-type").trimmed().toLower();
    if (isSuccess(status) && type.startsWith("text/event-stream")) {
        it->eventStream = true;
        auto *reader = new http::EventStreamReader(it->reply, MaxMessageBytes, this);
        it->reader = reader;
        connect(reader, &http::EventStreamReader::eventReceived, this,
                [this, key](const http::SseEvent &event) { onEvent(key, event); });
        connect(reader, &http::EventStreamReader::retryChanged, this, [this, key](qint64 ms) {
            if (auto e = m_exchanges.find(key); e != m_exchanges.end())
                e->retryMs = ms;
        });
        connect(reader, &http::EventStreamReader::streamFailed, this, [this, key](const QString &why) {
            if (auto e = m_exchanges.find(key); e != m_exchanges.end())
                e->failure = why;
        });
        return;
    }
    connect(it->reply, &http::HttpReply::dataReceived, this, [this, key](QByteArrayView chunk) {
        auto e = m_exchanges.find(key);
        if (e == m_exchanges.end() || !e->failure.isEmpty())
            return;
        if (e->body.size() + chunk.size() > MaxMessageBytes) {
            e->failure = tr("The server's answer is larger than %1 MiB; it was stopped.").arg(MaxMessageBytes / (1024 * 1024));
            e->body.clear();
            if (e->reply)
                e->reply->abort();
            return;
        }
        e->body.append(chunk);
    });
}

void StreamableHttpTransport::onEvent(quint64 key, const http::SseEvent &event)
{
    auto it = m_exchanges.find(key);
    if (it == m_exchanges.end() || it->aborted)
        return;
    ++it->newEvents;
    if (event.type != QLatin1String("message") || event.data.trimmed().isEmpty())
        return; // other types carry nothing for MCP; an empty event only primes the stream
    deliver(key, it->requestId, event.data, tr("an event"));
}

void StreamableHttpTransport::deliver(quint64 key, std::optional<jsonrpc::Id> requestId, QByteArray bytes,
                                      const QString &where, std::function<void(bool answered)> then)
{
    m_decoder.submit(std::move(bytes), [this, key, requestId, where, then = std::move(then)](
                                           jsonrpc::DecodeResult &decoded, const QByteArray &bytes) {
        if (m_closed)
            return;
        // The exchange is still open for an event; an answer in a body
        // arrives after the exchange ended, with the request it answers.
        auto exchange = m_exchanges.find(key);
        bool answered = exchange != m_exchanges.end() && exchange->answered;
        if (!decoded.ok()) {
            emit protocolIssue(tr("The server sent %1 that is not a JSON-RPC message (%2): “%3”")
                                   .arg(where, decoded.error->message, excerpt(bytes)));
        } else {
            for (jsonrpc::Message &message : decoded.messages) {
                if (requestId && !answered) {
                    if (auto *error = std::get_if<jsonrpc::ErrorResponse>(&message); error && error->id.isNull())
                        error->id = *requestId; // an error about this POST
                    const std::optional<jsonrpc::Id> id = jsonrpc::idOf(message);
                    const bool isAnswer = std::holds_alternative<jsonrpc::Response>(message)
                        || std::holds_alternative<jsonrpc::ErrorResponse>(message);
                    if (isAnswer && id == requestId)
                        answered = true;
                }
            }
            if (exchange != m_exchanges.end())
                exchange->answered = answered;
            // Emitting may lead the session to close this transport, or to
            // send (which changes m_exchanges): neither is touched after.
            if (!emitMessages(decoded.messages, m_closed))
                return;
        }
        if (then)
            then(answered);
    });
}

bool StreamableHttpTransport::isSessionLost(const Exchange &exchange, int status, const QByteArray &body) const
{
    if (!m_legacySession || m_sessionId.isEmpty() || exchange.isGetStream)
        return false;
    // The spec says 404; server-everything says 400 "No valid session ID".
    return status == 404 || (status == 400 && body.toLower().contains("session"));
}

void StreamableHttpTransport::failRequest(const Exchange &exchange, McpError error)
{
    if (!exchange.requestId || exchange.answered || m_closed)
        return;
    emit requestFailed(*exchange.requestId, error);
}

void StreamableHttpTransport::onFinished(quint64 key, const http::HttpResult &result)
{
    auto it = m_exchanges.find(key);
    if (it == m_exchanges.end())
        return;
    Exchange e = std::move(*it);
    m_exchanges.erase(it);
    if (e.reader) {
        e.lastEventId = e.reader->lastEventId();
        if (const std::optional<qint64> retry = e.reader->retryMs())
            e.retryMs = *retry;
        e.newEvents = qMax(e.newEvents, 0);
        e.reader->deleteLater();
    }
    if (e.aborted || m_closing)
        return;

    if (!e.failure.isEmpty()) {
        McpError error;
        error.kind = McpError::Kind::Protocol;
        error.message = e.failure;
        failRequest(e, error);
        return;
    }

    const bool transferOk = result.ok();
    if (e.eventStream) {
        // A stream ended, in order or not.
        if (e.isGetStream) {
            if (m_getStreamWanted && m_legacySession)
                resume(std::move(e));
            return;
        }
        if (e.answered)
            return;
        if (m_legacySession && !e.lastEventId.isEmpty()) {
            resume(std::move(e));
            return;
        }
        McpError error;
        error.kind = McpError::Kind::Unreachable;
        error.message = transferOk ? tr("The server's event stream ended before it answered.")
                                   : tr("The server's event stream broke before it answered: %1").arg(result.errorMessage);
        failRequest(e, error);
        return;
    }

    if (!transferOk) {
        if (e.isGetStream)
            return;
        McpError error;
        error.kind = result.error == http::HttpResult::Error::TooLarge ? McpError::Kind::Protocol : McpError::Kind::Unreachable;
        error.message = result.errorMessage;
        if (e.requestId)
            failRequest(e, error);
        else
            emit protocolIssue(result.errorMessage);
        return;
    }

    if (isSuccess(result.status)) {
        if (e.isGetStream)
            return; // a GET stream answered without a stream: nothing to read
        if (e.body.trimmed().isEmpty()) {
            McpError error;
            error.kind = McpError::Kind::Protocol;
            error.message = tr("The server answered HTTP %1 with no JSON-RPC response.").arg(result.status);
            failRequest(e, error);
            return;
        }
        const std::optional<jsonrpc::Id> requestId = e.requestId;
        deliver(e.key, requestId, std::move(e.body), tr("an answer"), [this, requestId](bool answered) {
            if (!requestId || answered || m_closed)
                return;
            McpError error;
            error.kind = McpError::Kind::Protocol;
            error.message = tr("The server's HTTP answer holds no response to the request.");
            emit requestFailed(*requestId, error);
        });
        return;
    }

    // An HTTP error.
    if (e.isGetStream) {
        if (result.status != 405) // 405: the server offers no such stream
            emit protocolIssue(tr("The server refused the stream for its own messages: HTTP %1 %2")
                                   .arg(result.status)
                                   .arg(QString::fromLatin1(result.reasonPhrase)));
        return;
    }
    if (authorize(e, result))
        return;
    if (isSessionLost(e, result.status, e.body)) {
        m_sessionId.clear();
        m_getStreamWanted = false;
        if (e.requestId)
            emit sessionLost(*e.requestId);
        return;
    }
    McpError error;
    error.httpStatus = result.status;
    const jsonrpc::DecodeResult decoded = jsonrpc::decode(e.body, {false, MaxMessageBytes, 64});
    const auto *rpcError = decoded.ok() && decoded.messages.size() == 1
        ? std::get_if<jsonrpc::ErrorResponse>(&decoded.messages.front())
        : nullptr;
    if (rpcError && (rpcError->id.isNull() || !e.requestId || rpcError->id == *e.requestId)) {
        error.kind = McpError::Kind::Remote;
        error.code = rpcError->error.code;
        error.message = rpcError->error.message;
        if (rpcError->error.data)
            error.data = *rpcError->error.data;
    } else {
        error.kind = McpError::Kind::Unreachable;
        const QString text = excerpt(e.body);
        error.message = text.isEmpty()
            ? tr("The server answered HTTP %1 %2.").arg(result.status).arg(QString::fromLatin1(result.reasonPhrase))
            : tr("The server answered HTTP %1 %2: %3").arg(result.status).arg(QString::fromLatin1(result.reasonPhrase), text);
    }
    if (e.requestId)
        failRequest(e, error);
    else
        emit protocolIssue(tr("The server refused a message: %1").arg(error.message));
}

void StreamableHttpTransport::resume(Exchange previous)
{
    const bool progressed = previous.newEvents > 0;
    const int fruitless = progressed ? 0 : previous.fruitlessResumes + 1;
    if (fruitless > MaxFruitlessResumes) {
        if (previous.isGetStream)
            return;
        McpError error;
        error.kind = McpError::Kind::Unreachable;
        error.message = tr("The server's event stream broke and could not be resumed (%1 attempts brought nothing).")
                            .arg(MaxFruitlessResumes);
        failRequest(previous, error);
        return;
    }
    const qint64 delay = previous.retryMs >= 0 ? previous.retryMs : DefaultRetryMs;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_timers.append(timer);
    connect(timer, &QTimer::timeout, this, [this, timer, previous, fruitless] {
        m_timers.removeOne(timer);
        timer->deleteLater();
        if (m_closing || m_closed)
            return;
        if (previous.isGetStream && !m_getStreamWanted)
            return;
        http::HttpRequest request;
        request.method = "GET";
        request.url = m_endpoint.url;
        request.headers = baseHeaders();
        request.headers.emplaceBack("Accept", "text/event-stream");
        if (!previous.lastEventId.isEmpty())
            request.headers.emplaceBack("Last-Event-ID", previous.lastEventId);
        request.streaming = true;
        request.idleTimeoutMs = 0;
        request.maxResponseBytes = MaxMessageBytes;
        Exchange &e = newExchange();
        e.requestId = previous.requestId;
        e.isGetStream = previous.isGetStream;
        e.lastEventId = previous.lastEventId;
        e.retryMs = previous.retryMs;
        e.fruitlessResumes = fruitless;
        e.reply = m_http.send(std::move(request));
        watch(e);
    });
    timer->start(int(qBound<qint64>(0, delay, qint64(24) * 3600 * 1000)));
}

void StreamableHttpTransport::sessionReady()
{
    if (!m_legacySession || m_closing || m_getStreamWanted)
        return;
    m_getStreamWanted = true;
    Exchange seed;
    seed.isGetStream = true;
    seed.retryMs = 0;
    seed.newEvents = 1;
    resume(std::move(seed));
}

void StreamableHttpTransport::resetSession()
{
    m_sessionId.clear();
    m_getStreamWanted = false;
    for (Exchange &e : m_exchanges) {
        if (e.isGetStream && e.reply) {
            e.aborted = true;
            e.reply->abort();
        }
    }
}

bool StreamableHttpTransport::cancelRequest(const jsonrpc::Id &id)
{
    if (m_legacySession)
        return false;
    for (Exchange &e : m_exchanges) {
        if (e.requestId == id && e.reply) {
            e.aborted = true;
            e.reply->abort();
        }
    }
    return true;
}

void StreamableHttpTransport::close()
{
    if (m_closing || m_closed)
        return;
    m_closing = true;
    m_getStreamWanted = false;
    qDeleteAll(m_timers);
    m_timers.clear();
    for (Exchange &e : m_exchanges) {
        e.aborted = true;
        if (e.reply)
            e.reply->abort();
    }
    if (m_legacySession && !m_sessionId.isEmpty()) {
        http::HttpRequest request;
        request.method = "DELETE";
        request.url = m_endpoint.url;
        request.headers = baseHeaders();
        request.connectTimeoutMs = qMin<qint64>(m_endpoint.connectTimeoutMs, 2000);
        request.idleTimeoutMs = 2000;
        http::HttpReply *reply = m_http.send(std::move(request));
        connect(reply, &http::HttpReply::finished, this, [this](const http::HttpResult &) { finishClose(); });
        return;
    }
    QTimer::singleShot(0, this, &StreamableHttpTransport::finishClose);
}

void StreamableHttpTransport::finishClose()
{
    if (m_closed)
        return;
    m_closed = true;
    emit closed({});
}

} // namespace crosstalk::mcp
