#include "McpResultView.h"

#include "FileHandoff.h"
#include "JsonHighlighter.h"
#include "JsonTree.h"
#include "PartsView.h"
#include "PeerText.h"
#include "util/BoundedJson.h"
#include "util/HiddenText.h"
#include "util/Utf8.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>
#include <vector>

namespace crosstalk::ui {

using nlohmann::json;

namespace {

/// Texts, images and JSON larger than this are laid out or decoded off the GUI thread.
constexpr qsizetype OffThreadBytes = 256 * 1024;
/// At most this much of a text (or of a JSON layout) is shown; the rest can be saved.
constexpr qsizetype MaxShownChars = 128 * 1024;
/// Longer texts are shown as plain text: Markdown is laid out on the GUI thread.
constexpr qsizetype MaxMarkdownChars = PartsView::MaxMarkdownChars;
/// A line of a JSON layout longer than this is cut (one line of megabytes
/// would take the text view seconds to lay out).
constexpr qsizetype MaxLineChars = 4 * 1024;
constexpr int MaxJsonDepth = 128;
constexpr int MaxBlocks = 100;
constexpr int MaxListedProblems = 50;
/// Base64 larger than this (about 36 MB of image) is not decoded for showing.
constexpr qsizetype MaxImageBase64 = 48 * 1024 * 1024;
constexpr int MaxImagePixels = 64 * 1024 * 1024;
/// Images are shown from a copy at most this large on each side.
constexpr int MaxShownImageSide = 1600;
constexpr int MaxImageHeight = 480;
constexpr int MaxViewerLines = 24;
/// Plain text longer than this goes into a scrolling viewer that lays out
/// only what is in sight; shorter text is shown whole, as high as it is.
constexpr qsizetype MaxInlineTextChars = 16 * 1024;
constexpr int MaxTreeRows = 16;

QString objectNameOf(const char *prefix, int index)
{
    return QLatin1String(prefix) + QLatin1Char(':') + QString::number(index);
}

// --- JSON access that never throws --------------------------------------

const json *member(const json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const std::string *stringMember(const json &object, const char *key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? &value->get_ref<const std::string &>() : nullptr;
}

QString stringOf(const json &object, const char *key)
{
    const std::string *value = stringMember(object, key);
    return value ? utf8ToString(*value) : QString();
}

/// The size of what base64 text decodes to (about, for text that is not base64).
qint64 base64Bytes(const std::string &data)
{
    qint64 padding = 0;
    for (auto it = data.rbegin(); it != data.rend() && *it == '=' && padding < 2; ++it)
        ++padding;
    return qMax<qint64>(0, qint64(data.size()) * 3 / 4 - padding);
}

QByteArray bytesOf(const std::string &data)
{
    return QByteArray(data.data(), qsizetype(data.size()));
}

QString mimeName(const QString &mimeType)
{
    return mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

// --- Text laid out (on whichever thread) ---------------------------------

enum class TextKind {
    Auto,     ///< a content block's text: JSON when it is JSON, Markdown otherwise
    Markdown,
    Json,     ///< pretty when it parses, plain otherwise
    Plain,
};

struct TextLayout
{
    enum class As { Plain, Markdown, Json };
    As as = As::Plain;
    QString text;             ///< as shown: cut, hidden characters revealed
    qsizetype totalChars = 0; ///< of all of it, as laid out
    bool cut = false;
    bool hidden = false;
    bool tooLongForMarkdown = false;
};

/// Where to cut a text to at most `limit` characters without splitting a surrogate pair.
qsizetype cutAt(QStringView text, qsizetype limit)
{
    if (text.size() <= limit)
        return text.size();
    return text.at(limit - 1).isHighSurrogate() ? limit - 1 : limit;
}

/// Characters that hide or reorder text written as \uXXXX escapes. In JSON
/// text they can only stand inside strings, where that is the same JSON.
QString escapeHidden(const QString &text, bool *found)
{
    if (!hasHiddenCharacters(text))
        return text;
    *found = true;
    QString out;
    out.reserve(text.size() + 64);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        qsizetype length = 1;
        char32_t codePoint = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(c, text.at(i + 1));
            length = 2;
        }
        if (isHiddenCodePoint(codePoint)) {
            for (qsizetype k = 0; k < length; ++k)
                out += QStringLiteral("\\u%1").arg(uint(text.at(i + k).unicode()), 4, 16, QLatin1Char('0'));
        } else {
            out += QStringView(text).mid(i, length);
        }
        i += length - 1;
    }
    return out;
}

TextLayout layOutJson(const json &value)
{
    TextLayout out;
    out.as = TextLayout::As::Json;
    QString text = utf8ToString(value.dump(2, ' ', false, json::error_handler_t::replace));
    out.totalChars = text.size();
    if (text.size() > MaxShownChars) {
        qsizetype at = text.lastIndexOf(QLatin1Char('\n'), MaxShownChars - 1);
        if (at < MaxShownChars / 2)
            at = cutAt(text, MaxShownChars);
        text.truncate(at);
        out.cut = true;
    }
    // A string of megabytes is one line: it is cut, for the view's sake.
    QString lines;
    lines.reserve(text.size());
    for (qsizetype start = 0;;) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        const bool last = end < 0;
        if (last)
            end = text.size();
        const QStringView line = QStringView(text).mid(start, end - start);
        if (line.size() > MaxLineChars) {
            lines += line.left(cutAt(line, MaxLineChars));
            lines += QStringLiteral(" …");
            out.cut = true;
        } else {
            lines += line;
        }
        if (last)
            break;
        lines += QLatin1Char('\n');
        start = end + 1;
    }
    text = lines;
    out.text = escapeHidden(text, &out.hidden);
    return out;
}

bool startsLikeJson(const std::string &text)
{
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

TextLayout layOutText(const std::string &utf8, TextKind kind)
{
    if (kind == TextKind::Json || (kind == TextKind::Auto && startsLikeJson(utf8))) {
        JsonReadError error;
        if (std::optional<json> parsed = readJson(QByteArrayView(utf8.data(), qsizetype(utf8.size())), MaxJsonDepth, &error))
            return layOutJson(*parsed);
    }
    TextLayout out;
    QString text = utf8ToString(utf8);
    out.totalChars = text.size();
    if (text.size() > MaxShownChars) {
        text.truncate(cutAt(text, MaxShownChars));
        out.cut = true;
    }
    out.hidden = hasHiddenCharacters(text);
    if (out.hidden)
        text = revealHiddenCharacters(text);
    const bool markdown = kind == TextKind::Auto || kind == TextKind::Markdown;
    if (markdown && text.size() <= MaxMarkdownChars) {
        out.as = TextLayout::As::Markdown;
    } else {
        out.as = TextLayout::As::Plain;
        out.tooLongForMarkdown = markdown;
    }
    out.text = text;
    return out;
}

TextKind kindForMime(const QString &mimeType)
{
    const QString type = mimeName(mimeType);
    if (type == QLatin1String("text/markdown") || type == QLatin1String("text/x-markdown"))
        return TextKind::Markdown;
    if (type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json")))
        return TextKind::Json;
    return TextKind::Plain;
}

QString suffixForLayout(const TextLayout &laid)
{
    switch (laid.as) {
    case TextLayout::As::Json: return QStringLiteral("json");
    case TextLayout::As::Markdown: return QStringLiteral("md");
    case TextLayout::As::Plain: break;
    }
    return QStringLiteral("txt");
}

// --- Images ---------------------------------------------------------------

struct DecodedImage
{
    QImage image;     ///< a copy at most MaxShownImageSide on each side
    QSize size;       ///< of the image itself
    qint64 bytes = 0;
    QString error;
};

DecodedImage decodeImage(const std::string &base64)
{
    DecodedImage out;
    if (qsizetype(base64.size()) > MaxImageBase64) {
        out.error = McpResultView::tr("The image is too large to show here; save it to look at it.");
        return out;
    }
    auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromRawData(base64.data(), qsizetype(base64.size())),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        out.error = McpResultView::tr("The image could not be read: its data is not valid base64.");
        return out;
    }
    QByteArray bytes = std::move(decoded.decoded);
    out.bytes = bytes.size();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format.startsWith("svg")) {
        // An SVG can name other files to draw; nothing a peer names is loaded.
        out.error = McpResultView::tr("SVG images are not shown here (they can refer to other files); save it to look at it.");
        return out;
    }
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > MaxImagePixels) {
        out.size = size;
        out.error = McpResultView::tr("The image is too large to show here (%1 × %2 pixels); save it to look at it.")
                        .arg(size.width())
                        .arg(size.height());
        return out;
    }
    QImage image = reader.read();
    if (image.isNull()) {
        out.error = McpResultView::tr("The image could not be read: %1").arg(reader.errorString());
        return out;
    }
    out.size = image.size();
    if (image.width() > MaxShownImageSide || image.height() > MaxShownImageSide)
        image = image.scaled(MaxShownImageSide, MaxShownImageSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    out.image = image;
    return out;
}

/// An image scaled down to the width it is given (never up), keeping its
/// proportions, at most MaxImageHeight high.
class FittedImage : public QWidget
{
public:
    explicit FittedImage(QWidget *parent)
        : QWidget(parent)
    {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    void setImage(const QImage &image)
    {
        m_pixmap = QPixmap::fromImage(image);
        updateGeometry();
        update();
    }

    QSize sizeHint() const override { return fitted(m_pixmap.width()); }
    QSize minimumSizeHint() const override { return {0, 0}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return fitted(width).height(); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_pixmap.isNull())
            return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawPixmap(QRect(QPoint(0, 0), fitted(width())), m_pixmap);
    }

private:
    QSize fitted(int width) const
    {
        if (m_pixmap.isNull() || width <= 0)
            return {0, 0};
        QSize size = m_pixmap.size();
        if (size.width() > width || size.height() > MaxImageHeight)
            size.scale(qMin(width, size.width()), qMin(MaxImageHeight, size.height()), Qt::KeepAspectRatio);
        return size;
    }

