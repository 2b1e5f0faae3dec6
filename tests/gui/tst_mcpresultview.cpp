// How an MCP result is shown: each content block for what it is (Markdown
// without raw HTML and without loading anything, JSON text pretty, images,
// audio handed to a player through a hook, resource links, embedded
// resources, unknown blocks as JSON), structured content with its verdict, a
// tool's failure apart from a failed request, resources/read and prompts/get
// results, large texts laid out off the GUI thread and cut, and clear().
#include "FileHandoff.h"
#include "McpResultView.h"
#include "PartsView.h"
#include "PeerText.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QElapsedTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace crosstalk;
using crosstalk::ui::FileHandoff;
using crosstalk::ui::McpResultView;
using crosstalk::ui::PeerTextBrowser;
using nlohmann::json;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

std::string str(const QByteArray &bytes)
{
    return bytes.toStdString();
}

QByteArray png(const QColor &color, QSize size = QSize(4, 4))
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// A short, real WAV file: 8 kHz, 8 bit, mono.
QByteArray wav()
{
    const QByteArray samples(800, char(0x80));
    QByteArray out;
    const auto le32 = [&out](quint32 v) {
        for (int i = 0; i < 4; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
    };
    const auto le16 = [&out](quint16 v) {
        out.append(char(v & 0xff));
        out.append(char(v >> 8));
    };
    out += "RIFF";
    le32(quint32(36 + samples.size()));
    out += "WAVEfmt ";
    le32(16);
    le16(1);
    le16(1);
    le32(8000);
    le32(8000);
    le16(1);
    le16(8);
    out += "data";
    le32(quint32(samples.size()));
    out += samples;
    return out;
}

json textBlock(const QString &text)
{
    return json {{"type", "text"}, {"text", str(text)}};
}

/// A tools/call result with these content blocks. (Not `json {block}`:
/// nlohmann reads a single element in braces as a copy, not as an array.)
json toolResult(std::initializer_list<json> blocks)
{
    json content = json::array();
    for (const json &block : blocks)
        content.push_back(block);
    return json {{"resultType", "complete"}, {"content", content}};
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

bool isBold(const QTextDocument *document, const QString &text)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text() == text)
                return it.fragment().charFormat().fontWeight() >= QFont::Bold;
        }
    }
    return false;
}

template <typename T = QWidget>
T *child(const QWidget &view, const QString &name)
{
    return view.findChild<T *>(name);
}

} // namespace

class TestMcpResultView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void markdownWithoutHtml();
    void markdownImagesAreNotLoaded();
    void linksAreNotFollowed();
    void hiddenCharactersAreRevealed();
    void jsonTextIsPrettyPrinted();
    void largeJsonIsLaidOutOffThread();
    void hugeTextIsCutAndSavedWhole();
    void imageIsDecoded();
    void brokenImagesSaySo_data();
    void brokenImagesSaySo();
    void audioOpensThroughTheHook();
    void audioThatIsNotAudioIsNotOpened();
    void resourceLinkAsksToRead();
    void embeddedResource();
    void unknownContentType_data();
    void unknownContentType();
    void structuredContentVerdicts_data();
    void structuredContentVerdicts();
    void toolFailureIsNotARequestFailure();
    void requestFailures_data();
    void requestFailures();
    void readResultTextAndBlob();
    void promptResultMessages();
    void rawViewShowsTheWholeResult();
    void clearRemovesEverything();
    void staleWorkIsDropped();
    void screenshot();

private:
    QString savePath(const QString &suggested)
    {
        m_suggested = suggested;
        return m_dir->filePath(suggested);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_suggested;
    QList<QUrl> m_opened;
};

void TestMcpResultView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_suggested.clear();
    m_opened.clear();
    FileHandoff::setPathChooser([this](QWidget *, const QString &suggested) { return savePath(suggested); });
    FileHandoff::setUrlOpener([this](const QUrl &url) {
        m_opened << url;
        return true;
    });
}

void TestMcpResultView::cleanup()
{
    FileHandoff::setPathChooser({});
    FileHandoff::setUrlOpener({});
    m_dir.reset();
}

