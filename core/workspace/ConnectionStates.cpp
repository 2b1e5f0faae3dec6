#include "workspace/ConnectionStates.h"

#include "http/HttpClient.h"
#include "traffic/TrafficLog.h"

#include <QTimer>

namespace crosstalk::workspace {

/// One agent's card fetching: its own HTTP client (so its traffic is
/// recorded under its id) and discovery.
struct ConnectionStates::Agent
{
    std::unique_ptr<http::HttpClient> client;
    std::unique_ptr<a2a::CardDiscovery> discovery;
    QUrl url;
};

ConnectionStates::ConnectionStates(Workspace *workspace, traffic::TrafficLog *log, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_log(log)
{
    connect(workspace, &Workspace::added, this, &ConnectionStates::track);
    connect(workspace, &Workspace::updated, this, [this](const QString &id) {
        const Connection *c = m_workspace->connection(id);
        const auto agent = m_agents.value(id);
        if (!c || !agent || agent->url != c->url)
            track(id); // a new address: fetched anew
    });
    connect(workspace, &Workspace::removed, this, &ConnectionStates::forget);
    connect(workspace, &Workspace::wasReset, this, [this] {
        for (const QString &id : m_status.keys())
            forget(id);
        for (const Connection &c : m_workspace->connections())
            track(c.id);
    });
    for (const Connection &c : workspace->connections())
        track(c.id);
}

ConnectionStates::~ConnectionStates() = default;

const ConnectionStates::Status &ConnectionStates::status(const QString &id) const
{
    static const Status none;
    const auto it = m_status.constFind(id);
    return it == m_status.cend() ? none : *it;
}

void ConnectionStates::refresh(const QString &id)
{
    track(id);
}

void ConnectionStates::track(const QString &id)
{
    const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    if (!c)
        return;
    if (c->kind != Connection::Kind::Agent) {
        setStatus(id, Status());
        return;
    }
    auto agent = std::make_shared<Agent>();
    agent->client = std::make_unique<http::HttpClient>();
    if (m_log)
        agent->client->setTrafficLog(m_log, id);
    agent->discovery = std::make_unique<a2a::CardDiscovery>(agent->client.get());
    agent->url = c->url;
    retire(id);
    m_agents.insert(id, agent); // a fetch in flight for this id is dropped with its discovery
    const std::weak_ptr<Agent> weak = agent;
    connect(agent->discovery.get(), &a2a::CardDiscovery::finished, this, [this, id, weak](const a2a::CardFetch &fetch) {
        if (weak.expired() || m_agents.value(id) != weak.lock())
            return;
        Status s;
        if (fetch.ok() && fetch.card) {
            s.state = State::Connected;
            s.card = fetch;
        } else {
            s.state = State::Error;
            s.reason = fetch.message;
            s.card = m_status.value(id).card; // the last good card stays readable
        }
        setStatus(id, s);
    });
    Status connecting;
    connecting.state = State::Connecting;
    connecting.card = m_status.value(id).card;
    setStatus(id, connecting);
    agent->discovery->fetch(c->url, m_timeoutMs);
}

void ConnectionStates::setServerState(const QString &id, State state, const QString &reason)
{
    const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    if (!c || c->kind != Connection::Kind::McpServer)
        return;
    Status s;
    s.state = state;
    s.reason = reason;
    setStatus(id, s);
}

void ConnectionStates::retire(const QString &id)
{
    // Deleted on the next turn: this may run inside the old discovery's
    // own finished() (a view refreshing from stateChanged).
    if (std::shared_ptr<Agent> old = m_agents.take(id))
        QTimer::singleShot(0, this, [old] {});
}

void ConnectionStates::forget(const QString &id)
{
    retire(id);
    m_status.remove(id);
}

void ConnectionStates::setStatus(const QString &id, Status status)
{
    m_status.insert(id, std::move(status));
    emit stateChanged(id);
}

} // namespace crosstalk::workspace
