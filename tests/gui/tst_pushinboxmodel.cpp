// The push inbox: every delivery to the local webhook, accepted, repeated or
// refused, as rows that a model tester watches, bounded with honest eviction.
#include "PushInboxModel.h"
#include "TaskTimeline.h"
#include "http/HttpClient.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QTimer>
#include <QSignalSpy>
#include <QTest>

using namespace crosstalk;
using crosstalk::ui::PushInboxModel;

namespace {

int post(http::HttpClient &client, const QUrl &url, const QByteArray &body, const QByteArray &token)
{
    http::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}, {"X-A2A-Notification-Token", token}};
    int status = -1;
    // Its own loop: QTest::qWaitFor sleeps between turns, too slow for a thousand posts.
    QEventLoop loop;
    QObject::connect(client.send(request), &http::HttpReply::finished, &loop, [&](const http::HttpResult &r) {
        status = r.status;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return status;
}

QByteArray statusUpdate(int n, const char *state = "TASK_STATE_WORKING")
{
    return QByteArrayLiteral(R"({"statusUpdate":{"taskId":"task-)") + QByteArray::number(n)
        + QByteArrayLiteral(R"(","contextId":"c","status":{"state":")") + state + QByteArrayLiteral(R"("}}})");
}

QString cell(const PushInboxModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestPushInboxModel : public QObject
{
    Q_OBJECT

private slots:
    void deliveriesBecomeRows();
    void evictsTheOldest();
};

void TestPushInboxModel::deliveriesBecomeRows()
{
    a2a::WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    http::HttpClient client;
    const QByteArray token = receiver.token().toLatin1();
    // One delivery before the model is attached is taken from the inbox.
    QCOMPARE(post(client, receiver.url(), statusUpdate(1), token), 200);

    PushInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReceiver(&receiver);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, PushInboxModel::TaskColumn), QStringLiteral("task-1"));
    QCOMPARE(cell(model, 0, PushInboxModel::StatusColumn), QStringLiteral("200"));

    QCOMPARE(post(client, receiver.url(), statusUpdate(1), token), 200); // delivered again
    QCOMPARE(post(client, receiver.url(), statusUpdate(2, "TASK_STATE_COMPLETED"), "guess"), 401);
    QCOMPARE(post(client, receiver.url(), "{\"task\": 1", token), 400);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(cell(model, 1, PushInboxModel::StatusColumn).contains(QStringLiteral("200 (")));
    QCOMPARE(cell(model, 2, PushInboxModel::StatusColumn), QStringLiteral("401"));
    QVERIFY(!cell(model, 2, PushInboxModel::ProblemColumn).isEmpty());
    QVERIFY(cell(model, 2, PushInboxModel::ItemColumn).isEmpty()); // a refused delivery is not read
    QCOMPARE(cell(model, 3, PushInboxModel::StatusColumn), QStringLiteral("400"));
    QVERIFY(cell(model, 0, PushInboxModel::ItemColumn).contains(ui::TaskTimeline::stateLabel(a2a::TaskState::Working)));

    // Detached: no more rows.
    model.setReceiver(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(post(client, receiver.url(), statusUpdate(3), token), 200);
    QCOMPARE(model.rowCount(), 0);
}

void TestPushInboxModel::evictsTheOldest()
{
    a2a::WebhookReceiver receiver;
    QVERIFY(receiver.listen());
    PushInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReceiver(&receiver);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    http::HttpClient client;
    const QByteArray token = receiver.token().toLatin1();
    const int extra = 5;
    for (int i = 0; i < PushInboxModel::MaxRows + extra; ++i)
        QCOMPARE(post(client, receiver.url(), statusUpdate(i), token), 200);
    QCOMPARE(model.rowCount(), PushInboxModel::MaxRows);
    QCOMPARE(removed.count(), extra);
    QCOMPARE(cell(model, 0, PushInboxModel::TaskColumn), QStringLiteral("task-%1").arg(extra));
    QCOMPARE(cell(model, PushInboxModel::MaxRows - 1, PushInboxModel::TaskColumn),
             QStringLiteral("task-%1").arg(PushInboxModel::MaxRows + extra - 1));
}

QTEST_MAIN(TestPushInboxModel)
#include "tst_pushinboxmodel.moc"
