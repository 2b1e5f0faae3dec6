// The schema form: an editor for each kind of field, values as JSON of the
// right types, problems beside the field they concern, arrays, maps,
// variants and recursion edited, the JSON text mode without loss, the submit
// shortcut, and peer text shown literally. Widgets are found by the names
// SchemaForm.h documents ("field:/pointer", "problem:/pointer", …).
#include "SchemaForm.h"

#include "schema/FormModel.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using crosstalk::schema::OrderedJson;
using crosstalk::schema::SchemaProblem;
using crosstalk::ui::SchemaForm;

namespace {

OrderedJson json(const char *text)
{
    return OrderedJson::parse(text);
}

/// Equal as JSON, whatever the order of members.
bool same(const OrderedJson &a, const OrderedJson &b)
{
    return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

QByteArray dumped(const OrderedJson &value)
{
    return QByteArray::fromStdString(value.dump());
}

QString name(const char *prefix, const char *pointer)
{
    return QString::fromUtf8(prefix) + QString::fromUtf8(pointer);
}

template<typename T>
T *widget(const SchemaForm &form, const char *prefix, const char *pointer)
{
    return form.findChild<T *>(name(prefix, pointer));
}

QStringList problemPointers(const SchemaForm &form)
{
    QStringList pointers;
    const QList<SchemaProblem> problems = form.problems();
    for (const SchemaProblem &p : problems)
        pointers << p.pointer;
    return pointers;
}

QString problemsText(const SchemaForm &form)
{
    QStringList lines;
    const QList<SchemaProblem> problems = form.problems();
    for (const SchemaProblem &p : problems)
        lines << p.pointer + QStringLiteral(": ") + p.message;
    return lines.join(QStringLiteral("; "));
}

QString problemAt(const SchemaForm &form, const char *pointer)
{
    const QList<SchemaProblem> problems = form.problems();
    for (const SchemaProblem &p : problems) {
        if (p.pointer == QString::fromUtf8(pointer))
            return p.message;
    }
    return QString();
}

/// Shows the form with `schema` and waits until it is on screen.
bool show(SchemaForm &form, const OrderedJson &schema)
{
    form.resize(900, 700);
    form.setSchema(schema);
    form.show();
    return QTest::qWaitForWindowExposed(&form);
}

OrderedJson objectOf(const char *property, bool required = true)
{
    OrderedJson schema = {{"type", "object"}, {"properties", {{"v", json(property)}}}};
    if (required)
        schema["required"] = {"v"};
    return schema;
}

/// Replaces the text of a line edit as typed.
void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestSchemaForm : public QObject
{
    Q_OBJECT

private slots:
    void helpTextFollowsTheWidth();
    void textFormats_data();
    void textFormats();
    void datePickerAndUuid();
    void numbers_data();
    void numbers();
    void booleansAndChoices();
    void defaultsAndOptionalFields();
    void requiredNumberAndValidity();
    void problemsBesideTheirField();
    void rootProblemsAtTheTop();
    void nullToggle();
    void arrayAddRemoveReorder();
    void arrayOfObjects();
    void tuplePositions();
    void mapKeys();
    void objectMembersBeyondFields();
    void variantDiscriminator();
    void variantPickedByValue();
    void recursiveExpand();
    void externalRefIsJsonField();
    void optionalGroupInclude();
    void deepSchemaOpensOnDemand();
    void jsonModeRoundTrip();
    void jsonModeRefusesBadJson();
    void fillExamples_data();
    void fillExamples();
    void examplesMenu();
    void readOnlyAndDeprecated();
    void submitShortcut();
    void peerTextShownLiterally();
    void hostileSchemasLoseNothing_data();
    void hostileSchemasLoseNothing();
    void hugeSchemaStaysBounded();
    void rendersEveryKind();
};

// ---------------------------------------------------------------------------

void TestSchemaForm::textFormats_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("problem"); // empty: valid

    const QByteArray date = R"({"type":"string","format":"date"})";
    const QByteArray dateTime = R"({"type":"string","format":"date-time"})";
    const QByteArray time = R"({"type":"string","format":"time"})";
    const QByteArray email = R"({"type":"string","format":"email"})";
    const QByteArray uri = R"({"type":"string","format":"uri"})";
    const QByteArray uuid = R"({"type":"string","format":"uuid"})";
    QTest::newRow("plain") << QByteArray(R"({"type":"string"})") << QStringLiteral("hello") << QString();
    QTest::newRow("date") << date << QStringLiteral("2026-01-31") << QString();
    QTest::newRow("date, no such day") << date << QStringLiteral("2026-02-30") << QStringLiteral("Not a date");
    QTest::newRow("date-time") << dateTime << QStringLiteral("2026-01-31T12:30:00+02:00") << QString();
    QTest::newRow("date-time, no offset") << dateTime << QStringLiteral("2026-01-31 12:30") << QStringLiteral("RFC 3339");
    QTest::newRow("time") << time << QStringLiteral("12:30:00Z") << QString();
    QTest::newRow("time, 25 h") << time << QStringLiteral("25:00:00Z") << QStringLiteral("Not a time");
    QTest::newRow("email") << email << QStringLiteral("ada@example.org") << QString();
    QTest::newRow("email, no @") << email << QStringLiteral("ada.example.org") << QStringLiteral("email");
    QTest::newRow("uri") << uri << QStringLiteral("https://example.org/a?b=c") << QString();
    QTest::newRow("uri, words") << uri << QStringLiteral("not a uri") << QStringLiteral("URI");
    QTest::newRow("uuid") << uuid << QStringLiteral("123e4567-e89b-42d3-a456-426614174000") << QString();
    QTest::newRow("uuid, short") << uuid << QStringLiteral("123e4567") << QStringLiteral("UUID");
    QTest::newRow("minLength") << QByteArray(R"({"type":"string","minLength":3})") << QStringLiteral("ab")
                               << QStringLiteral("At least 3");
    QTest::newRow("maxLength") << QByteArray(R"({"type":"string","maxLength":3})") << QStringLiteral("abcd")
                               << QStringLiteral("At most 3");
    QTest::newRow("pattern") << QByteArray(R"({"type":"string","pattern":"^[a-z]+$"})") << QStringLiteral("abc") << QString();
    QTest::newRow("pattern, broken") << QByteArray(R"({"type":"string","pattern":"^[a-z]+$"})") << QStringLiteral("ABC")
                                     << QStringLiteral("pattern");
}

void TestSchemaForm::textFormats()
{
    QFETCH(QByteArray, property);
    QFETCH(QString, typed);
    QFETCH(QString, problem);
    SchemaForm form;
    QVERIFY(show(form, objectOf(property.constData())));
    auto *edit = widget<QLineEdit>(form, "field:", "/v");
    QVERIFY(edit);
    QTest::keyClicks(edit, typed);
    // The text is the value, whether or not it is valid.
    QCOMPARE(form.value().at("v"), OrderedJson(typed.toStdString()));
    if (problem.isEmpty()) {
        QVERIFY2(form.isValid(), qPrintable(problemsText(form)));
        QVERIFY(!widget<QLabel>(form, "problem:", "/v"));
    } else {
        QVERIFY(!form.isValid());
        QVERIFY2(problemAt(form, "/v").contains(problem), qPrintable(problemsText(form)));
        QLabel *label = widget<QLabel>(form, "problem:", "/v");
        QVERIFY(label);
        QVERIFY(label->text().contains(problem));
        QTRY_VERIFY(label->isVisible());
    }
}

void TestSchemaForm::datePickerAndUuid()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "day":{"type":"string","format":"date"},
        "at":{"type":"string","format":"date-time"},
        "id":{"type":"string","format":"uuid"}},"required":["day","at","id"]})");
    QVERIFY(show(form, schema));
    QVERIFY(!form.isValid()); // required formatted text left empty

    // The calendar opens on demand, as a popup; a day picked is ISO 8601.
    auto *picker = widget<QToolButton>(form, "picker:", "/day");
    QVERIFY(picker);
    picker->click();
    QCalendarWidget *calendar = nullptr;
    QTRY_VERIFY((calendar = picker->findChild<QCalendarWidget *>(QStringLiteral("calendar"))));
    emit calendar->clicked(QDate(2026, 3, 4));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/day")->text(), QStringLiteral("2026-03-04"));

    // Date and time: the day picked, the time kept, written as RFC 3339.
    retype(widget<QLineEdit>(form, "field:", "/at"), QStringLiteral("2026-01-01T08:15:00Z"));
    auto *atPicker = widget<QToolButton>(form, "picker:", "/at");
    atPicker->click();
    QTRY_VERIFY((calendar = atPicker->findChild<QCalendarWidget *>(QStringLiteral("calendar"))));
    emit calendar->clicked(QDate(2026, 5, 6));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/at")->text(), QStringLiteral("2026-05-06T08:15:00Z"));

    auto *generate = widget<QToolButton>(form, "generate:", "/id");
    QVERIFY(generate);
    generate->click();
    const QString id = widget<QLineEdit>(form, "field:", "/id")->text();
    QCOMPARE(id.size(), 36);
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));
    QCOMPARE(form.value(), (OrderedJson{{"day", "2026-03-04"}, {"at", "2026-05-06T08:15:00Z"}, {"id", id.toStdString()}}));
}

