#include "http/Http1Parser.h"

#include <QRandomGenerator>
#include <QTest>

using crosstalk::http::Http1Parser;

namespace {

struct Outcome
{
    int heads = 0;
    int status = 0;
    QByteArray reason;
    crosstalk::http::HeaderList headers;
    QByteArray body;
    bool ok = true;
    bool complete = false;
    QString error;
};

// Feeds `response` in pieces whose sizes `nextPiece` chooses, then closes
// the input when `close` says so.
template<typename Next>
Outcome parse(const QByteArray &response, Next nextPiece, bool close, bool headRequest = false)
{
    Outcome out;
    Http1Parser parser(headRequest);
    parser.setHeadHandler([&](const Http1Parser::Head &head) {
        ++out.heads;
        out.status = head.status;
        out.reason = head.reason;
        out.headers = head.headers;
    });
    parser.setBodyHandler([&](QByteArrayView piece) { out.body += piece; });
    qsizetype at = 0;
    while (at < response.size() && out.ok) {
        const qsizetype n = qMin<qsizetype>(nextPiece(), response.size() - at);
        out.ok = parser.feed(QByteArrayView(response).sliced(at, n));
        at += n;
    }
    if (out.ok && close)
        out.ok = parser.finishInput();
    out.complete = parser.isComplete();
    out.error = parser.error();
    return out;
}

} // namespace

class TestHttp1Parser : public QObject
{
    Q_OBJECT

private slots:
    void responses_data();
    void responses();
    void broken_data();
    void broken();
    void headResponseHasNoBody();
    void headersAreCapped();
    void bytesAfterTheResponseAreIgnored();
    void bodyIsNotCopied();
};

void TestHttp1Parser::responses_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("headerCount");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello") << false << 200
        << QByteArray("OK") << 2 << QByteArray("hello");
    QTest::newRow("chunked with extension and trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\nhello\r\n1A\r\n"
                      ", here are 26 more bytes!!\r\n0\r\nX-Trailer: yes\r\n\r\n")
        << false << 200 << QByteArray("OK") << 1 << QByteArray("hello, here are 26 more bytes!!");
    QTest::newRow("until close")
        << QByteArray("HTTP/1.0 200 OK\r\n\r\ndata: one\n\ndata: two\n\n") << true << 200 << QByteArray("OK") << 0
        << QByteArray("data: one\n\ndata: two\n\n");
    QTest::newRow("bare LF line ends")
        << QByteArray("HTTP/1.1 404 Not Found\nContent-Length: 3\n\nnop") << false << 404 << QByteArray("Not Found") << 1
        << QByteArray("nop");
    QTest::newRow("interim 100 and 103 skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                      "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        << false << 201 << QByteArray("Created") << 1 << QByteArray("ok");
    QTest::newRow("no reason phrase") << QByteArray("HTTP/1.1 204\r\n\r\n") << false << 204 << QByteArray() << 0
                                      << QByteArray();
    QTest::newRow("304 ignores its length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n") << false << 304
        << QByteArray("Not Modified") << 1 << QByteArray();
    QTest::newRow("folded header")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Long: one\r\n  two\r\nContent-Length: 0\r\n\r\n") << false << 200
        << QByteArray("OK") << 2 << QByteArray();
    QTest::newRow("repeated equal lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nab") << false << 200
        << QByteArray("OK") << 2 << QByteArray("ab");
    QTest::newRow("transfer-encoding wins over length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        << false << 200 << QByteArray("OK") << 2 << QByteArray("abc");
    QTest::newRow("gzip then chunked")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nzz\r\n0\r\n\r\n") << false
        << 200 << QByteArray("OK") << 1 << QByteArray("zz");
}

void TestHttp1Parser::responses()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, close);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(int, headerCount);
    QFETCH(QByteArray, body);

    // Whole, byte by byte, and in random pieces: always the same outcome.
    auto *random = QRandomGenerator::global();
    const std::function<qsizetype()> splits[] = {
        [&] { return response.size(); },
        [] { return qsizetype(1); },
        [random] { return qsizetype(random->bounded(1, 9)); },
    };
    for (const auto &split : splits) {
        const Outcome out = parse(response, split, close);
        QVERIFY2(out.ok, qPrintable(out.error));
        QVERIFY(out.complete);
        QCOMPARE(out.heads, 1);
        QCOMPARE(out.status, status);
        QCOMPARE(out.reason, reason);
        QCOMPARE(out.headers.size(), headerCount);
        QCOMPARE(out.body, body);
    }
}

