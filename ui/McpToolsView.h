#pragma once

#include "mcp/McpCatalog.h"
#include "mcp/McpError.h"
#include "mcp/McpToolCall.h"
#include "schema/SchemaValidator.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace crosstalk::ui {

class McpResultView;
class McpToolFilterModel;
class McpToolListModel;
class SchemaForm;

/// Calling an MCP server's tools by hand: the tool list (search, title and
/// name, the annotations as the server's claims, a marker when the server
/// changed the list), the chosen tool's form made from its `inputSchema`,
/// Run (Ctrl+Enter; disabled while the arguments are invalid) and Cancel
/// with progress and the time taken, the result, and each tool's call
/// history (run again, copy as a crosstalk-cli command, copy the arguments).
class McpToolsView : public QWidget
{
    Q_OBJECT

public:
    /// Calls kept per tool in the history.
    static constexpr int MaxHistory = 100;
    /// About how much memory the results in every tool's history may take
    /// together; the oldest calls are let go first (the newest always stays).
    static constexpr qint64 DefaultHistoryBytes = qint64(256) * 1024 * 1024;
    /// How long a call may go without an answer or progress.
    static constexpr qint64 CallTimeoutMs = 5 * 60 * 1000;

    explicit McpToolsView(QWidget *parent = nullptr);
    ~McpToolsView() override;

    /// Shows the tools of a connected server (`catalog` null: not connected;
    /// the history stays with the server's id).
    void setServer(const workspace::Connection &server, mcp::McpSession *session, mcp::McpCatalog *catalog);
    /// Chooses a tool by name; false when the server has none by that name.
    bool selectTool(const QString &name);
    QString currentTool() const;
    /// The memory the history's results may take (DefaultHistoryBytes).
    void setMaxHistoryBytes(qint64 bytes);
    /// About how much memory the history's results take now.
    qint64 historyBytes() const { return m_historyBytes; }

    /// Calls the chosen tool with the form's arguments; false (nothing sent)
    /// when not connected, a call is running, or the arguments are invalid.
    bool run();
    void cancel();
    bool isRunning() const { return m_call != nullptr; }

    SchemaForm *form() const { return m_form; }
    McpResultView *resultView() const { return m_result; }
    McpToolListModel *toolModel() const { return m_model; }
    McpToolFilterModel *filterModel() const { return m_filter; }
    /// The crosstalk-cli command of the history's chosen call (or of the
    /// form's arguments when none is chosen).
    QString cliCommand() const;

signals:
    /// A resource link in a result was activated.
    void resourceRequested(const QString &uri);
    /// A call ended (for tests and the status bar).
    void callFinished(const QString &tool, const crosstalk::mcp::McpError &error);

private:
    struct Call
    {
        QString tool;
        QDateTime started;
        qint64 elapsedMs = 0;
        nlohmann::json arguments;
        mcp::McpError error;
        std::shared_ptr<const nlohmann::json> result; ///< shared with the result view, never copied
        nlohmann::json outputValid;
        QList<schema::SchemaProblem> outputProblems;
        quint64 order = 0;      ///< across every tool's history, oldest lowest
        qint64 resultBytes = 0; ///< about, in memory
    };

    void buildList();
    void buildDetail();
    void reloadTools();
    void showTool();
    void updateRunState();
    void onProgress(double progress, double total, const QString &message);
    void onFinished(const mcp::McpError &error);
    void tick();
    void refreshHistory();
    void trimHistory();
    const Call *chosenCall() const;
    void showCall(const Call &call);
    QString historyKey(const QString &tool) const;

    workspace::Connection m_server;
    QPointer<mcp::McpSession> m_session;
    QPointer<mcp::McpCatalog> m_catalog;
    McpToolListModel *m_model = nullptr;
    McpToolFilterModel *m_filter = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_changedLabel = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QWidget *m_detail = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_badgesLabel = nullptr;
    QLabel *m_hiddenLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_iconLabel = nullptr;
    SchemaForm *m_form = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QTabWidget *m_outputTabs = nullptr;
    McpResultView *m_result = nullptr;
    QTreeWidget *m_history = nullptr;
    QPushButton *m_rerunButton = nullptr;
    QPushButton *m_copyCliButton = nullptr;
    QPushButton *m_copyArgsButton = nullptr;
    QString m_tool;              // the tool shown
    QString m_resultTool;        // tool and server whose call the result view shows
    nlohmann::json m_shownSchema; // its inputSchema, to keep the form over a refresh
    QPointer<mcp::McpToolCall> m_call;
    Call m_running;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
    QString m_progressMessage;
    QHash<QString, QList<Call>> m_calls; // server id + tool → newest last
    quint64 m_nextOrder = 0;
    qint64 m_historyBytes = 0;
    qint64 m_maxHistoryBytes = DefaultHistoryBytes;
};

} // namespace crosstalk::ui
