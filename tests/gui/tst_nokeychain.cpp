// Signing in when there is no keychain: this test's D-Bus session address
// leads nowhere, so QtKeychain fails at once with its own reason. An MCP
// server's OAuth sign-in (tests/peers/mcp/oauth-server.mjs) still works,
// its tokens held in memory, and the Authorization tab says the keychain
// did not keep them and why. The agent sign-in dialog
// (tests/peers/a2a/oauth-agent.mjs) says there is no keychain, with the
// keychain's reason, forces memory-only, signs in, and remembers nothing
// in the workspace. No file holds a secret afterwards.
#include "AgentCardView.h"
#include "ConnectionsSidebar.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "McpServerView.h"
#include "SignInDialog.h"
#include "auth/A2aSignIn.h"
#include "auth/CredentialStore.h"
#include "auth/OAuthAuthorizer.h"
#include "traffic/TrafficLog.h"
#include "workspace/AgentSessions.h"
#include "workspace/ConnectionStates.h"
#include "workspace/McpSessions.h"
#include "workspace/Workspace.h"

#include "LoopbackBrowser.h"
#include "PeerProcess.h"
#include "Screenshots.h"
#include "TestPaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace crosstalk;

namespace {

const QString ServiceSecret = QStringLiteral("no-keychain-service-secret-31");

QString prefixOf(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source).section(QStringLiteral("%1"), 0, 0);
}

} // namespace

class TestNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void serverTokensLiveInMemory();
    void agentSignInIsKeptInMemory();
    void noFileHoldsASecret();

private:

    QTemporaryDir m_dir;
    test::PeerProcess m_agent;
    test::PeerProcess m_server;
    test::LoopbackBrowser m_browser;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<traffic::TrafficLog> m_traffic;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<workspace::AgentSessions> m_sessions;
    std::unique_ptr<workspace::McpSessions> m_servers;
    std::unique_ptr<auth::CredentialStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    QStringList m_secrets;
};

void TestNoKeychain::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    // No session bus: the keychain cannot be reached, and says so at once.
    qputenv("DBUS_SESSION_BUS_ADDRESS", QString(QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus"))).toUtf8());
    test::useScreenshotLocale();
    // Everything the app writes goes under this test's own folders, where the
    // search for secrets below looks.
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString path = m_dir.filePath(QString::fromLatin1(name).toLower());
        QVERIFY(QDir().mkpath(path));
        qputenv(name, path.toUtf8());
    }
    QSettings().clear();
    QVERIFY2(m_agent.start(QStringLiteral("a2a/oauth-agent.mjs"),
                           {QStringLiteral("--service-client"), QStringLiteral("crosstalk-service:") + ServiceSecret}),
             qPrintable(m_agent.errorString()));
    QVERIFY2(m_server.start(QStringLiteral("mcp/oauth-server.mjs")), qPrintable(m_server.errorString()));
    m_secrets << ServiceSecret;

    m_workspace = std::make_unique<workspace::Workspace>();
    m_traffic = std::make_unique<traffic::TrafficLog>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_traffic.get());
    m_sessions = std::make_unique<workspace::AgentSessions>(m_workspace.get(), m_states.get(), m_traffic.get());
    m_servers = std::make_unique<workspace::McpSessions>(m_workspace.get(), m_states.get(), m_traffic.get(), nullptr);
    m_store = std::make_unique<auth::CredentialStore>();
    m_sessions->setCredentialStore(m_store.get());
    m_servers->setCredentialStore(m_store.get());
    m_servers->setBrowser([this](const QUrl &url) { m_browser.open(url); });
    ui::WorkspaceServices services{m_workspace.get(), m_states.get(), nullptr, m_traffic.get(), m_sessions.get(), m_servers.get()};
    services.credentials = m_store.get();
    m_window = std::make_unique<ui::MainWindow>(services);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestNoKeychain::cleanupTestCase()
{
    m_window.reset();
    m_servers.reset();
    m_sessions.reset();
    m_states.reset();
    m_traffic.reset();
    m_workspace.reset();
    m_store.reset();
}

