// The agent views of the main window against the bundled demo network (four
// @a2a-js/sdk agents on 127.0.0.1): the card, a streamed conversation with
// the support orchestrator that asks for input and is answered, the states
// in order on the live timeline, the full event behind a marker, a task
// cancelled from the task list, a data part checked as it is typed, and the
// traffic filtered to the agent. With CROSSTALK_SCREENSHOT_DIR set it keeps
// a picture of each view (tools/screenshots.sh makes the README's).
#include "AgentCardView.h"
#include "ConnectionsSidebar.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "TaskListModel.h"
#include "TaskTimeline.h"
#include "TasksView.h"
#include "Translations.h"
#include "TrafficModel.h"
#include "a2a/Conversation.h"
#include "traffic/TrafficLog.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include "TestPaths.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>

using namespace crosstalk;
using a2a::TaskState;

class TestAgentViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cardIsShown();
    void conversationAnswersInputRequired();
    void timelineShowsTheStatesInOrder();
    void cancelFromTheTaskList();
    void dataPartIsCheckedAsTyped();
    void trafficIsFiltered();
    void newConversation();

private:
    void shoot(QWidget *widget, const QString &name);
    void sendText(const QString &text);
    a2a::Conversation *conversation() const { return m_window->conversationView()->conversation(); }

    QTemporaryDir m_dir;
    QProcess m_network;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<traffic::TrafficLog> m_traffic;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<workspace::AgentSessions> m_sessions;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestAgentViews::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    // CROSSTALK_SCREENSHOT_LOCALE=de makes the German pictures (tests run in English).
    if (const QString locale = qEnvironmentVariable("CROSSTALK_SCREENSHOT_LOCALE"); !locale.isEmpty())
        installTranslators(*qApp, QLocale(locale));
    // Settings of this run only: nothing chosen before.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QSettings().clear();

    const QString workspaceFile = m_dir.filePath(QStringLiteral("workspace.json"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Slow enough to see the states on the timeline, quick for a test.
    env.insert(QStringLiteral("CROSSTALK_DEMO_STEP_MS"), qEnvironmentVariable("CROSSTALK_DEMO_STEP_MS", QStringLiteral("40")));
    m_network.setProcessEnvironment(env);
    m_network.setWorkingDirectory(test::peersDir());
    m_network.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_network.start(test::nodeProgram(), {QStringLiteral("--require"), QStringLiteral("./loopback.cjs"),
                                          QStringLiteral("demo/network.mjs"), QStringLiteral("--workspace"), workspaceFile,
                                          QStringLiteral("--exit-with-stdin")});
    QVERIFY2(m_network.waitForStarted(10000), qPrintable(m_network.errorString()));
    QByteArray ready;
    QTRY_VERIFY_WITH_TIMEOUT((ready += m_network.readAllStandardOutput()).contains("CROSSTALK_DEMO_READY"), 30000);

    QFile file(workspaceFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const auto data = workspace::workspace_file::parse(file.readAll(), &error);
    QVERIFY2(data, qPrintable(error));
    // Four agents and the MCP reference server, run over stdio on demand.
    QCOMPARE(data->connections.size(), 5);
    QCOMPARE(data->connections.last().kind, workspace::Connection::Kind::McpServer);
    QCOMPARE(data->connections.last().transport, QStringLiteral("stdio"));
    QVERIFY(QFile::exists(data->connections.last().arguments.last()));

    m_workspace = std::make_unique<workspace::Workspace>();
    m_traffic = std::make_unique<traffic::TrafficLog>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_traffic.get());
    m_sessions = std::make_unique<workspace::AgentSessions>(m_workspace.get(), m_states.get(), m_traffic.get());
    m_window = std::make_unique<ui::MainWindow>(
        ui::WorkspaceServices {m_workspace.get(), m_states.get(), nullptr, m_traffic.get(), m_sessions.get()});
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_workspace->reset(*data);
    QTRY_VERIFY_WITH_TIMEOUT(m_states->status(QStringLiteral("support-orchestrator")).state
                                 == workspace::ConnectionStates::State::Connected,
                             20000);
    QVERIFY(m_window->sidebar()->select(QStringLiteral("support-orchestrator")));
    QTRY_VERIFY(conversation());
}

void TestAgentViews::cleanupTestCase()
{
    m_window.reset();
    m_sessions.reset();
    m_states.reset();
    m_traffic.reset();
    m_workspace.reset();
    if (m_network.state() != QProcess::NotRunning) {
        m_network.closeWriteChannel(); // --exit-with-stdin
        m_network.terminate();
        if (!m_network.waitForFinished(10000))
            m_network.kill();
    }
}

void TestAgentViews::shoot(QWidget *widget, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(300); // the last coalesced refresh
        QVERIFY(widget->window()->grab().save(dir + QLatin1Char('/') + name));
    }
}

void TestAgentViews::sendText(const QString &text)
{
    ui::ConversationView *view = m_window->conversationView();
    auto *edit = view->findChild<QPlainTextEdit *>(QStringLiteral("composerText"));
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(edit->toPlainText().isEmpty()); // sent: the composer is empty again
}

