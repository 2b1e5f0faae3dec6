#pragma once

#include "a2a/TaskModel.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <array>
#include <memory>

namespace crosstalk {
class Clock;
}

namespace crosstalk::a2a {

/// Where an event about a task came from.
enum class EventSource { Response, Stream, Poll, Push };
/// "response", "stream", "poll", "push": the CLI's spelling.
QString eventSourceName(EventSource source);

/// One entry of a task's timeline.
struct TaskEvent
{
    enum class Kind {
        Task,        ///< a whole task (a send's answer, GetTask, the first event of a subscription)
        Status,      ///< a status update
        Artifact,    ///< an artifact chunk
        Message,     ///< a message about the task
        Resubscribed,///< the client subscribed again after a stream dropped
        Polled,      ///< the client asked GetTask because the agent does not stream
        Issue,       ///< something the protocol does not allow; recorded, not fatal
    };
    Kind kind = Kind::Status;
    EventSource source = EventSource::Response;
    qint64 wallMs = 0;
    /// The state after this event.
    TaskState state = TaskState::Unknown;
    /// A status's or a message event's message (shared, not copied, as the
    /// timeline is walked and handed around).
    std::shared_ptr<const Message> message;
    /// For Artifact: the chunk's artifact and flags. Its parts are not copied
    /// here (a long stream would hold every chunk twice): they are parts
    /// [partsFrom, partsFrom + partsCount) of the assembled artifact
    /// (chunkParts() hands them out).
    QString artifactId;
    bool append = false;
    bool lastChunk = false;
    int partsFrom = -1;
    int partsCount = 0;
    /// For Issue, Resubscribed and Polled: what happened, for people.
    QString note;
};

/// Follows one task through whatever reports on it (answers, streams, polls,
/// pushes): an ordered timeline, the state machine, and the artifacts
/// assembled from their chunks. What the protocol does not allow (anything
/// after a terminal state, an unknown state, a chunk appended to nothing or
/// after the last chunk, an item about another task) is recorded as an issue
/// on the timeline and in issues(), never thrown.
class TaskTracker : public QObject
{
    Q_OBJECT

public:
    explicit TaskTracker(const QString &taskId, Clock *clock = nullptr, QObject *parent = nullptr);

    const QString &taskId() const { return m_taskId; }
    const QString &contextId() const { return m_contextId; }
    TaskState state() const { return m_state; }
    bool isTerminal() const { return a2a::isTerminal(m_state); }
    const QList<TaskEvent> &events() const { return m_events; }
    const QStringList &issues() const { return m_issues; }
    /// Artifacts in the order they first appeared, with their chunks merged
    /// the way the protocol says (append adds parts, otherwise replace).
    const QList<Artifact> &artifacts() const { return m_artifacts; }

    void apply(const StreamItem &item, EventSource source);
    void noteResubscribed(const QString &why);
    void notePolled();

    /// Whether the assembled artifacts equal a task's (as GetTask returns it);
    /// when not, `difference` says where they part.
    bool artifactsMatch(const Task &task, QString *difference = nullptr) const;
    /// The parts an Artifact event brought, as assembled now (empty for an
    /// echo, or when the artifact has since started over).
    QList<Part> chunkParts(const TaskEvent &event) const;

signals:
    void eventAdded(int index);
    void stateChanged(crosstalk::a2a::TaskState state);
    void artifactChanged(const QString &artifactId);

private:
    void applyTask(const Task &task, EventSource source);
    void applyStatus(const TaskStatus &status, EventSource source, TaskEvent::Kind kind);
    void applyArtifact(const ArtifactUpdate &update, EventSource source);
    bool belongsHere(const QString &taskId, const QString &contextId, EventSource source);
    void add(TaskEvent event);
    void issue(const QString &text, EventSource source);
    int artifactIndex(const QString &artifactId) const;
    bool sameChunk(int eventIndex, const ArtifactUpdate &update) const;

    QString m_taskId;
    QString m_contextId;
    Clock *m_clock;
    TaskState m_state = TaskState::Unknown;
    bool m_seenState = false;
    QList<TaskEvent> m_events;
    QStringList m_issues;
    QList<Artifact> m_artifacts;
    QStringList m_finishedArtifacts; // received their lastChunk
    // The same chunk may come twice, by stream and by push. Each source's
    // chunks are counted; a chunk equal to the one another source delivered
    // at that position is an echo, put on the timeline but not applied.
    QList<int> m_appliedChunks; // the event of each applied chunk, in order
    std::array<int, 4> m_chunksFrom {}; // chunks delivered, by EventSource
    // Statuses reported by answers, streams and polls. A push of one of them
    // is an echo of an earlier report (delivered on the agent's schedule, it
    // may come after the task has moved on): on the timeline, not applied.
    QSet<QString> m_statusesSeen;
};

} // namespace crosstalk::a2a

Q_DECLARE_TYPEINFO(crosstalk::a2a::TaskEvent, Q_RELOCATABLE_TYPE);
