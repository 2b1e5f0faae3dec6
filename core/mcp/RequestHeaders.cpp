#include "mcp/RequestHeaders.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QSet>

#include <cctype>
#include <cmath>
#include <optional>

namespace crosstalk::mcp {

using nlohmann::json;

namespace {

bool isTokenChar(QChar c)
{
    // RFC 9110 tchar
    const ushort u = c.unicode();
    if (u >= 0x80)
        return false;
    if (std::isalnum(int(u)))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(char(u));
}

bool isPrimitiveType(const json &schema)
{
    const json *type = json_fields::member(schema, "type");
    if (!type || !type->is_string())
        return false;
    const std::string &t = type->get_ref<const std::string &>();
    return t == "string" || t == "integer" || t == "boolean";
}

struct Walk
{
    RequestHeaders::ToolParams result;
    QSet<QString> seen; // lower-case names

    void fail(const QString &why)
    {
        if (result.problem.isEmpty())
            result.problem = why;
    }

    /// `reachable`: the schema at `path` is reached from the root through
    /// `properties` keys alone.
    void schema(const json &node, const QStringList &path, bool reachable, int depth)
    {
        if (!node.is_object() || depth > 64 || !result.problem.isEmpty())
            return;
        const QString where = path.isEmpty() ? QStringLiteral("/") : QLatin1Char('/') + path.join(QLatin1Char('/'));
        if (const json *annotation = json_fields::member(node, "x-mcp-header")) {
            if (!reachable || path.isEmpty()) {
                fail(RequestHeaders::tr("x-mcp-header at %1 is not on a property reached through “properties” alone.").arg(where));
                return;
            }
            if (!annotation->is_string() || annotation->get_ref<const std::string &>().empty()) {
                fail(RequestHeaders::tr("x-mcp-header at %1 is not a non-empty string.").arg(where));
                return;
            }
            const QString name = utf8ToString(annotation->get_ref<const std::string &>());
            for (QChar c : name) {
                if (!isTokenChar(c)) {
                    fail(RequestHeaders::tr("x-mcp-header “%1” at %2 is not a valid header name.").arg(name.left(80), where));
                    return;
                }
            }
            if (!isPrimitiveType(node)) {
                fail(RequestHeaders::tr("x-mcp-header “%1” at %2 is on a property that is not a string, integer or boolean.")
                         .arg(name, where));
                return;
            }
            if (seen.contains(name.toLower())) {
                fail(RequestHeaders::tr("x-mcp-header “%1” is used twice.").arg(name));
                return;
            }
            seen.insert(name.toLower());
            QStringList propertyPath;
            for (int i = 1; i < path.size(); i += 2)
                propertyPath.append(path.at(i));
            result.params.append({propertyPath, "Mcp-Param-" + name.toLatin1()});
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string &key = it.key();
            const QString k = utf8ToString(key);
            if (key == "properties" || key == "patternProperties" || key == "$defs" || key == "definitions"
                || key == "dependentSchemas") {
                if (!it->is_object())
                    continue;
                for (auto p = it->begin(); p != it->end(); ++p)
                    schema(*p, path + QStringList{k, utf8ToString(p.key())}, reachable && key == "properties", depth + 1);
            } else if (key == "items" || key == "additionalProperties" || key == "not" || key == "if" || key == "then"
                       || key == "else" || key == "contains" || key == "propertyNames" || key == "unevaluatedItems"
                       || key == "unevaluatedProperties" || key == "additionalItems") {
                if (it->is_array()) {
                    for (size_t i = 0; i < it->size(); ++i)
                        schema((*it)[i], path + QStringList{k, QString::number(i)}, false, depth + 1);
                } else {
                    schema(*it, path + QStringList{k}, false, depth + 1);
                }
            } else if (key == "anyOf" || key == "oneOf" || key == "allOf" || key == "prefixItems") {
                if (!it->is_array())
                    continue;
                for (size_t i = 0; i < it->size(); ++i)
                    schema((*it)[i], path + QStringList{k, QString::number(i)}, false, depth + 1);
            }
            if (!result.problem.isEmpty())
                return;
        }
    }
};

bool plainHeaderSafe(const QString &value)
{
    if (value.isEmpty())
        return true;
    for (QChar c : value) {
        const ushort u = c.unicode();
        if (!(u == 0x09 || (u >= 0x20 && u <= 0x7e)))
            return false;
    }
    const auto space = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); };
    if (space(value.front()) || space(value.back()))
        return false;
    return !(value.startsWith(QLatin1String("=?base64?")) && value.endsWith(QLatin1String("?=")));
}

/// The header text for a parameter value, or nothing for values that are
/// not mirrored (null, objects, fractions).
std::optional<QString> headerText(const json &value)
{
    if (value.is_string())
        return utf8ToString(value.get_ref<const std::string &>());
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.is_number_integer())
        return value.is_number_unsigned() ? QString::number(value.get<quint64>()) : QString::number(value.get<qint64>());
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
    }
    return std::nullopt;
}

} // namespace

RequestHeaders::ToolParams RequestHeaders::toolParams(const json &inputSchema)
{
    Walk walk;
    walk.schema(inputSchema, {}, true, 0);
    if (!walk.result.ok())
        walk.result.params.clear();
    return walk.result;
}

QByteArray RequestHeaders::encodeValue(const QString &value)
{
    if (plainHeaderSafe(value))
        return value.toLatin1();
    return "=?base64?" + value.toUtf8().toBase64() + "?=";
}

http::HeaderList RequestHeaders::forRequest(const QString &method, const json &params, const QList<Param> &toolParams)
{
    http::HeaderList headers;
    headers.emplaceBack("Mcp-Method", encodeValue(method));
    const char *nameField = method == QLatin1String("resources/read") ? "uri"
        : (method == QLatin1String("tools/call") || method == QLatin1String("prompts/get")) ? "name"
                                                                                             : nullptr;
    if (nameField) {
        if (const json *name = json_fields::member(params, nameField); name && name->is_string())
            headers.emplaceBack("Mcp-Name", encodeValue(utf8ToString(name->get_ref<const std::string &>())));
    }
    if (method == QLatin1String("tools/call")) {
        const json *arguments = json_fields::member(params, "arguments");
        for (const Param &p : toolParams) {
            const json *value = arguments;
            for (const QString &key : p.path) {
                value = value ? json_fields::member(*value, key.toUtf8().constData()) : nullptr;
                if (!value)
                    break;
            }
            if (!value)
                continue;
            if (const std::optional<QString> text = headerText(*value))
                headers.emplaceBack(p.header, encodeValue(*text));
        }
    }
    return headers;
}

} // namespace crosstalk::mcp
