// The traffic filter's matcher: words found case-insensitively in UTF-8
// bytes and UTF-16 text alike, non-ASCII words and regular expressions
// through PCRE2, bodies that are not valid UTF-8, patterns that do not
// compile, and one matcher used from several threads at once.

#include "traffic/TextMatcher.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using crosstalk::traffic::TextMatcher;

class TestTextMatcher : public QObject
{
    Q_OBJECT

private slots:
    void asciiWords_data();
    void asciiWords();
    void unicodeWords();
    void invalidUtf8();
    void regularExpressions();
    void badPatterns();
    void severalThreads();
};

void TestTextMatcher::asciiWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("found");
    QTest::newRow("same case") << "refund" << R"({"text":"refund for order #4711"})" << true;
    QTest::newRow("other case") << "REFUND" << "a Refund was made" << true;
    QTest::newRow("at the start") << "tools/call" << "tools/call" << true;
    QTest::newRow("at the end") << "call" << "tools/call" << true;
    QTest::newRow("absent") << "zebra" << "no such animal here, only zebu and bra" << false;
    QTest::newRow("longer than the text") << "tools/call/x" << "tools/call" << false;
    QTest::newRow("one letter") << "x" << "abcX" << true;
    QTest::newRow("repeated prefix") << "aab" << "aaaaaab" << true;
    QTest::newRow("near miss") << "aab" << "aaaaaa" << false;
    QTest::newRow("punctuation kept") << "#4711" << "order 4711" << false;
    QTest::newRow("next to non-ASCII") << "uber" << "Fahrt über UBER, Überweisung" << true;
    QTest::newRow("not folded from non-ASCII") << "uber" << "Überweisung über" << false;
    QTest::newRow("not folded to non-ASCII") << "strasse" << "Straße" << false;
}

void TestTextMatcher::asciiWords()
{
    QFETCH(QString, word);
    QFETCH(QString, text);
    QFETCH(bool, found);
    const auto matcher = TextMatcher::word(word);
    QVERIFY(matcher);
    QCOMPARE(matcher->foundIn(QStringView(text)), found);
    QCOMPARE(matcher->foundIn(QByteArrayView(text.toUtf8())), found);
}

void TestTextMatcher::unicodeWords()
{
    const auto matcher = TextMatcher::word(QStringLiteral("ÜBER"));
    QVERIFY(matcher);
    const QString text = QStringLiteral("Zahlung über 20 €");
    QVERIFY(matcher->foundIn(QStringView(text)));
    QVERIFY(matcher->foundIn(QByteArrayView(text.toUtf8())));
    QVERIFY(!matcher->foundIn(QByteArrayView("uber alles")));
    // Taken literally: no character of the word is special.
    const auto literal = TextMatcher::word(QStringLiteral("(ä.*"));
    QVERIFY(literal);
    QVERIFY(literal->foundIn(QByteArrayView(QStringLiteral("x (Ä.* y").toUtf8())));
    QVERIFY(!literal->foundIn(QByteArrayView(QStringLiteral("x (äbc y").toUtf8())));
    // Empty text, and a view without data.
    QVERIFY(!matcher->foundIn(QByteArrayView()));
    QVERIFY(!matcher->foundIn(QStringView()));
}

void TestTextMatcher::invalidUtf8()
{
    // Bytes that are not UTF-8 around the match: found, not an error.
    const QByteArray body = QByteArray("\xff\xfe garbage \xc3 then ") + QStringLiteral("Grüße").toUtf8() + QByteArray(" \x80");
    QVERIFY(TextMatcher::word(QStringLiteral("garbage"))->foundIn(QByteArrayView(body)));
    QVERIFY(TextMatcher::word(QStringLiteral("GRÜSSE"))->foundIn(QByteArrayView(body)) == false);
    QVERIFY(TextMatcher::word(QStringLiteral("grüße"))->foundIn(QByteArrayView(body)));
    QVERIFY(TextMatcher::regex(QStringLiteral("then\\s+gr"))->foundIn(QByteArrayView(body)));
}

void TestTextMatcher::regularExpressions()
{
    const auto matcher = TextMatcher::regex(QStringLiteral("order #4[0-9]{3}"));
    QVERIFY(matcher);
    QVERIFY(matcher->foundIn(QByteArrayView(R"({"text":"refund for ORDER #4711"})")));
    QVERIFY(!matcher->foundIn(QByteArrayView(R"({"text":"refund for order #5711"})")));
    QVERIFY(matcher->foundIn(QStringView(u"order #4000")));
    // Unicode classes in both widths.
    const auto letters = TextMatcher::regex(QStringLiteral("^\\p{L}{5}$"));
    QVERIFY(letters->foundIn(QByteArrayView(QStringLiteral("Größe").toUtf8())));
    QVERIFY(letters->foundIn(QStringView(u"Größe")));
    QVERIFY(!letters->foundIn(QStringView(u"Grö1e")));
    // A pattern that backtracks without end gives up on the text.
    const auto runaway = TextMatcher::regex(QStringLiteral("(a+)+b"));
    QVERIFY(!runaway->foundIn(QByteArrayView(QByteArray(40, 'a'))));
}

void TestTextMatcher::badPatterns()
{
    QString error;
    qsizetype at = -1;
    QVERIFY(!TextMatcher::regex(QStringLiteral("(unclosed"), &error, &at));
    QVERIFY2(error.contains(QLatin1String("parenthesis")), qPrintable(error));
    QCOMPARE(at, 9);
    QVERIFY(!TextMatcher::regex(QStringLiteral("ab[c"), &error, &at));
    QVERIFY2(!error.isEmpty(), "no reason given");
    // A lone surrogate is not text.
    QVERIFY(!TextMatcher::word(QString(QChar(0xd800)) + QStringLiteral("é")));
}

void TestTextMatcher::severalThreads()
{
    const auto word = TextMatcher::word(QStringLiteral("needle"));
    const auto pattern = TextMatcher::regex(QStringLiteral("ne+dle \\d+"));
    const QByteArray hit = "hay hay NEEDLE 42 hay";
    const QByteArray miss = "hay hay nedle hay";
    std::atomic<int> wrong = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                if (!word->foundIn(QByteArrayView(hit)) || word->foundIn(QByteArrayView(miss))
                    || !pattern->foundIn(QByteArrayView(hit)) || pattern->foundIn(QByteArrayView(miss)))
                    ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestTextMatcher)
#include "tst_textmatcher.moc"
