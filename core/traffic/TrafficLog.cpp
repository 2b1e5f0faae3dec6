#include "traffic/TrafficLog.h"

#include "jsonrpc/JsonRpcDecoder.h"

#include <QDateTime>
#include <QIODevice>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace crosstalk::traffic {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char firstNonSpace(QByteArrayView body)
{
    for (char c : body) {
        if (!isSpace(c))
            return c;
    }
    return '\0';
}

// An object or array with a "jsonrpc" member somewhere: only these are
// handed to the decoder, so that other JSON stays Kind::None.
bool looksLikeJsonRpc(QByteArrayView body)
{
    const char first = firstNonSpace(body);
    if (first != '{' && first != '[')
        return false;
    static constexpr QByteArrayView Member("\"jsonrpc\"");
    for (qsizetype at = body.indexOf(Member); at >= 0; at = body.indexOf(Member, at + 1)) {
        qsizetype k = at + Member.size();
        while (k < body.size() && isSpace(body[k]))
            ++k;
        if (k < body.size() && body[k] == ':')
            return true;
    }
    return false;
}

Direction opposite(Direction direction)
{
    return direction == Direction::Outgoing ? Direction::Incoming : Direction::Outgoing;
}

std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), size_t(bytes.size()));
}

using OrderedJson = nlohmann::ordered_json;

OrderedJson entryToJson(const TrafficEntry &entry)
{
    OrderedJson line;
    line["seq"] = entry.seq;
    line["time"] = QDateTime::fromMSecsSinceEpoch(entry.wallMs, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
    line["connection"] = entry.connection.toStdString();
    line["direction"] = directionName(entry.direction).toStdString();
    line["kind"] = transportKindName(entry.kind).toStdString();
    line["startLine"] = entry.startLine.toStdString();
    OrderedJson headers = OrderedJson::array();
    for (const HttpHeader &header : entry.headers)
        headers.push_back(OrderedJson::array({toStd(header.name), toStd(header.value)}));
    line["headers"] = std::move(headers);
    if (entry.body.isValidUtf8())
        line["body"] = toStd(entry.body);
    else
        line["bodyBase64"] = toStd(entry.body.toBase64());
    line["bodyTruncated"] = entry.bodyTruncated;
    line["originalBodySize"] = entry.originalBodySize;
    line["redacted"] = entry.redacted;
    if (entry.rpc.kind != RpcSummary::Kind::None || !entry.rpc.problem.isEmpty()) {
        OrderedJson rpc;
        rpc["kind"] = rpcKindName(entry.rpc.kind).toStdString();
        if (!entry.rpc.method.isEmpty())
            rpc["method"] = entry.rpc.method.toStdString();
        if (!entry.rpc.id.isEmpty())
            rpc["id"] = entry.rpc.id.toStdString();
        if (entry.rpc.errorCode)
            rpc["errorCode"] = *entry.rpc.errorCode;
        if (entry.rpc.batchSize > 0)
            rpc["batchSize"] = entry.rpc.batchSize;
        if (!entry.rpc.problem.isEmpty())
            rpc["problem"] = entry.rpc.problem.toStdString();
        line["rpc"] = std::move(rpc);
    }
    if (entry.linkedSeq)
        line["linkedSeq"] = *entry.linkedSeq;
    if (entry.latencyMs)
        line["latencyMs"] = *entry.latencyMs;
    return line;
}

} // namespace

TrafficLog::TrafficLog(qsizetype byteBudget, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : Clock::system())
    , m_byteBudget(std::max<qsizetype>(0, byteBudget))
{
}

TrafficLog::~TrafficLog() = default;

const TrafficEntry &TrafficLog::at(int index) const
{
    Q_ASSERT(index >= 0 && size_t(index) < m_entries.size());
    return m_entries[size_t(index)];
}

const TrafficEntry *TrafficLog::find(quint64 seq) const
{
    if (seq < m_firstSeq || seq - m_firstSeq >= m_entries.size())
        return nullptr;
    return &m_entries[size_t(seq - m_firstSeq)];
}

