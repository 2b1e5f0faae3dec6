#pragma once

#include "jsonrpc/OrderedDecoder.h"
#include "mcp/McpTransport.h"
#include "traffic/TrafficEntry.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

namespace crosstalk::traffic {
class TrafficLog;
}

namespace crosstalk::mcp {

/// How to start a local MCP server.
struct StdioCommand
{
    QString program;
    QStringList arguments;
    /// Added to (and overriding) Crosstalk's own environment.
    QList<QPair<QString, QString>> environment;
    /// Empty: Crosstalk's own working directory.
    QString workingDirectory;
};

/// An MCP server as a child process speaking newline-delimited JSON-RPC on
/// stdin and stdout. stderr is the server's log, read line by line. Closing
/// is orderly and never blocks: stdin is closed, then after a grace period
/// SIGTERM, then SIGKILL; the child also gets SIGTERM if Crosstalk itself
/// dies, so no server is left behind.
class StdioTransport : public McpTransport
{
    Q_OBJECT

public:
    /// A line on stdout longer than this ends the connection.
    static constexpr qsizetype MaxLineBytes = 64 * 1024 * 1024;
    /// A stderr line is cut at this length.
    static constexpr qsizetype MaxStderrLineBytes = 64 * 1024;
    /// How long each step of closing waits for the server to exit, by default.
    static constexpr int DefaultCloseGraceMs = 2000;

    explicit StdioTransport(StdioCommand command, QObject *parent = nullptr);
    ~StdioTransport() override;

    void setTrafficLog(traffic::TrafficLog *log, const QString &connection);
    /// How long close() waits after closing stdin, and again after SIGTERM.
    void setCloseGraceMs(int ms) { m_closeGraceMs = ms; }

    QString name() const override { return QStringLiteral("stdio"); }
    QString serverKey() const override { return commandLine() + QLatin1Char('|') + m_command.workingDirectory; }
    /// Starts the server: started() or closed() follows.
    void start() override;
    /// Writes one message as a line. Ignored when not running.
    void send(const jsonrpc::Message &message, const http::HeaderList &headers = {}) override;
    /// Closes in order (stdin, SIGTERM, SIGKILL); closed() follows.
    void close() override;

    bool isRunning() const { return m_process.state() == QProcess::Running && !m_closing; }
    const StdioCommand &command() const { return m_command; }
    /// The command line as a person would type it (for confirmation and errors).
    QString commandLine() const;

signals:
    /// A line the server wrote to stderr (its log).
    void stderrLine(const QString &line);

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void handleLine(QByteArrayView line);
    void finishClosing(const QString &reason);
    void record(traffic::Direction direction, const QByteArray &line);

    StdioCommand m_command;
    QProcess m_process;
    jsonrpc::OrderedDecoder m_decoder;
    QTimer m_closeTimer;
    int m_closeStep = 0;
    int m_closeGraceMs = DefaultCloseGraceMs;
    QByteArray m_pending;   // stdout after the last complete line
    QByteArray m_stderrPending;
    bool m_closing = false;
    bool m_closed = false;
    QString m_failure;      // why the connection is being ended, when not by close()
    QPointer<traffic::TrafficLog> m_log;
    QString m_connection;
};

} // namespace crosstalk::mcp
