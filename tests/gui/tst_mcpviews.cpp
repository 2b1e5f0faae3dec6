// The MCP views of the main window against real servers run over stdio: the
// official reference server (@modelcontextprotocol/server-everything) and a
// small server with odd tools (tests/peers/mcp/odd-tools.cjs). The command is
// confirmed before it runs; the overview shows what the server is; a tool is
// chosen, its form filled by typing, run with Ctrl+Enter, and its result,
// history and crosstalk-cli command checked; a tool failure, a protocol
// error and progress are shown apart; markup and hidden characters in tool
// text stay literal, with a warning. With CROSSTALK_SCREENSHOT_DIR set it
// keeps a picture of each view (tools/screenshots.sh).
#include "ConnectionsSidebar.h"
#include "MainWindow.h"
#include "McpResultView.h"
#include "McpArgumentsForm.h"
#include "McpImportDialog.h"
#include "McpPromptsView.h"
#include "McpResourcesView.h"
#include "McpRequestHandler.h"
#include "McpServerDialog.h"
#include "McpServerView.h"
#include "McpToolListModel.h"
#include "McpToolsView.h"
#include "SchemaForm.h"
#include "Translations.h"
#include "mcp/McpSession.h"
#include "traffic/TrafficLog.h"
#include "workspace/ConnectionStates.h"
#include "workspace/McpSessions.h"
#include "workspace/WorkspaceStore.h"
#include "workspace/Workspace.h"

#include "TestPaths.h"

#include <QComboBox>
#include <QDialog>
#include <QListWidget>
#include <QFile>
#include <QDialogButtonBox>
#include <QLabel>
#include <QTableWidget>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

using namespace crosstalk;

namespace {

const QString everythingId = QStringLiteral("everything");
const QString oddId = QStringLiteral("odd");

/// Every piece of text the widgets under `root` show.
QString shownText(const QWidget *root)
{
    QStringList parts;
    for (const QLabel *label : root->findChildren<QLabel *>())
        if (label->isVisibleTo(root->window()))
            parts << label->text();
    for (const QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>())
        parts << edit->toPlainText();
    for (const QTextEdit *edit : root->findChildren<QTextEdit *>())
        parts << edit->toPlainText();
    return parts.join(QLatin1Char('\n'));
}

} // namespace

class TestMcpViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void commandIsConfirmedBeforeItRuns();
    void overviewShowsTheServer();
    void toolCallEndToEnd();
    void historyIsBoundedByMemory();
    void runWaitsForValidArguments();
    void searchFiltersTools();
    void toolTextStaysLiteral();
    void toolFailureIsNotAProtocolError();
    void progressIsShown();
    void resourceLinkIsRead();
    void resourcesAndTemplatesAreRead();
    void promptsWithCompletion();
    void elicitationIsAnswered();
    void elicitationIsDeclined();
    void samplingIsAnsweredByHand();
    void urlElicitationAsksBeforeOpening();
    void rootsReachTheServer();
    void serverDialogAddsAndEdits();
    void importIsReviewedFirst();

private:
    void shoot(const QString &name);
    void connectServer(const QString &id);
    bool call(ui::McpToolsView *tools, const QString &tool);

    QTemporaryDir m_dir;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<traffic::TrafficLog> m_traffic;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<ui::McpRequestHandler> m_requests;
    std::unique_ptr<workspace::McpSessions> m_servers;
    std::unique_ptr<workspace::WorkspaceStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    QStringList m_asked;
    QList<QUrl> m_opened;
    bool m_answer = true;
};

