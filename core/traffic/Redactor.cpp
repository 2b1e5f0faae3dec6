#include "traffic/Redactor.h"

#include "http/RedirectRules.h"

#include <QRegularExpression>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <vector>

namespace crosstalk::traffic {

bool Redactor::isSecretName(QStringView name)
{
    static const QRegularExpression secret(
        QStringLiteral("^(authorization|proxy-authorization|cookie)$|token|secret|passw|api[-_]?key|access[-_]?key|"
                       "private[-_]?key|credential|session"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(name.toString()).hasMatch();
}


namespace {

constexpr QByteArrayView MarkerView(Redactor::Marker);

// A candidate JSON member name longer than this (raw bytes) is not looked up.
constexpr qsizetype MinKeyScanBytes = 256;
// Bodies without a content type are sniffed as form data up to this size.
constexpr qsizetype MaxFormSniffBytes = 1024 * 1024;
// The longest Authorization scheme word that is kept ("Bearer", "Basic", …).
constexpr qsizetype MaxSchemeBytes = 32;

using NameBuffer = QVarLengthArray<char, 64>;

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// RFC 9110 tchar: what an Authorization scheme is made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = asciiLower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Lowercase, without '_' and '-': "Access-Token" and "accessToken" both
// become "accesstoken".
void appendNormalised(NameBuffer &out, char c)
{
    if (c != '_' && c != '-')
        out.append(asciiLower(c));
}

QByteArray normalisedName(QByteArrayView name)
{
    NameBuffer buffer;
    for (char c : name)
        appendNormalised(buffer, c);
    return QByteArray(buffer.constData(), buffer.size());
}

// The normalised form of a JSON string's raw content (between the quotes).
// Escapes are decoded as far as a member name can need: \uXXXX for ASCII and
// the one-letter escapes.
void normaliseJsonKey(QByteArrayView raw, NameBuffer &out)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\' || i + 1 >= raw.size()) {
            appendNormalised(out, c);
            continue;
        }
        const char e = raw[++i];
        if (e == 'u' && i + 4 < raw.size()) {
            int code = 0;
            for (int k = 1; k <= 4 && code >= 0; ++k) {
                const int h = hexValue(raw[i + k]);
                code = h < 0 ? -1 : code * 16 + h;
            }
            if (code >= 0 && code < 0x80) {
                appendNormalised(out, char(code));
                i += 4;
                continue;
            }
            // Not ASCII: no configured name matches; keep it distinct.
            out.append('\\');
            out.append(e);
            continue;
        }
        appendNormalised(out, e);
    }
}

// Percent-decodes (with '+' as space) a form or query name, then normalises.
void normaliseParameterName(QByteArrayView raw, NameBuffer &out)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%' && i + 2 < raw.size()) {
            const int hi = hexValue(raw[i + 1]);
            const int lo = hexValue(raw[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = char(hi * 16 + lo);
                i += 2;
            }
        }
        appendNormalised(out, c);
    }
}

bool setContains(const QSet<QByteArray> &set, const NameBuffer &name)
{
    return set.contains(QByteArray::fromRawData(name.constData(), name.size()));
}

QByteArrayView trimmed(QByteArrayView view)
{
    while (!view.isEmpty() && isJsonSpace(view.front()))
        view = view.sliced(1);
    while (!view.isEmpty() && isJsonSpace(view.back()))
        view.chop(1);
    return view;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

bool isFormContentType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView mediaType = trimmed(semicolon < 0 ? contentType : contentType.first(semicolon));
    return equalsIgnoringCase(mediaType, "application/x-www-form-urlencoded");
}

// Without a content type: "a=b&c=d" and nothing that a form encoder would
// have escaped.
bool looksLikeForm(QByteArrayView body)
{
    if (body.isEmpty() || body.size() > MaxFormSniffBytes)
        return false;
    bool sawEquals = false;
    for (char c : body) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                           || std::strchr("%+&=._~*-", c) != nullptr;
        if (!plain || c == '\0')
            return false;
        sawEquals = sawEquals || c == '=';
    }
    return sawEquals && body.front() != '=';
}

