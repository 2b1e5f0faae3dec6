#include "AboutDialog.h"
#include "AgentCardView.h"
#include "PeerProcess.h"
#include "TrafficInspector.h"
#include "TrafficModel.h"
#include "traffic/TrafficLog.h"
#include "TestPaths.h"
#include "ConnectionsSidebar.h"
#include "MainWindow.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <memory>

using crosstalk::ui::AboutDialog;
using crosstalk::ui::MainWindow;

namespace {

/// A window's workspace, kept in memory (nothing saved).
struct Services
{
    crosstalk::workspace::Workspace workspace;
    crosstalk::workspace::ConnectionStates states{&workspace, nullptr};
    crosstalk::ui::WorkspaceServices all() { return {&workspace, &states, nullptr}; }
};

QMenu *menuNamed(const MainWindow &window, const QString &objectName)
{
    return window.menuBar()->findChild<QMenu *>(objectName);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void titleAndIcon();
    void menus();
    void placeholder();
    void aboutActionOpensDialog();
    void aboutQtActionShowsQtsBox();
    void quitActionClosesWindow();
    void geometryRoundTrips();
    void selectedAgentShowsItsCard();
};

void TestMainWindow::initTestCase()
{
    // Settings go to a throw-away location, never to the developer's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Crosstalk"));
    QCoreApplication::setApplicationName(QStringLiteral("Crosstalk"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::titleAndIcon()
{
    Services services;
    MainWindow window(services.all());
    QCOMPARE(window.windowTitle(), QStringLiteral("Crosstalk"));
    QVERIFY(!window.windowIcon().isNull());
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
}

void TestMainWindow::menus()
{
    Services services;
    MainWindow window(services.all());

    const QList<QAction *> topLevel = window.menuBar()->actions();
    QCOMPARE(topLevel.size(), 3);
    QCOMPARE(topLevel.at(0)->text(), QStringLiteral("&File"));
    QCOMPARE(topLevel.at(1)->text(), QStringLiteral("&View"));
    QCOMPARE(topLevel.at(2)->text(), QStringLiteral("&Help"));

    QMenu *fileMenu = menuNamed(window, QStringLiteral("fileMenu"));
    QVERIFY(fileMenu);
    QCOMPARE(fileMenu->menuAction(), topLevel.at(0));
    auto *quitAction = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quitAction);
    QVERIFY(fileMenu->actions().contains(quitAction));
    QCOMPARE(quitAction->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    for (const char *name : {"addAgentAction", "importAction", "exportAction"}) {
        auto *action = window.findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action && fileMenu->actions().contains(action), name);
    }
    // Without a store there is nothing to import into or export from.
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("importAction"))->isEnabled());

    QMenu *helpMenu = menuNamed(window, QStringLiteral("helpMenu"));
    QVERIFY(helpMenu);
    QCOMPARE(helpMenu->menuAction(), topLevel.at(2));
    auto *aboutAction = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    auto *aboutQtAction = window.findChild<QAction *>(QStringLiteral("aboutQtAction"));
    QVERIFY(aboutAction);
    QVERIFY(aboutQtAction);
    QCOMPARE(helpMenu->actions(), (QList<QAction *> { aboutAction, aboutQtAction }));
    QCOMPARE(aboutAction->text(), QStringLiteral("&About Crosstalk"));
    QCOMPARE(aboutQtAction->text(), QStringLiteral("About &Qt"));

    QVERIFY(window.findChild<QStatusBar *>());
}

void TestMainWindow::placeholder()
{
    Services services;
    MainWindow window(services.all());
    auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
    QVERIFY(stack);
    QWidget *central = stack->currentWidget();
    QCOMPARE(central->objectName(), QStringLiteral("placeholderWidget"));

    auto *titleLabel = central->findChild<QLabel *>(QStringLiteral("placeholderTitleLabel"));
    QVERIFY(titleLabel);
    QCOMPARE(titleLabel->text(), QStringLiteral("No connections yet"));
    auto *textLabel = central->findChild<QLabel *>(QStringLiteral("placeholderTextLabel"));
    QVERIFY(textLabel);
    QVERIFY(textLabel->text().contains(QStringLiteral("MCP servers")));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(titleLabel->isVisible());
    QVERIFY(textLabel->isVisible());

    // With a connection, the placeholder points at the sidebar.
    crosstalk::workspace::Connection agent;
    agent.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
    services.workspace.add(agent);
    QCOMPARE(titleLabel->text(), QStringLiteral("Choose a connection"));
    QVERIFY(window.sidebar()->isVisible());
}

void TestMainWindow::aboutActionOpensDialog()
{
    Services services;
    MainWindow window(services.all());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<AboutDialog *>());

