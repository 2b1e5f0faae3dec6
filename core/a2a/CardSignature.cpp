#include "a2a/CardSignature.h"

#include "a2a/Jcs.h"
#include "http/HttpClient.h"
#include "util/Utf8.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTimer>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace crosstalk::a2a {

using nlohmann::json;

namespace {

// Messages for people from the free functions below.
class CardSignature
{
    Q_DECLARE_TR_FUNCTIONS(CardSignature)
};

// ---------------------------------------------------------------------------
// OpenSSL ownership

struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
struct BioDeleter
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct BnDeleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
};
struct EcdsaSigDeleter
{
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
};
struct ParamBldDeleter
{
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamDeleter
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, ParamDeleter>;

// ---------------------------------------------------------------------------
// Keys and algorithms

enum class KeyType { EcP256, EcP384, EcP521, Rsa, Ed25519 };

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::EcP256:
        return QStringLiteral("EC P-256");
    case KeyType::EcP384:
        return QStringLiteral("EC P-384");
    case KeyType::EcP521:
        return QStringLiteral("EC P-521");
    case KeyType::Rsa:
        return QStringLiteral("RSA");
    case KeyType::Ed25519:
        return QStringLiteral("Ed25519");
    }
    return {};
}

enum class Family { Ecdsa, RsaPkcs1, RsaPss, EdDsa };

struct Algorithm
{
    Family family;
    KeyType keyType; // for Ecdsa and EdDsa; Rsa for both RSA families
    const EVP_MD *(*digest)();
    int coordinateBytes; // Ecdsa: the size of r and of s
};

std::optional<Algorithm> algorithmNamed(const std::string &alg)
{
    if (alg == "ES256")
        return Algorithm { Family::Ecdsa, KeyType::EcP256, EVP_sha256, 32 };
    if (alg == "ES384")
        return Algorithm { Family::Ecdsa, KeyType::EcP384, EVP_sha384, 48 };
    if (alg == "ES512")
        return Algorithm { Family::Ecdsa, KeyType::EcP521, EVP_sha512, 66 };
    if (alg == "RS256")
        return Algorithm { Family::RsaPkcs1, KeyType::Rsa, EVP_sha256, 0 };
    if (alg == "RS384")
        return Algorithm { Family::RsaPkcs1, KeyType::Rsa, EVP_sha384, 0 };
    if (alg == "RS512")
        return Algorithm { Family::RsaPkcs1, KeyType::Rsa, EVP_sha512, 0 };
    if (alg == "PS256")
        return Algorithm { Family::RsaPss, KeyType::Rsa, EVP_sha256, 0 };
    if (alg == "PS384")
        return Algorithm { Family::RsaPss, KeyType::Rsa, EVP_sha384, 0 };
    if (alg == "PS512")
        return Algorithm { Family::RsaPss, KeyType::Rsa, EVP_sha512, 0 };
    // RFC 8037 "EdDSA" (with an Ed25519 key here) and the fully-specified
    // "Ed25519" of RFC 9864, which jose also produces.
    if (alg == "EdDSA" || alg == "Ed25519")
        return Algorithm { Family::EdDsa, KeyType::Ed25519, nullptr, 0 };
    return std::nullopt;
}

bool sameAlgorithm(const QString &a, const QString &b)
{
    const auto eddsa = [](const QString &s) { return s == QLatin1String("EdDSA") || s == QLatin1String("Ed25519"); };
    return a == b || (eddsa(a) && eddsa(b));
}

constexpr int MinRsaBits = 2048; // as jose requires

} // namespace

struct SignatureKeys::Key
{
    QString kid;
    bool hasKid = false;
    QString alg; // the JWK's "alg", when it names one
    KeyType type = KeyType::Rsa;
    int bits = 0;
    QString source; // where it came from, for messages
    PkeyPtr pkey;
};

namespace {

using Key = SignatureKeys::Key;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Text from a card or key set, fit for a message: control and format
// characters (line breaks, bidi overrides) become U+FFFD, and long text is
// cut short. The full value stays in the SignatureDetail fields.
QString shown(const QString &text, qsizetype maxLength = 80)
{
    QString out = text.left(maxLength);
    for (QChar &c : out) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            c = QChar::ReplacementCharacter;
    }
    if (text.size() > maxLength)
        out += QChar(0x2026);
    return out;
}

