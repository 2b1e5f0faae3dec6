#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QListWidget;
class QListWidgetItem;

namespace crosstalk::ui {

/// The search boxes of the MCP lists: what is typed is split into words,
/// and an entry matches when every word appears in it, ignoring case.
QStringList searchWords(const QString &typed);
bool containsAllWords(const QString &text, const QStringList &words);

/// Hides the items of `list` that do not match `typed` in their text, or in
/// what `more` gives for them (a URI, a description).
void filterListItems(QListWidget *list, const QString &typed,
                     const std::function<QString(const QListWidgetItem *)> &more = {});

} // namespace crosstalk::ui
