#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

#include <nlohmann/json.hpp>

namespace crosstalk::workspace {

/// A name with a value, or with the mark that its value is a secret that
/// the workspace does not hold (the keychain does).
struct NamedValue
{
    QString name;
    QString value;
    bool secret = false;

    /// Marked secret, or named like one (Authorization, *_TOKEN, …): its
    /// value never reaches a file, a command made to be copied or a view.
    bool isSecret() const;

    friend bool operator==(const NamedValue &, const NamedValue &) = default;
};

/// One saved connection: an A2A agent or an MCP server.
struct Connection
{
    enum class Kind { Agent, McpServer };

    QString id;   ///< unique in its workspace
    Kind kind = Kind::Agent;
    QString name; ///< what people call it; may be empty (the card's name is shown then)
    /// Agents: the base or card URL. MCP servers over HTTP: the endpoint.
    QUrl url;
    // MCP servers only.
    QString transport = QStringLiteral("stdio"); ///< stdio, auto, streamable-http or sse
    QString era = QStringLiteral("auto");        ///< auto, legacy or modern
    QString command;
    QStringList arguments;
    QList<NamedValue> environment;
    QString workingDirectory;
    QList<NamedValue> headers;
    /// Over Streamable HTTP: signs in with OAuth when the server asks (MCP
    /// authorization); tokens are kept in the keychain under the issuer.
    bool oauth = true;
    /// A client ID the person registered with the server's authorization
    /// server; empty: Crosstalk registers itself where it can.
    QString oauthClientId;
    // Agents only.
    /// The sign-in option last used (auth::SignInOption::key()), to sign in
    /// with again; empty when none was.
    QString signIn;
    /// For that option's schemes whose secret a person typed (API key,
    /// bearer, basic, a client secret): the scheme's name and the name of the
    /// keychain credential holding it. Only the names are in the file.
    QMap<QString, QString> signInCredentials;

    friend bool operator==(const Connection &, const Connection &) = default;
};

/// The connections of a workspace, as saved.
struct WorkspaceData
{
    QString name;
    QList<Connection> connections;

    friend bool operator==(const WorkspaceData &, const WorkspaceData &) = default;
};

/// Reading and writing the workspace file (JSON, "format":
/// "crosstalk-workspace", version 1). The file never holds a secret: header
/// and environment values whose names say they are secrets are written as
/// `{"name": …, "secret": true}` without the value.
namespace workspace_file {

constexpr int Version = 1;
constexpr qsizetype MaxBytes = 16 * 1024 * 1024;

/// Parses a workspace file. On failure, `error` names what was wrong and
/// where ("connections[2].url: …").
std::optional<WorkspaceData> parse(const QByteArray &bytes, QString *error);
nlohmann::json toJson(const WorkspaceData &data);
QByteArray serialize(const WorkspaceData &data);
/// Checks one connection; the reason when it cannot be used, else empty.
QString problemOf(const Connection &connection);

} // namespace workspace_file

/// An id made from a name: lower case, '-' for anything but a-z and 0-9,
/// at most 48 characters; `fallback` when nothing is left.
QString idFrom(const QString &wanted, const QString &fallback);

/// The open workspace: its connections, with signals for the views. Every
/// change emits changed(), which the store saves from.
class Workspace : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(QObject *parent = nullptr);

    const WorkspaceData &data() const { return m_data; }
    const QList<Connection> &connections() const { return m_data.connections; }
    const Connection *connection(const QString &id) const;
    QString name() const { return m_data.name; }

    /// Replaces everything (a loaded or imported file).
    void reset(WorkspaceData data);
    /// Adds a connection; its id is made unique first. Returns the id.
    QString add(Connection connection);
    /// Adds each connection of `other` (ids made unique). Returns how many.
    int merge(const WorkspaceData &other);
    /// Changes a connection in place; its kind cannot change (false).
    bool update(const Connection &connection);
    bool remove(const QString &id);
    void setName(const QString &name);

    /// An id not used yet, made from `wanted` (lower case, '-' for others).
    QString uniqueId(const QString &wanted) const;

signals:
    void aboutToReset();
    void wasReset();
    /// `connection` (its id final) is about to be appended.
    void aboutToAdd(const crosstalk::workspace::Connection &connection);
    void added(const QString &id);
    void aboutToRemove(const QString &id);
    void removed(const QString &id);
    void updated(const QString &id);
    /// Anything changed: time to save.
    void changed();

private:
    int indexOf(const QString &id) const;

    WorkspaceData m_data;
};

} // namespace crosstalk::workspace

Q_DECLARE_METATYPE(crosstalk::workspace::WorkspaceData)
