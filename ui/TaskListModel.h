#pragma once

#include "a2a/TaskTracker.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace crosstalk::a2a {
class Conversation;
}

namespace crosstalk::ui {

/// The tasks of one agent's conversation: id, context, state, last update and
/// number of artifacts, one row per task in the order they appeared. A busy
/// stream's updates are gathered and reported once per RefreshMs.
class TaskListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, ContextColumn, StateColumn, UpdatedColumn, ArtifactsColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, StateRole };
    static constexpr int RefreshMs = 100;

    explicit TaskListModel(QObject *parent = nullptr);

    void setConversation(a2a::Conversation *conversation);
    a2a::TaskTracker *tracker(int row) const;
    int rowOf(const QString &taskId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void append(a2a::TaskTracker *tracker);
    void flush();

    QPointer<a2a::Conversation> m_conversation;
    QList<QPointer<a2a::TaskTracker>> m_rows;
    QSet<int> m_dirty;
    QTimer m_timer;
};

} // namespace crosstalk::ui
