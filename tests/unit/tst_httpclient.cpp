#include "http/HttpClient.h"
#include "traffic/TrafficLog.h"

#include "LoopbackHttpServer.h"

#include <QSignalSpy>
#include <QTest>

using crosstalk::http::HeaderList;
using crosstalk::http::HttpClient;
using crosstalk::http::HttpReply;
using crosstalk::http::HttpRequest;
using crosstalk::http::HttpResult;
using crosstalk::test::HttpExchange;
using crosstalk::test::LoopbackHttpServer;

namespace {

// Whether get() makes streaming requests: the tests that run in both modes
// (buffered requests go through QNetworkAccessManager, streaming ones
// through Http1Connection) set it from their data row.
bool g_streaming = false;

void addModes()
{
    QTest::addColumn<bool>("streaming");
    QTest::newRow("buffered") << false;
    QTest::newRow("streaming") << true;
}

// Sends a request and waits (in the test only) for its result. A streamed
// body is collected into the result's body, so that both modes compare alike.
HttpResult run(HttpClient &client, HttpRequest request, int timeoutMs = 10000)
{
    HttpResult result;
    QByteArray streamed;
    bool done = false;
    const bool streaming = request.streaming;
    HttpReply *reply = client.send(std::move(request));
    QObject::connect(reply, &HttpReply::dataReceived, &client, [&](QByteArrayView chunk) { streamed += chunk; });
    QObject::connect(reply, &HttpReply::finished, &client, [&](const HttpResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qWarning("request did not finish in time");
    if (streaming)
        result.body = streamed;
    return result;
}

HttpRequest get(const QUrl &url)
{
    HttpRequest r;
    r.url = url;
    r.streaming = g_streaming;
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultAndRequestHeaders_data();
    void defaultAndRequestHeaders();
    void httpErrorStatusIsACompletedTransfer_data();
    void httpErrorStatusIsACompletedTransfer();
    void redirectToAnotherPortDropsCredentials_data();
    void redirectToAnotherPortDropsCredentials();
    void sameOriginRedirectKeepsCredentials_data();
    void sameOriginRedirectKeepsCredentials();
    void redirectMethodRules_data();
    void redirectMethodRules();
    void redirectLoopIsRefused_data();
    void redirectLoopIsRefused();
    void declaredLengthOverCap_data();
    void declaredLengthOverCap();
    void bodyGrowingOverCap();
    void idleTimeout_data();
    void idleTimeout();
    void streamingDeliversChunksInOrder();
    void streamCapStopsAStream();
    void abortMidStream();
    void connectionRefused_data();
    void connectionRefused();
    void notAnHttpUrl();
    void trafficIsRecordedAndLinkedAndRedacted_data();
    void trafficIsRecordedAndLinkedAndRedacted();
    void tlsErrorsAreReportedNotIgnored_data();
    void tlsErrorsAreReportedNotIgnored();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
};

void TestHttpClient::init()
{
    g_streaming = false;
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
}

void TestHttpClient::defaultAndRequestHeaders_data()
{
    addModes();
}

void TestHttpClient::defaultAndRequestHeaders()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) { x->respond(200, {{"Content-Type", "text/plain"}}, "hello"); });
    HttpClient client;
    client.setDefaultHeader("X-Default", "one");
    client.setDefaultHeader("X-Overridden", "default");
    HttpRequest request = get(m_server->url(QStringLiteral("/path?x=1")));
    request.headers = {{"x-overridden", "request"}};

    const HttpResult result = run(client, request);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("hello"));
    QCOMPARE(result.header("content-type"), QByteArray("text/plain"));
    QCOMPARE(m_server->requests().size(), 1);
    const auto &received = m_server->requests().first();
    QCOMPARE(received.target, QByteArray("/path?x=1"));
    QCOMPARE(received.header("X-Default"), QByteArray("one"));
    QCOMPARE(received.header("X-Overridden"), QByteArray("request"));
    QVERIFY(received.header("User-Agent").startsWith("Crosstalk/"));
}

void TestHttpClient::httpErrorStatusIsACompletedTransfer_data()
{
    QTest::addColumn<int>("status");
    for (int status : {400, 401, 404, 500})
        QTest::addRow("%d", status) << status;
}

