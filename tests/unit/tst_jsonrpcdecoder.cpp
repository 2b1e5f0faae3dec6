#include "jsonrpc/JsonRpcDecoder.h"

#include "TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace crosstalk::jsonrpc;
using nlohmann::json;
using Kind = DecodeError::Kind;

namespace crosstalk::jsonrpc {
char *toString(const Id &id)
{
    return QTest::toString(id.toString());
}
} // namespace crosstalk::jsonrpc

namespace {

// offset column: -1 means "no offset expected", AnyOffset means "some byte".
constexpr qint64 AnyOffset = -2;

QByteArray repeated(const char *piece, int times)
{
    return QByteArray(piece).repeated(times);
}

// A request whose params nest `levels` arrays: depth is levels + 1.
QByteArray requestNestedInParams(int levels)
{
    return QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"m","params":)") + repeated("[", levels)
        + repeated("]", levels) + '}';
}

json parse(const char *text)
{
    return json::parse(text);
}

// QVERIFY2 builds its description even when the check passes.
QString errorText(const DecodeResult &result)
{
    return result.error ? result.error->message : QString();
}

} // namespace

class TestJsonRpcDecoder : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void acceptedFields();
    void rejects_data();
    void rejects();
    void batch();
    void batchFailsWholeAtFirstBadElement();
    void roundTrip_data();
    void roundTrip();
    void roundTripBatch();
    void depthLimitBoundary();
    void hostileNesting_data();
    void hostileNesting();
    void decodeJsonChecksDepthWithoutRecursion();
    void decodeJsonMatchesDecode();
    void mcpExamples();
};

void TestJsonRpcDecoder::accepts_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<MessageKind>("kind");
    QTest::addColumn<QString>("id"); // Id::toString(), empty for notifications

    QTest::newRow("request, integer id") << QByteArray(
        R"({"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo"}})")
                                         << MessageKind::Request << QStringLiteral("42");
    QTest::newRow("request, string id") << QByteArray(R"({"jsonrpc":"2.0","id":"a-1","method":"ping"})")
                                        << MessageKind::Request << QStringLiteral("\"a-1\"");
    QTest::newRow("request, null id (discouraged)") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})")
                                                    << MessageKind::Request << QStringLiteral("null");
    QTest::newRow("request, negative id")
        << QByteArray(R"({"jsonrpc":"2.0","id":-7,"method":"ping"})") << MessageKind::Request << QStringLiteral("-7");
    QTest::newRow("request, largest id") << QByteArray(R"({"jsonrpc":"2.0","id":9223372036854775807,"method":"ping"})")
                                         << MessageKind::Request << QStringLiteral("9223372036854775807");
    QTest::newRow("request, array params") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"sum","params":[1,2]})")
                                           << MessageKind::Request << QStringLiteral("1");
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                  << MessageKind::Notification << QString();
    QTest::newRow("notification, empty params")
        << QByteArray(R"({"method":"n","params":{},"jsonrpc":"2.0"})") << MessageKind::Notification << QString();
    QTest::newRow("response") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"tools":[]}})")
                              << MessageKind::Response << QStringLiteral("1");
    QTest::newRow("response, null result") << QByteArray(R"({"jsonrpc":"2.0","id":"x","result":null})")
                                           << MessageKind::Response << QStringLiteral("\"x\"");
    QTest::newRow("error") << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no"}})")
                           << MessageKind::Error << QStringLiteral("1");
    QTest::newRow("error, null id, data")
        << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad","data":[1]}})")
        << MessageKind::Error << QStringLiteral("null");
    QTest::newRow("unknown members allowed")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"m","x-trace":{"a":1},"_meta":null})") << MessageKind::Request
        << QStringLiteral("1");
    QTest::newRow("method wins over result") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"m","result":1})")
                                             << MessageKind::Request << QStringLiteral("1");
    QTest::newRow("whitespace and byte order mark")
        << QByteArray("\xef\xbb\xbf \n{ \"jsonrpc\" : \"2.0\" ,\n \"method\" : \"m\" }\r\n")
        << MessageKind::Notification << QString();
    QTest::newRow("escaped and non-ASCII method")
        << QByteArray(R"({"jsonrpc":"2.0","method":"caf\u00e9/\ud83d\ude00/é"})") << MessageKind::Notification
        << QString();
}

