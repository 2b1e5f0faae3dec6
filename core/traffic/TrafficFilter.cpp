#include "traffic/TrafficFilter.h"

#include <QRegularExpression>

#include <algorithm>

namespace crosstalk::traffic {

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// A word that starts a regular expression ends at a slash followed by a
// space or the end; the index of that slash, or -1.
qsizetype regexEnd(const QString &text, qsizetype from)
{
    for (qsizetype k = from + 1; k < text.size(); ++k) {
        if (text[k] == QLatin1Char('\\')) {
            ++k; // an escaped character, a slash too
            continue;
        }
        if (text[k] == QLatin1Char('/') && (k + 1 == text.size() || isSpace(text[k + 1])))
            return k > from + 1 ? k : -1;
    }
    return -1;
}

} // namespace

TrafficFilter TrafficFilter::parse(const QString &text)
{
    TrafficFilter f;
    // Words, "quoted phrases" and /regular expressions/, kept whole.
    struct Token
    {
        enum Kind { Word, Phrase, Regex } kind;
        QString text;
    };
    QList<Token> words;
    for (qsizetype i = 0; i < text.size();) {
        if (isSpace(text[i])) {
            ++i;
            continue;
        }
        if (text[i] == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0) {
                f.m_error = tr("The phrase “%1” has no closing quote.").arg(text.mid(i + 1));
                return f;
            }
            if (close > i + 1)
                words.append({Token::Phrase, text.mid(i + 1, close - i - 1)});
            i = close + 1;
            continue;
        }
        if (text[i] == QLatin1Char('/')) {
            const qsizetype close = regexEnd(text, i);
            if (close > 0) {
                words.append({Token::Regex, text.mid(i, close - i + 1)});
                i = close + 1;
                continue;
            }
        }
        qsizetype end = i;
        while (end < text.size() && !isSpace(text[end]))
            ++end;
        words.append({Token::Word, text.mid(i, end - i)});
        i = end;
    }
    // A word that cannot be searched for (text that is not UTF-16, such as a
    // lone surrogate) makes the filter invalid.
    const auto searchFor = [&f](Term &t) {
        t.matcher = TextMatcher::word(t.value);
        if (!t.matcher)
            f.m_error = tr("“%1” cannot be searched for: it is not valid text.").arg(t.value);
        return bool(t.matcher);
    };
    for (const Token &token : std::as_const(words)) {
        Term t;
        const QString &word = token.text;
        if (token.kind == Token::Phrase) {
            t.value = word;
            if (!searchFor(t))
                return f;
            f.m_terms.append(t);
            continue;
        }
        if (token.kind == Token::Regex) {
            const QString &expression = word;
            t.field = Field::Regex;
            t.value = expression.mid(1, expression.size() - 2);
            QString why;
            qsizetype at = 0;
            t.matcher = TextMatcher::regex(t.value, &why, &at);
            if (!t.matcher) {
                f.m_error = tr("%1: %2 (at %3)").arg(expression, why).arg(at + 1);
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
            if (!searchFor(t))
                return f;
            f.m_terms.append(t);
            continue;
        }
        t.value = word.mid(colon + 1);
        if (t.value.isEmpty()) {
            f.m_error = tr("“%1” needs a value after the colon.").arg(word);
            return f;
        }
        if (key == QLatin1String("method")) {
            t.field = Field::Method;
            if (!searchFor(t))
                return f;
        } else if (key == QLatin1String("connection") || key == QLatin1String("conn")) {
            t.field = Field::Connection;
            if (!searchFor(t))
                return f;
        } else if (key == QLatin1String("id")) {
            t.field = Field::Id;
        } else if (key == QLatin1String("kind")) {
            t.field = Field::Kind;
            for (TransportKind kind : {TransportKind::HttpRequest, TransportKind::HttpResponse, TransportKind::SseEvent,
                                       TransportKind::StdioLine}) {
                if (transportKindName(kind).contains(t.value, Qt::CaseInsensitive))
                    t.number |= 1 << int(kind);
            }
        } else if (key == QLatin1String("dir")) {
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
            t.hundreds = t.value.endsWith(QLatin1String("xx"), Qt::CaseInsensitive);
            t.number = t.hundreds ? t.value.left(1).toInt() : t.value.toInt();
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
    // "404 Not Found": the leading digits, without making a string.
    int status = 0;
    qsizetype digits = 0;
    for (QChar c : entry.startLine) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            break;
        status = status * 10 + (c.unicode() - '0');
        if (++digits > 3)
            return 0;
    }
    return digits == 3 ? status : 0;
}

bool TrafficFilter::isError(const TrafficEntry &entry)
{
    return statusOf(entry) >= 400 || entry.rpc.kind == RpcSummary::Kind::Error || entry.rpc.kind == RpcSummary::Kind::Invalid;
}

bool TrafficFilter::holds(const Term &t, const TrafficEntry &e) const
{
    const auto body = [&e] { return QByteArrayView(e.body).first(std::min(e.body.size(), MaxSearchedBodyBytes)); };
    switch (t.field) {
    case Field::Method: return t.matcher->foundIn(e.rpc.method);
    case Field::Connection: return t.matcher->foundIn(e.connection);
    case Field::Id:
        return e.rpc.id == t.value
            || (e.rpc.id.size() == t.value.size() + 2 && e.rpc.id.startsWith(QLatin1Char('"'))
                && e.rpc.id.endsWith(QLatin1Char('"')) && QStringView(e.rpc.id).mid(1, t.value.size()) == t.value);
    case Field::Kind: return (t.number & (1 << int(e.kind))) != 0;
    case Field::Direction: return directionName(e.direction) == t.value;
    case Field::Status: {
        const int status = statusOf(e);
        return t.hundreds ? status / 100 == t.number : status == t.number;
    }
    case Field::IsError: return isError(e);
    case Field::Regex:
    case Field::Text:
        if (t.matcher->foundIn(e.startLine) || t.matcher->foundIn(e.rpc.method))
            return true;
        if (t.field == Field::Text && t.matcher->foundIn(e.connection))
            return true;
        return t.matcher->foundIn(body());
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

void TrafficFilter::matchAll(const TrafficEntry *const *entries, qsizetype n, char *keep) const
{
    // The entries and their bodies lie all over the heap: waiting for each
    // in turn would cost more than the matching. Ask for the entry two
    // strides ahead and for the body of the one a stride ahead.
    constexpr qsizetype Stride = 8;
    const bool bodies = std::any_of(m_terms.cbegin(), m_terms.cend(),
                                    [](const Term &t) { return t.field == Field::Text || t.field == Field::Regex; });
    for (qsizetype i = 0; i < n; ++i) {
        if (i + 2 * Stride < n) {
            const char *node = reinterpret_cast<const char *>(entries[i + 2 * Stride]);
            for (qsizetype line = 0; line < qsizetype(sizeof(TrafficEntry)); line += 64)
                __builtin_prefetch(node + line);
        }
        if (bodies && i + Stride < n) {
            const QByteArray &body = entries[i + Stride]->body;
            const qsizetype length = std::min(body.size(), MaxSearchedBodyBytes);
            for (qsizetype at = 0; at < std::min<qsizetype>(length, 512); at += 64)
                __builtin_prefetch(body.constData() + at);
        }
        keep[i] = matches(*entries[i]) ? 1 : 0;
    }
}

} // namespace crosstalk::traffic