void TestSchemaForm::numbers_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("expected"); // the value as JSON; empty: none
    QTest::addColumn<QString>("problem");     // empty: valid

    const QByteArray integer = R"({"type":"integer"})";
    const QByteArray number = R"({"type":"number"})";
    const QByteArray bounded = R"({"type":"integer","minimum":1,"maximum":10})";
    QTest::newRow("integer") << integer << QStringLiteral("42") << QByteArray("42") << QString();
    QTest::newRow("negative") << integer << QStringLiteral("-7") << QByteArray("-7") << QString();
    QTest::newRow("integer refuses 1.5") << integer << QStringLiteral("1.5") << QByteArray() << QStringLiteral("whole number");
    QTest::newRow("integer refuses words") << integer << QStringLiteral("abc") << QByteArray() << QStringLiteral("Not a number");
    QTest::newRow("integer too large") << integer << QStringLiteral("99999999999999999999999") << QByteArray()
                                       << QStringLiteral("Too large");
    QTest::newRow("number") << number << QStringLiteral("2.5") << QByteArray("2.5") << QString();
    QTest::newRow("number stays an integer") << number << QStringLiteral("7") << QByteArray("7") << QString();
    QTest::newRow("exponent") << number << QStringLiteral("1e3") << QByteArray("1000.0") << QString();
    QTest::newRow("no thousands separators") << number << QStringLiteral("1,000") << QByteArray() << QStringLiteral("Not a number");
    QTest::newRow("within bounds") << bounded << QStringLiteral("10") << QByteArray("10") << QString();
    QTest::newRow("above maximum") << bounded << QStringLiteral("11") << QByteArray("11") << QStringLiteral("At most 10");
    QTest::newRow("below minimum") << bounded << QStringLiteral("0") << QByteArray("0") << QStringLiteral("At least 1");
    QTest::newRow("exclusive minimum") << QByteArray(R"({"type":"number","exclusiveMinimum":0})") << QStringLiteral("0")
                                       << QByteArray("0") << QStringLiteral("more than 0");
    QTest::newRow("multipleOf") << QByteArray(R"({"type":"number","multipleOf":0.5})") << QStringLiteral("1.5")
                                << QByteArray("1.5") << QString();
    QTest::newRow("not a multiple") << QByteArray(R"({"type":"number","multipleOf":0.5})") << QStringLiteral("1.25")
                                    << QByteArray("1.25") << QStringLiteral("multiple of 0.5");
}

void TestSchemaForm::numbers()
{
    QFETCH(QByteArray, property);
    QFETCH(QString, typed);
    QFETCH(QByteArray, expected);
    QFETCH(QString, problem);
    SchemaForm form;
    QVERIFY(show(form, objectOf(property.constData())));
    auto *edit = widget<QLineEdit>(form, "field:", "/v");
    QVERIFY(edit);
    QTest::keyClicks(edit, typed);
    const OrderedJson value = form.value();
    if (expected.isEmpty()) {
        QVERIFY2(!value.contains("v"), value.dump().c_str());
    } else {
        const OrderedJson want = OrderedJson::parse(expected.toStdString());
        QCOMPARE(dumped(value.at("v")), dumped(want));
        QCOMPARE(value.at("v").is_number_integer(), want.is_number_integer());
    }
    if (problem.isEmpty()) {
        QVERIFY2(form.isValid(), qPrintable(problemsText(form)));
    } else {
        QVERIFY2(problemAt(form, "/v").contains(problem), qPrintable(problemsText(form)));
        QVERIFY(widget<QLabel>(form, "problem:", "/v"));
    }
}

void TestSchemaForm::booleansAndChoices()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "agree":{"type":"boolean"},
        "notify":{"type":"boolean"},
        "color":{"enum":["red","green","blue"]},
        "size":{"oneOf":[{"const":"s","title":"Small"},{"const":"l","title":"Large"}]},
        "level":{"type":"integer","enum":[1,2,3]}},
        "required":["agree","level"]})");
    QVERIFY(show(form, schema));
    // A required boolean is a check box (false until checked); optional
    // booleans and choices start not set and stay out of the value.
    QCOMPARE(form.value(), json(R"({"agree":false})"));
    QVERIFY(!form.isValid()); // the required level is not chosen yet
    QCOMPARE(problemAt(form, "/level"), QStringLiteral("Required."));

    widget<QCheckBox>(form, "field:", "/agree")->click();
    auto *notify = widget<QComboBox>(form, "field:", "/notify");
    QCOMPARE(notify->currentIndex(), 0);
    notify->setCurrentIndex(notify->findText(QStringLiteral("false")));
    auto *size = widget<QComboBox>(form, "field:", "/size");
    QStringList titles;
    for (int i = 0; i < size->count(); ++i)
        titles << size->itemText(i);
    QCOMPARE(titles.mid(1), (QStringList{QStringLiteral("Small"), QStringLiteral("Large")}));
    size->setCurrentIndex(size->findText(QStringLiteral("Large")));
    auto *color = widget<QComboBox>(form, "field:", "/color");
    color->setCurrentIndex(color->findText(QStringLiteral("green")));
    auto *level = widget<QComboBox>(form, "field:", "/level");
    level->setCurrentIndex(level->findText(QStringLiteral("2")));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"agree":true,"notify":false,"color":"green","size":"l","level":2})")));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));

    // Back to not set: left out again.
    notify->setCurrentIndex(0);
    QVERIFY(!form.value().contains("notify"));
}

void TestSchemaForm::defaultsAndOptionalFields()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "name":{"type":"string","default":"Ada"},
        "count":{"type":"integer","default":3},
        "on":{"type":"boolean","default":true},
        "mode":{"enum":["a","b"],"default":"b"},
        "note":{"type":"string"},
        "n":{"type":"number"},
        "title":{"type":"string"}},
        "required":["title"]})");
    QVERIFY(show(form, schema));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/name")->text(), QStringLiteral("Ada"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/count")->text(), QStringLiteral("3"));
    QCOMPARE(widget<QComboBox>(form, "field:", "/mode")->currentText(), QStringLiteral("b"));
    // Optional fields left empty are left out; a required text is "".
    QCOMPARE(dumped(form.value()), dumped(json(R"({"name":"Ada","count":3,"on":true,"mode":"b","title":""})")));
    QVERIFY(form.isValid());

    // Emptied by the person: left out too.
    widget<QLineEdit>(form, "field:", "/name")->clear();
    QVERIFY(!form.value().contains("name"));
    // Required fields carry a mark that says so.
    QLabel *title = widget<QLabel>(form, "label:", "/title");
    QVERIFY(title->text().endsWith(QStringLiteral(" *")));
    QVERIFY(title->toolTip().contains(QStringLiteral("Required")));
    QVERIFY(!widget<QLabel>(form, "label:", "/note")->text().contains(QLatin1Char('*')));
}