void TestMcpViews::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    if (const QString locale = qEnvironmentVariable("CROSSTALK_SCREENSHOT_LOCALE"); !locale.isEmpty())
        installTranslators(*qApp, QLocale(locale));
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QSettings().clear();

    const QString peers = test::peersDir();
    workspace::WorkspaceData data;
    data.name = QStringLiteral("MCP views");
    workspace::Connection everything;
    everything.id = everythingId;
    everything.kind = workspace::Connection::Kind::McpServer;
    everything.name = QStringLiteral("Reference server");
    everything.command = test::nodeProgram();
    everything.arguments = {QStringLiteral("--require"), peers + QStringLiteral("/loopback.cjs"),
                            peers + QStringLiteral("/node_modules/@modelcontextprotocol/server-everything/dist/index.js")};
    workspace::Connection odd;
    odd.id = oddId;
    odd.kind = workspace::Connection::Kind::McpServer;
    odd.name = QStringLiteral("Odd tools");
    odd.command = test::nodeProgram();
    odd.arguments = {peers + QStringLiteral("/mcp/odd-tools.cjs")};
    data.connections = {everything, odd};

    m_workspace = std::make_unique<workspace::Workspace>();
    m_traffic = std::make_unique<traffic::TrafficLog>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_traffic.get());
    m_requests = std::make_unique<ui::McpRequestHandler>(m_workspace.get());
    m_requests->setUrlOpener([this](const QUrl &url) { m_opened << url; });
    m_servers = std::make_unique<workspace::McpSessions>(m_workspace.get(), m_states.get(), m_traffic.get(), m_requests.get());
    m_servers->setCloseGraceMs(300);
    // Never loaded, so never saved: it only reads the files imported.
    m_store = std::make_unique<workspace::WorkspaceStore>(m_workspace.get(), m_dir.filePath(QStringLiteral("workspace.json")));
    m_window = std::make_unique<ui::MainWindow>(
        ui::WorkspaceServices{m_workspace.get(), m_states.get(), m_store.get(), m_traffic.get(), nullptr, m_servers.get(),
                              m_requests.get()});
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_workspace->reset(data);
    QVERIFY(m_window->serverView());
    m_window->serverView()->setConfirmation([this](QWidget *, const QString &details, std::function<void(bool)> answer) {
        m_asked << details;
        answer(m_answer);
    });
}

void TestMcpViews::cleanupTestCase()
{
    m_window.reset();
    m_store.reset();
    m_servers.reset(); // stops the servers
    m_requests.reset();
    m_states.reset();
    m_traffic.reset();
    m_workspace.reset();
}

void TestMcpViews::shoot(const QString &name)
{
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name));
    }
}

void TestMcpViews::connectServer(const QString &id)
{
    QVERIFY(m_window->sidebar()->select(id));
    ui::McpServerView *view = m_window->serverView();
    QCOMPARE(view->serverId(), id);
    if (m_servers->isReady(id))
        return;
    m_answer = true;
    view->findChild<QPushButton *>(QStringLiteral("connectButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->isReady(id), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(view->toolsView()->toolModel()->rowCount() > 0, 15000);
}

bool TestMcpViews::call(ui::McpToolsView *tools, const QString &tool)
{
    if (!tools->selectTool(tool))
        return false;
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    if (!tools->run())
        return false;
    return finished.wait(20000);
}

void TestMcpViews::commandIsConfirmedBeforeItRuns()
{
    QVERIFY(m_window->sidebar()->select(everythingId));
    ui::McpServerView *view = m_window->serverView();
    QVERIFY(view->isVisible());
    auto *connectButton = view->findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(connectButton && connectButton->isEnabled());

    // Refused: nothing runs.
    m_answer = false;
    connectButton->click();
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked.first().contains(QStringLiteral("server-everything/dist/index.js")));
    QVERIFY(m_asked.first().contains(QStringLiteral("loopback.cjs")));
    QVERIFY(!m_servers->session(everythingId));
    QCOMPARE(m_states->status(everythingId).state, workspace::ConnectionStates::State::Idle);

    // Confirmed: it runs, and is not asked about again in this run.
    m_answer = true;
    connectButton->click();
    QCOMPARE(m_asked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->isReady(everythingId), 30000);
    QCOMPARE(m_states->status(everythingId).state, workspace::ConnectionStates::State::Connected);
    QVERIFY(!connectButton->isEnabled());

    view->findChild<QPushButton *>(QStringLiteral("disconnectButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_states->status(everythingId).state, workspace::ConnectionStates::State::Idle, 10000);
    QVERIFY(!m_servers->session(everythingId));
    QTRY_VERIFY(connectButton->isEnabled());
    connectButton->click();
    QCOMPARE(m_asked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->isReady(everythingId), 30000);
}

void TestMcpViews::overviewShowsTheServer()
{
    connectServer(everythingId);
    ui::McpServerView *view = m_window->serverView();
    view->tabs()->setCurrentIndex(0);
    mcp::McpSession *session = m_servers->session(everythingId);
    QVERIFY(session);
    QTRY_COMPARE(view->findChild<QLabel *>(QStringLiteral("protocolVersionLabel"))->text(), session->protocolVersion());
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("transportLabel"))->text(), QStringLiteral("stdio"));
    const QString serverInfo = view->findChild<QLabel *>(QStringLiteral("serverInfoLabel"))->text();
    QVERIFY2(serverInfo.contains(QStringLiteral("everything"), Qt::CaseInsensitive), qPrintable(serverInfo));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("capabilitiesLabel"))->text().contains(QStringLiteral("tools")));
    QVERIFY(view->stderrConsole()->isVisibleTo(view));
    shoot(QStringLiteral("mcp-overview.png"));
}

