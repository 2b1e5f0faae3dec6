#include "a2a/AgentCard.h"

#include <QTest>

using namespace crosstalk::a2a;
using nlohmann::json;

class TestAgentCard : public QObject
{
    Q_OBJECT

private slots:
    void versionDetection_data();
    void versionDetection();
    void v1Card();
    void v03Card();
    void v02CardWithoutTransport();
    void wrongTypesReadAsAbsent();
    void interfaceFor();
};

void TestAgentCard::versionDetection_data()
{
    QTest::addColumn<QByteArray>("card");
    QTest::addColumn<QString>("version");
    QTest::newRow("v1.0") << QByteArray(R"({"supportedInterfaces":[{"url":"u","protocolBinding":"JSONRPC","protocolVersion":"1.0"}]})") << "1.0";
    QTest::newRow("v1.0 without interface version") << QByteArray(R"({"supportedInterfaces":[]})") << "1.0";
    QTest::newRow("dual card, newest wins")
        << QByteArray(R"({"url":"u","protocolVersion":"0.3","supportedInterfaces":[{"url":"u","protocolBinding":"JSONRPC","protocolVersion":"0.3"},{"url":"u","protocolBinding":"JSONRPC","protocolVersion":"1.0"}]})")
        << "1.0";
    QTest::newRow("v0.3") << QByteArray(R"({"url":"u","protocolVersion":"0.3.0"})") << "0.3";
    QTest::newRow("v0.2") << QByteArray(R"({"url":"u","protocolVersion":"0.2.5"})") << "0.2";
    QTest::newRow("v0.2 without version") << QByteArray(R"({"url":"u"})") << "0.2";
    QTest::newRow("unknown version") << QByteArray(R"({"url":"u","protocolVersion":"7"})") << "unknown";
    QTest::newRow("not a card") << QByteArray(R"([1,2])") << "unknown";
    QTest::newRow("empty object") << QByteArray(R"({})") << "unknown";
}

void TestAgentCard::versionDetection()
{
    QFETCH(QByteArray, card);
    QFETCH(QString, version);
    QCOMPARE(protocolVersionName(detectCardVersion(json::parse(card.toStdString()))), version);
}

void TestAgentCard::v1Card()
{
    const AgentCard card = AgentCard::fromJson(json::parse(R"({
        "name": "Travel \u202eagent", "description": "Books trips", "version": "2.1",
        "provider": {"organization": "Example", "url": "https://example.test"},
        "iconUrl": "https://example.test/icon.png",
        "supportedInterfaces": [
            {"url": "https://a.test/rpc", "protocolBinding": "JSONRPC", "protocolVersion": "1.0", "tenant": "t1"},
            {"url": "https://a.test/rest", "protocolBinding": "HTTP+JSON", "protocolVersion": "1.0"},
            {"url": "a.test:443", "protocolBinding": "GRPC", "protocolVersion": "1.0"}],
        "capabilities": {"streaming": true, "pushNotifications": false, "extendedAgentCard": true,
                         "extensions": [{"uri": "urn:x", "description": "X", "required": true}]},
        "securitySchemes": {
            "key": {"apiKeySecurityScheme": {"location": "header", "name": "X-Key"}},
            "bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer", "bearerFormat": "JWT"}},
            "oauth": {"oauth2SecurityScheme": {"flows": {"clientCredentials": {"tokenUrl": "https://a.test/t"}}}}},
        "securityRequirements": [{"schemes": {"oauth": {"list": ["read", "write"]}}}, {"schemes": {"key": {"list": []}}}],
        "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain", "application/json"],
        "skills": [{"id": "book", "name": "Book", "description": "Books", "tags": ["travel"], "examples": ["Book a flight"]}],
        "signatures": [{"protected": "eyJhbGciOiJFUzI1NiJ9", "signature": "c2ln"}]
    })"));
    QCOMPARE(card.version, ProtocolVersion::V1_0);
    QCOMPARE(card.name, QStringLiteral("Travel ") + QChar(0x202E) + QStringLiteral("agent"));
    QCOMPARE(card.agentVersion, QStringLiteral("2.1"));
    QCOMPARE(card.providerOrganization, QStringLiteral("Example"));
    QCOMPARE(card.interfaces.size(), 3);
    QCOMPARE(card.interfaces.at(0).binding, Binding::JsonRpc);
    QCOMPARE(card.interfaces.at(0).tenant, QStringLiteral("t1"));
    QCOMPARE(card.interfaces.at(1).binding, Binding::HttpJson);
    QCOMPARE(card.interfaces.at(2).binding, Binding::Grpc);
    QVERIFY(card.streaming);
    QVERIFY(!card.pushNotifications);
    QVERIFY(card.extendedCard);
    QCOMPARE(card.extensions.size(), 1);
    QVERIFY(card.extensions.first().required);
    QCOMPARE(card.securitySchemes.size(), 3);
    QCOMPARE(card.securitySchemes.value(QStringLiteral("key")).type, SecurityScheme::Type::ApiKey);
    QCOMPARE(card.securitySchemes.value(QStringLiteral("key")).parameterName, QStringLiteral("X-Key"));
    QCOMPARE(card.securitySchemes.value(QStringLiteral("bearer")).httpScheme, QStringLiteral("Bearer"));
    QCOMPARE(card.securitySchemes.value(QStringLiteral("oauth")).type, SecurityScheme::Type::OAuth2);
    QCOMPARE(card.securityRequirements.size(), 2);
    QCOMPARE(card.securityRequirements.first().value(QStringLiteral("oauth")),
             (QStringList{QStringLiteral("read"), QStringLiteral("write")}));
    QCOMPARE(card.skills.size(), 1);
    QCOMPARE(card.skills.first().examples, QStringList{QStringLiteral("Book a flight")});
    QCOMPARE(card.signatures.size(), 1);
    QCOMPARE(card.raw.at("name").get<std::string>(), std::string("Travel \u202e" "agent"));
}

