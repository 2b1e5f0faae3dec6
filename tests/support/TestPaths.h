#pragma once

#include <QString>

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
/// This process's resident memory (VmRSS) in KiB; 0 where it cannot be read.
qint64 residentKiB();

} // namespace crosstalk::test