void TestHttpClient::httpErrorStatusIsACompletedTransfer()
{
    QFETCH(int, status);
    m_server->setHandler([status](HttpExchange *x) { x->respond(status, {}, "nothing here"); });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.method = "POST";
    request.body = "{}";
    const HttpResult result = run(client, request);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, status);
    QCOMPARE(result.body, QByteArray("nothing here"));
    QCOMPARE(m_server->requests().first().body, QByteArray("{}"));
}

void TestHttpClient::redirectToAnotherPortDropsCredentials_data()
{
    addModes();
}

void TestHttpClient::redirectToAnotherPortDropsCredentials()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    LoopbackHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](HttpExchange *x) { x->respond(200, {}, "elsewhere"); });
    const QByteArray target = other.url(QStringLiteral("/landing")).toEncoded();
    m_server->setHandler([&](HttpExchange *x) { x->respond(307, {{"Location", target}}); });

    HttpClient client;
    client.setDefaultHeader("Authorization", "Bearer default-secret");
    client.addCredentialHeader("X-Team-Key");
    HttpRequest request = get(m_server->url(QStringLiteral("/start")));
    request.method = "POST";
    request.body = "payload";
    request.headers = {{"Cookie", "sid=abc"}, {"X-Api-Key", "k1"}, {"X-Team-Key", "t1"}, {"X-Trace", "keep"}};

    const HttpResult result = run(client, request);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("elsewhere"));
    QCOMPARE(result.redirects, QList<QUrl>{other.url(QStringLiteral("/landing"))});
    QCOMPARE(result.finalUrl, other.url(QStringLiteral("/landing")));

    // The first server saw every credential, the second none of them.
    const auto &first = m_server->requests().first();
    QCOMPARE(first.header("Authorization"), QByteArray("Bearer default-secret"));
    QCOMPARE(first.header("Cookie"), QByteArray("sid=abc"));
    const auto &second = other.requests().first();
    QCOMPARE(second.method, QByteArray("POST"));
    QCOMPARE(second.body, QByteArray("payload"));
    for (const char *name : {"Authorization", "Cookie", "X-Api-Key", "X-Team-Key"})
        QVERIFY2(!second.hasHeader(name), name);
    QCOMPARE(second.header("X-Trace"), QByteArray("keep"));
    QCOMPARE(result.droppedHeaders.size(), 4);
}

void TestHttpClient::sameOriginRedirectKeepsCredentials_data()
{
    addModes();
}

void TestHttpClient::sameOriginRedirectKeepsCredentials()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) {
        if (x->request().target == "/start")
            x->respond(302, {{"Location", "/next"}});
        else
            x->respond(200, {}, x->request().header("Authorization"));
    });
    HttpClient client;
    client.setDefaultHeader("Authorization", "Bearer t");
    const HttpResult result = run(client, get(m_server->url(QStringLiteral("/start"))));
    QVERIFY(result.ok());
    QCOMPARE(result.body, QByteArray("Bearer t"));
    QVERIFY(result.droppedHeaders.isEmpty());
}

void TestHttpClient::redirectMethodRules_data()
{
    addModes();
}

void TestHttpClient::redirectMethodRules()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) {
        if (x->request().target == "/see-other")
            x->respond(303, {{"Location", "/result"}});
        else
            x->respond(200, {}, x->request().method + ' ' + x->request().body);
    });
    HttpClient client;
    HttpRequest request = get(m_server->url(QStringLiteral("/see-other")));
    request.method = "POST";
    request.body = "form";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    const HttpResult result = run(client, request);
    QVERIFY(result.ok());
    QCOMPARE(result.body, QByteArray("GET "));
    QVERIFY(!m_server->requests().at(1).hasHeader("Content-Type"));
}

void TestHttpClient::redirectLoopIsRefused_data()
{
    addModes();
}

void TestHttpClient::redirectLoopIsRefused()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) { x->respond(302, {{"Location", "/again"}}); });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.maxRedirects = 3;
    const HttpResult result = run(client, request);
    QCOMPARE(result.error, HttpResult::Error::RedirectRefused);
    QVERIFY2(result.errorMessage.contains(QLatin1String("Too many redirects")), qPrintable(result.errorMessage));
    QCOMPARE(m_server->requests().size(), 4);
}

void TestHttpClient::declaredLengthOverCap_data()
{
    addModes();
}

