#pragma once

#include "util/Utf8.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <optional>
#include <string_view>

namespace crosstalk::simd_fields {

/// Tolerant reads from a simdjson DOM, the same rules as json_fields: a value
/// that is absent, null (ProtoJSON's absent) or of another type reads as
/// absent, and nothing throws. simdjson reads the hot paths (every event of
/// a stream) several times faster than a general-purpose DOM; its elements
/// live only until the parser's next parse.

using simdjson::dom::element;

/// A string value's UTF-8 (unescaped), or empty.
inline std::string_view stringOf(element value)
{
    std::string_view text;
    return value.get_string().get(text) == simdjson::SUCCESS ? text : std::string_view();
}

/// A string value as it was sent, without a detour through UTF-16: what long
/// texts and base64 payloads are kept as.
inline QByteArray bytesOf(element value)
{
    const std::string_view utf8 = stringOf(value);
    return QByteArray(utf8.data(), qsizetype(utf8.size()));
}

inline QString textOf(element value)
{
    const std::string_view utf8 = stringOf(value);
    return utf8.empty() ? QString() : utf8ToString(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

inline bool boolOf(element value)
{
    bool b = false;
    return value.get_bool().get(b) == simdjson::SUCCESS && b;
}

inline std::optional<element> member(element object, std::string_view name)
{
    simdjson::dom::object o;
    if (object.get_object().get(o) != simdjson::SUCCESS)
        return std::nullopt;
    element value;
    if (o.at_key(name).get(value) != simdjson::SUCCESS || value.is_null())
        return std::nullopt;
    return value;
}

/// Any value as nlohmann::json, for what Crosstalk keeps as free-form JSON
/// (data parts, metadata). The element is valid JSON already; this copies.
inline nlohmann::json toNlohmann(element value)
{
    return nlohmann::json::parse(simdjson::to_string(value), nullptr, false);
}

} // namespace crosstalk::simd_fields
