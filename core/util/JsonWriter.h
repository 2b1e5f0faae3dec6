#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string_view>
#include <vector>

namespace crosstalk {

/// Writes compact JSON text piece by piece, without building a value first:
/// a streamed task's output can be a hundred thousand lines or one line of
/// many megabytes. Strings are UTF-8; they are copied through with only
/// the escapes JSON requires (quote, backslash, control characters), and
/// malformed UTF-8 is written as U+FFFD. Commas between members and
/// elements are placed by the writer.
///
/// Writing to a FILE hands the text to stdio in blocks of about 64 KiB, at
/// sendBuffered() and when the writer goes (flush() flushes the FILE too);
/// writing to memory collects it in bytes().
class JsonWriter
{
public:
    JsonWriter() = default;
    explicit JsonWriter(std::FILE *file);
    ~JsonWriter();
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    /// A member name; the next call writes its value.
    JsonWriter &key(std::string_view name);
    JsonWriter &string(QByteArrayView utf8);
    JsonWriter &string(const QByteArray &utf8) { return string(QByteArrayView(utf8)); }
    JsonWriter &string(const char *utf8) { return string(QByteArrayView(utf8)); }
    JsonWriter &string(const QString &text);
    JsonWriter &boolean(bool value);
    JsonWriter &integer(qint64 value);
    /// Any JSON value, as nlohmann serialises it.
    JsonWriter &value(const nlohmann::json &value);
    /// Text that is JSON already, written as it is (a newline between lines).
    JsonWriter &raw(std::string_view text);

    /// What was written so far (to memory).
    const QByteArray &bytes() const { return m_buffer; }
    /// Sends what is buffered to the file, and flushes the file.
    void flush();
    /// Sends what is buffered to the file (its stdio buffer).
    void sendBuffered();

private:
    void separate();
    void spill();

    std::FILE *m_file = nullptr;
    QByteArray m_buffer;
    std::vector<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

/// `text` as a JSON string (quotes included), the way JsonWriter writes it.
QByteArray jsonString(QByteArrayView utf8);

} // namespace crosstalk
