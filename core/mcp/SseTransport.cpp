#include "mcp/SseTransport.h"

#include "http/EventStreamReader.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "util/Utf8.h"

#include <QTimer>

namespace crosstalk::mcp {

SseTransport::SseTransport(HttpEndpoint endpoint, QObject *parent)
    : McpTransport(parent)
    , m_endpoint(std::move(endpoint))
    , m_decoder({true, StreamableHttpTransport::MaxMessageBytes, 256})
{
    m_endpoint.configure(m_http);
}

SseTransport::~SseTransport()
{
    m_closing = true;
    if (m_stream)
        m_stream->abort();
    m_http.abortAll();
}

void SseTransport::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_http.setTrafficLog(log, connection);
}

void SseTransport::configure(const QString &protocolVersion, bool legacySession)
{
    Q_UNUSED(legacySession);
    m_protocolVersion = protocolVersion;
}

void SseTransport::start()
{
    http::HttpRequest request;
    request.method = "GET";
    request.url = m_endpoint.url;
    request.headers = m_endpoint.headers;
    request.headers.emplaceBack("Accept", "text/event-stream");
    request.streaming = true;
    request.idleTimeoutMs = 0;
    request.maxResponseBytes = StreamableHttpTransport::MaxMessageBytes;
    m_stream = m_http.send(std::move(request));
    connect(m_stream, &http::HttpReply::responseStarted, this, [this](int status, const http::HeaderList &) {
        if (!m_stream)
            return;
        if (status >= 200 && status < 300) {
            m_reader = new http::EventStreamReader(m_stream, StreamableHttpTransport::MaxMessageBytes, this);
            connect(m_reader, &http::EventStreamReader::eventReceived, this, &SseTransport::onEvent);
            connect(m_reader, &http::EventStreamReader::streamFailed, this,
                    [this](const QString &why) { m_decoder.after([this, why] { fail(why); }); });
        } else {
            connect(m_stream, &http::HttpReply::dataReceived, this, [this](QByteArrayView chunk) {
                if (m_body.size() < 4096)
                    m_body.append(chunk.first(qMin<qsizetype>(chunk.size(), 4096 - m_body.size())));
            });
        }
    });
    // The stream's end is handled after the messages it carried.
    connect(m_stream, &http::HttpReply::finished, this,
            [this](const http::HttpResult &result) { m_decoder.after([this, result] { onStreamFinished(result); }); });
}

void SseTransport::onEvent(const http::SseEvent &event)
{
    if (m_closing || m_closed)
        return;
    if (event.type == QLatin1String("endpoint")) {
        if (m_postUrl.isValid()) {
            emit protocolIssue(tr("The server sent a second endpoint event; the first one stays."));
            return;
        }
        const QUrl target = m_endpoint.url.resolved(QUrl(event.text().trimmed()));
        if (!target.isValid() || !http::sameOrigin(target, m_endpoint.url)) {
            fail(tr("The server's endpoint event names “%1”, which is not on the origin of %2; Crosstalk does not post there.")
                     .arg(event.text().left(200), m_endpoint.url.toDisplayString()));
            return;
        }
        m_postUrl = target;
        emit started();
        return;
    }
    if (event.type != QLatin1String("message") || event.data.trimmed().isEmpty())
        return; // other types carry nothing for MCP; an empty event only primes the stream
    m_decoder.submit(event.data, [this](jsonrpc::DecodeResult &decoded, const QByteArray &) {
        if (m_closing || m_closed)
            return;
        if (!decoded.ok()) {
            emit protocolIssue(tr("The server sent an event that is not a JSON-RPC message (%1).").arg(decoded.error->message));
            return;
        }
        emitMessages(decoded.messages, m_closed);
    });
}

void SseTransport::send(const jsonrpc::Message &message, const http::HeaderList &headers)
{
    Q_UNUSED(headers); // the 2024-11-05 transport has no request-metadata headers
    const std::optional<jsonrpc::Id> id =
        std::holds_alternative<jsonrpc::Request>(message) ? jsonrpc::idOf(message) : std::nullopt;
    if (m_closing || m_closed || !m_postUrl.isValid()) {
        if (id) {
            McpError e;
            e.kind = McpError::Kind::Unreachable;
            e.message = tr("The connection to the server is closed.");
            QTimer::singleShot(0, this, [this, i = *id, e] { emit requestFailed(i, e); });
        }
        return;
    }
    http::HttpRequest request;
    request.method = "POST";
    request.url = m_postUrl;
    request.headers = m_endpoint.headers;
    if (!m_protocolVersion.isEmpty() && m_protocolVersion != QLatin1String("2024-11-05"))
        request.headers.emplaceBack("MCP-Protocol-Version", m_protocolVersion.toLatin1());
    request.headers.emplaceBack("Content-Type", "application/json");
    request.body = jsonrpc::encode(message);
    request.idleTimeoutMs = m_endpoint.connectTimeoutMs;
    http::HttpReply *reply = m_http.send(std::move(request));
    connect(reply, &http::HttpReply::finished, this, [this, id](const http::HttpResult &result) {
        if (m_closing || m_closed)
            return;
        if (result.ok() && result.status >= 200 && result.status < 300)
            return; // the answer comes on the stream
        McpError e;
        e.kind = McpError::Kind::Unreachable;
        e.httpStatus = result.ok() ? result.status : 0;
        e.message = result.ok()
            ? tr("The server answered HTTP %1 %2 to a posted message: %3")
                  .arg(result.status)
                  .arg(QString::fromLatin1(result.reasonPhrase), utf8ToString(result.body.left(200)).simplified())
            : result.errorMessage;
        if (id)
            emit requestFailed(*id, e);
        else
            emit protocolIssue(e.message);
    });
}

void SseTransport::onStreamFinished(const http::HttpResult &result)
{
    if (m_closing || m_closed)
        return;
    QString reason;
    if (!result.ok())
        reason = tr("The server's event stream failed: %1").arg(result.errorMessage);
    else if (result.status < 200 || result.status >= 300)
        reason = tr("The server answered HTTP %1 %2 to the event-stream GET%3")
                     .arg(result.status)
                     .arg(QString::fromLatin1(result.reasonPhrase),
                          m_body.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + utf8ToString(m_body.left(200)).simplified());
    else if (!m_postUrl.isValid())
        reason = tr("The server's event stream ended without an endpoint event.");
    else
        reason = tr("The server closed the event stream.");
    fail(reason);
}

void SseTransport::fail(const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_closing = true;
    if (m_stream)
        m_stream->abort();
    m_http.abortAll();
    emit closed(reason);
}

void SseTransport::close()
{
    if (m_closing || m_closed)
        return;
    m_closing = true;
    if (m_stream)
        m_stream->abort();
    m_http.abortAll();
    QTimer::singleShot(0, this, [this] {
        if (m_closed)
            return;
        m_closed = true;
        emit closed({});
    });
}

} // namespace crosstalk::mcp
