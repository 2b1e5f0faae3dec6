#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace crosstalk::ui {

/// Colours JSON text: member names, strings, numbers and literals.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_token;
};

} // namespace crosstalk::ui