void TestHttpClient::declaredLengthOverCap()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) { x->respond(200, {}, QByteArray(5000, 'x')); });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.maxResponseBytes = 1000;
    request.maxStreamBytes = 1000;
    const HttpResult result = run(client, request);
    QCOMPARE(result.error, HttpResult::Error::TooLarge);
    QVERIFY2(result.errorMessage.contains(QLatin1String("1000")), qPrintable(result.errorMessage));
    QVERIFY(result.body.isEmpty());
}

void TestHttpClient::bodyGrowingOverCap()
{
    // No Content-Length: the body only ends when the connection closes.
    m_server->setHandler([](HttpExchange *x) {
        x->startStream(200);
        for (int i = 0; i < 20; ++i)
            x->write(QByteArray(1000, 'y'));
    });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.maxResponseBytes = 4096;
    const HttpResult result = run(client, request);
    QCOMPARE(result.error, HttpResult::Error::TooLarge);
}

void TestHttpClient::idleTimeout_data()
{
    addModes();
}

void TestHttpClient::idleTimeout()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    QPointer<HttpExchange> held;
    m_server->setHandler([&](HttpExchange *x) { held = x; /* never answers */ });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.idleTimeoutMs = 200;
    const HttpResult result = run(client, request);
    QCOMPARE(result.error, HttpResult::Error::IdleTimeout);
    QVERIFY2(result.errorMessage.contains(QLatin1String("200 ms")), qPrintable(result.errorMessage));
    QVERIFY(result.elapsedMs >= 150);
}