void TestJsonRpcDecoder::accepts()
{
    QFETCH(QByteArray, input);
    QFETCH(MessageKind, kind);
    QFETCH(QString, id);
    const DecodeResult result = decode(input);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(!result.batch);
    QCOMPARE(result.messages.size(), std::size_t(1));
    const Message &message = result.messages.front();
    QCOMPARE(messageKind(message), kind);
    const std::optional<Id> messageId = idOf(message);
    QCOMPARE(messageId ? messageId->toString() : QString(), id);
}

void TestJsonRpcDecoder::acceptedFields()
{
    DecodeResult result = decode(R"({"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo"}})");
    QVERIFY(result.ok());
    const Request *request = std::get_if<Request>(&result.messages.front());
    QVERIFY(request);
    QCOMPARE(request->id, Id(42));
    QCOMPARE(request->method, QStringLiteral("tools/call"));
    QVERIFY(request->params);
    QCOMPARE(*request->params, parse(R"({"name":"echo"})"));

    result = decode(R"({"jsonrpc":"2.0","method":"caf\u00e9"})");
    const auto *notification = std::get_if<Notification>(&result.messages.front());
    QVERIFY(notification);
    QCOMPARE(notification->method, QStringLiteral("café"));
    QVERIFY(!notification->params);

    // A leading U+FEFF is part of the string (QString::fromUtf8 would drop it).
    result = decode(R"({"jsonrpc":"2.0","id":"\ufeffx","method":"\ufeffm"})");
    request = std::get_if<Request>(&result.messages.front());
    QVERIFY(request);
    QCOMPARE(request->id.stringValue(), QString(QChar(0xFEFF)) + QLatin1Char('x'));
    QCOMPARE(request->method, QString(QChar(0xFEFF)) + QLatin1Char('m'));

    result = decode(R"({"jsonrpc":"2.0","id":"r","result":[true]})");
    const auto *response = std::get_if<Response>(&result.messages.front());
    QVERIFY(response);
    QCOMPARE(response->id, Id(QStringLiteral("r")));
    QCOMPARE(response->result, parse("[true]"));

    result
        = decode(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32020,"message":"Header mismatch","data":{"a":1}}})");
    const auto *error = std::get_if<ErrorResponse>(&result.messages.front());
    QVERIFY(error);
    QVERIFY(error->id.isNull());
    QCOMPARE(error->error.code, -32020);
    QCOMPARE(error->error.message, QStringLiteral("Header mismatch"));
    QVERIFY(error->error.data);
    QCOMPARE(*error->error.data, parse(R"({"a":1})"));
}

