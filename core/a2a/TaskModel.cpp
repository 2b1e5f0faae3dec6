#include "a2a/TaskModel.h"

#include "util/JsonWriter.h"
#include "util/SimdJsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>

#include <array>

namespace crosstalk::a2a {

using nlohmann::json;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(TaskModel)

public:
    static QString notObject(const char *what) { return tr("%1 is not a JSON object.").arg(QLatin1String(what)); }
    static QString noKind() { return tr("The result has no \"kind\" and none of \"task\", \"message\", \"statusUpdate\" or \"artifactUpdate\"."); }
    static QString unreadable(const char *why) { return tr("The result could not be read: %1.").arg(QLatin1String(why)); }
    static QString unknownKind(const QString &kind) { return tr("The result's kind \"%1\" is not one A2A defines.").arg(kind); }
    static QString missing(const char *member, const char *where)
    {
        return tr("\"%1\" is missing from the %2.").arg(QLatin1String(member), QLatin1String(where));
    }
};




// The readers work on simdjson's DOM: a stream's events come through here
// by the hundred thousand. nlohmann::json values from the strict paths are
// serialised and read the same way, so there is one reader for both.

using simdjson::dom::element;
using simd_fields::boolOf;
using simd_fields::bytesOf;
using simd_fields::member;
using simd_fields::stringOf;
using simd_fields::textOf;

// The hot readers go over each object once and pick the members they know
// (a member given twice: the last counts, as everywhere else in Crosstalk).
// Null reads as absent, a value of another type as absent.
template <typename Visit>
void forEachMember(element object, Visit visit)
{
    simdjson::dom::object o;
    if (object.get_object().get(o) != simdjson::SUCCESS)
        return;
    for (const simdjson::dom::key_value_pair field : o) {
        if (!field.value.is_null())
            visit(field.key, field.value);
    }
}

// Identifiers, names and media types repeat from event to event of a
// stream: the last few are kept, so that a repeat costs neither a UTF-16
// conversion nor an allocation, and the timeline shares one copy.
QString shortTextOf(element value)
{
    const std::string_view utf8 = stringOf(value);
    if (utf8.empty())
        return QString();
    if (utf8.size() > 256)
        return textOf(value);
    struct Entry
    {
        std::string utf8;
        QString text;
    };
    thread_local std::array<Entry, 8> recent;
    thread_local size_t next = 0;
    for (const Entry &e : recent) {
        if (e.utf8 == utf8 && !e.text.isNull())
            return e.text;
    }
    Entry &e = recent[next];
    next = (next + 1) % recent.size();
    e.utf8.assign(utf8);
    e.text = textOf(value);
    return e.text;
}

Part readPart(element p);
Message readMessage(element m);

QList<Part> readParts(element list)
{
    QList<Part> parts;
    simdjson::dom::array array;
    if (list.get_array().get(array) == simdjson::SUCCESS) {
        parts.reserve(qsizetype(array.size()));
        for (element p : array)
            parts.append(readPart(p));
    }
    return parts;
}

Artifact readArtifact(element a)
{
    Artifact artifact;
    forEachMember(a, [&](std::string_view key, element value) {
        if (key == "artifactId")
            artifact.artifactId = shortTextOf(value);
        else if (key == "name")
            artifact.name = shortTextOf(value);
        else if (key == "description")
            artifact.description = textOf(value);
        else if (key == "parts")
            artifact.parts = readParts(value);
    });
    return artifact;
}

TaskStatus readStatus(element s)
{
    TaskStatus status;
    forEachMember(s, [&](std::string_view key, element value) {
        if (key == "state")
            status.stateText = shortTextOf(value);
        else if (key == "message")
            status.message = readMessage(value);
        else if (key == "timestamp")
            status.timestamp = textOf(value);
    });
    status.state = taskStateFromWire(status.stateText).value_or(TaskState::Unknown);
    return status;
}

StatusUpdate readStatusUpdate(element u)
{
    StatusUpdate update;
    forEachMember(u, [&](std::string_view key, element value) {
        if (key == "taskId")
            update.taskId = shortTextOf(value);
        else if (key == "contextId")
            update.contextId = shortTextOf(value);
        else if (key == "status")
            update.status = readStatus(value);
        else if (key == "final")
            update.final = boolOf(value);
    });
    return update;
}

ArtifactUpdate readArtifactUpdate(element u)
{
    ArtifactUpdate update;
    forEachMember(u, [&](std::string_view key, element value) {
        if (key == "taskId")
            update.taskId = shortTextOf(value);
        else if (key == "contextId")
            update.contextId = shortTextOf(value);
        else if (key == "artifact")
            update.artifact = readArtifact(value);
        else if (key == "append")
            update.append = boolOf(value);
        else if (key == "lastChunk")
            update.lastChunk = boolOf(value);
    });
    return update;
}

