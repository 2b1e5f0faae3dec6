#pragma once

#include "http/Http1Parser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QStringList>
#include <QUrl>

class QTcpSocket;

namespace crosstalk::http {

/// One HTTP/1.1 exchange on a socket of its own (TCP, or TLS for https),
/// read as it arrives. HttpClient uses it for streaming responses (SSE):
/// the socket's read buffer is bounded and every byte read is handed on at
/// once, so a fast server is slowed down by TCP instead of being buffered
/// in memory, and nothing crosses threads. The connection closes after the
/// response (`Connection: close`); no pooling, no content coding.
class Http1Connection : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl url;
        QByteArray method = "GET";
        HeaderList headers;
        QByteArray body;
        /// TLS errors the person accepted; any other fails the exchange.
        QList<QSslError> acceptedTlsErrors;
    };

    /// The most the socket buffers before reading stops until the buffered
    /// bytes have been handled.
    static constexpr qint64 ReadBufferBytes = 1024 * 1024;

    explicit Http1Connection(Request request, QObject *parent = nullptr);
    ~Http1Connection() override;

    /// Connects and sends the request. Signals follow from the event loop.
    void start();
    /// Closes the socket; no signal follows.
    void abort();

    /// TLS errors seen that were not accepted (for the error message).
    const QStringList &rejectedTlsErrors() const { return m_rejectedTlsErrors; }

signals:
    /// The whole request has been written.
    void requestSent();
    /// Bytes arrived (for idle timeouts).
    void activity();
    void headReceived(const crosstalk::http::Http1Parser::Head &head);
    /// A piece of the body, valid only during the call.
    void dataReceived(QByteArrayView chunk);
    /// The exchange ended: `error` is empty when the whole response was read;
    /// `tls` says the error is a TLS failure.
    void finished(const QString &error, bool tls);

private:
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onSocketError();
    void onTlsErrors(const QList<QSslError> &errors);
    void end(const QString &error, bool tls = false);

    Request m_request;
    QPointer<QTcpSocket> m_socket;
    Http1Parser m_parser;
    QByteArray m_in;
    QStringList m_rejectedTlsErrors;
    bool m_sent = false;
    bool m_ended = false;
};

} // namespace crosstalk::http
