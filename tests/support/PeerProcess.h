#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QUrl>

namespace crosstalk::test {

/// A real protocol peer (a Node.js program from tests/peers) started for a
/// test: it listens on 127.0.0.1 only, on a port the system picks (the
/// loopback.cjs preload forces the address and reports the port), and it is
/// always stopped: by stop(), by the destructor, and by the kernel if the test
/// process dies (PR_SET_PDEATHSIG).
class PeerProcess : public QObject
{
    Q_OBJECT

public:
    explicit PeerProcess(QObject *parent = nullptr);
    ~PeerProcess() override;

    /// Starts `node --require loopback.cjs <script> <arguments>` in
    /// tests/peers with PORT=0 and waits until it listens. `script` is
    /// relative to tests/peers. On failure, errorString() says why, with the
    /// peer's output.
    bool start(const QString &script, const QStringList &arguments = {},
               const QProcessEnvironment &extraEnvironment = {}, int timeoutMs = 30000);
    void stop();

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/")) const;
    /// Everything the peer wrote so far (stdout and stderr).
    QString output() const { return QString::fromUtf8(m_output); }
    QString errorString() const { return m_error; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    void onOutput();

    QProcess m_process;
    QByteArray m_output;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace crosstalk::test