    QPixmap m_pixmap;
};

// --- Small widgets ----------------------------------------------------------

QLabel *plainLabel(const QString &text, QWidget *parent, const QString &objectName = {})
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    label->setWordWrap(true);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

/// A label for text from the server: plain text, hidden characters shown.
QLabel *peerLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    setPeerText(label, text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setObjectName(objectName);
    return label;
}

void setColor(QWidget *widget, QPalette::ColorRole role, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(role, color);
    widget->setPalette(palette);
}

QFrame *banner(QWidget *parent, const QString &objectName, const QColor &background, const QColor &text)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette palette = frame->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, text);
    frame->setPalette(palette);
    return frame;
}

void makeBold(QLabel *label, qreal scale = 1.0)
{
    QFont font = label->font();
    font.setBold(true);
    if (scale != 1.0)
        font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
}

/// A JSON viewer as high as its text, up to MaxViewerLines lines.
void fitViewer(QPlainTextEdit *viewer)
{
    const int lines = qBound(1, viewer->document()->blockCount(), MaxViewerLines);
    const int margins = 2 * viewer->frameWidth() + int(2 * viewer->document()->documentMargin());
    viewer->setFixedHeight(lines * viewer->fontMetrics().lineSpacing() + margins
                           + viewer->horizontalScrollBar()->sizeHint().height() + 2);
}

} // namespace

// ---------------------------------------------------------------------------

struct McpResultView::Private
{
    McpResultView *q;
    /// One worker: layouts and decodes run in the order they were asked for.
    QThreadPool pool;
    /// Raised by clear(): what a worker brings back for an older result is dropped.
    quint64 generation = 0;
    int pending = 0;
    /// The result shown, shared with the workers (read only, never changed).
    std::shared_ptr<const json> result;

