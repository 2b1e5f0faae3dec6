#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crosstalk::http {
class HttpClient;
struct HttpResult;
} // namespace crosstalk::http

namespace crosstalk::a2a {

// Signed Agent Cards (A2A v1.0 §8.4): each entry of `signatures[]` is a JWS
// in the flattened JSON serialisation with a detached payload, `{protected,
// signature, header?}`. The payload is the card without `signatures`,
// normalised (fields at their default values dropped) and canonicalised
// with RFC 8785 (canonicalJson()); the signing input is
// `protected + "." + base64url(payload)`.
//
// Crosstalk verifies; it never signs.

enum class SignatureVerdict {
    /// At least one signature verifies with a trusted key, and none fails.
    Verified,
    /// A signature does not verify with a key that should have made it (the
    /// key its kid names, or a key given without a kid), or is malformed, or
    /// uses an algorithm Crosstalk does not support. One such signature makes
    /// the whole card Invalid even when another one verifies: a card that
    /// carries a broken signature has been changed or badly made, and the
    /// person should see it.
    Invalid,
    /// Signed, but no key is at hand for any signature (no key with that kid,
    /// no key file given and no usable jku), so nothing could be checked.
    Unverifiable,
    /// No `signatures`, or an empty list.
    Unsigned,
};

/// "verified", "invalid", "unverifiable", "unsigned": a contract of
/// crosstalk-cli's output, never translated.
QString signatureVerdictName(SignatureVerdict verdict);

/// The payload variant a signature verified with.
enum class CardPayloadForm {
    /// What @a2a-js/sdk 1.3 signs (its canonicalizeAgentCard, which says it
    /// mirrors a2a-python's MessageToDict + clean-up): the card is read as the
    /// v1.0 AgentCard message and written back as ProtoJSON (fields outside
    /// the v1.0 schema dropped, snake_case names written in camelCase,
    /// proto3 default values dropped, `optional` fields kept when set), then
    /// every empty string, null, empty list and empty object is removed,
    /// recursively, also inside Struct values such as extension params.
    Sdk,
    /// The letter of the specification's prose (§8.4.1): the card as it is,
    /// minus fields at their default value unless they are REQUIRED or
    /// `optional` in the proto. Tried only when the Sdk form does not verify
    /// and differs from it.
    Specification,
};

/// One entry of `signatures[]` and what became of it.
struct SignatureDetail
{
    int index = 0;
    QString alg;
    QString kid;
    QString jku;
    SignatureVerdict verdict = SignatureVerdict::Unverifiable;
    /// One plain sentence for people.
    QString message;
    /// Where the key that decided came from (a file, a jku URL); empty when
    /// no key was found.
    QString keySource;
    /// The payload form that verified (Verified only).
    std::optional<CardPayloadForm> payloadForm;
};

/// The outcome of checking a card's signatures.
struct SignatureCheck
{
    SignatureVerdict verdict = SignatureVerdict::Unsigned;
    /// One plain sentence for people.
    QString message;
    QList<SignatureDetail> details;
    /// JSON Pointers of card members outside the A2A v1.0 schema (unknown
    /// fields, a snake_case duplicate of a camelCase field, extra branches of
    /// a oneof): the signed payload leaves them out, so a valid signature
    /// says nothing about them.
    QStringList uncoveredFields;
};

/// The bytes a v1.0 card signature covers (before base64url), for `form`.
/// `uncoveredFields`, when given, receives the JSON Pointers of members the
/// payload leaves out for being outside the v1.0 schema (Sdk form only).
std::string cardSigningPayload(const nlohmann::json &card, CardPayloadForm form = CardPayloadForm::Sdk,
                               QStringList *uncoveredFields = nullptr);

/// Public keys that verify card signatures, each with its kid when it has
/// one. A key without a kid (a PEM file, a JWK without "kid") is tried for
/// every signature whose algorithm fits it. Copies share the keys.
class SignatureKeys
{
    Q_DECLARE_TR_FUNCTIONS(SignatureKeys)

public:
    /// Key files larger than this are refused.
    static constexpr qint64 MaxFileBytes = 1024 * 1024;

    SignatureKeys();
    ~SignatureKeys();
    SignatureKeys(const SignatureKeys &);
    SignatureKeys &operator=(const SignatureKeys &);
    SignatureKeys(SignatureKeys &&) noexcept;
    SignatureKeys &operator=(SignatureKeys &&) noexcept;

    /// A PEM public key (SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"; several
    /// blocks are several keys), a JWK or a JWK Set. A file holding a private
    /// key is refused without reading the key. On failure, `error` names the
    /// file and the problem.
    static std::optional<SignatureKeys> fromFile(const QString &path, QString *error);
    /// A JWK Set (`{"keys": [...]}`) or a single JWK. Supported: kty EC with
    /// crv P-256, P-384 or P-521; kty RSA (n, e); kty OKP with crv Ed25519.
    /// Keys of other kinds, or with "use" other than "sig", are skipped; a
    /// set with no usable key, or a supported key that is malformed, is an
    /// error. `source` names where the JSON came from, for messages.
    static std::optional<SignatureKeys> fromJwkSet(const nlohmann::json &jwks, QString *error,
                                                   const QString &source = {});
    /// PEM text holding one or more SPKI public keys.
    static std::optional<SignatureKeys> fromPem(const QByteArray &pem, QString *error, const QString &source = {});

