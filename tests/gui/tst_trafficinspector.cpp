// The traffic inspector: its filter (terms, keys, regular expressions, the
// reasons an input is not a filter), its model under QAbstractItemModelTester
// (batched inserts, eviction, pause, clear), and the widget: an invalid
// filter shown and not applied, a request and its response one click apart,
// details laid out, and copy as curl with secrets still masked.
#include "TrafficInspector.h"
#include "TrafficModel.h"
#include "traffic/TrafficFilter.h"
#include "traffic/TrafficLog.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace crosstalk;
using traffic::TrafficFilter;
using traffic::TrafficLog;

namespace {

quint64 post(TrafficLog &log, const QString &connection, const QByteArray &body)
{
    TrafficLog::Record r;
    r.connection = connection;
    r.direction = traffic::Direction::Outgoing;
    r.kind = traffic::TransportKind::HttpRequest;
    r.startLine = QStringLiteral("POST http://127.0.0.1:4000/a2a/jsonrpc");
    r.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer s3cr3t-token"}};
    r.body = body;
    r.contentType = "application/json";
    return log.record(r);
}

quint64 answer(TrafficLog &log, const QString &connection, int status, const QByteArray &body, quint64 request)
{
    TrafficLog::Record r;
    r.connection = connection;
    r.direction = traffic::Direction::Incoming;
    r.kind = traffic::TransportKind::HttpResponse;
    r.startLine = QStringLiteral("%1 %2").arg(status).arg(status == 200 ? QStringLiteral("OK") : QStringLiteral("Not Found"));
    r.headers = {{"Content-Type", "application/json"}};
    r.body = body;
    r.contentType = "application/json";
    r.linkTo = request;
    return log.record(r);
}

} // namespace

class TestTrafficInspector : public QObject
{
    Q_OBJECT

private slots:
    void filterParses_data();
    void filterParses();
    void filterMatches();
    void modelBatchesEvictsPausesClears();
    void modelFiltersInSlices();
    void inspectorFiltersLinksAndCopies();
};

void TestTrafficInspector::filterParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("words") << QStringLiteral("tools/call weather") << QString();
    QTest::newRow("keys") << QStringLiteral("method:tools conn:billing id:7 kind:sse dir:in status:4xx is:error") << QString();
    QTest::newRow("url is a word") << QStringLiteral("http://127.0.0.1:4000/") << QString();
    QTest::newRow("regex") << QStringLiteral("/tasks/(get|cancel)/") << QString();
    QTest::newRow("regex with spaces") << QStringLiteral("/order #4[0-9]{3}/ method:x") << QString();
    QTest::newRow("path is a word") << QStringLiteral("/a2a/jsonrpc") << QString();
    QTest::newRow("bad regex") << QStringLiteral("/(unclosed/") << QStringLiteral("/(unclosed/:");
    QTest::newRow("unknown key") << QStringLiteral("colour:red") << QStringLiteral("“colour:” is not a filter key");
    QTest::newRow("empty value") << QStringLiteral("method:") << QStringLiteral("needs a value");
    QTest::newRow("bad status") << QStringLiteral("status:teapot") << QStringLiteral("status: takes");
    QTest::newRow("bad dir") << QStringLiteral("dir:up") << QStringLiteral("dir: takes in or out");
    QTest::newRow("phrase") << QStringLiteral("\"task not found\" method:x") << QString();
    QTest::newRow("open phrase") << QStringLiteral("\"task not") << QStringLiteral("no closing quote");
}

void TestTrafficInspector::filterParses()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const TrafficFilter f = TrafficFilter::parse(text);
    QCOMPARE(f.isValid(), error.isEmpty());
    QVERIFY2(f.error().contains(error), qPrintable(f.error()));
}

