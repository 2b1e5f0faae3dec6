#pragma once

#include "a2a/TaskModel.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

#include <deque>
#include <optional>

class QTcpSocket;

namespace crosstalk::a2a {

/// One POST that reached the webhook.
struct PushDelivery
{
    qint64 wallMs = 0;
    /// The answer given: 200 for an accepted (or repeated) delivery, else
    /// the refusal (401 wrong token, 404, 405, 413, 400).
    int status = 0;
    bool duplicate = false;
    QString taskId;
    std::optional<StreamItem> item;
    /// Why it was refused or not understood, for people.
    QString problem;
    QByteArray body;
};

/// Receives an agent's push notifications: an HTTP endpoint bound to
/// 127.0.0.1 on a port the system picks, under a path nobody can guess,
/// that checks the notification token (X-A2A-Notification-Token, as the
/// A2A SDKs send it), answers 2xx quickly, de-duplicates repeated
/// deliveries (delivery is at least once), and hands each new item on.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxHeaderBytes = 32 * 1024;
    static constexpr int MaxInbox = 1000;

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;

    /// Starts listening on 127.0.0.1; false with the reason on failure.
    bool listen(QString *error = nullptr);
    /// The URL to register with the agent.
    QUrl url() const;
    /// The token the agent must send back.
    const QString &token() const { return m_token; }
    /// Every delivery so far, newest last (bounded).
    const std::deque<PushDelivery> &inbox() const { return m_inbox; }

signals:
    /// A new, accepted delivery (repeats are recorded but not re-emitted).
    void itemDelivered(const crosstalk::a2a::StreamItem &item);
    /// Any delivery, accepted or not.
    void deliveryRecorded(const crosstalk::a2a::PushDelivery &delivery);

private:
    void onConnection();
    void onData(QTcpSocket *socket);
    int handle(const QByteArray &method, const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers,
               const QByteArray &body, PushDelivery &delivery);
    void record(PushDelivery delivery);

    QTcpServer m_server;
    QString m_token;
    QString m_path;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QByteArray> m_seen;
    std::deque<QByteArray> m_seenOrder;
    std::deque<PushDelivery> m_inbox;
};

} // namespace crosstalk::a2a