void TestHttpClient::streamingDeliversChunksInOrder()
{
    QPointer<HttpExchange> exchange;
    m_server->setHandler([&](HttpExchange *x) {
        exchange = x;
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        x->write("one,");
    });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.streaming = true;
    request.idleTimeoutMs = 0;
    HttpReply *reply = client.send(request);
    QByteArray received;
    HttpResult result;
    bool done = false;
    QSignalSpy started(reply, &HttpReply::responseStarted);
    connect(reply, &HttpReply::dataReceived, this, [&](QByteArrayView c) { received += c; });
    connect(reply, &HttpReply::finished, this, [&](const HttpResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(received, QByteArray("one,"));
    QCOMPARE(started.size(), 1);
    exchange->write("two,");
    QTRY_COMPARE(received, QByteArray("one,two,"));
    exchange->write("three");
    exchange->end();
    QTRY_VERIFY(done);
    QVERIFY(result.ok());
    QCOMPARE(received, QByteArray("one,two,three"));
    QVERIFY(result.body.isEmpty());
}

void TestHttpClient::streamCapStopsAStream()
{
    m_server->setHandler([](HttpExchange *x) {
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        for (int i = 0; i < 50; ++i)
            x->write(QByteArray(1000, 'z'));
    });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.streaming = true;
    request.maxStreamBytes = 10000;
    const HttpResult result = run(client, request);
    QCOMPARE(result.error, HttpResult::Error::TooLarge);
}

void TestHttpClient::abortMidStream()
{
    m_server->setHandler([](HttpExchange *x) {
        x->startStream(200);
        x->write("first");
    });
    HttpClient client;
    HttpRequest request = get(m_server->url());
    request.streaming = true;
    HttpReply *reply = client.send(request);
    HttpResult result;
    bool done = false;
    connect(reply, &HttpReply::dataReceived, this, [reply](QByteArrayView) { reply->abort(); });
    connect(reply, &HttpReply::finished, this, [&](const HttpResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(result.error, HttpResult::Error::Aborted);
}

void TestHttpClient::connectionRefused_data()
{
    addModes();
}

void TestHttpClient::connectionRefused()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    const QUrl url = m_server->url(QStringLiteral("/gone"));
    m_server.reset(); // nothing listens on that port any more
    HttpClient client;
    const HttpResult result = run(client, get(url));
    QCOMPARE(result.error, HttpResult::Error::Network);
    QVERIFY2(result.errorMessage.contains(url.toDisplayString()), qPrintable(result.errorMessage));
}

void TestHttpClient::notAnHttpUrl()
{
    HttpClient client;
    const HttpResult result = run(client, get(QUrl(QStringLiteral("file:///etc/hostname"))));
    QCOMPARE(result.error, HttpResult::Error::Network);
    QVERIFY(result.errorMessage.contains(QLatin1String("file:///etc/hostname")));
}

void TestHttpClient::trafficIsRecordedAndLinkedAndRedacted_data()
{
    addModes();
}

void TestHttpClient::trafficIsRecordedAndLinkedAndRedacted()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    m_server->setHandler([](HttpExchange *x) {
        x->respond(200, {{"Content-Type", "application/json"}},
                   R"({"jsonrpc":"2.0","id":1,"result":{"access_token":"tok-123"}})");
    });
    crosstalk::traffic::TrafficLog log;
    HttpClient client;
    client.setTrafficLog(&log, QStringLiteral("agent-1"));
    HttpRequest request = get(m_server->url(QStringLiteral("/rpc")));
    request.method = "POST";
    request.headers = {{"Authorization", "Bearer very-secret"}, {"Content-Type", "application/json"}};
    request.body = R"({"jsonrpc":"2.0","id":1,"method":"tasks/get"})";
    const HttpResult result = run(client, request);
    QVERIFY(result.ok());

    QCOMPARE(log.size(), 2);
    const auto &sent = log.at(0);
    const auto &received = log.at(1);
    QCOMPARE(sent.connection, QStringLiteral("agent-1"));
    QCOMPARE(sent.kind, crosstalk::traffic::TransportKind::HttpRequest);
    QCOMPARE(sent.direction, crosstalk::traffic::Direction::Outgoing);
    QVERIFY(sent.startLine.startsWith(QLatin1String("POST http://127.0.0.1:")));
    QCOMPARE(sent.rpc.method, QStringLiteral("tasks/get"));
    QCOMPARE(received.kind, crosstalk::traffic::TransportKind::HttpResponse);
    QVERIFY(received.startLine.startsWith(QLatin1String("200")));
    QCOMPARE(received.linkedSeq, std::optional<quint64>(sent.seq));
    QVERIFY(received.latencyMs.has_value());
    for (const auto &h : sent.headers)
        QVERIFY2(!h.value.contains("very-secret"), h.value.constData());
    QVERIFY(!received.body.contains("tok-123"));
}

void TestHttpClient::tlsErrorsAreReportedNotIgnored_data()
{
    addModes();
}

void TestHttpClient::tlsErrorsAreReportedNotIgnored()
{
    QFETCH(bool, streaming);
    g_streaming = streaming;
    QSslCertificate certificate;
    QSslKey key;
    QString error;
    QVERIFY2(crosstalk::test::makeSelfSignedCertificate(&certificate, &key, &error), qPrintable(error));
    LoopbackHttpServer tls;
    QVERIFY(tls.listenTls(certificate, key));
    tls.setHandler([](HttpExchange *x) { x->respond(200, {}, "behind TLS"); });
    HttpClient client;

    // A self-signed certificate fails the request, says why, and no request
    // (with whatever credentials it carried) reaches the server.
    HttpRequest request = get(tls.url(QStringLiteral("/private")));
    request.headers = {{"Authorization", "Bearer never-sent"}};
    const HttpResult refused = run(client, request);
    QCOMPARE(refused.error, HttpResult::Error::Tls);
    QVERIFY(!refused.tlsErrors.isEmpty());
    QVERIFY2(refused.errorMessage.contains(QLatin1String("127.0.0.1")), qPrintable(refused.errorMessage));
    QVERIFY2(refused.errorMessage.contains(QLatin1String("self signed"), Qt::CaseInsensitive)
                 || refused.errorMessage.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(refused.errorMessage));
    QVERIFY(tls.requests().isEmpty());

    // Accepting exactly that certificate's error (the person's explicit
    // choice) lets the request through.
    request.acceptedTlsErrors = {QSslError(QSslError::SelfSignedCertificate, certificate)};
    const HttpResult accepted = run(client, request);
    QVERIFY2(accepted.ok(), qPrintable(accepted.errorMessage));
    QCOMPARE(accepted.body, QByteArray("behind TLS"));

    // Accepting the error for another certificate does not.
    QSslCertificate other;
    QSslKey otherKey;
    QVERIFY2(crosstalk::test::makeSelfSignedCertificate(&other, &otherKey, &error), qPrintable(error));
    request.acceptedTlsErrors = {QSslError(QSslError::SelfSignedCertificate, other)};
    QCOMPARE(run(client, request).error, HttpResult::Error::Tls);

    // Nor does an earlier acceptance carry over to a request that accepts nothing.
    request.acceptedTlsErrors.clear();
    QCOMPARE(run(client, request).error, HttpResult::Error::Tls);
    QCOMPARE(tls.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
