#include "jsonrpc/ErrorCodes.h"
#include "jsonrpc/JsonRpcMessage.h"
#include "util/Utf8.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace crosstalk::jsonrpc;
using crosstalk::utf8ToString;
using nlohmann::json;

namespace crosstalk::jsonrpc {
// QCOMPARE prints ids this way when they differ.
char *toString(const Id &id)
{
    return QTest::toString(id.toString());
}
} // namespace crosstalk::jsonrpc

namespace {

json parse(const char *text)
{
    return json::parse(text);
}

} // namespace

class TestJsonRpcMessage : public QObject
{
    Q_OBJECT

private slots:
    void errorCodeNames_data();
    void errorCodeNames();
    void serverErrorRange();
    void idKinds();
    void idEquality();
    void idFromJsonKeepsByteOrderMark();
    void idFromJson_data();
    void idFromJson();
    void encode_data();
    void encode();
    void messageKinds();
    void idOfMessages();
    void encodeReplacesInvalidUtf8();
    void idAllocatorCountsFromOne();
};

void TestJsonRpcMessage::errorCodeNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("parse") << ErrorCode::ParseError << QStringLiteral("Parse error");
    QTest::newRow("invalid request") << ErrorCode::InvalidRequest << QStringLiteral("Invalid Request");
    QTest::newRow("method not found") << ErrorCode::MethodNotFound << QStringLiteral("Method not found");
    QTest::newRow("invalid params") << ErrorCode::InvalidParams << QStringLiteral("Invalid params");
    QTest::newRow("internal") << ErrorCode::InternalError << QStringLiteral("Internal error");
    QTest::newRow("server first") << -32099 << QStringLiteral("Server error");
    QTest::newRow("server last") << -32000 << QStringLiteral("Server error");
    QTest::newRow("mcp header mismatch") << -32020 << QStringLiteral("Server error");
    QTest::newRow("below server range") << -32100 << QString();
    QTest::newRow("above server range") << -31999 << QString();
    QTest::newRow("zero") << 0 << QString();
    QTest::newRow("application") << 42 << QString();
}

void TestJsonRpcMessage::errorCodeNames()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QCOMPARE(errorCodeName(code), name);
}

void TestJsonRpcMessage::serverErrorRange()
{
    static_assert(ErrorCode::isServerError(-32099) && ErrorCode::isServerError(-32000));
    QVERIFY(ErrorCode::isServerError(-32050));
    QVERIFY(!ErrorCode::isServerError(-32100));
    QVERIFY(!ErrorCode::isServerError(-31999));
    QVERIFY(!ErrorCode::isServerError(ErrorCode::InternalError));
}

void TestJsonRpcMessage::idKinds()
{
    const Id null;
    QVERIFY(null.isNull());
    QCOMPARE(null.type(), Id::Type::Null);
    QCOMPARE(null.toString(), QStringLiteral("null"));
    QVERIFY(null.toJson().is_null());

    const Id number(42);
    QVERIFY(number.isInteger());
    QCOMPARE(number.toInteger(), 42);
    QCOMPARE(number.toString(), QStringLiteral("42"));
    QCOMPARE(number.toJson(), json(42));

    const Id text(QStringLiteral("call-\"1\"-é"));
    QVERIFY(text.isString());
    QCOMPARE(text.stringValue(), QStringLiteral("call-\"1\"-é"));
    QCOMPARE(text.toString(), QStringLiteral("\"call-\\\"1\\\"-é\""));
    QCOMPARE(text.toJson(), json("call-\"1\"-é"));
    QCOMPARE(text.toInteger(), 0);
    QVERIFY(number.stringValue().isEmpty());
}

void TestJsonRpcMessage::idEquality()
{
    QCOMPARE(Id(1), Id(1));
    QCOMPARE(Id(), Id());
    QVERIFY(Id(1) != Id(2));
    QVERIFY(Id(1) != Id(QStringLiteral("1")));
    QVERIFY(Id(0) != Id());
    QVERIFY(Id(QString()) != Id());
    QCOMPARE(qHash(Id(7), 3), qHash(Id(7), 3));
    QCOMPARE(qHash(Id(QStringLiteral("a"))), qHash(Id(QStringLiteral("a"))));

    QSet<Id> ids { Id(1), Id(QStringLiteral("1")), Id(), Id(1) };
    QCOMPARE(ids.size(), 3);
    QVERIFY(ids.contains(Id(QStringLiteral("1"))));
}

void TestJsonRpcMessage::idFromJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("display");
    QTest::newRow("null") << QByteArray("null") << true << QStringLiteral("null");
    QTest::newRow("integer") << QByteArray("17") << true << QStringLiteral("17");
    QTest::newRow("negative") << QByteArray("-3") << true << QStringLiteral("-3");
    QTest::newRow("max") << QByteArray("9223372036854775807") << true << QStringLiteral("9223372036854775807");
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true << QStringLiteral("-9223372036854775808");
    QTest::newRow("string") << QByteArray("\"abc\"") << true << QStringLiteral("\"abc\"");
    QTest::newRow("empty string") << QByteArray("\"\"") << true << QStringLiteral("\"\"");
    QTest::newRow("beyond qint64") << QByteArray("9223372036854775808") << false << QString();
    QTest::newRow("fraction") << QByteArray("1.5") << false << QString();
    QTest::newRow("float integral") << QByteArray("1.0") << false << QString();
    QTest::newRow("exponent") << QByteArray("1e3") << false << QString();
    QTest::newRow("bool") << QByteArray("true") << false << QString();
    QTest::newRow("object") << QByteArray("{}") << false << QString();
    QTest::newRow("array") << QByteArray("[1]") << false << QString();
}

