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

constexpr int HeaderMismatch = -32020;
constexpr int MissingRequiredClientCapability = -32021;
constexpr int UnsupportedProtocolVersion = -32022;

bool isModernError(const McpError &error)
{
    return error.kind == McpError::Kind::Remote
        && (error.code == HeaderMismatch || error.code == MissingRequiredClientCapability
            || error.code == UnsupportedProtocolVersion);
}

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

McpError protocolError(const QString &message)
{
    McpError e;
    e.kind = McpError::Kind::Protocol;
    e.message = message;
    return e;
}

int boundedMs(qint64 ms)
{
    return int(qBound(qint64(0), ms, qint64(std::numeric_limits<int>::max())));
}

/// The era verdicts of this run, per server.
QHash<QString, McpSession::Era> &eraCache()
{
    static QHash<QString, McpSession::Era> cache;
    return cache;
}

QStringList stringList(const json *value)
{
    QStringList list;
    if (!value || !value->is_array())
        return list;
    for (const json &v : *value) {
        if (v.is_string())
            list.append(utf8ToString(v.get_ref<const std::string &>()));
    }
    return list;
}

} // namespace

const QStringList &McpSession::legacyVersions()
{
    static const QStringList versions{QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                                      QStringLiteral("2025-03-26"), QStringLiteral("2024-11-05")};
    return versions;
}

QString McpSession::modernVersion()
{
    return QStringLiteral("2026-07-28");
}

json McpSession::clientCapabilities()
{
    return json{{"roots", {{"listChanged", true}}},
                {"sampling", json::object()},
                {"elicitation", {{"form", json::object()}, {"url", json::object()}}}};
}

void McpSession::clearEraCache()
{
    eraCache().clear();
}

McpSession::McpSession(McpTransport *transport, McpClientHandler *handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
{
    attach(transport);
    connect(&m_pending, &jsonrpc::PendingRequests::timedOut, this, [this](const jsonrpc::Id &id, const QString &) {
        m_outgoing.remove(id);
        // The server is told to stop working on it: on modern Streamable HTTP
        // by closing the request's stream, elsewhere with a notification.
        if (m_transport && m_transport->cancelRequest(id))
            return;
        notify(QStringLiteral("notifications/cancelled"),
               json{{"requestId", id.toJson()}, {"reason", "The request timed out in Crosstalk."}});
    });
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        McpError e;
        e.kind = McpError::Kind::Timeout;
        e.message = tr("The server did not start and answer within %1 ms.").arg(m_openTimeoutMs);
        fail(e);
    });
}

McpSession::~McpSession()
{
    m_pending.disconnect(this);
}

void McpSession::attach(McpTransport *transport)
{
    m_transport = transport;
    transport->setParent(this);
    connect(transport, &McpTransport::started, this, &McpSession::onStarted);
    connect(transport, &McpTransport::messageReceived, this, &McpSession::onMessage);
    connect(transport, &McpTransport::protocolIssue, this, &McpSession::protocolIssue);
    connect(transport, &McpTransport::closed, this, &McpSession::onTransportClosed);
    connect(transport, &McpTransport::requestFailed, this, &McpSession::onRequestFailed);
    connect(transport, &McpTransport::sessionLost, this, &McpSession::onSessionLost);
    connect(transport, &McpTransport::authorizationPending, this, [this] {
        m_pending.progressAll();
        if (m_openTimer.isActive())
            m_openTimer.start();
    });
}

QString McpSession::era() const
{
    switch (m_era) {
    case Era::Legacy:
        return QStringLiteral("legacy");
    case Era::Modern:
        return QStringLiteral("modern");
    case Era::Auto:
        break;
    }
    return {};
}

void McpSession::setLogLevel(const QString &level)
{
    m_logLevel = level;
    if (m_era == Era::Legacy && !m_opening && !level.isEmpty() && m_capabilities.contains("logging")) {
        request(QStringLiteral("logging/setLevel"), json{{"level", level.toStdString()}}, m_openTimeoutMs, this,
                [this](const McpError &error, const json &) {
                    if (!error.ok())
                        emit protocolIssue(tr("The server refused the log level: %1").arg(error.message));
                });
    }
}

