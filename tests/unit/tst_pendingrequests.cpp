#include "jsonrpc/PendingRequests.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace crosstalk;
using namespace crosstalk::jsonrpc;
using nlohmann::json;
using Kind = Outcome::Kind;

namespace crosstalk::jsonrpc {
char *toString(const Id &id)
{
    return QTest::toString(id.toString());
}
} // namespace crosstalk::jsonrpc

namespace {

// Collects the outcomes a callback receives.
struct Recorder
{
    std::vector<Outcome> outcomes;

    PendingRequests::Callback callback()
    {
        return [this](const Outcome &outcome) { outcomes.push_back(outcome); };
    }
};

enum class Finish { Result, Error, Cancel, Abandon, Timeout };

} // namespace

class TestPendingRequests : public QObject
{
    Q_OBJECT

private slots:
    void finishes_data();
    void finishes();
    void resolveDeliversResultAndError();
    void unknownIdsAreReported();
    void duplicateOrContextlessTrackingIsRefused();
    void idsOfDifferentTypesAreDistinct();
    void timeoutsExpireInDeadlineOrder();
    void zeroTimeoutWaitsForever();
    void progressRestartsTheTimeout();
    void deadContextGetsNoCallback();
    void abandonAllInTrackingOrder();
    void callbacksMayReenter();
    void callbackMayDeleteTheTable();
    void realTimerFiresTimeout();

private:
    ManualClock m_clock;
    QObject m_context;
};

void TestPendingRequests::finishes_data()
{
    QTest::addColumn<Finish>("finish");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("result") << Finish::Result << Kind::Result;
    QTest::newRow("error") << Finish::Error << Kind::Error;
    QTest::newRow("cancel") << Finish::Cancel << Kind::Cancelled;
    QTest::newRow("abandon") << Finish::Abandon << Kind::Abandoned;
    QTest::newRow("timeout") << Finish::Timeout << Kind::Timeout;
}

void TestPendingRequests::finishes()
{
    QFETCH(Finish, finish);
    QFETCH(Kind, kind);
    ManualClock clock;
    PendingRequests pending(&clock);
    Recorder recorder;
    QVERIFY(pending.track(Id(1), QStringLiteral("tools/call"), 1000, &m_context, recorder.callback()));
    QCOMPARE(pending.count(), 1);
    QVERIFY(pending.contains(Id(1)));
    QCOMPARE(pending.methodOf(Id(1)), std::optional<QString>(QStringLiteral("tools/call")));

    const qint64 waited = finish == Finish::Timeout ? 1000 : 250;
    clock.advance(waited);
    switch (finish) {
    case Finish::Result:
        QVERIFY(pending.resolve(Response { Id(1), json(1) }));
        break;
    case Finish::Error:
        QVERIFY(pending.resolve(ErrorResponse { Id(1), { -32602, QStringLiteral("bad"), std::nullopt } }));
        break;
    case Finish::Cancel:
        QVERIFY(pending.cancel(Id(1)));
        break;
    case Finish::Abandon:
        pending.abandonAll();
        break;
    case Finish::Timeout:
        pending.expireDue();
        break;
    }
    QCOMPARE(recorder.outcomes.size(), std::size_t(1));
    QCOMPARE(recorder.outcomes.front().kind, kind);
    QCOMPARE(recorder.outcomes.front().elapsedMs, waited);
    QCOMPARE(pending.count(), 0);
    QVERIFY(!pending.contains(Id(1)));
    QCOMPARE(pending.methodOf(Id(1)), std::optional<QString>());

    // Whatever ended it, nothing else can end it again.
    QVERIFY(!pending.resolve(Response { Id(1), json(1) }));
    QVERIFY(!pending.cancel(Id(1)));
    QVERIFY(!pending.progress(Id(1)));
    pending.abandonAll();
    clock.advance(5000);
    pending.expireDue();
    QCOMPARE(recorder.outcomes.size(), std::size_t(1));
}

void TestPendingRequests::resolveDeliversResultAndError()
{
    PendingRequests pending(&m_clock);
    Recorder recorder;
    QVERIFY(pending.track(Id(1), QStringLiteral("a"), 0, &m_context, recorder.callback()));
    QVERIFY(pending.track(Id(2), QStringLiteral("b"), 0, &m_context, recorder.callback()));

    Response response { Id(1), json { { "tools", json::array() } } };
    QVERIFY(pending.resolve(std::move(response)));
    QVERIFY(pending.resolve(ErrorResponse { Id(2), { -32601, QStringLiteral("no"), json { { "x", 1 } } } }));

    QCOMPARE(recorder.outcomes.size(), std::size_t(2));
    QCOMPARE(recorder.outcomes[0].kind, Kind::Result);
    QCOMPARE(recorder.outcomes[0].result, (json { { "tools", json::array() } }));
    QCOMPARE(recorder.outcomes[1].kind, Kind::Error);
    QCOMPARE(recorder.outcomes[1].error.code, -32601);
    QCOMPARE(recorder.outcomes[1].error.message, QStringLiteral("no"));
    QCOMPARE(*recorder.outcomes[1].error.data, (json { { "x", 1 } }));
}

