#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace crosstalk::auth {

/// Where the system browser brings the person back after signing in: a
/// listener on 127.0.0.1 at a free port, serving `/callback` once. A
/// request whose `state` is not the expected one is answered with an error
/// page and changes nothing (another page cannot end or steer the flow);
/// the one with the right state is answered, reported and the listener
/// closes. Requests are read up to 16 KB each and time out after 10 s.
class LoopbackRedirect : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxRequestBytes = 16 * 1024;

    explicit LoopbackRedirect(QObject *parent = nullptr);
    ~LoopbackRedirect() override;

    /// Starts listening, on `preferredPort` when it is free (the port of a
    /// redirect URI registered before), else on the port used last time,
    /// else on any free one; false with `error` when no port could be had.
    bool listen(QString *error, quint16 preferredPort = 0);
    bool isListening() const;
    /// http://127.0.0.1:PORT/callback
    QUrl redirectUri() const;
    void setExpectedState(const QString &state) { m_state = state; }
    void close();

signals:
    /// The browser came back with the expected state: the response's
    /// query as sent (code, state, iss, or error and error_description),
    /// form-encoded.
    void received(const QByteArray &query);
    /// A request came with another state, or none (for the steps view).
    void rejected(const QString &why);

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QString &text);

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QString m_state;
    quint16 m_lastPort = 0;
    bool m_done = false;
};

} // namespace crosstalk::auth