void TestMcpViews::toolCallEndToEnd()
{
    connectServer(everythingId);
    ui::McpServerView *view = m_window->serverView();
    ui::McpToolsView *tools = view->toolsView();
    view->tabs()->setCurrentWidget(tools);
    QTRY_VERIFY(tools->toolModel()->rowCount() >= 10);
    QVERIFY(tools->selectTool(QStringLiteral("echo")));
    auto *message = tools->form()->findChild<QLineEdit *>(QStringLiteral("field:/message"));
    QVERIFY(message);
    message->setFocus();
    QTest::keyClicks(message, QStringLiteral("hello crosstalk"));
    QTRY_VERIFY(tools->form()->isValid());
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    QTest::keyClick(message, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("echo"));
    QVERIFY(finished.first().at(1).value<mcp::McpError>().ok());
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("Echo: hello crosstalk")));

    auto *history = tools->findChild<QTreeWidget *>(QStringLiteral("callHistory"));
    QCOMPARE(history->topLevelItemCount(), 1);
    const QString command = tools->cliCommand();
    QVERIFY2(command.startsWith(QStringLiteral("crosstalk-cli mcp call echo --args ")), qPrintable(command));
    QVERIFY(command.contains(QStringLiteral("{\"message\":\"hello crosstalk\"}")));
    QVERIFY(command.contains(QStringLiteral(" -- ")));

    // The call is in the traffic, under the server's id.
    bool recorded = false;
    for (int i = 0; i < m_traffic->size(); ++i) {
        const traffic::TrafficEntry &entry = m_traffic->at(i);
        recorded = recorded || (entry.connection == everythingId && entry.rpc.method == QLatin1String("tools/call"));
    }
    QVERIFY(recorded);
    shoot(QStringLiteral("mcp-tools.png"));

    // Run again from the history: a second entry with the same arguments.
    history->setCurrentItem(history->topLevelItem(0));
    auto *rerun = tools->findChild<QPushButton *>(QStringLiteral("rerunButton"));
    QVERIFY(rerun->isEnabled());
    rerun->click();
    QVERIFY(finished.wait(20000));
    QCOMPARE(history->topLevelItemCount(), 2);
}

void TestMcpViews::historyIsBoundedByMemory()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    m_window->serverView()->tabs()->setCurrentWidget(tools);
    QVERIFY(tools->selectTool(QStringLiteral("echo")));
    auto *history = tools->findChild<QTreeWidget *>(QStringLiteral("callHistory"));
    auto *message = tools->form()->findChild<QLineEdit *>(QStringLiteral("field:/message"));
    QVERIFY(history && message);
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    const auto echo = [&](const QString &text) {
        message->clear();
        QTest::keyClicks(message, text);
        if (!QTest::qWaitFor([&] { return tools->form()->isValid(); }, 5000))
            return false;
        const qsizetype before = finished.size();
        return tools->run() && QTest::qWaitFor([&] { return finished.size() > before; }, 20000);
    };
    QVERIFY(echo(QStringLiteral("first")));
    QVERIFY(history->topLevelItemCount() >= 1);
    const qint64 one = tools->historyBytes();
    QVERIFY2(one > 0, "a result takes memory");

    // Room for about one result: only the newest call stays, of any tool.
    tools->setMaxHistoryBytes(1);
    QCOMPARE(history->topLevelItemCount(), 1);
    QVERIFY(echo(QStringLiteral("second")));
    QCOMPARE(history->topLevelItemCount(), 1);
    QVERIFY(history->topLevelItem(0)->text(3).contains(QStringLiteral("second")));
    QVERIFY(tools->historyBytes() > 1); // the newest is kept even so
    QVERIFY(shownText(tools->resultView()).contains(QStringLiteral("Echo: second")));

    tools->setMaxHistoryBytes(ui::McpToolsView::DefaultHistoryBytes);
    QVERIFY(echo(QStringLiteral("third")));
    QCOMPARE(history->topLevelItemCount(), 2);
    QVERIFY(history->topLevelItem(0)->text(3).contains(QStringLiteral("third")));
}

