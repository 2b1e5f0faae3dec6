#pragma once

#include "jsonrpc/JsonRpcMessage.h"
#include "jsonrpc/PendingRequests.h"
#include "mcp/McpTransport.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <nlohmann/json.hpp>

namespace crosstalk::mcp {

/// Why an MCP request or connection did not succeed.
struct McpError
{
    enum class Kind {
        None,
        Unreachable, ///< could not start or connect, or the connection ended
        Timeout,     ///< no answer in time (progress restarts the wait)
        Remote,      ///< the server answered with a JSON-RPC error
        Protocol,    ///< the server broke the protocol
    };
    Kind kind = Kind::None;
    QString message;
    int code = 0;             ///< for Remote
    nlohmann::json data;      ///< for Remote, when the server sent data

    bool ok() const { return kind == Kind::None; }
};

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

/// A connection to one MCP server in the legacy era (2025-11-25 and the
/// revisions before it, down to 2024-11-05): initialize with version
/// negotiation, then requests with timeouts that progress restarts and that
/// are cancelled on the wire when they run out, list pagination, server
/// requests answered through a McpClientHandler, ping answered, log and
/// progress notifications reported.
class McpSession : public QObject
{
    Q_OBJECT

public:
    /// The legacy revisions Crosstalk speaks, newest first.
    static const QStringList &legacyVersions();

    using Callback = std::function<void(const McpError &error, const nlohmann::json &result)>;

    /// Takes `transport` as a child. `handler` may be null (server requests
    /// are then refused) and must outlive the session.
    McpSession(McpTransport *transport, McpClientHandler *handler, QObject *parent = nullptr);
    ~McpSession() override;

    /// Starts the transport and initializes: ready() or failed() follows
    /// within `timeoutMs`.
    void open(qint64 timeoutMs);
    /// Sends a request. With `withProgress`, a progress token goes along and
    /// each progress notification restarts the timeout. The callback runs
    /// once, while `context` lives.
    void request(const QString &method, nlohmann::json params, qint64 timeoutMs, QObject *context, Callback callback,
                 bool withProgress = false);
    /// Reads every page of a list (`tools/list`, `resources/list`, …) and
    /// answers `{key: [all items]}`. A cursor that repeats ends with an error.
    void listAll(const QString &method, const QString &key, qint64 timeoutMs, QObject *context, Callback callback);
    void notify(const QString &method, const nlohmann::json &params = nlohmann::json::object());
    /// Ends the connection; closed() follows.
    void close();

    QString era() const { return QStringLiteral("legacy"); }
    QString transportName() const { return m_transport ? m_transport->name() : QString(); }
    const QString &protocolVersion() const { return m_protocolVersion; }
    const nlohmann::json &serverInfo() const { return m_serverInfo; }
    const nlohmann::json &capabilities() const { return m_capabilities; }
    const QString &instructions() const { return m_instructions; }
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

private:
    void onStarted();
    void onMessage(const jsonrpc::Message &message);
    void onServerRequest(const jsonrpc::Request &request);
    void onNotification(const jsonrpc::Notification &notification);
    void onTransportClosed(const QString &reason);
    void fail(McpError error);
    void listPage(const QString &method, const QString &key, const nlohmann::json &cursor, qint64 timeoutMs,
                  QPointer<QObject> context, std::shared_ptr<nlohmann::json> items,
                  std::shared_ptr<QSet<QString>> cursors, Callback callback);

    QPointer<McpTransport> m_transport;
    McpClientHandler *m_handler;
    jsonrpc::PendingRequests m_pending;
    jsonrpc::IdAllocator m_ids;
    QHash<QString, jsonrpc::Id> m_progressTokens; // token → request
    QTimer m_openTimer;
    qint64 m_openTimeoutMs = 0;
    bool m_opening = false;
    bool m_closed = false;
    QString m_protocolVersion;
    nlohmann::json m_serverInfo = nlohmann::json::object();
    nlohmann::json m_capabilities = nlohmann::json::object();
    QString m_instructions;
};

} // namespace crosstalk::mcp

Q_DECLARE_METATYPE(crosstalk::mcp::McpError)
