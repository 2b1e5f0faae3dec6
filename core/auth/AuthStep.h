#pragma once

#include "traffic/TrafficEntry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace crosstalk::auth {

/// One step of an authorization flow, for the person debugging it: what
/// was asked, what came back, and what Crosstalk made of it. Secrets are
/// redacted before a step is recorded, so a step can be shown and exported.
struct AuthStep
{
    enum class Kind {
        Challenge,     ///< the resource's 401 or 403 and its WWW-Authenticate
        Discovery,     ///< a metadata request (protected resource, authorization server)
        Registration,  ///< how the client got its identity
        Authorize,     ///< the authorization request (browser or headless)
        Callback,      ///< the authorization response
        Token,         ///< the code exchanged for tokens
        Refresh,       ///< a refresh
        Decision,      ///< a choice made without a request (scopes, the issuer, giving up)
    };
    enum class Verdict {
        Ok,      ///< this step did what it had to
        Skipped, ///< tried, not there, the flow went on (a 404 in discovery)
        Failed,  ///< the flow stopped here
        Info,    ///< a note
    };

    Kind kind = Kind::Decision;
    Verdict verdict = Verdict::Info;
    QString title;
    /// The A2A security scheme the step belongs to (empty for MCP).
    QString scheme;
    /// What Crosstalk made of it, for people.
    QString detail;
    QDateTime time;

    // The exchange, when there was one (redacted).
    QByteArray method;
    QUrl url;
    QList<traffic::HttpHeader> requestHeaders;
    QByteArray requestBody;
    int status = 0;
    QList<traffic::HttpHeader> responseHeaders;
    QByteArray responseBody;
    qint64 elapsedMs = 0;

    static QString kindName(Kind kind);
    static QString verdictName(Verdict verdict);
};

} // namespace crosstalk::auth
