// crosstalk-bench: throughput of the pieces every connection goes through.
//   sse      parse a 100 MB event stream of 500-byte events fed in 16 KiB chunks
//   jsonrpc  decode small JSON-RPC messages
//   form     compile JSON Schemas into forms: 1,000 properties, 50 levels deep
// Each figure is the best of several rounds, printed with its target.
#include "a2a/A2aClient.h"
#include "a2a/CardDiscovery.h"
#include "a2a/TaskTracker.h"
#include "http/HttpClient.h"
#include "http/SseParser.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "mcp/McpSession.h"
#include "mcp/StdioTransport.h"
#include "mcp/StreamableHttpTransport.h"
#include "schema/FormModel.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

using namespace crosstalk;
namespace test = crosstalk::test;

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

// One streamed A2A task of `events` artifact chunks, recorded once from the
// SDK agent and replayed by a server that is never the bottleneck, consumed
// in the same run by: the core from memory (its own ingest rate: SSE parse,
// JSON-RPC decode, item read, track, assemble), the core over loopback, the
// whole crosstalk-cli, the SDK's own client, and curl (the transfer limit).
struct Timed
{
    double seconds = 0;
    qint64 items = 0;
    qsizetype parts = 0;
    std::shared_ptr<a2a::TaskTracker> tracker;
};

struct Measured
{
    double seconds = 0;
    long peakKb = 0;
    int exitCode = -1;
};

// Runs a program to its end with stdout to `output` (or /dev/null), and
// takes its own peak memory from wait4(). The kernel counts a child's peak
// from the memory of the process it was forked from, so the fork happens in
// a fresh, small launcher (this executable again, see launchMeasured), not
// in the benchmark, which holds the whole stream by then.
Measured runMeasured(const QString &program, const QStringList &arguments, const QString &workingDirectory = {},
                     const QString &output = {})
{
    Measured m;
    QProcess launcher;
    if (!workingDirectory.isEmpty())
        launcher.setWorkingDirectory(workingDirectory);
    launcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    launcher.start(QCoreApplication::applicationFilePath(),
                   QStringList{QStringLiteral("--measure-child"), output.isEmpty() ? QStringLiteral("/dev/null") : output, program}
                       + arguments);
    if (!launcher.waitForFinished(600000))
        return m;
    const QStringList figures = QString::fromLatin1(launcher.readAllStandardOutput()).split(QLatin1Char(' '));
    m.seconds = figures.value(0).toDouble();
    m.peakKb = figures.value(1).toLong();
    m.exitCode = figures.value(2).toInt();
    return m;
}

