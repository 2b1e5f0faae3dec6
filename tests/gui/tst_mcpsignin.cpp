// Signing in to an OAuth-protected MCP server from the main window, with a
// throw-away keychain (tests/peers/mcp/oauth-server.mjs: the official SDK's
// authorization server and a Streamable HTTP server behind it). Connecting
// meets a 401, which starts the MCP authorization flow; this test plays the
// browser, and the server's tools appear once the token is there. The
// Authorization tab shows the state and each step; Sign Out forgets the
// token, Sign In gets one again; a client the authorization server does not
// know leaves a failed flow whose steps say where it stopped. No file holds
// a token. With CROSSTALK_SCREENSHOT_DIR set it keeps pictures of the tab.
#include "AuthStepsView.h"
#include "ConnectionsSidebar.h"
#include "MainWindow.h"
#include "McpServerDialog.h"
#include "McpServerView.h"
#include "McpToolListModel.h"
#include "McpToolsView.h"
#include "auth/CredentialStore.h"
#include "auth/OAuthAuthorizer.h"
#include "mcp/McpSession.h"
#include "traffic/TrafficLog.h"
#include "workspace/ConnectionStates.h"
#include "workspace/McpSessions.h"
#include "workspace/Workspace.h"

#include "LoopbackBrowser.h"
#include "PeerProcess.h"
#include "Screenshots.h"
#include "TestPaths.h"

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace crosstalk;

namespace {

// The view's words in the language the test runs in (German for the screenshots).
QString viewText(const char *source)
{
    return QCoreApplication::translate("crosstalk::ui::McpServerView", source);
}

QString notSignedIn()
{
    return viewText("Not signed in. Crosstalk signs in with OAuth when the server asks (HTTP 401), or now with Sign In.");
}

QString before(const QString &text)
{
    return text.section(QStringLiteral("%1"), 0, 0);
}

} // namespace

class TestMcpSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectingSignsIn();
    void signOutAndInAgain();
    void unknownClientShowsTheFailedFlow();
    void noFileHoldsAToken();

private:
    ui::McpServerView *view() const { return m_window->serverView(); }
    QPushButton *button(const char *name) const
    {
        return view()->findChild<QPushButton *>(QString::fromLatin1(name));
    }

    QTemporaryDir m_dir;
    test::PeerProcess m_server;
    test::LoopbackBrowser m_browser;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<traffic::TrafficLog> m_traffic;
    std::unique_ptr<workspace::ConnectionStates> m_states;
    std::unique_ptr<workspace::McpSessions> m_servers;
    std::unique_ptr<auth::CredentialStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_id;
    QStringList m_tokens; // every access token seen, for the file search
};

void TestMcpSignIn::initTestCase()
{
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    test::useScreenshotLocale();
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QSettings().clear();
    QVERIFY2(m_server.start(QStringLiteral("mcp/oauth-server.mjs")), qPrintable(m_server.errorString()));

    m_workspace = std::make_unique<workspace::Workspace>();
    m_traffic = std::make_unique<traffic::TrafficLog>();
    m_states = std::make_unique<workspace::ConnectionStates>(m_workspace.get(), m_traffic.get());
    m_servers = std::make_unique<workspace::McpSessions>(m_workspace.get(), m_states.get(), m_traffic.get(), nullptr);
    m_store = std::make_unique<auth::CredentialStore>();
    m_servers->setCredentialStore(m_store.get());
    m_servers->setBrowser([this](const QUrl &url) { m_browser.open(url); });
    ui::WorkspaceServices services{m_workspace.get(), m_states.get(), nullptr, m_traffic.get(), nullptr, m_servers.get()};
    services.credentials = m_store.get();
    m_window = std::make_unique<ui::MainWindow>(services);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    workspace::Connection server;
    server.kind = workspace::Connection::Kind::McpServer;
    server.name = QStringLiteral("Protected");
    server.transport = QStringLiteral("streamable-http");
    server.url = m_server.url().resolved(QUrl(QStringLiteral("/mcp")));
    m_id = m_workspace->add(server);
    QVERIFY(m_window->sidebar()->select(m_id));
    QTRY_COMPARE(view()->serverId(), m_id);
}

void TestMcpSignIn::cleanupTestCase()
{
    m_window.reset();
    m_servers.reset();
    m_states.reset();
    m_traffic.reset();
    m_workspace.reset();
    m_store.reset();
}