void TestMcpResultView::markdownWithoutHtml()
{
    McpResultView view;
    view.showToolResult(toolResult({textBlock(QStringLiteral("**bold** <b>x</b> <img src=\"https://example.invalid/x.png\">"))}));
    QVERIFY(!view.isBusy());
    auto *browser = child<PeerTextBrowser>(view, QStringLiteral("text:0"));
    QVERIFY(browser);
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("block:0")));
    const QString shown = browser->toPlainText();
    QVERIFY2(!shown.contains(QStringLiteral("**")), qPrintable(shown)); // Markdown is rendered…
    QVERIFY(isBold(browser->document(), QStringLiteral("bold")));
    QVERIFY(shown.contains(QStringLiteral("<b>x</b>"))); // …raw HTML is not
    QVERIFY(shown.contains(QStringLiteral("<img src=\"https://example.invalid/x.png\">")));
    QVERIFY(!hasImageFormat(browser->document()));
    QVERIFY(!child(view, QStringLiteral("json:0")));
    // Shown again and again (a streamed text is), one document is kept.
    for (int i = 0; i < 5; ++i)
        browser->showMarkdown(QStringLiteral("*again* %1").arg(i));
    QCOMPARE(browser->findChildren<QTextDocument *>().size(), 1);
    QCOMPARE(browser->toPlainText(), QStringLiteral("again 4"));
}

void TestMcpResultView::markdownImagesAreNotLoaded()
{
    // A real image the Markdown points at, by URL and by path.
    const QString secret = m_dir->filePath(QStringLiteral("secret.png"));
    QFile file(secret);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(png(Qt::red, QSize(10, 10)));
    file.close();
    const QUrl url = QUrl::fromLocalFile(secret);

    McpResultView view;
    view.resize(600, 400);
    view.showToolResult(toolResult({textBlock(QStringLiteral("before ![leak](%1) and ![path](%2) after")
                                                  .arg(url.toString(), secret))}));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *browser = child<PeerTextBrowser>(view, QStringLiteral("text:0"));
    QVERIFY(browser);
    (void)view.grab(); // laid out and painted
    QVERIFY(!hasImageFormat(browser->document()));
    const QString shown = browser->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("[image “leak” not loaded: %1]").arg(url.toString())), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("[image “path” not loaded: %1]").arg(secret)), qPrintable(shown));
    // Even asked directly, the document gives an empty placeholder, never the file.
    for (const QUrl &name : {url, QUrl(secret), QUrl(QStringLiteral("https://example.invalid/a.png"))}) {
        const QVariant resource = browser->document()->resource(QTextDocument::ImageResource, name);
        QVERIFY(resource.isValid());
        QCOMPARE(qvariant_cast<QImage>(resource).size(), QSize(1, 1));
    }
    QCOMPARE(browser->document()->resource(QTextDocument::HtmlResource, url).toByteArray(), QByteArray());
}

void TestMcpResultView::linksAreNotFollowed()
{
    McpResultView view;
    view.showToolResult(toolResult({textBlock(QStringLiteral("See [the docs](https://example.invalid/docs)."))}));
    auto *browser = child<PeerTextBrowser>(view, QStringLiteral("text:0"));
    QVERIFY(browser);
    QVERIFY(!browser->openLinks());
    QVERIFY(!browser->openExternalLinks());
    QSignalSpy requested(&view, &McpResultView::resourceRequested);
    emit browser->anchorClicked(QUrl(QStringLiteral("https://example.invalid/docs")));
    QCOMPARE(requested.count(), 0);
    // Where it leads is said instead.
    emit browser->highlighted(QUrl(QStringLiteral("https://example.invalid/docs")));
    QCOMPARE(browser->toolTip(), crosstalk::ui::peerToolTip(QStringLiteral("https://example.invalid/docs")));
}

void TestMcpResultView::hiddenCharactersAreRevealed()
{
    McpResultView view;
    view.show();
    view.showToolResult(toolResult({textBlock(QStringLiteral("pay \u202Eevil\u202C now")),
                                    textBlock(QStringLiteral("{\"to\": \"a\u200Bb\"}")), textBlock(QStringLiteral("clean"))}));
    auto *warning = child<QLabel>(view, QStringLiteral("hiddenWarning:0"));
    QVERIFY(warning);
    QTRY_VERIFY(warning->isVisible());
    const QString shown = child<PeerTextBrowser>(view, QStringLiteral("text:0"))->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("⟦U+202E⟧")), qPrintable(shown));
    QVERIFY(!shown.contains(QChar(0x202E)));
    // In JSON, as escapes (the same JSON).
    QVERIFY(child(view, QStringLiteral("hiddenWarning:1")));
    const QString json = child<QPlainTextEdit>(view, QStringLiteral("json:1"))->toPlainText();
    QVERIFY2(json.contains(QStringLiteral("a\\u200bb")), qPrintable(json));
    QVERIFY(!json.contains(QChar(0x200B)));
    QVERIFY(!child(view, QStringLiteral("hiddenWarning:2")));
}

