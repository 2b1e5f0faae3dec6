// The sign-in options read from both generations' security schemes, and
// what A2aSignIn sends for the schemes that take a secret.
#include "a2a/AgentCard.h"
#include "auth/A2aSignIn.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::auth;
using nlohmann::json;

namespace {

// The same schemes in v0.3's OpenAPI shape and v1.0's wrappers.
const json V03Schemes = json::parse(R"({
  "key":    {"type": "apiKey", "in": "header", "name": "X-Api-Key", "description": "a key"},
  "qkey":   {"type": "apiKey", "in": "query", "name": "api_key"},
  "ckey":   {"type": "apiKey", "in": "cookie", "name": "sid"},
  "bearer": {"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"},
  "basic":  {"type": "http", "scheme": "basic"},
  "digest": {"type": "http", "scheme": "digest"},
  "oauth":  {"type": "oauth2", "flows": {
               "authorizationCode": {"authorizationUrl": "https://as.example/authorize", "tokenUrl": "https://as.example/token",
                                     "scopes": {"read": "Read", "write": "Write"}},
               "clientCredentials": {"tokenUrl": "https://as.example/token", "scopes": {"read": "Read"}},
               "implicit": {"authorizationUrl": "https://as.example/authorize", "scopes": {}}}},
  "old":    {"type": "oauth2", "flows": {"password": {"tokenUrl": "https://as.example/token", "scopes": {}}}},
  "oidc":   {"type": "openIdConnect", "openIdConnectUrl": "https://id.example/.well-known/openid-configuration"},
  "mtls":   {"type": "mutualTLS"}
})");

const json V10Schemes = json::parse(R"({
  "key":    {"apiKeySecurityScheme": {"location": "header", "name": "X-Api-Key", "description": "a key"}},
  "qkey":   {"apiKeySecurityScheme": {"location": "query", "name": "api_key"}},
  "ckey":   {"apiKeySecurityScheme": {"location": "cookie", "name": "sid"}},
  "bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer", "bearerFormat": "JWT"}},
  "basic":  {"httpAuthSecurityScheme": {"scheme": "basic"}},
  "digest": {"httpAuthSecurityScheme": {"scheme": "digest"}},
  "oauth":  {"oauth2SecurityScheme": {"flows": {
               "authorizationCode": {"authorizationUrl": "https://as.example/authorize", "tokenUrl": "https://as.example/token",
                                     "scopes": {"read": "Read", "write": "Write"}, "pkceRequired": true}},
             "oauth2MetadataUrl": "https://as.example/.well-known/oauth-authorization-server"}},
  "old":    {"oauth2SecurityScheme": {"flows": {"deviceCode": {"deviceAuthorizationUrl": "https://as.example/device",
                                                                "tokenUrl": "https://as.example/token", "scopes": {}}}}},
  "oidc":   {"openIdConnectSecurityScheme": {"openIdConnectUrl": "https://id.example/.well-known/openid-configuration"}},
  "mtls":   {"mtlsSecurityScheme": {}}
})");

a2a::AgentCard v03Card(const json &security)
{
    return a2a::AgentCard::fromJson({{"protocolVersion", "0.3.0"}, {"name", "a"}, {"url", "https://agent.example/a2a"},
                                     {"securitySchemes", V03Schemes}, {"security", security}});
}

json v10Requirements(const json &v03)
{
    json out = json::array();
    for (const json &r : v03) {
        json schemes = json::object();
        for (auto it = r.begin(); it != r.end(); ++it)
            schemes[it.key()] = {{"list", it.value()}};
        out.push_back({{"schemes", schemes}});
    }
    return out;
}

a2a::AgentCard v10Card(const json &v03Security)
{
    return a2a::AgentCard::fromJson(
        {{"name", "a"},
         {"supportedInterfaces", {{{"url", "https://agent.example/a2a"}, {"protocolBinding", "JSONRPC"}, {"protocolVersion", "1.0"}}}},
         {"securitySchemes", V10Schemes},
         {"securityRequirements", v10Requirements(v03Security)}});
}

const SignInOption *option(const QList<SignInOption> &options, const QString &key)
{
    for (const SignInOption &o : options) {
        if (o.key() == key)
            return &o;
    }
    return nullptr;
}

QStringList keys(const QList<SignInOption> &options)
{
    QStringList out;
    for (const SignInOption &o : options)
        out.append(o.key());
    return out;
}

} // namespace

class TestA2aSecurity : public QObject
{
    Q_OBJECT

private slots:
    void requirementsBecomeOptions_data();
    void requirementsBecomeOptions();
    void oauthFlows();
    void schemesWithoutRequirementsAreOptional();
    void hostileCardsStayBounded();
    void secretsGoWhereTheSchemeSays();
    void missingInputIsNamed();
    void refusalWithTypedSecretsIsFinal();
    void keptCredentialNames();
};

