// Fuzzes the event-stream parser: the input is fed whole and again in chunks
// whose sizes come from the input itself; both must give the same events, the
// parser must respect its event-size cap, and nothing may crash or leak.
#include "http/SseParser.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

using crosstalk::http::SseEvent;
using crosstalk::http::SseParser;

namespace {

struct Seen
{
    std::vector<QByteArray> events;
    bool failed = false;
    QByteArray lastId;
};

Seen run(QByteArrayView input, qsizetype cap, size_t chunkSeed)
{
    Seen seen;
    SseParser parser(cap);
    parser.setEventHandler([&](const SseEvent &e) {
        if (e.data.size() > cap)
            std::abort(); // the cap was not honoured
        seen.events.push_back(e.type.toUtf8() + '\x1f' + e.data + '\x1f' + e.lastEventId);
    });
    qsizetype at = 0;
    size_t step = chunkSeed;
    while (at < input.size()) {
        const qsizetype n = chunkSeed == 0 ? input.size() : qsizetype(1 + step % 7);
        step = step * 31 + 17;
        const qsizetype take = qMin(n, input.size() - at);
        if (!parser.feed(input.sliced(at, take)))
            seen.failed = true;
        at += take;
    }
    seen.lastId = parser.lastEventId();
    parser.finish();
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cap = 256;
    const Seen whole = run(input, cap, 0);
    const Seen chunked = run(input, cap, size);
    if (whole.failed != chunked.failed)
        std::abort();
    if (!whole.failed && (whole.events != chunked.events || whole.lastId != chunked.lastId))
        std::abort();
    return 0;
}
