#include "http/RedirectRules.h"

#include <QTest>

using crosstalk::http::HeaderList;
using crosstalk::http::RedirectRules;

class TestRedirectRules : public QObject
{
    Q_OBJECT

private slots:
    void sameOrigin_data();
    void sameOrigin();
    void decide_data();
    void decide();
    void credentialsStayAtHome();
};

void TestRedirectRules::sameOrigin_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("identical") << "http://127.0.0.1:8000/a" << "http://127.0.0.1:8000/b" << true;
    QTest::newRow("other port") << "http://127.0.0.1:8000/" << "http://127.0.0.1:8001/" << false;
    QTest::newRow("default port explicit") << "https://example.test/" << "https://example.test:443/x" << true;
    QTest::newRow("http default port") << "http://example.test/" << "http://example.test:80/" << true;
    QTest::newRow("other scheme") << "http://example.test/" << "https://example.test/" << false;
    QTest::newRow("host case") << "http://Example.TEST/" << "http://example.test/" << true;
    QTest::newRow("other host") << "http://127.0.0.1/" << "http://localhost/" << false;
    QTest::newRow("userinfo ignored") << "http://a@example.test/" << "http://example.test/" << true;
}

void TestRedirectRules::sameOrigin()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(crosstalk::http::sameOrigin(QUrl(a), QUrl(b)), same);
}

void TestRedirectRules::decide_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("soFar");
    QTest::addColumn<bool>("follow");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("newMethod");
    QTest::addColumn<bool>("dropBody");
    QTest::addColumn<bool>("crossOrigin");
    QTest::addColumn<QString>("refusalMentions");

    const QString base = QStringLiteral("http://127.0.0.1:8000/a/b?q=1");
    QTest::newRow("302 GET relative") << base << 302 << QByteArray("c") << QByteArray("GET") << 0 << true
                                      << "http://127.0.0.1:8000/a/c" << QByteArray("GET") << false << false << "";
    QTest::newRow("301 POST becomes GET") << base << 301 << QByteArray("/x") << QByteArray("POST") << 0 << true
                                          << "http://127.0.0.1:8000/x" << QByteArray("GET") << true << false << "";
    QTest::newRow("303 PUT becomes GET") << base << 303 << QByteArray("/x") << QByteArray("PUT") << 0 << true
                                         << "http://127.0.0.1:8000/x" << QByteArray("GET") << true << false << "";
    QTest::newRow("303 HEAD stays") << base << 303 << QByteArray("/x") << QByteArray("HEAD") << 0 << true
                                    << "http://127.0.0.1:8000/x" << QByteArray("HEAD") << false << false << "";
    QTest::newRow("307 keeps POST") << base << 307 << QByteArray("/x") << QByteArray("POST") << 0 << true
                                    << "http://127.0.0.1:8000/x" << QByteArray("POST") << false << false << "";
    QTest::newRow("308 other port") << base << 308 << QByteArray("http://127.0.0.1:9000/y") << QByteArray("POST") << 0
                                    << true << "http://127.0.0.1:9000/y" << QByteArray("POST") << false << true << "";
    QTest::newRow("protocol-relative") << base << 302 << QByteArray("//localhost:8000/z") << QByteArray("GET") << 0
                                       << true << "http://localhost:8000/z" << QByteArray("GET") << false << true << "";
    QTest::newRow("too many") << base << 302 << QByteArray("/x") << QByteArray("GET") << 10 << false << "" << QByteArray()
                              << false << false << "Too many redirects";
    QTest::newRow("no location") << base << 302 << QByteArray("  ") << QByteArray("GET") << 0 << false << ""
                                 << QByteArray() << false << false << "no Location";
    QTest::newRow("https to http") << "https://example.test/" << 302 << QByteArray("http://example.test/") << QByteArray("GET")
                                   << 0 << false << "" << QByteArray() << false << false << "unencrypted";
    QTest::newRow("file scheme") << base << 302 << QByteArray("file:///etc/passwd") << QByteArray("GET") << 0 << false << ""
                                 << QByteArray() << false << false << "file";
    QTest::newRow("not a redirect") << base << 200 << QByteArray("/x") << QByteArray("GET") << 0 << false << ""
                                    << QByteArray() << false << false << "not a redirect";
}

void TestRedirectRules::decide()
{
    QFETCH(QString, current);
    QFETCH(int, status);
    QFETCH(QByteArray, location);
    QFETCH(QByteArray, method);
    QFETCH(int, soFar);
    QFETCH(bool, follow);
    QFETCH(QString, target);
    QFETCH(QByteArray, newMethod);
    QFETCH(bool, dropBody);
    QFETCH(bool, crossOrigin);
    QFETCH(QString, refusalMentions);

    const auto d = RedirectRules::decide(QUrl(current), status, location, method, soFar, 10);
    QCOMPARE(d.follow, follow);
    if (!follow) {
        QVERIFY2(d.refusal.contains(refusalMentions), qPrintable(d.refusal));
        return;
    }
    QVERIFY(d.refusal.isEmpty());
    QCOMPARE(d.target, QUrl(target));
    QCOMPARE(d.method, newMethod);
    QCOMPARE(d.dropBody, dropBody);
    QCOMPARE(d.crossOrigin, crossOrigin);
}

void TestRedirectRules::credentialsStayAtHome()
{
    const HeaderList headers{{"Authorization", "Bearer s3cret"},
                             {"Accept", "application/json"},
                             {"COOKIE", "sid=1"},
                             {"X-Api-Key", "k"},
                             {"X-Team-Key", "t"}};
    auto credentials = crosstalk::http::defaultCredentialHeaders();
    credentials << "x-team-key";

    QList<QByteArray> dropped;
    QCOMPARE(RedirectRules::headersForHop(headers, false, credentials, &dropped), headers);
    QVERIFY(dropped.isEmpty());

    const HeaderList kept = RedirectRules::headersForHop(headers, true, credentials, &dropped);
    QCOMPARE(kept, (HeaderList{{"Accept", "application/json"}}));
    QCOMPARE(dropped, (QList<QByteArray>{"Authorization", "COOKIE", "X-Api-Key", "X-Team-Key"}));
}

QTEST_GUILESS_MAIN(TestRedirectRules)
#include "tst_redirectrules.moc"