void McpSession::open(qint64 timeoutMs)
{
    m_opening = true;
    m_openTimeoutMs = timeoutMs;
    if (timeoutMs > 0)
        m_openTimer.start(boundedMs(timeoutMs));
    m_transport->start();
}

void McpSession::onStarted()
{
    if (!m_opening)
        return;
    switch (m_preference) {
    case Era::Legacy:
        startLegacy();
        return;
    case Era::Modern:
        startModern(true);
        return;
    case Era::Auto:
        break;
    }
    const auto cached = eraCache().constFind(m_transport->serverKey());
    if (cached != eraCache().cend() && *cached == Era::Legacy) {
        m_eraFromCache = true;
        startLegacy();
        return;
    }
    m_eraFromCache = cached != eraCache().cend();
    startModern(false);
}

void McpSession::startModern(bool strict)
{
    m_era = Era::Modern;
    m_protocolVersion = modernVersion();
    m_transport->configure(m_protocolVersion, false);
    // A legacy server may stay silent about a method it does not know before
    // initialize: the probe waits at most half the time there is, and never
    // more than five seconds, so initialize still has time.
    const qint64 probeMs = strict || m_openTimeoutMs <= 0 ? m_openTimeoutMs : qBound(qint64(1), m_openTimeoutMs / 2, qint64(5000));
    request(QStringLiteral("server/discover"), json::object(), probeMs, this, [this, strict](const McpError &error, const json &result) {
        if (!m_opening)
            return;
        if (error.ok()) {
            const QStringList supported = stringList(json_fields::member(result, "supportedVersions"));
            if (!result.is_object() || !json_fields::member(result, "supportedVersions")) {
                if (strict) {
                    fail(protocolError(tr("The server's answer to server/discover has no supportedVersions.")));
                    return;
                }
                startLegacy();
                return;
            }
            if (!supported.contains(modernVersion())) {
                bool legacy = false;
                for (const QString &v : supported)
                    legacy = legacy || legacyVersions().contains(v);
                if (!strict && legacy) {
                    startLegacy();
                    return;
                }
                fail(protocolError(tr("The server speaks MCP %1, which Crosstalk does not (it speaks %2).")
                                       .arg(supported.join(QLatin1String(", ")), modernVersion())));
                return;
            }
            if (const json *info = json_fields::member(result, "serverInfo"); info && info->is_object())
                m_serverInfo = *info;
            if (const json *caps = json_fields::member(result, "capabilities"); caps && caps->is_object())
                m_capabilities = *caps;
            m_instructions = json_fields::text(result, "instructions");
            if (const json *ttl = json_fields::member(result, "ttlMs"); ttl && ttl->is_number_integer())
                m_ttlMs = ttl->get<qint64>();
            m_cacheScope = json_fields::text(result, "cacheScope");
            eraCache().insert(m_transport->serverKey(), Era::Modern);
            becomeReady();
            return;
        }
        if (isModernError(error)) {
            // A modern server. The only version Crosstalk speaks in this era
            // was refused, unless the server also speaks a legacy one.
            const QStringList supported = stringList(json_fields::member(error.data, "supported"));
            bool legacy = false;
            for (const QString &v : supported)
                legacy = legacy || legacyVersions().contains(v);
            if (error.code == UnsupportedProtocolVersion && legacy && !strict) {
                startLegacy();
                return;
            }
            McpError e = error;
            e.message = error.code == UnsupportedProtocolVersion
                ? tr("The server does not speak MCP %1 (it speaks %2).")
                      .arg(modernVersion(), supported.isEmpty() ? tr("no version it named") : supported.join(QLatin1String(", ")))
                : tr("The server refused server/discover: %1").arg(error.message);
            fail(e);
            return;
        }
        if (strict) {
            McpError e = error;
            e.message = tr("The server does not answer as an MCP %1 server: %2").arg(modernVersion(), error.message);
            fail(e);
            return;
        }
        // Could not connect at all: initialize would not fare better.
        if (error.kind == McpError::Kind::Unreachable && error.httpStatus == 0 && m_transport->name() != QLatin1String("stdio")) {
            fail(error);
            return;
        }
        if (error.kind == McpError::Kind::Unreachable && m_transport->name() == QLatin1String("stdio")) {
            fail(error);
            return;
        }
        startLegacy();
    });
}

