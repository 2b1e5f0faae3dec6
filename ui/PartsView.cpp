#include "PartsView.h"

#include "FileHandoff.h"
#include "JsonTree.h"
#include "PeerText.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosstalk::ui {

using a2a::Part;

// ---------------------------------------------------------------------------

namespace {

/// A document that loads nothing. QTextDocument reads a local file itself
/// when its view's loadResource() gives nothing back, and the image handler
/// then tries the image's name as a path: here every image is an empty
/// placeholder and every other resource empty bytes, so neither fallback
/// runs.
class InertDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &) override
    {
        if (type == QTextDocument::ImageResource) {
            QImage nothing(1, 1, QImage::Format_ARGB32);
            nothing.fill(Qt::transparent);
            return nothing;
        }
        return QByteArray();
    }
};

/// Takes each image out of a document before anything lays it out (the
/// layout would look its source up), leaving where it pointed as text.
void replaceImages(QTextDocument *document)
{
    struct Image
    {
        int position;
        int length;
        QString text;
    };
    QList<Image> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            const QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QString alt = image.property(QTextFormat::ImageAltText).toString();
            const QString text = alt.isEmpty() ? PeerTextBrowser::tr("[image not loaded: %1]").arg(image.name())
                                               : PeerTextBrowser::tr("[image “%1” not loaded: %2]").arg(alt, image.name());
            images.append({fragment.position(), fragment.length(), text});
        }
    }
    QTextCharFormat note;
    note.setFontItalic(true);
    note.setForeground(QColor(0x75, 0x75, 0x75));
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(document);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        cursor.insertText(it->text, note);
    }
}

} // namespace

PeerTextBrowser::PeerTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setDocument(new InertDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    viewport()->setAutoFillBackground(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(this, &QTextBrowser::anchorClicked, this, &PeerTextBrowser::linkActivated);
    // Where a link leads is said before it is followed.
    connect(this, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, [this](const QUrl &url) {
        setToolTip(url.isEmpty() ? QString() : peerToolTip(url.toString()));
    });
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &PeerTextBrowser::updateHeight);
    setFixedHeight(fontMetrics().height() + 8);
}

QVariant PeerTextBrowser::loadResource(int, const QUrl &)
{
    // Nothing a peer names is loaded: no file, no qrc, no network.
    return {};
}

namespace {

/// Agents write lines, not paragraphs: each line break outside a code fence
/// is kept as a hard break (as chat views and GitHub comments do).
QString withHardBreaks(const QString &markdown)
{
    QStringList lines = markdown.split(u'\n');
    bool fenced = false;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString trimmed = lines.at(i).trimmed();
        if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
            fenced = !fenced;
            continue;
        }
        if (!fenced && !trimmed.isEmpty() && !lines.at(i + 1).trimmed().isEmpty() && !lines.at(i).endsWith(u'\\'))
            lines[i] += QLatin1String("  ");
    }
    return lines.join(u'\n');
}

} // namespace

void PeerTextBrowser::showMarkdown(const QString &markdown)
{
    // Read into a document no view lays out yet, so that its images are
    // taken out before anything could look them up; then shown in place of
    // the one before.
    auto *next = new InertDocument(this);
    next->setDefaultFont(document()->defaultFont());
    next->setDocumentMargin(document()->documentMargin());
    next->setUndoRedoEnabled(false);
    next->setMarkdown(withHardBreaks(markdown), QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                                   | QTextDocument::MarkdownNoHTML));
    replaceImages(next);
    QTextDocument *previous = document();
    setDocument(next);
    if (previous->parent() == this)
        delete previous;
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &PeerTextBrowser::updateHeight);
    updateHeight();
}

void PeerTextBrowser::showPlain(const QString &text)
{
    setPlainText(text);
    updateHeight();
}

void PeerTextBrowser::appendPlain(const QString &tail)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(tail);
    updateHeight();
}

void PeerTextBrowser::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    updateHeight();
}

void PeerTextBrowser::updateHeight()
{
    // The browser lays its document out at the viewport's width already,
    // incrementally as text is appended: its size is read, never forced (a
    // forced width lays the whole text out again at every chunk).
    const int wanted = int(document()->documentLayout()->documentSize().height()) + 2 * frameWidth() + 2;
    const bool scrolls = wanted > MaxHeight;
    setVerticalScrollBarPolicy(scrolls ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    const int height = qMin(wanted, MaxHeight);
    if (height != this->height())
        setFixedHeight(height);
}

// ---------------------------------------------------------------------------

struct PartsView::Block
{
    Part::Kind kind = Part::Kind::Text;
    qsizetype from = 0;
    qsizetype count = 0;
    // Text blocks.
    PeerTextBrowser *browser = nullptr;
    QLabel *warning = nullptr;
    QWidget *cutRow = nullptr;
    QLabel *cutLabel = nullptr;
    QString text;           ///< as shown (hidden characters revealed), at most MaxShownChars
    QString pending;        ///< taken in, not laid out yet (laid out once per setParts)
    qsizetype totalChars = 0; ///< of the whole block
    bool asMarkdown = false;
    bool hidden = false;
};

PartsView::PartsView(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
}

PartsView::~PartsView() = default;

void PartsView::setParts(const QList<Part> &parts)
{
    const qsizetype known = m_count;
    const bool grew = parts.size() >= known && (known == 0 || parts.at(known - 1) == m_last);
    if (!grew) {
        rebuild(parts);
        return;
    }
    if (parts.size() == known)
        return;
    remember(parts);
    add(parts, known);
}

void PartsView::remember(const QList<Part> &parts)
{
    m_count = parts.size();
    m_last = parts.isEmpty() ? Part() : parts.last();
    // A growing list is read from its source when saved: holding it here
    // would make its owner copy all of it at its next append.
    if (!m_source)
        m_parts = parts;
}

void PartsView::rebuild(const QList<Part> &parts)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    m_blocks.clear();
    m_moreLabel = nullptr;
    m_hiddenParts = 0;
    remember(parts);
    add(parts, 0);
}