void TestMcpResultView::jsonTextIsPrettyPrinted()
{
    McpResultView view;
    view.showToolResult(toolResult({textBlock(QStringLiteral("  \n{\"b\":1,\"a\":[1,2]}")), textBlock(QStringLiteral("{not json")),
                                    textBlock(QStringLiteral("\"a string\""))}));
    QVERIFY(!view.isBusy());
    auto *viewer = child<QPlainTextEdit>(view, QStringLiteral("json:0"));
    QVERIFY(viewer);
    QVERIFY(viewer->isReadOnly());
    QCOMPARE(viewer->toPlainText(), QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1\n}"));
    QVERIFY(!child(view, QStringLiteral("text:0")));
    // Not JSON after all, or JSON but no object or array: text.
    QVERIFY(!child(view, QStringLiteral("json:1")));
    QCOMPARE(child<PeerTextBrowser>(view, QStringLiteral("text:1"))->toPlainText(), QStringLiteral("{not json"));
    QVERIFY(child<PeerTextBrowser>(view, QStringLiteral("text:2")));
}

void TestMcpResultView::largeJsonIsLaidOutOffThread()
{
    json items = json::array();
    for (int i = 0; i < 12000; ++i)
        items.push_back({{"id", i}, {"name", "item number " + std::to_string(i)}});
    const std::string text = items.dump();
    QVERIFY(text.size() > 300 * 1024);

    McpResultView view;
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showToolResult(toolResult({json {{"type", "text"}, {"text", text}}}));
    QVERIFY(view.isBusy());
    QVERIFY(child(view, QStringLiteral("layingOut:0")));
    QVERIFY(!child(view, QStringLiteral("json:0")));
    QVERIFY(ready.wait(30000));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!view.isBusy());
    QTRY_VERIFY(!child(view, QStringLiteral("layingOut:0")));
    auto *viewer = child<QPlainTextEdit>(view, QStringLiteral("json:0"));
    QVERIFY(viewer);
    QVERIFY(viewer->toPlainText().startsWith(QStringLiteral("[\n  {\n    \"id\": 0,\n    \"name\": \"item number 0\"\n  },")));
}

void TestMcpResultView::hugeTextIsCutAndSavedWhole()
{
    std::string text;
    const std::string line = std::string(99, 'x') + '\n';
    text.reserve(20 * 1024 * 1024);
    while (text.size() < 20 * 1024 * 1024)
        text += line;

    McpResultView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy ready(&view, &McpResultView::ready);
    const json result = toolResult({json {{"type", "text"}, {"text", text}}});
    view.showToolResult(result);
    // The GUI thread has not laid it out: a worker does. How long the window
    // waits is measured by `crosstalk-gui-bench result`, not here.
    QVERIFY(view.isBusy());
    QVERIFY(child(view, QStringLiteral("layingOut:0")));
    QVERIFY(ready.wait(60000));
    // Long text scrolls in a viewer that lays out only what is in sight.
    auto *browser = child<QPlainTextEdit>(view, QStringLiteral("text:0"));
    QVERIFY(browser);
    QVERIFY(browser->isReadOnly());
    const qsizetype shown = browser->toPlainText().size();
    QVERIFY2(shown >= 64 * 1024 && shown <= 512 * 1024, qPrintable(QString::number(shown)));
    auto *note = child<QLabel>(view, QStringLiteral("cutNote:0"));
    QVERIFY(note);
    QVERIFY2(note->text().contains(QLocale().toString(qlonglong(text.size()))), qPrintable(note->text()));
    QVERIFY(child(view, QStringLiteral("plainNote:0"))); // too long for Markdown
    // The raw view is cut too.
    QVERIFY(child<QPlainTextEdit>(view, QStringLiteral("rawView"))->toPlainText().size() < 1024 * 1024);

    auto *save = child<QPushButton>(view, QStringLiteral("saveButton:0"));
    QVERIFY(save);
    save->click();
    QCOMPARE(m_suggested, QStringLiteral("text.txt"));
    auto *status = child<QLabel>(view, QStringLiteral("status:0"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Saved to")), 30000);
    QFile saved(m_dir->filePath(m_suggested));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll() == QByteArray::fromStdString(text));
}

void TestMcpResultView::imageIsDecoded()
{
    const QByteArray bytes = png(Qt::red);
    McpResultView view;
    view.resize(600, 500);
    view.show();
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showToolResult(toolResult({json {{"type", "image"}, {"data", str(bytes.toBase64())}, {"mimeType", "image/png"}}}));
    QVERIFY(view.isBusy());
    QVERIFY(ready.wait(10000));
    auto *picture = child(view, QStringLiteral("image:0"));
    QVERIFY(picture);
    QTRY_VERIFY(picture->isVisible() && picture->height() >= 4 && picture->width() >= 4);
    QCOMPARE(picture->grab().toImage().pixelColor(1, 1), QColor(Qt::red));
    auto *info = child<QLabel>(view, QStringLiteral("info:0"));
    QVERIFY2(info->text().contains(QStringLiteral("image/png")) && info->text().contains(QStringLiteral("4 × 4")),
             qPrintable(info->text()));
    QVERIFY(!child(view, QStringLiteral("imageStatus:0"))->isVisible());

    child<QPushButton>(view, QStringLiteral("saveButton:0"))->click();
    QCOMPARE(m_suggested, QStringLiteral("image.png"));
    QTRY_VERIFY(child<QLabel>(view, QStringLiteral("status:0"))->text().startsWith(QStringLiteral("Saved to")));
    QFile saved(m_dir->filePath(m_suggested));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);
}

