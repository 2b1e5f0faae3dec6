#include "http/SseParser.h"

#include <QTest>

using crosstalk::http::SseError;
using crosstalk::http::SseEvent;
using crosstalk::http::SseParser;

namespace {

// An event written as "type|data|lastEventId" so expectations read easily.
QString describe(const SseEvent &event)
{
    return event.type + QLatin1Char('|') + event.text() + QLatin1Char('|') + QString::fromUtf8(event.lastEventId);
}

struct Outcome
{
    QStringList events;
    QByteArray lastEventId;
    qint64 retry = -1;
    bool failed = false;

    bool operator==(const Outcome &) const = default;
};

char *toString(const Outcome &o)
{
    return QTest::toString(o.events.join(QLatin1String(" ¶ ")) + QLatin1String(" / id=")
                           + QString::fromUtf8(o.lastEventId) + QLatin1String(" / retry=")
                           + QString::number(o.retry) + (o.failed ? QLatin1String(" / failed") : QLatin1String("")));
}

Outcome parseInChunks(const QByteArray &stream, const QList<qsizetype> &cuts, qsizetype cap = SseParser::DefaultMaxEventBytes)
{
    Outcome outcome;
    SseParser parser(cap);
    parser.setEventHandler([&](const SseEvent &event) { outcome.events << describe(event); });
    parser.setRetryHandler([&](qint64 ms) { outcome.retry = ms; });
    qsizetype from = 0;
    QList<qsizetype> all = cuts;
    all << stream.size();
    for (qsizetype to : all) {
        if (!parser.feed(QByteArrayView(stream).sliced(from, to - from)))
            outcome.failed = true;
        from = to;
    }
    outcome.lastEventId = parser.lastEventId();
    parser.finish();
    return outcome;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void everySplitGivesTheSameEvents_data() { parse_data(); }
    void everySplitGivesTheSameEvents();
    void oversizedEventStopsTheStream_data();
    void oversizedEventStopsTheStream();
    void finishDiscardsAndStartsANewStream();
    void crAtChunkEndThenLf();
    void resetForgetsEverything();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::addColumn<qint64>("retry");

    const auto row = [](const char *name, const QByteArray &stream, const QStringList &events,
                        const QByteArray &id = {}, qint64 retry = -1) {
        QTest::newRow(name) << stream << events << id << retry;
    };
    const auto L = [](const char *s) { return QString::fromUtf8(s); };

    row("simple", "data: hello\n\n", {L("message|hello|")});
    row("two events", "data: a\n\ndata: b\n\n", {L("message|a|"), L("message|b|")});
    row("multi-line data", "data: YHOO\ndata: +2\ndata: 10\n\n", {L("message|YHOO\n+2\n10|")});
    row("event type", "event: add\ndata: 1\n\nevent: remove\ndata: 2\n\n", {L("add|1|"), L("remove|2|")});
    row("type resets after dispatch", "event: x\ndata: 1\n\ndata: 2\n\n", {L("x|1|"), L("message|2|")});
    row("type resets on empty event", "event: x\n\ndata: y\n\n", {L("message|y|")});
    row("id", "id: 7\ndata: x\n\n", {L("message|x|7")}, "7");
    row("id persists", "id: 1\ndata: a\n\ndata: b\n\n", {L("message|a|1"), L("message|b|1")}, "1");
    row("id without event is kept", "id: 5\n\ndata: a\n\n", {L("message|a|5")}, "5");
    row("id with NUL ignored", QByteArray("id: 1\n\nid: a\0b\ndata: b\n\n", 25), {L("message|b|1")}, "1");
    row("empty id resets", "id: 1\ndata: a\n\nid\ndata: b\n\n", {L("message|a|1"), L("message|b|")}, "");
    row("id may hold spaces and colons", "id: a: b \ndata: x\n\n", {L("message|x|a: b ")}, "a: b ");
    row("retry", "retry: 3000\n\n", {}, {}, 3000);
    row("retry zero", "retry: 0\n", {}, {}, 0);
    row("retry not digits", "retry: 30x\n\n", {}, {}, -1);
    row("retry negative", "retry: -1\n\n", {}, {}, -1);
    row("retry with extra space", "retry:  5\n\n", {}, {}, -1);
    row("retry empty", "retry\n\n", {}, {}, -1);
    row("retry keeps the last valid", "retry: 10\nretry: x\n\n", {}, {}, 10);
    row("comment", ": hello\ndata: x\n\n", {L("message|x|")});
    row("comment only", ":\n\n: ping\n\n", {});
    row("CR line ends", "data: a\r\rdata: b\r\r", {L("message|a|"), L("message|b|")});
    row("CRLF line ends", "data: a\r\n\r\ndata: b\r\n\r\n", {L("message|a|"), L("message|b|")});
    row("mixed line ends", "data: a\r\ndata: b\rdata: c\n\n", {L("message|a\nb\nc|")});
    row("CR CR LF is two line ends then one", "data: a\r\r\ndata: b\n\n", {L("message|a|"), L("message|b|")});
    row("BOM skipped", "\xEF\xBB\xBF" "data: x\n\n", {L("message|x|")});
    row("BOM only at the start", "\xEF\xBB\xBF" "data: x\n\n\xEF\xBB\xBF" "data: y\n\n", {L("message|x|")});
    row("two BOMs", "\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\n", {});
    row("partial BOM is content", "\xEF\xBB" "data: x\n\ndata: y\n\n", {L("message|y|")});
    row("one space stripped", "data:  x\n\n", {L("message| x|")});
    row("no space", "data:x\n\n", {L("message|x|")});
    row("colon in value", "data: a:b\n\n", {L("message|a:b|")});
    row("field without colon", "data\n\n", {L("message||")});
    row("two empty data lines", "data\ndata\n\n", {L("message|\n|")});
    row("empty data value", "data:\n\n", {L("message||")});
    row("event without data not dispatched", "event: x\n\n", {});
    row("unknown field ignored", "foo: bar\ndata: x\n\n", {L("message|x|")});
    row("field names are case-sensitive", "Data: x\n\n", {});
    row("unterminated event discarded", "data: x\n", {});
    row("unterminated line discarded", "data: x", {});
    row("last unterminated event discarded", "data: a\n\ndata: b\n", {L("message|a|")});
    row("UTF-8", "data: grüße € 😀\n\n", {L("message|grüße € 😀|")});
    row("U+FEFF at the start of data is kept", "data: \xEF\xBB\xBFx\n\n", {QStringLiteral("message|") + QChar(0xFEFF) + QStringLiteral("x|")});
    row("invalid UTF-8 replaced", "data: a\xFF" "b\n\n", {L("message|a\xEF\xBF\xBD" "b|")});
    row("NUL in data", QByteArray("data: a\0b\n\n", 12), {QStringLiteral("message|a") + QChar(0) + QStringLiteral("b|")});
    row("empty stream", "", {});
    row("blank lines only", "\n\n\r\n\r", {});
    row("MCP priming event", "id: 0\ndata:\n\nid: 1\ndata: {\"jsonrpc\":\"2.0\"}\n\n",
        {L("message||0"), L("message|{\"jsonrpc\":\"2.0\"}|1")}, "1");
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, events);
    QFETCH(QByteArray, lastEventId);
    QFETCH(qint64, retry);

