#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

class QPlainTextEdit;
class QWidget;

namespace crosstalk::ui {

/// Colours JSON text: member names, strings, numbers and literals.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

    /// A read-only, unwrapped, fixed-width text view with JSON highlighted.
    static QPlainTextEdit *makeViewer(QWidget *parent, const QString &objectName);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_token;
};

} // namespace crosstalk::ui