void TestMcpResultView::brokenImagesSaySo_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("said");
    QTest::newRow("not base64") << QByteArray("!!!% not base64 %!!!") << QStringLiteral("not valid base64");
    QTest::newRow("not an image") << QByteArray("hello, world").toBase64() << QStringLiteral("could not be read");
    QTest::newRow("truncated png") << png(Qt::blue).left(30).toBase64() << QStringLiteral("could not be read");
    QTest::newRow("svg") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                                       "<image href=\"file:///etc/hostname\"/></svg>")
                                .toBase64()
                         << QStringLiteral("SVG images are not shown");
}

void TestMcpResultView::brokenImagesSaySo()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, said);
    McpResultView view;
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showToolResult(toolResult({json {{"type", "image"}, {"data", str(data)}, {"mimeType", "image/png"}}}));
    QVERIFY(ready.wait(10000));
    auto *status = child<QLabel>(view, QStringLiteral("imageStatus:0"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(said), qPrintable(status->text()));
    QVERIFY(!child(view, QStringLiteral("image:0"))->isVisibleTo(&view));
    QVERIFY(child(view, QStringLiteral("saveButton:0"))); // still there to save
}

void TestMcpResultView::audioOpensThroughTheHook()
{
    const QByteArray sound = wav();
    McpResultView view;
    view.showToolResult(toolResult({json {{"type", "audio"}, {"data", str(sound.toBase64())}, {"mimeType", "audio/wav"}}}));
    QVERIFY2(child<QLabel>(view, QStringLiteral("info:0"))->text().contains(QStringLiteral("audio/wav")),
             qPrintable(child<QLabel>(view, QStringLiteral("info:0"))->text()));
    auto *open = child<QPushButton>(view, QStringLiteral("openButton:0"));
    QVERIFY(open && open->isEnabled());
    open->click();
    QTRY_COMPARE(m_opened.size(), 1);
    const QString path = m_opened.first().toLocalFile();
    QCOMPARE(QFileInfo(path).suffix(), QStringLiteral("wav"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sound);
    QTRY_VERIFY(child<QLabel>(view, QStringLiteral("status:0"))->text().startsWith(QStringLiteral("Opened")));

    child<QPushButton>(view, QStringLiteral("saveButton:0"))->click();
    QCOMPARE(m_suggested, QStringLiteral("audio.wav"));
    QTRY_VERIFY(QFileInfo(m_dir->filePath(m_suggested)).size() == sound.size());
}

void TestMcpResultView::audioThatIsNotAudioIsNotOpened()
{
    // A desktop entry dressed up as audio is never handed to the desktop…
    const QByteArray entry("[Desktop Entry]\nType=Application\nName=x\nExec=xterm\n");
    McpResultView view;
    view.showToolResult(toolResult({json {{"type", "audio"}, {"data", str(entry.toBase64())}, {"mimeType", "audio/wav"}},
                                    json {{"type", "audio"}, {"data", str(entry.toBase64())}, {"mimeType", "application/x-desktop"}}}));
    child<QPushButton>(view, QStringLiteral("openButton:0"))->click();
    auto *status = child<QLabel>(view, QStringLiteral("status:0"));
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Not opened")));
    QVERIFY2(status->text().contains(QStringLiteral("does not look like")), qPrintable(status->text()));
    QVERIFY(m_opened.isEmpty());
    // …and a type that is not audio is not offered.
    QVERIFY(!child<QPushButton>(view, QStringLiteral("openButton:1"))->isEnabled());
}

void TestMcpResultView::resourceLinkAsksToRead()
{
    McpResultView view;
    view.showToolResult(toolResult({json {{"type", "resource_link"},
                                          {"uri", "file:///project/src/main.rs"},
                                          {"name", "main.rs"},
                                          {"title", "Main <b>file</b>"},
                                          {"description", "Primary application entry point"},
                                          {"mimeType", "text/x-rust"},
                                          {"size", 2048}}}));
    auto *title = child<QLabel>(view, QStringLiteral("title:0"));
    QVERIFY(title);
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QCOMPARE(title->text(), QStringLiteral("Main <b>file</b> (main.rs)"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("uri:0"))->text(), QStringLiteral("file:///project/src/main.rs"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("description:0"))->text(), QStringLiteral("Primary application entry point"));
    const QString info = child<QLabel>(view, QStringLiteral("info:0"))->text();
    QVERIFY2(info.contains(QStringLiteral("text/x-rust")) && info.contains(QLocale().formattedDataSize(2048)), qPrintable(info));
    QSignalSpy requested(&view, &McpResultView::resourceRequested);
    child<QPushButton>(view, QStringLiteral("readButton:0"))->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("file:///project/src/main.rs"));
}

