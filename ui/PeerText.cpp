#include "PeerText.h"

#include "util/HiddenText.h"

#include <QLabel>

namespace crosstalk::ui {

void setPeerText(QLabel *label, const QString &text)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(revealHiddenCharacters(text));
}

QString escapeForRichText(const QString &text)
{
    return text.toHtmlEscaped();
}

QString peerToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + revealHiddenCharacters(text).toHtmlEscaped()
        + QStringLiteral("</p>");
}

QString revealHiddenCharacters(const QString &text)
{
    return crosstalk::revealHiddenCharacters(text);
}

bool hasHiddenCharacters(const QString &text)
{
    return crosstalk::hasHiddenCharacters(text);
}

QLabel *makePlainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *makeHeadingLabel(QWidget *parent, const QString &objectName, qreal scale)
{
    QLabel *label = makePlainLabel(parent, objectName);
    QFont font = label->font();
    font.setBold(true);
    if (scale != 1.0)
        font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

} // namespace crosstalk::ui