void TestNoKeychain::serverTokensLiveInMemory()
{
    workspace::Connection server;
    server.kind = workspace::Connection::Kind::McpServer;
    server.name = QStringLiteral("Protected");
    server.transport = QStringLiteral("streamable-http");
    server.url = m_server.url().resolved(QUrl(QStringLiteral("/mcp")));
    const QString id = m_workspace->add(server);
    QVERIFY(m_window->sidebar()->select(id));
    ui::McpServerView *view = m_window->serverView();
    QTRY_COMPARE(view->serverId(), id);
    view->tabs()->setCurrentWidget(view->authorizationPage());

    view->findChild<QPushButton *>(QStringLiteral("connectButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->isReady(id), 30000);
    auth::OAuthAuthorizer *authorizer = m_servers->authorizer(id);
    QVERIFY(authorizer && authorizer->tokens() && authorizer->tokens()->hasAccess());
    m_secrets << authorizer->tokens()->accessToken;

    // Signed in all the same, and told that the keychain kept nothing, in its words.
    QVERIFY(view->authorizationText().startsWith(prefixOf("crosstalk::ui::McpServerView", "Signed in with %1.")));
    auto *note = view->findChild<QLabel *>(QStringLiteral("authKeychainLabel"));
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("Could not connect")), qPrintable(note->text()));
    QVERIFY2(note->text().startsWith(prefixOf("crosstalk::workspace::McpSessions",
                                              "The keychain did not keep the tokens (%1); they are kept in memory for "
                                              "this run only.")),
             qPrintable(note->text()));
    QVERIFY(!m_store->isMemoryOnly()); // nothing chose memory-only for the person
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("no-keychain-server.png")));
}

void TestNoKeychain::agentSignInIsKeptInMemory()
{
    workspace::Connection agent;
    agent.kind = workspace::Connection::Kind::Agent;
    agent.url = m_agent.url();
    const QString id = m_workspace->add(agent);
    QTRY_VERIFY_WITH_TIMEOUT(m_states->status(id).state == workspace::ConnectionStates::State::Connected, 20000);
    QVERIFY(m_window->sidebar()->select(id));
    QTRY_VERIFY(m_window->conversationView()->conversation());
    m_window->agentTabs()->setCurrentWidget(m_window->cardView());
    QPushButton *button = nullptr;
    QTRY_VERIFY((button = m_window->cardView()->findChild<QPushButton *>(QStringLiteral("signInButton"))) != nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    ui::SignInDialog *dialog = m_window->signInDialog();
    QVERIFY(dialog);
    dialog->setBrowser([this](const QUrl &url) { m_browser.open(url); });

    // The keychain's answer: none, with its reason; memory-only is forced.
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("keychainNote"));
    auto *memoryOnly = dialog->findChild<QCheckBox *>(QStringLiteral("memoryOnly"));
    const QString none = prefixOf("crosstalk::ui::SignInDialog",
                                  "No keychain is available (%1). What you sign in with is kept in memory for this "
                                  "run only, never in a file.");
    QTRY_VERIFY2_WITH_TIMEOUT(note->text().startsWith(none), qPrintable(note->text()), 10000);
    QVERIFY2(note->text().contains(QLatin1String("Could not connect")), qPrintable(note->text()));
    QVERIFY(memoryOnly->isChecked());
    QVERIFY(!memoryOnly->isEnabled());

    QVERIFY(dialog->chooseOption(QStringLiteral("service/oauth2-client-credentials")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientId")), QStringLiteral("crosstalk-service"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("input:service:clientSecret")), ServiceSecret);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    const QString signedIn = QCoreApplication::translate("crosstalk::ui::SignInDialog",
                                                         "Signed in. Calls to the agent now go with this sign-in.");
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText() == signedIn, qPrintable(dialog->statusText()), 20000);
    QVERIFY(m_store->isMemoryOnly());
    QVERIFY(m_sessions->signIn(id) && m_sessions->signIn(id)->isSignedIn());
    if (auth::OAuthAuthorizer *a = m_sessions->signIn(id)->authorizer(QStringLiteral("service")); a && a->tokens())
        m_secrets << a->tokens()->accessToken;
    // Memory-only: the workspace remembers nothing of it.
    QVERIFY(m_workspace->connection(id)->signIn.isEmpty());
    QVERIFY(m_workspace->connection(id)->signInCredentials.isEmpty());
    QVERIFY(test::saveScreenshot(dialog, QStringLiteral("no-keychain-sign-in.png")));
    dialog->close();
    QTRY_VERIFY(!m_window->signInDialog());
}

void TestNoKeychain::noFileHoldsASecret()
{
    QVERIFY(m_secrets.size() >= 3);
    int files = 0;
    const QStringList found = test::filesHoldingSecrets({m_dir.path()}, m_secrets, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
