#include "a2a/TaskModel.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>

namespace crosstalk::a2a {

using nlohmann::json;
using namespace crosstalk::json_fields;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(TaskModel)

public:
    static QString notObject(const char *what) { return tr("%1 is not a JSON object.").arg(QLatin1String(what)); }
    static QString noKind() { return tr("The result has no \"kind\" and none of \"task\", \"message\", \"statusUpdate\" or \"artifactUpdate\"."); }
    static QString unknownKind(const QString &kind) { return tr("The result's kind \"%1\" is not one A2A defines.").arg(kind); }
    static QString missing(const char *member, const char *where)
    {
        return tr("\"%1\" is missing from the %2.").arg(QLatin1String(member), QLatin1String(where));
    }
};




QList<Part> readParts(const json &object)
{
    QList<Part> parts;
    if (const json *list = member(object, "parts"); list && list->is_array()) {
        for (const json &p : *list)
            parts.append(readPart(p));
    }
    return parts;
}

Artifact readArtifact(const json &a)
{
    return Artifact{text(a, "artifactId"), text(a, "name"), text(a, "description"), readParts(a)};
}

TaskStatus readStatus(const json &s)
{
    TaskStatus status;
    status.stateText = text(s, "state");
    status.state = taskStateFromWire(status.stateText).value_or(TaskState::Unknown);
    if (const json *m = member(s, "message"))
        status.message = readMessage(*m);
    status.timestamp = text(s, "timestamp");
    return status;
}

StatusUpdate readStatusUpdate(const json &u)
{
    StatusUpdate update;
    update.taskId = text(u, "taskId");
    update.contextId = text(u, "contextId");
    if (const json *s = member(u, "status"))
        update.status = readStatus(*s);
    update.final = flag(u, "final");
    return update;
}

ArtifactUpdate readArtifactUpdate(const json &u)
{
    ArtifactUpdate update;
    update.taskId = text(u, "taskId");
    update.contextId = text(u, "contextId");
    if (const json *a = member(u, "artifact"))
        update.artifact = readArtifact(*a);
    update.append = flag(u, "append");
    update.lastChunk = flag(u, "lastChunk");
    return update;
}

json toWire(const QString &s)
{
    return json(s.toStdString());
}

} // namespace

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Submitted: return QStringLiteral("submitted");
    case TaskState::Working: return QStringLiteral("working");
    case TaskState::InputRequired: return QStringLiteral("input-required");
    case TaskState::AuthRequired: return QStringLiteral("auth-required");
    case TaskState::Completed: return QStringLiteral("completed");
    case TaskState::Canceled: return QStringLiteral("canceled");
    case TaskState::Failed: return QStringLiteral("failed");
    case TaskState::Rejected: return QStringLiteral("rejected");
    case TaskState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

std::optional<TaskState> taskStateFromWire(const QString &wire)
{
    QString t = wire.trimmed();
    if (t.startsWith(QLatin1String("TASK_STATE_")))
        t = t.mid(11).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    static const struct
    {
        const char *name;
        TaskState state;
    } names[] = {{"submitted", TaskState::Submitted},         {"working", TaskState::Working},
                 {"input-required", TaskState::InputRequired}, {"auth-required", TaskState::AuthRequired},
                 {"completed", TaskState::Completed},         {"canceled", TaskState::Canceled},
                 {"cancelled", TaskState::Canceled},          {"failed", TaskState::Failed},
                 {"rejected", TaskState::Rejected},           {"unknown", TaskState::Unknown},
                 {"unspecified", TaskState::Unknown}};
    for (const auto &n : names) {
        if (t == QLatin1String(n.name))
            return n.state;
    }
    return std::nullopt;
}

bool isTerminal(TaskState state)
{
    return state == TaskState::Completed || state == TaskState::Canceled || state == TaskState::Failed
        || state == TaskState::Rejected;
}

bool isInterrupted(TaskState state)
{
    return state == TaskState::InputRequired || state == TaskState::AuthRequired;
}

json Part::toJson() const
{
    switch (kind) {
    case Kind::Text:
        return {{"kind", "text"}, {"text", toWire(text)}};
    case Kind::File: {
        json file = {{"kind", "file"}, {"name", toWire(name)}, {"mediaType", toWire(mediaType)}};
        if (!uri.isEmpty())
            file["uri"] = toWire(uri);
        else
            file["bytes"] = toWire(bytes);
        return file;
    }
    case Kind::Data:
        return {{"kind", "data"}, {"data", data}};
    }
    return json::object();
}

json Artifact::toJson() const
{
    json list = json::array();
    for (const Part &p : parts)
        list.push_back(p.toJson());
    return {{"artifactId", toWire(artifactId)}, {"name", toWire(name)}, {"parts", std::move(list)}};
}

