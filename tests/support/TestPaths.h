#pragma once

#include <QString>
#include <QStringList>

namespace crosstalk::test {

/// The project's source tree.
QString sourceDir();
/// The build tree (where the executables are).
QString binaryDir();
/// `../shared/specs` (official schemas); empty when absent, so a test can skip.
QString specsDir();
/// `tests/peers`, where the npm test peers are installed.
QString peersDir();
/// The Node.js that runs the test peers; empty when none was found.
QString nodeProgram();
/// Why peer tests cannot run here (no Node.js, peers not installed), or empty.
QString peersUnavailableReason();
/// Every file under `roots` (hidden ones too) that holds one of `secrets`,
/// as it is or in base64, as "PATH holds SECRET"; `files` counts the files
/// read, so a test can tell that there was something to look in.
QStringList filesHoldingSecrets(const QStringList &roots, const QStringList &secrets, int *files);
/// This process's resident memory (VmRSS) in KiB; 0 where it cannot be read.
qint64 residentKiB();

} // namespace crosstalk::test
