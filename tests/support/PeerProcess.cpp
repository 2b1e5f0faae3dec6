#include "PeerProcess.h"

#include "TestPaths.h"

#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

namespace crosstalk::test {

PeerProcess::PeerProcess(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    connect(&m_process, &QProcess::readyRead, this, &PeerProcess::onOutput);
}

PeerProcess::~PeerProcess()
{
    stop();
}

void PeerProcess::onOutput()
{
    m_output += m_process.readAll();
    if (m_port == 0) {
        static const QRegularExpression listening(QStringLiteral("CROSSTALK_PEER_LISTENING (\\S+) (\\d+)"));
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            if (match.captured(1) != QLatin1String("127.0.0.1")) {
                m_error = QStringLiteral("peer listens on %1, not on loopback").arg(match.captured(1));
                stop();
                return;
            }
            m_port = quint16(match.captured(2).toUInt());
        }
    }
}

bool PeerProcess::start(const QString &script, const QStringList &arguments,
                        const QProcessEnvironment &extraEnvironment, int timeoutMs)
{
    if (const QString reason = peersUnavailableReason(); !reason.isEmpty()) {
        m_error = reason;
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("NODE_ENV"), QStringLiteral("test"));
    for (const QString &key : extraEnvironment.keys())
        env.insert(key, extraEnvironment.value(key));
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(peersDir());
    m_process.start(nodeProgram(),
                    QStringList{QStringLiteral("--require"), peersDir() + QStringLiteral("/loopback.cjs"),
                                peersDir() + QLatin1Char('/') + script}
                        + arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("could not start %1: %2").arg(nodeProgram(), m_process.errorString());
        return false;
    }
    const bool listening = QTest::qWaitFor([&] { return m_port != 0 || m_process.state() == QProcess::NotRunning; },
                                           timeoutMs);
    if (!listening || m_port == 0) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 did not start listening within %2 ms. Its output:\n%3")
                          .arg(script)
                          .arg(timeoutMs)
                          .arg(output());
        stop();
        return false;
    }
    return true;
}

void PeerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QUrl PeerProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

} // namespace crosstalk::test