Part readPart(element p)
{
    std::optional<element> kindValue, file, data, raw, url, text, mediaType, filename, metadata;
    forEachMember(p, [&](std::string_view key, element value) {
        if (key == "text")
            text = value;
        else if (key == "kind")
            kindValue = value;
        else if (key == "mediaType")
            mediaType = value;
        else if (key == "file")
            file = value;
        else if (key == "data")
            data = value;
        else if (key == "raw")
            raw = value;
        else if (key == "url")
            url = value;
        else if (key == "filename")
            filename = value;
        else if (key == "metadata")
            metadata = value;
    });
    Part part;
    if (metadata)
        part.metadata = simd_fields::toNlohmann(*metadata);
    const std::string_view kind = kindValue ? stringOf(*kindValue) : std::string_view();
    if (kind == "file" || file) {
        // v0.3: {kind: file, file: {bytes | uri, name, mimeType}}
        part.kind = Part::Kind::File;
        forEachMember(file ? *file : p, [&](std::string_view key, element value) {
            if (key == "name")
                part.name = textOf(value);
            else if (key == "mimeType")
                part.mediaType = shortTextOf(value);
            else if (key == "uri")
                part.uri = textOf(value);
            else if (key == "bytes")
                part.bytes = bytesOf(value);
        });
        return part;
    }
    if (kind == "data" || (kind.empty() && data)) {
        part.kind = Part::Kind::Data;
        if (data)
            part.data = simd_fields::toNlohmann(*data);
        return part;
    }
    if (kind.empty() && (raw || url)) {
        // v1.0: {raw (base64) | url, mediaType, filename}
        part.kind = Part::Kind::File;
        part.bytes = raw ? bytesOf(*raw) : QByteArray();
        part.uri = url ? textOf(*url) : QString();
        part.name = filename ? textOf(*filename) : QString();
        part.mediaType = mediaType ? shortTextOf(*mediaType) : QString();
        return part;
    }
    part.kind = Part::Kind::Text;
    part.text = text ? bytesOf(*text) : QByteArray();
    part.mediaType = mediaType ? shortTextOf(*mediaType) : QString();
    return part;
}

Message readMessage(element m)
{
    Message message;
    forEachMember(m, [&](std::string_view key, element value) {
        if (key == "messageId") {
            message.messageId = textOf(value);
        } else if (key == "contextId") {
            message.contextId = shortTextOf(value);
        } else if (key == "taskId") {
            message.taskId = shortTextOf(value);
        } else if (key == "role") {
            const std::string_view role = stringOf(value);
            message.role = role == "ROLE_USER" || role == "user"    ? Role::User
                : role == "ROLE_AGENT" || role == "agent" ? Role::Agent
                                                          : Role::Unknown;
        } else if (key == "parts") {
            message.parts = readParts(value);
        }
    });
    return message;
}

std::optional<Task> readTask(element t, QString *error)
{
    if (!t.is_object()) {
        if (error)
            *error = Text::notObject("The task");
        return std::nullopt;
    }
    Task task;
    forEachMember(t, [&](std::string_view key, element value) {
        simdjson::dom::array list;
        if (key == "id") {
            task.id = shortTextOf(value);
        } else if (key == "contextId") {
            task.contextId = shortTextOf(value);
        } else if (key == "status") {
            task.status = readStatus(value);
        } else if (key == "artifacts" && value.get_array().get(list) == simdjson::SUCCESS) {
            for (element artifact : list)
                task.artifacts.append(readArtifact(artifact));
        } else if (key == "history" && value.get_array().get(list) == simdjson::SUCCESS) {
            for (element message : list)
                task.history.append(readMessage(message));
        }
    });
    if (task.id.isEmpty()) {
        if (error)
            *error = Text::missing("id", "task");
        return std::nullopt;
    }
    return task;
}

