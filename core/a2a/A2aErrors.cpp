#include "a2a/A2aErrors.h"

#include "jsonrpc/ErrorCodes.h"
#include "util/HiddenText.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>

namespace crosstalk::a2a {

using crosstalk::json_fields::text;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(A2aErrors)

public:
    static QString explanation(int code)
    {
        switch (code) {
        case ErrorCode::TaskNotFound:
            return tr("the agent knows no task with that id (it may have expired)");
        case ErrorCode::TaskNotCancelable:
            return tr("the task can no longer be canceled, usually because it has already ended");
        case ErrorCode::PushNotificationNotSupported:
            return tr("the agent does not send push notifications");
        case ErrorCode::UnsupportedOperation:
            return tr("the agent does not support this operation (for example subscribing to a task that has ended)");
        case ErrorCode::ContentTypeNotSupported:
            return tr("the agent does not accept a media type of the message's parts");
        case ErrorCode::InvalidAgentResponse:
            return tr("the agent produced a response it considers invalid itself");
        case ErrorCode::ExtendedAgentCardNotConfigured:
            return tr("the agent has no extended card");
        case ErrorCode::ExtensionSupportRequired:
            return tr("the agent requires an extension the request did not declare");
        case ErrorCode::VersionNotSupported:
            return tr("the agent does not speak the A2A version the request asked for");
        case jsonrpc::ErrorCode::ParseError:
            return tr("the agent could not parse the request");
        case jsonrpc::ErrorCode::InvalidRequest:
            return tr("the agent found the request malformed");
        case jsonrpc::ErrorCode::MethodNotFound:
            return tr("the agent does not know the method (it may speak another A2A version)");
        case jsonrpc::ErrorCode::InvalidParams:
            return tr("the agent rejected the request's parameters");
        case jsonrpc::ErrorCode::InternalError:
            return tr("the agent failed internally");
        default:
            return QString();
        }
    }
    static QString agentSaid(const QString &name, int code, const QString &explanation, const QString &server,
                             const QString &reason)
    {
        QString s = name.isEmpty() ? tr("The agent answered with error %1").arg(code)
                                   : tr("The agent answered with error %1 (%2)").arg(code).arg(name);
        if (!explanation.isEmpty())
            s += QStringLiteral(": ") + explanation;
        if (!server.isEmpty())
            s += tr("; it said: %1").arg(server);
        if (!reason.isEmpty())
            s += tr(" [reason %1]").arg(reason);
        return s + QLatin1Char('.');
    }
};


// google.rpc.ErrorInfo: {"@type": ".../google.rpc.ErrorInfo", reason, domain, metadata}
QString errorInfoReason(const nlohmann::json &value)
{
    if (value.is_object()) {
        const QString reason = text(value, "reason");
        if (!reason.isEmpty())
            return reason;
    }
    if (value.is_array()) {
        for (const auto &item : value) {
            const QString reason = errorInfoReason(item);
            if (!reason.isEmpty())
                return reason;
        }
    }
    return {};
}

} // namespace

QString a2aErrorName(int code)
{
    switch (code) {
    case ErrorCode::TaskNotFound: return QStringLiteral("TaskNotFound");
    case ErrorCode::TaskNotCancelable: return QStringLiteral("TaskNotCancelable");
    case ErrorCode::PushNotificationNotSupported: return QStringLiteral("PushNotificationNotSupported");
    case ErrorCode::UnsupportedOperation: return QStringLiteral("UnsupportedOperation");
    case ErrorCode::ContentTypeNotSupported: return QStringLiteral("ContentTypeNotSupported");
    case ErrorCode::InvalidAgentResponse: return QStringLiteral("InvalidAgentResponse");
    case ErrorCode::ExtendedAgentCardNotConfigured: return QStringLiteral("ExtendedAgentCardNotConfigured");
    case ErrorCode::ExtensionSupportRequired: return QStringLiteral("ExtensionSupportRequired");
    case ErrorCode::VersionNotSupported: return QStringLiteral("VersionNotSupported");
    default: return jsonrpc::errorCodeName(code);
    }
}

QString a2aErrorExplanation(int code)
{
    return Text::explanation(code);
}

A2aError agentError(const nlohmann::json &e, int httpStatus)
{
    A2aError error;
    error.kind = A2aError::Kind::Agent;
    error.httpStatus = httpStatus;
    const auto code = e.is_object() ? e.find("code") : e.end();
    error.code = e.is_object() && code != e.end() && code->is_number_integer() ? int(code->get<qint64>()) : 0;
    error.serverMessage = text(e, "message");
    if (e.is_object()) {
        if (const auto data = e.find("data"); data != e.end()) {
            error.data = *data;
            error.reason = errorInfoReason(*data);
        }
        if (const auto details = e.find("details"); details != e.end() && error.reason.isEmpty()) {
            error.data = *details;
            error.reason = errorInfoReason(*details);
        }
    }
    error.message = Text::agentSaid(a2aErrorName(error.code), error.code, Text::explanation(error.code),
                                    terminalSafe(error.serverMessage.left(300)), terminalSafe(error.reason.left(100)));
    return error;
}

} // namespace crosstalk::a2a
