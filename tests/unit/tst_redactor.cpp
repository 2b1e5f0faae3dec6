#include "traffic/Redactor.h"

#include <QTest>
#include <QUrlQuery>

using crosstalk::traffic::HttpHeader;
using crosstalk::traffic::Redactor;

namespace {

const QByteArray Marker(Redactor::Marker);

QString queryValue(const QString &query, const QString &name)
{
    return QUrlQuery(query).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void marker();

    void header_data();
    void header();
    void headerListKeepsOrderAndOthers();
    void customHeader();

    void jsonBody_data();
    void jsonBody();
    void untouchedBodyIsTheSameBytes_data();
    void untouchedBodyIsTheSameBytes();
    void customField();

    void formBody_data();
    void formBody();

    void url_data();
    void url();
    void urlWithoutSecretsIsUnchanged();
    void startLine_data();
    void startLine();
};

void TestRedactor::marker()
{
    QCOMPARE(QByteArray(Redactor::Marker), QByteArray("[redacted]"));
}

void TestRedactor::header_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer eyJhbGciOi.secret")
                            << QByteArray("Bearer [redacted]");
    QTest::newRow("lowercase name, basic") << QByteArray("authorization") << QByteArray("basic dXNlcjpwdw==")
                                           << QByteArray("basic [redacted]");
    QTest::newRow("upper case name") << QByteArray("AUTHORIZATION") << QByteArray("Bearer abc")
                                     << QByteArray("Bearer [redacted]");
    QTest::newRow("no scheme") << QByteArray("Authorization") << QByteArray("sk-secret") << Marker;
    QTest::newRow("digest") << QByteArray("Authorization")
                            << QByteArray("Digest username=\"u\", response=\"6629fae49393a05397450978507c4ef1\"")
                            << QByteArray("Digest [redacted]");
    QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic Zm9vOmJhcg==")
                           << QByteArray("Basic [redacted]");
    QTest::newRow("cookie keeps names") << QByteArray("Cookie") << QByteArray("sid=abc123; theme=dark")
                                        << QByteArray("sid=[redacted]; theme=[redacted]");
    QTest::newRow("set-cookie keeps attributes") << QByteArray("Set-Cookie")
                                                 << QByteArray("sid=abc123; Path=/; HttpOnly")
                                                 << QByteArray("sid=[redacted]; Path=/; HttpOnly");
    QTest::newRow("x-api-key") << QByteArray("X-API-Key") << QByteArray("k-123") << Marker;
    QTest::newRow("api-key") << QByteArray("api-key") << QByteArray("k-123") << Marker;
    QTest::newRow("apikey") << QByteArray("ApiKey") << QByteArray("k-123") << Marker;
    QTest::newRow("x-auth-token") << QByteArray("X-Auth-Token") << QByteArray("t-123") << Marker;
    QTest::newRow("already redacted") << QByteArray("Authorization") << QByteArray("Bearer [redacted]")
                                      << QByteArray("Bearer [redacted]");
    QTest::newRow("content-type untouched") << QByteArray("Content-Type") << QByteArray("application/json")
                                            << QByteArray("application/json");
    QTest::newRow("session id untouched") << QByteArray("Mcp-Session-Id") << QByteArray("3f2a")
                                          << QByteArray("3f2a");
    QTest::newRow("location with code") << QByteArray("Location")
                                        << QByteArray("http://127.0.0.1:8765/callback?code=abc&state=xyz")
                                        << QByteArray("http://127.0.0.1:8765/callback?code=[redacted]&state=xyz");
    QTest::newRow("location without secret") << QByteArray("Location")
                                             << QByteArray("http://127.0.0.1:8765/next?page=2")
                                             << QByteArray("http://127.0.0.1:8765/next?page=2");
}

void TestRedactor::header()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);

    QList<HttpHeader> headers{{name, value}};
    const bool changed = Redactor().redactHeaders(headers);
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.front().name, name);
    // The location row: QUrl may percent-encode the brackets of the marker.
    QCOMPARE(QByteArray::fromPercentEncoding(headers.front().value), expected);
    QCOMPARE(changed, expected != value);
}

void TestRedactor::headerListKeepsOrderAndOthers()
{
    QList<HttpHeader> headers{{"Accept", "application/json, text/event-stream"},
                              {"Authorization", "Bearer secret-1"},
                              {"Content-Type", "application/json"},
                              {"x-api-key", "secret-2"}};
    QVERIFY(Redactor().redactHeaders(headers));
    const QList<HttpHeader> expected{{"Accept", "application/json, text/event-stream"},
                                     {"Authorization", "Bearer [redacted]"},
                                     {"Content-Type", "application/json"},
                                     {"x-api-key", "[redacted]"}};
    QCOMPARE(headers, expected);
    QVERIFY(!Redactor().redactHeaders(headers));
}