void McpSession::startLegacy()
{
    m_era = Era::Legacy;
    m_protocolVersion.clear();
    m_transport->configure(QString(), true);
    const json params{
        {"protocolVersion", legacyVersions().first().toStdString()},
        {"capabilities", clientCapabilities()},
        {"clientInfo", {{"name", "crosstalk"}, {"title", "Crosstalk"}, {"version", versionString().toStdString()}}},
    };
    request(QStringLiteral("initialize"), params, m_openTimeoutMs, this, [this](const McpError &error, const json &result) {
        if (!m_opening && !m_reinitializing)
            return;
        const bool reinit = m_reinitializing;
        if (!error.ok()) {
            if (!reinit && switchToFallback(error))
                return;
            McpError e = error;
            e.message = tr("The server refused to initialize: %1").arg(error.message);
            if (reinit) {
                McpError lost = e;
                lost.message = tr("The server lost the session and did not initialize again: %1").arg(error.message);
                failLostRequests(lost);
                return;
            }
            fail(e);
            return;
        }
        const QString version = json_fields::text(result, "protocolVersion");
        if (!result.is_object() || !legacyVersions().contains(version)) {
            McpError e = protocolError(version.isEmpty()
                                           ? tr("The server's answer to initialize has no protocol version.")
                                           : tr("The server speaks MCP %1, which Crosstalk does not (it speaks %2).")
                                                 .arg(version, legacyVersions().join(QLatin1String(", "))));
            if (reinit) {
                failLostRequests(e);
                return;
            }
            fail(e);
            return;
        }
        m_protocolVersion = version;
        if (const json *info = json_fields::member(result, "serverInfo"); info && info->is_object())
            m_serverInfo = *info;
        if (const json *caps = json_fields::member(result, "capabilities"); caps && caps->is_object())
            m_capabilities = *caps;
        m_instructions = json_fields::text(result, "instructions");
        m_transport->configure(version, true);
        notify(QStringLiteral("notifications/initialized"));
        m_transport->sessionReady();
        if (reinit) {
            m_reinitializing = false;
            for (const jsonrpc::Id &id : std::exchange(m_lostRequests, {})) {
                const auto out = m_outgoing.constFind(id);
                if (out == m_outgoing.cend() || !m_pending.contains(id))
                    continue;
                jsonrpc::Request r;
                r.id = id;
                r.method = out->method;
                r.params = out->params;
                m_transport->send(r, out->headers);
            }
            return;
        }
        eraCache().insert(m_transport->serverKey(), Era::Legacy);
        if (!m_logLevel.isEmpty() && m_capabilities.contains("logging")) {
            // Asked for before ready() so that the first request's logs come.
            request(QStringLiteral("logging/setLevel"), json{{"level", m_logLevel.toStdString()}}, m_openTimeoutMs, this,
                    [this](const McpError &error, const json &) {
                        if (!error.ok())
                            emit protocolIssue(tr("The server refused the log level: %1").arg(error.message));
                    });
        }
        becomeReady();
    });
}

void McpSession::becomeReady()
{
    m_opening = false;
    m_openTimer.stop();
    emit ready();
}

