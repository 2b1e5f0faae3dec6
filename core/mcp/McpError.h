#pragma once

#include <QMetaType>
#include <QString>

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
        Cancelled,   ///< the person (or the caller) cancelled it
    };
    Kind kind = Kind::None;
    QString message;
    int code = 0;             ///< for Remote
    nlohmann::json data;      ///< for Remote, when the server sent data
    /// The HTTP status the answer came with, when it came over HTTP and was
    /// not a success (0 otherwise).
    int httpStatus = 0;

    bool ok() const { return kind == Kind::None; }
};

} // namespace crosstalk::mcp

Q_DECLARE_METATYPE(crosstalk::mcp::McpError)
