// The form compiler: each JSON Schema feature the tool form covers, as data
// (a schema, the path of a field, what that field must be), then recursive,
// broken, external and oversized schemas, and property order.

#include "TestPaths.h"
#include "schema/FormModel.h"

#include <QDir>
#include <QFile>

#include <QTest>

using namespace crosstalk::schema;

Q_DECLARE_METATYPE(crosstalk::schema::FieldKind)

namespace {

OrderedJson parse(const char *text)
{
    return OrderedJson::parse(text);
}

QStringList path(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('.'));
}

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList keys(const char *dotted)
{
    return path(QString::fromLatin1(dotted));
}

} // namespace

class TestFormModel : public QObject
{
    Q_OBJECT

private slots:
    void fieldKinds_data();
    void fieldKinds();
    void textFields();
    void numbers();
    void choices();
    void nullable();
    void objectsAndMaps();
    void arraysAndTuples();
    void variantsAndDiscriminator();
    void allOfMerged();
    void localRefs();
    void recursiveExpandsOnDemand();
    void externalRefIsNotFetched();
    void brokenSchemas_data();
    void brokenSchemas();
    void annotations();
    void propertyOrderIsKept();
    void limits();
    void officialSchemas_data();
    void officialSchemas();
};

void TestFormModel::fieldKinds_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("at");
    QTest::addColumn<FieldKind>("kind");
    QTest::newRow("string") << q(R"({"type":"string"})") << QStringLiteral("") << FieldKind::Text;
    QTest::newRow("number") << q(R"({"type":"number"})") << QStringLiteral("") << FieldKind::Number;
    QTest::newRow("integer") << q(R"({"type":"integer"})") << QStringLiteral("") << FieldKind::Number;
    QTest::newRow("boolean") << q(R"({"type":"boolean"})") << QStringLiteral("") << FieldKind::Boolean;
    QTest::newRow("null") << q(R"({"type":"null"})") << QStringLiteral("") << FieldKind::Null;
    QTest::newRow("enum") << q(R"({"enum":["a","b"]})") << QStringLiteral("") << FieldKind::Choice;
    QTest::newRow("const") << q(R"({"const":"fixed"})") << QStringLiteral("") << FieldKind::Choice;
    QTest::newRow("object") << q(R"({"type":"object","properties":{"a":{"type":"string"}}})") << QStringLiteral("") << FieldKind::Object;
    QTest::newRow("object member") << q(R"({"type":"object","properties":{"a":{"type":"string"}}})") << QStringLiteral("a") << FieldKind::Text;
    QTest::newRow("map") << q(R"({"type":"object","additionalProperties":{"type":"number"}})") << QStringLiteral("") << FieldKind::Map;
    QTest::newRow("array") << q(R"({"type":"array","items":{"type":"string"}})") << QStringLiteral("") << FieldKind::Array;
    QTest::newRow("array item") << q(R"({"type":"array","items":{"type":"string"}})") << QStringLiteral("items") << FieldKind::Text;
    QTest::newRow("tuple") << q(R"({"type":"array","prefixItems":[{"type":"string"},{"type":"number"}]})") << QStringLiteral("") << FieldKind::Tuple;
    QTest::newRow("tuple position") << q(R"({"type":"array","prefixItems":[{"type":"string"},{"type":"number"}]})") << QStringLiteral("1") << FieldKind::Number;
    QTest::newRow("draft-07 tuple") << q(R"({"type":"array","items":[{"type":"boolean"}]})") << QStringLiteral("0") << FieldKind::Boolean;
    QTest::newRow("variant") << q(R"({"oneOf":[{"type":"string"},{"type":"number"}]})") << QStringLiteral("") << FieldKind::Variant;
    QTest::newRow("type list") << q(R"({"type":["string","number"]})") << QStringLiteral("") << FieldKind::Variant;
    QTest::newRow("no type, properties") << q(R"({"properties":{"a":{}}})") << QStringLiteral("") << FieldKind::Object;
    QTest::newRow("no type, items") << q(R"({"items":{"type":"string"}})") << QStringLiteral("") << FieldKind::Array;
    QTest::newRow("no type, pattern") << q(R"({"pattern":"^a"})") << QStringLiteral("") << FieldKind::Text;
    QTest::newRow("anything") << q(R"({})") << QStringLiteral("") << FieldKind::Json;
    QTest::newRow("true") << q(R"(true)") << QStringLiteral("") << FieldKind::Json;
    QTest::newRow("not") << q(R"({"not":{"type":"string"}})") << QStringLiteral("") << FieldKind::Json;
}

