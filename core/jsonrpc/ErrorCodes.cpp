#include "jsonrpc/ErrorCodes.h"

#include <QCoreApplication>

namespace crosstalk::jsonrpc {

QString errorCodeName(int code)
{
    switch (code) {
    case ErrorCode::ParseError:
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Parse error");
    case ErrorCode::InvalidRequest:
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Invalid Request");
    case ErrorCode::MethodNotFound:
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Method not found");
    case ErrorCode::InvalidParams:
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Invalid params");
    case ErrorCode::InternalError:
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Internal error");
    default:
        break;
    }
    if (ErrorCode::isServerError(code))
        return QCoreApplication::translate("crosstalk::jsonrpc::ErrorCode", "Server error");
    return {};
}

} // namespace crosstalk::jsonrpc
