#include "a2a/WebhookReceiver.h"

#include "util/BoundedJson.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

namespace crosstalk::a2a {

namespace {

constexpr int MaxSeen = 4096;
constexpr int IdleSocketMs = 30'000;

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toHex();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    default: return "Error";
    }
}

} // namespace

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
    , m_token(QString::fromLatin1(randomHex(32)))
    , m_path(QStringLiteral("/a2a/push/") + QString::fromLatin1(randomHex(16)))
{
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &WebhookReceiver::onConnection);
}

WebhookReceiver::~WebhookReceiver()
{
    m_server.close();
}

bool WebhookReceiver::listen(QString *error)
{
    if (m_server.isListening())
        return true;
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = tr("The push-notification receiver cannot listen on 127.0.0.1: %1").arg(m_server.errorString());
    return false;
}

QUrl WebhookReceiver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(m_path));
}

void WebhookReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->start(IdleSocketMs);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start(IdleSocketMs);
            onData(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void WebhookReceiver::onData(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Requests may follow each other on a kept-alive connection.
    while (true) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (buffer.size() > MaxHeaderBytes)
                socket->abort();
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 length = 0;
        bool close = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "connection" && value.toLower() == "close")
                close = true;
            else if (name == "transfer-encoding")
                length = -1; // chunked bodies are not accepted
        }
        PushDelivery delivery;
        delivery.wallMs = Clock::system()->wallMs();
        int status;
        if (length < 0 || length > MaxBodyBytes) {
            status = length < 0 ? 400 : 413;
            delivery.problem = length < 0 ? tr("The delivery's body was not sent with a Content-Length.")
                                          : tr("The delivery is larger than %1 bytes.").arg(MaxBodyBytes);
            close = true;
        } else {
            if (buffer.size() - headEnd - 4 < length)
                return; // wait for the body
            const QByteArray body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            status = handle(requestLine.value(0), requestLine.value(1), headers, body, delivery);
        }
        delivery.status = status;
        const QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonFor(status)
            + "\r\nContent-Length: 0\r\nConnection: " + (close ? "close" : "keep-alive") + "\r\n\r\n";
        socket->write(reply);
        const bool accepted = status == 200 && !delivery.duplicate && delivery.item.has_value();
        const std::optional<StreamItem> item = delivery.item;
        record(std::move(delivery));
        if (accepted)
            emit itemDelivered(*item);
        if (close) {
            m_buffers.remove(socket);
            socket->disconnectFromHost();
            return;
        }
        if (buffer.isEmpty())
            return;
    }
}

int WebhookReceiver::handle(const QByteArray &method, const QByteArray &target,
                            const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                            PushDelivery &delivery)
{
    delivery.body = body.left(64 * 1024);
    if (QString::fromLatin1(target) != m_path) {
        delivery.problem = tr("A delivery came to an unknown path.");
        return 404;
    }
    if (method != "POST") {
        delivery.problem = tr("A delivery came with %1 instead of POST.").arg(QString::fromLatin1(method.left(16)));
        return 405;
    }
    QByteArray token;
    for (const auto &h : headers) {
        if (h.first == "x-a2a-notification-token")
            token = h.second;
    }
    if (!constantTimeEquals(token, m_token.toLatin1())) {
        delivery.problem = token.isEmpty() ? tr("A delivery came without the notification token.")
                                           : tr("A delivery came with a wrong notification token.");
        return 401;
    }
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    if (m_seen.contains(digest)) {
        delivery.duplicate = true;
        return 200; // at-least-once delivery: acknowledge, do not apply twice
    }
    JsonReadError error;
    const std::optional<nlohmann::json> value = readJson(body, 128, &error);
    if (!value) {
        delivery.problem = tr("A delivery is not JSON (at byte %1: %2).").arg(error.offset).arg(error.detail);
        return 400;
    }
    QString problem;
    std::optional<StreamItem> item = readStreamItem(*value, &problem);
    if (!item) {
        delivery.problem = tr("A delivery is not a task or an update: %1").arg(problem);
        return 400;
    }
    m_seen.insert(digest);
    m_seenOrder.push_back(digest);
    if (m_seenOrder.size() > size_t(MaxSeen)) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
    std::visit(
        [&delivery](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Task>)
                delivery.taskId = v.id;
            else
                delivery.taskId = v.taskId;
        },
        *item);
    delivery.item = std::move(item);
    return 200;
}

void WebhookReceiver::record(PushDelivery delivery)
{
    m_inbox.push_back(std::move(delivery));
    if (m_inbox.size() > size_t(MaxInbox))
        m_inbox.pop_front();
    emit deliveryRecorded(m_inbox.back());
}

} // namespace crosstalk::a2a