void TestFormModel::fieldKinds()
{
    QFETCH(QString, schema);
    QFETCH(QString, at);
    QFETCH(FieldKind, kind);
    const FormNode form = compileForm(OrderedJson::parse(schema.toStdString()));
    const FormNode *node = form.find(path(at));
    QVERIFY(node);
    QCOMPARE(node->kind, kind);
}

void TestFormModel::textFields()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "day":{"type":"string","format":"date"},
        "when":{"type":"string","format":"date-time"},
        "at":{"type":"string","format":"time"},
        "mail":{"type":"string","format":"email"},
        "link":{"type":"string","format":"uri"},
        "id":{"type":"string","format":"uuid"},
        "name":{"type":"string","minLength":2,"maxLength":40,"pattern":"^[a-z]+$"},
        "essay":{"type":"string","maxLength":5000},
        "content":{"type":"string"},
        "other":{"type":"string","format":"hostname"}}})"));
    QCOMPARE(form.find(keys("day"))->format, TextFormat::Date);
    QCOMPARE(form.find(keys("when"))->format, TextFormat::DateTime);
    QCOMPARE(form.find(keys("at"))->format, TextFormat::Time);
    QCOMPARE(form.find(keys("mail"))->format, TextFormat::Email);
    QCOMPARE(form.find(keys("link"))->format, TextFormat::Uri);
    QCOMPARE(form.find(keys("id"))->format, TextFormat::Uuid);
    const FormNode *name = form.find(keys("name"));
    QCOMPARE(name->format, TextFormat::Plain);
    QCOMPARE(name->minLength, std::optional<qint64>(2));
    QCOMPARE(name->maxLength, std::optional<qint64>(40));
    QCOMPARE(name->pattern, QStringLiteral("^[a-z]+$"));
    QCOMPARE(form.find(keys("essay"))->format, TextFormat::MultiLine);
    QCOMPARE(form.find(keys("content"))->format, TextFormat::MultiLine);
    QCOMPARE(form.find(keys("other"))->format, TextFormat::Plain); // checked by the validator only
}

void TestFormModel::numbers()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "n":{"type":"number","minimum":1.5,"maximum":10,"multipleOf":0.5},
        "i":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":100},
        "old":{"type":"number","minimum":0,"exclusiveMinimum":true}}})"));
    const FormNode *n = form.find(keys("n"));
    QVERIFY(!n->integer);
    QCOMPARE(n->minimum, std::optional<double>(1.5));
    QCOMPARE(n->maximum, std::optional<double>(10));
    QCOMPARE(n->multipleOf, std::optional<double>(0.5));
    QVERIFY(!n->exclusiveMinimum && !n->exclusiveMaximum);
    const FormNode *i = form.find(keys("i"));
    QVERIFY(i->integer);
    QCOMPARE(i->minimum, std::optional<double>(0));
    QVERIFY(i->exclusiveMinimum);
    QCOMPARE(i->maximum, std::optional<double>(100));
    QVERIFY(i->exclusiveMaximum);
    const FormNode *old = form.find(keys("old"));
    QCOMPARE(old->minimum, std::optional<double>(0));
    QVERIFY(old->exclusiveMinimum); // draft-04's flag
}

