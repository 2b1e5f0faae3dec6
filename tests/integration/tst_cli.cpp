#include "util/Version.h"

#include <QProcess>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void help();
    void unknownCommand();
    void linksNoWidgets();

private:
    static QProcess *run(const QStringList &arguments);
};

QProcess *TestCli::run(const QStringList &arguments)
{
    auto *process = new QProcess;
    process->start(QStringLiteral(CROSSTALK_CLI), arguments);
    if (!process->waitForFinished(20000))
        qWarning("crosstalk-cli did not finish");
    return process;
}

void TestCli::version()
{
    std::unique_ptr<QProcess> p(run({QStringLiteral("--version")}));
    QCOMPARE(p->exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p->readAllStandardOutput()).trimmed(),
             QStringLiteral("crosstalk-cli ") + crosstalk::versionString());
}

void TestCli::help()
{
    std::unique_ptr<QProcess> p(run({QStringLiteral("--help")}));
    QCOMPARE(p->exitCode(), 0);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("Usage:")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("--version")));
    QVERIFY(out.contains(QLatin1String("A2A")));
}

void TestCli::unknownCommand()
{
    std::unique_ptr<QProcess> p(run({QStringLiteral("frobnicate")}));
    QCOMPARE(p->exitCode(), 1); // a usage error
    QVERIFY(QString::fromUtf8(p->readAllStandardError()).contains(QLatin1String("frobnicate")));
}

void TestCli::linksNoWidgets()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {QStringLiteral(CROSSTALK_CLI)});
    QVERIFY(ldd.waitForFinished(20000));
    const QByteArray libs = ldd.readAllStandardOutput();
    QVERIFY2(libs.contains("libQt6Core"), libs.constData());
    QVERIFY2(!libs.contains("libQt6Widgets"), libs.constData());
    QVERIFY2(!libs.contains("libQt6Gui"), libs.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