bool McpSession::switchToFallback(const McpError &why)
{
    if (!m_fallback || !m_transport || m_transport->name() != QLatin1String("streamable-http"))
        return false;
    if (isModernError(why) || (why.httpStatus != 400 && why.httpStatus != 404 && why.httpStatus != 405))
        return false;
    McpTransport *next = m_fallback();
    m_fallback = nullptr;
    if (!next)
        return false;
    McpTransport *old = m_transport;
    old->disconnect(this);
    m_pending.abandonAll();
    m_outgoing.clear();
    m_failures.clear();
    old->close();
    old->deleteLater();
    attach(next);
    emit transportChanged(next->name());
    m_era = Era::Legacy;
    next->start(); // onStarted follows; the fallback transport is legacy only
    m_preference = Era::Legacy;
    return true;
}

void McpSession::onSessionLost(const jsonrpc::Id &id)
{
    if (!m_pending.contains(id))
        return;
    if (m_opening || m_era != Era::Legacy) {
        McpError e;
        e.kind = McpError::Kind::Protocol;
        e.message = tr("The server lost the session at once.");
        onRequestFailed(id, e);
        return;
    }
    m_lostRequests.append(id);
    if (m_reinitializing)
        return;
    if (++m_reinitCount > 3) {
        failLostRequests(protocolError(
            tr("The server lost the session again; Crosstalk stopped initializing anew after three times.")));
        return;
    }
    m_reinitializing = true;
    m_transport->resetSession();
    startLegacy();
}

void McpSession::failLostRequests(const McpError &error)
{
    m_reinitializing = false;
    for (const jsonrpc::Id &id : std::exchange(m_lostRequests, {}))
        onRequestFailed(id, error);
}

void McpSession::onRequestFailed(const jsonrpc::Id &id, const McpError &error)
{
    if (!m_pending.contains(id))
        return;
    m_failures.insert(id, error);
    m_pending.cancel(id);
}

json McpSession::modernMeta() const
{
    json capabilities = clientCapabilities();
    // Tool calls go through McpToolCall, which follows a task to its end.
    capabilities["extensions"] = {{"io.modelcontextprotocol/tasks", json::object()}};
    json meta{{"io.modelcontextprotocol/protocolVersion", m_protocolVersion.toStdString()},
              {"io.modelcontextprotocol/clientCapabilities", std::move(capabilities)},
              {"io.modelcontextprotocol/clientInfo",
               {{"name", "crosstalk"}, {"title", "Crosstalk"}, {"version", versionString().toStdString()}}}};
    if (!m_logLevel.isEmpty())
        meta["io.modelcontextprotocol/logLevel"] = m_logLevel.toStdString();
    return meta;
}

McpSession::Ticket McpSession::request(const QString &method, json params, qint64 timeoutMs, QObject *context,
                                       Callback callback, bool withProgress)
{
    const Ticket ticket = ++m_nextTicket;
    // The ticket is forgotten when the request ends, however it ends.
    callback = [self = QPointer<McpSession>(this), ticket, inner = std::move(callback)](const McpError &error,
                                                                                       json result) {
        if (self) {
            self->m_ticketIds.remove(ticket);
            self->m_cancelledTickets.remove(ticket);
        }
        inner(error, std::move(result));
    };
    if (m_era != Era::Modern) {
        sendRequest(ticket, method, std::move(params), timeoutMs, context, std::move(callback), withProgress);
        return ticket;
    }
    const json original = params.is_object() ? params : json::object();
    QPointer<QObject> guard(context);
    // The first answer goes through input rounds like any other.
    Callback firstRound = [this, ticket, method, original, timeoutMs, guard, callback, withProgress](const McpError &error,
                                                                                                   json result) {
        if (!error.ok()) {
            callback(error, json());
            return;
        }
        inputRound(ticket, method, original, std::move(result), 1, timeoutMs, guard, callback, withProgress);
    };
    sendRequest(ticket, method, std::move(params), timeoutMs, context,
                [this, ticket, method, original, timeoutMs, guard, firstRound, withProgress](const McpError &error,
                                                                                            json result) {
                    if (error.kind == McpError::Kind::Remote && error.code == UnsupportedProtocolVersion
                        && stringList(json_fields::member(error.data, "supported")).contains(m_protocolVersion) && guard) {
                        // The server refused a version it says it supports (a
                        // server restarted with other settings, or a proxy in
                        // between): the spec says to retry with a common one,
                        // and this is it. Once.
                        sendRequest(ticket, method, original, timeoutMs, guard, firstRound, withProgress);
                        return;
                    }
                    firstRound(error, std::move(result));
                },
                withProgress);
    return ticket;
}

