// RFC 8785 (JSON Canonicalization Scheme): numbers the ECMAScript way, member
// names sorted by UTF-16 code units, the minimal string escaping.
#include "a2a/Jcs.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

using namespace crosstalk;
using nlohmann::json;

class TestJcs : public QObject
{
    Q_OBJECT

private slots:
    void numbers_data();
    void numbers();
    void nonFiniteNumbersThrow();
    void integerTypes_data();
    void integerTypes();
    void rfcMainExample();
    void keySortingUtf16();
    void keySortingNested();
    void stringEscaping_data();
    void stringEscaping();
    void literalsAndContainers();
    void invalidUtf8Throws();
    void deepNesting();
};

void TestJcs::numbers_data()
{
    QTest::addColumn<quint64>("bits");
    QTest::addColumn<QString>("expected");

    // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical form.
    const auto row = [](quint64 bits, const char *expected) {
        QTest::addRow("%016llx", static_cast<unsigned long long>(bits)) << bits << QString::fromLatin1(expected);
    };
    row(0x0000000000000000, "0");
    row(0x8000000000000000, "0"); // -0
    row(0x0000000000000001, "5e-324");
    row(0x8000000000000001, "-5e-324");
    row(0x7fefffffffffffff, "1.7976931348623157e+308");
    row(0xffefffffffffffff, "-1.7976931348623157e+308");
    row(0x4340000000000000, "9007199254740992");
    row(0xc340000000000000, "-9007199254740992");
    row(0x4430000000000000, "295147905179352830000");
    row(0x44b52d02c7e14af5, "9.999999999999997e+22");
    row(0x44b52d02c7e14af6, "1e+23");
    row(0x44b52d02c7e14af7, "1.0000000000000001e+23");
    row(0x444b1ae4d6e2ef4e, "999999999999999700000");
    row(0x444b1ae4d6e2ef4f, "999999999999999900000");
    row(0x444b1ae4d6e2ef50, "1e+21");
    row(0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7");
    row(0x3eb0c6f7a0b5ed8d, "0.000001");
    row(0x41b3de4355555553, "333333333.3333332");
    row(0x41b3de4355555554, "333333333.33333325");
    row(0x41b3de4355555555, "333333333.3333333");
    row(0x41b3de4355555556, "333333333.3333334");
    row(0x41b3de4355555557, "333333333.33333343");
    row(0xbecbf647612f3696, "-0.0000033333333333333333");
    row(0x43143ff3c1cb0959, "1424953923781206.2");

    // More of ECMAScript's Number::toString boundaries.
    const auto value = [](const char *name, double v, const char *expected) {
        QTest::newRow(name) << std::bit_cast<quint64>(v) << QString::fromLatin1(expected);
    };
    value("1e-7", 1e-7, "1e-7");
    value("5e-7", 5e-7, "5e-7");
    value("1.23e-18", 123e-20, "1.23e-18");
    value("0.1+0.2", 0.1 + 0.2, "0.30000000000000004");
    value("1e20", 1e20, "100000000000000000000");
    value("-1e21", -1e21, "-1e+21");
    value("1.5e300", 1.5e300, "1.5e+300");
    value("4.50", 4.50, "4.5");
    value("2e-3", 2e-3, "0.002");
    value("1e30", 1e30, "1e+30");
    value("-1", -1.0, "-1");
    value("2^64", 18446744073709551616.0, "18446744073709552000");
}

void TestJcs::numbers()
{
    QFETCH(quint64, bits);
    QFETCH(QString, expected);
    const double v = std::bit_cast<double>(bits);
    QCOMPARE(QString::fromStdString(a2a::canonicalNumber(v)), expected);
    QCOMPARE(QString::fromStdString(a2a::canonicalJson(json(v))), expected);
}

void TestJcs::nonFiniteNumbersThrow()
{
    // NaN and infinities cannot come from parsed JSON, only from code.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalNumber(std::numeric_limits<double>::quiet_NaN()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalNumber(std::numeric_limits<double>::infinity()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             a2a::canonicalJson(json::array({ 1, -std::numeric_limits<double>::infinity() })));
}

void TestJcs::integerTypes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    // nlohmann parses these as integers; RFC 8785 sees doubles, as JavaScript does.
    QTest::newRow("zero") << QByteArray("0") << QStringLiteral("0");
    QTest::newRow("negative zero") << QByteArray("-0") << QStringLiteral("0");
    QTest::newRow("small") << QByteArray("42") << QStringLiteral("42");
    QTest::newRow("negative") << QByteArray("-17") << QStringLiteral("-17");
    QTest::newRow("2^53") << QByteArray("9007199254740992") << QStringLiteral("9007199254740992");
    QTest::newRow("2^53+1 loses precision") << QByteArray("9007199254740993") << QStringLiteral("9007199254740992");
    QTest::newRow("1e18") << QByteArray("1000000000000000000") << QStringLiteral("1000000000000000000");
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << QStringLiteral("-9223372036854776000");
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << QStringLiteral("18446744073709552000");
    QTest::newRow("integral float") << QByteArray("1.0") << QStringLiteral("1");
    QTest::newRow("exponent integer") << QByteArray("1E3") << QStringLiteral("1000");
    QTest::newRow("1e21 as text") << QByteArray("1000000000000000000000") << QStringLiteral("1e+21");
}

void TestJcs::integerTypes()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const json value = json::parse(text.constData(), text.constData() + text.size());
    QCOMPARE(QString::fromStdString(a2a::canonicalJson(value)), expected);
}