void TestSchemaForm::requiredNumberAndValidity()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]})");
    QVERIFY(show(form, schema));
    QVERIFY(!form.isValid());
    QCOMPARE(problemPointers(form), QStringList{QStringLiteral("/n")});
    QCOMPARE(problemAt(form, "/n"), QStringLiteral("Required."));
    QVERIFY(widget<QLabel>(form, "problem:", "/n")->text().contains(QStringLiteral("Required.")));

    QSignalSpy validity(&form, &SchemaForm::validityChanged);
    QSignalSpy changed(&form, &SchemaForm::valueChanged);
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/n"), QStringLiteral("3"));
    QCOMPARE(changed.count(), 1);
    // Checked on its own, shortly after the edit.
    QTRY_COMPARE(validity.count(), 1);
    QCOMPARE(validity.last().at(0).toBool(), true);
    QVERIFY(!widget<QLabel>(form, "problem:", "/n"));
    QCOMPARE(form.value(), json(R"({"n":3})"));

    widget<QLineEdit>(form, "field:", "/n")->clear();
    QVERIFY(!form.isValid());
    QCOMPARE(validity.count(), 2);
    QCOMPARE(validity.last().at(0).toBool(), false);
}

void TestSchemaForm::problemsBesideTheirField()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "address":{"type":"object","title":"Address","properties":{
            "zip":{"type":"string","pattern":"^[0-9]{5}$"},
            "city":{"type":"string"}}}},
        "required":["address"]})");
    QVERIFY(show(form, schema));
    QVERIFY(form.isValid());
    QCOMPARE(form.value(), json(R"({"address":{}})"));
    auto *zip = widget<QLineEdit>(form, "field:", "/address/zip");
    QVERIFY(zip);
    QTest::keyClicks(zip, QStringLiteral("12a"));
    QCOMPARE(problemPointers(form), QStringList{QStringLiteral("/address/zip")});
    QLabel *label = widget<QLabel>(form, "problem:", "/address/zip");
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("pattern")));
    // Beside the zip, not on its group or the form.
    QVERIFY(!widget<QLabel>(form, "problem:", "/address"));
    QVERIFY(!widget<QLabel>(form, "problem:", ""));
    QTRY_VERIFY(label->isVisible());
    QVERIFY(label->parentWidget() == zip->parentWidget());

    retype(zip, QStringLiteral("12345"));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));
    QVERIFY(!widget<QLabel>(form, "problem:", "/address/zip"));
    QCOMPARE(form.value(), json(R"({"address":{"zip":"12345"}})"));
}

void TestSchemaForm::rootProblemsAtTheTop()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
                               "minProperties":1})");
    QVERIFY(show(form, schema));
    QVERIFY(!form.isValid());
    QCOMPARE(problemPointers(form), QStringList{QString()});
    QLabel *label = widget<QLabel>(form, "problem:", "");
    QVERIFY(label);
    QTRY_VERIFY(label->isVisible());
    // Above the first field.
    QVERIFY(label->mapTo(&form, QPoint()).y() < widget<QLineEdit>(form, "field:", "/a")->mapTo(&form, QPoint()).y());
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/b"), QStringLiteral("x"));
    QVERIFY(form.isValid());
    QVERIFY(!widget<QLabel>(form, "problem:", ""));
}

void TestSchemaForm::nullToggle()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "v":{"type":["string","null"]},
        "w":{"anyOf":[{"type":"integer"},{"type":"null"}]}},"required":["v"]})");
    QVERIFY(show(form, schema));
    auto *edit = widget<QLineEdit>(form, "field:", "/v");
    auto *null = widget<QCheckBox>(form, "null:", "/v");
    QVERIFY(edit);
    QVERIFY(null);
    QVERIFY(widget<QCheckBox>(form, "null:", "/w"));
    QTest::keyClicks(edit, QStringLiteral("text"));
    null->click();
    QCOMPARE(form.value(), json(R"({"v":null})"));
    QVERIFY(!edit->isEnabled());
    QVERIFY(form.isValid());
    null->click();
    QVERIFY(edit->isEnabled());
    QCOMPARE(form.value(), json(R"({"v":"text"})"));

    form.setValue(json(R"({"v":"x","w":null})"));
    QVERIFY(widget<QCheckBox>(form, "null:", "/w")->isChecked());
    QVERIFY(!widget<QLineEdit>(form, "field:", "/w")->isEnabled());
    QCOMPARE(form.value(), json(R"({"v":"x","w":null})"));
}

void TestSchemaForm::arrayAddRemoveReorder()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3,"uniqueItems":true}},
        "required":["tags"]})");
    QVERIFY(show(form, schema));
    QCOMPARE(form.value(), json(R"({"tags":[]})"));
    QVERIFY(problemAt(form, "/tags").contains(QStringLiteral("At least 1 item")));
    QVERIFY(widget<QLabel>(form, "problem:", "/tags"));

    auto *add = widget<QToolButton>(form, "add:", "/tags");
    QVERIFY(add);
    const char *texts[] = {"a", "b", "c"};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(add->isEnabled());
        add->click();
        const QByteArray pointer = "/tags/" + QByteArray::number(i);
        auto *item = widget<QLineEdit>(form, "field:", pointer.constData());
        QVERIFY2(item, pointer.constData());
        QTest::keyClicks(item, QString::fromLatin1(texts[i]));
    }
    QVERIFY(!add->isEnabled()); // maxItems
    QCOMPARE(form.value(), json(R"({"tags":["a","b","c"]})"));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));

    QVERIFY(!widget<QToolButton>(form, "up:", "/tags/0")->isEnabled());
    QVERIFY(!widget<QToolButton>(form, "down:", "/tags/2")->isEnabled());
    widget<QToolButton>(form, "up:", "/tags/2")->click();
    QCOMPARE(form.value(), json(R"({"tags":["a","c","b"]})"));
    widget<QToolButton>(form, "down:", "/tags/0")->click();
    QCOMPARE(form.value(), json(R"({"tags":["c","a","b"]})"));
    // The names follow the places.
    QCOMPARE(widget<QLineEdit>(form, "field:", "/tags/0")->text(), QStringLiteral("c"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/tags/2")->text(), QStringLiteral("b"));

    widget<QToolButton>(form, "remove:", "/tags/1")->click();
    QCOMPARE(form.value(), json(R"({"tags":["c","b"]})"));
    QVERIFY(add->isEnabled());
    QVERIFY(!widget<QLineEdit>(form, "field:", "/tags/2"));

    // uniqueItems reported.
    retype(widget<QLineEdit>(form, "field:", "/tags/1"), QStringLiteral("c"));
    QVERIFY2(problemAt(form, "/tags").contains(QStringLiteral("same")), qPrintable(problemsText(form)));

    // More than maxItems given: kept, shown, reported.
    form.setValue(json(R"({"tags":["1","2","3","4"]})"));
    QVERIFY(widget<QLineEdit>(form, "field:", "/tags/3"));
    QVERIFY(!add->isEnabled());
    QVERIFY(problemAt(form, "/tags").contains(QStringLiteral("At most 3")));
    QCOMPARE(form.value(), json(R"({"tags":["1","2","3","4"]})"));
}

void TestSchemaForm::arrayOfObjects()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "people":{"type":"array","items":{"type":"object","properties":{
            "name":{"type":"string"},"age":{"type":"integer"}},"required":["name"]}}}})");
    QVERIFY(show(form, schema));
    QCOMPARE(form.value(), OrderedJson::object()); // an optional empty array is left out
    widget<QToolButton>(form, "add:", "/people")->click();
    QCOMPARE(widget<QLabel>(form, "label:", "/people/0")->text(), QStringLiteral("Item 1"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/people/0/name"), QStringLiteral("Ada"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/people/0/age"), QStringLiteral("36"));
    widget<QToolButton>(form, "add:", "/people")->click();
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/people/1/name"), QStringLiteral("Grace"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"people":[{"name":"Ada","age":36},{"name":"Grace"}]})")));

    // Moved with its whole sub-form.
    widget<QToolButton>(form, "up:", "/people/1")->click();
    QCOMPARE(dumped(form.value()), dumped(json(R"({"people":[{"name":"Grace"},{"name":"Ada","age":36}]})")));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/people/1/age")->text(), QStringLiteral("36"));
    QCOMPARE(widget<QLabel>(form, "label:", "/people/1")->text(), QStringLiteral("Item 2"));

    // A problem inside an item is shown inside it.
    retype(widget<QLineEdit>(form, "field:", "/people/1/age"), QStringLiteral("x"));
    QCOMPARE(problemPointers(form), QStringList{QStringLiteral("/people/1/age")});
    QVERIFY(widget<QLabel>(form, "problem:", "/people/1/age"));
}