void McpSession::cancel(Ticket ticket, const QString &reason)
{
    const auto it = m_ticketIds.constFind(ticket);
    if (it == m_ticketIds.cend())
        return;
    const jsonrpc::Id id = *it;
    McpError e;
    e.kind = McpError::Kind::Cancelled;
    e.message = reason.isEmpty() ? tr("The request was cancelled.") : reason;
    if (!m_pending.contains(id)) {
        // Between two input rounds: the next round is not sent.
        m_cancelledTickets.insert(ticket);
        return;
    }
    m_outgoing.remove(id);
    if (!m_transport || !m_transport->cancelRequest(id))
        notify(QStringLiteral("notifications/cancelled"), json{{"requestId", id.toJson()}, {"reason", e.message.toStdString()}});
    m_failures.insert(id, e);
    m_pending.cancel(id);
}

void McpSession::inputRound(Ticket ticket, const QString &method, const json &params, json result, int round,
                            qint64 timeoutMs, QPointer<QObject> context, Callback callback, bool withProgress)
{
    const json *type = json_fields::member(result, "resultType");
    const std::string resultType = type && type->is_string() ? type->get<std::string>() : std::string("complete");
    if (type && !type->is_string()) {
        callback(protocolError(tr("The server's answer to %1 has a resultType that is not a string.").arg(method)), json());
        return;
    }
    if (resultType == "complete" || (resultType == "task" && method == QLatin1String("tools/call"))) {
        callback(McpError(), std::move(result));
        return;
    }
    if (resultType != "input_required") {
        callback(protocolError(tr("The server's answer to %1 has the unknown resultType “%2”.")
                                   .arg(method, utf8ToString(resultType).left(80))),
                 json());
        return;
    }
    if (round > MaxInputRounds) {
        callback(protocolError(tr("The server asked for input more than %1 times for one %2; Crosstalk stopped.")
                                   .arg(MaxInputRounds)
                                   .arg(method)),
                 json());
        return;
    }
    const json *requests = json_fields::member(result, "inputRequests");
    const json *state = json_fields::member(result, "requestState");
    if ((requests && !requests->is_object()) || (state && !state->is_string()) || (!requests && !state)) {
        callback(protocolError(tr("The server's input_required answer to %1 has neither inputRequests nor a requestState "
                                  "of the right shape.")
                                   .arg(method)),
                 json());
        return;
    }
    json next = params;
    next.erase("inputResponses");
    next.erase("requestState");
    if (state)
        next["requestState"] = *state; // echoed unchanged
    if (!context)
        return;
    // The handler may answer later (a dialog): the next round is sent only
    // while the session and the caller are still there.
    answerInputRequests(requests ? *requests : json::object(), context,
                        [this, ticket, method, next, round, timeoutMs, context, callback,
                         withProgress](const json &responses) mutable {
                            if (m_cancelledTickets.contains(ticket)) {
                                McpError e;
                                e.kind = McpError::Kind::Cancelled;
                                e.message = tr("The request was cancelled.");
                                callback(e, json());
                                return;
                            }
                            if (!responses.empty())
                                next["inputResponses"] = responses;
                            json params = next;
                            sendRequest(ticket, method, std::move(next), timeoutMs, context,
                                        [this, ticket, method, params, round, timeoutMs, context, callback,
                                         withProgress](const McpError &error, json result) {
                                            if (!error.ok()) {
                                                callback(error, json());
                                                return;
                                            }
                                            inputRound(ticket, method, params, std::move(result), round + 1, timeoutMs, context,
                                                       callback, withProgress);
                                        },
                                        withProgress);
                        });
}

