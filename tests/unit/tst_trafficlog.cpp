#include "traffic/TrafficLog.h"
#include "util/Clock.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using crosstalk::ManualClock;
using crosstalk::traffic::Direction;
using crosstalk::traffic::HttpHeader;
using crosstalk::traffic::RpcSummary;
using crosstalk::traffic::TrafficEntry;
using crosstalk::traffic::TrafficLog;
using crosstalk::traffic::TransportKind;

namespace {

using Record = TrafficLog::Record;

Record stdio(const QString &connection, Direction direction, const QByteArray &line)
{
    Record record;
    record.connection = connection;
    record.direction = direction;
    record.kind = TransportKind::StdioLine;
    record.body = line;
    return record;
}

QByteArray request(int id, const char *method = "tools/list")
{
    return QByteArray(R"({"jsonrpc":"2.0","id":)") + QByteArray::number(id) + R"(,"method":")" + method + R"("})";
}

QByteArray response(int id)
{
    return QByteArray(R"({"jsonrpc":"2.0","id":)") + QByteArray::number(id) + R"(,"result":{}})";
}

const QString A = QStringLiteral("A");
const QString B = QStringLiteral("B");

} // namespace

Q_DECLARE_METATYPE(crosstalk::traffic::RpcSummary::Kind)

class TestTrafficLog : public QObject
{
    Q_OBJECT

private slots:
    void recordsInOrder();
    void redactsWhenRecorded();

    void summary_data();
    void summary();
    void largeBodyIsNotSummarised();

    void correlatesPerConnection();
    void repeatedStringsAreShared();
    void correlatesPerDirection();
    void notificationsAreNotLinked();
    void errorIsLinkedWithItsCode();
    void everyAnswerLinksToItsRequest();
    void nullIdIsNotLinked();
    void batchIsCorrelated();
    void explicitLinks();
    void explicitLinkToUnknownSeqIsIgnored();

    void evictsOldestFirst();
    void evictedRequestIsNotLinked();
    void pendingRequestsAreCapped();
    void oversizedEntryKeepsItsHead();
    void smallerBudgetEvicts();
    void clearForgetsEverything();

    void exportsNdjson();
    void exportFailsOnClosedDevice();
};

void TestTrafficLog::recordsInOrder()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    QSignalSpy recorded(&log, &TrafficLog::entryRecorded);
    QCOMPARE(log.firstSeq(), quint64(1));

    Record first;
    first.connection = A;
    first.direction = Direction::Outgoing;
    first.kind = TransportKind::HttpRequest;
    first.startLine = QStringLiteral("GET http://127.0.0.1:3000/.well-known/agent-card.json");
    first.headers = {{"Accept", "application/json"}};
    QCOMPARE(log.record(first), quint64(1));
    clock.advance(25);
    QCOMPARE(log.record(stdio(B, Direction::Incoming, "hello")), quint64(2));

    QCOMPARE(log.size(), 2);
    QCOMPARE(recorded.size(), 2);
    QCOMPARE(recorded.at(1).at(0).value<quint64>(), quint64(2));
    const TrafficEntry &e1 = log.at(0);
    QCOMPARE(e1.seq, quint64(1));
    QCOMPARE(e1.connection, A);
    QCOMPARE(e1.kind, TransportKind::HttpRequest);
    QCOMPARE(e1.startLine, first.startLine);
    QCOMPARE(e1.headers, first.headers);
    QCOMPARE(e1.monotonicMs, qint64(0));
    QCOMPARE(e1.wallMs, clock.wallMs() - 25);
    QVERIFY(!e1.redacted);
    QCOMPARE(e1.rpc.kind, RpcSummary::Kind::None);
    const TrafficEntry *e2 = log.find(2);
    QVERIFY(e2);
    QCOMPARE(e2->body, QByteArray("hello"));
    QCOMPARE(e2->monotonicMs, qint64(25));
    QCOMPARE(e2->direction, Direction::Incoming);
    QVERIFY(!log.find(0));
    QVERIFY(!log.find(3));
    QCOMPARE(log.totalBytes(), e1.costBytes() + e2->costBytes());
}

