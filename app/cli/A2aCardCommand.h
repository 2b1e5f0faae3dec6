#pragma once

#include "a2a/CardDiscovery.h"
#include "a2a/CardSignature.h"
#include "a2a/CardValidator.h"

#include <QObject>

namespace crosstalk::http {
class HttpClient;
}

namespace crosstalk::cli {

/// `crosstalk-cli a2a card URL [--key FILE] [--json] [--timeout SECONDS]`:
/// finds the card, validates it, checks its signatures, and prints the
/// verdict. Ends the application with the exit code.
class A2aCardCommand : public QObject
{
    Q_OBJECT

public:
    explicit A2aCardCommand(QObject *parent = nullptr);
    /// `arguments` start with the program name; returns false (with the exit
    /// code already set) when it could not even start.
    void start(const QStringList &arguments);

private:
    void onCard(const a2a::CardFetch &fetch);
    void onSignature(const a2a::SignatureCheck &check);
    void finish(int code);

    http::HttpClient *m_client;
    a2a::CardDiscovery *m_discovery;
    a2a::CardSignatureVerifier *m_verifier;
    std::optional<a2a::SignatureKeys> m_keys;
    bool m_json = false;
    a2a::CardFetch m_fetch;
    QList<a2a::CardIssue> m_issues;
};

} // namespace crosstalk::cli
