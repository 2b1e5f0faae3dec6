#include "PeerText.h"

#include <QFontMetrics>
#include <QLabel>
#include <QTest>

using namespace crosstalk::ui;

class TestPeerText : public QObject
{
    Q_OBJECT

private slots:
    void revealHiddenCharacters_data();
    void revealHiddenCharacters();
    void escapeForRichText();
    void labelShowsMarkupLiterally();
    void labelRevealsHiddenCharacters();
};

void TestPeerText::revealHiddenCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("revealed");

    auto unchanged = [](const char *name, const QString &text) { QTest::newRow(name) << text << text; };
    unchanged("empty", QString());
    unchanged("ascii", QStringLiteral("Summarise a web page"));
    unchanged("umlauts", QStringLiteral("Größe ändern"));
    unchanged("arabic", QStringLiteral("مرحبا بالعالم"));
    unchanged("emoji (surrogate pair)", QStringLiteral("ok \U0001F600"));
    unchanged("left-to-right mark", QStringLiteral("a\u200Eb"));
    unchanged("hair space U+200A", QStringLiteral("a\u200Ab"));
    unchanged("paragraph separator U+2029", QStringLiteral("a\u2029b"));
    unchanged("narrow no-break space U+202F", QStringLiteral("a\u202Fb"));
    unchanged("invisible times U+2062", QStringLiteral("a\u2062b"));
    unchanged("U+2065", QStringLiteral("a\u2065b"));
    unchanged("U+206A", QStringLiteral("a\u206Ab"));
    unchanged("variation selector U+E0100", QStringLiteral("a\U000E0100b"));
    unchanged("unpaired high surrogate", QStringLiteral("a") + QChar(0xDB40) + QStringLiteral("b"));
    unchanged("unpaired low surrogate", QStringLiteral("a") + QChar(0xDC41) + QStringLiteral("b"));

    QTest::newRow("LRE U+202A") << QStringLiteral("a\u202Ab") << QStringLiteral("a⟦U+202A⟧b");
    QTest::newRow("RLO U+202E") << QStringLiteral("abc\u202Edef") << QStringLiteral("abc⟦U+202E⟧def");
    QTest::newRow("LRI U+2066") << QStringLiteral("\u2066x") << QStringLiteral("⟦U+2066⟧x");
    QTest::newRow("PDI U+2069") << QStringLiteral("x\u2069") << QStringLiteral("x⟦U+2069⟧");
    QTest::newRow("zero-width space") << QStringLiteral("pass\u200Bword") << QStringLiteral("pass⟦U+200B⟧word");
    QTest::newRow("zero-width joiner") << QStringLiteral("a\u200Db") << QStringLiteral("a⟦U+200D⟧b");
    QTest::newRow("word joiner") << QStringLiteral("a\u2060b") << QStringLiteral("a⟦U+2060⟧b");
    QTest::newRow("byte order mark") << QStringLiteral("\uFEFFhello") << QStringLiteral("⟦U+FEFF⟧hello");
    QTest::newRow("tag space U+E0000") << QStringLiteral("a\U000E0000") << QStringLiteral("a⟦U+E0000⟧");
    QTest::newRow("tag characters spelling 'hi'")
        << QStringLiteral("Weather\U000E0068\U000E0069 tool") << QStringLiteral("Weather⟦U+E0068⟧⟦U+E0069⟧ tool");
    QTest::newRow("cancel tag U+E007F") << QStringLiteral("\U000E007F") << QStringLiteral("⟦U+E007F⟧");
    QTest::newRow("mixed with emoji") << QStringLiteral("\U0001F600\u202E\U0001F600")
                                      << QStringLiteral("\U0001F600⟦U+202E⟧\U0001F600");
    QTest::newRow("trojan source") << QStringLiteral("access = \u202E } \u2066if (admin)\u2069 \u2066 {")
                                   << QStringLiteral("access = ⟦U+202E⟧ } ⟦U+2066⟧if (admin)⟦U+2069⟧ ⟦U+2066⟧ {");
}

void TestPeerText::revealHiddenCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, revealed);

    QCOMPARE(crosstalk::ui::revealHiddenCharacters(text), revealed);
    QCOMPARE(hasHiddenCharacters(text), revealed != text);
    QVERIFY(!hasHiddenCharacters(revealed));
}

void TestPeerText::escapeForRichText()
{
    QCOMPARE(crosstalk::ui::escapeForRichText(QStringLiteral("<img src=\"x\"> & <a href='y'>")),
             QStringLiteral("&lt;img src=&quot;x&quot;&gt; &amp; &lt;a href='y'&gt;"));
    QCOMPARE(crosstalk::ui::escapeForRichText(QStringLiteral("plain")), QStringLiteral("plain"));
}

void TestPeerText::labelShowsMarkupLiterally()
{
    QLabel label;
    label.setTextFormat(Qt::AutoText);
    const QString markup = QStringLiteral("<b>x</b>");
    setPeerText(&label, markup);

    QCOMPARE(label.textFormat(), Qt::PlainText);
    QCOMPARE(label.text(), markup);

    // Rendered, the label needs room for all eight characters, not for one bold x.
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    const QFontMetrics metrics(label.font());
    QVERIFY2(
        label.sizeHint().width() >= metrics.horizontalAdvance(markup),
        qPrintable(
            QStringLiteral("size hint %1 < %2").arg(label.sizeHint().width()).arg(metrics.horizontalAdvance(markup))));

    // A label that guesses the format would render this as a link.
    setPeerText(&label, QStringLiteral("<a href=\"https://example.invalid\">Docs</a>"));
    QCOMPARE(label.text(), QStringLiteral("<a href=\"https://example.invalid\">Docs</a>"));
    QVERIFY(label.sizeHint().width() >= metrics.horizontalAdvance(label.text()));
}

void TestPeerText::labelRevealsHiddenCharacters()
{
    QLabel label;
    setPeerText(&label, QStringLiteral("safe\u202Etxt.exe"));
    QCOMPARE(label.text(), QStringLiteral("safe⟦U+202E⟧txt.exe"));
    QCOMPARE(label.textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestPeerText)
#include "tst_peertext.moc"