void TestRedactor::customHeader()
{
    Redactor redactor;
    QVERIFY(!redactor.isSensitiveHeader("X-Agent-Key"));
    redactor.addSensitiveHeader("X-Agent-Key");
    QVERIFY(redactor.isSensitiveHeader("x-agent-key"));
    QVERIFY(redactor.isSensitiveHeader("X-AGENT-KEY"));

    QList<HttpHeader> headers{{"x-AGENT-key", "agent-secret"}, {"X-Other", "visible"}};
    QVERIFY(redactor.redactHeaders(headers));
    QCOMPARE(headers.at(0).value, Marker);
    QCOMPARE(headers.at(1).value, QByteArray("visible"));
}

void TestRedactor::jsonBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray json("application/json");
    QTest::newRow("top level") << QByteArray(R"({"access_token":"abc","token_type":"Bearer","expires_in":3600})")
                               << json
                               << QByteArray(R"({"access_token":"[redacted]","token_type":"Bearer","expires_in":3600})");
    QTest::newRow("deep") << QByteArray(R"({"a":{"b":[{"c":{"password":"p4ss"}}]},"d":1})") << json
                          << QByteArray(R"({"a":{"b":[{"c":{"password":"[redacted]"}}]},"d":1})");
    QTest::newRow("json-rpc params")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tasks/pushNotificationConfig/set",)"
                      R"("params":{"url":"https://hook","token":"push-secret"}})")
        << json
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tasks/pushNotificationConfig/set",)"
                      R"("params":{"url":"https://hook","token":"[redacted]"}})");
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"result":{"refresh_token":"r1"}},)"
                                         R"({"jsonrpc":"2.0","id":2,"result":{"id_token":"i2"}}])")
                           << json
                           << QByteArray(R"([{"jsonrpc":"2.0","id":1,"result":{"refresh_token":"[redacted]"}},)"
                                         R"({"jsonrpc":"2.0","id":2,"result":{"id_token":"[redacted]"}}])");
    QTest::newRow("array of objects") << QByteArray(R"([{"client_secret":"s1"},{"client_secret":"s2"}])") << json
                                      << QByteArray(R"([{"client_secret":"[redacted]"},{"client_secret":"[redacted]"}])");
    QTest::newRow("number") << QByteArray(R"({"password": 123456, "user": "ada"})") << json
                            << QByteArray(R"({"password": "[redacted]", "user": "ada"})");
    QTest::newRow("negative float") << QByteArray(R"({"token":-1.5e3})") << json
                                    << QByteArray(R"({"token":"[redacted]"})");
    QTest::newRow("camel case") << QByteArray(R"({"accessToken":"a","RefreshToken":"b"})") << json
                                << QByteArray(R"({"accessToken":"[redacted]","RefreshToken":"[redacted]"})");
    QTest::newRow("spacing kept") << QByteArray("{\n  \"token\" :\t \"abc\" ,\n  \"x\": 1\n}") << json
                                  << QByteArray("{\n  \"token\" :\t \"[redacted]\" ,\n  \"x\": 1\n}");
    QTest::newRow("escapes in the secret") << QByteArray(R"({"token":"a\"b\\","next":"v"})") << json
                                           << QByteArray(R"({"token":"[redacted]","next":"v"})");
    QTest::newRow("escaped member name") << QByteArray(R"({"acc\u0065ss_token":"x"})") << json
                                         << QByteArray(R"({"acc\u0065ss_token":"[redacted]"})");
    QTest::newRow("object under a sensitive name") << QByteArray(R"({"token":{"access_token":"x","kind":"k"}})") << json
                                                   << QByteArray(R"({"token":{"access_token":"[redacted]","kind":"k"}})");
    QTest::newRow("truncated in the secret") << QByteArray(R"({"id":1,"result":{"access_token":"abcdef)") << json
                                             << QByteArray(R"({"id":1,"result":{"access_token":"[redacted])");
    QTest::newRow("broken after the secret") << QByteArray(R"({"access_token": "abc", oops)") << json
                                             << QByteArray(R"({"access_token": "[redacted]", oops)");
    QTest::newRow("sniffed without content type") << QByteArray(R"(  {"password":"p"})") << QByteArray()
                                                  << QByteArray(R"(  {"password":"[redacted]"})");
    QTest::newRow("json inside an event stream")
        << QByteArray("event: message\ndata: {\"result\":{\"token\":\"abc\"}}\n\n") << QByteArray("text/event-stream")
        << QByteArray("event: message\ndata: {\"result\":{\"token\":\"[redacted]\"}}\n\n");
    QTest::newRow("json in prose with a stray quote")
        << QByteArray(R"(a 5" screen said {"client_secret":"s"})") << QByteArray("text/plain")
        << QByteArray(R"(a 5" screen said {"client_secret":"[redacted]"})");
    QTest::newRow("vendor json type") << QByteArray(R"({"id_token":"x"})") << QByteArray("application/problem+json")
                                      << QByteArray(R"({"id_token":"[redacted]"})");

    // Left alone.
    QTest::newRow("progress token is no token") << QByteArray(R"({"_meta":{"progressToken":"p1"}})") << json
                                                << QByteArray(R"({"_meta":{"progressToken":"p1"}})");
    QTest::newRow("error code is no code") << QByteArray(R"({"error":{"code":-32600,"message":"m"}})") << json
                                           << QByteArray(R"({"error":{"code":-32600,"message":"m"}})");
    QTest::newRow("sensitive word as a value") << QByteArray(R"({"name":"token","value":"abc"})") << json
                                               << QByteArray(R"({"name":"token","value":"abc"})");
    QTest::newRow("null and boolean") << QByteArray(R"({"password":null,"token":false})") << json
                                      << QByteArray(R"({"password":null,"token":false})");
    QTest::newRow("already redacted") << QByteArray(R"({"token":"[redacted]"})") << json
                                      << QByteArray(R"({"token":"[redacted]"})");
    QTest::newRow("truncated after the colon") << QByteArray(R"({"token": )") << json << QByteArray(R"({"token": )");
}

