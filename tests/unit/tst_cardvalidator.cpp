#include "a2a/CardValidator.h"
#include "a2a/ProtocolVersion.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using crosstalk::a2a::CardIssue;
using crosstalk::a2a::CardValidator;
using crosstalk::a2a::ProtocolVersion;
using json = nlohmann::json;
using Structure = CardValidator::V03Structure;

// The test class comes before the cards: moc (Qt 6.4) loses its way in raw
// strings that hold quotes and "//" on separate lines, and would not see it.
class TestCardValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void severityName();
    void schemaAvailability();

    void validCards_data();
    void validCards();
    void versionZeroTwoRelaxations();

    void issues_data();
    void issues();
    void schemaAndHandAgree();

    void endpointUrl_data();
    void endpointUrl();
    void linkUrl_data();
    void linkUrl();

    void hiddenCharactersAreNamed();
    void peerTextInMessagesIsDefused();

    void garbage_data();
    void garbage();
    void deepNesting_data();
    void deepNesting();
    void issuesAreCapped_data();
    void issuesAreCapped();
    void unknownVersion();

    void benchmarkV10();
    void benchmarkV03();
};

namespace {

const char *const ValidV10 = R"({
  "name": "Recipe Agent",
  "description": "Helps with recipes.",
  "supportedInterfaces": [
    {"url": "https://agent.example.com/a2a/v1", "protocolBinding": "JSONRPC", "protocolVersion": "1.0"},
    {"url": "https://agent.example.com/a2a/rest", "protocolBinding": "HTTP+JSON", "protocolVersion": "1.0",
     "tenant": "kitchen"},
    {"url": "grpc.example.com:443", "protocolBinding": "GRPC", "protocolVersion": "1.0"}
  ],
  "provider": {"organization": "Example", "url": "https://example.com"},
  "version": "1.2.0",
  "documentationUrl": "https://example.com/docs",
  "capabilities": {"streaming": true, "pushNotifications": false, "extendedAgentCard": true,
                   "extensions": [{"uri": "https://example.com/ext/v1", "required": false, "params": {"a": 1}}]},
  "securitySchemes": {
    "bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer", "bearerFormat": "JWT"}},
    "oauth": {"oauth2SecurityScheme": {"flows": {"authorizationCode": {
      "authorizationUrl": "https://example.com/authorize", "tokenUrl": "https://example.com/token",
      "scopes": {"read": "Read recipes"}, "pkceRequired": true}}}},
    "key": {"apiKeySecurityScheme": {"location": "header", "name": "X-API-Key"}},
    "oidc": {"openIdConnectSecurityScheme": {"openIdConnectUrl": "https://example.com/.well-known/openid-configuration"}},
    "mtls": {"mtlsSecurityScheme": {"description": "Client certificates"}}
  },
  "securityRequirements": [{"schemes": {"bearer": {"list": []}}}, {"schemes": {"oauth": {"list": ["read"]}}}],
  "defaultInputModes": ["text/plain"],
  "defaultOutputModes": ["text/plain", "application/json"],
  "skills": [
    {"id": "find", "name": "Find recipes", "description": "Finds recipes.", "tags": ["cooking"],
     "examples": ["A bread recipe"], "inputModes": ["text/plain"], "outputModes": ["application/json"],
     "securityRequirements": [{"schemes": {"key": {}}}]},
    {"id": "plan", "name": "Plan meals", "description": "Plans a week of meals.", "tags": []}
  ],
  "signatures": [{"protected": "eyJhbGciOiJFUzI1NiJ9", "signature": "c2lnbmF0dXJl", "header": {"kid": "1"}}],
  "iconUrl": "https://example.com/icon.png"
})";

const char *const ValidV03 = R"({
  "protocolVersion": "0.3.0",
  "name": "Recipe Agent",
  "description": "Helps with recipes.",
  "url": "https://agent.example.com/a2a/v1",
  "preferredTransport": "JSONRPC",
  "additionalInterfaces": [
    {"url": "https://agent.example.com/a2a/v1", "transport": "JSONRPC"},
    {"url": "https://agent.example.com/a2a/rest", "transport": "HTTP+JSON"}
  ],
  "provider": {"organization": "Example", "url": "https://example.com"},
  "version": "1.2.0",
  "documentationUrl": "https://example.com/docs",
  "iconUrl": "data:image/png;base64,iVBORw0KGgo=",
  "capabilities": {"streaming": true, "pushNotifications": false, "stateTransitionHistory": false,
                   "extensions": [{"uri": "https://example.com/ext/v1", "required": true}]},
  "securitySchemes": {
    "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    "key": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://example.com/token",
                                                                "scopes": {}}}},
    "mtls": {"type": "mutualTLS"}
  },
  "security": [{"bearer": []}, {"oauth": ["read"], "mtls": []}],
  "defaultInputModes": ["text/plain"],
  "defaultOutputModes": ["text/plain"],
  "skills": [
    {"id": "find", "name": "Find recipes", "description": "Finds recipes.", "tags": ["cooking"],
     "examples": ["A bread recipe"], "security": [{"key": []}]},
    {"id": "plan", "name": "Plan meals", "description": "Plans a week of meals.", "tags": []}
  ],
  "supportsAuthenticatedExtendedCard": false,
  "signatures": [{"protected": "eyJhbGciOiJFUzI1NiJ9", "signature": "c2lnbmF0dXJl"}]
})";

// An early 0.2 card: no protocolVersion, which tells it from 0.3.
const char *const ValidV02 = R"({
  "name": "Old Agent",
  "description": "Echoes.",
  "url": "https://old.example.com/a2a",
  "version": "0.1.0",
  "capabilities": {"streaming": false},
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
  "security": [{"bearer": []}],
  "defaultInputModes": ["text"],
  "defaultOutputModes": ["text"],
  "skills": [{"id": "echo", "name": "Echo", "description": "Says it back.", "tags": ["test"]}]
})";

bool haveSchema()
{
    return QFile::exists(QStringLiteral(":/schemas/a2a-v0.3.0.json"));
}

json baseCard(const QByteArray &name)
{
    if (name == "1.0")
        return json::parse(ValidV10);
    if (name == "0.3")
        return json::parse(ValidV03);
    return json::parse(ValidV02);
}

