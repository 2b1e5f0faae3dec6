#pragma once

#include "TerminalPrompter.h"

#include "mcp/McpSession.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace crosstalk::cli {

/// The questions crosstalk-cli asks a person at a terminal for the requests
/// a server sends (or the input a modern server needs), when no flag
/// answers them. Each conversation ends by answering exactly once; when
/// stdin ends first, the answer is what the CLI gives without a terminal.
class TerminalAnswers
{
    Q_DECLARE_TR_FUNCTIONS(crosstalk::cli::TerminalAnswers)

public:
    using Reply = mcp::McpClientHandler::Reply;
    using Refuse = mcp::McpClientHandler::Refuse;

/// elicitation/create in form mode: accept (then each field), decline or cancel.
static TerminalPrompter::Conversation elicitationForm(const nlohmann::json &params, Reply reply);
/// elicitation/create in URL mode: the URL and its domain shown; `open` runs
/// before accepting.
static TerminalPrompter::Conversation elicitationUrl(const nlohmann::json &params, std::function<void(const QString &url)> open,
                                                     Reply reply);
/// sampling/createMessage: the messages shown, the reply typed.
static TerminalPrompter::Conversation sampling(const nlohmann::json &params, Reply reply, Refuse refuse);
/// roots/list: paths or file URIs, one per line.
static TerminalPrompter::Conversation roots(Reply reply);

/// One typed value for a field of an elicitation form: nullopt (with `why`)
/// when the text does not fit the field's schema.
static std::optional<nlohmann::json> parseField(const nlohmann::json &property, const QString &text, QString *why);


private:
    /// What kind of answer a field takes, in words.
    static QString describe(const nlohmann::json &schema);
};

} // namespace crosstalk::cli
