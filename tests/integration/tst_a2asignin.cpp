// Signing in to an OAuth-protected A2A agent (tests/peers/a2a/oauth-agent.mjs:
// the official @a2a-js/sdk agent behind the official MCP SDK's authorization
// server) with the schemes its card declares, using the real keychain for
// what is kept: the authorization code flow with PKCE through the loopback
// redirect (this test plays the browser), client credentials, a sign-in
// started by the agent's 401, an auth-required task continued after
// signing in, and the extended card compared with the public one. In the
// end no file holds a token or secret.
#include "a2a/A2aClient.h"
#include "a2a/CardDiff.h"
#include "a2a/CardDiscovery.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"
#include "http/HttpClient.h"

#include "A2aCalls.h"
#include "LoopbackBrowser.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;
using namespace crosstalk::auth;
using nlohmann::json;

namespace {

const QString ServiceId = QStringLiteral("crosstalk-service");
const QString ServiceSecret = QStringLiteral("service-secret-5d1e");

const SignInOption *findOption(const QList<SignInOption> &options, const QString &scheme)
{
    for (const SignInOption &o : options) {
        if (o.schemes.size() == 1 && o.schemes.first().name == scheme)
            return &o;
    }
    return nullptr;
}

bool hasAdminSkill(const AgentCard &card)
{
    return std::any_of(card.skills.begin(), card.skills.end(), [](const AgentSkill &s) { return s.id == QLatin1String("admin"); });
}

QStringList stepLines(const QList<AuthStep> &steps)
{
    QStringList lines;
    for (const AuthStep &s : steps)
        lines.append(QStringLiteral("%1 %2 %3: %4").arg(AuthStep::kindName(s.kind), AuthStep::verdictName(s.verdict), s.title, s.detail));
    return lines;
}

} // namespace

class TestA2aSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void optionsFromTheCard();
    void anonymousCallersGetThePublicCard();
    void authorizationCodeThroughTheLoopbackRedirect();
    void keptTokenSignsInWithoutTheBrowser();
    void openIdConnectDiscovery();
    void metadataNamingAnotherIssuerIsRefused();
    void clientCredentials();
    void wrongClientSecretIsShownAsAFailedStep();
    void refusalStartsTheSignIn();
    void authRequiredTaskContinuesAfterSigningIn();
    void noFileHoldsASecret();

private:
    A2aSignIn *signIn(const QString &scheme, const SchemeInput &input, bool browser = true);
    A2aClient *client(http::HttpAuthorizer *authorizer);

    test::PeerProcess m_agent;
    test::PeerProcess m_strictAgent;
    http::HttpClient m_http;
    AgentCard m_card;
    AgentCard m_strictCard;
    CredentialStore m_store{QString::fromLatin1(CredentialStore::DefaultService)};
    test::LoopbackBrowser m_browser;
    QStringList m_secrets;
};

void TestA2aSignIn::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QStringList service{QStringLiteral("--service-client"), ServiceId + u':' + ServiceSecret};
    QVERIFY2(m_agent.start(QStringLiteral("a2a/oauth-agent.mjs"), service), qPrintable(m_agent.errorString()));
    QVERIFY2(m_strictAgent.start(QStringLiteral("a2a/oauth-agent.mjs"), QStringList{QStringLiteral("--require-sign-in")} + service),
             qPrintable(m_strictAgent.errorString()));
    for (auto [peer, card] : {std::pair{&m_agent, &m_card}, std::pair{&m_strictAgent, &m_strictCard}}) {
        CardDiscovery discovery(&m_http);
        QSignalSpy spy(&discovery, &CardDiscovery::finished);
        discovery.fetch(peer->url());
        QVERIFY(spy.wait(20000));
        const CardFetch fetch = spy.first().first().value<CardFetch>();
        QVERIFY2(fetch.ok(), qPrintable(fetch.message));
        *card = *fetch.card;
    }
    m_secrets.append(ServiceSecret);
}