ProtocolVersion versionOf(const QByteArray &name)
{
    if (name == "1.0")
        return ProtocolVersion::V1_0;
    if (name == "0.3")
        return ProtocolVersion::V0_3;
    if (name == "0.2")
        return ProtocolVersion::V0_2;
    return ProtocolVersion::Unknown;
}

QString describe(const QList<CardIssue> &issues)
{
    QString text = QStringLiteral("%1 issue(s):").arg(issues.size());
    for (const CardIssue &i : issues)
        text += QLatin1String("\n  ") + crosstalk::a2a::severityName(i.severity) + QLatin1Char(' ') + i.pointer
            + QLatin1String(": ") + i.message;
    return text;
}

qsizetype count(const QList<CardIssue> &issues, CardIssue::Severity severity)
{
    return std::count_if(issues.cbegin(), issues.cend(),
                         [severity](const CardIssue &i) { return i.severity == severity; });
}

bool has(const QList<CardIssue> &issues, CardIssue::Severity severity, const QString &pointer,
         const QString &fragment = QString())
{
    return std::any_of(issues.cbegin(), issues.cend(), [&](const CardIssue &i) {
        return i.severity == severity && i.pointer == pointer && i.message.contains(fragment);
    });
}

/// A pointer or fragment written with \u escapes in UTF-8 source.
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

void TestCardValidator::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    const bool available = CardValidator::hasOfficialV03Schema();
    qInfo("official v0.3 schema %s; first use (resource read and parse) took %lld us",
          available ? "embedded" : "not in this build", timer.nsecsElapsed() / 1000);
}

void TestCardValidator::severityName()
{
    QCOMPARE(crosstalk::a2a::severityName(CardIssue::Severity::Error), QStringLiteral("error"));
    QCOMPARE(crosstalk::a2a::severityName(CardIssue::Severity::Warning), QStringLiteral("warning"));
}

void TestCardValidator::schemaAvailability()
{
    QCOMPARE(CardValidator::hasOfficialV03Schema(), haveSchema());
    const auto issues = CardValidator::validate(baseCard("0.3"), ProtocolVersion::V0_3);
    const QString note = QStringLiteral("was not available to this build");
    QCOMPARE(has(issues, CardIssue::Severity::Warning, QString(), note), !haveSchema());
}

void TestCardValidator::validCards_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<int>("structure");
    QTest::addColumn<bool>("needsSchema");
    QTest::addColumn<int>("expectedWarnings");

    QTest::newRow("v1.0") << QByteArray("1.0") << int(Structure::OfficialSchema) << false << 0;
    QTest::newRow("v0.3 schema") << QByteArray("0.3") << int(Structure::OfficialSchema) << true << 0;
    QTest::newRow("v0.3 by hand") << QByteArray("0.3") << int(Structure::ByHand) << false << 0;
    // The one warning: no protocolVersion, which 0.3 requires.
    QTest::newRow("v0.2 schema") << QByteArray("0.2") << int(Structure::OfficialSchema) << true << 1;
    QTest::newRow("v0.2 by hand") << QByteArray("0.2") << int(Structure::ByHand) << false << 1;
}

void TestCardValidator::validCards()
{
    QFETCH(QByteArray, base);
    QFETCH(int, structure);
    QFETCH(bool, needsSchema);
    QFETCH(int, expectedWarnings);
    if (needsSchema && !haveSchema())
        QSKIP("This build has no official A2A v0.3 schema (configure with CROSSTALK_A2A_V03_SCHEMA)");

    const json card = baseCard(base);
    QCOMPARE(crosstalk::a2a::detectCardVersion(card), versionOf(base));
    const auto issues = CardValidator::validate(card, versionOf(base), Structure(structure));
    QVERIFY2(count(issues, CardIssue::Severity::Error) == 0, qPrintable(describe(issues)));
    QVERIFY2(count(issues, CardIssue::Severity::Warning) == expectedWarnings, qPrintable(describe(issues)));
    QVERIFY(!crosstalk::a2a::hasErrors(issues));
    if (base == "0.2")
        QVERIFY2(has(issues, CardIssue::Severity::Warning, QString(), QStringLiteral("\"protocolVersion\"")),
                 qPrintable(describe(issues)));
}

void TestCardValidator::versionZeroTwoRelaxations()
{
    // What 0.2 cards could leave out is a warning for them and an error for 0.3.
    json card = baseCard("0.2");
    card["skills"][0].erase("tags");
    card.erase("defaultInputModes");
    card["provider"] = json { { "organization", "Old" } };
    for (const Structure structure : { Structure::OfficialSchema, Structure::ByHand }) {
        if (structure == Structure::OfficialSchema && !haveSchema())
            continue;
        const auto old = CardValidator::validate(card, ProtocolVersion::V0_2, structure);
        QVERIFY2(count(old, CardIssue::Severity::Error) == 0, qPrintable(describe(old)));
        QVERIFY2(has(old, CardIssue::Severity::Warning, QStringLiteral("/skills/0"), QStringLiteral("\"tags\"")),
                 qPrintable(describe(old)));
        QVERIFY2(has(old, CardIssue::Severity::Warning, QString(), QStringLiteral("\"defaultInputModes\"")),
                 qPrintable(describe(old)));
        QVERIFY2(has(old, CardIssue::Severity::Warning, QStringLiteral("/provider"), QStringLiteral("\"url\"")),
                 qPrintable(describe(old)));

        json newer = card;
        newer["protocolVersion"] = "0.3.0";
        const auto strict = CardValidator::validate(newer, ProtocolVersion::V0_3, structure);
        QVERIFY2(has(strict, CardIssue::Severity::Error, QStringLiteral("/skills/0"), QStringLiteral("\"tags\"")),
                 qPrintable(describe(strict)));
        QVERIFY2(has(strict, CardIssue::Severity::Error, QString(), QStringLiteral("\"defaultInputModes\"")),
                 qPrintable(describe(strict)));

        // Still an error for 0.2: a card without a name.
        json nameless = card;
        nameless.erase("name");
        const auto bad = CardValidator::validate(nameless, ProtocolVersion::V0_2, structure);
        QVERIFY2(has(bad, CardIssue::Severity::Error, QString(), QStringLiteral("\"name\"")),
                 qPrintable(describe(bad)));
    }
}