void TestJsonRpcDecoder::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("allowBatch");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("fragment"); // also in the message

    const DecodeOptions defaults;
    const int depth = defaults.maxDepth;
    const qsizetype bytes = defaults.maxBytes;
    const auto row = [&](const char *name, const QByteArray &input, Kind kind, const char *pointer, qint64 offset = -1,
                         const char *fragment = "", bool allowBatch = false) {
        QTest::newRow(name) << input << allowBatch << depth << bytes << kind << QString::fromUtf8(pointer) << offset
                            << QString::fromUtf8(fragment);
    };

    // Not JSON; the offset is the 0-based index of the byte where reading stopped.
    row("empty", "", Kind::NotJson, "", 0, "unexpected end of input");
    row("only whitespace", "  \n ", Kind::NotJson, "", 4);
    row("truncated", R"({"jsonrpc":)", Kind::NotJson, "", 11);
    row("trailing comma", "[1,]", Kind::NotJson, "", 3, "", true);
    row("trailing garbage", R"({"jsonrpc":"2.0","method":"m"} x)", Kind::NotJson, "", 31);
    row("single quotes", "{'a':1}", Kind::NotJson, "", 1);
    row("comment", "{/* c */}", Kind::NotJson, "", 1);
    row("NaN", R"({"jsonrpc":"2.0","id":NaN,"method":"m"})", Kind::NotJson, "", 22);
    row("number overflow", R"({"jsonrpc":"2.0","id":1e400,"method":"m"})", Kind::NotJson, "", AnyOffset,
        "number overflow");
    row("control character in string", "{\"jsonrpc\":\"2.0\",\"method\":\"a\tb\"}", Kind::NotJson, "", 28);
    row("invalid UTF-8 byte", "{\"jsonrpc\":\"2.0\",\"method\":\"a\xff\"}", Kind::NotJson, "", 28, "ill-formed UTF-8");
    row("invalid UTF-8 in key", "{\"\x80\":1}", Kind::NotJson, "", 2, "ill-formed UTF-8");
    row("overlong UTF-8", "{\"jsonrpc\":\"2.0\",\"method\":\"\xc0\xaf\"}", Kind::NotJson, "", 27);
    row("UTF-8 encoded surrogate", "{\"jsonrpc\":\"2.0\",\"method\":\"\xed\xa0\x80\"}", Kind::NotJson, "", 28);
    row("truncated UTF-8", "{\"jsonrpc\":\"2.0\",\"method\":\"\xe2\x82\"}", Kind::NotJson, "", 29);
    row("lone surrogate escape", R"({"jsonrpc":"2.0","method":"\ud800"})", Kind::NotJson, "", AnyOffset, "surrogate");

    // The top level.
    row("number", "42", Kind::NotAnObject, "", -1, "found 42");
    row("string", "\"2.0\"", Kind::NotAnObject, "", -1, "top level");
    row("null, batches allowed", "null", Kind::NotAnObject, "", -1, "object or array", true);
    row("batch not allowed", R"([{"jsonrpc":"2.0","method":"m"}])", Kind::UnexpectedBatch, "", -1, "batch");
    row("empty batch", "[]", Kind::EmptyBatch, "", -1, "empty", true);
    row("batch element not an object", R"([{"jsonrpc":"2.0","method":"m"},7])", Kind::NotAnObject, "/1", -1, "found 7",
        true);
    row("nested batch", R"([[{"jsonrpc":"2.0","method":"m"}]])", Kind::NotAnObject, "/0", -1, "an array", true);

    // "jsonrpc"
    row("jsonrpc missing", R"({"id":1,"method":"m"})", Kind::WrongVersion, "/jsonrpc", -1, "missing");
    row("jsonrpc 1.0", R"({"jsonrpc":"1.0","id":1,"method":"m"})", Kind::WrongVersion, "/jsonrpc", -1, "found \"1.0\"");
    row("jsonrpc number", R"({"jsonrpc":2.0,"id":1,"method":"m"})", Kind::WrongVersion, "/jsonrpc", -1, "found 2.0");
    row("jsonrpc padded", R"({"jsonrpc":"2.0 ","id":1,"method":"m"})", Kind::WrongVersion, "/jsonrpc");

    // "method" and "params"
    row("method number", R"({"jsonrpc":"2.0","id":1,"method":5})", Kind::BadMethod, "/method", -1, "found 5");
    row("method null", R"({"jsonrpc":"2.0","method":null})", Kind::BadMethod, "/method", -1, "found null");
    row("method empty", R"({"jsonrpc":"2.0","id":1,"method":""})", Kind::BadMethod, "/method", -1, "empty");
    row("params string", R"({"jsonrpc":"2.0","id":1,"method":"m","params":"x"})", Kind::BadParams, "/params", -1,
        "found \"x\"");
    row("params null", R"({"jsonrpc":"2.0","method":"m","params":null})", Kind::BadParams, "/params");
    row("params number", R"({"jsonrpc":"2.0","method":"m","params":3})", Kind::BadParams, "/params");

    // "id"
    row("id true", R"({"jsonrpc":"2.0","id":true,"method":"m"})", Kind::BadId, "/id", -1, "found true");
    row("id object", R"({"jsonrpc":"2.0","id":{},"method":"m"})", Kind::BadId, "/id", -1, "an object");
    row("id array", R"({"jsonrpc":"2.0","id":[1],"result":1})", Kind::BadId, "/id", -1, "an array");
    row("id fraction", R"({"jsonrpc":"2.0","id":1.5,"method":"m"})", Kind::BadId, "/id", -1, "found 1.5");
    row("id float 1.0", R"({"jsonrpc":"2.0","id":1.0,"method":"m"})", Kind::BadId, "/id", -1, "found 1.0");
    row("id exponent", R"({"jsonrpc":"2.0","id":1e2,"result":null})", Kind::BadId, "/id");
    row("id beyond qint64", R"({"jsonrpc":"2.0","id":9223372036854775808,"method":"m"})", Kind::BadId, "/id", -1,
        "64-bit");
    row("response without id", R"({"jsonrpc":"2.0","result":1})", Kind::BadId, "/id");
    row("error without id", R"({"jsonrpc":"2.0","error":{"code":1,"message":"m"}})", Kind::BadId, "/id");

    // result / error / method presence
    row("result and error", R"({"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}})",
        Kind::ResultAndError, "/error");
    row("id only", R"({"jsonrpc":"2.0","id":1})", Kind::NeitherResultNorError, "/result");
    row("nothing", R"({"jsonrpc":"2.0"})", Kind::MissingMethod, "/method");

    // "error"
    row("error number", R"({"jsonrpc":"2.0","id":1,"error":5})", Kind::BadError, "/error", -1, "found 5");
    row("error null", R"({"jsonrpc":"2.0","id":1,"error":null})", Kind::BadError, "/error");
    row("error without code", R"({"jsonrpc":"2.0","id":1,"error":{"message":"m"}})", Kind::BadError, "/error/code");
    row("error code string", R"({"jsonrpc":"2.0","id":1,"error":{"code":"-32600","message":"m"}})", Kind::BadError,
        "/error/code", -1, "found \"-32600\"");
    row("error code fraction", R"({"jsonrpc":"2.0","id":1,"error":{"code":-32600.5,"message":"m"}})", Kind::BadError,
        "/error/code");
    row("error code too big", R"({"jsonrpc":"2.0","id":1,"error":{"code":4294967296,"message":"m"}})", Kind::BadError,
        "/error/code", -1, "32-bit");
    row("error code too small", R"({"jsonrpc":"2.0","id":1,"error":{"code":-2147483649,"message":"m"}})",
        Kind::BadError, "/error/code");
    row("error without message", R"({"jsonrpc":"2.0","id":1,"error":{"code":-32600}})", Kind::BadError,
        "/error/message");
    row("error message number", R"({"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":5}})", Kind::BadError,
        "/error/message", -1, "found 5");

    // Batches report the element's index in front.
    row("bad member in batch element",
        R"([{"jsonrpc":"2.0","method":"m"},{"jsonrpc":"2.0","id":1,"result":1},{"jsonrpc":"2.0","method":5}])",
        Kind::BadMethod, "/2/method", -1, "", true);
    row("bad error code in batch element", R"([{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}}])",
        Kind::BadError, "/0/error/code", -1, "", true);

    // Limits.
    QTest::newRow("too deep") << QByteArray(R"({"jsonrpc":"2.0","method":"m","params":{"a/b~c":[{}]}})") << false << 3
                              << bytes << Kind::TooDeep << QStringLiteral("/params/a~1b~0c/0") << qint64(-1)
                              << QStringLiteral("deeper than 3");
    QTest::newRow("too deep, last key") << QByteArray(R"({"jsonrpc":"2.0","method":"m","params":{"x":1,"y":[]}})")
                                        << false << 2 << bytes << Kind::TooDeep << QStringLiteral("/params/y")
                                        << qint64(-1) << QString();
    QTest::newRow("too deep in batch") << QByteArray(R"([{"jsonrpc":"2.0","method":"m"},{"params":{}}])") << true << 2
                                       << bytes << Kind::TooDeep << QStringLiteral("/1/params") << qint64(-1)
                                       << QString();
    QTest::newRow("too large") << QByteArray(R"({"jsonrpc":"2.0","method":"m"})") << false << depth << qsizetype(10)
                               << Kind::TooLarge << QString() << qint64(10) << QStringLiteral("limit of 10 bytes");
}

