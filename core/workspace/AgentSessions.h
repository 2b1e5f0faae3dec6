#pragma once

#include "a2a/Conversation.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace crosstalk::a2a {
class WebhookReceiver;
}

namespace crosstalk::auth {
class A2aSignIn;
class CredentialStore;
}

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::workspace {

class ConnectionStates;
class Workspace;

/// The live conversation with each agent of a workspace, made when a view
/// first asks for it (once the agent's card has been read). Each agent has
/// its own HTTP client, so its traffic is recorded under its id; a card read
/// again reaches the conversation, whose tasks stay. One webhook, shared by
/// all agents, receives push notifications.
class AgentSessions : public QObject
{
    Q_OBJECT

public:
    AgentSessions(Workspace *workspace, ConnectionStates *states, traffic::TrafficLog *log, QObject *parent = nullptr);
    ~AgentSessions() override;

    /// The agent's conversation, or null while its card is unknown.
    a2a::Conversation *conversation(const QString &id);
    /// The conversation if it exists already (never makes one).
    a2a::Conversation *existing(const QString &id) const;
    /// The webhook, listening on 127.0.0.1 from the first call on (null if
    /// it could not listen; pushReceiverError() says why).
    a2a::WebhookReceiver *pushReceiver();
    const QString &pushReceiverError() const { return m_pushError; }
    /// Options for the conversations made from now on (tests shorten the
    /// timeouts and set a clock).
    void setConversationOptions(const a2a::Conversation::Options &options) { m_options = options; }

    /// The agent's calls go with `signIn` from now on, replacing an earlier
    /// one; the sessions own it. False when the agent has no conversation
    /// (its card is unknown).
    bool setSignIn(const QString &id, auth::A2aSignIn *signIn);
    /// The agent's sign-in, or null.
    auth::A2aSignIn *signIn(const QString &id) const;

    /// Where remembered sign-ins are read from: when an agent whose
    /// connection names a sign-in option (Connection::signIn) gets its
    /// conversation, the option is taken from its card again, what was typed
    /// for it is read from the named keychain credentials, and its calls go
    /// with it. API keys, bearer tokens and basic passwords serve at once;
    /// OAuth schemes sign in when the agent asks, with the tokens the
    /// keychain keeps (the browser opens only when they no longer serve).
    /// The credentials of an agent removed from the workspace are removed
    /// from the keychain. Null: nothing is remembered.
    void setCredentialStore(auth::CredentialStore *store);
    /// Opens authorization URLs for remembered OAuth sign-ins (the system browser).
    void setBrowser(std::function<void(const QUrl &)> open) { m_browser = std::move(open); }

signals:
    void conversationCreated(const QString &id, crosstalk::a2a::Conversation *conversation);
    /// A remembered sign-in was set up again (`error` empty), or could not
    /// be (the card no longer offers it, a credential is gone, the keychain
    /// failed), with why.
    void signInRestored(const QString &id, const QString &error);

private:
    struct Agent;
    void cardChanged(const QString &id);
    void forget(const QString &id);
    void restoreSignIn(const QString &id);

    QPointer<Workspace> m_workspace;
    QPointer<ConnectionStates> m_states;
    QPointer<traffic::TrafficLog> m_log;
    a2a::Conversation::Options m_options;
    QHash<QString, std::shared_ptr<Agent>> m_agents;
    a2a::WebhookReceiver *m_push = nullptr;
    bool m_pushTried = false;
    QString m_pushError;
    QPointer<auth::CredentialStore> m_store;
    std::function<void(const QUrl &)> m_browser;
};

} // namespace crosstalk::workspace
