#include "SearchWords.h"

#include <QListWidget>

namespace crosstalk::ui {

QStringList searchWords(const QString &typed)
{
    return typed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool containsAllWords(const QString &text, const QStringList &words)
{
    for (const QString &word : words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

void filterListItems(QListWidget *list, const QString &typed, const std::function<QString(const QListWidgetItem *)> &more)
{
    const QStringList words = searchWords(typed);
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        const QString text = more ? item->text() + QLatin1Char('\n') + more(item) : item->text();
        item->setHidden(!containsAllWords(text, words));
    }
}

} // namespace crosstalk::ui
