#include "TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace crosstalk::test {

QString sourceDir()
{
    return QStringLiteral(CROSSTALK_SOURCE_DIR);
}

QString binaryDir()
{
    return QStringLiteral(CROSSTALK_BINARY_DIR);
}

QString specsDir()
{
    const QString dir = QDir::cleanPath(QStringLiteral(CROSSTALK_SPECS_DIR));
    return QFileInfo(dir).isDir() ? dir : QString();
}

QString peersDir()
{
    return QStringLiteral(CROSSTALK_PEERS_DIR);
}

QString nodeProgram()
{
    const QString env = qEnvironmentVariable("CROSSTALK_NODE");
    if (!env.isEmpty())
        return env;
    return QStringLiteral(CROSSTALK_NODE).endsWith(QLatin1String("NOTFOUND"))
        ? QString()
        : QStringLiteral(CROSSTALK_NODE);
}

QString peersUnavailableReason()
{
    if (nodeProgram().isEmpty())
        return QStringLiteral("Node.js was not found at configure time; run the README's test command");
    if (!QFileInfo(peersDir() + QStringLiteral("/node_modules/.package-lock.json")).exists())
        return QStringLiteral("the npm test peers are not installed in tests/peers (npm ci)");
    return {};
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

QStringList filesHoldingSecrets(const QStringList &roots, const QStringList &secrets, int *files)
{
    QStringList found;
    *files = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++*files;
            const QByteArray bytes = file.readAll();
            for (const QString &secret : secrets) {
                if (bytes.contains(secret.toUtf8()) || bytes.contains(secret.toUtf8().toBase64()))
                    found.append(file.fileName() + QStringLiteral(" holds ") + secret);
            }
        }
    }
    return found;
}

} // namespace crosstalk::test
