#include "jsonrpc/OrderedDecoder.h"

#include <QTest>

#include <memory>

using namespace crosstalk;
using namespace crosstalk::jsonrpc;

namespace {

QByteArray notification(const QByteArray &method, qsizetype padding = 0)
{
    return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{\"pad\":\"" + QByteArray(padding, 'x') + "\"}}";
}

QString methodOf(const DecodeResult &result)
{
    if (!result.ok() || result.messages.size() != 1)
        return QStringLiteral("<error>");
    const auto *n = std::get_if<Notification>(&result.messages.front());
    return n ? n->method : QStringLiteral("<not a notification>");
}

} // namespace

class TestOrderedDecoder : public QObject
{
    Q_OBJECT

private slots:
    void smallInputIsDecodedAtOnce()
    {
        OrderedDecoder decoder({true, 1024 * 1024, 64});
        QStringList seen;
        decoder.submit(notification("a"), [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); });
        QCOMPARE(seen, QStringList{QStringLiteral("a")});
        QVERIFY(!decoder.isBusy());
    }

    void largeInputIsDecodedLaterAndKeepsTheOrder()
    {
        OrderedDecoder decoder({true, 8 * 1024 * 1024, 64});
        decoder.setInlineBytes(1000);
        QStringList seen;
        auto note = [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); };
        decoder.submit(notification("first", 10), note);
        decoder.submit(notification("big", 4 * 1024 * 1024), note); // to a worker
        decoder.submit(notification("small"), note);                // decoded, waits its turn
        decoder.after([&] { seen << QStringLiteral("ended"); });
        decoder.submit(notification("big2", 2000), note);
        // Only what came before the large input was handed over at once.
        QCOMPARE(seen, QStringList{QStringLiteral("first")});
        QVERIFY(decoder.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!decoder.isBusy(), 20000);
        QCOMPARE(seen, (QStringList{QStringLiteral("first"), QStringLiteral("big"), QStringLiteral("small"),
                                    QStringLiteral("ended"), QStringLiteral("big2")}));
        // Idle again: small input and steps run at once.
        decoder.after([&] { seen << QStringLiteral("now"); });
        QCOMPARE(seen.last(), QStringLiteral("now"));
    }

    void errorsArriveWithTheirBytes()
    {
        OrderedDecoder decoder({true, 1024 * 1024, 64});
        decoder.setInlineBytes(4);
        QByteArray given;
        QString why;
        decoder.submit("{\"jsonrpc\":\"1.0\"}", [&](DecodeResult &r, const QByteArray &bytes) {
            given = bytes;
            why = r.ok() ? QString() : r.error->message;
        });
        QTRY_VERIFY(!decoder.isBusy());
        QCOMPARE(given, QByteArray("{\"jsonrpc\":\"1.0\"}"));
        QVERIFY2(!why.isEmpty(), "a wrong version is an error");
    }

    void clearDropsWhatWaits()
    {
        OrderedDecoder decoder({true, 8 * 1024 * 1024, 64});
        decoder.setInlineBytes(100);
        QStringList seen;
        auto note = [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); };
        decoder.submit(notification("dropped", 1000), note);
        decoder.after([&] { seen << QStringLiteral("dropped step"); });
        decoder.clear();
        QVERIFY(!decoder.isBusy());
        decoder.submit(notification("kept"), note);
        QCOMPARE(seen, QStringList{QStringLiteral("kept")});
        // The worker's late result for the dropped input is ignored.
        QTest::qWait(200);
        QCOMPARE(seen, QStringList{QStringLiteral("kept")});
    }

    void aHandlerMayClearOrDeleteTheDecoder()
    {
        auto decoder = std::make_unique<OrderedDecoder>(DecodeOptions{true, 1024 * 1024, 64});
        decoder->setInlineBytes(100);
        QStringList seen;
        decoder->submit(notification("one", 500), [&](DecodeResult &r, const QByteArray &) {
            seen << methodOf(r);
            decoder->clear();
            decoder->submit(notification("after clear"), [&](DecodeResult &r2, const QByteArray &) { seen << methodOf(r2); });
        });
        decoder->submit(notification("cleared"), [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); });
        QTRY_VERIFY(!decoder->isBusy());
        QCOMPARE(seen, (QStringList{QStringLiteral("one"), QStringLiteral("after clear")}));

        seen.clear();
        decoder->submit(notification("last", 500), [&](DecodeResult &r, const QByteArray &) {
            seen << methodOf(r);
            decoder.reset();
        });
        decoder->submit(notification("never"), [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); });
        QTRY_VERIFY(!decoder);
        QTest::qWait(50);
        QCOMPARE(seen, QStringList{QStringLiteral("last")});
    }

    void destroyedWhileAWorkerDecodes()
    {
        QStringList seen;
        {
            OrderedDecoder decoder({true, 16 * 1024 * 1024, 64});
            decoder.setInlineBytes(100);
            decoder.submit(notification("orphan", 8 * 1024 * 1024),
                           [&](DecodeResult &r, const QByteArray &) { seen << methodOf(r); });
        }
        QTest::qWait(500);
        QVERIFY(seen.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOrderedDecoder)
#include "tst_ordereddecoder.moc"