void TestRedactor::jsonBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);

    QByteArray redacted = body;
    const bool changed = Redactor().redactBody(redacted, contentType);
    QCOMPARE(redacted, expected);
    QCOMPARE(changed, expected != body);
}

void TestRedactor::untouchedBodyIsTheSameBytes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("pretty json") << QByteArray("{ \"jsonrpc\" : \"2.0\",\n\t\"id\":1.0e0, \"name\": \"caf\xc3\xa9\" }")
                                 << QByteArray("application/json; charset=utf-8");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\"\"\\", 14) << QByteArray("image/png");
    QTest::newRow("form") << QByteArray("grant_type=refresh_token&client_id=crosstalk")
                          << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("text") << QByteArray("plain \"quoted\": words") << QByteArray();
}

void TestRedactor::untouchedBodyIsTheSameBytes()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);

    QByteArray copy = body;
    QVERIFY(!Redactor().redactBody(copy, contentType));
    QCOMPARE(copy, body);
    QVERIFY(copy.isSharedWith(body)); // not even rewritten
}

void TestRedactor::customField()
{
    Redactor redactor;
    redactor.addSensitiveField(QStringLiteral("session_secret"));
    QVERIFY(redactor.isSensitiveField("sessionSecret"));
    QVERIFY(redactor.isSensitiveParameter("session-secret"));

    QByteArray body(R"({"session_secret":"a","sessionSecret":"b","session":"c"})");
    QVERIFY(redactor.redactBody(body, "application/json"));
    QCOMPARE(body, QByteArray(R"({"session_secret":"[redacted]","sessionSecret":"[redacted]","session":"c"})"));

    redactor.addSensitiveParameter(QStringLiteral("sessionKey"));
    QVERIFY(redactor.isSensitiveParameter("session_key"));
    QVERIFY(!redactor.isSensitiveField("session_key"));
}

void TestRedactor::formBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray form("application/x-www-form-urlencoded");
    QTest::newRow("refresh") << QByteArray("grant_type=refresh_token&refresh_token=abc&client_id=x") << form
                             << QByteArray("grant_type=refresh_token&refresh_token=[redacted]&client_id=x");
    QTest::newRow("authorization code with pkce")
        << QByteArray("grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb"
                      "&code_verifier=v3r1f13r&client_secret=s")
        << QByteArray("application/x-www-form-urlencoded; charset=UTF-8")
        << QByteArray("grant_type=authorization_code&code=[redacted]&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb"
                      "&code_verifier=[redacted]&client_secret=[redacted]");
    QTest::newRow("percent-encoded name") << QByteArray("client%5Fsecret=s&x=1") << form
                                          << QByteArray("client%5Fsecret=[redacted]&x=1");
    QTest::newRow("name without value") << QByteArray("password&x=1") << form << QByteArray("password=[redacted]&x=1");
    QTest::newRow("empty value") << QByteArray("password=&x=1") << form << QByteArray("password=[redacted]&x=1");
    QTest::newRow("sniffed") << QByteArray("username=ada&password=hunter2") << QByteArray()
                             << QByteArray("username=ada&password=[redacted]");
    QTest::newRow("nothing sensitive") << QByteArray("a=1&b=2") << form << QByteArray("a=1&b=2");
    QTest::newRow("upper case type") << QByteArray("token=t") << QByteArray("Application/X-WWW-Form-Urlencoded")
                                     << QByteArray("token=[redacted]");
}