void TestMcpResultView::embeddedResource()
{
    McpResultView view;
    view.showToolResult(toolResult({json {{"type", "resource"},
                                          {"resource", {{"uri", "file:///notes/readme.md"}, {"mimeType", "text/markdown"},
                                                        {"text", "# Notes\n\n**read me**"}}}},
                                    json {{"type", "resource"},
                                          {"resource", {{"uri", "file:///data/blob.bin"}, {"mimeType", "application/octet-stream"},
                                                        {"blob", str(QByteArray("\x01\x02\x03\x04\x05\x06", 6).toBase64())}}}}}));
    QCOMPARE(child<QLabel>(view, QStringLiteral("uri:0"))->text(), QStringLiteral("file:///notes/readme.md"));
    auto *text = child<PeerTextBrowser>(view, QStringLiteral("text:0"));
    QVERIFY(text);
    QVERIFY(isBold(text->document(), QStringLiteral("read me")));
    QSignalSpy requested(&view, &McpResultView::resourceRequested);
    child<QPushButton>(view, QStringLiteral("readButton:0"))->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("file:///notes/readme.md"));

    QVERIFY(child<QLabel>(view, QStringLiteral("info:1"))->text().contains(QStringLiteral("application/octet-stream")));
    child<QPushButton>(view, QStringLiteral("saveButton:1"))->click();
    QCOMPARE(m_suggested, QStringLiteral("blob.bin"));
    QTRY_VERIFY(child<QLabel>(view, QStringLiteral("status:1"))->text().startsWith(QStringLiteral("Saved to")));
    QFile saved(m_dir->filePath(m_suggested));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("\x01\x02\x03\x04\x05\x06", 6));
}

void TestMcpResultView::unknownContentType_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("note");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"video","url":"https://example.invalid/v.mp4"})")
                                  << QStringLiteral("Unknown content type “video”");
    QTest::newRow("no type") << QByteArray(R"({"url":"https://example.invalid/v.mp4"})")
                             << QStringLiteral("without a type");
    QTest::newRow("text without text") << QByteArray(R"({"type":"text","url":"https://example.invalid/v.mp4"})")
                                       << QStringLiteral("without the members it needs");
}

void TestMcpResultView::unknownContentType()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, note);
    McpResultView view;
    view.showToolResult(toolResult({json::parse(block.toStdString())}));
    auto *label = child<QLabel>(view, QStringLiteral("unknownNote:0"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(note), qPrintable(label->text()));
    const QString shown = child<QPlainTextEdit>(view, QStringLiteral("json:0"))->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("\"url\": \"https://example.invalid/v.mp4\"")), qPrintable(shown));
}

void TestMcpResultView::structuredContentVerdicts_data()
{
    QTest::addColumn<QByteArray>("valid");
    QTest::addColumn<bool>("withProblems");
    QTest::addColumn<QStringList>("said");
    QTest::newRow("valid") << QByteArray("true") << false << QStringList {QStringLiteral("Matches the tool's output schema")};
    QTest::newRow("invalid") << QByteArray("false") << true
                             << QStringList {QStringLiteral("Does not match the tool's output schema"),
                                             QStringLiteral("/humidity: must be at most 100"),
                                             QStringLiteral("(the value itself): required member \"unit\" is missing")};
    QTest::newRow("unchecked") << QByteArray("null") << false << QStringList {QStringLiteral("Not checked")};
}