void TestA2aSecurity::requirementsBecomeOptions_data()
{
    QTest::addColumn<bool>("v10");
    QTest::newRow("v0.3") << false;
    QTest::newRow("v1.0") << true;
}

void TestA2aSecurity::requirementsBecomeOptions()
{
    QFETCH(bool, v10);
    const json security = json::parse(R"([
      {"bearer": []}, {"key": [], "basic": []}, {"qkey": [], "ckey": []}, {"bearer": [], "basic": []},
      {"digest": []}, {"mtls": []}, {"ghost": ["x"]}, {"oidc": ["profile"]}, {}
    ])");
    const QList<SignInOption> options = signInOptions(v10 ? v10Card(security) : v03Card(security));
    QCOMPARE(keys(options), (QStringList{QStringLiteral("bearer/bearer"), QStringLiteral("basic/basic + key/api-key"),
                                         QStringLiteral("ckey/api-key + qkey/api-key"), QStringLiteral("basic/basic + bearer/bearer"),
                                         QStringLiteral("digest/unsupported"), QStringLiteral("mtls/unsupported"),
                                         QStringLiteral("ghost/unsupported"), QStringLiteral("oidc/openid-connect")}));
    for (const SignInOption &o : options)
        QVERIFY(o.required);

    const SignInOption *bearer = option(options, QStringLiteral("bearer/bearer"));
    QVERIFY(bearer->usable());
    QCOMPARE(bearer->schemes.first().describe(), QStringLiteral("HTTP bearer token"));
    const SignInOption *keyAndBasic = option(options, QStringLiteral("basic/basic + key/api-key"));
    QVERIFY2(keyAndBasic->usable(), qPrintable(keyAndBasic->problem)); // X-Api-Key and Authorization: no clash
    QCOMPARE(keyAndBasic->describe(), QStringLiteral("basic (HTTP basic (user and password)) and key (API key in header X-Api-Key)"));
    const SignInOption *cookieAndQuery = option(options, QStringLiteral("ckey/api-key + qkey/api-key"));
    QVERIFY(cookieAndQuery->usable());
    QCOMPARE(cookieAndQuery->schemes.at(0).location, Credential::Location::Cookie);
    QCOMPARE(cookieAndQuery->schemes.at(1).location, Credential::Location::Query);

    QVERIFY(option(options, QStringLiteral("basic/basic + bearer/bearer"))->problem.contains(QLatin1String("Authorization header")));
    QVERIFY(option(options, QStringLiteral("digest/unsupported"))->problem.contains(QStringLiteral("“digest”")));
    QVERIFY(option(options, QStringLiteral("mtls/unsupported"))->problem.contains(QLatin1String("mutual TLS")));
    QVERIFY(option(options, QStringLiteral("ghost/unsupported"))->problem.contains(QLatin1String("does not declare: ghost")));
    const SignInOption *oidc = option(options, QStringLiteral("oidc/openid-connect"));
    QVERIFY(oidc->usable());
    QCOMPARE(oidc->schemes.first().scopes, QStringList{QStringLiteral("profile")});
    QCOMPARE(oidc->schemes.first().metadataUrl, QUrl(QStringLiteral("https://id.example/.well-known/openid-configuration")));
    QVERIFY(!oidc->schemes.first().needsClientId());
    QVERIFY(oidc->schemes.first().takesClientId());
}

void TestA2aSecurity::oauthFlows()
{
    const json security = json::parse(R"([{"oauth": ["read"]}, {"old": []}])");
    // v0.3: two flows Crosstalk uses (implicit is left out), one option each.
    const QList<SignInOption> v03 = signInOptions(v03Card(security));
    QCOMPARE(keys(v03), (QStringList{QStringLiteral("oauth/oauth2-authorization-code"), QStringLiteral("oauth/oauth2-client-credentials"),
                                     QStringLiteral("old/unsupported")}));
    const SchemeSignIn &code = v03.at(0).schemes.first();
    QCOMPARE(code.authorizationUrl, QUrl(QStringLiteral("https://as.example/authorize")));
    QCOMPARE(code.tokenUrl, QUrl(QStringLiteral("https://as.example/token")));
    QCOMPARE(code.offeredScopes, (QStringList{QStringLiteral("read"), QStringLiteral("write")}));
    QCOMPARE(code.scopes, QStringList{QStringLiteral("read")});
    QVERIFY(code.metadataUrl.isEmpty());
    QVERIFY(code.needsClientId()); // endpoints alone: nowhere to register
    const SchemeSignIn &cc = v03.at(1).schemes.first();
    QVERIFY(cc.needsClientId() && cc.needsClientSecret());
    QVERIFY(v03.at(2).problem.contains(QLatin1String("password flow, which OAuth 2.1 removed")));

    // v1.0: one flow per scheme, PKCE required, and metadata to register with.
    const QList<SignInOption> v10 = signInOptions(v10Card(security));
    QCOMPARE(keys(v10), (QStringList{QStringLiteral("oauth/oauth2-authorization-code"), QStringLiteral("old/unsupported")}));
    const SchemeSignIn &code10 = v10.first().schemes.first();
    QVERIFY(code10.pkceRequired);
    QCOMPARE(code10.metadataUrl, QUrl(QStringLiteral("https://as.example/.well-known/oauth-authorization-server")));
    QVERIFY(!code10.needsClientId());
    QVERIFY(v10.at(1).problem.contains(QLatin1String("device code")));
}