void TestJsonRpcMessage::idFromJson()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QString, display);
    const json value = json::parse(text.toStdString());
    const std::optional<Id> id = Id::fromJson(value);
    QCOMPARE(id.has_value(), valid);
    if (valid) {
        QCOMPARE(id->toString(), display);
        QCOMPARE(id->toJson(), value);
    }
}

void TestJsonRpcMessage::idFromJsonKeepsByteOrderMark()
{
    const std::string bomA = "\xef\xbb\xbf" + std::string("a"); // U+FEFF then 'a'
    const std::optional<Id> marked = Id::fromJson(json(bomA));
    QVERIFY(marked);
    QCOMPARE(marked->stringValue(), QString(QChar(0xFEFF)) + QLatin1Char('a'));
    QVERIFY(*marked != Id(QStringLiteral("a")));
    QCOMPARE(marked->toJson(), json(bomA));
    QCOMPARE(utf8ToString(QByteArrayView("\xef\xbb\xbf\xef\xbb\xbf")), QString(2, QChar(0xFEFF)));
    QCOMPARE(utf8ToString(QByteArrayView("caf\xc3\xa9")), QStringLiteral("café"));
    QCOMPARE(utf8ToString(std::string("a\0b", 3)), QStringLiteral("a") + QChar(0) + QLatin1Char('b'));
}

void TestJsonRpcMessage::encode_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("request") << Message(Request { Id(1), QStringLiteral("tools/list"), std::nullopt })
                             << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
    QTest::newRow("request with params")
        << Message(Request { Id(QStringLiteral("a")), QStringLiteral("tools/call"), parse(R"({"name":"echo"})") })
        << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"echo"}})");
    QTest::newRow("request with null id") << Message(Request { Id(), QStringLiteral("ping"), std::nullopt })
                                          << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})");
    QTest::newRow("notification") << Message(Notification { QStringLiteral("notifications/initialized"), std::nullopt })
                                  << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    QTest::newRow("notification with array params")
        << Message(Notification { QStringLiteral("update"), parse("[1,2]") })
        << QByteArray(R"({"jsonrpc":"2.0","method":"update","params":[1,2]})");
    QTest::newRow("response") << Message(Response { Id(2), parse(R"({"tools":[]})") })
                              << QByteArray(R"({"jsonrpc":"2.0","id":2,"result":{"tools":[]}})");
    QTest::newRow("null result") << Message(Response { Id(2), json() })
                                 << QByteArray(R"({"jsonrpc":"2.0","id":2,"result":null})");
    QTest::newRow("error") << Message(ErrorResponse { Id(3), { ErrorCode::MethodNotFound, QStringLiteral("No"), {} } })
                           << QByteArray(R"({"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"No"}})");
    QTest::newRow("error with data and null id")
        << Message(
               ErrorResponse { Id(), { ErrorCode::ParseError, QStringLiteral("Parse error"), parse(R"({"at":4})") } })
        << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":{"at":4}}})");
}

void TestJsonRpcMessage::encode()
{
    QFETCH(Message, message);
    QFETCH(QByteArray, expected);
    const QByteArray encoded = crosstalk::jsonrpc::encode(message);
    // Compact: exactly what nlohmann writes without indentation.
    QCOMPARE(encoded, QByteArray::fromStdString(json::parse(encoded.toStdString()).dump()));
    QCOMPARE(json::parse(encoded.toStdString()), json::parse(expected.toStdString()));
    QCOMPARE(toJson(message), json::parse(expected.toStdString()));
}

void TestJsonRpcMessage::messageKinds()
{
    QCOMPARE(messageKind(Request { Id(1), QStringLiteral("m"), {} }), MessageKind::Request);
    QCOMPARE(messageKind(Notification { QStringLiteral("m"), {} }), MessageKind::Notification);
    QCOMPARE(messageKind(Response { Id(1), json() }), MessageKind::Response);
    QCOMPARE(messageKind(ErrorResponse { Id(1), {} }), MessageKind::Error);
}

void TestJsonRpcMessage::idOfMessages()
{
    QCOMPARE(idOf(Request { Id(1), QStringLiteral("m"), {} }), std::optional<Id>(Id(1)));
    QCOMPARE(idOf(Notification { QStringLiteral("m"), {} }), std::optional<Id>());
    QCOMPARE(idOf(Response { Id(QStringLiteral("x")), json() }), std::optional<Id>(Id(QStringLiteral("x"))));
    QCOMPARE(idOf(ErrorResponse { Id(), {} }), std::optional<Id>(Id()));
}

void TestJsonRpcMessage::encodeReplacesInvalidUtf8()
{
    // Params built by code (not decoded) may hold bytes that are not UTF-8.
    const std::string invalid = "a\xff" + std::string("b");
    const Message message = Notification { QStringLiteral("log"), json { { "text", invalid } } };
    const QByteArray encoded = crosstalk::jsonrpc::encode(message);
    const QByteArray replaced = QByteArray("a\xef\xbf\xbd") + 'b'; // U+FFFD for the bad byte
    QVERIFY(encoded.contains(replaced));
}

void TestJsonRpcMessage::idAllocatorCountsFromOne()
{
    IdAllocator ids;
    QCOMPARE(ids.next(), Id(1));
    QCOMPARE(ids.next(), Id(2));
    QCOMPARE(ids.next(), Id(3));
    IdAllocator other;
    QCOMPARE(other.next(), Id(1));
}

QTEST_GUILESS_MAIN(TestJsonRpcMessage)
#include "tst_jsonrpcmessage.moc"
