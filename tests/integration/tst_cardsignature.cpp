// Signed Agent Cards against the official signer: cards signed by @a2a-js/sdk
// (tests/peers/a2a/sign-card.mjs, keys made by jose) must verify with their
// JWK and PEM keys; changed cards, wrong keys and malformed signatures must
// not; jku key sets come only from https or loopback URLs.
#include "a2a/CardSignature.h"
#include "a2a/Jcs.h"
#include "http/HttpClient.h"
#include "traffic/TrafficLog.h"

#include "LoopbackHttpServer.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include <nlohmann/json.hpp>

using namespace crosstalk;
using a2a::SignatureVerdict;
using nlohmann::json;

namespace {

const QStringList algorithms = {
    QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512"),   QStringLiteral("RS256"),
    QStringLiteral("PS256"), QStringLiteral("EdDSA"), QStringLiteral("Ed25519"),
};

json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return json();
    const QByteArray bytes = file.readAll();
    try {
        return json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const json::exception &) {
        return json();
    }
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray toBytes(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

QString verdictName(SignatureVerdict v)
{
    return a2a::signatureVerdictName(v);
}

// The protected header of signature `index`, decoded.
json protectedHeader(const json &card, std::size_t index = 0)
{
    const QByteArray b64
        = QByteArray::fromStdString(card.at("signatures").at(index).at("protected").get<std::string>());
    const QByteArray bytes = QByteArray::fromBase64(b64, QByteArray::Base64UrlEncoding);
    return json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

void setProtectedHeader(json &card, const json &header, std::size_t index = 0)
{
    card["signatures"][index]["protected"]
        = toBytes(header).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
}

} // namespace

class TestCardSignature : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void verdictNames();
    void payloadMatchesSdk_data();
    void payloadMatchesSdk();
    void canonicalisationMatchesSdk();
    void specificationExample();

    void verifiesWithJwk_data();
    void verifiesWithJwk();
    void verifiesWithPem_data();
    void verifiesWithPem();

    void tamperedCardIsInvalid_data();
    void tamperedCardIsInvalid();
    void wrongKeys();
    void noKeyIsUnverifiable();
    void unsignedCards();
    void malformedSignatures_data();
    void malformedSignatures();
    void multipleSignatures();
    void fieldsOutsideTheSchemaAreNotCovered();
    void emptyScopeRequirementIsNotSigned();
    void specificationFormFallback();
    void deeplyNestedCard();
    void messagesShowPeerTextSafely();

    void keyFiles();
    void keyFileErrors_data();
    void keyFileErrors();

    void jkuUrlPolicy_data();
    void jkuUrlPolicy();
    void jkuOnLoopbackVerifies();
    void jkuOffLoopbackIsRefusedWithoutTraffic();
    void jkuFailures_data();
    void jkuFailures();
    void userKeysTakePrecedenceOverJku();
    void verifierNewRequestReplacesOld();
    void jkuFetchesAreCapped();

private:
    struct Signed
    {
        QString dir;
        json card;
        QString jwkPath;
        QString pemPath;
        QByteArray payload;
    };

    bool runSigner(const QStringList &arguments, QByteArray *out = nullptr);
    bool sign(const QString &name, const QString &alg, const QStringList &extra = {});
    const Signed &signedCard(const QString &name) const { return m_signed.at(name); }
    a2a::SignatureCheck checkWithFile(const json &card, const QString &keyFile);
    a2a::SignatureCheck verifyAsync(a2a::CardSignatureVerifier &verifier, const json &card,
                                    std::optional<a2a::SignatureKeys> keys);

    QTemporaryDir m_dir;
    test::LoopbackHttpServer m_server;
    QByteArray m_served; // what the server answers for /jwks.json
    std::map<QString, Signed> m_signed;
    QString m_signerError;
};

bool TestCardSignature::runSigner(const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    process.setWorkingDirectory(test::peersDir());
    process.start(test::nodeProgram(), QStringList { QStringLiteral("a2a/sign-card.mjs") } + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_signerError = QStringLiteral("sign-card.mjs %1 failed: %2")
                            .arg(arguments.join(QLatin1Char(' ')),
                                 QString::fromUtf8(process.readAllStandardError()) + process.errorString());
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

bool TestCardSignature::sign(const QString &name, const QString &alg, const QStringList &extra)
{
    Signed s;
    s.dir = m_dir.filePath(name);
    if (!runSigner(QStringList { QStringLiteral("--alg"), alg, QStringLiteral("--out"), s.dir } + extra))
        return false;
    s.card = readJson(s.dir + QStringLiteral("/card.json"));
    s.jwkPath = s.dir + QStringLiteral("/public.jwk.json");
    s.pemPath = s.dir + QStringLiteral("/public.pem");
    s.payload = readBytes(s.dir + QStringLiteral("/payload.txt"));
    if (!s.card.is_object() || s.payload.isEmpty()) {
        m_signerError = QStringLiteral("sign-card.mjs wrote no card for %1").arg(name);
        return false;
    }
    m_signed[name] = std::move(s);
    return true;
}

a2a::SignatureCheck TestCardSignature::checkWithFile(const json &card, const QString &keyFile)
{
    QString error;
    const auto keys = a2a::SignatureKeys::fromFile(keyFile, &error);
    if (!keys) {
        a2a::SignatureCheck failed;
        failed.verdict = SignatureVerdict::Unsigned;
        failed.message = QStringLiteral("key file not loaded: ") + error;
        return failed;
    }
    return a2a::checkCardSignatures(card, *keys);
}

a2a::SignatureCheck TestCardSignature::verifyAsync(a2a::CardSignatureVerifier &verifier, const json &card,
                                                   std::optional<a2a::SignatureKeys> keys)
{
    a2a::SignatureCheck result;
    int count = 0;
    const auto connection
        = connect(&verifier, &a2a::CardSignatureVerifier::finished, this, [&](const a2a::SignatureCheck &check) {
              result = check;
              ++count;
          });
    verifier.verify(card, std::move(keys));
    [&] { QTRY_VERIFY_WITH_TIMEOUT(count > 0, 15000); }();
    disconnect(connection);
    return result;
}

void TestCardSignature::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen());
    m_server.setHandler([this](test::HttpExchange *x) {
        if (x->request().target == "/jwks.json")
            x->respond(200, { { "Content-Type", "application/json" } }, m_served);
        else
            x->respond(404, { { "Content-Type", "text/plain" } }, "not here");
    });

    for (const QString &alg : algorithms)
        QVERIFY2(sign(alg, alg), qPrintable(m_signerError));
    // Another ES256 key with the same kid, and one more EdDSA key.
    QVERIFY2(sign(QStringLiteral("ES256-other"), QStringLiteral("ES256")), qPrintable(m_signerError));
    QVERIFY2(sign(QStringLiteral("EdDSA-other"), QStringLiteral("EdDSA"),
                  { QStringLiteral("--kid"), QStringLiteral("second") }),
             qPrintable(m_signerError));
    QVERIFY2(sign(QStringLiteral("jku-loopback"), QStringLiteral("ES256"),
                  { QStringLiteral("--jku"), m_server.url(QStringLiteral("/jwks.json")).toString() }),
             qPrintable(m_signerError));
    QVERIFY2(sign(QStringLiteral("jku-offloopback"), QStringLiteral("EdDSA"),
                  { QStringLiteral("--jku"), QStringLiteral("http://example.invalid/jwks.json") }),
             qPrintable(m_signerError));
    m_served = readBytes(signedCard(QStringLiteral("jku-loopback")).jwkPath);
}

void TestCardSignature::verdictNames()
{
    QCOMPARE(verdictName(SignatureVerdict::Verified), QStringLiteral("verified"));
    QCOMPARE(verdictName(SignatureVerdict::Invalid), QStringLiteral("invalid"));
    QCOMPARE(verdictName(SignatureVerdict::Unverifiable), QStringLiteral("unverifiable"));
    QCOMPARE(verdictName(SignatureVerdict::Unsigned), QStringLiteral("unsigned"));
}

void TestCardSignature::payloadMatchesSdk_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &alg : algorithms)
        QTest::newRow(qPrintable(alg)) << alg;
}

