#include "auth/OAuthAuthorizer.h"

#include "auth/LoopbackRedirect.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace crosstalk::auth {

using nlohmann::json;

namespace {

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString excerpt(const QByteArray &body)
{
    QString text = utf8ToString(body.left(300)).simplified();
    if (body.size() > 300)
        text += QChar(0x2026);
    return text;
}

} // namespace

QString AuthStep::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Challenge:
        return QStringLiteral("challenge");
    case Kind::Discovery:
        return QStringLiteral("discovery");
    case Kind::Registration:
        return QStringLiteral("registration");
    case Kind::Authorize:
        return QStringLiteral("authorize");
    case Kind::Callback:
        return QStringLiteral("callback");
    case Kind::Token:
        return QStringLiteral("token");
    case Kind::Refresh:
        return QStringLiteral("refresh");
    case Kind::Decision:
        return QStringLiteral("decision");
    }
    return {};
}

QString AuthStep::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("ok");
    case Verdict::Skipped:
        return QStringLiteral("skipped");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Info:
        return QStringLiteral("info");
    }
    return {};
}

OAuthAuthorizer::OAuthAuthorizer(QUrl serverUrl, OAuthOptions options, QObject *parent)
    : http::HttpAuthorizer(parent)
    , m_serverUrl(std::move(serverUrl))
    , m_options(std::move(options))
{
    m_http.setDefaultTimeouts(m_options.requestTimeoutMs, m_options.requestTimeoutMs);
    m_http.setDefaultHeader("Accept", "application/json");
    m_redactor.addSensitiveField(QStringLiteral("registration_access_token"));
    m_redactor.addSensitiveParameter(QStringLiteral("state"));
    m_browserTimer.setSingleShot(true);
    connect(&m_browserTimer, &QTimer::timeout, this, [this] {
        fail(tr("Nobody completed the sign-in in the browser within %n minute(s).", nullptr,
                int(m_options.browserTimeoutMs / 60'000)),
             AuthStep::Kind::Callback);
    });
}

OAuthAuthorizer::~OAuthAuthorizer() = default;

void OAuthAuthorizer::setGrantStorage(LoadGrant load, SaveGrant save)
{
    m_loadGrant = std::move(load);
    m_saveGrant = std::move(save);
}

void OAuthAuthorizer::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_http.setTrafficLog(log, connection);
}

QString OAuthAuthorizer::newVerifier()
{
    return randomToken(32);
}

QString OAuthAuthorizer::s256Challenge(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

AuthStep OAuthAuthorizer::refusalStep(const http::HttpResult &refusal, const QUrl &url, AuthStep::Verdict verdict)
{
    AuthStep step;
    step.kind = AuthStep::Kind::Challenge;
    step.verdict = verdict;
    step.title = tr("The server answered HTTP %1").arg(refusal.status);
    step.status = refusal.status;
    step.url = url;
    step.responseHeaders = http::trafficHeaders(refusal.headers);
    return step;
}

http::HeaderList OAuthAuthorizer::authorizationHeaders() const
{
    if (!m_tokens || !m_tokens->hasAccess())
        return {};
    return {{"Authorization", "Bearer " + m_tokens->accessToken.toUtf8()}};
}

void OAuthAuthorizer::record(AuthStep step)
{
    if (!step.time.isValid())
        step.time = QDateTime::currentDateTimeUtc();
    m_redactor.redactMessage(step.requestHeaders, step.requestBody);
    m_redactor.redactMessage(step.responseHeaders, step.responseBody);
    step.url = m_redactor.redactUrl(step.url);
    m_steps.append(step);
    emit stepAdded(m_steps.last());
}

void OAuthAuthorizer::note(AuthStep::Kind kind, AuthStep::Verdict verdict, const QString &title, const QString &detail)
{
    AuthStep step;
    step.kind = kind;
    step.verdict = verdict;
    step.title = title;
    step.detail = detail;
    record(std::move(step));
}

void OAuthAuthorizer::send(http::HttpRequest request, AuthStep step, std::function<void(Exchange &, AuthStep &)> then)
{
    step.method = request.method;
    step.url = request.url;
    http::HeaderList sent = m_http.defaultHeaders();
    for (const auto &h : std::as_const(request.headers))
        sent.append(h);
    step.requestHeaders = http::trafficHeaders(sent);
    step.requestBody = request.body;
    step.time = QDateTime::currentDateTimeUtc();
    http::HttpReply *reply = m_http.send(std::move(request));
    m_replies.append(reply);
    connect(reply, &http::HttpReply::finished, this,
            [this, reply, step = std::move(step), then = std::move(then)](const http::HttpResult &result) mutable {
                m_replies.removeAll(reply);
                m_replies.removeAll(nullptr);
                Exchange exchange;
                exchange.result = result;
                step.status = result.status;
                step.responseHeaders = http::trafficHeaders(result.headers);
                step.responseBody = result.body;
                step.elapsedMs = result.elapsedMs;
                if (result.ok() && !result.body.isEmpty()) {
                    exchange.json = json::parse(result.body.constBegin(), result.body.constEnd(), nullptr, false);
                    exchange.jsonOk = !exchange.json.is_discarded();
                }
                if (!result.ok()) {
                    step.verdict = AuthStep::Verdict::Failed;
                    step.detail = result.errorMessage;
                }
                then(exchange, step);
            });
}

void OAuthAuthorizer::challenged(const http::HttpResult &refusal, const http::HeaderList &sentHeaders, int attempt,
                                 QObject *context, Decision done)
{
    m_waiting.emplace_back(context, std::move(done));
    if (m_busy)
        return; // answered when the flow under way ends
    m_busy = true;
    emit busyChanged(true);

    QList<QByteArray> values;
    for (const auto &h : refusal.headers) {
        if (h.first.compare("www-authenticate", Qt::CaseInsensitive) == 0)
            values.append(h.second);
    }
    m_refusedAuthorization.clear();
    for (const auto &h : sentHeaders) {
        if (h.first.compare("authorization", Qt::CaseInsensitive) == 0)
            m_refusedAuthorization = h.second;
    }
    const WwwAuthenticate challenge = WwwAuthenticate::parse(values);
    AuthStep step = refusalStep(refusal, m_serverUrl, AuthStep::Verdict::Info);
    const AuthChallenge *bearer = challenge.find(u"Bearer");
    if (!challenge.error.isEmpty())
        step.detail = challenge.error;
    else if (!bearer)
        step.detail = values.isEmpty() ? tr("No WWW-Authenticate header.") : tr("No Bearer challenge in WWW-Authenticate.");
    else
        step.detail = tr("Bearer challenge: resource_metadata %1, scope %2, error %3")
                          .arg(bearer->hasParam(u"resource_metadata") ? bearer->param(u"resource_metadata") : tr("(none)"),
                               bearer->hasParam(u"scope") ? bearer->param(u"scope") : tr("(none)"),
                               bearer->hasParam(u"error") ? bearer->param(u"error") : tr("(none)"));
    record(step);

    if (attempt >= m_options.maxAttempts)
        return fail(tr("The server still refuses the request after %n authorization(s); Crosstalk stops here "
                       "(the retry limit).",
                       nullptr, attempt));
    if (refusal.status == 403) {
        if (!bearer || bearer->param(u"error") != QLatin1String("insufficient_scope"))
            return fail(tr("The server refused the request (HTTP 403) without asking for more scope."));
    }
    startFlow(challenge, refusal.status);
}

void OAuthAuthorizer::signIn()
{
    if (m_busy)
        return;
    m_busy = true;
    emit busyChanged(true);
    m_refusedAuthorization.clear();
    startFlow(WwwAuthenticate(), 401);
}

void OAuthAuthorizer::signOut()
{
    cancel();
    m_tokens.reset();
    if (!m_issuer.isEmpty() && m_grant.issuer == m_issuer) {
        m_grant.tokens.removeIf([this](const OAuthTokens &t) { return t.resource == m_resource; });
        if (m_saveGrant)
            m_saveGrant(m_grant);
    }
}

bool OAuthAuthorizer::adoptIssuer(const QString &issuer)
{
    if (!m_issuer.isEmpty() && m_issuer != issuer) {
        note(AuthStep::Kind::Decision, AuthStep::Verdict::Info, tr("The authorization server changed"),
             tr("It was %1 and is now %2: the registration and tokens of the old one are not used with it.")
                 .arg(m_issuer, issuer));
        m_client.reset();
        m_tokens.reset();
        m_serverMetadata.reset();
    }
    if (m_options.preRegistered && !m_options.preRegistered->issuer.isEmpty()
        && m_options.preRegistered->issuer != issuer) {
        fail(tr("The pre-registered client belongs to %1, but this server now sends Crosstalk to %2; "
                "register Crosstalk with the new server.")
                 .arg(m_options.preRegistered->issuer, issuer),
             AuthStep::Kind::Registration);
        return false;
    }
    m_issuer = issuer;
    return true;
}

void OAuthAuthorizer::startFlow(const WwwAuthenticate &challenge, int status)
{
    m_challenge = challenge;
    m_challengeStatus = status;
    const AuthChallenge *bearer = challenge.find(u"Bearer");

    // A token the resource has not refused yet (refreshed, or authorized
    // by a flow that ended since this request went out) is tried first.
    if (status == 401 && m_tokens && m_tokens->hasAccess()
        && "Bearer " + m_tokens->accessToken.toUtf8() != m_refusedAuthorization) {
        note(AuthStep::Kind::Decision, AuthStep::Verdict::Info, tr("A token the server has not refused is at hand; it is used."));
        return finishFlow({});
    }
    // An expired or refused token with a refresh token: refresh first.
    if (status == 401 && m_tokens && !m_tokens->refreshToken.isEmpty() && m_serverMetadata && m_client) {
        note(AuthStep::Kind::Decision, AuthStep::Verdict::Info, tr("The access token was refused; Crosstalk refreshes it."));
        return refresh();
    }
    // An A2A card names the authorization server itself.
    if (m_options.knownServer)
        return useKnownServer();
    if (m_options.serverMetadataUrl.isValid())
        return discoverNamedServer(m_options.serverMetadataUrl);

    QList<QUrl> candidates;
    if (bearer && bearer->hasParam(u"resource_metadata")) {
        const QUrl url(bearer->param(u"resource_metadata"), QUrl::StrictMode);
        const QString problem = OAuthMetadata::endpointProblem(url, tr("resource_metadata URL"));
        if (problem.isEmpty())
            candidates.append(url);
        else
            note(AuthStep::Kind::Discovery, AuthStep::Verdict::Skipped, tr("The challenge's resource_metadata is not used"), problem);
    }
    if (candidates.isEmpty())
        candidates = OAuthMetadata::protectedResourceMetadataUrls(m_serverUrl);
    discoverResource(candidates);
}

void OAuthAuthorizer::firstDocument(QList<QUrl> candidates, qsizetype index, const QString &title,
                                    std::function<void(Exchange &, AuthStep &)> found, std::function<void()> none)
{
    if (index >= candidates.size())
        return none();
    http::HttpRequest request;
    request.url = candidates.at(index);
    AuthStep step;
    step.kind = AuthStep::Kind::Discovery;
    step.title = title;
    send(std::move(request), std::move(step),
         [this, candidates, index, title, found = std::move(found), none = std::move(none)](Exchange &e, AuthStep &step) mutable {
             if (e.result.ok() && e.result.status == 200 && e.jsonOk)
                 return found(e, step);
             step.verdict = AuthStep::Verdict::Skipped;
             if (step.detail.isEmpty())
                 step.detail = e.result.status != 200 ? tr("HTTP %1: not here.").arg(e.result.status) : tr("The answer is not JSON.");
             record(step);
             firstDocument(candidates, index + 1, title, std::move(found), std::move(none));
         });
}

void OAuthAuthorizer::discoverResource(const QList<QUrl> &candidates)
{
    const auto none = [this, candidates] {
        QStringList urls;
        for (const QUrl &u : candidates)
            urls.append(u.toDisplayString());
        fail(tr("No protected-resource metadata was found for %1 (tried %2).")
                 .arg(m_serverUrl.toDisplayString(), urls.join(QStringLiteral(", "))),
             AuthStep::Kind::Discovery);
    };
    firstDocument(candidates, 0, tr("Protected-resource metadata"), [this](Exchange &e, AuthStep &step) {
        QString error;
        std::optional<ProtectedResourceMetadata> prm = ProtectedResourceMetadata::read(e.json, m_serverUrl, &error);
        if (!prm) {
            step.verdict = AuthStep::Verdict::Failed;
            step.detail = error;
            record(step);
            return fail(error, AuthStep::Kind::Discovery);
        }
        step.verdict = AuthStep::Verdict::Ok;
        step.detail = tr("Resource %1; authorization servers: %2; scopes supported: %3")
                          .arg(prm->resource.toDisplayString(), prm->authorizationServers.join(QStringLiteral(", ")),
                               prm->scopesSupported.isEmpty() ? tr("(not said)") : prm->scopesSupported.join(u' '));
        record(step);
        m_resourceMetadata = std::move(prm);
        // The resource parameter names the server as its metadata does.
        m_resource = OAuthMetadata::canonicalResource(m_resourceMetadata->resource).toString(QUrl::FullyEncoded);

        const QString issuer = m_resourceMetadata->authorizationServers.constFirst();
        const QUrl issuerUrl(issuer, QUrl::StrictMode);
        if (const QString problem = OAuthMetadata::endpointProblem(issuerUrl, tr("authorization server")); !problem.isEmpty())
            return fail(problem, AuthStep::Kind::Discovery);
        if (!adoptIssuer(issuer))
            return;
        discoverServer(OAuthMetadata::authorizationServerMetadataUrls(issuerUrl));
    }, none);
}

void OAuthAuthorizer::discoverServer(const QList<QUrl> &candidates)
{
    const auto none = [this] {
        fail(tr("No authorization-server metadata was found for %1.").arg(m_issuer), AuthStep::Kind::Discovery);
    };
    firstDocument(candidates, 0, tr("Authorization-server metadata"), [this](Exchange &e, AuthStep &step) {
        if (acceptServerMetadata(e, step, m_issuer))
            withGrant();
    }, none);
}

bool OAuthAuthorizer::acceptServerMetadata(Exchange &e, AuthStep &step, const QString &issuer)
{
    QString error;
    std::optional<AuthorizationServerMetadata> asm_ = AuthorizationServerMetadata::read(e.json, issuer, &error);
    if (!asm_) {
        step.verdict = AuthStep::Verdict::Failed;
        step.detail = error;
        record(step);
        fail(error, AuthStep::Kind::Discovery);
        return false;
    }
    step.verdict = AuthStep::Verdict::Ok;
    step.detail = tr("Issuer %1; PKCE methods: %2; token endpoint authentication: %3; registration: %4")
                      .arg(asm_->issuer,
                           asm_->codeChallengeMethodsDeclared ? asm_->codeChallengeMethodsSupported.join(u' ') : tr("(not said)"),
                           asm_->tokenEndpointAuthMethodsDeclared ? asm_->tokenEndpointAuthMethodsSupported.join(u' ')
                                                                  : tr("(not said)"),
                           [&] {
                               QStringList ways;
                               if (asm_->clientIdMetadataDocumentSupported)
                                   ways.append(tr("client ID metadata documents"));
                               if (!asm_->registrationEndpoint.isEmpty())
                                   ways.append(tr("dynamic"));
                               return ways.isEmpty() ? tr("(none offered)") : ways.join(QStringLiteral(", "));
                           }());
    record(step);
    m_serverMetadata = std::move(asm_);
    return true;
}

void OAuthAuthorizer::discoverNamedServer(const QUrl &url)
{
    m_resource = OAuthMetadata::canonicalResource(m_serverUrl).toString(QUrl::FullyEncoded);
    if (const QString problem = OAuthMetadata::endpointProblem(url, tr("authorization-server metadata URL")); !problem.isEmpty())
        return fail(problem, AuthStep::Kind::Discovery);
    const auto none = [this, url] {
        fail(tr("No authorization-server metadata was found at %1.").arg(url.toDisplayString()), AuthStep::Kind::Discovery);
    };
    firstDocument({url}, 0, tr("Authorization-server metadata"), [this, url](Exchange &e, AuthStep &step) {
        // Whoever names the document must not be able to name any issuer:
        // the issuer it names must publish its metadata at this very URL.
        const QString issuer = json_fields::text(e.json, "issuer");
        const QUrl issuerUrl(issuer, QUrl::StrictMode);
        if (!issuer.isEmpty() && !OAuthMetadata::authorizationServerMetadataUrls(issuerUrl).contains(url)) {
            step.verdict = AuthStep::Verdict::Failed;
            step.detail = tr("The metadata names the issuer “%1”, which does not publish its metadata at %2 (RFC 8414, "
                             "OpenID Connect discovery): it is not trusted.")
                              .arg(issuer, url.toDisplayString());
            record(step);
            return fail(step.detail, AuthStep::Kind::Discovery);
        }
        if (!issuer.isEmpty() && !adoptIssuer(issuer))
            return;
        if (acceptServerMetadata(e, step, issuer))
            withGrant();
    }, none);
}

void OAuthAuthorizer::useKnownServer()
{
    m_resource = OAuthMetadata::canonicalResource(m_serverUrl).toString(QUrl::FullyEncoded);
    const AuthorizationServerMetadata &known = *m_options.knownServer;
    const bool code = m_options.grant == OAuthOptions::Grant::AuthorizationCode;
    if (code) {
        if (const QString problem = OAuthMetadata::endpointProblem(known.authorizationEndpoint, tr("authorization URL"));
            !problem.isEmpty())
            return fail(problem, AuthStep::Kind::Discovery);
    }
    if (const QString problem = OAuthMetadata::endpointProblem(known.tokenEndpoint, tr("token URL")); !problem.isEmpty())
        return fail(problem, AuthStep::Kind::Discovery);
    AuthStep step;
    step.kind = AuthStep::Kind::Discovery;
    step.verdict = AuthStep::Verdict::Ok;
    step.title = tr("Authorization server named by the agent's card");
    step.detail = code ? tr("Authorization URL %1; token URL %2; no metadata, so no registration: the client must be "
                            "registered already.")
                             .arg(known.authorizationEndpoint.toDisplayString(), known.tokenEndpoint.toDisplayString())
                       : tr("Token URL %1").arg(known.tokenEndpoint.toDisplayString());
    record(step);
    if (!adoptIssuer(known.issuer))
        return;
    m_serverMetadata = known;
    withGrant();
}


void OAuthAuthorizer::withGrant()
{
    const auto go = [this](std::optional<OAuthGrant> grant) {
        if (grant && grant->issuer == m_issuer) {
            m_grant = *grant;
        } else if (m_grant.issuer != m_issuer) {
            m_grant = OAuthGrant();
            m_grant.issuer = m_issuer;
        }
        if (!m_client && m_options.preRegistered) {
            m_client = m_options.preRegistered;
            m_client->issuer = m_issuer;
        } else if (!m_client && m_grant.client) {
            m_client = m_grant.client;
        }
        // Kept tokens for this resource, not the ones just refused, nor ones
        // without the scopes asked for. Client credentials are exchanged
        // anew each time: the secret was just given.
        if (const OAuthTokens *kept = m_grant.tokensFor(m_resource);
            kept && m_challengeStatus == 401 && m_options.grant == OAuthOptions::Grant::AuthorizationCode
            && std::all_of(m_options.scopes.cbegin(), m_options.scopes.cend(),
                           [kept](const QString &scope) { return kept->grantedScopes.contains(scope); }) && kept->hasAccess()
            && "Bearer " + kept->accessToken.toUtf8() != m_refusedAuthorization) {
            m_tokens = *kept;
            m_requestedScopes = OAuthMetadata::unionScopes(m_requestedScopes, kept->requestedScopes);
            if (m_client && !kept->isExpired(QDateTime::currentDateTimeUtc())) {
                note(AuthStep::Kind::Decision, AuthStep::Verdict::Ok, tr("A kept token for this server is used."));
                return finishFlow({});
            }
            if (m_client && !kept->refreshToken.isEmpty())
                return refresh();
        }
        chooseClient();
    };
    if (m_loadGrant && m_grant.issuer != m_issuer) {
        const QPointer<OAuthAuthorizer> self(this);
        m_loadGrant(m_issuer, [self, go](std::optional<OAuthGrant> grant) {
            if (self)
                go(std::move(grant));
        });
        return;
    }
    go(std::nullopt);
}

void OAuthAuthorizer::chooseClient()
{
    if (m_options.grant == OAuthOptions::Grant::ClientCredentials)
        return requestClientCredentials();
    const AuthorizationServerMetadata &as = *m_serverMetadata;
    if (as.authorizationEndpoint.isEmpty())
        return fail(tr("The authorization server's metadata has no authorization_endpoint."), AuthStep::Kind::Discovery);
    // PKCE is required, and only a server that says it supports S256 is trusted to do it.
    if (!as.codeChallengeMethodsDeclared && m_options.requireDeclaredPkce)
        return fail(tr("The authorization server does not list code_challenge_methods_supported, so it may not "
                       "support PKCE; Crosstalk does not sign in without it."),
                    AuthStep::Kind::Discovery);
    if (as.codeChallengeMethodsDeclared && !as.codeChallengeMethodsSupported.contains(QLatin1String("S256")))
        return fail(tr("The authorization server does not support the PKCE method S256 (it lists: %1).")
                        .arg(as.codeChallengeMethodsSupported.join(QStringLiteral(", "))),
                    AuthStep::Kind::Discovery);

    if (!m_listener) {
        m_listener = new LoopbackRedirect(this);
        connect(m_listener, &LoopbackRedirect::received, this,
                [this](const QByteArray &query) { onAuthorizationResponse(OAuthMetadata::decodeForm(query)); });
        connect(m_listener, &LoopbackRedirect::rejected, this,
                [this](const QString &why) { note(AuthStep::Kind::Callback, AuthStep::Verdict::Info, tr("Ignored a request"), why); });
    }
    // A kept dynamic registration names its redirect URI: its port is
    // taken again when free, so that the registration still fits.
    quint16 preferredPort = 0;
    if (m_client && m_client->source == OAuthClient::Source::Dynamic) {
        for (const QString &uri : std::as_const(m_client->redirectUris)) {
            const QUrl u(uri);
            if (u.host() == QLatin1String("127.0.0.1") && u.port() > 0 && !preferredPort)
                preferredPort = quint16(u.port());
        }
    }
    QString error;
    if (!m_listener->listen(&error, preferredPort))
        return fail(error, AuthStep::Kind::Authorize);
    m_redirectUri = m_listener->redirectUri().toString(QUrl::FullyEncoded);

    if (m_options.preRegistered) {
        m_client = m_options.preRegistered;
        m_client->issuer = m_issuer;
        note(AuthStep::Kind::Registration, AuthStep::Verdict::Ok, tr("Pre-registered client"),
             tr("client_id %1").arg(m_client->clientId));
        return authorize();
    }
    if (m_client && m_client->source == OAuthClient::Source::Dynamic && !m_client->redirectUris.contains(m_redirectUri)) {
        note(AuthStep::Kind::Registration, AuthStep::Verdict::Info, tr("The kept registration is for another redirect URI"),
             tr("Crosstalk registers again for %1.").arg(m_redirectUri));
        m_client.reset();
    }
    if (m_client) {
        note(AuthStep::Kind::Registration, AuthStep::Verdict::Ok, tr("Registration kept for this issuer"),
             tr("client_id %1 (%2)").arg(m_client->clientId, OAuthClient::sourceName(m_client->source)));
        return authorize();
    }
    if (as.clientIdMetadataDocumentSupported && m_options.clientMetadataUrl.isValid()) {
        OAuthClient client;
        client.issuer = m_issuer;
        client.clientId = m_options.clientMetadataUrl.toString(QUrl::FullyEncoded);
        client.tokenEndpointAuthMethod = QStringLiteral("none");
        client.source = OAuthClient::Source::MetadataDocument;
        m_client = client;
        note(AuthStep::Kind::Registration, AuthStep::Verdict::Ok, tr("Client ID metadata document"),
             tr("client_id %1").arg(client.clientId));
        return authorize();
    }
    if (!as.registrationEndpoint.isEmpty())
        return registerDynamically();
    fail(tr("The authorization server offers no way for Crosstalk to register (no client ID metadata documents, no "
            "registration endpoint): register a client with it and give its client ID."),
         AuthStep::Kind::Registration);
}

void OAuthAuthorizer::registerDynamically()
{
    json body{{"client_name", m_options.clientName.toStdString()},
              {"redirect_uris", json::array({m_redirectUri.toStdString()})},
              {"grant_types", json::array({"authorization_code", "refresh_token"})},
              {"response_types", json::array({"code"})},
              {"token_endpoint_auth_method", "none"},
              {"application_type", "native"}};
    http::HttpRequest request;
    request.method = "POST";
    request.url = m_serverMetadata->registrationEndpoint;
    request.headers.emplaceBack("Content-Type", "application/json");
    request.body = QByteArray::fromStdString(body.dump());
    AuthStep step;
    step.kind = AuthStep::Kind::Registration;
    step.title = tr("Dynamic client registration");
    send(std::move(request), std::move(step), [this](Exchange &e, AuthStep &step) {
        const QString clientId = e.jsonOk ? json_fields::text(e.json, "client_id") : QString();
        if (!e.result.ok() || (e.result.status != 201 && e.result.status != 200) || clientId.isEmpty()) {
            step.verdict = AuthStep::Verdict::Failed;
            const QString why = !e.result.ok() ? e.result.errorMessage
                : clientId.isEmpty() && (e.result.status == 201 || e.result.status == 200)
                ? tr("the answer has no client_id")
                : tr("HTTP %1: %2").arg(e.result.status).arg(e.jsonOk ? json_fields::text(e.json, "error_description").isEmpty()
                                                                          ? json_fields::text(e.json, "error")
                                                                          : json_fields::text(e.json, "error_description")
                                                                    : excerpt(e.result.body));
            step.detail = tr("Registration failed: %1").arg(why);
            record(step);
            return fail(step.detail, AuthStep::Kind::Registration);
        }
        OAuthClient client;
        client.issuer = m_issuer;
        client.clientId = clientId;
        client.clientSecret = json_fields::text(e.json, "client_secret");
        client.tokenEndpointAuthMethod = json_fields::text(e.json, "token_endpoint_auth_method");
        client.source = OAuthClient::Source::Dynamic;
        client.redirectUris = json_fields::texts(e.json, "redirect_uris");
        if (client.redirectUris.isEmpty())
            client.redirectUris = {m_redirectUri};
        step.verdict = AuthStep::Verdict::Ok;
        step.detail = tr("client_id %1, token endpoint authentication %2")
                          .arg(clientId, client.tokenEndpointAuthMethod.isEmpty() ? tr("(not said)") : client.tokenEndpointAuthMethod);
        record(step);
        m_client = client;
        m_grant.client = client;
        if (m_saveGrant)
            m_saveGrant(m_grant);
        authorize();
    });
}

void OAuthAuthorizer::authorize()
{
    // Scopes: the challenge's, else what the resource says it supports (or
    // none); a step-up adds the challenge's to everything asked before.
    const AuthChallenge *bearer = m_challenge.find(u"Bearer");
    const QStringList challenged = bearer ? OAuthMetadata::splitScopes(bearer->param(u"scope")) : QStringList();
    QStringList scopes;
    QString why;
    if (m_challengeStatus == 403) {
        scopes = OAuthMetadata::unionScopes(m_requestedScopes, challenged);
        why = tr("step-up: the scopes asked before and those the server asks for");
    } else if (!challenged.isEmpty()) {
        scopes = OAuthMetadata::unionScopes(challenged, m_requestedScopes);
        why = tr("the challenge's scope");
    } else if (!m_options.scopes.isEmpty()) {
        scopes = OAuthMetadata::unionScopes(m_options.scopes, m_requestedScopes);
        why = tr("the scopes the agent's card asks for");
    } else if (m_resourceMetadata && !m_resourceMetadata->scopesSupported.isEmpty()) {
        scopes = OAuthMetadata::unionScopes(m_resourceMetadata->scopesSupported, m_requestedScopes);
        why = tr("the resource's scopes_supported");
    } else {
        scopes = m_requestedScopes;
        why = scopes.isEmpty() ? tr("no scope is known, so none is asked for") : tr("the scopes asked before");
    }
    if (!scopes.isEmpty() && m_serverMetadata->scopesSupported.contains(QLatin1String("offline_access"))
        && !scopes.contains(QLatin1String("offline_access")))
        scopes.append(QStringLiteral("offline_access")); // for a refresh token, as the server offers one
    m_requestedScopes = OAuthMetadata::unionScopes(m_requestedScopes, scopes);
    note(AuthStep::Kind::Decision, AuthStep::Verdict::Info, tr("Scopes"),
         tr("%1 (%2)").arg(scopes.isEmpty() ? tr("none") : scopes.join(u' '), why));

    m_state = randomToken(32);
    m_verifier = newVerifier();
    OAuthMetadata::Form form{{QStringLiteral("response_type"), QStringLiteral("code")},
                             {QStringLiteral("client_id"), m_client->clientId},
                             {QStringLiteral("redirect_uri"), m_redirectUri},
                             {QStringLiteral("code_challenge"), s256Challenge(m_verifier)},
                             {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
                             {QStringLiteral("state"), m_state}};
    if (m_options.sendResource)
        form.emplaceBack(QStringLiteral("resource"), m_resource);
    if (!scopes.isEmpty())
        form.emplaceBack(QStringLiteral("scope"), scopes.join(u' '));
    QUrl url = m_serverMetadata->authorizationEndpoint;
    const QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
    url.setQuery(QString::fromLatin1((existing.isEmpty() ? QByteArray() : existing + '&') + OAuthMetadata::encodeForm(form)),
                 QUrl::StrictMode);
    m_listener->setExpectedState(m_state);

    if (!m_options.headless) {
        AuthStep step;
        step.kind = AuthStep::Kind::Authorize;
        step.verdict = AuthStep::Verdict::Info;
        step.title = tr("Sign in in the browser");
        step.method = "GET";
        step.url = url;
        step.detail = tr("The system browser opens the authorization URL; it comes back to %1.").arg(m_redirectUri);
        record(step);
        if (!m_options.openBrowser)
            return fail(tr("Crosstalk cannot open a browser here."), AuthStep::Kind::Authorize);
        m_browserTimer.start(int(m_options.browserTimeoutMs));
        m_options.openBrowser(url);
        return;
    }
    http::HttpRequest request;
    request.url = url;
    request.followRedirects = false;
    request.headers.emplaceBack("Accept", "text/html, */*");
    AuthStep step;
    step.kind = AuthStep::Kind::Authorize;
    step.title = tr("Authorization request (headless)");
    send(std::move(request), std::move(step), [this](Exchange &e, AuthStep &step) {
        const QByteArray location = e.result.header("location");
        if (!e.result.ok() || e.result.status < 300 || e.result.status > 399 || location.isEmpty()) {
            step.verdict = AuthStep::Verdict::Failed;
            if (step.detail.isEmpty())
                step.detail = tr("The authorization endpoint answered HTTP %1 without a redirect; a headless sign-in "
                                 "needs a server that approves at once.")
                                  .arg(e.result.status);
            record(step);
            return fail(step.detail, AuthStep::Kind::Authorize);
        }
        const QUrl target = QUrl(m_serverMetadata->authorizationEndpoint).resolved(QUrl::fromEncoded(location));
        step.verdict = AuthStep::Verdict::Ok;
        step.detail = tr("Redirected to %1").arg(m_redactor.redactUrl(target).toDisplayString());
        record(step);
        const QUrl expected(m_redirectUri);
        if (target.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment) != expected)
            return fail(tr("The authorization server redirected to %1, not to Crosstalk's redirect URI %2.")
                            .arg(m_redactor.redactUrl(target).toDisplayString(), m_redirectUri),
                        AuthStep::Kind::Callback);
        // The parameters from the bytes as sent, not from a parsed URL that
        // may have normalized them.
        QByteArray query = location;
        query = query.left(query.indexOf('#') < 0 ? query.size() : query.indexOf('#'));
        query = query.indexOf('?') < 0 ? QByteArray() : query.mid(query.indexOf('?') + 1);
        const OAuthMetadata::Form parameters = OAuthMetadata::decodeForm(query);
        if (OAuthMetadata::formValue(parameters, u"state") != m_state) {
            AuthStep bad;
            bad.kind = AuthStep::Kind::Callback;
            bad.verdict = AuthStep::Verdict::Failed;
            bad.title = tr("Authorization response");
            bad.detail = tr("The state in the response is not the one Crosstalk sent.");
            record(bad);
            return fail(bad.detail, AuthStep::Kind::Callback);
        }
        m_listener->close();
        onAuthorizationResponse(parameters);
    });
}

void OAuthAuthorizer::onAuthorizationResponse(const OAuthMetadata::Form &parameters)
{
    m_browserTimer.stop();
    AuthStep step;
    step.kind = AuthStep::Kind::Callback;
    step.title = tr("Authorization response");
    // RFC 9207: the issuer is checked before anything in the response is
    // acted on or shown, errors included.
    const std::optional<QString> issParameter = OAuthMetadata::formValue(parameters, u"iss");
    const bool hasIss = issParameter.has_value();
    const QString iss = issParameter.value_or(QString());
    // Endpoints from a card, with no metadata, come with no issuer to check.
    if (hasIss && iss != m_issuer && !m_options.knownServer) {
        step.verdict = AuthStep::Verdict::Failed;
        step.detail = tr("The response names the issuer “%1”, not “%2”, to which Crosstalk sent the request: it is "
                         "rejected (RFC 9207), and the code is not used.")
                          .arg(iss, m_issuer);
        record(step);
        return fail(step.detail, AuthStep::Kind::Callback);
    }
    if (!hasIss && m_serverMetadata->issParameterSupported) {
        step.verdict = AuthStep::Verdict::Failed;
        step.detail = tr("The authorization server says it sends “iss” in its responses, but this one has none: it "
                         "is rejected (RFC 9207), and the code is not used.");
        record(step);
        return fail(step.detail, AuthStep::Kind::Callback);
    }
    if (const std::optional<QString> error = OAuthMetadata::formValue(parameters, u"error")) {
        step.verdict = AuthStep::Verdict::Failed;
        const QString description = OAuthMetadata::formValue(parameters, u"error_description").value_or(QString());
        step.detail = description.isEmpty() ? tr("The authorization server refused: %1").arg(*error)
                                            : tr("The authorization server refused: %1 (%2)").arg(*error, description);
        record(step);
        return fail(step.detail, AuthStep::Kind::Callback);
    }
    const QString code = OAuthMetadata::formValue(parameters, u"code").value_or(QString());
    if (code.isEmpty()) {
        step.verdict = AuthStep::Verdict::Failed;
        step.detail = tr("The response has no code.");
        record(step);
        return fail(step.detail, AuthStep::Kind::Callback);
    }
    step.verdict = AuthStep::Verdict::Ok;
    step.detail = hasIss ? tr("A code, with the expected state and issuer.") : tr("A code, with the expected state.");
    record(step);
    exchangeCode(code);
}

QString OAuthAuthorizer::tokenAuthMethod() const
{
    if (!m_client->tokenEndpointAuthMethod.isEmpty())
        return m_client->tokenEndpointAuthMethod;
    if (m_client->clientSecret.isEmpty())
        return QStringLiteral("none");
    // RFC 8414: without a list, client_secret_basic is the default.
    if (!m_serverMetadata->tokenEndpointAuthMethodsDeclared)
        return QStringLiteral("client_secret_basic");
    for (const char *method : {"client_secret_basic", "client_secret_post", "none"}) {
        if (m_serverMetadata->tokenEndpointAuthMethodsSupported.contains(QLatin1String(method)))
            return QString::fromLatin1(method);
    }
    return QStringLiteral("client_secret_basic");
}

void OAuthAuthorizer::exchangeCode(const QString &code)
{
    const OAuthMetadata::Form form{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                   {QStringLiteral("code"), code},
                                   {QStringLiteral("redirect_uri"), m_redirectUri},
                                   {QStringLiteral("code_verifier"), m_verifier}};
    requestToken(form, AuthStep::Kind::Token, [this](bool ok) {
        if (ok)
            finishFlow({});
    });
}

void OAuthAuthorizer::requestClientCredentials()
{
    if (!m_options.preRegistered || m_options.preRegistered->clientId.isEmpty()
        || m_options.preRegistered->clientSecret.isEmpty())
        return fail(tr("The client-credentials flow needs the client ID and secret of a client registered with the "
                       "authorization server."),
                    AuthStep::Kind::Registration);
    m_client = m_options.preRegistered;
    m_client->issuer = m_issuer;
    note(AuthStep::Kind::Registration, AuthStep::Verdict::Ok, tr("Pre-registered client"), tr("client_id %1").arg(m_client->clientId));
    const AuthChallenge *bearer = m_challenge.find(u"Bearer");
    const QStringList challenged = bearer ? OAuthMetadata::splitScopes(bearer->param(u"scope")) : QStringList();
    const QStringList scopes = OAuthMetadata::unionScopes(OAuthMetadata::unionScopes(m_options.scopes, challenged),
                                                          m_challengeStatus == 403 ? m_requestedScopes : QStringList());
    m_requestedScopes = OAuthMetadata::unionScopes(m_requestedScopes, scopes);
    OAuthMetadata::Form form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (!scopes.isEmpty())
        form.emplaceBack(QStringLiteral("scope"), scopes.join(u' '));
    requestToken(form, AuthStep::Kind::Token, [this](bool ok) {
        if (ok)
            finishFlow({});
    });
}

void OAuthAuthorizer::refresh()
{
    const OAuthMetadata::Form form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                   {QStringLiteral("refresh_token"), m_tokens->refreshToken}};
    requestToken(form, AuthStep::Kind::Refresh, [this](bool ok) {
        if (ok)
            return finishFlow({});
        // A refused refresh: sign in again, from discovery (the resource may
        // have moved to another authorization server).
        m_tokens.reset();
        m_grant.tokens.removeIf([this](const OAuthTokens &t) { return t.resource == m_resource; });
        if (m_saveGrant && !m_issuer.isEmpty())
            m_saveGrant(m_grant);
        startFlow(m_challenge, m_challengeStatus);
    });
}

void OAuthAuthorizer::requestToken(OAuthMetadata::Form form, AuthStep::Kind kind, std::function<void(bool ok)> then)
{
    if (m_options.sendResource)
        form.emplaceBack(QStringLiteral("resource"), m_resource);
    const QString method = tokenAuthMethod();
    http::HttpRequest request;
    request.method = "POST";
    request.url = m_serverMetadata->tokenEndpoint;
    request.headers.emplaceBack("Content-Type", "application/x-www-form-urlencoded");
    if (method == QLatin1String("client_secret_basic")) {
        // RFC 6749 section 2.3.1: both form-encoded before base64.
        const QByteArray pair = QUrl::toPercentEncoding(m_client->clientId) + ':' + QUrl::toPercentEncoding(m_client->clientSecret);
        request.headers.emplaceBack("Authorization", "Basic " + pair.toBase64());
    } else {
        form.emplaceBack(QStringLiteral("client_id"), m_client->clientId);
        if (method == QLatin1String("client_secret_post"))
            form.emplaceBack(QStringLiteral("client_secret"), m_client->clientSecret);
    }
    request.body = OAuthMetadata::encodeForm(form);
    AuthStep step;
    step.kind = kind;
    step.title = kind == AuthStep::Kind::Refresh ? tr("Refresh (%1)").arg(method) : tr("Token request (%1)").arg(method);
    send(std::move(request), std::move(step), [this, kind, then = std::move(then)](Exchange &e, AuthStep &step) {
        const QString accessToken = e.jsonOk ? json_fields::text(e.json, "access_token") : QString();
        const QString tokenType = e.jsonOk ? json_fields::text(e.json, "token_type") : QString();
        QString problem;
        if (!e.result.ok())
            problem = e.result.errorMessage;
        else if (e.result.status != 200)
            problem = tr("HTTP %1: %2")
                          .arg(e.result.status)
                          .arg(e.jsonOk ? QString(json_fields::text(e.json, "error") + u' ' + json_fields::text(e.json, "error_description")).trimmed()
                                        : excerpt(e.result.body));
        else if (!e.jsonOk || !e.json.is_object())
            problem = tr("the answer is not a JSON object");
        else if (accessToken.isEmpty())
            problem = tr("the answer has no access_token");
        else if (tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
            problem = tr("the token type is “%1”, not Bearer").arg(tokenType);
        if (!problem.isEmpty()) {
            step.verdict = AuthStep::Verdict::Failed;
            step.detail = kind == AuthStep::Kind::Refresh ? tr("The refresh failed: %1").arg(problem)
                                                          : tr("The token request failed: %1").arg(problem);
            record(step);
            if (kind == AuthStep::Kind::Refresh)
                return then(false);
            return fail(step.detail, kind);
        }
        OAuthTokens tokens;
        tokens.resource = m_resource;
        tokens.accessToken = accessToken;
        tokens.tokenType = QStringLiteral("Bearer");
        tokens.refreshToken = json_fields::text(e.json, "refresh_token");
        if (tokens.refreshToken.isEmpty() && kind == AuthStep::Kind::Refresh && m_tokens)
            tokens.refreshToken = m_tokens->refreshToken; // the server keeps the old one valid
        if (const json *expires = json_fields::member(e.json, "expires_in"); expires && expires->is_number() && expires->get<double>() > 0)
            tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(qint64(expires->get<double>()));
        tokens.requestedScopes = m_requestedScopes;
        const QString scope = json_fields::text(e.json, "scope");
        tokens.grantedScopes = scope.isEmpty() ? m_requestedScopes : OAuthMetadata::splitScopes(scope);
        step.verdict = AuthStep::Verdict::Ok;
        step.detail = tr("Access token received; refresh token: %1; valid until: %2; scopes: %3")
                          .arg(tokens.refreshToken.isEmpty() ? tr("none") : tr("received"),
                               tokens.expiresAt.isValid() ? tokens.expiresAt.toString(Qt::ISODate) : tr("(not said)"),
                               tokens.grantedScopes.isEmpty() ? tr("(none)") : tokens.grantedScopes.join(u' '));
        record(step);
        m_tokens = tokens;
        m_grant.issuer = m_issuer;
        if (m_client && m_client->source != OAuthClient::Source::PreRegistered)
            m_grant.client = m_client;
        m_grant.setTokens(tokens);
        if (m_saveGrant)
            m_saveGrant(m_grant);
        then(true);
    });
}

void OAuthAuthorizer::fail(const QString &error, AuthStep::Kind kind)
{
    if (m_steps.isEmpty() || m_steps.constLast().verdict != AuthStep::Verdict::Failed)
        note(kind, AuthStep::Verdict::Failed, tr("Authorization stopped"), error);
    finishFlow(error.isEmpty() ? tr("The authorization failed.") : error);
}

void OAuthAuthorizer::finishFlow(const QString &error)
{
    m_browserTimer.stop();
    if (m_listener)
        m_listener->close();
    m_state.clear();
    m_verifier.clear();
    m_busy = false;
    std::deque<std::pair<QPointer<QObject>, Decision>> waiting;
    waiting.swap(m_waiting);
    emit busyChanged(false);
    emit flowFinished(error);
    for (auto &[context, done] : waiting) {
        if (context)
            done(error.isEmpty(), error);
    }
}

void OAuthAuthorizer::cancel()
{
    if (!m_busy)
        return;
    const QList<QPointer<http::HttpReply>> replies = m_replies;
    m_replies.clear();
    for (const auto &reply : replies) {
        if (reply)
            reply->disconnect(this);
        if (reply)
            reply->abort();
    }
    fail(tr("The sign-in was cancelled."));
}

} // namespace crosstalk::auth
