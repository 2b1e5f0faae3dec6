#pragma once

#include <nlohmann/json.hpp>

namespace crosstalk::schema {

/// A value a person would start from when filling in `schema`: its
/// `default`, else its `const`, its first `enum` value or its first example,
/// else the smallest value of its type that meets the simple constraints
/// (minimum, minLength, pattern-free formats, minItems, required members).
/// Objects get their required properties and those with a default. Local
/// `$ref`s (`#/…`) are followed against `root`; any other `$ref` gives null.
/// Recursion and size are bounded, so any schema from a peer is safe here.
/// Used for the arguments form's first values and for a client that accepts
/// what the server proposes (elicitation defaults).
nlohmann::json sampleValue(const nlohmann::json &schema, const nlohmann::json &root);
inline nlohmann::json sampleValue(const nlohmann::json &schema)
{
    return sampleValue(schema, schema);
}

} // namespace crosstalk::schema
