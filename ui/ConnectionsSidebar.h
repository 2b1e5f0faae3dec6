#pragma once

#include <QPointer>
#include <QWidget>

class QTreeView;
class QToolButton;

namespace crosstalk::workspace {
class ConnectionStates;
class Workspace;
}

namespace crosstalk::ui {

class AddAgentDialog;
class McpServerDialog;
class WorkspaceModel;

/// The sidebar: the workspace's agents and MCP servers with their live
/// state, and the actions on them (add an agent, refresh, remove).
class ConnectionsSidebar : public QWidget
{
    Q_OBJECT

public:
    ConnectionsSidebar(workspace::Workspace *workspace, workspace::ConnectionStates *states, QWidget *parent = nullptr);

    WorkspaceModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// The selected connection's id (empty when none).
    QString currentId() const;
    /// Makes a connection the current one; false when there is none by that id.
    bool select(const QString &id);

public slots:
    /// Opens the dialog that adds an agent by URL (not modal to the app's
    /// event loop: it is shown, and its answer arrives later).
    void addAgent();
    /// Opens the dialog that adds an MCP server (a command or a URL).
    void addMcpServer();
    /// Opens the chosen MCP server in the same dialog, to change it.
    void editCurrent();
    void refreshCurrent();
    void removeCurrent();

signals:
    void currentChanged(const QString &id);

private:
    void showContextMenu(const QPoint &pos);

    QPointer<workspace::Workspace> m_workspace;
    QPointer<workspace::ConnectionStates> m_states;
    WorkspaceModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QToolButton *m_addButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QPointer<AddAgentDialog> m_addDialog;
    QPointer<McpServerDialog> m_serverDialog;
};

} // namespace crosstalk::ui