void TestSchemaForm::tuplePositions()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "point":{"type":"array","prefixItems":[{"type":"number","title":"x"},{"type":"string","title":"unit"}]}},
        "required":["point"]})");
    QVERIFY(show(form, schema));
    QCOMPARE(widget<QLabel>(form, "label:", "/point/0")->text(), QStringLiteral("x"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/point/0"), QStringLiteral("1.5"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/point/1"), QStringLiteral("cm"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"point":[1.5,"cm"]})")));
    QVERIFY(!widget<QToolButton>(form, "add:", "/point")); // no items after the prefix
    form.setValue(json(R"({"point":[2,"m"]})"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/point/1")->text(), QStringLiteral("m"));
}

void TestSchemaForm::mapKeys()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "labels":{"type":"object","additionalProperties":{"type":"string"}}}})");
    QVERIFY(show(form, schema));
    QCOMPARE(form.value(), OrderedJson::object());
    auto *add = widget<QToolButton>(form, "add:", "/labels");
    QVERIFY(add);
    add->click();
    auto *key = widget<QLineEdit>(form, "key:", "/labels/");
    QVERIFY(key);
    QVERIFY2(problemAt(form, "/labels/").contains(QStringLiteral("empty")), qPrintable(problemsText(form)));
    QTest::keyClicks(key, QStringLiteral("env"));
    QCOMPARE(key->objectName(), QStringLiteral("key:/labels/env"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/labels/env"), QStringLiteral("prod"));
    QCOMPARE(form.value(), json(R"({"labels":{"env":"prod"}})"));
    QVERIFY(form.isValid());

    // The same name twice.
    add->click();
    QTest::keyClicks(widget<QLineEdit>(form, "key:", "/labels/"), QStringLiteral("env"));
    QVERIFY2(problemAt(form, "/labels/env").contains(QStringLiteral("twice")), qPrintable(problemsText(form)));
    const QList<QToolButton *> removes = form.findChildren<QToolButton *>(QStringLiteral("remove:/labels/env"));
    QCOMPARE(removes.size(), 2);
    removes.last()->click();
    QVERIFY(form.isValid());

    // Keys with "/" and "~" are escaped in pointers.
    add->click();
    QTest::keyClicks(widget<QLineEdit>(form, "key:", "/labels/"), QStringLiteral("a/b~c"));
    QVERIFY(widget<QLineEdit>(form, "field:", "/labels/a~1b~0c"));
    QCOMPARE(form.value(), json(R"({"labels":{"env":"prod","a/b~c":""}})"));
    widget<QToolButton>(form, "remove:", "/labels/a~1b~0c")->click();
    QCOMPARE(form.value(), json(R"({"labels":{"env":"prod"}})"));

    form.setValue(json(R"({"labels":{"x":"1","y":"2"}})"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/labels/y")->text(), QStringLiteral("2"));
    QCOMPARE(form.value(), json(R"({"labels":{"x":"1","y":"2"}})"));
}

void TestSchemaForm::objectMembersBeyondFields()
{
    SchemaForm form;
    // Members by additionalProperties: rows of their own.
    const OrderedJson schema = json(R"({"type":"object","properties":{"name":{"type":"string"}},
                               "additionalProperties":{"type":"integer"}})");
    QVERIFY(show(form, schema));
    form.setValue(json(R"({"name":"x","a":1})"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/a")->text(), QStringLiteral("1"));
    QVERIFY(widget<QLineEdit>(form, "key:", "/a"));
    QCOMPARE(form.value(), json(R"({"name":"x","a":1})"));
    retype(widget<QLineEdit>(form, "field:", "/a"), QStringLiteral("1.5"));
    QVERIFY(problemAt(form, "/a").contains(QStringLiteral("whole number")));

    // Members the schema does not name: kept, and named.
    form.setSchema(json(R"({"type":"object","properties":{"name":{"type":"string"}}})"));
    form.setValue(json(R"({"name":"x","zzz":{"deep":[1,null]}})"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"name":"x","zzz":{"deep":[1,null]}})")));
    QLabel *kept = widget<QLabel>(form, "kept:", "");
    QVERIFY(kept);
    QVERIFY(kept->text().contains(QStringLiteral("zzz")));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/name"), QStringLiteral("y"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"name":"xy","zzz":{"deep":[1,null]}})")));
}

void TestSchemaForm::variantDiscriminator()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"pet":{"title":"Pet","oneOf":[
        {"type":"object","title":"Cat","properties":{"kind":{"const":"cat"},"lives":{"type":"integer"}},"required":["kind"]},
        {"type":"object","title":"Dog","properties":{"kind":{"const":"dog"},"barks":{"type":"boolean"}},"required":["kind","barks"]}]}},
        "required":["pet"]})");
    QVERIFY(show(form, schema));
    auto *picker = widget<QComboBox>(form, "variant:", "/pet");
    QVERIFY(picker);
    QCOMPARE(picker->count(), 2);
    QCOMPARE(picker->itemText(1), QStringLiteral("Dog"));
    QCOMPARE(form.value(), json(R"({"pet":{"kind":"cat"}})"));
    // The discriminator follows the picker and is not edited by hand.
    QVERIFY(!widget<QComboBox>(form, "field:", "/pet/kind")->isEnabled());
    QVERIFY(widget<QLineEdit>(form, "field:", "/pet/lives"));

    picker->setCurrentIndex(1);
    QCOMPARE(dumped(form.value()), dumped(json(R"({"pet":{"kind":"dog","barks":false}})")));
    QVERIFY(!widget<QLineEdit>(form, "field:", "/pet/lives"));
    QVERIFY(widget<QCheckBox>(form, "field:", "/pet/barks"));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));

    // A value picks its variant by the discriminator.
    form.setValue(json(R"({"pet":{"kind":"cat","lives":9}})"));
    QCOMPARE(picker->currentText(), QStringLiteral("Cat"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/pet/lives")->text(), QStringLiteral("9"));
    QCOMPARE(form.value(), json(R"({"pet":{"kind":"cat","lives":9}})"));
    QVERIFY(form.isValid());
}

void TestSchemaForm::variantPickedByValue()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "when":{"oneOf":[{"type":"string","format":"date","title":"Date"},{"type":"integer","title":"Days from now"}]},
        "shape":{"anyOf":[
            {"type":"object","title":"Circle","properties":{"r":{"type":"number"}},"required":["r"],"additionalProperties":false},
            {"type":"object","title":"Square","properties":{"side":{"type":"number"}},"required":["side"]}]},
        "id":{"type":["string","integer"]}},
        "required":["when","shape","id"]})");
    QVERIFY(show(form, schema));
    form.setValue(json(R"({"when":5,"shape":{"side":2},"id":7})"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/when")->currentText(), QStringLiteral("Days from now"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/when")->text(), QStringLiteral("5"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/shape")->currentText(), QStringLiteral("Square"));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/shape/side")->text(), QStringLiteral("2"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/id")->currentText(), QStringLiteral("integer"));
    QCOMPARE(form.value(), json(R"({"when":5,"shape":{"side":2},"id":7})"));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));

    form.setValue(json(R"({"when":"2026-01-01","shape":{"r":1},"id":"seven"})"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/when")->currentText(), QStringLiteral("Date"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/shape")->currentText(), QStringLiteral("Circle"));
    QCOMPARE(widget<QComboBox>(form, "variant:", "/id")->currentText(), QStringLiteral("string"));
    QCOMPARE(form.value(), json(R"({"when":"2026-01-01","shape":{"r":1},"id":"seven"})"));
}

