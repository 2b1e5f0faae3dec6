#pragma once

#include "a2a/AgentCard.h"
#include "auth/Credential.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace crosstalk::auth {

/// How Crosstalk satisfies one security scheme of an agent's card, and what
/// it needs from the person for it.
struct SchemeSignIn
{
    Q_DECLARE_TR_FUNCTIONS(SchemeSignIn)

public:
    enum class Method {
        ApiKey,            ///< a key in a header, the query or a cookie
        Bearer,            ///< HTTP bearer: a token the person has
        Basic,             ///< HTTP basic: a user and a password
        AuthorizationCode, ///< OAuth 2: the person signs in in the browser (PKCE)
        ClientCredentials, ///< OAuth 2: a client ID and secret, no person
        OpenIdConnect,     ///< OpenID Connect discovery, then the authorization code flow
        Unsupported,       ///< declared, but not something Crosstalk can do (`unsupported` says why)
    };

    QString name; ///< the scheme's name in the card
    Method method = Method::Unsupported;
    QString description; ///< the card's (the agent's words)
    QStringList scopes;  ///< what the requirement asks for
    // API key
    Credential::Location location = Credential::Location::Header;
    QString keyName;
    // OAuth 2 and OpenID Connect
    QUrl metadataUrl; ///< oauth2MetadataUrl or openIdConnectUrl
    QUrl authorizationUrl;
    QUrl tokenUrl;
    bool pkceRequired = false;
    QStringList offeredScopes; ///< the scopes the flow names
    QString unsupported;       ///< why Crosstalk cannot sign in with it

    static QString methodName(Method method);
    /// For people: "API key in header X-Api-Key", "OAuth 2 sign-in in the browser (scopes: a b)".
    QString describe() const;
    /// Sends `Authorization` (bearer, basic, any OAuth or an API key by that name).
    bool usesAuthorizationHeader() const;
    bool needsSecret() const { return method == Method::ApiKey || method == Method::Bearer || method == Method::Basic; }
    bool needsUser() const { return method == Method::Basic; }
    /// A client ID the person must give (client credentials; the
    /// authorization code flow when no metadata offers registration).
    bool needsClientId() const;
    /// A client ID the person may give (else Crosstalk registers itself).
    bool takesClientId() const;
    bool needsClientSecret() const { return method == Method::ClientCredentials; }
};

/// One way of meeting an agent's security: every scheme in it at once.
struct SignInOption
{
    Q_DECLARE_TR_FUNCTIONS(SignInOption)

public:
    QList<SchemeSignIn> schemes;
    /// False when the card declares schemes but requires none of them.
    bool required = true;
    /// Why this option cannot be used, or empty.
    QString problem;

    bool usable() const { return problem.isEmpty(); }
    /// "bearer (HTTP bearer token) and key (API key in header X-Api-Key)".
    QString describe() const;
    /// The names of its schemes, joined with " + " (a stable key for the option).
    QString key() const;
};

/// The ways of signing in an agent's card offers: each requirement it lists
/// (an OAuth 2 scheme with several flows gives an option per flow), or,
/// when it lists none, each scheme it declares, as optional. Options that
/// name undeclared schemes, need something Crosstalk cannot do, or would
/// send two credentials in one header are kept with their `problem`, so a
/// person sees everything the card says. Both the v1.0 and v0.3 shapes.
QList<SignInOption> signInOptions(const a2a::AgentCard &card);

/// The keychain credential that keeps what a person typed for `scheme`
/// when signing in to the workspace connection `connectionId`: "<id>:
/// <scheme>", with what a credential's name may not hold ('/', control
/// characters) replaced by '_', at most 128 characters.
QString signInCredentialName(const QString &connectionId, const QString &scheme);

} // namespace crosstalk::auth
