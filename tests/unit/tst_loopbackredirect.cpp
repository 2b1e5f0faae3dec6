#include "auth/LoopbackRedirect.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using crosstalk::auth::LoopbackRedirect;

namespace {

/// Sends raw bytes to the listener and returns what it answered, with the
/// event loop running (the listener lives on this thread).
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray answer;
    bool done = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { done = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [&] { done = true; });
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    (void)QTest::qWaitFor([&] { return done; }, 5000);
    answer += socket.readAll();
    return answer;
}

} // namespace

class TestLoopbackRedirect : public QObject
{
    Q_OBJECT

private slots:
    void listensOnLoopback();
    void onlyTheExpectedStateCounts();
    void otherRequestsAreRefused();
    void portIsKeptWhenFree();
};

void TestLoopbackRedirect::listensOnLoopback()
{
    LoopbackRedirect redirect;
    QString error;
    QVERIFY2(redirect.listen(&error), qPrintable(error));
    const QUrl uri = redirect.redirectUri();
    QCOMPARE(uri.scheme(), QStringLiteral("http"));
    QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(uri.path(), QStringLiteral("/callback"));
    QVERIFY(uri.port() > 0);
}

void TestLoopbackRedirect::onlyTheExpectedStateCounts()
{
    LoopbackRedirect redirect;
    QString error;
    QVERIFY(redirect.listen(&error));
    redirect.setExpectedState(QStringLiteral("s-1"));
    QSignalSpy received(&redirect, &LoopbackRedirect::received);
    QSignalSpy rejected(&redirect, &LoopbackRedirect::rejected);
    const quint16 port = quint16(redirect.redirectUri().port());

    // Another state: answered with an error, nothing received, still listening.
    QByteArray answer = exchange(port, "GET /callback?code=evil&state=other HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QVERIFY(answer.contains("text/plain"));
    QCOMPARE(received.size(), 0);
    QCOMPARE(rejected.size(), 1);
    answer = exchange(port, "GET /callback?code=evil HTTP/1.1\r\n\r\n");
    QVERIFY(answer.startsWith("HTTP/1.1 400"));
    QVERIFY(redirect.isListening());

    answer = exchange(port, "GET /callback?code=c%2B1&state=s-1&iss=https%3A%2F%2Fa HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toByteArray(), QByteArrayLiteral("code=c%2B1&state=s-1&iss=https%3A%2F%2Fa"));
    QVERIFY(!redirect.isListening()); // served once
}

void TestLoopbackRedirect::otherRequestsAreRefused()
{
    LoopbackRedirect redirect;
    QString error;
    QVERIFY(redirect.listen(&error));
    redirect.setExpectedState(QStringLiteral("s"));
    QSignalSpy received(&redirect, &LoopbackRedirect::received);
    const quint16 port = quint16(redirect.redirectUri().port());
    QVERIFY(exchange(port, "GET /favicon.ico HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404"));
    QVERIFY(exchange(port, "POST /callback?state=s HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 405"));
    const QByteArray huge = "GET /callback?state=s&x=" + QByteArray(LoopbackRedirect::MaxRequestBytes, 'a') + " HTTP/1.1\r\n\r\n";
    QVERIFY(exchange(port, huge).startsWith("HTTP/1.1 431"));
    QCOMPARE(received.size(), 0);
    QVERIFY(redirect.isListening());
}

void TestLoopbackRedirect::portIsKeptWhenFree()
{
    LoopbackRedirect redirect;
    QString error;
    QVERIFY(redirect.listen(&error));
    const int port = redirect.redirectUri().port();
    redirect.close();
    QVERIFY(redirect.listen(&error));
    QCOMPARE(redirect.redirectUri().port(), port);
    redirect.close();

    // A port asked for (a registered redirect URI's) is taken when free.
    LoopbackRedirect other;
    QVERIFY(other.listen(&error, quint16(port)));
    QCOMPARE(other.redirectUri().port(), port);
    // Taken: another free port.
    LoopbackRedirect third;
    QVERIFY(third.listen(&error, quint16(port)));
    QVERIFY(third.redirectUri().port() != port);
}

QTEST_GUILESS_MAIN(TestLoopbackRedirect)
#include "tst_loopbackredirect.moc"