void TestPendingRequests::unknownIdsAreReported()
{
    PendingRequests pending(&m_clock);
    Response stray { Id(8), json { { "kept", true } } };
    QVERIFY(!pending.resolve(std::move(stray)));
    // Still there for the issue log.
    QCOMPARE(stray.result, (json { { "kept", true } })); // NOLINT(bugprone-use-after-move)
    QVERIFY(!pending.resolve(Response { Id(7), json() }));
    QVERIFY(!pending.resolve(ErrorResponse { Id(), {} }));
    QVERIFY(!pending.cancel(Id(7)));
    QVERIFY(!pending.progress(Id(7)));
    QCOMPARE(pending.count(), 0);
}

void TestPendingRequests::duplicateOrContextlessTrackingIsRefused()
{
    PendingRequests pending(&m_clock);
    Recorder first;
    Recorder second;
    QVERIFY(pending.track(Id(1), QStringLiteral("a"), 100, &m_context, first.callback()));
    QVERIFY(!pending.track(Id(1), QStringLiteral("b"), 100, &m_context, second.callback()));
    QVERIFY(!pending.track(Id(2), QStringLiteral("c"), 100, nullptr, second.callback()));
    QCOMPARE(pending.count(), 1);
    QCOMPARE(pending.methodOf(Id(1)), std::optional<QString>(QStringLiteral("a")));

    QVERIFY(pending.resolve(Response { Id(1), json() }));
    QCOMPARE(first.outcomes.size(), std::size_t(1));
    QVERIFY(second.outcomes.empty());
}

void TestPendingRequests::idsOfDifferentTypesAreDistinct()
{
    PendingRequests pending(&m_clock);
    Recorder number;
    Recorder text;
    QVERIFY(pending.track(Id(1), QStringLiteral("n"), 0, &m_context, number.callback()));
    QVERIFY(pending.track(Id(QStringLiteral("1")), QStringLiteral("s"), 0, &m_context, text.callback()));
    QCOMPARE(pending.count(), 2);
    QVERIFY(!pending.contains(Id()));
    QVERIFY(pending.resolve(Response { Id(QStringLiteral("1")), json("s") }));
    QVERIFY(number.outcomes.empty());
    QCOMPARE(text.outcomes.size(), std::size_t(1));
    QVERIFY(pending.contains(Id(1)));
}

void TestPendingRequests::timeoutsExpireInDeadlineOrder()
{
    ManualClock clock;
    PendingRequests pending(&clock);
    QSignalSpy spy(&pending, &PendingRequests::timedOut);
    std::vector<Id> order;
    const auto track = [&](const Id &id, const QString &method, qint64 timeoutMs) {
        return pending.track(id, method, timeoutMs, &m_context, [&order, id](const Outcome &outcome) {
            QCOMPARE(outcome.kind, Kind::Timeout);
            order.push_back(id);
        });
    };
    QVERIFY(track(Id(1), QStringLiteral("slow"), 300));
    QVERIFY(track(Id(2), QStringLiteral("fast"), 100));
    QVERIFY(track(Id(3), QStringLiteral("medium"), 200));

    clock.advance(99);
    pending.expireDue();
    QCOMPARE(spy.count(), 0);

    clock.advance(151); // 250: "fast" and "medium" are due
    pending.expireDue();
    QCOMPARE(order, (std::vector<Id> { Id(2), Id(3) }));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).value<Id>(), Id(2));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("fast"));
    QCOMPARE(spy.at(1).at(0).value<Id>(), Id(3));
    QCOMPARE(pending.count(), 1);

    clock.advance(50);
    pending.expireDue();
    QCOMPARE(order.size(), std::size_t(3));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("slow"));
    QCOMPARE(pending.count(), 0);
}

void TestPendingRequests::zeroTimeoutWaitsForever()
{
    ManualClock clock;
    PendingRequests pending(&clock);
    Recorder recorder;
    QVERIFY(pending.track(Id(1), QStringLiteral("m"), 0, &m_context, recorder.callback()));
    QVERIFY(pending.track(Id(2), QStringLiteral("m"), -5, &m_context, recorder.callback()));
    clock.advance(365LL * 24 * 3600 * 1000);
    pending.expireDue();
    QVERIFY(recorder.outcomes.empty());
    QCOMPARE(pending.count(), 2);
    QVERIFY(pending.progress(Id(1)));
}