void TestTrafficLog::redactsWhenRecorded()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    log.redactor().addSensitiveHeader("X-Agent-Key");

    Record record;
    record.connection = A;
    record.kind = TransportKind::HttpRequest;
    record.startLine = QStringLiteral("POST http://127.0.0.1:3000/mcp?api_key=QUERY-SECRET");
    record.headers = {{"Authorization", "Bearer HEADER-SECRET"}, {"X-Agent-Key", "CARD-SECRET"}};
    record.body = R"({"jsonrpc":"2.0","id":1,"method":"login","params":{"password":"BODY-SECRET"}})";
    record.contentType = "application/json";
    const qsizetype originalSize = record.body.size();
    log.record(record);

    const TrafficEntry &entry = log.at(0);
    QVERIFY(entry.redacted);
    QVERIFY(!entry.startLine.contains(QLatin1String("QUERY-SECRET")));
    QCOMPARE(entry.headers.at(0).value, QByteArray("Bearer [redacted]"));
    QCOMPARE(entry.headers.at(1).value, QByteArray(crosstalk::traffic::Redactor::Marker));
    QVERIFY(!entry.body.contains("BODY-SECRET"));
    QCOMPARE(entry.originalBodySize, qint64(originalSize));
    QVERIFY(!entry.bodyTruncated);
    // The summary is made from the redacted body.
    QCOMPARE(entry.rpc.kind, RpcSummary::Kind::Request);
    QCOMPARE(entry.rpc.method, QStringLiteral("login"));

    // Without a content type in the record, the Content-Type header decides.
    Record token;
    token.connection = A;
    token.kind = TransportKind::HttpRequest;
    token.startLine = QStringLiteral("POST https://auth.example/token");
    token.headers = {{"content-type", "application/x-www-form-urlencoded"}};
    token.body = "refresh_token=FORM-SECRET&scope=tools:call";
    log.record(token);
    QCOMPARE(log.at(1).body, QByteArray("refresh_token=[redacted]&scope=tools:call"));
    QVERIFY(log.at(1).redacted);

    // Nothing secret: not marked.
    log.record(stdio(A, Direction::Outgoing, request(2)));
    QVERIFY(!log.at(2).redacted);
}

void TestTrafficLog::summary_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RpcSummary::Kind>("kind");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("errorCode"); // 0: none
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<bool>("hasProblem");

    using K = RpcSummary::Kind;
    QTest::newRow("request") << request(1) << K::Request << QStringLiteral("tools/list") << QStringLiteral("1") << 0
                             << 0 << false;
    QTest::newRow("string id") << QByteArray(R"({"jsonrpc":"2.0","id":"a-1","method":"message/send","params":{}})")
                               << K::Request << QStringLiteral("message/send") << QStringLiteral("\"a-1\"") << 0 << 0
                               << false;
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                  << K::Notification << QStringLiteral("notifications/initialized") << QString() << 0
                                  << 0 << false;
    QTest::newRow("response") << response(7) << K::Response << QString() << QStringLiteral("7") << 0 << 0 << false;
    QTest::newRow("error") << QByteArray(R"({"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"nope"}})")
                           << K::Error << QString() << QStringLiteral("3") << -32601 << 0 << false;
    QTest::newRow("batch") << QByteArray("[" + request(1) + "," + request(2) + "]") << K::Batch << QString() << QString()
                           << 0 << 2 << false;
    QTest::newRow("leading whitespace") << QByteArray("\n  " + request(4)) << K::Request << QStringLiteral("tools/list")
                                        << QStringLiteral("4") << 0 << 0 << false;
    QTest::newRow("neither result nor error") << QByteArray(R"({"jsonrpc":"2.0","id":1})") << K::Invalid << QString()
                                              << QString() << 0 << 0 << true;
    QTest::newRow("wrong version") << QByteArray(R"({"jsonrpc":"1.0","method":"x"})") << K::Invalid << QString()
                                   << QString() << 0 << 0 << true;
    QTest::newRow("broken json") << QByteArray(R"({"jsonrpc":"2.0","id":1,"meth)") << K::Invalid << QString()
                                 << QString() << 0 << 0 << true;
    QTest::newRow("empty batch member") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"a"}, 5])") << K::Invalid
                                        << QString() << QString() << 0 << 0 << true;
    QTest::newRow("plain json") << QByteArray(R"({"name":"Echo agent","version":"1.0"})") << K::None << QString()
                                << QString() << 0 << 0 << false;
    QTest::newRow("jsonrpc only as a value") << QByteArray(R"({"protocol":"jsonrpc"})") << K::None << QString()
                                             << QString() << 0 << 0 << false;
    QTest::newRow("text") << QByteArray("server starting on :3000") << K::None << QString() << QString() << 0 << 0
                          << false;
    QTest::newRow("empty") << QByteArray() << K::None << QString() << QString() << 0 << 0 << false;
}

