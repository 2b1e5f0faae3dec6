#include "util/ShellQuote.h"

#include <QTest>

using namespace crosstalk;

class TestShellQuote : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void unclosedQuoteIsNamed();
    void quotedWordsSplitBack_data();
    void quotedWordsSplitBack();
};

void TestShellQuote::split_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringLiteral("npx -y server") << QStringList{QStringLiteral("npx"), QStringLiteral("-y"), QStringLiteral("server")};
    QTest::newRow("blanks") << QStringLiteral("  a \t b  ") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("single quotes keep all") << QStringLiteral("'a \"b\" \\\\ $x'") << QStringList{QStringLiteral("a \"b\" \\\\ $x")};
    QTest::newRow("double quotes escapes") << QStringLiteral("\"a \\\"b\\\" \\\\ \\$x \\n\"")
                                           << QStringList{QStringLiteral("a \"b\" \\ $x \\n")};
    QTest::newRow("backslash outside") << QStringLiteral("my\\ dir x\\'y") << QStringList{QStringLiteral("my dir"), QStringLiteral("x'y")};
    QTest::newRow("adjacent parts") << QStringLiteral("--arg='a b'\"c\"d") << QStringList{QStringLiteral("--arg=a bcd")};
    QTest::newRow("empty word") << QStringLiteral("a '' b") << QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")};
    QTest::newRow("no expansion") << QStringLiteral("$HOME ~ *.js") << QStringList{QStringLiteral("$HOME"), QStringLiteral("~"), QStringLiteral("*.js")};
}

void TestShellQuote::split()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QString error;
    const auto got = splitShellWords(line, &error);
    QVERIFY2(got, qPrintable(error));
    QCOMPARE(*got, words);
}

void TestShellQuote::unclosedQuoteIsNamed()
{
    QString error;
    QVERIFY(!splitShellWords(QStringLiteral("run 'open"), &error));
    QVERIFY2(error.contains(QStringLiteral("'")) && error.contains(QStringLiteral("5")), qPrintable(error));
    QVERIFY(!splitShellWords(QStringLiteral("a \"b"), &error));
    QVERIFY2(error.contains(QStringLiteral("3")), qPrintable(error));
}

void TestShellQuote::quotedWordsSplitBack_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("specials") << QStringList{QStringLiteral("it's"), QStringLiteral("a b"), QStringLiteral("$x"), QStringLiteral("\"q\""), QString()};
    QTest::newRow("unicode") << QStringList{QStringLiteral("größe"), QStringLiteral("日本 語")};
}

void TestShellQuote::quotedWordsSplitBack()
{
    QFETCH(QStringList, words);
    for (const ShellQuoting quoting : {ShellQuoting::Needed, ShellQuoting::Always}) {
        const auto back = splitShellWords(shellCommandLine(words, quoting));
        QVERIFY(back);
        QCOMPARE(*back, words);
    }
}

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
