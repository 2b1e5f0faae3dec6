#pragma once

#include "a2a/Conversation.h"
#include "a2a/TaskModel.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

class QCheckBox;
class QFrame;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace crosstalk::ui {

/// Talking to an agent: the transcript of one conversation (the user's
/// messages, the agent's answers, and each task with its status messages and
/// its artifacts growing in place) above a composer for text, files picked
/// from disk and JSON data, sent with Ctrl+Enter, streamed or not. When a task
/// waits for input, the composer says so and the next message continues it;
/// auth-required is explained. Updates from a busy stream are gathered and
/// shown a few times a second, never once per event.
class ConversationView : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
    static constexpr int RefreshMs = 100;

    explicit ConversationView(QWidget *parent = nullptr);
    ~ConversationView() override;

    /// The conversation shown (null: nothing to talk to yet).
    void setConversation(a2a::Conversation *conversation);
    a2a::Conversation *conversation() const { return m_conversation; }

    /// Puts text in the composer (a skill's example chosen on the card).
    void setComposerText(const QString &text);
    /// Attaches a file as a part, read away from the GUI thread.
    void attachFile(const QString &path);
    /// Sends what the composer holds; false (with the reason shown) if it cannot.
    bool send();
    /// Whether the JSON data editor holds valid JSON (or is closed or empty).
    bool dataIsValid() const { return m_dataError.isEmpty(); }
    QString dataError() const { return m_dataError; }
    /// The composer's banner (input wanted, authorization wanted), or empty.
    QString bannerText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// A link in the agent's text was clicked: the window asks before opening it.
    void linkActivated(const QUrl &url);
    void saved(const QString &path, const QString &error);
    /// The person wants to sign in (a task waits in auth-required).
    void signInRequested();

private:
    class EntryWidget;
    class TaskEntryWidget;
    void buildComposer();
    void rebuildTranscript();
    void addEntryWidget(int index);
    void updateComposerState();
    void validateData();
    void scrollToEndSoon();
    void addAttachment(const QString &name, const QString &mediaType, QByteArray base64, qint64 size);
    void showComposerError(const QString &text);

    QPointer<a2a::Conversation> m_conversation;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_contextLabel = nullptr;
    QPushButton *m_newButton = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_transcript = nullptr;
    QVBoxLayout *m_transcriptLayout = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QList<EntryWidget *> m_entries;
    QHash<QString, std::shared_ptr<QSet<QString>>> m_seen;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QPushButton *m_bannerSignIn = nullptr;
    QPlainTextEdit *m_textEdit = nullptr;
    QListWidget *m_attachments = nullptr;
    QToolButton *m_attachButton = nullptr;
    QToolButton *m_dataButton = nullptr;
    QPlainTextEdit *m_dataEdit = nullptr;
    QLabel *m_dataStatus = nullptr;
    QCheckBox *m_streamBox = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_composerError = nullptr;
    QTimer m_dataTimer;
    QString m_dataError;
    std::optional<nlohmann::json> m_data;
    quint64 m_dataGeneration = 0;
    QList<a2a::Part> m_files;
    int m_reading = 0;
    QThreadPool m_pool;
    bool m_followEnd = true;
};

} // namespace crosstalk::ui
