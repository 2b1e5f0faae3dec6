// The foundation against a real MCP server (server-everything over Streamable
// HTTP): a session opened with initialize, answers as JSON or as an event
// stream, progress notifications streamed before the result, the session
// closed with DELETE and reported lost afterwards.
#include "http/EventStreamReader.h"
#include "jsonrpc/JsonRpcDecoder.h"
#include "traffic/TrafficLog.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace crosstalk;
using nlohmann::json;

class TestMcpStreamableHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initializeOpensASession();
    void listTools();
    void progressIsStreamedBeforeTheResult();
    void deleteEndsTheSession();

private:
    struct Answer
    {
        http::HttpResult result;
        std::vector<jsonrpc::Message> messages; // from a JSON body or from every event
        QStringList problems;
    };
    Answer post(const QByteArray &body, const QByteArray &method = "POST");
    const jsonrpc::Response *responseTo(const Answer &answer, qint64 id);

    test::PeerProcess m_server;
    traffic::TrafficLog m_log;
    http::HttpClient m_client;
    QByteArray m_session;
};

void TestMcpStreamableHttp::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_server.start(QStringLiteral("node_modules/@modelcontextprotocol/server-everything/dist/index.js"),
                            {QStringLiteral("streamableHttp")}),
             qPrintable(m_server.errorString()));
    m_client.setTrafficLog(&m_log, QStringLiteral("everything"));
    m_client.setDefaultHeader("Accept", "application/json, text/event-stream");
}

