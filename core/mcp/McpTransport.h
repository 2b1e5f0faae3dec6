#pragma once

#include "http/RedirectRules.h"
#include "jsonrpc/JsonRpcMessage.h"
#include "mcp/McpError.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

namespace crosstalk::mcp {

/// How JSON-RPC messages travel between Crosstalk and one MCP server: stdio,
/// Streamable HTTP or HTTP+SSE. McpSession speaks the protocol over it.
class McpTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// "stdio", "streamable-http" or "sse", as shown to people and in --json.
    virtual QString name() const = 0;
    /// Names the server for the era cache: the command line of a local
    /// server, the URL of a remote one.
    virtual QString serverKey() const { return name(); }
    /// Connects or starts the server: started() or closed() follows.
    virtual void start() = 0;
    /// Sends a message. `headers` are the request-metadata headers of the
    /// modern era (Mcp-Method, Mcp-Name, Mcp-Param-*); transports that are
    /// not HTTP ignore them.
    virtual void send(const jsonrpc::Message &message, const http::HeaderList &headers = {}) = 0;
    /// Ends the connection in order; closed() follows.
    virtual void close() = 0;

    /// The protocol version to name on the wire (HTTP sends it as
    /// MCP-Protocol-Version), and whether the legacy era's session
    /// mechanics apply (session id, the GET stream, resumption, DELETE).
    virtual void configure(const QString &protocolVersion, bool legacySession)
    {
        Q_UNUSED(protocolVersion);
        Q_UNUSED(legacySession);
    }
    /// The legacy session is initialized: HTTP opens its stream for server
    /// messages.
    virtual void sessionReady() {}
    /// Forgets the legacy session (before initializing again).
    virtual void resetSession() {}
    /// Stops waiting for the answer to `id` in the transport's own way (on
    /// Streamable HTTP in the modern era, closing the request's stream is the
    /// cancellation). False when the protocol's cancel notification is needed.
    virtual bool cancelRequest(const jsonrpc::Id &id)
    {
        Q_UNUSED(id);
        return false;
    }

signals:
    void started();
    /// A message arrived. The session takes what it keeps out of it (a
    /// large result is moved, not copied): connect nothing after it.
    void messageReceived(crosstalk::jsonrpc::Message &message);
    /// Something arrived that is not a JSON-RPC message; the connection goes on.
    void protocolIssue(const QString &why);
    /// The request `id` will get no answer through the protocol: the
    /// transport could not deliver it, or the server answered it at the
    /// transport level (an HTTP error, possibly with a JSON-RPC error body).
    void requestFailed(const crosstalk::jsonrpc::Id &id, const crosstalk::mcp::McpError &error);
    /// The server no longer knows the legacy session the request `id` was sent
    /// in: initialize again and send it once more.
    void sessionLost(const crosstalk::jsonrpc::Id &id);
    /// Requests wait on an authorization under way (a person signing in):
    /// emitted every few seconds meanwhile, so that their time-outs start over.
    void authorizationPending();
    /// The connection is gone: `reason` is empty after close(), and otherwise
    /// says what happened.
    void closed(const QString &reason);

protected:
    /// Emits messageReceived() for each message in turn. A receiver may
    /// close the transport (`closed` becomes true) or destroy it: then the
    /// rest is not emitted, and the answer is false (touch nothing after).
    bool emitMessages(std::vector<jsonrpc::Message> &messages, const bool &closed)
    {
        const QPointer<McpTransport> self(this);
        for (jsonrpc::Message &message : messages) {
            emit messageReceived(message);
            if (!self || closed)
                return false;
        }
        return true;
    }
};

} // namespace crosstalk::mcp