void TestCardSignature::payloadMatchesSdk()
{
    // The bytes the SDK signed (its canonicalizeAgentCard) are the bytes
    // Crosstalk reconstructs from the signed card.
    QFETCH(QString, name);
    const Signed &s = signedCard(name);
    QCOMPARE(QByteArray::fromStdString(a2a::cardSigningPayload(s.card)), s.payload);
}

void TestCardSignature::canonicalisationMatchesSdk()
{
    // Cards that probe each rule of the SDK's normalisation: unknown fields,
    // snake_case names, defaults, coercions, oneofs, Struct contents.
    const json cards = json::parse(R"([
        {},
        {"name": "Example Agent", "description": "", "capabilities": {"streaming": false, "pushNotifications": false, "extensions": []}, "skills": []},
        {"name": "n", "x-unknown": {"a": 1}, "supported_interfaces": [{"url": "u", "protocol_binding": "JSONRPC", "protocol_version": "1.0", "tenant": ""}],
         "default_input_modes": ["a"], "defaultInputModes": ["b"], "documentation_url": "", "icon_url": "https://i"},
        {"name": 5, "version": true, "description": null, "defaultOutputModes": [1, null, true, 1.5, [1, [2, null]], {"k": 1}],
         "capabilities": {"streaming": "yes", "pushNotifications": 0, "extendedAgentCard": null, "extensions": [
            {"uri": "u", "required": 1, "params": {"a": "", "b": null, "c": [], "d": {}, "e": [null, "", 0, false], "f": {"g": {"h": null}},
                                                   "__proto__": {"x": 1}, "n": [1e21, 0.1, -0, 1.0, 12345678901234567890, 1e-7]}},
            {"uri": "", "description": "", "required": false},
            {"uri": "p", "params": [1, 2]}
         ]}},
        {"securitySchemes": {
            "both": {"apiKeySecurityScheme": {"location": "header", "name": "X-Key"}, "httpAuthSecurityScheme": {"scheme": "Bearer"}},
            "snake": {"http_auth_security_scheme": {"scheme": "Basic", "bearer_format": "x"}},
            "none": {"unknownScheme": {"a": 1}},
            "oauth": {"oauth2SecurityScheme": {"flows": {"authorizationCode": {"authorizationUrl": "a", "tokenUrl": "t", "scopes": {"read": "Read", "empty": "", "n": 1, "__proto__": "p"}, "pkceRequired": true},
                                                         "deviceCode": {"deviceAuthorizationUrl": "d"}}, "oauth2MetadataUrl": ""}},
            "oidc": {"openIdConnectSecurityScheme": {"openIdConnectUrl": "o", "description": "\u00e9\ud83d\ude00"}},
            "mtls": {"mtlsSecurityScheme": {}}
         },
         "securityRequirements": [{"schemes": {"oauth": {"list": ["read"]}, "both": {"list": []}}}, {}, {"schemes": {}}],
         "skills": [{"id": "s", "name": "S", "tags": [], "input_modes": ["text/plain"], "extra": 1, "securityRequirements": [{"schemes": {"k": {"list": ["a", ""]}}}]}],
         "provider": {"url": "", "organization": ""}},
        {"securitySchemes": [{"mtlsSecurityScheme": {"description": "d"}}], "skills": "not a list", "capabilities": "not an object", "provider": {"url": "p", "extra": 2}},
        {"\u20ac": 1, "name": "\u0000\u001f\"\\/\u2028", "version": "1", "signatures": [{"protected": "x", "signature": "y"}]}
    ])");
    const QString file = m_dir.filePath(QStringLiteral("canonicalise.json"));
    QVERIFY(writeBytes(file, toBytes(cards)));
    QByteArray out;
    QVERIFY2(runSigner({ QStringLiteral("--canonicalize"), file }, &out), qPrintable(m_signerError));
    const json expected = json::parse(out.constData(), out.constData() + out.size());
    QCOMPARE(expected.size(), cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const std::string ours = a2a::cardSigningPayload(cards[i]);
        const std::string theirs = expected[i].get<std::string>();
        QVERIFY2(ours == theirs,
                 qPrintable(QStringLiteral("card %1:\n ours:   %2\n theirs: %3")
                                .arg(i)
                                .arg(QString::fromStdString(ours), QString::fromStdString(theirs))));
    }
}