void TestCardValidator::issues_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("structure");
    QTest::addColumn<bool>("needsSchema");
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("fragment");

    // v0.3 and v0.2 rows run twice: with the official schema and by hand.
    const auto row = [](const char *name, const char *base, const char *patch, bool error, const QString &pointer,
                        const QString &fragment) {
        const QByteArray b(base);
        if (b == "1.0") {
            QTest::newRow(name) << b << QByteArray(patch) << int(Structure::OfficialSchema) << false << error << pointer
                                << fragment;
            return;
        }
        QTest::addRow("%s [schema]", name)
            << b << QByteArray(patch) << int(Structure::OfficialSchema) << true << error << pointer << fragment;
        QTest::addRow("%s [by hand]", name)
            << b << QByteArray(patch) << int(Structure::ByHand) << false << error << pointer << fragment;
    };
    const bool E = true;
    const bool W = false;
    const QString root;

    // Structure
    row("v1.0 missing name", "1.0", R"([{"op":"remove","path":"/name"}])", E, root, QStringLiteral("\"name\""));
    row("v0.3 missing name", "0.3", R"([{"op":"remove","path":"/name"}])", E, root, QStringLiteral("\"name\""));
    row("v0.2 missing url", "0.2", R"([{"op":"remove","path":"/url"}])", E, root, QStringLiteral("\"url\""));
    row("v1.0 skills is an object", "1.0", R"([{"op":"replace","path":"/skills","value":{"a":1}}])", E,
        QStringLiteral("/skills"), QStringLiteral("an array of objects, not an object"));
    row("v0.3 skills is an object", "0.3", R"([{"op":"replace","path":"/skills","value":{"a":1}}])", E,
        QStringLiteral("/skills"), QStringLiteral("an array of objects, not an object"));
    row("v0.3 tag is a number", "0.3", R"([{"op":"replace","path":"/skills/0/tags/0","value":7}])", E,
        QStringLiteral("/skills/0/tags/0"), QStringLiteral("a string, not a number"));
    row("v0.3 skill without tags", "0.3", R"([{"op":"remove","path":"/skills/1/tags"}])", E,
        QStringLiteral("/skills/1"), QStringLiteral("\"tags\""));
    row("v1.0 interface without url", "1.0", R"([{"op":"remove","path":"/supportedInterfaces/1/url"}])", E,
        QStringLiteral("/supportedInterfaces/1"), QStringLiteral("\"url\""));
    row("v1.0 interface without protocolVersion", "1.0",
        R"([{"op":"remove","path":"/supportedInterfaces/0/protocolVersion"}])", E,
        QStringLiteral("/supportedInterfaces/0"), QStringLiteral("\"protocolVersion\""));
    row("v0.3 interface without transport", "0.3", R"([{"op":"remove","path":"/additionalInterfaces/1/transport"}])", E,
        QStringLiteral("/additionalInterfaces/1"), QStringLiteral("\"transport\""));
    row("v1.0 no interfaces", "1.0", R"([{"op":"replace","path":"/supportedInterfaces","value":[]}])", E,
        QStringLiteral("/supportedInterfaces"), QStringLiteral("empty"));
    row("v1.0 streaming is a string", "1.0", R"([{"op":"replace","path":"/capabilities/streaming","value":"yes"}])", E,
        QStringLiteral("/capabilities/streaming"), QStringLiteral("a boolean, not a string"));
    row("v1.0 capabilities missing", "1.0", R"([{"op":"remove","path":"/capabilities"}])", E, root,
        QStringLiteral("\"capabilities\""));
    row("v1.0 input modes hold a number", "1.0", R"([{"op":"add","path":"/defaultInputModes/-","value":1}])", E,
        QStringLiteral("/defaultInputModes/1"), QStringLiteral("a string"));
    row("v1.0 signature without signature", "1.0", R"([{"op":"remove","path":"/signatures/0/signature"}])", E,
        QStringLiteral("/signatures/0"), QStringLiteral("\"signature\""));
    row("v1.0 provider without organization", "1.0", R"([{"op":"remove","path":"/provider/organization"}])", E,
        QStringLiteral("/provider"), QStringLiteral("\"organization\""));
    row("v1.0 scheme with two kinds", "1.0",
        R"([{"op":"add","path":"/securitySchemes/bearer/mtlsSecurityScheme","value":{}}])", E,
        QStringLiteral("/securitySchemes/bearer"), QStringLiteral("exactly one"));
    row("v1.0 scheme written the v0.3 way", "1.0",
        R"([{"op":"replace","path":"/securitySchemes/bearer","value":{"type":"http","scheme":"bearer"}}])", E,
        QStringLiteral("/securitySchemes/bearer"), QStringLiteral("v0.3"));
    row("v1.0 api key in the body", "1.0",
        R"([{"op":"replace","path":"/securitySchemes/key/apiKeySecurityScheme/location","value":"body"}])", E,
        QStringLiteral("/securitySchemes/key/apiKeySecurityScheme/location"), QStringLiteral("\"cookie\""));
    row("v1.0 oauth flow without token url", "1.0",
        R"([{"op":"remove","path":"/securitySchemes/oauth/oauth2SecurityScheme/flows/authorizationCode/tokenUrl"}])", E,
        QStringLiteral("/securitySchemes/oauth/oauth2SecurityScheme/flows/authorizationCode"),
        QStringLiteral("\"tokenUrl\""));
    row("v1.0 requirement scopes not a list", "1.0",
        R"([{"op":"replace","path":"/securityRequirements/1/schemes/oauth","value":{"list":"read"}}])", E,
        QStringLiteral("/securityRequirements/1/schemes/oauth/list"), QStringLiteral("an array of strings"));
    row("v0.3 scheme of unknown type", "0.3",
        R"([{"op":"replace","path":"/securitySchemes/bearer/type","value":"magic"}])", E,
        QStringLiteral("/securitySchemes/bearer/type"), QStringLiteral("\"apiKey\""));
    row("v0.3 api key scheme without name", "0.3", R"([{"op":"remove","path":"/securitySchemes/key/name"}])", E,
        QStringLiteral("/securitySchemes/key"), QStringLiteral("\"name\""));
    row("v0.3 api key in the body", "0.3", R"([{"op":"replace","path":"/securitySchemes/key/in","value":"body"}])", E,
        QStringLiteral("/securitySchemes/key/in"), QStringLiteral("\"query\""));
    // Both errors of the alternative meant (apiKey), not the "type" of another.
    row("v0.3 api key in the body, no name (in)", "0.3",
        R"([{"op":"replace","path":"/securitySchemes/key/in","value":"body"},
            {"op":"remove","path":"/securitySchemes/key/name"}])",
        E, QStringLiteral("/securitySchemes/key/in"), QStringLiteral("\"query\""));
    row("v0.3 api key in the body, no name (name)", "0.3",
        R"([{"op":"replace","path":"/securitySchemes/key/in","value":"body"},
            {"op":"remove","path":"/securitySchemes/key/name"}])",
        E, QStringLiteral("/securitySchemes/key"), QStringLiteral("\"name\""));
    row("v0.3 scheme without type", "0.3", R"([{"op":"remove","path":"/securitySchemes/bearer/type"}])", E,
        QStringLiteral("/securitySchemes/bearer"), QStringLiteral("\"type\""));
    row("v0.3 scheme is a string", "0.3", R"([{"op":"replace","path":"/securitySchemes/bearer","value":"x"}])", E,
        QStringLiteral("/securitySchemes/bearer"), QStringLiteral("an object, not a string"));

    // Endpoints
    row("v1.0 unknown binding", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/0/protocolBinding","value":"SOAP"}])", W,
        QStringLiteral("/supportedInterfaces/0/protocolBinding"), QStringLiteral("SOAP"));
    row("v0.3 unknown transport", "0.3",
        R"([{"op":"replace","path":"/additionalInterfaces/0/transport","value":"SOAP"}])", W,
        QStringLiteral("/additionalInterfaces/0/transport"), QStringLiteral("SOAP"));
    row("v1.0 plain http", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/0/url","value":"http://agent.example.com/a2a"}])", W,
        QStringLiteral("/supportedInterfaces/0/url"), QStringLiteral("plain http"));
    row("v0.3 plain http", "0.3", R"([{"op":"replace","path":"/url","value":"http://agent.example.com/a2a"}])", W,
        QStringLiteral("/url"), QStringLiteral("plain http"));
    row("v0.3 plain http, additional interface", "0.3",
        R"([{"op":"replace","path":"/additionalInterfaces/1/url","value":"http://10.1.2.3:8080/"}])", W,
        QStringLiteral("/additionalInterfaces/1/url"), QStringLiteral("plain http"));
    row("v1.0 unparsable url", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/0/url","value":"https://agent example.com/a2a"}])", W,
        QStringLiteral("/supportedInterfaces/0/url"), QStringLiteral("absolute"));
    row("v1.0 relative url", "1.0", R"([{"op":"replace","path":"/supportedInterfaces/1/url","value":"/a2a/v1"}])", W,
        QStringLiteral("/supportedInterfaces/1/url"), QStringLiteral("absolute"));
    row("v1.0 ftp url", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/0/url","value":"ftp://agent.example.com/"}])", W,
        QStringLiteral("/supportedInterfaces/0/url"), QStringLiteral("absolute"));
    row("v0.3 url without host", "0.3", R"([{"op":"replace","path":"/url","value":"https:///a2a"}])", W,
        QStringLiteral("/url"), QStringLiteral("absolute"));
    row("v1.0 grpc target that is none", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/2/url","value":"not a target"}])", W,
        QStringLiteral("/supportedInterfaces/2/url"), QStringLiteral("host:port"));
    row("v1.0 host:port without grpc", "1.0",
        R"([{"op":"replace","path":"/supportedInterfaces/0/url","value":"agent.example.com:443"}])", W,
        QStringLiteral("/supportedInterfaces/0/url"), QStringLiteral("absolute"));

    // Security
    row("v1.0 no security", "1.0",
        R"([{"op":"remove","path":"/securitySchemes"},{"op":"remove","path":"/securityRequirements"},
            {"op":"remove","path":"/skills/0/securityRequirements"}])",
        W, root, QStringLiteral("no security scheme"));
    row("v1.0 empty security schemes", "1.0",
        R"([{"op":"replace","path":"/securitySchemes","value":{}},{"op":"remove","path":"/securityRequirements"},
            {"op":"remove","path":"/skills/0/securityRequirements"}])",
        W, QStringLiteral("/securitySchemes"), QStringLiteral("no security scheme"));
    row("v0.3 no security", "0.3",
        R"([{"op":"remove","path":"/securitySchemes"},{"op":"remove","path":"/security"},
            {"op":"remove","path":"/skills/0/security"}])",
        W, root, QStringLiteral("no security scheme"));
    row("v1.0 undeclared scheme", "1.0",
        R"([{"op":"add","path":"/securityRequirements/0/schemes/ghost","value":{"list":[]}}])", E,
        QStringLiteral("/securityRequirements/0/schemes/ghost"), QStringLiteral("\"ghost\""));
    row("v1.0 undeclared scheme in a skill", "1.0",
        R"([{"op":"add","path":"/skills/0/securityRequirements/0/schemes/ghost","value":{}}])", E,
        QStringLiteral("/skills/0/securityRequirements/0/schemes/ghost"), QStringLiteral("\"ghost\""));
    row("v0.3 undeclared scheme", "0.3", R"([{"op":"add","path":"/security/1/ghost","value":[]}])", E,
        QStringLiteral("/security/1/ghost"), QStringLiteral("\"ghost\""));
    row("v0.3 undeclared scheme in a skill", "0.3", R"([{"op":"add","path":"/skills/0/security/0/ghost","value":[]}])",
        E, QStringLiteral("/skills/0/security/0/ghost"), QStringLiteral("\"ghost\""));
    row("v0.3 requirement without schemes", "0.3",
        R"([{"op":"remove","path":"/securitySchemes"},{"op":"remove","path":"/skills/0/security"}])", E,
        QStringLiteral("/security/0/bearer"), QStringLiteral("\"bearer\""));

    // Skills
    row("v1.0 duplicate skill ids", "1.0", R"([{"op":"replace","path":"/skills/1/id","value":"find"}])", W,
        QStringLiteral("/skills/1/id"), QStringLiteral("/skills/0"));
    row("v0.3 duplicate skill ids", "0.3",
        R"([{"op":"add","path":"/skills/-","value":{"id":"plan","name":"Again","description":"d","tags":[]}}])", W,
        QStringLiteral("/skills/2/id"), QStringLiteral("/skills/1"));

    // Hidden characters, each family
    row("bidi override", "1.0", R"([{"op":"replace","path":"/description","value":"Safe \u202Eexe.txt"}])", W,
        QStringLiteral("/description"), QStringLiteral("U+202E"));
    row("bidi embedding", "1.0", R"([{"op":"replace","path":"/name","value":"\u202Aname"}])", W,
        QStringLiteral("/name"), QStringLiteral("U+202A"));
    row("bidi isolate", "0.3", R"([{"op":"replace","path":"/skills/0/name","value":"a\u2066b\u2069"}])", W,
        QStringLiteral("/skills/0/name"), QStringLiteral("U+2066, U+2069"));
    row("tag character", "1.0",
        R"([{"op":"replace","path":"/skills/0/tags/0","value":"cooking\uDB40\uDC41\uDB40\uDC7F"}])", W,
        QStringLiteral("/skills/0/tags/0"), QStringLiteral("U+E0041, U+E007F"));
    row("zero width space", "1.0", R"([{"op":"replace","path":"/skills/0/examples/0","value":"ignore\u200Bprevious"}])",
        W, QStringLiteral("/skills/0/examples/0"), QStringLiteral("U+200B"));
    row("zero width joiners", "1.0", R"([{"op":"replace","path":"/version","value":"1\u200C2\u200D"}])", W,
        QStringLiteral("/version"), QStringLiteral("U+200C, U+200D"));
    row("word joiner", "0.3", R"([{"op":"replace","path":"/description","value":"word\u2060joiner"}])", W,
        QStringLiteral("/description"), QStringLiteral("U+2060"));
    row("byte order mark at the start", "1.0", R"([{"op":"replace","path":"/name","value":"\uFEFFRecipe Agent"}])", W,
        QStringLiteral("/name"), QStringLiteral("U+FEFF"));
    row("byte order mark alone", "0.3", R"([{"op":"replace","path":"/skills/1/id","value":"\uFEFF"}])", W,
        QStringLiteral("/skills/1/id"), QStringLiteral("U+FEFF"));
    row("hidden character in a member name", "1.0", R"([{"op":"add","path":"/x\u200Bkey","value":1}])", W,
        u8("/x\u200Bkey"), QStringLiteral("member name"));
    row("hidden character in a scheme name", "0.3",
        R"([{"op":"add","path":"/securitySchemes/bear\u202Eer","value":{"type":"mutualTLS"}}])", W,
        u8("/securitySchemes/bear\u202Eer"), QStringLiteral("U+202E"));
    row("member name that needs escaping", "1.0", R"([{"op":"add","path":"/a~1b~0\u2060","value":{"k":"v"}}])", W,
        u8("/a~1b~0\u2060"), QStringLiteral("U+2060"));
    row("hidden character deep inside", "1.0",
        R"([{"op":"add","path":"/capabilities/extensions/0/params/deep","value":[[{"x":"\u2067"}]]}])", W,
        QStringLiteral("/capabilities/extensions/0/params/deep/0/0/x"), QStringLiteral("U+2067"));

    // Links
    row("icon over http", "1.0", R"([{"op":"replace","path":"/iconUrl","value":"http://example.com/icon.png"}])", W,
        QStringLiteral("/iconUrl"), QStringLiteral("icon"));
    row("icon as javascript", "0.3", R"j([{"op":"replace","path":"/iconUrl","value":"javascript:alert(1)"}])j", W,
        QStringLiteral("/iconUrl"), QStringLiteral("icon"));
    row("documentation from a file", "1.0",
        R"([{"op":"replace","path":"/documentationUrl","value":"file:///etc/passwd"}])", W,
        QStringLiteral("/documentationUrl"), QStringLiteral("https"));
    row("provider over ftp", "0.3", R"([{"op":"replace","path":"/provider/url","value":"ftp://example.com"}])", W,
        QStringLiteral("/provider/url"), QStringLiteral("https"));
}

