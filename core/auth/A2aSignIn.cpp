#include "auth/A2aSignIn.h"

#include "auth/CredentialStore.h"
#include "traffic/TrafficLog.h"

#include <QTimer>

namespace crosstalk::auth {

A2aSignIn::A2aSignIn(SignInOption option, QUrl agentUrl, QObject *parent)
    : http::HttpAuthorizer(parent)
    , m_option(std::move(option))
    , m_agentUrl(std::move(agentUrl))
{
}

A2aSignIn::~A2aSignIn() = default;

void A2aSignIn::setInput(const QString &scheme, SchemeInput input)
{
    m_inputs.insert(scheme, std::move(input));
}

void A2aSignIn::setGrantStorage(OAuthAuthorizer::LoadGrant load, OAuthAuthorizer::SaveGrant save)
{
    m_loadGrant = std::move(load);
    m_saveGrant = std::move(save);
    for (OAuthAuthorizer *a : std::as_const(m_oauth))
        a->setGrantStorage(m_loadGrant, m_saveGrant);
}

void A2aSignIn::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_log = log;
    m_connection = connection;
    for (OAuthAuthorizer *a : std::as_const(m_oauth))
        a->setTrafficLog(log, connection);
}

QString A2aSignIn::missingInput() const
{
    QStringList missing;
    for (const SchemeSignIn &s : m_option.schemes) {
        const SchemeInput input = m_inputs.value(s.name);
        if (s.needsUser() && input.user.isEmpty())
            missing.append(tr("the user for “%1”").arg(s.name));
        if (s.needsSecret() && input.secret.isEmpty()) {
            missing.append(s.method == SchemeSignIn::Method::ApiKey ? tr("the API key for “%1”").arg(s.name)
                               : s.method == SchemeSignIn::Method::Basic ? tr("the password for “%1”").arg(s.name)
                                                                         : tr("the token for “%1”").arg(s.name));
        }
        if (s.needsClientId() && input.clientId.isEmpty())
            missing.append(tr("a client ID for “%1”").arg(s.name));
        if (s.needsClientSecret() && input.clientSecret.isEmpty())
            missing.append(tr("the client secret for “%1”").arg(s.name));
    }
    if (missing.isEmpty())
        return {};
    return tr("Still needed: %1.").arg(missing.join(QStringLiteral(", ")));
}

void A2aSignIn::setCredentialStore(CredentialStore *store)
{
    const QPointer<CredentialStore> kept = store;
    setGrantStorage(
        [this, kept](const QString &issuer, std::function<void(std::optional<OAuthGrant>)> done) {
            if (!kept)
                return done(std::nullopt);
            kept->loadGrant(issuer, this, [this, done](const std::optional<OAuthGrant> &grant, const QString &error) {
                if (!error.isEmpty())
                    emit keychainFailed(error);
                done(grant);
            });
        },
        [this, kept](const OAuthGrant &grant) {
            if (!kept)
                return;
            kept->saveGrant(grant, this, [this](const QString &error) {
                if (!error.isEmpty())
                    emit keychainFailed(error);
            });
        });
}

std::optional<Credential> A2aSignIn::credentialFor(const SchemeSignIn &scheme) const
{
    const SchemeInput input = m_inputs.value(scheme.name);
    Credential c;
    c.name = scheme.name;
    c.secret = input.secret;
    switch (scheme.method) {
    case SchemeSignIn::Method::ApiKey:
        c.kind = Credential::Kind::ApiKey;
        c.keyName = scheme.keyName;
        c.location = scheme.location;
        return c;
    case SchemeSignIn::Method::Bearer:
        c.kind = Credential::Kind::Bearer;
        return c;
    case SchemeSignIn::Method::Basic:
        c.kind = Credential::Kind::Basic;
        c.user = input.user;
        return c;
    default:
        return std::nullopt;
    }
}

OAuthAuthorizer *A2aSignIn::makeAuthorizer(const SchemeSignIn &scheme)
{
    OAuthOptions o = m_oauthOptions;
    o.scopes = scheme.scopes;
    if (scheme.method == SchemeSignIn::Method::OpenIdConnect && !o.scopes.contains(QLatin1String("openid")))
        o.scopes.prepend(QStringLiteral("openid"));
    // A2A names no resource indicator, and PKCE is used whatever the
    // metadata says about it.
    o.sendResource = false;
    o.requireDeclaredPkce = false;
    o.grant = scheme.method == SchemeSignIn::Method::ClientCredentials ? OAuthOptions::Grant::ClientCredentials
                                                                       : OAuthOptions::Grant::AuthorizationCode;
    const SchemeInput input = m_inputs.value(scheme.name);
    o.preRegistered.reset();
    if (!input.clientId.isEmpty()) {
        OAuthClient client;
        client.clientId = input.clientId;
        client.clientSecret = input.clientSecret;
        client.source = OAuthClient::Source::PreRegistered;
        o.preRegistered = client;
    }
    if (scheme.metadataUrl.isValid() && !scheme.metadataUrl.isEmpty()) {
        o.serverMetadataUrl = scheme.metadataUrl;
    } else {
        AuthorizationServerMetadata known;
        // No metadata, so no issuer: what is kept is kept under the token URL.
        known.issuer = scheme.tokenUrl.toString(QUrl::FullyEncoded);
        known.authorizationEndpoint = scheme.authorizationUrl;
        known.tokenEndpoint = scheme.tokenUrl;
        o.knownServer = known;
    }
    auto *a = new OAuthAuthorizer(m_agentUrl, o, this);
    a->setGrantStorage(m_loadGrant, m_saveGrant);
    if (m_log)
        a->setTrafficLog(m_log, m_connection);
    const QString name = scheme.name;
    connect(a, &OAuthAuthorizer::stepAdded, this, [this, name](const AuthStep &step) {
        AuthStep s = step;
        s.scheme = name;
        m_steps.append(s);
        emit stepAdded(m_steps.constLast());
    });
    connect(a, &http::HttpAuthorizer::busyChanged, this, &http::HttpAuthorizer::busyChanged);
    return a;
}