void TestMcpViews::runWaitsForValidArguments()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    m_window->serverView()->tabs()->setCurrentWidget(tools);
    QVERIFY(tools->selectTool(QStringLiteral("get-sum")));
    auto *run = tools->findChild<QPushButton *>(QStringLiteral("runButton"));
    auto *a = tools->form()->findChild<QLineEdit *>(QStringLiteral("field:/a"));
    auto *b = tools->form()->findChild<QLineEdit *>(QStringLiteral("field:/b"));
    QVERIFY(a && b);
    a->clear();
    b->clear();
    QTest::keyClicks(a, QStringLiteral("2"));
    QTest::keyClicks(b, QStringLiteral("x"));
    QTRY_VERIFY(!tools->form()->isValid());
    QVERIFY(!run->isEnabled());
    QVERIFY(!tools->run());
    b->clear();
    QTest::keyClicks(b, QStringLiteral("3"));
    QTRY_VERIFY(run->isEnabled());
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    run->click();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("5")));
}

void TestMcpViews::searchFiltersTools()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    auto *search = tools->findChild<QLineEdit *>(QStringLiteral("toolSearchEdit"));
    const int all = tools->toolModel()->rowCount();
    QTest::keyClicks(search, QStringLiteral("SUM"));
    QTRY_VERIFY(tools->filterModel()->rowCount() < all);
    QVERIFY(tools->filterModel()->rowCount() >= 1);
    bool hasSum = false;
    for (int row = 0; row < tools->filterModel()->rowCount(); ++row) {
        const QModelIndex index = tools->filterModel()->index(row, 0);
        QVERIFY(index.data(ui::McpToolListModel::SearchRole).toString().contains(QStringLiteral("sum"), Qt::CaseInsensitive));
        hasSum = hasSum || index.data(ui::McpToolListModel::NameRole).toString() == QLatin1String("get-sum");
    }
    QVERIFY(hasSum);
    search->clear();
    QCOMPARE(tools->filterModel()->rowCount(), all);
}

void TestMcpViews::toolTextStaysLiteral()
{
    connectServer(oddId);
    ui::McpServerView *view = m_window->serverView();
    ui::McpToolsView *tools = view->toolsView();
    view->tabs()->setCurrentWidget(tools);
    QVERIFY(tools->selectTool(QStringLiteral("show\u202Eevil")));
    // Nothing of the other server's calls is left on show.
    QVERIFY(!shownText(tools->resultView()).contains(QStringLiteral("The sum of")));
    QVERIFY(tools->findChild<QLabel *>(QStringLiteral("progressLabel"))->text().isEmpty());
    const QModelIndex index = tools->toolModel()->index(tools->toolModel()->rowOf(QStringLiteral("show\u202Eevil")));
    QVERIFY(index.data(ui::McpToolListModel::HiddenRole).toBool());
    // The description's tooltip shows the markup as text, never as rich text.
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("&lt;a href=")) && !tip.contains(QStringLiteral("<a href")), qPrintable(tip));
    auto *title = tools->findChild<QLabel *>(QStringLiteral("toolTitleLabel"));
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QVERIFY(title->text().contains(QStringLiteral("<b>Bold</b> <img src=")));
    auto *name = tools->findChild<QLabel *>(QStringLiteral("toolNameLabel"));
    QVERIFY2(name->text().contains(QStringLiteral("⟦U+202E⟧")), qPrintable(name->text()));
    auto *description = tools->findChild<QLabel *>(QStringLiteral("toolDescriptionLabel"));
    QCOMPARE(description->textFormat(), Qt::PlainText);
    QVERIFY(description->text().contains(QStringLiteral("<a href=")));
    QVERIFY(description->text().contains(QStringLiteral("⟦U+200B⟧")));
    QVERIFY(tools->findChild<QLabel *>(QStringLiteral("hiddenCharactersWarning"))->isVisibleTo(tools));
    QVERIFY(tools->findChild<QLabel *>(QStringLiteral("toolBadgesLabel"))->text().contains(ui::McpToolListModel::tr("read-only")));
    // The instructions too are plain text with the marker.
    QVERIFY(view->findChild<QPlainTextEdit *>(QStringLiteral("instructionsView"))->toPlainText().contains(QStringLiteral("⟦U+202E⟧")));
    shoot(QStringLiteral("mcp-hidden.png"));
}