    QFrame *errorBanner = nullptr;
    QLabel *errorTitle = nullptr;
    QLabel *errorLabel = nullptr;
    QPlainTextEdit *errorData = nullptr;
    QTabWidget *tabs = nullptr;
    QScrollArea *scroll = nullptr;
    QPlainTextEdit *rawView = nullptr;
    QLabel *rawNote = nullptr;

    // The page for one result, made anew by clear().
    QWidget *page = nullptr;
    QVBoxLayout *pageLayout = nullptr;
    QFrame *failureBanner = nullptr;
    QWidget *blocks = nullptr;
    QVBoxLayout *blocksLayout = nullptr;
    QHash<int, QLabel *> statusLabels;

    explicit Private(McpResultView *view)
        : q(view)
    {
    }

    template <typename Work, typename Show>
    void offThread(Work work, Show show);

    void newPage();
    QFrame *newBlock(int index, QVBoxLayout **layout);
    QLabel *statusLabel(int index);
    void setStatus(int index, const QString &text);

    void addContentBlock(QFrame *frame, QVBoxLayout *layout, int index, const json &block);
    void addCaption(QWidget *frame, QVBoxLayout *layout, int index, const QString &text);
    void addText(QWidget *frame, QVBoxLayout *layout, int index, const std::string &text, TextKind kind);
    void addJson(QWidget *frame, QVBoxLayout *layout, int index, const json &value);
    void addLaidOut(QWidget *frame, QVBoxLayout *layout, int index, bool large, std::function<TextLayout()> work,
                    const std::string *source);
    void showLaidOut(QWidget *slot, QVBoxLayout *layout, int index, const TextLayout &laid, const std::string *source);
    void addImage(QWidget *frame, QVBoxLayout *layout, int index, const std::string &base64, const QString &mimeType,
                  const QString &saveName);
    void addAudio(QWidget *frame, QVBoxLayout *layout, int index, const std::string &base64, const QString &mimeType);
    void addResourceLink(QWidget *frame, QVBoxLayout *layout, int index, const json &block);
    void addResourceContents(QWidget *frame, QVBoxLayout *layout, int index, const json &contents);
    void addUnknown(QWidget *frame, QVBoxLayout *layout, int index, const json &block, const QString &note);
    void addReadButton(QWidget *frame, QVBoxLayout *layout, int index, const QString &uri, const QString &text);
    QPushButton *addSaveButton(QWidget *parent, QHBoxLayout *row, int index, const QString &name,
                               std::function<QByteArray()> produce);
    void addStructured(const json &result, const json &outputValid, const QList<schema::SchemaProblem> &problems);
    void addNote(const QString &text, const char *objectName);
    void showRaw(const json &value);
    void save(int index, const QString &name, std::function<QByteArray()> produce);
};

template <typename Work, typename Show>
void McpResultView::Private::offThread(Work work, Show show)
{
    ++pending;
    const quint64 asked = generation;
    McpResultView *view = q;
    // The view waits for its worker before it goes, so the answer always
    // finds it; one that comes after clear() is dropped.
    pool.start([view, asked, work, show] {
        auto made = work();
        QMetaObject::invokeMethod(
            view,
            [view, asked, show, made] {
                if (view->d->generation != asked)
                    return;
                show(made);
                if (--view->d->pending == 0)
                    emit view->ready();
            },
            Qt::QueuedConnection);
    });
}

void McpResultView::Private::newPage()
{
    if (page) {
        // Taken off at once (a new result may be shown from a button of the
        // old one), deleted once control is back in the event loop.
        QWidget *old = scroll->takeWidget();
        old->hide();
        old->deleteLater();
    }
    statusLabels.clear();
    page = new QWidget;
    page->setObjectName(QStringLiteral("resultPage"));
    pageLayout = new QVBoxLayout(page);

    failureBanner = banner(page, QStringLiteral("toolFailureBanner"), QColor(0xfff4d6), QColor(0x3d2b00));
    auto *failureLayout = new QVBoxLayout(failureBanner);
    failureLayout->setContentsMargins(10, 6, 10, 6);
    auto *failureTitle = plainLabel(tr("⚠ The tool reported a failure"), failureBanner, QStringLiteral("toolFailureTitle"));
    makeBold(failureTitle);
    failureLayout->addWidget(failureTitle);
    failureLayout->addWidget(plainLabel(tr("The request itself succeeded: the tool ran and said it failed (isError). "
                                           "What it returned is shown below."),
                                        failureBanner));
    failureBanner->setVisible(false);
    pageLayout->addWidget(failureBanner);

    blocks = new QWidget(page);
    blocks->setObjectName(QStringLiteral("resultBlocks"));
    blocksLayout = new QVBoxLayout(blocks);
    blocksLayout->setContentsMargins(0, 0, 0, 0);
    blocksLayout->setSpacing(8);
    pageLayout->addWidget(blocks);
    pageLayout->addStretch(1);
    scroll->setWidget(page);
}

QFrame *McpResultView::Private::newBlock(int index, QVBoxLayout **layout)
{
    auto *frame = new QFrame(blocks);
    frame->setObjectName(objectNameOf("block", index));
    frame->setFrameShape(QFrame::StyledPanel);
    *layout = new QVBoxLayout(frame);
    (*layout)->setContentsMargins(8, 6, 8, 8);
    (*layout)->setSpacing(4);
    blocksLayout->addWidget(frame);
    return frame;
}

QLabel *McpResultView::Private::statusLabel(int index)
{
    return statusLabels.value(index);
}

void McpResultView::Private::setStatus(int index, const QString &text)
{
    if (QLabel *label = statusLabel(index)) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
}

