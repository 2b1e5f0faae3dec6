#include "util/HiddenText.h"

namespace crosstalk {

namespace {

/// Calls visit(codePoint, position, utf16Length) for each code point; a
/// surrogate pair is one code point of length 2, a lone surrogate is passed
/// on as it is.
template<typename Visit> void forEachCodePoint(const QString &text, Visit visit)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const QChar unit = text.at(i);
        if (unit.isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(unit, text.at(i + 1)), i, qsizetype(2));
            i += 2;
        } else {
            visit(char32_t(unit.unicode()), i, qsizetype(1));
            ++i;
        }
    }
}

QString marker(char32_t codePoint)
{
    return QChar(0x27E6) + codePointName(codePoint) + QChar(0x27E7);
}

bool isControl(char32_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || (c >= 0x7F && c <= 0x9F);
}

template<typename Replace> QString replaced(const QString &text, Replace shouldReplace)
{
    bool any = false;
    forEachCodePoint(text, [&](char32_t c, qsizetype, qsizetype) { any = any || shouldReplace(c); });
    if (!any)
        return text;
    QString out;
    out.reserve(text.size() + 16);
    forEachCodePoint(text, [&](char32_t c, qsizetype position, qsizetype length) {
        if (shouldReplace(c))
            out += marker(c);
        else
            out += QStringView(text).mid(position, length);
    });
    return out;
}

} // namespace

bool isHiddenCodePoint(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xE0000 && c <= 0xE007F)
        || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

QList<char32_t> hiddenCodePoints(const QString &text)
{
    QList<char32_t> found;
    forEachCodePoint(text, [&](char32_t c, qsizetype, qsizetype) {
        if (isHiddenCodePoint(c))
            found.append(c);
    });
    return found;
}

bool hasHiddenCharacters(const QString &text)
{
    bool found = false;
    forEachCodePoint(text, [&](char32_t c, qsizetype, qsizetype) { found = found || isHiddenCodePoint(c); });
    return found;
}

QString codePointName(char32_t codePoint)
{
    return QStringLiteral("U+") + QString::number(uint(codePoint), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

QString revealHiddenCharacters(const QString &text)
{
    return replaced(text, [](char32_t c) { return isHiddenCodePoint(c); });
}

QString terminalSafe(const QString &text)
{
    return replaced(text, [](char32_t c) { return isHiddenCodePoint(c) || isControl(c); });
}

} // namespace crosstalk
