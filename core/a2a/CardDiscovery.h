#pragma once

#include "a2a/AgentCard.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

namespace crosstalk::http {
class HttpClient;
struct HttpResult;
}

namespace crosstalk::a2a {

/// What looking for a card found.
struct CardFetch
{
    enum class Error {
        None,
        Network,  ///< could not connect, TLS failure, refused redirect
        Timeout,  ///< connecting or waiting for the answer took too long
        NotFound, ///< every candidate URL answered 404 (or another HTTP error)
        NotACard, ///< an answer came, but not a JSON object
        TooLarge, ///< the answer is larger than MaxCardBytes
    };

    Error error = Error::None;
    /// One sentence for people when error is not None.
    QString message;
    QUrl requestedUrl;
    /// Where the card was finally found (after redirects).
    QUrl cardUrl;
    /// Every URL asked, in order.
    QList<QUrl> tried;
    int status = 0;
    QByteArray body;
    QByteArray etag;
    /// The server answered 304 to a conditional request: body and card are
    /// the ones cached from before.
    bool notModified = false;
    std::optional<AgentCard> card;

    bool ok() const { return error == Error::None; }
};

/// Finds and reads an agent's card. From a base URL it tries
/// `<base>/.well-known/agent-card.json`, then the older
/// `<base>/.well-known/agent.json`, keeping any path prefix of the base, and
/// then the URL itself when its path names something (a card served from an
/// address without a .json ending); a URL that ends in `.json` is taken as
/// the card's own. Redirects are
/// followed (without credentials across origins), a wrong content type is
/// tolerated, and a card seen before is asked for with `If-None-Match`.
class CardDiscovery : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCardBytes = 4 * 1024 * 1024;
    static constexpr int MaxCardDepth = 64;

    explicit CardDiscovery(http::HttpClient *client, QObject *parent = nullptr);

    /// The URLs fetch() tries for an input, in order.
    static QList<QUrl> candidateUrls(const QUrl &input);

    /// Starts looking; finished() follows, also for a URL that is not
    /// http(s). `timeoutMs` bounds connecting and the wait for each answer.
    void fetch(const QUrl &input, qint64 timeoutMs = 30000);

    /// Reads card bytes as fetch() does; for callers that have them already.
    static CardFetch parse(const QByteArray &body, const QUrl &cardUrl);

signals:
    void finished(const crosstalk::a2a::CardFetch &result);

private:
    struct Cached
    {
        QByteArray etag;
        QByteArray body;
    };
    class Job;
    friend class Job;

    QPointer<http::HttpClient> m_client;
    QHash<QUrl, Cached> m_cache;
};

} // namespace crosstalk::a2a