// Base64url without padding (RFC 7515 §2), strictly.
std::optional<QByteArray> decodeBase64Url(const std::string &text)
{
    for (const char c : text) {
        const bool ok
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    if (text.size() % 4 == 1)
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(
        QByteArray::fromStdString(text), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return std::move(result.decoded);
}

QByteArray encodeBase64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<KeyType> classify(EVP_PKEY *pkey, int *bits)
{
    *bits = EVP_PKEY_get_bits(pkey);
    if (EVP_PKEY_is_a(pkey, "ED25519"))
        return KeyType::Ed25519;
    if (EVP_PKEY_is_a(pkey, "RSA"))
        return KeyType::Rsa;
    if (EVP_PKEY_is_a(pkey, "EC")) {
        char name[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(pkey, name, sizeof name, &length) != 1)
            return std::nullopt;
        const std::string group(name, length);
        if (group == "prime256v1" || group == "P-256" || group == "secp256r1")
            return KeyType::EcP256;
        if (group == "secp384r1" || group == "P-384")
            return KeyType::EcP384;
        if (group == "secp521r1" || group == "P-521")
            return KeyType::EcP521;
    }
    return std::nullopt;
}

PkeyPtr pkeyFromParams(const char *type, OSSL_PARAM_BLD *builder)
{
    ParamPtr params(OSSL_PARAM_BLD_to_param(builder));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return {};
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    PkeyPtr pkey(raw);
    PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return {};
    return pkey;
}

QString jwkString(const json &jwk, const char *name, bool *present, bool *wrongType)
{
    *present = false;
    const auto it = jwk.find(name);
    if (it == jwk.end() || it->is_null())
        return {};
    *present = true;
    if (!it->is_string()) {
        *wrongType = true;
        return {};
    }
    return utf8ToString(it->get_ref<const std::string &>());
}

std::optional<QByteArray> jwkBytes(const json &jwk, const char *name)
{
    const auto it = jwk.find(name);
    if (it == jwk.end() || !it->is_string())
        return std::nullopt;
    auto bytes = decodeBase64Url(it->get<std::string>());
    if (!bytes || bytes->isEmpty())
        return std::nullopt;
    return bytes;
}

enum class JwkOutcome { Key, Skipped, Error };

// Reads one JWK. `problem` says why it failed (Error) or was skipped.
JwkOutcome readJwk(const json &jwk, Key *key, QString *problem)
{
    if (!jwk.is_object()) {
        *problem = CardSignature::tr("it is not a JSON object");
        return JwkOutcome::Error;
    }
    bool present = false;
    bool wrongType = false;
    const QString kty = jwkString(jwk, "kty", &present, &wrongType);
    if (!present || wrongType) {
        *problem = CardSignature::tr("it has no \"kty\"");
        return JwkOutcome::Error;
    }
    key->kid = jwkString(jwk, "kid", &key->hasKid, &wrongType);
    key->alg = jwkString(jwk, "alg", &present, &wrongType);
    const QString use = jwkString(jwk, "use", &present, &wrongType);
    if (wrongType) {
        *problem = CardSignature::tr("its \"kid\", \"alg\" or \"use\" is not a string");
        return JwkOutcome::Error;
    }
    if (present && use != QLatin1String("sig")) {
        *problem = CardSignature::tr("it is for \"%1\", not for signatures").arg(shown(use));
        return JwkOutcome::Skipped;
    }
    if (const auto ops = jwk.find("key_ops");
        ops != jwk.end() && ops->is_array() && std::find(ops->begin(), ops->end(), json("verify")) == ops->end()) {
        *problem = CardSignature::tr("its key_ops do not include \"verify\"");
        return JwkOutcome::Skipped;
    }
    for (const char *secret : { "d", "p", "q", "dp", "dq", "qi", "k" }) {
        if (jwk.contains(secret)) {
            *problem = CardSignature::tr("it is a private or secret key; give only the public key");
            return JwkOutcome::Error;
        }
    }

    if (kty == QLatin1String("EC")) {
        const QString crv = jwkString(jwk, "crv", &present, &wrongType);
        int size = 0;
        if (crv == QLatin1String("P-256")) {
            key->type = KeyType::EcP256;
            size = 32;
        } else if (crv == QLatin1String("P-384")) {
            key->type = KeyType::EcP384;
            size = 48;
        } else if (crv == QLatin1String("P-521")) {
            key->type = KeyType::EcP521;
            size = 66;
        } else {
            *problem = CardSignature::tr("its curve \"%1\" is not supported").arg(shown(crv));
            return JwkOutcome::Skipped;
        }
        const auto x = jwkBytes(jwk, "x");
        const auto y = jwkBytes(jwk, "y");
        if (!x || !y || x->size() != size || y->size() != size) {
            *problem = CardSignature::tr("its \"x\" and \"y\" are not %1-byte base64url values").arg(size);
            return JwkOutcome::Error;
        }
        const QByteArray point = QByteArray(1, '\x04') + *x + *y;
        const QByteArray group = crv.toLatin1();
        ParamBldPtr builder(OSSL_PARAM_BLD_new());
        if (!builder
            || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0) != 1
            || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                                size_t(point.size()))
                != 1) {
            *problem = CardSignature::tr("OpenSSL could not read it");
            return JwkOutcome::Error;
        }
        key->pkey = pkeyFromParams("EC", builder.get());
        if (!key->pkey) {
            *problem = CardSignature::tr("its point is not on the curve %1").arg(crv);
            return JwkOutcome::Error;
        }
    } else if (kty == QLatin1String("RSA")) {
        key->type = KeyType::Rsa;
        const auto n = jwkBytes(jwk, "n");
        const auto e = jwkBytes(jwk, "e");
        if (!n || !e) {
            *problem = CardSignature::tr("its \"n\" or \"e\" is missing or not base64url");
            return JwkOutcome::Error;
        }
        BnPtr bnN(BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), int(n->size()), nullptr));
        BnPtr bnE(BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()), nullptr));
        ParamBldPtr builder(OSSL_PARAM_BLD_new());
        if (!bnN || !bnE || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1
            || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1) {
            *problem = CardSignature::tr("OpenSSL could not read it");
            return JwkOutcome::Error;
        }
        key->pkey = pkeyFromParams("RSA", builder.get());
        if (!key->pkey) {
            *problem = CardSignature::tr("it is not a valid RSA public key");
            return JwkOutcome::Error;
        }
    } else if (kty == QLatin1String("OKP")) {
        const QString crv = jwkString(jwk, "crv", &present, &wrongType);
        if (crv != QLatin1String("Ed25519")) {
            *problem = CardSignature::tr("its curve \"%1\" is not supported").arg(shown(crv));
            return JwkOutcome::Skipped;
        }
        key->type = KeyType::Ed25519;
        const auto x = jwkBytes(jwk, "x");
        if (!x || x->size() != 32) {
            *problem = CardSignature::tr("its \"x\" is not a 32-byte base64url value");
            return JwkOutcome::Error;
        }
        key->pkey.reset(EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x->constData()), size_t(x->size())));
        if (!key->pkey) {
            *problem = CardSignature::tr("it is not a valid Ed25519 public key");
            return JwkOutcome::Error;
        }
    } else {
        *problem = CardSignature::tr("its key type \"%1\" cannot verify signatures here").arg(shown(kty));
        return JwkOutcome::Skipped;
    }
    key->bits = EVP_PKEY_get_bits(key->pkey.get());
    return JwkOutcome::Key;
}

// ---------------------------------------------------------------------------
// Verification

QByteArray ecdsaToDer(const QByteArray &raw, int coordinateBytes)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    BnPtr r(BN_bin2bn(bytes, coordinateBytes, nullptr));
    BnPtr s(BN_bin2bn(bytes + coordinateBytes, coordinateBytes, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return {};
    r.release(); // owned by sig now
    s.release();
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != length)
        return {};
    return der;
}

bool verifyWith(const Key &key, const Algorithm &alg, const QByteArray &input, const QByteArray &signature)
{
    QByteArray sig = signature;
    if (alg.family == Family::Ecdsa) {
        if (signature.size() != 2 * alg.coordinateBytes)
            return false;
        sig = ecdsaToDer(signature, alg.coordinateBytes);
        if (sig.isEmpty())
            return false;
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx)
        return false;
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    const EVP_MD *md = alg.digest ? alg.digest() : nullptr;
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.pkey.get()) != 1) {
        ERR_clear_error();
        return false;
    }
    if (alg.family == Family::RsaPss) {
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, EVP_MD_get_size(md)) != 1) {
            ERR_clear_error();
            return false;
        }
    }
    const int ok
        = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
    ERR_clear_error();
    return ok == 1;
}

// Why `key` cannot have made a signature with `algName`, or empty.
QString incompatibility(const Key &key, const QString &algName, const Algorithm &alg)
{
    if (key.type != alg.keyType)
        return CardSignature::tr("it is an %1 key").arg(keyTypeName(key.type));
    if (!key.alg.isEmpty() && !sameAlgorithm(key.alg, algName))
        return CardSignature::tr("it is meant for %1 only").arg(shown(key.alg));
    if (key.type == KeyType::Rsa && key.bits < MinRsaBits)
        return CardSignature::tr("it has only %1 bits, fewer than the %2 required").arg(key.bits).arg(MinRsaBits);
    return {};
}

QString keyLabel(const Key &key)
{
    if (key.hasKid)
        return CardSignature::tr("the key \"%1\" from %2").arg(shown(key.kid), key.source);
    return CardSignature::tr("the key from %1").arg(key.source);
}

// ---------------------------------------------------------------------------
// The signed payload

// The A2A v1.0 AgentCard as the proto defines it (a2a.proto, lf.a2a.v1).
enum class Kind {
    String, // proto3 string: default ""
    OptString, // `optional string`: kept when set
    Bool, // proto3 bool: default false
    OptBool, // `optional bool`: kept when set
    Message,
    RepeatedString,
    RepeatedMessage,
    MapMessage,
    MapString,
    Struct, // google.protobuf.Struct: any JSON object, kept as it is
};

