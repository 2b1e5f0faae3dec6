#pragma once

#include "workspace/Workspace.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;

namespace crosstalk::ui {

/// Adds or edits an MCP server: a command to run over stdio (the command
/// line as one would type it in a shell, the working directory and the
/// environment) or a URL (Streamable HTTP, HTTP+SSE or either; headers;
/// whether to sign in with OAuth when the server asks, and a client ID
/// registered by hand),
/// and the era to speak. Checked as it is typed; OK only when usable.
/// Values whose names say they are secrets (or that are marked secret) are
/// masked, and the workspace file keeps only their names.
class McpServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit McpServerDialog(QWidget *parent = nullptr);

    /// Fills the dialog from a saved server (its id and kind are kept).
    void setConnection(const workspace::Connection &connection);
    /// The server as typed; check problem() first.
    workspace::Connection connection() const;
    /// Why the server as typed cannot be used (empty when it can).
    QString problem() const;

private:
    QTableWidget *makeTable(const QString &objectName, const QString &nameHeader);
    void addRow(QTableWidget *table, const workspace::NamedValue &value);
    QList<workspace::NamedValue> valuesOf(const QTableWidget *table) const;
    void check();

    workspace::Connection m_base;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_commandEdit = nullptr;
    QLineEdit *m_directoryEdit = nullptr;
    QTableWidget *m_envTable = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QComboBox *m_transportCombo = nullptr;
    QTableWidget *m_headerTable = nullptr;
    QCheckBox *m_oauthCheck = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QComboBox *m_eraCombo = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace crosstalk::ui