void TestSchemaForm::recursiveExpand()
{
    SchemaForm form;
    const OrderedJson tree = json(R"({"type":"object","properties":{
        "name":{"type":"string"},
        "children":{"type":"array","items":{"$ref":"#"}}},"required":["name"]})");
    QVERIFY(show(form, tree));
    widget<QToolButton>(form, "add:", "/children")->click();
    auto *expand = widget<QToolButton>(form, "expand:", "/children/0");
    QVERIFY(expand);
    QVERIFY(!widget<QLineEdit>(form, "field:", "/children/0/name"));
    expand->click();
    auto *name = widget<QLineEdit>(form, "field:", "/children/0/name");
    QVERIFY(name);
    QTest::keyClicks(name, QStringLiteral("leaf"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"name":"","children":[{"name":"leaf"}]})")));

    // One level further, again on demand.
    widget<QToolButton>(form, "add:", "/children/0/children")->click();
    QVERIFY(widget<QToolButton>(form, "expand:", "/children/0/children/0"));
    QVERIFY(!widget<QLineEdit>(form, "field:", "/children/0/children/0/name"));

    // A value deeper than what is expanded is kept whole, and shown once
    // expanded.
    const OrderedJson deep = json(R"({"name":"root","children":[{"name":"a","children":[{"name":"b","children":[]}]}]})");
    form.setValue(deep);
    QCOMPARE(dumped(form.value()), dumped(deep));
    widget<QToolButton>(form, "expand:", "/children/0")->click();
    QCOMPARE(widget<QLineEdit>(form, "field:", "/children/0/name")->text(), QStringLiteral("a"));
    QCOMPARE(dumped(form.value()), dumped(deep));
    QVERIFY(form.isValid());
}

void TestSchemaForm::externalRefIsJsonField()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "cfg":{"$ref":"https://example.com/schemas/config.json","title":"Config"}},"required":["cfg"]})");
    QVERIFY(show(form, schema));
    auto *edit = widget<QPlainTextEdit>(form, "field:", "/cfg");
    QVERIFY(edit);
    QLabel *note = widget<QLabel>(form, "note:", "/cfg");
    QVERIFY(note);
    QVERIFY(note->text().contains(QStringLiteral("https://example.com/schemas/config.json")));
    QVERIFY(note->text().contains(QStringLiteral("never fetch")));
    QCOMPARE(problemAt(form, "/cfg"), QStringLiteral("Required."));

    QTest::keyClicks(edit, QStringLiteral(R"({"a": [1, true]})"));
    QCOMPARE(form.value(), json(R"({"cfg":{"a":[1,true]}})"));
    QVERIFY2(form.isValid(), qPrintable(problemsText(form)));

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral(R"({"a": )"));
    QVERIFY2(problemAt(form, "/cfg").startsWith(QStringLiteral("Not JSON")), qPrintable(problemsText(form)));
    QVERIFY(widget<QLabel>(form, "problem:", "/cfg"));
}

void TestSchemaForm::optionalGroupInclude()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "addr":{"type":"object","properties":{
            "street":{"type":"string"},"zip":{"type":"string","default":"00000"}},"required":["street"]}}})");
    QVERIFY(show(form, schema));
    // Left out until something is filled in; its defaults are shown.
    QCOMPARE(form.value(), OrderedJson::object());
    auto *include = widget<QCheckBox>(form, "include:", "/addr");
    QVERIFY(include);
    QVERIFY(!include->isChecked());
    QCOMPARE(widget<QLineEdit>(form, "field:", "/addr/zip")->text(), QStringLiteral("00000"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/addr/street"), QStringLiteral("Main St"));
    QVERIFY(include->isChecked());
    QCOMPARE(dumped(form.value()), dumped(json(R"({"addr":{"street":"Main St","zip":"00000"}})")));
    include->click();
    QCOMPARE(form.value(), OrderedJson::object());
    form.setValue(json(R"({"addr":{"street":"x"}})"));
    QVERIFY(include->isChecked());
    QCOMPARE(form.value(), json(R"({"addr":{"street":"x"}})"));
}

void TestSchemaForm::deepSchemaOpensOnDemand()
{
    OrderedJson schema = {{"type", "string"}};
    OrderedJson value = "innermost";
    for (int level = 0; level < 50; ++level) {
        const std::string key = "level" + std::to_string(level);
        schema = OrderedJson{{"type", "object"}, {"properties", {{key, schema}, {"note", {{"type", "string"}}}}}};
        value = OrderedJson{{key, value}, {"note", "at " + std::to_string(level)}};
    }
    SchemaForm form;
    QVERIFY(show(form, schema));
    QCOMPARE(form.value(), OrderedJson::object());
    // The first levels are made; deeper ones wait, closed, until opened.
    QVERIFY(widget<QLineEdit>(form, "field:", "/level49/level48/note"));
    QVERIFY(widget<QWidget>(form, "field:", "/level49/level48/level47"));
    QVERIFY(!widget<QLineEdit>(form, "field:", "/level49/level48/level47/note"));
    QVERIFY(form.findChildren<QWidget *>().size() < 200);

    // A value passes through the closed levels unchanged.
    form.setValue(value);
    QCOMPARE(dumped(form.value()), dumped(value));
    QVERIFY(form.isValid());
    widget<QToolButton>(form, "toggle:", "/level49/level48/level47")->click();
    auto *note = widget<QLineEdit>(form, "field:", "/level49/level48/level47/note");
    QVERIFY(note);
    QCOMPARE(note->text(), QStringLiteral("at 46")); // the object under "level47" was made at level 46
    QCOMPARE(dumped(form.value()), dumped(value));

    // A problem inside a closed level is shown on the nearest open one.
    OrderedJson wrong = value;
    wrong["level49"]["level48"]["level47"]["level46"]["level45"]["note"] = 5;
    form.setValue(wrong);
    QVERIFY(problemPointers(form).contains(QStringLiteral("/level49/level48/level47/level46/level45/note")));
    QLabel *label = widget<QLabel>(form, "problem:", "/level49/level48/level47/level46");
    QVERIFY2(label, qPrintable(problemsText(form)));
    QVERIFY(label->text().contains(QStringLiteral("level45 › note")));
}

void TestSchemaForm::jsonModeRoundTrip()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},
                               "required":["name"]})");
    QVERIFY(show(form, schema));
    const OrderedJson start = json(R"({"name":"Ada","age":36,"extra":{"keep":[1,2]}})");
    form.setValue(start);
    QCOMPARE(dumped(form.value()), dumped(start));

    auto *button = widget<QToolButton>(form, "jsonModeButton", "");
    QVERIFY(button);
    button->click();
    QVERIFY(form.isJsonMode());
    auto *edit = widget<QPlainTextEdit>(form, "jsonEdit", "");
    QVERIFY(edit->isVisible());
    QVERIFY(same(OrderedJson::parse(edit->toPlainText().toStdString()), start));
    QVERIFY(edit->toPlainText().contains(QLatin1Char('\n'))); // pretty

    edit->setPlainText(QStringLiteral(R"({"name": "Grace", "other": true, "age": 1.5})"));
    QCOMPARE(dumped(form.value()), dumped(json(R"({"name":"Grace","other":true,"age":1.5})")));
    QVERIFY(!form.isValid()); // age is not an integer: checked in JSON mode too
    QVERIFY(form.setJsonMode(false));
    QVERIFY(!form.isJsonMode());
    QVERIFY(!button->isChecked());
    QCOMPARE(widget<QLineEdit>(form, "field:", "/name")->text(), QStringLiteral("Grace"));
    // Nothing lost: the member without a field and the number the integer
    // field cannot hold are kept as they are.
    QVERIFY(same(form.value(), json(R"({"name":"Grace","other":true,"age":1.5})")));
    QVERIFY(widget<QLabel>(form, "problem:", "/age"));

    // And back again, unchanged.
    QVERIFY(form.setJsonMode(true));
    QVERIFY(same(OrderedJson::parse(edit->toPlainText().toStdString()), json(R"({"name":"Grace","other":true,"age":1.5})")));
}