void TestJsonRpcDecoder::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, allowBatch);
    QFETCH(int, maxDepth);
    QFETCH(qsizetype, maxBytes);
    QFETCH(Kind, kind);
    QFETCH(QString, pointer);
    QFETCH(qint64, offset);
    QFETCH(QString, fragment);

    DecodeOptions options;
    options.allowBatch = allowBatch;
    options.maxDepth = maxDepth;
    options.maxBytes = maxBytes;
    const DecodeResult result = decode(input, options);
    QVERIFY(!result.ok());
    QVERIFY(result.messages.empty());
    const DecodeError &error = *result.error;
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.pointer, pointer);
    if (offset == AnyOffset)
        QVERIFY2(error.offset >= 0 && error.offset <= input.size(), qPrintable(error.message));
    else
        QCOMPARE(error.offset, offset);
    QVERIFY(!error.message.isEmpty());
    if (!pointer.isEmpty())
        QVERIFY2(error.message.contains(pointer), qPrintable(error.message));
    if (error.offset >= 0)
        QVERIFY2(error.message.contains(QStringLiteral("byte %1").arg(error.offset)), qPrintable(error.message));
    QVERIFY2(error.message.contains(fragment), qPrintable(error.message));

    // Callers that parsed already get the same verdict (for JSON that parses).
    if (kind != Kind::NotJson && kind != Kind::TooLarge) {
        const DecodeResult again = decodeJson(json::parse(input.toStdString()), options);
        QVERIFY(again.error);
        QCOMPARE(again.error->kind, kind);
        QCOMPARE(again.error->pointer, pointer);
        QCOMPARE(again.error->message, error.message);
    }
}

