#include "util/JsonWriter.h"

#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>

using crosstalk::JsonWriter;
using crosstalk::jsonString;
using nlohmann::json;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data();
    void escapes();
    void matchesNlohmannOnRandomText();
    void malformedUtf8BecomesReplacement();
    void separatorsAndNesting();
    void writesToAFileInBlocks();
};

void TestJsonWriter::escapes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("hello") << QByteArray(R"("hello")");
    QTest::newRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::newRow("quote and backslash") << QByteArray(R"(a"b\c)") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("short escapes") << QByteArray("\b\f\n\r\t") << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("other controls") << QByteArray("\x01\x1f", 2) << QByteArray(R"("\u0001\u001f")");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray(R"("a\u0000b")");
    QTest::newRow("DEL and beyond pass") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
    QTest::newRow("UTF-8 passes") << QByteArray("gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80") << QByteArray("\"gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80\"");
    QTest::newRow("hidden characters pass (flagged elsewhere)") << QByteArray("\xe2\x80\xae") << QByteArray("\"\xe2\x80\xae\"");
    QTest::newRow("escape after 8-byte runs") << QByteArray("0123456789abcdef\"") << QByteArray(R"("0123456789abcdef\"")");
    QTest::newRow("escape in the tail") << QByteArray("01234567\n") << QByteArray(R"("01234567\n")");
}

void TestJsonWriter::escapes()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(jsonString(text), expected);
}

void TestJsonWriter::matchesNlohmannOnRandomText()
{
    // Random valid UTF-8 with every kind of byte that matters, at every
    // alignment against the 8-byte scan.
    const QList<QByteArray> pieces{"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x82\xac",
                                   "\xf0\x9f\x98\x80", "01234567"};
    QRandomGenerator random(20261121);
    for (int round = 0; round < 2000; ++round) {
        QByteArray text;
        const int count = int(random.bounded(40));
        for (int i = 0; i < count; ++i)
            text += pieces.at(int(random.bounded(qsizetype(pieces.size()))));
        const std::string expected = json(text.toStdString()).dump();
        QCOMPARE(jsonString(text).toStdString(), expected);
    }
}

void TestJsonWriter::malformedUtf8BecomesReplacement()
{
    // A lone continuation byte, a truncated sequence, an overlong form.
    QCOMPARE(jsonString(QByteArray("a\x80z")), QByteArray("\"a\xef\xbf\xbdz\""));
    const QByteArray truncated = jsonString(QByteArray("ab\xe2\x82"));
    QVERIFY(truncated.startsWith("\"ab\xef\xbf\xbd"));
    QVERIFY(json::accept(truncated.toStdString()));
    QVERIFY(json::accept(jsonString(QByteArray("\xc0\xaf\"")).toStdString()));
}

void TestJsonWriter::separatorsAndNesting()
{
    JsonWriter out;
    out.beginObject().key("a").integer(-5).key("b").beginArray();
    out.boolean(true).boolean(false).beginObject().endObject().beginArray().endArray().string(QStringLiteral("x"));
    out.endArray().key("c").value(json{{"k", nullptr}}).key("d").string(QStringLiteral("\u00fc")).endObject();
    QCOMPARE(out.bytes(), QByteArray("{\"a\":-5,\"b\":[true,false,{},[],\"x\"],\"c\":{\"k\":null},\"d\":\"\xc3\xbc\"}"));
    QVERIFY(json::accept(out.bytes().toStdString()));
}

void TestJsonWriter::writesToAFileInBlocks()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    std::FILE *f = fdopen(dup(file.handle()), "w");
    QVERIFY(f);
    const QByteArray chunk(1000, 'x');
    {
        JsonWriter out(f);
        out.beginArray();
        for (int i = 0; i < 500; ++i)
            out.string(chunk);
        // More than a block went out already; less than all of it is held.
        QVERIFY(out.bytes().size() < 70 * 1024);
        out.endArray();
    } // the destructor hands the rest to stdio
    std::fclose(f);
    file.seek(0);
    const QByteArray written = file.readAll();
    const json parsed = json::parse(written.toStdString());
    QCOMPARE(parsed.size(), size_t(500));
    QCOMPARE(parsed.at(499).get<std::string>(), chunk.toStdString());
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
