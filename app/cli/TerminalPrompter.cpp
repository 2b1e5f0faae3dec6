#include "TerminalPrompter.h"

#include "CliSupport.h"

#include <QScopeGuard>
#include <QSocketNotifier>

#include <unistd.h>

namespace crosstalk::cli {

namespace {
constexpr qsizetype MaxLineBytes = 64 * 1024;
}

bool TerminalPrompter::available()
{
    return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
}

TerminalPrompter::TerminalPrompter(QObject *parent)
    : QObject(parent)
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalPrompter::onReadable);
}

TerminalPrompter::~TerminalPrompter() = default;

void TerminalPrompter::ask(Conversation conversation)
{
    m_queue.push_back(std::move(conversation));
    advance();
}

void TerminalPrompter::onReadable()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier->setEnabled(false);
        endOfInput();
        return;
    }
    m_buffer.append(chunk, qsizetype(n));
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        m_lines.append(QString::fromUtf8(line));
    }
    if (m_buffer.size() > MaxLineBytes) // a line nobody types: taken as it is
        m_lines.append(QString::fromUtf8(std::exchange(m_buffer, {})));
    advance();
}

void TerminalPrompter::advance()
{
    if (m_advancing)
        return;
    m_advancing = true;
    const auto done = qScopeGuard([this] { m_advancing = false; });
    while (!m_queue.empty()) {
        Conversation &c = m_queue.front();
        if (!m_started) {
            m_started = true;
            if (!c.preamble.isEmpty())
                err() << Qt::endl << c.preamble << Qt::endl;
        }
        if (c.steps.empty()) {
            Conversation finished = std::move(c);
            m_queue.pop_front();
            m_started = m_asked = false;
            if (finished.done)
                finished.done();
            continue;
        }
        if (m_eof) {
            endOfInput(); // may ask anew: the loop answers that too
            continue;
        }
        if (!m_asked) {
            err() << c.steps.front().question << Qt::flush;
            m_asked = true;
        }
        if (m_lines.isEmpty())
            return;
        const QString line = m_lines.takeFirst();
        m_asked = false;
        switch (c.steps.front().take(line)) {
        case Verdict::Next:
            c.steps.pop_front();
            break;
        case Verdict::Again:
            break;
        case Verdict::Stop: {
            m_queue.pop_front();
            m_started = false;
            break;
        }
        }
    }
}

void TerminalPrompter::endOfInput()
{
    m_eof = true;
    if (m_asked)
        err() << Qt::endl;
    m_asked = false;
    // Whatever is still open is answered as if nobody were there.
    std::deque<Conversation> open = std::exchange(m_queue, {});
    m_started = false;
    for (Conversation &c : open) {
        if (c.noAnswer)
            c.noAnswer();
    }
}

} // namespace crosstalk::cli
