// The foundation against a real A2A agent (@a2a-js/sdk): the HTTP client, the
// event-stream reader, the JSON-RPC decoder and the traffic log carry a whole
// streamed task, in both protocol generations.
#include "http/EventStreamReader.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "traffic/TrafficLog.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace crosstalk;
using nlohmann::json;

class TestA2aStreaming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agentCard();
    void streamV1_0();
    void streamV0_3();

private:
    struct Streamed
    {
        http::HttpResult result;
        std::vector<json> results; // the JSON-RPC `result` of each event
        QStringList problems;
    };
    Streamed stream(const QByteArray &body, const http::HeaderList &headers);

    test::PeerProcess m_agent;
    traffic::TrafficLog m_log;
    http::HttpClient m_client;
};

void TestA2aStreaming::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_agent.start(QStringLiteral("a2a/streaming-agent.mjs")), qPrintable(m_agent.errorString()));
    m_client.setTrafficLog(&m_log, QStringLiteral("streaming-agent"));
}

void TestA2aStreaming::agentCard()
{
    http::HttpRequest request;
    request.url = m_agent.url(QStringLiteral("/.well-known/agent-card.json"));
    http::HttpResult result;
    bool done = false;
    connect(m_client.send(request), &http::HttpReply::finished, this, [&](const http::HttpResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    const json card = json::parse(result.body.constData(), result.body.constData() + result.body.size());
    QCOMPARE(card.at("name").get<std::string>(), std::string("Crosstalk streaming test agent"));
    QVERIFY(card.at("capabilities").at("streaming").get<bool>());
    QVERIFY(!card.at("supportedInterfaces").empty());
}

TestA2aStreaming::Streamed TestA2aStreaming::stream(const QByteArray &body, const http::HeaderList &headers)
{
    Streamed out;
    http::HttpRequest request;
    request.method = "POST";
    request.url = m_agent.url(QStringLiteral("/a2a/jsonrpc"));
    request.headers = headers;
    request.headers.emplaceBack("Content-Type", "application/json");
    request.headers.emplaceBack("Accept", "text/event-stream");
    request.body = body;
    request.streaming = true;
    auto *reader = new http::EventStreamReader(m_client.send(request), 1024 * 1024, this);
    bool done = false;
    connect(reader, &http::EventStreamReader::eventReceived, this, [&](const http::SseEvent &event) {
        const jsonrpc::DecodeResult decoded = jsonrpc::decode(event.data);
        if (!decoded.ok()) {
            out.problems << decoded.error->message;
            return;
        }
        if (const auto *response = std::get_if<jsonrpc::Response>(&decoded.messages.front()))
            out.results.push_back(response->result);
        else
            out.problems << QStringLiteral("not a response: ") + event.text();
    });
    connect(reader, &http::EventStreamReader::finished, this, [&](const http::HttpResult &r) {
        out.result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        out.problems << QStringLiteral("the stream did not end within 30 s");
    reader->deleteLater();
    return out;
}

void TestA2aStreaming::streamV1_0()
{
    const quint64 firstSeq = m_log.size() ? m_log.at(m_log.size() - 1).seq + 1 : 1;
    const Streamed s = stream(R"({"jsonrpc":"2.0","id":"req-1","method":"SendStreamingMessage","params":{"message":{"messageId":"m-1","role":"ROLE_USER","parts":[{"text":"hello"}]}}})",
                              {{"A2A-Version", "1.0"}});
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QLatin1Char('\n'))));
    QVERIFY2(s.result.ok(), qPrintable(s.result.errorMessage));
    QCOMPARE(s.result.status, 200);
    QVERIFY(s.result.header("content-type").startsWith("text/event-stream"));

    QStringList kinds;
    QStringList states;
    QString artifact;
    for (const json &item : s.results) {
        const std::string kind = item.begin().key();
        kinds << QString::fromStdString(kind);
        const json &value = item.begin().value();
        if (kind == "task")
            states << QString::fromStdString(value.at("status").at("state").get<std::string>());
        else if (kind == "statusUpdate")
            states << QString::fromStdString(value.at("status").at("state").get<std::string>());
        else if (kind == "artifactUpdate")
            artifact += QString::fromStdString(value.at("artifact").at("parts").at(0).at("text").get<std::string>());
    }
    QCOMPARE(kinds, (QStringList{QStringLiteral("task"), QStringLiteral("statusUpdate"), QStringLiteral("artifactUpdate"),
                                 QStringLiteral("artifactUpdate"), QStringLiteral("artifactUpdate"),
                                 QStringLiteral("statusUpdate")}));
    QCOMPARE(states, (QStringList{QStringLiteral("TASK_STATE_SUBMITTED"), QStringLiteral("TASK_STATE_WORKING"),
                                  QStringLiteral("TASK_STATE_COMPLETED")}));
    QCOMPARE(artifact, QStringLiteral("alpha beta gamma"));

    // The traffic log holds the request, the response head and six events,
    // each event linked by its JSON-RPC id to the request.
    const traffic::TrafficEntry *request = m_log.find(firstSeq);
    QVERIFY(request);
    QCOMPARE(request->rpc.method, QStringLiteral("SendStreamingMessage"));
    int events = 0;
    for (quint64 seq = firstSeq; const traffic::TrafficEntry *e = m_log.find(seq); ++seq) {
        if (e->kind != traffic::TransportKind::SseEvent)
            continue;
        ++events;
        QCOMPARE(e->rpc.kind, traffic::RpcSummary::Kind::Response);
        QCOMPARE(e->rpc.id, QStringLiteral("\"req-1\""));
        QCOMPARE(e->linkedSeq, std::optional<quint64>(request->seq));
    }
    QCOMPARE(events, 6);
}

void TestA2aStreaming::streamV0_3()
{
    // No A2A-Version header: the agent speaks v0.3 (kind discriminators,
    // lower-case states, `final` on the last status update).
    const Streamed s = stream(R"({"jsonrpc":"2.0","id":7,"method":"message/stream","params":{"message":{"kind":"message","messageId":"m-2","role":"user","parts":[{"kind":"text","text":"hello"}]}}})",
                              {});
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QLatin1Char('\n'))));
    QVERIFY2(s.result.ok(), qPrintable(s.result.errorMessage));
    QVERIFY(!s.results.empty());
    QStringList kinds;
    for (const json &item : s.results)
        kinds << QString::fromStdString(item.at("kind").get<std::string>());
    QCOMPARE(kinds.first(), QStringLiteral("task"));
    QVERIFY(kinds.contains(QStringLiteral("artifact-update")));
    const json &last = s.results.back();
    QCOMPARE(last.at("kind").get<std::string>(), std::string("status-update"));
    QCOMPARE(last.at("status").at("state").get<std::string>(), std::string("completed"));
    QVERIFY(last.at("final").get<bool>());
}

QTEST_GUILESS_MAIN(TestA2aStreaming)
#include "tst_a2astreaming.moc"
