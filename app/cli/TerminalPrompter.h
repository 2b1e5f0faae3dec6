#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>

class QSocketNotifier;

namespace crosstalk::cli {

/// Asks a person at a terminal, without blocking the event loop: questions
/// go to stderr, answers are read from stdin as lines arrive (a
/// QSocketNotifier), so the connection to the server goes on meanwhile.
/// Conversations are asked one after another, in the order they came.
class TerminalPrompter : public QObject
{
    Q_OBJECT

public:
    /// Whether someone can be asked: stdin and stderr are terminals.
    static bool available();

    explicit TerminalPrompter(QObject *parent = nullptr);
    ~TerminalPrompter() override;

    enum class Verdict {
        Next,  ///< the answer is taken: on to the next step
        Again, ///< not an answer: the question is asked again
        Stop,  ///< the conversation is over (its `done` does not run)
    };
    struct Step
    {
        QString question;                                  ///< printed before reading (ends without a newline)
        std::function<Verdict(const QString &line)> take;  ///< the line without its newline
    };
    struct Conversation
    {
        QString preamble; ///< printed once before the first question
        std::deque<Step> steps;
        std::function<void()> done;      ///< after the last step
        std::function<void()> noAnswer;  ///< stdin ended before it was over
    };
    void ask(Conversation conversation);

private:
    void onReadable();
    void advance();
    void endOfInput();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    QStringList m_lines;
    bool m_eof = false;
    bool m_advancing = false; // a step's answer may ask anew: the running loop takes it
    bool m_asked = false; // the current step's question is on the screen
    bool m_started = false; // the current conversation's preamble is printed
    std::deque<Conversation> m_queue;
};

} // namespace crosstalk::cli