struct MessageDesc;

struct FieldDesc
{
    const char *camel;
    const char *snake; // the proto name when it differs, else nullptr
    Kind kind;
    const MessageDesc *message = nullptr;
    bool required = false;
};

struct MessageDesc
{
    std::vector<FieldDesc> fields;
    bool oneof = false; // the fields are the branches of one oneof
};

const MessageDesc &agentCardDesc()
{
    static const MessageDesc stringList { { { "list", nullptr, Kind::RepeatedString } } };
    static const MessageDesc securityRequirement { { { "schemes", nullptr, Kind::MapMessage, &stringList } } };
    static const MessageDesc agentInterface { {
        { "url", nullptr, Kind::String, nullptr, true },
        { "protocolBinding", "protocol_binding", Kind::String, nullptr, true },
        { "tenant", nullptr, Kind::String },
        { "protocolVersion", "protocol_version", Kind::String, nullptr, true },
    } };
    static const MessageDesc agentProvider { {
        { "url", nullptr, Kind::String, nullptr, true },
        { "organization", nullptr, Kind::String, nullptr, true },
    } };
    static const MessageDesc agentExtension { {
        { "uri", nullptr, Kind::String },
        { "description", nullptr, Kind::String },
        { "required", nullptr, Kind::Bool },
        { "params", nullptr, Kind::Struct },
    } };
    static const MessageDesc agentCapabilities { {
        { "streaming", nullptr, Kind::OptBool },
        { "pushNotifications", "push_notifications", Kind::OptBool },
        { "extensions", nullptr, Kind::RepeatedMessage, &agentExtension },
        { "extendedAgentCard", "extended_agent_card", Kind::OptBool },
    } };
    static const MessageDesc agentSkill { {
        { "id", nullptr, Kind::String, nullptr, true },
        { "name", nullptr, Kind::String, nullptr, true },
        { "description", nullptr, Kind::String, nullptr, true },
        { "tags", nullptr, Kind::RepeatedString, nullptr, true },
        { "examples", nullptr, Kind::RepeatedString },
        { "inputModes", "input_modes", Kind::RepeatedString },
        { "outputModes", "output_modes", Kind::RepeatedString },
        { "securityRequirements", "security_requirements", Kind::RepeatedMessage, &securityRequirement },
    } };
    static const MessageDesc apiKeyScheme { {
        { "description", nullptr, Kind::String },
        { "location", nullptr, Kind::String, nullptr, true },
        { "name", nullptr, Kind::String, nullptr, true },
    } };
    static const MessageDesc httpAuthScheme { {
        { "description", nullptr, Kind::String },
        { "scheme", nullptr, Kind::String, nullptr, true },
        { "bearerFormat", "bearer_format", Kind::String },
    } };
    static const MessageDesc authorizationCodeFlow { {
        { "authorizationUrl", "authorization_url", Kind::String, nullptr, true },
        { "tokenUrl", "token_url", Kind::String, nullptr, true },
        { "refreshUrl", "refresh_url", Kind::String },
        { "scopes", nullptr, Kind::MapString, nullptr, true },
        { "pkceRequired", "pkce_required", Kind::Bool },
    } };
    static const MessageDesc clientCredentialsFlow { {
        { "tokenUrl", "token_url", Kind::String, nullptr, true },
        { "refreshUrl", "refresh_url", Kind::String },
        { "scopes", nullptr, Kind::MapString, nullptr, true },
    } };
    static const MessageDesc implicitFlow { {
        { "authorizationUrl", "authorization_url", Kind::String },
        { "refreshUrl", "refresh_url", Kind::String },
        { "scopes", nullptr, Kind::MapString },
    } };
    static const MessageDesc passwordFlow { {
        { "tokenUrl", "token_url", Kind::String },
        { "refreshUrl", "refresh_url", Kind::String },
        { "scopes", nullptr, Kind::MapString },
    } };
    static const MessageDesc deviceCodeFlow { {
        { "deviceAuthorizationUrl", "device_authorization_url", Kind::String, nullptr, true },
        { "tokenUrl", "token_url", Kind::String, nullptr, true },
        { "refreshUrl", "refresh_url", Kind::String },
        { "scopes", nullptr, Kind::MapString, nullptr, true },
    } };
    static const MessageDesc oauthFlows {
        {
            { "authorizationCode", "authorization_code", Kind::Message, &authorizationCodeFlow },
            { "clientCredentials", "client_credentials", Kind::Message, &clientCredentialsFlow },
            { "implicit", nullptr, Kind::Message, &implicitFlow },
            { "password", nullptr, Kind::Message, &passwordFlow },
            { "deviceCode", "device_code", Kind::Message, &deviceCodeFlow },
        },
        true
    };
    static const MessageDesc oauth2Scheme { {
        { "description", nullptr, Kind::String },
        { "flows", nullptr, Kind::Message, &oauthFlows, true },
        { "oauth2MetadataUrl", "oauth2_metadata_url", Kind::String },
    } };
    static const MessageDesc openIdConnectScheme { {
        { "description", nullptr, Kind::String },
        { "openIdConnectUrl", "open_id_connect_url", Kind::String, nullptr, true },
    } };
    static const MessageDesc mtlsScheme { { { "description", nullptr, Kind::String } } };
    static const MessageDesc securityScheme {
        {
            { "apiKeySecurityScheme", "api_key_security_scheme", Kind::Message, &apiKeyScheme },
            { "httpAuthSecurityScheme", "http_auth_security_scheme", Kind::Message, &httpAuthScheme },
            { "oauth2SecurityScheme", "oauth2_security_scheme", Kind::Message, &oauth2Scheme },
            { "openIdConnectSecurityScheme", "open_id_connect_security_scheme", Kind::Message, &openIdConnectScheme },
            { "mtlsSecurityScheme", "mtls_security_scheme", Kind::Message, &mtlsScheme },
        },
        true
    };
    static const MessageDesc agentCard { {
        { "name", nullptr, Kind::String, nullptr, true },
        { "description", nullptr, Kind::String, nullptr, true },
        { "supportedInterfaces", "supported_interfaces", Kind::RepeatedMessage, &agentInterface, true },
        { "provider", nullptr, Kind::Message, &agentProvider },
        { "version", nullptr, Kind::String, nullptr, true },
        { "documentationUrl", "documentation_url", Kind::OptString },
        { "capabilities", nullptr, Kind::Message, &agentCapabilities, true },
        { "securitySchemes", "security_schemes", Kind::MapMessage, &securityScheme },
        { "securityRequirements", "security_requirements", Kind::RepeatedMessage, &securityRequirement },
        { "defaultInputModes", "default_input_modes", Kind::RepeatedString, nullptr, true },
        { "defaultOutputModes", "default_output_modes", Kind::RepeatedString, nullptr, true },
        { "skills", nullptr, Kind::RepeatedMessage, &agentSkill, true },
        { "iconUrl", "icon_url", Kind::OptString },
    } };
    return agentCard;
}

