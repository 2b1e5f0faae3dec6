// Signing in from the main window against the OAuth-protected test agent
// (tests/peers/a2a/oauth-agent.mjs), with a throw-away keychain: the card's
// "Sign in…" opens the dialog with the card's options; the OAuth scheme
// signs in through the loopback redirect (this test plays the browser) and
// the extended card's changes appear on the card; a wrong client secret
// shows the steps of the failed flow, the failing one chosen, secrets
// redacted; a task in auth-required offers the sign-in and then continues.
// With CROSSTALK_SCREENSHOT_DIR set it keeps pictures of the dialog.
#include "AgentCardView.h"
#include "AuthStepsView.h"
#include "ConnectionsSidebar.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "a2a/Conversation.h"
#include "a2a/TaskTracker.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"
#include "auth/A2aSecurity.h"
#include "traffic/TrafficLog.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/Workspace.h"

#include "A2aCalls.h"
#include "LoopbackBrowser.h"
#include "PeerProcess.h"
#include "Screenshots.h"
#include "TestPaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace crosstalk;

namespace {
const QString ServiceSecret = QStringLiteral("gui-service-secret-77");

// The dialog's words in the language the test runs in (German for the screenshots).
QString dialogText(const char *source)
{
    return QCoreApplication::translate("crosstalk::ui::SignInDialog", source);
}

QString signedIn()
{
    return dialogText("Signed in. Calls to the agent now go with this sign-in.");
}

QString failedPrefix()
{
    return dialogText("The sign-in failed: %1").section(QStringLiteral("%1"), 0, 0);
}
}

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInFromTheCardsScheme();
    void failedFlowShowsItsSteps();
    void authRequiredOffersTheSignIn();
    void typedTokenIsSignedIntoAgain();

private:
    ui::SignInDialog *openDialog();

    QTemporaryDir m_dir;
    test::PeerProcess m_agent;
    test::LoopbackBrowser m_browser;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<traffic::TrafficLog> m_traffic;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<workspace::AgentSessions> m_sessions;
    std::unique_ptr<auth::CredentialStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_id;
};

void TestSignIn::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    test::useScreenshotLocale();
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QSettings().clear();
    QVERIFY2(m_agent.start(QStringLiteral("a2a/oauth-agent.mjs"),
                           {QStringLiteral("--service-client"), QStringLiteral("crosstalk-service:") + ServiceSecret}),
             qPrintable(m_agent.errorString()));

    m_workspace = std::make_unique<workspace::Workspace>();
    m_traffic = std::make_unique<traffic::TrafficLog>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_traffic.get());
    m_sessions = std::make_unique<workspace::AgentSessions>(m_workspace.get(), m_states.get(), m_traffic.get());
    m_store = std::make_unique<auth::CredentialStore>();
    m_sessions->setCredentialStore(m_store.get());
    ui::WorkspaceServices services{m_workspace.get(), m_states.get(), nullptr, m_traffic.get(), m_sessions.get()};
    services.credentials = m_store.get();
    m_window = std::make_unique<ui::MainWindow>(services);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    workspace::Connection agent;
    agent.kind = workspace::Connection::Kind::Agent;
    agent.url = m_agent.url();
    m_id = m_workspace->add(agent);
    QTRY_VERIFY_WITH_TIMEOUT(m_states->status(m_id).state == workspace::ConnectionStates::State::Connected, 20000);
    QVERIFY(m_window->sidebar()->select(m_id));
    QTRY_VERIFY(m_window->conversationView()->conversation());
}

void TestSignIn::cleanupTestCase()
{
    m_window.reset();
    m_sessions.reset();
    m_states.reset();
    m_traffic.reset();
    m_workspace.reset();
    m_store.reset();
}

ui::SignInDialog *TestSignIn::openDialog()
{
    m_window->agentTabs()->setCurrentWidget(m_window->cardView());
    QPushButton *button = nullptr;
    (void)QTest::qWaitFor([&] { return (button = m_window->cardView()->findChild<QPushButton *>(QStringLiteral("signInButton"))) != nullptr; },
                          10000);
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ui::SignInDialog *dialog = m_window->signInDialog();
    if (dialog)
        dialog->setBrowser([this](const QUrl &url) { m_browser.open(url); });
    return dialog;
}

