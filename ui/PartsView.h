#pragma once

#include "a2a/TaskModel.h"

#include <QList>
#include <QTextBrowser>
#include <QWidget>

#include <functional>

class QLabel;
class QVBoxLayout;

namespace crosstalk::ui {

/// Text from a peer in a browser that cannot be made to do anything: Markdown
/// with raw HTML disabled (`<img>`, `<a>` and the like stay literal text),
/// nothing loaded from anywhere (no file, no network: an image a Markdown
/// text points at is not fetched), and links reported through
/// linkActivated() rather than followed. It grows with its text up to a
/// maximum height, then scrolls.
class PeerTextBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    static constexpr int MaxHeight = 520;

    explicit PeerTextBrowser(QWidget *parent = nullptr);

    void showMarkdown(const QString &markdown);
    void showPlain(const QString &text);
    void appendPlain(const QString &tail);
    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void linkActivated(const QUrl &url);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateHeight();
};

/// The parts of a message or an artifact: text as Markdown (or plain), files
/// with their name, type and size (images shown inline, inline bytes saved on
/// request, references never fetched), data as a JSON tree. Hidden characters
/// in peer text are revealed and flagged. A list that only grew since the
/// last setParts() is updated in place (an artifact growing chunk by chunk),
/// and what is shown is bounded: the first MaxShownChars of a text, the first
/// MaxBlocks blocks.
class PartsView : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxMarkdownChars = 64 * 1024;
    static constexpr qsizetype MaxShownChars = 1024 * 1024;
    static constexpr int MaxBlocks = 100;
    static constexpr qsizetype MaxInlineImageBytes = 8 * 1024 * 1024;

    explicit PartsView(QWidget *parent = nullptr);
    ~PartsView() override;

    /// Text parts as Markdown (an agent's text) or as plain text (the user's own).
    void setMarkdown(bool on) { m_markdown = on; }
    void setParts(const QList<a2a::Part> &parts);
    /// Where the whole list is read when a text is saved, for a list that
    /// keeps growing elsewhere (an artifact); without it the view keeps the
    /// list it was given.
    void setSource(std::function<QList<a2a::Part>()> source) { m_source = std::move(source); }

signals:
    void linkActivated(const QUrl &url);
    /// A file or a text was saved (error empty) or could not be.
    void saved(const QString &path, const QString &error);

private:
    struct Block;
    void rebuild(const QList<a2a::Part> &parts);
    void remember(const QList<a2a::Part> &parts);
    void add(const QList<a2a::Part> &parts, qsizetype from);
    void extendText(Block &block, const a2a::Part &part);
    void renderText(Block &block, const QString &tail);
    void addFile(const a2a::Part &part);
    void addData(const a2a::Part &part);
    void saveFile(const a2a::Part &part);
    void saveText(int blockIndex);
    void saveBytes(const QString &suggestedName, std::function<QByteArray()> produce);

    QVBoxLayout *m_layout;
    QLabel *m_moreLabel = nullptr;
    bool m_markdown = true;
    std::function<QList<a2a::Part>()> m_source;
    QList<a2a::Part> m_parts; ///< only without a source
    qsizetype m_count = 0;
    a2a::Part m_last;
    QList<Block> m_blocks;
    int m_hiddenParts = 0;
};

} // namespace crosstalk::ui