void TestTrafficLog::summary()
{
    QFETCH(QByteArray, body);
    QFETCH(RpcSummary::Kind, kind);
    QFETCH(QString, method);
    QFETCH(QString, id);
    QFETCH(int, errorCode);
    QFETCH(int, batchSize);
    QFETCH(bool, hasProblem);

    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    log.record(stdio(A, Direction::Incoming, body));
    const RpcSummary &rpc = log.at(0).rpc;
    QCOMPARE(rpc.kind, kind);
    QCOMPARE(rpc.method, method);
    QCOMPARE(rpc.id, id);
    QCOMPARE(rpc.errorCode.value_or(0), errorCode);
    QCOMPARE(rpc.batchSize, batchSize);
    QVERIFY2(rpc.problem.isEmpty() != hasProblem, qPrintable(rpc.problem));
}

void TestTrafficLog::largeBodyIsNotSummarised()
{
    ManualClock clock;
    TrafficLog log(64 * 1024 * 1024, &clock);
    QByteArray body = R"({"jsonrpc":"2.0","id":1,"result":{"blob":")";
    body.append(QByteArray(TrafficLog::MaxSummarisedBodyBytes, 'x'));
    body.append(R"("}})");
    log.record(stdio(A, Direction::Incoming, body));
    const TrafficEntry &entry = log.at(0);
    QCOMPARE(entry.rpc.kind, RpcSummary::Kind::None);
    QVERIFY(!entry.rpc.problem.isEmpty());
    QCOMPARE(entry.body.size(), body.size());
}

void TestTrafficLog::correlatesPerConnection()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    QSignalSpy changed(&log, &TrafficLog::entryChanged);

    const quint64 reqA = log.record(stdio(A, Direction::Outgoing, request(1, "initialize")));
    clock.advance(5);
    const quint64 reqB = log.record(stdio(B, Direction::Outgoing, request(1, "tools/list")));
    clock.advance(7);
    const quint64 resB = log.record(stdio(B, Direction::Incoming, response(1)));
    clock.advance(8);
    const quint64 resA = log.record(stdio(A, Direction::Incoming, response(1)));

    QCOMPARE(log.find(resB)->linkedSeq, std::optional<quint64>(reqB));
    QCOMPARE(log.find(resB)->latencyMs, std::optional<qint32>(7));
    QCOMPARE(log.find(resB)->rpc.method, QStringLiteral("tools/list"));
    QCOMPARE(log.find(resA)->linkedSeq, std::optional<quint64>(reqA));
    QCOMPARE(log.find(resA)->latencyMs, std::optional<qint32>(20));
    QCOMPARE(log.find(resA)->rpc.method, QStringLiteral("initialize"));

    // Back-pointers, announced.
    QCOMPARE(log.find(reqA)->linkedSeq, std::optional<quint64>(resA));
    QCOMPARE(log.find(reqB)->linkedSeq, std::optional<quint64>(resB));
    QVERIFY(!log.find(reqA)->latencyMs);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<quint64>(), reqB);
    QCOMPARE(changed.at(1).at(0).value<quint64>(), reqA);
}

void TestTrafficLog::repeatedStringsAreShared()
{
    TrafficLog log(1024 * 1024);
    QSignalSpy added(&log, &TrafficLog::connectionAdded);
    const auto http = [&](const QString &connection, const QByteArray &body) {
        Record record;
        record.connection = QString(connection.data(), connection.size()); // a copy of its own
        record.kind = TransportKind::HttpRequest;
        record.startLine = QStringLiteral("POST http://127.0.0.1:4000/mcp");
        record.headers = {{QByteArray("Content-Type"), QByteArray("application/json")},
                          {QByteArray("Mcp-Session-Id"), QByteArray("3f2a")}};
        record.body = body;
        return log.record(record);
    };
    const TrafficEntry &first = *log.find(http(A, request(1, "tools/call")));
    const TrafficEntry &second = *log.find(http(A, request(2, "tools/call")));
    // Equal start lines, header names and values, methods and connections
    // are one string, stored once.
    QCOMPARE(first.startLine.constData(), second.startLine.constData());
    QCOMPARE(first.connection.constData(), second.connection.constData());
    QCOMPARE(first.rpc.method.constData(), second.rpc.method.constData());
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(first.headers.at(i).name.constData(), second.headers.at(i).name.constData());
        QCOMPARE(first.headers.at(i).value.constData(), second.headers.at(i).value.constData());
    }
    // An answer shares its request's id; both keep their own bodies.
    const TrafficEntry &answer = *log.find(log.record(stdio(A, Direction::Incoming, response(2))));
    QCOMPARE(answer.rpc.id, QStringLiteral("2"));
    QCOMPARE(answer.rpc.id.constData(), second.rpc.id.constData());
    QVERIFY(first.body.constData() != second.body.constData());

    // The connections, in the order they first recorded, announced once.
    http(B, request(3));
    http(A, request(4));
    QCOMPARE(log.connections(), QStringList({A, B}));
    QCOMPARE(added.size(), 2);
    log.clear();
    QCOMPARE(log.connections(), QStringList({A, B}));
}