void A2aSignIn::record(AuthStep step)
{
    if (!step.time.isValid())
        step.time = QDateTime::currentDateTimeUtc();
    m_steps.append(step);
    emit stepAdded(m_steps.constLast());
}

void A2aSignIn::signIn()
{
    if (m_busy)
        return;
    m_busy = true;
    m_signedIn = false;
    m_steps.clear();
    m_credentials.clear();
    const auto stop = [this](const QString &why) {
        AuthStep step;
        step.kind = AuthStep::Kind::Decision;
        step.verdict = AuthStep::Verdict::Failed;
        step.title = tr("Sign-in stopped");
        step.detail = why;
        record(step);
        finish(why);
    };
    if (!m_option.usable())
        return stop(m_option.problem);
    if (const QString missing = missingInput(); !missing.isEmpty())
        return stop(missing);
    for (const SchemeSignIn &s : std::as_const(m_option.schemes)) {
        std::optional<Credential> credential = credentialFor(s);
        if (!credential)
            continue;
        if (const QString problem = credential->problem(); !problem.isEmpty())
            return stop(tr("The credential for “%1” cannot be sent: %2").arg(s.name, problem));
        AuthStep step;
        step.kind = AuthStep::Kind::Decision;
        step.verdict = AuthStep::Verdict::Ok;
        step.scheme = s.name;
        step.title = tr("Credential for “%1”").arg(s.name);
        step.detail = tr("Sent with every call to the agent: %1.").arg(credential->describe());
        record(step);
        m_credentials.append(*credential);
    }
    runOAuth(0);
}

void A2aSignIn::runOAuth(qsizetype index)
{
    for (qsizetype i = index; i < m_option.schemes.size(); ++i) {
        const SchemeSignIn &s = m_option.schemes.at(i);
        if (s.method != SchemeSignIn::Method::AuthorizationCode && s.method != SchemeSignIn::Method::ClientCredentials
            && s.method != SchemeSignIn::Method::OpenIdConnect)
            continue;
        OAuthAuthorizer *a = m_oauth.value(s.name);
        if (!a) {
            a = makeAuthorizer(s);
            m_oauth.insert(s.name, a);
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(a, &OAuthAuthorizer::flowFinished, this, [this, connection, i](const QString &error) {
            disconnect(*connection);
            if (!error.isEmpty())
                return finish(error);
            runOAuth(i + 1);
        });
        a->signIn();
        return;
    }
    finish({});
}

void A2aSignIn::finish(const QString &error)
{
    m_busy = false;
    m_signedIn = error.isEmpty();
    if (!m_signedIn)
        m_credentials.clear();
    emit finished(error);
}

void A2aSignIn::cancel()
{
    if (!m_busy)
        return;
    for (OAuthAuthorizer *a : std::as_const(m_oauth)) {
        if (a->isBusy())
            return a->cancel(); // its flowFinished ends the sign-in
    }
}

void A2aSignIn::signOut()
{
    cancel();
    for (OAuthAuthorizer *a : std::as_const(m_oauth))
        a->signOut();
    m_credentials.clear();
    for (SchemeInput &input : m_inputs) {
        input.secret.clear();
        input.clientSecret.clear();
    }
    m_signedIn = false;
}

http::HeaderList A2aSignIn::authorizationHeaders() const
{
    http::HeaderList headers;
    for (const Credential &c : m_credentials) {
        if (auto header = c.header())
            headers.append(*header);
    }
    for (const SchemeSignIn &s : m_option.schemes) {
        if (OAuthAuthorizer *a = m_oauth.value(s.name))
            headers.append(a->authorizationHeaders());
    }
    return headers;
}

QUrl A2aSignIn::authorizedUrl(const QUrl &url) const
{
    QUrl out = url;
    for (const Credential &c : m_credentials)
        out = c.withQuery(out);
    return out;
}

QStringList A2aSignIn::credentialParameters() const
{
    QStringList names;
    for (const Credential &c : m_credentials) {
        if (c.kind == Credential::Kind::ApiKey && c.location == Credential::Location::Query)
            names.append(c.keyName);
    }
    return names;
}

void A2aSignIn::challenged(const http::HttpResult &refusal, const http::HeaderList &sentHeaders, int attempt,
                           QObject *context, Decision done)
{
    // Not signed in yet (or signing in): sign in with what the person gave,
    // then send the request again.
    if (m_busy || (!m_signedIn && attempt == 0 && m_option.usable() && missingInput().isEmpty())) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(this, &A2aSignIn::finished, context, [connection, done = std::move(done)](const QString &error) {
            QObject::disconnect(*connection);
            done(error.isEmpty(), error);
        });
        if (!m_busy)
            signIn();
        return;
    }
    for (const SchemeSignIn &s : std::as_const(m_option.schemes)) {
        if (OAuthAuthorizer *a = m_oauth.value(s.name))
            return a->challenged(refusal, sentHeaders, attempt, context, std::move(done));
    }
    // Only secrets the person typed: nothing Crosstalk can renew by itself.
    AuthStep step = OAuthAuthorizer::refusalStep(refusal, m_agentUrl, AuthStep::Verdict::Failed);
    step.detail = m_signedIn ? tr("The agent refused the credentials given; sign in again with others.")
                             : tr("The agent requires a sign-in.");
    record(step);
    const QString why = step.detail;
    QTimer::singleShot(0, context, [done = std::move(done), why] { done(false, why); });
}

} // namespace crosstalk::auth
