#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace crosstalk::a2a {

/// The JSON Canonicalization Scheme (RFC 8785) form of `value`, as UTF-8:
/// - object members sorted by their names' UTF-16 code units (so U+1F600,
///   a surrogate pair starting with 0xD83D, sorts before U+E000..U+FFFF,
///   unlike a byte-wise sort);
/// - no whitespace;
/// - strings escape only `"`, `\` and the control characters below U+0020
///   (\b \t \n \f \r in their short forms, the others as \u00xx in lower
///   case); everything else is written as literal UTF-8;
/// - numbers as ECMAScript's Number.prototype.toString writes them: the
///   shortest digits that round-trip, without exponent from 1e-6 up to 1e21
///   (exclusive), else like 1e+21 or 1.5e-7; -0 becomes 0.
///
/// nlohmann's integer types are written as ECMAScript would write the same
/// value converted to a double (a JSON number *is* a double to RFC 8785): an
/// integer beyond 2^53 loses precision exactly as it does in JavaScript, so
/// 9007199254740993 is written 9007199254740992 and 2^64-1 as
/// 18446744073709552000.
///
/// Arrays and objects nested deeper than this are refused (the serialiser
/// recurses, and cards come from the network).
constexpr int MaxJsonDepth = 512;

/// True when arrays and objects in `value` nest deeper than `maxDepth` (the
/// value itself is at depth 0). Iterative: safe on any input, so callers can
/// check before copying (nlohmann's copy recurses too).
bool nestedDeeperThan(const nlohmann::json &value, int maxDepth = MaxJsonDepth);

/// Throws std::invalid_argument for values nested deeper than MaxJsonDepth,
/// and for what a json built in code can hold but JSON cannot: NaN or an
/// infinity, invalid UTF-8, binary or discarded values. (Text parsed by
/// nlohmann is valid UTF-8 and finite.)
std::string canonicalJson(const nlohmann::json &value);

/// One number as RFC 8785 (and ECMAScript) writes it. Throws
/// std::invalid_argument for NaN and the infinities.
std::string canonicalNumber(double value);

} // namespace crosstalk::a2a
