#include "a2a/A2aClient.h"

#include "http/EventStreamReader.h"
#include "http/HttpAuthorizer.h"
#include "http/HttpClient.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "util/BoundedJson.h"

#include <QUrlQuery>

#include <limits>

namespace crosstalk::a2a {

using nlohmann::json;

namespace {

constexpr int MaxAnswerDepth = 128;
constexpr qsizetype MaxEventBytes = 16 * 1024 * 1024;

json wire(const QString &s)
{
    return json(s.toStdString());
}

ProtocolVersion wireVersion(const QString &interfaceVersion, ProtocolVersion cardVersion)
{
    if (interfaceVersion.startsWith(QLatin1String("1")))
        return ProtocolVersion::V1_0;
    if (interfaceVersion.startsWith(QLatin1String("0.3")))
        return ProtocolVersion::V0_3;
    if (interfaceVersion.startsWith(QLatin1String("0.2")) || interfaceVersion.startsWith(QLatin1String("0.1")))
        return ProtocolVersion::V0_2;
    return cardVersion;
}

bool sameGeneration(ProtocolVersion a, ProtocolVersion b)
{
    const auto legacy = [](ProtocolVersion v) { return v == ProtocolVersion::V0_3 || v == ProtocolVersion::V0_2; };
    return a == b || (legacy(a) && legacy(b));
}

} // namespace

// ---------------------------------------------------------------------------

A2aCall::A2aCall(QObject *parent, Op op)
    : QObject(parent)
    , m_streaming(op == Op::Stream || op == Op::Subscribe)
    , m_op(op)
{
    m_quietTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &A2aCall::onQuiet);
}

void A2aCall::setSilenceTimeout(qint64 ms)
{
    m_silenceTimeoutMs = ms;
    m_lastEvent.start();
    if (m_gotItem && ms > 0)
        m_quietTimer.start(int(qMin<qint64>(ms, std::numeric_limits<int>::max())));
}

void A2aCall::start(http::HttpReply *reply, bool jsonRpc, qint64 timeoutMs)
{
    m_reply = reply;
    m_jsonRpc = jsonRpc;
    m_firstEventTimeoutMs = timeoutMs;
    if (m_streaming) {
        connect(reply, &http::HttpReply::responseStarted, this, [this](int, const http::HeaderList &headers) {
            bool eventStream = false;
            for (const auto &h : headers) {
                if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
                    eventStream = h.second.trimmed().toLower().startsWith("text/event-stream");
            }
            if (eventStream) {
                auto *reader = new http::EventStreamReader(m_reply, MaxEventBytes, this);
                connect(reader, &http::EventStreamReader::eventReceived, this, &A2aCall::onEvent);
                connect(reader, &http::EventStreamReader::streamFailed, this, [this](const QString &why) {
                    A2aError e;
                    e.kind = A2aError::Kind::Protocol;
                    e.message = why;
                    m_streamError = e;
                });
            } else {
                // An answer that is not a stream (an error, as a rule): kept
                // whole and read like a unary answer.
                connect(m_reply, &http::HttpReply::dataReceived, this, [this](QByteArrayView chunk) {
                    m_body += chunk;
                    if (m_body.size() > MaxEventBytes && !m_streamError) {
                        A2aError e;
                        e.kind = A2aError::Kind::Protocol;
                        e.message = tr("The agent's answer is larger than %1 bytes; it was stopped.").arg(MaxEventBytes);
                        m_streamError = e;
                        m_body.clear();
                        m_reply->abort();
                    }
                });
            }
        });
        if (timeoutMs > 0)
            m_quietTimer.start(int(qMin<qint64>(timeoutMs, std::numeric_limits<int>::max())));
    }
    connect(reply, &http::HttpReply::finished, this, &A2aCall::onFinished);
}

void A2aCall::onQuiet()
{
    if (m_done)
        return;
    if (!m_gotItem) {
        A2aError e;
        e.kind = A2aError::Kind::Unreachable;
        e.timedOut = true;
        e.message = tr("The stream sent no event within %1 ms.").arg(m_firstEventTimeoutMs);
        m_streamError = e;
        if (m_reply)
            m_reply->abort();
        return;
    }
    if (m_silenceTimeoutMs > 0 && m_lastEvent.isValid() && m_lastEvent.elapsed() < m_silenceTimeoutMs) {
        m_quietTimer.start(int(qMin<qint64>(m_silenceTimeoutMs - m_lastEvent.elapsed(), std::numeric_limits<int>::max())));
        return;
    }
    emit streamSilent();
    m_lastEvent.start();
    if (m_silenceTimeoutMs > 0)
        m_quietTimer.start(int(qMin<qint64>(m_silenceTimeoutMs, std::numeric_limits<int>::max())));
}