void McpResultView::Private::addCaption(QWidget *frame, QVBoxLayout *layout, int index, const QString &text)
{
    auto *caption = plainLabel(text, frame, objectNameOf("caption", index));
    makeBold(caption);
    setColor(caption, QPalette::WindowText, QColor(0x55, 0x55, 0x55));
    layout->addWidget(caption);
}

void McpResultView::Private::addContentBlock(QFrame *frame, QVBoxLayout *layout, int index, const json &block)
{
    const std::string *typeValue = stringMember(block, "type");
    const QString type = typeValue ? utf8ToString(*typeValue) : QString();
    if (type == QLatin1String("text") && stringMember(block, "text")) {
        addCaption(frame, layout, index, tr("Text"));
        addText(frame, layout, index, *stringMember(block, "text"), TextKind::Auto);
    } else if (type == QLatin1String("image") && stringMember(block, "data")) {
        addCaption(frame, layout, index, tr("Image"));
        const QString mimeType = stringOf(block, "mimeType");
        const QString suffix = FileHandoff::suffixFor(mimeType);
        addImage(frame, layout, index, *stringMember(block, "data"), mimeType,
                 QStringLiteral("image.") + (suffix.isEmpty() ? QStringLiteral("bin") : suffix));
    } else if (type == QLatin1String("audio") && stringMember(block, "data")) {
        addCaption(frame, layout, index, tr("Audio"));
        addAudio(frame, layout, index, *stringMember(block, "data"), stringOf(block, "mimeType"));
    } else if (type == QLatin1String("resource_link") && stringMember(block, "uri")) {
        addCaption(frame, layout, index, tr("Resource link"));
        addResourceLink(frame, layout, index, block);
    } else if (type == QLatin1String("resource") && member(block, "resource") && member(block, "resource")->is_object()) {
        addCaption(frame, layout, index, tr("Embedded resource"));
        const json &resource = *member(block, "resource");
        addResourceContents(frame, layout, index, resource);
        if (stringMember(resource, "uri"))
            addReadButton(frame, layout, index, stringOf(resource, "uri"), tr("Read Again"));
    } else if (type == QLatin1String("text") || type == QLatin1String("image") || type == QLatin1String("audio")
               || type == QLatin1String("resource_link") || type == QLatin1String("resource")) {
        addUnknown(frame, layout, index, block, tr("A “%1” block without the members it needs; shown as JSON.").arg(type));
    } else if (!typeValue) {
        addUnknown(frame, layout, index, block, tr("A content block without a type; shown as JSON."));
    } else {
        addUnknown(frame, layout, index, block,
                   tr("Unknown content type “%1”; shown as JSON.").arg(revealHiddenCharacters(type)));
    }
    auto *status = plainLabel(QString(), frame, objectNameOf("status", index));
    status->setVisible(false);
    layout->addWidget(status);
    statusLabels.insert(index, status);
}

void McpResultView::Private::addText(QWidget *frame, QVBoxLayout *layout, int index, const std::string &text, TextKind kind)
{
    // `text` lives in `result`, which the work keeps alive.
    const std::shared_ptr<const json> keep = result;
    const std::string *source = &text;
    addLaidOut(frame, layout, index, qsizetype(text.size()) > OffThreadBytes,
               [keep, source, kind] { return layOutText(*source, kind); }, source);
}

void McpResultView::Private::addJson(QWidget *frame, QVBoxLayout *layout, int index, const json &value)
{
    const std::shared_ptr<const json> keep = result;
    const json *source = &value;
    addLaidOut(frame, layout, index, approxJsonBytes(value, OffThreadBytes) > size_t(OffThreadBytes),
               [keep, source] { return layOutJson(*source); }, nullptr);
}

void McpResultView::Private::addLaidOut(QWidget *frame, QVBoxLayout *layout, int index, bool large,
                                        std::function<TextLayout()> work, const std::string *source)
{
    auto *slot = new QWidget(frame);
    auto *slotLayout = new QVBoxLayout(slot);
    slotLayout->setContentsMargins(0, 0, 0, 0);
    slotLayout->setSpacing(4);
    layout->addWidget(slot);
    if (!large) {
        showLaidOut(slot, slotLayout, index, work(), source);
        return;
    }
    auto *placeholder = plainLabel(tr("Laying out…"), slot, objectNameOf("layingOut", index));
    slotLayout->addWidget(placeholder);
    offThread(work, [this, slot, slotLayout, index, placeholder, source](const TextLayout &laid) {
        delete placeholder;
        showLaidOut(slot, slotLayout, index, laid, source);
    });
}

void McpResultView::Private::showLaidOut(QWidget *slot, QVBoxLayout *layout, int index, const TextLayout &laid,
                                         const std::string *source)
{
    if (laid.hidden) {
        auto *warning = plainLabel(laid.as == TextLayout::As::Json
                                       ? tr("⚠ This text holds hidden characters; they are shown as \\uXXXX escapes.")
                                       : tr("⚠ This text holds hidden characters; they are shown as ⟦U+…⟧."),
                                   slot, objectNameOf("hiddenWarning", index));
        setColor(warning, QPalette::WindowText, QColor(0xb2, 0x6a, 0x00));
        layout->addWidget(warning);
    }
    if (laid.as == TextLayout::As::Json) {
        QPlainTextEdit *viewer = JsonHighlighter::makeViewer(slot, objectNameOf("json", index));
        viewer->setPlainText(laid.text);
        fitViewer(viewer);
        layout->addWidget(viewer);
    } else if (laid.as == TextLayout::As::Plain && laid.text.size() > MaxInlineTextChars) {
        auto *viewer = new QPlainTextEdit(slot);
        viewer->setObjectName(objectNameOf("text", index));
        viewer->setReadOnly(true);
        viewer->setPlainText(laid.text);
        fitViewer(viewer);
        layout->addWidget(viewer);
        if (laid.tooLongForMarkdown)
            layout->addWidget(plainLabel(tr("Too long to lay out as Markdown: shown as plain text."), slot,
                                         objectNameOf("plainNote", index)));
    } else {
        auto *browser = new PeerTextBrowser(slot);
        browser->setObjectName(objectNameOf("text", index));
        // Links are not followed: where one leads shows as its tooltip.
        if (laid.as == TextLayout::As::Markdown)
            browser->showMarkdown(laid.text);
        else
            browser->showPlain(laid.text);
        layout->addWidget(browser);
        if (laid.tooLongForMarkdown)
            layout->addWidget(plainLabel(tr("Too long to lay out as Markdown: shown as plain text."), slot,
                                         objectNameOf("plainNote", index)));
    }
    if (!laid.cut)
        return;
    auto *row = new QHBoxLayout;
    const QLocale locale;
    row->addWidget(plainLabel(tr("Showing the first %1 of %2 characters.")
                                  .arg(locale.toString(qlonglong(laid.text.size())), locale.toString(qlonglong(laid.totalChars))),
                              slot, objectNameOf("cutNote", index)),
                   1);
    if (source) {
        const std::shared_ptr<const json> keep = result;
        addSaveButton(slot, row, index, QStringLiteral("text.") + suffixForLayout(laid),
                      [keep, source] { return bytesOf(*source); })
            ->setText(tr("Save All…"));
    }
    layout->addLayout(row);
}

