// crosstalk-bench: throughput of the pieces every connection goes through.
//   sse      parse a 100 MB event stream of 500-byte events fed in 16 KiB chunks
//   jsonrpc  decode small JSON-RPC messages
// Each figure is the best of several rounds, printed with its target.
#include "http/SseParser.h"
#include "jsonrpc/JsonRpcDecoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace crosstalk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray makeEventStream(qsizetype totalBytes, qsizetype eventBytes, qsizetype *events)
{
    // One realistic event: an MCP progress notification padded to size.
    QByteArray event = R"(id: 000000
event: message
data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"tok","progress":1,"total":10,"message":")";
    const QByteArray tail = "\"}}\n\n";
    event += QByteArray(eventBytes - event.size() - tail.size(), 'x') + tail;
    QByteArray stream;
    stream.reserve(totalBytes + eventBytes);
    *events = 0;
    while (stream.size() + event.size() <= totalBytes) {
        stream += event;
        ++*events;
    }
    return stream;
}

void benchSse(int rounds)
{
    constexpr qsizetype total = 100 * 1000 * 1000;
    constexpr qsizetype chunk = 16 * 1024;
    qsizetype expected = 0;
    const QByteArray stream = makeEventStream(total, 500, &expected);
    double best = 1e9;
    for (int r = 0; r < rounds; ++r) {
        http::SseParser parser;
        qsizetype events = 0;
        qsizetype bytes = 0;
        parser.setEventHandler([&](const http::SseEvent &e) {
            ++events;
            bytes += e.data.size();
        });
        QElapsedTimer timer;
        timer.start();
        for (qsizetype at = 0; at < stream.size(); at += chunk)
            parser.feed(QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at)));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (events != expected) {
            out() << "sse: parsed " << events << " events, expected " << expected << Qt::endl;
            std::exit(1);
        }
        best = std::min(best, seconds);
    }
    const double mbPerSecond = double(stream.size()) / 1e6 / best;
    out() << QStringLiteral("sse.parse       %1 MB/s  %2 events/s   (%3 MB, %4 events of 500 bytes, 16 KiB chunks; target >= 300 MB/s) %5")
                 .arg(mbPerSecond, 0, 'f', 0)
                 .arg(double(expected) / best, 0, 'f', 0)
                 .arg(double(stream.size()) / 1e6, 0, 'f', 0)
                 .arg(expected)
                 .arg(mbPerSecond >= 300 ? QStringLiteral("ok") : QStringLiteral("BELOW TARGET"))
          << Qt::endl;
}

void benchJsonRpc(int rounds)
{
    const QList<QByteArray> messages{
        R"({"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}})",
        R"({"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"hi"}],"isError":false}})",
        R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"p","progress":3,"total":10}})",
        R"({"jsonrpc":"2.0","id":"a-7","error":{"code":-32601,"message":"Method not found"}})",
    };
    constexpr int count = 400'000;
    double best = 1e9;
    qsizetype bytes = 0;
    for (int r = 0; r < rounds; ++r) {
        qsizetype ok = 0;
        bytes = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            const QByteArray &m = messages.at(i % messages.size());
            bytes += m.size();
            ok += jsonrpc::decode(m).ok() ? 1 : 0;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (ok != count) {
            out() << "jsonrpc: only " << ok << " of " << count << " decoded" << Qt::endl;
            std::exit(1);
        }
        best = std::min(best, seconds);
    }
    const double rate = count / best;
    out() << QStringLiteral("jsonrpc.decode  %1 messages/s  %2 MB/s   (%3 messages of %4 bytes on average; target >= 200000 messages/s) %5")
                 .arg(rate, 0, 'f', 0)
                 .arg(double(bytes) / 1e6 / best, 0, 'f', 1)
                 .arg(count)
                 .arg(bytes / count)
                 .arg(rate >= 200'000 ? QStringLiteral("ok") : QStringLiteral("BELOW TARGET"))
          << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Throughput of Crosstalk's SSE parser and JSON-RPC decoder."));
    parser.addHelpOption();
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds per figure (the best counts)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    parser.addOption(roundsOption);
    parser.addPositionalArgument(QStringLiteral("which"), QStringLiteral("sse, jsonrpc, or nothing for both."));
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const QStringList which = parser.positionalArguments();
#ifndef NDEBUG
    out() << "note: a debug build; measure a Release build (-DCMAKE_BUILD_TYPE=Release)" << Qt::endl;
#endif
    if (which.isEmpty() || which.contains(QStringLiteral("sse")))
        benchSse(rounds);
    if (which.isEmpty() || which.contains(QStringLiteral("jsonrpc")))
        benchJsonRpc(rounds);
    return 0;
}
