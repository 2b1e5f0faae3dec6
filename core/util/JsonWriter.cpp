#include "util/JsonWriter.h"

#include <simdjson.h>

#include <array>
#include <cstring>

namespace crosstalk {

namespace {

constexpr qsizetype SpillBytes = 64 * 1024;

// For each byte: 0 copied as it is, otherwise the letter of its short
// escape, or 'u' for \u00XX.
constexpr std::array<char, 256> escapes = [] {
    std::array<char, 256> table {};
    for (int c = 0; c < 0x20; ++c)
        table[size_t(c)] = 'u';
    table['"'] = '"';
    table['\\'] = '\\';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    return table;
}();

// Whether any of the 8 bytes in `w` needs an escape (below 0x20, '"' or
// '\\'), without looking at them one by one.
constexpr quint64 Ones = 0x0101010101010101ULL;
constexpr quint64 Highs = 0x8080808080808080ULL;

inline bool needsEscape(quint64 w)
{
    const auto hasZero = [](quint64 v) { return (v - Ones) & ~v & Highs; };
    const quint64 below20 = (w - Ones * 0x20) & ~w & Highs;
    return (below20 | hasZero(w ^ (Ones * '"')) | hasZero(w ^ (Ones * '\\'))) != 0;
}

void appendEscaped(QByteArray &out, QByteArrayView utf8)
{
    const char *const data = utf8.data();
    const qsizetype size = utf8.size();
    const qsizetype start = out.size();
    out.reserve(start + size + 2);
    out.append('"');
    // One pass: runs without escapes are copied whole, and whether any byte
    // is beyond ASCII is noted on the way.
    quint64 seen = 0;
    qsizetype run = 0;
    qsizetype i = 0;
    while (i < size) {
        if (i + 8 <= size) {
            quint64 w;
            std::memcpy(&w, data + i, 8);
            seen |= w;
            if (!needsEscape(w)) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(data[i]);
        seen |= c;
        const char e = escapes[c];
        if (e == 0) {
            ++i;
            continue;
        }
        out.append(data + run, i - run);
        if (e == 'u') {
            static constexpr char hex[] = "0123456789abcdef";
            const char code[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(code, sizeof code);
        } else {
            const char code[] = {'\\', e};
            out.append(code, sizeof code);
        }
        run = ++i;
    }
    out.append(data + run, size - run);
    out.append('"');
    // Malformed UTF-8 (it cannot come from a JSON parser or a QString, but
    // bytes are bytes) is written as U+FFFD rather than passed on. Plain
    // ASCII, the common case, needs no check.
    if ((seen & Highs) != 0 && !simdjson::validate_utf8(data, size_t(size))) {
        out.truncate(start);
        appendEscaped(out, QString::fromUtf8(utf8).toUtf8());
    }
}

} // namespace

QByteArray jsonString(QByteArrayView utf8)
{
    QByteArray out;
    appendEscaped(out, utf8);
    return out;
}

JsonWriter::JsonWriter(std::FILE *file)
    : m_file(file)
{
}

JsonWriter::~JsonWriter()
{
    sendBuffered();
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_first.empty())
        return;
    if (m_first.back())
        m_first.back() = false;
    else
        m_buffer.append(',');
}

void JsonWriter::spill()
{
    if (m_file && m_buffer.size() >= SpillBytes) {
        std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_file);
        m_buffer.resize(0);
    }
}

void JsonWriter::sendBuffered()
{
    if (!m_file)
        return;
    if (!m_buffer.isEmpty())
        std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_file);
    m_buffer.resize(0);
}

void JsonWriter::flush()
{
    if (!m_file)
        return;
    sendBuffered();
    std::fflush(m_file);
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_buffer.append('{');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_buffer.append('}');
    if (!m_first.empty())
        m_first.pop_back();
    spill();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_buffer.append('[');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_buffer.append(']');
    if (!m_first.empty())
        m_first.pop_back();
    spill();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    appendEscaped(m_buffer, QByteArrayView(name.data(), qsizetype(name.size())));
    m_buffer.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(QByteArrayView utf8)
{
    separate();
    appendEscaped(m_buffer, utf8);
    spill();
    return *this;
}

JsonWriter &JsonWriter::string(const QString &text)
{
    return string(QByteArrayView(text.toUtf8()));
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_buffer.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 value)
{
    separate();
    m_buffer.append(QByteArray::number(value));
    return *this;
}

JsonWriter &JsonWriter::value(const nlohmann::json &value)
{
    separate();
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    m_buffer.append(text.data(), qsizetype(text.size()));
    spill();
    return *this;
}

JsonWriter &JsonWriter::raw(std::string_view text)
{
    m_buffer.append(text.data(), qsizetype(text.size()));
    spill();
    return *this;
}

} // namespace crosstalk