void TestSignIn::signInFromTheCardsScheme()
{
    ui::SignInDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // The card's three alternatives, the browser sign-in first.
    auto *box = dialog->findChild<QComboBox *>(QStringLiteral("signInOption"));
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->currentData().toString(), QStringLiteral("oauth/oauth2-authorization-code"));
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("input:oauth:clientSecret"))->echoMode() == QLineEdit::Password);
    // The throw-away keychain is there: nothing forces memory-only.
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("keychainNote"))->text(),
             dialogText("Tokens and client registrations are kept in the operating system's keychain."));
    QTest::qWait(200); // the keychain's answer, had it none
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("memoryOnly"))->isEnabled());

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText() == signedIn(), 30000);
    QCOMPARE(m_browser.opened(), 1);
    ui::AuthStepsView *steps = dialog->stepsView();
    QVERIFY(steps->stepCount() >= 6);
    for (int i = 0; i < steps->stepCount(); ++i)
        QVERIFY2(steps->step(i).verdict != auth::AuthStep::Verdict::Failed, qPrintable(steps->step(i).detail));
    QVERIFY(m_sessions->signIn(m_id) && m_sessions->signIn(m_id)->isSignedIn());
    QVERIFY(test::saveScreenshot(dialog, QStringLiteral("sign-in.png")));

    // The extended card's changes, on their own tab of the card.
    ui::AgentCardView *card = m_window->cardView();
    QTRY_VERIFY_WITH_TIMEOUT(card->extendedCardRows().contains(QLatin1String("added skills[id=admin]")), 20000);
    QVERIFY(card->extendedCardRows().contains(QLatin1String("changed description")));
    auto *tabs = card->findChild<QTabWidget *>();
    auto *changes = card->findChild<QTreeWidget *>(QStringLiteral("extendedCardChanges"));
    QVERIFY(tabs->indexOf(changes) >= 0);
    QVERIFY(tabs->tabText(tabs->indexOf(changes)).endsWith(QLatin1String("(2)")));
    dialog->close();
    QTRY_VERIFY(!m_window->signInDialog());
    tabs->setCurrentWidget(changes);
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("extended-card.png")));
}

void TestSignIn::failedFlowShowsItsSteps()
{
    ui::SignInDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->chooseOption(QStringLiteral("service/oauth2-client-credentials")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientId")), QStringLiteral("crosstalk-service"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    // Nothing is sent while something is missing.
    QVERIFY2(dialog->statusText().contains(
                 QCoreApplication::translate("crosstalk::auth::A2aSignIn", "the client secret for “%1”").arg(QStringLiteral("service"))),
             qPrintable(dialog->statusText()));
    QCOMPARE(dialog->stepsView()->stepCount(), 0);

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientSecret")), QStringLiteral("wrong-secret-1234"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(failedPrefix()), 20000);
    QVERIFY2(dialog->statusText().contains(QLatin1String("invalid_client")), qPrintable(dialog->statusText()));

    // The failed step is chosen, with its exchange: the request (the secret
    // redacted) and the server's answer.
    const QString details = dialog->stepsView()->detailsText();
    QVERIFY2(details.contains(QLatin1String("HTTP 401")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("POST ")) && details.contains(QLatin1String("/token")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Authorization: Basic [redacted]")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("invalid_client")), qPrintable(details));
    QVERIFY(!details.contains(QLatin1String("wrong-secret-1234")));
    const auto *list = dialog->stepsView()->findChild<QTreeWidget *>(QStringLiteral("authSteps"));
    QCOMPARE(list->currentItem()->text(0), ui::AuthStepsView::verdictText(auth::AuthStep::Verdict::Failed));
    QVERIFY(test::saveScreenshot(dialog, QStringLiteral("sign-in-failed.png")));
    dialog->close();
    QTRY_VERIFY(!m_window->signInDialog());
}

void TestSignIn::authRequiredOffersTheSignIn()
{
    // Anonymous again: the task stops in auth-required and the banner offers the sign-in.
    QVERIFY(m_sessions->setSignIn(m_id, nullptr));
    ui::ConversationView *view = m_window->conversationView();
    m_window->agentTabs()->setCurrentWidget(view);
    auto *edit = view->findChild<QPlainTextEdit *>(QStringLiteral("composerText"));
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("auth"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    auto *signIn = view->findChild<QPushButton *>(QStringLiteral("bannerSignInButton"));
    QTRY_VERIFY_WITH_TIMEOUT(signIn->isVisible(), 20000);
    QTest::mouseClick(signIn, Qt::LeftButton);
    ui::SignInDialog *dialog = m_window->signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->chooseOption(QStringLiteral("service/oauth2-client-credentials")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientId")), QStringLiteral("crosstalk-service"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientSecret")), ServiceSecret);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText() == signedIn(), qPrintable(dialog->statusText()), 20000);
    dialog->close();

    // The next message continues the task, now signed in.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("signed in now"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!signIn->isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(view->conversation()->pendingTaskId().isEmpty() && !view->conversation()->isBusy(), 20000);
    const QList<a2a::ConversationEntry> &entries = view->conversation()->entries();
    const auto task = std::find_if(entries.rbegin(), entries.rend(),
                                   [](const a2a::ConversationEntry &e) { return e.kind == a2a::ConversationEntry::Kind::Task; });
    QVERIFY(task != entries.rend());
    QTRY_COMPARE_WITH_TIMEOUT(view->conversation()->task(task->taskId)->state(), a2a::TaskState::Completed, 10000);
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("auth-required-continued.png")));
}

