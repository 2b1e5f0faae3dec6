#include "http/Http1Connection.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace crosstalk::http {

namespace {

bool isOwnHeader(const QByteArray &name)
{
    // Framing headers are Crosstalk's to write, never the caller's.
    for (const char *own : {"host", "content-length", "connection", "transfer-encoding"}) {
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool hasLineBreak(const QByteArray &bytes)
{
    return bytes.contains('\r') || bytes.contains('\n') || bytes.contains('\0');
}

} // namespace

Http1Connection::Http1Connection(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_parser(m_request.method == "HEAD")
{
    m_parser.setHeadHandler([this](const Http1Parser::Head &head) {
        if (!m_ended)
            emit headReceived(head);
    });
    m_parser.setBodyHandler([this](QByteArrayView piece) {
        if (!m_ended)
            emit dataReceived(piece);
    });
}

Http1Connection::~Http1Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Http1Connection::start()
{
    for (const auto &h : std::as_const(m_request.headers)) {
        if (hasLineBreak(h.first) || hasLineBreak(h.second) || h.first.contains(':') || h.first.isEmpty()) {
            const QString name = QString::fromLatin1(h.first.left(60));
            QTimer::singleShot(0, this, [this, name] {
                end(tr("The header “%1” holds a line break or is not a header name; the request was not sent.").arg(name));
            });
            return;
        }
    }

    const bool tls = m_request.url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const QString host = m_request.url.host();
    const quint16 port = quint16(m_request.url.port(tls ? 443 : 80));
    if (tls) {
        if (!QSslSocket::supportsSsl()) {
            QTimer::singleShot(0, this, [this] { end(tr("TLS is not available on this system."), true); });
            return;
        }
        auto *socket = new QSslSocket(this);
        QSslConfiguration config = socket->sslConfiguration();
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        socket->setSslConfiguration(config);
        connect(socket, &QSslSocket::encrypted, this, &Http1Connection::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, &Http1Connection::onTlsErrors);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &Http1Connection::onConnected);
    }
    m_socket->setReadBufferSize(ReadBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &Http1Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Http1Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Http1Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Http1Connection::onSocketError);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()))
        ssl->connectToHostEncrypted(host, port, host);
    else
        m_socket->connectToHost(host, port);
}

void Http1Connection::onConnected()
{
    if (m_ended || !m_socket)
        return;
    const QUrl &url = m_request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();

    QByteArray head;
    head.reserve(512 + m_request.body.size());
    head += m_request.method + ' ' + target + " HTTP/1.1\r\nHost: "
        + url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toLatin1() + "\r\n";
    for (const auto &h : std::as_const(m_request.headers)) {
        if (!isOwnHeader(h.first))
            head += h.first + ": " + h.second + "\r\n";
    }
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT" || m_request.method == "PATCH")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    head += m_request.body;
    m_socket->write(head);
}

void Http1Connection::onBytesWritten()
{
    if (m_ended || m_sent || !m_socket || m_socket->bytesToWrite() > 0)
        return;
    m_sent = true;
    emit requestSent();
}

void Http1Connection::onReadyRead()
{
    // The signals emitted below may end this exchange, or delete its owner
    // later: every step checks.
    const QPointer<Http1Connection> self(this);
    while (self && !m_ended && m_socket && m_socket->bytesAvailable() > 0) {
        // read(n) hands over the socket's own buffer block when it can,
        // instead of copying it.
        m_in = m_socket->read(qMin<qint64>(m_socket->bytesAvailable(), ReadBufferBytes));
        if (m_in.isEmpty())
            break;
        emit activity();
        if (!self || m_ended)
            return;
        const bool ok = m_parser.feed(m_in);
        if (!self || m_ended)
            return;
        if (!ok) {
            end(m_parser.error());
            return;
        }
        if (m_parser.isComplete()) {
            end({});
            return;
        }
    }
}

void Http1Connection::onDisconnected()
{
    if (m_ended)
        return;
    onReadyRead(); // what was still buffered
    if (m_ended)
        return;
    if (m_parser.finishInput())
        end({});
    else
        end(m_parser.error());
}

void Http1Connection::onSocketError()
{
    if (m_ended || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    const bool tls = error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
        || error == QAbstractSocket::SslInvalidUserDataError || !m_rejectedTlsErrors.isEmpty();
    end(m_rejectedTlsErrors.isEmpty() ? m_socket->errorString() : m_rejectedTlsErrors.join(QLatin1String("; ")), tls);
}

void Http1Connection::onTlsErrors(const QList<QSslError> &errors)
{
    bool allAccepted = true;
    for (const QSslError &e : errors) {
        if (!m_request.acceptedTlsErrors.contains(e)) {
            allAccepted = false;
            m_rejectedTlsErrors.append(e.errorString());
        }
    }
    if (allAccepted) {
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()))
            ssl->ignoreSslErrors(errors);
    }
}

void Http1Connection::abort()
{
    m_ended = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Http1Connection::end(const QString &error, bool tls)
{
    if (m_ended)
        return;
    abort();
    emit finished(error, tls);
}

} // namespace crosstalk::http
