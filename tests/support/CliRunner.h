#pragma once

#include <QByteArray>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace crosstalk::test {

/// What one run of a command-line program gave.
struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or did not finish
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;

    /// stdout as one JSON value per line (a line that is not JSON is discarded JSON).
    std::vector<nlohmann::json> lines() const;
    /// The last of lines(), or null.
    nlohmann::json end() const;
};

/// Runs `program` with `arguments` and waits for it (killing it after
/// `timeoutMs`, with that said in `err`).
CliRun runCli(const QString &program, const QStringList &arguments, int timeoutMs = 120000);

} // namespace crosstalk::test
