#include "ConversationView.h"

#include "JsonHighlighter.h"
#include "PartsView.h"
#include "PeerText.h"
#include "TaskTimeline.h"
#include "a2a/A2aClient.h"
#include "a2a/Conversation.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace crosstalk::ui {

using a2a::ConversationEntry;
using a2a::TaskEvent;
using a2a::TaskState;
using a2a::TaskTracker;

namespace {

constexpr int MaxStatusRows = 100;
constexpr qsizetype MaxDataChars = 1024 * 1024;

QString timeOf(qint64 wallMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(wallMs).time(), QStringLiteral("HH:mm:ss"));
}

QLabel *plainLabel(const QString &text, QWidget *parent, const char *objectName = nullptr)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    if (objectName)
        label->setObjectName(QLatin1String(objectName));
    return label;
}

QLabel *dimLabel(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

void styleBadge(QLabel *badge, TaskState state)
{
    const QColor colour = TaskTimeline::stateColor(state);
    const QColor text = colour.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
    badge->setText(TaskTimeline::stateLabel(state));
    badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; padding: 1px 6px; }")
                             .arg(colour.name(), text.name()));
}

/// What identifies a message in a task's history, to show it once.
QString messageKey(const a2a::Message &message)
{
    if (!message.messageId.isEmpty())
        return message.messageId;
    QString key;
    for (const a2a::Part &part : message.parts)
        key += QString::fromUtf8(part.text.left(256));
    return key;
}

} // namespace

// ---------------------------------------------------------------------------

/// One entry of the transcript.
class ConversationView::EntryWidget : public QFrame
{
public:
    EntryWidget(const ConversationEntry &entry, ConversationView *view)
        : QFrame(view)
        , m_entry(entry)
    {
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        m_layout = new QVBoxLayout(this);
        m_layout->setContentsMargins(10, 6, 10, 8);
        m_layout->setSpacing(4);
    }

    const ConversationEntry &entry() const { return m_entry; }

protected:
    void addHeader(const QString &who, QWidget *extra = nullptr)
    {
        auto *row = new QHBoxLayout;
        QLabel *name = plainLabel(who, this);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        row->addWidget(name);
        if (extra)
            row->addWidget(extra);
        row->addStretch(1);
        row->addWidget(dimLabel(timeOf(m_entry.wallMs), this));
        m_layout->addLayout(row);
    }

    PartsView *addParts(const QList<a2a::Part> &parts, bool markdown, ConversationView *view)
    {
        auto *parts_ = new PartsView(this);
        parts_->setMarkdown(markdown);
        parts_->setParts(parts);
        connect(parts_, &PartsView::linkActivated, view, &ConversationView::linkActivated);
        connect(parts_, &PartsView::saved, view, &ConversationView::saved);
        m_layout->addWidget(parts_);
        return parts_;
    }

    ConversationEntry m_entry;
    QVBoxLayout *m_layout;
};

/// A task in the transcript: its state, the agent's status messages since
/// this exchange began, and (in its latest entry) its artifacts growing in
/// place. Refreshed at most every RefreshMs.
class ConversationView::TaskEntryWidget : public ConversationView::EntryWidget
{
public:
    TaskEntryWidget(const ConversationEntry &entry, TaskTracker *tracker, std::shared_ptr<QSet<QString>> seen,
                    ConversationView *view)
        : EntryWidget(entry, view)
        , m_view(view)
        , m_tracker(tracker)
        , m_seen(std::move(seen))
        , m_next(entry.eventsFrom)
    {
        setObjectName(QStringLiteral("taskEntry"));
        QPalette palette = this->palette();
        palette.setColor(QPalette::Window, palette.color(QPalette::Base));
        setPalette(palette);
        m_badge = new QLabel(this);
        m_badge->setObjectName(QStringLiteral("taskStateBadge"));
        addHeader(ConversationView::tr("Task %1").arg(TaskTimeline::plainLine(entry.taskId, 40)), m_badge);
        m_earlier = dimLabel(QString(), this);
        m_earlier->setVisible(false);
        m_layout->addWidget(m_earlier);
        m_rows = new QVBoxLayout;
        m_rows->setSpacing(4);
        m_layout->addLayout(m_rows);
        m_hint = plainLabel(QString(), this, "taskHint");
        m_hint->setWordWrap(true);
        m_hint->setVisible(false);
        m_layout->addWidget(m_hint);
        m_artifacts = new QVBoxLayout;
        m_artifacts->setSpacing(6);
        m_layout->addLayout(m_artifacts);
        m_timer.setSingleShot(true);
        m_timer.setInterval(RefreshMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { refresh(); });
        if (tracker) {
            QObject::connect(tracker, &TaskTracker::eventAdded, this, [this] { schedule(); });
            QObject::connect(tracker, &TaskTracker::artifactChanged, this, [this] { schedule(); });
        }
        refresh();
    }