// Starts argv[0] with stdout to `output`; the child's pid, or -1.
pid_t spawnWithStdout(const char *output, char *argv[])
{
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(output, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            ::close(fd);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

// crosstalk-bench --measure-child OUTPUT PROGRAM [ARGS...]: prints
// "SECONDS PEAK_KB EXIT_CODE" for one run of PROGRAM.
int launchMeasured(int argc, char *argv[])
{
    if (argc < 4)
        return 1;
    timespec start {};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const pid_t pid = spawnWithStdout(argv[2], argv + 3);
    if (pid < 0)
        return 1;
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    timespec end {};
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double seconds = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
    std::printf("%.6f %ld %d", seconds, usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}

// crosstalk-bench --measure-own OUTPUT PROGRAM [ARGS...]: like
// --measure-child, but the peak is the program's own, read from its VmHWM
// (a high-water mark) every millisecond until it exits: wait4() would give
// the larger of the program and the stdio server it starts and reaps.
int launchMeasuredOwn(int argc, char *argv[])
{
    if (argc < 4)
        return 1;
    timespec start {};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const pid_t pid = spawnWithStdout(argv[2], argv + 3);
    if (pid < 0)
        return 1;
    const std::string statusPath = "/proc/" + std::to_string(pid) + "/status";
    long peakKb = 0;
    int status = 0;
    for (;;) {
        if (FILE *f = std::fopen(statusPath.c_str(), "r")) {
            char line[256];
            while (std::fgets(line, sizeof line, f)) {
                long kb = 0;
                if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) {
                    peakKb = std::max(peakKb, kb);
                    break;
                }
            }
            std::fclose(f);
        }
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid || done < 0)
            break;
        usleep(1000);
    }
    timespec end {};
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double seconds = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
    std::printf("%.6f %ld %d", seconds, peakKb, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}

Measured runMeasuredOwn(const QString &program, const QStringList &arguments)
{
    Measured m;
    QProcess launcher;
    launcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    launcher.start(QCoreApplication::applicationFilePath(),
                   QStringList{QStringLiteral("--measure-own"), QStringLiteral("/dev/null"), program} + arguments);
    if (!launcher.waitForFinished(600000))
        return m;
    const QStringList figures = QString::fromLatin1(launcher.readAllStandardOutput()).split(QLatin1Char(' '));
    m.seconds = figures.value(0).toDouble();
    m.peakKb = figures.value(1).toLong();
    m.exitCode = figures.value(2).toInt();
    return m;
}

Timed ingestFromMemory(const QByteArray &stream)
{
    Timed t;
    std::shared_ptr<a2a::TaskTracker> tracker;
    http::SseParser parser;
    parser.setEventHandler([&](const http::SseEvent &e) {
        // What A2aCall does with each event of a JSON-RPC stream.
        if (auto item = a2a::readStreamEvent(e.data, a2a::Envelope::JsonRpc, 128)) {
            ++t.items;
            if (!tracker)
                tracker = std::make_shared<a2a::TaskTracker>(std::get<a2a::Task>(*item).id);
            tracker->apply(*item, a2a::EventSource::Stream);
        }
    });
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype chunk = 16 * 1024;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        parser.feed(QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at)));
    t.seconds = double(timer.nsecsElapsed()) / 1e9;
    t.parts = tracker && !tracker->artifacts().isEmpty() ? tracker->artifacts().first().parts.size() : 0;
    t.tracker = tracker;
    return t;
}

std::optional<Timed> ingestOverLoopback(const QUrl &agent, const QString &text)
{
    http::HttpClient http;
    a2a::CardDiscovery discovery(&http);
    std::optional<a2a::CardFetch> fetched;
    // A plain event loop, not QTest::qWaitFor: that sleeps 10 ms between
    // turns, which a socket read on this thread would pay for.
    QEventLoop loop;
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    QObject::connect(&discovery, &a2a::CardDiscovery::finished, &discovery, [&](const a2a::CardFetch &f) {
        fetched = f;
        loop.quit();
    });
    discovery.fetch(agent);
    loop.exec();
    if (!fetched || !fetched->ok())
        return std::nullopt;
    a2a::A2aClient client(&http, *fetched->card, {});
    a2a::Message message;
    message.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a2a::Part part;
    part.text = text.toUtf8();
    message.parts.append(part);
    std::unique_ptr<a2a::TaskTracker> tracker;
    Timed t;
    bool done = false;
    QElapsedTimer timer;
    timer.start();
    a2a::A2aCall *call = client.sendStreamingMessage(message);
    QObject::connect(call, &a2a::A2aCall::itemReceived, &http, [&](const a2a::StreamItem &item) {
        ++t.items;
        if (!tracker)
            tracker = std::make_unique<a2a::TaskTracker>(std::get<a2a::Task>(item).id);
        tracker->apply(item, a2a::EventSource::Stream);
    });
    QEventLoop streamLoop;
    QTimer::singleShot(600000, &streamLoop, &QEventLoop::quit);
    QObject::connect(call, &a2a::A2aCall::finished, &http, [&](const a2a::A2aError &) {
        done = true;
        streamLoop.quit();
    });
    streamLoop.exec();
    if (!done)
        return std::nullopt;
    t.seconds = double(timer.nsecsElapsed()) / 1e9;
    t.parts = tracker && !tracker->artifacts().isEmpty() ? tracker->artifacts().first().parts.size() : 0;
    return t;
}

