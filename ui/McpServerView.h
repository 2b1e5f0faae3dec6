#pragma once

#include "workspace/Workspace.h"

#include <QPointer>
#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace crosstalk::workspace {
class ConnectionStates;
class McpSessions;
}

namespace crosstalk::ui {

class AuthStepsView;
class McpPromptsView;
class McpRequestHandler;
class McpResourcesView;
class McpToolsView;

/// One MCP server: connect and disconnect it, and what it is (server info,
/// era, negotiated version, transport, capabilities, instructions as plain
/// text, and for stdio the server's stderr), its tools, and its log and
/// notifications. A stdio server's exact command line (with its
/// environment and working directory) is shown and confirmed before it is
/// run the first time in a session of the app.
class McpServerView : public QWidget
{
    Q_OBJECT

public:
    /// Asks a person whether to run a command: `details` says exactly what
    /// runs; `answer` is called once, now or later.
    using Confirmation = std::function<void(QWidget *parent, const QString &details, std::function<void(bool)> answer)>;
    /// Log rows shown; older ones are dropped from the view.
    static constexpr int MaxLogRows = 5000;

    /// `requests` (may be null) keeps the roots the Roots tab edits.
    McpServerView(workspace::Workspace *workspace, workspace::ConnectionStates *states, workspace::McpSessions *sessions,
                  McpRequestHandler *requests, QWidget *parent = nullptr);
    ~McpServerView() override;

    /// Shows a server of the workspace.
    void setServer(const QString &id);
    QString serverId() const { return m_id; }
    /// Connects, asking first when the command was not confirmed yet.
    void connectServer();
    void disconnectServer();
    /// Replaces the question asked before running a command (tests answer it).
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }
    /// What is shown and confirmed before the server's command runs.
    QString commandDetails() const;
    /// The same for any stdio server (empty for a URL server): the command
    /// line, its folder and its environment, secrets as "(secret)".
    static QString commandDetails(const workspace::Connection &server);

    /// Reads a resource of the server (a link in a result was activated)
    /// and shows it in a window of its own; null when not connected.
    QWidget *readResource(const QString &uri);

    QTabWidget *tabs() const { return m_tabs; }
    McpToolsView *toolsView() const { return m_tools; }
    McpResourcesView *resourcesView() const { return m_resources; }
    McpPromptsView *promptsView() const { return m_prompts; }
    QPlainTextEdit *stderrConsole() const { return m_stderr; }
    /// The Authorization tab: the server's OAuth state and the steps of its last flow.
    QWidget *authorizationPage() const { return m_authPage; }
    AuthStepsView *authStepsView() const { return m_authSteps; }
    /// What the Authorization tab says of the server's sign-in.
    QString authorizationText() const;

private:
    void buildOverview();
    void buildLog();
    void buildRoots();
    void buildAuthorization();
    void refreshAuthorization();
    /// The header's state: connected or not and why, or signing in.
    void refreshState();
    void refresh();
    void refreshLog();
    void appendLogRow(const QDateTime &time, const QString &level, const QString &source, const QString &text);
    void startConnecting();

    QPointer<workspace::Workspace> m_workspace;
    QPointer<workspace::ConnectionStates> m_states;
    QPointer<workspace::McpSessions> m_sessions;
    QPointer<McpRequestHandler> m_requests;
    QString m_id;
    QSet<QString> m_confirmed; // command details confirmed in this run
    Confirmation m_confirm;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QLabel *m_targetLabel = nullptr;
    QLabel *m_serverInfoLabel = nullptr;
    QLabel *m_eraLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_transportLabel = nullptr;
    QLabel *m_capabilitiesLabel = nullptr;
    QPlainTextEdit *m_instructions = nullptr;
    QWidget *m_stderrBox = nullptr;
    QPlainTextEdit *m_stderr = nullptr;
    QLabel *m_stderrDropped = nullptr;
    McpToolsView *m_tools = nullptr;
    McpResourcesView *m_resources = nullptr;
    McpPromptsView *m_prompts = nullptr;
    QComboBox *m_levelCombo = nullptr;
    QTreeWidget *m_log = nullptr;
    QListWidget *m_roots = nullptr;
    QWidget *m_authPage = nullptr;
    QLabel *m_authState = nullptr;
    QLabel *m_authKeychain = nullptr;
    QPushButton *m_authSignIn = nullptr;
    QPushButton *m_authSignOut = nullptr;
    AuthStepsView *m_authSteps = nullptr;
    QPointer<QObject> m_shownAuthorizer; // whose steps are on show
    QHash<QString, QString> m_authErrors; // the last failed sign-in's reason, per server
};

} // namespace crosstalk::ui
