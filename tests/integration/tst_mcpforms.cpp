// Every tool of server-everything, server-filesystem and server-memory gets
// a form: its schema compiles without a raw-JSON field, the form's first
// value (defaults) and its filled-in value both validate against the
// schema, and the server accepts the filled-in arguments (no invalid-params
// error). A tool whose filled-in arguments name an address off this machine
// is validated but not called: the servers would fetch it.
#include "mcp/McpSession.h"
#include "mcp/StdioTransport.h"
#include "schema/FormModel.h"
#include "schema/SampleValue.h"
#include "schema/SchemaValidator.h"

#include "TestPaths.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace crosstalk;
using nlohmann::json;

namespace {

/// Offers one root; refuses what a person would have to answer.
struct Client : mcp::McpClientHandler
{
    QString root;
    void handleServerRequest(const QString &method, const json &, Reply reply, Refuse refuse) override
    {
        if (method == QLatin1String("roots/list") && !root.isEmpty()) {
            reply(json{{"roots", json::array({{{"uri", QUrl::fromLocalFile(root).toString().toStdString()}, {"name", "scratch"}}})}});
            return;
        }
        refuse({-32601, QStringLiteral("not offered in this test"), std::nullopt});
    }
};

struct Answer
{
    mcp::McpError error;
    json value;
    bool done = false;
};

/// Whether a value holds a URL to somewhere other than this machine.
bool namesRemoteAddress(const json &value)
{
    if (value.is_string()) {
        const QUrl url(QString::fromStdString(value.get<std::string>()));
        const QString scheme = url.scheme();
        return (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("ftp"))
            && url.host() != QLatin1String("127.0.0.1") && url.host() != QLatin1String("localhost");
    }
    if (value.is_object() || value.is_array()) {
        for (const json &member : value) {
            if (namesRemoteAddress(member))
                return true;
        }
    }
    return false;
}

json toJson(const schema::OrderedJson &value)
{
    return json::parse(value.dump());
}

QString checkText(const schema::SchemaCheck &check)
{
    QStringList lines;
    for (const schema::SchemaProblem &p : check.problems)
        lines << p.pointer + QStringLiteral(": ") + p.message;
    return lines.join(QStringLiteral("; ")) + check.whyUnchecked;
}

} // namespace

class TestMcpForms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyToolHasAForm_data();
    void everyToolHasAForm();
};

void TestMcpForms::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
}

void TestMcpForms::everyToolHasAForm_data()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("server-everything") << QStringLiteral("server-everything");
    QTest::newRow("server-filesystem") << QStringLiteral("server-filesystem");
    QTest::newRow("server-memory") << QStringLiteral("server-memory");
}

void TestMcpForms::everyToolHasAForm()
{
    QFETCH(QString, server);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QDir(dir.path()).canonicalPath();
    Client client;
    mcp::StdioCommand command{test::nodeProgram(),
                              {test::peersDir() + QStringLiteral("/node_modules/@modelcontextprotocol/%1/dist/index.js").arg(server)},
                              {},
                              root};
    if (server == QLatin1String("server-filesystem")) {
        command.arguments << root;
        client.root = root;
    }
    if (server == QLatin1String("server-memory"))
        command.environment.append({QStringLiteral("MEMORY_FILE_PATH"), dir.filePath(QStringLiteral("memory.jsonl"))});
    mcp::McpSession session(new mcp::StdioTransport(command), &client);
    QSignalSpy ready(&session, &mcp::McpSession::ready);
    session.open(20000);
    QVERIFY(ready.wait(20000));

    Answer listed;
    session.listAll(QStringLiteral("tools/list"), QStringLiteral("tools"), 20000, &session, [&listed](const mcp::McpError &e, const json &v) {
        listed = {e, v, true};
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed.done, 20000);
    QVERIFY2(listed.error.ok(), qPrintable(listed.error.message));
    const json tools = listed.value.at("tools");
    QVERIFY(tools.size() >= 5);

    // All calls at once: the slow ones (a long-running operation) overlap.
    std::vector<std::pair<QString, std::shared_ptr<Answer>>> calls;
    int notCalled = 0;
    for (const json &tool : tools) {
        const QString name = QString::fromStdString(tool.value("name", ""));
        const json &inputSchema = tool.at("inputSchema");
        const schema::FormNode form = schema::compileForm(inputSchema);
        QVERIFY2(form.kind == schema::FieldKind::Object || form.kind == schema::FieldKind::Map, qPrintable(name));
        QVERIFY2(!form.hasFallback(), qPrintable(name + QStringLiteral(": a field is only raw JSON")));

        const schema::SchemaCheck first = schema::validate(inputSchema, schema::sampleValue(inputSchema));
        QVERIFY2(first.verdict == schema::SchemaCheck::Verdict::Valid, qPrintable(name + QStringLiteral(" (defaults): ") + checkText(first)));
        const json filled = toJson(schema::filledValue(form));
        const schema::SchemaCheck full = schema::validate(inputSchema, filled);
        QVERIFY2(full.verdict == schema::SchemaCheck::Verdict::Valid,
                 qPrintable(name + QStringLiteral(" (filled in): ") + checkText(full) + QString::fromStdString(filled.dump())));

        if (namesRemoteAddress(filled)) {
            ++notCalled;
            continue;
        }
        auto answer = std::make_shared<Answer>();
        session.request(QStringLiteral("tools/call"), {{"name", name.toStdString()}, {"arguments", filled}}, 30000, &session,
                        [answer](const mcp::McpError &e, const json &v) { *answer = {e, v, true}; });
        calls.emplace_back(name, answer);
    }
    QVERIFY(!calls.empty());
    // The control: a tool with required arguments, called without them, is
    // refused in a way the checks below recognise.
    const auto required = std::find_if(tools.begin(), tools.end(), [](const json &t) {
        return !t.at("inputSchema").value("required", json::array()).empty();
    });
    QVERIFY(required != tools.end());
    auto control = std::make_shared<Answer>();
    session.request(QStringLiteral("tools/call"), {{"name", required->at("name")}, {"arguments", json::object()}}, 30000, &session,
                    [control](const mcp::McpError &e, const json &v) { *control = {e, v, true}; });
    const auto refusedArguments = [](const Answer &a) {
        const std::string text = a.value.dump();
        return a.error.code == -32602
            || (a.value.value("isError", false)
                && (text.find("nvalid argument") != std::string::npos || text.find("Invalid input") != std::string::npos));
    };
    QTRY_VERIFY_WITH_TIMEOUT(control->done, 30000);
    QVERIFY2(refusedArguments(*control), qPrintable(control->error.message + QString::fromStdString(control->value.dump())));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(calls.begin(), calls.end(), [](const auto &c) { return c.second->done; }), 40000);
    for (const auto &[name, answer] : calls) {
        // A tool may fail for its own reasons (a refused sampling request, a
        // path outside the roots); it must not find the arguments invalid.
        QVERIFY2(!refusedArguments(*answer),
                 qPrintable(name + QStringLiteral(": ") + answer->error.message + QString::fromStdString(answer->value.dump())));
    }
    qInfo("%s: %d tools with forms, %d called, %d not called (an address off this machine)", qPrintable(server),
          int(tools.size()), int(calls.size()), notCalled);
}

QTEST_GUILESS_MAIN(TestMcpForms)
#include "tst_mcpforms.moc"