void TestMcpResultView::structuredContentVerdicts()
{
    QFETCH(QByteArray, valid);
    QFETCH(bool, withProblems);
    QFETCH(QStringList, said);
    QList<schema::SchemaProblem> problems;
    if (withProblems)
        problems = {{QStringLiteral("/humidity"), QStringLiteral("must be at most 100")},
                    {QString(), QStringLiteral("required member \"unit\" is missing")}};
    json result = toolResult({textBlock(QStringLiteral("22.5 degrees"))});
    result["structuredContent"] = {{"temperature", 22.5}, {"conditions", "Partly cloudy"}, {"humidity", 165}};
    McpResultView view;
    view.showToolResult(result, json::parse(valid.toStdString()), problems);
    auto *verdict = child<QLabel>(view, QStringLiteral("verdictLabel"));
    QVERIFY(verdict);
    QCOMPARE(verdict->textFormat(), Qt::PlainText);
    for (const QString &part : said)
        QVERIFY2(verdict->text().contains(part), qPrintable(verdict->text()));
    auto *tree = child<QTreeWidget>(view, QStringLiteral("structuredTree"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("conditions"));
    QVERIFY(child(view, QStringLiteral("block:0"))); // the content is still shown
}

void TestMcpResultView::toolFailureIsNotARequestFailure()
{
    McpResultView view;
    view.show();
    json result = toolResult({textBlock(QStringLiteral("Invalid departure date: must be in the future."))});
    result["isError"] = true;
    view.showToolResult(result);
    auto *failure = child(view, QStringLiteral("toolFailureBanner"));
    QVERIFY(failure && failure->isVisible());
    QVERIFY(child<QLabel>(view, QStringLiteral("toolFailureTitle"))->text().contains(QStringLiteral("The tool reported a failure")));
    QVERIFY(!child(view, QStringLiteral("errorBanner"))->isVisible());
    QVERIFY(child<PeerTextBrowser>(view, QStringLiteral("text:0"))->toPlainText().contains(QStringLiteral("Invalid departure date")));

    // isError false, or not a boolean: no banner.
    result["isError"] = "yes";
    view.showToolResult(result);
    QVERIFY(!child(view, QStringLiteral("toolFailureBanner"))->isVisible());

    mcp::McpError error;
    error.kind = mcp::McpError::Kind::Remote;
    error.code = -32602;
    error.message = QStringLiteral("Unknown tool: <b>nope</b>");
    error.data = {{"tool", "nope"}};
    view.showError(error);
    auto *banner = child(view, QStringLiteral("errorBanner"));
    QVERIFY(banner->isVisible());
    auto *label = child<QLabel>(view, QStringLiteral("errorLabel"));
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY2(label->text().contains(QStringLiteral("The server answered with error -32602: Unknown tool: <b>nope</b>")),
             qPrintable(label->text()));
    auto *data = child<QPlainTextEdit>(view, QStringLiteral("errorData"));
    QVERIFY(data->isVisible());
    QCOMPARE(data->toPlainText(), QStringLiteral("{\n  \"tool\": \"nope\"\n}"));
    // No result is shown with it, and certainly no tool failure.
    QVERIFY(!child(view, QStringLiteral("resultTabs"))->isVisible());
    QVERIFY(!child(view, QStringLiteral("toolFailureBanner"))->isVisible());
    QVERIFY(!child(view, QStringLiteral("block:0")));
}

void TestMcpResultView::requestFailures_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("said");
    QTest::newRow("timeout") << int(mcp::McpError::Kind::Timeout) << QStringLiteral("No answer came in time.");
    QTest::newRow("unreachable") << int(mcp::McpError::Kind::Unreachable) << QStringLiteral("could not be reached");
    QTest::newRow("protocol") << int(mcp::McpError::Kind::Protocol) << QStringLiteral("broke the protocol");
    QTest::newRow("cancelled") << int(mcp::McpError::Kind::Cancelled) << QStringLiteral("was cancelled");
}

void TestMcpResultView::requestFailures()
{
    QFETCH(int, kind);
    QFETCH(QString, said);
    McpResultView view;
    view.show();
    mcp::McpError error;
    error.kind = mcp::McpError::Kind(kind);
    error.message = QStringLiteral("details \u202Ehere");
    error.httpStatus = kind == int(mcp::McpError::Kind::Protocol) ? 502 : 0;
    view.showError(error);
    QVERIFY(child(view, QStringLiteral("errorBanner"))->isVisible());
    const QString text = child<QLabel>(view, QStringLiteral("errorLabel"))->text();
    QVERIFY2(text.contains(said), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("details ⟦U+202E⟧here")));
    QCOMPARE(text.contains(QStringLiteral("HTTP status 502")), kind == int(mcp::McpError::Kind::Protocol));
    QVERIFY(!child(view, QStringLiteral("errorData"))->isVisible());
    QVERIFY(!child(view, QStringLiteral("resultTabs"))->isVisible());
    // A result afterwards takes its place.
    view.showToolResult(toolResult({textBlock(QStringLiteral("fine"))}));
    QVERIFY(!child(view, QStringLiteral("errorBanner"))->isVisible());
    QVERIFY(child(view, QStringLiteral("resultTabs"))->isVisible());
}

