#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace crosstalk::a2a {

/// The A2A error codes (JSON-RPC; the HTTP+JSON binding carries the same).
namespace ErrorCode {
constexpr int TaskNotFound = -32001;
constexpr int TaskNotCancelable = -32002;
constexpr int PushNotificationNotSupported = -32003;
constexpr int UnsupportedOperation = -32004;
constexpr int ContentTypeNotSupported = -32005;
constexpr int InvalidAgentResponse = -32006;
constexpr int ExtendedAgentCardNotConfigured = -32007;
constexpr int ExtensionSupportRequired = -32008;
constexpr int VersionNotSupported = -32009;
} // namespace ErrorCode

/// Why an A2A call did not give a result.
struct A2aError
{
    enum class Kind {
        None,
        Unreachable, ///< could not connect, TLS failed, or timed out
        Http,        ///< an HTTP error status without an A2A error in the body
        Agent,       ///< the agent answered with an error (JSON-RPC or HTTP+JSON)
        Protocol,    ///< the answer broke the protocol (not JSON, wrong shape, …)
    };
    Kind kind = Kind::None;
    bool timedOut = false;
    int code = 0;       ///< the A2A / JSON-RPC code for Agent errors
    int httpStatus = 0;
    QString reason;     ///< v1.0 google.rpc.ErrorInfo reason, when given
    QString serverMessage;
    nlohmann::json data;
    /// One sentence for people, naming the error and what it means.
    QString message;

    bool ok() const { return kind == Kind::None; }
};

/// The name of an A2A or standard JSON-RPC error code ("TaskNotFound",
/// "Invalid params", …), or an empty string.
QString a2aErrorName(int code);
/// What the code means for the person who sent the request.
QString a2aErrorExplanation(int code);

/// An Agent error from a JSON-RPC or HTTP+JSON error object: code, message,
/// and v1.0's ErrorInfo reason from `data` or `details`.
A2aError agentError(const nlohmann::json &errorObject, int httpStatus = 0);

} // namespace crosstalk::a2a