A2aSignIn *TestA2aSignIn::signIn(const QString &scheme, const SchemeInput &input, bool browser)
{
    const QList<SignInOption> options = signInOptions(m_card);
    const SignInOption *option = findOption(options, scheme);
    if (!option)
        return nullptr;
    auto *s = new A2aSignIn(*option, QUrl(m_card.interfaces.first().url), this);
    s->setInput(scheme, input);
    OAuthOptions o;
    o.requestTimeoutMs = 10000;
    o.browserTimeoutMs = 20000;
    if (browser)
        o.openBrowser = [this](const QUrl &url) { m_browser.open(url); };
    s->setOAuthOptions(o);
    s->setGrantStorage(
        [this](const QString &issuer, std::function<void(std::optional<OAuthGrant>)> done) {
            m_store.loadGrant(issuer, this, [done](const std::optional<OAuthGrant> &grant, const QString &) { done(grant); });
        },
        [this](const OAuthGrant &grant) {
            for (const OAuthTokens &t : grant.tokens)
                m_secrets.append(t.accessToken);
            m_store.saveGrant(grant, this, [](const QString &) {});
        });
    return s;
}

A2aClient *TestA2aSignIn::client(http::HttpAuthorizer *authorizer)
{
    A2aClient::Options options;
    options.binding = Binding::JsonRpc;
    options.version = ProtocolVersion::V1_0;
    options.timeoutMs = 10000;
    options.authorizer = authorizer;
    return new A2aClient(&m_http, m_card, options, this);
}