QPushButton *McpResultView::Private::addSaveButton(QWidget *parent, QHBoxLayout *row, int index, const QString &name,
                                                   std::function<QByteArray()> produce)
{
    auto *button = new QPushButton(tr("Save…"), parent);
    button->setObjectName(objectNameOf("saveButton", index));
    QObject::connect(button, &QPushButton::clicked, q, [this, index, name, produce] { save(index, name, produce); });
    row->addWidget(button);
    return button;
}

void McpResultView::Private::save(int index, const QString &name, std::function<QByteArray()> produce)
{
    const quint64 asked = generation;
    FileHandoff::save(q, name, std::move(produce), [this, asked, index](const QString &path, const QString &error) {
        if (generation != asked)
            return;
        setStatus(index, error.isEmpty() ? tr("Saved to %1.").arg(path) : tr("Could not save to %1: %2").arg(path, error));
    });
}

void McpResultView::Private::addImage(QWidget *frame, QVBoxLayout *layout, int index, const std::string &base64,
                                      const QString &mimeType, const QString &saveName)
{
    const QString facts = (mimeType.isEmpty() ? tr("no type given") : revealHiddenCharacters(mimeType)) + QStringLiteral(" · ")
        + QLocale().formattedDataSize(base64Bytes(base64));
    auto *row = new QHBoxLayout;
    auto *info = plainLabel(facts, frame, objectNameOf("info", index));
    row->addWidget(info, 1);
    const std::shared_ptr<const json> keep = result;
    const std::string *source = &base64;
    addSaveButton(frame, row, index, saveName, [keep, source] { return QByteArray::fromBase64(bytesOf(*source)); });
    layout->addLayout(row);
    auto *status = plainLabel(tr("Reading the image…"), frame, objectNameOf("imageStatus", index));
    layout->addWidget(status);
    auto *picture = new FittedImage(frame);
    picture->setObjectName(objectNameOf("image", index));
    picture->setVisible(false);
    layout->addWidget(picture);
    // Decoded off the GUI thread, small or not: a small file can hold a huge picture.
    offThread([keep, source] { return decodeImage(*source); },
              [info, status, picture, facts](const DecodedImage &decoded) {
                  if (!decoded.error.isEmpty()) {
                      status->setText(decoded.error);
                      setColor(status, QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
                      return;
                  }
                  info->setText(facts + QStringLiteral(" · ")
                                + tr("%1 × %2 pixels").arg(decoded.size.width()).arg(decoded.size.height()));
                  status->setVisible(false);
                  picture->setImage(decoded.image);
                  picture->setVisible(true);
              });
}

void McpResultView::Private::addAudio(QWidget *frame, QVBoxLayout *layout, int index, const std::string &base64,
                                      const QString &mimeType)
{
    auto *row = new QHBoxLayout;
    row->addWidget(plainLabel((mimeType.isEmpty() ? tr("no type given") : revealHiddenCharacters(mimeType))
                                  + QStringLiteral(" · ") + QLocale().formattedDataSize(base64Bytes(base64)),
                              frame, objectNameOf("info", index)),
                   1);
    const std::shared_ptr<const json> keep = result;
    const std::string *source = &base64;
    const auto produce = [keep, source] { return QByteArray::fromBase64(bytesOf(*source)); };
    const QString suffix = FileHandoff::suffixFor(mimeType);
    addSaveButton(frame, row, index, QStringLiteral("audio.") + (suffix.isEmpty() ? QStringLiteral("bin") : suffix), produce);
    auto *open = new QPushButton(tr("Open with Player"), frame);
    open->setObjectName(objectNameOf("openButton", index));
    if (!mimeName(mimeType).startsWith(QLatin1String("audio/")) || suffix.isEmpty()) {
        open->setEnabled(false);
        open->setToolTip(peerToolTip(tr("The type “%1” is not an audio type known here, so no player can be chosen for it.")
                                         .arg(mimeType)));
    } else {
        open->setToolTip(tr("Writes it to a temporary file and opens that with the system's player"));
    }
    QObject::connect(open, &QPushButton::clicked, q, [this, index, mimeType, produce] {
        const quint64 asked = generation;
        setStatus(index, tr("Opening…"));
        FileHandoff::open(q, mimeName(mimeType), produce, [this, asked, index](const QString &path, const QString &error) {
            if (generation != asked)
                return;
            setStatus(index, error.isEmpty() ? tr("Opened %1 with the system's player.").arg(path)
                                             : tr("Not opened: %1").arg(error));
        });
    });
    row->addWidget(open);
    layout->addLayout(row);
}

void McpResultView::Private::addResourceLink(QWidget *frame, QVBoxLayout *layout, int index, const json &block)
{
    const QString name = stringOf(block, "name");
    const QString title = stringOf(block, "title");
    const QString uri = stringOf(block, "uri");
    QString heading = title.isEmpty() ? name : title;
    if (!title.isEmpty() && !name.isEmpty() && title != name)
        heading = tr("%1 (%2)").arg(title, name);
    if (!heading.isEmpty()) {
        auto *label = peerLabel(heading, frame, objectNameOf("title", index));
        makeBold(label);
        layout->addWidget(label);
    }
    layout->addWidget(peerLabel(uri, frame, objectNameOf("uri", index)));
    if (const QString description = stringOf(block, "description"); !description.isEmpty())
        layout->addWidget(peerLabel(description, frame, objectNameOf("description", index)));
    QStringList facts;
    if (const QString mimeType = stringOf(block, "mimeType"); !mimeType.isEmpty())
        facts << revealHiddenCharacters(mimeType);
    if (const json *size = member(block, "size"); size && size->is_number_integer() && size->get<qint64>() >= 0)
        facts << QLocale().formattedDataSize(size->get<qint64>());
    if (!facts.isEmpty())
        layout->addWidget(plainLabel(facts.join(QStringLiteral(" · ")), frame, objectNameOf("info", index)));
    addReadButton(frame, layout, index, uri, tr("Read"));
}

void McpResultView::Private::addReadButton(QWidget *frame, QVBoxLayout *layout, int index, const QString &uri,
                                           const QString &text)
{
    auto *row = new QHBoxLayout;
    auto *read = new QPushButton(text, frame);
    read->setObjectName(objectNameOf("readButton", index));
    read->setToolTip(tr("Ask the server for this resource (resources/read)"));
    QObject::connect(read, &QPushButton::clicked, q, [this, uri] { emit q->resourceRequested(uri); });
    row->addWidget(read);
    row->addStretch(1);
    layout->addLayout(row);
}

void McpResultView::Private::addResourceContents(QWidget *frame, QVBoxLayout *layout, int index, const json &contents)
{
    const QString uri = stringOf(contents, "uri");
    const QString mimeType = stringOf(contents, "mimeType");
    layout->addWidget(peerLabel(uri.isEmpty() ? tr("(no uri)") : uri, frame, objectNameOf("uri", index)));
    if (const std::string *text = stringMember(contents, "text")) {
        layout->addWidget(plainLabel(mimeType.isEmpty() ? tr("Text, no type given") : revealHiddenCharacters(mimeType), frame,
                                     objectNameOf("info", index)));
        addText(frame, layout, index, *text, kindForMime(mimeType));
        return;
    }
    const std::string *blob = stringMember(contents, "blob");
    if (!blob) {
        addUnknown(frame, layout, index, contents, tr("Contents with neither text nor blob; shown as JSON."));
        return;
    }
    // The name to save it under: the uri's last segment, or the type's suffix.
    QString saveName = FileHandoff::safeFileName(QUrl(uri).path());
    if (saveName.isEmpty()) {
        const QString suffix = FileHandoff::suffixFor(mimeType);
        saveName = QStringLiteral("resource.") + (suffix.isEmpty() ? QStringLiteral("bin") : suffix);
    }
    const QString type = mimeName(mimeType);
    if (type.startsWith(QLatin1String("image/"))) {
        addImage(frame, layout, index, *blob, mimeType, saveName);
        return;
    }
    auto *row = new QHBoxLayout;
    row->addWidget(plainLabel((mimeType.isEmpty() ? tr("Binary, no type given") : revealHiddenCharacters(mimeType))
                                  + QStringLiteral(" · ") + QLocale().formattedDataSize(base64Bytes(*blob)),
                              frame, objectNameOf("info", index)),
                   1);
    const std::shared_ptr<const json> keep = result;
    addSaveButton(frame, row, index, saveName, [keep, blob] { return QByteArray::fromBase64(bytesOf(*blob)); });
    layout->addLayout(row);
}

void McpResultView::Private::addUnknown(QWidget *frame, QVBoxLayout *layout, int index, const json &block,
                                        const QString &note)
{
    auto *label = plainLabel(note, frame, objectNameOf("unknownNote", index));
    setColor(label, QPalette::WindowText, QColor(0xb2, 0x6a, 0x00));
    layout->addWidget(label);
    addJson(frame, layout, index, block);
}

void McpResultView::Private::addNote(const QString &text, const char *objectName)
{
    auto *note = plainLabel(text, blocks, QLatin1String(objectName));
    blocksLayout->addWidget(note);
}

void McpResultView::Private::addStructured(const json &result, const json &outputValid,
                                           const QList<schema::SchemaProblem> &problems)
{
    const json *structured = member(result, "structuredContent");
    if (!structured && !outputValid.is_boolean())
        return;
    auto *frame = new QFrame(page);
    frame->setObjectName(QStringLiteral("structuredSection"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 8);
    auto *heading = plainLabel(tr("Structured content"), frame);
    makeBold(heading);
    setColor(heading, QPalette::WindowText, QColor(0x55, 0x55, 0x55));
    layout->addWidget(heading);

    QString verdict;
    QColor color;
    if (outputValid.is_boolean() && outputValid.get<bool>()) {
        verdict = tr("✔ Matches the tool's output schema.");
        color = QColor(0x1b, 0x5e, 0x20);
    } else if (outputValid.is_boolean()) {
        verdict = tr("✘ Does not match the tool's output schema:");
        for (qsizetype i = 0; i < problems.size() && i < MaxListedProblems; ++i) {
            const schema::SchemaProblem &problem = problems.at(i);
            verdict += QLatin1Char('\n')
                + tr("• %1: %2").arg(problem.pointer.isEmpty() ? tr("(the value itself)") : problem.pointer, problem.message);
        }
        if (problems.size() > MaxListedProblems)
            verdict += QLatin1Char('\n') + tr("… and %n more.", nullptr, int(problems.size() - MaxListedProblems));
        if (!structured)
            verdict += QLatin1Char('\n') + tr("The tool declares an output schema but gave no structured content.");
        color = QColor(0xb7, 0x1c, 0x1c);
    } else {
        verdict = tr("Not checked: there was no output schema to check it against.");
        color = QColor(0x61, 0x61, 0x61);
    }
    // Problems quote the server's values: plain text, hidden characters shown.
    auto *verdictLabel = peerLabel(verdict, frame, QStringLiteral("verdictLabel"));
    setColor(verdictLabel, QPalette::WindowText, color);
    layout->addWidget(verdictLabel);
    if (structured) {
        QTreeWidget *tree = JsonTree::make(frame, QStringLiteral("structuredTree"));
        JsonTree::show(tree, *structured);
        tree->expandToDepth(2);
        // As high as its expanded rows, within bounds.
        int rows = 0;
        for (QTreeWidgetItemIterator it(tree); *it && rows < MaxTreeRows; ++it) {
            bool shown = true;
            for (const QTreeWidgetItem *parent = (*it)->parent(); parent && shown; parent = parent->parent())
                shown = parent->isExpanded();
            rows += shown ? 1 : 0;
        }
        tree->setFixedHeight(qMax(3, rows) * tree->sizeHintForRow(0) + tree->header()->sizeHint().height()
                             + 2 * tree->frameWidth() + 4);
        layout->addWidget(tree);
    }
    pageLayout->insertWidget(pageLayout->indexOf(blocks) + 1, frame);
}

void McpResultView::Private::showRaw(const json &value)
{
    const auto show = [this](const TextLayout &laid) {
        rawView->setPlainText(laid.text);
        const QLocale locale;
        rawNote->setText(tr("Showing the first %1 of %2 characters; long strings are cut.")
                             .arg(locale.toString(qlonglong(laid.text.size())), locale.toString(qlonglong(laid.totalChars))));
        rawNote->setVisible(laid.cut);
    };
    if (approxJsonBytes(value, OffThreadBytes) <= size_t(OffThreadBytes)) {
        show(layOutJson(value));
        return;
    }
    rawView->setPlainText(tr("Laying out…"));
    const std::shared_ptr<const json> keep = result;
    const json *source = &value;
    offThread([keep, source] { return layOutJson(*source); }, show);
}

// ---------------------------------------------------------------------------

McpResultView::McpResultView(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    setObjectName(QStringLiteral("mcpResultView"));
    d->pool.setMaxThreadCount(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    d->errorBanner = banner(this, QStringLiteral("errorBanner"), QColor(0xfd, 0xe7, 0xe9), QColor(0x5f, 0x0b, 0x12));
    auto *errorLayout = new QVBoxLayout(d->errorBanner);
    errorLayout->setContentsMargins(10, 6, 10, 6);
    d->errorTitle = plainLabel(tr("✘ The request failed"), d->errorBanner, QStringLiteral("errorTitle"));
    makeBold(d->errorTitle);
    errorLayout->addWidget(d->errorTitle);
    d->errorLabel = peerLabel(QString(), d->errorBanner, QStringLiteral("errorLabel"));
    errorLayout->addWidget(d->errorLabel);
    d->errorData = JsonHighlighter::makeViewer(d->errorBanner, QStringLiteral("errorData"));
    d->errorData->setVisible(false);
    errorLayout->addWidget(d->errorData);
    d->errorBanner->setVisible(false);
    d->errorBanner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(d->errorBanner);

    d->tabs = new QTabWidget(this);
    d->tabs->setObjectName(QStringLiteral("resultTabs"));
    d->scroll = new QScrollArea(d->tabs);
    d->scroll->setObjectName(QStringLiteral("resultScroll"));
    d->scroll->setWidgetResizable(true);
    d->scroll->setFrameShape(QFrame::NoFrame);
    d->tabs->addTab(d->scroll, tr("Result"));

    auto *raw = new QWidget(d->tabs);
    auto *rawLayout = new QVBoxLayout(raw);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    d->rawNote = plainLabel(QString(), raw, QStringLiteral("rawNote"));
    d->rawNote->setVisible(false);
    rawLayout->addWidget(d->rawNote);
    d->rawView = JsonHighlighter::makeViewer(raw, QStringLiteral("rawView"));
    rawLayout->addWidget(d->rawView);
    d->tabs->addTab(raw, tr("Raw JSON"));
    layout->addWidget(d->tabs, 1);
    // Takes the room the tabs leave when only an error is shown.
    layout->addStretch(0);

    d->newPage();
}

McpResultView::~McpResultView()
{
    ++d->generation;
    d->pool.clear();
    d->pool.waitForDone();
}

void McpResultView::showToolResult(const nlohmann::json &result, const nlohmann::json &outputValid,
                                   const QList<schema::SchemaProblem> &outputProblems)
{
    showToolResult(std::make_shared<const json>(result), outputValid, outputProblems);
}

void McpResultView::showToolResult(std::shared_ptr<const nlohmann::json> result, const nlohmann::json &outputValid,
                                   const QList<schema::SchemaProblem> &outputProblems)
{
    clear();
    d->result = result ? std::move(result) : std::make_shared<const json>();
    const json &shown = *d->result;
    const json *isError = member(shown, "isError");
    d->failureBanner->setVisible(isError && isError->is_boolean() && isError->get<bool>());

    const json *content = member(shown, "content");
    if (content && content->is_array()) {
        int index = 0;
        for (const json &block : *content) {
            if (index >= MaxBlocks)
                break;
            QVBoxLayout *layout = nullptr;
            QFrame *frame = d->newBlock(index, &layout);
            d->addContentBlock(frame, layout, index, block);
            ++index;
        }
        if (content->size() > size_t(MaxBlocks))
            d->addNote(tr("%n more content block(s) not shown here; see the raw JSON.", nullptr,
                          int(content->size() - size_t(MaxBlocks))),
                       "moreBlocksLabel");
        if (content->empty() && !member(shown, "structuredContent"))
            d->addNote(tr("The result holds no content."), "noContentLabel");
    } else if (content) {
        d->addNote(tr("The result's “content” is not a list; see the raw JSON."), "noContentLabel");
    } else {
        d->addNote(tr("The result holds no content."), "noContentLabel");
    }
    d->addStructured(shown, outputValid, outputProblems);
    d->showRaw(shown);
}

void McpResultView::showReadResult(const nlohmann::json &result)
{
    clear();
    d->result = std::make_shared<const json>(result);
    const json &shown = *d->result;
    const json *contents = member(shown, "contents");
    if (contents && contents->is_array() && !contents->empty()) {
        int index = 0;
        for (const json &entry : *contents) {
            if (index >= MaxBlocks)
                break;
            QVBoxLayout *layout = nullptr;
            QFrame *frame = d->newBlock(index, &layout);
            if (entry.is_object()) {
                d->addCaption(frame, layout, index, stringMember(entry, "blob") ? tr("Binary contents") : tr("Text contents"));
                d->addResourceContents(frame, layout, index, entry);
            } else {
                d->addUnknown(frame, layout, index, entry, tr("Contents that are not an object; shown as JSON."));
            }
            auto *status = plainLabel(QString(), frame, objectNameOf("status", index));
            status->setVisible(false);
            layout->addWidget(status);
            d->statusLabels.insert(index, status);
            ++index;
        }
        if (contents->size() > size_t(MaxBlocks))
            d->addNote(tr("%n more content(s) not shown here; see the raw JSON.", nullptr,
                          int(contents->size() - size_t(MaxBlocks))),
                       "moreBlocksLabel");
    } else {
        d->addNote(tr("The resource has no contents."), "noContentLabel");
    }
    d->showRaw(shown);
}

void McpResultView::showPromptResult(const nlohmann::json &result)
{
    clear();
    d->result = std::make_shared<const json>(result);
    const json &shown = *d->result;
    if (const QString description = stringOf(shown, "description"); !description.isEmpty()) {
        auto *label = peerLabel(description, d->page, QStringLiteral("promptDescription"));
        d->pageLayout->insertWidget(d->pageLayout->indexOf(d->blocks), label);
    }
    const json *messages = member(shown, "messages");
    if (messages && messages->is_array() && !messages->empty()) {
        int index = 0;
        for (const json &message : *messages) {
            if (index >= MaxBlocks)
                break;
            QVBoxLayout *layout = nullptr;
            QFrame *frame = d->newBlock(index, &layout);
            const QString role = stringOf(message, "role");
            auto *roleLabel = peerLabel(role.isEmpty() ? tr("(no role)") : role, frame, objectNameOf("role", index));
            makeBold(roleLabel, 1.1);
            layout->addWidget(roleLabel);
            // The block is used in place (the work keeps pointers into the result).
            static const json none;
            const json *content = member(message, "content");
            d->addContentBlock(frame, layout, index, content ? *content : none);
            ++index;
        }
        if (messages->size() > size_t(MaxBlocks))
            d->addNote(tr("%n more message(s) not shown here; see the raw JSON.", nullptr,
                          int(messages->size() - size_t(MaxBlocks))),
                       "moreBlocksLabel");
    } else {
        d->addNote(tr("The prompt has no messages."), "noContentLabel");
    }
    d->showRaw(shown);
}

void McpResultView::showError(const mcp::McpError &error)
{
    clear();
    d->tabs->setVisible(false);
    QString text;
    switch (error.kind) {
    case mcp::McpError::Kind::Remote:
        text = tr("The server answered with error %1: %2").arg(error.code).arg(error.message);
        break;
    case mcp::McpError::Kind::Timeout:
        text = tr("No answer came in time.");
        break;
    case mcp::McpError::Kind::Unreachable:
        text = tr("The server could not be reached.");
        break;
    case mcp::McpError::Kind::Protocol:
        text = tr("The server broke the protocol.");
        break;
    case mcp::McpError::Kind::Cancelled:
        text = tr("The request was cancelled.");
        break;
    case mcp::McpError::Kind::None:
        text = tr("The request did not complete.");
        break;
    }
    if (error.kind != mcp::McpError::Kind::Remote && !error.message.isEmpty())
        text += QLatin1Char('\n') + error.message;
    if (error.httpStatus != 0)
        text += QLatin1Char('\n') + tr("HTTP status %1.").arg(error.httpStatus);
    setPeerText(d->errorLabel, text);
    if (error.kind == mcp::McpError::Kind::Remote && !error.data.is_null()) {
        d->result = std::make_shared<const json>(error.data);
        QPlainTextEdit *viewer = d->errorData;
        const auto show = [viewer](const TextLayout &laid) {
            viewer->setPlainText(laid.text);
            fitViewer(viewer);
        };
        if (approxJsonBytes(*d->result, OffThreadBytes) <= size_t(OffThreadBytes)) {
            show(layOutJson(*d->result));
        } else {
            viewer->setPlainText(tr("Laying out…"));
            d->offThread([keep = d->result] { return layOutJson(*keep); }, show);
        }
        d->errorData->setVisible(true);
    }
    d->errorBanner->setVisible(true);
}

void McpResultView::clear()
{
    ++d->generation;
    d->pending = 0;
    d->pool.clear();
    d->result.reset();
    d->errorBanner->setVisible(false);
    d->errorData->clear();
    d->errorData->setVisible(false);
    d->errorLabel->clear();
    d->tabs->setVisible(true);
    d->rawView->clear();
    d->rawNote->setVisible(false);
    d->newPage();
}

bool McpResultView::isBusy() const
{
    return d->pending > 0;
}

} // namespace crosstalk::ui
