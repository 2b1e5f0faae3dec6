// The sidebar and its model: the workspace's agents and MCP servers grouped,
// under QAbstractItemModelTester; an agent added through the dialog is
// fetched from a real @a2a-js/sdk agent and shown connected with its card's
// name; an agent that cannot be reached shows the reason in its tooltip.
#include "AddAgentDialog.h"
#include "ConnectionsSidebar.h"
#include "WorkspaceModel.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include "PeerProcess.h"
#include "TestPaths.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace crosstalk;
using workspace::Connection;
using workspace::ConnectionStates;

namespace {

Connection agentAt(const QUrl &url, const QString &name = {})
{
    Connection c;
    c.url = url;
    c.name = name;
    return c;
}

Connection stdioServer(const QString &command)
{
    Connection c;
    c.kind = Connection::Kind::McpServer;
    c.command = command;
    return c;
}

/// A port on 127.0.0.1 that nothing listens on.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort(); // closed again when probe goes
}

} // namespace

class TestConnectionsSidebar : public QObject
{
    Q_OBJECT

private slots:
    void modelGroupsAndChanges();
    void addAgentThroughTheDialog();
    void unreachableAgentSaysWhy();
};

void TestConnectionsSidebar::modelGroupsAndChanges()
{
    workspace::Workspace w;
    ConnectionStates states(&w, nullptr);
    ui::WorkspaceModel model(&w, &states);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Agents (0)"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("MCP servers (0)"));

    const QString a = w.add(agentAt(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())), QStringLiteral("First")));
    const QString s = w.add(stdioServer(QStringLiteral("mcp-server-everything")));
    const QString b = w.add(agentAt(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())), QStringLiteral("Second <b>x</b>\u202E")));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Agents (2)"));
    QCOMPARE(model.indexOf(b).row(), 1);
    QCOMPARE(model.indexOf(s).data().toString(), QStringLiteral("mcp-server-everything"));
    QCOMPARE(model.indexOf(s).data(ui::WorkspaceModel::StateRole).toInt(), int(ConnectionStates::State::Idle));
    // Peer-controlled text: hidden characters made visible, markup escaped
    // in the (rich text) tooltip.
    QVERIFY(model.indexOf(b).data().toString().contains(QLatin1String("U+202E")));
    QVERIFY(model.indexOf(b).data(Qt::ToolTipRole).toString().contains(QLatin1String("&lt;b&gt;")));

    QVERIFY(w.remove(a));
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    QCOMPARE(model.indexOf(b).row(), 0);
    w.reset({});
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestConnectionsSidebar::addAgentThroughTheDialog()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    test::PeerProcess agent;
    QVERIFY2(agent.start(QStringLiteral("a2a/test-agent.mjs")), qPrintable(agent.errorString()));

    workspace::Workspace w;
    ConnectionStates states(&w, nullptr);
    ui::ConnectionsSidebar sidebar(&w, &states);
    QAbstractItemModelTester tester(sidebar.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));

    QTest::mouseClick(sidebar.findChild<QToolButton *>(QStringLiteral("addAgentButton")), Qt::LeftButton);
    auto *dialog = sidebar.findChild<ui::AddAgentDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *urlEdit = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(urlEdit, QStringLiteral("ftp://nope"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("problemLabel"))->text().contains(QLatin1String("ftp")));
    // For people to look at: CROSSTALK_SCREENSHOT_DIR keeps a picture.
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/add-agent-dialog.png")));
    }
    urlEdit->clear();
    QTest::keyClicks(urlEdit, agent.url().toString());
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    QCOMPARE(w.connections().size(), 1);
    const QString id = w.connections().first().id;
    const QModelIndex index = sidebar.model()->indexOf(id);
    QCOMPARE(sidebar.view()->currentIndex(), index);
    QCOMPARE(sidebar.currentId(), id);
    QTRY_COMPARE_WITH_TIMEOUT(index.data(ui::WorkspaceModel::StateRole).toInt(), int(ConnectionStates::State::Connected), 15000);
    // Unnamed, it takes its card's name.
    QCOMPARE(index.data().toString(), states.status(id).card->card->name);
    QVERIFY(!index.data().toString().isEmpty());

    // Removing it through the sidebar.
    QTest::mouseClick(sidebar.findChild<QToolButton *>(QStringLiteral("removeConnectionButton")), Qt::LeftButton);
    QVERIFY(w.connections().isEmpty());
}

void TestConnectionsSidebar::unreachableAgentSaysWhy()
{
    workspace::Workspace w;
    ConnectionStates states(&w, nullptr);
    ui::WorkspaceModel model(&w, &states);
    const QString id = w.add(agentAt(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()))));
    QTRY_COMPARE_WITH_TIMEOUT(model.indexOf(id).data(ui::WorkspaceModel::StateRole).toInt(), int(ConnectionStates::State::Error), 15000);
    const QString tip = model.indexOf(id).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("error: ")) && tip.size() > 40, qPrintable(tip));
}

QTEST_MAIN(TestConnectionsSidebar)
#include "tst_connectionssidebar.moc"
