#include "traffic/TrafficEntry.h"

namespace crosstalk::traffic {

qsizetype TrafficEntry::costBytes() const
{
    qsizetype cost = FixedOverheadBytes + body.size();
    for (const HttpHeader &header : headers)
        cost += HeaderOverheadBytes + header.name.size() + header.value.size();
    const qsizetype utf16Units = connection.size() + startLine.size() + rpc.method.size() + rpc.id.size()
                                 + rpc.problem.size();
    return cost + utf16Units * qsizetype(sizeof(char16_t));
}

QString directionName(Direction direction)
{
    switch (direction) {
    case Direction::Outgoing:
        return QStringLiteral("out");
    case Direction::Incoming:
        return QStringLiteral("in");
    }
    return {};
}

QString transportKindName(TransportKind kind)
{
    switch (kind) {
    case TransportKind::HttpRequest:
        return QStringLiteral("http-request");
    case TransportKind::HttpResponse:
        return QStringLiteral("http-response");
    case TransportKind::SseEvent:
        return QStringLiteral("sse-event");
    case TransportKind::StdioLine:
        return QStringLiteral("stdio-line");
    }
    return {};
}

QString rpcKindName(RpcSummary::Kind kind)
{
    switch (kind) {
    case RpcSummary::Kind::None:
        return QStringLiteral("none");
    case RpcSummary::Kind::Request:
        return QStringLiteral("request");
    case RpcSummary::Kind::Notification:
        return QStringLiteral("notification");
    case RpcSummary::Kind::Response:
        return QStringLiteral("response");
    case RpcSummary::Kind::Error:
        return QStringLiteral("error");
    case RpcSummary::Kind::Batch:
        return QStringLiteral("batch");
    case RpcSummary::Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

} // namespace crosstalk::traffic
