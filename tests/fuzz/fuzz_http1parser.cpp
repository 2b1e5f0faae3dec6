// libFuzzer target for the HTTP/1 response reader: whatever the bytes, it
// must not crash or hang, must keep what it buffers within its caps, and
// must read the same response (head, body, verdict) whether the bytes come
// whole or in pieces of any size. The first byte chooses the piece size.
// The WWW-Authenticate fields of the head go through the challenge reader
// (OAuth reads them from any server): every challenge it keeps has a scheme.
#include "auth/WwwAuthenticate.h"
#include "http/Http1Parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using crosstalk::http::Http1Parser;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Outcome
{
    int heads = 0;
    int status = 0;
    QByteArray body;
    bool ok = true;
    bool complete = false;
};

Outcome read(QByteArrayView bytes, qsizetype piece)
{
    Outcome out;
    Http1Parser parser;
    parser.setHeadHandler([&](const Http1Parser::Head &head) {
        ++out.heads;
        out.status = head.status;
        qsizetype headerBytes = 0;
        QList<QByteArray> challenges;
        for (const auto &h : head.headers) {
            headerBytes += h.first.size() + h.second.size();
            if (h.first.compare("www-authenticate", Qt::CaseInsensitive) == 0)
                challenges.append(h.second);
        }
        require(headerBytes <= Http1Parser::MaxHeadBytes);
        const crosstalk::auth::WwwAuthenticate parsed = crosstalk::auth::WwwAuthenticate::parse(challenges);
        for (const crosstalk::auth::AuthChallenge &c : parsed.challenges)
            require(!c.scheme.isEmpty());
    });
    parser.setBodyHandler([&](QByteArrayView b) {
        require(!b.isEmpty());
        out.body += b;
    });
    for (qsizetype at = 0; at < bytes.size() && out.ok; at += piece)
        out.ok = parser.feed(bytes.sliced(at, qMin(piece, bytes.size() - at)));
    out.complete = parser.isComplete();
    if (out.ok && !out.complete) {
        out.ok = parser.finishInput();
        out.complete = parser.isComplete();
    }
    require(out.ok == out.complete);
    require(out.ok || !parser.error().isEmpty());
    require(parser.bodyBytes() == out.body.size());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = qsizetype(data[0] % 64) + 1;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Outcome whole = read(bytes, qMax<qsizetype>(bytes.size(), 1));
    const Outcome split = read(bytes, piece);
    require(whole.ok == split.ok);
    require(whole.heads == split.heads);
    require(whole.heads <= 1);
    require(whole.status == split.status);
    require(whole.body == split.body);
    return 0;
}
