// The MCP authorization flow against a real OAuth-protected MCP server
// (tests/peers/mcp/oauth-server.mjs: the official SDK's authorization server
// and bearer middleware), through crosstalk-cli mcp --oauth, with the tokens
// in the real OS keychain (a throw-away gnome-keyring, see
// tests/support/with-keyring.sh): headless, then through the loopback
// redirect as a browser would come back, then with the kept token. After it
// all, no file under the throw-away home, nor a trace, holds a token.
#include "auth/CredentialStore.h"

#include "CliRunner.h"
#include "PeerProcess.h"
#include "TestPaths.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace crosstalk;

class TestOAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headlessSignIn();
    void keptTokenIsUsed();
    void browserSignInThroughTheLoopbackRedirect();
    void refusedWithoutOAuth();
    void noFileHoldsAToken();

private:
    std::optional<auth::OAuthGrant> keptGrant();
    QStringList callArgs(const QString &trace = {}) const;

    test::PeerProcess m_server;
    QTemporaryDir m_traces;
    QStringList m_secrets;
    QString m_clientId;
};

void TestOAuth::initTestCase()
{
    QVERIFY2(QDir::homePath().contains(QLatin1String("crosstalk-keyring.")), "not in the throw-away keychain");
    QVERIFY(m_traces.isValid());
    if (const QString reason = test::peersUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_server.start(QStringLiteral("mcp/oauth-server.mjs")), qPrintable(m_server.errorString()));
}

QStringList TestOAuth::callArgs(const QString &trace) const
{
    QStringList args{QStringLiteral("mcp"), QStringLiteral("call"), QStringLiteral("whoami"), QStringLiteral("--url"),
                     m_server.url(QStringLiteral("/mcp")).toString(), QStringLiteral("--oauth")};
    if (!trace.isEmpty())
        args << QStringLiteral("--trace") << trace;
    return args;
}

std::optional<auth::OAuthGrant> TestOAuth::keptGrant()
{
    auth::CredentialStore store;
    bool done = false;
    std::optional<auth::OAuthGrant> grant;
    QString error;
    // The SDK's authorization server names itself with a trailing slash.
    store.loadGrant(m_server.url(QStringLiteral("/")).toString(), &store,
                    [&](const std::optional<auth::OAuthGrant> &g, const QString &e) {
                        grant = g;
                        error = e;
                        done = true;
                    });
    if (!QTest::qWaitFor([&] { return done; }, 20000) || !error.isEmpty())
        qWarning("keychain: %s", qPrintable(error));
    return grant;
}

