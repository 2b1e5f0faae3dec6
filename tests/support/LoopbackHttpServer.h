#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace crosstalk::test {

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

/// One request to a LoopbackHttpServer and the socket to answer it on. It is
/// deleted when the connection closes.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    HttpExchange(QTcpSocket *socket, ReceivedRequest request, QObject *parent);

    const ReceivedRequest &request() const { return m_request; }
    /// A whole response; the connection closes after it.
    void respond(int status, const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {});
    /// Status line and headers of a response whose body follows with write()
    /// and ends with end() (delimited by closing the connection).
    void startStream(int status, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void write(const QByteArray &bytes);
    void end();
    bool isOpen() const;

private:
    QPointer<QTcpSocket> m_socket;
    ReceivedRequest m_request;
};

/// A scriptable HTTP/1.1 server on 127.0.0.1 with a port the system picks,
/// for tests of Crosstalk's HTTP client: each request goes to the handler,
/// which answers now or later.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(HttpExchange *)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    bool listen();
    /// Listens for HTTPS with this certificate and key.
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    QUrl url(const QString &path = QStringLiteral("/")) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<ReceivedRequest> &requests() const { return m_requests; }

private:
    void onConnection();
    void onData(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Handler m_handler;
    QList<ReceivedRequest> m_requests;
};

/// A self-signed certificate for 127.0.0.1 (made with the openssl tool), for
/// tests of how TLS errors are reported. Returns false and says why on failure.
bool makeSelfSignedCertificate(QSslCertificate *certificate, QSslKey *key, QString *error);

} // namespace crosstalk::test
