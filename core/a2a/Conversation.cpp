#include "a2a/Conversation.h"

#include "a2a/TaskSession.h"
#include "a2a/WebhookReceiver.h"
#include "util/Clock.h"

#include <QUuid>

namespace crosstalk::a2a {

namespace {

QString itemTaskId(const StreamItem &item)
{
    return std::visit(
        [](const auto &value) -> QString {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Task>)
                return value.id;
            else
                return value.taskId;
        },
        item);
}

QString itemContextId(const StreamItem &item)
{
    return std::visit([](const auto &value) -> QString { return value.contextId; }, item);
}

} // namespace

Conversation::Conversation(A2aClient *client, const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
{
}

Conversation::~Conversation()
{
    // Sessions first: they point at the trackers.
    for (TaskSession *session : findChildren<TaskSession *>(Qt::FindDirectChildrenOnly))
        delete session;
}

void Conversation::setClient(A2aClient *client)
{
    m_client = client;
    emit stateChanged();
}

void Conversation::setPushReceiver(WebhookReceiver *receiver)
{
    if (m_push)
        disconnect(m_push, nullptr, this, nullptr);
    m_push = receiver;
    if (receiver)
        connect(receiver, &WebhookReceiver::itemDelivered, this, &Conversation::onPush);
}

TaskState Conversation::pendingState() const
{
    const TaskTracker *tracker = task(m_pendingTaskId);
    return tracker ? tracker->state() : TaskState::Unknown;
}

bool Conversation::canStream() const
{
    return m_client && m_client->card().streaming;
}

bool Conversation::isFollowed(const QString &taskId) const
{
    return !m_following.value(taskId).isNull();
}

qint64 Conversation::now() const
{
    return (m_options.clock ? m_options.clock : Clock::system())->wallMs();
}

bool Conversation::send(const QList<Part> &parts, bool stream, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (parts.isEmpty())
        return fail(tr("The message is empty: add text, a file or data."));
    if (!m_client)
        return fail(tr("The agent's card has not been read, so there is nowhere to send to."));
    if (!m_client->setupError().isEmpty())
        return fail(m_client->setupError());

    auto message = std::make_shared<Message>();
    message->messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message->contextId = m_contextId;
    message->taskId = m_pendingTaskId;
    message->role = Role::User;
    message->parts = parts;

    ConversationEntry entry;
    entry.kind = ConversationEntry::Kind::User;
    entry.wallMs = now();
    entry.message = message;
    entry.taskId = m_pendingTaskId;
    addEntry(std::move(entry));

    // The answer decides whether the task still waits.
    m_pendingTaskId.clear();
    TaskSession *session = newSession(stream);
    m_generationOf.insert(session, m_generation);
    if (const TaskTracker *continued = task(message->taskId))
        m_continues.insert(session, {continued->taskId(), int(continued->events().size())});
    m_awaiting.append(session);
    emit stateChanged();
    session->start(*message);
    return true;
}

void Conversation::newConversation()
{
    ++m_generation;
    m_entries.clear();
    m_contextId.clear();
    m_pendingTaskId.clear();
    emit entriesReset();
    emit stateChanged();
}

TaskSession *Conversation::newSession(bool stream)
{
    TaskSession::Options options;
    options.stream = stream;
    options.silenceTimeoutMs = m_options.silenceTimeoutMs;
    options.initialBackoffMs = m_options.initialBackoffMs;
    options.maxBackoffMs = m_options.maxBackoffMs;
    if (m_push && m_client && m_client->card().pushNotifications && m_push->url().isValid()) {
        options.send.pushUrl = m_push->url().toString();
        options.send.pushToken = m_push->token();
    }
    auto *session = new TaskSession(m_client, options, this);
    session->setTrackerSource([this, session](const QString &taskId) {
        TaskTracker *tracker = trackerFor(taskId);
        m_following.insert(taskId, session);
        answered(session);
        if (m_generationOf.value(session, -1) == m_generation) {
            ConversationEntry entry;
            entry.kind = ConversationEntry::Kind::Task;
            entry.wallMs = now();
            entry.taskId = taskId;
            const auto continuation = m_continues.constFind(session);
            entry.eventsFrom = continuation != m_continues.cend() && continuation->taskId == taskId
                ? continuation->eventsFrom
                : int(tracker->events().size());
            addEntry(std::move(entry));
        }
        return tracker;
    });
    connect(session, &TaskSession::itemReceived, this,
            [this, session](const StreamItem &item, EventSource) { onSessionItem(session, item); });
    connect(session, &TaskSession::finished, this,
            [this, session](const A2aError &error) { onSessionFinished(session, error); });
    return session;
}

TaskTracker *Conversation::trackerFor(const QString &taskId)
{
    if (TaskTracker *tracker = m_trackers.value(taskId))
        return tracker;
    auto *tracker = new TaskTracker(taskId, m_options.clock, this);
    m_trackers.insert(taskId, tracker);
    m_tasks.append(tracker);
    connect(tracker, &TaskTracker::stateChanged, this, [this, tracker] { updatePending(tracker); });
    emit taskAdded(tracker);
    return tracker;
}

void Conversation::onSessionItem(TaskSession *session, const StreamItem &item)
{
    const bool current = m_generationOf.value(session, -1) == m_generation;
    if (!current)
        return;
    if (m_contextId.isEmpty() && !itemContextId(item).isEmpty()) {
        m_contextId = itemContextId(item);
        emit stateChanged();
    }
    if (const auto *message = std::get_if<Message>(&item); message && message->taskId.isEmpty()) {
        // A direct answer: no task to follow.
        answered(session);
        ConversationEntry entry;
        entry.kind = ConversationEntry::Kind::Agent;
        entry.wallMs = now();
        entry.message = std::make_shared<const Message>(*message);
        addEntry(std::move(entry));
        return;
    }
    if (TaskTracker *tracker = session->tracker())
        updatePending(tracker);
}

void Conversation::onSessionFinished(TaskSession *session, const A2aError &error)
{
    const bool current = m_generationOf.value(session, -1) == m_generation;
    answered(session);
    // A failed answer leaves the task it would have continued waiting.
    TaskTracker *tracker = session->tracker() ? session->tracker() : task(m_continues.value(session).taskId);
    if (tracker && m_following.value(tracker->taskId()) == session)
        m_following.remove(tracker->taskId());
    m_generationOf.remove(session);
    m_continues.remove(session);
    session->deleteLater();
    if (!error.ok()) {
        if (current)
            notice(error.message);
        else if (tracker)
            emit operationFailed(tracker->taskId(), error.message);
    }
    if (tracker)
        updatePending(tracker);
}

void Conversation::updatePending(TaskTracker *tracker)
{
    const QString &id = tracker->taskId();
    const bool waits = isInterrupted(tracker->state());
    const bool here = !m_contextId.isEmpty() && tracker->contextId() == m_contextId;
    QString pending = m_pendingTaskId;
    if (waits && here)
        pending = id;
    else if (pending == id)
        pending.clear();
    if (pending != m_pendingTaskId) {
        m_pendingTaskId = pending;
        emit stateChanged();
    }
}

void Conversation::answered(TaskSession *session)
{
    if (m_awaiting.removeOne(session))
        emit stateChanged();
}

void Conversation::addEntry(ConversationEntry entry)
{
    m_entries.append(std::move(entry));
    emit entryAdded(int(m_entries.size() - 1));
}

void Conversation::notice(const QString &text)
{
    ConversationEntry entry;
    entry.kind = ConversationEntry::Kind::Notice;
    entry.wallMs = now();
    entry.text = text;
    addEntry(std::move(entry));
}

void Conversation::onPush(const StreamItem &item)
{
    if (TaskTracker *tracker = m_trackers.value(itemTaskId(item)))
        tracker->apply(item, EventSource::Push);
}

void Conversation::refresh(const QString &taskId)
{
    TaskTracker *tracker = task(taskId);
    if (!tracker || !m_client)
        return;
    tracker->notePolled();
    A2aCall *call = m_client->getTask(taskId);
    const QPointer<TaskTracker> target = tracker;
    connect(call, &A2aCall::itemReceived, this, [target](const StreamItem &item) {
        if (target)
            target->apply(item, EventSource::Poll);
    });
    connect(call, &A2aCall::finished, this, [this, taskId](const A2aError &error, const nlohmann::json &) {
        if (!error.ok())
            emit operationFailed(taskId, error.message);
    });
}

void Conversation::cancel(const QString &taskId)
{
    TaskTracker *tracker = task(taskId);
    if (!tracker || !m_client)
        return;
    A2aCall *call = m_client->cancelTask(taskId);
    const QPointer<TaskTracker> target = tracker;
    connect(call, &A2aCall::itemReceived, this, [target](const StreamItem &item) {
        if (target)
            target->apply(item, EventSource::Response);
    });
    connect(call, &A2aCall::finished, this, [this, taskId](const A2aError &error, const nlohmann::json &) {
        if (!error.ok())
            emit operationFailed(taskId, error.message);
    });
}

void Conversation::resubscribe(const QString &taskId)
{
    TaskTracker *tracker = task(taskId);
    if (!tracker || !m_client)
        return;
    if (const QPointer<TaskSession> old = m_following.take(taskId)) {
        old->stop();
        m_generationOf.remove(old);
        m_continues.remove(old);
        answered(old);
        old->deleteLater();
    }
    tracker->noteResubscribed(tr("subscribed again on request"));
    TaskSession *session = newSession(true);
    m_following.insert(taskId, session);
    session->follow(taskId);
}

} // namespace crosstalk::a2a
