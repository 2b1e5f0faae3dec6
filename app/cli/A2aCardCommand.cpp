#include "A2aCardCommand.h"

#include "CliSupport.h"

#include "http/HttpClient.h"
#include "util/HiddenText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

namespace crosstalk::cli {

A2aCardCommand::A2aCardCommand(QObject *parent)
    : QObject(parent)
    , m_client(new http::HttpClient(this))
    , m_discovery(new a2a::CardDiscovery(m_client, this))
    , m_verifier(new a2a::CardSignatureVerifier(this))
{
    connect(m_discovery, &a2a::CardDiscovery::finished, this, &A2aCardCommand::onCard);
    connect(m_verifier, &a2a::CardSignatureVerifier::finished, this, &A2aCardCommand::onSignature);
}

void A2aCardCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Fetch an agent's card, validate it and check its signatures."));
    parser.addHelpOption();
    const QCommandLineOption keyOption(QStringLiteral("key"),
                                       tr("A public key (PEM) or JWK / JWK Set to verify the card's signatures with."),
                                       QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption timeout = timeoutOption();
    const QCommandLineOption credential = credentialOption();
    parser.addOptions({keyOption, jsonOption, timeout, credential});
    parser.addPositionalArgument(QStringLiteral("URL"), tr("The agent's base URL or its card URL."));
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return finish(UsageError);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return finish(Success);
    }
    m_json = parser.isSet(jsonOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        fail(tr("a2a card takes exactly one URL; see a2a card --help."));
        return finish(UsageError);
    }
    const qint64 ms = timeoutMs(parser, timeout);
    if (ms < 0)
        return finish(UsageError);
    const std::optional<QUrl> url = agentUrl(positional.first());
    if (!url)
        return finish(UsageError);
    if (parser.isSet(keyOption)) {
        QString error;
        m_keys = a2a::SignatureKeys::fromFile(parser.value(keyOption), &error);
        if (!m_keys) {
            fail(error);
            return finish(UsageError);
        }
    }
    if (!parser.isSet(credential)) {
        m_discovery->fetch(*url, ms);
        return;
    }
    // An agent may keep even its card behind a credential: it goes with
    // the card's request, marked as a credential.
    withCredential(
        this, parser.value(credential), true,
        [this, url = *url, ms](const auth::Credential &found) {
            const auto header = found.header();
            m_client->addCredentialHeader(header->first);
            m_client->setDefaultHeader(header->first, header->second);
            m_discovery->fetch(url, ms);
        },
        [this](int code) { finish(code); });
}

void A2aCardCommand::onCard(const a2a::CardFetch &fetch)
{
    m_fetch = fetch;
    if (!fetch.ok()) {
        fail(terminalSafe(fetch.message));
        const bool unreachable =
            fetch.error == a2a::CardFetch::Error::Network || fetch.error == a2a::CardFetch::Error::Timeout;
        return finish(unreachable ? Unreachable : ProtocolError);
    }
    m_issues = a2a::validateCard(fetch.card->raw, fetch.card->version);
    m_verifier->verify(fetch.card->raw, m_keys);
}

void A2aCardCommand::onSignature(const a2a::SignatureCheck &check)
{
    const a2a::AgentCard &card = *m_fetch.card;
    bool valid = true;
    for (const a2a::CardIssue &issue : std::as_const(m_issues))
        valid = valid && issue.severity != a2a::CardIssue::Severity::Error;
    const int code = valid && check.verdict != a2a::SignatureVerdict::Invalid ? Success : CardRejected;

    if (m_json) {
        nlohmann::json issues = nlohmann::json::array();
        for (const a2a::CardIssue &issue : std::as_const(m_issues)) {
            issues.push_back({{"severity", toJson(a2a::severityName(issue.severity))},
                              {"pointer", toJson(issue.pointer)},
                              {"message", toJson(issue.message)}});
        }
        nlohmann::json interfaces = nlohmann::json::array();
        for (const a2a::AgentInterface &i : card.interfaces) {
            interfaces.push_back({{"url", toJson(i.url)},
                                  {"binding", toJson(i.binding == a2a::Binding::Unknown ? i.bindingText
                                                                                         : a2a::bindingName(i.binding))},
                                  {"protocolVersion", toJson(i.protocolVersion)}});
        }
        nlohmann::json skills = nlohmann::json::array();
        for (const a2a::AgentSkill &s : card.skills)
            skills.push_back({{"id", toJson(s.id)}, {"name", toJson(s.name)}});
        printJsonLine({{"protocolVersion", toJson(a2a::protocolVersionName(card.version))},
                       {"cardUrl", toJson(m_fetch.cardUrl.toString(QUrl::FullyEncoded))},
                       {"name", toJson(card.name)},
                       {"valid", valid},
                       {"issues", issues},
                       {"signature", toJson(a2a::signatureVerdictName(check.verdict))},
                       {"interfaces", interfaces},
                       {"skills", skills},
                       {"card", card.raw}});
        return finish(code);
    }

    QTextStream &o = out();
    o << terminalSafe(card.name) << QStringLiteral("  (A2A ") << a2a::protocolVersionName(card.version)
      << QStringLiteral(")\n");
    o << tr("Card:") << ' ' << m_fetch.cardUrl.toDisplayString() << '\n';
    if (!card.description.isEmpty())
        o << terminalSafe(card.description) << '\n';
    o << tr("Interfaces:") << '\n';
    for (const a2a::AgentInterface &i : card.interfaces) {
        o << QStringLiteral("  ")
          << terminalSafe(i.binding == a2a::Binding::Unknown ? i.bindingText : a2a::bindingName(i.binding))
          << ' ' << terminalSafe(i.protocolVersion) << ' ' << terminalSafe(i.url) << '\n';
    }
    o << tr("Capabilities:") << ' ' << (card.streaming ? tr("streaming") : tr("no streaming")) << QStringLiteral(", ")
      << (card.pushNotifications ? tr("push notifications") : tr("no push notifications"))
      << (card.extendedCard ? QStringLiteral(", ") + tr("extended card") : QString()) << '\n';
    o << tr("Skills:") << '\n';
    for (const a2a::AgentSkill &s : card.skills)
        o << QStringLiteral("  ") << terminalSafe(s.id) << QStringLiteral(": ") << terminalSafe(s.name) << '\n';
    o << tr("Signature:") << ' ' << a2a::signatureVerdictName(check.verdict);
    if (!check.message.isEmpty())
        o << QStringLiteral(" (") << terminalSafe(check.message) << ')';
    o << '\n';
    if (m_issues.isEmpty()) {
        o << tr("No issues.") << '\n';
    } else {
        o << tr("Issues:") << '\n';
        for (const a2a::CardIssue &issue : std::as_const(m_issues)) {
            o << QStringLiteral("  ") << a2a::severityName(issue.severity) << ' '
              << (issue.pointer.isEmpty() ? QStringLiteral("/") : terminalSafe(issue.pointer)) << QStringLiteral(": ")
              << terminalSafe(issue.message) << '\n';
        }
    }
    o.flush();
    finish(code);
}

void A2aCardCommand::finish(int code)
{
    exitSoon(code);
}

} // namespace crosstalk::cli