    auto *aboutAction = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(aboutAction);
    aboutAction->trigger();

    // The dialog is not modal: trigger() has returned and the dialog is up.
    QPointer<AboutDialog> dialog = window.findChild<AboutDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->isModal());

    // A second request brings back the same dialog instead of opening another.
    aboutAction->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);
    QCOMPARE(window.findChild<AboutDialog *>(), dialog.data());

    dialog->close();
    QTRY_VERIFY(dialog.isNull());
    aboutAction->trigger();
    QVERIFY(window.findChild<AboutDialog *>());
}

void TestMainWindow::aboutQtActionShowsQtsBox()
{
    Services services;
    MainWindow window(services.all());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *aboutQtAction = window.findChild<QAction *>(QStringLiteral("aboutQtAction"));
    QVERIFY(aboutQtAction);

    // QApplication::aboutQt() is modal: close it from the event loop it runs.
    auto shownTitle = std::make_shared<QString>();
    QTimer::singleShot(0, this, [shownTitle] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *shownTitle = box->windowTitle();
            box->close();
        }
    });
    aboutQtAction->trigger();
    QVERIFY2(shownTitle->contains(QStringLiteral("Qt")), qPrintable(*shownTitle));
}

void TestMainWindow::quitActionClosesWindow()
{
    Services services;
    MainWindow window(services.all());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!QSettings().contains(QStringLiteral("mainWindow/geometry")));

    window.findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    QVERIFY(!window.isVisible());
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/state")));
}

void TestMainWindow::geometryRoundTrips()
{
    const QRect placed(120, 90, 700, 460);
    {
        Services services;
        MainWindow window(services.all());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setGeometry(placed);
        QTRY_COMPARE(window.geometry(), placed);
        window.close();
    }
    {
        Services services;
        MainWindow window(services.all());
        QCOMPARE(window.size(), placed.size());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.geometry(), placed);
    }
}

void TestMainWindow::selectedAgentShowsItsCard()
{
    if (const QString reason = crosstalk::test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    crosstalk::test::PeerProcess agent;
    QVERIFY2(agent.start(QStringLiteral("a2a/test-agent.mjs")), qPrintable(agent.errorString()));
    // With a traffic log: the inspector dock lists the card's fetch.
    crosstalk::traffic::TrafficLog traffic;
    crosstalk::workspace::Workspace workspace;
    crosstalk::workspace::ConnectionStates states(&workspace, &traffic);
    struct
    {
        crosstalk::workspace::Workspace &workspace;
        crosstalk::workspace::ConnectionStates &states;
    } services{workspace, states};
    MainWindow window({&workspace, &states, nullptr, &traffic});
    QVERIFY(window.trafficInspector());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy analysed(window.cardView(), &crosstalk::ui::AgentCardView::analysed);
    crosstalk::workspace::Connection c;
    c.url = agent.url();
    const QString id = services.workspace.add(c);
    auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
    QVERIFY(window.sidebar()->select(id));
    // Shown once its card has been read.
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget(), static_cast<QWidget *>(window.agentTabs()), 15000);
    QCOMPARE(window.agentTabs()->currentWidget(), static_cast<QWidget *>(window.cardView()));
    // Without agent sessions there is nothing to talk to: the card alone.
    QVERIFY(!window.agentTabs()->isTabEnabled(1));
    QVERIFY(!window.agentTabs()->isTabEnabled(2));
    QVERIFY(!analysed.isEmpty() || analysed.wait(5000));
    const QString name = services.states.status(id).card->card->name;
    bool shown = false;
    for (QLabel *label : window.cardView()->findChildren<QLabel *>())
        shown = shown || label->text() == name;
    QVERIFY2(shown, qPrintable(name));
    QTRY_VERIFY(window.trafficInspector()->model()->rowCount() >= 2); // the card's GET and its answer
    QCOMPARE(window.trafficInspector()->model()->entryAt(0)->connection, id);
    // Removing it leaves the placeholder.
    QVERIFY(services.workspace.remove(id));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderWidget"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