void TestTrafficLog::correlatesPerDirection()
{
    // MCP: the server sends requests too, with ids of its own.
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    const quint64 clientRequest = log.record(stdio(A, Direction::Outgoing, request(1, "tools/call")));
    clock.advance(2);
    const quint64 serverRequest = log.record(stdio(A, Direction::Incoming, request(1, "sampling/createMessage")));
    clock.advance(3);
    const quint64 clientAnswer = log.record(stdio(A, Direction::Outgoing, response(1)));
    clock.advance(4);
    const quint64 serverAnswer = log.record(stdio(A, Direction::Incoming, response(1)));

    QCOMPARE(log.find(clientAnswer)->linkedSeq, std::optional<quint64>(serverRequest));
    QCOMPARE(log.find(clientAnswer)->latencyMs, std::optional<qint32>(3));
    QCOMPARE(log.find(clientAnswer)->rpc.method, QStringLiteral("sampling/createMessage"));
    QCOMPARE(log.find(serverAnswer)->linkedSeq, std::optional<quint64>(clientRequest));
    QCOMPARE(log.find(serverAnswer)->latencyMs, std::optional<qint32>(9));
}

void TestTrafficLog::notificationsAreNotLinked()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    QSignalSpy changed(&log, &TrafficLog::entryChanged);
    const quint64 note = log.record(
        stdio(A, Direction::Outgoing, R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}})"));
    const quint64 answer = log.record(stdio(A, Direction::Incoming, response(1)));
    QCOMPARE(log.find(note)->rpc.kind, RpcSummary::Kind::Notification);
    QVERIFY(!log.find(note)->linkedSeq);
    QVERIFY(!log.find(answer)->linkedSeq);
    QVERIFY(!log.find(answer)->latencyMs);
    QCOMPARE(changed.size(), 0);
}

void TestTrafficLog::errorIsLinkedWithItsCode()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    const quint64 req = log.record(stdio(A, Direction::Outgoing, request(7, "tools/call")));
    clock.advance(42);
    const quint64 err = log.record(stdio(
        A, Direction::Incoming, R"({"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"Invalid params"}})"));
    const TrafficEntry *entry = log.find(err);
    QCOMPARE(entry->rpc.kind, RpcSummary::Kind::Error);
    QCOMPARE(entry->rpc.errorCode, std::optional<int>(-32602));
    QCOMPARE(entry->rpc.method, QStringLiteral("tools/call"));
    QCOMPARE(entry->linkedSeq, std::optional<quint64>(req));
    QCOMPARE(entry->latencyMs, std::optional<qint32>(42));
    QCOMPARE(log.find(req)->linkedSeq, std::optional<quint64>(err));
}

void TestTrafficLog::everyAnswerLinksToItsRequest()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    const quint64 req = log.record(stdio(A, Direction::Outgoing, request(1)));
    const quint64 first = log.record(stdio(A, Direction::Incoming, response(1)));
    clock.advance(40);
    const quint64 second = log.record(stdio(A, Direction::Incoming, response(1)));
    // A stream answers one request many times: each answer links to it, and
    // the request points at the first.
    QCOMPARE(log.find(first)->linkedSeq, std::optional<quint64>(req));
    QCOMPARE(log.find(second)->linkedSeq, std::optional<quint64>(req));
    QCOMPARE(log.find(second)->latencyMs, std::optional<qint32>(40));
    QCOMPARE(log.find(req)->linkedSeq, std::optional<quint64>(first));

    // A new request with the same id takes the id over.
    const quint64 again = log.record(stdio(A, Direction::Outgoing, request(1)));
    const quint64 third = log.record(stdio(A, Direction::Incoming, response(1)));
    QCOMPARE(log.find(third)->linkedSeq, std::optional<quint64>(again));

    // String id "1" is not integer id 1.
    log.record(stdio(A, Direction::Outgoing, request(2)));
    const quint64 stringAnswer = log.record(stdio(A, Direction::Incoming, R"({"jsonrpc":"2.0","id":"2","result":1})"));
    QVERIFY(!log.find(stringAnswer)->linkedSeq);
}

