#include "JsonTree.h"

#include "PeerText.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace crosstalk::ui {

using nlohmann::json;

void JsonTree::addItems(QTreeWidgetItem *parent, const json &value, int &budget)
{
    for (auto it = value.begin(); it != value.end() && budget > 0; ++it) {
        --budget;
        const QString key = value.is_object() ? QString::fromStdString(it.key()) : QString::number(it - value.begin());
        const json &child = it.value();
        QString shown;
        if (child.is_object())
            shown = tr("{%n member(s)}", nullptr, int(child.size()));
        else if (child.is_array())
            shown = tr("[%n item(s)]", nullptr, int(child.size()));
        else
            shown = QString::fromStdString(child.dump(-1, ' ', false, json::error_handler_t::replace)).left(2000);
        auto *item = new QTreeWidgetItem(parent, {revealHiddenCharacters(key), revealHiddenCharacters(shown)});
        if (child.is_structured())
            addItems(item, child, budget);
    }
}

QTreeWidget *JsonTree::make(QWidget *parent, const QString &objectName)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setHeaderLabels({tr("Member"), tr("Value")});
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    return tree;
}

void JsonTree::show(QTreeWidget *tree, const json &value)
{
    tree->clear();
    int budget = MaxItems;
    auto *root = new QTreeWidgetItem(tree, {QStringLiteral("$"), QString()});
    if (value.is_structured())
        addItems(root, value, budget);
    else
        root->setText(1, revealHiddenCharacters(QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace)).left(2000)));
    tree->expandToDepth(1);
}

} // namespace crosstalk::ui