    bool isEmpty() const { return m_keys.empty(); }
    qsizetype size() const { return qsizetype(m_keys.size()); }
    /// The kid of each key, in order; an empty string for a key without one.
    QStringList keyIds() const;
    /// Adds the keys of `other`.
    void add(const SignatureKeys &other);

    struct Key; // defined where OpenSSL is
    const std::vector<std::shared_ptr<const Key>> &keys() const { return m_keys; }

private:
    std::vector<std::shared_ptr<const Key>> m_keys;
};

/// Checks every signature of `card` with `keys` (no network). A signature's
/// candidates are the keys with its kid (or, without a kid, every key) and
/// the keys without a kid. An algorithm outside ES256, ES384, ES512, RS256,
/// RS384, RS512, PS256, PS384, PS512 and EdDSA/Ed25519 makes that signature
/// Invalid.
SignatureCheck checkCardSignatures(const nlohmann::json &card, const SignatureKeys &keys);

/// The key set behind one jku URL, or why there is none.
struct JkuResult
{
    quint64 requestId = 0;
    QUrl url;
    std::optional<SignatureKeys> keys;
    /// Why `keys` is empty: refused, transfer failed, not a JWK Set.
    QString error;
    /// True when the URL was refused without sending anything.
    bool refused = false;
};

/// Checks `card` with the key sets fetched from the jku URLs its signatures
/// name: a signature is checked only with the keys from its own jku.
SignatureCheck checkCardSignatures(const nlohmann::json &card, const QHash<QString, JkuResult> &jkuKeySets);

/// The distinct jku URLs in the protected headers of `card`'s signatures.
QList<QUrl> signatureJkuUrls(const nlohmann::json &card);

/// Fetches JWK Sets named by `jku`, with a client of its own that carries no
/// credentials (a connection's Authorization header must never travel to a
/// URL the card chose). Only https URLs are fetched, and http ones on the
/// loopback interface (127.0.0.0/8, ::1, localhost), without redirects;
/// anything else is refused before any traffic. Bodies are capped at
/// MaxKeySetBytes.
class JkuFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxKeySetBytes = 256 * 1024;

    explicit JkuFetcher(QObject *parent = nullptr);
    ~JkuFetcher() override;

    /// The client the key sets are fetched with, to set timeouts or a
    /// traffic log. Never give it credentials.
    http::HttpClient *httpClient() const { return m_client; }

    /// Whether `url` may be fetched; `reason` says why not.
    static bool isAllowedUrl(const QUrl &url, QString *reason = nullptr);

    /// Starts fetching `url`; finished() follows, always on a later turn of
    /// the event loop, with the returned request id.
    quint64 fetch(const QUrl &url);
    /// Ends every fetch in flight; their finished() carry an error.
    void abortAll();

signals:
    void finished(const crosstalk::a2a::JkuResult &result);

private:
    void onReplyFinished(quint64 requestId, const QUrl &url, const http::HttpResult &result);

    http::HttpClient *m_client;
    quint64 m_nextRequestId = 1;
};

/// Verifies a card's signatures, fetching jku key sets when needed: with the
/// person's keys when given (no jku is fetched then: those keys are the trust
/// anchor), else with the key sets the signatures' jku URLs name (https, or
/// http on loopback only), else the card is Unverifiable. finished() always
/// comes on a later turn of the event loop; a new verify() replaces the one
/// in flight.
///
/// A card verified through its own jku proves only that whoever serves that
/// URL signed it: the detail's jku and keySource say which host that is, and
/// a view should show it next to the card's own origin.
class CardSignatureVerifier : public QObject
{
    Q_OBJECT

public:
    /// Distinct jku URLs fetched for one card at most; signatures naming
    /// others stay Unverifiable.
    static constexpr int MaxKeySetsPerCard = 4;

    explicit CardSignatureVerifier(QObject *parent = nullptr);
    ~CardSignatureVerifier() override;

    JkuFetcher *jkuFetcher() const { return m_fetcher; }

    void verify(const nlohmann::json &card, std::optional<SignatureKeys> userKeys);
    /// Abandons the verification in flight: no finished() for it.
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    void finished(const crosstalk::a2a::SignatureCheck &check);

private:
    void onJkuFinished(const JkuResult &result);
    void finishLater(SignatureCheck check);

    JkuFetcher *m_fetcher;
    nlohmann::json m_card;
    QHash<quint64, QString> m_pending; // request id -> jku
    QHash<QString, JkuResult> m_results;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace crosstalk::a2a
