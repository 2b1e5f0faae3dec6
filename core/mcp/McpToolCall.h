#pragma once

#include "mcp/McpSession.h"
#include "schema/SchemaValidator.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

namespace crosstalk::mcp {

/// One tool call, followed to its end.
///
/// The call goes out with a progress token, so progress restarts its
/// timeout. When the server makes a task of it (in the legacy era when
/// Crosstalk asks for one, as 2025-11-25 task augmentation; in the modern era
/// whenever the server chooses, through the `io.modelcontextprotocol/tasks`
/// extension), the task is polled with `tasks/get` at the interval the
/// server suggests, each state reported, input it asks for gathered through
/// the session's handler (`tasks/update`), and its result read
/// (`tasks/result` in the legacy era, the completed task in the modern one).
/// `structuredContent` is checked against the tool's output schema.
class McpToolCall : public QObject
{
    Q_OBJECT

public:
    /// `tool` is the tool object from tools/list (its schemas and execution
    /// hints are read). The session must outlive the call.
    McpToolCall(McpSession *session, nlohmann::json tool, nlohmann::json arguments, qint64 timeoutMs,
                QObject *parent = nullptr);
    ~McpToolCall() override;

    /// In the legacy era a task is asked for when the tool requires one;
    /// with this, also when the tool allows one. The modern server decides.
    void setPreferTask(bool prefer) { m_preferTask = prefer; }

    /// The check of `arguments` against the tool's input schema. A `$ref` to
    /// another document is never fetched; what it describes is listed as
    /// unvalidated.
    static schema::SchemaCheck checkArguments(const nlohmann::json &tool, const nlohmann::json &arguments);

    /// Sends the call; finished() follows exactly once.
    void start();
    /// Stops the call: a task is cancelled with `tasks/cancel`, a plain
    /// request with the protocol's cancellation. finished() follows with a
    /// Cancelled error.
    void cancel();

    /// The tool result (`content`, `structuredContent`, `isError`, …) once
    /// finished without an error.
    const nlohmann::json &result() const;
    /// The same result, to be kept without a copy; null before it arrived.
    std::shared_ptr<const nlohmann::json> sharedResult() const { return m_result; }
    /// true or false against the output schema; null when the tool has none,
    /// or when the result is a tool error without structured content.
    const nlohmann::json &outputValid() const { return m_outputValid; }
    /// What did not match the output schema, by JSON pointer.
    const QList<schema::SchemaProblem> &outputProblems() const { return m_outputProblems; }
    /// The server's task, when it made one (empty before).
    const QString &taskId() const { return m_taskId; }
    const nlohmann::json &task() const { return m_task; }
    bool isFinished() const { return m_finished; }

    /// Poll interval bounds: a server's suggestion is kept within them.
    static constexpr int MinPollMs = 100;
    static constexpr int MaxPollMs = 30000;
    static constexpr int DefaultPollMs = 1000;
    /// How long a legacy task is asked to be kept (its `ttl`).
    static constexpr qint64 RequestedTaskTtlMs = 10 * 60 * 1000;

signals:
    /// The server's task changed state or message (each state once).
    void taskUpdated(const nlohmann::json &task);
    void finished(const crosstalk::mcp::McpError &error);

private:
    void onCallAnswered(const McpError &error, nlohmann::json result);
    void followTask(const nlohmann::json &task);
    void poll();
    void onPolled(const McpError &error, const nlohmann::json &task);
    void readLegacyResult();
    void answerModernInput(const nlohmann::json &inputRequests);
    void complete(nlohmann::json result);
    void finish(const McpError &error);

    QPointer<McpSession> m_session;
    nlohmann::json m_tool;
    nlohmann::json m_arguments;
    qint64 m_timeoutMs;
    bool m_preferTask = false;
    bool m_modern = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelling = false;
    bool m_answering = false;
    McpSession::Ticket m_ticket = 0;
    QTimer m_pollTimer;
    QElapsedTimer m_sinceCreated;
    QString m_taskId;
    nlohmann::json m_task;
    QSet<QString> m_answeredInputs;
    std::shared_ptr<const nlohmann::json> m_result;
    nlohmann::json m_outputValid;
    QList<schema::SchemaProblem> m_outputProblems;
};

} // namespace crosstalk::mcp
