#pragma once

#include "jsonrpc/JsonRpcMessage.h"
#include "jsonrpc/PendingRequests.h"
#include "mcp/McpError.h"
#include "mcp/McpTransport.h"
#include "mcp/RequestHeaders.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <nlohmann/json.hpp>

namespace crosstalk::mcp {

/// Answers the requests a server sends to Crosstalk: sampling, elicitation
/// and roots. The GUI answers with dialogs, the CLI from its flags. Exactly
/// one of `reply` or `refuse` must be called, now or later.
class McpClientHandler
{
public:
    virtual ~McpClientHandler() = default;
    using Reply = std::function<void(const nlohmann::json &result)>;
    using Refuse = std::function<void(const jsonrpc::ErrorObject &error)>;
    /// `method` is sampling/createMessage, elicitation/create or roots/list.
    virtual void handleServerRequest(const QString &method, const nlohmann::json &params, Reply reply, Refuse refuse) = 0;
};

/// A connection to one MCP server, in either era.
///
/// Legacy (2025-11-25 and the revisions before it, down to 2024-11-05):
/// initialize with version negotiation, server requests answered through a
/// McpClientHandler, and on Streamable HTTP a lost session initialized again
/// with the requests in flight sent once more.
///
/// Modern (2026-07-28): no handshake; `server/discover` learns the server,
/// every request carries the protocol version, client capabilities and
/// client info in `_meta` (and, over HTTP, the request-metadata headers), and
/// input the server needs (`input_required`) is gathered through the same
/// handler and sent back with the `requestState` unchanged, round after round.
///
/// `Auto` detects the era as the spec says (a modern probe; any answer that
/// is not a modern one means legacy) and remembers the verdict per server
/// for the life of the program. On Streamable HTTP, a server that refuses
/// the POSTs with 400, 404 or 405 is tried over HTTP+SSE when a fallback
/// transport is given.
///
/// In both eras: requests with timeouts that progress restarts and that are
/// cancelled on the wire when they run out, list pagination, ping answered,
/// log and progress notifications reported.
class McpSession : public QObject
{
    Q_OBJECT

public:
    enum class Era { Auto, Legacy, Modern };

    /// The legacy revisions Crosstalk speaks, newest first.
    static const QStringList &legacyVersions();
    /// The modern revision Crosstalk speaks.
    static QString modernVersion();
    /// The client capabilities Crosstalk declares: every kind of server
    /// request, so that servers show everything they offer.
    static nlohmann::json clientCapabilities();
    /// Forgets every era verdict remembered so far.
    static void clearEraCache();
    /// Input-required rounds one request may take before Crosstalk gives up.
    static constexpr int MaxInputRounds = 16;

    /// Gets the result to keep (a large one is moved, not copied).
    using Callback = std::function<void(const McpError &error, nlohmann::json result)>;
    /// A whole list, handed over to be kept (long lists are moved, not copied).
    using ListCallback = std::function<void(const McpError &error, nlohmann::json result)>;
    /// Names one request() for cancel(), across its input rounds.
    using Ticket = quint64;
    using TransportFactory = std::function<McpTransport *()>;

    /// Takes `transport` as a child. `handler` may be null (server requests
    /// are then refused) and must outlive the session.
    McpSession(McpTransport *transport, McpClientHandler *handler, QObject *parent = nullptr);
    ~McpSession() override;

    /// Which era to speak; Auto (the default) detects it.
    void setEraPreference(Era era) { m_preference = era; }
    /// The transport to try when Streamable HTTP is refused (HTTP+SSE).
    void setFallbackTransport(TransportFactory factory) { m_fallback = std::move(factory); }
    /// The level of log messages wanted: sent with logging/setLevel in the
    /// legacy era, with every request in the modern one. Empty: none asked.
    void setLogLevel(const QString &level);

    /// Starts the transport and learns the server (initialize or discover):
    /// ready() or failed() follows within `timeoutMs`.
    void open(qint64 timeoutMs);
    /// Sends a request. With `withProgress`, a progress token goes along and
    /// each progress notification restarts the timeout. The callback runs
    /// once, while `context` lives. In the modern era, input the server asks
    /// for is gathered and the request sent again until it completes.
    Ticket request(const QString &method, nlohmann::json params, qint64 timeoutMs, QObject *context, Callback callback,
                   bool withProgress = false);
    /// Stops waiting for a request: the server is told (a cancellation
    /// notification, or on modern HTTP the stream closed) and the callback
    /// runs with a Cancelled error. Nothing happens for a finished request.
    void cancel(Ticket ticket, const QString &reason = {});
    /// Answers a set of modern input requests (`inputRequests`: key → request)
    /// through the handler; `done` gets the `inputResponses` object, which
    /// leaves out what the handler refused. `done` runs only while `context`
    /// and the session live.
    void answerInputRequests(const nlohmann::json &inputRequests, QObject *context,
                             std::function<void(const nlohmann::json &responses)> done);
    /// Reads every page of a list (`tools/list`, `resources/list`, …) and
    /// answers `{key: [all items]}`, with the modern caching hints `ttlMs`
    /// (the shortest of the pages') and `cacheScope` when the server gave
    /// them. A cursor that repeats ends with an error.
    /// In the modern era over HTTP, tools whose `x-mcp-header` annotations are
    /// invalid are left out (with a protocolIssue naming each).
    void listAll(const QString &method, const QString &key, qint64 timeoutMs, QObject *context, ListCallback callback);
    void notify(const QString &method, const nlohmann::json &params = nlohmann::json::object());
    /// Ends the connection; closed() follows.
    void close();