void TestMcpSignIn::connectingSignsIn()
{
    // Before anything: not signed in, and the tab says how it will be.
    view()->tabs()->setCurrentWidget(view()->authorizationPage());
    QVERIFY2(view()->authorizationText().startsWith(notSignedIn()), qPrintable(view()->authorizationText()));
    QVERIFY(button("authSignInButton")->isEnabled());
    QVERIFY(!button("authSignOutButton")->isEnabled());

    // Connecting meets the 401; the flow runs through the "browser".
    button("connectButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->isReady(m_id), 30000);
    QCOMPARE(m_browser.opened(), 1);
    QVERIFY2(m_browser.error().isEmpty(), qPrintable(m_browser.error()));
    QTRY_VERIFY_WITH_TIMEOUT(view()->toolsView()->toolModel()->rowCount() == 1, 15000);

    auth::OAuthAuthorizer *authorizer = m_servers->authorizer(m_id);
    QVERIFY(authorizer && authorizer->tokens() && authorizer->tokens()->hasAccess());
    m_tokens << authorizer->tokens()->accessToken;
    const QString issuer = authorizer->issuer();
    QCOMPARE(QUrl(issuer).port(), m_server.url().port());
    QVERIFY2(view()->authorizationText().startsWith(viewText("Signed in with %1.").arg(issuer)),
             qPrintable(view()->authorizationText()));
    QVERIFY(button("authSignOutButton")->isEnabled());

    // Every step of the flow, none failed: the refusal, discovery, the
    // registration, the browser's round trip and the token.
    ui::AuthStepsView *steps = view()->authStepsView();
    QTRY_COMPARE(steps->stepCount(), int(authorizer->steps().size()));
    QVERIFY2(steps->stepCount() >= 6, qPrintable(QString::number(steps->stepCount())));
    QCOMPARE(steps->step(0).status, 401);
    bool registered = false;
    bool token = false;
    for (int i = 0; i < steps->stepCount(); ++i) {
        const auth::AuthStep &step = steps->step(i);
        QVERIFY2(step.verdict != auth::AuthStep::Verdict::Failed, qPrintable(step.title + u' ' + step.detail));
        registered |= step.kind == auth::AuthStep::Kind::Registration && step.status == 201;
        token |= step.kind == auth::AuthStep::Kind::Token && step.status == 200;
    }
    QVERIFY(registered);
    QVERIFY(token);
    // The token step's exchange is there, the tokens redacted.
    for (int i = 0; i < steps->stepCount(); ++i) {
        if (steps->step(i).kind == auth::AuthStep::Kind::Token)
            steps->select(i);
    }
    QVERIFY2(steps->detailsText().contains(QLatin1String("/token")), qPrintable(steps->detailsText()));
    QVERIFY(!steps->detailsText().contains(m_tokens.last()));

    // The grant is in the keychain, under the issuer.
    std::optional<auth::OAuthGrant> kept;
    bool loaded = false;
    m_store->loadGrant(issuer, this, [&](const std::optional<auth::OAuthGrant> &grant, const QString &error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        kept = grant;
        loaded = true;
    });
    QTRY_VERIFY(loaded);
    QVERIFY(kept && kept->client);
    QVERIFY(kept->tokensFor(m_workspace->connection(m_id)->url.toString()));
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("mcp-sign-in.png")));
}