    const Outcome expected{events, lastEventId, retry, false};
    QCOMPARE(parseInChunks(stream, {}), expected);
}

void TestSseParser::everySplitGivesTheSameEvents()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, events);
    QFETCH(QByteArray, lastEventId);
    QFETCH(qint64, retry);
    const Outcome expected{events, lastEventId, retry, false};

    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const Outcome got = parseInChunks(stream, {cut});
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("split at byte %1 gives %2").arg(cut).arg(QString::fromUtf8(toString(got)))));
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte << i;
    QCOMPARE(parseInChunks(stream, everyByte), expected);
}

void TestSseParser::oversizedEventStopsTheStream_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("eventsBefore");

    QTest::newRow("one long data line") << QByteArray("data: ok\n\ndata: 0123456789abcdefghijklmnop\n\n")
                                        << QStringList{QStringLiteral("message|ok|")};
    QTest::newRow("many short data lines")
        << QByteArray("data: 0123\ndata: 4567\ndata: 89ab\ndata: cdef\ndata: ghij\ndata: klmn\n\n") << QStringList{};
    QTest::newRow("a line that never ends") << QByteArray(200, 'a') << QStringList{};
    QTest::newRow("a long comment") << (QByteArray(":") + QByteArray(200, 'c') + "\n\n") << QStringList{};
}

void TestSseParser::oversizedEventStopsTheStream()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, eventsBefore);
    constexpr qsizetype cap = 20;

    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        QStringList events;
        SseParser parser(cap);
        parser.setEventHandler([&](const SseEvent &e) { events << describe(e); });
        const bool first = parser.feed(QByteArrayView(stream).first(cut));
        const bool second = parser.feed(QByteArrayView(stream).sliced(cut));
        QVERIFY(!first || !second);
        QVERIFY(parser.error().has_value());
        QCOMPARE(parser.error()->kind, SseError::Kind::EventTooLarge);
        QVERIFY2(parser.error()->message.contains(QLatin1String("20 bytes")), qPrintable(parser.error()->message));
        QVERIFY(parser.error()->offset > 0 && parser.error()->offset <= stream.size());
        QCOMPARE(events, eventsBefore);
        // Once failed, it stays failed and delivers nothing more.
        QVERIFY(!parser.feed("data: x\n\n"));
        QCOMPARE(events, eventsBefore);
    }
}

void TestSseParser::finishDiscardsAndStartsANewStream()
{
    QStringList events;
    SseParser parser;
    parser.setEventHandler([&](const SseEvent &e) { events << describe(e); });
    QVERIFY(parser.feed("id: 3\ndata: a\n\ndata: pending"));
    parser.finish();
    QCOMPARE(events, QStringList{QStringLiteral("message|a|3")});
    // A reconnection is a new stream: a BOM is allowed again, the id is kept.
    QCOMPARE(parser.lastEventId(), QByteArray("3"));
    QVERIFY(parser.feed("\xEF\xBB\xBF" "data: b\n\n"));
    QCOMPARE(events, (QStringList{QStringLiteral("message|a|3"), QStringLiteral("message|b|3")}));
}

void TestSseParser::crAtChunkEndThenLf()
{
    QStringList events;
    SseParser parser;
    parser.setEventHandler([&](const SseEvent &e) { events << describe(e); });
    // CR ends one chunk, LF starts the next (after an empty chunk): one line end.
    QVERIFY(parser.feed("data: a\r"));
    QVERIFY(parser.feed(""));
    QVERIFY(parser.feed("\ndata: b\r"));
    QVERIFY(parser.feed("\n\r"));
    QVERIFY(parser.feed("\n"));
    QCOMPARE(events, QStringList{QStringLiteral("message|a\nb|")});
}

void TestSseParser::resetForgetsEverything()
{
    SseParser parser(8);
    QVERIFY(parser.feed("id: 1\nretry: 5\n\n"));
    QVERIFY(!parser.feed("data: 0123456789\n\n"));
    parser.reset();
    QVERIFY(!parser.error());
    QVERIFY(parser.lastEventId().isEmpty());
    QVERIFY(!parser.retryMs());
    QVERIFY(parser.feed("data: 1\n\n"));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