void TestSchemaForm::jsonModeRefusesBadJson()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"name":{"type":"string"}}})");
    QVERIFY(show(form, schema));
    QVERIFY(form.setJsonMode(true));
    auto *edit = widget<QPlainTextEdit>(form, "jsonEdit", "");
    edit->setPlainText(QStringLiteral(R"({"name": )"));
    QVERIFY(form.value().is_discarded());
    QVERIFY(!form.isValid());
    QVERIFY(!form.setJsonMode(false));
    QVERIFY(form.isJsonMode());
    QLabel *problems = widget<QLabel>(form, "jsonProblems", "");
    QVERIFY(problems->isVisible());
    QVERIFY(problems->text().contains(QStringLiteral("not JSON")));

    // The button does the same, and stays down.
    auto *button = widget<QToolButton>(form, "jsonModeButton", "");
    button->click();
    QVERIFY(form.isJsonMode());
    QVERIFY(button->isChecked());

    edit->setPlainText(QStringLiteral(R"({"name": "ok"})"));
    button->click();
    QVERIFY(!form.isJsonMode());
    QCOMPARE(widget<QLineEdit>(form, "field:", "/name")->text(), QStringLiteral("ok"));
    QVERIFY(form.isValid());
}

void TestSchemaForm::fillExamples_data()
{
    QTest::addColumn<QByteArray>("schema");
    // Elicitation, as the MCP specification's requestedSchema: flat, primitive.
    QTest::newRow("elicitation") << QByteArray(R"({"type":"object","properties":{
        "name":{"type":"string","title":"Full name","minLength":2},
        "email":{"type":"string","format":"email","description":"Where to reach you"},
        "age":{"type":"integer","minimum":18,"maximum":120},
        "plan":{"type":"string","enum":["free","pro"],"enumNames":["Free","Pro"]},
        "newsletter":{"type":"boolean","default":false},
        "start":{"type":"string","format":"date"}},
        "required":["name","email","plan"]})");
    QTest::newRow("search tool") << QByteArray(R"({"type":"object","properties":{
        "query":{"type":"string"},
        "limit":{"type":"integer","minimum":1,"maximum":50,"default":10},
        "filters":{"type":"array","minItems":1,"items":{"type":"object","properties":{
            "field":{"type":"string"},"op":{"enum":["eq","lt","gt"]},"value":{"type":["string","number"]}},
            "required":["field","op","value"]}},
        "since":{"type":"string","format":"date-time"},
        "id":{"type":"string","format":"uuid"},
        "tags":{"type":"array","items":{"enum":["a","b","c"]},"uniqueItems":true,"minItems":2}},
        "required":["query"]})");
    QTest::newRow("definitions and a discriminated union") << QByteArray(R"({"type":"object",
        "$defs":{"point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},"required":["x","y"]}},
        "properties":{
            "shape":{"oneOf":[
                {"type":"object","properties":{"type":{"const":"circle"},"center":{"$ref":"#/$defs/point"},"r":{"type":"number","exclusiveMinimum":0}},"required":["type","center","r"]},
                {"type":"object","properties":{"type":{"const":"line"},"from":{"$ref":"#/$defs/point"},"to":{"$ref":"#/$defs/point"}},"required":["type","from","to"]}]},
            "meta":{"type":"object","additionalProperties":{"type":"string"}},
            "weight":{"type":"number","multipleOf":0.25,"minimum":1}},
        "required":["shape","weight"]})");
}

void TestSchemaForm::fillExamples()
{
    QFETCH(QByteArray, schema);
    SchemaForm form;
    const OrderedJson s = OrderedJson::parse(schema.toStdString());
    QVERIFY(show(form, s));
    QSignalSpy changed(&form, &SchemaForm::valueChanged);
    widget<QToolButton>(form, "fillExamplesButton", "")->click();
    QCOMPARE(changed.count(), 1);
    QVERIFY2(form.isValid(), qPrintable(problemsText(form) + QStringLiteral(" in ") + QString::fromStdString(form.value().dump())));
    // What the fields hold is exactly the filled value.
    QCOMPARE(dumped(form.value()), dumped(crosstalk::schema::filledValue(crosstalk::schema::compileForm(s))));
}

void TestSchemaForm::examplesMenu()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{"city":{"type":"string","examples":["Berlin","Paris"]}}})");
    QVERIFY(show(form, schema));
    auto *button = widget<QToolButton>(form, "examples:", "/city");
    QVERIFY(button);
    auto *menu = button->findChild<QMenu *>(QStringLiteral("examplesMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 2);
    QCOMPARE(menu->actions().at(1)->text(), QStringLiteral("Paris"));
    QSignalSpy changed(&form, &SchemaForm::valueChanged);
    menu->actions().at(1)->trigger();
    QCOMPARE(widget<QLineEdit>(form, "field:", "/city")->text(), QStringLiteral("Paris"));
    QCOMPARE(form.value(), json(R"({"city":"Paris"})"));
    QCOMPARE(changed.count(), 1);
}

void TestSchemaForm::readOnlyAndDeprecated()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "id":{"type":"string","readOnly":true,"default":"abc"},
        "old":{"type":"string","deprecated":true}}})");
    QVERIFY(show(form, schema));
    QVERIFY(!widget<QLineEdit>(form, "field:", "/id")->isEnabled());
    QCOMPARE(form.value(), json(R"({"id":"abc"})"));
    QLabel *old = widget<QLabel>(form, "label:", "/old");
    QVERIFY(old->text().contains(QStringLiteral("deprecated")));
    QVERIFY(old->font().strikeOut());
    QVERIFY(widget<QLineEdit>(form, "field:", "/old")->isEnabled());
}

void TestSchemaForm::submitShortcut()
{
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","properties":{
        "title":{"type":"string"},"body":{"type":"string","maxLength":5000},"n":{"type":"integer"}}})");
    QVERIFY(show(form, schema));
    QSignalSpy submit(&form, &SchemaForm::submitRequested);
    auto *title = widget<QLineEdit>(form, "field:", "/title");
    auto *body = widget<QPlainTextEdit>(form, "field:", "/body");
    QVERIFY(title);
    QVERIFY(body); // long text: many lines
    QTest::keyClick(title, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submit.count(), 1);
    QTest::keyClicks(body, QStringLiteral("line"));
    QTest::keyClick(body, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(submit.count(), 2);
    QCOMPARE(body->toPlainText(), QStringLiteral("line")); // not a new line
    // Return alone is a new line in a long text, not a submit.
    QTest::keyClick(body, Qt::Key_Return);
    QCOMPARE(submit.count(), 2);
    QCOMPARE(body->toPlainText(), QStringLiteral("line\n"));
    QTest::keyClick(widget<QLineEdit>(form, "field:", "/n"), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submit.count(), 3);
    // In the JSON text too.
    QVERIFY(form.setJsonMode(true));
    QTest::keyClick(widget<QPlainTextEdit>(form, "jsonEdit", ""), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submit.count(), 4);
}

