#include "util/JsonLayout.h"

#include "util/BoundedJson.h"
#include "util/HiddenText.h"
#include "util/Utf8.h"

namespace crosstalk {

using nlohmann::json;

namespace {

/// A JSON token as JSON writes it, with characters that change how text
/// reads without being seen written as \uXXXX escapes: still the same JSON,
/// but a bidi control can no longer reorder what is shown.
QString visibleToken(const json &value)
{
    const QString text = utf8ToString(value.dump(-1, ' ', false, json::error_handler_t::replace));
    if (!value.is_string())
        return text;
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (isHiddenCodePoint(c)) {
            if (c > 0xFFFF) {
                const char32_t v = c - 0x10000;
                out += QStringLiteral("\\u%1\\u%2").arg(0xD800 + (v >> 10), 4, 16, QLatin1Char('0'))
                           .arg(0xDC00 + (v & 0x3FF), 4, 16, QLatin1Char('0'));
            } else {
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            }
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    return out;
}

struct Writer
{
    JsonLayout &layout;
    int indent;

    void write(const json &value, const std::string &pointer, int depth)
    {
        QString &out = layout.text;
        const qsizetype start = out.size();
        const QString newlineIndent = QLatin1Char('\n') + QString(indent * (depth + 1), QLatin1Char(' '));
        const QString closingIndent = QLatin1Char('\n') + QString(indent * depth, QLatin1Char(' '));
        if (value.is_object() && !value.empty()) {
            out += QLatin1Char('{');
            bool first = true;
            for (auto it = value.begin(); it != value.end(); ++it) {
                if (!first)
                    out += QLatin1Char(',');
                first = false;
                out += newlineIndent;
                const qsizetype keyStart = out.size();
                out += visibleToken(json(it.key()));
                out += QStringLiteral(": ");
                std::string child = pointer;
                appendPointerToken(child, it.key());
                write(it.value(), child, depth + 1);
                layout.spans[utf8ToString(child)].keyStart = keyStart;
            }
            out += closingIndent + QLatin1Char('}');
        } else if (value.is_array() && !value.empty()) {
            out += QLatin1Char('[');
            for (size_t i = 0; i < value.size(); ++i) {
                if (i > 0)
                    out += QLatin1Char(',');
                out += newlineIndent;
                std::string child = pointer;
                appendPointerToken(child, std::to_string(i));
                write(value.at(i), child, depth + 1);
            }
            out += closingIndent + QLatin1Char(']');
        } else {
            out += visibleToken(value);
        }
        JsonLayout::Span &span = layout.spans[utf8ToString(pointer)];
        span.start = start;
        span.end = out.size();
    }
};

} // namespace

JsonLayout JsonLayout::of(const json &value, int indent)
{
    JsonLayout layout;
    // Callers pass documents whose depth was bounded where they entered.
    Writer{layout, indent}.write(value, std::string(), 0);
    return layout;
}

QString JsonLayout::pointerAt(qsizetype position) const
{
    QString best;
    qsizetype bestLength = -1;
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        const qsizetype from = it->keyStart >= 0 ? it->keyStart : it->start;
        if (position >= from && position < it->end && (bestLength < 0 || it->end - from < bestLength)) {
            best = it.key();
            bestLength = it->end - from;
        }
    }
    return best;
}

JsonLayout::Span JsonLayout::spanOf(const QString &pointer) const
{
    QString p = pointer;
    while (true) {
        const auto it = spans.constFind(p);
        if (it != spans.cend())
            return *it;
        if (p.isEmpty())
            return {};
        p.truncate(p.lastIndexOf(QLatin1Char('/')));
    }
}

} // namespace crosstalk