void TestFormModel::choices()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "plain":{"type":"string","enum":["red","green"]},
        "legacy":{"type":"string","enum":["r","g"],"enumNames":["Red","Green"]},
        "titled":{"oneOf":[{"const":"sm","title":"Small"},{"const":"lg","title":"Large"}]},
        "mixed":{"enum":[1,"two",null]},
        "fixed":{"const":{"a":1}}}})"));
    const FormNode *plain = form.find(keys("plain"));
    QCOMPARE(plain->kind, FieldKind::Choice);
    QCOMPARE(plain->options.size(), size_t(2));
    QCOMPARE(plain->options[1].title, QStringLiteral("green"));
    QCOMPARE(form.find(keys("legacy"))->options[1].title, QStringLiteral("Green"));
    QCOMPARE(form.find(keys("legacy"))->options[1].value, OrderedJson("g"));
    const FormNode *titled = form.find(keys("titled"));
    QCOMPARE(titled->kind, FieldKind::Choice);
    QCOMPARE(titled->options[0].title, QStringLiteral("Small"));
    QCOMPARE(titled->options[0].value, OrderedJson("sm"));
    const FormNode *mixed = form.find(keys("mixed"));
    QCOMPARE(mixed->options.size(), size_t(2));
    QVERIFY(mixed->nullable); // null offered by the null toggle
    QCOMPARE(mixed->options[0].title, QStringLiteral("1"));
    QCOMPARE(form.find(keys("fixed"))->options[0].title, QStringLiteral("{\"a\":1}"));
}

void TestFormModel::nullable()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "typeList":{"type":["string","null"],"maxLength":3},
        "anyOfNull":{"anyOf":[{"type":"integer","minimum":1},{"type":"null"}],"description":"How many"},
        "oneOfNull":{"oneOf":[{"type":"null"},{"$ref":"#/$defs/point"}]},
        "notNull":{"type":"string"}},
        "$defs":{"point":{"type":"object","properties":{"x":{"type":"number"}}}}})"));
    const FormNode *a = form.find(keys("typeList"));
    QCOMPARE(a->kind, FieldKind::Text);
    QVERIFY(a->nullable);
    QCOMPARE(a->maxLength, std::optional<qint64>(3));
    const FormNode *b = form.find(keys("anyOfNull"));
    QCOMPARE(b->kind, FieldKind::Number);
    QVERIFY(b->nullable && b->integer);
    QCOMPARE(b->minimum, std::optional<double>(1));
    QCOMPARE(b->description, QStringLiteral("How many"));
    QCOMPARE(b->key, QStringLiteral("anyOfNull"));
    const FormNode *c = form.find(keys("oneOfNull"));
    QCOMPARE(c->kind, FieldKind::Object);
    QVERIFY(c->nullable);
    QVERIFY(c->find(keys("x")));
    QVERIFY(!form.find(keys("notNull"))->nullable);
}

void TestFormModel::objectsAndMaps()
{
    const FormNode form = compileForm(parse(R"({"type":"object","required":["name"],
        "properties":{
            "name":{"type":"string"},
            "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"},"zip":{"type":"string"}}},
            "labels":{"type":"object","additionalProperties":{"type":"string"}},
            "free":{"type":"object"},
            "closed":{"type":"object","additionalProperties":false},
            "extras":{"type":"object","properties":{"a":{"type":"number"}},"additionalProperties":{"type":"boolean"}},
            "patterned":{"type":"object","properties":{"a":{}},"patternProperties":{"^x-":{}}}}})"));
    QVERIFY(form.find(keys("name"))->required);
    QVERIFY(!form.find(keys("address"))->required);
    QVERIFY(form.find(keys("address.city"))->required);
    QVERIFY(!form.find(keys("address.zip"))->required);
    const FormNode *labels = form.find(keys("labels"));
    QCOMPARE(labels->kind, FieldKind::Map);
    QVERIFY(labels->additional);
    QCOMPARE(labels->additional->kind, FieldKind::Text);
    const FormNode *free = form.find(keys("free"));
    QCOMPARE(free->kind, FieldKind::Map);
    QCOMPARE(free->additional->kind, FieldKind::Json); // any value
    const FormNode *closed = form.find(keys("closed"));
    QCOMPARE(closed->kind, FieldKind::Map);
    QVERIFY(!closed->additional);
    const FormNode *extras = form.find(keys("extras"));
    QCOMPARE(extras->kind, FieldKind::Object);
    QCOMPARE(extras->additional->kind, FieldKind::Boolean);
    QVERIFY(!form.find(keys("address"))->additional); // not said: no extras editor
    QVERIFY(form.find(keys("patterned"))->note.contains(QLatin1String("patternProperties")));
    QCOMPARE(form.find(keys("address.city"))->schemaPointer, QStringLiteral("/properties/address/properties/city"));
}