void TestMcpResultView::readResultTextAndBlob()
{
    const QByteArray image = png(Qt::green);
    McpResultView view;
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showReadResult(json {{"contents",
                               {{{"uri", "file:///a.json"}, {"mimeType", "application/json"}, {"text", "{\"k\":[true]}"}},
                                {{"uri", "file:///b.md"}, {"mimeType", "text/markdown; charset=utf-8"}, {"text", "**strong**"}},
                                {{"uri", "file:///c.txt"}, {"mimeType", "text/plain"}, {"text", "**literal** {\"a\":1}"}},
                                {{"uri", "file:///d.png"}, {"mimeType", "image/png"}, {"blob", str(image.toBase64())}},
                                {{"uri", "file:///e.bin"}, {"mimeType", "application/zip"}, {"blob", str(QByteArray(3000, 'z').toBase64())}}}}});
    for (int i = 0; i < 5; ++i)
        QVERIFY(child(view, QStringLiteral("block:%1").arg(i)));
    QCOMPARE(child<QLabel>(view, QStringLiteral("uri:0"))->text(), QStringLiteral("file:///a.json"));
    QCOMPARE(child<QPlainTextEdit>(view, QStringLiteral("json:0"))->toPlainText(), QStringLiteral("{\n  \"k\": [\n    true\n  ]\n}"));
    QVERIFY(isBold(child<PeerTextBrowser>(view, QStringLiteral("text:1"))->document(), QStringLiteral("strong")));
    QCOMPARE(child<PeerTextBrowser>(view, QStringLiteral("text:2"))->toPlainText(), QStringLiteral("**literal** {\"a\":1}"));
    QVERIFY(!child(view, QStringLiteral("json:2")));
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY(child(view, QStringLiteral("image:3"))->isVisibleTo(&view));
    QVERIFY(child<QLabel>(view, QStringLiteral("info:3"))->text().contains(QStringLiteral("4 × 4")));
    const QString info = child<QLabel>(view, QStringLiteral("info:4"))->text();
    QVERIFY2(info.contains(QStringLiteral("application/zip")) && info.contains(QLocale().formattedDataSize(3000)), qPrintable(info));
    child<QPushButton>(view, QStringLiteral("saveButton:4"))->click();
    QCOMPARE(m_suggested, QStringLiteral("e.bin"));
    QTRY_VERIFY(QFileInfo(m_dir->filePath(m_suggested)).size() == 3000);
}

void TestMcpResultView::promptResultMessages()
{
    McpResultView view;
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showPromptResult(json {{"description", "Code review <i>prompt</i>"},
                                {"messages",
                                 {{{"role", "user"}, {"content", {{"type", "text"}, {"text", "Please review this code"}}}},
                                  {{"role", "assistant"},
                                   {"content", {{"type", "image"}, {"mimeType", "image/png"}, {"data", str(png(Qt::blue).toBase64())}}}},
                                  {{"role", "user"},
                                   {"content", {{"type", "resource"},
                                                {"resource", {{"uri", "file:///x.py"}, {"mimeType", "text/x-python"}, {"text", "print(1)"}}}}}}}}});
    auto *description = child<QLabel>(view, QStringLiteral("promptDescription"));
    QVERIFY(description);
    QCOMPARE(description->textFormat(), Qt::PlainText);
    QCOMPARE(description->text(), QStringLiteral("Code review <i>prompt</i>"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("role:0"))->text(), QStringLiteral("user"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("role:1"))->text(), QStringLiteral("assistant"));
    QCOMPARE(child<PeerTextBrowser>(view, QStringLiteral("text:0"))->toPlainText(), QStringLiteral("Please review this code"));
    QVERIFY(ready.wait(10000));
    QVERIFY2(child(view, QStringLiteral("image:1"))->isVisibleTo(&view),
             qPrintable(child<QLabel>(view, QStringLiteral("imageStatus:1"))->text()));
    QCOMPARE(child<PeerTextBrowser>(view, QStringLiteral("text:2"))->toPlainText(), QStringLiteral("print(1)"));
    QVERIFY(child(view, QStringLiteral("readButton:2")));
}

void TestMcpResultView::rawViewShowsTheWholeResult()
{
    McpResultView view;
    json result = toolResult({textBlock(QStringLiteral("hi"))});
    result["structuredContent"] = {{"n", 1}};
    view.showToolResult(result);
    auto *raw = child<QPlainTextEdit>(view, QStringLiteral("rawView"));
    QVERIFY(raw && raw->isReadOnly());
    QCOMPARE(raw->toPlainText(), QString::fromStdString(result.dump(2)));
    auto *tabs = child<QTabWidget>(view, QStringLiteral("resultTabs"));
    QCOMPARE(tabs->count(), 2);
    QVERIFY(tabs->widget(1)->isAncestorOf(raw));
}

