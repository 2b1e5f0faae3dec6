// The A2A client's remaining operations against the official SDK's agent:
// push-notification configs created, read, listed and deleted, and the
// authenticated extended card, on every binding and generation the agent
// serves. The agent requires a bearer token, so each call also shows that
// credentials reach it (and that without them it refuses).
#include "a2a/A2aClient.h"
#include "a2a/CardDiscovery.h"
#include "http/HttpClient.h"

#include "A2aCalls.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;
using nlohmann::json;

namespace {

const QByteArray Token = "crosstalk-test-token";

// The config objects of a list answer, whichever generation's shape.
json configsOf(const json &result)
{
    if (result.is_array())
        return result;
    if (result.is_object() && result.contains("configs"))
        return result.at("configs");
    return json::array();
}

// A config's URL: v1.0 holds it at the top, v0.3 inside pushNotificationConfig.
std::string urlOf(const json &config)
{
    if (config.contains("pushNotificationConfig"))
        return config.at("pushNotificationConfig").value("url", "");
    return config.value("url", "");
}

std::string idOf(const json &config)
{
    if (config.contains("pushNotificationConfig"))
        return config.at("pushNotificationConfig").value("id", "");
    return config.value("id", "");
}

} // namespace

class TestA2aOperations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pushConfigLifecycle_data();
    void pushConfigLifecycle();
    void extendedCard_data();
    void extendedCard();
    void extendedCardNeedsCredentials();

private:
    A2aClient *client(Binding binding, ProtocolVersion version, bool withToken = true);

    test::PeerProcess m_agent;
    http::HttpClient m_http;
    AgentCard m_card;
};

void TestA2aOperations::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/test-agent.mjs"),
                           {QStringLiteral("--require-bearer"), QString::fromLatin1(Token), QStringLiteral("--extended-card")}),
             qPrintable(m_agent.errorString()));
    CardDiscovery discovery(&m_http);
    QSignalSpy spy(&discovery, &CardDiscovery::finished);
    discovery.fetch(m_agent.url());
    QVERIFY(spy.wait(20000));
    const CardFetch fetch = spy.first().first().value<CardFetch>();
    QVERIFY2(fetch.ok(), qPrintable(fetch.message));
    m_card = *fetch.card;
    QVERIFY(m_card.extendedCard);
}

A2aClient *TestA2aOperations::client(Binding binding, ProtocolVersion version, bool withToken)
{
    A2aClient::Options options;
    options.binding = binding;
    options.version = version;
    options.timeoutMs = 10000;
    if (withToken)
        options.headers.append({QByteArray("Authorization"), QByteArray("Bearer ") + Token});
    return new A2aClient(&m_http, m_card, options, this);
}

void TestA2aOperations::pushConfigLifecycle_data()
{
    QTest::addColumn<Binding>("binding");
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("v1.0 JSON-RPC") << Binding::JsonRpc << ProtocolVersion::V1_0;
    QTest::newRow("v1.0 HTTP+JSON") << Binding::HttpJson << ProtocolVersion::V1_0;
    QTest::newRow("v0.3 JSON-RPC") << Binding::JsonRpc << ProtocolVersion::V0_3;
}

void TestA2aOperations::pushConfigLifecycle()
{
    QFETCH(Binding, binding);
    QFETCH(ProtocolVersion, version);
    A2aClient *c = client(binding, version);
    QVERIFY2(c->setupError().isEmpty(), qPrintable(c->setupError()));

    // A task that stays open (it waits for input) to hang configs on.
    const test::A2aOutcome sent = test::waitFor(c->sendMessage(test::userText(QStringLiteral("ask"))));
    QVERIFY2(sent.error.ok(), qPrintable(sent.error.message));
    QCOMPARE(sent.items.size(), 1);
    const auto *task = std::get_if<Task>(&sent.items.first());
    QVERIFY(task);
    QCOMPARE(task->status.state, TaskState::InputRequired);

    const QString hook = m_agent.url(QStringLiteral("/hook-%1").arg(int(version))).toString();
    const test::A2aOutcome created = test::waitFor(c->createPushConfig(task->id, hook, QStringLiteral("secret-%1").arg(int(binding))));
    QVERIFY2(created.error.ok(), qPrintable(created.error.message));
    QCOMPARE(urlOf(created.result), hook.toStdString());
    const std::string configId = idOf(created.result);
    QVERIFY2(!configId.empty(), created.result.dump().c_str());

    const test::A2aOutcome got = test::waitFor(c->getPushConfig(task->id, QString::fromStdString(configId)));
    QVERIFY2(got.error.ok(), qPrintable(got.error.message));
    QCOMPARE(urlOf(got.result), hook.toStdString());
    QCOMPARE(idOf(got.result), configId);

    const test::A2aOutcome listed = test::waitFor(c->listPushConfigs(task->id));
    QVERIFY2(listed.error.ok(), qPrintable(listed.error.message));
    const json configs = configsOf(listed.result);
    QVERIFY2(std::any_of(configs.begin(), configs.end(), [&](const json &cfg) { return idOf(cfg) == configId; }),
             listed.result.dump().c_str());

    const test::A2aOutcome deleted = test::waitFor(c->deletePushConfig(task->id, QString::fromStdString(configId)));
    QVERIFY2(deleted.error.ok(), qPrintable(deleted.error.message));
    const test::A2aOutcome after = test::waitFor(c->listPushConfigs(task->id));
    QVERIFY2(after.error.ok(), qPrintable(after.error.message));
    const json remaining = configsOf(after.result);
    QVERIFY2(std::none_of(remaining.begin(), remaining.end(), [&](const json &cfg) { return idOf(cfg) == configId; }),
             after.result.dump().c_str());

    // Reading a deleted config is the agent's error, in a sentence.
    const test::A2aOutcome gone = test::waitFor(c->getPushConfig(task->id, QString::fromStdString(configId)));
    QVERIFY(!gone.error.ok());
    QVERIFY(!gone.error.message.isEmpty());
}

void TestA2aOperations::extendedCard_data()
{
    pushConfigLifecycle_data();
}

void TestA2aOperations::extendedCard()
{
    QFETCH(Binding, binding);
    QFETCH(ProtocolVersion, version);
    const test::A2aOutcome o = test::waitFor(client(binding, version)->getExtendedCard());
    QVERIFY2(o.error.ok(), qPrintable(o.error.message));
    const AgentCard extended = AgentCard::fromJson(o.result);
    QVERIFY2(extended.description.endsWith(QLatin1String("(extended card)")), qPrintable(extended.description));
    QVERIFY(std::any_of(extended.skills.begin(), extended.skills.end(),
                        [](const AgentSkill &s) { return s.id == QLatin1String("admin"); }));
    QVERIFY(std::none_of(m_card.skills.begin(), m_card.skills.end(),
                         [](const AgentSkill &s) { return s.id == QLatin1String("admin"); }));
}

void TestA2aOperations::extendedCardNeedsCredentials()
{
    const test::A2aOutcome o = test::waitFor(client(Binding::JsonRpc, ProtocolVersion::V1_0, false)->getExtendedCard());
    QVERIFY(!o.error.ok());
    QCOMPARE(o.error.httpStatus, 401);
    QVERIFY(!o.error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestA2aOperations)
#include "tst_a2aoperations.moc"
