#pragma once

#include "util/Utf8.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <optional>
#include <string_view>

namespace crosstalk::simd_fields {

/// Tolerant reads of members of a simdjson DOM element, the same rules as
/// json_fields: a member that is absent, null (ProtoJSON's absent) or of
/// another type reads as absent, and nothing throws. simdjson reads the hot
/// paths (every event of a stream) at several hundred MB/s more than a
/// general-purpose DOM; its elements live only until the parser's next parse.

using simdjson::dom::element;

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

inline std::string_view view(element object, std::string_view name)
{
    const std::optional<element> value = member(object, name);
    std::string_view text;
    if (!value || value->get_string().get(text) != simdjson::SUCCESS)
        return {};
    return text;
}

inline QString text(element object, std::string_view name)
{
    const std::string_view utf8 = view(object, name);
    return utf8.empty() ? QString() : utf8ToString(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

/// The member's UTF-8 bytes as they were sent (unescaped), without a detour
/// through UTF-16: what long texts and base64 payloads are kept as.
inline QByteArray bytes(element object, std::string_view name)
{
    const std::string_view utf8 = view(object, name);
    return QByteArray(utf8.data(), qsizetype(utf8.size()));
}

inline bool flag(element object, std::string_view name)
{
    const std::optional<element> value = member(object, name);
    bool b = false;
    return value && value->get_bool().get(b) == simdjson::SUCCESS && b;
}

/// Any value as nlohmann::json, for what Crosstalk keeps as free-form JSON
/// (data parts, metadata). The element is valid JSON already; this copies.
inline nlohmann::json toNlohmann(element value)
{
    return nlohmann::json::parse(simdjson::to_string(value), nullptr, false);
}

} // namespace crosstalk::simd_fields