void TestCardSignature::specificationExample()
{
    // §8.4.1's example: the specification keeps REQUIRED fields at their
    // defaults (description "", skills []), the SDKs drop them.
    const json card = json::parse(R"({"name": "Example Agent", "description": "",
        "capabilities": {"streaming": false, "pushNotifications": false, "extensions": []}, "skills": []})");
    QCOMPARE(
        a2a::cardSigningPayload(card, a2a::CardPayloadForm::Specification),
        std::string(
            R"({"capabilities":{"pushNotifications":false,"streaming":false},"description":"","name":"Example Agent","skills":[]})"));
    QCOMPARE(a2a::cardSigningPayload(card, a2a::CardPayloadForm::Sdk),
             std::string(R"({"capabilities":{"pushNotifications":false,"streaming":false},"name":"Example Agent"})"));

    QStringList uncovered;
    const json extra
        = json::parse(R"({"name": "n", "x-extra": {"a": 1}, "x-empty": "", "skills": [{"id": "s", "extra": [1]}],
        "signatures": [{"protected": "p"}], "defaultInputModes": ["a"], "default_input_modes": ["b"]})");
    a2a::cardSigningPayload(extra, a2a::CardPayloadForm::Sdk, &uncovered);
    uncovered.sort();
    QCOMPARE(uncovered,
             (QStringList { QStringLiteral("/default_input_modes"), QStringLiteral("/skills/0/extra"),
                            QStringLiteral("/x-extra") }));
}

void TestCardSignature::verifiesWithJwk_data()
{
    payloadMatchesSdk_data();
}

void TestCardSignature::verifiesWithJwk()
{
    QFETCH(QString, name);
    const Signed &s = signedCard(name);
    const a2a::SignatureCheck check = checkWithFile(s.card, s.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QCOMPARE(check.details.size(), 1);
    const a2a::SignatureDetail &d = check.details.constFirst();
    QCOMPARE(d.index, 0);
    QCOMPARE(d.alg, name);
    QCOMPARE(d.kid, QStringLiteral("crosstalk-test-") + name);
    QVERIFY(d.jku.isEmpty());
    QCOMPARE(d.verdict, SignatureVerdict::Verified);
    QVERIFY(d.payloadForm == a2a::CardPayloadForm::Sdk);
    QVERIFY2(d.keySource.contains(QDir::toNativeSeparators(s.jwkPath)), qPrintable(d.keySource));
    QVERIFY(check.uncoveredFields.isEmpty());
    QVERIFY2(check.message.contains(QStringLiteral("signatures[0]")), qPrintable(check.message));
}

void TestCardSignature::verifiesWithPem_data()
{
    payloadMatchesSdk_data();
}

void TestCardSignature::verifiesWithPem()
{
    QFETCH(QString, name);
    const Signed &s = signedCard(name);
    const a2a::SignatureCheck check = checkWithFile(s.card, s.pemPath);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QCOMPARE(check.details.constFirst().verdict, SignatureVerdict::Verified);
    QVERIFY2(check.message.contains(QStringLiteral("public.pem")), qPrintable(check.message));
}

void TestCardSignature::tamperedCardIsInvalid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("change");
    for (const QString &alg : { QStringLiteral("ES256"), QStringLiteral("RS256"), QStringLiteral("EdDSA") }) {
        for (const QString &change : { QStringLiteral("name"), QStringLiteral("skill"), QStringLiteral("streaming"),
                                       QStringLiteral("param"), QStringLiteral("url") })
            QTest::addRow("%s %s", qPrintable(alg), qPrintable(change)) << alg << change;
    }
}

void TestCardSignature::tamperedCardIsInvalid()
{
    QFETCH(QString, name);
    QFETCH(QString, change);
    const Signed &s = signedCard(name);
    json card = s.card;
    if (change == QLatin1String("name"))
        card["name"] = "Crosstalk signed test agent (evil twin)";
    else if (change == QLatin1String("skill"))
        card["skills"].push_back(
            { { "id", "exfiltrate" }, { "name", "Exfiltrate" }, { "description", "d" }, { "tags", { "x" } } });
    else if (change == QLatin1String("streaming"))
        card["capabilities"]["streaming"] = false;
    else if (change == QLatin1String("param"))
        card["capabilities"]["extensions"][0]["params"]["perMinute"] = 61;
    else
        card["supportedInterfaces"][0]["url"] = "https://attacker.invalid/a2a";

    for (const QString &keyFile : { s.jwkPath, s.pemPath }) {
        const a2a::SignatureCheck check = checkWithFile(card, keyFile);
        QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
        QCOMPARE(check.details.constFirst().verdict, SignatureVerdict::Invalid);
        QVERIFY2(check.message.contains(QStringLiteral("signatures[0]"))
                     && check.message.contains(QStringLiteral("changed after it was signed")),
                 qPrintable(check.message));
    }
}

