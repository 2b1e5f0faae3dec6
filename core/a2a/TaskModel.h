#pragma once

#include "a2a/ProtocolVersion.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <variant>

namespace crosstalk {
class JsonWriter;
}

namespace crosstalk::a2a {

/// A task's state in either generation's spelling, read into one enum.
enum class TaskState { Submitted, Working, InputRequired, AuthRequired, Completed, Canceled, Failed, Rejected, Unknown };

/// The v0.3 spelling ("submitted", "input-required", …), used in every
/// output of Crosstalk whatever the peer speaks.
QString taskStateName(TaskState state);
/// Reads "TASK_STATE_WORKING" (v1.0) or "working" (v0.3). Anything else is
/// nullopt (the caller records a protocol issue); "unknown" and
/// TASK_STATE_UNSPECIFIED are TaskState::Unknown.
std::optional<TaskState> taskStateFromWire(const QString &text);
/// completed, canceled, failed, rejected: nothing may follow.
bool isTerminal(TaskState state);
/// input-required, auth-required: the agent waits for the caller.
bool isInterrupted(TaskState state);

/// One part of a message or an artifact, normalised.
struct Part
{
    enum class Kind { Text, File, Data };
    Kind kind = Kind::Text;
    /// The text as UTF-8, exactly as sent (long streamed texts are held once,
    /// at their wire size); textString() for display.
    QByteArray text;
    QString name;      ///< file name
    QString mediaType;
    QString uri;       ///< a file by reference
    QByteArray bytes;  ///< a file inline, base64 as sent
    nlohmann::json data;
    nlohmann::json metadata;

    /// `{kind: "text", text}`, `{kind: "file", name, mediaType, uri or bytes}`
    /// or `{kind: "data", data}`: the CLI's shape for both generations,
    /// members in the order of their names.
    void writeJson(JsonWriter &out) const;
    /// The text for people (a leading U+FEFF kept, malformed UTF-8 shown as U+FFFD).
    QString textString() const;
    bool operator==(const Part &) const = default;
};

enum class Role { User, Agent, Unknown };

struct Message
{
    QString messageId;
    QString contextId;
    QString taskId;
    Role role = Role::Unknown;
    QList<Part> parts;
};

struct Artifact
{
    QString artifactId;
    QString name;
    QString description;
    QList<Part> parts;

    /// `{artifactId, name, parts}`.
    void writeJson(JsonWriter &out) const;
    bool operator==(const Artifact &) const = default;
};

struct TaskStatus
{
    TaskState state = TaskState::Unknown;
    /// The state as the peer spelled it (kept when it was not understood).
    QString stateText;
    std::optional<Message> message;
    QString timestamp;
};

struct Task
{
    QString id;
    QString contextId;
    TaskStatus status;
    QList<Artifact> artifacts;
    QList<Message> history;
};

struct StatusUpdate
{
    QString taskId;
    QString contextId;
    TaskStatus status;
    bool final = false; ///< v0.3 only; v1.0 ends a stream by closing it
};

struct ArtifactUpdate
{
    QString taskId;
    QString contextId;
    Artifact artifact;
    bool append = false;
    bool lastChunk = false;

    bool operator==(const ArtifactUpdate &) const = default;
};

/// What a send answers, a stream carries, a poll or a push delivers.
using StreamItem = std::variant<Task, Message, StatusUpdate, ArtifactUpdate>;

/// Reads one result of either generation: v1.0's `{task}`, `{message}`,
/// `{statusUpdate}`, `{artifactUpdate}` wrappers (and a bare Task, as GetTask
/// answers), or v0.3's objects told apart by `kind`. On failure `error` says
/// what is wrong, naming the member.
std::optional<StreamItem> readStreamItem(const nlohmann::json &result, QString *error);
std::optional<Task> readTask(const nlohmann::json &task, QString *error);

/// How a stream event carries its item: inside a JSON-RPC success response
/// (`{"jsonrpc": "2.0", "id": …, "result": item}`), or bare (HTTP+JSON).
enum class Envelope { JsonRpc, Bare };

/// The hot path of every stream: one event's bytes straight into an item,
/// without building a general JSON tree. It takes only well-formed success
/// events of the expected envelope (valid UTF-8, at most `maxDepth` deep,
/// nothing but `jsonrpc`, `id` and `result` around a JSON-RPC result; no
/// `error` in a bare one). For anything else it answers nullopt, and the
/// caller's strict path (the JSON-RPC decoder, agent errors) says exactly
/// what is wrong.
std::optional<StreamItem> readStreamEvent(QByteArrayView bytes, Envelope envelope, int maxDepth);

/// A message from the user in a generation's wire shape.
nlohmann::json userMessageToWire(const Message &message, ProtocolVersion version);

} // namespace crosstalk::a2a

// Parts are moved, not copied, when the lists holding them grow (an
// assembled artifact can hold a hundred thousand).
Q_DECLARE_TYPEINFO(crosstalk::a2a::Part, Q_RELOCATABLE_TYPE);