void A2aCall::onEvent(const http::SseEvent &event)
{
    if (m_done || m_streamError)
        return;
    if (event.data.isEmpty())
        return; // a priming or keep-alive event
    // The silence clock is only noted here, for every event; the timer
    // re-arms itself from it when it fires (restarting a timer per event
    // costs more than reading the event).
    if (!m_gotItem) {
        m_gotItem = true;
        m_quietTimer.stop();
    }
    if (m_silenceTimeoutMs > 0) {
        m_lastEvent.start();
        if (!m_quietTimer.isActive())
            m_quietTimer.start(int(qMin<qint64>(m_silenceTimeoutMs, std::numeric_limits<int>::max())));
    }

    // Nearly every event is a plain success carrying an item: read straight
    // into it. Whatever the fast path declines goes the strict way below,
    // which says exactly what is wrong.
    if (auto item = readStreamEvent(event.data, m_jsonRpc ? Envelope::JsonRpc : Envelope::Bare, MaxAnswerDepth)) {
        emit itemReceived(*item);
        return;
    }
    json result;
    if (m_jsonRpc) {
        jsonrpc::DecodeResult decoded = jsonrpc::decode(event.data, {false, MaxEventBytes, MaxAnswerDepth});
        if (!decoded.ok()) {
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("A stream event is not a JSON-RPC response: %1").arg(decoded.error->message);
            m_streamError = e;
        } else if (auto *error = std::get_if<jsonrpc::ErrorResponse>(&decoded.messages.front())) {
            m_streamError = agentError(jsonrpc::toJson(*error).at("error"));
        } else if (auto *response = std::get_if<jsonrpc::Response>(&decoded.messages.front())) {
            result = std::move(response->result);
        } else {
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("A stream event holds a JSON-RPC request or notification, not a response.");
            m_streamError = e;
        }
    } else {
        JsonReadError error;
        std::optional<json> value = readJson(event.data, MaxAnswerDepth, &error);
        if (!value) {
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("A stream event is not JSON (at byte %1: %2).").arg(error.offset).arg(error.detail);
            m_streamError = e;
        } else if (value->is_object() && value->contains("error")) {
            m_streamError = agentError(value->at("error"));
        } else {
            result = std::move(*value);
        }
    }
    if (m_streamError) {
        if (m_reply)
            m_reply->abort();
        return;
    }
    QString problem;
    if (auto item = readStreamItem(result, &problem)) {
        emit itemReceived(*item);
        return;
    }
    A2aError e;
    e.kind = A2aError::Kind::Protocol;
    e.message = tr("A stream event is not a task, message or update: %1").arg(problem);
    m_streamError = e;
    if (m_reply)
        m_reply->abort();
}