void TestA2aSignIn::optionsFromTheCard()
{
    const QList<SignInOption> options = signInOptions(m_card);
    QCOMPARE(options.size(), 3);
    const SignInOption *code = findOption(options, QStringLiteral("oauth"));
    const SignInOption *service = findOption(options, QStringLiteral("service"));
    QVERIFY(code && service);
    QVERIFY2(code->usable(), qPrintable(code->problem));
    QVERIFY2(service->usable(), qPrintable(service->problem));
    QVERIFY(code->required);
    const SchemeSignIn &c = code->schemes.first();
    QCOMPARE(c.method, SchemeSignIn::Method::AuthorizationCode);
    QVERIFY(c.pkceRequired);
    QCOMPARE(c.scopes, QStringList{QStringLiteral("agent:admin")});
    QCOMPARE(c.metadataUrl, m_agent.url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(!c.needsClientId()); // the metadata offers registration
    const SchemeSignIn &s = service->schemes.first();
    QCOMPARE(s.method, SchemeSignIn::Method::ClientCredentials);
    QCOMPARE(s.tokenUrl, m_agent.url(QStringLiteral("/token")));
    QVERIFY(s.needsClientId() && s.needsClientSecret());
    const SignInOption *oidc = findOption(options, QStringLiteral("oidc"));
    QVERIFY(oidc && oidc->usable());
    QCOMPARE(oidc->schemes.first().method, SchemeSignIn::Method::OpenIdConnect);
    QCOMPARE(oidc->schemes.first().metadataUrl, m_agent.url(QStringLiteral("/.well-known/openid-configuration")));
}

void TestA2aSignIn::anonymousCallersGetThePublicCard()
{
    const test::A2aOutcome o = test::waitFor(client(nullptr)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(!hasAdminSkill(AgentCard::fromJson(o.result)));
    QVERIFY(diffCards(m_card.raw, o.result).isEmpty());
}

void TestA2aSignIn::authorizationCodeThroughTheLoopbackRedirect()
{
    A2aSignIn *s = signIn(QStringLiteral("oauth"), {});
    QVERIFY(s);
    QVERIFY2(s->missingInput().isEmpty(), qPrintable(s->missingInput()));
    QSignalSpy finished(s, &A2aSignIn::finished);
    s->signIn();
    QVERIFY(finished.wait(30000));
    const QString error = finished.first().first().toString();
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + stepLines(s->steps()).join(u'\n')));
    QVERIFY2(m_browser.error().isEmpty(), qPrintable(m_browser.error()));
    QCOMPARE(m_browser.opened(), 1);
    QVERIFY(s->isSignedIn());

    // Every step, in order, with the scheme named.
    QList<AuthStep::Kind> kinds;
    for (const AuthStep &step : s->steps()) {
        QCOMPARE(step.scheme, QStringLiteral("oauth"));
        QVERIFY2(step.verdict != AuthStep::Verdict::Failed, qPrintable(step.detail));
        if (kinds.isEmpty() || kinds.last() != step.kind)
            kinds.append(step.kind);
    }
    const QList<AuthStep::Kind> expected{AuthStep::Kind::Discovery, AuthStep::Kind::Registration, AuthStep::Kind::Decision,
                                         AuthStep::Kind::Authorize, AuthStep::Kind::Callback, AuthStep::Kind::Token};
    QVERIFY2(kinds == expected, qPrintable(stepLines(s->steps()).join(u'\n')));
    // The authorize URL carried PKCE S256 and the card's scope, and no resource.
    const AuthStep authorize = *std::find_if(s->steps().begin(), s->steps().end(),
                                             [](const AuthStep &step) { return step.kind == AuthStep::Kind::Authorize; });
    const QString query = authorize.url.query(QUrl::FullyDecoded);
    QVERIFY2(query.contains(QLatin1String("code_challenge_method=S256")), qPrintable(query));
    QVERIFY2(query.contains(QLatin1String("scope=agent:admin")), qPrintable(query));
    QVERIFY2(!query.contains(QLatin1String("resource=")), qPrintable(query));
    QVERIFY2(query.contains(QLatin1String("state=[redacted]")), qPrintable(query));

    // Signed in: the extended card, and what it adds.
    const test::A2aOutcome o = test::waitFor(client(s)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(hasAdminSkill(AgentCard::fromJson(o.result)));
    const QList<CardChange> changes = diffCards(m_card.raw, o.result);
    QStringList paths;
    for (const CardChange &c : changes)
        paths.append(CardChange::kindName(c.kind) + u' ' + c.path);
    QVERIFY2(paths.contains(QLatin1String("added skills[id=admin]")), qPrintable(paths.join(u'\n')));
    QVERIFY2(paths.contains(QLatin1String("changed description")), qPrintable(paths.join(u'\n')));
    QCOMPARE(changes.size(), 2);

    // What is kept is in the keychain, under the issuer the metadata names.
    std::optional<OAuthGrant> kept;
    bool loaded = false;
    m_store.loadGrant(m_agent.url().toString(), this, [&](const std::optional<OAuthGrant> &grant, const QString &e) {
        QVERIFY2(e.isEmpty(), qPrintable(e));
        kept = grant;
        loaded = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded, 10000);
    QVERIFY(kept);
    QVERIFY(kept->client && kept->client->source == OAuthClient::Source::Dynamic);
    QCOMPARE(kept->tokens.size(), 1);
    QCOMPARE(kept->tokens.first().accessToken, s->authorizer(QStringLiteral("oauth"))->tokens()->accessToken);
}

void TestA2aSignIn::keptTokenSignsInWithoutTheBrowser()
{
    // A new sign-in (a new run of the app) finds the token in the keychain.
    A2aSignIn *s = signIn(QStringLiteral("oauth"), {});
    QSignalSpy finished(s, &A2aSignIn::finished);
    const int browsed = m_browser.opened();
    s->signIn();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(stepLines(s->steps()).join(u'\n')));
    QCOMPARE(m_browser.opened(), browsed);
    QVERIFY(std::none_of(s->steps().begin(), s->steps().end(),
                         [](const AuthStep &step) { return step.kind == AuthStep::Kind::Registration || step.kind == AuthStep::Kind::Authorize; }));
    const test::A2aOutcome o = test::waitFor(client(s)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(hasAdminSkill(AgentCard::fromJson(o.result)));
}

void TestA2aSignIn::openIdConnectDiscovery()
{
    // The kept token lacks the scope `openid`: a sign-in in the browser, with
    // the registration kept for the same issuer.
    A2aSignIn *s = signIn(QStringLiteral("oidc"), {});
    QSignalSpy finished(s, &A2aSignIn::finished);
    const int browsed = m_browser.opened();
    s->signIn();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(stepLines(s->steps()).join(u'\n')));
    QCOMPARE(m_browser.opened(), browsed + 1);
    const QList<AuthStep> &steps = s->steps();
    QCOMPARE(steps.first().kind, AuthStep::Kind::Discovery);
    QCOMPARE(steps.first().url, m_agent.url(QStringLiteral("/.well-known/openid-configuration")));
    QVERIFY(std::any_of(steps.begin(), steps.end(), [](const AuthStep &step) {
        return step.kind == AuthStep::Kind::Registration && step.verdict == AuthStep::Verdict::Ok
            && step.title.contains(QLatin1String("kept"));
    }));
    const auto authorize = std::find_if(steps.begin(), steps.end(), [](const AuthStep &step) { return step.kind == AuthStep::Kind::Authorize; });
    QVERIFY(authorize != steps.end());
    QVERIFY2(authorize->url.query(QUrl::FullyDecoded).contains(QLatin1String("scope=openid agent:admin")),
             qPrintable(authorize->url.query(QUrl::FullyDecoded)));
    const test::A2aOutcome o = test::waitFor(client(s)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(hasAdminSkill(AgentCard::fromJson(o.result)));
}

void TestA2aSignIn::metadataNamingAnotherIssuerIsRefused()
{
    // A metadata document that names an issuer publishing elsewhere is not
    // trusted, and the failed step says so.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const json metadata{{"issuer", "http://127.0.0.1:9/"},
                        {"authorization_endpoint", "http://127.0.0.1:9/authorize"},
                        {"token_endpoint", "http://127.0.0.1:9/token"},
                        {"code_challenge_methods_supported", {"S256"}}};
    const QString routes = dir.filePath(QStringLiteral("routes.json"));
    QFile file(routes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(json{{"/.well-known/oauth-authorization-server", {{"body", metadata}}}}.dump()));
    file.close();
    test::PeerProcess server;
    QVERIFY2(server.start(QStringLiteral("a2a/card-server.mjs"), {routes}), qPrintable(server.errorString()));

    SchemeSignIn scheme;
    scheme.name = QStringLiteral("elsewhere");
    scheme.method = SchemeSignIn::Method::AuthorizationCode;
    scheme.metadataUrl = server.url(QStringLiteral("/.well-known/oauth-authorization-server"));
    SignInOption option;
    option.schemes.append(scheme);
    A2aSignIn s(option, server.url(QStringLiteral("/a2a")));
    OAuthOptions o;
    o.requestTimeoutMs = 10000;
    o.openBrowser = [this](const QUrl &url) { m_browser.open(url); };
    s.setOAuthOptions(o);
    QSignalSpy finished(&s, &A2aSignIn::finished);
    const int browsed = m_browser.opened();
    s.signIn();
    QVERIFY(finished.wait(20000));
    const QString error = finished.first().first().toString();
    QVERIFY2(error.contains(QLatin1String("not trusted")), qPrintable(error));
    QCOMPARE(m_browser.opened(), browsed);
    QCOMPARE(s.steps().first().kind, AuthStep::Kind::Discovery);
    QCOMPARE(s.steps().first().verdict, AuthStep::Verdict::Failed);
    QCOMPARE(s.steps().first().status, 200);
    QVERIFY(!s.isSignedIn());
}

void TestA2aSignIn::clientCredentials()
{
    A2aSignIn *s = signIn(QStringLiteral("service"), {{}, {}, ServiceId, {}}, false);
    QVERIFY(s->missingInput().contains(QLatin1String("client secret")));
    s->setInput(QStringLiteral("service"), {{}, {}, ServiceId, ServiceSecret});
    QVERIFY(s->missingInput().isEmpty());
    QSignalSpy finished(s, &A2aSignIn::finished);
    s->signIn();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(stepLines(s->steps()).join(u'\n')));
    const auto token = std::find_if(s->steps().begin(), s->steps().end(),
                                    [](const AuthStep &step) { return step.kind == AuthStep::Kind::Token; });
    QVERIFY(token != s->steps().end());
    QVERIFY2(token->requestBody.contains("grant_type=client_credentials"), token->requestBody.constData());
    QVERIFY2(!token->requestBody.contains(ServiceSecret.toUtf8()), token->requestBody.constData());
    for (const auto &h : token->requestHeaders) {
        if (h.name.compare("authorization", Qt::CaseInsensitive) == 0)
            QCOMPARE(h.value, QByteArray("Basic [redacted]"));
    }
    const test::A2aOutcome o = test::waitFor(client(s)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    QVERIFY(hasAdminSkill(AgentCard::fromJson(o.result)));
}

void TestA2aSignIn::wrongClientSecretIsShownAsAFailedStep()
{
    A2aSignIn *s = signIn(QStringLiteral("service"), {{}, {}, ServiceId, QStringLiteral("not-the-secret")}, false);
    QSignalSpy finished(s, &A2aSignIn::finished);
    s->signIn();
    QVERIFY(finished.wait(30000));
    const QString error = finished.first().first().toString();
    QVERIFY2(error.contains(QLatin1String("401")) && error.contains(QLatin1String("invalid_client")), qPrintable(error));
    QVERIFY(!s->isSignedIn());
    QVERIFY(s->authorizationHeaders().isEmpty());
    const AuthStep &last = s->steps().last();
    QCOMPARE(last.verdict, AuthStep::Verdict::Failed);
    const auto token = std::find_if(s->steps().begin(), s->steps().end(),
                                    [](const AuthStep &step) { return step.kind == AuthStep::Kind::Token; });
    QVERIFY(token != s->steps().end());
    QCOMPARE(token->status, 401);
    QCOMPARE(token->verdict, AuthStep::Verdict::Failed);
}

void TestA2aSignIn::refusalStartsTheSignIn()
{
    // The strict agent refuses anonymous calls with 401: the call signs in
    // (client credentials here) and goes through, with no step by the caller.
    const SignInOption *option = nullptr;
    const QList<SignInOption> options = signInOptions(m_strictCard);
    option = findOption(options, QStringLiteral("service"));
    QVERIFY(option);
    auto *s = new A2aSignIn(*option, QUrl(m_strictCard.interfaces.first().url), this);
    s->setInput(QStringLiteral("service"), {{}, {}, ServiceId, ServiceSecret});

    A2aClient::Options plain;
    plain.binding = Binding::JsonRpc;
    plain.timeoutMs = 10000;
    auto *anonymous = new A2aClient(&m_http, m_strictCard, plain, this);
    const test::A2aOutcome refused = test::waitFor(anonymous->sendMessage(test::userText(QStringLiteral("message hi"))));
    QCOMPARE(refused.error.httpStatus, 401);

    A2aClient::Options options2 = plain;
    options2.authorizer = s;
    auto *c = new A2aClient(&m_http, m_strictCard, options2, this);
    const test::A2aOutcome o = test::waitFor(c->sendStreamingMessage(test::userText(QStringLiteral("stream please"))));
    QVERIFY2(o.error.ok(), qPrintable(o.error.message + u'\n' + stepLines(s->steps()).join(u'\n')));
    QVERIFY(s->isSignedIn());
    QVERIFY(!o.items.isEmpty());
}

void TestA2aSignIn::authRequiredTaskContinuesAfterSigningIn()
{
    A2aClient *anonymous = client(nullptr);
    const test::A2aOutcome first = test::waitFor(anonymous->sendMessage(test::userText(QStringLiteral("auth"))));
    QVERIFY2(first.error.ok(), qPrintable(first.error.message));
    const auto *task = std::get_if<Task>(&first.items.last());
    QVERIFY(task);
    QCOMPARE(task->status.state, TaskState::AuthRequired);

    Message followUp = test::userText(QStringLiteral("signed in now?"));
    followUp.taskId = task->id;
    followUp.contextId = task->contextId;
    // Still anonymous: the task still waits.
    const test::A2aOutcome still = test::waitFor(anonymous->sendMessage(followUp));
    QVERIFY2(still.error.ok(), qPrintable(still.error.message));
    const auto *stillTask = std::get_if<Task>(&still.items.last());
    QVERIFY(stillTask);
    QCOMPARE(stillTask->status.state, TaskState::AuthRequired);

    A2aSignIn *s = signIn(QStringLiteral("service"), {{}, {}, ServiceId, ServiceSecret}, false);
    QSignalSpy finished(s, &A2aSignIn::finished);
    s->signIn();
    QVERIFY(finished.wait(30000));
    QVERIFY(s->isSignedIn());
    followUp.messageId = QStringLiteral("follow-up-2");
    const test::A2aOutcome done = test::waitFor(client(s)->sendMessage(followUp));
    QVERIFY2(done.error.ok(), qPrintable(done.error.message));
    const auto *doneTask = std::get_if<Task>(&done.items.last());
    QVERIFY(doneTask);
    QCOMPARE(doneTask->status.state, TaskState::Completed);
}

void TestA2aSignIn::noFileHoldsASecret()
{
    QVERIFY(m_secrets.size() >= 3);
    QStringList roots{QDir::homePath()};
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}) {
        if (qEnvironmentVariableIsSet(name))
            roots.append(qEnvironmentVariable(name));
    }
    int files = 0;
    const QStringList found = test::filesHoldingSecrets(roots, m_secrets, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY(files > 0); // the keyring, at least
}

QTEST_GUILESS_MAIN(TestA2aSignIn)
#include "tst_a2asignin.moc"
