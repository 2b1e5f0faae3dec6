#include "a2a/TaskModel.h"
#include "util/JsonWriter.h"

#include <QTest>

using namespace crosstalk::a2a;
using nlohmann::json;

class TestTaskModel : public QObject
{
    Q_OBJECT

private slots:
    void states_data();
    void states();
    void v1StreamItems();
    void v03StreamItems();
    void bareTaskAsGetTaskAnswers();
    void parts_data();
    void parts();
    void badItems_data();
    void badItems();
    void userMessageInBothShapes();
    void streamEventFastPath();
    void streamEventFastPathDeclines_data();
    void streamEventFastPathDeclines();
};

void TestTaskModel::states_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("interrupted");
    QTest::newRow("v1 working") << "TASK_STATE_WORKING" << "working" << false << false;
    QTest::newRow("v1 input required") << "TASK_STATE_INPUT_REQUIRED" << "input-required" << false << true;
    QTest::newRow("v1 auth required") << "TASK_STATE_AUTH_REQUIRED" << "auth-required" << false << true;
    QTest::newRow("v1 completed") << "TASK_STATE_COMPLETED" << "completed" << true << false;
    QTest::newRow("v1 unspecified") << "TASK_STATE_UNSPECIFIED" << "unknown" << false << false;
    QTest::newRow("v0.3 submitted") << "submitted" << "submitted" << false << false;
    QTest::newRow("v0.3 canceled") << "canceled" << "canceled" << true << false;
    QTest::newRow("v0.3 rejected") << "rejected" << "rejected" << true << false;
    QTest::newRow("v0.3 failed") << "failed" << "failed" << true << false;
}

void TestTaskModel::states()
{
    QFETCH(QString, wire);
    QFETCH(QString, name);
    QFETCH(bool, terminal);
    QFETCH(bool, interrupted);
    const auto state = taskStateFromWire(wire);
    QVERIFY(state);
    QCOMPARE(taskStateName(*state), name);
    QCOMPARE(isTerminal(*state), terminal);
    QCOMPARE(isInterrupted(*state), interrupted);
    QVERIFY(!taskStateFromWire(QStringLiteral("TASK_STATE_DANCING")));
    QVERIFY(!taskStateFromWire(QStringLiteral("")));
}

void TestTaskModel::v1StreamItems()
{
    // As the @a2a-js/sdk 1.3.0 agent streams them.
    QString error;
    auto item = readStreamItem(json::parse(R"({"task":{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_SUBMITTED","timestamp":"2026-11-21T09:20:28.819Z"},"history":[{"messageId":"m1","contextId":"c1","taskId":"t1","role":"ROLE_USER","parts":[{"text":"hi"}]}]}})"), &error);
    QVERIFY2(item, qPrintable(error));
    const Task &task = std::get<Task>(*item);
    QCOMPARE(task.id, QStringLiteral("t1"));
    QCOMPARE(task.status.state, TaskState::Submitted);
    QCOMPARE(task.history.first().role, Role::User);

    item = readStreamItem(json::parse(R"({"statusUpdate":{"taskId":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","message":{"messageId":"x","role":"ROLE_AGENT","parts":[{"text":"working","mediaType":"text/plain"}]}}}})"), &error);
    QVERIFY(item);
    const StatusUpdate &status = std::get<StatusUpdate>(*item);
    QCOMPARE(status.status.state, TaskState::Working);
    QCOMPARE(status.status.message->parts.first().text, QByteArrayLiteral("working"));
    QVERIFY(!status.final);

    item = readStreamItem(json::parse(R"({"artifactUpdate":{"taskId":"t1","contextId":"c1","artifact":{"artifactId":"echo","name":"echo","parts":[{"text":"beta ","mediaType":"text/plain"}]},"append":true,"lastChunk":true}})"), &error);
    QVERIFY(item);
    const ArtifactUpdate &chunk = std::get<ArtifactUpdate>(*item);
    QCOMPARE(chunk.artifact.artifactId, QStringLiteral("echo"));
    QVERIFY(chunk.append);
    QVERIFY(chunk.lastChunk);

    item = readStreamItem(json::parse(R"({"message":{"messageId":"r","role":"ROLE_AGENT","parts":[{"data":{"a":1}}]}})"), &error);
    QVERIFY(item);
    QCOMPARE(std::get<Message>(*item).parts.first().kind, Part::Kind::Data);
}