void TestCardValidator::issues()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, patch);
    QFETCH(int, structure);
    QFETCH(bool, needsSchema);
    QFETCH(bool, error);
    QFETCH(QString, pointer);
    QFETCH(QString, fragment);
    if (needsSchema && !haveSchema())
        QSKIP("This build has no official A2A v0.3 schema (configure with CROSSTALK_A2A_V03_SCHEMA)");

    const json card = baseCard(base).patch(json::parse(patch.constData()));
    const auto issues = CardValidator::validate(card, versionOf(base), Structure(structure));
    const auto severity = error ? CardIssue::Severity::Error : CardIssue::Severity::Warning;
    QVERIFY2(has(issues, severity, pointer, fragment), qPrintable(describe(issues)));
    if (!error) {
        // A warning case breaks nothing else.
        QVERIFY2(count(issues, CardIssue::Severity::Error) == 0, qPrintable(describe(issues)));
    }
    for (const CardIssue &issue : issues) {
        QVERIFY(!issue.message.isEmpty());
        QVERIFY(issue.message.endsWith(QLatin1Char('.')));
    }
}

void TestCardValidator::schemaAndHandAgree()
{
    if (!haveSchema())
        QSKIP("This build has no official A2A v0.3 schema (configure with CROSSTALK_A2A_V03_SCHEMA)");
    // Many faults at once: both ways find the same ones at the same places.
    const json card = json::parse(R"({
      "protocolVersion": "0.3.0", "name": 5, "url": "https://agent.example.com/a2a", "version": "1",
      "capabilities": {"streaming": "yes", "extensions": [{"required": true}]},
      "securitySchemes": {"a": {"type": "apiKey", "in": "body"}, "b": {"type": "magic"}, "c": {}, "d": "x",
                          "e": {"type": "oauth2", "flows": {"authorizationCode": {"tokenUrl": "t"},
                                                            "password": {"scopes": []}}},
                          "f": {"type": "openIdConnect"}},
      "security": [{"a": [], "zz": [1]}],
      "defaultInputModes": ["text", 3], "defaultOutputModes": "text",
      "skills": [{"id": "s", "name": "n", "tags": "t"}, {"id": "s", "name": "n", "description": "d", "tags": []}, 7,
                 {"name": ["n"], "description": "d", "tags": [], "examples": "e", "security": {}}],
      "additionalInterfaces": [{"url": "grpc.example.com:443", "transport": "GRPC"}, {"url": "nope"}, "i"],
      "signatures": [{"protected": 1}], "provider": {"organization": "o"},
      "supportsAuthenticatedExtendedCard": "no", "iconUrl": 1, "documentationUrl": null
    })");
    const auto places = [](const QList<CardIssue> &issues) {
        QStringList list;
        for (const CardIssue &i : issues)
            list << crosstalk::a2a::severityName(i.severity) + QLatin1Char(' ') + i.pointer;
        list.removeDuplicates();
        list.sort();
        return list;
    };
    for (const ProtocolVersion version : { ProtocolVersion::V0_3, ProtocolVersion::V0_2 }) {
        const auto bySchema = CardValidator::validate(card, version, Structure::OfficialSchema);
        const auto byHand = CardValidator::validate(card, version, Structure::ByHand);
        QVERIFY2(places(bySchema) == places(byHand),
                 qPrintable(QLatin1String("schema: ") + describe(bySchema) + QLatin1String("\nby hand: ")
                            + describe(byHand)));
    }
}

