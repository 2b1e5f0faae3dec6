#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QList>
#include <QString>

#include <optional>

namespace crosstalk::traffic {

/// Seen from Crosstalk: Outgoing is what Crosstalk sent to the peer.
enum class Direction : quint8 { Outgoing, Incoming };

/// What one recorded message was on its transport.
enum class TransportKind : quint8 { HttpRequest, HttpResponse, SseEvent, StdioLine };

/// One HTTP header as it went over the wire (after redaction).
struct HttpHeader
{
    QByteArray name;
    QByteArray value;

    bool operator==(const HttpHeader &) const = default;
    friend size_t qHash(const HttpHeader &header, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, header.name, header.value);
    }
};

/// What the JSON-RPC decoder made of a body.
struct RpcSummary
{
    enum class Kind : quint8 {
        None,         ///< not JSON-RPC
        Request,
        Notification,
        Response,
        Error,
        Batch,
        Invalid,      ///< JSON-RPC-looking, but it fails decoding
    };

    Kind kind = Kind::None;
    /// Messages in a batch; 0 for a single message.
    int batchSize = 0;
    /// The method; for a response or error, the method of the request it
    /// answers when that request was recorded on the same connection.
    QString method;
    /// The id in display form (a string id is shown quoted).
    QString id;
    std::optional<int> errorCode;
    /// Why the body is Invalid, or why it was not summarised.
    QString problem;
};

/// One recorded message: an HTTP request or response, one SSE event or one
/// stdio line. Secrets were redacted before it was stored.
struct TrafficEntry
{
    /// What every entry costs against the byte budget on top of its bytes.
    static constexpr qsizetype FixedOverheadBytes = 256;
    static constexpr qsizetype HeaderOverheadBytes = 32;

    quint64 seq = 0;
    Direction direction = Direction::Outgoing;
    TransportKind kind = TransportKind::StdioLine;
    bool bodyTruncated = false;
    /// Whether redaction changed anything in this entry.
    bool redacted = false;
    qint64 wallMs = 0;      ///< since the Unix epoch
    qint64 monotonicMs = 0; ///< for latencies only
    /// The body's size as it was received or sent, before redaction and
    /// truncation.
    qint64 originalBodySize = 0;
    QString connection;
    /// "POST http://127.0.0.1:3000/mcp", "200 OK", "event: message · id: 7";
    /// empty for stdio.
    QString startLine;
    QList<HttpHeader> headers;
    /// The body as stored: redacted, and cut short when bodyTruncated.
    QByteArray body;
    RpcSummary rpc;
    /// The other half of a request/response pair.
    std::optional<quint64> linkedSeq;
    /// On the answering entry: milliseconds since the request was recorded
    /// (at most 2^31 - 1, some 24 days).
    std::optional<qint32> latencyMs;
    /// What this entry counts against the log's byte budget: body, headers,
    /// strings and a fixed overhead.
    qsizetype costBytes() const;
};

/// Stable lowercase ids, used in exports: "out", "in".
QString directionName(Direction direction);
/// Stable lowercase ids, used in exports: "http-request", "http-response",
/// "sse-event", "stdio-line".
QString transportKindName(TransportKind kind);
/// Stable lowercase ids, used in exports: "none", "request", "notification",
/// "response", "error", "batch", "invalid".
QString rpcKindName(RpcSummary::Kind kind);

} // namespace crosstalk::traffic
