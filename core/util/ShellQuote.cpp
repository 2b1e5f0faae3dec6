#include "util/ShellQuote.h"

#include <QRegularExpression>

namespace crosstalk {

QString shellQuoted(const QString &word, ShellQuoting quoting)
{
    static const QRegularExpression special(QStringLiteral("[\\s'\"\\\\$`!*?&;|<>()#~{}\\[\\]]"));
    if (quoting == ShellQuoting::Needed && !word.isEmpty() && !word.contains(special))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString shellCommandLine(const QStringList &words, ShellQuoting quoting)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &w : words)
        quoted.append(shellQuoted(w, quoting));
    return quoted.join(QLatin1Char(' '));
}

} // namespace crosstalk
