// RFC 6570 URI templates: every example of the RFC's section 3.2 (levels 1
// to 4), prefixes counted in characters, and templates that do not parse.
#include "mcp/UriTemplate.h"

#include <QTest>

using namespace crosstalk;
using nlohmann::json;

class TestUriTemplate : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void prefixCountsCharacters();
    void variablesInOrder();
    void brokenTemplates_data();
    void brokenTemplates();
};

namespace {

// The RFC's variables. JSON objects keep their keys sorted, so `keys` lists
// comma, dot, semi (the RFC lists semi, dot, comma).
const json &rfcValues()
{
    static const json values = json::parse(R"({
        "count": ["one", "two", "three"], "dom": ["example", "com"], "dub": "me/too",
        "hello": "Hello World!", "half": "50%", "var": "value", "who": "fred",
        "base": "http://example.com/home/", "path": "/foo/bar", "list": ["red", "green", "blue"],
        "keys": {"semi": ";", "dot": ".", "comma": ","}, "v": "6", "x": "1024", "y": "768",
        "empty": "", "empty_keys": {}, "undef": null})");
    return values;
}

} // namespace

void TestUriTemplate::rfcExamples_data()
{
    QTest::addColumn<QString>("uriTemplate");
    QTest::addColumn<QString>("expected");
    const QList<QPair<const char *, const char *>> examples{
        // 3.2.2 simple
        {"{var}", "value"}, {"{hello}", "Hello%20World%21"}, {"{half}", "50%25"}, {"O{empty}X", "OX"}, {"O{undef}X", "OX"},
        {"{x,y}", "1024,768"}, {"{x,hello,y}", "1024,Hello%20World%21,768"}, {"?{x,empty}", "?1024,"}, {"?{x,undef}", "?1024"},
        {"?{undef,y}", "?768"}, {"{var:3}", "val"}, {"{var:30}", "value"}, {"{list}", "red,green,blue"},
        {"{list*}", "red,green,blue"}, {"{keys}", "comma,%2C,dot,.,semi,%3B"}, {"{keys*}", "comma=%2C,dot=.,semi=%3B"},
        // 3.2.3 reserved
        {"{+var}", "value"}, {"{+hello}", "Hello%20World!"}, {"{+half}", "50%25"},
        {"{base}index", "http%3A%2F%2Fexample.com%2Fhome%2Findex"}, {"{+base}index", "http://example.com/home/index"},
        {"O{+empty}X", "OX"}, {"{+path}/here", "/foo/bar/here"}, {"here?ref={+path}", "here?ref=/foo/bar"},
        {"up{+path}{var}/here", "up/foo/barvalue/here"}, {"{+x,hello,y}", "1024,Hello%20World!,768"},
        {"{+path,x}/here", "/foo/bar,1024/here"}, {"{+path:6}/here", "/foo/b/here"}, {"{+list}", "red,green,blue"},
        {"{+keys*}", "comma=,,dot=.,semi=;"},
        // 3.2.4 fragment
        {"{#var}", "#value"}, {"{#hello}", "#Hello%20World!"}, {"{#half}", "#50%25"}, {"foo{#empty}", "foo#"},
        {"foo{#undef}", "foo"}, {"{#x,hello,y}", "#1024,Hello%20World!,768"}, {"{#path:6}/here", "#/foo/b/here"},
        {"{#list*}", "#red,green,blue"},
        // 3.2.5 label
        {"{.who}", ".fred"}, {"{.who,who}", ".fred.fred"}, {"{.half,who}", ".50%25.fred"}, {"www{.dom*}", "www.example.com"},
        {"X{.var}", "X.value"}, {"X{.empty}", "X."}, {"X{.undef}", "X"}, {"X{.var:3}", "X.val"}, {"X{.list}", "X.red,green,blue"},
        {"X{.list*}", "X.red.green.blue"}, {"X{.keys*}", "X.comma=%2C.dot=..semi=%3B"}, {"X{.empty_keys}", "X"},
        {"X{.empty_keys*}", "X"},
        // 3.2.6 path segments
        {"{/who}", "/fred"}, {"{/who,who}", "/fred/fred"}, {"{/half,who}", "/50%25/fred"}, {"{/who,dub}", "/fred/me%2Ftoo"},
        {"{/var}", "/value"}, {"{/var,empty}", "/value/"}, {"{/var,undef}", "/value"}, {"{/var,x}/here", "/value/1024/here"},
        {"{/var:1,var}", "/v/value"}, {"{/list}", "/red,green,blue"}, {"{/list*}", "/red/green/blue"},
        {"{/list*,path:4}", "/red/green/blue/%2Ffoo"}, {"{/keys*}", "/comma=%2C/dot=./semi=%3B"},
        // 3.2.7 path parameters
        {"{;who}", ";who=fred"}, {"{;half}", ";half=50%25"}, {"{;empty}", ";empty"}, {"{;v,empty,who}", ";v=6;empty;who=fred"},
        {"{;v,bar,who}", ";v=6;who=fred"}, {"{;x,y}", ";x=1024;y=768"}, {"{;x,y,empty}", ";x=1024;y=768;empty"},
        {"{;x,y,undef}", ";x=1024;y=768"}, {"{;hello:5}", ";hello=Hello"}, {"{;list}", ";list=red,green,blue"},
        {"{;list*}", ";list=red;list=green;list=blue"}, {"{;keys}", ";keys=comma,%2C,dot,.,semi,%3B"},
        {"{;keys*}", ";comma=%2C;dot=.;semi=%3B"},
        // 3.2.8 query
        {"{?who}", "?who=fred"}, {"{?half}", "?half=50%25"}, {"{?x,y}", "?x=1024&y=768"}, {"{?x,y,empty}", "?x=1024&y=768&empty="},
        {"{?x,y,undef}", "?x=1024&y=768"}, {"{?var:3}", "?var=val"}, {"{?list}", "?list=red,green,blue"},
        {"{?list*}", "?list=red&list=green&list=blue"}, {"{?keys}", "?keys=comma,%2C,dot,.,semi,%3B"},
        {"{?keys*}", "?comma=%2C&dot=.&semi=%3B"},
        // 3.2.9 query continuation
        {"{&who}", "&who=fred"}, {"{&half}", "&half=50%25"}, {"?fixed=yes{&x}", "?fixed=yes&x=1024"},
        {"{&x,y,empty}", "&x=1024&y=768&empty="}, {"{&var:3}", "&var=val"}, {"{&list}", "&list=red,green,blue"},
        {"{&list*}", "&list=red&list=green&list=blue"}, {"{&keys*}", "&comma=%2C&dot=.&semi=%3B"},
        // MCP-style resource templates
        {"demo://resource/dynamic/text/{resourceId}", "demo://resource/dynamic/text/"},
        {"file:///{+path}", "file:////foo/bar"},
    };
    for (const auto &[t, e] : examples)
        QTest::newRow(t) << QString::fromUtf8(t) << QString::fromUtf8(e);
}

