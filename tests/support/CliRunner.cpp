#include "CliRunner.h"

#include "util/ShellQuote.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

namespace crosstalk::test {

std::vector<nlohmann::json> CliRun::lines() const
{
    std::vector<nlohmann::json> all;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            all.push_back(nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false));
    }
    return all;
}

nlohmann::json CliRun::end() const
{
    const std::vector<nlohmann::json> all = lines();
    return all.empty() ? nlohmann::json() : all.back();
}

namespace {

/// Command-line runs are headless: nothing they do may open a window or a
/// browser, even when the tests run on a desktop.
QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

CliRun finish(QProcess &p, const QElapsedTimer &timer, int timeoutMs)
{
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "the program did not finish within " + QByteArray::number(timeoutMs) + " ms";
        return r;
    }
    r.ms = timer.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

CliRun runCli(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(headless());
    QElapsedTimer timer;
    timer.start();
    p.start(program, arguments);
    return finish(p, timer, timeoutMs);
}

CliRun runCliWithInput(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(headless());
    QElapsedTimer timer;
    timer.start();
    p.start(program, arguments);
    p.write(input);
    p.closeWriteChannel();
    return finish(p, timer, timeoutMs);
}

QString terminalUnavailableReason()
{
    return QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty()
        ? QStringLiteral("script(1) from util-linux is not installed")
        : QString();
}

CliRun runCliAtTerminal(const QString &program, const QStringList &arguments, const QByteArray &typed, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(headless());
    QElapsedTimer timer;
    timer.start();
    // script(1) gives the program a pseudo-terminal and types what arrives
    // on its own stdin; stdin stays open, so the input does not end early.
    p.start(QStringLiteral("script"), {QStringLiteral("-qec"), shellCommandLine(QStringList{program} + arguments, ShellQuoting::Always), QStringLiteral("/dev/null")});
    p.waitForStarted();
    p.write(typed);
    return finish(p, timer, timeoutMs);
}

} // namespace crosstalk::test