    const QString &taskId() const { return m_entry.taskId; }

    /// A later entry continues the task from `eventsTo`: this one stops there
    /// and leaves the artifacts to it.
    void endAt(int eventsTo)
    {
        refresh();
        m_end = eventsTo;
        m_showArtifacts = false;
        while (QLayoutItem *item = m_artifacts->takeAt(0)) {
            if (item->widget())
                item->widget()->deleteLater();
            delete item;
        }
        m_artifactViews.clear();
        m_hint->setVisible(false);
    }

private:
    void schedule()
    {
        if (!m_timer.isActive())
            m_timer.start();
    }

    void refresh()
    {
        if (!m_tracker)
            return;
        const QList<TaskEvent> &events = m_tracker->events();
        const int end = m_end >= 0 ? qMin(m_end, int(events.size())) : int(events.size());
        TaskState state = m_state;
        for (; m_next < end; ++m_next) {
            const TaskEvent &event = events.at(m_next);
            if (event.state != TaskState::Unknown)
                state = event.state;
            if (!event.message || event.message->role == a2a::Role::User || event.message->parts.isEmpty())
                continue;
            const QString key = messageKey(*event.message);
            if (m_seen->contains(key))
                continue;
            m_seen->insert(key);
            addRow(event);
        }
        if (m_end < 0)
            state = m_tracker->state();
        if (state != m_state || m_badge->text().isEmpty()) {
            m_state = state;
            styleBadge(m_badge, state);
        }
        if (m_end < 0)
            updateHint();
        if (m_showArtifacts)
            updateArtifacts();
    }

