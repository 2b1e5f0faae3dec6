#include "http/EventStreamReader.h"
#include "traffic/TrafficLog.h"

#include "LoopbackHttpServer.h"

#include <QSignalSpy>
#include <QTest>

using crosstalk::http::EventStreamReader;
using crosstalk::http::HttpClient;
using crosstalk::http::HttpReply;
using crosstalk::http::HttpRequest;
using crosstalk::http::HttpResult;
using crosstalk::http::SseEvent;
using crosstalk::test::HttpExchange;
using crosstalk::test::LoopbackHttpServer;

class TestEventStreamReader : public QObject
{
    Q_OBJECT

private slots:
    void eventsArriveAsTheyAreWritten();
    void oversizedEventAbortsTheReply();
};

void TestEventStreamReader::eventsArriveAsTheyAreWritten()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QPointer<HttpExchange> exchange;
    server.setHandler([&](HttpExchange *x) {
        exchange = x;
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        x->write("retry: 1500\n: keep-alive\n\nid: 1\nevent: status\ndata: {\"jsonrpc\":\"2.0\",");
    });

    crosstalk::traffic::TrafficLog log;
    HttpClient client;
    client.setTrafficLog(&log, QStringLiteral("stream"));
    HttpRequest request;
    request.url = server.url(QStringLiteral("/events"));
    request.streaming = true;
    request.idleTimeoutMs = 0;
    auto *reader = new EventStreamReader(client.send(request), 1024, &client);
    QStringList events;
    QSignalSpy retry(reader, &EventStreamReader::retryChanged);
    QSignalSpy finished(reader, &EventStreamReader::finished);
    connect(reader, &EventStreamReader::eventReceived, this, [&](const SseEvent &e) {
        events << e.type + QLatin1Char('=') + e.text();
    });

    QTRY_COMPARE(retry.size(), 1);
    QCOMPARE(retry.first().first().toLongLong(), 1500);
    QVERIFY(events.isEmpty()); // the first event is not complete yet
    exchange->write("\"method\":\"notifications/progress\"}\r\n\r\n");
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(events.first(), QStringLiteral("status={\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}"));
    QCOMPARE(reader->lastEventId(), QByteArray("1"));
    exchange->write("data: two\n\ndata: unterminated");
    QTRY_COMPARE(events.size(), 2);
    exchange->end();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(events.size(), 2); // the unterminated one is discarded
    QCOMPARE(reader->eventCount(), 2);

    // The response headers and each event are in the traffic log.
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.at(1).kind, crosstalk::traffic::TransportKind::HttpResponse);
    QCOMPARE(log.at(2).kind, crosstalk::traffic::TransportKind::SseEvent);
    QCOMPARE(log.at(2).startLine, QStringLiteral("event: status · id: 1"));
    QCOMPARE(log.at(2).rpc.method, QStringLiteral("notifications/progress"));
    QCOMPARE(log.at(3).body, QByteArray("two"));
}

void TestEventStreamReader::oversizedEventAbortsTheReply()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](HttpExchange *x) {
        x->startStream(200, {{"Content-Type", "text/event-stream"}});
        x->write("data: small\n\ndata: " + QByteArray(4096, 'x') + "\n\n");
    });
    HttpClient client;
    HttpRequest request;
    request.url = server.url();
    request.streaming = true;
    auto *reader = new EventStreamReader(client.send(request), 1024, &client);
    QSignalSpy events(reader, &EventStreamReader::eventReceived);
    QSignalSpy failed(reader, &EventStreamReader::streamFailed);
    HttpResult result;
    bool done = false;
    connect(reader, &EventStreamReader::finished, this, [&](const HttpResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(events.size(), 1);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("1024 bytes")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(result.error, HttpResult::Error::Aborted);
}

QTEST_GUILESS_MAIN(TestEventStreamReader)
#include "tst_eventstreamreader.moc"
