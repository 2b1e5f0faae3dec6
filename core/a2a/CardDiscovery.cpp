#include "a2a/CardDiscovery.h"

#include "http/HttpClient.h"
#include "util/BoundedJson.h"

#include <QCoreApplication>

namespace crosstalk::a2a {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CardDiscovery)

public:
    static QString notJson(const QUrl &url, qint64 offset, const QString &detail)
    {
        return tr("The answer from %1 is not JSON (at byte %2: %3).").arg(url.toDisplayString()).arg(offset).arg(detail);
    }
    static QString tooDeep(const QUrl &url, int depth)
    {
        return tr("The answer from %1 is nested deeper than %2 levels; it is not read as a card.")
            .arg(url.toDisplayString())
            .arg(depth);
    }
    static QString notObject(const QUrl &url)
    {
        return tr("The answer from %1 is JSON but not an object, so it is not an Agent Card.").arg(url.toDisplayString());
    }
    static QString httpStatus(const QUrl &url, int status)
    {
        return tr("%1 answered HTTP %2.").arg(url.toDisplayString()).arg(status);
    }
    static QString noCard(const QUrl &input, const QString &last)
    {
        return tr("No Agent Card was found for %1: %2").arg(input.toDisplayString(), last);
    }
    static QString notHttp(const QUrl &input)
    {
        return tr("%1 is not an http or https URL.").arg(input.toDisplayString());
    }
};

} // namespace

QList<QUrl> CardDiscovery::candidateUrls(const QUrl &input)
{
    const QString scheme = input.scheme().toLower();
    if (!input.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || input.host().isEmpty())
        return {};
    QUrl base = input;
    base.setFragment({});
    if (base.path().endsWith(QLatin1String(".json")))
        return {base};
    base.setQuery(QString());
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    QUrl modern = base;
    modern.setPath(prefix + QStringLiteral("/.well-known/agent-card.json"));
    QUrl legacy = base;
    legacy.setPath(prefix + QStringLiteral("/.well-known/agent.json"));
    // A path that names something may be the card itself, served from an
    // address without a .json ending.
    QUrl self = input;
    self.setFragment({});
    if (!prefix.isEmpty() && !input.path().endsWith(QLatin1Char('/')))
        return {modern, legacy, self};
    return {modern, legacy};
}

CardFetch CardDiscovery::parse(const QByteArray &body, const QUrl &cardUrl)
{
    CardFetch out;
    out.cardUrl = cardUrl;
    out.body = body;
    if (body.size() > MaxCardBytes) {
        out.error = CardFetch::Error::TooLarge;
        return out;
    }
    JsonReadError error;
    std::optional<nlohmann::json> json = readJson(body, MaxCardDepth, &error);
    if (!json) {
        out.error = CardFetch::Error::NotACard;
        out.message = error.kind == JsonReadError::Kind::TooDeep ? Text::tooDeep(cardUrl, MaxCardDepth)
                                                                  : Text::notJson(cardUrl, error.offset, error.detail);
        return out;
    }
    if (!json->is_object()) {
        out.error = CardFetch::Error::NotACard;
        out.message = Text::notObject(cardUrl);
        return out;
    }
    out.card = AgentCard::fromJson(*json);
    return out;
}

// One look for a card: the candidates in turn, until one holds a card.
class CardDiscovery::Job : public QObject
{
public:
    Job(CardDiscovery *owner, const QUrl &input, qint64 timeoutMs)
        : QObject(owner)
        , m_owner(owner)
        , m_input(input)
        , m_candidates(candidateUrls(input))
        , m_timeoutMs(timeoutMs)
    {
    }

    void start()
    {
        if (m_candidates.isEmpty() || !m_owner->m_client) {
            CardFetch result;
            result.error = CardFetch::Error::Network;
            result.message = Text::notHttp(m_input);
            // Finish on the next turn so that the caller can connect first.
            QMetaObject::invokeMethod(this, [this, result] { done(result); }, Qt::QueuedConnection);
            return;
        }
        next();
    }

private:
    void next()
    {
        const QUrl url = m_candidates.takeFirst();
        m_tried.append(url);
        http::HttpRequest request;
        request.url = url;
        request.headers.emplaceBack("Accept", "application/json");
        // Agents that speak both generations answer with their newest card
        // when asked in v1.0's terms; v0.3 agents ignore the header.
        request.headers.emplaceBack("A2A-Version", "1.0");
        if (const auto cached = m_owner->m_cache.constFind(url); cached != m_owner->m_cache.cend())
            request.headers.emplaceBack("If-None-Match", cached->etag);
        request.connectTimeoutMs = m_timeoutMs;
        request.idleTimeoutMs = m_timeoutMs;
        request.maxResponseBytes = MaxCardBytes;
        http::HttpReply *reply = m_owner->m_client->send(request);
        connect(reply, &http::HttpReply::finished, this, [this, url](const http::HttpResult &r) { onAnswer(url, r); });
    }

    void onAnswer(const QUrl &url, const http::HttpResult &r)
    {
        CardFetch result;
        if (!r.ok()) {
            result.error = r.error == http::HttpResult::Error::ConnectTimeout
                    || r.error == http::HttpResult::Error::IdleTimeout
                ? CardFetch::Error::Timeout
                : r.error == http::HttpResult::Error::TooLarge ? CardFetch::Error::TooLarge
                                                                : CardFetch::Error::Network;
            result.message = r.errorMessage;
            return done(result); // the next candidate is on the same server
        }
        const QUrl finalUrl = r.finalUrl.isEmpty() ? url : r.finalUrl;
        if (r.status == 304) {
            if (const auto cached = m_owner->m_cache.constFind(url); cached != m_owner->m_cache.cend()) {
                result = parse(cached->body, finalUrl);
                result.status = r.status;
                result.etag = cached->etag;
                result.notModified = true;
                return done(result);
            }
        }
        if (r.status < 200 || r.status >= 300) {
            result.error = CardFetch::Error::NotFound;
            result.status = r.status;
            result.message = Text::httpStatus(url, r.status);
            return tryNextOr(result);
        }
        // Whatever the content type says: servers send cards as text/plain,
        // application/octet-stream and worse.
        result = parse(r.body, finalUrl);
        result.status = r.status;
        if (!result.ok())
            return tryNextOr(result);
        result.etag = r.header("etag");
        if (!result.etag.isEmpty())
            m_owner->m_cache.insert(url, Cached{result.etag, r.body});
        done(result);
    }

    void tryNextOr(CardFetch result)
    {
        // Keep the most telling failure: an answer that was there but not a
        // card says more than a later 404.
        if (!m_failure || (m_failure->error == CardFetch::Error::NotFound && result.error != CardFetch::Error::NotFound))
            m_failure = result;
        if (!m_candidates.isEmpty())
            return next();
        CardFetch failure = *m_failure;
        failure.message = Text::noCard(m_input, failure.message);
        done(failure);
    }

    void done(CardFetch result)
    {
        result.requestedUrl = m_input;
        result.tried = m_tried;
        emit m_owner->finished(result);
        deleteLater();
    }

    CardDiscovery *m_owner;
    QUrl m_input;
    QList<QUrl> m_candidates;
    QList<QUrl> m_tried;
    qint64 m_timeoutMs;
    std::optional<CardFetch> m_failure;
};

CardDiscovery::CardDiscovery(http::HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void CardDiscovery::fetch(const QUrl &input, qint64 timeoutMs)
{
    auto *job = new Job(this, input, timeoutMs);
    job->start();
}

} // namespace crosstalk::a2a
