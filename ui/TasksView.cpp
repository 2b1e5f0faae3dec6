#include "TasksView.h"

#include "JsonHighlighter.h"
#include "PeerText.h"
#include "PushInboxModel.h"
#include "TaskListModel.h"
#include "TaskTimeline.h"
#include "a2a/Conversation.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace crosstalk::ui {

using a2a::TaskEvent;
using nlohmann::json;

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

json partsJson(const QList<a2a::Part> &parts)
{
    json out = json::array();
    for (const a2a::Part &part : parts) {
        json p;
        switch (part.kind) {
        case a2a::Part::Kind::Text:
            p["kind"] = "text";
            p["text"] = utf8(part.textString());
            break;
        case a2a::Part::Kind::File:
            p["kind"] = "file";
            p["name"] = utf8(part.name);
            p["mediaType"] = utf8(part.mediaType);
            if (!part.uri.isEmpty())
                p["uri"] = utf8(part.uri);
            else
                p["bytes"] = utf8(TasksView::tr("(%n base64 character(s))", nullptr, int(part.bytes.size())));
            break;
        case a2a::Part::Kind::Data:
            p["kind"] = "data";
            p["data"] = part.data;
            break;
        }
        out.push_back(std::move(p));
    }
    return out;
}

const char *kindName(TaskEvent::Kind kind)
{
    switch (kind) {
    case TaskEvent::Kind::Task:
        return "task";
    case TaskEvent::Kind::Status:
        return "status";
    case TaskEvent::Kind::Artifact:
        return "artifact";
    case TaskEvent::Kind::Message:
        return "message";
    case TaskEvent::Kind::Resubscribed:
        return "resubscribed";
    case TaskEvent::Kind::Polled:
        return "polled";
    case TaskEvent::Kind::Issue:
        return "issue";
    }
    return "";
}

} // namespace

TasksView::TasksView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TaskListModel(this))
    , m_pushModel(new PushInboxModel(this))
{
    setObjectName(QStringLiteral("tasksView"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("taskTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        const QString id = index.data(TaskListModel::TaskIdRole).toString();
        if (id == m_current)
            return;
        m_current = id;
        m_timeline->selectTask(id);
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TasksView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // A new task is chosen while nothing else is.
        if (m_current.isEmpty())
            m_table->selectRow(first);
    });

    m_timeline = new TaskTimeline(this);
    m_timeline->setObjectName(QStringLiteral("taskTimeline"));
    m_timeline->setFollowLive(true);
    connect(m_timeline, &TaskTimeline::taskSelected, this, &TasksView::selectTask);
    connect(m_timeline, &TaskTimeline::eventActivated, this, &TasksView::showTaskEvent);

    m_eventEdit = JsonHighlighter::makeViewer(this, QStringLiteral("taskEventEdit"));
    m_eventEdit->setPlaceholderText(tr("Click a marker or a segment on the timeline to see its event."));
    m_pushTable = new QTableView(this);
    m_pushTable->setObjectName(QStringLiteral("pushInboxTable"));
    m_pushTable->setModel(m_pushModel);
    m_pushTable->verticalHeader()->setVisible(false);
    m_pushTable->horizontalHeader()->setStretchLastSection(true);
    m_pushTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_pushModel, &QAbstractItemModel::rowsInserted, m_pushTable, &QTableView::scrollToBottom);
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("taskDetails"));
    m_details->addTab(m_eventEdit, tr("Event"));
    m_details->addTab(m_pushTable, tr("Push Inbox"));
    connect(m_pushModel, &QAbstractItemModel::rowsInserted, this, [this] {
        m_details->setTabText(1, tr("Push Inbox (%1)").arg(m_pushModel->rowCount()));
    });

    const auto button = [this](const char *name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        return b;
    };
    m_refreshButton = button("refreshTaskButton", tr("Refresh"), tr("Ask the agent for the task as it is now (GetTask)"));
    m_cancelButton = button("cancelTaskButton", tr("Cancel Task"), tr("Ask the agent to cancel the task (CancelTask)"));
    m_resubscribeButton = button("resubscribeTaskButton", tr("Resubscribe"),
                                 tr("Follow the task on a new stream (SubscribeToTask), or by polling"));
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        if (m_conversation)
            m_conversation->refresh(m_current);
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_conversation)
            m_conversation->cancel(m_current);
    });
    connect(m_resubscribeButton, &QPushButton::clicked, this, [this] {
        if (m_conversation)
            m_conversation->resubscribe(m_current);
    });
    m_followButton = new QToolButton(this);
    m_followButton->setObjectName(QStringLiteral("followLiveButton"));
    m_followButton->setText(tr("Follow Live"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(tr("Keep now at the right edge of the timeline (F)"));
    connect(m_followButton, &QToolButton::toggled, m_timeline, &TaskTimeline::setFollowLive);
    connect(m_timeline, &TaskTimeline::followLiveChanged, m_followButton, &QToolButton::setChecked);
    m_fitButton = new QToolButton(this);
    m_fitButton->setObjectName(QStringLiteral("fitTimelineButton"));
    m_fitButton->setText(tr("Fit All"));
    m_fitButton->setToolTip(tr("Show every event of every task (Home)"));
    connect(m_fitButton, &QToolButton::clicked, m_timeline, &TaskTimeline::fitAll);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("tasksStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_refreshButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_resubscribeButton);
    bar->addWidget(m_statusLabel, 1);
    bar->addWidget(m_followButton);
    bar->addWidget(m_fitButton);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_timeline);
    right->addWidget(m_details);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("tasksSplitter"));
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({460, 1000});
    // Small windows are allowed: each pane may shrink and scroll.
    m_table->setMinimumSize(120, 60);
    m_timeline->setMinimumSize(200, 100);
    m_details->setMinimumSize(200, 60);
    right->setSizes({320, 220});
    m_table->setColumnWidth(TaskListModel::IdColumn, 130);
    m_table->setColumnWidth(TaskListModel::ContextColumn, 90);
    m_table->setColumnWidth(TaskListModel::StateColumn, 110);
    m_table->setColumnWidth(TaskListModel::UpdatedColumn, 90);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    updateActions();
}