// Redacts the values of sensitive parameters in "a=b&c=d" (a form body, a
// query, a fragment). Returns whether anything changed.
template<typename IsSensitive>
bool redactParameters(QByteArray &text, IsSensitive isSensitive)
{
    QByteArray result;
    bool changed = false;
    qsizetype copiedUpTo = 0;
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype to = text.indexOf('&', from);
        if (to < 0)
            to = text.size();
        const QByteArrayView pair = QByteArrayView(text).sliced(from, to - from);
        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView name = equals < 0 ? pair : pair.first(equals);
        NameBuffer normalised;
        normaliseParameterName(name, normalised);
        if (!name.isEmpty() && isSensitive(normalised)) {
            const qsizetype valueFrom = from + (equals < 0 ? pair.size() : equals + 1);
            if (QByteArrayView(text).sliced(valueFrom, to - valueFrom) != MarkerView) {
                if (!changed)
                    result.reserve(text.size());
                result.append(QByteArrayView(text).sliced(copiedUpTo, from + name.size() - copiedUpTo));
                result.append('=');
                result.append(MarkerView);
                copiedUpTo = to;
                changed = true;
            }
        }
        from = to + 1;
    }
    if (changed) {
        result.append(QByteArrayView(text).sliced(copiedUpTo));
        text = result;
    }
    return changed;
}

bool isUrlHeader(QByteArrayView lowerName)
{
    return lowerName == "location" || lowerName == "content-location" || lowerName == "referer";
}

} // namespace

Redactor::Redactor()
{
    // The headers that never follow a cross-origin redirect, and the cookies
    // a server sets.
    for (const QByteArray &name : http::defaultCredentialHeaders())
        m_headers.insert(name);
    m_headers.insert(QByteArrayLiteral("set-cookie"));
    for (const char *name : {"token", "access_token", "refresh_token", "id_token", "client_secret", "password"})
        addSensitiveField(QString::fromLatin1(name));
    for (const char *name : {"api_key", "key", "code", "code_verifier", "client_assertion", "sig"})
        addSensitiveParameter(QString::fromLatin1(name));
}

void Redactor::addSensitiveHeader(const QByteArray &name)
{
    const QByteArray lower = trimmed(name).toByteArray().toLower();
    if (!lower.isEmpty())
        m_headers.insert(lower);
}

void Redactor::addSensitiveField(const QString &name)
{
    const QByteArray normalised = normalisedName(name.trimmed().toUtf8());
    if (normalised.isEmpty())
        return;
    m_fields.insert(normalised);
    m_parameters.remove(normalised);
    m_longestName = std::max(m_longestName, normalised.size());
}

void Redactor::addSensitiveParameter(const QString &name)
{
    const QByteArray normalised = normalisedName(name.trimmed().toUtf8());
    if (normalised.isEmpty() || m_fields.contains(normalised))
        return;
    m_parameters.insert(normalised);
    m_longestName = std::max(m_longestName, normalised.size());
}

bool Redactor::isSensitiveHeader(QByteArrayView name) const
{
    NameBuffer lower;
    for (char c : trimmed(name))
        lower.append(asciiLower(c));
    return setContains(m_headers, lower);
}

bool Redactor::isSensitiveField(QByteArrayView utf8Name) const
{
    NameBuffer normalised;
    normaliseJsonKey(utf8Name, normalised);
    return setContains(m_fields, normalised);
}

bool Redactor::isSensitiveParameter(QByteArrayView utf8Name) const
{
    NameBuffer normalised;
    normaliseParameterName(utf8Name, normalised);
    return setContains(m_fields, normalised) || setContains(m_parameters, normalised);
}