void PartsView::add(const QList<Part> &parts, qsizetype from)
{
    for (qsizetype i = from; i < parts.size(); ++i) {
        const Part &part = parts.at(i);
        if (!m_blocks.isEmpty() && part.kind == Part::Kind::Text && m_blocks.last().kind == Part::Kind::Text) {
            Block &block = m_blocks.last();
            ++block.count;
            extendText(block, part);
            continue;
        }
        if (m_blocks.size() >= MaxBlocks) {
            ++m_hiddenParts;
            continue;
        }
        Block block;
        block.kind = part.kind;
        block.from = i;
        block.count = 1;
        m_blocks.append(block);
        switch (part.kind) {
        case Part::Kind::Text: {
            Block &text = m_blocks.last();
            const int index = int(m_blocks.size() - 1);
            text.warning = new QLabel(tr("⚠ This text holds hidden characters; they are shown as ⟦U+…⟧."), this);
            text.warning->setObjectName(QStringLiteral("hiddenTextWarning"));
            text.warning->setTextFormat(Qt::PlainText);
            text.warning->setVisible(false);
            text.browser = new PeerTextBrowser(this);
            text.browser->setObjectName(QStringLiteral("partText"));
            connect(text.browser, &PeerTextBrowser::linkActivated, this, &PartsView::linkActivated);
            text.cutRow = new QWidget(this);
            auto *cutLayout = new QHBoxLayout(text.cutRow);
            cutLayout->setContentsMargins(0, 0, 0, 0);
            text.cutLabel = new QLabel(text.cutRow);
            text.cutLabel->setTextFormat(Qt::PlainText);
            text.cutLabel->setWordWrap(true);
            auto *saveAll = new QPushButton(tr("Save All…"), text.cutRow);
            saveAll->setObjectName(QStringLiteral("saveTextButton"));
            connect(saveAll, &QPushButton::clicked, this, [this, index] { saveText(index); });
            cutLayout->addWidget(text.cutLabel, 1);
            cutLayout->addWidget(saveAll);
            text.cutRow->setVisible(false);
            m_layout->addWidget(text.warning);
            m_layout->addWidget(text.browser);
            m_layout->addWidget(text.cutRow);
            extendText(text, part);
            break;
        }
        case Part::Kind::File:
            addFile(part);
            break;
        case Part::Kind::Data:
            addData(part);
            break;
        }
    }
    // Laid out once for everything that came in this time.
    for (Block &block : m_blocks) {
        if (block.kind == Part::Kind::Text && !block.pending.isEmpty()) {
            const QString tail = std::exchange(block.pending, QString());
            renderText(block, tail);
        }
    }
    if (m_hiddenParts > 0) {
        if (!m_moreLabel) {
            m_moreLabel = new QLabel(this);
            m_moreLabel->setObjectName(QStringLiteral("morePartsLabel"));
            m_moreLabel->setTextFormat(Qt::PlainText);
            m_layout->addWidget(m_moreLabel);
        }
        m_moreLabel->setText(tr("%n more part(s) not shown here; the raw JSON is in the traffic inspector.", nullptr,
                                m_hiddenParts));
    }
}

void PartsView::extendText(Block &block, const Part &part)
{
    const QString raw = part.textString();
    block.totalChars += raw.size();
    if (block.text.size() + block.pending.size() >= MaxShownChars) {
        block.cutLabel->setText(tr("Only the first %1 of this text are shown (%2 in all).")
                                    .arg(QLocale().formattedDataSize(MaxShownChars * 2),
                                         QLocale().formattedDataSize(block.totalChars * 2)));
        return;
    }
    QString tail = revealHiddenCharacters(raw);
    if (tail.size() != raw.size() || tail != raw)
        block.hidden = true;
    const qsizetype taken = block.text.size() + block.pending.size();
    if (taken >= MaxShownChars)
        return;
    if (taken + tail.size() > MaxShownChars) {
        tail.truncate(MaxShownChars - taken);
        block.cutRow->setVisible(true);
        block.cutLabel->setText(tr("Only the first %1 of this text are shown (%2 in all).")
                                    .arg(QLocale().formattedDataSize(MaxShownChars * 2),
                                         QLocale().formattedDataSize(block.totalChars * 2)));
    }
    block.pending += tail;
}

