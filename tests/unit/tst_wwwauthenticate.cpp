#include "auth/WwwAuthenticate.h"

#include <QTest>

using crosstalk::auth::AuthChallenge;
using crosstalk::auth::WwwAuthenticate;

class TestWwwAuthenticate : public QObject
{
    Q_OBJECT

private slots:
    void bearerWithParameters();
    void severalChallenges_data();
    void severalChallenges();
    void quotedStrings();
    void severalFields();
    void malformed_data();
    void malformed();
};

void TestWwwAuthenticate::bearerWithParameters()
{
    const WwwAuthenticate parsed = WwwAuthenticate::parse(
        QByteArray(R"(Bearer error="insufficient_scope", scope="files:read files:write",)"
                   R"( resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource",)"
                   R"( error_description="File write permission required")"));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.challenges.size(), 1);
    const AuthChallenge *bearer = parsed.find(u"bearer");
    QVERIFY(bearer);
    QCOMPARE(bearer->param(u"error"), QStringLiteral("insufficient_scope"));
    QCOMPARE(bearer->scopes(), (QStringList{QStringLiteral("files:read"), QStringLiteral("files:write")}));
    QCOMPARE(bearer->param(u"resource_metadata"), QStringLiteral("https://mcp.example.com/.well-known/oauth-protected-resource"));
    QCOMPARE(bearer->param(u"error_description"), QStringLiteral("File write permission required"));
    QVERIFY(!bearer->hasParam(u"realm"));
}

void TestWwwAuthenticate::severalChallenges_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("schemes");
    QTest::addColumn<QStringList>("token68s");
    QTest::newRow("basic then bearer")
        << QByteArray(R"(Basic realm="a", Bearer scope="x")") << QStringList{QStringLiteral("Basic"), QStringLiteral("Bearer")}
        << QStringList{QString(), QString()};
    QTest::newRow("bare schemes") << QByteArray("Negotiate, Bearer") << QStringList{QStringLiteral("Negotiate"), QStringLiteral("Bearer")}
                                  << QStringList{QString(), QString()};
    QTest::newRow("token68 then params")
        << QByteArray(R"(Negotiate abc123==, Bearer realm="r")") << QStringList{QStringLiteral("Negotiate"), QStringLiteral("Bearer")}
        << QStringList{QStringLiteral("abc123=="), QString()};
    QTest::newRow("unquoted values")
        << QByteArray("Bearer error=invalid_token, realm=mcp") << QStringList{QStringLiteral("Bearer")} << QStringList{QString()};
    QTest::newRow("spaces around equals")
        << QByteArray("Bearer realm = \"x\" ,scope= \"a b\"") << QStringList{QStringLiteral("Bearer")} << QStringList{QString()};
}

void TestWwwAuthenticate::severalChallenges()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, schemes);
    QFETCH(QStringList, token68s);
    const WwwAuthenticate parsed = WwwAuthenticate::parse(header);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QStringList got, tokens;
    for (const AuthChallenge &c : parsed.challenges) {
        got.append(c.scheme);
        tokens.append(c.token68);
    }
    QCOMPARE(got, schemes);
    QCOMPARE(tokens, token68s);
}

void TestWwwAuthenticate::quotedStrings()
{
    const WwwAuthenticate parsed = WwwAuthenticate::parse(QByteArray(R"(Bearer realm="a, \"b\" \\ c", scope="")"));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.challenges.size(), 1);
    QCOMPARE(parsed.challenges.first().param(u"realm"), QStringLiteral("a, \"b\" \\ c"));
    QVERIFY(parsed.challenges.first().hasParam(u"scope"));
    QVERIFY(parsed.challenges.first().scopes().isEmpty());
}

void TestWwwAuthenticate::severalFields()
{
    const WwwAuthenticate parsed =
        WwwAuthenticate::parse(QList<QByteArray>{QByteArrayLiteral("Basic realm=\"x\""), QByteArrayLiteral("Bearer scope=\"s\"")});
    QCOMPARE(parsed.challenges.size(), 2);
    QCOMPARE(parsed.find(u"Bearer")->param(u"scope"), QStringLiteral("s"));
}

void TestWwwAuthenticate::malformed_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("challengesKept");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unclosed quote") << QByteArray(R"(Bearer realm="abc)") << 1 << QStringLiteral("realm");
    QTest::newRow("junk after value") << QByteArray(R"(Bearer realm="a"b)") << 1 << QStringLiteral("realm");
    QTest::newRow("starts with equals") << QByteArray("=Bearer") << 0 << QStringLiteral("character 1");
    QTest::newRow("scheme glued to quote") << QByteArray(R"(Bearer"x")") << 1 << QStringLiteral("Bearer");
}

void TestWwwAuthenticate::malformed()
{
    QFETCH(QByteArray, header);
    QFETCH(int, challengesKept);
    QFETCH(QString, mentions);
    const WwwAuthenticate parsed = WwwAuthenticate::parse(header);
    QVERIFY(!parsed.error.isEmpty());
    QVERIFY2(parsed.error.contains(mentions), qPrintable(parsed.error));
    QCOMPARE(parsed.challenges.size(), challengesKept);
}

QTEST_GUILESS_MAIN(TestWwwAuthenticate)
#include "tst_wwwauthenticate.moc"