void TestUriTemplate::rfcExamples()
{
    QFETCH(QString, uriTemplate);
    QFETCH(QString, expected);
    const mcp::UriTemplate t(uriTemplate);
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QCOMPARE(t.expand(rfcValues()), expected);
}

void TestUriTemplate::prefixCountsCharacters()
{
    const mcp::UriTemplate t(QStringLiteral("city/{name:3}{?n}"));
    QCOMPARE(t.expand({{"name", "Zürich"}, {"n", 42}}), QStringLiteral("city/Z%C3%BCr?n=42"));
    QCOMPARE(t.expand({{"name", "😀😀😀😀"}}), QStringLiteral("city/%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80"));
}

void TestUriTemplate::variablesInOrder()
{
    const mcp::UriTemplate t(QStringLiteral("{+base}{/segments*}{?q,lang}{&q}"));
    QCOMPARE(t.variables(), (QStringList{QStringLiteral("base"), QStringLiteral("segments"), QStringLiteral("q"), QStringLiteral("lang")}));
}

void TestUriTemplate::brokenTemplates_data()
{
    QTest::addColumn<QString>("uriTemplate");
    QTest::newRow("unclosed") << QStringLiteral("a{b");
    QTest::newRow("stray close") << QStringLiteral("a}b");
    QTest::newRow("reserved operator") << QStringLiteral("{=x}");
    QTest::newRow("empty name") << QStringLiteral("{}");
    QTest::newRow("bad name") << QStringLiteral("{a b}");
    QTest::newRow("bad prefix") << QStringLiteral("{a:0}");
    QTest::newRow("huge prefix") << QStringLiteral("{a:10000}");
}

void TestUriTemplate::brokenTemplates()
{
    QFETCH(QString, uriTemplate);
    const mcp::UriTemplate t(uriTemplate);
    QVERIFY(!t.isValid());
    QVERIFY(!t.error().isEmpty());
    QCOMPARE(t.expand({{"a", "x"}}), QString());
}

QTEST_GUILESS_MAIN(TestUriTemplate)
#include "tst_uritemplate.moc"