namespace {

// What is shared: values up to this many bytes; the pools start over when
// they hold this many (entries keep what they share).
constexpr qsizetype MaxInternedLength = 512;
constexpr qsizetype MaxInterned = 8192;

// `bytes`: what the value holds, to leave the long ones alone.
template<typename Set, typename Text>
void internIn(Set &pool, Text &text, qsizetype bytes)
{
    if (text.isEmpty() || bytes > MaxInternedLength)
        return;
    const auto it = pool.constFind(text);
    if (it != pool.cend()) {
        text = *it;
        return;
    }
    if (pool.size() >= MaxInterned)
        pool.clear();
    text.squeeze();
    pool.insert(text);
}

} // namespace

void TrafficLog::intern(QString &text)
{
    internIn(m_strings, text, text.size() * 2);
}

void TrafficLog::intern(QByteArray &bytes)
{
    internIn(m_bytes, bytes, bytes.size());
}

void TrafficLog::intern(QList<HttpHeader> &headers)
{
    // Lists that repeat whole (the headers Crosstalk sends on every call);
    // a long list counts as long as its longest header.
    qsizetype longest = 0;
    for (const HttpHeader &header : std::as_const(headers))
        longest = std::max(longest, header.name.size() + header.value.size());
    internIn(m_headerLists, headers, longest);
}

void TrafficLog::pack(QByteArray &body)
{
    constexpr qsizetype BlockBytes = 1024 * 1024;
    constexpr qsizetype MaxPackedBytes = 16 * 1024; // larger bodies keep their own
    const qsizetype size = body.size();
    if (size == 0 || size > MaxPackedBytes) {
        body.squeeze();
        return;
    }
    if (m_block.isNull() || m_blockUsed + size + 1 > m_block.size()) {
        m_block = QByteArray(BlockBytes, Qt::Uninitialized);
        m_blockUsed = 0;
    }
    // Written past the bodies already in the block, never into them; the
    // block is shared by those bodies, so no detaching access is used.
    QByteArray::DataPointer &block = m_block.data_ptr();
    char *at = block.data() + m_blockUsed;
    std::memcpy(at, body.constData(), size_t(size));
    at[size] = '\0';
    m_blockUsed += size + 1;
    block.d_ptr()->ref();
    body = QByteArray(QByteArray::DataPointer(block.d_ptr(), at, size));
}

TrafficEntry *TrafficLog::findMutable(quint64 seq)
{
    return const_cast<TrafficEntry *>(std::as_const(*this).find(seq));
}