double timedCurl(const QUrl &endpoint, const QByteArray &body, const QString &output, double *bytes)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-sN"), QStringLiteral("-o"), output, QStringLiteral("-w"),
                                        QStringLiteral("%{size_download} %{time_total}"), QStringLiteral("-H"),
                                        QStringLiteral("A2A-Version: 1.0"), QStringLiteral("-H"),
                                        QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                        QString::fromUtf8(body), endpoint.toString()});
    curl.waitForFinished(600000);
    const QStringList figures = QString::fromUtf8(curl.readAllStandardOutput()).split(QLatin1Char(' '));
    if (bytes)
        *bytes = figures.value(0).toDouble();
    return figures.value(1).toDouble();
}

// Keeps the fastest run's time and exit code, and the highest peak of all runs.
void keepBest(Measured &best, const Measured &run, bool first)
{
    const long peak = first ? run.peakKb : qMax(best.peakKb, run.peakKb);
    if (first || run.seconds < best.seconds)
        best = run;
    best.peakKb = peak;
}

// The SDK client's own timing of its stream, from the line it prints (0 if none).
double sdkMilliseconds(const QByteArray &line)
{
    const nlohmann::json j = nlohmann::json::parse(line.toStdString(), nullptr, false);
    return j.is_object() ? j.value("ms", 0.0) : 0.0;
}

