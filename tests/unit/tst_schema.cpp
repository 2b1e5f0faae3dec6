// JSON Schema checks (valijson, no document ever fetched) and the values a
// schema proposes for a form or an accepted elicitation.
#include "schema/SampleValue.h"
#include "schema/SchemaValidator.h"

#include <QTest>

using namespace crosstalk;
using nlohmann::json;

class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void problemsNameTheProperty();
    void networkRefIsLeftUncheckedOnly();
    void unusableSchemaIsUnchecked();
    void refLoopsAreUncheckedNotFollowed_data();
    void refLoopsAreUncheckedNotFollowed();
    void recursionIntoTheValueIsChecked();
    void sampleValuesSatisfyTheirSchema_data();
    void sampleValuesSatisfyTheirSchema();
    void sampleValuePrefersDefaults();
    void sampleValueIsBounded();
};

void TestSchema::problemsNameTheProperty()
{
    const json schema = json::parse(R"({"type":"object","properties":{"a":{"type":"number"},
        "tags":{"type":"array","items":{"type":"string","minLength":2}}},"required":["a"]})");
    QCOMPARE(schema::validate(schema, json::parse(R"({"a":1,"tags":["xy"]})")).verdict, schema::SchemaCheck::Verdict::Valid);
    const schema::SchemaCheck bad = schema::validate(schema, json::parse(R"({"a":"one","tags":["ok","x"]})"));
    QCOMPARE(bad.verdict, schema::SchemaCheck::Verdict::Invalid);
    QStringList pointers;
    for (const auto &p : bad.problems)
        pointers.append(p.pointer);
    QVERIFY2(pointers.contains(QStringLiteral("/a")), qPrintable(pointers.join(QLatin1Char(' '))));
    QVERIFY2(pointers.contains(QStringLiteral("/tags/1")), qPrintable(pointers.join(QLatin1Char(' '))));
}

void TestSchema::networkRefIsLeftUncheckedOnly()
{
    // The profile's schema lives on the network: never fetched, never checked;
    // the id is still checked.
    const json schema = json::parse(R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
        "$defs":{"userId":{"type":"string","pattern":"^[a-z0-9-]+$"}},
        "properties":{"id":{"$ref":"#/$defs/userId"},"profile":{"$ref":"http://127.0.0.1:9/profile.json"}},
        "required":["id"]})");
    const schema::SchemaCheck ok = schema::validate(schema, json::parse(R"({"id":"ada-1","profile":42})"));
    QCOMPARE(ok.verdict, schema::SchemaCheck::Verdict::Valid);
    QCOMPARE(ok.unvalidated, QStringList{QStringLiteral("/properties/profile")});
    const schema::SchemaCheck bad = schema::validate(schema, json::parse(R"({"id":"Ada Lovelace"})"));
    QCOMPARE(bad.verdict, schema::SchemaCheck::Verdict::Invalid);
    QCOMPARE(bad.problems.first().pointer, QStringLiteral("/id"));
    // A $ref inside data (a default) is data, not a reference.
    const json withDefault = json::parse(R"({"type":"object","default":{"$ref":"http://127.0.0.1:9/x"}})");
    QVERIFY(schema::validate(withDefault, json::object()).unvalidated.isEmpty());
}

void TestSchema::unusableSchemaIsUnchecked()
{
    const schema::SchemaCheck check = schema::validate(json::parse(R"({"type":"object","properties":{"a":{"$ref":"#/nowhere"}}})"),
                                                       json::parse(R"({"a":1})"));
    QCOMPARE(check.verdict, schema::SchemaCheck::Verdict::Unchecked);
    QVERIFY(!check.whyUnchecked.isEmpty());
    QCOMPARE(schema::validate(json::array(), json::object()).verdict, schema::SchemaCheck::Verdict::Unchecked);
}

void TestSchema::sampleValuesSatisfyTheirSchema_data()
{
    QTest::addColumn<QString>("schemaText");
    QTest::newRow("numbers") << QStringLiteral(R"({"type":"object","properties":{"a":{"type":"number","minimum":5},
        "b":{"type":"integer","exclusiveMinimum":0},"c":{"type":"number","maximum":-3}},"required":["a","b","c"]})");
    QTest::newRow("strings") << QStringLiteral(R"({"type":"object","properties":{"e":{"type":"string","format":"email"},
        "u":{"type":"string","format":"uri"},"d":{"type":"string","format":"date"},"s":{"type":"string","minLength":4}},
        "required":["e","u","d","s"]})");
    QTest::newRow("choices") << QStringLiteral(R"({"type":"object","properties":{"k":{"enum":["x","y"]},"c":{"const":7},
        "o":{"oneOf":[{"const":"a","title":"A"},{"const":"b"}]}},"required":["k","c","o"]})");
    QTest::newRow("arrays") << QStringLiteral(R"({"type":"object","properties":{"l":{"type":"array","items":{"type":"boolean"},
        "minItems":2}},"required":["l"]})");
    QTest::newRow("nested and refs") << QStringLiteral(R"({"type":"object","$defs":{"p":{"type":"object","properties":
        {"n":{"type":"string"}},"required":["n"]}},"properties":{"who":{"$ref":"#/$defs/p"}},"required":["who"]})");
    QTest::newRow("nullable") << QStringLiteral(R"({"type":"object","properties":{"n":{"type":["integer","null"]}},"required":["n"]})");
}

