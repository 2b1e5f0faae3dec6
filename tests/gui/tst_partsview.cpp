// How the parts of an agent's message are shown: Markdown without raw HTML,
// nothing loaded from anywhere, links reported and not followed, hidden
// characters revealed and flagged, files and data, a text growing in place
// and the bounds on what is shown.
#include "PartsView.h"

#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>

using namespace crosstalk;
using crosstalk::ui::PartsView;
using crosstalk::ui::PeerTextBrowser;

namespace {

a2a::Part text(const QString &value)
{
    a2a::Part part;
    part.kind = a2a::Part::Kind::Text;
    part.text = value.toUtf8();
    return part;
}

bool hasImageFormat(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                return true;
        }
    }
    return false;
}

} // namespace

class TestPartsView : public QObject
{
    Q_OBJECT

private slots:
    void htmlStaysLiteral();
    void nothingIsLoaded();
    void linksAreReported();
    void hiddenCharactersAreFlagged();
    void textGrowsInPlace();
    void longTextIsBounded();
    void filesAndData();
};

void TestPartsView::htmlStaysLiteral()
{
    PartsView view;
    view.setParts({text(QStringLiteral("**bold** <img src=\"https://example.invalid/x.png\"> <a href=\"https://example.invalid\">click</a>"))});
    auto *browser = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"));
    QVERIFY(browser);
    const QString shown = browser->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("<img src=\"https://example.invalid/x.png\">")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("<a href=\"https://example.invalid\">click</a>")));
    QVERIFY(!shown.contains(QStringLiteral("**"))); // Markdown itself is rendered
    QVERIFY(!hasImageFormat(browser->document()));
}

void TestPartsView::nothingIsLoaded()
{
    PartsView view;
    view.setParts({text(QStringLiteral("![secret](file:///etc/passwd) ![remote](https://example.invalid/a.png)"))});
    auto *browser = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"));
    QVERIFY(!browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd"))).isValid());
    QVERIFY(!browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qrc:/icons/crosstalk.svg"))).isValid());
    QVERIFY(!browser->loadResource(QTextDocument::HtmlResource, QUrl(QStringLiteral("https://example.invalid/"))).isValid());
}

void TestPartsView::linksAreReported()
{
    PartsView view;
    view.setParts({text(QStringLiteral("See [the docs](https://example.invalid/docs)."))});
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *browser = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"));
    QVERIFY(!browser->openLinks());
    QVERIFY(!browser->openExternalLinks());
    QSignalSpy spy(&view, &PartsView::linkActivated);
    emit browser->anchorClicked(QUrl(QStringLiteral("https://example.invalid/docs")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toUrl(), QUrl(QStringLiteral("https://example.invalid/docs")));
}

void TestPartsView::hiddenCharactersAreFlagged()
{
    PartsView view;
    view.setParts({text(QStringLiteral("pay \u202Eevil\u202C now"))});
    view.show();
    auto *warning = view.findChild<QLabel *>(QStringLiteral("hiddenTextWarning"));
    QVERIFY(warning && warning->isVisible());
    const QString shown = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"))->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("⟦U+202E⟧")), qPrintable(shown));
    QVERIFY(!shown.contains(QChar(0x202E)));
}

void TestPartsView::textGrowsInPlace()
{
    PartsView view;
    QList<a2a::Part> parts {text(QStringLiteral("The quick brown fox "))};
    view.setParts(parts);
    auto *browser = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"));
    parts << text(QStringLiteral("jumps over ")) << text(QStringLiteral("the lazy dog"));
    view.setParts(parts);
    // The same browser, now with all three chunks as one text.
    QCOMPARE(view.findChildren<PeerTextBrowser *>(QStringLiteral("partText")).size(), 1);
    QCOMPARE(view.findChild<PeerTextBrowser *>(QStringLiteral("partText")), browser);
    QCOMPARE(browser->toPlainText(), QStringLiteral("The quick brown fox jumps over the lazy dog"));
    // An artifact that starts over (a chunk without append) is shown anew.
    view.setParts({text(QStringLiteral("replaced"))});
    QTRY_COMPARE(view.findChildren<PeerTextBrowser *>(QStringLiteral("partText")).size(), 1);
    QCOMPARE(view.findChild<PeerTextBrowser *>(QStringLiteral("partText"))->toPlainText(), QStringLiteral("replaced"));
}

void TestPartsView::longTextIsBounded()
{
    PartsView view;
    QList<a2a::Part> parts;
    const QString line = QString(479, u'x') + u'\n';
    for (int i = 0; i < 4000; ++i) // 1.9 M characters in 4,000 chunks
        parts << text(line);
    view.setParts(parts.mid(0, 10));
    view.setParts(parts);
    auto *browser = view.findChild<PeerTextBrowser *>(QStringLiteral("partText"));
    QVERIFY(browser->toPlainText().size() <= PartsView::MaxShownChars);
    QVERIFY(browser->toPlainText().size() > PartsView::MaxShownChars - 1000);
    QVERIFY(browser->height() <= PeerTextBrowser::MaxHeight);
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("saveTextButton")));

    // Past MaxBlocks blocks, the rest is counted, not shown.
    QList<a2a::Part> many;
    for (int i = 0; i < PartsView::MaxBlocks + 20; ++i) {
        a2a::Part data;
        data.kind = a2a::Part::Kind::Data;
        data.data = nlohmann::json {{"n", i}};
        many << data;
    }
    PartsView blocks;
    blocks.setParts(many);
    QCOMPARE(blocks.findChildren<QTreeWidget *>(QStringLiteral("partData")).size(), PartsView::MaxBlocks);
    auto *more = blocks.findChild<QLabel *>(QStringLiteral("morePartsLabel"));
    QVERIFY(more && more->text().contains(QStringLiteral("20")));
}

void TestPartsView::filesAndData()
{
    a2a::Part byReference;
    byReference.kind = a2a::Part::Kind::File;
    byReference.name = QStringLiteral("report<b>.pdf");
    byReference.mediaType = QStringLiteral("application/pdf");
    byReference.uri = QStringLiteral("https://example.invalid/report.pdf");
    a2a::Part image;
    image.kind = a2a::Part::Kind::File;
    image.name = QStringLiteral("dot.png");
    image.mediaType = QStringLiteral("image/png");
    QImage pixel(4, 4, QImage::Format_ARGB32);
    pixel.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    pixel.save(&buffer, "PNG");
    image.bytes = png.toBase64();
    a2a::Part data;
    data.kind = a2a::Part::Kind::Data;
    data.data = nlohmann::json {{"order", "4711"}, {"items", {1, 2}}};

    PartsView view;
    view.setParts({byReference, image, data});
    const auto names = view.findChildren<QLabel *>(QStringLiteral("partFileName"));
    QCOMPARE(names.size(), 2);
    QCOMPARE(names.first()->textFormat(), Qt::PlainText);
    QCOMPARE(names.first()->text(), QStringLiteral("report<b>.pdf"));
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("copyLinkButton"))); // a reference is not fetched
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("saveFileButton"))); // inline bytes can be saved
    auto *picture = view.findChild<QLabel *>(QStringLiteral("partImage"));
    QVERIFY(picture);
    QTRY_VERIFY(!picture->pixmap().isNull()); // decoded off the GUI thread
    QCOMPARE(picture->pixmap().size(), QSize(4, 4));
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("partData"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
}

QTEST_MAIN(TestPartsView)
#include "tst_partsview.moc"