    void addRow(const TaskEvent &event)
    {
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("statusRow"));
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(dimLabel(timeOf(event.wallMs), row), 0, Qt::AlignTop);
        auto *parts = new PartsView(row);
        parts->setParts(event.message->parts);
        QObject::connect(parts, &PartsView::linkActivated, m_view, &ConversationView::linkActivated);
        QObject::connect(parts, &PartsView::saved, m_view, &ConversationView::saved);
        layout->addWidget(parts, 1);
        m_rows->addWidget(row);
        if (m_rows->count() > MaxStatusRows) {
            QLayoutItem *oldest = m_rows->takeAt(0);
            oldest->widget()->deleteLater();
            delete oldest;
            ++m_dropped;
            m_earlier->setText(ConversationView::tr("%n earlier update(s) are on the task's timeline.", nullptr, m_dropped));
            m_earlier->setVisible(true);
        }
    }

    void updateHint()
    {
        QString hint;
        switch (m_tracker->state()) {
        case TaskState::InputRequired:
            hint = ConversationView::tr("The agent waits for your answer: your next message continues this task.");
            break;
        case TaskState::AuthRequired:
            hint = ConversationView::tr("The agent needs authorization before this task can go on. Its message above says what it "
                      "needs (often signing in somewhere, or granting access). Once done, send a message here to "
                      "continue the task.");
            break;
        default:
            break;
        }
        m_hint->setText(hint);
        m_hint->setVisible(!hint.isEmpty());
    }

    void updateArtifacts()
    {
        const QList<a2a::Artifact> &artifacts = m_tracker->artifacts();
        for (qsizetype i = 0; i < artifacts.size(); ++i) {
            const a2a::Artifact &artifact = artifacts.at(i);
            if (i >= m_artifactViews.size()) {
                auto *box = new QFrame(this);
                box->setObjectName(QStringLiteral("artifactBox"));
                box->setFrameShape(QFrame::StyledPanel);
                auto *layout = new QVBoxLayout(box);
                layout->setContentsMargins(8, 4, 8, 6);
                QLabel *title = plainLabel(QString(), box, "artifactTitle");
                QFont bold = title->font();
                bold.setBold(true);
                title->setFont(bold);
                layout->addWidget(title);
                QLabel *description = plainLabel(QString(), box);
                description->setWordWrap(true);
                layout->addWidget(description);
                auto *parts = new PartsView(box);
                parts->setObjectName(QStringLiteral("artifactParts"));
                parts->setSource([tracker = m_tracker, i]() -> QList<a2a::Part> {
                    return tracker && i < tracker->artifacts().size() ? tracker->artifacts().at(i).parts
                                                                      : QList<a2a::Part>();
                });
                QObject::connect(parts, &PartsView::linkActivated, m_view, &ConversationView::linkActivated);
                QObject::connect(parts, &PartsView::saved, m_view, &ConversationView::saved);
                layout->addWidget(parts);
                m_artifacts->addWidget(box);
                m_artifactViews.append({title, description, parts});
            }
            ArtifactView &view = m_artifactViews[i];
            const QString name = artifact.name.isEmpty() ? artifact.artifactId : artifact.name;
            const QString title = ConversationView::tr("Artifact: %1").arg(revealHiddenCharacters(name));
            if (view.title->text() != title)
                view.title->setText(title);
            setPeerText(view.description, artifact.description);
            view.description->setVisible(!artifact.description.isEmpty());
            view.parts->setParts(artifact.parts);
        }
    }

    struct ArtifactView
    {
        QLabel *title;
        QLabel *description;
        PartsView *parts;
    };

    ConversationView *m_view;
    QPointer<TaskTracker> m_tracker;
    std::shared_ptr<QSet<QString>> m_seen;
    int m_next;
    int m_end = -1;
    int m_dropped = 0;
    bool m_showArtifacts = true;
    TaskState m_state = TaskState::Unknown;
    QLabel *m_badge;
    QLabel *m_earlier;
    QVBoxLayout *m_rows;
    QLabel *m_hint;
    QVBoxLayout *m_artifacts;
    QList<ArtifactView> m_artifactViews;
    QTimer m_timer;
};

// ---------------------------------------------------------------------------

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conversationView"));
    m_pool.setMaxThreadCount(1);

    m_titleLabel = plainLabel(QString(), this, "conversationTitle");
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_contextLabel = dimLabel(QString(), this);
    m_contextLabel->setObjectName(QStringLiteral("contextLabel"));
    m_contextLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_newButton = new QPushButton(tr("New Conversation"), this);
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_newButton->setToolTip(tr("Start a new context: the next message begins a new conversation (the tasks stay on "
                               "the timeline)"));
    connect(m_newButton, &QPushButton::clicked, this, [this] {
        if (m_conversation)
            m_conversation->newConversation();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_titleLabel);
    top->addWidget(m_contextLabel, 1);
    top->addWidget(m_newButton);

    m_transcript = new QWidget;
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcriptLayout = new QVBoxLayout(m_transcript);
    m_transcriptLayout->setSpacing(8);
    m_emptyLabel = dimLabel(QString(), m_transcript);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_transcriptLayout->addWidget(m_emptyLabel);
    m_transcriptLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("transcriptScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_transcript);
    m_scroll->setMinimumHeight(60);
    // New entries keep the view at the end, unless the user scrolled up.
    QScrollBar *bar = m_scroll->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_followEnd = value >= bar->maximum() - 4; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_followEnd)
            bar->setValue(max);
    });

    buildComposer();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_banner);
    layout->addWidget(m_composerError);
    auto *composer = new QVBoxLayout;
    composer->setSpacing(4);
    composer->addWidget(m_textEdit);
    composer->addWidget(m_attachments);
    composer->addWidget(m_dataEdit);
    composer->addWidget(m_dataStatus);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attachButton);
    buttons->addWidget(m_dataButton);
    buttons->addStretch(1);
    buttons->addWidget(m_streamBox);
    buttons->addWidget(m_sendButton);
    composer->addLayout(buttons);
    layout->addLayout(composer);

    setConversation(nullptr);
}