// JSON Pointer escaping (RFC 6901).
std::string pointerToken(const std::string &key)
{
    std::string out;
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out.push_back(c);
    }
    return out;
}

// The SDK's cleanEmpty(): drops "", null, [] and {} recursively (also in
// arrays, whose null elements vanish). A member named "__proto__" vanishes
// too: JavaScript's assignment to it sets the object's prototype instead of
// adding a member.
std::optional<json> cleanEmpty(const json &value, int depth = 0)
{
    if (depth > MaxJsonDepth)
        throw std::invalid_argument("cleanEmpty: the value is nested too deeply");
    if (value.is_null() || (value.is_string() && value.get_ref<const std::string &>().empty()))
        return std::nullopt;
    if (value.is_array()) {
        json out = json::array();
        for (const auto &element : value) {
            if (auto cleaned = cleanEmpty(element, depth + 1))
                out.push_back(std::move(*cleaned));
        }
        return out.empty() ? std::nullopt : std::optional<json>(std::move(out));
    }
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key() == "__proto__")
                continue;
            if (auto cleaned = cleanEmpty(it.value(), depth + 1))
                out[it.key()] = std::move(*cleaned);
        }
        return out.empty() ? std::nullopt : std::optional<json>(std::move(out));
    }
    return value;
}

// JavaScript's String(value), which ts-proto's fromJSON applies to strings.
std::string jsString(const json &value, int depth = 0)
{
    if (depth > MaxJsonDepth)
        throw std::invalid_argument("jsString: the value is nested too deeply");
    switch (value.type()) {
    case json::value_t::string:
        return value.get<std::string>();
    case json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case json::value_t::null:
        return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return canonicalNumber(value.get<double>());
    case json::value_t::array: {
        std::string out;
        bool first = true;
        for (const auto &element : value) {
            if (!first)
                out.push_back(',');
            first = false;
            if (!element.is_null())
                out += jsString(element, depth + 1);
        }
        return out;
    }
    default:
        return "[object Object]";
    }
}

// JavaScript's Boolean(value).
bool jsBoolean(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return false;
    case json::value_t::boolean:
        return value.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return value.get<double>() != 0;
    case json::value_t::string:
        return !value.get_ref<const std::string &>().empty();
    default:
        return true;
    }
}

bool isSet(const json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && !it->is_null();
}

bool isObjectLike(const json &object, const char *name) // JavaScript: typeof x === "object" && x !== null
{
    const auto it = object.find(name);
    return it != object.end() && (it->is_object() || it->is_array());
}

bool isArray(const json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_array();
}

void noteUncovered(const json &value, const std::string &path, QStringList *uncovered)
{
    if (uncovered && cleanEmpty(value))
        uncovered->append(QString::fromStdString(path));
}

// Members of a map field, as Object.entries() sees them (an array's are its
// indices).
std::vector<std::pair<std::string, const json *>> entries(const json &value)
{
    std::vector<std::pair<std::string, const json *>> out;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            out.emplace_back(it.key(), &it.value());
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            out.emplace_back(std::to_string(i), &value[i]);
    }
    return out;
}

// ts-proto's Message.toJSON(Message.fromJSON(value)), as @a2a-js/sdk 1.3
// generates them from a2a.proto.
json sdkMessage(const json &value, const MessageDesc &desc, const std::string &path, QStringList *uncovered)
{
    static const json empty = json::object();
    // fromJSON reads members of anything; a non-object has none that count.
    const json &in = value.is_object() ? value : empty;
    json out = json::object();
    std::vector<std::string> consumed;
    bool oneofTaken = false;

    for (const FieldDesc &field : desc.fields) {
        // ts-proto prefers the camelCase name, then tries the proto name.
        const auto pick = [&](auto &&test) -> const char * {
            if (test(in, field.camel))
                return field.camel;
            if (field.snake && test(in, field.snake))
                return field.snake;
            return nullptr;
        };
        const char *name = nullptr;
        switch (field.kind) {
        case Kind::RepeatedString:
        case Kind::RepeatedMessage:
            name = pick(isArray);
            break;
        case Kind::MapMessage:
        case Kind::MapString:
        case Kind::Struct:
            name = pick(isObjectLike);
            break;
        default:
            name = pick(isSet);
            break;
        }
        if (!name)
            continue;
        if (desc.oneof) {
            if (oneofTaken)
                continue; // a later branch: ignored, so reported as uncovered
            oneofTaken = true;
        }
        consumed.emplace_back(name);
        const json &v = in.at(name);
        const std::string here = path + "/" + pointerToken(name);
        switch (field.kind) {
        case Kind::String:
            if (auto s = jsString(v); !s.empty())
                out[field.camel] = std::move(s);
            break;
        case Kind::OptString:
            out[field.camel] = jsString(v);
            break;
        case Kind::Bool:
            if (jsBoolean(v))
                out[field.camel] = true;
            break;
        case Kind::OptBool:
            out[field.camel] = jsBoolean(v);
            break;
        case Kind::Message:
            out[field.camel] = sdkMessage(v, *field.message, here, uncovered);
            break;
        case Kind::RepeatedString: {
            json list = json::array();
            for (const auto &element : v)
                list.push_back(jsString(element));
            if (!list.empty())
                out[field.camel] = std::move(list);
            break;
        }
        case Kind::RepeatedMessage: {
            json list = json::array();
            for (std::size_t i = 0; i < v.size(); ++i)
                list.push_back(sdkMessage(v[i], *field.message, here + "/" + std::to_string(i), uncovered));
            if (!list.empty())
                out[field.camel] = std::move(list);
            break;
        }
        case Kind::MapMessage:
        case Kind::MapString: {
            json map = json::object();
            for (const auto &[key, element] : entries(v)) {
                const std::string at = here + "/" + pointerToken(key);
                if (key == "__proto__") {
                    noteUncovered(*element, at, uncovered);
                    continue;
                }
                map[key] = field.kind == Kind::MapString ? json(jsString(*element))
                                                         : sdkMessage(*element, *field.message, at, uncovered);
            }
            if (!map.empty())
                out[field.camel] = std::move(map);
            break;
        }
        case Kind::Struct:
            out[field.camel] = v;
            break;
        }
    }

    for (auto it = in.begin(); it != in.end(); ++it) {
        if (std::find(consumed.begin(), consumed.end(), it.key()) != consumed.end())
            continue;
        if (path.empty() && it.key() == "signatures")
            continue;
        noteUncovered(it.value(), path + "/" + pointerToken(it.key()), uncovered);
    }
    return out;
}

bool isDefault(const json &value)
{
    return value.is_null() || (value.is_string() && value.get_ref<const std::string &>().empty())
        || (value.is_boolean() && !value.get<bool>()) || ((value.is_array() || value.is_object()) && value.empty())
        || (value.is_number() && value.get<double>() == 0);
}