void TestOAuth::headlessSignIn()
{
    const QString cli = QStringLiteral(CROSSTALK_CLI);
    const QString trace = m_traces.filePath(QStringLiteral("headless.ndjson"));
    const test::CliRun run = test::runCli(cli, callArgs(trace) << QStringLiteral("--oauth-headless"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Every step of the flow, as the spec orders it.
    for (const char *step : {"oauth challenge info", "oauth discovery ok: Protected-resource metadata",
                             "oauth discovery ok: Authorization-server metadata", "oauth registration ok: Dynamic client registration",
                             "oauth authorize ok", "oauth callback ok", "oauth token ok"})
        QVERIFY2(run.err.contains(step), run.err.constData());
    QVERIFY2(run.err.contains("code_challenge_method=S256") && run.err.contains("resource=http%3A%2F%2F127.0.0.1"), run.err.constData());
    const QRegularExpressionMatch client = QRegularExpression(QStringLiteral("client (\\S+)")).match(QString::fromUtf8(run.out));
    QVERIFY2(client.hasMatch(), run.out.constData());
    m_clientId = client.captured(1);

    // The keychain holds the registration and the token, under the issuer.
    const std::optional<auth::OAuthGrant> grant = keptGrant();
    QVERIFY(grant);
    QVERIFY(grant->client);
    QCOMPARE(grant->client->clientId, m_clientId);
    const auth::OAuthTokens *tokens = grant->tokensFor(m_server.url(QStringLiteral("/mcp")).toString());
    QVERIFY(tokens);
    QVERIFY(tokens->accessToken.size() >= 16);
    QVERIFY(tokens->expiresAt.isValid());
    QCOMPARE(tokens->grantedScopes, QStringList{QStringLiteral("mcp:tools")});
    m_secrets << tokens->accessToken;

    // The trace has the flow, redacted.
    QFile file(trace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray traced = file.readAll();
    QVERIFY(traced.contains("/token") && traced.contains("code_verifier"));
    QVERIFY(!traced.contains(tokens->accessToken.toUtf8()));
}

void TestOAuth::keptTokenIsUsed()
{
    if (m_clientId.isEmpty())
        QSKIP("needs headlessSignIn");
    const test::CliRun run = test::runCli(QStringLiteral(CROSSTALK_CLI), callArgs() << QStringLiteral("--oauth-headless"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("A kept token for this server is used."), run.err.constData());
    QVERIFY2(!run.err.contains("oauth registration") && !run.err.contains("oauth authorize"), run.err.constData());
    QVERIFY(run.out.contains(m_clientId.toUtf8()));
}

void TestOAuth::browserSignInThroughTheLoopbackRedirect()
{
    // Forget the token (not the registration), so that a sign-in is needed.
    std::optional<auth::OAuthGrant> grant = keptGrant();
    QVERIFY(grant);
    grant->tokens.clear();
    {
        auth::CredentialStore store;
        bool saved = false;
        store.saveGrant(*grant, &store, [&](const QString &error) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            saved = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(saved, 20000);
    }

    // The CLI prints the authorization URL; this test is the browser: it
    // follows the authorization server's redirect to the loopback listener.
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(CROSSTALK_CLI), callArgs());
    QVERIFY(cli.waitForStarted());
    QByteArray err;
    QString signInUrl;
    static const QRegularExpression signIn(QStringLiteral("Sign in at: (\\S+)"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += cli.readAllStandardError();
            const QRegularExpressionMatch m = signIn.match(QString::fromUtf8(err));
            if (m.hasMatch())
                signInUrl = m.captured(1);
            return !signInUrl.isEmpty() || cli.state() == QProcess::NotRunning;
        },
        30000));
    QVERIFY2(!signInUrl.isEmpty(), err.constData());
    QVERIFY2(err.contains("Registration kept for this issuer"), err.constData());

    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> authorize(browser.get(QNetworkRequest(QUrl(signInUrl))));
    QTRY_VERIFY_WITH_TIMEOUT(authorize->isFinished(), 20000);
    QCOMPARE(authorize->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 302);
    const QUrl callback = authorize->url().resolved(QUrl::fromEncoded(authorize->rawHeader("Location")));
    QCOMPARE(callback.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(callback.path(), QStringLiteral("/callback"));

    // A request with another state does not end the flow.
    QUrl forged = callback;
    forged.setQuery(QStringLiteral("code=forged&state=forged"));
    std::unique_ptr<QNetworkReply> bad(browser.get(QNetworkRequest(forged)));
    QTRY_VERIFY_WITH_TIMEOUT(bad->isFinished(), 20000);
    QCOMPARE(bad->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);

    std::unique_ptr<QNetworkReply> back(browser.get(QNetworkRequest(callback)));
    QTRY_VERIFY_WITH_TIMEOUT(back->isFinished(), 20000);
    QCOMPARE(back->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(back->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("text/plain")));

    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    err += cli.readAllStandardError();
    const QByteArray out = cli.readAllStandardOutput();
    QVERIFY2(cli.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("Ignored a request"), err.constData());
    QVERIFY(out.contains(m_clientId.toUtf8()));
    // The listener is closed once it has served the sign-in.
    std::unique_ptr<QNetworkReply> again(browser.get(QNetworkRequest(callback)));
    QTRY_VERIFY_WITH_TIMEOUT(again->isFinished(), 20000);
    QVERIFY(again->error() == QNetworkReply::ConnectionRefusedError);

    const std::optional<auth::OAuthGrant> after = keptGrant();
    QVERIFY(after);
    const auth::OAuthTokens *tokens = after->tokensFor(m_server.url(QStringLiteral("/mcp")).toString());
    QVERIFY(tokens);
    m_secrets << tokens->accessToken;
}

void TestOAuth::refusedWithoutOAuth()
{
    QStringList args = callArgs();
    args.removeAll(QStringLiteral("--oauth"));
    const test::CliRun run = test::runCli(QStringLiteral(CROSSTALK_CLI), args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("401"), run.err.constData());
    // --oauth is for remote servers, and goes with no --credential.
    QCOMPARE(test::runCli(QStringLiteral(CROSSTALK_CLI),
                          {QStringLiteral("mcp"), QStringLiteral("tools"), QStringLiteral("--oauth"), QStringLiteral("--"),
                           QStringLiteral("true")})
                 .exitCode,
             1);
    QCOMPARE(test::runCli(QStringLiteral(CROSSTALK_CLI), QStringList{QStringLiteral("mcp"), QStringLiteral("tools"),
                                                                      QStringLiteral("--url"), m_server.url().toString(),
                                                                      QStringLiteral("--oauth-headless")})
                 .exitCode,
             1);
}

void TestOAuth::noFileHoldsAToken()
{
    QVERIFY(m_secrets.size() >= 2);
    int files = 0;
    const QStringList found = test::filesHoldingSecrets({QDir::homePath(), m_traces.path()}, m_secrets, &files);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