void TestCardValidator::endpointUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("binding");
    QTest::addColumn<bool>("warned");

    QTest::newRow("https") << QStringLiteral("https://agent.example.com/a2a") << QStringLiteral("JSONRPC") << false;
    QTest::newRow("loopback 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/a2a") << QStringLiteral("JSONRPC")
                                        << false;
    QTest::newRow("loopback 127.5.6.7") << QStringLiteral("http://127.5.6.7/") << QStringLiteral("HTTP+JSON") << false;
    QTest::newRow("loopback ::1") << QStringLiteral("http://[::1]:9999/a2a") << QStringLiteral("JSONRPC") << false;
    QTest::newRow("localhost") << QStringLiteral("http://localhost:3000/") << QStringLiteral("JSONRPC") << false;
    QTest::newRow("LOCALHOST") << QStringLiteral("http://LOCALHOST/") << QStringLiteral("JSONRPC") << false;
    QTest::newRow("grpc host:port") << QStringLiteral("grpc.example.com:50051") << QStringLiteral("GRPC") << false;
    QTest::newRow("grpc [::1]:port") << QStringLiteral("[::1]:50051") << QStringLiteral("GRPC") << false;
    QTest::newRow("grpc dns target") << QStringLiteral("dns:///grpc.example.com:443") << QStringLiteral("GRPC")
                                     << false;
    QTest::newRow("grpc https") << QStringLiteral("https://grpc.example.com/a2a") << QStringLiteral("GRPC") << false;

    QTest::newRow("private address") << QStringLiteral("http://10.0.0.1/") << QStringLiteral("JSONRPC") << true;
    QTest::newRow("localhost lookalike") << QStringLiteral("http://localhost.evil.example/")
                                         << QStringLiteral("JSONRPC") << true;
    QTest::newRow("loopback lookalike") << QStringLiteral("http://127.0.0.1.nip.io/") << QStringLiteral("JSONRPC")
                                        << true;
    QTest::newRow("any address") << QStringLiteral("http://0.0.0.0:8080/") << QStringLiteral("JSONRPC") << true;
    QTest::newRow("grpc host:port and a line break")
        << QStringLiteral("grpc.example.com:50051\n") << QStringLiteral("GRPC") << true;
    QTest::newRow("grpc over http") << QStringLiteral("http://grpc.example.com/") << QStringLiteral("GRPC") << true;
    QTest::newRow("no scheme") << QStringLiteral("agent.example.com/a2a") << QStringLiteral("JSONRPC") << true;
    QTest::newRow("empty") << QString() << QStringLiteral("JSONRPC") << true;
    QTest::newRow("spaces") << QStringLiteral(" https://agent.example.com/ ") << QStringLiteral("JSONRPC") << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QStringLiteral("JSONRPC") << true;
}

