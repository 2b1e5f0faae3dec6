#pragma once

#include "a2a/A2aErrors.h"
#include "a2a/AgentCard.h"
#include "a2a/TaskModel.h"
#include "http/RedirectRules.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace crosstalk::http {
class HttpAuthorizer;
class HttpClient;
class HttpReply;
struct HttpRequest;
struct HttpResult;
struct SseEvent;
}

namespace crosstalk::a2a {

/// One A2A operation in flight. Stream items arrive through itemReceived()
/// (a unary call gives at most one); finished() comes last, once, with the
/// error (Kind::None on success) and the raw result of a unary call. The
/// call deletes itself after finished(). Connect with a context object.
class A2aCall : public QObject
{
    Q_OBJECT

public:
    /// Stops the call; finished() follows with an Unreachable error saying so.
    void abort();
    bool isStreaming() const { return m_streaming; }
    /// After a stream's first event: how long it may stay quiet before
    /// streamSilent() (0, the default: as long as it likes).
    void setSilenceTimeout(qint64 ms);

signals:
    void itemReceived(const crosstalk::a2a::StreamItem &item);
    /// A stream that had events went quiet for the silence timeout; it stays
    /// open (the caller may check on the task another way, or abort).
    void streamSilent();
    void finished(const crosstalk::a2a::A2aError &error, const nlohmann::json &result);

private:
    friend class A2aClient;
    enum class Op { Send, Stream, Get, List, Cancel, Subscribe, PushCreate, PushGet, PushList, PushDelete, ExtendedCard };
    A2aCall(QObject *parent, Op op);
    void start(http::HttpReply *reply, bool jsonRpc, qint64 timeoutMs);
    void onQuiet();
    void onEvent(const http::SseEvent &event);
    void onFinished(const http::HttpResult &result);
    void takeResult(const nlohmann::json &result);
    void finish(A2aError error, const nlohmann::json &result = {});
    /// The sign-in refused to go on after the agent's 401 or 403: the call
    /// ends with that answer, and `why` added to its error.
    void refusedFinally(const http::HttpResult &refusal, const QString &why);

    bool m_streaming;
    bool m_jsonRpc = true;
    Op m_op;
    QTimer m_quietTimer;
    QElapsedTimer m_lastEvent; // when the last event (or the last silence report) was
    qint64 m_firstEventTimeoutMs = 0;
    qint64 m_silenceTimeoutMs = 0;
    bool m_done = false;
    bool m_gotItem = false;
    /// Given a 401 or 403, starts a sign-in and returns true (the call then
    /// goes on with a new reply, or ends with refusedFinally()).
    std::function<bool(const http::HttpResult &)> m_refused;
    QString m_authProblem;
    bool m_waitingForAuth = false;
    QPointer<http::HttpReply> m_reply;
    QByteArray m_body; // a non-stream answer to a streaming request
    std::optional<A2aError> m_streamError;
};

/// Options for sending a message.
struct SendOptions
{
    std::optional<int> historyLength;
    /// v1.0 returnImmediately (v0.3: blocking = false): answer at once with
    /// the task instead of waiting for it to end or be interrupted.
    bool returnImmediately = false;
    QStringList acceptedOutputModes;
    /// A webhook for this task's push notifications.
    QString pushUrl;
    QString pushToken;
};

/// A client of one agent, speaking the generation and binding its card
/// prefers (or the ones asked for): JSON-RPC for v1.0 (with the A2A-Version
/// header and the interface's tenant) and v0.3, HTTP+JSON for v1.0.
class A2aClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Binding::Unknown: the card's preference.
        Binding binding = Binding::Unknown;
        /// ProtocolVersion::Unknown: the card's newest.
        ProtocolVersion version = ProtocolVersion::Unknown;
        /// Connecting and waiting for an answer to begin; a stream may then
        /// stay quiet as long as it likes (the session decides).
        qint64 timeoutMs = 30'000;
        /// Extra headers on every call (credentials among them).
        http::HeaderList headers;
        /// Authorizes every call (the card's security schemes) and signs in
        /// again when the agent refuses one, which is then sent again.
        QPointer<http::HttpAuthorizer> authorizer;
    };

    A2aClient(http::HttpClient *http, const AgentCard &card, const Options &options, QObject *parent = nullptr);

    /// Why the card offers nothing this client can speak, or empty.
    const QString &setupError() const { return m_setupError; }
    const AgentInterface &endpoint() const { return m_endpoint; }
    ProtocolVersion version() const { return m_version; }
    Binding binding() const { return m_endpoint.binding; }
    const AgentCard &card() const { return m_card; }
    /// Authorizes the calls made from now on (see Options::authorizer).
    void setAuthorizer(http::HttpAuthorizer *authorizer);

    A2aCall *sendMessage(const Message &message, const SendOptions &options = {});
    A2aCall *sendStreamingMessage(const Message &message, const SendOptions &options = {});
    A2aCall *getTask(const QString &taskId, std::optional<int> historyLength = {});
    /// v1.0 only (v0.3 has no JSON-RPC list).
    A2aCall *listTasks();
    A2aCall *cancelTask(const QString &taskId);
    /// SubscribeToTask (v1.0) or tasks/resubscribe (v0.3).
    A2aCall *subscribe(const QString &taskId);
    A2aCall *createPushConfig(const QString &taskId, const QString &url, const QString &token);
    A2aCall *getPushConfig(const QString &taskId, const QString &configId);
    A2aCall *listPushConfigs(const QString &taskId);
    A2aCall *deletePushConfig(const QString &taskId, const QString &configId);
    /// GetExtendedAgentCard (v1.0) or agent/getAuthenticatedExtendedCard (v0.3).
    A2aCall *getExtendedCard();

private:
    using Op = A2aCall::Op;
    A2aCall *call(Op op, nlohmann::json params, const QString &taskId = {}, const QString &configId = {},
                  const QString &query = {});
    A2aCall *failedCall(const QString &why);
    /// `request` with the authorizer's headers and query, marked as credentials.
    http::HttpRequest authorized(http::HttpRequest request) const;
    nlohmann::json sendParams(const Message &message, const SendOptions &options) const;
    QString methodName(Op op) const;

    QPointer<http::HttpClient> m_http;
    AgentCard m_card;
    Options m_options;
    AgentInterface m_endpoint;
    ProtocolVersion m_version = ProtocolVersion::Unknown;
    QString m_setupError;
    qint64 m_nextId = 1;
};

} // namespace crosstalk::a2a
