#include "mcp/McpToolCall.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

namespace crosstalk::mcp {

using nlohmann::json;

namespace {

bool isTerminal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("cancelled");
}

McpError protocolError(const QString &message)
{
    McpError e;
    e.kind = McpError::Kind::Protocol;
    e.message = message;
    return e;
}

/// The legacy server can run tools/call as a task.
bool serverTakesToolTasks(const json &capabilities)
{
    const json *tasks = json_fields::member(capabilities, "tasks");
    const json *requests = tasks ? json_fields::member(*tasks, "requests") : nullptr;
    const json *tools = requests ? json_fields::member(*requests, "tools") : nullptr;
    return tools && json_fields::member(*tools, "call");
}

} // namespace

McpToolCall::McpToolCall(McpSession *session, json tool, json arguments, qint64 timeoutMs, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_tool(std::move(tool))
    , m_arguments(arguments.is_object() ? std::move(arguments) : json::object())
    , m_timeoutMs(timeoutMs)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &McpToolCall::poll);
}

McpToolCall::~McpToolCall()
{
    // A call dropped unfinished stops waiting on the wire too.
    if (m_started && !m_finished && m_session && m_taskId.isEmpty())
        m_session->cancel(m_ticket, tr("The call was abandoned."));
}

schema::SchemaCheck McpToolCall::checkArguments(const json &tool, const json &arguments)
{
    const json *inputSchema = json_fields::member(tool, "inputSchema");
    if (!inputSchema) {
        schema::SchemaCheck check;
        check.verdict = schema::SchemaCheck::Verdict::Valid;
        return check;
    }
    return schema::validate(*inputSchema, arguments);
}

void McpToolCall::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_session) {
        McpError e;
        e.kind = McpError::Kind::Unreachable;
        e.message = tr("The connection to the server is closed.");
        QTimer::singleShot(0, this, [this, e] { finish(e); });
        return;
    }
    m_modern = m_session->era() == QLatin1String("modern");
    json params{{"name", json_fields::text(m_tool, "name").toStdString()}, {"arguments", m_arguments}};
    if (!m_modern) {
        const json *execution = json_fields::member(m_tool, "execution");
        const QString support = execution ? json_fields::text(*execution, "taskSupport") : QString();
        const bool wanted = support == QLatin1String("required") || (support == QLatin1String("optional") && m_preferTask);
        if (wanted && serverTakesToolTasks(m_session->capabilities()))
            params["task"] = {{"ttl", RequestedTaskTtlMs}};
    }
    m_ticket = m_session->request(
        QStringLiteral("tools/call"), std::move(params), m_timeoutMs, this,
        [this](const McpError &error, json result) { onCallAnswered(error, std::move(result)); }, true);
}

void McpToolCall::cancel()
{
    if (!m_started || m_finished || m_cancelling)
        return;
    if (m_taskId.isEmpty()) {
        if (m_session)
            m_session->cancel(m_ticket, tr("Cancelled in Crosstalk."));
        return;
    }
    // A task is cancelled by asking the server; the call ends either way.
    m_cancelling = true;
    m_pollTimer.stop();
    m_session->request(QStringLiteral("tasks/cancel"), json{{"taskId", m_taskId.toStdString()}}, m_timeoutMs, this,
                       [this](const McpError &error, const json &) {
                           McpError e;
                           e.kind = McpError::Kind::Cancelled;
                           e.message = error.ok() ? tr("The task %1 was cancelled.").arg(m_taskId)
                                                  : tr("Crosstalk asked to cancel the task %1; the server answered: %2")
                                                        .arg(m_taskId, error.message);
                           finish(e);
                       });
}

void McpToolCall::onCallAnswered(const McpError &error, json result)
{
    if (!error.ok())
        return finish(error);
    if (!result.is_object())
        return finish(protocolError(tr("The server's answer to tools/call is not an object.")));
    if (m_modern && json_fields::text(result, "resultType") == QLatin1String("task"))
        return followTask(result); // a CreateTaskResult is the task itself
    if (!m_modern) {
        const json *task = json_fields::member(result, "task");
        if (task && task->is_object() && !json_fields::member(result, "content"))
            return followTask(*task);
    }
    complete(std::move(result));
}

void McpToolCall::followTask(const json &task)
{
    m_taskId = json_fields::text(task, "taskId");
    if (m_taskId.isEmpty())
        return finish(protocolError(tr("The server made a task of the call but gave it no taskId.")));
    m_sinceCreated.start();
    onPolled(McpError(), task);
}

void McpToolCall::poll()
{
    if (m_finished || m_cancelling || !m_session)
        return;
    m_session->request(QStringLiteral("tasks/get"), json{{"taskId", m_taskId.toStdString()}}, m_timeoutMs, this,
                       [this](const McpError &error, const json &task) { onPolled(error, task); });
}