void TestTaskModel::v03StreamItems()
{
    QString error;
    auto item = readStreamItem(json::parse(R"({"kind":"status-update","taskId":"t","contextId":"c","status":{"state":"input-required"},"final":true})"), &error);
    QVERIFY2(item, qPrintable(error));
    QCOMPARE(std::get<StatusUpdate>(*item).status.state, TaskState::InputRequired);
    QVERIFY(std::get<StatusUpdate>(*item).final);

    item = readStreamItem(json::parse(R"({"kind":"artifact-update","taskId":"t","contextId":"c","artifact":{"artifactId":"a","parts":[{"kind":"file","file":{"uri":"https://x.test/f.pdf","name":"f.pdf","mimeType":"application/pdf"}}]},"append":false})"), &error);
    QVERIFY(item);
    const Part &file = std::get<ArtifactUpdate>(*item).artifact.parts.first();
    QCOMPARE(file.kind, Part::Kind::File);
    QCOMPARE(file.uri, QStringLiteral("https://x.test/f.pdf"));
    QCOMPARE(file.mediaType, QStringLiteral("application/pdf"));

    item = readStreamItem(json::parse(R"({"kind":"task","id":"t","contextId":"c","status":{"state":"completed"}})"), &error);
    QVERIFY(item);
    QCOMPARE(std::get<Task>(*item).status.state, TaskState::Completed);

    item = readStreamItem(json::parse(R"({"kind":"message","messageId":"m","role":"agent","parts":[{"kind":"text","text":"hi"}]})"), &error);
    QVERIFY(item);
    QCOMPARE(std::get<Message>(*item).role, Role::Agent);
}

void TestTaskModel::bareTaskAsGetTaskAnswers()
{
    QString error;
    const auto item = readStreamItem(json::parse(R"({"id":"t","contextId":"c","status":{"state":"TASK_STATE_COMPLETED"},"artifacts":[{"artifactId":"a","parts":[{"text":"x"},{"text":"y"}]}]})"), &error);
    QVERIFY2(item, qPrintable(error));
    const Task &task = std::get<Task>(*item);
    QCOMPARE(task.artifacts.size(), 1);
    QCOMPARE(task.artifacts.first().parts.size(), 2);
}

void TestTaskModel::parts_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("normalised");
    QTest::newRow("v1 text") << QByteArray(R"({"text":"hi","mediaType":"text/plain"})") << QByteArray(R"({"kind":"text","text":"hi"})");
    QTest::newRow("v0.3 text") << QByteArray(R"({"kind":"text","text":"hi"})") << QByteArray(R"({"kind":"text","text":"hi"})");
    QTest::newRow("v1 raw") << QByteArray(R"({"raw":"aGk=","filename":"a.txt","mediaType":"text/plain"})")
                            << QByteArray(R"({"bytes":"aGk=","kind":"file","mediaType":"text/plain","name":"a.txt"})");
    QTest::newRow("v1 url") << QByteArray(R"({"url":"https://x.test/a","filename":"a","mediaType":"image/png"})")
                            << QByteArray(R"({"kind":"file","mediaType":"image/png","name":"a","uri":"https://x.test/a"})");
    QTest::newRow("v0.3 file bytes") << QByteArray(R"({"kind":"file","file":{"bytes":"aGk=","name":"a.txt","mimeType":"text/plain"}})")
                                     << QByteArray(R"({"bytes":"aGk=","kind":"file","mediaType":"text/plain","name":"a.txt"})");
    QTest::newRow("v1 data") << QByteArray(R"({"data":{"x":[1,2]}})") << QByteArray(R"({"data":{"x":[1,2]},"kind":"data"})");
    QTest::newRow("v0.3 data") << QByteArray(R"({"kind":"data","data":{"x":null}})") << QByteArray(R"({"data":{"x":null},"kind":"data"})");
    QTest::newRow("garbage is an empty text part") << QByteArray(R"(42)") << QByteArray(R"({"kind":"text","text":""})");
}

void TestTaskModel::parts()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, normalised);
    // A part is read as part of a message, the way every part arrives.
    QString error;
    const auto item = readStreamItem(json::parse(R"({"kind":"message","messageId":"m","role":"agent","parts":[)" + wire.toStdString() + "]}"), &error);
    QVERIFY2(item, qPrintable(error));
    const QList<Part> &parts = std::get<Message>(*item).parts;
    QCOMPARE(parts.size(), 1);
    crosstalk::JsonWriter out;
    parts.first().writeJson(out);
    QCOMPARE(out.bytes(), normalised);
}

void TestTaskModel::badItems_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("array") << QByteArray("[1]") << "not a JSON object";
    QTest::newRow("no kind") << QByteArray(R"({"foo":1})") << "no \"kind\"";
    QTest::newRow("unknown kind") << QByteArray(R"({"kind":"telegram"})") << "telegram";
    QTest::newRow("task without id") << QByteArray(R"({"task":{"status":{}}})") << "\"id\"";
    QTest::newRow("task not an object") << QByteArray(R"({"task":"t"})") << "not a JSON object";
}