quint64 TrafficLog::record(Record record)
{
    TrafficEntry entry;
    entry.seq = m_nextSeq++;
    entry.wallMs = m_clock->wallMs();
    entry.monotonicMs = m_clock->monotonicMs();
    entry.connection = std::move(record.connection);
    entry.direction = record.direction;
    entry.kind = record.kind;
    entry.startLine = std::move(record.startLine);
    entry.headers = std::move(record.headers);
    entry.body = std::move(record.body);
    entry.originalBodySize = entry.body.size();
    const bool newConnection = !m_connections.contains(entry.connection);
    if (newConnection)
        m_connections.append(entry.connection);
    intern(entry.connection);

    // Redact first: nothing below sees a secret.
    bool redacted = m_redactor.redactStartLine(entry.startLine);
    redacted = m_redactor.redactMessage(entry.headers, entry.body, record.contentType) || redacted;
    entry.redacted = redacted;
    // Stored as small as it can be: shared where it repeats, no spare room.
    intern(entry.startLine); // (squeezing a shared string would copy it)
    for (HttpHeader &header : entry.headers) {
        intern(header.name);
        intern(header.value);
    }
    intern(entry.headers);

    // Summarise: the decoder's parse is the only one this body gets.
    jsonrpc::DecodeResult decoded;
    if (entry.body.size() > MaxSummarisedBodyBytes) {
        const char first = firstNonSpace(QByteArrayView(entry.body).first(64 * 1024));
        if (first == '{' || first == '[')
            entry.rpc.problem = tr("Not decoded as JSON-RPC: the body is larger than %1 MiB.")
                                    .arg(MaxSummarisedBodyBytes / (1024 * 1024));
    } else if (looksLikeJsonRpc(entry.body)) {
        jsonrpc::DecodeOptions options;
        options.allowBatch = true;
        options.maxBytes = MaxSummarisedBodyBytes;
        decoded = jsonrpc::decode(entry.body, options);
        if (!decoded.ok()) {
            entry.rpc.kind = RpcSummary::Kind::Invalid;
            entry.rpc.problem = decoded.error->message;
            intern(entry.rpc.problem);
            decoded.messages.clear();
        } else if (decoded.batch) {
            entry.rpc.kind = RpcSummary::Kind::Batch;
            entry.rpc.batchSize = int(decoded.messages.size());
        } else if (!decoded.messages.empty()) {
            const jsonrpc::Message &message = decoded.messages.front();
            if (const auto *request = std::get_if<jsonrpc::Request>(&message)) {
                entry.rpc.kind = RpcSummary::Kind::Request;
                entry.rpc.method = request->method;
                intern(entry.rpc.method);
                entry.rpc.id = request->id.toString();
            } else if (const auto *notification = std::get_if<jsonrpc::Notification>(&message)) {
                entry.rpc.kind = RpcSummary::Kind::Notification;
                entry.rpc.method = notification->method;
                intern(entry.rpc.method);
            } else if (const auto *response = std::get_if<jsonrpc::Response>(&message)) {
                entry.rpc.kind = RpcSummary::Kind::Response;
                entry.rpc.id = response->id.toString();
            } else if (const auto *error = std::get_if<jsonrpc::ErrorResponse>(&message)) {
                entry.rpc.kind = RpcSummary::Kind::Error;
                entry.rpc.id = error->id.toString();
                entry.rpc.errorCode = error->error.code;
            }
        }
    }

    // Answers link to the request they answer, on this connection, sent the
    // other way. The id stays pending: a stream answers one request many
    // times (every A2A stream event is a response with the request's id), and
    // each answer links to it. A new request with the same id takes it over.
    std::vector<quint64> answered;
    for (const jsonrpc::Message &message : decoded.messages) {
        const jsonrpc::MessageKind kind = jsonrpc::messageKind(message);
        if (kind != jsonrpc::MessageKind::Response && kind != jsonrpc::MessageKind::Error)
            continue;
        const std::optional<jsonrpc::Id> id = jsonrpc::idOf(message);
        if (!id || id->isNull())
            continue;
        const auto it = m_pending.constFind(PendingKey{entry.connection, opposite(entry.direction), id->toString()});
        if (it == m_pending.cend())
            continue;
        if (!decoded.batch) {
            entry.rpc.method = it->method;
            entry.rpc.id = it.key().id; // shared with the request's
        }
        if (find(it->seq))
            answered.push_back(it->seq);
    }

    std::optional<quint64> explicitLink;
    if (record.linkTo && *record.linkTo < entry.seq && find(*record.linkTo))
        explicitLink = record.linkTo;
    if (explicitLink)
        entry.linkedSeq = explicitLink;
    else if (!answered.empty())
        entry.linkedSeq = answered.front();

    // Charge the budget; an entry larger than all of it keeps its head.
    qsizetype cost = entry.costBytes();
    if (cost > m_byteBudget) {
        const qsizetype keep = std::max<qsizetype>(0, m_byteBudget - (cost - entry.body.size()));
        if (keep < entry.body.size()) {
            entry.body = entry.body.left(keep);
            entry.bodyTruncated = true;
            cost = entry.costBytes();
        }
    }
    int evict = 0;
    qsizetype freed = 0;
    while (size_t(evict) < m_entries.size() && m_totalBytes - freed + cost > m_byteBudget)
        freed += m_entries[size_t(evict++)].costBytes();
    if (evict > 0)
        evictOldest(evict);

    // The partner may just have been evicted.
    if (entry.linkedSeq) {
        if (const TrafficEntry *partner = find(*entry.linkedSeq))
            entry.latencyMs = qint32(std::clamp<qint64>(entry.monotonicMs - partner->monotonicMs, 0, std::numeric_limits<qint32>::max()));
        else
            entry.linkedSeq.reset();
    }

    pack(entry.body);
    const quint64 seq = entry.seq;
    const Direction direction = entry.direction;
    const QString connection = entry.connection;
    const QString singleId = decoded.batch ? QString() : entry.rpc.id;
    m_totalBytes += cost;
    m_entries.push_back(std::move(entry));

    // Requests in this entry wait for their answers.
    for (const jsonrpc::Message &message : decoded.messages) {
        const auto *request = std::get_if<jsonrpc::Request>(&message);
        if (!request || request->id.isNull())
            continue;
        PendingKey key{connection, direction, singleId.isEmpty() ? request->id.toString() : singleId};
        m_pending.insert(key, Pending{seq, request->method});
        m_pendingOrder.emplace_back(seq, std::move(key));
    }
    forgetPending(m_firstSeq, MaxPendingRequests);

    // Point the requests back here. An answer by JSON-RPC id replaces a
    // transport link (the HTTP response of a POST whose answer came as an
    // SSE event); otherwise the first answer stays.
    std::vector<quint64> changed;
    const auto linkBack = [&](quint64 partnerSeq, bool byId) {
        TrafficEntry *partner = findMutable(partnerSeq);
        if (!partner || partner->linkedSeq == seq)
            return;
        if (partner->linkedSeq) {
            const TrafficEntry *current = find(*partner->linkedSeq);
            const bool currentIsTransport = current && current->rpc.kind == RpcSummary::Kind::None;
            if (!byId || !currentIsTransport)
                return;
        }
        partner->linkedSeq = seq;
        if (std::find(changed.begin(), changed.end(), partnerSeq) == changed.end())
            changed.push_back(partnerSeq);
    };
    if (explicitLink)
        linkBack(*explicitLink, false);
    for (quint64 partnerSeq : answered)
        linkBack(partnerSeq, true);

    if (newConnection)
        emit connectionAdded(connection);
    emit entryRecorded(seq);
    for (quint64 partnerSeq : changed)
        emit entryChanged(partnerSeq);
    return seq;
}