int benchA2a(int events, int rounds)
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty()) {
        out() << "a2a: " << reason << Qt::endl;
        return 1;
    }
    const QString text = QStringLiteral("big %1").arg(events);
    const QByteArray body = R"({"jsonrpc":"2.0","id":1,"method":"SendStreamingMessage","params":{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"text":")"
        + text.toUtf8() + R"("}]}}})";
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("stream.sse"));
    {
        test::PeerProcess agent;
        if (!agent.start(QStringLiteral("a2a/test-agent.mjs"))) {
            out() << "a2a: " << agent.errorString() << Qt::endl;
            return 1;
        }
        timedCurl(agent.url(QStringLiteral("/a2a/jsonrpc")), body, recording, nullptr);
    }
    QFile file(recording);
    if (!file.open(QIODevice::ReadOnly)) {
        out() << "a2a: the recording failed" << Qt::endl;
        return 1;
    }
    const QByteArray stream = file.readAll();
    file.close();

    test::PeerProcess replay;
    if (!replay.start(QStringLiteral("a2a/replay-server.mjs"), {recording})) {
        out() << "a2a: " << replay.errorString() << Qt::endl;
        return 1;
    }
    const QString base = replay.url().toString();

    // Every figure is the best of `rounds` runs: the machine is shared, and
    // the best run is the one least disturbed by others.
    Timed memory = ingestFromMemory(stream);
    for (int r = 1; r < rounds; ++r) {
        const Timed again = ingestFromMemory(stream);
        if (again.seconds < memory.seconds)
            memory = again;
    }
    double bytes = 0;
    double curlSeconds = 0;
    std::optional<Timed> core;
    Measured cli;
    Measured cardOnly;
    Measured sdk;
    QByteArray sdkOut;
    const QString cliPath = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/crosstalk-cli");
    for (int r = 0; r < rounds; ++r) {
        const double c = timedCurl(replay.url(QStringLiteral("/rpc")), body, QStringLiteral("/dev/null"), &bytes);
        if (r == 0 || c < curlSeconds)
            curlSeconds = c;
        const std::optional<Timed> again = ingestOverLoopback(replay.url(), text);
        if (!again) {
            out() << "a2a: the core's stream did not end" << Qt::endl;
            return 1;
        }
        if (!core || again->seconds < core->seconds)
            core = again;
        // Each child is waited for with wait4(), which gives its own peak RSS.
        const Measured m = runMeasured(cliPath, {QStringLiteral("a2a"), QStringLiteral("send"), base, text,
                                                 QStringLiteral("--stream"), QStringLiteral("--json")});
        keepBest(cli, m, r == 0);
        // The same process doing next to nothing on the network: its constant.
        const Measured card = runMeasured(cliPath, {QStringLiteral("a2a"), QStringLiteral("card"), base, QStringLiteral("--json")});
        cardOnly.peakKb = qMax(cardOnly.peakKb, card.peakKb);
        QTemporaryFile sdkOutput;
        sdkOutput.open();
        const Measured s = runMeasured(test::nodeProgram(), {QStringLiteral("a2a/bench-client.mjs"), base, text},
                                       test::peersDir(), sdkOutput.fileName());
        const QByteArray o = sdkOutput.readAll().trimmed();
        keepBest(sdk, s, r == 0);
        if (r == 0 || sdkMilliseconds(o) < sdkMilliseconds(sdkOut))
            sdkOut = o; // the SDK client's own best timing
    }
    const double cliSeconds = cli.seconds;
    const double sdkSeconds = sdk.seconds;
    qsizetype textBytes = 0;
    if (memory.tracker) {
        for (const a2a::Artifact &a : memory.tracker->artifacts()) {
            for (const a2a::Part &p : a.parts)
                textBytes += p.text.size();
        }
    }

    const auto rate = [&](double seconds) { return QStringLiteral("%1 MB/s").arg(double(stream.size()) / 1e6 / seconds, 0, 'f', 1); };
    out() << QStringLiteral("a2a.stream       one streamed task: %1 events, %2 MB of SSE (%3 artifact chunks), replayed from loopback")
                 .arg(memory.items).arg(double(stream.size()) / 1e6, 0, 'f', 1).arg(events)
          << Qt::endl;
    out() << QStringLiteral("  core, memory   %1 s  %2  %3 events/s   (SSE parse, JSON-RPC decode, track, assemble: %4 parts)")
                 .arg(memory.seconds, 0, 'f', 3).arg(rate(memory.seconds)).arg(double(memory.items) / memory.seconds, 0, 'f', 0).arg(memory.parts)
          << Qt::endl;
    out() << QStringLiteral("  curl           %1 s  %2   (the transfer limit; %3 bytes)").arg(curlSeconds, 0, 'f', 3).arg(rate(curlSeconds)).arg(bytes, 0, 'f', 0) << Qt::endl;
    out() << QStringLiteral("  core, loopback %1 s  %2  %3 events/s   (%4 parts)")
                 .arg(core->seconds, 0, 'f', 3).arg(rate(core->seconds)).arg(double(core->items) / core->seconds, 0, 'f', 0).arg(core->parts)
          << Qt::endl;
    out() << QStringLiteral("  crosstalk-cli  %1 s  %2   (whole process, --stream --json > /dev/null; exit %3; peak RSS %4 MB)")
                 .arg(cliSeconds, 0, 'f', 3).arg(rate(cliSeconds)).arg(cli.exitCode).arg(double(cli.peakKb) / 1024.0, 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("  sdk client     %1 s  %2   (whole process; peak RSS %3 MB; %4)")
                 .arg(sdkSeconds, 0, 'f', 3).arg(rate(sdkSeconds)).arg(double(sdk.peakKb) / 1024.0, 0, 'f', 0).arg(QString::fromUtf8(sdkOut))
          << Qt::endl;
    out() << QStringLiteral("  cli memory     peak RSS %1 MB = %2 MB of assembled artifact text + %3 MB (the same CLI fetching only the card: %4 MB)")
                 .arg(double(cli.peakKb) / 1024.0, 0, 'f', 0).arg(double(textBytes) / 1e6 / 1.048576, 0, 'f', 0)
                 .arg(double(cli.peakKb) / 1024.0 - double(textBytes) / 1048576.0, 0, 'f', 0).arg(double(cardOnly.peakKb) / 1024.0, 0, 'f', 0)
          << Qt::endl;
    // The SDK client times its own stream (from sending to the last event)
    // and prints it: that is its in-process rate, set against the core's.
    const double sdkStreamSeconds = sdkMilliseconds(sdkOut) / 1000.0;
    const auto verdict = [](bool ok) { return ok ? QStringLiteral("ok") : QStringLiteral("BELOW TARGET"); };
    out() << QStringLiteral("  core vs sdk client, in-process rate: from memory %1x, over loopback %2x (target >= 5x) %3")
                 .arg(sdkStreamSeconds / memory.seconds, 0, 'f', 2).arg(sdkStreamSeconds / core->seconds, 0, 'f', 2)
                 .arg(verdict(sdkStreamSeconds / core->seconds >= 5))
          << Qt::endl;
    out() << QStringLiteral("  core vs curl, time: from memory %1x, over loopback %2x (target <= 2x) %3")
                 .arg(memory.seconds / curlSeconds, 0, 'f', 2).arg(core->seconds / curlSeconds, 0, 'f', 2)
                 .arg(verdict(core->seconds / curlSeconds <= 2))
          << Qt::endl;
    out() << QStringLiteral("  crosstalk-cli vs sdk client, whole processes: %1x faster (target >= 2x) %2")
                 .arg(sdkSeconds / cliSeconds, 0, 'f', 2).arg(verdict(sdkSeconds / cliSeconds >= 2))
          << Qt::endl;
    return 0;
}

} // namespace

