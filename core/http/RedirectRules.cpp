#include "http/RedirectRules.h"

namespace crosstalk::http {

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1);
}

bool isCredential(const QByteArray &name, const QList<QByteArray> &credentialHeaders)
{
    const QByteArray lower = name.toLower();
    for (const QByteArray &c : credentialHeaders) {
        if (c.compare(lower, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

const QList<QByteArray> &defaultCredentialHeaders()
{
    static const QList<QByteArray> names{"authorization", "proxy-authorization", "cookie",
                                         "x-api-key",     "api-key",             "apikey",
                                         "x-auth-token"};
    return names;
}

bool RedirectRules::isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

RedirectDecision RedirectRules::decide(const QUrl &current, int status, const QByteArray &location,
                                       const QByteArray &method, int redirectsSoFar, int maxRedirects)
{
    RedirectDecision d;
    d.method = method;
    if (!isRedirectStatus(status)) {
        d.refusal = tr("HTTP status %1 is not a redirect.").arg(status);
        return d;
    }
    if (location.trimmed().isEmpty()) {
        d.refusal = tr("Redirect (HTTP %1) from %2 has no Location header.")
                        .arg(status)
                        .arg(current.toDisplayString());
        return d;
    }
    if (redirectsSoFar >= maxRedirects) {
        d.refusal = tr("Too many redirects: stopped after %1, at %2.")
                        .arg(maxRedirects)
                        .arg(current.toDisplayString());
        return d;
    }
    const QUrl relative = QUrl::fromEncoded(location.trimmed(), QUrl::TolerantMode);
    if (!relative.isValid()) {
        d.refusal = tr("Redirect from %1 has an invalid Location: %2")
                        .arg(current.toDisplayString(), QString::fromUtf8(location));
        return d;
    }
    d.target = current.resolved(relative);
    // A fragment on the request carries over when the Location has none (RFC 9110 §10.2.2).
    if (!d.target.hasFragment() && current.hasFragment())
        d.target.setFragment(current.fragment());

    const QString scheme = d.target.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        d.refusal = tr("Redirect from %1 to a %2 URL is not followed.")
                        .arg(current.toDisplayString(), scheme);
        return d;
    }
    if (current.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 && scheme == QLatin1String("http")) {
        d.refusal = tr("Redirect from %1 to the unencrypted %2 is not followed.")
                        .arg(current.toDisplayString(), d.target.toDisplayString());
        return d;
    }

    const bool toGet = status == 303 ? method != "HEAD"
                                     : (status == 301 || status == 302) && method != "GET" && method != "HEAD";
    if (toGet) {
        d.method = "GET";
        d.dropBody = true;
    }
    d.crossOrigin = !sameOrigin(current, d.target);
    d.follow = true;
    return d;
}

HeaderList RedirectRules::headersForHop(const HeaderList &headers, bool crossOrigin,
                                        const QList<QByteArray> &credentialHeaders, QList<QByteArray> *dropped)
{
    if (!crossOrigin)
        return headers;
    HeaderList kept;
    kept.reserve(headers.size());
    for (const auto &header : headers) {
        if (isCredential(header.first, credentialHeaders)) {
            if (dropped)
                dropped->append(header.first);
        } else {
            kept.append(header);
        }
    }
    return kept;
}

} // namespace crosstalk::http
