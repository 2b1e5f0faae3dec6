#pragma once

#include "a2a/WebhookReceiver.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <deque>

namespace crosstalk::ui {

/// The push notifications the local webhook received, newest last: when,
/// the answer given, the task, what it carried, and why a delivery was
/// refused. Bounded like the receiver's own inbox (the oldest row goes).
class PushInboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, StatusColumn, TaskColumn, ItemColumn, ProblemColumn, ColumnCount };
    static constexpr int MaxRows = a2a::WebhookReceiver::MaxInbox;

    explicit PushInboxModel(QObject *parent = nullptr);

    void setReceiver(a2a::WebhookReceiver *receiver);
    const a2a::PushDelivery &delivery(int row) const { return m_rows.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void append(const a2a::PushDelivery &delivery);

    QPointer<a2a::WebhookReceiver> m_receiver;
    std::deque<a2a::PushDelivery> m_rows;
};

/// What a pushed item is, for people: "status: working", "artifact chunk", …
QString describeItem(const a2a::StreamItem &item);

} // namespace crosstalk::ui
