#include "a2a/WebhookReceiver.h"
#include "http/HttpClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using namespace crosstalk::a2a;

namespace {

http::HttpResult post(http::HttpClient &client, const QUrl &url, const QByteArray &body, const QByteArray &token,
                      const QByteArray &method = "POST")
{
    http::HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}};
    if (!token.isNull())
        request.headers.append({"X-A2A-Notification-Token", token});
    http::HttpResult result;
    bool done = false;
    QObject::connect(client.send(request), &http::HttpReply::finished, &client, [&](const http::HttpResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        result.errorMessage = QStringLiteral("no answer within 10 s");
    return result;
}

const QByteArray Status = R"({"statusUpdate":{"taskId":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}}})";

} // namespace

class TestWebhookReceiver : public QObject
{
    Q_OBJECT

private slots:
    void listensOnLoopbackUnderASecretPath();
    void acceptsAndDeduplicates();
    void refusals_data();
    void refusals();
    void v03TaskDelivery();
};

void TestWebhookReceiver::listensOnLoopbackUnderASecretPath()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    QCOMPARE(receiver.url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(receiver.url().path().size() > 20);
    QCOMPARE(receiver.token().size(), 64);
    WebhookReceiver other;
    QVERIFY(other.listen());
    QVERIFY(other.token() != receiver.token());
    QVERIFY(other.url() != receiver.url());
}

void TestWebhookReceiver::acceptsAndDeduplicates()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    QSignalSpy items(&receiver, &WebhookReceiver::itemDelivered);
    http::HttpClient client;
    const QByteArray token = receiver.token().toLatin1();
    QCOMPARE(post(client, receiver.url(), Status, token).status, 200);
    QCOMPARE(items.size(), 1);
    // The agent delivers at least once: the same body again is acknowledged
    // and recorded, but not applied twice.
    QCOMPARE(post(client, receiver.url(), Status, token).status, 200);
    QCOMPARE(items.size(), 1);
    QCOMPARE(receiver.inbox().size(), size_t(2));
    QVERIFY(receiver.inbox().back().duplicate);
    QCOMPARE(receiver.inbox().front().taskId, QStringLiteral("t"));
    const auto &item = items.first().first().value<StreamItem>();
    QCOMPARE(std::get<StatusUpdate>(item).status.state, TaskState::Working);
}

void TestWebhookReceiver::refusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::newRow("wrong token") << QString() << QByteArray("POST") << Status << QByteArray("guess") << 401;
    QTest::newRow("no token") << QString() << QByteArray("POST") << Status << QByteArray() << 401;
    QTest::newRow("wrong path") << QStringLiteral("/a2a/push/guess") << QByteArray("POST") << Status << QByteArray("*") << 404;
    QTest::newRow("GET") << QString() << QByteArray("GET") << QByteArray() << QByteArray("*") << 405;
    QTest::newRow("not JSON") << QString() << QByteArray("POST") << QByteArray("<html>") << QByteArray("*") << 400;
    QTest::newRow("not an item") << QString() << QByteArray("POST") << QByteArray(R"({"hello":1})") << QByteArray("*") << 400;
    QTest::newRow("too deep") << QString() << QByteArray("POST") << (QByteArray(1000, '[') + QByteArray(1000, ']'))
                              << QByteArray("*") << 400;
    QTest::newRow("too large") << QString() << QByteArray("POST") << QByteArray(5 * 1024 * 1024, ' ') << QByteArray("*") << 413;
}

void TestWebhookReceiver::refusals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    QSignalSpy items(&receiver, &WebhookReceiver::itemDelivered);
    QUrl url = receiver.url();
    if (!path.isEmpty())
        url.setPath(path);
    if (token == "*")
        token = receiver.token().toLatin1();
    http::HttpClient client;
    const http::HttpResult r = post(client, url, body, token, method);
    QVERIFY2(r.ok() || status == 413, qPrintable(r.errorMessage));
    if (r.ok())
        QCOMPARE(r.status, status);
    QCOMPARE(items.size(), 0);
    QVERIFY(!receiver.inbox().empty());
    QVERIFY(!receiver.inbox().back().problem.isEmpty());
}

void TestWebhookReceiver::v03TaskDelivery()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    QSignalSpy items(&receiver, &WebhookReceiver::itemDelivered);
    http::HttpClient client;
    QCOMPARE(post(client, receiver.url(), R"({"kind":"task","id":"t","contextId":"c","status":{"state":"completed"}})",
                  receiver.token().toLatin1())
                 .status,
             200);
    QCOMPARE(items.size(), 1);
    QCOMPARE(std::get<Task>(items.first().first().value<StreamItem>()).status.state, TaskState::Completed);
}

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