void TestFormModel::arraysAndTuples()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":5,"uniqueItems":true},
        "people":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
        "pair":{"type":"array","prefixItems":[{"type":"number","title":"x"},{"type":"number"}],"items":false},
        "open":{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"integer"}},
        "any":{"type":"array"},
        "multi":{"type":"array","items":{"enum":["a","b","c"]},"uniqueItems":true}}})"));
    const FormNode *tags = form.find(keys("tags"));
    QCOMPARE(tags->minItems, std::optional<qint64>(1));
    QCOMPARE(tags->maxItems, std::optional<qint64>(5));
    QVERIFY(tags->uniqueItems);
    QCOMPARE(tags->items->kind, FieldKind::Text);
    QCOMPARE(form.find(keys("people.items.name"))->kind, FieldKind::Text);
    const FormNode *pair = form.find(keys("pair"));
    QCOMPARE(pair->kind, FieldKind::Tuple);
    QCOMPARE(pair->prefixItems.size(), size_t(2));
    QCOMPARE(pair->prefixItems[0].label, QStringLiteral("x"));
    QCOMPARE(pair->prefixItems[1].label, QStringLiteral("Item 2"));
    QVERIFY(!pair->items);
    QCOMPARE(form.find(keys("open"))->items->kind, FieldKind::Number);
    QCOMPARE(form.find(keys("any.items"))->kind, FieldKind::Json);
    QCOMPARE(form.find(keys("multi.items"))->kind, FieldKind::Choice);
}

void TestFormModel::variantsAndDiscriminator()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{"shape":{"oneOf":[
        {"title":"Circle","type":"object","properties":{"kind":{"const":"circle"},"r":{"type":"number"}}},
        {"title":"Square","type":"object","properties":{"kind":{"const":"square"},"side":{"type":"number"}}},
        {"type":"object","properties":{"kind":{"const":"dot"}}}]},
        "either":{"anyOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"type":"object","properties":{"b":{"type":"string"}}}]},
        "shared":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"],
                  "oneOf":[{"properties":{"x":{"type":"number"}}},{"properties":{"y":{"type":"number"}}}]}}})"));
    const FormNode *shape = form.find(keys("shape"));
    QCOMPARE(shape->kind, FieldKind::Variant);
    QCOMPARE(shape->variants.size(), size_t(3));
    QCOMPARE(shape->variants[0].label, QStringLiteral("Circle"));
    QCOMPARE(shape->variants[2].label, QStringLiteral("Option 3"));
    QCOMPARE(shape->discriminator, QStringLiteral("kind"));
    QVERIFY(shape->find(keys("1.side")));
    const FormNode *either = form.find(keys("either"));
    QCOMPARE(either->kind, FieldKind::Variant);
    QVERIFY(either->discriminator.isEmpty());
    // The parent's properties hold in every variant.
    const FormNode *shared = form.find(keys("shared"));
    QCOMPARE(shared->kind, FieldKind::Variant);
    QVERIFY(shared->find(keys("0.id")) && shared->find(keys("0.id"))->required);
    QVERIFY(shared->find(keys("0.x")));
    QVERIFY(shared->find(keys("1.id")) && shared->find(keys("1.y")));
}