ConversationView::~ConversationView()
{
    m_pool.waitForDone();
}

void ConversationView::buildComposer()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("composerBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xfff4d6));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x3d2b00));
    m_banner->setPalette(bannerPalette);
    m_bannerLabel = plainLabel(QString(), m_banner, "composerBannerLabel");
    m_bannerLabel->setWordWrap(true);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerLabel, 1);
    m_bannerSignIn = new QPushButton(tr("Sign In…"), m_banner);
    m_bannerSignIn->setObjectName(QStringLiteral("bannerSignInButton"));
    m_bannerSignIn->setToolTip(tr("Sign in with the schemes the agent's card declares, then send a message to continue"));
    connect(m_bannerSignIn, &QPushButton::clicked, this, &ConversationView::signInRequested);
    bannerLayout->addWidget(m_bannerSignIn);
    m_banner->setVisible(false);

    m_composerError = plainLabel(QString(), this, "composerError");
    m_composerError->setWordWrap(true);
    QPalette errorPalette = m_composerError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb00020));
    m_composerError->setPalette(errorPalette);
    m_composerError->setVisible(false);

    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(QStringLiteral("composerText"));
    m_textEdit->setPlaceholderText(tr("Write a message… (Ctrl+Enter sends)"));
    m_textEdit->setTabChangesFocus(true);
    m_textEdit->setMaximumHeight(m_textEdit->fontMetrics().lineSpacing() * 4 + 12);
    m_textEdit->setMinimumHeight(m_textEdit->fontMetrics().lineSpacing() * 2 + 12);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, &ConversationView::updateComposerState);

    m_attachments = new QListWidget(this);
    m_attachments->setObjectName(QStringLiteral("composerAttachments"));
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().lineSpacing() * 4 + 8);
    m_attachments->setVisible(false);
    m_attachments->setToolTip(tr("Files sent as parts of the next message (Delete removes the chosen one)"));
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_attachments);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, [this] {
        const int row = m_attachments->currentRow();
        if (row < 0 || row >= m_files.size())
            return;
        m_files.removeAt(row);
        delete m_attachments->takeItem(row);
        m_attachments->setVisible(!m_files.isEmpty());
        updateComposerState();
    });

    m_attachButton = new QToolButton(this);
    m_attachButton->setObjectName(QStringLiteral("attachFileButton"));
    m_attachButton->setText(tr("Attach File…"));
    m_attachButton->setToolTip(tr("Send a file from disk as a part of the message"));
    connect(m_attachButton, &QToolButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Attach a file"));
        dialog->setObjectName(QStringLiteral("attachFileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFiles);
        connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &paths) {
            for (const QString &path : paths)
                attachFile(path);
        });
        dialog->open();
    });

    m_dataButton = new QToolButton(this);
    m_dataButton->setObjectName(QStringLiteral("dataPartButton"));
    m_dataButton->setText(tr("Data"));
    m_dataButton->setCheckable(true);
    m_dataButton->setToolTip(tr("Add a data part: JSON, checked as you type"));
    m_dataEdit = new QPlainTextEdit(this);
    m_dataEdit->setObjectName(QStringLiteral("composerData"));
    m_dataEdit->setPlaceholderText(tr("{\"key\": \"value\"}"));
    m_dataEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_dataEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dataEdit->setMaximumHeight(m_dataEdit->fontMetrics().lineSpacing() * 8 + 12);
    new JsonHighlighter(m_dataEdit->document());
    m_dataEdit->setVisible(false);
    m_dataStatus = plainLabel(QString(), this, "composerDataStatus");
    m_dataStatus->setVisible(false);
    connect(m_dataButton, &QToolButton::toggled, this, [this](bool on) {
        m_dataEdit->setVisible(on);
        m_dataStatus->setVisible(on);
        if (on)
            m_dataEdit->setFocus();
        validateData();
    });
    m_dataTimer.setSingleShot(true);
    m_dataTimer.setInterval(200);
    connect(m_dataEdit, &QPlainTextEdit::textChanged, this, [this] {
        ++m_dataGeneration; // what was being checked is out of date
        m_dataError = tr("Checking…");
        m_dataTimer.start();
        updateComposerState();
    });
    connect(&m_dataTimer, &QTimer::timeout, this, &ConversationView::validateData);

    m_streamBox = new QCheckBox(tr("Stream"), this);
    m_streamBox->setObjectName(QStringLiteral("streamBox"));
    m_streamBox->setChecked(true);

    m_sendButton = new QPushButton(tr("Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(false);
    m_sendButton->setToolTip(tr("Send the message (Ctrl+Enter)"));
    connect(m_sendButton, &QPushButton::clicked, this, [this] { send(); });
    // Ctrl+Enter sends from wherever the composer is being written in.
    m_textEdit->installEventFilter(this);
    m_dataEdit->installEventFilter(this);
}

bool ConversationView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::setConversation(a2a::Conversation *conversation)
{
    if (m_conversation == conversation && conversation)
        return;
    if (m_conversation)
        disconnect(m_conversation, nullptr, this, nullptr);
    m_conversation = conversation;
    if (conversation) {
        connect(conversation, &a2a::Conversation::entryAdded, this, &ConversationView::addEntryWidget);
        connect(conversation, &a2a::Conversation::entriesReset, this, &ConversationView::rebuildTranscript);
        connect(conversation, &a2a::Conversation::stateChanged, this, &ConversationView::updateComposerState);
    }
    rebuildTranscript();
    updateComposerState();
}

void ConversationView::rebuildTranscript()
{
    for (EntryWidget *entry : std::as_const(m_entries))
        entry->deleteLater();
    m_entries.clear();
    m_seen.clear();
    m_followEnd = true;
    const QString name = m_conversation && m_conversation->client() ? m_conversation->client()->card().name : QString();
    m_titleLabel->setText(revealHiddenCharacters(name));
    m_emptyLabel->setText(m_conversation
                              ? tr("Write a message below to start a conversation with %1.").arg(revealHiddenCharacters(name))
                              : tr("The agent's card has not been read yet: there is nothing to talk to."));
    if (!m_conversation) {
        m_emptyLabel->setVisible(true);
        return;
    }
    for (int i = 0; i < m_conversation->entries().size(); ++i)
        addEntryWidget(i);
    m_emptyLabel->setVisible(m_entries.isEmpty());
}

void ConversationView::addEntryWidget(int index)
{
    if (!m_conversation || index < 0 || index >= m_conversation->entries().size())
        return;
    const ConversationEntry &entry = m_conversation->entries().at(index);
    EntryWidget *widget = nullptr;
    switch (entry.kind) {
    case ConversationEntry::Kind::User:
    case ConversationEntry::Kind::Agent: {
        const bool user = entry.kind == ConversationEntry::Kind::User;
        class Message : public EntryWidget
        {
        public:
            Message(const ConversationEntry &entry, bool user, ConversationView *view)
                : EntryWidget(entry, view)
            {
                setObjectName(user ? QStringLiteral("userEntry") : QStringLiteral("agentEntry"));
                QPalette palette = this->palette();
                palette.setColor(QPalette::Window, palette.color(user ? QPalette::AlternateBase : QPalette::Base));
                setPalette(palette);
                QString who = user ? ConversationView::tr("You") : ConversationView::tr("Agent");
                if (user && !entry.taskId.isEmpty())
                    who = ConversationView::tr("You, continuing task %1").arg(TaskTimeline::plainLine(entry.taskId, 40));
                addHeader(who);
                // The user's own text is shown as written; the agent's as Markdown.
                addParts(entry.message->parts, !user, view);
            }
        };
        widget = new Message(entry, user, this);
        break;
    }
    case ConversationEntry::Kind::Task: {
        for (EntryWidget *earlier : std::as_const(m_entries)) {
            if (earlier->entry().kind == ConversationEntry::Kind::Task && earlier->entry().taskId == entry.taskId)
                static_cast<TaskEntryWidget *>(earlier)->endAt(entry.eventsFrom);
        }
        // The entries of one task show each of its messages once.
        std::shared_ptr<QSet<QString>> &seen = m_seen[entry.taskId];
        if (!seen)
            seen = std::make_shared<QSet<QString>>();
        auto *task = new TaskEntryWidget(entry, m_conversation->task(entry.taskId), seen, this);
        widget = task;
        break;
    }
    case ConversationEntry::Kind::Notice: {
        widget = new EntryWidget(entry, this);
        widget->setObjectName(QStringLiteral("noticeEntry"));
        QPalette palette = widget->palette();
        palette.setColor(QPalette::Window, QColor(0xfde7e9));
        palette.setColor(QPalette::WindowText, QColor(0x5f0010));
        widget->setPalette(palette);
        auto *layout = static_cast<QVBoxLayout *>(widget->layout());
        QLabel *text = plainLabel(tr("Not sent: %1").arg(revealHiddenCharacters(entry.text)), widget, "noticeText");
        text->setWordWrap(true);
        layout->addWidget(text);
        break;
    }
    }
    m_entries.append(widget);
    // Before the stretch that keeps entries at the top.
    m_transcriptLayout->insertWidget(m_transcriptLayout->count() - 1, widget);
    m_emptyLabel->setVisible(false);
    scrollToEndSoon();
}

void ConversationView::scrollToEndSoon()
{
    m_followEnd = true;
}

QString ConversationView::bannerText() const
{
    return m_banner->isVisible() ? m_bannerLabel->text() : QString();
}

void ConversationView::updateComposerState()
{
    a2a::Conversation *c = m_conversation;
    const bool usable = c && c->client() && c->client()->setupError().isEmpty();
    m_textEdit->setEnabled(usable);
    m_attachButton->setEnabled(usable);
    m_dataButton->setEnabled(usable);
    m_newButton->setEnabled(c && (!c->entries().isEmpty() || !c->contextId().isEmpty()));
    m_streamBox->setEnabled(usable && c->canStream());
    m_streamBox->setToolTip(usable && !c->canStream()
                                ? tr("The agent's card does not offer streaming: the task is followed by polling")
                                : tr("Follow the task over a stream (SSE) rather than by polling"));
    m_contextLabel->setText(c && !c->contextId().isEmpty()
                                ? tr("context %1").arg(TaskTimeline::plainLine(c->contextId(), 48))
                                : QString());

    QString banner;
    if (c && !c->pendingTaskId().isEmpty()) {
        const QString task = TaskTimeline::plainLine(c->pendingTaskId(), 40);
        banner = c->pendingState() == TaskState::AuthRequired
            ? tr("Task %1 waits for authorization. Sign in (or give the agent what its message asks for); your next "
                 "message continues the task.")
                  .arg(task)
            : tr("Task %1 asks for input: your next message answers it and continues the task.").arg(task);
    }
    m_bannerLabel->setText(banner);
    m_bannerSignIn->setVisible(c && !c->pendingTaskId().isEmpty() && c->pendingState() == TaskState::AuthRequired);
    m_banner->setVisible(!banner.isEmpty());

    const bool dataOpen = m_dataButton->isChecked() && !m_dataEdit->toPlainText().trimmed().isEmpty();
    const bool hasContent = !m_textEdit->toPlainText().trimmed().isEmpty() || !m_files.isEmpty() || dataOpen;
    m_sendButton->setEnabled(usable && hasContent && m_dataError.isEmpty() && m_reading == 0);
    m_sendButton->setText(c && c->isBusy() ? tr("Send (waiting…)") : tr("Send"));
}

void ConversationView::validateData()
{
    const QString text = m_dataEdit->toPlainText();
    const quint64 generation = ++m_dataGeneration;
    if (!m_dataButton->isChecked() || text.trimmed().isEmpty()) {
        m_dataError.clear();
        m_data.reset();
        m_dataStatus->setText(tr("Empty: no data part is sent."));
        updateComposerState();
        return;
    }
    if (text.size() > MaxDataChars) {
        m_dataError = tr("The data is larger than %1.").arg(QLocale().formattedDataSize(MaxDataChars));
        m_dataStatus->setText(m_dataError);
        updateComposerState();
        return;
    }
    // Parsed away from the GUI thread.
    const QPointer<ConversationView> self = this;
    m_pool.start([self, generation, bytes = text.toUtf8()] {
        QString error;
        std::optional<nlohmann::json> value;
        try {
            value = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
        } catch (const nlohmann::json::parse_error &e) {
            const auto at = qsizetype(qMin<std::size_t>(e.byte, std::size_t(bytes.size())));
            const QByteArray before = bytes.left(qMax<qsizetype>(0, at - 1));
            const int line = int(before.count('\n')) + 1;
            const int column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
            QString what = QString::fromUtf8(e.what());
            what = what.mid(what.lastIndexOf(QLatin1String(": ")) + 2);
            error = ConversationView::tr("Line %1, column %2: %3").arg(line).arg(column).arg(what);
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, error, value = std::move(value)] {
                if (!self || generation != self->m_dataGeneration)
                    return;
                self->m_dataError = error;
                self->m_data = value;
                self->m_dataStatus->setText(error.isEmpty() ? ConversationView::tr("✓ Valid JSON") : error);
                self->updateComposerState();
            },
            Qt::QueuedConnection);
    });
}