void TestTrafficLog::nullIdIsNotLinked()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    log.record(stdio(A, Direction::Outgoing, R"({"jsonrpc":"2.0","id":null,"method":"x"})"));
    const quint64 err = log.record(
        stdio(A, Direction::Incoming, R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})"));
    QCOMPARE(log.find(err)->rpc.kind, RpcSummary::Kind::Error);
    QCOMPARE(log.find(err)->rpc.id, QStringLiteral("null"));
    QVERIFY(!log.find(err)->linkedSeq);
}

void TestTrafficLog::batchIsCorrelated()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    const quint64 batch = log.record(stdio(A, Direction::Outgoing, "[" + request(1) + "," + request(2, "ping") + "]"));
    clock.advance(10);
    const quint64 answers = log.record(stdio(A, Direction::Incoming, "[" + response(2) + "," + response(1) + "]"));
    QCOMPARE(log.find(batch)->rpc.kind, RpcSummary::Kind::Batch);
    QCOMPARE(log.find(answers)->rpc.batchSize, 2);
    QCOMPARE(log.find(answers)->linkedSeq, std::optional<quint64>(batch));
    QCOMPARE(log.find(answers)->latencyMs, std::optional<qint32>(10));
    QCOMPARE(log.find(batch)->linkedSeq, std::optional<quint64>(answers));
}

void TestTrafficLog::explicitLinks()
{
    // Streamable HTTP: a POST carrying a request, its HTTP response (an event
    // stream), then the JSON-RPC answer as an SSE event.
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    QSignalSpy changed(&log, &TrafficLog::entryChanged);

    Record post;
    post.connection = A;
    post.kind = TransportKind::HttpRequest;
    post.startLine = QStringLiteral("POST http://127.0.0.1:3000/mcp");
    post.body = request(5, "tools/call");
    post.contentType = "application/json";
    const quint64 postSeq = log.record(post);

    clock.advance(3);
    Record head;
    head.connection = A;
    head.direction = Direction::Incoming;
    head.kind = TransportKind::HttpResponse;
    head.startLine = QStringLiteral("200 OK");
    head.headers = {{"Content-Type", "text/event-stream"}};
    head.linkTo = postSeq;
    const quint64 headSeq = log.record(head);
    QCOMPARE(log.find(headSeq)->linkedSeq, std::optional<quint64>(postSeq));
    QCOMPARE(log.find(headSeq)->latencyMs, std::optional<qint32>(3));
    QCOMPARE(log.find(postSeq)->linkedSeq, std::optional<quint64>(headSeq));

    clock.advance(30);
    Record event;
    event.connection = A;
    event.direction = Direction::Incoming;
    event.kind = TransportKind::SseEvent;
    event.startLine = QStringLiteral("event: message · id: 1");
    event.body = response(5);
    const quint64 eventSeq = log.record(event);
    QCOMPARE(log.find(eventSeq)->linkedSeq, std::optional<quint64>(postSeq));
    QCOMPARE(log.find(eventSeq)->latencyMs, std::optional<qint32>(33));
    QCOMPARE(log.find(eventSeq)->rpc.method, QStringLiteral("tools/call"));
    // The JSON-RPC answer takes over the request's link.
    QCOMPARE(log.find(postSeq)->linkedSeq, std::optional<quint64>(eventSeq));
    QCOMPARE(changed.size(), 2);

    // A plain GET and its response link the same way.
    Record get;
    get.connection = B;
    get.kind = TransportKind::HttpRequest;
    get.startLine = QStringLiteral("GET http://127.0.0.1:4000/.well-known/agent-card.json");
    const quint64 getSeq = log.record(get);
    clock.advance(11);
    Record card;
    card.connection = B;
    card.direction = Direction::Incoming;
    card.kind = TransportKind::HttpResponse;
    card.startLine = QStringLiteral("200 OK");
    card.body = R"({"name":"Echo"})";
    card.linkTo = getSeq;
    const quint64 cardSeq = log.record(card);
    QCOMPARE(log.find(cardSeq)->linkedSeq, std::optional<quint64>(getSeq));
    QCOMPARE(log.find(cardSeq)->latencyMs, std::optional<qint32>(11));
    QCOMPARE(log.find(getSeq)->linkedSeq, std::optional<quint64>(cardSeq));
}