void TestPendingRequests::progressRestartsTheTimeout()
{
    ManualClock clock;
    PendingRequests pending(&clock);
    Recorder recorder;
    QVERIFY(pending.track(Id(1), QStringLiteral("tools/call"), 100, &m_context, recorder.callback()));
    clock.advance(80);
    QVERIFY(pending.progress(Id(1)));
    clock.advance(80); // 160: past the first deadline, not the new one (180)
    pending.expireDue();
    QVERIFY(recorder.outcomes.empty());
    clock.advance(20);
    pending.expireDue();
    QCOMPARE(recorder.outcomes.size(), std::size_t(1));
    QCOMPARE(recorder.outcomes.front().kind, Kind::Timeout);
    QCOMPARE(recorder.outcomes.front().elapsedMs, 180);
}

void TestPendingRequests::deadContextGetsNoCallback()
{
    PendingRequests pending(&m_clock);
    int calls = 0;
    auto context = std::make_unique<QObject>();
    QVERIFY(pending.track(Id(1), QStringLiteral("m"), 0, context.get(), [&calls](const Outcome &) { ++calls; }));
    context.reset();
    // The answer still matches (no protocol issue), but nobody is told.
    QVERIFY(pending.resolve(Response { Id(1), json() }));
    QCOMPARE(calls, 0);
    QCOMPARE(pending.count(), 0);
}

void TestPendingRequests::abandonAllInTrackingOrder()
{
    ManualClock clock;
    PendingRequests pending(&clock);
    std::vector<Id> order;
    const std::vector<Id> ids { Id(QStringLiteral("z")), Id(3), Id(), Id(1), Id(QStringLiteral("a")) };
    for (const Id &id : ids) {
        QVERIFY(pending.track(id, QStringLiteral("m"), 1000, &m_context, [&order, id](const Outcome &outcome) {
            QCOMPARE(outcome.kind, Kind::Abandoned);
            order.push_back(id);
        }));
        clock.advance(1);
    }
    pending.abandonAll();
    QCOMPARE(order, ids);
    QCOMPARE(pending.count(), 0);
    clock.advance(5000);
    pending.expireDue();
    QCOMPARE(order.size(), ids.size());
}

void TestPendingRequests::callbacksMayReenter()
{
    ManualClock clock;
    PendingRequests pending(&clock);
    Recorder later;
    std::vector<Kind> seen;
    // On timeout, retry under the same id and cancel a sibling.
    QVERIFY(pending.track(Id(1), QStringLiteral("m"), 100, &m_context, [&](const Outcome &outcome) {
        seen.push_back(outcome.kind);
        QVERIFY(!pending.contains(Id(1)));
        QVERIFY(pending.track(Id(1), QStringLiteral("retry"), 100, &m_context, later.callback()));
        pending.cancel(Id(2));
    }));
    QVERIFY(pending.track(Id(2), QStringLiteral("m"), 0, &m_context,
                          [&](const Outcome &outcome) { seen.push_back(outcome.kind); }));
    clock.advance(100);
    pending.expireDue();
    QCOMPARE(seen, (std::vector<Kind> { Kind::Timeout, Kind::Cancelled }));
    QCOMPARE(pending.methodOf(Id(1)), std::optional<QString>(QStringLiteral("retry")));
    clock.advance(100);
    pending.expireDue();
    QCOMPARE(later.outcomes.size(), std::size_t(1));
    QCOMPARE(later.outcomes.front().kind, Kind::Timeout);
}

void TestPendingRequests::callbackMayDeleteTheTable()
{
    ManualClock clock;
    auto *pending = new PendingRequests(&clock);
    int calls = 0;
    const auto callback = [&](const Outcome &) {
        ++calls;
        delete pending;
        pending = nullptr;
    };
    QVERIFY(pending->track(Id(1), QStringLiteral("m"), 10, &m_context, callback));
    QVERIFY(pending->track(Id(2), QStringLiteral("m"), 10, &m_context, [&calls](const Outcome &) { ++calls; }));
    clock.advance(10);
    pending->expireDue();
    // Both were due: the second is told although the table is gone.
    QCOMPARE(calls, 2);
    QVERIFY(!pending);
}

void TestPendingRequests::realTimerFiresTimeout()
{
    PendingRequests pending; // the system clock
    QSignalSpy spy(&pending, &PendingRequests::timedOut);
    std::optional<Outcome> outcome;
    QVERIFY(pending.track(Id(QStringLiteral("t")), QStringLiteral("ping"), 50, &m_context,
                          [&outcome](const Outcome &o) { outcome = o; }));
    QVERIFY(pending.track(Id(QStringLiteral("w")), QStringLiteral("ping"), 60000, &m_context, [](const Outcome &) {}));
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
    QCOMPARE(outcome->kind, Kind::Timeout);
    QVERIFY2(outcome->elapsedMs >= 50, qPrintable(QString::number(outcome->elapsedMs)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Id>(), Id(QStringLiteral("t")));
    QCOMPARE(pending.count(), 1);
}

QTEST_GUILESS_MAIN(TestPendingRequests)
#include "tst_pendingrequests.moc"
