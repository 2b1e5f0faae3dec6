#pragma once

#include "a2a/A2aClient.h"
#include "a2a/TaskTracker.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace crosstalk {
class Clock;
}

namespace crosstalk::a2a {

class TaskSession;
class WebhookReceiver;

/// One line of a conversation, in the order it happened.
struct ConversationEntry
{
    enum class Kind {
        User,   ///< a message the user sent
        Agent,  ///< a message the agent answered with (no task)
        Task,   ///< a task the last message started or continued
        Notice, ///< what went wrong with a send, for people
    };
    Kind kind = Kind::Notice;
    qint64 wallMs = 0;
    /// User and Agent: the message (shared, as views hold on to it).
    std::shared_ptr<const Message> message;
    /// Task: the task; User: the task this message continues, if any.
    QString taskId;
    /// Task: the first event of the task's timeline this exchange brought
    /// (a continued task shows what followed the user's answer).
    int eventsFrom = 0;
    /// Notice: what happened.
    QString text;
};

/// A conversation with one agent: the messages sent in one context, the
/// tasks they start, and every task of this agent for the timeline. A task
/// that waits for input is continued by the next message (same task and
/// context); a new conversation starts a new context. Each task has one
/// tracker for its whole life, fed by the sends that continue it, by
/// resubscriptions, refreshes and push deliveries.
class Conversation : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Time for the trackers (null: the system clock).
        Clock *clock = nullptr;
        /// A stream quiet this long after its first event is checked on.
        qint64 silenceTimeoutMs = 30'000;
        qint64 initialBackoffMs = 250;
        qint64 maxBackoffMs = 4'000;
    };

    /// `client` is not owned and may be replaced with setClient().
    Conversation(A2aClient *client, const Options &options, QObject *parent = nullptr);
    ~Conversation() override;

    /// The agent's card was read again: later calls go through `client`.
    void setClient(A2aClient *client);
    A2aClient *client() const { return m_client; }
    /// Push notifications: the receiver's URL and token are given with each
    /// send when the agent can push, and its deliveries reach their tasks.
    void setPushReceiver(WebhookReceiver *receiver);

    const QList<ConversationEntry> &entries() const { return m_entries; }
    /// The context of this conversation, once the agent has named one.
    const QString &contextId() const { return m_contextId; }
    /// The task the next message continues: one waiting for input or for
    /// authorization; else empty.
    const QString &pendingTaskId() const { return m_pendingTaskId; }
    TaskState pendingState() const;
    /// A send is waiting for the agent's first answer.
    bool isBusy() const { return !m_awaiting.isEmpty(); }
    bool canStream() const;

    /// Sends a message of `parts` in this conversation (continuing the
    /// pending task, if any). False, with the reason, when it cannot be sent.
    bool send(const QList<Part> &parts, bool stream, QString *error = nullptr);
    /// Forgets the context: the next message starts a new one. The tasks stay
    /// on the timeline.
    void newConversation();

    /// Every task of this agent seen so far, in the order they appeared.
    const QList<TaskTracker *> &tasks() const { return m_tasks; }
    TaskTracker *task(const QString &taskId) const { return m_trackers.value(taskId); }
    /// Whether a session follows the task now (a stream or polling).
    bool isFollowed(const QString &taskId) const;

    /// GetTask, recorded as a poll on the task's timeline.
    void refresh(const QString &taskId);
    void cancel(const QString &taskId);
    /// Subscribes to the task again (or polls an agent that does not stream).
    void resubscribe(const QString &taskId);

signals:
    void entryAdded(int index);
    /// The entries were cleared (a new conversation).
    void entriesReset();
    void taskAdded(crosstalk::a2a::TaskTracker *tracker);
    /// Busy, the pending task or the context changed.
    void stateChanged();
    /// A refresh, cancel or resubscription failed; `what` says why.
    void operationFailed(const QString &taskId, const QString &what);

private:
    TaskTracker *trackerFor(const QString &taskId);
    TaskSession *newSession(bool stream);
    void onSessionItem(TaskSession *session, const StreamItem &item);
    void onSessionFinished(TaskSession *session, const A2aError &error);
    void watchTracker(TaskTracker *tracker);
    void updatePending(TaskTracker *tracker);
    void addEntry(ConversationEntry entry);
    void notice(const QString &text);
    /// The send's first answer came (or it ended): no longer busy with it.
    void answered(TaskSession *session);
    void onPush(const StreamItem &item);
    qint64 now() const;

    QPointer<A2aClient> m_client;
    Options m_options;
    QPointer<WebhookReceiver> m_push;
    QList<ConversationEntry> m_entries;
    QString m_contextId;
    QString m_pendingTaskId;
    /// Sessions of sends waiting for their first answer.
    QList<TaskSession *> m_awaiting;
    QList<TaskTracker *> m_tasks;
    QHash<QString, TaskTracker *> m_trackers;
    /// The session following each task now.
    QHash<QString, QPointer<TaskSession>> m_following;
    /// Sessions of this conversation's context; after a new conversation,
    /// older sessions still feed their tasks but add no entries.
    QHash<TaskSession *, int> m_generationOf;
    /// A send continuing a task: where its events begin (the task may hear
    /// from elsewhere, a push, before the send's answer).
    struct Continuation
    {
        QString taskId;
        int eventsFrom = 0;
    };
    QHash<TaskSession *, Continuation> m_continues;
    int m_generation = 0;
};

} // namespace crosstalk::a2a