void TestMcpViews::toolFailureIsNotAProtocolError()
{
    connectServer(oddId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    ui::McpResultView *result = tools->resultView();
    const auto shown = [result](const char *name) {
        const auto *w = result->findChild<QWidget *>(QString::fromLatin1(name));
        return w && w->isVisibleTo(result);
    };
    QVERIFY(call(tools, QStringLiteral("fail")));
    QTRY_VERIFY(shown("toolFailureBanner"));
    QVERIFY(!shown("errorBanner"));
    QVERIFY(shownText(result).contains(QStringLiteral("The disk is full.")));
    auto *history = tools->findChild<QTreeWidget *>(QStringLiteral("callHistory"));
    QCOMPARE(history->topLevelItem(0)->text(1), ui::McpToolsView::tr("tool failure"));

    QVERIFY(call(tools, QStringLiteral("refuse")));
    QTRY_VERIFY(shown("errorBanner"));
    QVERIFY(!shown("toolFailureBanner"));
    QVERIFY(shownText(result).contains(QStringLiteral("-32602")));
    QVERIFY(shownText(result).contains(QStringLiteral("Refused: no calls today")));
    QVERIFY(history->topLevelItem(0)->text(1).contains(QStringLiteral("Refused: no calls today")));
}

void TestMcpViews::progressIsShown()
{
    connectServer(oddId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    QVERIFY(tools->selectTool(QStringLiteral("slow")));
    auto *progress = tools->findChild<QProgressBar *>(QStringLiteral("callProgress"));
    auto *label = tools->findChild<QLabel *>(QStringLiteral("progressLabel"));
    auto *cancel = tools->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    QVERIFY(tools->run());
    QVERIFY(tools->isRunning());
    QVERIFY(cancel->isEnabled());
    QVERIFY(progress->isVisibleTo(tools));
    QTRY_VERIFY(label->text().contains(QStringLiteral("step ")));
    QTRY_VERIFY(progress->maximum() == 1000 && progress->value() > 0);
    QVERIFY(finished.wait(20000));
    QVERIFY(!progress->isVisibleTo(tools));
    QVERIFY(!cancel->isEnabled());
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("done after 3 steps")));
}

void TestMcpViews::resourceLinkIsRead()
{
    connectServer(everythingId);
    ui::McpServerView *view = m_window->serverView();
    ui::McpToolsView *tools = view->toolsView();
    view->tabs()->setCurrentWidget(tools);
    QVERIFY(tools->selectTool(QStringLiteral("get-resource-links")));
    QVERIFY(call(tools, QStringLiteral("get-resource-links")));
    QPushButton *read = nullptr;
    QTRY_VERIFY((read = tools->resultView()->findChild<QPushButton *>(QStringLiteral("readButton:1"))));
    QSignalSpy requested(tools, &ui::McpToolsView::resourceRequested);
    read->click();
    QCOMPARE(requested.size(), 1);
    const QString uri = requested.first().first().toString();
    QVERIFY2(uri.startsWith(QStringLiteral("demo://")), qPrintable(uri));
    QDialog *window = nullptr;
    QTRY_VERIFY((window = view->findChild<QDialog *>(QStringLiteral("resourceWindow"))));
    auto *resource = window->findChild<ui::McpResultView *>(QStringLiteral("resourceView"));
    QVERIFY(resource);
    // The server's answer to resources/read is shown: its uri and content.
    QTRY_VERIFY_WITH_TIMEOUT(shownText(resource).contains(uri), 10000);
    window->close();
}

