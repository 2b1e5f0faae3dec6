#include "AboutDialog.h"
#include "MainWindow.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"
#include "TestPaths.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using crosstalk::ui::AboutDialog;
using crosstalk::ui::MainWindow;

namespace {

/// A window's workspace, kept in memory.
struct Services
{
    crosstalk::workspace::Workspace workspace;
    crosstalk::workspace::ConnectionStates states{&workspace, nullptr};
    crosstalk::ui::WorkspaceServices all() { return {&workspace, &states, nullptr}; }
};

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

QString closeButtonText()
{
    AboutDialog dialog;
    auto *closeButton = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
    return closeButton ? closeButton->text() : QString();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void german_data();
    void german();
    void englishNeedsNoTranslator();
    void catalogueIsComplete();
};

void TestTranslations::cleanup()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestTranslations::german_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("de") << QLocale(QLocale::German);
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("de_AT falls back to de") << QLocale(QLocale::German, QLocale::Austria);
    QTest::newRow("de_CH falls back to de") << QLocale(QLocale::German, QLocale::Switzerland);
}

void TestTranslations::german()
{
    QFETCH(QLocale, locale);

    crosstalk::installTranslators(*qApp, locale);
    QCOMPARE(qApp->findChildren<QTranslator *>().size(), 2); // qtbase and crosstalk

    // Crosstalk's own strings.
    Services services;
    MainWindow window(services.all());
    QCOMPARE(menuTitles(window), (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe") }));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("quitAction"))->text(), QStringLiteral("&Beenden"));

    // Qt's own strings, from qtbase_de.
    QCOMPARE(closeButtonText(), QStringLiteral("Schließen"));
}

void TestTranslations::englishNeedsNoTranslator()
{
    crosstalk::installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    Services services;
    MainWindow window(services.all());
    QCOMPARE(menuTitles(window), (QStringList { QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help") }));
    QCOMPARE(closeButtonText(), QStringLiteral("Close"));
}

void TestTranslations::catalogueIsComplete()
{
    // Every message in the German catalogue has a finished translation.
    QFile file(crosstalk::test::sourceDir() + QStringLiteral("/translations/crosstalk_de.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));

    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    int messages = 0;
    QStringList unfinished;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1StringView("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1StringView("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1StringView("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1StringView("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty() || text.isEmpty())
                unfinished << context + QStringLiteral(": ") + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 0);
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