void TestAgentViews::cardIsShown()
{
    m_window->agentTabs()->setCurrentWidget(m_window->cardView());
    QTRY_VERIFY([this] {
        const auto labels = m_window->cardView()->findChildren<QLabel *>();
        return std::any_of(labels.begin(), labels.end(),
                           [](QLabel *l) { return l->text() == QStringLiteral("Support orchestrator"); });
    }());
    shoot(m_window.get(), QStringLiteral("agent-card.png"));
}

void TestAgentViews::conversationAnswersInputRequired()
{
    ui::ConversationView *view = m_window->conversationView();
    m_window->agentTabs()->setCurrentWidget(view);
    QVERIFY(view->findChild<QCheckBox *>(QStringLiteral("streamBox"))->isChecked());
    sendText(QStringLiteral("I was charged twice and want a refund"));
    QTRY_VERIFY(view->findChild<QWidget *>(QStringLiteral("userEntry")));

    // The orchestrator asks for the order number: the composer says so.
    QTRY_VERIFY_WITH_TIMEOUT(!conversation()->pendingTaskId().isEmpty(), 30000);
    QCOMPARE(conversation()->pendingState(), TaskState::InputRequired);
    QTRY_VERIFY(view->bannerText().contains(conversation()->pendingTaskId().left(8)));
    auto *badge = view->findChild<QLabel *>(QStringLiteral("taskStateBadge"));
    QVERIFY(badge);
    QTRY_COMPARE(badge->text(), ui::TaskTimeline::stateLabel(TaskState::InputRequired));
    const auto hints = view->findChildren<QLabel *>(QStringLiteral("taskHint"));
    QVERIFY(std::any_of(hints.begin(), hints.end(), [](QLabel *l) { return l->isVisible(); }));
    shoot(m_window.get(), QStringLiteral("conversation-input-required.png"));

    // The answer continues the same task until it completes with its artifacts.
    const QString taskId = conversation()->pendingTaskId();
    sendText(QStringLiteral("It is order #4711"));
    a2a::TaskTracker *tracker = conversation()->task(taskId);
    QTRY_COMPARE_WITH_TIMEOUT(tracker->state(), TaskState::Completed, 60000);
    QCOMPARE(conversation()->tasks().size(), 1);
    QTRY_VERIFY(view->bannerText().isEmpty());
    QStringList titles;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            titles.clear();
            for (QLabel *title : view->findChildren<QLabel *>(QStringLiteral("artifactTitle")))
                titles << title->text();
            return titles.size() == 2;
        }(),
        5000);
    QVERIFY2(titles.join(u' ').contains(QStringLiteral("case-notes")), qPrintable(titles.join(u' ')));
    // The continued task's entry carries the final state.
    const auto badges = view->findChildren<QLabel *>(QStringLiteral("taskStateBadge"));
    QCOMPARE(badges.size(), 2);
    QTRY_COMPARE(badges.last()->text(), ui::TaskTimeline::stateLabel(TaskState::Completed));
    // The case notes grew chunk by chunk into one text, shown in place.
    bool notes = false;
    for (QWidget *parts : view->findChildren<QWidget *>(QStringLiteral("artifactParts"))) {
        for (QTextBrowser *text : parts->findChildren<QTextBrowser *>(QStringLiteral("partText")))
            notes = notes || text->toPlainText().contains(QStringLiteral("Resolution"));
    }
    QVERIFY(notes);
    shoot(m_window.get(), QStringLiteral("conversation.png"));
}

