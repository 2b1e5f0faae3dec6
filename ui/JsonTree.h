#pragma once

#include <QCoreApplication>

#include <nlohmann/json.hpp>

class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace crosstalk::ui {

/// A JSON value as a tree of members and values, for peer JSON: every key and
/// value is shown as plain text with hidden characters revealed, and the tree
/// is bounded in items.
class JsonTree
{
    Q_DECLARE_TR_FUNCTIONS(JsonTree)

public:
    static constexpr int MaxItems = 20000;

    /// Adds the members of `value` under `parent`, at most `budget` items
    /// (the budget is spent as they are added).
    static void addItems(QTreeWidgetItem *parent, const nlohmann::json &value, int &budget);
    /// A two-column tree (member, value) showing `value` under a root "$".
    static QTreeWidget *make(QWidget *parent, const QString &objectName);
    static void show(QTreeWidget *tree, const nlohmann::json &value);
};

} // namespace crosstalk::ui
