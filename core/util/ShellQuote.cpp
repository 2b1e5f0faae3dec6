#include "util/ShellQuote.h"

#include <QCoreApplication>
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

std::optional<QStringList> splitShellWords(const QString &line, QString *error)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum { None, Single, Double } quote = None;
    qsizetype opened = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == Single) {
            if (c == QLatin1Char('\''))
                quote = None;
            else
                word += c;
            continue;
        }
        if (quote == Double) {
            if (c == QLatin1Char('"')) {
                quote = None;
            } else if (c == QLatin1Char('\\') && i + 1 < line.size()
                       && QStringView(u"\"\\$`").contains(line.at(i + 1))) {
                word += line.at(++i);
            } else {
                word += c;
            }
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'')) {
            quote = Single;
            opened = i;
        } else if (c == QLatin1Char('"')) {
            quote = Double;
            opened = i;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 < line.size())
                word += line.at(++i);
        } else {
            word += c;
        }
    }
    if (quote != None) {
        if (error)
            *error = QCoreApplication::translate("ShellQuote", "the quote %1 at character %2 is never closed")
                         .arg(quote == Single ? QStringLiteral("'") : QStringLiteral("\""))
                         .arg(opened + 1);
        return std::nullopt;
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace crosstalk