void TestHttp1Parser::broken_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("error");

    QTest::newRow("not http") << QByteArray("<html>Bad gateway</html>\r\n") << QStringLiteral("not an HTTP/1 response");
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << QStringLiteral("not an HTTP/1 response");
    QTest::newRow("status not digits") << QByteArray("HTTP/1.1 2OO OK\r\n\r\n") << QStringLiteral("not an HTTP/1 response");
    QTest::newRow("status too small") << QByteArray("HTTP/1.1 042 Odd\r\n\r\n") << QStringLiteral("status code 42,");
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n") << QStringLiteral("malformed header line");
    QTest::newRow("space in header name")
        << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n") << QStringLiteral("malformed header line");
    QTest::newRow("continuation first")
        << QByteArray("HTTP/1.1 200 OK\r\n folded\r\n\r\n") << QStringLiteral("continuation line");
    QTest::newRow("two lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
        << QStringLiteral("two different Content-Length");
    QTest::newRow("negative length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << QStringLiteral("is not a length");
    QTest::newRow("huge length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n") << QStringLiteral("is not a length");
    QTest::newRow("bad chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << QStringLiteral("chunk-size line");
    QTest::newRow("chunk size overflow")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")
        << QStringLiteral("chunk-size line");
    QTest::newRow("chunk longer than said")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")
        << QStringLiteral("longer than its size line");
    QTest::newRow("closed before answering") << QByteArray() << QStringLiteral("without answering");
    QTest::newRow("closed in headers")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Ty") << QStringLiteral("middle of the response headers");
    QTest::newRow("short body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << QStringLiteral("7 bytes before the end");
    QTest::newRow("chunked cut")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab") << QStringLiteral("chunked response body");
}

void TestHttp1Parser::broken()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, error);
    for (qsizetype piece : {qsizetype(1), qsizetype(7), qMax<qsizetype>(response.size(), 1)}) {
        const Outcome out = parse(response, [piece] { return piece; }, true);
        QVERIFY(!out.ok);
        QVERIFY(!out.complete);
        QVERIFY2(out.error.contains(error), qPrintable(out.error));
    }
}

void TestHttp1Parser::headResponseHasNoBody()
{
    const QByteArray response("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
    const Outcome out = parse(response, [&] { return response.size(); }, false, true);
    QVERIFY(out.ok);
    QVERIFY(out.complete);
    QVERIFY(out.body.isEmpty());
}

void TestHttp1Parser::headersAreCapped()
{
    // A server that sends headers forever is stopped at the cap, in any pieces.
    QByteArray response("HTTP/1.1 200 OK\r\n");
    while (response.size() <= Http1Parser::MaxHeadBytes + 200)
        response += "X-Filler: " + QByteArray(100, 'f') + "\r\n";
    for (qsizetype piece : {qsizetype(3), qsizetype(4096), response.size()}) {
        const Outcome out = parse(response, [piece] { return piece; }, false);
        QVERIFY(!out.ok);
        QVERIFY2(out.error.contains(QLatin1String("larger than 65536 bytes")), qPrintable(out.error));
    }
    // One endless header line, too.
    const QByteArray endless = "HTTP/1.1 200 OK\r\nX-Endless: " + QByteArray(Http1Parser::MaxHeadBytes, 'e');
    QVERIFY(!parse(endless, [] { return qsizetype(1000); }, false).ok);
    // And an endless chunk-size line.
    const QByteArray chunkLine = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray(10000, '0');
    const Outcome out = parse(chunkLine, [] { return qsizetype(100); }, false);
    QVERIFY(!out.ok);
    QVERIFY2(out.error.contains(QLatin1String("4096")), qPrintable(out.error));
}

void TestHttp1Parser::bytesAfterTheResponseAreIgnored()
{
    const QByteArray response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 500 Oops\r\n\r\n");
    const Outcome out = parse(response, [] { return qsizetype(5); }, true);
    QVERIFY(out.ok);
    QCOMPARE(out.heads, 1);
    QCOMPARE(out.body, QByteArray("ok"));
}

void TestHttp1Parser::bodyIsNotCopied()
{
    // Body pieces point into the bytes fed, which is what lets a large stream
    // pass through without a copy.
    const QByteArray response("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody");
    Http1Parser parser;
    const char *seen = nullptr;
    parser.setBodyHandler([&](QByteArrayView piece) { seen = piece.data(); });
    QVERIFY(parser.feed(response));
    QCOMPARE(seen, response.constData() + response.indexOf("body"));
    QCOMPARE(parser.bodyBytes(), 4);
}

QTEST_GUILESS_MAIN(TestHttp1Parser)
#include "tst_http1parser.moc"
