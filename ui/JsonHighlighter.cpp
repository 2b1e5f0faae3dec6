#include "JsonHighlighter.h"

#include <QColor>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTextCharFormat>

namespace crosstalk::ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    // A string (then, for a member name, its colon), a number, or a literal.
    , m_token(QStringLiteral(R"(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)"))
{
}

QPlainTextEdit *JsonHighlighter::makeViewer(QWidget *parent, const QString &objectName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(edit->document());
    return edit;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat key;
    key.setForeground(QColor(0x88, 0x1b, 0x8f));
    QTextCharFormat string;
    string.setForeground(QColor(0x1b, 0x5e, 0x20));
    QTextCharFormat number;
    number.setForeground(QColor(0x0d, 0x47, 0xa1));
    QTextCharFormat literal;
    literal.setForeground(QColor(0xb7, 0x1c, 0x1c));
    for (auto it = m_token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart(1) >= 0)
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m.capturedStart(2) >= 0 ? key : string);
        else if (m.capturedStart(3) >= 0)
            setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), number);
        else
            setFormat(int(m.capturedStart(4)), int(m.capturedLength(4)), literal);
    }
}

} // namespace crosstalk::ui
