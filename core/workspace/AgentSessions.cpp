#include "workspace/AgentSessions.h"

#include "a2a/WebhookReceiver.h"
#include "auth/A2aSignIn.h"
#include "http/HttpClient.h"
#include "traffic/TrafficLog.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include <QTimer>

namespace crosstalk::workspace {

struct AgentSessions::Agent
{
    std::unique_ptr<http::HttpClient> http;
    /// The conversation owns the clients made for each card read (a task
    /// followed through an older client goes on with it).
    std::unique_ptr<a2a::Conversation> conversation;
    QByteArray cardBody;
    /// Owned by the conversation (a child of it), so it goes with it.
    QPointer<auth::A2aSignIn> signIn;
};

AgentSessions::AgentSessions(Workspace *workspace, ConnectionStates *states, traffic::TrafficLog *log, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_states(states)
    , m_log(log)
{
    connect(states, &ConnectionStates::stateChanged, this, &AgentSessions::cardChanged);
    connect(workspace, &Workspace::removed, this, &AgentSessions::forget);
    connect(workspace, &Workspace::wasReset, this, [this] {
        for (const QString &id : m_agents.keys())
            forget(id);
    });
}

AgentSessions::~AgentSessions()
{
    // Conversations (and their calls) go before the HTTP clients they use.
    for (const auto &agent : std::as_const(m_agents))
        agent->conversation.reset();
}

a2a::Conversation *AgentSessions::existing(const QString &id) const
{
    const auto agent = m_agents.value(id);
    return agent ? agent->conversation.get() : nullptr;
}

a2a::Conversation *AgentSessions::conversation(const QString &id)
{
    if (a2a::Conversation *c = existing(id))
        return c;
    if (!m_states)
        return nullptr;
    const ConnectionStates::Status &status = m_states->status(id);
    if (!status.card || !status.card->card)
        return nullptr;
    auto agent = std::make_shared<Agent>();
    agent->http = std::make_unique<http::HttpClient>();
    if (m_log)
        agent->http->setTrafficLog(m_log, id);
    agent->cardBody = status.card->body;
    auto *client = new a2a::A2aClient(agent->http.get(), *status.card->card, {});
    agent->conversation = std::make_unique<a2a::Conversation>(client, m_options);
    client->setParent(agent->conversation.get());
    if (a2a::WebhookReceiver *receiver = pushReceiver())
        agent->conversation->setPushReceiver(receiver);
    m_agents.insert(id, agent);
    emit conversationCreated(id, agent->conversation.get());
    return agent->conversation.get();
}

a2a::WebhookReceiver *AgentSessions::pushReceiver()
{
    if (!m_pushTried) {
        m_pushTried = true;
        auto *receiver = new a2a::WebhookReceiver(this);
        if (receiver->listen(&m_pushError)) {
            m_push = receiver;
        } else {
            delete receiver;
        }
    }
    return m_push;
}

void AgentSessions::cardChanged(const QString &id)
{
    const auto agent = m_agents.value(id);
    if (!agent || !m_states)
        return;
    const ConnectionStates::Status &status = m_states->status(id);
    if (!status.card || !status.card->card || status.card->body == agent->cardBody)
        return;
    agent->cardBody = status.card->body;
    a2a::A2aClient::Options options;
    options.authorizer = agent->signIn.data();
    auto *client = new a2a::A2aClient(agent->http.get(), *status.card->card, options, agent->conversation.get());
    agent->conversation->setClient(client);
}

bool AgentSessions::setSignIn(const QString &id, auth::A2aSignIn *signIn)
{
    a2a::Conversation *c = conversation(id);
    if (!c)
        return false;
    const auto agent = m_agents.value(id);
    if (agent->signIn && agent->signIn != signIn)
        agent->signIn->deleteLater();
    agent->signIn = signIn;
    if (signIn) {
        signIn->setParent(c);
        if (m_log)
            signIn->setTrafficLog(m_log, id);
    }
    c->client()->setAuthorizer(signIn);
    return true;
}

auth::A2aSignIn *AgentSessions::signIn(const QString &id) const
{
    const auto agent = m_agents.value(id);
    return agent ? agent->signIn.data() : nullptr;
}

void AgentSessions::forget(const QString &id)
{
    if (const auto agent = m_agents.take(id)) {
        // Deleted on the next turn, not from inside one of its own signals
        // (members go in reverse order: the conversation before its HTTP client).
        QTimer::singleShot(0, this, [agent] {});
    }
}

} // namespace crosstalk::workspace