void TrafficLog::evictOldest(int count)
{
    count = std::min(count, size());
    if (count <= 0)
        return;
    emit aboutToEvict(count);
    for (int i = 0; i < count; ++i) {
        m_totalBytes -= m_entries.front().costBytes();
        m_entries.pop_front();
    }
    m_firstSeq += quint64(count);
    m_evictedCount += quint64(count);
    forgetPending(m_firstSeq, MaxPendingRequests);
    emit evicted(count);
}

void TrafficLog::forgetPending(quint64 belowSeq, int maxKept)
{
    while (!m_pendingOrder.empty()
           && (m_pendingOrder.front().first < belowSeq || m_pendingOrder.size() > size_t(maxKept))) {
        const auto &[seq, key] = m_pendingOrder.front();
        const auto it = m_pending.find(key);
        if (it != m_pending.end() && it->seq == seq)
            m_pending.erase(it);
        m_pendingOrder.pop_front();
    }
}

void TrafficLog::setByteBudget(qsizetype bytes)
{
    m_byteBudget = std::max<qsizetype>(0, bytes);
    int evict = 0;
    qsizetype freed = 0;
    while (size_t(evict) < m_entries.size() && m_totalBytes - freed > m_byteBudget)
        freed += m_entries[size_t(evict++)].costBytes();
    evictOldest(evict);
}

void TrafficLog::clear()
{
    m_entries.clear();
    m_totalBytes = 0;
    m_firstSeq = m_nextSeq;
    m_pending.clear();
    m_pendingOrder.clear();
    m_block = QByteArray();
    m_blockUsed = 0;
    emit cleared();
}

bool TrafficLog::exportNdjson(QIODevice *out, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!out || !out->isWritable())
        return fail(tr("The traffic log cannot be exported: the output is not open for writing."));

    constexpr qsizetype FlushBytes = 1024 * 1024;
    QByteArray buffer;
    const auto flush = [&]() {
        if (buffer.isEmpty())
            return true;
        const qint64 written = out->write(buffer);
        buffer.clear();
        return written >= 0;
    };
    for (const TrafficEntry &entry : m_entries) {
        try {
            // Bytes that are not UTF-8 (header values, connection names) are
            // written as U+FFFD rather than failing the export.
            const std::string line = entryToJson(entry).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
            buffer.append(line.data(), qsizetype(line.size()));
            buffer.append('\n');
        } catch (const nlohmann::json::exception &e) {
            return fail(tr("Entry %1 of the traffic log could not be exported: %2")
                            .arg(entry.seq)
                            .arg(QString::fromUtf8(e.what())));
        }
        if (buffer.size() >= FlushBytes && !flush())
            return fail(tr("Writing the traffic log failed: %1").arg(out->errorString()));
    }
    if (!flush())
        return fail(tr("Writing the traffic log failed: %1").arg(out->errorString()));
    return true;
}

} // namespace crosstalk::traffic