void TestTrafficLog::explicitLinkToUnknownSeqIsIgnored()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    Record record = stdio(A, Direction::Incoming, "x");
    record.linkTo = 99;
    const quint64 seq = log.record(record);
    QVERIFY(!log.find(seq)->linkedSeq);
    record.linkTo = seq; // itself
    const quint64 next = log.record(record);
    QCOMPARE(log.find(next)->linkedSeq, std::optional<quint64>(seq));
    record.linkTo = next + 1; // the future
    QVERIFY(!log.find(log.record(record))->linkedSeq);
}

void TestTrafficLog::evictsOldestFirst()
{
    ManualClock clock;
    const QByteArray body(1000, 'x');
    TrafficEntry probe;
    probe.connection = A;
    probe.body = body;
    const qsizetype cost = probe.costBytes();
    TrafficLog log(cost * 3 + cost / 2, &clock);

    QStringList events;
    connect(&log, &TrafficLog::aboutToEvict, this, [&](int n) {
        events << QStringLiteral("about %1 first %2 size %3").arg(n).arg(log.firstSeq()).arg(log.size());
    });
    connect(&log, &TrafficLog::evicted, this, [&](int n) {
        events << QStringLiteral("evicted %1 first %2 size %3").arg(n).arg(log.firstSeq()).arg(log.size());
    });
    connect(&log, &TrafficLog::entryRecorded, this,
            [&](quint64 seq) { events << QStringLiteral("recorded %1 size %2").arg(seq).arg(log.size()); });

    for (int i = 0; i < 3; ++i)
        log.record(stdio(A, Direction::Outgoing, body));
    QCOMPARE(log.evictedCount(), quint64(0));
    QCOMPARE(log.totalBytes(), cost * 3);
    events.clear();

    log.record(stdio(A, Direction::Outgoing, body));
    QCOMPARE(events,
             QStringList({QStringLiteral("about 1 first 1 size 3"), QStringLiteral("evicted 1 first 2 size 2"),
                          QStringLiteral("recorded 4 size 3")}));
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.evictedCount(), quint64(1));
    QCOMPARE(log.firstSeq(), quint64(2));
    QCOMPARE(log.at(0).seq, quint64(2));
    QCOMPARE(log.at(2).seq, quint64(4));
    QVERIFY(!log.find(1));
    QCOMPARE(log.find(3)->seq, quint64(3));
    QVERIFY(log.totalBytes() <= log.byteBudget());

    // An entry twice as large pushes two out at once.
    events.clear();
    log.record(stdio(A, Direction::Outgoing, body + body));
    QCOMPARE(events.first(), QStringLiteral("about 2 first 2 size 3"));
    QCOMPARE(log.evictedCount(), quint64(3));
    QCOMPARE(log.firstSeq(), quint64(4));
    QCOMPARE(log.size(), 2);
    QVERIFY(log.totalBytes() <= log.byteBudget());
    for (int i = 0; i < log.size(); ++i)
        QCOMPARE(log.find(log.firstSeq() + quint64(i)), &log.at(i));
}

void TestTrafficLog::evictedRequestIsNotLinked()
{
    ManualClock clock;
    const QByteArray padding(2000, ' ');
    TrafficLog log(5000, &clock);
    log.record(stdio(A, Direction::Outgoing, request(1) + padding));
    log.record(stdio(A, Direction::Outgoing, request(2) + padding));
    log.record(stdio(A, Direction::Outgoing, request(3) + padding));
    QVERIFY(log.evictedCount() >= 1);
    QVERIFY(!log.find(1));
    const quint64 answer = log.record(stdio(A, Direction::Incoming, response(1)));
    QVERIFY(!log.find(answer)->linkedSeq);
    QVERIFY(log.find(answer)->rpc.method.isEmpty());
}

