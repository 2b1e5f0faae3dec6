#pragma once

#include <QList>
#include <QString>

namespace crosstalk {

/// Characters that change how text reads without being seen: bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), tag
/// characters (U+E0000–U+E007F), zero-width characters (U+200B–U+200D,
/// U+2060) and U+FEFF. Text from a peer is checked for them everywhere it is
/// shown or validated.
bool isHiddenCodePoint(char32_t codePoint);

/// The hidden code points in text, in order (a surrogate pair is one).
QList<char32_t> hiddenCodePoints(const QString &text);
bool hasHiddenCharacters(const QString &text);

/// "U+202E": how Crosstalk names a code point to people.
QString codePointName(char32_t codePoint);

/// The text with each hidden character replaced by a visible marker such as
/// `⟦U+202E⟧`.
QString revealHiddenCharacters(const QString &text);

/// For a terminal: hidden characters revealed, and control characters other
/// than tab and newline (escape sequences above all) shown as markers too, so
/// that peer text can neither hide itself nor drive the terminal.
QString terminalSafe(const QString &text);

} // namespace crosstalk
