#include "a2a/TaskSession.h"

namespace crosstalk::a2a {

TaskSession::TaskSession(A2aClient *client, const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
    , m_backoffMs(options.initialBackoffMs)
{
    m_streaming = options.stream && client->card().streaming;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_polling)
            poll();
        else if (m_tracker)
            watch(m_client->subscribe(m_tracker->taskId()), EventSource::Stream);
    });
}

bool TaskSession::settled() const
{
    return m_tracker && (m_tracker->isTerminal() || isInterrupted(m_tracker->state()));
}

void TaskSession::start(const Message &message)
{
    if (m_streaming) {
        watch(m_client->sendStreamingMessage(message, m_options.send), EventSource::Stream);
        return;
    }
    SendOptions send = m_options.send;
    // Without a stream, the answer is awaited (blocking), and polling covers
    // an agent that answers before the task settles.
    watch(m_client->sendMessage(message, send), EventSource::Response);
}

void TaskSession::follow(const QString &taskId)
{
    makeTracker(taskId);
    if (m_streaming) {
        watch(m_client->subscribe(taskId), EventSource::Stream);
    } else {
        m_polling = true;
        poll();
    }
}

void TaskSession::makeTracker(const QString &taskId)
{
    m_tracker = m_trackerSource ? m_trackerSource(taskId) : nullptr;
    if (!m_tracker)
        m_tracker = new TaskTracker(taskId, nullptr, this);
}

void TaskSession::attachReceiver(WebhookReceiver *receiver)
{
    connect(receiver, &WebhookReceiver::itemDelivered, this, &TaskSession::onPush);
}

void TaskSession::onPush(const StreamItem &item)
{
    if (m_finished)
        return;
    onItem(item, EventSource::Push);
    // A push may be what tells the task has ended.
    if (settled() && !m_call) {
        done({});
    } else if (settled() && m_call) {
        m_call->abort();
    }
}

void TaskSession::stop()
{
    // Finished first: the aborted call reports at once, and must not be
    // taken for a dropped stream to resume.
    m_finished = true;
    m_retry.stop();
    if (m_call)
        m_call->abort();
}

void TaskSession::watch(A2aCall *call, EventSource source)
{
    m_call = call;
    if (source == EventSource::Stream && m_options.silenceTimeoutMs > 0)
        call->setSilenceTimeout(m_options.silenceTimeoutMs);
    connect(call, &A2aCall::itemReceived, this, [this, source](const StreamItem &item) { onItem(item, source); });
    connect(call, &A2aCall::streamSilent, this, [this, call] {
        // A quiet stream is checked, not abandoned: subscribe again.
        if (m_tracker)
            m_tracker->noteResubscribed(tr("the stream was silent"));
        call->abort();
    });
    connect(call, &A2aCall::finished, this, [this, source](const A2aError &error, const nlohmann::json &) {
        onCallFinished(error, source);
    });
}

void TaskSession::onItem(const StreamItem &item, EventSource source)
{
    if (m_finished)
        return;
    // Only an update is progress: every resubscription starts with the Task
    // itself, and a peer that sends it and then fails must not be retried
    // for ever.
    if (!std::holds_alternative<Task>(item) || source == EventSource::Poll) {
        m_failures = 0;
        m_backoffMs = m_options.initialBackoffMs;
    }
    if (!m_tracker) {
        if (const auto *task = std::get_if<Task>(&item)) {
            makeTracker(task->id);
        } else if (const auto *message = std::get_if<Message>(&item)) {
            if (message->taskId.isEmpty()) {
                m_reply = *message;
                emit itemReceived(item, source);
                return;
            }
            makeTracker(message->taskId);
        } else if (const auto *status = std::get_if<StatusUpdate>(&item)) {
            makeTracker(status->taskId);
        } else if (const auto *chunk = std::get_if<ArtifactUpdate>(&item)) {
            makeTracker(chunk->taskId);
        }
    }
    m_tracker->apply(item, source);
    emit itemReceived(item, source);
}

void TaskSession::onCallFinished(const A2aError &error, EventSource source)
{
    m_call = nullptr;
    if (m_finished)
        return;
    if (m_reply && !m_tracker)
        return done({});
    if (settled())
        return done({});
    if (!m_tracker) {
        // Nothing to follow: the first call itself failed.
        if (!error.ok())
            return done(error);
        A2aError e;
        e.kind = A2aError::Kind::Protocol;
        e.message = tr("The agent's answer named no task and held no message.");
        return done(e);
    }
    if (!error.ok()) {
        if (error.kind == A2aError::Kind::Agent) {
            // Subscribing to a task that has just ended is refused
            // (UnsupportedOperation or TaskNotFound): ask for it instead.
            if (source == EventSource::Stream && !m_polling) {
                m_polling = true;
                return poll();
            }
            return done(error);
        }
        // An answer that breaks the protocol will not mend by asking again.
        if (error.kind == A2aError::Kind::Protocol)
            return done(error);
        if (++m_failures >= m_options.maxFailures)
            return done(error);
    }
    if (m_streaming && !m_polling)
        resume(error.ok() ? tr("the stream ended before the task did") : error.message);
    else {
        m_polling = true;
        scheduleNext();
    }
}

void TaskSession::resume(const QString &why)
{
    m_tracker->noteResubscribed(why);
    scheduleNext();
}

void TaskSession::scheduleNext()
{
    m_retry.start(int(m_backoffMs));
    m_backoffMs = qMin(m_backoffMs * 2, m_options.maxBackoffMs);
}

void TaskSession::poll()
{
    if (!m_tracker || m_finished)
        return;
    m_tracker->notePolled();
    watch(m_client->getTask(m_tracker->taskId(), m_options.send.historyLength), EventSource::Poll);
}

void TaskSession::done(const A2aError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_retry.stop();
    emit finished(error);
}

} // namespace crosstalk::a2a
