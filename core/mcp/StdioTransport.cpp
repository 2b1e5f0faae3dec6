#include "mcp/StdioTransport.h"

#include "jsonrpc/JsonRpcDecoder.h"
#include "traffic/TrafficLog.h"
#include "util/ShellQuote.h"

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace crosstalk::mcp {

namespace {

/// The start of a line from the server, safe to show: control characters
/// replaced, at most 80 characters.
QString excerpt(QByteArrayView line)
{
    QString text = QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 240)));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QChar(0xfffd);
    }
    if (text.size() > 80)
        text = text.left(80) + QChar(0x2026);
    return text;
}

} // namespace

StdioTransport::StdioTransport(StdioCommand command, QObject *parent)
    : McpTransport(parent)
    , m_command(std::move(command))
    , m_decoder({true, MaxLineBytes, 256})
{
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (m_closeStep == 1) {
            // The server did not exit when its stdin closed (it may wait for an
            // answer of its own): ask it to terminate.
            m_closeStep = 2;
            m_process.terminate();
            m_closeTimer.start(m_closeGraceMs);
        } else {
            m_closeStep = 3;
            m_process.kill();
        }
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &StdioTransport::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &StdioTransport::onStderr);
    connect(&m_process, &QProcess::finished, this, &StdioTransport::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &StdioTransport::onError);
    connect(&m_process, &QProcess::started, this, &McpTransport::started);
}

StdioTransport::~StdioTransport()
{
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        // Destroyed without close(): the server is stopped at once (SIGKILL
        // takes effect immediately, so the wait is short).
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void StdioTransport::setTrafficLog(traffic::TrafficLog *log, const QString &connection)
{
    m_log = log;
    m_connection = connection;
}

QString StdioTransport::commandLine() const
{
    return shellCommandLine(QStringList{m_command.program} + m_command.arguments);
}

void StdioTransport::start()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : std::as_const(m_command.environment))
        environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
    if (!m_command.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_command.workingDirectory);
#ifdef Q_OS_LINUX
    // Should Crosstalk die without closing, the server is told to end too.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.setProgram(m_command.program);
    m_process.setArguments(m_command.arguments);
    m_process.start(QIODevice::ReadWrite);
}

void StdioTransport::send(const jsonrpc::Message &message, const http::HeaderList &headers)
{
    Q_UNUSED(headers); // request-metadata headers are an HTTP matter
    if (!isRunning())
        return;
    QByteArray line = jsonrpc::encode(message); // compact: never holds a raw newline
    record(traffic::Direction::Outgoing, line);
    line += '\n';
    m_process.write(line);
}

void StdioTransport::close()
{
    if (m_closed || m_closing)
        return;
    m_closing = true;
    if (m_process.state() == QProcess::NotRunning) {
        QTimer::singleShot(0, this, [this] { finishClosing(m_failure); });
        return;
    }
    m_closeStep = 1;
    m_process.closeWriteChannel();
    m_closeTimer.start(m_closeGraceMs);
}

void StdioTransport::onStdout()
{
    if (!m_failure.isEmpty()) {
        m_process.readAllStandardOutput(); // the connection is ending: nothing more is read
        return;
    }
    while (m_process.bytesAvailable() > 0 && !m_closed) {
        const qsizetype scanFrom = m_pending.size();
        m_pending += m_process.read(1024 * 1024);
        qsizetype lineStart = 0;
        qsizetype nl = m_pending.indexOf('\n', scanFrom);
        while (nl >= 0) {
            handleLine(QByteArrayView(m_pending).sliced(lineStart, nl - lineStart));
            if (m_closed)
                return;
            lineStart = nl + 1;
            nl = m_pending.indexOf('\n', lineStart);
        }
        m_pending.remove(0, lineStart);
        if (m_pending.size() > MaxLineBytes) {
            m_pending = QByteArray();
            m_failure = tr("The server wrote a line of more than %1 MiB to stdout; the connection was closed.")
                            .arg(MaxLineBytes / (1024 * 1024));
            // A server that writes without end is not waited for.
            m_closing = true;
            m_closeStep = 2;
            m_process.terminate();
            m_closeTimer.start(m_closeGraceMs);
            return;
        }
    }
}

void StdioTransport::handleLine(QByteArrayView line)
{
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    QByteArray bytes = line.toByteArray();
    record(traffic::Direction::Incoming, bytes);
    m_decoder.submit(std::move(bytes), [this](jsonrpc::DecodeResult &decoded, const QByteArray &bytes) {
        if (m_closed)
            return;
        if (!decoded.ok()) {
            emit protocolIssue(tr("The server wrote a line to stdout that is not a JSON-RPC message (%1): “%2”")
                                  .arg(decoded.error->message, excerpt(bytes)));
            return;
        }
        emitMessages(decoded.messages, m_closed);
    });
}

void StdioTransport::onStderr()
{
    m_stderrPending += m_process.readAllStandardError();
    qsizetype nl;
    while ((nl = m_stderrPending.indexOf('\n')) >= 0) {
        QByteArray line = m_stderrPending.left(qMin(nl, MaxStderrLineBytes));
        m_stderrPending.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        emit stderrLine(QString::fromUtf8(line));
    }
    if (m_stderrPending.size() > MaxStderrLineBytes) {
        emit stderrLine(QString::fromUtf8(m_stderrPending.left(MaxStderrLineBytes)) + QChar(0x2026));
        m_stderrPending.clear();
    }
}

void StdioTransport::onFinished(int exitCode, QProcess::ExitStatus status)
{
    onStdout();
    onStderr();
    if (!m_stderrPending.isEmpty()) {
        emit stderrLine(QString::fromUtf8(m_stderrPending));
        m_stderrPending.clear();
    }
    QString reason = m_failure;
    if (!m_closing && reason.isEmpty()) {
        reason = status == QProcess::CrashExit
            ? tr("The server (%1) crashed.").arg(commandLine())
            : tr("The server (%1) exited with code %2.").arg(commandLine()).arg(exitCode);
    }
    // What the server wrote before it ended is delivered first.
    m_decoder.after([this, reason] { finishClosing(reason); });
}

void StdioTransport::onError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        finishClosing(tr("Could not start the server (%1): %2").arg(commandLine(), m_process.errorString()));
    }
    // Crashes and exits are reported by onFinished; write errors end there too.
}

void StdioTransport::finishClosing(const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_closeTimer.stop();
    emit closed(reason);
}

void StdioTransport::record(traffic::Direction direction, const QByteArray &line)
{
    if (!m_log)
        return;
    traffic::TrafficLog::Record r;
    r.connection = m_connection;
    r.direction = direction;
    r.kind = traffic::TransportKind::StdioLine;
    r.startLine = direction == traffic::Direction::Outgoing ? QStringLiteral("stdin") : QStringLiteral("stdout");
    r.body = line;
    r.contentType = "application/json";
    m_log->record(std::move(r));
}

} // namespace crosstalk::mcp
