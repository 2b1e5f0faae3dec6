#pragma once

#include "a2a/AgentCard.h"
#include "a2a/CardDiscovery.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::workspace {

/// The live state of each connection of a workspace, for the sidebar and the
/// views: an agent's card is fetched when it is added (or the workspace is
/// loaded) and on refresh(), and the agent is connected once its card has
/// been read, or in error with the reason.
class ConnectionStates : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,       ///< not connected (an MCP server before its views connect it)
        Connecting, ///< its card is being fetched
        Connected,
        Error,
    };
    Q_ENUM(State)

    struct Status
    {
        State state = State::Idle;
        QString reason;                 ///< for Error
        std::optional<a2a::CardFetch> card; ///< an agent's last card fetch that succeeded
    };

    /// Watches `workspace`, which must outlive this object. Every request is
    /// recorded in `log` (may be null) under the connection's id.
    ConnectionStates(Workspace *workspace, traffic::TrafficLog *log, QObject *parent = nullptr);
    ~ConnectionStates() override;

    const Status &status(const QString &id) const;
    /// Fetches an agent's card again.
    void refresh(const QString &id);
    /// Reports an MCP server's connection (its session lives in McpSessions).
    void setServerState(const QString &id, State state, const QString &reason = {});
    /// How long a card fetch may take.
    void setTimeoutMs(qint64 ms) { m_timeoutMs = ms; }

signals:
    void stateChanged(const QString &id);

private:
    struct Agent;
    void track(const QString &id);
    void forget(const QString &id);
    void retire(const QString &id);
    void setStatus(const QString &id, Status status);

    QPointer<Workspace> m_workspace;
    QPointer<traffic::TrafficLog> m_log;
    qint64 m_timeoutMs = 15000;
    QHash<QString, Status> m_status;
    QHash<QString, std::shared_ptr<Agent>> m_agents;
};

} // namespace crosstalk::workspace
