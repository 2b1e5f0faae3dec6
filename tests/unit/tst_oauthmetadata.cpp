#include "auth/OAuthAuthorizer.h"
#include "auth/OAuthGrant.h"
#include "auth/OAuthMetadata.h"

#include <QTest>

using crosstalk::auth::AuthorizationServerMetadata;
using crosstalk::auth::OAuthAuthorizer;
using crosstalk::auth::OAuthGrant;
using crosstalk::auth::OAuthMetadata;
using crosstalk::auth::ProtectedResourceMetadata;
using nlohmann::json;

namespace {

QStringList strings(const QList<QUrl> &urls)
{
    QStringList out;
    for (const QUrl &u : urls)
        out.append(u.toString());
    return out;
}

} // namespace

class TestOAuthMetadata : public QObject
{
    Q_OBJECT

private slots:
    void protectedResourceUrls_data();
    void protectedResourceUrls();
    void authorizationServerUrls_data();
    void authorizationServerUrls();
    void canonicalResource_data();
    void canonicalResource();
    void resourceCoverage_data();
    void resourceCoverage();
    void protectedResourceDocument();
    void issuerMustMatchExactly();
    void serverMetadataFields();
    void endpointProblems();
    void forms();
    void scopes();
    void pkceMatchesRfc7636();
    void grantRoundTrip();
};

void TestOAuthMetadata::protectedResourceUrls_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("path") << "https://mcp.example.com/public/mcp"
                          << QStringList{QStringLiteral("https://mcp.example.com/.well-known/oauth-protected-resource/public/mcp"),
                                         QStringLiteral("https://mcp.example.com/.well-known/oauth-protected-resource")};
    QTest::newRow("root") << "https://mcp.example.com/"
                          << QStringList{QStringLiteral("https://mcp.example.com/.well-known/oauth-protected-resource")};
    QTest::newRow("query dropped, port kept") << "http://127.0.0.1:8080/mcp?x=1"
                                              << QStringList{QStringLiteral("http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp"),
                                                             QStringLiteral("http://127.0.0.1:8080/.well-known/oauth-protected-resource")};
}

void TestOAuthMetadata::protectedResourceUrls()
{
    QFETCH(QString, server);
    QFETCH(QStringList, urls);
    QCOMPARE(strings(OAuthMetadata::protectedResourceMetadataUrls(QUrl(server))), urls);
}

void TestOAuthMetadata::authorizationServerUrls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("no path") << "https://auth.example.com"
                             << QStringList{QStringLiteral("https://auth.example.com/.well-known/oauth-authorization-server"),
                                            QStringLiteral("https://auth.example.com/.well-known/openid-configuration")};
    QTest::newRow("trailing slash") << "https://auth.example.com/"
                                    << QStringList{QStringLiteral("https://auth.example.com/.well-known/oauth-authorization-server"),
                                                   QStringLiteral("https://auth.example.com/.well-known/openid-configuration")};
    QTest::newRow("path") << "https://auth.example.com/tenant1"
                          << QStringList{QStringLiteral("https://auth.example.com/.well-known/oauth-authorization-server/tenant1"),
                                         QStringLiteral("https://auth.example.com/.well-known/openid-configuration/tenant1"),
                                         QStringLiteral("https://auth.example.com/tenant1/.well-known/openid-configuration")};
}

void TestOAuthMetadata::authorizationServerUrls()
{
    QFETCH(QString, issuer);
    QFETCH(QStringList, urls);
    QCOMPARE(strings(OAuthMetadata::authorizationServerMetadataUrls(QUrl(issuer))), urls);
}

void TestOAuthMetadata::canonicalResource_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("case") << "HTTPS://MCP.Example.COM/Server/mcp" << "https://mcp.example.com/Server/mcp";
    QTest::newRow("fragment") << "https://mcp.example.com/mcp#x" << "https://mcp.example.com/mcp";
    QTest::newRow("root slash") << "https://mcp.example.com/" << "https://mcp.example.com";
    QTest::newRow("user info") << "https://u:p@mcp.example.com/mcp" << "https://mcp.example.com/mcp";
    QTest::newRow("port kept") << "https://mcp.example.com:8443" << "https://mcp.example.com:8443";
}

void TestOAuthMetadata::canonicalResource()
{
    QFETCH(QString, url);
    QFETCH(QString, canonical);
    QCOMPARE(OAuthMetadata::canonicalResource(QUrl(url)).toString(), canonical);
}

void TestOAuthMetadata::resourceCoverage_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("covers");
    QTest::newRow("same") << "https://a.test/mcp" << "https://a.test/mcp" << true;
    QTest::newRow("origin") << "https://a.test" << "https://a.test/mcp" << true;
    QTest::newRow("parent path") << "https://a.test/v1/" << "https://a.test/v1/mcp" << true;
    QTest::newRow("not a segment prefix") << "https://a.test/mc" << "https://a.test/mcp" << false;
    QTest::newRow("other host") << "https://evil.example.com/mcp" << "https://a.test/mcp" << false;
    QTest::newRow("other port") << "http://127.0.0.1:1/mcp" << "http://127.0.0.1:2/mcp" << false;
    QTest::newRow("other scheme") << "http://a.test/mcp" << "https://a.test/mcp" << false;
    QTest::newRow("deeper than server") << "https://a.test/mcp/x" << "https://a.test/mcp" << false;
}

