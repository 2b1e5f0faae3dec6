#pragma once

#include "auth/OAuthAuthorizer.h"
#include "mcp/McpSession.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>

namespace crosstalk::cli {

/// `crosstalk-cli mcp-conformance URL`: the client that the official MCP
/// conformance suite drives. It reads the scenario from the environment
/// (MCP_CONFORMANCE_SCENARIO, MCP_CONFORMANCE_PROTOCOL_VERSION,
/// MCP_CONFORMANCE_CONTEXT), speaks the era of that protocol version through
/// the same McpSession the app uses, and walks the server the way a person
/// exploring it would: list the tools and call each with the arguments its
/// schema proposes (or exactly the calls the context names), read the first
/// resource, get the first prompt. Server requests and input requests are
/// answered as someone accepting what the server proposes would: form
/// elicitations with the schema's defaults, URL elicitations accepted
/// without opening anything, sampling with a fixed text, no roots.
///
/// A server that asks for OAuth gets the whole MCP authorization flow,
/// headless (the code is taken from the authorization endpoint's redirect):
/// the context's client_id and client_secret are a pre-registered client,
/// and where the authorization server supports Client ID Metadata Documents
/// the suite's test document URL is the client ID. Tokens stay in memory.
class McpConformanceCommand : public QObject, public mcp::McpClientHandler
{
    Q_OBJECT

public:
    explicit McpConformanceCommand(QObject *parent = nullptr);
    void start(const QStringList &arguments);

    void handleServerRequest(const QString &method, const nlohmann::json &params, Reply reply, Refuse refuse) override;

private:
    using Step = std::function<void()>;
    void then(Step step) { m_steps.push_back(std::move(step)); }
    void next();
    void planWalk();
    void callTool(const QString &name, const nlohmann::json &arguments);
    void note(const QString &line);
    void countFailure(const mcp::McpError &error);
    void finish(int code, const QString &error = {});

    /// The suite's Client ID Metadata Document URL, which its authorization
    /// server expects as the client_id (auth/basic-cimd).
    static constexpr const char *SuiteClientMetadataUrl = "https://conformance-test.local/client-metadata.json";

    QPointer<mcp::McpSession> m_session;
    QPointer<auth::OAuthAuthorizer> m_authorizer;
    std::deque<Step> m_steps;
    QString m_scenario;
    nlohmann::json m_context;
    nlohmann::json m_tools = nlohmann::json::array();
    qint64 m_requestTimeoutMs = 10'000;
    int m_failures = 0;
    int m_exitCode = -1;
};

} // namespace crosstalk::cli
