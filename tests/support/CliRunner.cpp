#include "CliRunner.h"

#include <QElapsedTimer>
#include <QProcess>

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

CliRun runCli(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, arguments);
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

} // namespace crosstalk::test
