// `crosstalk-cli a2a card` against real servers: the official A2A SDK's own
// card endpoint, and cards served as the cases need them (old path, path
// prefix, redirect, wrong content type, validation errors, signatures).
#include "CliRunner.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using nlohmann::json;
namespace test = crosstalk::test;

namespace {

test::CliRun cli(const QStringList &arguments)
{
    return test::runCli(QStringLiteral(CROSSTALK_CLI), arguments);
}

json parse(const QByteArray &bytes)
{
    return json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
}

const char *ValidV03 = R"({"name":"Legacy agent","description":"An agent of the v0.3 days","version":"1.2.0","protocolVersion":"0.3.0","url":"http://127.0.0.1:1/rpc","preferredTransport":"JSONRPC","capabilities":{"streaming":false},"defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},"security":[{"bearer":[]}],"skills":[{"id":"echo","name":"Echo","description":"Echoes","tags":["test"]}]})";

const char *BrokenV1 = R"({"description":"No name","version":"1","supportedInterfaces":[{"url":"http://agents.example.test/rpc","protocolBinding":"JSONRPC","protocolVersion":"1.0"}],"capabilities":{},"defaultInputModes":[],"defaultOutputModes":[],"skills":[{"id":"a","name":"A\u200b","description":"d","tags":[]},{"id":"a","name":"B","description":"d","tags":[]}]})";

} // namespace

class TestA2aCard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sdkAgentCard();
    void humanOutput();
    void oldPathAndPrefix();
    void redirectedCard();
    void validationErrorsExitThree();
    void signedCard();
    void htmlInsteadOfACard();
    void unreachableExitsFour();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    test::PeerProcess m_agent;
    test::PeerProcess m_cards;
};

void TestA2aCard::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/streaming-agent.mjs")), qPrintable(m_agent.errorString()));

    // A card signed by the official SDK, and the same card changed afterwards.
    QProcess signer;
    signer.setWorkingDirectory(test::peersDir());
    signer.start(test::nodeProgram(), {QStringLiteral("a2a/sign-card.mjs"), QStringLiteral("--alg"), QStringLiteral("ES256"),
                                       QStringLiteral("--out"), m_dir.filePath(QStringLiteral("signed"))});
    QVERIFY(signer.waitForFinished(60000));
    QVERIFY2(signer.exitCode() == 0, signer.readAllStandardError().constData());
    QFile signedFile(m_dir.filePath(QStringLiteral("signed/card.json")));
    QVERIFY(signedFile.open(QIODevice::ReadOnly));
    json tampered = parse(signedFile.readAll());
    QVERIFY(tampered.is_object());
    tampered["name"] = "Someone else";

    const json routes = {
        {"/signed/.well-known/agent-card.json", {{"file", m_dir.filePath(QStringLiteral("signed/card.json")).toStdString()}}},
        {"/tampered/.well-known/agent-card.json", {{"body", tampered}}},
        {"/old/.well-known/agent.json", {{"body", json::parse(ValidV03)}}},
        {"/bad/.well-known/agent-card.json", {{"body", json::parse(BrokenV1)}}},
        {"/html/.well-known/agent-card.json", {{"text", "<!doctype html><title>Login</title>"}, {"contentType", "text/html"}}},
        {"/moved/.well-known/agent-card.json", {{"redirect", "/old/.well-known/agent.json"}, {"status", 301}}},
        {"/plain/card", {{"body", json::parse(ValidV03)}, {"contentType", "text/plain"}}},
    };
    const QString routesPath = m_dir.filePath(QStringLiteral("routes.json"));
    QFile file(routesPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(routes.dump()));
    file.close();
    QVERIFY2(m_cards.start(QStringLiteral("a2a/card-server.mjs"), {routesPath}), qPrintable(m_cards.errorString()));
}

void TestA2aCard::sdkAgentCard()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_agent.url().toString(), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.isEmpty());
    const json out = parse(r.out);
    QVERIFY2(out.is_object(), r.out.constData());
    QCOMPARE(out.at("protocolVersion").get<std::string>(), std::string("1.0"));
    QCOMPARE(QString::fromStdString(out.at("cardUrl").get<std::string>()),
             m_agent.url(QStringLiteral("/.well-known/agent-card.json")).toString());
    QCOMPARE(out.at("name").get<std::string>(), std::string("Crosstalk streaming test agent"));
    QVERIFY(out.at("valid").get<bool>());
    QCOMPARE(out.at("signature").get<std::string>(), std::string("unsigned"));
    bool jsonRpc10 = false;
    for (const json &i : out.at("interfaces"))
        jsonRpc10 = jsonRpc10 || (i.at("binding") == "JSONRPC" && i.at("protocolVersion") == "1.0");
    QVERIFY(jsonRpc10);
    QCOMPARE(out.at("skills").at(0).at("id").get<std::string>(), std::string("echo"));
    QCOMPARE(out.at("card").at("name"), out.at("name"));
    // The SDK's test card declares no security scheme: a warning, not an error.
    bool noSecurityWarning = false;
    for (const json &issue : out.at("issues")) {
        QCOMPARE(issue.at("severity").get<std::string>(), std::string("warning"));
        noSecurityWarning = noSecurityWarning || issue.at("message").get<std::string>().find("security") != std::string::npos;
    }
    QVERIFY(noSecurityWarning);
}