void TestCardSignature::wrongKeys()
{
    const Signed &es = signedCard(QStringLiteral("ES256"));
    const Signed &other = signedCard(QStringLiteral("ES256-other"));

    // Same kid, another key: that key should have made it, and did not.
    a2a::SignatureCheck check = checkWithFile(es.card, other.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("kid \"crosstalk-test-ES256\"")), qPrintable(check.message));

    // A key without kid (PEM) is trusted for every signature it fits: a
    // mismatch is Invalid.
    check = checkWithFile(es.card, other.pemPath);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));

    // Another kid: no key for this signature.
    check = checkWithFile(es.card, signedCard(QStringLiteral("EdDSA-other")).jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Unverifiable, qPrintable(check.message));
    QCOMPARE(check.details.constFirst().verdict, SignatureVerdict::Unverifiable);

    // A PEM key of another type does not fit an ES256 signature: no key.
    check = checkWithFile(es.card, signedCard(QStringLiteral("RS256")).pemPath);
    QVERIFY2(check.verdict == SignatureVerdict::Unverifiable, qPrintable(check.message));

    // The kid names an RSA key: that key cannot have made an ES256 signature.
    json jwks = readJson(signedCard(QStringLiteral("RS256")).jwkPath);
    jwks["keys"][0]["kid"] = "crosstalk-test-ES256";
    jwks["keys"][0].erase("alg");
    QString error;
    const auto rsaNamedLikeEs = a2a::SignatureKeys::fromJwkSet(jwks, &error, QStringLiteral("test set"));
    QVERIFY2(rsaNamedLikeEs, qPrintable(error));
    check = a2a::checkCardSignatures(es.card, *rsaNamedLikeEs);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("RSA")), qPrintable(check.message));

    // A JWK restricted to another algorithm ("alg") does not fit.
    jwks = readJson(signedCard(QStringLiteral("RS256")).jwkPath);
    const json psCard = signedCard(QStringLiteral("PS256")).card;
    jwks["keys"][0]["kid"] = "crosstalk-test-PS256"; // RS256-only key, named by a PS256 signature
    const auto rsOnly = a2a::SignatureKeys::fromJwkSet(jwks, &error, QStringLiteral("test set"));
    QVERIFY2(rsOnly, qPrintable(error));
    check = a2a::checkCardSignatures(psCard, *rsOnly);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("RS256 only")), qPrintable(check.message));
}

void TestCardSignature::noKeyIsUnverifiable()
{
    const Signed &s = signedCard(QStringLiteral("ES256"));
    const a2a::SignatureCheck check = a2a::checkCardSignatures(s.card, a2a::SignatureKeys());
    QCOMPARE(check.verdict, SignatureVerdict::Unverifiable);
    QCOMPARE(check.details.size(), 1);
    QCOMPARE(check.details.constFirst().kid, QStringLiteral("crosstalk-test-ES256"));
    QVERIFY(!check.message.isEmpty());

    // Through the verifier: no keys and no jku.
    a2a::CardSignatureVerifier verifier;
    const a2a::SignatureCheck async = verifyAsync(verifier, s.card, std::nullopt);
    QCOMPARE(async.verdict, SignatureVerdict::Unverifiable);
    QVERIFY2(async.message.contains(QStringLiteral("jku")), qPrintable(async.message));
}

void TestCardSignature::unsignedCards()
{
    QString error;
    const auto keys = a2a::SignatureKeys::fromFile(signedCard(QStringLiteral("ES256")).jwkPath, &error);
    QVERIFY2(keys, qPrintable(error));
    json card = signedCard(QStringLiteral("ES256")).card;
    card.erase("signatures");
    QCOMPARE(a2a::checkCardSignatures(card, *keys).verdict, SignatureVerdict::Unsigned);
    card["signatures"] = json::array();
    QCOMPARE(a2a::checkCardSignatures(card, *keys).verdict, SignatureVerdict::Unsigned);
    card["signatures"] = nullptr;
    QCOMPARE(a2a::checkCardSignatures(card, *keys).verdict, SignatureVerdict::Unsigned);
    QCOMPARE(a2a::checkCardSignatures(json::array(), *keys).verdict, SignatureVerdict::Unsigned);
    card["signatures"] = "not a list";
    QCOMPARE(a2a::checkCardSignatures(card, *keys).verdict, SignatureVerdict::Invalid);

    a2a::CardSignatureVerifier verifier;
    card.erase("signatures");
    const a2a::SignatureCheck async = verifyAsync(verifier, card, std::nullopt);
    QCOMPARE(async.verdict, SignatureVerdict::Unsigned);
    QVERIFY(!async.message.isEmpty());
}

void TestCardSignature::malformedSignatures_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("garbage signature base64") << QStringLiteral("garbage-signature") << QStringLiteral("base64url");
    QTest::newRow("empty signature") << QStringLiteral("empty-signature") << QStringLiteral("base64url");
    QTest::newRow("flipped signature byte") << QStringLiteral("flip") << QStringLiteral("does not verify");
    QTest::newRow("short signature") << QStringLiteral("short") << QStringLiteral("bytes");
    QTest::newRow("garbage protected base64") << QStringLiteral("garbage-protected") << QStringLiteral("base64url");
    QTest::newRow("protected not JSON") << QStringLiteral("protected-not-json") << QStringLiteral("not valid JSON");
    QTest::newRow("protected not an object")
        << QStringLiteral("protected-array") << QStringLiteral("not a JSON object");
    QTest::newRow("entry not an object") << QStringLiteral("entry-string") << QStringLiteral("not a JSON object");
    QTest::newRow("unsupported alg") << QStringLiteral("alg-HS256") << QStringLiteral("HS256");
    QTest::newRow("alg none") << QStringLiteral("alg-none") << QStringLiteral("\"none\"");
    QTest::newRow("no alg") << QStringLiteral("alg-missing") << QStringLiteral("(alg)");
    QTest::newRow("crit") << QStringLiteral("crit") << QStringLiteral("crit");
    QTest::newRow("repeated header") << QStringLiteral("repeated") << QStringLiteral("repeats");
    QTest::newRow("header changed") << QStringLiteral("header-kid-kept-alg-changed") << QStringLiteral("ES384");
}