void TestRedactor::formBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);

    QByteArray redacted = body;
    const bool changed = Redactor().redactBody(redacted, contentType);
    QCOMPARE(redacted, expected);
    QCOMPARE(changed, expected != body);
}

void TestRedactor::url_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("keptQueryItems"); // name=value pairs that must survive

    QTest::newRow("password") << QStringLiteral("https://ada:s3cret@agent.example/a2a") << QStringLiteral("s3cret")
                              << QStringList();
    QTest::newRow("api key in query") << QStringLiteral("https://agent.example/mcp?api_key=K3Y&page=2")
                                      << QStringLiteral("K3Y") << QStringList{QStringLiteral("page=2")};
    QTest::newRow("google style key") << QStringLiteral("https://agent.example/v1?key=K3Y") << QStringLiteral("K3Y")
                                      << QStringList();
    QTest::newRow("camel case token") << QStringLiteral("https://agent.example/sse?accessToken=T0K&x=y")
                                      << QStringLiteral("T0K") << QStringList{QStringLiteral("x=y")};
    QTest::newRow("oauth code") << QStringLiteral("http://127.0.0.1:8765/cb?code=C0DE&state=st4te")
                                << QStringLiteral("C0DE") << QStringList{QStringLiteral("state=st4te")};
}

void TestRedactor::url()
{
    QFETCH(QString, url);
    QFETCH(QString, secret);
    QFETCH(QStringList, keptQueryItems);

    const QUrl original(url);
    const QUrl redacted = Redactor().redactUrl(original);
    QVERIFY(!redacted.toString().contains(secret));
    QVERIFY(!redacted.toString(QUrl::FullyEncoded).contains(secret));
    QCOMPARE(redacted.host(), original.host());
    QCOMPARE(redacted.path(), original.path());
    if (!original.password().isEmpty()) {
        QCOMPARE(redacted.userName(), original.userName());
        QCOMPARE(redacted.password(), QString::fromLatin1(Redactor::Marker));
    }
    for (const QString &item : keptQueryItems) {
        const QStringList pair = item.split(QLatin1Char('='));
        QCOMPARE(queryValue(redacted.query(), pair.at(0)), pair.at(1));
    }
}

void TestRedactor::urlWithoutSecretsIsUnchanged()
{
    const Redactor redactor;
    const QUrl plain(QStringLiteral("https://agent.example/.well-known/agent-card.json?v=1#top"));
    QCOMPARE(redactor.redactUrl(plain), plain);

    // OAuth implicit flow: tokens in the fragment.
    const QUrl fragment(QStringLiteral("http://127.0.0.1/cb#access_token=T0K&token_type=bearer"));
    const QUrl redacted = redactor.redactUrl(fragment);
    QVERIFY(!redacted.toString().contains(QLatin1String("T0K")));
    QVERIFY(redacted.toString().contains(QLatin1String("token_type=bearer")));
}

void TestRedactor::startLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expectedPrefix");

    QTest::newRow("absolute") << QStringLiteral("POST http://127.0.0.1:3000/mcp?key=K3Y") << QStringLiteral("K3Y")
                              << QStringLiteral("POST http://127.0.0.1:3000/mcp?key=");
    QTest::newRow("origin form") << QStringLiteral("GET /sse?token=T0K&session=1 HTTP/1.1") << QStringLiteral("T0K")
                                 << QStringLiteral("GET /sse?token=");
    QTest::newRow("user info") << QStringLiteral("GET https://ada:pw@agent.example/") << QStringLiteral(":pw@")
                               << QStringLiteral("GET https://ada:");
    QTest::newRow("nothing to do") << QStringLiteral("POST http://127.0.0.1:3000/mcp") << QString()
                                   << QStringLiteral("POST http://127.0.0.1:3000/mcp");
    QTest::newRow("status line") << QStringLiteral("200 OK") << QString() << QStringLiteral("200 OK");
}

void TestRedactor::startLine()
{
    QFETCH(QString, line);
    QFETCH(QString, secret);
    QFETCH(QString, expectedPrefix);

    QString redacted = line;
    const bool changed = Redactor().redactStartLine(redacted);
    QCOMPARE(changed, !secret.isEmpty());
    if (!secret.isEmpty())
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
    else
        QCOMPARE(redacted, line);
    QVERIFY2(redacted.startsWith(expectedPrefix), qPrintable(redacted));
    if (line.endsWith(QLatin1String(" HTTP/1.1")))
        QVERIFY(redacted.endsWith(QLatin1String(" HTTP/1.1")));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
