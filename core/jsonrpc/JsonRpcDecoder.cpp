#include "jsonrpc/JsonRpcDecoder.h"
#include "util/BoundedJson.h"
#include "util/Utf8.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace crosstalk::jsonrpc {

using nlohmann::json;

namespace {

constexpr qsizetype MaxPointerInMessage = 256;
constexpr qsizetype MaxValueInMessage = 64;

QString shortened(const QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    const qsizetype half = (limit - 1) / 2;
    return text.left(half) + QChar(0x2026) + text.right(half);
}

class Decoder
{
    Q_DECLARE_TR_FUNCTIONS(crosstalk::jsonrpc::Decoder)

public:
    explicit Decoder(const DecodeOptions &options)
        : m_options(options)
    { }

    DecodeResult decodeBytes(QByteArrayView bytes) const
    {
        if (bytes.size() > m_options.maxBytes) {
            return failure(DecodeError::Kind::TooLarge,
                           tr("Input of %1 bytes is larger than the limit of %2 bytes (at byte %2)")
                               .arg(bytes.size())
                               .arg(m_options.maxBytes),
                           {}, m_options.maxBytes);
        }
        JsonReadError error;
        std::optional<json> root = readJson(bytes, m_options.maxDepth, &error);
        if (!root) {
            if (error.kind == JsonReadError::Kind::TooDeep)
                return tooDeep(error.pointer);
            return notJson(error.offset, error.detail);
        }
        return decodeRoot(*root);
    }

    DecodeResult decodeParsed(const json &value) const
    {
        // Checked before copying: copying is recursive.
        if (const auto pointer = tooDeepPointer(value, m_options.maxDepth))
            return tooDeep(*pointer);
        json copy = value;
        return decodeRoot(copy);
    }

    DecodeResult decodeParsed(json &value) const
    {
        if (const auto pointer = tooDeepPointer(value, m_options.maxDepth))
            return tooDeep(*pointer);
        return decodeRoot(value);
    }

private:
    static DecodeResult failure(DecodeError::Kind kind, QString message, QString pointer = {}, qint64 offset = -1)
    {
        DecodeResult result;
        result.error = DecodeError { kind, std::move(message), offset, std::move(pointer) };
        return result;
    }

    static DecodeResult notJson(qint64 offset, const QString &detail)
    {
        return failure(DecodeError::Kind::NotJson, tr("Not JSON at byte %1: %2").arg(QString::number(offset), detail),
                       {}, offset);
    }

    DecodeResult tooDeep(const std::string &pointer) const
    {
        const QString where = QString::fromStdString(pointer);
        return failure(DecodeError::Kind::TooDeep,
                       tr("Nested deeper than %1 levels (at %2)")
                           .arg(QString::number(m_options.maxDepth), shortened(where, MaxPointerInMessage)),
                       where);
    }

    DecodeResult decodeRoot(json &root) const
    {
        DecodeResult result;
        if (root.is_object()) {
            result.messages.reserve(1);
            if (auto error = decodeMessage(root, -1, result.messages))
                result.error = std::move(error);
            return result;
        }
        if (!root.is_array()) {
            return failure(DecodeError::Kind::NotAnObject,
                           m_options.allowBatch
                               ? tr("Expected a JSON object or array at the top level, found %1").arg(describe(root))
                               : tr("Expected a JSON object at the top level, found %1").arg(describe(root)));
        }
        if (!m_options.allowBatch) {
            return failure(DecodeError::Kind::UnexpectedBatch,
                           tr("Expected a JSON object at the top level, found a batch (an array)"));
        }
        auto &elements = root.get_ref<json::array_t &>();
        if (elements.empty())
            return failure(DecodeError::Kind::EmptyBatch, tr("The batch at the top level is empty"));
        result.batch = true;
        result.messages.reserve(elements.size());
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (auto error = decodeMessage(elements[i], qint64(i), result.messages)) {
                result.messages.clear();
                result.error = std::move(error);
                return result;
            }
        }
        return result;
    }