void TestFormModel::allOfMerged()
{
    const FormNode form = compileForm(parse(R"({"allOf":[
        {"type":"object","properties":{"a":{"type":"string","minLength":1}},"required":["a"]},
        {"$ref":"#/$defs/more"},
        {"properties":{"a":{"maxLength":9}}}],
        "$defs":{"more":{"type":"object","properties":{"b":{"type":"integer","maximum":10}},"required":["b"]}}})"));
    QCOMPARE(form.kind, FieldKind::Object);
    QCOMPARE(form.properties.size(), size_t(2));
    const FormNode *a = form.find(keys("a"));
    QCOMPARE(a->kind, FieldKind::Text);
    QVERIFY(a->required);
    QCOMPARE(a->minLength, std::optional<qint64>(1));
    QCOMPARE(a->maxLength, std::optional<qint64>(9));
    QVERIFY(form.find(keys("b"))->required);
    QCOMPARE(form.find(keys("b"))->maximum, std::optional<double>(10));

    const FormNode impossible = compileForm(parse(R"({"allOf":[{"type":"string"},{"type":"number"}]})"));
    QCOMPARE(impossible.kind, FieldKind::Json);
    QVERIFY(impossible.note.contains(QLatin1String("exclude each other")));
}

void TestFormModel::localRefs()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "a":{"$ref":"#/$defs/name"},
        "b":{"$ref":"#/definitions/count","description":"Overridden"},
        "c":{"$ref":"#/$defs/alias"},
        "d":{"$ref":"#/$defs/with~1slash"},
        "e":{"$ref":"#/$defs/with%20space"}},
        "$defs":{"name":{"type":"string","title":"Name"},"alias":{"$ref":"#/$defs/name"},
                 "with/slash":{"type":"boolean"},"with space":{"type":"number"}},
        "definitions":{"count":{"type":"integer","description":"How many"}}})"));
    QCOMPARE(form.find(keys("a"))->kind, FieldKind::Text);
    QCOMPARE(form.find(keys("a"))->label, QStringLiteral("Name"));
    QCOMPARE(form.find(keys("a"))->schemaPointer, QStringLiteral("/$defs/name"));
    QCOMPARE(form.find(keys("b"))->description, QStringLiteral("Overridden"));
    QVERIFY(form.find(keys("b"))->integer);
    QCOMPARE(form.find(keys("c"))->kind, FieldKind::Text);
    QCOMPARE(form.find(keys("d"))->kind, FieldKind::Boolean);
    QCOMPARE(form.find(keys("e"))->kind, FieldKind::Number);
}

void TestFormModel::recursiveExpandsOnDemand()
{
    const OrderedJson schema = parse(R"({"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{
        "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}})");
    const FormNode form = compileForm(schema);
    QCOMPARE(form.kind, FieldKind::Object);
    const FormNode *child = form.find(keys("children.items"));
    QVERIFY(child);
    QCOMPARE(child->kind, FieldKind::Recursive);
    QVERIFY(!child->note.isEmpty());
    const FormNode opened = expandRecursive(*child, schema);
    QCOMPARE(opened.kind, FieldKind::Object);
    QCOMPARE(opened.find(keys("name"))->kind, FieldKind::Text);
    QCOMPARE(opened.find(keys("children.items"))->kind, FieldKind::Recursive);
    QVERIFY(!form.hasFallback());

    // The root referring to itself.
    const OrderedJson self = parse(R"({"type":"object","properties":{"next":{"$ref":"#"}}})");
    const FormNode list = compileForm(self);
    QVERIFY2(list.find(keys("next"))->kind == FieldKind::Recursive, qPrintable(list.find(keys("next"))->note));
    QCOMPARE(expandRecursive(*list.find(keys("next")), self).find(keys("next"))->kind, FieldKind::Recursive);

    // Mutual recursion through oneOf and allOf ends too.
    const OrderedJson mutual = parse(R"({"$ref":"#/$defs/a","$defs":{
        "a":{"oneOf":[{"type":"string"},{"type":"object","properties":{"b":{"$ref":"#/$defs/b"}}}]},
        "b":{"allOf":[{"$ref":"#/$defs/a"},{"description":"b is an a"}]}}})");
    const FormNode m = compileForm(mutual);
    QCOMPARE(m.kind, FieldKind::Variant);
}