void TestCardSignature::malformedSignatures()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedText);
    const Signed &s = signedCard(QStringLiteral("ES256"));
    json card = s.card;
    json &sig = card["signatures"][0];
    if (change == QLatin1String("garbage-signature")) {
        sig["signature"] = "!!not*base64$$";
    } else if (change == QLatin1String("empty-signature")) {
        sig["signature"] = "";
    } else if (change == QLatin1String("flip")) {
        QByteArray bytes = QByteArray::fromBase64(QByteArray::fromStdString(sig["signature"].get<std::string>()),
                                                  QByteArray::Base64UrlEncoding);
        bytes[10] = char(bytes[10] ^ 0x01);
        sig["signature"] = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
    } else if (change == QLatin1String("short")) {
        sig["signature"] = "AAAA";
    } else if (change == QLatin1String("garbage-protected")) {
        sig["protected"] = "eyJ%%%";
    } else if (change == QLatin1String("protected-not-json")) {
        sig["protected"] = QByteArray("{alg: ES256")
                               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                               .toStdString();
    } else if (change == QLatin1String("protected-array")) {
        sig["protected"] = QByteArray("[1]").toBase64(QByteArray::Base64UrlEncoding).toStdString();
    } else if (change == QLatin1String("entry-string")) {
        sig = "a compact JWS";
    } else if (change.startsWith(QLatin1String("alg-"))) {
        json header = protectedHeader(card);
        if (change == QLatin1String("alg-missing"))
            header.erase("alg");
        else
            header["alg"] = change.mid(4).toStdString();
        setProtectedHeader(card, header);
    } else if (change == QLatin1String("crit")) {
        json header = protectedHeader(card);
        header["crit"] = { "exp" };
        header["exp"] = 1;
        setProtectedHeader(card, header);
    } else if (change == QLatin1String("repeated")) {
        sig["header"] = { { "kid", "other" } };
    } else if (change == QLatin1String("header-kid-kept-alg-changed")) {
        json header = protectedHeader(card);
        header["alg"] = "ES384";
        setProtectedHeader(card, header);
    }

    const a2a::SignatureCheck check = checkWithFile(card, s.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QCOMPARE(check.details.size(), 1);
    QCOMPARE(check.details.constFirst().verdict, SignatureVerdict::Invalid);
    QVERIFY2(check.message.contains(expectedText), qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("signatures[0]")), qPrintable(check.message));
}

