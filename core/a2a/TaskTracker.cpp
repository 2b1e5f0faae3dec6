#include "a2a/TaskTracker.h"

#include "util/Clock.h"


namespace crosstalk::a2a {


QString eventSourceName(EventSource source)
{
    switch (source) {
    case EventSource::Response: return QStringLiteral("response");
    case EventSource::Stream: return QStringLiteral("stream");
    case EventSource::Poll: return QStringLiteral("poll");
    case EventSource::Push: return QStringLiteral("push");
    }
    return QString();
}

TaskTracker::TaskTracker(const QString &taskId, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_taskId(taskId)
    , m_clock(clock ? clock : Clock::system())
{
}

void TaskTracker::add(TaskEvent event)
{
    event.wallMs = m_clock->wallMs();
    m_events.append(std::move(event));
    emit eventAdded(int(m_events.size()) - 1);
}

void TaskTracker::issue(const QString &text, EventSource source)
{
    m_issues.append(text);
    TaskEvent e;
    e.kind = TaskEvent::Kind::Issue;
    e.source = source;
    e.state = m_state;
    e.note = text;
    add(std::move(e));
}

bool TaskTracker::belongsHere(const QString &taskId, const QString &contextId, EventSource source)
{
    if (!taskId.isEmpty() && taskId != m_taskId) {
        issue(tr("An update about task %1 arrived for task %2; it was set aside.").arg(taskId, m_taskId), source);
        return false;
    }
    if (!contextId.isEmpty()) {
        if (m_contextId.isEmpty())
            m_contextId = contextId;
        else if (contextId != m_contextId)
            issue(tr("The task's context changed from %1 to %2.").arg(m_contextId, contextId), source);
    }
    return true;
}

void TaskTracker::apply(const StreamItem &item, EventSource source)
{
    if (const auto *task = std::get_if<Task>(&item)) {
        applyTask(*task, source);
    } else if (const auto *status = std::get_if<StatusUpdate>(&item)) {
        if (belongsHere(status->taskId, status->contextId, source))
            applyStatus(status->status, source, TaskEvent::Kind::Status);
    } else if (const auto *artifact = std::get_if<ArtifactUpdate>(&item)) {
        if (belongsHere(artifact->taskId, artifact->contextId, source))
            applyArtifact(*artifact, source);
    } else if (const auto *message = std::get_if<Message>(&item)) {
        if (!belongsHere(message->taskId, message->contextId, source))
            return;
        TaskEvent e;
        e.kind = TaskEvent::Kind::Message;
        e.source = source;
        e.state = m_state;
        e.message = std::make_shared<const Message>(*message);
        add(std::move(e));
    }
}

void TaskTracker::applyTask(const Task &task, EventSource source)
{
    if (!belongsHere(task.id, task.contextId, source))
        return;
    applyStatus(task.status, source, TaskEvent::Kind::Task);
    // A whole task states its artifacts as they are now.
    for (const Artifact &a : task.artifacts) {
        const int index = artifactIndex(a.artifactId);
        if (index < 0)
            m_artifacts.append(a);
        else if (m_artifacts.at(index) != a)
            m_artifacts[index] = a;
        else
            continue;
        emit artifactChanged(a.artifactId);
    }
}

void TaskTracker::applyStatus(const TaskStatus &status, EventSource source, TaskEvent::Kind kind)
{
    const QString key = status.stateText + u'\x1f' + status.timestamp + u'\x1f'
        + (status.message ? status.message->messageId : QString());
    if (source != EventSource::Push) {
        m_statusesSeen.insert(key);
    } else if (m_statusesSeen.contains(key) && !(m_seenState && a2a::isTerminal(m_state))) {
        // (After a final state, anything else stays an issue, as before.)
        TaskEvent e;
        e.kind = kind;
        e.source = source;
        e.state = m_state;
        e.note = tr("a repeat of a status already reported; the state stays");
        if (status.message)
            e.message = std::make_shared<const Message>(*status.message);
        add(std::move(e));
        return;
    }
    const std::optional<TaskState> known = taskStateFromWire(status.stateText);
    if (!known) {
        issue(tr("The state \"%1\" is not an A2A task state.").arg(status.stateText), source);
    } else if (*known == TaskState::Unknown) {
        issue(tr("The agent reported the task's state as unknown."), source);
    } else if (m_seenState && a2a::isTerminal(m_state) && *known != m_state) {
        issue(tr("The task was already %1, and then became %2: nothing may follow a final state.")
                  .arg(taskStateName(m_state), taskStateName(*known)),
              source);
    }
    const TaskState previous = m_state;
    // Once terminal, a task stays so: a late report does not revive it.
    if (known && *known != TaskState::Unknown && !(m_seenState && a2a::isTerminal(m_state))) {
        m_state = *known;
        m_seenState = true;
    }
    TaskEvent e;
    e.kind = kind;
    e.source = source;
    e.state = m_state;
    if (status.message)
        e.message = std::make_shared<const Message>(*status.message);
    add(std::move(e));
    if (m_state != previous)
        emit stateChanged(m_state);
}

bool TaskTracker::sameChunk(int eventIndex, const ArtifactUpdate &update) const
{
    if (eventIndex < 0 || eventIndex >= m_events.size())
        return false;
    const TaskEvent &applied = m_events.at(eventIndex);
    if (applied.artifactId != update.artifact.artifactId || applied.append != update.append
        || applied.lastChunk != update.lastChunk || applied.partsCount != update.artifact.parts.size())
        return false;
    const int index = artifactIndex(applied.artifactId);
    if (index < 0 || applied.partsFrom < 0 || applied.partsFrom + applied.partsCount > m_artifacts.at(index).parts.size())
        return false; // the artifact has started over since: not comparable, so applied again
    const QList<Part> &parts = m_artifacts.at(index).parts;
    for (int i = 0; i < applied.partsCount; ++i) {
        const Part &a = parts.at(applied.partsFrom + i);
        const Part &b = update.artifact.parts.at(i);
        if (a.kind != b.kind || a.text != b.text || a.uri != b.uri || a.bytes != b.bytes || a.data != b.data)
            return false;
    }
    return true;
}

int TaskTracker::artifactIndex(const QString &artifactId) const
{
    for (int i = 0; i < m_artifacts.size(); ++i) {
        if (m_artifacts.at(i).artifactId == artifactId)
            return i;
    }
    return -1;
}

void TaskTracker::applyArtifact(const ArtifactUpdate &update, EventSource source)
{
    const QString &id = update.artifact.artifactId;
    // The n-th chunk from one source is a repeat when it equals the n-th
    // chunk applied (from another source, as the stream and the push
    // webhook deliver the same chunks). With one source there is nothing to
    // compare, and nothing is hashed.
    const int position = m_chunksFrom.at(size_t(source))++;
    if (position < m_appliedChunks.size() && sameChunk(m_appliedChunks.at(position), update)) {
        TaskEvent e;
        e.kind = TaskEvent::Kind::Artifact;
        e.source = source;
        e.state = m_state;
        e.artifactId = update.artifact.artifactId;
        e.append = update.append;
        e.lastChunk = update.lastChunk;
        e.note = tr("the same chunk came another way before; not applied again");
        add(std::move(e));
        return;
    }
    if (m_seenState && a2a::isTerminal(m_state))
        issue(tr("An artifact chunk for %1 arrived after the task was %2.").arg(id, taskStateName(m_state)), source);
    const int existing = artifactIndex(id);
    if (update.append) {
        if (existing < 0) {
            issue(tr("A chunk was to be appended to artifact %1, which had not been sent; it starts the artifact.").arg(id),
                  source);
            m_artifacts.append(update.artifact);
        } else {
            if (m_finishedArtifacts.contains(id))
                issue(tr("A chunk was appended to artifact %1 after its last chunk.").arg(id), source);
            Artifact &a = m_artifacts[existing];
            a.parts.append(update.artifact.parts);
            if (!update.artifact.name.isEmpty())
                a.name = update.artifact.name;
            if (!update.artifact.description.isEmpty())
                a.description = update.artifact.description;
        }
    } else if (existing < 0) {
        m_artifacts.append(update.artifact);
    } else {
        m_artifacts[existing] = update.artifact; // not an append: the artifact starts over
        m_finishedArtifacts.removeAll(id);
    }
    if (update.lastChunk && !m_finishedArtifacts.contains(id))
        m_finishedArtifacts.append(id);

    TaskEvent e;
    e.kind = TaskEvent::Kind::Artifact;
    e.source = source;
    e.state = m_state;
    e.artifactId = update.artifact.artifactId;
    e.append = update.append;
    e.lastChunk = update.lastChunk;
    const int index = artifactIndex(id);
    e.partsCount = int(update.artifact.parts.size());
    e.partsFrom = index < 0 ? -1 : int(m_artifacts.at(index).parts.size()) - e.partsCount;
    m_appliedChunks.append(int(m_events.size()));
    add(std::move(e));
    emit artifactChanged(id);
}

void TaskTracker::noteResubscribed(const QString &why)
{
    TaskEvent e;
    e.kind = TaskEvent::Kind::Resubscribed;
    e.source = EventSource::Stream;
    e.state = m_state;
    e.note = why;
    add(std::move(e));
}

void TaskTracker::notePolled()
{
    TaskEvent e;
    e.kind = TaskEvent::Kind::Polled;
    e.source = EventSource::Poll;
    e.state = m_state;
    add(std::move(e));
}

QList<Part> TaskTracker::chunkParts(const TaskEvent &event) const
{
    if (event.kind != TaskEvent::Kind::Artifact || event.partsFrom < 0)
        return {};
    const int index = artifactIndex(event.artifactId);
    if (index < 0)
        return {};
    const QList<Part> &parts = m_artifacts.at(index).parts;
    if (event.partsFrom + event.partsCount > parts.size())
        return {};
    return parts.mid(event.partsFrom, event.partsCount);
}

bool TaskTracker::artifactsMatch(const Task &task, QString *difference) const
{
    const auto fail = [difference](const QString &why) {
        if (difference)
            *difference = why;
        return false;
    };
    if (task.artifacts.size() != m_artifacts.size()) {
        return fail(tr("The task has %1 artifacts; %2 were assembled from the chunks.")
                        .arg(task.artifacts.size())
                        .arg(m_artifacts.size()));
    }
    for (const Artifact &theirs : task.artifacts) {
        const int index = artifactIndex(theirs.artifactId);
        if (index < 0)
            return fail(tr("Artifact %1 is in the task but no chunk of it arrived.").arg(theirs.artifactId));
        const Artifact &ours = m_artifacts.at(index);
        if (ours.parts.size() != theirs.parts.size()) {
            return fail(tr("Artifact %1 has %2 parts in the task; %3 were assembled.")
                            .arg(theirs.artifactId)
                            .arg(theirs.parts.size())
                            .arg(ours.parts.size()));
        }
        for (int i = 0; i < ours.parts.size(); ++i) {
            if (!(ours.parts.at(i) == theirs.parts.at(i)))
                return fail(tr("Part %1 of artifact %2 differs from the assembled one.").arg(i).arg(theirs.artifactId));
        }
    }
    return true;
}

} // namespace crosstalk::a2a
