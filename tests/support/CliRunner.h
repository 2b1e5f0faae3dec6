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
/// The program runs headless (no DISPLAY).
CliRun runCli(const QString &program, const QStringList &arguments, int timeoutMs = 120000);
/// The same with `input` on its stdin (then closed).
CliRun runCliWithInput(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs = 120000);

/// Runs `program` on a pseudo-terminal (through script(1)) with `typed` as
/// what a person types. Its stdout and stderr both arrive in `out`.
CliRun runCliAtTerminal(const QString &program, const QStringList &arguments, const QByteArray &typed,
                        int timeoutMs = 60000);
/// Why runCliAtTerminal() cannot run here (empty when it can).
QString terminalUnavailableReason();

} // namespace crosstalk::test
