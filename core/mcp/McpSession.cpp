#include "mcp/McpSession.h"

#include "jsonrpc/ErrorCodes.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"
#include "util/Version.h"

#include <QSet>

#include <limits>

namespace crosstalk::mcp {

using nlohmann::json;

namespace {

McpError remoteError(const jsonrpc::ErrorObject &error)
{
    McpError e;
    e.kind = McpError::Kind::Remote;
    e.code = error.code;
    e.message = error.message;
    if (error.data)
        e.data = *error.data;
    return e;
}

} // namespace

const QStringList &McpSession::legacyVersions()
{
    static const QStringList versions{QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                                      QStringLiteral("2025-03-26"), QStringLiteral("2024-11-05")};
    return versions;
}

McpSession::McpSession(McpTransport *transport, McpClientHandler *handler, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_handler(handler)
{
    transport->setParent(this);
    connect(transport, &McpTransport::started, this, &McpSession::onStarted);
    connect(transport, &McpTransport::messageReceived, this, &McpSession::onMessage);
    connect(transport, &McpTransport::protocolIssue, this, &McpSession::protocolIssue);
    connect(transport, &McpTransport::closed, this, &McpSession::onTransportClosed);
    connect(&m_pending, &jsonrpc::PendingRequests::timedOut, this, [this](const jsonrpc::Id &id, const QString &) {
        // The server is told to stop working on it.
        notify(QStringLiteral("notifications/cancelled"),
               json{{"requestId", id.toJson()}, {"reason", "The request timed out in Crosstalk."}});
    });
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        McpError e;
        e.kind = McpError::Kind::Timeout;
        e.message = tr("The server did not start and initialize within %1 ms.").arg(m_openTimeoutMs);
        fail(e);
    });
}

McpSession::~McpSession()
{
    m_pending.disconnect(this);
}

void McpSession::open(qint64 timeoutMs)
{
    m_opening = true;
    m_openTimeoutMs = timeoutMs;
    if (timeoutMs > 0)
        m_openTimer.start(int(qMin<qint64>(timeoutMs, std::numeric_limits<int>::max())));
    m_transport->start();
}

void McpSession::onStarted()
{
    const json params{
        {"protocolVersion", legacyVersions().first().toStdString()},
        // Every kind of server request is declared, so that servers show
        // everything they offer; the handler answers (or declines) each.
        {"capabilities",
         {{"roots", {{"listChanged", true}}},
          {"sampling", json::object()},
          {"elicitation", {{"form", json::object()}, {"url", json::object()}}}}},
        {"clientInfo", {{"name", "crosstalk"}, {"title", "Crosstalk"}, {"version", versionString().toStdString()}}},
    };
    request(QStringLiteral("initialize"), params, m_openTimeoutMs, this, [this](const McpError &error, const json &result) {
        if (!m_opening)
            return;
        if (!error.ok()) {
            McpError e = error;
            e.message = tr("The server refused to initialize: %1").arg(error.message);
            fail(e);
            return;
        }
        const QString version = json_fields::text(result, "protocolVersion");
        if (!result.is_object() || !legacyVersions().contains(version)) {
            McpError e;
            e.kind = McpError::Kind::Protocol;
            e.message = version.isEmpty()
                ? tr("The server's answer to initialize has no protocol version.")
                : tr("The server speaks MCP %1, which Crosstalk does not (it speaks %2).")
                      .arg(version, legacyVersions().join(QLatin1String(", ")));
            fail(e);
            return;
        }
        m_protocolVersion = version;
        if (const json *info = json_fields::member(result, "serverInfo"); info && info->is_object())
            m_serverInfo = *info;
        if (const json *caps = json_fields::member(result, "capabilities"); caps && caps->is_object())
            m_capabilities = *caps;
        m_instructions = json_fields::text(result, "instructions");
        notify(QStringLiteral("notifications/initialized"));
        m_opening = false;
        m_openTimer.stop();
        emit ready();
    });
}