void McpToolCall::onPolled(const McpError &error, const json &task)
{
    if (m_finished || m_cancelling)
        return;
    if (!error.ok())
        return finish(error);
    const QString status = json_fields::text(task, "status");
    static const QStringList known{QStringLiteral("working"), QStringLiteral("input_required"), QStringLiteral("completed"),
                                   QStringLiteral("failed"), QStringLiteral("cancelled")};
    if (!known.contains(status))
        return finish(protocolError(tr("The task %1 has the unknown status “%2”.").arg(m_taskId, status.left(40))));
    if (json_fields::text(task, "status") != json_fields::text(m_task, "status")
        || json_fields::text(task, "statusMessage") != json_fields::text(m_task, "statusMessage")) {
        m_task = task;
        emit taskUpdated(m_task);
    }
    m_task = task;

    if (!m_modern) {
        // tasks/result waits for the end and carries the input requests the
        // server still has, as requests of its own.
        if (isTerminal(status) || status == QLatin1String("input_required"))
            return readLegacyResult();
    } else if (status == QLatin1String("completed")) {
        const json *result = json_fields::member(task, "result");
        if (!result || !result->is_object())
            return finish(protocolError(tr("The task %1 completed without a result object.").arg(m_taskId)));
        return complete(*result);
    } else if (status == QLatin1String("failed")) {
        const json *failure = json_fields::member(task, "error");
        McpError e;
        e.kind = McpError::Kind::Remote;
        e.code = failure && failure->is_object() ? failure->value("code", 0) : 0;
        e.message = failure ? json_fields::text(*failure, "message") : json_fields::text(task, "statusMessage");
        if (failure && failure->contains("data"))
            e.data = failure->at("data");
        return finish(e);
    } else if (status == QLatin1String("cancelled")) {
        McpError e;
        e.kind = McpError::Kind::Cancelled;
        const QString why = json_fields::text(task, "statusMessage");
        e.message = why.isEmpty() ? tr("The server cancelled the task %1.").arg(m_taskId)
                                  : tr("The server cancelled the task %1: %2").arg(m_taskId, why);
        return finish(e);
    } else if (status == QLatin1String("input_required")) {
        const json *requests = json_fields::member(task, "inputRequests");
        if (requests && requests->is_object())
            answerModernInput(*requests);
    }

    // The task's time-to-live is the backstop for a task that never ends.
    if (const json *ttl = json_fields::member(task, "ttlMs"); ttl && ttl->is_number() && ttl->get<double>() >= 0
        && m_sinceCreated.elapsed() > qint64(ttl->get<double>()) + m_timeoutMs) {
        McpError e;
        e.kind = McpError::Kind::Timeout;
        e.message = tr("The task %1 did not end within its time to live of %2 ms.").arg(m_taskId).arg(ttl->get<double>());
        return finish(e);
    }
    int interval = DefaultPollMs;
    const json *suggested = json_fields::member(task, m_modern ? "pollIntervalMs" : "pollInterval");
    if (suggested && suggested->is_number())
        interval = int(qBound(double(MinPollMs), suggested->get<double>(), double(MaxPollMs)));
    if (!m_answering)
        m_pollTimer.start(interval);
}

void McpToolCall::answerModernInput(const json &inputRequests)
{
    // The same request seen on two polls is answered once.
    json fresh = json::object();
    for (auto it = inputRequests.begin(); it != inputRequests.end(); ++it) {
        if (!m_answeredInputs.contains(utf8ToString(it.key())))
            fresh[it.key()] = it.value();
    }
    if (fresh.empty())
        return;
    for (auto it = fresh.begin(); it != fresh.end(); ++it)
        m_answeredInputs.insert(utf8ToString(it.key()));
    m_answering = true;
    m_session->answerInputRequests(fresh, this, [this](const json &responses) {
        m_answering = false;
        if (m_finished || m_cancelling)
            return;
        m_session->request(QStringLiteral("tasks/update"),
                           json{{"taskId", m_taskId.toStdString()}, {"inputResponses", responses}}, m_timeoutMs, this,
                           [this](const McpError &error, const json &) {
                               if (!error.ok())
                                   return finish(error);
                               poll();
                           });
    });
}

void McpToolCall::readLegacyResult()
{
    m_session->request(QStringLiteral("tasks/result"), json{{"taskId", m_taskId.toStdString()}}, m_timeoutMs, this,
                       [this](const McpError &error, json result) {
                           if (!error.ok())
                               return finish(error);
                           if (!result.is_object())
                               return finish(protocolError(tr("The result of the task %1 is not an object.").arg(m_taskId)));
                           complete(std::move(result));
                       },
                       true);
}

const json &McpToolCall::result() const
{
    static const json none;
    return m_result ? *m_result : none;
}

void McpToolCall::complete(json result)
{
    m_outputValid = nullptr;
    if (const json *outputSchema = json_fields::member(m_tool, "outputSchema")) {
        const json *structured = json_fields::member(result, "structuredContent");
        if (!structured) {
            // A tool with an output schema must give structured content,
            // unless it reports a failure.
            if (!json_fields::flag(result, "isError")) {
                m_outputValid = false;
                m_outputProblems.append({QString(), tr("the tool has an output schema but gave no structuredContent")});
            }
        } else {
            const schema::SchemaCheck check = schema::validate(*outputSchema, *structured);
            if (check.verdict != schema::SchemaCheck::Verdict::Unchecked)
                m_outputValid = check.verdict == schema::SchemaCheck::Verdict::Valid;
            m_outputProblems = check.problems;
        }
    }
    m_result = std::make_shared<const json>(std::move(result));
    finish(McpError());
}

void McpToolCall::finish(const McpError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    emit finished(error);
}

} // namespace crosstalk::mcp