// §8.4.1 to the letter: the card as it is, minus members at their default
// value unless the field is REQUIRED or `optional`; unknown members stay.
json specMessage(const json &value, const MessageDesc &desc, bool top)
{
    if (!value.is_object())
        return value;
    json out = json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string &key = it.key();
        const json &v = it.value();
        if (top && key == "signatures")
            continue;
        const auto field = std::find_if(desc.fields.begin(), desc.fields.end(), [&](const FieldDesc &f) {
            return key == f.camel || (f.snake && key == f.snake);
        });
        if (field == desc.fields.end()) {
            out[key] = v;
            continue;
        }
        if (v.is_null())
            continue; // ProtoJSON: null is "not set"
        switch (field->kind) {
        case Kind::OptString:
        case Kind::OptBool:
        case Kind::Struct:
            out[key] = v;
            break;
        case Kind::Message:
            out[key] = specMessage(v, *field->message, false);
            break;
        case Kind::RepeatedMessage:
            if (v.is_array()) {
                json list = json::array();
                for (const auto &element : v)
                    list.push_back(specMessage(element, *field->message, false));
                if (field->required || !list.empty())
                    out[key] = std::move(list);
            } else {
                out[key] = v;
            }
            break;
        case Kind::MapMessage:
            if (v.is_object()) {
                json map = json::object();
                for (auto m = v.begin(); m != v.end(); ++m)
                    map[m.key()] = specMessage(m.value(), *field->message, false);
                if (field->required || !map.empty())
                    out[key] = std::move(map);
            } else {
                out[key] = v;
            }
            break;
        default:
            if (field->required || !isDefault(v))
                out[key] = v;
            break;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// Checking

struct ParsedSignature
{
    int index = 0;
    QString alg;
    QString kid;
    bool hasKid = false;
    QString jku;
    std::string protectedB64;
    QByteArray signature;
    std::optional<Algorithm> algorithm;
    QString problem; // makes it Invalid before any key is looked at
};

QString signatureName(int index, const QString &kid, bool hasKid)
{
    if (hasKid)
        return CardSignature::tr("signatures[%1] (kid \"%2\")").arg(index).arg(shown(kid));
    return CardSignature::tr("signatures[%1]").arg(index);
}

ParsedSignature parseSignature(const json &entry, int index)
{
    ParsedSignature p;
    p.index = index;
    const QString name = signatureName(index, {}, false);
    if (!entry.is_object()) {
        p.problem = CardSignature::tr("%1 is not a JSON object.").arg(name);
        return p;
    }
    const auto protectedIt = entry.find("protected");
    std::optional<QByteArray> headerBytes;
    if (protectedIt != entry.end() && protectedIt->is_string()) {
        p.protectedB64 = protectedIt->get<std::string>();
        headerBytes = decodeBase64Url(p.protectedB64);
    }
    if (!headerBytes || headerBytes->isEmpty()) {
        p.problem = CardSignature::tr("The protected header of %1 is missing or not valid base64url.").arg(name);
        return p;
    }
    json header;
    try {
        header = json::parse(headerBytes->constData(), headerBytes->constData() + headerBytes->size());
    } catch (const json::exception &) {
        p.problem = CardSignature::tr("The protected header of %1 is not valid JSON.").arg(name);
        return p;
    }
    if (!header.is_object()) {
        p.problem = CardSignature::tr("The protected header of %1 is not a JSON object.").arg(name);
        return p;
    }
    static const json noHeader = json::object();
    const json &unprotected = entry.contains("header") ? entry.at("header") : noHeader;

    // kid may sit in either header (RFC 7515 §7.2.1); alg and jku count in
    // the protected one only: an unprotected jku could be changed by anyone.
    for (const json *h : std::initializer_list<const json *> { &header, &unprotected }) {
        if (!h->is_object() || !h->contains("kid"))
            continue;
        if (!h->at("kid").is_string()) {
            p.problem = CardSignature::tr("The kid of %1 is not a string.").arg(name);
            return p;
        }
        p.kid = utf8ToString(h->at("kid").get_ref<const std::string &>());
        p.hasKid = true;
        break;
    }
    const QString fullName = signatureName(index, p.kid, p.hasKid);
    if (const auto it = header.find("alg"); it != header.end() && it->is_string())
        p.alg = utf8ToString(it->get_ref<const std::string &>());
    if (const auto it = header.find("jku"); it != header.end()) {
        if (!it->is_string()) {
            p.problem = CardSignature::tr("The jku of %1 is not a string.").arg(fullName);
            return p;
        }
        p.jku = utf8ToString(it->get_ref<const std::string &>());
    }

    if (!unprotected.is_object()) {
        p.problem = CardSignature::tr("The unprotected header of %1 is not a JSON object.").arg(fullName);
        return p;
    }
    QStringList repeated;
    for (auto it = unprotected.begin(); it != unprotected.end(); ++it) {
        if (header.contains(it.key()))
            repeated.append(QString::fromStdString(it.key()));
    }
    if (!repeated.isEmpty()) {
        p.problem = CardSignature::tr("%1 repeats header parameters in its protected and unprotected headers: %2.")
                        .arg(fullName, shown(repeated.join(QStringLiteral(", "))));
        return p;
    }
    if (header.contains("crit") || unprotected.contains("crit")) {
        p.problem = CardSignature::tr("%1 marks header parameters as critical (crit), which Crosstalk does not "
                                      "understand.")
                        .arg(fullName);
        return p;
    }
    if (const auto it = header.find("b64"); it != header.end() && *it != json(true)) {
        p.problem
            = CardSignature::tr("%1 uses an unencoded payload (b64), which Crosstalk does not support.").arg(fullName);
        return p;
    }
    if (p.alg.isEmpty()) {
        p.problem = CardSignature::tr("%1 names no algorithm (alg) in its protected header.").arg(fullName);
        return p;
    }
    if (p.alg == QLatin1String("none")) {
        p.problem = CardSignature::tr("%1 uses the algorithm \"none\": it is not a signature.").arg(fullName);
        return p;
    }
    p.algorithm = algorithmNamed(p.alg.toStdString());
    if (!p.algorithm) {
        p.problem = CardSignature::tr("%1 uses the algorithm %2, which Crosstalk does not support (it supports "
                                      "ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512 and EdDSA).")
                        .arg(fullName, shown(p.alg));
        return p;
    }

    std::optional<QByteArray> sig;
    if (const auto it = entry.find("signature"); it != entry.end() && it->is_string())
        sig = decodeBase64Url(it->get<std::string>());
    if (!sig || sig->isEmpty()) {
        p.problem = CardSignature::tr("The signature value of %1 is missing or not valid base64url.").arg(fullName);
        return p;
    }
    p.signature = *sig;
    const Algorithm &alg = *p.algorithm;
    const qsizetype expected = alg.family == Family::Ecdsa ? 2 * alg.coordinateBytes
        : alg.family == Family::EdDsa                      ? 64
                                                           : p.signature.size();
    if (p.signature.size() != expected) {
        p.problem = CardSignature::tr("The signature value of %1 has %2 bytes, but %3 signatures have %4.")
                        .arg(fullName, QString::number(p.signature.size()), p.alg, QString::number(expected));
        return p;
    }
    return p;
}

struct Payloads
{
    QByteArray sdk; // base64url
    QByteArray spec; // base64url; empty when equal to sdk
    QStringList uncovered;
    QString problem;
};

Payloads payloadsFor(const json &card)
{
    Payloads p;
    try {
        const std::string sdk = cardSigningPayload(card, CardPayloadForm::Sdk, &p.uncovered);
        const std::string spec = cardSigningPayload(card, CardPayloadForm::Specification);
        p.sdk = encodeBase64Url(QByteArray::fromStdString(sdk));
        if (spec != sdk)
            p.spec = encodeBase64Url(QByteArray::fromStdString(spec));
    } catch (const std::exception &) {
        p.problem = CardSignature::tr("The card cannot be canonicalised: it holds text that is not UTF-8.");
    }
    return p;
}

// Checks one well-formed signature with `keys`: the person's keys, or the
// key set fetched from `jku`.
SignatureDetail checkWithKeys(const ParsedSignature &sig, const Payloads &payloads, const SignatureKeys &keys,
                              const QString &jku = {})
{
    SignatureDetail d;
    d.index = sig.index;
    d.alg = sig.alg;
    d.kid = sig.kid;
    d.jku = sig.jku;
    const QString name = signatureName(sig.index, sig.kid, sig.hasKid);
    const Algorithm &alg = *sig.algorithm;

    std::vector<const Key *> candidates;
    const Key *refusedByKid = nullptr;
    QString refusal;
    for (const auto &key : keys.keys()) {
        const bool named = sig.hasKid && key->hasKid && key->kid == sig.kid;
        const bool eligible = named || !key->hasKid || !sig.hasKid;
        if (!eligible)
            continue;
        const QString why = incompatibility(*key, sig.alg, alg);
        if (why.isEmpty()) {
            candidates.push_back(key.get());
        } else if (named && !refusedByKid) {
            refusedByKid = key.get();
            refusal = why;
        }
    }

    if (candidates.empty()) {
        if (refusedByKid) {
            d.verdict = SignatureVerdict::Invalid;
            d.keySource = refusedByKid->source;
            d.message = CardSignature::tr("%1 uses %2, but %3 cannot have made it: %4.")
                            .arg(name, sig.alg, keyLabel(*refusedByKid), refusal);
        } else {
            d.verdict = SignatureVerdict::Unverifiable;
            if (sig.hasKid && jku.isEmpty())
                d.message = CardSignature::tr("%1 names a key that is not among the keys given.").arg(name);
            else if (sig.hasKid)
                d.message = CardSignature::tr("%1 names a key that the key set at %2 does not hold.")
                                .arg(name, shown(jku, 200));
            else if (jku.isEmpty())
                d.message
                    = CardSignature::tr("%1 names no kid, and none of the keys given fits %2.").arg(name, sig.alg);
            else
                d.message = CardSignature::tr("%1 names no kid, and no key in the key set at %2 fits %3.")
                                .arg(name, shown(jku, 200), sig.alg);
        }
        return d;
    }

    const QByteArray prefix = QByteArray::fromStdString(sig.protectedB64) + '.';
    for (const Key *key : candidates) {
        for (const auto form : { CardPayloadForm::Sdk, CardPayloadForm::Specification }) {
            const QByteArray &payload = form == CardPayloadForm::Sdk ? payloads.sdk : payloads.spec;
            if (payload.isEmpty())
                continue;
            if (verifyWith(*key, alg, prefix + payload, sig.signature)) {
                d.verdict = SignatureVerdict::Verified;
                d.keySource = key->source;
                d.payloadForm = form;
                d.message = form == CardPayloadForm::Sdk
                    ? CardSignature::tr("%1 verifies with %2.").arg(name, keyLabel(*key))
                    : CardSignature::tr("%1 verifies with %2, over the payload the specification's text describes "
                                        "(not the one the A2A SDKs sign).")
                          .arg(name, keyLabel(*key));
                return d;
            }
        }
    }
    d.verdict = SignatureVerdict::Invalid;
    if (candidates.size() == 1) {
        d.keySource = candidates.front()->source;
        d.message = CardSignature::tr("%1 does not verify with %2: the card was changed after it was signed, or "
                                      "that key did not sign it.")
                        .arg(name, keyLabel(*candidates.front()));
    } else {
        d.keySource = candidates.front()->source;
        d.message = CardSignature::tr("%1 does not verify with any of the %n keys that fit it: the card was changed "
                                      "after it was signed, or none of them signed it.",
                                      nullptr, int(candidates.size()))
                        .arg(name);
    }
    return d;
}

using KeyLookup = std::function<SignatureDetail(const ParsedSignature &, const Payloads &)>;

SignatureCheck check(const json &card, const KeyLookup &lookup)
{
    SignatureCheck result;
    const json *signatures = nullptr;
    if (card.is_object()) {
        if (const auto it = card.find("signatures"); it != card.end() && !it->is_null())
            signatures = &*it;
    }
    if (!signatures || (signatures->is_array() && signatures->empty())) {
        result.verdict = SignatureVerdict::Unsigned;
        result.message = CardSignature::tr("The card is not signed.");
        return result;
    }
    if (!signatures->is_array()) {
        result.verdict = SignatureVerdict::Invalid;
        result.message = CardSignature::tr("The card's signatures field is not a list.");
        return result;
    }
    if (nestedDeeperThan(card)) {
        result.verdict = SignatureVerdict::Invalid;
        result.message = CardSignature::tr("The card cannot be canonicalised: it is nested more than %n levels deep.",
                                           nullptr, MaxJsonDepth);
        return result;
    }

    const Payloads payloads = payloadsFor(card);
    result.uncoveredFields = payloads.uncovered;
    for (std::size_t i = 0; i < signatures->size(); ++i) {
        const ParsedSignature sig = parseSignature((*signatures)[i], int(i));
        if (!sig.problem.isEmpty() || !payloads.problem.isEmpty()) {
            SignatureDetail d;
            d.index = sig.index;
            d.alg = sig.alg;
            d.kid = sig.kid;
            d.jku = sig.jku;
            d.verdict = SignatureVerdict::Invalid;
            d.message = sig.problem.isEmpty() ? payloads.problem : sig.problem;
            result.details.append(d);
            continue;
        }
        result.details.append(lookup(sig, payloads));
    }

    const auto first = [&](SignatureVerdict v) {
        return std::find_if(result.details.cbegin(), result.details.cend(),
                            [v](const SignatureDetail &d) { return d.verdict == v; });
    };
    const auto count = [&](SignatureVerdict v) {
        return int(std::count_if(result.details.cbegin(), result.details.cend(),
                                 [v](const SignatureDetail &d) { return d.verdict == v; }));
    };
    if (const auto invalid = first(SignatureVerdict::Invalid); invalid != result.details.cend()) {
        result.verdict = SignatureVerdict::Invalid;
        result.message = invalid->message;
        if (const int n = count(SignatureVerdict::Invalid); n > 1)
            result.message += QLatin1Char(' ') + CardSignature::tr("(%n signatures are invalid.)", nullptr, n);
    } else if (const auto verified = first(SignatureVerdict::Verified); verified != result.details.cend()) {
        result.verdict = SignatureVerdict::Verified;
        result.message = verified->message;
        if (!result.uncoveredFields.isEmpty()) {
            result.message += QLatin1Char(' ')
                + CardSignature::tr("The signature does not cover %n field(s) outside the A2A v1.0 schema: %1.",
                                    nullptr, int(result.uncoveredFields.size()))
                      .arg(result.uncoveredFields.join(QStringLiteral(", ")));
        }
    } else {
        result.verdict = SignatureVerdict::Unverifiable;
        result.message = result.details.isEmpty() ? CardSignature::tr("The card's signatures cannot be checked.")
                                                  : result.details.constFirst().message;
    }
    return result;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

} // namespace

// ---------------------------------------------------------------------------

QString signatureVerdictName(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Verified:
        return QStringLiteral("verified");
    case SignatureVerdict::Invalid:
        return QStringLiteral("invalid");
    case SignatureVerdict::Unverifiable:
        return QStringLiteral("unverifiable");
    case SignatureVerdict::Unsigned:
        return QStringLiteral("unsigned");
    }
    return {};
}

std::string cardSigningPayload(const json &card, CardPayloadForm form, QStringList *uncoveredFields)
{
    if (form == CardPayloadForm::Specification)
        return canonicalJson(specMessage(card, agentCardDesc(), true));
    const json normalised = sdkMessage(card, agentCardDesc(), std::string(), uncoveredFields);
    const auto cleaned = cleanEmpty(normalised);
    return cleaned ? canonicalJson(*cleaned) : std::string("{}");
}

// ---------------------------------------------------------------------------

SignatureKeys::SignatureKeys() = default;
SignatureKeys::~SignatureKeys() = default;
SignatureKeys::SignatureKeys(const SignatureKeys &) = default;
SignatureKeys &SignatureKeys::operator=(const SignatureKeys &) = default;
SignatureKeys::SignatureKeys(SignatureKeys &&) noexcept = default;
SignatureKeys &SignatureKeys::operator=(SignatureKeys &&) noexcept = default;

QStringList SignatureKeys::keyIds() const
{
    QStringList out;
    for (const auto &key : m_keys)
        out.append(key->hasKid ? key->kid : QString());
    return out;
}

void SignatureKeys::add(const SignatureKeys &other)
{
    m_keys.insert(m_keys.end(), other.m_keys.begin(), other.m_keys.end());
}

std::optional<SignatureKeys> SignatureKeys::fromJwkSet(const json &jwks, QString *error, const QString &source)
{
    const QString where = source.isEmpty() ? tr("the JWK Set") : source;
    const auto fail = [&](const QString &message) -> std::optional<SignatureKeys> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    std::vector<const json *> list;
    if (jwks.is_object() && jwks.contains("keys")) {
        const json &keys = jwks.at("keys");
        if (!keys.is_array())
            return fail(tr("The \"keys\" of %1 is not a list.").arg(where));
        for (const auto &jwk : keys)
            list.push_back(&jwk);
    } else if (jwks.is_object() && jwks.contains("kty")) {
        list.push_back(&jwks);
    } else {
        return fail(tr("%1 is neither a JWK Set nor a JWK.").arg(where));
    }

    SignatureKeys result;
    QString skipped;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto key = std::make_shared<Key>();
        key->source = where;
        QString problem;
        switch (readJwk(*list[i], key.get(), &problem)) {
        case JwkOutcome::Key:
            result.m_keys.push_back(std::move(key));
            break;
        case JwkOutcome::Skipped:
            if (skipped.isEmpty())
                skipped = problem;
            break;
        case JwkOutcome::Error:
            return fail(tr("Key %1 in %2 cannot be used: %3.").arg(i).arg(where, problem));
        }
    }
    if (result.isEmpty()) {
        if (list.empty())
            return fail(tr("%1 holds no keys.").arg(where));
        return fail(tr("%1 holds no key that can verify card signatures (%2).").arg(where, skipped));
    }
    return result;
}

