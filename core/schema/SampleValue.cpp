#include "schema/SampleValue.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace crosstalk::schema {

using nlohmann::json;

namespace {

constexpr int MaxDepth = 16;
constexpr size_t MaxItems = 64;
constexpr size_t MaxStringLength = 256;

const json *member(const json &object, const char *name)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

/// The schema a local `$ref` names, or nullptr.
const json *resolve(const std::string &ref, const json &root)
{
    if (ref == "#")
        return &root;
    if (ref.rfind("#/", 0) != 0)
        return nullptr;
    try {
        const json::json_pointer pointer(ref.substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    } catch (const json::exception &) {
        return nullptr;
    }
}

std::string typeOf(const json &schema)
{
    const json *type = member(schema, "type");
    if (!type)
        return {};
    if (type->is_string())
        return type->get<std::string>();
    if (type->is_array()) {
        // A nullable type: the first that is not null.
        for (const json &t : *type) {
            if (t.is_string() && t.get<std::string>() != "null")
                return t.get<std::string>();
        }
        return "null";
    }
    return {};
}

std::string sampleString(const json &schema)
{
    const json *format = member(schema, "format");
    std::string text;
    if (format && format->is_string()) {
        const std::string f = format->get<std::string>();
        if (f == "email")
            text = "user@example.com";
        else if (f == "uri" || f == "url" || f == "iri")
            text = "https://example.com/";
        else if (f == "date")
            text = "2026-01-01";
        else if (f == "date-time")
            text = "2026-01-01T00:00:00Z";
        else if (f == "time")
            text = "00:00:00Z";
        else if (f == "uuid")
            text = "00000000-0000-4000-8000-000000000000";
        else if (f == "hostname")
            text = "example.com";
        else if (f == "ipv4")
            text = "127.0.0.1";
    }
    const json *minLength = member(schema, "minLength");
    if (minLength && minLength->is_number_unsigned()) {
        const size_t wanted = std::min<size_t>(minLength->get<size_t>(), MaxStringLength);
        if (text.size() < wanted)
            text.append(wanted - text.size(), 'a');
    }
    return text;
}

json sampleNumber(const json &schema, bool integer)
{
    double value = 0;
    const json *minimum = member(schema, "minimum");
    const json *exclusiveMinimum = member(schema, "exclusiveMinimum");
    const json *maximum = member(schema, "maximum");
    if (minimum && minimum->is_number())
        value = minimum->get<double>();
    else if (exclusiveMinimum && exclusiveMinimum->is_number())
        value = exclusiveMinimum->get<double>() + 1;
    else if (maximum && maximum->is_number() && maximum->get<double>() < 0)
        value = maximum->get<double>();
    if (integer)
        return json(static_cast<long long>(std::ceil(value)));
    return json(value);
}

json sample(const json &schema, const json &root, int depth)
{
    if (depth > MaxDepth || !schema.is_object())
        return nullptr;
    if (const json *d = member(schema, "default"))
        return *d;
    if (const json *c = member(schema, "const"))
        return *c;
    if (const json *e = member(schema, "enum"); e && e->is_array() && !e->empty())
        return e->front();
    if (const json *ex = member(schema, "examples"); ex && ex->is_array() && !ex->empty())
        return ex->front();
    if (const json *ref = member(schema, "$ref"); ref && ref->is_string()) {
        const json *target = resolve(ref->get<std::string>(), root);
        return target ? sample(*target, root, depth + 1) : json(nullptr);
    }
    for (const char *choice : {"oneOf", "anyOf"}) {
        if (const json *options = member(schema, choice); options && options->is_array() && !options->empty()
            && !member(schema, "type"))
            return sample(options->front(), root, depth + 1);
    }
    std::string type = typeOf(schema);
    if (type.empty()) {
        if (member(schema, "properties") || member(schema, "required"))
            type = "object";
        else if (member(schema, "items") || member(schema, "prefixItems"))
            type = "array";
        else if (const json *all = member(schema, "allOf"); all && all->is_array() && !all->empty()) {
            // Merged: the members of every part.
            json merged = json::object();
            for (const json &part : *all) {
                const json value = sample(part, root, depth + 1);
                if (value.is_object())
                    merged.update(value);
                else if (!value.is_null())
                    return value;
            }
            return merged;
        }
    }
    if (type == "string")
        return sampleString(schema);
    if (type == "integer")
        return sampleNumber(schema, true);
    if (type == "number")
        return sampleNumber(schema, false);
    if (type == "boolean")
        return false;
    if (type == "null")
        return nullptr;
    if (type == "array") {
        json array = json::array();
        const json *prefix = member(schema, "prefixItems");
        if (prefix && prefix->is_array()) {
            for (const json &item : *prefix) {
                if (array.size() >= MaxItems)
                    break;
                array.push_back(sample(item, root, depth + 1));
            }
        }
        const json *minItems = member(schema, "minItems");
        const size_t wanted = minItems && minItems->is_number_unsigned() ? std::min(minItems->get<size_t>(), MaxItems) : 0;
        const json *items = member(schema, "items");
        while (array.size() < wanted)
            array.push_back(items ? sample(*items, root, depth + 1) : json(nullptr));
        return array;
    }
    if (type == "object") {
        json object = json::object();
        const json *properties = member(schema, "properties");
        const json *required = member(schema, "required");
        if (required && required->is_array()) {
            for (const json &name : *required) {
                if (!name.is_string() || object.size() >= MaxItems)
                    continue;
                const json *property = properties ? member(*properties, name.get_ref<const std::string &>().c_str()) : nullptr;
                object[name.get<std::string>()] = property ? sample(*property, root, depth + 1) : json("");
            }
        }
        if (properties && properties->is_object()) {
            for (auto it = properties->begin(); it != properties->end() && object.size() < MaxItems; ++it) {
                if (object.contains(it.key()))
                    continue;
                if (const json *d = member(*it, "default"))
                    object[it.key()] = *d;
            }
        }
        return object;
    }
    return nullptr;
}

} // namespace

json sampleValue(const json &schema, const json &root)
{
    return sample(schema, root, 0);
}

} // namespace crosstalk::schema
