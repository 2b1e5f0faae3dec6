#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace crosstalk {

/// A word for a POSIX shell command line, in single quotes.
/// `Needed` leaves a word without special characters bare (a command line
/// shown to people); `Always` quotes every word (a command built to be pasted).
enum class ShellQuoting { Needed, Always };
QString shellQuoted(const QString &word, ShellQuoting quoting = ShellQuoting::Needed);
/// The words joined into one command line, each quoted as `quoting` says.
QString shellCommandLine(const QStringList &words, ShellQuoting quoting = ShellQuoting::Needed);
/// Splits a command line typed by a person into words as a POSIX shell
/// would, without expanding anything: blanks separate words; 'single
/// quotes' keep everything; "double quotes" keep everything but \" \\ \$
/// and \` escapes; a backslash outside quotes keeps the next character.
/// An unclosed quote gives std::nullopt and `error` names where it opened.
std::optional<QStringList> splitShellWords(const QString &line, QString *error = nullptr);

} // namespace crosstalk
