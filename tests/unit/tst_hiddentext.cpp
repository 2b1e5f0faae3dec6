#include "util/HiddenText.h"

#include <QTest>

class TestHiddenText : public QObject
{
    Q_OBJECT

private slots:
    void reveal_data();
    void reveal();
    void terminalSafe();
};

void TestHiddenText::reveal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("revealed");
    QTest::addColumn<int>("hidden");
    QTest::newRow("plain") << QStringLiteral("hello") << QStringLiteral("hello") << 0;
    QTest::newRow("right-to-left override") << QStringLiteral("a\u202Eb") << QStringLiteral("a⟦U+202E⟧b") << 1;
    QTest::newRow("isolate") << QStringLiteral("\u2066x\u2069") << QStringLiteral("⟦U+2066⟧x⟦U+2069⟧") << 2;
    QTest::newRow("zero width") << QStringLiteral("a\u200Bb\u200Dc\u2060") << QStringLiteral("a⟦U+200B⟧b⟦U+200D⟧c⟦U+2060⟧") << 3;
    QTest::newRow("leading FEFF") << QStringLiteral("\uFEFFid") << QStringLiteral("⟦U+FEFF⟧id") << 1;
    QTest::newRow("tag characters") << (QStringLiteral("x") + QChar(0xDB40) + QChar(0xDC41)) << QStringLiteral("x⟦U+E0041⟧") << 1;
    QTest::newRow("emoji is not hidden") << QStringLiteral("😀") << QStringLiteral("😀") << 0;
    QTest::newRow("lone surrogate kept") << QString(QChar(0xD800)) << QString(QChar(0xD800)) << 0;
}

void TestHiddenText::reveal()
{
    QFETCH(QString, text);
    QFETCH(QString, revealed);
    QFETCH(int, hidden);
    QCOMPARE(crosstalk::revealHiddenCharacters(text), revealed);
    QCOMPARE(crosstalk::hiddenCodePoints(text).size(), hidden);
    QCOMPARE(crosstalk::hasHiddenCharacters(text), hidden > 0);
}

void TestHiddenText::terminalSafe()
{
    // An escape sequence from a peer must not reach the terminal.
    QCOMPARE(crosstalk::terminalSafe(QStringLiteral("name\x1b[2J\u009b\r\u202E")),
             QStringLiteral("name⟦U+001B⟧[2J⟦U+009B⟧⟦U+000D⟧⟦U+202E⟧"));
    QCOMPARE(crosstalk::terminalSafe(QStringLiteral("line\n\tindented")), QStringLiteral("line\n\tindented"));
}

QTEST_GUILESS_MAIN(TestHiddenText)
#include "tst_hiddentext.moc"
