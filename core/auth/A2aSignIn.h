#pragma once

#include "auth/A2aSecurity.h"
#include "auth/AuthStep.h"
#include "auth/OAuthAuthorizer.h"
#include "http/HttpAuthorizer.h"

#include <QHash>
#include <QPointer>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::auth {

class CredentialStore;

/// What a person gives for one scheme of a sign-in option.
struct SchemeInput
{
    QString secret;       ///< API key, bearer token or basic password
    QString user;         ///< basic
    QString clientId;     ///< OAuth: a client registered with the authorization server
    QString clientSecret; ///< OAuth client credentials (or a confidential client)
};

/// Signs in to an A2A agent with one of the options its card offers, and
/// then authorizes every call to it: the person's API keys, bearer tokens
/// and basic passwords are sent as their schemes say; OAuth 2 and OpenID
/// Connect schemes run an OAuthAuthorizer each (authorization code with
/// PKCE through the loopback redirect, or client credentials), with the
/// authorization server the card names. Each step is recorded for the
/// authorization view, secrets redacted.
class A2aSignIn : public http::HttpAuthorizer
{
    Q_OBJECT

public:
    A2aSignIn(SignInOption option, QUrl agentUrl, QObject *parent = nullptr);
    ~A2aSignIn() override;

    const SignInOption &option() const { return m_option; }
    const QUrl &agentUrl() const { return m_agentUrl; }

    void setInput(const QString &scheme, SchemeInput input);
    /// Browser, headless mode, time-outs and client metadata URL for the
    /// OAuth schemes (the rest is set from the card).
    void setOAuthOptions(const OAuthOptions &options) { m_oauthOptions = options; }
    void setGrantStorage(OAuthAuthorizer::LoadGrant load, OAuthAuthorizer::SaveGrant save);
    /// Keeps the OAuth grants in `store` (the keychain, or memory when it is
    /// memory-only); keychainFailed() says when it could not read or keep one.
    void setCredentialStore(CredentialStore *store);
    /// The credential a scheme's typed input makes (API key, bearer or basic,
    /// named after the scheme), or nullopt for the other schemes.
    std::optional<Credential> credentialFor(const SchemeSignIn &scheme) const;
    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);

    /// What the person still has to give before signIn(), or empty.
    QString missingInput() const;
    /// Signs in: checks what was given, then runs the OAuth flows one after
    /// another. finished() follows, with an empty error on success.
    void signIn();
    /// Stops a sign-in under way.
    void cancel();
    /// Forgets the secrets and tokens of this sign-in.
    void signOut();
    bool isSignedIn() const { return m_signedIn; }
    bool isBusy() const { return m_busy; }

    http::HeaderList authorizationHeaders() const override;
    QUrl authorizedUrl(const QUrl &url) const override;
    QStringList credentialParameters() const override;
    void challenged(const http::HttpResult &refusal, const http::HeaderList &sentHeaders, int attempt,
                    QObject *context, Decision done) override;

    /// Every step of the last sign-in, and of what followed it.
    const QList<AuthStep> &steps() const { return m_steps; }
    /// The OAuth authorizer of a scheme (null for the others).
    OAuthAuthorizer *authorizer(const QString &scheme) const { return m_oauth.value(scheme); }

signals:
    void stepAdded(const crosstalk::auth::AuthStep &step);
    void finished(const QString &error);
    /// The keychain could not read or keep an OAuth grant (its own reason):
    /// the tokens serve this run only.
    void keychainFailed(const QString &error);

private:
    void record(AuthStep step);
    void runOAuth(qsizetype index);
    void finish(const QString &error);
    OAuthAuthorizer *makeAuthorizer(const SchemeSignIn &scheme);

    SignInOption m_option;
    QUrl m_agentUrl;
    QHash<QString, SchemeInput> m_inputs;
    OAuthOptions m_oauthOptions;
    OAuthAuthorizer::LoadGrant m_loadGrant;
    OAuthAuthorizer::SaveGrant m_saveGrant;
    QPointer<traffic::TrafficLog> m_log;
    QString m_connection;
    QHash<QString, OAuthAuthorizer *> m_oauth;
    QList<Credential> m_credentials;
    QList<AuthStep> m_steps;
    bool m_busy = false;
    bool m_signedIn = false;
};

} // namespace crosstalk::auth
