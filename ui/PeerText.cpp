#include "PeerText.h"

#include <QLabel>

namespace crosstalk::ui {

namespace {

bool isHiddenCodePoint(char32_t codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) // LRE, RLE, PDF, LRO, RLO
        || (codePoint >= 0x2066 && codePoint <= 0x2069) // LRI, RLI, FSI, PDI
        || (codePoint >= 0xE0000 && codePoint <= 0xE007F) // tag characters
        || (codePoint >= 0x200B && codePoint <= 0x200D) // ZWSP, ZWNJ, ZWJ
        || codePoint == 0x2060 // word joiner
        || codePoint == 0xFEFF; // zero-width no-break space, byte order mark
}

/// Calls visit(codePoint, utf16Length) for each code point of text; a
/// surrogate pair is one code point of length 2, an unpaired surrogate is
/// passed on as it is.
template<typename Visit> void forEachCodePoint(const QString &text, Visit visit)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const QChar unit = text.at(i);
        if (unit.isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(unit, text.at(i + 1)), qsizetype(2));
            i += 2;
        } else {
            visit(char32_t(unit.unicode()), qsizetype(1));
            ++i;
        }
    }
}

QString marker(char32_t codePoint)
{
    return QChar(0x27E6) + QStringLiteral("U+")
        + QString::number(uint(codePoint), 16).toUpper().rightJustified(4, QLatin1Char('0')) + QChar(0x27E7);
}

} // namespace

void setPeerText(QLabel *label, const QString &text)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(revealHiddenCharacters(text));
}

QString escapeForRichText(const QString &text)
{
    return text.toHtmlEscaped();
}

QString revealHiddenCharacters(const QString &text)
{
    if (!hasHiddenCharacters(text))
        return text;

    QString revealed;
    revealed.reserve(text.size() + 16);
    qsizetype position = 0;
    forEachCodePoint(text, [&](char32_t codePoint, qsizetype length) {
        if (isHiddenCodePoint(codePoint))
            revealed += marker(codePoint);
        else
            revealed += QStringView(text).mid(position, length);
        position += length;
    });
    return revealed;
}

bool hasHiddenCharacters(const QString &text)
{
    bool found = false;
    forEachCodePoint(text, [&found](char32_t codePoint, qsizetype) { found = found || isHiddenCodePoint(codePoint); });
    return found;
}

} // namespace crosstalk::ui
