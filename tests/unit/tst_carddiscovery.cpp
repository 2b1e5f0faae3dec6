#include "a2a/CardDiscovery.h"
#include "http/HttpClient.h"

#include "LoopbackHttpServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using crosstalk::a2a::CardDiscovery;
using crosstalk::a2a::CardFetch;
using crosstalk::test::HttpExchange;
using crosstalk::test::LoopbackHttpServer;

namespace {

const QByteArray V1Card = R"({"name":"Agent","description":"d","version":"1","supportedInterfaces":[{"url":"http://127.0.0.1/rpc","protocolBinding":"JSONRPC","protocolVersion":"1.0"}],"capabilities":{},"defaultInputModes":[],"defaultOutputModes":[],"skills":[]})";

CardFetch fetch(CardDiscovery &discovery, const QUrl &url, qint64 timeoutMs = 10000)
{
    QSignalSpy spy(&discovery, &CardDiscovery::finished);
    discovery.fetch(url, timeoutMs);
    if (!spy.wait(timeoutMs + 5000))
        return {};
    return spy.first().first().value<CardFetch>();
}

} // namespace

class TestCardDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void candidates_data();
    void candidates();
    void modernPathFirst();
    void fallsBackToTheOldPath();
    void keepsThePathPrefix();
    void followsRedirects();
    void toleratesAWrongContentType();
    void conditionalRequestWithETag();
    void notFoundNamesWhatWasTried();
    void htmlPageIsNotACard();
    void hostileNestingIsRefused();
    void oversizedCardIsRefused();
    void silentServerTimesOut();
    void unreachable();
};

void TestCardDiscovery::candidates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("base") << "http://127.0.0.1:9/"
                          << QStringList{QStringLiteral("http://127.0.0.1:9/.well-known/agent-card.json"),
                                         QStringLiteral("http://127.0.0.1:9/.well-known/agent.json")};
    QTest::newRow("no slash") << "https://agents.test"
                              << QStringList{QStringLiteral("https://agents.test/.well-known/agent-card.json"),
                                             QStringLiteral("https://agents.test/.well-known/agent.json")};
    QTest::newRow("prefix") << "https://agents.test/team/a/?x=1#f"
                            << QStringList{QStringLiteral("https://agents.test/team/a/.well-known/agent-card.json"),
                                           QStringLiteral("https://agents.test/team/a/.well-known/agent.json")};
    QTest::newRow("maybe the card itself") << "https://agents.test/api/card?v=2"
                                           << QStringList{QStringLiteral("https://agents.test/api/card/.well-known/agent-card.json"),
                                                          QStringLiteral("https://agents.test/api/card/.well-known/agent.json"),
                                                          QStringLiteral("https://agents.test/api/card?v=2")};
    QTest::newRow("card URL") << "https://agents.test/cards/a.json?v=2"
                              << QStringList{QStringLiteral("https://agents.test/cards/a.json?v=2")};
    QTest::newRow("not http") << "ftp://agents.test/" << QStringList{};
    QTest::newRow("no host") << "http:///x" << QStringList{};
}

void TestCardDiscovery::candidates()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const QUrl &u : CardDiscovery::candidateUrls(QUrl(input)))
        got << u.toString();
    QCOMPARE(got, expected);
}

void TestCardDiscovery::modernPathFirst()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().target == "/.well-known/agent-card.json")
            x->respond(200, {{"Content-Type", "application/json"}}, V1Card);
        else
            x->respond(404);
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.cardUrl, server.url(QStringLiteral("/.well-known/agent-card.json")));
    QCOMPARE(f.tried.size(), 1);
    QVERIFY(f.card);
    QCOMPARE(f.card->name, QStringLiteral("Agent"));
    QCOMPARE(f.card->version, a2a::ProtocolVersion::V1_0);
}

void TestCardDiscovery::fallsBackToTheOldPath()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().target == "/.well-known/agent.json")
            x->respond(200, {{"Content-Type", "application/json"}},
                       R"({"name":"Old","url":"http://127.0.0.1/","version":"1","protocolVersion":"0.2.5","capabilities":{},"defaultInputModes":[],"defaultOutputModes":[],"skills":[]})");
        else
            x->respond(404, {}, "no");
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.cardUrl, server.url(QStringLiteral("/.well-known/agent.json")));
    QCOMPARE(f.tried.size(), 2);
    QCOMPARE(f.card->version, a2a::ProtocolVersion::V0_2);
}

void TestCardDiscovery::keepsThePathPrefix()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().target == "/agents/one/.well-known/agent-card.json")
            x->respond(200, {}, V1Card);
        else
            x->respond(404);
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url(QStringLiteral("/agents/one/")));
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.cardUrl.path(), QStringLiteral("/agents/one/.well-known/agent-card.json"));
}

