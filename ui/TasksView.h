#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QToolButton;

namespace crosstalk::a2a {
class Conversation;
class TaskTracker;
class WebhookReceiver;
}

namespace crosstalk::ui {

class PushInboxModel;
class TaskListModel;
class TaskTimeline;

/// An agent's tasks: the list (id, context, state, last update, artifacts)
/// beside the live timeline, the full event a click on the timeline chose,
/// the push-notification inbox, and the actions on the chosen task: refresh
/// (GetTask), cancel, subscribe again.
class TasksView : public QWidget
{
    Q_OBJECT

public:
    explicit TasksView(QWidget *parent = nullptr);

    void setConversation(a2a::Conversation *conversation);
    void setPushReceiver(a2a::WebhookReceiver *receiver);

    TaskTimeline *timeline() const { return m_timeline; }
    QTableView *taskTable() const { return m_table; }
    TaskListModel *taskModel() const { return m_model; }
    PushInboxModel *pushModel() const { return m_pushModel; }
    QString currentTaskId() const { return m_current; }
    void selectTask(const QString &taskId);
    /// The event on show in the details, as text.
    QString eventText() const;

private:
    void updateActions();
    void showTaskEvent(const QString &taskId, int eventIndex);

    QPointer<a2a::Conversation> m_conversation;
    TaskListModel *m_model;
    PushInboxModel *m_pushModel;
    QTableView *m_table = nullptr;
    TaskTimeline *m_timeline = nullptr;
    QTabWidget *m_details = nullptr;
    QPlainTextEdit *m_eventEdit = nullptr;
    QTableView *m_pushTable = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_resubscribeButton = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_fitButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QString m_current;
};

} // namespace crosstalk::ui
