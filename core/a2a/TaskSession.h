#pragma once

#include "a2a/A2aClient.h"
#include "a2a/TaskTracker.h"
#include "a2a/WebhookReceiver.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace crosstalk::a2a {

/// Follows one task from the message that starts it (or from its id) until
/// it ends or waits for the caller, whatever the agent and the network do:
/// a stream that drops, or falls silent, is resumed by subscribing again
/// with backoff; an agent that does not stream is followed by polling
/// GetTask with backoff. Every item goes through the task's TaskTracker,
/// and the resubscriptions and polls are on its timeline.
class TaskSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Stream when the agent can; otherwise (or when false) send and poll.
        bool stream = true;
        /// After the first event, silence this long makes the session check
        /// on the task (0: never).
        qint64 silenceTimeoutMs = 30'000;
        qint64 initialBackoffMs = 250;
        qint64 maxBackoffMs = 4'000;
        /// Consecutive failures to reach the agent before giving up.
        int maxFailures = 5;
        SendOptions send;
    };

    TaskSession(A2aClient *client, const Options &options, QObject *parent = nullptr);

    /// Sends the message and follows what it starts.
    void start(const Message &message);
    /// Follows a task that exists already (subscribe, or poll).
    void follow(const QString &taskId);
    /// Feeds the push notifications this receiver accepts into the task
    /// (set options.send.pushUrl and pushToken from it before start()).
    void attachReceiver(WebhookReceiver *receiver);
    /// Where the task's tracker comes from once its id is known: a tracker
    /// kept elsewhere (a conversation keeps each task's one tracker across
    /// the messages that continue it). Without it the session makes and
    /// owns its own.
    void setTrackerSource(std::function<TaskTracker *(const QString &taskId)> source)
    {
        m_trackerSource = std::move(source);
    }
    void stop();

    /// The task's tracker, once a task id is known.
    TaskTracker *tracker() const { return m_tracker.data(); }
    /// A direct reply (no task), if the agent answered with a message.
    const std::optional<Message> &reply() const { return m_reply; }

signals:
    /// Every item as it arrives, with where it came from.
    void itemReceived(const crosstalk::a2a::StreamItem &item, crosstalk::a2a::EventSource source);
    /// The session stopped following: the task ended or waits for the caller
    /// (error.ok()), a direct reply came, or the agent could not be followed.
    void finished(const crosstalk::a2a::A2aError &error);

private:
    void watch(A2aCall *call, EventSource source);
    void onItem(const StreamItem &item, EventSource source);
    void onCallFinished(const A2aError &error, EventSource source);
    void resume(const QString &why);
    void poll();
    void scheduleNext();
    void done(const A2aError &error);
    bool settled() const;
    void onPush(const StreamItem &item);
    void makeTracker(const QString &taskId);

    std::function<TaskTracker *(const QString &)> m_trackerSource;
    QPointer<A2aClient> m_client;
    Options m_options;
    bool m_streaming = false;
    QPointer<TaskTracker> m_tracker;
    std::optional<Message> m_reply;
    QPointer<A2aCall> m_call;
    QTimer m_retry;
    qint64 m_backoffMs;
    int m_failures = 0;
    bool m_finished = false;
    bool m_polling = false;
};

} // namespace crosstalk::a2a