void TestFormModel::externalRefIsNotFetched()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "remote":{"$ref":"https://example.com/schemas/address.json"},
        "relative":{"$ref":"address.json#/street"}}})"));
    const FormNode *remote = form.find(keys("remote"));
    QCOMPARE(remote->kind, FieldKind::Json);
    QCOMPARE(remote->externalRef, QStringLiteral("https://example.com/schemas/address.json"));
    QVERIFY(remote->note.contains(QLatin1String("never fetches")));
    QCOMPARE(form.find(keys("relative"))->externalRef, QStringLiteral("address.json#/street"));
    QVERIFY(form.hasFallback());
}

void TestFormModel::brokenSchemas_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("note");
    QTest::newRow("dangling ref") << q(R"({"$ref":"#/$defs/missing"})") << QStringLiteral("points to nothing");
    QTest::newRow("anchor ref") << q(R"({"$ref":"#thing"})") << QStringLiteral("anchor");
    QTest::newRow("bad pointer") << q(R"({"$ref":"#/a/~2"})") << QStringLiteral("points to nothing");
    QTest::newRow("ref loop") << q(R"({"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}})") << QStringLiteral("contains itself");
    QTest::newRow("false") << q(R"(false)") << QStringLiteral("no value");
    QTest::newRow("not an object") << q(R"(42)") << QStringLiteral("not an object");
    QTest::newRow("empty enum") << q(R"({"enum":[]})") << QStringLiteral("empty");
    QTest::newRow("unknown type") << q(R"({"type":"date"})") << QStringLiteral("not a JSON Schema type");
    QTest::newRow("allOf false") << q(R"({"allOf":[false]})") << QStringLiteral("no value");
    QTest::newRow("allOf external") << q(R"({"allOf":[{"$ref":"https://example.com/x"}]})") << QStringLiteral("never fetched");
}

void TestFormModel::brokenSchemas()
{
    QFETCH(QString, schema);
    QFETCH(QString, note);
    const FormNode form = compileForm(OrderedJson::parse(schema.toStdString()));
    QVERIFY2(form.kind == FieldKind::Json || form.kind == FieldKind::Recursive, qPrintable(schema));
    QVERIFY2(form.note.contains(note), qPrintable(form.note));
}

void TestFormModel::annotations()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{
        "city":{"type":"string","title":"City","description":"Where it is","default":"Berlin",
                "examples":["Paris","Rome"],"readOnly":true,"deprecated":true},
        "odd":{"type":"string","x-widget":"colour","if":{}}}})"));
    const FormNode *city = form.find(keys("city"));
    QCOMPARE(city->label, QStringLiteral("City"));
    QCOMPARE(city->description, QStringLiteral("Where it is"));
    QCOMPARE(city->defaultValue, std::optional<OrderedJson>(OrderedJson("Berlin")));
    QCOMPARE(city->examples.size(), size_t(2));
    QVERIFY(city->readOnly && city->deprecated);
    const FormNode *odd = form.find(keys("odd"));
    QCOMPARE(odd->kind, FieldKind::Text);
    QVERIFY2(odd->note.contains(QLatin1String("x-widget")) && odd->note.contains(QLatin1String("if")), qPrintable(odd->note));
    QCOMPARE(odd->label, QStringLiteral("odd")); // no title: the key
}

void TestFormModel::propertyOrderIsKept()
{
    const FormNode form = compileForm(parse(R"({"type":"object","properties":{"zeta":{},"alpha":{},"mid":{}}})"));
    QStringList keys;
    for (const FormNode &p : form.properties)
        keys << p.key;
    QCOMPARE(keys, QStringList({QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("mid")}));
}