void TestJsonRpcDecoder::batch()
{
    DecodeOptions options;
    options.allowBatch = true;
    const DecodeResult result = decode(R"([{"jsonrpc":"2.0","id":1,"method":"a"},
                                           {"jsonrpc":"2.0","method":"b"},
                                           {"jsonrpc":"2.0","id":2,"result":{}},
                                           {"jsonrpc":"2.0","id":3,"error":{"code":1,"message":"x"}}])",
                                       options);
    QVERIFY(result.ok());
    QVERIFY(result.batch);
    QCOMPARE(result.messages.size(), std::size_t(4));
    QCOMPARE(messageKind(result.messages[0]), MessageKind::Request);
    QCOMPARE(messageKind(result.messages[1]), MessageKind::Notification);
    QCOMPARE(messageKind(result.messages[2]), MessageKind::Response);
    QCOMPARE(messageKind(result.messages[3]), MessageKind::Error);

    const DecodeResult single = decode(R"([{"jsonrpc":"2.0","method":"b"}])", options);
    QVERIFY(single.ok());
    QVERIFY(single.batch);
    QCOMPARE(single.messages.size(), std::size_t(1));

    const DecodeResult object = decode(R"({"jsonrpc":"2.0","method":"b"})", options);
    QVERIFY(object.ok());
    QVERIFY(!object.batch);
}

void TestJsonRpcDecoder::batchFailsWholeAtFirstBadElement()
{
    DecodeOptions options;
    options.allowBatch = true;
    const DecodeResult result = decode(R"([{"jsonrpc":"2.0","method":"ok"},
                                           {"jsonrpc":"1.0","method":"first bad"},
                                           {"jsonrpc":"2.0","method":"ok"},
                                           {"jsonrpc":"2.0","id":true,"method":"second bad"}])",
                                       options);
    QVERIFY(!result.ok());
    QVERIFY(result.messages.empty());
    QCOMPARE(result.error->kind, Kind::WrongVersion);
    QCOMPARE(result.error->pointer, QStringLiteral("/1/jsonrpc"));
}