void TestAgentViews::timelineShowsTheStatesInOrder()
{
    ui::TasksView *tasks = m_window->tasksView();
    m_window->agentTabs()->setCurrentWidget(tasks);
    QAbstractItemModelTester tester(tasks->taskModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::TaskTimeline *timeline = tasks->timeline();
    QCOMPARE(timeline->laneCount(), 1);
    QList<TaskState> states;
    for (const ui::TaskTimeline::Segment &segment : timeline->segments(0)) {
        if (states.isEmpty() || states.last() != segment.state)
            states << segment.state;
    }
    const qsizetype asked = states.indexOf(TaskState::InputRequired);
    QVERIFY(asked > 0);
    QCOMPARE(states.at(asked - 1), TaskState::Working);
    QCOMPARE(states.at(asked + 1), TaskState::Working);
    QCOMPARE(states.last(), TaskState::Completed);
    QCOMPARE(tasks->taskModel()->rowCount(), 1);
    QCOMPARE(tasks->taskModel()->index(0, ui::TaskListModel::StateColumn).data().toString(),
             ui::TaskTimeline::stateLabel(TaskState::Completed));
    QCOMPARE(tasks->taskModel()->index(0, ui::TaskListModel::ArtifactsColumn).data().toInt(), 2);

    // A click on a state change shows its whole event.
    timeline->fitAll();
    const ui::TaskTimeline::Segment working = timeline->segments(0).at(asked + 1);
    const QPoint at = timeline->positionOf(0, working.startMs);
    QVERIFY(!at.isNull());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    QTRY_VERIFY(!tasks->eventText().isEmpty());
    QVERIFY2(tasks->eventText().contains(QStringLiteral("\"state\": \"working\"")), qPrintable(tasks->eventText()));
    QCOMPARE(tasks->currentTaskId(), conversation()->tasks().first()->taskId());
    shoot(m_window.get(), QStringLiteral("tasks.png"));
}

void TestAgentViews::cancelFromTheTaskList()
{
    m_window->agentTabs()->setCurrentWidget(m_window->conversationView());
    sendText(QStringLiteral("The app crashes when I log in"));
    QTRY_VERIFY_WITH_TIMEOUT(!conversation()->pendingTaskId().isEmpty(), 30000);
    const QString taskId = conversation()->pendingTaskId();

    ui::TasksView *tasks = m_window->tasksView();
    m_window->agentTabs()->setCurrentWidget(tasks);
    QTRY_COMPARE(tasks->taskModel()->rowCount(), 2);
    tasks->selectTask(taskId);
    QCOMPARE(tasks->currentTaskId(), taskId);
    QCOMPARE(tasks->timeline()->selectedTaskId(), taskId);
    auto *cancel = tasks->findChild<QPushButton *>(QStringLiteral("cancelTaskButton"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(conversation()->task(taskId)->state(), TaskState::Canceled, 30000);
    QTRY_VERIFY(!cancel->isEnabled());
    QTRY_VERIFY(conversation()->pendingTaskId().isEmpty());
    QTRY_COMPARE(tasks->taskModel()->index(1, ui::TaskListModel::StateColumn).data().toString(),
                 ui::TaskTimeline::stateLabel(TaskState::Canceled));
}

void TestAgentViews::dataPartIsCheckedAsTyped()
{
    ui::ConversationView *view = m_window->conversationView();
    m_window->agentTabs()->setCurrentWidget(view);
    auto *dataButton = view->findChild<QAbstractButton *>(QStringLiteral("dataPartButton"));
    auto *data = view->findChild<QPlainTextEdit *>(QStringLiteral("composerData"));
    auto *status = view->findChild<QLabel *>(QStringLiteral("composerDataStatus"));
    auto *send = view->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QTest::mouseClick(dataButton, Qt::LeftButton);
    QVERIFY(data->isVisible());
    data->setFocus();
    data->setPlainText(QStringLiteral("{\"order\": 4711,\n \"items\": [1, 2,]}"));
    data->moveCursor(QTextCursor::End);
    // "Line 2, column …" in whatever language the view speaks.
    const QString where = ui::ConversationView::tr("Line %1, column %2: %3").arg(2).section(QStringLiteral("%2"), 0, 0);
    QTRY_VERIFY(!view->dataIsValid() && view->dataError().startsWith(where));
    QCOMPARE(status->text(), view->dataError());
    QVERIFY(!send->isEnabled());
    for (int i = 0; i < 3; ++i) // the trailing comma goes
        QTest::keyClick(data, Qt::Key_Backspace);
    QTest::keyClicks(data, QStringLiteral("]}"));
    QTRY_VERIFY(view->dataIsValid());
    QVERIFY(send->isEnabled());
    // Closing the editor drops the data part.
    QTest::mouseClick(dataButton, Qt::LeftButton);
    QVERIFY(!data->isVisible());
    QTRY_VERIFY(!send->isEnabled()); // nothing left to send
}

void TestAgentViews::trafficIsFiltered()
{
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("trafficFilterEdit"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("trafficView"));
    QVERIFY(filter && table);
    QTRY_VERIFY(table->model()->rowCount() > 4);
    filter->setText(QStringLiteral("connection:billing"));
    QTest::keyClick(filter, Qt::Key_Return);
    // The orchestrator's own calls to the specialists are not Crosstalk's:
    // only the billing card fetch is recorded under billing.
    QTRY_VERIFY(table->model()->rowCount() >= 1);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, ui::TrafficModel::Connection).data().toString(), QStringLiteral("billing"));
    filter->setText(QStringLiteral("connection:support-orchestrator method:SendStreamingMessage"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(table->model()->rowCount() >= 3); // three messages sent, each a request and its response
    shoot(m_window.get(), QStringLiteral("traffic.png"));
    filter->clear();
    QTest::keyClick(filter, Qt::Key_Return);
}

void TestAgentViews::newConversation()
{
    ui::ConversationView *view = m_window->conversationView();
    m_window->agentTabs()->setCurrentWidget(view);
    const QString context = conversation()->contextId();
    QVERIFY(!context.isEmpty());
    QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("newConversationButton")), Qt::LeftButton);
    QVERIFY(conversation()->contextId().isEmpty());
    QTRY_VERIFY(view->findChildren<QWidget *>(QStringLiteral("userEntry")).isEmpty());
    QCOMPARE(m_window->tasksView()->taskModel()->rowCount(), 2); // the tasks stay
}

QTEST_MAIN(TestAgentViews)
#include "tst_agentviews.moc"
