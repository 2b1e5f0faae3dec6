#pragma once

#include "util/Utf8.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace crosstalk::json_fields {

/// Tolerant reads of members of JSON from a peer: a member that is absent,
/// null (ProtoJSON's absent) or of another type reads as absent; nothing
/// throws. Validation reports the wrong types separately.

inline const nlohmann::json *member(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(name);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

inline QString text(const nlohmann::json &object, const char *name)
{
    const nlohmann::json *value = member(object, name);
    return value && value->is_string() ? utf8ToString(value->get_ref<const std::string &>()) : QString();
}

inline bool flag(const nlohmann::json &object, const char *name)
{
    const nlohmann::json *value = member(object, name);
    return value && value->is_boolean() && value->get<bool>();
}

inline QStringList texts(const nlohmann::json &object, const char *name)
{
    QStringList out;
    const nlohmann::json *value = member(object, name);
    if (!value || !value->is_array())
        return out;
    for (const nlohmann::json &item : *value) {
        if (item.is_string())
            out.append(utf8ToString(item.get_ref<const std::string &>()));
    }
    return out;
}

} // namespace crosstalk::json_fields
