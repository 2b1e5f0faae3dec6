#pragma once

#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace crosstalk {

/// Why bytes could not be read as JSON.
struct JsonReadError
{
    enum class Kind { NotJson, TooDeep };
    Kind kind = Kind::NotJson;
    /// 0-based byte where reading stopped (the size when the input ended early).
    qint64 offset = -1;
    /// For TooDeep: the JSON pointer of the first container past the limit.
    std::string pointer;
    /// The parser's own words, without its prefix and location (for NotJson).
    QString detail;
};

/// Parses JSON text where bytes enter the program, refusing to open a
/// container nested deeper than maxDepth (the top-level value is depth 1):
/// hostile nesting costs neither stack nor time, and the resulting value can
/// be copied and destroyed safely. Invalid UTF-8 is NotJson. Never throws.
std::optional<nlohmann::json> readJson(QByteArrayView bytes, int maxDepth, JsonReadError *error);

/// The pointer of the first container nested deeper than maxDepth in an
/// already parsed value, found without recursion; nullopt when there is none.
std::optional<std::string> tooDeepPointer(const nlohmann::json &root, int maxDepth);

/// Appends "/token" to a JSON pointer, escaping '~' and '/'.
void appendPointerToken(std::string &pointer, const std::string &token);

/// About how many bytes `value` takes in memory, counted without recursion
/// and only until `limit` is passed (then some number above it).
size_t approxJsonBytes(const nlohmann::json &value, size_t limit = SIZE_MAX);

} // namespace crosstalk