void TestOAuthMetadata::resourceCoverage()
{
    QFETCH(QString, resource);
    QFETCH(QString, server);
    QFETCH(bool, covers);
    QCOMPARE(ProtectedResourceMetadata::covers(QUrl(resource), QUrl(server)), covers);
}

void TestOAuthMetadata::protectedResourceDocument()
{
    const QUrl server(QStringLiteral("https://mcp.example.com/mcp"));
    QString error;
    const auto ok = ProtectedResourceMetadata::read(
        json{{"resource", "https://mcp.example.com/mcp"},
             {"authorization_servers", {"https://auth.example.com"}},
             {"scopes_supported", {"files:read"}}},
        server, &error);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(ok->authorizationServers, QStringList{QStringLiteral("https://auth.example.com")});
    QCOMPARE(ok->scopesSupported, QStringList{QStringLiteral("files:read")});

    QVERIFY(!ProtectedResourceMetadata::read(json{{"authorization_servers", {"https://a"}}}, server, &error));
    QVERIFY2(error.contains(QLatin1String("resource")), qPrintable(error));
    QVERIFY(!ProtectedResourceMetadata::read(json{{"resource", "https://evil.example.com/mcp"}, {"authorization_servers", {"https://a"}}},
                                             server, &error));
    QVERIFY2(error.contains(QLatin1String("evil.example.com")) && error.contains(QLatin1String("9728")), qPrintable(error));
    QVERIFY(!ProtectedResourceMetadata::read(json{{"resource", "https://mcp.example.com/mcp"}}, server, &error));
    QVERIFY2(error.contains(QLatin1String("authorization_servers")), qPrintable(error));
    QVERIFY(!ProtectedResourceMetadata::read(json::array(), server, &error));
}

void TestOAuthMetadata::issuerMustMatchExactly()
{
    const json document{{"issuer", "https://auth.example.com/"},
                        {"authorization_endpoint", "https://auth.example.com/authorize"},
                        {"token_endpoint", "https://auth.example.com/token"}};
    QString error;
    QVERIFY(AuthorizationServerMetadata::read(document, QStringLiteral("https://auth.example.com/"), &error));
    // No normalization: a trailing slash, case or a port make another issuer.
    for (const char *other : {"https://auth.example.com", "https://AUTH.example.com/", "https://auth.example.com:443/"}) {
        QVERIFY(!AuthorizationServerMetadata::read(document, QString::fromLatin1(other), &error));
        QVERIFY2(error.contains(QLatin1String("8414")), qPrintable(error));
    }
}