void TestSchema::sampleValuesSatisfyTheirSchema()
{
    QFETCH(QString, schemaText);
    const QByteArray utf8 = schemaText.toUtf8();
    const json schema = json::parse(utf8.constBegin(), utf8.constEnd());
    const json value = schema::sampleValue(schema);
    const schema::SchemaCheck check = schema::validate(schema, value);
    QVERIFY2(check.verdict == schema::SchemaCheck::Verdict::Valid,
             qPrintable(QString::fromStdString(value.dump()) + QLatin1String(": ") + check.problems.value(0).pointer + QLatin1Char(' ')
                        + check.problems.value(0).message));
}

void TestSchema::sampleValuePrefersDefaults()
{
    // An elicitation form accepted as proposed: every default, in its type.
    const json schema = json::parse(R"({"type":"object","properties":{
        "name":{"type":"string","default":"John Doe"},"age":{"type":"integer","default":30},
        "score":{"type":"number","default":95.5},"status":{"type":"string","enum":["active","inactive"],"default":"inactive"},
        "verified":{"type":"boolean","default":true},"nickname":{"type":"string"}},"required":[]})");
    const json value = schema::sampleValue(schema);
    QCOMPARE(value, json::parse(R"({"name":"John Doe","age":30,"score":95.5,"status":"inactive","verified":true})"));
}

void TestSchema::sampleValueIsBounded()
{
    // A schema that refers to itself, and one that asks for a huge array: a
    // bounded value, quickly.
    const json recursive = json::parse(R"({"type":"object","properties":{"next":{"$ref":"#"}},"required":["next"]})");
    const json value = schema::sampleValue(recursive);
    QVERIFY(value.is_object());
    const json huge = json::parse(R"({"type":"array","minItems":100000000,"items":{"type":"string","minLength":100000000}})");
    const json array = schema::sampleValue(huge);
    QVERIFY(array.size() <= 64);
    QVERIFY(array.at(0).get<std::string>().size() <= 256);
}

void TestSchema::refLoopsAreUncheckedNotFollowed_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::newRow("itself") << QByteArray(R"({"$ref": "#"})");
    QTest::newRow("through allOf") << QByteArray(R"({"type": "object", "allOf": [{"$ref": "#"}]})");
    QTest::newRow("two definitions") << QByteArray(
        R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"anyOf": [{"$ref": "#/definitions/a"}]}}, "$ref": "#/definitions/a"})");
    QTest::newRow("inside a property") << QByteArray(
        R"({"type": "object", "properties": {"x": {"$ref": "#/properties/x"}}})");
    QTest::newRow("through not") << QByteArray(R"({"not": {"$ref": "#"}})");
}

void TestSchema::refLoopsAreUncheckedNotFollowed()
{
    // valijson would follow these until the stack runs out: a peer's schema
    // must not be able to end the program.
    QFETCH(QByteArray, schema);
    const schema::SchemaCheck check = schema::validate(json::parse(schema.toStdString()), json{{"x", 1}});
    QCOMPARE(check.verdict, schema::SchemaCheck::Verdict::Unchecked);
    QVERIFY(check.whyUnchecked.contains(QStringLiteral("$ref")));
}

void TestSchema::recursionIntoTheValueIsChecked()
{
    // A tree: each turn of the recursion goes one level into the value.
    const json tree = json::parse(R"({"type": "object", "required": ["name"],
        "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}})");
    const json good = json::parse(R"({"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]})");
    const json bad = json::parse(R"({"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]})");
    QCOMPARE(schema::validate(tree, good).verdict, schema::SchemaCheck::Verdict::Valid);
    const schema::SchemaCheck check = schema::validate(tree, bad);
    QCOMPARE(check.verdict, schema::SchemaCheck::Verdict::Invalid);
    QCOMPARE(check.problems.first().pointer, QStringLiteral("/children/0/children/0/name"));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