void TestMcpViews::resourcesAndTemplatesAreRead()
{
    connectServer(everythingId);
    ui::McpServerView *view = m_window->serverView();
    ui::McpResourcesView *resources = view->resourcesView();
    view->tabs()->setCurrentWidget(resources);
    QTRY_VERIFY(resources->select(QStringLiteral("demo://resource/static/document/features.md")));
    QSignalSpy read(resources, &ui::McpResourcesView::readFinished);
    QVERIFY(resources->read());
    QVERIFY(read.wait(15000));
    QTRY_VERIFY(shownText(resources->resultView()).contains(QStringLiteral("features.md")));
    QVERIFY(shownText(resources->resultView()).size() > 200); // the document itself

    // A template: its variable filled in, with the server's suggestion.
    QVERIFY(resources->select(QStringLiteral("demo://resource/dynamic/text/{resourceId}")));
    auto *id = resources->templateForm()->findChild<QLineEdit *>(QStringLiteral("argument:resourceId"));
    QVERIFY(id);
    auto *readButton = resources->findChild<QPushButton *>(QStringLiteral("readResourceButton"));
    QVERIFY(!readButton->isEnabled()); // nothing to read yet
    QSignalSpy suggested(resources->templateForm(), &ui::McpArgumentsForm::suggestionsArrived);
    id->setFocus();
    QTest::keyClicks(id, QStringLiteral("3"));
    QVERIFY(suggested.wait(10000));
    QCOMPARE(resources->templateForm()->suggestions(QStringLiteral("resourceId")), QStringList{QStringLiteral("3")});
    QCOMPARE(resources->expandedUri(), QStringLiteral("demo://resource/dynamic/text/3"));
    QVERIFY(readButton->isEnabled());
    readButton->click();
    QVERIFY(read.wait(15000));
    QTRY_VERIFY(shownText(resources->resultView()).contains(QStringLiteral("demo://resource/dynamic/text/3")));
    shoot(QStringLiteral("mcp-resources.png"));
}

void TestMcpViews::promptsWithCompletion()
{
    connectServer(everythingId);
    ui::McpServerView *view = m_window->serverView();
    ui::McpPromptsView *prompts = view->promptsView();
    view->tabs()->setCurrentWidget(prompts);
    QTRY_VERIFY(prompts->select(QStringLiteral("completable-prompt")));
    ui::McpArgumentsForm *form = prompts->argumentsForm();
    auto *department = form->findChild<QLineEdit *>(QStringLiteral("argument:department"));
    auto *name = form->findChild<QLineEdit *>(QStringLiteral("argument:name"));
    QVERIFY(department && name);
    auto *get = prompts->findChild<QPushButton *>(QStringLiteral("getPromptButton"));
    QVERIFY(!get->isEnabled()); // both are required
    QSignalSpy suggested(form, &ui::McpArgumentsForm::suggestionsArrived);
    department->setFocus();
    QTest::keyClicks(department, QStringLiteral("S"));
    QVERIFY(suggested.wait(10000));
    QCOMPARE(form->suggestions(QStringLiteral("department")), (QStringList{QStringLiteral("Sales"), QStringLiteral("Support")}));
    department->setText(QStringLiteral("Sales"));
    // The other arguments go along as context: Sales has its own people.
    suggested.clear();
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("E"));
    QVERIFY(suggested.wait(10000));
    QCOMPARE(form->suggestions(QStringLiteral("name")), QStringList{QStringLiteral("Eve")});
    name->setText(QStringLiteral("Eve"));
    QVERIFY(get->isEnabled());
    QSignalSpy got(prompts, &ui::McpPromptsView::getFinished);
    get->click();
    QVERIFY(got.wait(15000));
    QTRY_VERIFY(shownText(prompts->resultView()).contains(QStringLiteral("Eve")));
    QVERIFY(shownText(prompts->resultView()).contains(QStringLiteral("Sales")));
}

void TestMcpViews::elicitationIsAnswered()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    m_window->serverView()->tabs()->setCurrentWidget(tools);
    QVERIFY(tools->selectTool(QStringLiteral("trigger-elicitation-request")));
    QSignalSpy shown(m_requests.get(), &ui::McpRequestHandler::requestShown);
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    QVERIFY(tools->run());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
    auto *dialog = shown.first().first().value<QDialog *>();
    QCOMPARE(dialog->objectName(), QStringLiteral("elicitationDialog"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("elicitationServerLabel"))->text().contains(QStringLiteral("Reference server")));
    auto *form = dialog->findChild<ui::SchemaForm *>(QStringLiteral("elicitationForm"));
    auto *accept = dialog->findChild<QPushButton *>(QStringLiteral("acceptButton"));
    form->fillExamples();
    auto *nameEdit = form->findChild<QLineEdit *>(QStringLiteral("field:/name"));
    QVERIFY(nameEdit);
    nameEdit->clear();
    QTest::keyClicks(nameEdit, QStringLiteral("Ada Lovelace"));
    QTRY_VERIFY(form->isValid());
    QTRY_VERIFY(accept->isEnabled());
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/mcp-elicitation.png")));
    }
    accept->click();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("User provided the requested information")));
    QVERIFY(shownText(tools->resultView()).contains(QStringLiteral("Ada Lovelace")));
}

