#pragma once

#include "workspace/McpConfig.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace crosstalk::workspace {

/// Keeps a Workspace in its file: reads it at start, saves it soon after
/// every change, imports and exports other files. The reading, parsing and
/// writing happen on a worker thread, never on the caller's; writes go
/// through QSaveFile, so a crash while saving leaves the previous file
/// whole. Destroying the store finishes a pending save first.
class WorkspaceStore : public QObject
{
    Q_OBJECT

public:
    /// Saves `workspace` to `path`. The workspace must outlive the store.
    WorkspaceStore(Workspace *workspace, QString path, QObject *parent = nullptr);
    ~WorkspaceStore() override;

    /// The file in the platform's application-data folder.
    static QString defaultPath();
    const QString &path() const { return m_path; }

    /// Reads the file into the workspace; loaded() follows. A file that does
    /// not exist yet is an empty workspace, not an error. Saving starts only
    /// after loading, so an unreadable file is never overwritten.
    void load();
    /// Reads another workspace file; imported() follows with its
    /// connections (the caller merges them).
    void importFrom(const QString &path);
    /// Writes the workspace to another file; exported() follows.
    void exportTo(const QString &path);
    /// Reads another tool's MCP configuration (Claude Desktop, VS Code,
    /// Cursor, a registry server.json); mcpConfigImported() follows. Nothing
    /// is added to the workspace: the person reviews it first.
    void importMcpConfig(const QString &path);
    /// Writes the workspace's MCP servers as `mcpServers` (no secret);
    /// mcpServersExported() follows with what was left out.
    void exportMcpServers(const QString &path);
    /// Milliseconds from a change to its save.
    void setSaveDelay(int ms) { m_saveTimer.setInterval(ms); }
    /// Whether every change has reached the file.
    bool isSaved() const { return !m_saveTimer.isActive() && !m_saving && !m_dirtyWhileSaving; }

signals:
    /// `error` is empty on success; on failure the workspace stays empty and
    /// is not saved over the file.
    void loaded(const QString &error);
    void saved(const QString &error);
    void imported(const crosstalk::workspace::WorkspaceData &data, const QString &error);
    void exported(const QString &path, const QString &error);
    void mcpConfigImported(const QString &path, const crosstalk::workspace::mcp_config::Import &result, const QString &error);
    void mcpServersExported(const QString &path, const QStringList &omitted, const QString &error);

private:
    void scheduleSave();
    void save();

    QPointer<Workspace> m_workspace;
    QString m_path;
    QThreadPool m_pool;
    QTimer m_saveTimer;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_saving = false;
    bool m_dirtyWhileSaving = false;
};

} // namespace crosstalk::workspace
