#pragma once

#include "mcp/McpError.h"
#include "schema/SchemaValidator.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>

namespace crosstalk::ui {

/// What an MCP request gave back, each part rendered for what it is:
/// - a tool result's content blocks: text (Markdown with raw HTML disabled,
///   or pretty-printed JSON when the text is JSON, laid out off the GUI
///   thread when large), images, audio (saved, or opened with the system
///   player), resource links (activated to read them) and embedded
///   resources;
/// - `structuredContent` as a JSON tree with its verdict against the tool's
///   `outputSchema`;
/// - `isError` as a failure of the tool, apart from a protocol error (the
///   server answered the request with a JSON-RPC error, or none came).
/// A resources/read result's contents are shown the same way.
/// Nothing from the server is rendered as HTML or fetched: Markdown images
/// and links to elsewhere are never loaded.
class McpResultView : public QWidget
{
    Q_OBJECT

public:
    explicit McpResultView(QWidget *parent = nullptr);
    ~McpResultView() override;

    /// A tools/call result. `outputValid` is true or false against the
    /// output schema, or null when there was nothing to check.
    void showToolResult(const nlohmann::json &result, const nlohmann::json &outputValid = nullptr,
                        const QList<schema::SchemaProblem> &outputProblems = {});
    /// The same for a result kept elsewhere too: it is shared, not copied.
    void showToolResult(std::shared_ptr<const nlohmann::json> result, const nlohmann::json &outputValid = nullptr,
                        const QList<schema::SchemaProblem> &outputProblems = {});
    /// A resources/read result (`contents`: text or blob, each with its uri).
    void showReadResult(const nlohmann::json &result);
    /// A prompts/get result (`description`, `messages` with their content).
    void showPromptResult(const nlohmann::json &result);
    /// The request failed: a protocol error, a timeout, cancelled, …
    void showError(const mcp::McpError &error);
    void clear();

    /// Whether layout work is still running off the GUI thread.
    bool isBusy() const;

signals:
    /// A resource link (or an embedded resource's uri) was activated.
    void resourceRequested(const QString &uri);
    /// Layout that ran off the GUI thread has been shown.
    void ready();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crosstalk::ui