Part readPart(const json &p)
{
    Part part;
    if (const json *m = member(p, "metadata"))
        part.metadata = *m;
    const QString kind = text(p, "kind");
    if (kind == QLatin1String("file") || member(p, "file")) {
        // v0.3: {kind: file, file: {bytes | uri, name, mimeType}}
        part.kind = Part::Kind::File;
        const json *f = member(p, "file");
        const json &file = f ? *f : p;
        part.name = text(file, "name");
        part.mediaType = text(file, "mimeType");
        part.uri = text(file, "uri");
        part.bytes = text(file, "bytes");
        return part;
    }
    if (kind == QLatin1String("data") || (kind.isEmpty() && member(p, "data"))) {
        part.kind = Part::Kind::Data;
        if (const json *d = member(p, "data"))
            part.data = *d;
        return part;
    }
    if (kind.isEmpty() && (member(p, "raw") || member(p, "url"))) {
        // v1.0: {raw (base64) | url, mediaType, filename}
        part.kind = Part::Kind::File;
        part.bytes = text(p, "raw");
        part.uri = text(p, "url");
        part.name = text(p, "filename");
        part.mediaType = text(p, "mediaType");
        return part;
    }
    part.kind = Part::Kind::Text;
    part.text = text(p, "text");
    part.mediaType = text(p, "mediaType");
    return part;
}

Message readMessage(const json &m)
{
    Message message;
    message.messageId = text(m, "messageId");
    message.contextId = text(m, "contextId");
    message.taskId = text(m, "taskId");
    const QString role = text(m, "role");
    message.role = role == QLatin1String("ROLE_USER") || role == QLatin1String("user")    ? Role::User
        : role == QLatin1String("ROLE_AGENT") || role == QLatin1String("agent") ? Role::Agent
                                                                                 : Role::Unknown;
    message.parts = readParts(m);
    return message;
}

std::optional<Task> readTask(const json &t, QString *error)
{
    if (!t.is_object()) {
        if (error)
            *error = Text::notObject("The task");
        return std::nullopt;
    }
    Task task;
    task.id = text(t, "id");
    if (task.id.isEmpty()) {
        if (error)
            *error = Text::missing("id", "task");
        return std::nullopt;
    }
    task.contextId = text(t, "contextId");
    if (const json *s = member(t, "status"))
        task.status = readStatus(*s);
    if (const json *list = member(t, "artifacts"); list && list->is_array()) {
        for (const json &a : *list)
            task.artifacts.append(readArtifact(a));
    }
    if (const json *list = member(t, "history"); list && list->is_array()) {
        for (const json &m : *list)
            task.history.append(readMessage(m));
    }
    return task;
}

std::optional<StreamItem> readStreamItem(const json &r, QString *error)
{
    if (!r.is_object()) {
        if (error)
            *error = Text::notObject("The result");
        return std::nullopt;
    }
    // v1.0 wrappers
    if (const json *t = member(r, "task")) {
        if (auto task = readTask(*t, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (const json *m = member(r, "message"); m && m->is_object() && !member(r, "kind"))
        return StreamItem(readMessage(*m));
    if (const json *u = member(r, "statusUpdate"))
        return StreamItem(readStatusUpdate(*u));
    if (const json *u = member(r, "artifactUpdate"))
        return StreamItem(readArtifactUpdate(*u));
    // v0.3 discriminators
    const QString kind = text(r, "kind");
    if (kind == QLatin1String("task")) {
        if (auto task = readTask(r, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (kind == QLatin1String("message"))
        return StreamItem(readMessage(r));
    if (kind == QLatin1String("status-update"))
        return StreamItem(readStatusUpdate(r));
    if (kind == QLatin1String("artifact-update"))
        return StreamItem(readArtifactUpdate(r));
    if (kind.isEmpty() && member(r, "id") && member(r, "status")) {
        // A bare v1.0 Task, as GetTask answers.
        if (auto task = readTask(r, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (error)
        *error = kind.isEmpty() ? Text::noKind() : Text::unknownKind(kind);
    return std::nullopt;
}

json userMessageToWire(const Message &message, ProtocolVersion version)
{
    const bool v1 = version == ProtocolVersion::V1_0;
    json parts = json::array();
    for (const Part &p : message.parts) {
        json wire;
        switch (p.kind) {
        case Part::Kind::Text:
            wire = v1 ? json{{"text", toWire(p.text)}} : json{{"kind", "text"}, {"text", toWire(p.text)}};
            break;
        case Part::Kind::File:
            if (v1) {
                wire = json::object();
                if (!p.uri.isEmpty())
                    wire["url"] = toWire(p.uri);
                else
                    wire["raw"] = toWire(p.bytes);
                if (!p.name.isEmpty())
                    wire["filename"] = toWire(p.name);
                if (!p.mediaType.isEmpty())
                    wire["mediaType"] = toWire(p.mediaType);
            } else {
                json file = json::object();
                if (!p.uri.isEmpty())
                    file["uri"] = toWire(p.uri);
                else
                    file["bytes"] = toWire(p.bytes);
                if (!p.name.isEmpty())
                    file["name"] = toWire(p.name);
                if (!p.mediaType.isEmpty())
                    file["mimeType"] = toWire(p.mediaType);
                wire = {{"kind", "file"}, {"file", std::move(file)}};
            }
            break;
        case Part::Kind::Data:
            wire = v1 ? json{{"data", p.data}} : json{{"kind", "data"}, {"data", p.data}};
            break;
        }
        parts.push_back(std::move(wire));
    }
    json wire = {{"messageId", toWire(message.messageId)},
                 {"role", v1 ? "ROLE_USER" : "user"},
                 {"parts", std::move(parts)}};
    if (!v1)
        wire["kind"] = "message";
    if (!message.taskId.isEmpty())
        wire["taskId"] = toWire(message.taskId);
    if (!message.contextId.isEmpty())
        wire["contextId"] = toWire(message.contextId);
    return wire;
}

} // namespace crosstalk::a2a
