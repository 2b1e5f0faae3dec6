#include "jsonrpc/JsonRpcMessage.h"
#include "util/Utf8.h"

#include <QStringDecoder>

#include <limits>

namespace crosstalk::jsonrpc {

using nlohmann::json;

std::optional<Id> Id::fromJson(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return Id();
    case json::value_t::number_integer:
        return Id(qint64(value.get_ref<const json::number_integer_t &>()));
    case json::value_t::number_unsigned: {
        const auto number = value.get_ref<const json::number_unsigned_t &>();
        if (number > json::number_unsigned_t(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return Id(qint64(number));
    }
    case json::value_t::string: {
        return Id(utf8ToString(value.get_ref<const json::string_t &>()));
    }
    default:
        return std::nullopt;
    }
}

qint64 Id::toInteger() const
{
    const auto *number = std::get_if<qint64>(&m_value);
    return number ? *number : 0;
}

QString Id::stringValue() const
{
    const auto *text = std::get_if<QString>(&m_value);
    return text ? *text : QString();
}

json Id::toJson() const
{
    switch (type()) {
    case Type::Null:
        break;
    case Type::Integer:
        return json(std::get<qint64>(m_value));
    case Type::String:
        return json(std::get<QString>(m_value).toStdString());
    }
    return json(nullptr);
}

QString Id::toString() const
{
    switch (type()) {
    case Type::Null:
        break;
    case Type::Integer:
        return QString::number(std::get<qint64>(m_value));
    case Type::String:
        return QString::fromStdString(toJson().dump(-1, ' ', false, json::error_handler_t::replace));
    }
    return QStringLiteral("null");
}

size_t qHash(const Id &id, size_t seed) noexcept
{
    switch (id.type()) {
    case Id::Type::Null:
        break;
    case Id::Type::Integer:
        return qHashMulti(seed, int(Id::Type::Integer), id.toInteger());
    case Id::Type::String:
        return qHashMulti(seed, int(Id::Type::String), id.stringValue());
    }
    return qHashMulti(seed, int(Id::Type::Null));
}

MessageKind messageKind(const Message &message)
{
    switch (message.index()) {
    case 0:
        return MessageKind::Request;
    case 1:
        return MessageKind::Notification;
    case 2:
        return MessageKind::Response;
    default:
        return MessageKind::Error;
    }
}

std::optional<Id> idOf(const Message &message)
{
    if (const auto *request = std::get_if<Request>(&message))
        return request->id;
    if (const auto *response = std::get_if<Response>(&message))
        return response->id;
    if (const auto *error = std::get_if<ErrorResponse>(&message))
        return error->id;
    return std::nullopt;
}

namespace {

json envelope()
{
    json object(json::value_t::object);
    object["jsonrpc"] = "2.0";
    return object;
}

json errorToJson(const ErrorObject &error)
{
    json object(json::value_t::object);
    object["code"] = error.code;
    object["message"] = error.message.toStdString();
    if (error.data)
        object["data"] = *error.data;
    return object;
}

} // namespace

json toJson(const Message &message)
{
    json object = envelope();
    if (const auto *request = std::get_if<Request>(&message)) {
        object["id"] = request->id.toJson();
        object["method"] = request->method.toStdString();
        if (request->params)
            object["params"] = *request->params;
    } else if (const auto *notification = std::get_if<Notification>(&message)) {
        object["method"] = notification->method.toStdString();
        if (notification->params)
            object["params"] = *notification->params;
    } else if (const auto *response = std::get_if<Response>(&message)) {
        object["id"] = response->id.toJson();
        object["result"] = response->result;
    } else if (const auto *error = std::get_if<ErrorResponse>(&message)) {
        object["id"] = error->id.toJson();
        object["error"] = errorToJson(error->error);
    }
    return object;
}

QByteArray encode(const Message &message)
{
    const std::string text = toJson(message).dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace crosstalk::jsonrpc