// Sequential tools/call round trips of server-everything's echo through
// McpSession: calls per second, connecting excluded (as the SDK script does).
double mcpCoreCallsPerSecond(mcp::McpTransport *transport, int calls)
{
    mcp::McpSession session(transport, nullptr);
    QEventLoop loop;
    bool ready = false;
    QObject::connect(&session, &mcp::McpSession::ready, &loop, [&] {
        ready = true;
        loop.quit();
    });
    QObject::connect(&session, &mcp::McpSession::failed, &loop, [&](const mcp::McpError &e) {
        out() << "  core: " << e.message << Qt::endl;
        loop.quit();
    });
    session.open(30000);
    loop.exec();
    if (!ready)
        return 0;
    const nlohmann::json params{{"name", "echo"}, {"arguments", {{"message", "hello"}}}};
    int done = 0;
    bool failed = false;
    QElapsedTimer timer;
    std::function<void()> next = [&] {
        session.request(QStringLiteral("tools/call"), params, 30000, &loop, [&](const mcp::McpError &e, const nlohmann::json &r) {
            if (!e.ok() || r.value("content", nlohmann::json::array()).empty()) {
                out() << "  core: " << e.message << Qt::endl;
                failed = true;
                loop.quit();
                return;
            }
            if (++done == calls)
                loop.quit();
            else
                next();
        });
    };
    timer.start();
    next();
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QObject::connect(&session, &mcp::McpSession::closed, &loop, &QEventLoop::quit);
    session.close();
    loop.exec();
    return failed ? 0 : calls / seconds;
}

/// The SDK client's calls per second from the line it prints (0 on failure).
double sdkCallsPerSecond(const QStringList &arguments)
{
    QProcess sdk;
    sdk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sdk.start(test::nodeProgram(), QStringList{test::peersDir() + QStringLiteral("/../bench/peers/mcp-sdk-client.mjs")} + arguments);
    if (!sdk.waitForFinished(600000) || sdk.exitCode() != 0)
        return 0;
    const nlohmann::json j = nlohmann::json::parse(sdk.readAllStandardOutput().toStdString(), nullptr, false);
    return j.is_object() ? j.value("callsPerSecond", 0.0) : 0.0;
}

