#pragma once

#include "jsonrpc/JsonRpcMessage.h"

#include <QObject>
#include <QString>

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
    /// Connects or starts the server: started() or closed() follows.
    virtual void start() = 0;
    virtual void send(const jsonrpc::Message &message) = 0;
    /// Ends the connection in order; closed() follows.
    virtual void close() = 0;

signals:
    void started();
    void messageReceived(const crosstalk::jsonrpc::Message &message);
    /// Something arrived that is not a JSON-RPC message; the connection goes on.
    void protocolIssue(const QString &why);
    /// The connection is gone: `reason` is empty after close(), and otherwise
    /// says what happened.
    void closed(const QString &reason);
};

} // namespace crosstalk::mcp