    /// "legacy" or "modern" once ready; empty before.
    QString era() const;
    QString transportName() const { return m_transport ? m_transport->name() : QString(); }
    const QString &protocolVersion() const { return m_protocolVersion; }
    const nlohmann::json &serverInfo() const { return m_serverInfo; }
    const nlohmann::json &capabilities() const { return m_capabilities; }
    const QString &instructions() const { return m_instructions; }
    /// The modern discover result's caching hints (-1 and empty in the legacy era).
    qint64 discoverTtlMs() const { return m_ttlMs; }
    const QString &cacheScope() const { return m_cacheScope; }
    /// Whether the era came from the cache instead of a probe.
    bool eraFromCache() const { return m_eraFromCache; }
    McpTransport *transport() const { return m_transport; }

signals:
    void ready();
    void failed(const crosstalk::mcp::McpError &error);
    /// The connection ended (reason empty after close()).
    void closed(const QString &reason);
    void progress(double progress, double total, const QString &message); ///< total < 0 when unknown
    void logMessage(const QString &level, const QString &logger, const nlohmann::json &data);
    void notificationReceived(const QString &method, const nlohmann::json &params);
    /// The server broke a rule, but the connection goes on.
    void protocolIssue(const QString &why);
    /// The transport changed (the fallback to HTTP+SSE).
    void transportChanged(const QString &name);

private:
    struct Outgoing
    {
        QString method;
        nlohmann::json params;
        http::HeaderList headers;
    };

    void attach(McpTransport *transport);
    void onStarted();
    void startModern(bool strict);
    void startLegacy();
    void becomeReady();
    void onMessage(jsonrpc::Message &message);
    void onServerRequest(const jsonrpc::Request &request);
    void onNotification(const jsonrpc::Notification &notification);
    void onTransportClosed(const QString &reason);
    void onRequestFailed(const jsonrpc::Id &id, const McpError &error);
    void onSessionLost(const jsonrpc::Id &id);
    /// Ends a re-initialization that failed: every request waiting on it fails.
    void failLostRequests(const McpError &error);
    void fail(McpError error);
    bool switchToFallback(const McpError &why);
    void sendRequest(Ticket ticket, const QString &method, nlohmann::json params, qint64 timeoutMs, QObject *context,
                     Callback callback, bool withProgress);
    void inputRound(Ticket ticket, const QString &method, const nlohmann::json &params, nlohmann::json result,
                    int round, qint64 timeoutMs, QPointer<QObject> context, Callback callback, bool withProgress);
    void answerInput(const QString &method, const nlohmann::json &params, McpClientHandler::Reply reply,
                     McpClientHandler::Refuse refuse);
    nlohmann::json modernMeta() const;
    nlohmann::json filterTools(nlohmann::json tools);
    void listPage(const QString &method, const QString &key, const nlohmann::json &cursor, qint64 timeoutMs,
                  QPointer<QObject> context, std::shared_ptr<nlohmann::json> items,
                  std::shared_ptr<QSet<QString>> cursors, std::shared_ptr<nlohmann::json> hints, ListCallback callback);

    QPointer<McpTransport> m_transport;
    McpClientHandler *m_handler;
    TransportFactory m_fallback;
    Era m_preference = Era::Auto;
    Era m_era = Era::Auto; // Auto until known
    jsonrpc::PendingRequests m_pending;
    jsonrpc::IdAllocator m_ids;
    QHash<QString, jsonrpc::Id> m_progressTokens; // token → request
    QHash<jsonrpc::Id, McpError> m_failures;       // transport failures, read by the request's callback
    QHash<jsonrpc::Id, Outgoing> m_outgoing;       // requests in flight, for a lost session
    QList<jsonrpc::Id> m_lostRequests;
    Ticket m_nextTicket = 0;
    QHash<Ticket, jsonrpc::Id> m_ticketIds;        // request() → its request on the wire now
    QSet<Ticket> m_cancelledTickets;               // cancelled between two input rounds
    QHash<QString, QList<RequestHeaders::Param>> m_toolHeaders; // modern HTTP: tool → parameter headers
    QTimer m_openTimer;
    qint64 m_openTimeoutMs = 0;
    bool m_opening = false;
    bool m_closed = false;
    bool m_reinitializing = false;
    int m_reinitCount = 0;
    bool m_eraFromCache = false;
    QString m_protocolVersion;
    QString m_logLevel;
    nlohmann::json m_serverInfo = nlohmann::json::object();
    nlohmann::json m_capabilities = nlohmann::json::object();
    QString m_instructions;
    qint64 m_ttlMs = -1;
    QString m_cacheScope;
};

} // namespace crosstalk::mcp