bool Redactor::redactHeaderValue(QByteArrayView lowerName, QByteArray &value) const
{
    QByteArray redacted;
    if (lowerName == "authorization" || lowerName == "proxy-authorization") {
        // Keep the scheme word: "Bearer [redacted]" still says how it authenticated.
        const QByteArrayView v = trimmed(value);
        const qsizetype space = v.indexOf(' ');
        const QByteArrayView scheme = space < 0 ? QByteArrayView() : v.first(space);
        const bool schemeOk = !scheme.isEmpty() && scheme.size() <= MaxSchemeBytes
                              && std::all_of(scheme.begin(), scheme.end(), isTokenChar);
        redacted = schemeOk ? scheme.toByteArray() + ' ' + QByteArray(Marker) : QByteArray(Marker);
    } else if (lowerName == "cookie") {
        // Keep the cookie names: "sid=[redacted]; theme=[redacted]".
        const QList<QByteArray> cookies = value.split(';');
        for (const QByteArray &cookie : cookies) {
            if (!redacted.isEmpty())
                redacted += "; ";
            const QByteArrayView c = trimmed(cookie);
            const qsizetype equals = c.indexOf('=');
            if (equals > 0)
                redacted += c.first(equals).toByteArray() + '=' + QByteArray(Marker);
            else
                redacted += Marker;
        }
    } else if (lowerName == "set-cookie") {
        // Keep the name and the attributes: "sid=[redacted]; Path=/; HttpOnly".
        const qsizetype semicolon = value.indexOf(';');
        const QByteArrayView pair = trimmed(QByteArrayView(value).first(semicolon < 0 ? value.size() : semicolon));
        const qsizetype equals = pair.indexOf('=');
        redacted = equals > 0 ? pair.first(equals).toByteArray() + '=' + QByteArray(Marker) : QByteArray(Marker);
        if (semicolon >= 0)
            redacted += QByteArrayView(value).sliced(semicolon);
    } else if (isUrlHeader(lowerName) && !m_headers.contains(lowerName.toByteArray())) {
        if (!value.contains('?') && !value.contains('#') && !value.contains('@'))
            return false;
        const QUrl url = QUrl::fromEncoded(value, QUrl::TolerantMode);
        const QUrl clean = redactUrl(url);
        if (clean == url)
            return false;
        redacted = clean.toEncoded();
    } else {
        redacted = Marker;
    }
    if (redacted == value)
        return false;
    value = redacted;
    return true;
}

bool Redactor::redactHeaders(QList<HttpHeader> &headers) const
{
    bool changed = false;
    for (HttpHeader &header : headers) {
        NameBuffer lower;
        for (char c : trimmed(header.name))
            lower.append(asciiLower(c));
        const QByteArrayView lowerName(lower.constData(), lower.size());
        if (!setContains(m_headers, lower) && !isUrlHeader(lowerName))
            continue;
        changed = redactHeaderValue(lowerName, header.value) || changed;
    }
    return changed;
}

bool Redactor::redactMessage(QList<HttpHeader> &headers, QByteArray &body, QByteArrayView contentType) const
{
    bool redacted = redactHeaders(headers);
    QByteArray type = contentType.toByteArray();
    if (type.isEmpty()) {
        for (const HttpHeader &header : std::as_const(headers)) {
            if (header.name.compare("content-type", Qt::CaseInsensitive) == 0)
                type = header.value;
        }
    }
    return redactBody(body, type) || redacted;
}

bool Redactor::redactBody(QByteArray &body, QByteArrayView contentType) const
{
    if (body.isEmpty())
        return false;
    if (isFormContentType(contentType))
        return redactForm(body);
    if (contentType.isEmpty()) {
        const QByteArrayView start = trimmed(body);
        const bool jsonLooking = !start.isEmpty() && (start.front() == '{' || start.front() == '[');
        if (!jsonLooking && looksLikeForm(body))
            return redactForm(body);
    }
    // JSON, JSON-RPC, broken JSON, SSE data, text: the lexical scan finds
    // "name": value pairs in all of them.
    return redactJsonLike(body);
}

bool Redactor::redactForm(QByteArray &body) const
{
    return redactParameters(body, [this](const NameBuffer &name) {
        return setContains(m_fields, name) || setContains(m_parameters, name);
    });
}

