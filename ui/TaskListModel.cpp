#include "TaskListModel.h"

#include "TaskTimeline.h"
#include "a2a/Conversation.h"

#include <QDateTime>
#include <QLocale>

namespace crosstalk::ui {

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setObjectName(QStringLiteral("taskListRefresh"));
    m_timer.setSingleShot(true);
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &TaskListModel::flush);
}

void TaskListModel::setConversation(a2a::Conversation *conversation)
{
    beginResetModel();
    if (m_conversation)
        disconnect(m_conversation, nullptr, this, nullptr);
    for (const auto &tracker : std::as_const(m_rows)) {
        if (tracker)
            disconnect(tracker, nullptr, this, nullptr);
    }
    m_rows.clear();
    m_dirty.clear();
    m_conversation = conversation;
    endResetModel();
    if (!conversation)
        return;
    for (a2a::TaskTracker *tracker : conversation->tasks())
        append(tracker);
    connect(conversation, &a2a::Conversation::taskAdded, this, &TaskListModel::append);
}

void TaskListModel::append(a2a::TaskTracker *tracker)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(tracker);
    endInsertRows();
    // Rows are only ever appended (a reset disconnects): the row stays.
    const auto touch = [this, row] {
        m_dirty.insert(row);
        if (!m_timer.isActive())
            m_timer.start();
    };
    connect(tracker, &a2a::TaskTracker::eventAdded, this, touch);
    connect(tracker, &a2a::TaskTracker::artifactChanged, this, touch);
}

void TaskListModel::flush()
{
    if (m_dirty.isEmpty())
        return;
    int first = int(m_rows.size());
    int last = -1;
    for (int row : std::as_const(m_dirty)) {
        first = qMin(first, row);
        last = qMax(last, row);
    }
    m_dirty.clear();
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

a2a::TaskTracker *TaskListModel::tracker(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).data() : nullptr;
}

int TaskListModel::rowOf(const QString &taskId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i) && m_rows.at(i)->taskId() == taskId)
            return i;
    }
    return -1;
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const a2a::TaskTracker *t = tracker(index.row());
    if (!t)
        return role == Qt::DisplayRole && index.column() == IdColumn ? tr("(gone)") : QVariant();
    switch (role) {
    case TaskIdRole:
        return t->taskId();
    case StateRole:
        return int(t->state());
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(TaskTimeline::stateColor(t->state())) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return TaskTimeline::plainLine(t->taskId());
        if (index.column() == ContextColumn)
            return TaskTimeline::plainLine(t->contextId());
        if (index.column() == StateColumn && !t->issues().isEmpty())
            return tr("Protocol issues:\n%1").arg(TaskTimeline::plainLine(t->issues().join(u'\n')));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == ArtifactsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return TaskTimeline::plainLine(t->taskId(), 64);
        case ContextColumn:
            return TaskTimeline::plainLine(t->contextId(), 64);
        case StateColumn:
            return t->issues().isEmpty() ? TaskTimeline::stateLabel(t->state())
                                         : tr("%1 (%n issue(s))", nullptr, int(t->issues().size()))
                                               .arg(TaskTimeline::stateLabel(t->state()));
        case UpdatedColumn:
            return t->events().isEmpty()
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(t->events().last().wallMs).time(),
                                     QStringLiteral("HH:mm:ss.zzz"));
        case ArtifactsColumn:
            return int(t->artifacts().size());
        }
        return {};
    default:
        return {};
    }
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Task");
    case ContextColumn:
        return tr("Context");
    case StateColumn:
        return tr("State");
    case UpdatedColumn:
        return tr("Last update");
    case ArtifactsColumn:
        return tr("Artifacts");
    }
    return {};
}

} // namespace crosstalk::ui
