#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace crosstalk::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// True when both URLs have the same scheme, host and effective port.
bool sameOrigin(const QUrl &a, const QUrl &b);

/// Header names (lower case) that carry credentials by default and so never
/// follow a redirect to another origin: Authorization, Proxy-Authorization,
/// Cookie and the usual API-key headers. A connection adds the API-key header
/// names its security scheme declares.
const QList<QByteArray> &defaultCredentialHeaders();

/// Where a redirect leads and what travels with it.
struct RedirectDecision
{
    bool follow = false;
    /// Why the redirect is not followed (empty when it is).
    QString refusal;
    QUrl target;
    QByteArray method;
    /// The body is dropped when the method becomes GET.
    bool dropBody = false;
    bool crossOrigin = false;
};

/// The redirect policy every Crosstalk HTTP request follows:
/// - 301, 302 and 303 turn any method but GET and HEAD into GET without a body
///   (303 always does), 307 and 308 keep method and body;
/// - relative `Location` values resolve against the current URL;
/// - only http and https targets are followed, never from https down to http;
/// - at most `maxRedirects` hops.
class RedirectRules
{
    Q_DECLARE_TR_FUNCTIONS(RedirectRules)

public:
    static bool isRedirectStatus(int status);

    static RedirectDecision decide(const QUrl &current, int status, const QByteArray &location,
                                   const QByteArray &method, int redirectsSoFar, int maxRedirects);

    /// The headers to send to the redirect target: on a cross-origin hop every
    /// header whose name (case-insensitively) is in `credentialHeaders` is
    /// dropped; the names dropped are appended to `dropped`.
    static HeaderList headersForHop(const HeaderList &headers, bool crossOrigin,
                                    const QList<QByteArray> &credentialHeaders,
                                    QList<QByteArray> *dropped = nullptr);
};

} // namespace crosstalk::http