void PartsView::renderText(Block &block, const QString &tail)
{
    const bool wasEmpty = block.text.isEmpty();
    block.text += tail;
    block.warning->setVisible(block.hidden);
    if (m_markdown && block.text.size() <= MaxMarkdownChars) {
        block.asMarkdown = true;
        block.browser->showMarkdown(block.text);
    } else if (block.asMarkdown || wasEmpty) {
        // Too long to lay out as Markdown at every chunk: plain from here on.
        block.asMarkdown = false;
        block.browser->showPlain(block.text);
    } else {
        block.browser->appendPlain(tail);
    }
}

void PartsView::addFile(const Part &part)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("partFile"));
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *line = new QHBoxLayout;
    auto *name = new QLabel(row);
    name->setObjectName(QStringLiteral("partFileName"));
    setPeerText(name, part.name.isEmpty() ? tr("(a file without a name)") : part.name);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    QStringList facts;
    if (!part.mediaType.isEmpty())
        facts << revealHiddenCharacters(part.mediaType);
    if (!part.bytes.isEmpty())
        facts << QLocale().formattedDataSize(part.bytes.size() / 4 * 3);
    auto *about = new QLabel(facts.join(QStringLiteral(" · ")), row);
    about->setTextFormat(Qt::PlainText);
    line->addWidget(name);
    line->addWidget(about, 1);
    if (!part.bytes.isEmpty()) {
        auto *save = new QPushButton(tr("Save…"), row);
        save->setObjectName(QStringLiteral("saveFileButton"));
        connect(save, &QPushButton::clicked, this, [this, part] { saveFile(part); });
        line->addWidget(save);
    } else if (!part.uri.isEmpty()) {
        auto *copy = new QPushButton(tr("Copy Link"), row);
        copy->setObjectName(QStringLiteral("copyLinkButton"));
        copy->setToolTip(tr("The file is not fetched: copy its address to open it yourself"));
        connect(copy, &QPushButton::clicked, this, [uri = part.uri] { QApplication::clipboard()->setText(uri); });
        line->addWidget(copy);
    }
    layout->addLayout(line);
    if (!part.uri.isEmpty()) {
        auto *uri = new QLabel(row);
        uri->setObjectName(QStringLiteral("partFileUri"));
        setPeerText(uri, part.uri);
        uri->setTextInteractionFlags(Qt::TextSelectableByMouse);
        uri->setWordWrap(true);
        layout->addWidget(uri);
    }
    const QString type = part.mediaType.toLower();
    const bool image = type.startsWith(QLatin1String("image/")) && !type.contains(QLatin1String("svg"));
    if (image && !part.bytes.isEmpty() && part.bytes.size() <= MaxInlineImageBytes) {
        auto *picture = new QLabel(tr("Reading the image…"), row);
        picture->setObjectName(QStringLiteral("partImage"));
        picture->setTextFormat(Qt::PlainText);
        layout->addWidget(picture);
        // Decoded away from the GUI thread.
        const QPointer<QLabel> target = picture;
        QThreadPool::globalInstance()->start([target, bytes = part.bytes, width = 480] {
            QImage decoded = QImage::fromData(QByteArray::fromBase64(bytes));
            if (!decoded.isNull() && decoded.width() > width)
                decoded = decoded.scaledToWidth(width, Qt::SmoothTransformation);
            QMetaObject::invokeMethod(
                qApp,
                [target, decoded] {
                    if (!target)
                        return;
                    if (decoded.isNull())
                        target->setText(PartsView::tr("The image could not be read."));
                    else
                        target->setPixmap(QPixmap::fromImage(decoded));
                },
                Qt::QueuedConnection);
        });
    }
    m_layout->addWidget(row);
}

void PartsView::addData(const Part &part)
{
    QTreeWidget *tree = JsonTree::make(this, QStringLiteral("partData"));
    JsonTree::show(tree, part.data);
    tree->setMaximumHeight(240);
    tree->setMinimumHeight(qMin(240, tree->sizeHintForRow(0) * 6 + tree->header()->height()));
    m_layout->addWidget(tree);
}

void PartsView::saveFile(const Part &part)
{
    saveBytes(part.name, [bytes = part.bytes] { return QByteArray::fromBase64(bytes); });
}

void PartsView::saveText(int blockIndex)
{
    if (blockIndex < 0 || blockIndex >= m_blocks.size())
        return;
    const Block &block = m_blocks.at(blockIndex);
    saveBytes(QStringLiteral("text.txt"), [parts = m_source ? m_source() : m_parts, from = block.from, count = block.count] {
        QByteArray all;
        for (qsizetype i = from; i < from + count && i < parts.size(); ++i)
            all += parts.at(i).text;
        return all;
    });
}

void PartsView::saveBytes(const QString &suggestedName, std::function<QByteArray()> produce)
{
    const QPointer<PartsView> self = this;
    FileHandoff::save(this, suggestedName, std::move(produce), [self](const QString &path, const QString &error) {
        if (self)
            emit self->saved(path, error);
    });
}

} // namespace crosstalk::ui