int benchMcp(int calls, int rounds)
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty()) {
        out() << "mcp: " << reason << Qt::endl;
        return 1;
    }
    const QString everything = test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    const QString inspector = test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    const QString filesystem = test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
    const QString cliPath = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/crosstalk-cli");
    out() << "mcp: " << calls << " sequential tools/call of server-everything's echo, best of " << rounds << " rounds" << Qt::endl;

    double coreStdio = 0, sdkStdio = 0, coreHttp = 0, sdkHttp = 0;
    test::PeerProcess http;
    if (!http.start(QStringLiteral("node_modules/@modelcontextprotocol/server-everything/dist/index.js"), {QStringLiteral("streamableHttp")})) {
        out() << "mcp: " << http.errorString() << Qt::endl;
        return 1;
    }
    const QString url = http.url(QStringLiteral("/mcp")).toString();
    for (int round = 0; round < rounds; ++round) {
        coreStdio = std::max(coreStdio, mcpCoreCallsPerSecond(new mcp::StdioTransport({test::nodeProgram(), {everything}, {}, {}}), calls));
        sdkStdio = std::max(sdkStdio, sdkCallsPerSecond({QStringLiteral("stdio"), QString::number(calls), QStringLiteral("--"), test::nodeProgram(), everything}));
        mcp::HttpEndpoint endpoint;
        endpoint.url = QUrl(url);
        coreHttp = std::max(coreHttp, mcpCoreCallsPerSecond(new mcp::StreamableHttpTransport(endpoint), calls));
        sdkHttp = std::max(sdkHttp, sdkCallsPerSecond({QStringLiteral("http"), QString::number(calls), url}));
    }
    const auto ratio = [](double a, double b) { return b > 0 ? QString::number(a / b, 'f', 2) + QStringLiteral("x") : QStringLiteral("-"); };
    out() << QStringLiteral("  stdio            core %1 calls/s   sdk client %2 calls/s   core/sdk %3  (target >= 1x)")
                 .arg(coreStdio, 0, 'f', 0).arg(sdkStdio, 0, 'f', 0).arg(ratio(coreStdio, sdkStdio))
          << Qt::endl;
    out() << QStringLiteral("  streamable-http  core %1 calls/s   sdk client %2 calls/s   core/sdk %3  (target >= 1x)")
                 .arg(coreHttp, 0, 'f', 0).arg(sdkHttp, 0, 'f', 0).arg(ratio(coreHttp, sdkHttp))
          << Qt::endl;

    // crosstalk-cli mcp tools against the MCP Inspector's CLI, same server,
    // whole processes: wall time and the client's own peak memory.
    const auto compare = [&](const QString &label, const QStringList &server) {
        Measured cli, insp;
        for (int round = 0; round < rounds; ++round) {
            keepBest(cli, runMeasuredOwn(cliPath, QStringList{QStringLiteral("mcp"), QStringLiteral("tools"), QStringLiteral("--json"), QStringLiteral("--quiet"), QStringLiteral("--")} + server), round == 0);
            keepBest(insp, runMeasuredOwn(test::nodeProgram(), QStringList{inspector, QStringLiteral("--cli")} + server + QStringList{QStringLiteral("--method"), QStringLiteral("tools/list")}), round == 0);
        }
        out() << QStringLiteral("  mcp tools, %1:").arg(label) << Qt::endl;
        out() << QStringLiteral("    crosstalk-cli  %1 s  peak RSS %2 MB (exit %3)")
                     .arg(cli.seconds, 0, 'f', 3).arg(double(cli.peakKb) / 1024.0, 0, 'f', 1).arg(cli.exitCode)
              << Qt::endl;
        out() << QStringLiteral("    inspector cli  %1 s  peak RSS %2 MB (exit %3)")
                     .arg(insp.seconds, 0, 'f', 3).arg(double(insp.peakKb) / 1024.0, 0, 'f', 1).arg(insp.exitCode)
              << Qt::endl;
        out() << QStringLiteral("    crosstalk/inspector: time %1 (target <= 0.5x), memory %2 (target <= 0.25x)")
                     .arg(ratio(cli.seconds, insp.seconds), ratio(double(cli.peakKb), double(insp.peakKb)))
              << Qt::endl;
    };
    compare(QStringLiteral("server-everything (does not exit when its input ends: each client's own shutdown wait counts)"),
            {test::nodeProgram(), everything});
    QTemporaryDir dir;
    compare(QStringLiteral("server-filesystem (exits when its input ends)"), {test::nodeProgram(), filesystem, dir.path()});
    return 0;
}