void McpSession::request(const QString &method, json params, qint64 timeoutMs, QObject *context, Callback callback,
                         bool withProgress)
{
    if (m_closed || !m_transport) {
        McpError e;
        e.kind = McpError::Kind::Unreachable;
        e.message = tr("The connection to the server is closed.");
        QTimer::singleShot(0, context, [callback, e] { callback(e, json()); });
        return;
    }
    const jsonrpc::Id id = m_ids.next();
    if (!params.is_object())
        params = json::object();
    QString token;
    if (withProgress) {
        token = QStringLiteral("crosstalk-%1").arg(id.toInteger());
        params["_meta"]["progressToken"] = token.toStdString();
        m_progressTokens.insert(token, id);
    }
    const bool tracked = m_pending.track(id, method, timeoutMs, context, [this, callback, method, token, timeoutMs](
                                                                            const jsonrpc::Outcome &outcome) {
        if (!token.isEmpty())
            m_progressTokens.remove(token);
        McpError e;
        switch (outcome.kind) {
        case jsonrpc::Outcome::Kind::Result:
            callback(e, outcome.result);
            return;
        case jsonrpc::Outcome::Kind::Error:
            callback(remoteError(outcome.error), json());
            return;
        case jsonrpc::Outcome::Kind::Timeout:
            e.kind = McpError::Kind::Timeout;
            e.message = tr("The server did not answer %1 within %2 ms.").arg(method).arg(timeoutMs);
            break;
        case jsonrpc::Outcome::Kind::Cancelled:
        case jsonrpc::Outcome::Kind::Abandoned:
            e.kind = McpError::Kind::Unreachable;
            e.message = tr("The connection to the server ended before it answered %1.").arg(method);
            break;
        }
        callback(e, json());
    });
    if (!tracked)
        return;
    jsonrpc::Request r;
    r.id = id;
    r.method = method;
    r.params = std::move(params);
    m_transport->send(r);
}

void McpSession::notify(const QString &method, const json &params)
{
    if (m_closed || !m_transport)
        return;
    jsonrpc::Notification n;
    n.method = method;
    n.params = params.is_object() ? params : json::object();
    m_transport->send(n);
}

void McpSession::listAll(const QString &method, const QString &key, qint64 timeoutMs, QObject *context, Callback callback)
{
    listPage(method, key, json(), timeoutMs, context, std::make_shared<json>(json::array()),
             std::make_shared<QSet<QString>>(), std::move(callback));
}

void McpSession::listPage(const QString &method, const QString &key, const json &cursor, qint64 timeoutMs,
                          QPointer<QObject> context, std::shared_ptr<json> items, std::shared_ptr<QSet<QString>> cursors,
                          Callback callback)
{
    json params = json::object();
    if (!cursor.is_null())
        params["cursor"] = cursor;
    request(method, params, timeoutMs, context, [=, this](const McpError &error, const json &result) {
        if (!error.ok()) {
            callback(error, json());
            return;
        }
        const json *page = json_fields::member(result, key.toUtf8().constData());
        if (!page || !page->is_array()) {
            McpError e;
            e.kind = McpError::Kind::Protocol;
            e.message = tr("The server's answer to %1 has no “%2” list.").arg(method, key);
            callback(e, json());
            return;
        }
        for (const json &item : *page)
            items->push_back(item);
        const json *next = json_fields::member(result, "nextCursor");
        if (!next || next->is_null()) {
            callback(McpError(), json{{key.toStdString(), std::move(*items)}});
            return;
        }
        const QString text = next->is_string() ? utf8ToString(next->get_ref<const std::string &>()) : QString();
        if (!next->is_string() || cursors->contains(text)) {
            McpError e;
            e.kind = McpError::Kind::Protocol;
            e.message = next->is_string()
                ? tr("The server's %1 pages loop: the cursor “%2” came back.").arg(method, text.left(80))
                : tr("The server's %1 answer has a nextCursor that is not a string.").arg(method);
            callback(e, json());
            return;
        }
        cursors->insert(text);
        if (context)
            listPage(method, key, *next, timeoutMs, context, items, cursors, callback);
    });
}

void McpSession::close()
{
    if (m_closed)
        return;
    if (m_transport)
        m_transport->close();
    else
        onTransportClosed({});
}

