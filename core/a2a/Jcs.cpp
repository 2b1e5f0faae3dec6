#include "a2a/Jcs.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

namespace crosstalk::a2a {

namespace {

// Decodes one UTF-8 sequence at `pos` (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), advancing `pos`. Throws on malformed input.
char32_t decodeUtf8(const std::string &s, std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    int length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
        min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
        min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
        min = 0x10000;
    } else {
        throw std::invalid_argument("canonicalJson: invalid UTF-8 in a string");
    }
    if (pos + std::size_t(length) > s.size())
        throw std::invalid_argument("canonicalJson: truncated UTF-8 in a string");
    for (int i = 1; i < length; ++i) {
        const unsigned char c = byte(pos + std::size_t(i));
        if ((c & 0xC0) != 0x80)
            throw std::invalid_argument("canonicalJson: invalid UTF-8 in a string");
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        throw std::invalid_argument("canonicalJson: invalid UTF-8 in a string");
    pos += std::size_t(length);
    return cp;
}

// The UTF-16 code units of a member name: RFC 8785 §3.2.3 sorts by them.
std::u16string utf16(const std::string &s)
{
    std::u16string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = decodeUtf8(s, pos);
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            out.push_back(char16_t(0xD800 + (v >> 10)));
            out.push_back(char16_t(0xDC00 + (v & 0x3FF)));
        } else {
            out.push_back(char16_t(cp));
        }
    }
    return out;
}

// RFC 8785 §3.2.2.2, which is ECMAScript's JSON.stringify for strings.
void writeString(std::string &out, const std::string &s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(s, pos); // validates
        switch (cp) {
        case U'"':
            out += "\\\"";
            break;
        case U'\\':
            out += "\\\\";
            break;
        case U'\b':
            out += "\\b";
            break;
        case U'\t':
            out += "\\t";
            break;
        case U'\n':
            out += "\\n";
            break;
        case U'\f':
            out += "\\f";
            break;
        case U'\r':
            out += "\\r";
            break;
        default:
            if (cp < 0x20) {
                out += "\\u00";
                out.push_back(hex[cp >> 4]);
                out.push_back(hex[cp & 0xF]);
            } else {
                out.append(s, start, pos - start);
            }
        }
    }
    out.push_back('"');
}

void write(std::string &out, const nlohmann::json &value, int depth)
{
    if (depth > MaxJsonDepth)
        throw std::invalid_argument("canonicalJson: the value is nested too deeply");
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::null:
        out += "null";
        return;
    case Type::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Type::number_integer:
        out += canonicalNumber(static_cast<double>(value.get<std::int64_t>()));
        return;
    case Type::number_unsigned:
        out += canonicalNumber(static_cast<double>(value.get<std::uint64_t>()));
        return;
    case Type::number_float:
        out += canonicalNumber(value.get<double>());
        return;
    case Type::string:
        writeString(out, value.get_ref<const std::string &>());
        return;
    case Type::array: {
        out.push_back('[');
        bool first = true;
        for (const auto &element : value) {
            if (!first)
                out.push_back(',');
            first = false;
            write(out, element, depth + 1);
        }
        out.push_back(']');
        return;
    }
    case Type::object: {
        // nlohmann keeps members sorted by their UTF-8 bytes, which is code
        // point order; RFC 8785 wants UTF-16 code unit order, which differs
        // for characters above U+FFFF against U+E000..U+FFFF.
        std::vector<std::pair<std::u16string, nlohmann::json::const_iterator>> members;
        members.reserve(value.size());
        for (auto it = value.cbegin(); it != value.cend(); ++it)
            members.emplace_back(utf16(it.key()), it);
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        out.push_back('{');
        bool first = true;
        for (const auto &[key, it] : members) {
            if (!first)
                out.push_back(',');
            first = false;
            writeString(out, it.key());
            out.push_back(':');
            write(out, it.value(), depth + 1);
        }
        out.push_back('}');
        return;
    }
    case Type::binary:
    case Type::discarded:
        break;
    }
    throw std::invalid_argument("canonicalJson: the value is not JSON (binary or discarded)");
}

} // namespace

std::string canonicalNumber(double value)
{
    if (!std::isfinite(value))
        throw std::invalid_argument("canonicalJson: NaN and infinities are not JSON numbers");
    if (value == 0)
        return "0"; // and -0 too

    // The shortest digits that round-trip (ties to the closer value, as
    // ECMAScript's Number::toString requires), in scientific form d.ddde±x.
    char buffer[64];
    const auto [end, error]
        = std::to_chars(buffer, buffer + sizeof buffer, std::abs(value), std::chars_format::scientific);
    if (error != std::errc())
        throw std::invalid_argument("canonicalJson: cannot format a number");
    const std::string_view text(buffer, std::size_t(end - buffer));
    const std::size_t e = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, e)) {
        if (c != '.')
            digits.push_back(c);
    }
    int exponent = 0;
    const std::string_view expText = text.substr(e + 1);
    std::from_chars(expText.data() + (expText.front() == '+' ? 1 : 0), expText.data() + expText.size(), exponent);
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();

    // ECMA-262 Number::toString: value = 0.digits × 10^n, k digits.
    const int k = int(digits.size());
    const int n = exponent + 1;
    std::string out = value < 0 ? "-" : "";
    if (k <= n && n <= 21) {
        out += digits;
        out.append(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, 0, std::size_t(n));
        out.push_back('.');
        out.append(digits, std::size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(std::size_t(-n), '0');
        out += digits;
    } else {
        out.push_back(digits[0]);
        if (k > 1) {
            out.push_back('.');
            out.append(digits, 1);
        }
        out.push_back('e');
        out.push_back(n - 1 < 0 ? '-' : '+');
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

bool nestedDeeperThan(const nlohmann::json &value, int maxDepth)
{
    std::vector<std::pair<const nlohmann::json *, int>> stack { { &value, 0 } };
    while (!stack.empty()) {
        const auto [current, depth] = stack.back();
        stack.pop_back();
        if (depth > maxDepth)
            return true;
        if (current->is_array() || current->is_object()) {
            for (const auto &child : *current)
                stack.emplace_back(&child, depth + 1);
        }
    }
    return false;
}

std::string canonicalJson(const nlohmann::json &value)
{
    std::string out;
    write(out, value, 0);
    return out;
}

} // namespace crosstalk::a2a