void TestSchemaForm::peerTextShownLiterally()
{
    SchemaForm form;
    OrderedJson schema = {{"type", "object"},
                          {"properties",
                           {{"v", {{"type", "string"}, {"title", "<b>x</b>\u202E"}, {"description", "<img src=x> here\u200B"}}},
                            {"c", {{"enum", {"a\u202Eb", "<i>c</i>"}}}},
                            {"<u>key</u>", {{"type", "boolean"}}},
                            {"g", {{"type", "object"}, {"title", "<h1>group</h1>"}, {"properties", {{"x", {{"type", "string"}}}}}}},
                            {"long", {{"type", "string"}, {"title", "<b>" + std::string(300, 'w') + "</b>"}}}}},
                          {"required", {"<u>key</u>"}}};
    QVERIFY(show(form, schema));
    const QString marker = QStringLiteral("⟦U+202E⟧");
    QLabel *title = widget<QLabel>(form, "label:", "/v");
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QVERIFY2(title->text().startsWith(QStringLiteral("<b>x</b>") + marker), qPrintable(title->text()));
    QVERIFY(!title->text().contains(QChar(0x202E)));
    QLabel *help = widget<QLabel>(form, "help:", "/v");
    QCOMPARE(help->textFormat(), Qt::PlainText);
    QCOMPARE(help->text(), QStringLiteral("<img src=x> here⟦U+200B⟧"));
    auto *choice = widget<QComboBox>(form, "field:", "/c");
    QCOMPARE(choice->itemText(1), QStringLiteral("a") + marker + QStringLiteral("b"));
    QCOMPARE(choice->itemText(2), QStringLiteral("<i>c</i>"));
    QLabel *key = widget<QLabel>(form, "label:", "/<u>key<~1u>"); // "/" in a key is "~1" in a pointer
    QVERIFY(key);
    QCOMPARE(key->textFormat(), Qt::PlainText);
    QCOMPARE(key->text(), QStringLiteral("<u>key</u> *"));
    QLabel *group = widget<QLabel>(form, "label:", "/g");
    QCOMPARE(group->textFormat(), Qt::PlainText);
    QCOMPARE(group->text(), QStringLiteral("<h1>group</h1>"));
    // Labels shown as plain text draw the markup as characters: as wide as
    // the characters are, not as a heading would be.
    QVERIFY(group->sizeHint().width() >= group->fontMetrics().horizontalAdvance(QStringLiteral("<h1>group</h1>")));
    // A long title is cut short; the tool tip has it whole, escaped.
    QLabel *longTitle = widget<QLabel>(form, "label:", "/long");
    QVERIFY(longTitle->text().startsWith(QStringLiteral("<b>www")));
    QVERIFY(longTitle->text().size() < 100);
    QVERIFY(longTitle->toolTip().contains(QStringLiteral("&lt;b&gt;") + QString(300, QLatin1Char('w')) + QStringLiteral("&lt;/b&gt;")));
}

