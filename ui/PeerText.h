#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace crosstalk::ui {

/// Shows text that came from a peer (an agent card, a tool description, a
/// server message) in a label: the label is forced to Qt::PlainText, so markup
/// such as `<img>` or `<a>` is shown literally and never rendered, and hidden
/// characters are made visible with revealHiddenCharacters().
void setPeerText(QLabel *label, const QString &text);

/// A selectable, word-wrapped label that shows plain text only (for values
/// that may come from a peer; fill it with setPeerText() or setText()).
QLabel *makePlainLabel(QWidget *parent, const QString &objectName);
/// The same in bold, its font `scale` times the usual size (a heading).
QLabel *makeHeadingLabel(QWidget *parent, const QString &objectName, qreal scale = 1.0);

/// A tooltip for text that holds peer text: tooltips guess between plain and
/// rich text, so the text is escaped, its hidden characters revealed, and
/// wrapped as rich text that shows it literally (line breaks kept).
QString peerToolTip(const QString &text);

/// Escapes peer text for the rare place that must build rich text around it.
QString escapeForRichText(const QString &text);

/// Replaces characters that change how text reads without being seen with a
/// visible marker such as `⟦U+202E⟧` (see crosstalk::isHiddenCodePoint in
/// core/util/HiddenText.h, which does the work).
QString revealHiddenCharacters(const QString &text);

/// Whether revealHiddenCharacters() would change the text.
bool hasHiddenCharacters(const QString &text);

} // namespace crosstalk::ui