void TestMcpSignIn::signOutAndInAgain()
{
    auth::OAuthAuthorizer *authorizer = m_servers->authorizer(m_id);
    QVERIFY(authorizer);
    button("authSignOutButton")->click();
    QVERIFY(!authorizer->tokens());
    QVERIFY2(view()->authorizationText().startsWith(notSignedIn()), qPrintable(view()->authorizationText()));
    QVERIFY(!button("authSignOutButton")->isEnabled());

    // Sign In asks again (the registration is kept: no new one).
    button("authSignInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(authorizer->tokens() && authorizer->tokens()->hasAccess() && !authorizer->isBusy(), 30000);
    QCOMPARE(m_browser.opened(), 2);
    m_tokens << authorizer->tokens()->accessToken;
    QVERIFY(m_tokens.at(0) != m_tokens.at(1));
    ui::AuthStepsView *steps = view()->authStepsView();
    QTRY_COMPARE(steps->stepCount(), int(authorizer->steps().size()));
    for (int i = 0; i < steps->stepCount(); ++i) {
        QVERIFY(steps->step(i).verdict != auth::AuthStep::Verdict::Failed);
        QVERIFY(!(steps->step(i).kind == auth::AuthStep::Kind::Registration && steps->step(i).status == 201));
    }
    QVERIFY(button("authSignOutButton")->isEnabled());

    // The new token serves: a tool call goes through.
    QTRY_VERIFY(m_servers->isReady(m_id));
    bool answered = false;
    m_servers->session(m_id)->request(QStringLiteral("tools/call"), nlohmann::json{{"name", "whoami"}, {"arguments", nlohmann::json::object()}},
                                      10000, this, [&](const mcp::McpError &error, const nlohmann::json &result) {
                                          QVERIFY2(error.ok(), qPrintable(error.message));
                                          QVERIFY(result.dump().find("client ") != std::string::npos);
                                          answered = true;
                                      });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
}

void TestMcpSignIn::unknownClientShowsTheFailedFlow()
{
    // A client ID the authorization server never issued: it refuses the
    // authorization request, the browser shows its error, and the person
    // cancels the sign-in. (Signed out first: the kept token would serve.)
    button("authSignOutButton")->click();
    button("disconnectButton")->click();
    QTRY_VERIFY(!m_servers->session(m_id));
    workspace::Connection c = *m_workspace->connection(m_id);
    c.oauthClientId = QStringLiteral("client-nobody-registered");
    // The server dialog keeps the setting and the client ID.
    {
        ui::McpServerDialog dialog(m_window.get());
        dialog.setConnection(c);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *oauth = dialog.findChild<QCheckBox *>(QStringLiteral("oauthCheck"));
        auto *clientId = dialog.findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
        QVERIFY(oauth && oauth->isChecked() && oauth->isEnabled());
        QCOMPARE(clientId->text(), c.oauthClientId);
        QCOMPARE(dialog.connection(), c);
        QVERIFY(test::saveScreenshot(&dialog, QStringLiteral("mcp-server-dialog.png")));
        oauth->setChecked(false);
        QVERIFY(!clientId->isEnabled());
        QVERIFY(!dialog.connection().oauth);
        QVERIFY(dialog.connection().oauthClientId.isEmpty());
    }
    QVERIFY(m_workspace->update(c));
    QVERIFY(m_servers->authorizer(m_id));
    QVERIFY(!m_servers->authorizer(m_id)->isBusy());

    const int opened = m_browser.opened();
    button("connectButton")->click();
    const auto describe = [this] {
        QStringList lines{m_browser.error()};
        if (auth::OAuthAuthorizer *a = m_servers->authorizer(m_id))
            for (const auth::AuthStep &step : a->steps())
                lines << step.title + u' ' + step.detail;
        return lines.join(u'\n');
    };
    QTRY_VERIFY2_WITH_TIMEOUT(m_browser.opened() == opened + 1 && !m_browser.error().isEmpty(), qPrintable(describe()), 20000);
    QVERIFY2(m_browser.error().contains(QLatin1String("did not redirect")), qPrintable(m_browser.error()));
    auth::OAuthAuthorizer *authorizer = m_servers->authorizer(m_id);
    QVERIFY(authorizer && authorizer->isBusy());
    QVERIFY(authorizer->steps().size() >= 2); // the refusal, discovery, the authorize URL
    QCOMPARE(button("authSignInButton")->text(), viewText("&Cancel Sign-In"));
    QVERIFY(m_window->serverView()->findChild<QLabel *>(QStringLiteral("serverStateLabel"))->text().startsWith(
        before(viewText("Signing in with OAuth… (finish in your browser if it opened)"))));

    button("authSignInButton")->click(); // cancel
    QTRY_VERIFY(!authorizer->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_servers->session(m_id), 10000); // the connection gave up too
    QCOMPARE(view()->tabs()->currentWidget(), view()->authorizationPage());
    QVERIFY2(view()->authorizationText().contains(before(viewText("The last sign-in failed: %1"))),
             qPrintable(view()->authorizationText()));

    ui::AuthStepsView *steps = view()->authStepsView();
    QCOMPARE(steps->stepCount(), int(authorizer->steps().size()));
    QCOMPARE(steps->step(steps->stepCount() - 1).verdict, auth::AuthStep::Verdict::Failed);
    // The authorization URL went out with the unknown client.
    bool authorize = false;
    for (int i = 0; i < steps->stepCount(); ++i)
        authorize |= steps->step(i).kind == auth::AuthStep::Kind::Authorize
            && steps->step(i).url.toString().contains(QLatin1String("client-nobody-registered"));
    QVERIFY(authorize);
    const auto *list = steps->findChild<QTreeWidget *>(QStringLiteral("authSteps"));
    QCOMPARE(list->currentItem()->text(0), ui::AuthStepsView::verdictText(auth::AuthStep::Verdict::Failed));
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("mcp-sign-in-failed.png")));
}

void TestMcpSignIn::noFileHoldsAToken()
{
    QVERIFY(m_tokens.size() >= 2);
    int files = 0;
    const QStringList found = test::filesHoldingSecrets({QDir::homePath(), m_dir.path()}, m_tokens, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_MAIN(TestMcpSignIn)
#include "tst_mcpsignin.moc"
