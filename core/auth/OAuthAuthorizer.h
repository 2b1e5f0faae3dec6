#pragma once

#include "auth/AuthStep.h"
#include "auth/OAuthGrant.h"
#include "auth/OAuthMetadata.h"
#include "auth/WwwAuthenticate.h"
#include "http/HttpAuthorizer.h"
#include "http/HttpClient.h"
#include "traffic/Redactor.h"

#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace crosstalk::auth {

class LoopbackRedirect;

/// How Crosstalk signs in to an OAuth-protected resource.
struct OAuthOptions
{
    /// A client the person registered with the authorization server
    /// themselves (client_id, maybe a secret and its method). Its `issuer`,
    /// when set, binds it to that server: another server is an error.
    std::optional<OAuthClient> preRegistered = {};
    /// A Client ID Metadata Document URL (https, with a path) to use as the
    /// client_id where the server supports such documents.
    QUrl clientMetadataUrl = {};
    QString clientName = QStringLiteral("Crosstalk");
    /// Completes the authorization step without a browser: the
    /// authorization URL is requested with redirects disabled and the code
    /// is taken from `Location` (for tests and the conformance suite).
    bool headless = false;
    /// Opens the authorization URL in the system browser (not headless).
    std::function<void(const QUrl &)> openBrowser = {};
    /// Times a request is authorized again after being refused, for the same
    /// request, before giving up.
    int maxAttempts = 3;
    qint64 requestTimeoutMs = 30'000;
    /// How long the person has to sign in in the browser.
    qint64 browserTimeoutMs = 5 * 60'000;

    // Where the authorization server is when the resource does not say it
    // through protected-resource metadata (an A2A card names it instead).
    /// Its metadata document (RFC 8414 or OpenID Connect discovery); the
    /// issuer it names must publish its metadata at exactly this URL.
    QUrl serverMetadataUrl = {};
    /// Or its endpoints themselves, with no metadata; `issuer` is then only
    /// the name grants are kept under.
    std::optional<AuthorizationServerMetadata> knownServer = {};
    /// Scopes to ask for when no challenge names any (an A2A card's requirement).
    QStringList scopes = {};
    /// Sends the RFC 8707 `resource` parameter (MCP requires it; A2A does not).
    bool sendResource = true;
    /// Signs in only where the server lists S256 in
    /// code_challenge_methods_supported (MCP's rule). Otherwise S256 is sent
    /// all the same and only a list without it is refused.
    bool requireDeclaredPkce = true;
    enum class Grant {
        AuthorizationCode, ///< a person signs in in the browser (PKCE)
        ClientCredentials, ///< the pre-registered client's secret alone
    };
    Grant grant = Grant::AuthorizationCode;
};

/// Authorizes an MCP connection with OAuth 2.1, following the MCP
/// authorization spec (2025-11-25 and 2026-07-28):
///
/// - the resource's `WWW-Authenticate` challenge is read for
///   `resource_metadata`, `scope` and `error`;
/// - protected-resource metadata (RFC 9728) from the challenge's URL, else at
///   the path then the root; its `resource` must cover the server's URL;
/// - authorization-server metadata via RFC 8414 then OpenID Connect
///   discovery, in the spec's order, with the exact issuer check;
/// - the client: pre-registered, else a Client ID Metadata Document, else
///   dynamic registration (`application_type: "native"`), else the person
///   is asked for a client ID; registrations are kept per issuer, and a new
///   authorization server means a new registration;
/// - PKCE S256 (refused when the server does not list it), `state`, the
///   `resource` parameter on every authorization and token request, and the
///   `iss` of the authorization response checked (RFC 9207) before the
///   code goes anywhere;
/// - token endpoint authentication `client_secret_basic`,
///   `client_secret_post` or `none`; refresh before a new sign-in;
/// - 403 `insufficient_scope`: a new authorization for the union of the
///   scopes asked before and those challenged, at most `maxAttempts` times
///   for one request.
///
/// The browser comes back to a LoopbackRedirect on 127.0.0.1. Each step is
/// recorded (redacted) for the authorization view. Grants are loaded and
/// saved through the given hooks (the keychain, or memory for a run).
class OAuthAuthorizer : public http::HttpAuthorizer
{
    Q_OBJECT

public:
    OAuthAuthorizer(QUrl serverUrl, OAuthOptions options, QObject *parent = nullptr);
    ~OAuthAuthorizer() override;