void TestMcpResultView::clearRemovesEverything()
{
    McpResultView view;
    view.show();
    json result = toolResult({textBlock(QStringLiteral("one")), json {{"type", "image"}, {"mimeType", "image/png"}, {"data", str(png(Qt::red).toBase64())}}});
    result["isError"] = true;
    result["structuredContent"] = {{"n", 1}};
    view.showToolResult(result, true);
    QVERIFY(view.isBusy());
    view.clear();
    QVERIFY(!view.isBusy());
    QVERIFY(!child(view, QStringLiteral("block:0")));
    QVERIFY(!child(view, QStringLiteral("block:1")));
    QVERIFY(!child(view, QStringLiteral("verdictLabel")));
    QVERIFY(!child(view, QStringLiteral("structuredTree")));
    QVERIFY(!child(view, QStringLiteral("toolFailureBanner"))->isVisible());
    QVERIFY(!child(view, QStringLiteral("errorBanner"))->isVisible());
    QVERIFY(child<QPlainTextEdit>(view, QStringLiteral("rawView"))->toPlainText().isEmpty());
    QVERIFY(child(view, QStringLiteral("resultBlocks")));
    QCOMPARE(child(view, QStringLiteral("resultBlocks"))->findChildren<QWidget *>().size(), 0);
}

void TestMcpResultView::staleWorkIsDropped()
{
    const auto big = [](const char *word) {
        std::string text = "[";
        while (text.size() < 400 * 1024)
            text += std::string("\"") + word + "\",";
        text += "1]";
        return text;
    };
    McpResultView view;
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showToolResult(toolResult({json {{"type", "text"}, {"text", big("first")}}}));
    QVERIFY(view.isBusy());
    view.clear();
    view.showToolResult(toolResult({json {{"type", "text"}, {"text", big("second")}}}));
    QVERIFY(ready.wait(30000));
    QTest::qWait(200); // anything late for the first result would come by now
    QCOMPARE(ready.count(), 1);
    const QString shown = child<QPlainTextEdit>(view, QStringLiteral("json:0"))->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("\"second\"")));
    QVERIFY(!shown.contains(QStringLiteral("\"first\"")));
}

void TestMcpResultView::screenshot()
{
    const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("Set CROSSTALK_SCREENSHOT_DIR to keep a picture of the view.");
    QImage picture(320, 120, QImage::Format_ARGB32);
    QPainter painter(&picture);
    QLinearGradient gradient(0, 0, 320, 120);
    gradient.setColorAt(0, QColor(0x1e, 0x88, 0xe5));
    gradient.setColorAt(1, QColor(0x8e, 0x24, 0xaa));
    painter.fillRect(picture.rect(), gradient);
    painter.setPen(Qt::white);
    painter.drawText(picture.rect(), Qt::AlignCenter, QStringLiteral("chart.png"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");

    json result = toolResult(
        {textBlock(QStringLiteral("## Weather report\n\nIt is **22.5 °C** and *partly cloudy*; `humidity` is high.\n\n"
                                  "- source: [station 7](https://example.invalid/7)\n- <b>raw html</b> stays text\n")),
         textBlock(QStringLiteral("{\"temperature\": 22.5, \"conditions\": \"Partly cloudy\", \"humidity\": 165}")),
         json {{"type", "image"}, {"mimeType", "image/png"}, {"data", str(bytes.toBase64())}},
         json {{"type", "resource_link"}, {"uri", "file:///reports/2026-07.csv"}, {"name", "2026-07.csv"},
               {"title", "July readings"}, {"description", "All readings of the month"}, {"mimeType", "text/csv"}, {"size", 48213}}});
    result["isError"] = true;
    result["structuredContent"] = {{"temperature", 22.5}, {"conditions", "Partly cloudy"}, {"humidity", 165}};
    McpResultView view;
    view.resize(900, 1400);
    QSignalSpy ready(&view, &McpResultView::ready);
    view.showToolResult(result, false, {{QStringLiteral("/humidity"), QStringLiteral("must be at most 100")}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    QTest::qWait(100);
    QVERIFY(view.grab().save(dir + QStringLiteral("/mcpresultview.png")));

    mcp::McpError error;
    error.kind = mcp::McpError::Kind::Remote;
    error.code = -32602;
    error.message = QStringLiteral("Unknown tool: get_wether");
    error.data = {{"tool", "get_wether"}, {"known", {"get_weather", "get_forecast"}}};
    view.resize(900, 400);
    view.showError(error);
    QTest::qWait(100);
    QVERIFY(view.grab().save(dir + QStringLiteral("/mcpresultview-error.png")));
}

QTEST_MAIN(TestMcpResultView)
#include "tst_mcpresultview.moc"
