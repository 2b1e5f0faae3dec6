#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <variant>

namespace crosstalk::jsonrpc {

/// A JSON-RPC 2.0 request id: null, an integer or a string. Ids of different
/// types never compare equal (1 and "1" are different requests).
class Id
{
public:
    enum class Type { Null, Integer, String };

    Id() = default; ///< the null id
    explicit Id(qint64 value)
        : m_value(value)
    { }
    explicit Id(const QString &value)
        : m_value(value)
    { }

    /// The id a JSON value denotes, or nullopt when it is none (a boolean,
    /// object, array, any float such as 1.0, or an integer beyond qint64).
    static std::optional<Id> fromJson(const nlohmann::json &value);

    Type type() const { return static_cast<Type>(m_value.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isString() const { return type() == Type::String; }

    /// The integer; 0 unless isInteger().
    qint64 toInteger() const;
    /// The string as sent (unquoted); empty unless isString().
    QString stringValue() const;

    nlohmann::json toJson() const;
    /// For display: the id's JSON text, so strings are quoted (`"abc"`),
    /// integers bare (`42`) and the null id reads `null`.
    QString toString() const;

    friend bool operator==(const Id &, const Id &) = default;

private:
    std::variant<std::monostate, qint64, QString> m_value;
};

size_t qHash(const Id &id, size_t seed = 0) noexcept;

/// A call that expects an answer. A null id is accepted when decoding, but
/// JSON-RPC discourages it: the answer cannot be told apart from an error
/// about an unreadable request.
struct Request
{
    Id id;
    QString method;
    std::optional<nlohmann::json> params; ///< an object or an array when present

    friend bool operator==(const Request &, const Request &) = default;
};

/// A call without an id: no answer is sent.
struct Notification
{
    QString method;
    std::optional<nlohmann::json> params; ///< an object or an array when present

    friend bool operator==(const Notification &, const Notification &) = default;
};

struct ErrorObject
{
    int code = 0;
    QString message;
    std::optional<nlohmann::json> data;

    friend bool operator==(const ErrorObject &, const ErrorObject &) = default;
};

/// A successful answer; result may be any JSON value, null included.
struct Response
{
    Id id;
    nlohmann::json result;

    friend bool operator==(const Response &, const Response &) = default;
};

/// A failed answer. The id is null when the peer could not read the request's.
struct ErrorResponse
{
    Id id;
    ErrorObject error;

    friend bool operator==(const ErrorResponse &, const ErrorResponse &) = default;
};

using Message = std::variant<Request, Notification, Response, ErrorResponse>;

enum class MessageKind { Request, Notification, Response, Error };

MessageKind messageKind(const Message &message);

/// The message's id; nullopt for a notification.
std::optional<Id> idOf(const Message &message);

/// The message as a JSON object with "jsonrpc": "2.0".
nlohmann::json toJson(const Message &message);

/// Compact JSON text (UTF-8). Never throws: invalid UTF-8 inside params,
/// result or data is replaced by U+FFFD.
QByteArray encode(const Message &message);

/// Hands out increasing integer ids, starting at 1. Not thread-safe.
class IdAllocator
{
public:
    Id next() { return Id(m_next++); }

private:
    qint64 m_next = 1;
};

} // namespace crosstalk::jsonrpc