    // A member's pointer, the batch index in front when there is one.
    static QString pointer(qint64 index, const char *member, const char *inner = nullptr)
    {
        QString text;
        if (index >= 0)
            text = QLatin1Char('/') + QString::number(index);
        text += QLatin1Char('/') + QLatin1String(member);
        if (inner)
            text += QLatin1Char('/') + QLatin1String(inner);
        return text;
    }

    static DecodeError problem(DecodeError::Kind kind, const char *source, const QString &pointer,
                               const QString &found = {})
    {
        // Every source string below is marked with QT_TR_NOOP and has %1 for
        // the pointer and, when given, %2 for the offending value.
        const QString where = shortened(pointer, MaxPointerInMessage);
        QString message = found.isNull() ? tr(source).arg(where) : tr(source).arg(where, found);
        return DecodeError { kind, std::move(message), -1, pointer };
    }

    // A short rendering of an offending value: scalars as JSON text, containers
    // by kind.
    static QString describe(const json &value)
    {
        if (value.is_object())
            return tr("an object");
        if (value.is_array())
            return tr("an array");
        const QString text = QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
        return text.size() > MaxValueInMessage ? text.left(MaxValueInMessage) + QChar(0x2026) : text;
    }

    static std::optional<DecodeError> decodeMessage(json &value, qint64 index, std::vector<Message> &out)
    {
        using Kind = DecodeError::Kind;
        if (!value.is_object()) {
            const QString where = QLatin1Char('/') + QString::number(index);
            return DecodeError {
                Kind::NotAnObject,
                tr("Expected a JSON object in the batch, found %2 (at %1)").arg(where, describe(value)), -1, where
            };
        }
        auto &object = value.get_ref<json::object_t &>();
        const auto end = object.end();

        const auto version = object.find("jsonrpc");
        if (version == end) {
            return problem(Kind::WrongVersion, QT_TR_NOOP("\"jsonrpc\" is missing; it must be \"2.0\" (at %1)"),
                           pointer(index, "jsonrpc"));
        }
        if (!version->second.is_string() || version->second.get_ref<const std::string &>() != "2.0") {
            return problem(Kind::WrongVersion, QT_TR_NOOP("\"jsonrpc\" must be the string \"2.0\", found %2 (at %1)"),
                           pointer(index, "jsonrpc"), describe(version->second));
        }

        const auto id = object.find("id");
        std::optional<Id> parsedId;
        if (id != end) {
            parsedId = Id::fromJson(id->second);
            if (!parsedId) {
                const json &idValue = id->second;
                return problem(Kind::BadId,
                               idValue.is_number_unsigned()
                                   ? QT_TR_NOOP("\"id\" does not fit in a 64-bit signed integer: %2 (at %1)")
                                   : QT_TR_NOOP("\"id\" must be a string, an integer or null, found %2 (at %1)"),
                               pointer(index, "id"), describe(idValue));
            }
        }

        const auto method = object.find("method");
        if (method != end) {
            if (!method->second.is_string()) {
                return problem(Kind::BadMethod, QT_TR_NOOP("\"method\" must be a string, found %2 (at %1)"),
                               pointer(index, "method"), describe(method->second));
            }
            const auto &name = method->second.get_ref<const std::string &>();
            if (name.empty())
                return problem(Kind::BadMethod, QT_TR_NOOP("\"method\" is empty (at %1)"), pointer(index, "method"));
            std::optional<json> params;
            const auto paramsIt = object.find("params");
            if (paramsIt != end) {
                if (!paramsIt->second.is_object() && !paramsIt->second.is_array()) {
                    return problem(Kind::BadParams,
                                   QT_TR_NOOP("\"params\" must be an object or an array, found %2 (at %1)"),
                                   pointer(index, "params"), describe(paramsIt->second));
                }
                params = std::move(paramsIt->second);
            }
            if (parsedId)
                out.emplace_back(Request { std::move(*parsedId), utf8ToString(name), std::move(params) });
            else
                out.emplace_back(Notification { utf8ToString(name), std::move(params) });
            return std::nullopt;
        }

        const auto result = object.find("result");
        const auto errorIt = object.find("error");
        if (result != end && errorIt != end) {
            return problem(Kind::ResultAndError, QT_TR_NOOP("A response has \"result\" or \"error\", not both (at %1)"),
                           pointer(index, "error"));
        }
        if (result == end && errorIt == end) {
            if (parsedId) {
                return problem(Kind::NeitherResultNorError,
                               QT_TR_NOOP("A message with an \"id\" needs \"method\", \"result\" or \"error\" (at %1)"),
                               pointer(index, "result"));
            }
            return problem(Kind::MissingMethod,
                           QT_TR_NOOP("A message without \"id\", \"result\" or \"error\" needs \"method\" (at %1)"),
                           pointer(index, "method"));
        }
        if (!parsedId) {
            return problem(Kind::BadId,
                           QT_TR_NOOP("A response needs an \"id\", null when the request's is unknown (at %1)"),
                           pointer(index, "id"));
        }
        if (result != end) {
            out.emplace_back(Response { std::move(*parsedId), std::move(result->second) });
            return std::nullopt;
        }

        json &errorValue = errorIt->second;
        if (!errorValue.is_object()) {
            return problem(Kind::BadError, QT_TR_NOOP("\"error\" must be an object, found %2 (at %1)"),
                           pointer(index, "error"), describe(errorValue));
        }
        auto &errorObject = errorValue.get_ref<json::object_t &>();
        const auto code = errorObject.find("code");
        if (code == errorObject.end()) {
            return problem(Kind::BadError, QT_TR_NOOP("\"error\" needs an integer \"code\" (at %1)"),
                           pointer(index, "error", "code"));
        }
        const json &codeValue = code->second;
        if (!codeValue.is_number_integer()) {
            return problem(Kind::BadError, QT_TR_NOOP("\"code\" must be an integer, found %2 (at %1)"),
                           pointer(index, "error", "code"), describe(codeValue));
        }
        const bool codeFits = codeValue.is_number_unsigned()
            ? codeValue.get_ref<const json::number_unsigned_t &>()
                <= json::number_unsigned_t(std::numeric_limits<int>::max())
            : codeValue.get_ref<const json::number_integer_t &>() >= std::numeric_limits<int>::min()
                && codeValue.get_ref<const json::number_integer_t &>() <= std::numeric_limits<int>::max();
        if (!codeFits) {
            return problem(Kind::BadError, QT_TR_NOOP("\"code\" does not fit in a 32-bit integer: %2 (at %1)"),
                           pointer(index, "error", "code"), describe(codeValue));
        }
        const auto message = errorObject.find("message");
        if (message == errorObject.end()) {
            return problem(Kind::BadError, QT_TR_NOOP("\"error\" needs a string \"message\" (at %1)"),
                           pointer(index, "error", "message"));
        }
        if (!message->second.is_string()) {
            return problem(Kind::BadError, QT_TR_NOOP("\"message\" must be a string, found %2 (at %1)"),
                           pointer(index, "error", "message"), describe(message->second));
        }
        ErrorObject errorData;
        errorData.code = codeValue.get<int>();
        errorData.message = utf8ToString(message->second.get_ref<const std::string &>());
        const auto data = errorObject.find("data");
        if (data != errorObject.end())
            errorData.data = std::move(data->second);
        out.emplace_back(ErrorResponse { std::move(*parsedId), std::move(errorData) });
        return std::nullopt;
    }

    DecodeOptions m_options;
};

} // namespace

DecodeResult decode(QByteArrayView bytes, const DecodeOptions &options)
{
    return Decoder(options).decodeBytes(bytes);
}

DecodeResult decodeJson(const json &value, const DecodeOptions &options)
{
    return Decoder(options).decodeParsed(value);
}

DecodeResult decodeJson(json &&value, const DecodeOptions &options)
{
    return Decoder(options).decodeParsed(value);
}

} // namespace crosstalk::jsonrpc