void TestMcpViews::elicitationIsDeclined()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    QVERIFY(tools->selectTool(QStringLiteral("trigger-elicitation-request")));
    QSignalSpy shown(m_requests.get(), &ui::McpRequestHandler::requestShown);
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    QVERIFY(tools->run());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
    shown.first().first().value<QDialog *>()->findChild<QPushButton *>(QStringLiteral("declineButton"))->click();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("User declined")));
}

void TestMcpViews::samplingIsAnsweredByHand()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    QVERIFY(tools->selectTool(QStringLiteral("trigger-sampling-request")));
    tools->form()->setValue(schema::OrderedJson{{"prompt", "What is six times seven?"}, {"maxTokens", 50}});
    QTRY_VERIFY(tools->form()->isValid());
    QSignalSpy shown(m_requests.get(), &ui::McpRequestHandler::requestShown);
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    QVERIFY(tools->run());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
    auto *dialog = shown.first().first().value<QDialog *>();
    QCOMPARE(dialog->objectName(), QStringLiteral("samplingDialog"));
    // The request as the server sent it: its system prompt, message and limit.
    const QString request = dialog->findChild<QPlainTextEdit *>(QStringLiteral("samplingRequest"))->toPlainText();
    QVERIFY2(request.contains(QStringLiteral("What is six times seven?")), qPrintable(request));
    QVERIFY(request.contains(QStringLiteral("You are a helpful test server.")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("samplingDetails"))->text().contains(QStringLiteral("50")));
    auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(!send->isEnabled());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("samplingReply")), QStringLiteral("Forty-two."));
    QVERIFY(send->isEnabled());
    send->click();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("Forty-two.")));
}

void TestMcpViews::urlElicitationAsksBeforeOpening()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    QVERIFY(tools->selectTool(QStringLiteral("trigger-url-elicitation")));
    // A loopback address: nothing opens it here (the opener is the test's).
    tools->form()->setValue(schema::OrderedJson{{"url", "http://127.0.0.1:9/verify?step=1"}, {"message", "Please verify."}});
    QTRY_VERIFY(tools->form()->isValid());
    QSignalSpy shown(m_requests.get(), &ui::McpRequestHandler::requestShown);
    QSignalSpy finished(tools, &ui::McpToolsView::callFinished);
    m_opened.clear();
    QVERIFY(tools->run());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
    auto *dialog = shown.first().first().value<QDialog *>();
    QCOMPARE(dialog->objectName(), QStringLiteral("urlElicitationDialog"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("elicitationUrl"))->text(), QStringLiteral("http://127.0.0.1:9/verify?step=1"));
    // The domain, and that http is not encrypted, before anything opens.
    const QString domain = dialog->findChild<QLabel *>(QStringLiteral("elicitationDomain"))->text();
    QVERIFY2(domain.contains(QStringLiteral("127.0.0.1")) && domain.contains(QStringLiteral("http")), qPrintable(domain));
    QVERIFY(m_opened.isEmpty());
    dialog->findChild<QPushButton *>(QStringLiteral("openButton"))->click();
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("http://127.0.0.1:9/verify?step=1"))});
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(shownText(tools->resultView()).contains(QStringLiteral("User completed the URL elicitation flow")));
}