void TestSignIn::typedTokenIsSignedIntoAgain()
{
    // An agent that takes a bearer token, which its card declares.
    const QString token = QStringLiteral("gui-kept-bearer-5150");
    test::PeerProcess strict;
    QVERIFY2(strict.start(QStringLiteral("a2a/test-agent.mjs"), {QStringLiteral("--require-bearer"), token}),
             qPrintable(strict.errorString()));
    workspace::Connection agent;
    agent.kind = workspace::Connection::Kind::Agent;
    agent.name = QStringLiteral("Strict");
    agent.url = strict.url();
    const QString id = m_workspace->add(agent);
    QTRY_VERIFY_WITH_TIMEOUT(m_states->status(id).state == workspace::ConnectionStates::State::Connected, 20000);
    QVERIFY(m_window->sidebar()->select(id));
    QTRY_VERIFY(m_window->conversationView()->conversation());

    ui::SignInDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *box = dialog->findChild<QComboBox *>(QStringLiteral("signInOption"));
    QCOMPARE(box->count(), 1);
    const QString key = box->currentData().toString();
    const QString scheme = key.section(u'/', 0, 0);
    auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("input:%1:secret").arg(scheme));
    QVERIFY(secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, token);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    const QString kept = dialogText("Signed in. Calls to the agent now go with this sign-in, and the keychain keeps it for the next run.");
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText() == kept, qPrintable(dialog->statusText()), 20000);

    // The workspace names the way and the credential; the token is in the keychain alone.
    const QString name = auth::signInCredentialName(id, scheme);
    QTRY_COMPARE(m_workspace->connection(id)->signIn, key);
    QCOMPARE(m_workspace->connection(id)->signInCredentials, (QMap<QString, QString>{{scheme, name}}));
    QVERIFY(!workspace::workspace_file::serialize(m_workspace->data()).contains(token.toUtf8()));
    std::optional<auth::Credential> stored;
    bool loaded = false;
    m_store->load(name, this, [&](const std::optional<auth::Credential> &credential, const QString &error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        stored = credential;
        loaded = true;
    });
    QTRY_VERIFY(loaded);
    QVERIFY(stored);
    QCOMPARE(stored->kind, auth::Credential::Kind::Bearer);
    QCOMPARE(stored->secret, token);
    dialog->close();
    QTRY_VERIFY(!m_window->signInDialog());

    // The next run: new sessions find the way and the token again, and the agent serves.
    {
        workspace::AgentSessions next(m_workspace.get(), m_states.get(), m_traffic.get());
        next.setCredentialStore(m_store.get());
        QSignalSpy restored(&next, &workspace::AgentSessions::signInRestored);
        a2a::Conversation *conversation = next.conversation(id);
        QVERIFY(conversation);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QCOMPARE(restored.at(0).at(1).toString(), QString());
        QVERIFY(next.signIn(id) && next.signIn(id)->isSignedIn());
        const test::A2aOutcome served = test::waitFor(conversation->client()->sendMessage(test::userText(QStringLiteral("hello"))));
        QVERIFY2(served.error.ok(), qPrintable(served.error.message));
    }
    // Without it, the agent refuses (so the test above means something).
    {
        workspace::AgentSessions anonymous(m_workspace.get(), m_states.get(), m_traffic.get());
        a2a::Conversation *conversation = anonymous.conversation(id);
        QVERIFY(conversation);
        const test::A2aOutcome refused = test::waitFor(conversation->client()->sendMessage(test::userText(QStringLiteral("hello"))));
        QVERIFY(!refused.error.ok());
    }
    // A way the card no longer offers is said, and nothing is sent with it.
    {
        workspace::Connection changed = *m_workspace->connection(id);
        changed.signIn = QStringLiteral("gone/api-key");
        QVERIFY(m_workspace->update(changed));
        workspace::AgentSessions next(m_workspace.get(), m_states.get(), m_traffic.get());
        next.setCredentialStore(m_store.get());
        QSignalSpy restored(&next, &workspace::AgentSessions::signInRestored);
        QVERIFY(next.conversation(id));
        QCOMPARE(restored.size(), 1);
        QVERIFY(restored.at(0).at(1).toString().contains(QLatin1String("gone/api-key")));
        QVERIFY(!next.signIn(id));
    }

    // Removing the agent removes its token from the keychain.
    QVERIFY(m_workspace->remove(id));
    loaded = false;
    m_store->load(name, this, [&](const std::optional<auth::Credential> &credential, const QString &error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        stored = credential;
        loaded = true;
    });
    QTRY_VERIFY(loaded);
    QVERIFY(!stored);
    int files = 0;
    const QStringList found = test::filesHoldingSecrets({QDir::homePath(), m_dir.path()}, {token}, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
