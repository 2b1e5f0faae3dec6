#include "workspace/AgentSessions.h"

#include "a2a/WebhookReceiver.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"
#include "http/HttpClient.h"
#include "traffic/TrafficLog.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include <QTimer>

#include <algorithm>

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
    restoreSignIn(id);
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

void AgentSessions::setCredentialStore(auth::CredentialStore *store)
{
    if (m_store && m_workspace)
        disconnect(m_workspace, &Workspace::aboutToRemove, this, nullptr);
    m_store = store;
    if (!store || !m_workspace)
        return;
    // An agent taken out of the workspace takes its kept secrets with it.
    connect(m_workspace, &Workspace::aboutToRemove, this, [this](const QString &id) {
        const Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
        if (!c || !m_store)
            return;
        for (const QString &name : c->signInCredentials)
            m_store->remove(name, this, [](bool, const QString &) {});
    });
}

void AgentSessions::restoreSignIn(const QString &id)
{
    const Connection *connection = m_workspace ? m_workspace->connection(id) : nullptr;
    const auto agent = m_agents.value(id);
    if (!connection || connection->signIn.isEmpty() || !m_store || !agent || !agent->conversation || !m_states)
        return;
    const ConnectionStates::Status &status = m_states->status(id);
    if (!status.card || !status.card->card)
        return;
    const QList<auth::SignInOption> options = auth::signInOptions(*status.card->card);
    const auto option = std::find_if(options.cbegin(), options.cend(), [&](const auth::SignInOption &o) {
        return o.usable() && o.key() == connection->signIn;
    });
    if (option == options.cend()) {
        emit signInRestored(id, tr("The agent's card no longer offers the way you signed in last time (%1); sign in again.")
                                    .arg(connection->signIn));
        return;
    }

    // What was typed for each scheme is read from its credential; the
    // sign-in is made once all have answered.
    struct Restoring
    {
        auth::SignInOption option;
        QHash<QString, auth::SchemeInput> inputs;
        QStringList problems;
        qsizetype left = 0;
    };
    auto restoring = std::make_shared<Restoring>();
    restoring->option = *option;
    QList<std::pair<QString, QString>> reads; // scheme, credential
    for (const auth::SchemeSignIn &scheme : option->schemes) {
        if (!scheme.needsSecret())
            continue;
        const QString name = connection->signInCredentials.value(scheme.name);
        if (name.isEmpty())
            restoring->problems << tr("nothing is kept for “%1”").arg(scheme.name);
        else
            reads.append({scheme.name, name});
    }
    const QPointer<a2a::Conversation> conversation = agent->conversation.get();
    const auto finish = [this, id, restoring, conversation] {
        if (!conversation)
            return;
        const auto agent = m_agents.value(id);
        if (!agent || agent->conversation.get() != conversation || agent->signIn)
            return; // gone, or signed into meanwhile
        if (!restoring->problems.isEmpty()) {
            emit signInRestored(id, tr("The last sign-in could not be set up again: %1. Sign in again.")
                                        .arg(restoring->problems.join(QStringLiteral("; "))));
            return;
        }
        auto *s = new auth::A2aSignIn(restoring->option, QUrl(conversation->client()->endpoint().url));
        for (auto it = restoring->inputs.cbegin(); it != restoring->inputs.cend(); ++it)
            s->setInput(it.key(), it.value());
        if (const QString missing = s->missingInput(); !missing.isEmpty()) {
            delete s; // a client's ID and secret are typed each time
            emit signInRestored(id, tr("The last sign-in could not be set up again: %1. Sign in again.").arg(missing));
            return;
        }
        auth::OAuthOptions oauth;
        const QPointer<AgentSessions> self = this;
        oauth.openBrowser = [self](const QUrl &url) {
            if (self && self->m_browser)
                self->m_browser(url);
        };
        s->setOAuthOptions(oauth);
        s->setCredentialStore(m_store);
        setSignIn(id, s);
        // Typed secrets serve at once; OAuth waits until the agent asks.
        const bool oauthScheme = std::any_of(restoring->option.schemes.cbegin(), restoring->option.schemes.cend(),
                                             [](const auth::SchemeSignIn &scheme) { return !scheme.needsSecret(); });
        if (!oauthScheme)
            s->signIn();
        emit signInRestored(id, QString());
    };
    restoring->left = reads.size();
    if (reads.isEmpty())
        return finish();
    for (const auto &read : std::as_const(reads)) {
        const QString scheme = read.first;
        const QString name = read.second;
        m_store->load(name, conversation,
                      [restoring, scheme, name, finish](const std::optional<auth::Credential> &credential,
                                                              const QString &error) {
                          if (!error.isEmpty())
                              restoring->problems << tr("the keychain could not read “%1” (%2)").arg(name, error);
                          else if (!credential)
                              restoring->problems << tr("the keychain holds no credential “%1”").arg(name);
                          else
                              restoring->inputs.insert(scheme, {credential->secret, credential->user, {}, {}});
                          if (--restoring->left == 0)
                              finish();
                      });
    }
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