TestMcpStreamableHttp::Answer TestMcpStreamableHttp::post(const QByteArray &body, const QByteArray &method)
{
    Answer answer;
    http::HttpRequest request;
    request.method = method;
    request.url = m_server.url(QStringLiteral("/mcp"));
    if (!body.isEmpty())
        request.headers.emplaceBack("Content-Type", "application/json");
    if (!m_session.isEmpty()) {
        request.headers.emplaceBack("Mcp-Session-Id", m_session);
        request.headers.emplaceBack("MCP-Protocol-Version", "2025-11-25");
    }
    request.body = body;
    request.streaming = true;
    http::HttpReply *reply = m_client.send(request);
    auto *reader = new http::EventStreamReader(reply, 4 * 1024 * 1024, this);
    QByteArray jsonBody;
    bool done = false;
    const auto take = [&](QByteArrayView bytes) {
        jsonrpc::DecodeResult decoded = jsonrpc::decode(bytes, {.allowBatch = true});
        if (!decoded.ok())
            answer.problems << decoded.error->message;
        for (auto &m : decoded.messages)
            answer.messages.push_back(std::move(m));
    };
    connect(reader, &http::EventStreamReader::eventReceived, this, [&](const http::SseEvent &e) {
        if (!e.data.isEmpty()) // a priming event carries no message
            take(e.data);
    });
    // The raw body too: it is used when the answer is JSON rather than a stream.
    connect(reply, &http::HttpReply::dataReceived, this, [&](QByteArrayView chunk) { jsonBody += chunk; });
    connect(reader, &http::EventStreamReader::finished, this, [&](const http::HttpResult &r) {
        answer.result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        answer.problems << QStringLiteral("no answer within 30 s");
    if (answer.result.header("content-type").startsWith("application/json") && !jsonBody.isEmpty())
        take(jsonBody);
    reader->deleteLater();
    return answer;
}

const jsonrpc::Response *TestMcpStreamableHttp::responseTo(const Answer &answer, qint64 id)
{
    for (const auto &m : answer.messages) {
        if (const auto *r = std::get_if<jsonrpc::Response>(&m); r && r->id == jsonrpc::Id(id))
            return r;
    }
    return nullptr;
}

void TestMcpStreamableHttp::initializeOpensASession()
{
    const Answer a = post(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"crosstalk-tests","version":"0"}}})");
    QVERIFY2(a.problems.isEmpty(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QVERIFY2(a.result.ok(), qPrintable(a.result.errorMessage));
    QCOMPARE(a.result.status, 200);
    m_session = a.result.header("mcp-session-id");
    QVERIFY(!m_session.isEmpty());
    const jsonrpc::Response *r = responseTo(a, 1);
    QVERIFY(r);
    QCOMPARE(r->result.at("protocolVersion").get<std::string>(), std::string("2025-11-25"));
    QVERIFY(r->result.at("capabilities").contains("tools"));

    const Answer initialized = post(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    QVERIFY(initialized.result.ok());
    QCOMPARE(initialized.result.status, 202);
}

void TestMcpStreamableHttp::listTools()
{
    QVERIFY(!m_session.isEmpty());
    const Answer a = post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
    QVERIFY2(a.problems.isEmpty(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    const jsonrpc::Response *r = responseTo(a, 2);
    QVERIFY(r);
    QStringList names;
    for (const json &tool : r->result.at("tools"))
        names << QString::fromStdString(tool.at("name").get<std::string>());
    QVERIFY2(names.contains(QStringLiteral("echo")), qPrintable(names.join(QLatin1Char(','))));
    QVERIFY(names.contains(QStringLiteral("trigger-long-running-operation")));
}

void TestMcpStreamableHttp::progressIsStreamedBeforeTheResult()
{
    QVERIFY(!m_session.isEmpty());
    const Answer a = post(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"trigger-long-running-operation","arguments":{"duration":1,"steps":4},"_meta":{"progressToken":"p-3"}}})");
    QVERIFY2(a.problems.isEmpty(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QVERIFY(a.result.header("content-type").startsWith("text/event-stream"));
    QList<double> progress;
    bool resultLast = false;
    for (const auto &m : a.messages) {
        if (const auto *n = std::get_if<jsonrpc::Notification>(&m); n && n->method == QLatin1String("notifications/progress")) {
            QCOMPARE(n->params->at("progressToken").get<std::string>(), std::string("p-3"));
            progress << n->params->at("progress").get<double>();
            resultLast = false;
        } else if (std::holds_alternative<jsonrpc::Response>(m)) {
            resultLast = true;
        }
    }
    QCOMPARE(progress, (QList<double>{1, 2, 3, 4}));
    QVERIFY(resultLast);
    const jsonrpc::Response *r = responseTo(a, 3);
    QVERIFY(r);
    QVERIFY(r->result.at("content").at(0).at("text").get<std::string>().find("completed") != std::string::npos);

    // The traffic log linked the result event to the request and measured it.
    bool linked = false;
    for (int i = 0; i < m_log.size(); ++i) {
        const traffic::TrafficEntry &e = m_log.at(i);
        if (e.kind == traffic::TransportKind::SseEvent && e.rpc.kind == traffic::RpcSummary::Kind::Response && e.rpc.id == QLatin1String("3")) {
            QVERIFY(e.linkedSeq.has_value());
            QCOMPARE(m_log.find(*e.linkedSeq)->rpc.method, QStringLiteral("tools/call"));
            QVERIFY(e.latencyMs.value_or(0) >= 500);
            linked = true;
        }
    }
    QVERIFY(linked);
}

void TestMcpStreamableHttp::deleteEndsTheSession()
{
    QVERIFY(!m_session.isEmpty());
    const Answer closed = post({}, "DELETE");
    QVERIFY(closed.result.ok());
    QCOMPARE(closed.result.status, 200);
    // The session is gone: server-everything answers 400 "No valid session ID"
    // where the specification says 404; Crosstalk's MCP client treats both as lost.
    const Answer after = post(R"({"jsonrpc":"2.0","id":4,"method":"tools/list"})");
    QVERIFY2(after.result.ok(), qPrintable(after.result.errorMessage));
    QVERIFY2(after.result.status == 400 || after.result.status == 404, qPrintable(QString::number(after.result.status)));
}

QTEST_GUILESS_MAIN(TestMcpStreamableHttp)
#include "tst_mcpstreamablehttp.moc"