void TestA2aSecurity::schemesWithoutRequirementsAreOptional()
{
    a2a::AgentCard card = v03Card(json::array());
    const QList<SignInOption> options = signInOptions(card);
    QCOMPARE(options.size(), 11); // every declared scheme; oauth gives two
    for (const SignInOption &o : options)
        QVERIFY(!o.required);
    card.securitySchemes.clear();
    QVERIFY(signInOptions(card).isEmpty());
}

void TestA2aSecurity::hostileCardsStayBounded()
{
    json schemes = json::object();
    json requirement = json::object();
    for (int i = 0; i < 20; ++i) {
        const std::string name = "s" + std::to_string(i);
        schemes[name] = {{"type", "oauth2"},
                         {"flows", {{"authorizationCode", {{"authorizationUrl", "https://a/x"}, {"tokenUrl", "https://a/t"}, {"scopes", json::object()}}},
                                    {"clientCredentials", {{"tokenUrl", "https://a/t"}, {"scopes", json::object()}}}}}};
        requirement[name] = json::array();
    }
    const json security = json::array({requirement, requirement, requirement});
    const a2a::AgentCard card = a2a::AgentCard::fromJson({{"protocolVersion", "0.3.0"}, {"name", "a"}, {"url", "https://agent.example/"},
                                                          {"securitySchemes", schemes}, {"security", security}});
    const QList<SignInOption> options = signInOptions(card); // 2^20 combinations per requirement, if unbounded
    QVERIFY(!options.isEmpty());
    QVERIFY(options.size() <= 64);
    for (const SignInOption &o : options)
        QVERIFY(o.schemes.size() <= 20);
}

void TestA2aSecurity::secretsGoWhereTheSchemeSays()
{
    const json security = json::parse(R"([{"key": [], "basic": []}, {"qkey": [], "ckey": []}, {"bearer": []}])");
    const QList<SignInOption> options = signInOptions(v10Card(security));

    A2aSignIn keyAndBasic(options.at(0), QUrl(QStringLiteral("https://agent.example/a2a")));
    keyAndBasic.setInput(QStringLiteral("key"), {QStringLiteral("k-123"), {}, {}, {}});
    keyAndBasic.setInput(QStringLiteral("basic"), {QStringLiteral("pw"), QStringLiteral("alice"), {}, {}});
    QVERIFY(keyAndBasic.authorizationHeaders().isEmpty()); // nothing before signing in
    QSignalSpy finished(&keyAndBasic, &A2aSignIn::finished);
    keyAndBasic.signIn();
    QCOMPARE(finished.size(), 1); // no request to make
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(keyAndBasic.isSignedIn());
    const http::HeaderList headers = keyAndBasic.authorizationHeaders();
    QCOMPARE(headers.size(), 2);
    QVERIFY(headers.contains(std::pair{QByteArray("Authorization"), QByteArray("Basic " + QByteArray("alice:pw").toBase64())}));
    QVERIFY(headers.contains(std::pair{QByteArray("X-Api-Key"), QByteArray("k-123")}));
    const QUrl plain(QStringLiteral("https://agent.example/a2a?x=1"));
    QCOMPARE(keyAndBasic.authorizedUrl(plain), plain);
    QCOMPARE(keyAndBasic.steps().size(), 2);
    for (const AuthStep &step : keyAndBasic.steps()) {
        QCOMPARE(step.verdict, AuthStep::Verdict::Ok);
        QVERIFY(!step.detail.contains(QLatin1String("k-123")) && !step.detail.contains(QLatin1String("pw")));
    }

    A2aSignIn queryAndCookie(options.at(1), QUrl(QStringLiteral("https://agent.example/a2a")));
    queryAndCookie.setInput(QStringLiteral("qkey"), {QStringLiteral("q s&1"), {}, {}, {}});
    queryAndCookie.setInput(QStringLiteral("ckey"), {QStringLiteral("c-9"), {}, {}, {}});
    queryAndCookie.signIn();
    QVERIFY(queryAndCookie.isSignedIn());
    QCOMPARE(queryAndCookie.authorizationHeaders(), (http::HeaderList{{QByteArray("Cookie"), QByteArray("sid=c-9")}}));
    QCOMPARE(queryAndCookie.authorizedUrl(plain).query(QUrl::FullyEncoded), QStringLiteral("x=1&api_key=q%20s%261"));
    QCOMPARE(queryAndCookie.credentialParameters(), QStringList{QStringLiteral("api_key")});

    queryAndCookie.signOut();
    QVERIFY(!queryAndCookie.isSignedIn());
    QVERIFY(queryAndCookie.authorizationHeaders().isEmpty());
    QCOMPARE(queryAndCookie.authorizedUrl(plain), plain);
}