void McpSession::onMessage(const jsonrpc::Message &message)
{
    if (const auto *response = std::get_if<jsonrpc::Response>(&message)) {
        if (!m_pending.resolve(*response))
            emit protocolIssue(tr("The server answered a request Crosstalk did not send (id %1).").arg(response->id.toString()));
    } else if (const auto *error = std::get_if<jsonrpc::ErrorResponse>(&message)) {
        if (!m_pending.resolve(*error)) {
            emit protocolIssue(error->id.isNull()
                                   ? tr("The server reported an error about no request: %1").arg(error->error.message)
                                   : tr("The server answered a request Crosstalk did not send (id %1) with an error.")
                                         .arg(error->id.toString()));
        }
    } else if (const auto *request = std::get_if<jsonrpc::Request>(&message)) {
        onServerRequest(*request);
    } else if (const auto *notification = std::get_if<jsonrpc::Notification>(&message)) {
        onNotification(*notification);
    }
}

void McpSession::onServerRequest(const jsonrpc::Request &request)
{
    const jsonrpc::Id id = request.id;
    auto reply = [this, id, alive = QPointer<McpSession>(this)](const json &result) {
        if (!alive || m_closed || !m_transport)
            return;
        jsonrpc::Response r;
        r.id = id;
        r.result = result;
        m_transport->send(r);
    };
    auto refuse = [this, id, alive = QPointer<McpSession>(this)](const jsonrpc::ErrorObject &error) {
        if (!alive || m_closed || !m_transport)
            return;
        jsonrpc::ErrorResponse r;
        r.id = id;
        r.error = error;
        m_transport->send(r);
    };
    const json params = request.params.value_or(json::object());
    if (request.method == QLatin1String("ping")) {
        reply(json::object());
    } else if (m_handler
               && (request.method == QLatin1String("roots/list") || request.method == QLatin1String("sampling/createMessage")
                   || request.method == QLatin1String("elicitation/create"))) {
        m_handler->handleServerRequest(request.method, params, reply, refuse);
    } else {
        jsonrpc::ErrorObject e;
        e.code = jsonrpc::ErrorCode::MethodNotFound;
        e.message = QStringLiteral("Method not found: ") + request.method;
        refuse(e);
    }
}

void McpSession::onNotification(const jsonrpc::Notification &notification)
{
    const json params = notification.params.value_or(json::object());
    if (notification.method == QLatin1String("notifications/progress")) {
        const json *token = json_fields::member(params, "progressToken");
        const QString key = token && token->is_string() ? utf8ToString(token->get_ref<const std::string &>())
            : token && token->is_number_integer()        ? QString::number(token->get<qint64>())
                                                          : QString();
        const auto it = m_progressTokens.constFind(key);
        if (it == m_progressTokens.cend()) {
            emit protocolIssue(tr("The server reported progress for a token Crosstalk did not give (%1).").arg(key.left(80)));
            return;
        }
        m_pending.progress(*it);
        const json *p = json_fields::member(params, "progress");
        const json *t = json_fields::member(params, "total");
        emit progress(p && p->is_number() ? p->get<double>() : 0.0, t && t->is_number() ? t->get<double>() : -1.0,
                      json_fields::text(params, "message"));
    } else if (notification.method == QLatin1String("notifications/message")) {
        const json *data = json_fields::member(params, "data");
        emit logMessage(json_fields::text(params, "level"), json_fields::text(params, "logger"), data ? *data : json());
    }
    emit notificationReceived(notification.method, params);
}

void McpSession::onTransportClosed(const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_openTimer.stop();
    if (m_opening) {
        m_opening = false;
        McpError e;
        e.kind = McpError::Kind::Unreachable;
        e.message = reason.isEmpty() ? tr("The connection closed before the server initialized.") : reason;
        emit failed(e);
    }
    m_pending.abandonAll();
    emit closed(reason);
}

void McpSession::fail(McpError error)
{
    if (!m_opening)
        return;
    m_opening = false;
    m_openTimer.stop();
    emit failed(error);
    close();
}

} // namespace crosstalk::mcp
