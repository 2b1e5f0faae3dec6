#include "PushInboxModel.h"

#include "TaskTimeline.h"

#include <QDateTime>
#include <QLocale>

namespace crosstalk::ui {

QString describeItem(const a2a::StreamItem &item)
{
    if (const auto *task = std::get_if<a2a::Task>(&item))
        return PushInboxModel::tr("task: %1").arg(TaskTimeline::stateLabel(task->status.state));
    if (const auto *status = std::get_if<a2a::StatusUpdate>(&item))
        return PushInboxModel::tr("status: %1").arg(TaskTimeline::stateLabel(status->status.state));
    if (const auto *chunk = std::get_if<a2a::ArtifactUpdate>(&item))
        return PushInboxModel::tr("artifact chunk: %1")
            .arg(TaskTimeline::plainLine(chunk->artifact.name.isEmpty() ? chunk->artifact.artifactId : chunk->artifact.name, 40));
    return PushInboxModel::tr("message");
}

PushInboxModel::PushInboxModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PushInboxModel::setReceiver(a2a::WebhookReceiver *receiver)
{
    beginResetModel();
    if (m_receiver)
        disconnect(m_receiver, nullptr, this, nullptr);
    m_receiver = receiver;
    m_rows.clear();
    if (receiver)
        m_rows.assign(receiver->inbox().begin(), receiver->inbox().end());
    endResetModel();
    if (receiver)
        connect(receiver, &a2a::WebhookReceiver::deliveryRecorded, this, &PushInboxModel::append);
}

void PushInboxModel::append(const a2a::PushDelivery &delivery)
{
    if (int(m_rows.size()) >= MaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(delivery);
    endInsertRows();
}

int PushInboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PushInboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PushInboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const a2a::PushDelivery &d = m_rows.at(std::size_t(index.row()));
    if (role == Qt::ToolTipRole && index.column() == ProblemColumn)
        return TaskTimeline::plainLine(d.problem);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(d.wallMs).time(), QStringLiteral("HH:mm:ss.zzz"));
    case StatusColumn:
        return d.duplicate ? tr("%1 (repeated)").arg(d.status) : QString::number(d.status);
    case TaskColumn:
        return TaskTimeline::plainLine(d.taskId, 64);
    case ItemColumn:
        return d.item ? describeItem(*d.item) : QString();
    case ProblemColumn:
        return TaskTimeline::plainLine(d.problem, 200);
    }
    return {};
}

QVariant PushInboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case StatusColumn:
        return tr("Answer");
    case TaskColumn:
        return tr("Task");
    case ItemColumn:
        return tr("Carried");
    case ProblemColumn:
        return tr("Problem");
    }
    return {};
}

} // namespace crosstalk::ui