void ConversationView::setComposerText(const QString &text)
{
    m_textEdit->setPlainText(text);
    m_textEdit->setFocus();
    QTextCursor cursor = m_textEdit->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_textEdit->setTextCursor(cursor);
}

void ConversationView::attachFile(const QString &path)
{
    ++m_reading;
    updateComposerState();
    const QPointer<ConversationView> self = this;
    m_pool.start([self, path] {
        QFile file(path);
        QString error;
        QByteArray base64;
        qint64 size = 0;
        QString mediaType;
        if (!file.open(QIODevice::ReadOnly)) {
            error = ConversationView::tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        } else if ((size = file.size()) > MaxFileBytes) {
            error = ConversationView::tr("%1 is larger than %2: too large to send inline.")
                        .arg(QDir::toNativeSeparators(path), QLocale().formattedDataSize(MaxFileBytes));
        } else {
            const QByteArray bytes = file.read(MaxFileBytes + 1);
            size = bytes.size();
            base64 = bytes.toBase64();
            mediaType = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error, base64, size, mediaType] {
                if (!self)
                    return;
                --self->m_reading;
                if (!error.isEmpty())
                    self->showComposerError(error);
                else
                    self->addAttachment(QFileInfo(path).fileName(), mediaType, base64, size);
                self->updateComposerState();
            },
            Qt::QueuedConnection);
    });
}