void A2aCall::onFinished(const http::HttpResult &r)
{
    if (m_done)
        return;
    m_quietTimer.stop();
    if (m_streamError)
        return finish(*m_streamError);
    if (r.ok() && (r.status == 401 || r.status == 403) && m_refused) {
        m_body.clear();
        if (m_refused(r)) {
            m_waitingForAuth = true;
            return; // signing in; the call goes on with a new reply or ends
        }
    }
    if (!r.ok()) {
        A2aError e;
        e.kind = r.error == http::HttpResult::Error::TooLarge || r.error == http::HttpResult::Error::RedirectRefused
            ? A2aError::Kind::Protocol
            : A2aError::Kind::Unreachable;
        e.timedOut = r.error == http::HttpResult::Error::ConnectTimeout || r.error == http::HttpResult::Error::IdleTimeout;
        e.message = r.errorMessage;
        return finish(e);
    }
    const bool eventStream = r.header("content-type").trimmed().toLower().startsWith("text/event-stream");
    if (m_streaming && eventStream) {
        if (r.status >= 200 && r.status < 300)
            return finish({});
        A2aError e;
        e.kind = A2aError::Kind::Http;
        e.httpStatus = r.status;
        e.message = tr("The agent answered HTTP %1 with an event stream.").arg(r.status);
        return finish(e);
    }

    const QByteArray &body = m_streaming ? m_body : r.body;
    JsonReadError readError;
    std::optional<json> value = readJson(body, MaxAnswerDepth, &readError);
    const auto httpError = [&]() {
        A2aError e;
        e.kind = A2aError::Kind::Http;
        e.httpStatus = r.status;
        e.message = r.reasonPhrase.isEmpty()
            ? tr("The agent answered HTTP %1 without an A2A error.").arg(r.status)
            : tr("The agent answered HTTP %1 %2 without an A2A error.")
                  .arg(r.status)
                  .arg(QString::fromLatin1(r.reasonPhrase));
        return e;
    };
    if (!value) {
        if (r.status < 200 || r.status >= 300)
            return finish(httpError());
        // Deleting a push config answers google.protobuf.Empty: over
        // HTTP+JSON an empty 2xx body (often 204) is that answer.
        if (!m_jsonRpc && m_op == Op::PushDelete && body.trimmed().isEmpty())
            return finish({}, json::object());
        A2aError e;
        e.kind = A2aError::Kind::Protocol;
        e.httpStatus = r.status;
        e.message = body.trimmed().isEmpty()
            ? tr("The agent's answer is empty.")
            : tr("The agent's answer is not JSON (at byte %1: %2).").arg(readError.offset).arg(readError.detail);
        return finish(e);
    }

    if (m_jsonRpc) {
        jsonrpc::DecodeResult decoded = jsonrpc::decodeJson(std::move(*value));
        if (!decoded.ok()) {
            if (r.status < 200 || r.status >= 300)
                return finish(httpError());
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("The agent's answer is not a JSON-RPC response: %1").arg(decoded.error->message);
            return finish(e);
        }
        if (auto *error = std::get_if<jsonrpc::ErrorResponse>(&decoded.messages.front())) {
            A2aError e = agentError(jsonrpc::toJson(*error).at("error"), r.status);
            return finish(e);
        }
        auto *response = std::get_if<jsonrpc::Response>(&decoded.messages.front());
        if (!response) {
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("The agent answered with a JSON-RPC request instead of a response.");
            return finish(e);
        }
        return takeResult(response->result);
    }
    // HTTP+JSON
    if (r.status < 200 || r.status >= 300) {
        if (value->is_object() && value->contains("error"))
            return finish(agentError(value->at("error"), r.status));
        return finish(httpError());
    }
    takeResult(*value);
}

void A2aCall::takeResult(const json &result)
{
    const bool carriesItem = m_op == Op::Send || m_op == Op::Stream || m_op == Op::Get || m_op == Op::Cancel
        || m_op == Op::Subscribe;
    if (carriesItem) {
        QString problem;
        if (auto item = readStreamItem(result, &problem)) {
            m_gotItem = true;
            emit itemReceived(*item);
        } else {
            A2aError e;
            e.kind = A2aError::Kind::Protocol;
            e.message = tr("The agent's answer is not a task or a message: %1").arg(problem);
            return finish(e, result);
        }
    }
    finish({}, result);
}

void A2aCall::refusedFinally(const http::HttpResult &refusal, const QString &why)
{
    if (m_done)
        return;
    m_waitingForAuth = false;
    m_refused = {};
    m_authProblem = why;
    onFinished(refusal);
}

void A2aCall::finish(A2aError error, const json &result)
{
    if (m_done)
        return;
    if (!m_authProblem.isEmpty() && error.kind != A2aError::Kind::None)
        error.message = tr("%1 (%2)").arg(error.message, m_authProblem);
    m_done = true;
    m_quietTimer.stop();
    emit finished(error, result);
    deleteLater();
}

void A2aCall::abort()
{
    if (m_done)
        return;
    A2aError e;
    e.kind = A2aError::Kind::Unreachable;
    e.message = tr("The call was stopped.");
    m_streamError = e;
    if (m_reply && !m_waitingForAuth)
        m_reply->abort();
    else
        finish(e);
}

// ---------------------------------------------------------------------------