void TestTrafficLog::pendingRequestsAreCapped()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024 * 1024, &clock);
    const int count = TrafficLog::MaxPendingRequests + 1;
    for (int id = 1; id <= count; ++id)
        log.record(stdio(A, Direction::Outgoing, request(id)));
    QCOMPARE(log.evictedCount(), quint64(0));
    const quint64 oldest = log.record(stdio(A, Direction::Incoming, response(1)));
    QVERIFY(!log.find(oldest)->linkedSeq);
    const quint64 newest = log.record(stdio(A, Direction::Incoming, response(count)));
    QCOMPARE(log.find(newest)->linkedSeq, std::optional<quint64>(quint64(count)));
}

void TestTrafficLog::oversizedEntryKeepsItsHead()
{
    ManualClock clock;
    TrafficLog log(2000, &clock);
    log.record(stdio(A, Direction::Outgoing, "small"));
    QSignalSpy aboutToEvict(&log, &TrafficLog::aboutToEvict);

    QByteArray body;
    for (int i = 0; body.size() < 10000; ++i)
        body += QByteArray::number(i) + ' ';
    log.record(stdio(A, Direction::Incoming, body));

    QCOMPARE(aboutToEvict.size(), 1);
    QCOMPARE(log.size(), 1);
    const TrafficEntry &entry = log.at(0);
    QVERIFY(entry.bodyTruncated);
    QCOMPARE(entry.originalBodySize, qint64(body.size()));
    QVERIFY(entry.body.size() > 0);
    QVERIFY(body.startsWith(entry.body));
    QCOMPARE(entry.costBytes(), log.byteBudget());
    QCOMPARE(log.totalBytes(), log.byteBudget());
}

void TestTrafficLog::smallerBudgetEvicts()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    for (int i = 0; i < 10; ++i)
        log.record(stdio(A, Direction::Outgoing, QByteArray(100, 'a')));
    const qsizetype cost = log.at(0).costBytes();
    QSignalSpy aboutToEvict(&log, &TrafficLog::aboutToEvict);
    QSignalSpy evicted(&log, &TrafficLog::evicted);

    log.setByteBudget(cost * 4);
    QCOMPARE(aboutToEvict.size(), 1);
    QCOMPARE(aboutToEvict.at(0).at(0).toInt(), 6);
    QCOMPARE(evicted.at(0).at(0).toInt(), 6);
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.firstSeq(), quint64(7));
    QCOMPARE(log.evictedCount(), quint64(6));

    log.setByteBudget(cost * 100);
    QCOMPARE(aboutToEvict.size(), 1);
}

void TestTrafficLog::clearForgetsEverything()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    log.record(stdio(A, Direction::Outgoing, request(1)));
    log.record(stdio(A, Direction::Outgoing, request(2)));
    QSignalSpy cleared(&log, &TrafficLog::cleared);
    log.clear();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(log.size(), 0);
    QCOMPARE(log.totalBytes(), qsizetype(0));
    QCOMPARE(log.evictedCount(), quint64(0));
    QCOMPARE(log.firstSeq(), quint64(3));
    QVERIFY(!log.find(1));

    const quint64 answer = log.record(stdio(A, Direction::Incoming, response(1)));
    QCOMPARE(answer, quint64(3));
    QVERIFY(!log.find(answer)->linkedSeq);
    QCOMPARE(&log.at(0), log.find(3));
}

