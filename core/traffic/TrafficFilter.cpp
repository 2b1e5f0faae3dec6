#include "traffic/TrafficFilter.h"

namespace crosstalk::traffic {

TrafficFilter TrafficFilter::parse(const QString &text)
{
    TrafficFilter f;
    // Words, and "quoted phrases" kept whole.
    QStringList words;
    QString phrase;
    bool inPhrase = false;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!inPhrase && word.startsWith(QLatin1Char('"')) && !(word.size() > 1 && word.endsWith(QLatin1Char('"')))) {
            inPhrase = true;
            phrase = word.mid(1);
        } else if (inPhrase) {
            phrase += QLatin1Char(' ') + word;
            if (word.endsWith(QLatin1Char('"'))) {
                inPhrase = false;
                phrase.chop(1);
                words.append(QLatin1Char('\0') + phrase); // marked as a phrase
            }
        } else if (word.size() > 1 && word.startsWith(QLatin1Char('"')) && word.endsWith(QLatin1Char('"'))) {
            words.append(QLatin1Char('\0') + word.mid(1, word.size() - 2));
        } else {
            words.append(word);
        }
    }
    if (inPhrase) {
        f.m_error = tr("The phrase “%1” has no closing quote.").arg(phrase);
        return f;
    }
    for (const QString &word : std::as_const(words)) {
        Term t;
        if (word.startsWith(QLatin1Char('\0'))) {
            t.value = word.mid(1);
            f.m_terms.append(t);
            continue;
        }
        if (word.size() >= 2 && word.startsWith(QLatin1Char('/')) && word.endsWith(QLatin1Char('/'))) {
            t.field = Field::Regex;
            t.regex = QRegularExpression(word.mid(1, word.size() - 2), QRegularExpression::CaseInsensitiveOption);
            if (!t.regex.isValid()) {
                f.m_error = tr("%1: %2 (at %3)").arg(word, t.regex.errorString()).arg(t.regex.patternErrorOffset());
                return f;
            }
            f.m_terms.append(t);
            continue;
        }
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        // A word with a colon is a key:value term, unless it is plainly a URL
        // or a time ("http://…", "12:30") typed to be searched for.
        const QString key = colon > 0 ? word.left(colon).toLower() : QString();
        const bool looksLikeKey = colon > 0 && !word.mid(colon + 1).startsWith(QLatin1String("//"))
            && key.front().isLetter();
        if (!looksLikeKey) {
            t.value = word;
            f.m_terms.append(t);
            continue;
        }
        t.value = word.mid(colon + 1);
        if (t.value.isEmpty()) {
            f.m_error = tr("“%1” needs a value after the colon.").arg(word);
            return f;
        }
        if (key == QLatin1String("method"))
            t.field = Field::Method;
        else if (key == QLatin1String("connection") || key == QLatin1String("conn"))
            t.field = Field::Connection;
        else if (key == QLatin1String("id"))
            t.field = Field::Id;
        else if (key == QLatin1String("kind"))
            t.field = Field::Kind;
        else if (key == QLatin1String("dir")) {
            t.field = Field::Direction;
            if (t.value != QLatin1String("in") && t.value != QLatin1String("out")) {
                f.m_error = tr("dir: takes in or out, not “%1”.").arg(t.value);
                return f;
            }
        } else if (key == QLatin1String("status")) {
            t.field = Field::Status;
            static const QRegularExpression status(QStringLiteral("^[1-5]([0-9]{2}|xx)$"), QRegularExpression::CaseInsensitiveOption);
            if (!status.match(t.value).hasMatch()) {
                f.m_error = tr("status: takes a status such as 404 or 4xx, not “%1”.").arg(t.value);
                return f;
            }
        } else if (key == QLatin1String("is")) {
            if (t.value != QLatin1String("error")) {
                f.m_error = tr("is: takes error, not “%1”.").arg(t.value);
                return f;
            }
            t.field = Field::IsError;
        } else {
            f.m_error = tr("“%1:” is not a filter key (method, connection, id, kind, dir, status, is).").arg(key);
            return f;
        }
        f.m_terms.append(t);
    }
    return f;
}

int TrafficFilter::statusOf(const TrafficEntry &entry)
{
    if (entry.kind != TransportKind::HttpResponse)
        return 0;
    bool ok = false;
    const int status = entry.startLine.section(QLatin1Char(' '), 0, 0).toInt(&ok);
    return ok ? status : 0;
}

bool TrafficFilter::isError(const TrafficEntry &entry)
{
    return statusOf(entry) >= 400 || entry.rpc.kind == RpcSummary::Kind::Error || entry.rpc.kind == RpcSummary::Kind::Invalid;
}

bool TrafficFilter::holds(const Term &t, const TrafficEntry &e) const
{
    const auto has = [&t](const QString &field) { return field.contains(t.value, Qt::CaseInsensitive); };
    switch (t.field) {
    case Field::Method: return has(e.rpc.method);
    case Field::Connection: return has(e.connection);
    case Field::Id: return e.rpc.id == t.value || e.rpc.id == QLatin1Char('"') + t.value + QLatin1Char('"');
    case Field::Kind: return transportKindName(e.kind).contains(t.value, Qt::CaseInsensitive);
    case Field::Direction: return directionName(e.direction) == t.value;
    case Field::Status: {
        const QString status = QString::number(statusOf(e));
        return t.value.endsWith(QLatin1String("xx"), Qt::CaseInsensitive) ? status.startsWith(t.value.front())
                                                                          : status == t.value;
    }
    case Field::IsError: return isError(e);
    case Field::Regex:
        return t.regex.match(e.startLine).hasMatch() || t.regex.match(e.rpc.method).hasMatch()
            || t.regex.match(QString::fromUtf8(e.body.left(MaxSearchedBodyBytes))).hasMatch();
    case Field::Text:
        if (has(e.startLine) || has(e.rpc.method) || has(e.connection) || has(e.rpc.id))
            return true;
        return QString::fromUtf8(e.body.left(MaxSearchedBodyBytes)).contains(t.value, Qt::CaseInsensitive);
    }
    return false;
}

bool TrafficFilter::matches(const TrafficEntry &e) const
{
    if (!m_connection.isEmpty() && e.connection != m_connection)
        return false;
    if (m_errorsOnly && !isError(e))
        return false;
    for (const Term &t : m_terms) {
        if (!holds(t, e))
            return false;
    }
    return true;
}

} // namespace crosstalk::traffic