void TestTaskModel::badItems()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!readStreamItem(json::parse(wire.toStdString()), &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestTaskModel::userMessageInBothShapes()
{
    Message m;
    m.messageId = QStringLiteral("m-1");
    m.taskId = QStringLiteral("t");
    m.contextId = QStringLiteral("c");
    m.parts = {Part{Part::Kind::Text, QByteArrayLiteral("hello"), {}, {}, {}, {}, {}, {}},
               Part{Part::Kind::File, {}, QStringLiteral("a.txt"), QStringLiteral("text/plain"), {}, QByteArrayLiteral("aGk="), {}, {}},
               Part{Part::Kind::Data, {}, {}, {}, {}, {}, json{{"k", 1}}, {}}};
    QCOMPARE(userMessageToWire(m, ProtocolVersion::V1_0).dump(),
             json::parse(R"({"messageId":"m-1","role":"ROLE_USER","taskId":"t","contextId":"c","parts":[{"text":"hello"},{"raw":"aGk=","filename":"a.txt","mediaType":"text/plain"},{"data":{"k":1}}]})").dump());
    QCOMPARE(userMessageToWire(m, ProtocolVersion::V0_3).dump(),
             json::parse(R"({"kind":"message","messageId":"m-1","role":"user","taskId":"t","contextId":"c","parts":[{"kind":"text","text":"hello"},{"kind":"file","file":{"bytes":"aGk=","name":"a.txt","mimeType":"text/plain"}},{"kind":"data","data":{"k":1}}]})").dump());
}

void TestTaskModel::streamEventFastPath()
{
    const QByteArray chunk = R"({"jsonrpc":"2.0","id":7,"result":{"artifactUpdate":{"taskId":"t","contextId":"c","artifact":{"artifactId":"a","name":"n","parts":[{"text":"caf\u00e9 \n","mediaType":"text/plain"},{"data":{"x":[1,2.5,null]}}]},"append":true,"lastChunk":false}}})";
    const auto fast = readStreamEvent(chunk, Envelope::JsonRpc, 128);
    QVERIFY(fast);
    const auto *update = std::get_if<ArtifactUpdate>(&*fast);
    QVERIFY(update);
    QCOMPARE(update->taskId, QStringLiteral("t"));
    QCOMPARE(update->artifact.parts.first().text, QByteArray("caf\xc3\xa9 \n"));
    QCOMPARE(update->artifact.parts.at(1).data.dump(), std::string(R"({"x":[1,2.5,null]})"));
    QVERIFY(update->append);
    QVERIFY(!update->lastChunk);
    // The same as the strict path reads from the result.
    QString error;
    const auto strict = readStreamItem(json::parse(chunk.toStdString()).at("result"), &error);
    QVERIFY(strict);
    QVERIFY(*std::get_if<ArtifactUpdate>(&*strict) == *update);
    // Bare (HTTP+JSON), and the v0.3 shape; members in any order, string ids.
    const auto bare = readStreamEvent(R"({"statusUpdate":{"taskId":"t","status":{"state":"TASK_STATE_WORKING"}}})", Envelope::Bare, 128);
    QVERIFY(bare && std::get<StatusUpdate>(*bare).status.state == TaskState::Working);
    const auto legacy = readStreamEvent(R"({"result":{"kind":"status-update","taskId":"t","contextId":"c","status":{"state":"completed"},"final":true},"id":"x","jsonrpc":"2.0"})", Envelope::JsonRpc, 128);
    QVERIFY(legacy && std::get<StatusUpdate>(*legacy).final);
    // A large event (its parser is let go afterwards), then small ones again.
    const QByteArray text(4 * 1024 * 1024, 'x');
    const QByteArray large = QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"artifactUpdate":{"taskId":"t","artifact":{"artifactId":"a","parts":[{"text":")") + text + QByteArray(R"("}]}}}})");
    const auto big = readStreamEvent(large, Envelope::JsonRpc, 128);
    QVERIFY(big);
    QCOMPARE(std::get<ArtifactUpdate>(*big).artifact.parts.first().text.size(), text.size());
    QVERIFY(readStreamEvent(chunk, Envelope::JsonRpc, 128));
}

void TestTaskModel::streamEventFastPathDeclines_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("jsonRpc");
    QTest::newRow("an error answer") << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"no"}})") << true;
    QTest::newRow("a bare error") << QByteArray(R"({"error":{"code":404,"message":"no"}})") << false;
    QTest::newRow("result and error") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t"}},"error":{}})") << true;
    QTest::newRow("an extra member") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t"}},"x":1})") << true;
    QTest::newRow("no version") << QByteArray(R"({"id":1,"result":{"task":{"id":"t"}},"x":1})") << true;
    QTest::newRow("version 1.0") << QByteArray(R"({"jsonrpc":"1.0","id":1,"result":{"task":{"id":"t"}}})") << true;
    QTest::newRow("a fractional id") << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"result":{"task":{"id":"t"}}})") << true;
    QTest::newRow("a request") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x"})") << true;
    QTest::newRow("not an item") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"foo":1}})") << true;
    QTest::newRow("truncated") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t"})") << true;
    QTest::newRow("trailing garbage") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t"}}} x)") << true;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"\xff\"}}}") << true;
    QTest::newRow("an array") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t"}}}])") << true;
    QTest::newRow("HTML") << QByteArray("<html><body>502 Bad Gateway</body></html>") << false;
    QByteArray deep = R"({"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t","metadata":)";
    deep += QByteArray(200, '[') + QByteArray(200, ']') + "}}}";
    QTest::newRow("deeper than the limit") << deep << true;
}

void TestTaskModel::streamEventFastPathDeclines()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, jsonRpc);
    QVERIFY(!readStreamEvent(wire, jsonRpc ? Envelope::JsonRpc : Envelope::Bare, 128));
}

QTEST_GUILESS_MAIN(TestTaskModel)
#include "tst_taskmodel.moc"