/// The form compiler over a wide and a deep schema (the widgets that
/// render the form are measured by crosstalk-gui-bench).
void benchForm(int rounds)
{
    using schema::OrderedJson;
    OrderedJson wide = {{"type", "object"}, {"properties", OrderedJson::object()}, {"required", OrderedJson::array()}};
    const char *kinds[] = {"string", "integer", "number", "boolean"};
    for (int i = 0; i < 1000; ++i) {
        const std::string name = "field" + std::to_string(i);
        OrderedJson property = {{"type", kinds[i % 4]}, {"title", "Field " + std::to_string(i)}, {"description", "What field " + std::to_string(i) + " is for."}};
        if (i % 10 == 0)
            property = {{"enum", {"a", "b", "c"}}};
        if (i % 25 == 0)
            property = OrderedJson::parse(R"({"type":"array","items":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"string","format":"date"}}}})");
        wide["properties"][name] = property;
        if (i % 3 == 0)
            wide["required"].push_back(name);
    }
    OrderedJson deep = {{"type", "string"}};
    for (int level = 0; level < 50; ++level)
        deep = OrderedJson{{"type", "object"}, {"properties", OrderedJson{{"level" + std::to_string(level), deep}, {"note", OrderedJson{{"type", "string"}}}}}};
    for (const auto &[label, schemaValue] : {std::pair{"1,000 properties", wide}, std::pair{"50 levels deep", deep}}) {
        double best = 1e9;
        size_t fields = 0;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            const schema::FormNode form = schema::compileForm(schemaValue);
            best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
            fields = form.properties.size();
        }
        out() << QStringLiteral("form.compile    %1 ms  %2 (%3 fields at the top; target: compiled and built < 200 ms) %4")
                     .arg(best, 0, 'f', 2).arg(QLatin1String(label)).arg(fields)
                     .arg(best < 200 ? QStringLiteral("ok") : QStringLiteral("ABOVE TARGET"))
              << Qt::endl;
    }
}

int main(int argc, char *argv[])
{
    if (argc > 1 && std::string_view(argv[1]) == "--measure-child")
        return launchMeasured(argc, argv);
    if (argc > 1 && std::string_view(argv[1]) == "--measure-own")
        return launchMeasuredOwn(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Throughput of Crosstalk's SSE parser and JSON-RPC decoder."));
    parser.addHelpOption();
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds per figure (the best counts)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    parser.addOption(roundsOption);
    QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Artifact chunks in the a2a figure."),
                                    QStringLiteral("n"), QStringLiteral("100000"));
    parser.addOption(eventsOption);
    QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Tool calls per round in the mcp figure."),
                                   QStringLiteral("n"), QStringLiteral("2000"));
    parser.addOption(callsOption);
    parser.addPositionalArgument(QStringLiteral("which"),
                                 QStringLiteral("sse, jsonrpc, form, a2a or mcp (both need the npm test peers), or nothing for sse and jsonrpc."));
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
    if (which.contains(QStringLiteral("form")))
        benchForm(rounds);
    if (which.contains(QStringLiteral("a2a")))
        return benchA2a(std::max(1, parser.value(eventsOption).toInt()), rounds);
    if (which.contains(QStringLiteral("mcp")))
        return benchMcp(std::max(1, parser.value(callsOption).toInt()), rounds);
    return 0;
}