void TestCardSignature::multipleSignatures()
{
    // The ES256 card also signed by a second key (EdDSA, kid "second").
    const Signed &es = signedCard(QStringLiteral("ES256"));
    const QString cardFile = m_dir.filePath(QStringLiteral("es256-card.json"));
    QVERIFY(writeBytes(cardFile, toBytes(es.card)));
    const QString twice = QStringLiteral("twice");
    QVERIFY2(sign(twice, QStringLiteral("EdDSA"),
                  { QStringLiteral("--kid"), QStringLiteral("second"), QStringLiteral("--card"), cardFile }),
             qPrintable(m_signerError));
    const json card = signedCard(twice).card;
    QCOMPARE(card.at("signatures").size(), std::size_t(2));

    QString error;
    auto both = a2a::SignatureKeys::fromFile(es.jwkPath, &error);
    QVERIFY2(both, qPrintable(error));
    const auto second = a2a::SignatureKeys::fromFile(signedCard(twice).jwkPath, &error);
    QVERIFY2(second, qPrintable(error));
    both->add(*second);
    QCOMPARE(both->keyIds(), (QStringList { QStringLiteral("crosstalk-test-ES256"), QStringLiteral("second") }));

    a2a::SignatureCheck check = a2a::checkCardSignatures(card, *both);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QCOMPARE(check.details.size(), 2);
    QCOMPARE(check.details.at(0).verdict, SignatureVerdict::Verified);
    QCOMPARE(check.details.at(1).verdict, SignatureVerdict::Verified);
    QCOMPARE(check.details.at(1).index, 1);
    QCOMPARE(check.details.at(1).kid, QStringLiteral("second"));

    // One key at hand: that signature verifies, the other cannot be checked.
    check = checkWithFile(card, es.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QCOMPARE(check.details.at(1).verdict, SignatureVerdict::Unverifiable);

    // A broken second signature makes the card Invalid although the first verifies.
    json broken = card;
    broken["signatures"][1]["signature"] = "AAAA";
    check = a2a::checkCardSignatures(broken, *both);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QCOMPARE(check.details.at(0).verdict, SignatureVerdict::Verified);
    QCOMPARE(check.details.at(1).verdict, SignatureVerdict::Invalid);
    QVERIFY2(check.message.contains(QStringLiteral("signatures[1]")), qPrintable(check.message));
}

void TestCardSignature::fieldsOutsideTheSchemaAreNotCovered()
{
    // The SDK signs the card as the v1.0 schema reads it: fields outside it
    // can be added without breaking the signature, and Crosstalk says so.
    const Signed &s = signedCard(QStringLiteral("EdDSA"));
    json card = s.card;
    card["x-vendor"] = { { "trustMe", true } };
    card["skills"][0]["x-hidden"] = "added later";
    const a2a::SignatureCheck check = checkWithFile(card, s.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QStringList uncovered = check.uncoveredFields;
    uncovered.sort();
    QCOMPARE(uncovered, (QStringList { QStringLiteral("/skills/0/x-hidden"), QStringLiteral("/x-vendor") }));
    QVERIFY2(check.message.contains(QStringLiteral("/x-vendor")), qPrintable(check.message));

    // A card the SDK signs with such fields verifies too.
    const QString cardFile = m_dir.filePath(QStringLiteral("with-extras.json"));
    json unsignedExtras = card;
    unsignedExtras.erase("signatures");
    QVERIFY(writeBytes(cardFile, toBytes(unsignedExtras)));
    QVERIFY2(sign(QStringLiteral("extras"), QStringLiteral("ES256"), { QStringLiteral("--card"), cardFile }),
             qPrintable(m_signerError));
    const a2a::SignatureCheck extras
        = checkWithFile(signedCard(QStringLiteral("extras")).card, signedCard(QStringLiteral("extras")).jwkPath);
    QVERIFY2(extras.verdict == SignatureVerdict::Verified, qPrintable(extras.message));
}

void TestCardSignature::emptyScopeRequirementIsNotSigned()
{
    // A documented consequence of the SDK's canonicalisation: a security
    // requirement with an empty scope list normalises to nothing, so it can
    // be removed (or added) without breaking the signature.
    const Signed &s = signedCard(QStringLiteral("ES256"));
    json card = s.card;
    QVERIFY(card.contains("securityRequirements"));
    card.erase("securityRequirements");
    QCOMPARE(checkWithFile(card, s.jwkPath).verdict, SignatureVerdict::Verified);
}

void TestCardSignature::specificationFormFallback()
{
    // A signer that follows §8.4.1's text keeps REQUIRED fields at their
    // defaults; Crosstalk accepts that payload when the SDK one fails.
    json card = signedCard(QStringLiteral("ES256")).card;
    card.erase("signatures");
    card["description"] = "";
    card["skills"] = json::array();
    const std::string spec = a2a::cardSigningPayload(card, a2a::CardPayloadForm::Specification);
    QVERIFY(spec != a2a::cardSigningPayload(card, a2a::CardPayloadForm::Sdk));
    const QString payloadFile = m_dir.filePath(QStringLiteral("spec-payload.txt"));
    QVERIFY(writeBytes(payloadFile, QByteArray::fromStdString(spec)));
    const QString out = m_dir.filePath(QStringLiteral("spec-signed"));
    QVERIFY2(runSigner({ QStringLiteral("--sign-payload"), payloadFile, QStringLiteral("--alg"),
                         QStringLiteral("ES256"), QStringLiteral("--out"), out }),
             qPrintable(m_signerError));
    card["signatures"] = json::array({ readJson(out + QStringLiteral("/signature.json")) });

    const a2a::SignatureCheck check = checkWithFile(card, out + QStringLiteral("/public.jwk.json"));
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QVERIFY(check.details.constFirst().payloadForm == a2a::CardPayloadForm::Specification);

    card["description"] = "changed";
    QCOMPARE(checkWithFile(card, out + QStringLiteral("/public.jwk.json")).verdict, SignatureVerdict::Invalid);
}

void TestCardSignature::deeplyNestedCard()
{
    // Struct values are free-form: a card cannot crash the check by nesting.
    const Signed &s = signedCard(QStringLiteral("ES256"));
    json card = s.card;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    card["capabilities"]["extensions"][0]["params"]["deep"] = json::parse(deep);
    const a2a::SignatureCheck check = checkWithFile(card, s.jwkPath);
    QVERIFY2(check.verdict == SignatureVerdict::Invalid, qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("nested more than")), qPrintable(check.message));
    QVERIFY(a2a::signatureJkuUrls(card).isEmpty());

    a2a::CardSignatureVerifier verifier;
    QCOMPARE(verifyAsync(verifier, card, std::nullopt).verdict, SignatureVerdict::Invalid);
}

void TestCardSignature::messagesShowPeerTextSafely()
{
    // A kid is the peer's text: no line breaks or bidi overrides in
    // messages, and no endless strings; the detail keeps it whole.
    json card = signedCard(QStringLiteral("ES256")).card;
    json header = protectedHeader(card);
    const std::string kid = "evil\nkid\xe2\x80\xae" + std::string(500, 'k');
    header["kid"] = kid;
    setProtectedHeader(card, header);
    const a2a::SignatureCheck check = checkWithFile(card, signedCard(QStringLiteral("ES256")).jwkPath);
    QCOMPARE(check.verdict, SignatureVerdict::Unverifiable);
    QCOMPARE(check.details.constFirst().kid, QString::fromStdString(kid));
    QVERIFY2(!check.message.contains(QLatin1Char('\n')) && !check.message.contains(QChar(0x202e)),
             qPrintable(check.message));
    QVERIFY2(check.message.contains(QChar(QChar::ReplacementCharacter)), qPrintable(check.message));
    QVERIFY2(check.message.size() < 300, qPrintable(check.message));
}

void TestCardSignature::keyFiles()
{
    // A single JWK (not a set), a PEM with two keys, and a set with keys
    // that cannot verify (skipped) next to one that can.
    QString error;
    const json jwk = readJson(signedCard(QStringLiteral("EdDSA")).jwkPath).at("keys").at(0);
    const QString single = m_dir.filePath(QStringLiteral("single.jwk"));
    QVERIFY(writeBytes(single, toBytes(jwk)));
    auto keys = a2a::SignatureKeys::fromFile(single, &error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(keys->size(), 1);
    QCOMPARE(checkWithFile(signedCard(QStringLiteral("EdDSA")).card, single).verdict, SignatureVerdict::Verified);

    const QString twoPem = m_dir.filePath(QStringLiteral("two.pem"));
    QVERIFY(writeBytes(twoPem,
                       readBytes(signedCard(QStringLiteral("RS256")).pemPath) + '\n'
                           + readBytes(signedCard(QStringLiteral("ES384")).pemPath)));
    keys = a2a::SignatureKeys::fromFile(twoPem, &error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(keys->keyIds(), (QStringList { QString(), QString() }));
    QCOMPARE(checkWithFile(signedCard(QStringLiteral("ES384")).card, twoPem).verdict, SignatureVerdict::Verified);
    QCOMPARE(checkWithFile(signedCard(QStringLiteral("RS256")).card, twoPem).verdict, SignatureVerdict::Verified);

    json mixed = readJson(signedCard(QStringLiteral("ES512")).jwkPath);
    mixed["keys"].push_back({ { "kty", "oct" }, { "kid", "hmac" } }); // symmetric: skipped (no "k" either)
    mixed["keys"].push_back({ { "kty", "OKP" }, { "crv", "X25519" }, { "x", "AAAA" } });
    mixed["keys"].push_back({ { "kty", "EC" }, { "crv", "secp256k1" }, { "x", "AA" }, { "y", "AA" } });
    mixed["keys"].push_back(readJson(signedCard(QStringLiteral("ES256")).jwkPath).at("keys").at(0));
    mixed["keys"].back()["use"] = "enc";
    keys = a2a::SignatureKeys::fromJwkSet(mixed, &error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(keys->keyIds(), QStringList { QStringLiteral("crosstalk-test-ES512") });
}

void TestCardSignature::keyFileErrors_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("missing file") << QByteArray() << QStringLiteral("cannot be read");
    QTest::newRow("not a key") << QByteArray("hello") << QStringLiteral("neither a PEM public key nor a JWK");
    QTest::newRow("bad JSON") << QByteArray("{\"keys\": [") << QStringLiteral("not valid JSON");
    QTest::newRow("JSON not a JWK") << QByteArray("{\"a\": 1}") << QStringLiteral("neither a JWK Set nor a JWK");
    QTest::newRow("keys not a list") << QByteArray("{\"keys\": {}}") << QStringLiteral("not a list");
    QTest::newRow("empty set") << QByteArray("{\"keys\": []}") << QStringLiteral("no keys");
    QTest::newRow("only symmetric") << QByteArray(R"({"keys": [{"kty": "oct", "k": "AAAA"}]})")
                                    << QStringLiteral("private or secret");
    QTest::newRow("unsupported only") << QByteArray(R"({"keys": [{"kty": "OKP", "crv": "Ed448", "x": "AA"}]})")
                                      << QStringLiteral("Ed448");
    QTest::newRow("EC x too short") << QByteArray(
        R"({"keys": [{"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"}]})")
                                    << QStringLiteral("32-byte");
    QTest::newRow("EC point off curve") << QByteArray(
        R"({"keys": [{"kty": "EC", "crv": "P-256", "x": "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "y": "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]})")
                                        << QStringLiteral("not on the curve");
    QTest::newRow("RSA without e") << QByteArray(R"({"keys": [{"kty": "RSA", "n": "AQAB"}]})")
                                   << QStringLiteral("\"e\"");
    QTest::newRow("private JWK") << QByteArray(
        R"({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"})")
                                 << QStringLiteral("private or secret");
    QTest::newRow("kid not a string") << QByteArray(R"({"kty": "OKP", "crv": "Ed25519", "kid": 7, "x": "AA"})")
                                      << QStringLiteral("not a string");
    QTest::newRow("private PEM") << QByteArray(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n")
                                 << QStringLiteral("private key");
    QTest::newRow("PEM without public key")
        << QByteArray("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")
        << QStringLiteral("no public key");
    QTest::newRow("PEM broken") << QByteArray("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n")
                                << QStringLiteral("no public key");
}

void TestCardSignature::keyFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedText);
    const QString path = m_dir.filePath(QStringLiteral("bad-key-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    if (!content.isEmpty())
        QVERIFY(writeBytes(path, content));
    QString error;
    const auto keys = a2a::SignatureKeys::fromFile(path, &error);
    QVERIFY(!keys);
    QVERIFY2(error.contains(expectedText), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    // Never the key material itself.
    QVERIFY2(!error.contains(QStringLiteral("nWGxne")), qPrintable(error));
}

void TestCardSignature::jkuUrlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QStringLiteral("https://agent.example/jwks.json") << true;
    QTest::newRow("https loopback") << QStringLiteral("https://127.0.0.1:8443/jwks.json") << true;
    QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/jwks.json") << true;
    QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3/jwks.json") << true;
    QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8080/jwks.json") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://LocalHost/jwks.json") << true;
    QTest::newRow("http remote") << QStringLiteral("http://example.invalid/jwks.json") << false;
    QTest::newRow("http private net") << QStringLiteral("http://10.0.0.1/jwks.json") << false;
    QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.example.invalid/") << false;
    QTest::newRow("http 0.0.0.0") << QStringLiteral("http://0.0.0.0/") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/jwks.json") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("relative") << QStringLiteral("/jwks.json") << false;
}

void TestCardSignature::jkuUrlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QString reason;
    QCOMPARE(a2a::JkuFetcher::isAllowedUrl(QUrl(url), &reason), allowed);
    QCOMPARE(reason.isEmpty(), allowed);
}

void TestCardSignature::jkuOnLoopbackVerifies()
{
    const Signed &s = signedCard(QStringLiteral("jku-loopback"));
    const QUrl jku = m_server.url(QStringLiteral("/jwks.json"));
    QCOMPARE(a2a::signatureJkuUrls(s.card), QList<QUrl> { jku });
    const qsizetype before = m_server.requests().size();

    a2a::CardSignatureVerifier verifier;
    const a2a::SignatureCheck check = verifyAsync(verifier, s.card, std::nullopt);
    QVERIFY2(check.verdict == SignatureVerdict::Verified, qPrintable(check.message));
    QCOMPARE(check.details.constFirst().jku, jku.toString());
    QVERIFY2(check.details.constFirst().keySource.contains(jku.toString()),
             qPrintable(check.details.constFirst().keySource));
    QCOMPARE(m_server.requests().size(), before + 1);
    const test::ReceivedRequest &request = m_server.requests().constLast();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/jwks.json"));
    QVERIFY(!request.hasHeader("Authorization"));
    QVERIFY(!verifier.isBusy());

    // A tampered card with the same jku: fetched again, Invalid.
    json tampered = s.card;
    tampered["version"] = "9.9.9";
    QCOMPARE(verifyAsync(verifier, tampered, std::nullopt).verdict, SignatureVerdict::Invalid);
}

void TestCardSignature::jkuOffLoopbackIsRefusedWithoutTraffic()
{
    const Signed &s = signedCard(QStringLiteral("jku-offloopback"));
    a2a::CardSignatureVerifier verifier;
    traffic::TrafficLog log;
    verifier.jkuFetcher()->httpClient()->setTrafficLog(&log, QStringLiteral("jku"));
    const qsizetype before = m_server.requests().size();

    // The fetcher itself: refused, on a later turn, with nothing sent.
    a2a::JkuResult refused;
    bool done = false;
    connect(verifier.jkuFetcher(), &a2a::JkuFetcher::finished, this, [&](const a2a::JkuResult &r) {
        refused = r;
        done = true;
    });
    const quint64 id = verifier.jkuFetcher()->fetch(QUrl(QStringLiteral("http://example.invalid/jwks.json")));
    QVERIFY(!done);
    QCOMPARE(log.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(refused.requestId, id);
    QVERIFY(refused.refused);
    QVERIFY(!refused.keys);
    QVERIFY2(refused.error.contains(QStringLiteral("loopback")), qPrintable(refused.error));
    disconnect(verifier.jkuFetcher(), nullptr, this, nullptr);

    // The whole verification.
    const a2a::SignatureCheck check = verifyAsync(verifier, s.card, std::nullopt);
    QVERIFY2(check.verdict == SignatureVerdict::Unverifiable, qPrintable(check.message));
    QCOMPARE(check.details.constFirst().jku, QStringLiteral("http://example.invalid/jwks.json"));
    QVERIFY2(check.message.contains(QStringLiteral("does not fetch")), qPrintable(check.message));
    QCOMPARE(log.size(), 0);
    QCOMPARE(m_server.requests().size(), before);

    // With the person's key, the same card verifies and nothing is fetched.
    QString error;
    const auto keys = a2a::SignatureKeys::fromFile(s.pemPath, &error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(verifyAsync(verifier, s.card, keys).verdict, SignatureVerdict::Verified);
    QCOMPARE(log.size(), 0);
}

void TestCardSignature::jkuFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("404") << 404 << QByteArray("gone") << QStringLiteral("404");
    QTest::newRow("not JSON") << 200 << QByteArray("<html>") << QStringLiteral("not JSON");
    QTest::newRow("not a JWK Set") << 200 << QByteArray("{\"hello\": 1}") << QStringLiteral("neither a JWK Set");
    QTest::newRow("too large") << 200
                               << (QByteArray("{\"keys\": [], \"pad\": \"") + QByteArray(300 * 1024, 'x') + "\"}")
                               << QStringLiteral("limit");
    QTest::newRow("redirect off loopback") << 302 << QByteArray() << QStringLiteral("without redirects");
    QTest::newRow("kid not in set") << 200 << QByteArray("kid-missing") << QStringLiteral("does not hold");
}

void TestCardSignature::jkuFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedText);

    QByteArray answer = body;
    if (body == "kid-missing") {
        json jwks = readJson(signedCard(QStringLiteral("jku-loopback")).jwkPath);
        jwks["keys"][0]["kid"] = "someone-else";
        answer = toBytes(jwks);
    }
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&](test::HttpExchange *x) {
        if (status == 302)
            x->respond(302, { { "Location", "http://example.invalid/jwks.json" } });
        else
            x->respond(status, { { "Content-Type", "application/json" } }, answer);
    });
    // Sign a card whose jku points at this server.
    const QString name = QStringLiteral("jku-failure-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(sign(name, QStringLiteral("ES256"),
                  { QStringLiteral("--jku"), server.url(QStringLiteral("/jwks.json")).toString() }),
             qPrintable(m_signerError));

    a2a::CardSignatureVerifier verifier;
    const a2a::SignatureCheck check = verifyAsync(verifier, signedCard(name).card, std::nullopt);
    QVERIFY2(check.verdict == SignatureVerdict::Unverifiable, qPrintable(check.message));
    QVERIFY2(check.message.contains(expectedText), qPrintable(check.message));
    QVERIFY2(check.message.contains(QStringLiteral("signatures[0]")), qPrintable(check.message));
    QCOMPARE(server.requests().size(), 1); // and never followed off loopback
}