void TestTrafficInspector::filterMatches()
{
    TrafficLog log;
    const quint64 request = post(log, QStringLiteral("billing"), R"({"jsonrpc":"2.0","id":7,"method":"SendMessage","params":{}})");
    const quint64 response = answer(log, QStringLiteral("billing"), 404, R"({"jsonrpc":"2.0","id":7,"error":{"code":-32001,"message":"Task not found"}})", request);
    const traffic::TrafficEntry &req = *log.find(request);
    const traffic::TrafficEntry &res = *log.find(response);
    QVERIFY(TrafficFilter::parse(QStringLiteral("sendmessage")).matches(req));
    QVERIFY(TrafficFilter::parse(QStringLiteral("method:SendMessage id:7")).matches(res)); // the answer knows its method
    QVERIFY(TrafficFilter::parse(QStringLiteral("is:error status:4xx")).matches(res));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("is:error")).matches(req));
    QVERIFY(TrafficFilter::parse(QStringLiteral("\"Task not found\"")).matches(res)); // a phrase
    QVERIFY(!TrafficFilter::parse(QStringLiteral("\"Task found\"")).matches(res));
    QVERIFY(TrafficFilter::parse(QStringLiteral("/task\\s+not/")).matches(res));
    QVERIFY(TrafficFilter::parse(QStringLiteral("dir:in kind:http-response")).matches(res));
    // An expression with spaces is one term; a path is a word.
    QVERIFY(TrafficFilter::parse(QStringLiteral("/task not f[aeiou]und/")).matches(res));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("/task not f[aeiou]und/ dir:out")).matches(res));
    QVERIFY(TrafficFilter::parse(QStringLiteral("/a2a/jsonrpc")).matches(req));
    // Words that are not ASCII, case-insensitively, in the UTF-8 body.
    const quint64 german = post(log, QStringLiteral("billing"), QStringLiteral(R"({"jsonrpc":"2.0","id":8,"method":"Überweisung"})").toUtf8());
    QVERIFY(TrafficFilter::parse(QStringLiteral("überweisung")).matches(*log.find(german)));
    QVERIFY(TrafficFilter::parse(QStringLiteral("method:ÜBER")).matches(*log.find(german)));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("überweisung")).matches(req));
    QVERIFY(TrafficFilter::parse(QStringLiteral("status:404 kind:response")).matches(res));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("status:5xx")).matches(res));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("kind:sse")).matches(res));
    QVERIFY(TrafficFilter::parse(QStringLiteral("id:8")).matches(*log.find(german)));
    QVERIFY(!TrafficFilter::parse(QStringLiteral("id:80")).matches(*log.find(german)));
    TrafficFilter other = TrafficFilter::parse(QString());
    other.setConnection(QStringLiteral("refunds"));
    QVERIFY(!other.matches(req));
}

void TestTrafficInspector::modelBatchesEvictsPausesClears()
{
    TrafficLog log(200 * 1024);
    ui::TrafficModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        post(log, QStringLiteral("c%1").arg(i % 3), QByteArray::fromStdString(R"({"jsonrpc":"2.0","id":)" + std::to_string(i) + R"(,"method":"ping"})"));
    QCOMPARE(model.rowCount(), 0); // not before the event loop turns
    QTRY_COMPARE(model.rowCount(), 100);
    QCOMPARE(inserted.size(), 1); // one batch
    QCOMPARE(model.connections().size(), 3);

    // Evicting the oldest removes their rows first.
    const quint64 firstBefore = log.firstSeq();
    post(log, QStringLiteral("big"), QByteArray(180 * 1024, 'x'));
    QVERIFY(log.firstSeq() > firstBefore);
    QTRY_COMPARE(model.seqAt(model.rowCount() - 1), log.at(log.size() - 1).seq);
    QCOMPARE(model.seqAt(0), log.firstSeq());

    // Paused, new entries wait; resumed, they come.
    model.setPaused(true);
    const quint64 held = post(log, QStringLiteral("c0"), R"({"jsonrpc":"2.0","id":"p","method":"ping"})");
    QTest::qWait(20);
    QCOMPARE(model.rowOf(held), -1);
    model.setPaused(false);
    QCOMPARE(model.rowOf(held), model.rowCount() - 1);

    model.setFilter(TrafficFilter::parse(QStringLiteral("conn:c1")));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.entryAt(row)->connection, QStringLiteral("c1"));
    log.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTrafficInspector::modelFiltersInSlices()
{
    TrafficLog log(qsizetype(512) * 1024 * 1024);
    constexpr int Entries = 50000;
    for (int i = 0; i < Entries; ++i) {
        const QByteArray text = i % 10 == 0 ? QByteArray("a refund for order ") : QByteArray("an invoice for order ");
        post(log, QStringLiteral("c%1").arg(i % 3),
             R"({"jsonrpc":"2.0","id":)" + QByteArray::number(i) + R"(,"method":"SendMessage","params":{"text":")" + text
                 + QByteArray::number(i) + R"("}})");
    }
    // Made over a log that holds entries already: all of them, and every
    // connection in the chooser.
    ui::TrafficModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.connections().size(), 3);
    QTRY_COMPARE(model.rowCount(), Entries);

    const auto expected = [&log](const TrafficFilter &filter) {
        QList<quint64> seqs;
        for (int i = 0; i < log.size(); ++i) {
            if (filter.matches(log.at(i)))
                seqs.append(log.at(i).seq);
        }
        return seqs;
    };
    const auto rows = [&model] {
        QList<quint64> seqs;
        for (int row = 0; row < model.rowCount(); ++row)
            seqs.append(model.seqAt(row));
        return seqs;
    };

    // One chunk a turn: the first chunk is filtered at once, the rest in
    // later turns, rows appearing as they are found.
    model.setSliceMs(0);
    QSignalSpy finished(&model, &ui::TrafficModel::filteringFinished);
    const TrafficFilter refund = TrafficFilter::parse(QStringLiteral("refund"));
    model.setFilter(refund);
    QVERIFY(model.isFiltering());
    QCOMPARE(model.rowCount(), (ui::TrafficModel::ChunkEntries + 9) / 10);
    QCOMPARE(finished.size(), 0);

    // Entries recorded meanwhile come after, in order; the oldest evicted
    // meanwhile leave first.
    const quint64 late = post(log, QStringLiteral("c9"), R"({"jsonrpc":"2.0","id":"late","method":"refund"})");
    QCOMPARE(model.connections().size(), 4);
    log.setByteBudget(log.totalBytes() - 1000 * (log.totalBytes() / log.size()));
    QVERIFY(log.evictedCount() > 0);
    QVERIFY(model.rowCount() == 0 || model.seqAt(0) >= log.firstSeq());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!model.isFiltering());
    QCOMPARE(rows(), expected(refund));
    QCOMPARE(model.seqAt(model.rowCount() - 1), late);

    // A new filter replaces one that is still running.
    model.setFilter(TrafficFilter::parse(QStringLiteral("invoice")));
    QVERIFY(model.isFiltering());
    const TrafficFilter c1 = TrafficFilter::parse(QStringLiteral("conn:c1 /order [0-9]*7[^0-9]/"));
    QVERIFY(c1.isValid());
    model.setFilter(c1);
    QTRY_VERIFY(!model.isFiltering());
    QCOMPARE(rows(), expected(c1));
    QVERIFY(!rows().isEmpty());
    QCOMPARE(finished.size(), 2);
}

