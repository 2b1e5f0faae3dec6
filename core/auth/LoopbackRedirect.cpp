#include "auth/LoopbackRedirect.h"

#include "auth/OAuthMetadata.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace crosstalk::auth {

LoopbackRedirect::LoopbackRedirect(QObject *parent)
    : QObject(parent)
{
}

LoopbackRedirect::~LoopbackRedirect() = default;

bool LoopbackRedirect::listen(QString *error, quint16 preferredPort)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirect::onConnection);
    }
    if (m_server->isListening())
        return true;
    bool listening = false;
    for (const quint16 port : {preferredPort, m_lastPort}) {
        if (port != 0 && !listening)
            listening = m_server->listen(QHostAddress::LocalHost, port);
    }
    if (!listening && !m_server->listen(QHostAddress::LocalHost, 0)) {
        *error = tr("Crosstalk could not listen on 127.0.0.1 for the sign-in's return: %1").arg(m_server->errorString());
        return false;
    }
    m_lastPort = m_server->serverPort();
    m_done = false;
    return true;
}

bool LoopbackRedirect::isListening() const
{
    return m_server && m_server->isListening();
}

QUrl LoopbackRedirect::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server ? m_server->serverPort() : 0);
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void LoopbackRedirect::close()
{
    if (m_server)
        m_server->close();
}

void LoopbackRedirect::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
        QTimer::singleShot(10'000, socket, [socket] { socket->abort(); socket->deleteLater(); });
    }
}

void LoopbackRedirect::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->read(MaxRequestBytes + 1 - buffer.size());
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > MaxRequestBytes) {
            m_buffers.remove(socket);
            respond(socket, 431, "Request Header Fields Too Large", tr("The request is too large."));
        }
        return;
    }
    const QByteArray head = buffer.left(end);
    m_buffers.remove(socket);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n") < 0 ? head.size() : head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        respond(socket, 405, "Method Not Allowed", tr("Crosstalk only expects the browser's return from signing in here."));
        return;
    }
    const QByteArray target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
    if (path != "/callback" || m_done) {
        respond(socket, 404, "Not Found", tr("Not found."));
        return;
    }
    const OAuthMetadata::Form parameters = OAuthMetadata::decodeForm(query);
    const QString state = OAuthMetadata::formValue(parameters, u"state").value_or(QString());
    if (m_state.isEmpty() || state != m_state) {
        respond(socket, 400, "Bad Request",
                tr("This sign-in response does not belong to the sign-in Crosstalk started (its state does not "
                   "match); it was ignored."));
        emit rejected(state.isEmpty() ? tr("A request reached the redirect listener without a state; it was ignored.")
                                      : tr("A request reached the redirect listener with another state; it was ignored."));
        return;
    }
    m_done = true;
    const bool failed = OAuthMetadata::formValue(parameters, u"error").has_value();
    respond(socket, 200, "OK",
            failed ? tr("Crosstalk received the authorization server's answer: the sign-in did not succeed. "
                        "Crosstalk shows the details; you can close this tab.")
                   : tr("Crosstalk received the sign-in. You can close this tab and go back to Crosstalk."));
    close();
    emit received(query);
}

void LoopbackRedirect::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QString &text)
{
    // Plain text: nothing from the request is ever shown as markup.
    const QByteArray body = text.toUtf8();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/plain; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace crosstalk::auth