void McpSession::answerInputRequests(const json &inputRequests, QObject *context,
                                     std::function<void(const json &responses)> done)
{
    struct Round
    {
        json responses = json::object();
        int outstanding = 0;
        bool sent = false;
    };
    auto gathered = std::make_shared<Round>();
    const QPointer<McpSession> self(this);
    const QPointer<QObject> guard(context);
    auto finish = [self, guard, gathered, done]() {
        if (gathered->sent || gathered->outstanding > 0)
            return;
        gathered->sent = true;
        if (self && guard)
            done(gathered->responses);
    };
    if (!inputRequests.is_object() || inputRequests.empty()) {
        finish();
        return;
    }
    gathered->outstanding = int(inputRequests.size());
    for (auto it = inputRequests.begin(); it != inputRequests.end(); ++it) {
        const std::string key = it.key();
        const QString inputMethod = json_fields::text(*it, "method");
        const json *inputParams = json_fields::member(*it, "params");
        auto one = [gathered, finish]() {
            --gathered->outstanding;
            finish();
        };
        auto reply = [gathered, key, one](const json &answer) {
            gathered->responses[key] = answer;
            one();
        };
        auto refuse = [self, key, one](const jsonrpc::ErrorObject &error) {
            // An input request has no error answer: it is left out, and
            // the server decides what that means.
            if (self)
                emit self->protocolIssue(tr("Crosstalk did not give the input “%1”: %2").arg(utf8ToString(key), error.message));
            one();
        };
        answerInput(inputMethod, inputParams && inputParams->is_object() ? *inputParams : json::object(), reply, refuse);
    }
}

void McpSession::answerInput(const QString &method, const json &params, McpClientHandler::Reply reply,
                             McpClientHandler::Refuse refuse)
{
    if (m_handler
        && (method == QLatin1String("roots/list") || method == QLatin1String("sampling/createMessage")
            || method == QLatin1String("elicitation/create"))) {
        m_handler->handleServerRequest(method, params, std::move(reply), std::move(refuse));
        return;
    }
    jsonrpc::ErrorObject e;
    e.code = jsonrpc::ErrorCode::MethodNotFound;
    e.message = QStringLiteral("Method not found: ") + method;
    refuse(e);
}