void TestTrafficInspector::inspectorFiltersLinksAndCopies()
{
    TrafficLog log;
    ui::TrafficInspector inspector(&log);
    inspector.resize(1000, 400);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    const quint64 request = post(log, QStringLiteral("billing"), R"({"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"text":"hi"}})");
    post(log, QStringLiteral("refunds"), R"({"jsonrpc":"2.0","id":1,"method":"GetTask","params":{}})");
    const quint64 response = answer(log, QStringLiteral("billing"), 200, R"({"jsonrpc":"2.0","id":1,"result":{"ok":true}})", request);
    QTRY_COMPARE(inspector.model()->rowCount(), 3);

    // An invalid filter is marked and the list stays as it was.
    auto *edit = inspector.findChild<QLineEdit *>(QStringLiteral("trafficFilterEdit"));
    QTest::keyClicks(edit, QStringLiteral("colour:red"));
    QTRY_VERIFY(edit->property("invalid").toBool());
    QVERIFY(edit->toolTip().contains(QLatin1String("colour")));
    QCOMPARE(inspector.model()->rowCount(), 3);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("conn:billing"));
    QTRY_COMPARE(inspector.model()->rowCount(), 2);
    QVERIFY(!edit->property("invalid").toBool());

    // The request selects its response and back.
    QSignalSpy shown(&inspector, &ui::TrafficInspector::detailsShown);
    inspector.view()->setCurrentIndex(inspector.model()->index(inspector.model()->rowOf(request), 0));
    QVERIFY(shown.wait(5000));
    auto *raw = inspector.findChild<QPlainTextEdit *>(QStringLiteral("trafficRawEdit"));
    QVERIFY2(raw->toPlainText().contains(QLatin1String("\"method\": \"SendMessage\"")), qPrintable(raw->toPlainText()));
    QVERIFY(raw->toPlainText().contains(QLatin1String("Authorization: Bearer [redacted]")));
    inspector.goToLinked();
    QCOMPARE(inspector.model()->seqAt(inspector.view()->currentIndex().row()), response);
    inspector.goToLinked();
    QCOMPARE(inspector.model()->seqAt(inspector.view()->currentIndex().row()), request);

    // Copy as curl: a command line, with the secret still masked.
    const QString curl = ui::TrafficInspector::curlCommand(*log.find(request));
    QVERIFY2(curl.startsWith(QLatin1String("curl -X POST 'http://127.0.0.1:4000/a2a/jsonrpc'")), qPrintable(curl));
    QVERIFY(curl.contains(QLatin1String("-H 'Authorization: Bearer [redacted]'")));
    QVERIFY(!curl.contains(QLatin1String("s3cr3t")));
    QVERIFY(curl.contains(QLatin1String("--data-raw '{\"jsonrpc\"")));
    QVERIFY(ui::TrafficInspector::curlCommand(*log.find(response)).isEmpty());
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(inspector.grab().save(dir + QStringLiteral("/traffic-inspector.png")));
}

QTEST_MAIN(TestTrafficInspector)
#include "tst_trafficinspector.moc"