    /// Loads what is kept for an issuer; `done` may run at once or later.
    using LoadGrant = std::function<void(const QString &issuer, std::function<void(std::optional<OAuthGrant>)> done)>;
    using SaveGrant = std::function<void(const OAuthGrant &grant)>;
    void setGrantStorage(LoadGrant load, SaveGrant save);

    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);

    http::HeaderList authorizationHeaders() const override;
    void challenged(const http::HttpResult &refusal, const http::HeaderList &sentHeaders, int attempt,
                    QObject *context, Decision done) override;

    /// Signs in now, before any request was refused (the person asked to);
    /// flowFinished() follows. A token at hand that nothing refused yet
    /// ends it at once.
    void signIn();
    /// Forgets the tokens (and removes them from what is kept); the client
    /// registration stays.
    void signOut();
    bool isBusy() const { return m_busy; }

    /// The steps of the flow so far (the last flow's, since clearSteps()).
    const QList<AuthStep> &steps() const { return m_steps; }
    void clearSteps() { m_steps.clear(); }
    /// The tokens in use, if any.
    const std::optional<OAuthTokens> &tokens() const { return m_tokens; }
    QString issuer() const { return m_issuer; }
    /// Stops a flow under way: its requests fail with "cancelled".
    void cancel();

    /// PKCE (RFC 7636): a verifier of 43 characters from 32 random bytes,
    /// and its S256 challenge.
    static QString newVerifier();
    static QString s256Challenge(const QString &verifier);
    /// The step that records a resource's refusal (401 or 403) of `url`.
    static AuthStep refusalStep(const http::HttpResult &refusal, const QUrl &url, AuthStep::Verdict verdict);

signals:
    void stepAdded(const crosstalk::auth::AuthStep &step);
    /// A flow ended: `error` is empty when it got tokens.
    void flowFinished(const QString &error);

private:
    struct Exchange
    {
        http::HttpResult result;
        nlohmann::json json;
        bool jsonOk = false;
    };
    using Next = std::function<void()>;

    void startFlow(const WwwAuthenticate &challenge, int status);
    void finishFlow(const QString &error);
    void fail(const QString &error, AuthStep::Kind kind = AuthStep::Kind::Decision);

    /// Fetches the candidates in turn until one answers 200 with JSON
    /// (`found`), recording the others as skipped; `none` when none does.
    void firstDocument(QList<QUrl> candidates, qsizetype index, const QString &title,
                       std::function<void(Exchange &, AuthStep &)> found, std::function<void()> none);
    void discoverResource(const QList<QUrl> &candidates);
    void discoverServer(const QList<QUrl> &candidates);
    void discoverNamedServer(const QUrl &url);
    bool acceptServerMetadata(Exchange &e, AuthStep &step, const QString &issuer);
    void useKnownServer();
    /// Takes `issuer` as the authorization server (forgetting what belonged
    /// to another one); false (the flow failed) when it cannot be.
    bool adoptIssuer(const QString &issuer);
    void requestClientCredentials();
    void withGrant();
    void refresh();
    void chooseClient();
    void registerDynamically();
    void authorize();
    void onAuthorizationResponse(const OAuthMetadata::Form &parameters);
    void exchangeCode(const QString &code);
    void requestToken(OAuthMetadata::Form form, AuthStep::Kind kind, std::function<void(bool ok)> then);
    QString tokenAuthMethod() const;

    /// Sends a request, records it as a step and calls `then` with the
    /// result (and its body read as JSON when it is JSON).
    void send(http::HttpRequest request, AuthStep step, std::function<void(Exchange &, AuthStep &)> then);
    void record(AuthStep step);
    void note(AuthStep::Kind kind, AuthStep::Verdict verdict, const QString &title, const QString &detail = {});

    QUrl m_serverUrl;
    OAuthOptions m_options;
    http::HttpClient m_http;
    traffic::Redactor m_redactor;
    LoadGrant m_loadGrant;
    SaveGrant m_saveGrant;
    QList<AuthStep> m_steps;

    // What the flow found.
    WwwAuthenticate m_challenge;
    int m_challengeStatus = 0;
    std::optional<ProtectedResourceMetadata> m_resourceMetadata;
    std::optional<AuthorizationServerMetadata> m_serverMetadata;
    QString m_issuer;
    QString m_resource; ///< the `resource` parameter
    OAuthGrant m_grant;
    std::optional<OAuthClient> m_client;
    std::optional<OAuthTokens> m_tokens;
    QStringList m_requestedScopes; ///< everything asked for so far
    QByteArray m_refusedAuthorization; ///< the Authorization header the resource refused

    // One authorization in progress.
    bool m_busy = false;
    std::deque<std::pair<QPointer<QObject>, Decision>> m_waiting;
    QString m_state;
    QString m_verifier;
    QString m_redirectUri;
    LoopbackRedirect *m_listener = nullptr;
    QTimer m_browserTimer;
    QList<QPointer<http::HttpReply>> m_replies;
};

} // namespace crosstalk::auth
