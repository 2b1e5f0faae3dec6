// The keychain test environment: QtKeychain against a real gnome-keyring in a
// private D-Bus session (tests/support/with-keyring.sh). Credentials work in
// Crosstalk builds on this, so it must hold on every CI machine: a secret goes
// in, comes back, is deleted, never reaches a file in plain text, and the
// developer's own keychain is never touched.
#include <QDir>
#include <QDirIterator>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

const QString Service = QStringLiteral("Crosstalk tests");

// Runs one keychain job and waits for it; jobs are started from the event
// loop, never from another job's finished signal.
QKeychain::Error runJob(QKeychain::Job *job, QString *error = nullptr)
{
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&] { done = true; });
    job->setAutoDelete(false);
    QTimer::singleShot(0, job, [job] { job->start(); });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("keychain job did not finish");
    if (error)
        *error = job->errorString();
    const QKeychain::Error result = job->error();
    delete job;
    return result;
}

} // namespace

class TestOsKeychain : public QObject
{
    Q_OBJECT

private slots:
    void isAThrowAwayKeychain();
    void roundTrip();
};

void TestOsKeychain::isAThrowAwayKeychain()
{
    const QString home = QDir::homePath();
    QVERIFY2(home.contains(QLatin1String("crosstalk-keyring.")), qPrintable(home));
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestOsKeychain::roundTrip()
{
    const QString key = QStringLiteral("profile-1/bearer");
    const QString secret = QStringLiteral("s3cret-%1").arg(QDateTime::currentMSecsSinceEpoch());
    QString error;

    auto *write = new QKeychain::WritePasswordJob(Service);
    write->setInsecureFallback(false);
    write->setKey(key);
    write->setTextData(secret);
    QCOMPARE(runJob(write, &error), QKeychain::NoError);

    auto *read = new QKeychain::ReadPasswordJob(Service);
    read->setKey(key);
    bool done = false;
    QString readBack;
    connect(read, &QKeychain::Job::finished, this, [&] {
        readBack = read->textData();
        done = true;
    });
    read->setAutoDelete(false);
    QTimer::singleShot(0, read, [read] { read->start(); });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(read->error(), QKeychain::NoError);
    QCOMPARE(readBack, secret);
    delete read;

    // No file under the throw-away home holds the secret in plain text.
    QDirIterator it(QDir::homePath() + QStringLiteral("/.."), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
    }

    auto *remove = new QKeychain::DeletePasswordJob(Service);
    remove->setKey(key);
    QCOMPARE(runJob(remove, &error), QKeychain::NoError);

    auto *gone = new QKeychain::ReadPasswordJob(Service);
    gone->setKey(key);
    QCOMPARE(runJob(gone, &error), QKeychain::EntryNotFound);
}

QTEST_GUILESS_MAIN(TestOsKeychain)
#include "tst_oskeychain.moc"