void TestA2aCard::humanOutput()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_agent.url().toString()});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QLatin1String("Crosstalk streaming test agent")), r.out.constData());
    QVERIFY(text.contains(QLatin1String("JSONRPC 1.0")));
    QVERIFY(text.contains(QLatin1String("unsigned")));
}

void TestA2aCard::oldPathAndPrefix()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/old")).toString(),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const json out = parse(r.out);
    QCOMPARE(out.at("protocolVersion").get<std::string>(), std::string("0.3"));
    QCOMPARE(QString::fromStdString(out.at("cardUrl").get<std::string>()),
             m_cards.url(QStringLiteral("/old/.well-known/agent.json")).toString());
    QVERIFY2(out.at("valid").get<bool>(), r.out.constData());

    // A card URL without a .json ending, served as text/plain.
    const test::CliRun plain = cli({QStringLiteral("a2a"), QStringLiteral("card"),
                              m_cards.url(QStringLiteral("/plain/card")).toString(), QStringLiteral("--json")});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QCOMPARE(parse(plain.out).at("name").get<std::string>(), std::string("Legacy agent"));
}

void TestA2aCard::redirectedCard()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/moved")).toString(),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromStdString(parse(r.out).at("cardUrl").get<std::string>()),
             m_cards.url(QStringLiteral("/old/.well-known/agent.json")).toString());
}

void TestA2aCard::validationErrorsExitThree()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/bad")).toString(),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 3);
    const json out = parse(r.out);
    QVERIFY(!out.at("valid").get<bool>());
    QStringList pointers;
    for (const json &issue : out.at("issues"))
        pointers << QString::fromStdString(issue.at("severity").get<std::string>() + " " + issue.at("pointer").get<std::string>());
    const QString all = pointers.join(QLatin1String(", "));
    QVERIFY2(all.contains(QLatin1String("error ")), qPrintable(all));                              // the missing name
    QVERIFY2(all.contains(QLatin1String("warning /supportedInterfaces/0/url")), qPrintable(all)); // plain http, not loopback
    QVERIFY2(all.contains(QLatin1String("/skills/1/id")), qPrintable(all));                       // duplicate skill id
    QVERIFY2(all.contains(QLatin1String("warning /skills/0/name")), qPrintable(all));             // zero-width space

    // Human output names them too, and reveals the hidden character.
    const test::CliRun human = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/bad")).toString()});
    QCOMPARE(human.exitCode, 3);
    QVERIFY2(QString::fromUtf8(human.out).contains(QLatin1String("U+200B")), human.out.constData());
}

void TestA2aCard::signedCard()
{
    const QString pem = m_dir.filePath(QStringLiteral("signed/public.pem"));
    const QString jwk = m_dir.filePath(QStringLiteral("signed/public.jwk.json"));
    const QString signedUrl = m_cards.url(QStringLiteral("/signed")).toString();

    for (const QString &key : {pem, jwk}) {
        const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), signedUrl, QStringLiteral("--key"), key,
                              QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(parse(r.out).at("signature").get<std::string>(), std::string("verified"));
    }
    // Without a key (and without a jku) it cannot be checked: not an error.
    const test::CliRun noKey = cli({QStringLiteral("a2a"), QStringLiteral("card"), signedUrl, QStringLiteral("--json")});
    QCOMPARE(noKey.exitCode, 0);
    QCOMPARE(parse(noKey.out).at("signature").get<std::string>(), std::string("unverifiable"));
    // A signed card changed after signing does not verify: exit code 3.
    const test::CliRun changed = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/tampered")).toString(),
                                QStringLiteral("--key"), pem, QStringLiteral("--json")});
    QCOMPARE(changed.exitCode, 3);
    QCOMPARE(parse(changed.out).at("signature").get<std::string>(), std::string("invalid"));
}

void TestA2aCard::htmlInsteadOfACard()
{
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_cards.url(QStringLiteral("/html")).toString(),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("not JSON"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
}

void TestA2aCard::unreachableExitsFour()
{
    QUrl url;
    {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(gone.serverPort()));
    }
    const test::CliRun r = cli({QStringLiteral("a2a"), QStringLiteral("card"), url.toString(), QStringLiteral("--json"),
                          QStringLiteral("--timeout"), QStringLiteral("5")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

void TestA2aCard::usageErrors()
{
    QCOMPARE(cli({QStringLiteral("a2a"), QStringLiteral("card")}).exitCode, 1);
    QCOMPARE(cli({QStringLiteral("a2a"), QStringLiteral("card"), QStringLiteral("ftp://x/")}).exitCode, 1);
    QCOMPARE(cli({QStringLiteral("a2a"), QStringLiteral("card"), m_agent.url().toString(), QStringLiteral("--timeout"),
                  QStringLiteral("soon")})
                 .exitCode,
             1);
    const test::CliRun missingKey = cli({QStringLiteral("a2a"), QStringLiteral("card"), m_agent.url().toString(),
                                   QStringLiteral("--key"), m_dir.filePath(QStringLiteral("absent.pem"))});
    QCOMPARE(missingKey.exitCode, 1);
    QVERIFY(missingKey.err.contains("absent.pem"));
}

QTEST_GUILESS_MAIN(TestA2aCard)
#include "tst_a2acard.moc"