void TestCardValidator::endpointUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, binding);
    QFETCH(bool, warned);

    json v10 = baseCard("1.0");
    v10["supportedInterfaces"][0]["url"] = url.toStdString();
    v10["supportedInterfaces"][0]["protocolBinding"] = binding.toStdString();
    const auto issues10 = CardValidator::validate(v10, ProtocolVersion::V1_0);
    QVERIFY2(count(issues10, CardIssue::Severity::Error) == 0, qPrintable(describe(issues10)));
    QVERIFY2(has(issues10, CardIssue::Severity::Warning, QStringLiteral("/supportedInterfaces/0/url")) == warned,
             qPrintable(describe(issues10)));

    json v03 = baseCard("0.3");
    v03["url"] = url.toStdString();
    v03["preferredTransport"] = binding.toStdString();
    const auto issues03 = CardValidator::validate(v03, ProtocolVersion::V0_3);
    QVERIFY2(has(issues03, CardIssue::Severity::Warning, QStringLiteral("/url")) == warned,
             qPrintable(describe(issues03)));
}

void TestCardValidator::linkUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("warned");

    QTest::newRow("https") << QStringLiteral("https://example.com/icon.png") << false;
    QTest::newRow("data") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=") << false;
    QTest::newRow("data, upper case") << QStringLiteral("DATA:image/png;base64,iVBORw0KGgo=") << false;
    QTest::newRow("data, raw svg") << QStringLiteral("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>")
                                   << false;
    QTest::newRow("http") << QStringLiteral("http://example.com/icon.png") << true;
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1/icon.png") << true;
    QTest::newRow("https without host") << QStringLiteral("https://") << true;
    QTest::newRow("relative") << QStringLiteral("/icon.png") << true;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << true;
    QTest::newRow("empty") << QString() << true;
}