std::optional<SignatureKeys> SignatureKeys::fromPem(const QByteArray &pem, QString *error, const QString &source)
{
    const QString where = source.isEmpty() ? tr("the PEM text") : source;
    const auto fail = [&](const QString &message) -> std::optional<SignatureKeys> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (pem.contains("PRIVATE KEY-----"))
        return fail(tr("%1 holds a private key; give the public key (\"BEGIN PUBLIC KEY\") instead.").arg(where));

    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return fail(tr("%1 cannot be read.").arg(where));
    SignatureKeys result;
    for (;;) {
        PkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
        if (!pkey)
            break;
        auto key = std::make_shared<Key>();
        key->source = where;
        const auto type = classify(pkey.get(), &key->bits);
        if (!type) {
            const char *name = EVP_PKEY_get0_type_name(pkey.get());
            ERR_clear_error();
            return fail(tr("%1 holds a %2 key, which cannot verify A2A card signatures.")
                            .arg(where, QString::fromLatin1(name ? name : "unknown")));
        }
        key->type = *type;
        key->pkey = std::move(pkey);
        result.m_keys.push_back(std::move(key));
    }
    ERR_clear_error();
    if (result.isEmpty())
        return fail(tr("%1 holds no public key (a PEM block \"BEGIN PUBLIC KEY\").").arg(where));
    return result;
}

