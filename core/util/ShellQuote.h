#pragma once

#include <QString>
#include <QStringList>

namespace crosstalk {

/// A word for a POSIX shell command line, in single quotes.
/// `Needed` leaves a word without special characters bare (a command line
/// shown to people); `Always` quotes every word (a command built to be pasted).
enum class ShellQuoting { Needed, Always };
QString shellQuoted(const QString &word, ShellQuoting quoting = ShellQuoting::Needed);
/// The words joined into one command line, each quoted as `quoting` says.
QString shellCommandLine(const QStringList &words, ShellQuoting quoting = ShellQuoting::Needed);

} // namespace crosstalk
