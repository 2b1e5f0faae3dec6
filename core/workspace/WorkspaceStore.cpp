#include "workspace/WorkspaceStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace crosstalk::workspace {

namespace {

struct ReadResult
{
    std::optional<WorkspaceData> data;
    QString error;
    bool missing = false;
};

/// At most `limit` + 1 bytes of a file (one past the limit tells a file
/// that is too large), or the reason it could not be read.
std::optional<QByteArray> readBytes(const QString &path, qsizetype limit, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = QCoreApplication::translate("crosstalk::workspace::WorkspaceStore", "%1 does not exist.")
                     .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("crosstalk::workspace::WorkspaceStore", "%1 could not be read: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return file.read(limit + 1);
}

ReadResult readFile(const QString &path)
{
    ReadResult r;
    if (!QFile::exists(path)) {
        r.missing = true;
        return r;
    }
    const std::optional<QByteArray> bytes = readBytes(path, workspace_file::MaxBytes, &r.error);
    if (!bytes)
        return r;
    QString why;
    r.data = workspace_file::parse(*bytes, &why);
    if (!r.data)
        r.error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why);
    return r;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return QCoreApplication::translate("crosstalk::workspace::WorkspaceStore", "%1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace

WorkspaceStore::WorkspaceStore(Workspace *workspace, QString path, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_path(std::move(path))
{
    m_pool.setMaxThreadCount(1); // one file operation at a time, in order
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(250);
    connect(&m_saveTimer, &QTimer::timeout, this, &WorkspaceStore::save);
    connect(workspace, &Workspace::changed, this, &WorkspaceStore::scheduleSave);
}

WorkspaceStore::~WorkspaceStore()
{
    // A change not saved yet is saved now: quitting loses nothing.
    if (m_saveTimer.isActive() || m_dirtyWhileSaving) {
        m_saveTimer.stop();
        if (m_workspace && m_loaded) {
            const QByteArray bytes = workspace_file::serialize(m_workspace->data());
            const QString path = m_path;
            m_pool.start([path, bytes] { writeFile(path, bytes); });
        }
    }
    m_pool.waitForDone();
}

QString WorkspaceStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace.json");
}

void WorkspaceStore::load()
{
    m_loading = true;
    const QString path = m_path;
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path] {
        ReadResult r = readFile(path);
        QMetaObject::invokeMethod(
            self,
            [self, r = std::move(r)]() mutable {
                if (!self)
                    return;
                self->m_loading = false;
                if (!r.error.isEmpty()) {
                    emit self->loaded(r.error);
                    return;
                }
                self->m_loaded = true;
                if (self->m_workspace)
                    self->m_workspace->reset(r.data.value_or(WorkspaceData()));
                self->m_saveTimer.stop(); // what was just read needs no saving
                emit self->loaded(QString());
            },
            Qt::QueuedConnection);
    });
}

void WorkspaceStore::importFrom(const QString &path)
{
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path] {
        ReadResult r = readFile(path);
        if (r.missing)
            r.error = QCoreApplication::translate("crosstalk::workspace::WorkspaceStore", "%1 does not exist.")
                          .arg(QDir::toNativeSeparators(path));
        QMetaObject::invokeMethod(
            self,
            [self, r = std::move(r)] {
                if (self)
                    emit self->imported(r.data.value_or(WorkspaceData()), r.error);
            },
            Qt::QueuedConnection);
    });
}

void WorkspaceStore::exportTo(const QString &path)
{
    if (!m_workspace)
        return;
    const QByteArray bytes = workspace_file::serialize(m_workspace->data());
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path, bytes] {
        const QString error = writeFile(path, bytes);
        QMetaObject::invokeMethod(
            self,
            [self, path, error] {
                if (self)
                    emit self->exported(path, error);
            },
            Qt::QueuedConnection);
    });
}

void WorkspaceStore::importMcpConfig(const QString &path)
{
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path] {
        QString error;
        std::optional<mcp_config::Import> result;
        if (const auto bytes = readBytes(path, workspace_file::MaxBytes, &error)) {
            result = mcp_config::parse(*bytes, mcp_config::Format::Auto, &error, path);
            if (!result)
                error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), error);
        }
        QMetaObject::invokeMethod(
            self,
            [self, path, result = std::move(result), error] {
                if (self)
                    emit self->mcpConfigImported(path, result.value_or(mcp_config::Import()), error);
            },
            Qt::QueuedConnection);
    });
}

void WorkspaceStore::exportMcpServers(const QString &path)
{
    if (!m_workspace)
        return;
    QStringList omitted;
    const QByteArray bytes = mcp_config::exportMcpServers(m_workspace->data(), &omitted);
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path, bytes, omitted] {
        const QString error = writeFile(path, bytes);
        QMetaObject::invokeMethod(
            self,
            [self, path, omitted, error] {
                if (self)
                    emit self->mcpServersExported(path, omitted, error);
            },
            Qt::QueuedConnection);
    });
}

void WorkspaceStore::scheduleSave()
{
    if (!m_loaded)
        return; // never over a file that was not read
    if (m_saving) {
        m_dirtyWhileSaving = true;
        return;
    }
    m_saveTimer.start();
}

void WorkspaceStore::save()
{
    if (!m_workspace || !m_loaded)
        return;
    m_saving = true;
    m_dirtyWhileSaving = false;
    const QByteArray bytes = workspace_file::serialize(m_workspace->data());
    const QString path = m_path;
    const QPointer<WorkspaceStore> self(this);
    m_pool.start([self, path, bytes] {
        const QString error = writeFile(path, bytes);
        QMetaObject::invokeMethod(
            self,
            [self, error] {
                if (!self)
                    return;
                self->m_saving = false;
                emit self->saved(error);
                if (self->m_dirtyWhileSaving) {
                    self->m_dirtyWhileSaving = false;
                    self->m_saveTimer.start();
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace crosstalk::workspace