void TasksView::setConversation(a2a::Conversation *conversation)
{
    if (m_conversation)
        disconnect(m_conversation, nullptr, this, nullptr);
    m_conversation = conversation;
    m_current.clear();
    m_timeline->clear();
    m_model->setConversation(conversation);
    m_eventEdit->clear();
    m_statusLabel->clear();
    if (conversation) {
        for (a2a::TaskTracker *tracker : conversation->tasks())
            m_timeline->addTask(tracker);
        connect(conversation, &a2a::Conversation::taskAdded, m_timeline, &TaskTimeline::addTask);
        connect(conversation, &a2a::Conversation::operationFailed, this, [this](const QString &taskId, const QString &what) {
            m_statusLabel->setText(tr("Task %1: %2").arg(TaskTimeline::plainLine(taskId, 24), revealHiddenCharacters(what)));
        });
        connect(conversation, &a2a::Conversation::stateChanged, this, &TasksView::updateActions);
    }
    updateActions();
}

void TasksView::setPushReceiver(a2a::WebhookReceiver *receiver)
{
    m_pushModel->setReceiver(receiver);
    m_details->setTabText(1, tr("Push Inbox (%1)").arg(m_pushModel->rowCount()));
}

void TasksView::selectTask(const QString &taskId)
{
    const int row = m_model->rowOf(taskId);
    if (row >= 0 && m_table->currentIndex().row() != row)
        m_table->selectRow(row);
}

void TasksView::updateActions()
{
    const a2a::TaskTracker *tracker = m_conversation ? m_conversation->task(m_current) : nullptr;
    m_refreshButton->setEnabled(tracker);
    m_resubscribeButton->setEnabled(tracker);
    m_cancelButton->setEnabled(tracker && !tracker->isTerminal());
}

QString TasksView::eventText() const
{
    return m_eventEdit->toPlainText();
}

void TasksView::showTaskEvent(const QString &taskId, int eventIndex)
{
    selectTask(taskId);
    const a2a::TaskTracker *tracker = m_conversation ? m_conversation->task(taskId) : nullptr;
    if (!tracker || eventIndex < 0 || eventIndex >= tracker->events().size())
        return;
    const TaskEvent &event = tracker->events().at(eventIndex);
    json out;
    out["event"] = eventIndex;
    out["kind"] = kindName(event.kind);
    out["source"] = utf8(a2a::eventSourceName(event.source));
    out["time"] = utf8(QDateTime::fromMSecsSinceEpoch(event.wallMs).toString(Qt::ISODateWithMs));
    out["state"] = utf8(a2a::taskStateName(event.state));
    if (!event.note.isEmpty())
        out["note"] = utf8(event.note);
    if (event.message) {
        json message;
        message["messageId"] = utf8(event.message->messageId);
        message["role"] = event.message->role == a2a::Role::User ? "user" : "agent";
        message["parts"] = partsJson(event.message->parts);
        out["message"] = std::move(message);
    }
    if (event.kind == TaskEvent::Kind::Artifact) {
        json chunk;
        chunk["artifactId"] = utf8(event.artifactId);
        chunk["append"] = event.append;
        chunk["lastChunk"] = event.lastChunk;
        chunk["parts"] = partsJson(tracker->chunkParts(event));
        out["artifactChunk"] = std::move(chunk);
    }
    const std::string text = out.dump(2, ' ', false, json::error_handler_t::replace);
    m_eventEdit->setPlainText(revealHiddenCharacters(QString::fromStdString(text)));
    m_details->setCurrentIndex(0);
}

} // namespace crosstalk::ui