void TestFormModel::limits()
{
    // Deeper than the limit: JSON from there on, never a crash.
    std::string deep = R"({"type":"string"})";
    for (int i = 0; i < 200; ++i)
        deep = R"({"type":"object","properties":{"n":)" + deep + "}}";
    FormLimits limits;
    const FormNode form = compileForm(OrderedJson::parse(deep), limits);
    const FormNode *node = &form;
    int depth = 0;
    while (node->kind == FieldKind::Object) {
        node = &node->properties.front();
        ++depth;
    }
    QCOMPARE(node->kind, FieldKind::Json);
    QVERIFY(node->note.contains(QLatin1String("deeper")));
    QVERIFY(depth <= limits.maxDepth + 1);

    // Too many fields: the rest as JSON.
    OrderedJson wide = {{"type", "object"}, {"properties", OrderedJson::object()}};
    for (int i = 0; i < 50; ++i)
        wide["properties"]["p" + std::to_string(i)] = {{"type", "string"}};
    limits.maxFields = 10;
    const FormNode capped = compileForm(wide, limits);
    QCOMPARE(capped.properties.size(), size_t(50));
    QCOMPARE(capped.properties[5].kind, FieldKind::Text);
    QCOMPARE(capped.properties[40].kind, FieldKind::Json);

    // A 1,000-property schema compiles whole.
    OrderedJson big = {{"type", "object"}, {"properties", OrderedJson::object()}};
    for (int i = 0; i < 1000; ++i)
        big["properties"]["field" + std::to_string(i)] = {{"type", i % 2 ? "string" : "integer"}, {"minimum", 0}};
    const FormNode whole = compileForm(big);
    QCOMPARE(whole.properties.size(), size_t(1000));
    QVERIFY(!whole.hasFallback());
}

void TestFormModel::officialSchemas_data()
{
    QTest::addColumn<QString>("file");
    const QString specs = crosstalk::test::specsDir();
    if (specs.isEmpty())
        return;
    for (const QString &version : QDir(specs + QStringLiteral("/mcp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QTest::newRow(qPrintable(QStringLiteral("mcp ") + version)) << specs + QStringLiteral("/mcp/%1/schema.json").arg(version);
    QTest::newRow("a2a v0.3.0") << specs + QStringLiteral("/a2a/v0.3.0/a2a.json");
}

// Every definition of the official MCP and A2A schemas (large, with $refs
// across them) compiles into a form: no reference is left dangling and none
// is taken for recursion where there is none at the top.
void TestFormModel::officialSchemas()
{
    QFETCH(QString, file);
    if (crosstalk::test::specsDir().isEmpty())
        QSKIP("../shared/specs is not there");
    QFile in(file);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(file));
    const OrderedJson root = OrderedJson::parse(in.readAll().toStdString());
    const char *defsKey = root.contains("$defs") ? "$defs" : "definitions";
    QVERIFY(root.contains(defsKey));
    int compiled = 0;
    int recursive = 0;
    for (auto it = root.at(defsKey).begin(); it != root.at(defsKey).end(); ++it) {
        // A definition as a document of its own that keeps the others.
        OrderedJson schema = OrderedJson{{"$ref", std::string("#/") + defsKey + "/" + it.key()}};
        schema[defsKey] = root.at(defsKey);
        const FormNode form = compileForm(schema);
        QVERIFY2(form.kind != FieldKind::Json || !form.note.contains(QLatin1String("nothing")),
                 qPrintable(QString::fromStdString(it.key()) + QStringLiteral(": ") + form.note));
        ++compiled;
        recursive += form.kind == FieldKind::Recursive ? 1 : 0;
    }
    QVERIFY(compiled > 20);
    QCOMPARE(recursive, 0);
}

QTEST_GUILESS_MAIN(TestFormModel)
#include "tst_formmodel.moc"