std::optional<SignatureKeys> SignatureKeys::fromFile(const QString &path, QString *error)
{
    const QString where = nativePath(path);
    const auto fail = [&](const QString &message) -> std::optional<SignatureKeys> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The key file %1 cannot be read: %2.").arg(where, file.errorString()));
    if (file.size() > MaxFileBytes)
        return fail(tr("The key file %1 is larger than %2 bytes.").arg(where, QString::number(MaxFileBytes)));
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    const QByteArray trimmed = bytes.trimmed();
    const QString label = tr("the key file %1").arg(where);
    if (trimmed.startsWith('{')) {
        json parsed;
        try {
            parsed = json::parse(trimmed.constData(), trimmed.constData() + trimmed.size());
        } catch (const json::exception &) {
            return fail(tr("The key file %1 is not valid JSON.").arg(where));
        }
        return fromJwkSet(parsed, error, label);
    }
    if (trimmed.contains("-----BEGIN "))
        return fromPem(bytes, error, label);
    return fail(tr("The key file %1 holds neither a PEM public key nor a JWK or JWK Set.").arg(where));
}

// ---------------------------------------------------------------------------

SignatureCheck checkCardSignatures(const json &card, const SignatureKeys &keys)
{
    return check(card, [&](const ParsedSignature &sig, const Payloads &payloads) {
        if (keys.isEmpty()) {
            SignatureDetail d;
            d.index = sig.index;
            d.alg = sig.alg;
            d.kid = sig.kid;
            d.jku = sig.jku;
            d.verdict = SignatureVerdict::Unverifiable;
            d.message
                = CardSignature::tr("No key was given to check %1.").arg(signatureName(sig.index, sig.kid, sig.hasKid));
            return d;
        }
        return checkWithKeys(sig, payloads, keys);
    });
}

