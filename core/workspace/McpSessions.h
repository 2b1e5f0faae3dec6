#pragma once

#include "mcp/McpCatalog.h"
#include "mcp/McpSession.h"
#include "workspace/ConnectionStates.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::auth {
class CredentialStore;
class OAuthAuthorizer;
}

namespace crosstalk::workspace {

class Workspace;
struct Connection;

/// Answers what the workspace's servers ask of Crosstalk (sampling,
/// elicitation, roots), knowing which server asks. Exactly one of `reply`
/// or `refuse` must be called, now or later.
class ServerRequestHandler
{
public:
    virtual ~ServerRequestHandler() = default;
    virtual void handleServerRequest(const QString &serverId, const QString &method, const nlohmann::json &params,
                                     mcp::McpClientHandler::Reply reply, mcp::McpClientHandler::Refuse refuse) = 0;
};

/// The live connection to each MCP server of a workspace, made when a person
/// asks for it (a server is a process to start or an endpoint to reach, so
/// choosing it in the sidebar is not enough). Each server has its session,
/// its catalog of what it offers, and for stdio its stderr, kept bounded.
/// The state (connecting, connected, error and why) goes to ConnectionStates
/// for the sidebar; the traffic is recorded under the server's id.
class McpSessions : public QObject
{
    Q_OBJECT

public:
    /// A log message or a notification from a server.
    struct LogEntry
    {
        QDateTime time;
        QString level;  ///< the log level; empty for a notification; "problem" for a rule the server broke
        QString source; ///< the logger, or the notification's method
        nlohmann::json data; ///< the log data, or the notification's params
    };
    /// Log entries kept per server; older ones are dropped and counted.
    static constexpr int MaxLogEntries = 5000;

    /// Lines of a server's stderr kept; older ones are dropped and counted.
    static constexpr int MaxStderrLines = 5000;
    /// How long opening and each request may take, by default.
    static constexpr qint64 DefaultTimeoutMs = 30'000;

    /// `handler` answers the servers' requests (sampling, elicitation,
    /// roots); may be null (they are refused) and must outlive this object.
    McpSessions(Workspace *workspace, ConnectionStates *states, traffic::TrafficLog *log,
                ServerRequestHandler *handler, QObject *parent = nullptr);
    ~McpSessions() override;

    /// Starts or reaches the server as the workspace describes it (a session
    /// already open or opening is kept). False with `error` when the saved
    /// connection cannot be used (no command, a bad URL, …).
    bool connectServer(const QString &id, QString *error = nullptr);
    /// Ends the connection (a stdio server is shut down in order).
    void disconnectServer(const QString &id);
    /// Tells every connected server that asked for roots and said it follows
    /// their changes that they changed (notifications/roots/list_changed).
    void notifyRootsChanged();
    /// The session while connecting or connected, else null.
    mcp::McpSession *session(const QString &id) const;
    /// What the server offers, once connected (null before).
    mcp::McpCatalog *catalog(const QString &id) const;
    bool isReady(const QString &id) const;

    /// The server's stderr (stdio), oldest first, and how many older lines
    /// were dropped.
    QStringList stderrLines(const QString &id) const;
    qint64 droppedStderrLines(const QString &id) const;
    /// The server's log messages and notifications, oldest first, and how
    /// many older ones were dropped. Kept across reconnections.
    const std::deque<LogEntry> &log(const QString &id) const;
    qint64 droppedLogEntries(const QString &id) const;

    void setTimeoutMs(qint64 ms) { m_timeoutMs = ms; }
    qint64 timeoutMs() const { return m_timeoutMs; }
    /// How long a stdio server may take to exit after its input is closed
    /// (then SIGTERM, then SIGKILL).
    void setCloseGraceMs(int ms) { m_closeGraceMs = ms; }

    /// Where OAuth sign-ins keep their client registrations and tokens (per
    /// issuer); null keeps them in memory, in the authorizer, for this run.
    void setCredentialStore(auth::CredentialStore *store);
    /// Opens an authorization URL in the system browser (the GUI sets it;
    /// without it a sign-in that needs a browser fails and says so).
    void setBrowser(std::function<void(const QUrl &)> open) { m_browser = std::move(open); }

    /// The OAuth authorizer of a server over Streamable HTTP with OAuth on:
    /// made when the server is connected or signed into, and kept (with its
    /// tokens and the steps of its last flow) until the server is removed or
    /// its address or client ID changes. Null otherwise.
    auth::OAuthAuthorizer *authorizer(const QString &id) const;
    /// Why the server cannot sign in with OAuth (stdio, HTTP+SSE, OAuth
    /// turned off, …), or empty when it can.
    QString oauthProblem(const QString &id) const;
    /// Signs in now, before the server refuses anything; false with `error`
    /// when it cannot (see oauthProblem()).
    bool signIn(const QString &id, QString *error = nullptr);
    /// Forgets the server's tokens, here and in the keychain (the client
    /// registration stays); its next refused request signs in again.
    void signOut(const QString &id);
    /// What the keychain said when it could not load or keep a server's
    /// tokens (they live in memory for this run then), else empty.
    QString keychainProblem(const QString &id) const { return m_keychainProblems.value(id); }

signals:
    /// A session was made for the server (before it is ready).
    void sessionCreated(const QString &id, crosstalk::mcp::McpSession *session);
    /// The server is connected and its catalog made.
    void serverReady(const QString &id);
    /// The connection failed or ended; `reason` is empty after disconnectServer().
    void serverClosed(const QString &id, const QString &reason);
    void stderrLine(const QString &id, const QString &line);
    void logAdded(const QString &id, const crosstalk::workspace::McpSessions::LogEntry &entry);
    /// The server's OAuth state changed: an authorizer was made, a flow
    /// began, took a step or ended, or the keychain failed.
    void authorizationChanged(const QString &id);
    /// A sign-in flow ended (`error` empty when it got tokens).
    void signInFinished(const QString &id, const QString &error);

private:
    struct Server;
    void setState(const QString &id, ConnectionStates::State state, const QString &reason);
    void forget(const QString &id);
    /// The server's authorizer, made or remade for what the workspace says
    /// now; null when it cannot sign in with OAuth.
    auth::OAuthAuthorizer *ensureAuthorizer(const Connection &c);

    QPointer<Workspace> m_workspace;
    QPointer<ConnectionStates> m_states;
    QPointer<traffic::TrafficLog> m_log;
    ServerRequestHandler *m_handler;
    qint64 m_timeoutMs = DefaultTimeoutMs;
    int m_closeGraceMs = 2000;
    QHash<QString, std::shared_ptr<Server>> m_servers;
    struct Log
    {
        std::deque<LogEntry> entries;
        qint64 dropped = 0;
    };
    QHash<QString, Log> m_logs;
    QPointer<auth::CredentialStore> m_store;
    std::function<void(const QUrl &)> m_browser;
    struct Authorization
    {
        QPointer<auth::OAuthAuthorizer> authorizer;
        QString key; ///< the address and client ID it was made for
    };
    QHash<QString, Authorization> m_authorizers;
    QHash<QString, QString> m_keychainProblems;
    void addLog(const QString &id, LogEntry entry);
};

} // namespace crosstalk::workspace