std::optional<StreamItem> readItem(element r, QString *error)
{
    if (!r.is_object()) {
        if (error)
            *error = Text::notObject("The result");
        return std::nullopt;
    }
    // v1.0 wrappers
    if (const auto t = member(r, "task")) {
        if (auto task = readTask(*t, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (const auto m = member(r, "message"); m && m->is_object() && !member(r, "kind"))
        return StreamItem(readMessage(*m));
    if (const auto u = member(r, "statusUpdate"))
        return StreamItem(readStatusUpdate(*u));
    if (const auto u = member(r, "artifactUpdate"))
        return StreamItem(readArtifactUpdate(*u));
    // v0.3 discriminators
    const std::optional<element> kindValue = member(r, "kind");
    const std::string_view kind = kindValue ? stringOf(*kindValue) : std::string_view();
    if (kind == "task") {
        if (auto task = readTask(r, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (kind == "message")
        return StreamItem(readMessage(r));
    if (kind == "status-update")
        return StreamItem(readStatusUpdate(r));
    if (kind == "artifact-update")
        return StreamItem(readArtifactUpdate(r));
    if (kind.empty() && member(r, "id") && member(r, "status")) {
        // A bare v1.0 Task, as GetTask answers.
        if (auto task = readTask(r, error))
            return StreamItem(std::move(*task));
        return std::nullopt;
    }
    if (error) {
        *error = kind.empty() ? Text::noKind()
                              : Text::unknownKind(utf8ToString(QByteArrayView(kind.data(), qsizetype(kind.size()))));
    }
    return std::nullopt;
}

// One parser per thread and use, kept between events (simdjson reuses its
// buffers, about 14 bytes per byte of capacity). A parser that grew for a
// large document is let go as soon as that document has been read, so that
// one big event does not pin its buffers for the rest of the run.
constexpr size_t KeptParserCapacity = 256 * 1024;
constexpr size_t StrictDepth = 1024;

class ParserLease
{
public:
    ParserLease(std::unique_ptr<simdjson::dom::parser> &slot, size_t bytes, size_t maxDepth)
        : m_slot(slot)
    {
        if (!m_slot || m_slot->max_depth() != maxDepth) {
            m_slot = std::make_unique<simdjson::dom::parser>();
            if (m_slot->allocate(std::max(bytes, size_t(4096)), maxDepth) != simdjson::SUCCESS)
                m_slot = std::make_unique<simdjson::dom::parser>();
        }
    }
    ~ParserLease()
    {
        if (m_slot->capacity() > KeptParserCapacity)
            m_slot.reset();
    }
    ParserLease(const ParserLease &) = delete;
    ParserLease &operator=(const ParserLease &) = delete;
    simdjson::dom::parser &parser() { return *m_slot; }

private:
    std::unique_ptr<simdjson::dom::parser> &m_slot;
};

// What the strict paths hand over is a nlohmann::json value, already parsed
// and bounded; it is read through the same code as a stream event.
template <typename Read>
auto readThroughSimdjson(const json &value, QString *error, Read read) -> decltype(read(element(), error))
{
    const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    thread_local std::unique_ptr<simdjson::dom::parser> strict;
    ParserLease lease(strict, text.size(), StrictDepth);
    simdjson::dom::parser &parser = lease.parser();
    element root;
    if (const simdjson::error_code failure = parser.parse(text.data(), text.size(), true).get(root)) {
        if (error)
            *error = Text::unreadable(simdjson::error_message(failure));
        return std::nullopt;
    }
    return read(root, error);
}

json toWire(const QString &s)
{
    return json(s.toStdString());
}

json toWire(const QByteArray &utf8)
{
    return json(std::string(utf8.constData(), size_t(utf8.size())));
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

QString Part::textString() const
{
    return utf8ToString(text);
}

void Part::writeJson(JsonWriter &out) const
{
    out.beginObject();
    switch (kind) {
    case Kind::Text:
        out.key("kind").string(QByteArrayView("text")).key("text").string(QByteArrayView(text));
        break;
    case Kind::File:
        if (uri.isEmpty())
            out.key("bytes").string(QByteArrayView(bytes));
        out.key("kind").string(QByteArrayView("file")).key("mediaType").string(mediaType).key("name").string(name);
        if (!uri.isEmpty())
            out.key("uri").string(uri);
        break;
    case Kind::Data:
        out.key("data").value(data).key("kind").string(QByteArrayView("data"));
        break;
    }
    out.endObject();
}

void Artifact::writeJson(JsonWriter &out) const
{
    out.beginObject().key("artifactId").string(artifactId).key("name").string(name).key("parts").beginArray();
    for (const Part &p : parts)
        p.writeJson(out);
    out.endArray().endObject();
}

std::optional<Task> readTask(const json &t, QString *error)
{
    return readThroughSimdjson(t, error, [](element e, QString *why) { return readTask(e, why); });
}

std::optional<StreamItem> readStreamItem(const json &r, QString *error)
{
    return readThroughSimdjson(r, error, [](element e, QString *why) { return readItem(e, why); });
}

std::optional<StreamItem> readStreamEvent(QByteArrayView bytes, Envelope envelope, int maxDepth)
{
    thread_local std::unique_ptr<simdjson::dom::parser> events;
    ParserLease lease(events, size_t(bytes.size()), size_t(std::max(maxDepth, 1)));
    simdjson::dom::parser &parser = lease.parser();
    element root;
    simdjson::dom::object object;
    if (parser.parse(bytes.data(), size_t(bytes.size()), true).get(root) != simdjson::SUCCESS
        || root.get_object().get(object) != simdjson::SUCCESS)
        return std::nullopt;
    if (envelope == Envelope::Bare) {
        if (member(root, "error"))
            return std::nullopt;
        return readItem(root, nullptr);
    }
    // Exactly {"jsonrpc": "2.0", "id": string | integer | null, "result": …}
    // in any order; anything else is for the strict decoder to judge.
    std::optional<element> result;
    bool version = false;
    bool id = false;
    size_t members = 0;
    for (const simdjson::dom::key_value_pair field : object) {
        ++members;
        std::string_view text;
        if (field.key == "jsonrpc") {
            version = field.value.get_string().get(text) == simdjson::SUCCESS && text == "2.0";
        } else if (field.key == "id") {
            id = field.value.is_string() || field.value.is_int64() || field.value.is_uint64() || field.value.is_null();
        } else if (field.key == "result") {
            result = field.value;
        }
    }
    if (members != 3 || !version || !id || !result)
        return std::nullopt;
    return readItem(*result, nullptr);
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