void TestOAuthMetadata::serverMetadataFields()
{
    QString error;
    const auto m = AuthorizationServerMetadata::read(
        json{{"issuer", "http://127.0.0.1:9"},
             {"authorization_endpoint", "http://127.0.0.1:9/authorize"},
             {"token_endpoint", "http://127.0.0.1:9/token"},
             {"registration_endpoint", "http://127.0.0.1:9/register"},
             {"code_challenge_methods_supported", {"S256"}},
             {"client_id_metadata_document_supported", true},
             {"authorization_response_iss_parameter_supported", true}},
        QStringLiteral("http://127.0.0.1:9"), &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(m->codeChallengeMethodsDeclared);
    QVERIFY(!m->tokenEndpointAuthMethodsDeclared);
    QVERIFY(m->clientIdMetadataDocumentSupported);
    QVERIFY(m->issParameterSupported);
    QCOMPARE(m->registrationEndpoint, QUrl(QStringLiteral("http://127.0.0.1:9/register")));
    // A token endpoint is required, and must be https away from this computer.
    QVERIFY(!AuthorizationServerMetadata::read(json{{"issuer", "https://a.test"}}, QStringLiteral("https://a.test"), &error));
    QVERIFY2(error.contains(QLatin1String("token_endpoint")), qPrintable(error));
    QVERIFY(!AuthorizationServerMetadata::read(json{{"issuer", "https://a.test"}, {"token_endpoint", "http://a.test/token"}},
                                               QStringLiteral("https://a.test"), &error));
    QVERIFY2(error.contains(QLatin1String("https")), qPrintable(error));
}

void TestOAuthMetadata::endpointProblems()
{
    QVERIFY(OAuthMetadata::endpointProblem(QUrl(QStringLiteral("https://a.test/x")), QStringLiteral("e")).isEmpty());
    QVERIFY(OAuthMetadata::endpointProblem(QUrl(QStringLiteral("http://localhost:3/x")), QStringLiteral("e")).isEmpty());
    QVERIFY(OAuthMetadata::endpointProblem(QUrl(QStringLiteral("http://[::1]:3/x")), QStringLiteral("e")).isEmpty());
    QVERIFY(!OAuthMetadata::endpointProblem(QUrl(QStringLiteral("http://a.test/x")), QStringLiteral("e")).isEmpty());
    QVERIFY(!OAuthMetadata::endpointProblem(QUrl(QStringLiteral("javascript:alert(1)")), QStringLiteral("e")).isEmpty());
    QVERIFY(!OAuthMetadata::endpointProblem(QUrl(QStringLiteral("https://a.test/x#f")), QStringLiteral("e")).isEmpty());
    QVERIFY(!OAuthMetadata::endpointProblem(QUrl(QStringLiteral("https://u:p@a.test/x")), QStringLiteral("e")).isEmpty());
}

void TestOAuthMetadata::forms()
{
    const OAuthMetadata::Form form{{QStringLiteral("resource"), QStringLiteral("https://a.test/mcp?x=1&y")},
                                   {QStringLiteral("scope"), QStringLiteral("a b+c")}};
    const QByteArray encoded = OAuthMetadata::encodeForm(form);
    QCOMPARE(encoded, QByteArrayLiteral("resource=https%3A%2F%2Fa.test%2Fmcp%3Fx%3D1%26y&scope=a%20b%2Bc"));
    QCOMPARE(OAuthMetadata::decodeForm(encoded), form);
    // '+' is a space in a form; a repeated name keeps its first value.
    const OAuthMetadata::Form decoded = OAuthMetadata::decodeForm("code=a+b&iss=http%3A%2F%2Fx%2F&code=second&flag");
    QCOMPARE(OAuthMetadata::formValue(decoded, u"code"), std::optional<QString>(QStringLiteral("a b")));
    QCOMPARE(OAuthMetadata::formValue(decoded, u"iss"), std::optional<QString>(QStringLiteral("http://x/")));
    QCOMPARE(OAuthMetadata::formValue(decoded, u"flag"), std::optional<QString>(QString()));
    QVERIFY(!OAuthMetadata::formValue(decoded, u"state"));
}

void TestOAuthMetadata::scopes()
{
    QCOMPARE(OAuthMetadata::splitScopes(QStringLiteral(" a  b a ")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(OAuthMetadata::unionScopes({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("b"), QStringLiteral("c")}),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(OAuthMetadata::joinScopes({QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("y")}), QStringLiteral("x y"));
}

void TestOAuthMetadata::pkceMatchesRfc7636()
{
    // RFC 7636 appendix B.
    QCOMPARE(OAuthAuthorizer::s256Challenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QString a = OAuthAuthorizer::newVerifier();
    const QString b = OAuthAuthorizer::newVerifier();
    QCOMPARE(a.size(), 43);
    QVERIFY(a != b);
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    QVERIFY(unreserved.match(a).hasMatch());
}

void TestOAuthMetadata::grantRoundTrip()
{
    OAuthGrant grant;
    grant.issuer = QStringLiteral("https://auth.example.com");
    crosstalk::auth::OAuthClient client;
    client.issuer = grant.issuer;
    client.clientId = QStringLiteral("client-1");
    client.clientSecret = QStringLiteral("secret-1");
    client.tokenEndpointAuthMethod = QStringLiteral("client_secret_post");
    client.source = crosstalk::auth::OAuthClient::Source::Dynamic;
    client.redirectUris = {QStringLiteral("http://127.0.0.1:5000/callback")};
    grant.client = client;
    crosstalk::auth::OAuthTokens tokens;
    tokens.resource = QStringLiteral("https://mcp.example.com/mcp");
    tokens.accessToken = QStringLiteral("at");
    tokens.refreshToken = QStringLiteral("rt");
    tokens.tokenType = QStringLiteral("Bearer");
    tokens.expiresAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    tokens.grantedScopes = {QStringLiteral("a")};
    tokens.requestedScopes = {QStringLiteral("a"), QStringLiteral("b")};
    grant.setTokens(tokens);
    tokens.accessToken = QStringLiteral("at2");
    grant.setTokens(tokens); // replaces, per resource
    QCOMPARE(grant.tokens.size(), 1);

    const std::optional<OAuthGrant> back = OAuthGrant::fromJson(json::parse(grant.toJson().dump()));
    QVERIFY(back);
    QCOMPARE(back->issuer, grant.issuer);
    QVERIFY(back->client);
    QCOMPARE(back->client->clientSecret, QStringLiteral("secret-1"));
    QCOMPARE(back->client->source, crosstalk::auth::OAuthClient::Source::Dynamic);
    QCOMPARE(back->client->redirectUris, client.redirectUris);
    const crosstalk::auth::OAuthTokens *t = back->tokensFor(tokens.resource);
    QVERIFY(t);
    QCOMPARE(t->accessToken, QStringLiteral("at2"));
    QCOMPARE(t->refreshToken, QStringLiteral("rt"));
    QCOMPARE(t->expiresAt, tokens.expiresAt);
    QCOMPARE(t->requestedScopes, tokens.requestedScopes);
    QVERIFY(!back->tokensFor(QStringLiteral("https://other")));
    QVERIFY(!OAuthGrant::fromJson(json{{"tokens", json::array()}}));
}

QTEST_GUILESS_MAIN(TestOAuthMetadata)
#include "tst_oauthmetadata.moc"