void TestCardValidator::linkUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, warned);
    for (const char *base : { "1.0", "0.3" }) {
        json card = baseCard(base);
        card["iconUrl"] = url.toStdString();
        card["documentationUrl"] = url.toStdString();
        card["provider"]["url"] = url.toStdString();
        const auto issues = CardValidator::validate(card, versionOf(base));
        QVERIFY2(count(issues, CardIssue::Severity::Error) == 0, qPrintable(describe(issues)));
        for (const char *pointer : { "/iconUrl", "/documentationUrl", "/provider/url" }) {
            QVERIFY2(has(issues, CardIssue::Severity::Warning, QLatin1String(pointer)) == warned,
                     qPrintable(QLatin1String(pointer) + QLatin1Char(' ') + describe(issues)));
        }
    }
}

void TestCardValidator::hiddenCharactersAreNamed()
{
    // Every character of each family, in a string and in a member name.
    const char32_t families[] = { 0x202A,  0x202B,  0x202C,  0x202D,  0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                                  0xE0000, 0xE0001, 0xE0020, 0xE007F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF };
    for (const char32_t c : families) {
        // Not QString::fromUcs4(): it takes U+FEFF for a byte order mark and drops it.
        QString hidden;
        if (QChar::requiresSurrogates(c))
            hidden.append(QChar(QChar::highSurrogate(c))).append(QChar(QChar::lowSurrogate(c)));
        else
            hidden.append(QChar(char16_t(c)));
        const QString name = QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
        json card = baseCard("1.0");
        card["description"] = QString(hidden + QStringLiteral("text")).toStdString();
        card[QString(QStringLiteral("note") + hidden).toStdString()] = "x";
        const auto issues = CardValidator::validate(card, ProtocolVersion::V1_0);
        QVERIFY2(has(issues, CardIssue::Severity::Warning, QStringLiteral("/description"), name),
                 qPrintable(name + QLatin1Char(' ') + describe(issues)));
        QVERIFY2(has(issues, CardIssue::Severity::Warning, QStringLiteral("/note") + hidden, name),
                 qPrintable(name + QLatin1Char(' ') + describe(issues)));
    }

    // Look-alikes that are not hidden: no warning.
    json card = baseCard("1.0");
    card["description"] = u8("caf\u00E9 \u2014 \u200E \U0001F600 \U000E0100").toStdString();
    const auto issues = CardValidator::validate(card, ProtocolVersion::V1_0);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
}

void TestCardValidator::peerTextInMessagesIsDefused()
{
    json card = baseCard("1.0");
    card["skills"][1]["id"] = u8("find").toStdString();
    card["skills"][0]["id"] = u8("find").toStdString();
    card["supportedInterfaces"][0]["protocolBinding"] = u8("SO\u202EAP %1 %2").toStdString();
    const auto issues = CardValidator::validate(card, ProtocolVersion::V1_0);
    bool seen = false;
    for (const CardIssue &issue : issues) {
        if (issue.pointer != QLatin1String("/supportedInterfaces/0/protocolBinding")
            || !issue.message.contains(u8("SO")))
            continue;
        seen = true;
        QVERIFY2(!issue.message.contains(QChar(0x202E)), qPrintable(issue.message));
        QVERIFY2(issue.message.contains(QStringLiteral("SO<U+202E>AP %1 %2")), qPrintable(issue.message));
    }
    QVERIFY2(seen, qPrintable(describe(issues)));

    json longName = baseCard("1.0");
    longName["supportedInterfaces"][0]["protocolBinding"] = std::string(10000, 'x');
    const auto longIssues = CardValidator::validate(longName, ProtocolVersion::V1_0);
    QCOMPARE(longIssues.size(), 1);
    QVERIFY2(longIssues.first().message.size() < 300, qPrintable(longIssues.first().message));
}

void TestCardValidator::garbage_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("array") << QByteArray(R"([{"name":"x"}])") << QString() << QStringLiteral("an object, not an array");
    QTest::newRow("string") << QByteArray(R"("card")") << QString() << QStringLiteral("an object, not a string");
    QTest::newRow("null") << QByteArray("null") << QString() << QStringLiteral("an object, not null");
    QTest::newRow("number") << QByteArray("42") << QString() << QStringLiteral("an object, not a number");
    QTest::newRow("boolean") << QByteArray("true") << QString() << QStringLiteral("an object, not a boolean");
    QTest::newRow("empty object") << QByteArray("{}") << QString() << QStringLiteral("\"name\"");
    QTest::newRow("skills is an object") << QByteArray(R"({"name":"x","skills":{"id":"a"}})")
                                         << QStringLiteral("/skills") << QStringLiteral("not an object");
    QTest::newRow("everything wrong") << QByteArray(
        R"({"name":1,"description":[],"url":{},"supportedInterfaces":"x","version":null,
                         "capabilities":[],"skills":[1,"a",null,[],{"id":{},"tags":{}}],"securitySchemes":[],
                         "security":{"a":1},"securityRequirements":[{"schemes":[]}],"provider":"p",
                         "signatures":{"protected":1},"defaultInputModes":"text","iconUrl":7,
                         "additionalInterfaces":[null,{"url":5}],"protocolVersion":0.3})")
                                      << QStringLiteral("/name") << QStringLiteral("a string, not a number");
    QTest::newRow("string holding a hidden character")
        << QByteArray(R"("\u202E")") << QString() << QStringLiteral("U+202E");
}

void TestCardValidator::garbage()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, pointer);
    QFETCH(QString, fragment);
    const json card = json::parse(text.constData());
    for (const ProtocolVersion version :
         { ProtocolVersion::V1_0, ProtocolVersion::V0_3, ProtocolVersion::V0_2, ProtocolVersion::Unknown }) {
        for (const Structure structure : { Structure::OfficialSchema, Structure::ByHand }) {
            const auto issues = CardValidator::validate(card, version, structure);
            QVERIFY2(crosstalk::a2a::hasErrors(issues) || fragment.startsWith(QLatin1String("U+")),
                     qPrintable(describe(issues)));
            QVERIFY2(has(issues, CardIssue::Severity::Error, pointer, fragment)
                         || has(issues, CardIssue::Severity::Warning, pointer, fragment),
                     qPrintable(protocolVersionName(version) + QLatin1Char(' ') + describe(issues)));
        }
    }
}