void TestJsonRpcDecoder::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QTest::newRow("request, integer id") << Message(Request { Id(1), QStringLiteral("tools/list"), std::nullopt });
    QTest::newRow("request, string id") << Message(
        Request { Id(QStringLiteral("é\"/\\\n")), QStringLiteral("tools/call"),
                  parse(R"({"name":"echo","arguments":{"text":"hi","n":1.25,"big":18446744073709551615}})") });
    QTest::newRow("request, null id") << Message(Request { Id(), QStringLiteral("m"), parse("[]") });
    QTest::newRow("request, extreme id") << Message(
        Request { Id(std::numeric_limits<qint64>::min()), QStringLiteral("m"), std::nullopt });
    QTest::newRow("notification") << Message(
        Notification { QStringLiteral("notifications/progress"), parse(R"({"progress":0.5,"total":null})") });
    QTest::newRow("response") << Message(Response { Id(9), parse(R"({"content":[{"type":"text","text":"hi"}]})") });
    QTest::newRow("response, scalar result") << Message(Response { Id(QStringLiteral("")), json(false) });
    QTest::newRow("error") << Message(
        ErrorResponse { Id(5), { -32602, QStringLiteral("Unknown tool"), std::nullopt } });
    QTest::newRow("error, null id, data") << Message(
        ErrorResponse { Id(), { -32700, QStringLiteral("Parse error"), parse(R"({"at":[1,{"x":null}]})") } });
}

void TestJsonRpcDecoder::roundTrip()
{
    QFETCH(Message, message);
    const QByteArray bytes = encode(message);
    const DecodeResult result = decode(bytes);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QCOMPARE(result.messages.size(), std::size_t(1));
    QVERIFY2(result.messages.front() == message, bytes.constData());
    QCOMPARE(encode(result.messages.front()), bytes);
}

void TestJsonRpcDecoder::roundTripBatch()
{
    const std::vector<Message> messages { Request { Id(1), QStringLiteral("a"), std::nullopt },
                                          Notification { QStringLiteral("b"), parse("[1]") },
                                          Response { Id(QStringLiteral("c")), json(3) } };
    json array = json::array();
    for (const Message &message : messages)
        array.push_back(toJson(message));
    DecodeOptions options;
    options.allowBatch = true;
    const DecodeResult result = decode(QByteArray::fromStdString(array.dump()), options);
    QVERIFY(result.ok());
    QVERIFY(result.messages == messages);
}

void TestJsonRpcDecoder::depthLimitBoundary()
{
    // The top-level object is depth 1, so 255 arrays in params reach 256.
    QVERIFY(decode(requestNestedInParams(255)).ok());
    const DecodeResult tooDeep = decode(requestNestedInParams(256));
    QVERIFY(tooDeep.error);
    QCOMPARE(tooDeep.error->kind, Kind::TooDeep);
    QCOMPARE(tooDeep.error->pointer, QStringLiteral("/params") + QStringLiteral("/0").repeated(255));

    DecodeOptions options;
    options.maxDepth = 1;
    QVERIFY(decode(R"({"jsonrpc":"2.0","method":"m"})", options).ok());
    QCOMPARE(decode(R"({"jsonrpc":"2.0","method":"m","params":[]})", options).error->kind, Kind::TooDeep);
}

void TestJsonRpcDecoder::hostileNesting_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("pointerStart");
    QTest::newRow("100000 open arrays") << repeated("[", 100000) << QStringLiteral("/0/0/0/0");
    QTest::newRow("100000 balanced arrays")
        << repeated("[", 100000) + repeated("]", 100000) << QStringLiteral("/0/0/0/0");
    QTest::newRow("100000 objects") << repeated(R"({"a":)", 100000) + '1' + repeated("}", 100000)
                                    << QStringLiteral("/a/a/a/a");
    QTest::newRow("deep in params") << QByteArray(R"({"jsonrpc":"2.0","method":"m","params":)") + repeated("[", 100000)
                                    << QStringLiteral("/params/0/0");
}

void TestJsonRpcDecoder::hostileNesting()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, pointerStart);
    for (const bool allowBatch : { false, true }) {
        DecodeOptions options;
        options.allowBatch = allowBatch;
        const DecodeResult result = decode(input, options);
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, Kind::TooDeep);
        QVERIFY(result.error->pointer.startsWith(pointerStart));
        QCOMPARE(result.error->pointer.count(QLatin1Char('/')), 256);
        // The message stays readable: long pointers are shortened there.
        QVERIFY(result.error->message.size() < 400);
        QVERIFY(result.error->message.contains(QStringLiteral("256")));
    }
}