void TestJcs::rfcMainExample()
{
    // RFC 8785 §3.2.2 and §3.2.4.
    const char *input = R"({
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    })";
    const std::string expected = "{\"literals\":[null,true,false],"
                                 "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                                 "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    QCOMPARE(a2a::canonicalJson(json::parse(input)), expected);
}

void TestJcs::keySortingUtf16()
{
    // RFC 8785 §3.2.3: sorted by UTF-16 code units, so U+1F600 (D83D DE00)
    // comes before U+FB33, although its UTF-8 bytes (F0 ...) sort after
    // U+FB33's (EF ...).
    const char *input = R"({
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"
    })";
    const std::string expected = "{\"\\r\":\"Carriage Return\","
                                 "\"1\":\"One\","
                                 "\"\xc2\x80\":\"Control\","
                                 "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
                                 "\"\xe2\x82\xac\":\"Euro Sign\","
                                 "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
                                 "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}";
    QCOMPARE(a2a::canonicalJson(json::parse(input)), expected);

    // Further: a, é, €, the emoji, then the private-use U+E000 and U+FFFF.
    const json object = json::parse(R"({"\uffff":6,"\ue000":5,"\ud83d\ude00":4,"\u20ac":3,"\u00e9":2,"a":1})");
    QCOMPARE(a2a::canonicalJson(object),
             std::string("{\"a\":1,\"\xc3\xa9\":2,\"\xe2\x82\xac\":3,"
                         "\"\xf0\x9f\x98\x80\":4,\"\xee\x80\x80\":5,"
                         "\"\xef\xbf\xbf\":6}"));
    // Prefixes sort first; upper case before lower case (code units).
    QCOMPARE(a2a::canonicalJson(json::parse(R"({"ab":1,"a":2,"B":3,"":4})")),
             std::string(R"({"":4,"B":3,"a":2,"ab":1})"));
}

void TestJcs::keySortingNested()
{
    const json value = json::parse(R"({"z":{"y":[{"b":1,"a":2}],"x":{}},"a":[]})");
    QCOMPARE(a2a::canonicalJson(value), std::string(R"({"a":[],"z":{"x":{},"y":[{"a":2,"b":1}]}})"));
}

void TestJcs::stringEscaping_data()
{
    QTest::addColumn<QByteArray>("input"); // JSON text
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("short forms") << QByteArray(R"("\b\t\n\f\r")") << QByteArray(R"("\b\t\n\f\r")");
    QTest::newRow("other controls lower-case hex")
        << QByteArray(R"("\u0000\u0001\u000B\u000e\u001F")") << QByteArray(R"("\u0000\u0001\u000b\u000e\u001f")");
    QTest::newRow("quote and backslash") << QByteArray(R"("a\"b\\c")") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("solidus not escaped") << QByteArray(R"("a\/b/c")") << QByteArray(R"("a/b/c")");
    QTest::newRow("DEL literal") << QByteArray(R"("\u007f")") << QByteArray("\"\x7f\"");
    QTest::newRow("U+2028 literal") << QByteArray(R"("\u2028\u2029")") << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"");
    QTest::newRow("non-ASCII literal") << QByteArray(R"("\u00e9\u20ac\ud83d\ude00")")
                                       << QByteArray("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    QTest::newRow("escaped ASCII unescaped") << QByteArray(R"("\u0041\u0062")") << QByteArray(R"("Ab")");
    QTest::newRow("key escaped too") << QByteArray(R"({"a\nb":"\u0007"})") << QByteArray(R"({"a\nb":"\u0007"})");

    QByteArray all = "\"";
    QByteArray allExpected = "\"";
    static const char *const forms[32] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    };
    for (int c = 0; c < 32; ++c) {
        all += QByteArray("\\u00") + QByteArray::number(c, 16).rightJustified(2, '0').toUpper();
        allExpected += forms[c];
    }
    all += "\"";
    allExpected += "\"";
    QTest::newRow("every control character") << all << allExpected;
}

void TestJcs::stringEscaping()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const json value = json::parse(input.constData(), input.constData() + input.size());
    QCOMPARE(QByteArray::fromStdString(a2a::canonicalJson(value)), expected);
}

void TestJcs::literalsAndContainers()
{
    QCOMPARE(a2a::canonicalJson(json(nullptr)), std::string("null"));
    QCOMPARE(a2a::canonicalJson(json(true)), std::string("true"));
    QCOMPARE(a2a::canonicalJson(json::array()), std::string("[]"));
    QCOMPARE(a2a::canonicalJson(json::object()), std::string("{}"));
    // Whitespace goes; array order stays.
    QCOMPARE(a2a::canonicalJson(json::parse(" [ 3 , 1 , 2 , [ ] , { } ] ")), std::string("[3,1,2,[],{}]"));
}

void TestJcs::invalidUtf8Throws()
{
    // Only JSON built in code can hold it: the parser refuses invalid UTF-8.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(json(std::string("a\xff"))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(json(std::string("\xc0\xaf")))); // overlong
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             a2a::canonicalJson(json(std::string("\xed\xa0\x80")))); // a surrogate
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(json(std::string("\xe2\x82")))); // truncated
    json object = json::object();
    object[std::string("k\xfe")] = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(object));
}

void TestJcs::deepNesting()
{
    const auto nested = [](int depth) {
        const std::string text = std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']');
        return json::parse(text);
    };
    QCOMPARE(a2a::canonicalJson(nested(a2a::MaxJsonDepth + 1)).size(), std::size_t(2 * (a2a::MaxJsonDepth + 1)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(nested(a2a::MaxJsonDepth + 2)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a2a::canonicalJson(nested(100000)));
}

QTEST_GUILESS_MAIN(TestJcs)
#include "tst_jcs.moc"