void TestCardSignature::userKeysTakePrecedenceOverJku()
{
    const Signed &s = signedCard(QStringLiteral("jku-loopback"));
    const qsizetype before = m_server.requests().size();
    QString error;
    const auto wrong = a2a::SignatureKeys::fromFile(signedCard(QStringLiteral("ES256-other")).pemPath, &error);
    QVERIFY2(wrong, qPrintable(error));
    a2a::CardSignatureVerifier verifier;
    // The person's (wrong) key decides; the jku is not consulted.
    QCOMPARE(verifyAsync(verifier, s.card, wrong).verdict, SignatureVerdict::Invalid);
    QCOMPARE(m_server.requests().size(), before);
}

void TestCardSignature::verifierNewRequestReplacesOld()
{
    const Signed &viaJku = signedCard(QStringLiteral("jku-loopback"));
    const Signed &unsignedSource = signedCard(QStringLiteral("ES256"));
    json unsignedCard = unsignedSource.card;
    unsignedCard.erase("signatures");

    a2a::CardSignatureVerifier verifier;
    QList<a2a::SignatureCheck> results;
    connect(&verifier, &a2a::CardSignatureVerifier::finished, this,
            [&](const a2a::SignatureCheck &check) { results.append(check); });
    verifier.verify(viaJku.card, std::nullopt);
    QVERIFY(verifier.isBusy());
    verifier.verify(unsignedCard, std::nullopt); // replaces the jku one
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QCOMPARE(results.constFirst().verdict, SignatureVerdict::Unsigned);
    QTest::qWait(200);
    QCOMPARE(results.size(), 1);

    verifier.verify(viaJku.card, std::nullopt);
    verifier.cancel();
    QVERIFY(!verifier.isBusy());
    QTest::qWait(200);
    QCOMPARE(results.size(), 1);
}