bool Redactor::redactJsonLike(QByteArray &body) const
{
    struct Cut
    {
        qsizetype from;
        qsizetype to;
        bool quoted; // a number: the marker gets quotes to stay valid JSON
    };
    std::vector<Cut> cuts;

    const char *const data = body.constData();
    const qsizetype size = body.size();
    const qsizetype maxKeyBytes = std::max(MinKeyScanBytes, 8 * m_longestName);
    NameBuffer name;

    qsizetype i = 0;
    while (i < size) {
        const void *hit = std::memchr(data + i, '"', size_t(size - i));
        if (!hit)
            break;
        const qsizetype quote = static_cast<const char *>(hit) - data;
        i = quote + 1;

        // A quote after an odd run of backslashes is inside a string.
        qsizetype backslashes = 0;
        while (quote - backslashes > 0 && data[quote - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 1)
            continue;

        // Read a candidate member name: "name" followed by ':'.
        const qsizetype keyFrom = quote + 1;
        const qsizetype limit = std::min(size, keyFrom + maxKeyBytes);
        qsizetype keyTo = keyFrom;
        while (keyTo < limit && data[keyTo] != '"')
            keyTo += data[keyTo] == '\\' ? 2 : 1;
        if (keyTo >= limit)
            continue;
        qsizetype k = keyTo + 1;
        while (k < size && isJsonSpace(data[k]))
            ++k;
        if (k >= size || data[k] != ':')
            continue;
        name.clear();
        normaliseJsonKey(QByteArrayView(data + keyFrom, keyTo - keyFrom), name);
        if (name.size() > m_longestName || !setContains(m_fields, name))
            continue;

        ++k;
        while (k < size && isJsonSpace(data[k]))
            ++k;
        if (k >= size)
            break;
        if (data[k] == '"') {
            // A string, maybe cut short by truncation: redact to its end.
            const qsizetype valueFrom = k + 1;
            qsizetype valueTo = valueFrom;
            while (valueTo < size && data[valueTo] != '"')
                valueTo += data[valueTo] == '\\' ? 2 : 1;
            valueTo = std::min(valueTo, size);
            if (QByteArrayView(data + valueFrom, valueTo - valueFrom) != MarkerView)
                cuts.push_back({valueFrom, valueTo, false});
            i = valueTo + 1;
        } else if (isNumberChar(data[k])) {
            qsizetype valueTo = k;
            while (valueTo < size && isNumberChar(data[valueTo]))
                ++valueTo;
            cuts.push_back({k, valueTo, true});
            i = valueTo;
        } else {
            // An object, array or literal: its own members are scanned.
            i = k;
        }
    }
    if (cuts.empty())
        return false;

    QByteArray result;
    result.reserve(size);
    qsizetype copiedUpTo = 0;
    for (const Cut &cut : cuts) {
        result.append(data + copiedUpTo, cut.from - copiedUpTo);
        if (cut.quoted)
            result.append('"');
        result.append(MarkerView);
        if (cut.quoted)
            result.append('"');
        copiedUpTo = cut.to;
    }
    result.append(data + copiedUpTo, size - copiedUpTo);
    body = result;
    return true;
}

QUrl Redactor::redactUrl(const QUrl &url) const
{
    QUrl result = url;
    if (!url.password().isEmpty())
        result.setPassword(QString::fromLatin1(Marker));
    const auto sensitive = [this](const NameBuffer &name) {
        return setContains(m_fields, name) || setContains(m_parameters, name);
    };
    if (url.hasQuery()) {
        QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
        if (redactParameters(query, sensitive))
            result.setQuery(QString::fromLatin1(query), QUrl::TolerantMode);
    }
    if (url.hasFragment()) {
        QByteArray fragment = url.fragment(QUrl::FullyEncoded).toLatin1();
        if (redactParameters(fragment, sensitive))
            result.setFragment(QString::fromLatin1(fragment), QUrl::TolerantMode);
    }
    return result;
}

bool Redactor::redactStartLine(QString &startLine) const
{
    if (!startLine.contains(QLatin1Char('?')) && !startLine.contains(QLatin1Char('#'))
        && !startLine.contains(QLatin1Char('@')))
        return false;
    QStringList words = startLine.split(QLatin1Char(' '));
    bool changed = false;
    for (QString &word : words) {
        const bool urlLike = word.contains(QLatin1String("://")) || word.startsWith(QLatin1Char('/'));
        if (!urlLike)
            continue;
        const QUrl url(word, QUrl::TolerantMode);
        const QUrl clean = redactUrl(url);
        if (clean == url)
            continue;
        word = clean.toString(QUrl::FullyEncoded);
        changed = true;
    }
    if (changed)
        startLine = words.join(QLatin1Char(' '));
    return changed;
}

} // namespace crosstalk::traffic