void TestAgentCard::v03Card()
{
    const AgentCard card = AgentCard::fromJson(json::parse(R"({
        "name": "Old", "description": "d", "version": "1", "protocolVersion": "0.3.0",
        "url": "https://a.test/rest", "preferredTransport": "HTTP+JSON",
        "additionalInterfaces": [{"url": "https://a.test/rest", "transport": "HTTP+JSON"},
                                 {"url": "https://a.test/rpc", "transport": "JSONRPC"}],
        "capabilities": {"streaming": true}, "supportsAuthenticatedExtendedCard": true,
        "securitySchemes": {"key": {"type": "apiKey", "in": "query", "name": "k"},
                            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://a.test/.well-known/openid-configuration"}},
        "security": [{"key": []}],
        "defaultInputModes": [], "defaultOutputModes": [], "skills": []
    })"));
    QCOMPARE(card.version, ProtocolVersion::V0_3);
    // The preferred transport first; the repeat in additionalInterfaces is dropped.
    QCOMPARE(card.interfaces.size(), 2);
    QCOMPARE(card.interfaces.at(0).binding, Binding::HttpJson);
    QCOMPARE(card.interfaces.at(0).protocolVersion, QStringLiteral("0.3.0"));
    QCOMPARE(card.interfaces.at(1).binding, Binding::JsonRpc);
    QVERIFY(card.extendedCard);
    QCOMPARE(card.securitySchemes.value(QStringLiteral("key")).location, QStringLiteral("query"));
    QCOMPARE(card.securitySchemes.value(QStringLiteral("oidc")).type, SecurityScheme::Type::OpenIdConnect);
    QCOMPARE(card.securityRequirements.size(), 1);
    QVERIFY(card.securityRequirements.first().contains(QStringLiteral("key")));
}

void TestAgentCard::v02CardWithoutTransport()
{
    const AgentCard card = AgentCard::fromJson(json::parse(R"({"name":"Older","url":"http://127.0.0.1:9/","version":"1"})"));
    QCOMPARE(card.version, ProtocolVersion::V0_2);
    QCOMPARE(card.interfaces.size(), 1);
    QCOMPARE(card.interfaces.first().binding, Binding::JsonRpc); // the default of those days
    QCOMPARE(card.interfaces.first().protocolVersion, QStringLiteral("0.2"));
}

void TestAgentCard::wrongTypesReadAsAbsent()
{
    const AgentCard card = AgentCard::fromJson(json::parse(R"({
        "name": 5, "supportedInterfaces": {"url": "x"}, "capabilities": [], "skills": [1, "x", {"id": 3, "name": "n"}],
        "securitySchemes": [], "securityRequirements": "all", "defaultInputModes": [1, "text/plain"]
    })"));
    QVERIFY(card.name.isEmpty());
    QVERIFY(card.interfaces.isEmpty());
    QCOMPARE(card.skills.size(), 1);
    QVERIFY(card.skills.first().id.isEmpty());
    QCOMPARE(card.skills.first().name, QStringLiteral("n"));
    QCOMPARE(card.defaultInputModes, QStringList{QStringLiteral("text/plain")});
    QVERIFY(AgentCard::fromJson(json::parse("null")).name.isEmpty());
}

void TestAgentCard::interfaceFor()
{
    const AgentCard card = AgentCard::fromJson(json::parse(R"({"url":"https://a.test/rpc","protocolVersion":"0.3.0",
        "supportedInterfaces":[{"url":"https://a.test/v1","protocolBinding":"JSONRPC","protocolVersion":"1.0"},
                               {"url":"https://a.test/rest","protocolBinding":"HTTP+JSON","protocolVersion":"1.0"},
                               {"url":"https://a.test/rpc","protocolBinding":"JSONRPC","protocolVersion":"0.3"}]})"));
    QCOMPARE(card.interfaceFor(Binding::JsonRpc, QStringLiteral("1.0"))->url, QStringLiteral("https://a.test/v1"));
    QCOMPARE(card.interfaceFor(Binding::JsonRpc, QStringLiteral("0.3"))->url, QStringLiteral("https://a.test/rpc"));
    QCOMPARE(card.interfaceFor(Binding::HttpJson)->url, QStringLiteral("https://a.test/rest"));
    QVERIFY(!card.interfaceFor(Binding::Grpc));
}

QTEST_GUILESS_MAIN(TestAgentCard)
#include "tst_agentcard.moc"
