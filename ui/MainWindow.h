#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QWidget;

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::auth {
class CredentialStore;
}

namespace crosstalk::workspace {
class AgentSessions;
class ConnectionStates;
class McpSessions;
class Workspace;
class WorkspaceStore;
}

namespace crosstalk::ui {

class AboutDialog;
class AgentCardView;
class ConnectionsSidebar;
class ConversationView;
class McpRequestHandler;
class McpServerView;
class SignInDialog;
class TasksView;
class TrafficInspector;

/// What the main window shows and acts on, made by the composition root.
struct WorkspaceServices
{
    workspace::Workspace *workspace = nullptr;
    workspace::ConnectionStates *states = nullptr;
    /// Saves, imports and exports; may be null (nothing is saved then).
    workspace::WorkspaceStore *store = nullptr;
    /// Every exchange of every connection; may be null (no inspector then).
    traffic::TrafficLog *traffic = nullptr;
    /// Each agent's conversation and tasks; may be null (the card alone then).
    workspace::AgentSessions *sessions = nullptr;
    /// Each MCP server's connection; may be null (no MCP views then).
    workspace::McpSessions *mcp = nullptr;
    /// Answers the servers' requests with dialogs, and keeps the roots; may
    /// be null (no roots editor then).
    McpRequestHandler *requests = nullptr;
    /// Where sign-ins keep what they get; may be null (kept for the sign-in only).
    auth::CredentialStore *credentials = nullptr;
};

/// Crosstalk's main window. It arranges the views and owns the menus; it holds
/// no protocol or connection logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const WorkspaceServices &services, QWidget *parent = nullptr);

    ConnectionsSidebar *sidebar() const { return m_sidebar; }
    AgentCardView *cardView() const { return m_cardView; }
    ConversationView *conversationView() const { return m_conversationView; }
    TasksView *tasksView() const { return m_tasksView; }
    /// The agent's tabs: card, conversation, tasks.
    QTabWidget *agentTabs() const { return m_agentTabs; }
    TrafficInspector *trafficInspector() const { return m_traffic; }
    /// The chosen MCP server's views (null without McpSessions).
    McpServerView *serverView() const { return m_serverView; }
    /// The sign-in dialog open for an agent, if any.
    SignInDialog *signInDialog() const;
    /// Opens the sign-in for the agent on show (its card's schemes).
    void openSignIn();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createPlaceholder();
    void createSidebar();
    void updatePlaceholder();
    /// Shows what the sidebar's current connection has to show.
    void showCurrent();
    void importWorkspace();
    void exportWorkspace();
    void importMcpServers();
    void exportMcpServers();
    void showAboutDialog();
    void createAgentTabs();
    void confirmLink(const QUrl &url);
    void restoreWindowSettings();
    void saveWindowSettings() const;

    WorkspaceServices m_services;
    ConnectionsSidebar *m_sidebar = nullptr;
    QDockWidget *m_sidebarDock = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholder = nullptr;
    AgentCardView *m_cardView = nullptr;
    QTabWidget *m_agentTabs = nullptr;
    ConversationView *m_conversationView = nullptr;
    TasksView *m_tasksView = nullptr;
    McpServerView *m_serverView = nullptr;
    TrafficInspector *m_traffic = nullptr;
    QDockWidget *m_trafficDock = nullptr;
    QByteArray m_shownCard; // the card bytes on show, to rebuild only on a change
    QLabel *m_placeholderTitle = nullptr;
    QLabel *m_placeholderText = nullptr;
    QAction *m_addAgentAction = nullptr;
    QAction *m_addServerAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importServersAction = nullptr;
    QAction *m_exportServersAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
    QPointer<SignInDialog> m_signInDialog;
};

} // namespace crosstalk::ui