void TestCardValidator::deepNesting_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("member");

    QTest::newRow("v1.0 arrays") << QByteArray("1.0") << QByteArray("metadata");
    QTest::newRow("v0.3 arrays") << QByteArray("0.3") << QByteArray("metadata");
    QTest::newRow("v1.0 as skills") << QByteArray("1.0") << QByteArray("skills");
    QTest::newRow("v0.3 as skills") << QByteArray("0.3") << QByteArray("skills");
    QTest::newRow("v0.3 as security") << QByteArray("0.3") << QByteArray("security");
}

void TestCardValidator::deepNesting()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, member);
    constexpr int Depth = 100000;

    // Built as text and parsed once: copying a json this deep would recurse.
    std::string card = base == "1.0" ? ValidV10 : ValidV03;
    card.resize(card.rfind('}'));
    card += ", \"" + member.toStdString() + "\": ";
    for (int i = 0; i < Depth; ++i)
        card += i % 2 ? "{\"k\\u200B\":" : "[";
    card += "\"\\u202E\"";
    for (int i = Depth - 1; i >= 0; --i)
        card += i % 2 ? "}" : "]";
    card += "}";
    const json parsed = json::parse(card);

    const auto issues = CardValidator::validate(parsed, versionOf(base));
    // The hidden characters at the bottom and in every member name on the way.
    QVERIFY2(issues.size() > 10, qPrintable(describe(issues.mid(0, 5))));
    QCOMPARE(issues.size(), CardValidator::MaxIssues);
    QVERIFY(issues.last().message.contains(QLatin1String("more")));
}

void TestCardValidator::issuesAreCapped_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<int>("structure");
    QTest::addColumn<bool>("needsSchema");

    QTest::newRow("v1.0") << QByteArray("1.0") << int(Structure::OfficialSchema) << false;
    QTest::newRow("v0.3 schema") << QByteArray("0.3") << int(Structure::OfficialSchema) << true;
    QTest::newRow("v0.3 by hand") << QByteArray("0.3") << int(Structure::ByHand) << false;
}

void TestCardValidator::issuesAreCapped()
{
    QFETCH(QByteArray, base);
    QFETCH(int, structure);
    QFETCH(bool, needsSchema);
    if (needsSchema && !haveSchema())
        QSKIP("This build has no official A2A v0.3 schema (configure with CROSSTALK_A2A_V03_SCHEMA)");

    json card = baseCard(base);
    json skills = json::array();
    for (int i = 0; i < 1000; ++i)
        skills.push_back(json { { "name", "n" }, { "description", "d" }, { "tags", json::array() } }); // no id
    card["skills"] = std::move(skills);
    const auto issues = CardValidator::validate(card, versionOf(base), Structure(structure));
    QCOMPARE(issues.size(), CardValidator::MaxIssues);
    QCOMPARE(issues.last().severity, CardIssue::Severity::Warning);
    QVERIFY2(issues.last().message.contains(QLatin1String("501 more")), qPrintable(issues.last().message));
    QCOMPARE(issues.first().pointer, QStringLiteral("/skills/0"));

    // Exactly MaxIssues issues are all listed, without the note.
    json fewer = baseCard(base);
    json some = json::array();
    for (int i = 0; i < CardValidator::MaxIssues; ++i)
        some.push_back(json { { "name", "n" }, { "description", "d" }, { "tags", json::array() } });
    fewer["skills"] = std::move(some);
    const auto all = CardValidator::validate(fewer, versionOf(base), Structure(structure));
    QCOMPARE(all.size(), CardValidator::MaxIssues);
    QCOMPARE(all.last().pointer, QStringLiteral("/skills/499"));
}

void TestCardValidator::unknownVersion()
{
    json card = baseCard("1.0");
    auto issues = CardValidator::validate(card, ProtocolVersion::Unknown);
    QCOMPARE(issues.first().severity, CardIssue::Severity::Error);
    QCOMPARE(issues.first().pointer, QString());
    QCOMPARE(count(issues, CardIssue::Severity::Error), 1);

    card["protocolVersion"] = "9.9";
    card.erase("skills");
    card["iconUrl"] = "http://example.com/i.png";
    issues = CardValidator::validate(card, ProtocolVersion::Unknown);
    QVERIFY2(has(issues, CardIssue::Severity::Error, QStringLiteral("/protocolVersion"), QStringLiteral("9.9")),
             qPrintable(describe(issues)));
    QVERIFY2(has(issues, CardIssue::Severity::Error, QString(), QStringLiteral("\"skills\"")),
             qPrintable(describe(issues)));
    QVERIFY2(has(issues, CardIssue::Severity::Warning, QStringLiteral("/iconUrl")), qPrintable(describe(issues)));

    // Both shapes of requirements are checked when the version is not known.
    json v03 = baseCard("0.3");
    v03["security"][0]["ghost"] = json::array();
    issues = CardValidator::validate(v03, ProtocolVersion::Unknown);
    QVERIFY2(has(issues, CardIssue::Severity::Error, QStringLiteral("/security/0/ghost")),
             qPrintable(describe(issues)));
    QVERIFY2(!has(issues, CardIssue::Severity::Error, QString(), QStringLiteral("\"supportedInterfaces\"")),
             qPrintable(describe(issues)));
}

void TestCardValidator::benchmarkV10()
{
    const json card = baseCard("1.0");
    QList<CardIssue> issues;
    QBENCHMARK
    {
        issues = CardValidator::validate(card, ProtocolVersion::V1_0);
    }
    QVERIFY(issues.isEmpty());
}

void TestCardValidator::benchmarkV03()
{
    const json card = baseCard("0.3");
    QList<CardIssue> issues;
    QBENCHMARK
    {
        issues = CardValidator::validate(card, ProtocolVersion::V0_3);
    }
    QCOMPARE(count(issues, CardIssue::Severity::Error), 0);
}

QTEST_GUILESS_MAIN(TestCardValidator)
#include "tst_cardvalidator.moc"