SignatureCheck checkCardSignatures(const json &card, const QHash<QString, JkuResult> &jkuKeySets)
{
    return check(card, [&](const ParsedSignature &sig, const Payloads &payloads) {
        const QString name = signatureName(sig.index, sig.kid, sig.hasKid);
        SignatureDetail d;
        d.index = sig.index;
        d.alg = sig.alg;
        d.kid = sig.kid;
        d.jku = sig.jku;
        d.verdict = SignatureVerdict::Unverifiable;
        if (sig.jku.isEmpty()) {
            d.message = CardSignature::tr("%1 names no key set (jku), and no key was given to check it.").arg(name);
            return d;
        }
        const auto it = jkuKeySets.constFind(sig.jku);
        if (it == jkuKeySets.cend()) {
            d.message
                = CardSignature::tr("The key set %1 that %2 names was not fetched.").arg(shown(sig.jku, 200), name);
            return d;
        }
        if (!it->keys) {
            d.message = it->refused ? CardSignature::tr("%1 names the key set %2, which Crosstalk does not fetch: %3")
                                          .arg(name, shown(sig.jku, 200), it->error)
                                    : CardSignature::tr("The key set %1 that %2 names could not be used: %3")
                                          .arg(shown(sig.jku, 200), name, it->error);
            return d;
        }
        return checkWithKeys(sig, payloads, *it->keys, sig.jku);
    });
}

QList<QUrl> signatureJkuUrls(const json &card)
{
    QList<QUrl> out;
    if (!card.is_object() || !card.contains("signatures") || !card.at("signatures").is_array()
        || nestedDeeperThan(card))
        return out;
    const json &signatures = card.at("signatures");
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const ParsedSignature sig = parseSignature(signatures[i], int(i));
        if (!sig.problem.isEmpty() || sig.jku.isEmpty())
            continue;
        const QUrl url(sig.jku, QUrl::StrictMode);
        if (!out.contains(url))
            out.append(url);
    }
    return out;
}

// ---------------------------------------------------------------------------

JkuFetcher::JkuFetcher(QObject *parent)
    : QObject(parent)
    , m_client(new http::HttpClient(this))
{
    m_client->setDefaultTimeouts(10'000, 10'000);
}

JkuFetcher::~JkuFetcher() = default;

bool JkuFetcher::isAllowedUrl(const QUrl &url, QString *reason)
{
    const auto refuse = [&](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(tr("%1 is not a valid URL.").arg(url.toDisplayString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return true;
    return refuse(tr("only https URLs, and http URLs on this computer's loopback interface, are fetched for keys."));
}

quint64 JkuFetcher::fetch(const QUrl &url)
{
    const quint64 id = m_nextRequestId++;
    QString reason;
    if (!isAllowedUrl(url, &reason)) {
        JkuResult result;
        result.requestId = id;
        result.url = url;
        result.refused = true;
        result.error = reason;
        QTimer::singleShot(0, this, [this, result] { emit finished(result); });
        return id;
    }
    http::HttpRequest request;
    request.url = url;
    request.headers.emplaceBack("Accept", "application/jwk-set+json, application/json");
    request.maxResponseBytes = MaxKeySetBytes;
    // An http URL is allowed on loopback only: no redirect may take it off.
    request.maxRedirects = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 3 : 0;
    http::HttpReply *reply = m_client->send(std::move(request));
    connect(reply, &http::HttpReply::finished, this,
            [this, id, url](const http::HttpResult &result) { onReplyFinished(id, url, result); });
    return id;
}

void JkuFetcher::abortAll()
{
    m_client->abortAll();
}

void JkuFetcher::onReplyFinished(quint64 requestId, const QUrl &url, const http::HttpResult &result)
{
    JkuResult out;
    out.requestId = requestId;
    out.url = url;
    if (result.error == http::HttpResult::Error::RedirectRefused
        && url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0) {
        out.error = tr("the server redirected the request, and key sets on plain http are fetched without "
                       "redirects.");
    } else if (!result.ok()) {
        out.error = result.errorMessage;
    } else if (result.status < 200 || result.status > 299) {
        out.error = tr("the server answered with HTTP status %1.").arg(result.status);
    } else {
        json parsed;
        try {
            parsed = json::parse(result.body.constData(), result.body.constData() + result.body.size());
            QString error;
            out.keys = SignatureKeys::fromJwkSet(parsed, &error, tr("the key set at %1").arg(url.toDisplayString()));
            if (!out.keys)
                out.error = error;
        } catch (const json::exception &) {
            out.error = tr("the answer is not JSON.");
        }
    }
    emit finished(out);
}

// ---------------------------------------------------------------------------

CardSignatureVerifier::CardSignatureVerifier(QObject *parent)
    : QObject(parent)
    , m_fetcher(new JkuFetcher(this))
{
    connect(m_fetcher, &JkuFetcher::finished, this, &CardSignatureVerifier::onJkuFinished);
}

CardSignatureVerifier::~CardSignatureVerifier() = default;

void CardSignatureVerifier::verify(const json &card, std::optional<SignatureKeys> userKeys)
{
    cancel();
    m_busy = true;
    if (userKeys) {
        finishLater(checkCardSignatures(card, *userKeys));
        return;
    }
    // The jku URLs exactly as the signatures write them. (A card nested too
    // deeply is never copied: the check refuses it.)
    QStringList jkus;
    if (!nestedDeeperThan(card) && card.is_object() && card.contains("signatures")
        && card.at("signatures").is_array()) {
        const json &signatures = card.at("signatures");
        for (std::size_t i = 0; i < signatures.size(); ++i) {
            const ParsedSignature sig = parseSignature(signatures[i], int(i));
            if (sig.problem.isEmpty() && !sig.jku.isEmpty() && !jkus.contains(sig.jku))
                jkus.append(sig.jku);
        }
    }
    if (jkus.isEmpty()) {
        finishLater(checkCardSignatures(card, QHash<QString, JkuResult>()));
        return;
    }
    m_card = card;
    for (qsizetype i = 0; i < jkus.size(); ++i) {
        if (i < MaxKeySetsPerCard) {
            m_pending.insert(m_fetcher->fetch(QUrl(jkus.at(i), QUrl::StrictMode)), jkus.at(i));
        } else {
            JkuResult skipped;
            skipped.url = QUrl(jkus.at(i), QUrl::StrictMode);
            skipped.error = tr("the card names more than %n key sets, and only the first ones are fetched.", nullptr,
                               MaxKeySetsPerCard);
            m_results.insert(jkus.at(i), skipped);
        }
    }
}

void CardSignatureVerifier::cancel()
{
    ++m_generation;
    m_busy = false;
    m_card = json();
    const bool fetching = !m_pending.isEmpty();
    m_pending.clear();
    m_results.clear();
    if (fetching)
        m_fetcher->abortAll();
}

void CardSignatureVerifier::onJkuFinished(const JkuResult &result)
{
    const auto it = m_pending.find(result.requestId);
    if (it == m_pending.end())
        return;
    m_results.insert(*it, result);
    m_pending.erase(it);
    if (!m_pending.isEmpty())
        return;
    SignatureCheck check = checkCardSignatures(m_card, m_results);
    m_busy = false;
    m_card = json();
    m_results.clear();
    emit finished(check);
}

void CardSignatureVerifier::finishLater(SignatureCheck check)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, check = std::move(check)] {
        if (generation != m_generation)
            return;
        m_busy = false;
        emit finished(check);
    });
}

} // namespace crosstalk::a2a
