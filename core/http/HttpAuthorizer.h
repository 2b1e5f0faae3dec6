#pragma once

#include "http/HttpClient.h"

#include <QObject>

#include <functional>

namespace crosstalk::http {

/// Authorizes the requests a connection makes to one protected resource:
/// it gives the headers that carry the current authorization, and when the
/// resource refuses a request (401, or 403 for missing scope) it decides
/// whether to (re)authorize and have the request sent again.
class HttpAuthorizer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The headers to send now (such as `Authorization: Bearer …`), or none.
    virtual HeaderList authorizationHeaders() const = 0;
    /// `url` with what the authorization puts in the query (an API key), if anything.
    virtual QUrl authorizedUrl(const QUrl &url) const { return url; }
    /// The query parameters authorizedUrl() adds, to be treated as credentials.
    virtual QStringList credentialParameters() const { return {}; }

    /// `retry` true: send the request again with the new headers; false:
    /// give up with `error`, which says why.
    using Decision = std::function<void(bool retry, const QString &error)>;
    /// The resource answered `refusal` (401 or 403) to a request sent with
    /// `sentHeaders` (what authorizationHeaders() gave then). `attempt` counts
    /// the earlier refusals of the same request. `done` runs later, once,
    /// while `context` lives.
    virtual void challenged(const HttpResult &refusal, const HeaderList &sentHeaders, int attempt, QObject *context,
                            Decision done) = 0;

signals:
    /// An authorization is under way (a person may be signing in), or has ended.
    void busyChanged(bool busy);
};

} // namespace crosstalk::http