void TestTrafficLog::exportsNdjson()
{
    ManualClock clock; // wall clock starts at 2023-11-14T22:13:20Z
    TrafficLog log(1024 * 1024, &clock);

    Record post;
    post.connection = QStringLiteral("everything server");
    post.kind = TransportKind::HttpRequest;
    post.startLine = QStringLiteral("POST http://127.0.0.1:3000/mcp?key=SECRET-ONE");
    post.headers = {{"Authorization", "Bearer SECRET-TWO"}, {"Content-Type", "application/json"}};
    post.body = R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{"token":"SECRET-THREE"}}})";
    post.contentType = "application/json";
    const quint64 postSeq = log.record(post);
    clock.advance(12);

    Record reply;
    reply.connection = post.connection;
    reply.direction = Direction::Incoming;
    reply.kind = TransportKind::HttpResponse;
    reply.startLine = QStringLiteral("200 OK");
    reply.headers = {{"Set-Cookie", "sid=SECRET-FOUR; HttpOnly"}};
    reply.body = R"({"jsonrpc":"2.0","id":1,"result":{"access_token":"SECRET-FIVE"}})";
    reply.linkTo = postSeq;
    log.record(reply);

    log.record(stdio(QStringLiteral("stdio"), Direction::Incoming, QByteArray("\xff\xfe binary\0", 10)));
    log.record(stdio(QStringLiteral("stdio"), Direction::Incoming, "grant_type=password&password=SECRET-SIX"));

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(log.exportNdjson(&buffer, &error), qPrintable(error));
    const QByteArray bytes = buffer.data();

    for (const char *secret : {"SECRET-ONE", "SECRET-TWO", "SECRET-THREE", "SECRET-FOUR", "SECRET-FIVE", "SECRET-SIX"})
        QVERIFY2(!bytes.contains(secret), secret);

    QVERIFY(bytes.endsWith('\n'));
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    std::vector<nlohmann::json> objects;
    for (const QByteArray &line : lines) {
        try {
            objects.push_back(nlohmann::json::parse(line.constData(), line.constData() + line.size()));
        } catch (const nlohmann::json::exception &e) {
            QFAIL(e.what());
        }
        QVERIFY(objects.back().is_object());
    }

    const nlohmann::json &first = objects.at(0);
    QCOMPARE(first.at("seq").get<int>(), 1);
    QCOMPARE(first.at("time").get<std::string>(), std::string("2023-11-14T22:13:20.000Z"));
    QCOMPARE(first.at("connection").get<std::string>(), std::string("everything server"));
    QCOMPARE(first.at("direction").get<std::string>(), std::string("out"));
    QCOMPARE(first.at("kind").get<std::string>(), std::string("http-request"));
    QCOMPARE(first.at("headers").size(), size_t(2));
    QCOMPARE(first.at("headers").at(0).at(0).get<std::string>(), std::string("Authorization"));
    QCOMPARE(first.at("headers").at(0).at(1).get<std::string>(), std::string("Bearer [redacted]"));
    QCOMPARE(first.at("redacted").get<bool>(), true);
    QCOMPARE(first.at("bodyTruncated").get<bool>(), false);
    QCOMPARE(first.at("originalBodySize").get<qint64>(), qint64(post.body.size()));
    QCOMPARE(first.at("rpc").at("kind").get<std::string>(), std::string("request"));
    QCOMPARE(first.at("rpc").at("method").get<std::string>(), std::string("tools/call"));
    QCOMPARE(first.at("rpc").at("id").get<std::string>(), std::string("1"));
    QVERIFY(!first.at("rpc").contains("errorCode"));
    QVERIFY(!first.at("rpc").contains("problem"));
    QCOMPARE(first.at("linkedSeq").get<int>(), 2);
    QVERIFY(!first.contains("latencyMs"));
    const nlohmann::json body = nlohmann::json::parse(first.at("body").get<std::string>());
    QCOMPARE(body.at("params").at("arguments").at("token").get<std::string>(), std::string("[redacted]"));

    const nlohmann::json &second = objects.at(1);
    QCOMPARE(second.at("time").get<std::string>(), std::string("2023-11-14T22:13:20.012Z"));
    QCOMPARE(second.at("direction").get<std::string>(), std::string("in"));
    QCOMPARE(second.at("kind").get<std::string>(), std::string("http-response"));
    QCOMPARE(second.at("linkedSeq").get<int>(), 1);
    QCOMPARE(second.at("latencyMs").get<int>(), 12);
    QCOMPARE(second.at("rpc").at("kind").get<std::string>(), std::string("response"));

    const nlohmann::json &third = objects.at(2);
    QCOMPARE(third.at("kind").get<std::string>(), std::string("stdio-line"));
    QVERIFY(!third.contains("body"));
    QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(third.at("bodyBase64").get<std::string>())),
             QByteArray("\xff\xfe binary\0", 10));
    QVERIFY(!third.contains("rpc"));
    QVERIFY(!third.contains("linkedSeq"));
    QCOMPARE(third.at("startLine").get<std::string>(), std::string());
}

void TestTrafficLog::exportFailsOnClosedDevice()
{
    ManualClock clock;
    TrafficLog log(1024 * 1024, &clock);
    log.record(stdio(A, Direction::Outgoing, "x"));
    QBuffer closed;
    QString error;
    QVERIFY(!log.exportNdjson(&closed, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!log.exportNdjson(nullptr));
}

QTEST_GUILESS_MAIN(TestTrafficLog)
#include "tst_trafficlog.moc"