void TestMcpViews::rootsReachTheServer()
{
    connectServer(everythingId);
    ui::McpToolsView *tools = m_window->serverView()->toolsView();
    const QString uri = QUrl::fromLocalFile(m_dir.path()).toString(QUrl::FullyEncoded);
    m_requests->setRoots({uri});
    auto *list = m_window->serverView()->findChild<QListWidget *>(QStringLiteral("rootsList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    // The server asks for them again after the change notification.
    bool listed = false;
    for (int attempt = 0; attempt < 20 && !listed; ++attempt) {
        QVERIFY(call(tools, QStringLiteral("get-roots-list")));
        listed = shownText(tools->resultView()).contains(m_dir.path());
        if (!listed)
            QTest::qWait(100);
    }
    QVERIFY(listed);
    m_requests->setRoots({});
}

void TestMcpViews::serverDialogAddsAndEdits()
{
    const int before = int(m_workspace->connections().size());
    m_window->sidebar()->addMcpServer();
    ui::McpServerDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::McpServerDialog *>()));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *command = dialog->findChild<QLineEdit *>(QStringLiteral("commandEdit"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problemLabel"));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(command, QStringLiteral("node 'my server.js' --mode \"a b"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!problem->text().isEmpty()); // the unclosed quote
    QTest::keyClicks(command, QStringLiteral("\""));
    QVERIFY2(ok->isEnabled(), qPrintable(problem->text()));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("Typed server"));
    // An environment variable with a secret-looking name is marked secret and masked.
    auto *env = dialog->findChild<QTableWidget *>(QStringLiteral("environmentTable"));
    env->item(0, 0)->setText(QStringLiteral("API_TOKEN"));
    env->item(0, 1)->setText(QStringLiteral("s3cr3t-value"));
    QCOMPARE(env->item(0, 2)->checkState(), Qt::Checked);
    QCOMPARE(env->rowCount(), 2); // a fresh row to type the next one
    ok->click();
    QTRY_COMPARE(int(m_workspace->connections().size()), before + 1);
    const workspace::Connection added = m_workspace->connections().last();
    QCOMPARE(added.kind, workspace::Connection::Kind::McpServer);
    QCOMPARE(added.name, QStringLiteral("Typed server"));
    QCOMPARE(added.transport, QStringLiteral("stdio"));
    QCOMPARE(added.command, QStringLiteral("node"));
    QCOMPARE(added.arguments, (QStringList{QStringLiteral("my server.js"), QStringLiteral("--mode"), QStringLiteral("a b")}));
    QCOMPARE(added.environment.size(), 1);
    QVERIFY(added.environment.first().secret);
    // The file form holds the name only.
    QVERIFY(!workspace::workspace_file::serialize(m_workspace->data()).contains("s3cr3t-value"));
    QCOMPARE(m_window->sidebar()->currentId(), added.id);

    // Edited into a URL server.
    m_window->sidebar()->editCurrent();
    const auto openDialog = [this] {
        for (auto *d : m_window->findChildren<ui::McpServerDialog *>())
            if (d->isVisible())
                return d;
        return static_cast<ui::McpServerDialog *>(nullptr);
    };
    QTRY_VERIFY((dialog = openDialog()));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("commandEdit"))->text(),
             QStringLiteral("node 'my server.js' --mode 'a b'"));
    dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"))->setCurrentIndex(1);
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QTest::keyClicks(url, QStringLiteral("ftp://127.0.0.1/"));
    ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:9/mcp"));
    QVERIFY(ok->isEnabled());
    ok->click();
    QTRY_COMPARE(m_workspace->connection(added.id)->transport, QStringLiteral("auto"));
    QCOMPARE(m_workspace->connection(added.id)->url, QUrl(QStringLiteral("http://127.0.0.1:9/mcp")));
    QVERIFY(m_workspace->connection(added.id)->command.isEmpty());
    m_workspace->remove(added.id);
}

void TestMcpViews::importIsReviewedFirst()
{
    const QString path = m_dir.filePath(QStringLiteral("claude_desktop_config.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"mcpServers": {
        "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]},
        "github": {"command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"],
                   "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_notarealtoken"}}}})");
    file.close();
    const int before = int(m_workspace->connections().size());
    m_store->importMcpConfig(path);
    ui::McpImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::McpImportDialog *>()));
    QVERIFY(dialog->isVisible());
    // Nothing is added before the person agrees; each exact command is shown, secrets are not.
    QCOMPARE(int(m_workspace->connections().size()), before);
    QTreeWidget *list = dialog->serverList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("npx -y @modelcontextprotocol/server-filesystem /tmp"));
    QVERIFY(list->topLevelItem(1)->text(1).startsWith(QStringLiteral("docker run -i --rm ghcr.io/github/github-mcp-server")));
    QVERIFY(!list->topLevelItem(1)->text(1).contains(QStringLiteral("ghp_notarealtoken")));
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/mcp-import.png"))); // a window of its own
    list->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), ui::McpImportDialog::tr("&Import %n Server(s)", nullptr, 1));
    ok->click();
    QTRY_COMPARE(int(m_workspace->connections().size()), before + 1);
    const workspace::Connection added = m_workspace->connections().last();
    QCOMPARE(added.command, QStringLiteral("npx"));
    QCOMPARE(added.arguments.last(), QStringLiteral("/tmp"));
    m_workspace->remove(added.id);
}

QTEST_MAIN(TestMcpViews)
#include "tst_mcpviews.moc"