void ConversationView::addAttachment(const QString &name, const QString &mediaType, QByteArray base64, qint64 size)
{
    a2a::Part part;
    part.kind = a2a::Part::Kind::File;
    part.name = name;
    part.mediaType = mediaType;
    part.bytes = std::move(base64);
    m_files.append(part);
    m_attachments->addItem(tr("%1 (%2, %3)").arg(name, mediaType, QLocale().formattedDataSize(size)));
    m_attachments->setVisible(true);
    m_composerError->setVisible(false);
}

void ConversationView::showComposerError(const QString &text)
{
    m_composerError->setText(text);
    m_composerError->setVisible(!text.isEmpty());
}

bool ConversationView::send()
{
    if (!m_conversation)
        return false;
    if (m_reading > 0) {
        showComposerError(tr("A file is still being read."));
        return false;
    }
    QList<a2a::Part> parts;
    const QString text = m_textEdit->toPlainText();
    if (!text.trimmed().isEmpty()) {
        a2a::Part part;
        part.kind = a2a::Part::Kind::Text;
        part.text = text.toUtf8();
        parts.append(part);
    }
    parts += m_files;
    if (m_dataButton->isChecked() && !m_dataEdit->toPlainText().trimmed().isEmpty()) {
        if (!m_dataError.isEmpty() || !m_data) {
            showComposerError(tr("The data part is not valid JSON yet: %1").arg(m_dataError));
            return false;
        }
        a2a::Part part;
        part.kind = a2a::Part::Kind::Data;
        part.data = *m_data;
        parts.append(part);
    }
    QString error;
    if (!m_conversation->send(parts, m_streamBox->isChecked() && m_conversation->canStream(), &error)) {
        showComposerError(error);
        return false;
    }
    showComposerError(QString());
    m_textEdit->clear();
    m_files.clear();
    m_attachments->clear();
    m_attachments->setVisible(false);
    m_dataEdit->clear();
    m_dataButton->setChecked(false);
    m_followEnd = true;
    updateComposerState();
    return true;
}

} // namespace crosstalk::ui