void TestCardDiscovery::followsRedirects()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().target == "/.well-known/agent-card.json")
            x->respond(301, {{"Location", "/v2/card.json"}});
        else if (x->request().target == "/v2/card.json")
            x->respond(200, {}, V1Card);
        else
            x->respond(404);
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.cardUrl, server.url(QStringLiteral("/v2/card.json")));
}

void TestCardDiscovery::toleratesAWrongContentType()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) { x->respond(200, {{"Content-Type", "text/html; charset=utf-8"}}, V1Card); });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.card->name, QStringLiteral("Agent"));
}

void TestCardDiscovery::conditionalRequestWithETag()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().header("If-None-Match") == "\"v1\"")
            x->respond(304, {{"ETag", "\"v1\""}});
        else
            x->respond(200, {{"ETag", "\"v1\""}, {"Cache-Control", "max-age=60"}}, V1Card);
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch first = fetch(discovery, server.url());
    QVERIFY2(first.ok(), qPrintable(first.message));
    QVERIFY(!first.notModified);
    QCOMPARE(first.etag, QByteArray("\"v1\""));

    const CardFetch second = fetch(discovery, server.url());
    QVERIFY2(second.ok(), qPrintable(second.message));
    QVERIFY(second.notModified);
    QCOMPARE(second.status, 304);
    QCOMPARE(second.card->name, QStringLiteral("Agent"));
    QCOMPARE(server.requests().size(), 2);
    QVERIFY(!server.requests().first().hasHeader("If-None-Match"));
    QCOMPARE(server.requests().last().header("If-None-Match"), QByteArray("\"v1\""));
}

void TestCardDiscovery::notFoundNamesWhatWasTried()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) { x->respond(404); });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    QCOMPARE(f.error, CardFetch::Error::NotFound);
    QCOMPARE(f.tried.size(), 2);
    QVERIFY2(f.message.contains(QLatin1String("404")), qPrintable(f.message));
}

void TestCardDiscovery::htmlPageIsNotACard()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        if (x->request().target == "/.well-known/agent-card.json")
            x->respond(200, {{"Content-Type", "text/html"}}, "<!doctype html><html><body>Sign in</body></html>");
        else
            x->respond(404);
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url());
    // The HTML page says more than the later 404.
    QCOMPARE(f.error, CardFetch::Error::NotACard);
    QVERIFY2(f.message.contains(QLatin1String("not JSON")) && f.message.contains(QLatin1String("byte 0")),
             qPrintable(f.message));
}

void TestCardDiscovery::hostileNestingIsRefused()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const CardFetch f = CardDiscovery::parse(deep, QUrl(QStringLiteral("http://127.0.0.1/card.json")));
    QCOMPARE(f.error, CardFetch::Error::NotACard);
    QVERIFY2(f.message.contains(QLatin1String("deeper")), qPrintable(f.message));
    const CardFetch garbage = CardDiscovery::parse("{\"name\": \"\xff\"}", QUrl(QStringLiteral("http://127.0.0.1/c.json")));
    QCOMPARE(garbage.error, CardFetch::Error::NotACard);
    const CardFetch truncated = CardDiscovery::parse("{\"name\": \"x\", \"skills\": [", QUrl(QStringLiteral("http://127.0.0.1/c.json")));
    QCOMPARE(truncated.error, CardFetch::Error::NotACard);
    QVERIFY(truncated.message.contains(QLatin1String("byte 25")));
}

void TestCardDiscovery::oversizedCardIsRefused()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        x->startStream(200, {{"Content-Type", "application/json"}});
        x->write("{\"name\":\"");
        for (int i = 0; i < 5; ++i)
            x->write(QByteArray(1024 * 1024, 'x'));
    });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, server.url(QStringLiteral("/card.json")));
    QCOMPARE(f.error, CardFetch::Error::TooLarge);
}

void TestCardDiscovery::silentServerTimesOut()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QList<QPointer<HttpExchange>> held;
    server.setHandler([&](HttpExchange *x) { held << x; });
    http::HttpClient client;
    CardDiscovery discovery(&client);
    QElapsedTimer timer;
    timer.start();
    const CardFetch f = fetch(discovery, server.url(), 300);
    QCOMPARE(f.error, CardFetch::Error::Timeout);
    QVERIFY(timer.elapsed() < 5000);
}

void TestCardDiscovery::unreachable()
{
    QUrl url;
    {
        LoopbackHttpServer gone;
        QVERIFY(gone.listen());
        url = gone.url();
    }
    http::HttpClient client;
    CardDiscovery discovery(&client);
    const CardFetch f = fetch(discovery, url);
    QCOMPARE(f.error, CardFetch::Error::Network);
    QVERIFY(!f.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestCardDiscovery)
#include "tst_carddiscovery.moc"
