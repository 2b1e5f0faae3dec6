#include "auth/WwwAuthenticate.h"

#include <QCoreApplication>

namespace crosstalk::auth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(WwwAuthenticate)
};

bool isTokenChar(QChar c)
{
    // RFC 9110 tchar
    if (c.unicode() > 0x7e || c.unicode() <= 0x20)
        return false;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c) || c.isLetterOrNumber();
}

bool isToken68Char(QChar c)
{
    return c.unicode() < 0x80 && (c.isLetterOrNumber() || QStringView(u"-._~+/").contains(c));
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

class Reader
{
public:
    explicit Reader(QString text)
        : m_text(std::move(text))
    {
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    void skipSpace()
    {
        while (!atEnd() && isSpace(peek()))
            ++m_pos;
    }
    /// Skips whitespace and list separators; true when a comma was passed.
    bool skipSeparators()
    {
        bool comma = false;
        while (!atEnd() && (isSpace(peek()) || peek() == u',')) {
            comma = comma || peek() == u',';
            ++m_pos;
        }
        return comma;
    }
    QString token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    /// After the opening quote.
    bool quoted(QString *out)
    {
        ++m_pos;
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'"')
                return true;
            if (c == u'\\') {
                if (atEnd())
                    return false;
                out->append(m_text.at(m_pos++));
            } else {
                out->append(c);
            }
        }
        return false;
    }
    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    const QString &text() const { return m_text; }

private:
    QString m_text;
    qsizetype m_pos = 0;
};

/// Whether a token68 starts here: token68 characters, then '='s, then the
/// end of the challenge (the end, or a comma).
bool token68Here(const Reader &r, qsizetype *length)
{
    qsizetype i = 0;
    while (isToken68Char(r.peek(i)))
        ++i;
    if (i == 0)
        return false;
    qsizetype j = i;
    while (r.peek(j) == u'=')
        ++j;
    qsizetype k = j;
    while (isSpace(r.peek(k)))
        ++k;
    const QChar after = r.peek(k);
    if (!(after.isNull() || after == u','))
        return false;
    // "name=value" is a parameter, not a token68: only '=' padding with
    // nothing after it makes a token68 ("abc=" alone, or "abc==,").
    *length = j;
    return true;
}

} // namespace

QString AuthChallenge::param(QStringView name) const
{
    for (const auto &p : params) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

bool AuthChallenge::hasParam(QStringView name) const
{
    for (const auto &p : params) {
        if (p.first == name)
            return true;
    }
    return false;
}

QStringList AuthChallenge::scopes() const
{
    return param(u"scope").split(u' ', Qt::SkipEmptyParts);
}

const AuthChallenge *WwwAuthenticate::find(QStringView scheme) const
{
    for (const AuthChallenge &c : challenges) {
        if (c.isScheme(scheme))
            return &c;
    }
    return nullptr;
}

WwwAuthenticate WwwAuthenticate::parse(const QList<QByteArray> &fieldValues)
{
    WwwAuthenticate result;
    QByteArray joined;
    for (const QByteArray &value : fieldValues) {
        if (!joined.isEmpty())
            joined += ", ";
        joined += value;
    }
    // Field values are ISO-8859-1 by definition; anything else is opaque.
    Reader r(QString::fromLatin1(joined));
    AuthChallenge *current = nullptr;
    r.skipSeparators();
    while (!r.atEnd()) {
        const qsizetype start = r.pos();
        const QString name = r.token();
        if (name.isEmpty()) {
            result.error = Tr::tr("Unexpected “%1” at character %2 of WWW-Authenticate.").arg(r.peek()).arg(start + 1);
            return result;
        }
        // A parameter of the current challenge: a token, then '=' and a value.
        const qsizetype afterName = r.pos();
        r.skipSpace();
        if (current && r.peek() == u'=' && r.peek(1) != u'=') {
            r.setPos(r.pos() + 1);
            r.skipSpace();
            QString value;
            if (r.peek() == u'"') {
                if (!r.quoted(&value)) {
                    result.error = Tr::tr("The quoted value of “%1” in WWW-Authenticate is not closed.").arg(name);
                    return result;
                }
            } else {
                value = r.token();
            }
            current->params.append({name.toLower(), value});
            r.skipSpace();
            if (!r.atEnd() && r.peek() != u',') {
                result.error = Tr::tr("Unexpected “%1” after the parameter “%2” in WWW-Authenticate (character %3).")
                                   .arg(r.peek())
                                   .arg(name)
                                   .arg(r.pos() + 1);
                return result;
            }
            r.skipSeparators();
            continue;
        }
        // Otherwise a new challenge: the scheme, then a token68 or parameters.
        r.setPos(afterName);
        result.challenges.append(AuthChallenge{name, {}, {}});
        current = &result.challenges.last();
        if (r.atEnd() || r.peek() == u',') {
            r.skipSeparators();
            continue;
        }
        if (!isSpace(r.peek())) {
            result.error = Tr::tr("Unexpected “%1” after the scheme “%2” in WWW-Authenticate (character %3).")
                               .arg(r.peek())
                               .arg(name)
                               .arg(r.pos() + 1);
            return result;
        }
        r.skipSpace();
        qsizetype length = 0;
        if (token68Here(r, &length)) {
            current->token68 = r.text().mid(r.pos(), length);
            r.setPos(r.pos() + length);
            r.skipSeparators();
            current = nullptr; // what follows a token68 is a new challenge
        }
    }
    return result;
}

} // namespace crosstalk::auth