A2aClient::A2aClient(http::HttpClient *http, const AgentCard &card, const Options &options, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_card(card)
    , m_options(options)
{
    const auto usable = [&](const AgentInterface &i, bool exactVersion) -> std::optional<ProtocolVersion> {
        if (i.binding != Binding::JsonRpc && i.binding != Binding::HttpJson)
            return std::nullopt;
        if (options.binding != Binding::Unknown && i.binding != options.binding)
            return std::nullopt;
        ProtocolVersion v = wireVersion(i.protocolVersion, card.version);
        if (options.version != ProtocolVersion::Unknown && !sameGeneration(v, options.version)) {
            if (exactVersion)
                return std::nullopt;
            v = options.version; // asked for explicitly: spoken at this interface anyway
        }
        if (v == ProtocolVersion::Unknown)
            return std::nullopt;
        if (i.binding == Binding::HttpJson && v != ProtocolVersion::V1_0)
            return std::nullopt; // v0.3's REST binding is not spoken
        return v;
    };
    for (bool exact : {true, false}) {
        for (const AgentInterface &i : card.interfaces) {
            if (const auto v = usable(i, exact)) {
                m_endpoint = i;
                m_version = *v;
                return;
            }
        }
    }
    m_setupError = card.interfaces.isEmpty()
        ? tr("The card names no interface to reach the agent at.")
        : tr("The card offers no interface Crosstalk can speak with the binding and version asked for "
             "(JSON-RPC for v1.0 and v0.3, HTTP+JSON for v1.0).");
}

QString A2aClient::methodName(Op op) const
{
    const bool v1 = m_version == ProtocolVersion::V1_0;
    switch (op) {
    case Op::Send: return v1 ? QStringLiteral("SendMessage") : QStringLiteral("message/send");
    case Op::Stream: return v1 ? QStringLiteral("SendStreamingMessage") : QStringLiteral("message/stream");
    case Op::Get: return v1 ? QStringLiteral("GetTask") : QStringLiteral("tasks/get");
    case Op::List: return v1 ? QStringLiteral("ListTasks") : QString();
    case Op::Cancel: return v1 ? QStringLiteral("CancelTask") : QStringLiteral("tasks/cancel");
    case Op::Subscribe: return v1 ? QStringLiteral("SubscribeToTask") : QStringLiteral("tasks/resubscribe");
    case Op::PushCreate:
        return v1 ? QStringLiteral("CreateTaskPushNotificationConfig") : QStringLiteral("tasks/pushNotificationConfig/set");
    case Op::PushGet:
        return v1 ? QStringLiteral("GetTaskPushNotificationConfig") : QStringLiteral("tasks/pushNotificationConfig/get");
    case Op::PushList:
        return v1 ? QStringLiteral("ListTaskPushNotificationConfigs") : QStringLiteral("tasks/pushNotificationConfig/list");
    case Op::PushDelete:
        return v1 ? QStringLiteral("DeleteTaskPushNotificationConfig")
                  : QStringLiteral("tasks/pushNotificationConfig/delete");
    case Op::ExtendedCard:
        return v1 ? QStringLiteral("GetExtendedAgentCard") : QStringLiteral("agent/getAuthenticatedExtendedCard");
    }
    return QString();
}

A2aCall *A2aClient::failedCall(const QString &why)
{
    auto *c = new A2aCall(this, Op::Get);
    A2aError e;
    e.kind = A2aError::Kind::Protocol;
    e.message = why;
    QTimer::singleShot(0, c, [c, e] { c->finish(e); });
    return c;
}

A2aCall *A2aClient::call(Op op, json params, const QString &taskId, const QString &configId, const QString &query)
{
    if (!m_setupError.isEmpty())
        return failedCall(m_setupError);
    if (!m_http)
        return failedCall(tr("The connection is closed."));
    const bool v1 = m_version == ProtocolVersion::V1_0;
    const bool streaming = op == Op::Stream || op == Op::Subscribe;

    http::HttpRequest request;
    request.headers = m_options.headers;
    if (v1)
        request.headers.emplaceBack("A2A-Version", "1.0");
    request.headers.emplaceBack("Accept", streaming ? "text/event-stream, application/json" : "application/json");
    request.connectTimeoutMs = m_options.timeoutMs;
    if (streaming) {
        request.streaming = true;
        request.idleTimeoutMs = 0; // the call watches the first event itself
    } else {
        request.idleTimeoutMs = m_options.timeoutMs;
    }

    if (m_endpoint.binding == Binding::JsonRpc) {
        const QString method = methodName(op);
        if (method.isEmpty())
            return failedCall(tr("A2A v0.3 has no JSON-RPC method for this operation."));
        if (v1 && !m_endpoint.tenant.isEmpty() && params.is_object())
            params["tenant"] = wire(m_endpoint.tenant);
        const json body = {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", method.toStdString()}, {"params", params}};
        request.method = "POST";
        request.url = QUrl(m_endpoint.url);
        request.headers.emplaceBack("Content-Type", "application/json");
        request.body = QByteArray::fromStdString(body.dump(-1, ' ', false, json::error_handler_t::replace));
    } else {
        QString base = m_endpoint.url;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        if (!m_endpoint.tenant.isEmpty())
            base += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(m_endpoint.tenant));
        const QString task = QString::fromLatin1(QUrl::toPercentEncoding(taskId));
        const QString config = QString::fromLatin1(QUrl::toPercentEncoding(configId));
        QString path;
        QByteArray method = "GET";
        bool withBody = false;
        switch (op) {
        case Op::Send: path = QStringLiteral("/message:send"); method = "POST"; withBody = true; break;
        case Op::Stream: path = QStringLiteral("/message:stream"); method = "POST"; withBody = true; break;
        case Op::Get: path = QStringLiteral("/tasks/") + task; break;
        case Op::List: path = QStringLiteral("/tasks"); break;
        case Op::Cancel: path = QStringLiteral("/tasks/") + task + QStringLiteral(":cancel"); method = "POST"; withBody = true; break;
        case Op::Subscribe: path = QStringLiteral("/tasks/") + task + QStringLiteral(":subscribe"); break;
        case Op::PushCreate: path = QStringLiteral("/tasks/") + task + QStringLiteral("/pushNotificationConfigs"); method = "POST"; withBody = true; break;
        case Op::PushGet: path = QStringLiteral("/tasks/") + task + QStringLiteral("/pushNotificationConfigs/") + config; break;
        case Op::PushList: path = QStringLiteral("/tasks/") + task + QStringLiteral("/pushNotificationConfigs"); break;
        case Op::PushDelete: path = QStringLiteral("/tasks/") + task + QStringLiteral("/pushNotificationConfigs/") + config; method = "DELETE"; break;
        case Op::ExtendedCard: path = QStringLiteral("/extendedAgentCard"); break;
        }
        QUrl url(base + path);
        if (!query.isEmpty())
            url.setQuery(query);
        request.method = method;
        request.url = url;
        if (withBody) {
            request.headers.emplaceBack("Content-Type", "application/json");
            request.body = QByteArray::fromStdString(params.dump(-1, ' ', false, json::error_handler_t::replace));
        }
    }

    auto *c = new A2aCall(this, op);
    const bool jsonRpc = m_endpoint.binding == Binding::JsonRpc;
    c->start(m_http->send(authorized(request)), jsonRpc, m_options.timeoutMs);
    if (m_options.authorizer) {
        // A refusal asks the authorizer, which may sign in (a person may take
        // minutes in the browser) and have the same request sent again.
        c->m_refused = [this, c, request, jsonRpc, attempts = 0](const http::HttpResult &refusal) mutable {
            http::HttpAuthorizer *authorizer = m_options.authorizer;
            if (!authorizer || !m_http)
                return false;
            const http::HeaderList sent = authorizer->authorizationHeaders();
            authorizer->challenged(refusal, sent, attempts++, c,
                                   [this, c, request, jsonRpc, refusal](bool retry, const QString &why) {
                                       if (c->m_done)
                                           return;
                                       if (!retry || !m_http)
                                           return c->refusedFinally(refusal, why);
                                       c->m_waitingForAuth = false;
                                       c->start(m_http->send(authorized(request)), jsonRpc, m_options.timeoutMs);
                                   });
            return true;
        };
    }
    return c;
}

void A2aClient::setAuthorizer(http::HttpAuthorizer *authorizer)
{
    m_options.authorizer = authorizer;
}

http::HttpRequest A2aClient::authorized(http::HttpRequest request) const
{
    http::HttpAuthorizer *authorizer = m_options.authorizer;
    if (!authorizer)
        return request;
    for (const auto &header : authorizer->authorizationHeaders()) {
        m_http->addCredentialHeader(header.first);
        request.headers.append(header);
    }
    for (const QString &name : authorizer->credentialParameters())
        m_http->addCredentialParameter(name);
    request.url = authorizer->authorizedUrl(request.url);
    return request;
}

json A2aClient::sendParams(const Message &message, const SendOptions &options) const
{
    const bool v1 = m_version == ProtocolVersion::V1_0;
    json configuration = json::object();
    if (!options.acceptedOutputModes.isEmpty()) {
        json modes = json::array();
        for (const QString &m : options.acceptedOutputModes)
            modes.push_back(wire(m));
        configuration["acceptedOutputModes"] = modes;
    }
    if (options.historyLength)
        configuration["historyLength"] = *options.historyLength;
    if (v1) {
        if (options.returnImmediately)
            configuration["returnImmediately"] = true;
    } else {
        configuration["blocking"] = !options.returnImmediately;
    }
    if (!options.pushUrl.isEmpty()) {
        json push = {{"url", wire(options.pushUrl)}};
        if (!options.pushToken.isEmpty())
            push["token"] = wire(options.pushToken);
        configuration[v1 ? "taskPushNotificationConfig" : "pushNotificationConfig"] = push;
    }
    json params = {{"message", userMessageToWire(message, m_version)}};
    if (!configuration.empty())
        params["configuration"] = configuration;
    return params;
}

A2aCall *A2aClient::sendMessage(const Message &message, const SendOptions &options)
{
    return call(Op::Send, sendParams(message, options));
}

A2aCall *A2aClient::sendStreamingMessage(const Message &message, const SendOptions &options)
{
    return call(Op::Stream, sendParams(message, options));
}

A2aCall *A2aClient::getTask(const QString &taskId, std::optional<int> historyLength)
{
    json params = {{"id", wire(taskId)}};
    QString query;
    if (historyLength) {
        params["historyLength"] = *historyLength;
        query = QStringLiteral("historyLength=%1").arg(*historyLength);
    }
    return call(Op::Get, params, taskId, {}, query);
}

A2aCall *A2aClient::listTasks()
{
    if (m_version != ProtocolVersion::V1_0 && m_setupError.isEmpty())
        return failedCall(tr("Listing tasks needs A2A v1.0; this agent is spoken to in v0.3."));
    return call(Op::List, json::object());
}

A2aCall *A2aClient::cancelTask(const QString &taskId)
{
    return call(Op::Cancel, {{"id", wire(taskId)}}, taskId);
}

A2aCall *A2aClient::subscribe(const QString &taskId)
{
    return call(Op::Subscribe, {{"id", wire(taskId)}}, taskId);
}

A2aCall *A2aClient::createPushConfig(const QString &taskId, const QString &url, const QString &token)
{
    json config = {{"url", wire(url)}};
    if (!token.isEmpty())
        config["token"] = wire(token);
    if (m_version == ProtocolVersion::V1_0) {
        config["taskId"] = wire(taskId);
        return call(Op::PushCreate, config, taskId);
    }
    return call(Op::PushCreate, {{"taskId", wire(taskId)}, {"pushNotificationConfig", config}}, taskId);
}

A2aCall *A2aClient::getPushConfig(const QString &taskId, const QString &configId)
{
    if (m_version == ProtocolVersion::V1_0)
        return call(Op::PushGet, {{"taskId", wire(taskId)}, {"id", wire(configId)}}, taskId, configId);
    return call(Op::PushGet, {{"id", wire(taskId)}, {"pushNotificationConfigId", wire(configId)}}, taskId, configId);
}

A2aCall *A2aClient::listPushConfigs(const QString &taskId)
{
    if (m_version == ProtocolVersion::V1_0)
        return call(Op::PushList, {{"taskId", wire(taskId)}}, taskId);
    return call(Op::PushList, {{"id", wire(taskId)}}, taskId);
}

A2aCall *A2aClient::deletePushConfig(const QString &taskId, const QString &configId)
{
    if (m_version == ProtocolVersion::V1_0)
        return call(Op::PushDelete, {{"taskId", wire(taskId)}, {"id", wire(configId)}}, taskId, configId);
    return call(Op::PushDelete, {{"id", wire(taskId)}, {"pushNotificationConfigId", wire(configId)}}, taskId, configId);
}

A2aCall *A2aClient::getExtendedCard()
{
    return call(Op::ExtendedCard, json::object());
}

} // namespace crosstalk::a2a