void TestJsonRpcDecoder::decodeJsonChecksDepthWithoutRecursion()
{
    json value = json::array();
    for (int i = 0; i < 100000; ++i) {
        json outer = json::array();
        outer.push_back(std::move(value));
        value = std::move(outer);
    }
    json message = { { "jsonrpc", "2.0" }, { "method", "m" } };
    message["params"] = std::move(value);
    const QString expected = QStringLiteral("/params") + QStringLiteral("/0").repeated(255);
    const DecodeResult result = decodeJson(message);
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, Kind::TooDeep);
    QCOMPARE(result.error->pointer, expected);
    const DecodeResult owned = decodeJson(std::move(message));
    QVERIFY(owned.error);
    QCOMPARE(owned.error->pointer, expected);
}

void TestJsonRpcDecoder::decodeJsonMatchesDecode()
{
    const QByteArray text = R"({"jsonrpc":"2.0","id":"x","method":"tools/call","params":{"name":"echo"}})";
    const DecodeResult fromBytes = decode(text);
    const json parsed = json::parse(text.toStdString());
    const DecodeResult fromJson = decodeJson(parsed);
    json owned = parsed;
    const DecodeResult fromOwned = decodeJson(std::move(owned));
    QVERIFY(fromBytes.ok() && fromJson.ok() && fromOwned.ok());
    QVERIFY(fromBytes.messages == fromJson.messages);
    QVERIFY(fromBytes.messages == fromOwned.messages);
    QCOMPARE(parsed.at("params").at("name"), json("echo")); // the const overload copied
}

void TestJsonRpcDecoder::mcpExamples()
{
    const QString specs = crosstalk::test::specsDir();
    if (specs.isEmpty())
        QSKIP("The official specs are not beside the project (CROSSTALK_SPECS_DIR, ../shared/specs)");
    const QString examplesDir = specs + QStringLiteral("/mcp/2026-07-28/examples");
    if (!QFileInfo(examplesDir).isDir())
        QSKIP("The MCP 2026-07-28 examples are not in the specs folder");

    int messages = 0;
    int errorObjects = 0;
    QDirIterator it(examplesDir, { QStringLiteral("*.json") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        const json value = json::parse(bytes.toStdString(), nullptr, false);
        QVERIFY2(!value.is_discarded(), qPrintable(path));
        const QString type = QFileInfo(path).dir().dirName();

        if (value.is_object() && value.contains("jsonrpc")) {
            // A whole JSON-RPC message: it must decode, as what its type says.
            const DecodeResult result = decode(bytes);
            QVERIFY2(result.ok(), qPrintable(path + QStringLiteral(": ") + errorText(result)));
            QCOMPARE(result.messages.size(), std::size_t(1));
            const MessageKind kind = messageKind(result.messages.front());
            if (type.endsWith(QLatin1String("Request")))
                QCOMPARE(kind, MessageKind::Request);
            else if (type.endsWith(QLatin1String("Notification")))
                QCOMPARE(kind, MessageKind::Notification);
            else if (type.endsWith(QLatin1String("Response")))
                QCOMPARE(kind, MessageKind::Response);
            else if (type.endsWith(QLatin1String("Error")))
                QCOMPARE(kind, MessageKind::Error);
            ++messages;
        } else if (type.endsWith(QLatin1String("Error")) && value.is_object()) {
            // A bare error object: it must be valid inside an error response.
            const json response = { { "jsonrpc", "2.0" }, { "id", nullptr }, { "error", value } };
            const DecodeResult result = decodeJson(response);
            QVERIFY2(result.ok(), qPrintable(path + QStringLiteral(": ") + errorText(result)));
            const auto &error = std::get<ErrorResponse>(result.messages.front());
            QCOMPARE(error.error.code, value.at("code").get<int>());
            ++errorObjects;
        }
    }
    qInfo("%d example messages and %d error objects decoded", messages, errorObjects);
    QVERIFY(messages > 0);
}

QTEST_GUILESS_MAIN(TestJsonRpcDecoder)
#include "tst_jsonrpcdecoder.moc"