void McpSession::sendRequest(Ticket ticket, const QString &method, json params, qint64 timeoutMs, QObject *context,
                             Callback callback, bool withProgress)
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
    http::HeaderList headers;
    if (m_era == Era::Modern) {
        json meta = modernMeta();
        if (const json *own = json_fields::member(params, "_meta"); own && own->is_object())
            meta.update(*own);
        params["_meta"] = std::move(meta);
        const QString tool = method == QLatin1String("tools/call") ? json_fields::text(params, "name") : QString();
        headers = RequestHeaders::forRequest(method, params, m_toolHeaders.value(tool));
    }
    const bool tracked = m_pending.track(id, method, timeoutMs, context, [this, callback, method, token, timeoutMs, id](
                                                                            jsonrpc::Outcome &outcome) {
        if (!token.isEmpty())
            m_progressTokens.remove(token);
        m_outgoing.remove(id);
        McpError e;
        switch (outcome.kind) {
        case jsonrpc::Outcome::Kind::Result:
            m_failures.remove(id);
            callback(e, std::move(outcome.result));
            return;
        case jsonrpc::Outcome::Kind::Error:
            m_failures.remove(id);
            callback(remoteError(outcome.error), json());
            return;
        case jsonrpc::Outcome::Kind::Timeout:
            m_failures.remove(id);
            e.kind = McpError::Kind::Timeout;
            e.message = tr("The server did not answer %1 within %2 ms.").arg(method).arg(timeoutMs);
            break;
        case jsonrpc::Outcome::Kind::Cancelled:
        case jsonrpc::Outcome::Kind::Abandoned:
            if (const auto failure = m_failures.constFind(id); failure != m_failures.cend()) {
                e = *failure;
                m_failures.erase(failure);
                break;
            }
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
    m_ticketIds.insert(ticket, id);
    if (m_era == Era::Legacy && m_transport->name() == QLatin1String("streamable-http"))
        m_outgoing.insert(id, Outgoing{method, *r.params, headers});
    m_transport->send(r, headers);
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

json McpSession::filterTools(json tools)
{
    if (m_era != Era::Modern || !tools.is_array())
        return tools;
    const bool http = m_transport && m_transport->name() != QLatin1String("stdio");
    json kept = json::array();
    for (json &tool : tools) {
        const QString name = json_fields::text(tool, "name");
        const json *schema = json_fields::member(tool, "inputSchema");
        const RequestHeaders::ToolParams params = RequestHeaders::toolParams(schema ? *schema : json::object());
        if (!params.ok()) {
            if (http) {
                emit protocolIssue(tr("The tool “%1” is left out: %2").arg(name.left(80), params.problem));
                continue;
            }
        }
        m_toolHeaders.insert(name, params.params);
        kept.push_back(std::move(tool));
    }
    return kept;
}

void McpSession::listAll(const QString &method, const QString &key, qint64 timeoutMs, QObject *context, ListCallback callback)
{
    if (method == QLatin1String("tools/list")) {
        callback = [this, inner = std::move(callback)](const McpError &error, json result) {
            if (error.ok())
                result["tools"] = filterTools(std::move(result["tools"]));
            inner(error, std::move(result));
        };
    }
    listPage(method, key, json(), timeoutMs, context, std::make_shared<json>(json::array()),
             std::make_shared<QSet<QString>>(), std::make_shared<json>(json::object()), std::move(callback));
}

void McpSession::listPage(const QString &method, const QString &key, const json &cursor, qint64 timeoutMs,
                          QPointer<QObject> context, std::shared_ptr<json> items, std::shared_ptr<QSet<QString>> cursors,
                          std::shared_ptr<json> hints, ListCallback callback)
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
            callback(protocolError(tr("The server's answer to %1 has no “%2” list.").arg(method, key)), json());
            return;
        }
        for (const json &item : *page)
            items->push_back(item);
        // The caching hints of the whole list: the shortest time to live of
        // its pages, and "private" when any page says so.
        if (const json *ttl = json_fields::member(result, "ttlMs"); ttl && ttl->is_number() && ttl->get<double>() >= 0) {
            const json *sofar = json_fields::member(*hints, "ttlMs");
            if (!sofar || sofar->get<double>() > ttl->get<double>())
                (*hints)["ttlMs"] = qint64(ttl->get<double>());
        }
        if (const QString scope = json_fields::text(result, "cacheScope"); !scope.isEmpty()) {
            if (json_fields::text(*hints, "cacheScope") != QLatin1String("private"))
                (*hints)["cacheScope"] = scope == QLatin1String("public") ? "public" : "private";
        }
        const json *next = json_fields::member(result, "nextCursor");
        if (!next || next->is_null()) {
            json all = *hints;
            all[key.toStdString()] = std::move(*items);
            // Moved along: a list of thousands of tools is not copied.
            callback(McpError(), std::move(all));
            return;
        }
        const QString text = next->is_string() ? utf8ToString(next->get_ref<const std::string &>()) : QString();
        if (!next->is_string() || cursors->contains(text)) {
            callback(protocolError(next->is_string()
                                       ? tr("The server's %1 pages loop: the cursor “%2” came back.").arg(method, text.left(80))
                                       : tr("The server's %1 answer has a nextCursor that is not a string.").arg(method)),
                     json());
            return;
        }
        cursors->insert(text);
        if (context)
            listPage(method, key, *next, timeoutMs, context, items, cursors, hints, callback);
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

void McpSession::onMessage(jsonrpc::Message &message)
{
    if (auto *response = std::get_if<jsonrpc::Response>(&message)) {
        if (!m_pending.resolve(std::move(*response)))
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
