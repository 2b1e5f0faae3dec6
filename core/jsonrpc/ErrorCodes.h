#pragma once

#include <QString>

namespace crosstalk::jsonrpc {

/// The error codes that JSON-RPC 2.0 reserves (section 5.1 of the
/// specification). MCP and A2A define their own codes inside the server-error
/// range (MCP's -32020 header mismatch, for instance).
namespace ErrorCode {

inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603;

/// The range reserved for implementation-defined server errors.
inline constexpr int ServerErrorFirst = -32099;
inline constexpr int ServerErrorLast = -32000;

constexpr bool isServerError(int code)
{
    return code >= ServerErrorFirst && code <= ServerErrorLast;
}

} // namespace ErrorCode

/// The specification's name for \a code ("Parse error", "Invalid Request",
/// "Method not found", "Invalid params", "Internal error", "Server error" for
/// the server-error range), translated; empty for any other code.
QString errorCodeName(int code);

} // namespace crosstalk::jsonrpc