void TestSchemaForm::hostileSchemasLoseNothing_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::newRow("type is a number") << QByteArray(R"({"type":5})");
    QTest::newRow("properties not an object") << QByteArray(R"({"properties":3})");
    QTest::newRow("reference to nothing") << QByteArray(R"({"type":"object","properties":{"a":{"$ref":"#/nowhere"}}})");
    QTest::newRow("root refers to itself") << QByteArray(R"({"$ref":"#"})");
    QTest::newRow("property refers to the root") << QByteArray(R"({"type":"object","properties":{"self":{"$ref":"#"}}})");
    QTest::newRow("arrays of arrays") << QByteArray(R"({"type":"array","items":{"type":"array","items":{"type":"array"}}})");
    QTest::newRow("empty enum") << QByteArray(R"({"enum":[]})");
    QTest::newRow("empty oneOf") << QByteArray(R"({"oneOf":[]})");
    QTest::newRow("only null") << QByteArray(R"({"anyOf":[{"type":"null"}]})");
    QTest::newRow("allOf that excludes") << QByteArray(R"({"allOf":[{"type":"string"},{"type":"number"}]})");
    QTest::newRow("broken pattern") << QByteArray(R"({"type":"object","properties":{"x":{"type":"string","pattern":"(unclosed"}}})");
    QTest::newRow("nonsense bounds") << QByteArray(R"({"type":"object","properties":{"a":{"type":"integer","minimum":"x","multipleOf":0,"maxLength":-1}}})");
    QTest::newRow("schema true") << QByteArray("true");
    QTest::newRow("schema false") << QByteArray("false");
    QTest::newRow("schema is an array") << QByteArray("[1,2]");
    QTest::newRow("schema is a string") << QByteArray(R"("object")");
    QTest::newRow("variant of types") << QByteArray(R"({"type":["string","object","array","null"]})");
    QTest::newRow("map of no members") << QByteArray(R"({"type":"object","additionalProperties":false})");
    QTest::newRow("tuple") << QByteArray(R"({"type":"array","prefixItems":[{"type":"integer"}],"items":{"type":"string"}})");
    std::string deep = R"({"type":"string"})";
    for (int i = 0; i < 300; ++i)
        deep = R"({"type":"object","properties":{"d":)" + deep + "}}";
    QTest::newRow("300 levels") << QByteArray::fromStdString(deep);
    std::string wideEnum = R"({"enum":[)";
    for (int i = 0; i < 5000; ++i)
        wideEnum += (i ? "," : "") + std::to_string(i);
    QTest::newRow("5,000 choices") << QByteArray::fromStdString(wideEnum + "]}");
}

void TestSchemaForm::hostileSchemasLoseNothing()
{
    QFETCH(QByteArray, schema);
    SchemaForm form;
    QVERIFY(show(form, OrderedJson::parse(schema.toStdString())));
    (void)form.isValid();
    form.fillExamples();
    (void)form.problems();
    // Whatever value comes, the form gives it back as it was: what no
    // field can hold is kept as it is.
    const char *values[] = {R"({"a":"x"})", R"("text")", R"([1,{"b":null}])", R"({"self":{"self":{}}})", "12.5", "null",
                            R"({"d":{"d":{"d":7}}})", "[[[]],[1]]", "true"};
    for (const char *text : values) {
        const OrderedJson value = json(text);
        form.setValue(value);
        QVERIFY2(same(form.value(), value), qPrintable(QStringLiteral("%1 became %2").arg(QString::fromUtf8(text),
                                                                                         QString::fromStdString(form.value().dump()))));
        (void)form.problems();
        QVERIFY(form.setJsonMode(true));
        QVERIFY(form.setJsonMode(false));
        QVERIFY2(same(form.value(), value), text);
    }
}

void TestSchemaForm::hugeSchemaStaysBounded()
{
    // 5,000 properties: the first 2,000 get fields, the rest are kept in
    // the value as they are; checks that take long run off the GUI thread.
    OrderedJson properties = OrderedJson::object();
    for (int i = 0; i < 5000; ++i)
        properties["p" + std::to_string(i)] = {{"type", "string"}, {"default", "d" + std::to_string(i)}};
    properties["p4999"] = {{"type", "integer"}};
    // A constraint that is slow to check (and that the form leaves to the
    // schema check): a value must not be one of 400,000.
    OrderedJson excluded = OrderedJson::array();
    for (int i = 0; i < 400000; ++i)
        excluded.push_back(i);
    properties["p1"]["not"] = {{"enum", excluded}};
    const OrderedJson schema = {{"type", "object"}, {"properties", properties}, {"required", {"p0", "p4999"}}};
    SchemaForm form;
    QVERIFY(show(form, schema));
    QVERIFY(form.findChildren<QWidget *>().size() < 2000 * 5);
    QVERIFY(widget<QLineEdit>(form, "field:", "/p1999"));
    QVERIFY(!widget<QLineEdit>(form, "field:", "/p2000"));
    QVERIFY(widget<QLabel>(form, "more:", "")->text().contains(QStringLiteral("3000")));
    const OrderedJson value = form.value();
    QCOMPARE(value.size(), size_t(4999)); // p4999, required but empty, is the problem
    QCOMPARE(value.at("p4000"), OrderedJson("d4000"));
    // A problem of a member without a field is shown on its object.
    QCOMPARE(problemPointers(form), QStringList{QStringLiteral("/p4999")});
    QLabel *label = widget<QLabel>(form, "problem:", "");
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("p4999: Required.")));

    QSignalSpy validity(&form, &SchemaForm::validityChanged);
    OrderedJson fixed = value;
    fixed["p4999"] = 7;
    fixed["p10"] = "edited";
    form.setValue(fixed);
    QCOMPARE(dumped(form.value()), dumped(fixed));
    QTRY_COMPARE(validity.count(), 1); // checked without being asked
    QVERIFY(validity.last().at(0).toBool());
    QTRY_VERIFY(!widget<QLabel>(form, "problem:", ""));
    QCOMPARE(widget<QLineEdit>(form, "field:", "/p10")->text(), QStringLiteral("edited"));
}

void TestSchemaForm::rendersEveryKind()
{
    // A form with a field of every kind, laid out for a person to read; set
    // CROSSTALK_SCHEMAFORM_GRAB=/tmp/schemaform.png to save it.
    SchemaForm form;
    const OrderedJson schema = json(R"({"type":"object","title":"Create an order","properties":{
        "customer":{"type":"string","title":"Customer","description":"The name as it appears on the invoice.","minLength":2},
        "email":{"type":"string","format":"email","title":"Email"},
        "due":{"type":"string","format":"date","title":"Due date"},
        "id":{"type":"string","format":"uuid","title":"Order id"},
        "quantity":{"type":"integer","minimum":1,"maximum":99,"default":1,"title":"Quantity"},
        "discount":{"type":["number","null"],"multipleOf":0.5,"title":"Discount in %"},
        "express":{"type":"boolean","title":"Express delivery"},
        "priority":{"title":"Priority","oneOf":[{"const":"low","title":"Low"},{"const":"high","title":"High"}],"examples":["high"]},
        "notes":{"type":"string","maxLength":2000,"title":"Notes","description":"Anything the courier should know."},
        "address":{"type":"object","title":"Address","properties":{
            "street":{"type":"string"},"zip":{"type":"string","pattern":"^[0-9]{5}$"}},"required":["street"]},
        "items":{"type":"array","title":"Items","minItems":1,"items":{"type":"object","properties":{
            "sku":{"type":"string"},"count":{"type":"integer"}},"required":["sku"]}},
        "labels":{"type":"object","title":"Labels","additionalProperties":{"type":"string"}},
        "payment":{"title":"Payment","oneOf":[
            {"type":"object","title":"Card","properties":{"method":{"const":"card"},"number":{"type":"string"}},"required":["method","number"]},
            {"type":"object","title":"Invoice","properties":{"method":{"const":"invoice"},"days":{"type":"integer"}},"required":["method"]}]},
        "extra":{"$ref":"https://example.com/extra.json","title":"Extra"},
        "nothing":{"type":"null","title":"Nothing"}},
        "required":["customer","email","items","payment","nothing"]})");
    QVERIFY(show(form, schema));
    form.resize(900, 1400);
    widget<QToolButton>(form, "add:", "/items")->click();
    widget<QToolButton>(form, "add:", "/labels")->click();
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/customer"), QStringLiteral("A"));
    QTest::keyClicks(widget<QLineEdit>(form, "field:", "/address/zip"), QStringLiteral("12a"));
    (void)form.problems();
    QVERIFY(widget<QLineEdit>(form, "field:", "/email"));
    QVERIFY(widget<QToolButton>(form, "picker:", "/due"));
    QVERIFY(widget<QToolButton>(form, "generate:", "/id"));
    QVERIFY(widget<QCheckBox>(form, "null:", "/discount"));
    QVERIFY(widget<QCheckBox>(form, "field:", "/express") || widget<QComboBox>(form, "field:", "/express"));
    QVERIFY(widget<QComboBox>(form, "field:", "/priority"));
    QVERIFY(widget<QToolButton>(form, "examples:", "/priority"));
    QVERIFY(widget<QPlainTextEdit>(form, "field:", "/notes"));
    QVERIFY(widget<QLineEdit>(form, "field:", "/items/0/sku"));
    QVERIFY(widget<QLineEdit>(form, "key:", "/labels/"));
    QVERIFY(widget<QComboBox>(form, "variant:", "/payment"));
    QVERIFY(widget<QPlainTextEdit>(form, "field:", "/extra"));
    QVERIFY(widget<QLabel>(form, "problem:", "/customer"));
    QVERIFY(widget<QLabel>(form, "problem:", "/address/zip"));
    QTRY_VERIFY(widget<QLabel>(form, "problem:", "/address/zip")->isVisible());
    const QImage image = form.grab().toImage();
    QVERIFY(!image.isNull());
    const QString path = qEnvironmentVariable("CROSSTALK_SCHEMAFORM_GRAB");
    if (!path.isEmpty())
        QVERIFY(image.save(path));
}


void TestSchemaForm::helpTextFollowsTheWidth()
{
    // Help is laid out once unwrapped and kept while it fits; narrower, it
    // wraps. Right-to-left help is aligned left like a QLabel's, within
    // the width the label has (not the unbounded width it was measured at).
    OrderedJson schema = {{"type", "object"},
                          {"properties",
                           {{"a", {{"type", "string"}, {"description", "Left to right help that is long enough to wrap when narrow."}}},
                            {"b", {{"type", "string"}, {"description", "\u05e2\u05d6\u05e8\u05d4 \u05de\u05d9\u05de\u05d9\u05df "
                                                                      "\u05dc\u05e9\u05de\u05d0\u05dc \u05d1\u05e2\u05d1\u05e8\u05d9\u05ea"}}}}}};
    SchemaForm form;
    QVERIFY(show(form, schema));
    auto *ltr = widget<QLabel>(form, "help:", "/a");
    auto *rtl = widget<QLabel>(form, "help:", "/b");
    QVERIFY(ltr && rtl);
    const int line = ltr->fontMetrics().lineSpacing();
    QTRY_VERIFY(ltr->height() > 0 && ltr->height() < 2 * line);
    QVERIFY(ltr->heightForWidth(60) >= 3 * line);     // narrow: several lines
    QVERIFY(ltr->heightForWidth(ltr->width()) < 2 * line); // wide again: one
    QVERIFY(rtl->heightForWidth(rtl->width()) < 2 * line);

    // Where the ink is: both texts start at the left.
    const auto inkColumns = [](QLabel *label) {
        const QImage image = label->grab().toImage();
        const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
        const QRgb backgroundLeft = image.pixel(0, image.height() - 1);
        int first = -1;
        int last = -1;
        for (int x = 0; x < image.width(); ++x) {
            for (int y = 0; y < image.height(); ++y) {
                const QRgb p = image.pixel(x, y);
                if (p != background && p != backgroundLeft) {
                    if (first < 0)
                        first = x;
                    last = x;
                    break;
                }
            }
        }
        return std::pair{first, last};
    };
    const auto [ltrFirst, ltrLast] = inkColumns(ltr);
    QVERIFY2(ltrFirst >= 0 && ltrFirst < ltr->width() / 4, qPrintable(QString::number(ltrFirst)));
    const auto [rtlFirst, rtlLast] = inkColumns(rtl);
    QVERIFY2(rtlFirst >= 0 && rtlFirst < rtl->width() / 4 && rtlLast > rtlFirst,
             qPrintable(QStringLiteral("%1..%2 of %3").arg(rtlFirst).arg(rtlLast).arg(rtl->width())));
}

QTEST_MAIN(TestSchemaForm)
#include "tst_schemaform.moc"
