#pragma once

#include "workspace/McpConfig.h"

#include <QDialog>

class QTreeWidget;

namespace crosstalk::ui {

/// Shows what an MCP configuration file would add before anything is added:
/// each server with the exact command line it would run (its environment
/// and folder) or the URL it would reach, each with a box to leave it out,
/// and the notes on what could not be taken over. Peer-controlled text (the
/// file's names and commands) is shown as plain text, hidden characters
/// revealed.
class McpImportDialog : public QDialog
{
    Q_OBJECT

public:
    McpImportDialog(const QString &path, const workspace::mcp_config::Import &result, QWidget *parent = nullptr);

    /// The servers left checked.
    workspace::WorkspaceData chosen() const;
    QTreeWidget *serverList() const { return m_list; }

private:
    workspace::mcp_config::Import m_result;
    QTreeWidget *m_list = nullptr;
};

} // namespace crosstalk::ui