void TestA2aSecurity::missingInputIsNamed()
{
    const json security = json::parse(R"([{"key": [], "basic": []}, {"oauth": ["read"]}])");
    const QList<SignInOption> options = signInOptions(v03Card(security));
    A2aSignIn s(options.at(0), QUrl(QStringLiteral("https://agent.example/a2a")));
    QCOMPARE(s.missingInput(), QStringLiteral("Still needed: the user for “basic”, the password for “basic”, the API key for “key”."));
    QSignalSpy finished(&s, &A2aSignIn::finished);
    s.signIn();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toString(), s.missingInput());
    QVERIFY(!s.isSignedIn());
    QCOMPARE(s.steps().last().verdict, AuthStep::Verdict::Failed);

    A2aSignIn cc(options.at(2), QUrl(QStringLiteral("https://agent.example/a2a")));
    QCOMPARE(cc.missingInput(), QStringLiteral("Still needed: a client ID for “oauth”, the client secret for “oauth”."));
    A2aSignIn code(options.at(1), QUrl(QStringLiteral("https://agent.example/a2a")));
    QCOMPARE(code.missingInput(), QStringLiteral("Still needed: a client ID for “oauth”."));

    // A header name that is no HTTP token cannot be sent.
    a2a::AgentCard bad = v03Card(json::parse(R"([{"key": []}])"));
    bad.securitySchemes[QStringLiteral("key")].parameterName = QStringLiteral("X Bad");
    A2aSignIn badKey(signInOptions(bad).first(), QUrl(QStringLiteral("https://agent.example/a2a")));
    badKey.setInput(QStringLiteral("key"), {QStringLiteral("k"), {}, {}, {}});
    QSignalSpy badFinished(&badKey, &A2aSignIn::finished);
    badKey.signIn();
    QVERIFY(badFinished.first().first().toString().contains(QStringLiteral("“key” cannot be sent")));
}

void TestA2aSecurity::refusalWithTypedSecretsIsFinal()
{
    const QList<SignInOption> options = signInOptions(v10Card(json::parse(R"([{"bearer": []}])")));
    A2aSignIn s(options.first(), QUrl(QStringLiteral("https://agent.example/a2a")));
    s.setInput(QStringLiteral("bearer"), {QStringLiteral("tok"), {}, {}, {}});
    s.signIn();
    http::HttpResult refusal;
    refusal.status = 401;
    refusal.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_token\"")});
    bool called = false;
    bool retried = true;
    QString why;
    s.challenged(refusal, s.authorizationHeaders(), 0, this, [&](bool retry, const QString &error) {
        called = true;
        retried = retry;
        why = error;
    });
    QVERIFY(!called); // later, never from inside challenged()
    QTRY_VERIFY(called);
    QVERIFY(!retried);
    QVERIFY(why.contains(QLatin1String("refused the credentials")));
    QCOMPARE(s.steps().last().kind, AuthStep::Kind::Challenge);
}

void TestA2aSecurity::keptCredentialNames()
{
    QCOMPARE(auth::signInCredentialName(QStringLiteral("billing"), QStringLiteral("apiKey")), QStringLiteral("billing: apiKey"));
    // A card's scheme name cannot make a name the keychain index refuses.
    const QString odd = auth::signInCredentialName(QStringLiteral("a"), QStringLiteral("x/y\n\u202Ez"));
    QVERIFY2(auth::Credential::nameProblem(odd).isEmpty(), qPrintable(odd));
    QCOMPARE(odd, QStringLiteral("a: x_y__z"));
    const QString longName = auth::signInCredentialName(QStringLiteral("agent"), QString(300, u'k'));
    QCOMPARE(longName.size(), 128);
    QVERIFY(auth::Credential::nameProblem(longName).isEmpty());
    // Whole characters only.
    const QString emoji = auth::signInCredentialName(QStringLiteral("agent"), QString(120, u'k') + QStringLiteral("\U0001F600\U0001F600"));
    QCOMPARE(emoji.size(), 127);
    QVERIFY(!emoji.back().isHighSurrogate());
}

QTEST_GUILESS_MAIN(TestA2aSecurity)
#include "tst_a2asecurity.moc"