void TestCardSignature::jkuFetchesAreCapped()
{
    // A card cannot make Crosstalk fetch any number of URLs.
    json card = signedCard(QStringLiteral("jku-loopback")).card;
    const json first = card["signatures"][0];
    for (int i = 1; i < 10; ++i) {
        card["signatures"].push_back(first);
        json header = protectedHeader(card, std::size_t(i));
        header["jku"] = m_server.url(QStringLiteral("/jwks.json")).toString().toStdString() + "?n=" + std::to_string(i);
        setProtectedHeader(card, header, std::size_t(i));
    }
    QCOMPARE(a2a::signatureJkuUrls(card).size(), 10);
    const qsizetype before = m_server.requests().size();
    a2a::CardSignatureVerifier verifier;
    const a2a::SignatureCheck check = verifyAsync(verifier, card, std::nullopt);
    QCOMPARE(m_server.requests().size(), before + a2a::CardSignatureVerifier::MaxKeySetsPerCard);
    QCOMPARE(check.details.size(), 10);
    QCOMPARE(check.details.at(0).verdict, SignatureVerdict::Verified);
    QCOMPARE(check.details.at(9).verdict, SignatureVerdict::Unverifiable);
    QVERIFY2(check.details.at(9).message.contains(QStringLiteral("more than 4 key sets")),
             qPrintable(check.details.at(9).message));
}

QTEST_GUILESS_MAIN(TestCardSignature)
#include "tst_cardsignature.moc"
