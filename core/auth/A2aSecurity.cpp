#include "auth/A2aSecurity.h"

#include "util/JsonFields.h"
#include "util/Utf8.h"

namespace crosstalk::auth {

using nlohmann::json;

namespace {

// A hostile card cannot make the list explode.
constexpr qsizetype MaxRequirements = 32;
constexpr qsizetype MaxOptions = 64;

QStringList scopeNames(const json &flow)
{
    QStringList names;
    if (const json *scopes = json_fields::member(flow, "scopes"); scopes && scopes->is_object()) {
        for (auto it = scopes->begin(); it != scopes->end(); ++it)
            names.append(utf8ToString(it.key()));
    }
    return names;
}

QUrl urlMember(const json &flow, const char *name)
{
    return QUrl(json_fields::text(flow, name), QUrl::StrictMode);
}

/// The ways of satisfying one declared scheme (an OAuth 2 scheme may offer several flows).
QList<SchemeSignIn> waysFor(const QString &name, const a2a::SecurityScheme &scheme, const QStringList &scopes)
{
    SchemeSignIn base;
    base.name = name;
    base.description = scheme.description;
    base.scopes = scopes;
    switch (scheme.type) {
    case a2a::SecurityScheme::Type::ApiKey: {
        base.method = SchemeSignIn::Method::ApiKey;
        base.keyName = scheme.parameterName;
        const std::optional<Credential::Location> location = Credential::locationFromName(scheme.location.toLower());
        if (location)
            base.location = *location;
        if (!location) {
            base.method = SchemeSignIn::Method::Unsupported;
            base.unsupported = SchemeSignIn::tr("the API key goes “%1”, which is none of header, query or cookie").arg(scheme.location);
        } else if (scheme.parameterName.isEmpty()) {
            base.method = SchemeSignIn::Method::Unsupported;
            base.unsupported = SchemeSignIn::tr("the API key scheme has no name to send the key under");
        }
        return {base};
    }
    case a2a::SecurityScheme::Type::Http:
        if (scheme.httpScheme.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0) {
            base.method = SchemeSignIn::Method::Bearer;
        } else if (scheme.httpScheme.compare(QLatin1String("basic"), Qt::CaseInsensitive) == 0) {
            base.method = SchemeSignIn::Method::Basic;
        } else {
            base.unsupported = SchemeSignIn::tr("Crosstalk speaks the HTTP schemes Bearer and Basic, not “%1”").arg(scheme.httpScheme);
        }
        return {base};
    case a2a::SecurityScheme::Type::OpenIdConnect:
        base.method = SchemeSignIn::Method::OpenIdConnect;
        base.metadataUrl = QUrl(scheme.openIdConnectUrl, QUrl::StrictMode);
        if (!base.metadataUrl.isValid() || base.metadataUrl.isRelative()) {
            base.method = SchemeSignIn::Method::Unsupported;
            base.unsupported = SchemeSignIn::tr("the OpenID Connect scheme has no valid openIdConnectUrl");
        }
        return {base};
    case a2a::SecurityScheme::Type::MutualTls:
        base.unsupported = SchemeSignIn::tr("Crosstalk does not present client certificates (mutual TLS)");
        return {base};
    case a2a::SecurityScheme::Type::Unknown:
        base.unsupported = SchemeSignIn::tr("the scheme's type is not one A2A defines");
        return {base};
    case a2a::SecurityScheme::Type::OAuth2:
        break;
    }

    base.metadataUrl = QUrl(scheme.oauth2MetadataUrl, QUrl::StrictMode);
    if (!base.metadataUrl.isValid() || base.metadataUrl.isRelative())
        base.metadataUrl = QUrl();
    QList<SchemeSignIn> ways;
    QStringList refused;
    const json &flows = scheme.flows;
    if (flows.is_object()) {
        for (auto it = flows.begin(); it != flows.end(); ++it) {
            const std::string &flow = it.key();
            const json &value = it.value();
            SchemeSignIn way = base;
            way.offeredScopes = scopeNames(value);
            way.tokenUrl = urlMember(value, "tokenUrl");
            if (flow == "authorizationCode") {
                way.method = SchemeSignIn::Method::AuthorizationCode;
                way.authorizationUrl = urlMember(value, "authorizationUrl");
                way.pkceRequired = json_fields::flag(value, "pkceRequired");
                if (way.metadataUrl.isEmpty() && (way.authorizationUrl.isEmpty() || way.tokenUrl.isEmpty())) {
                    way.method = SchemeSignIn::Method::Unsupported;
                    way.unsupported = SchemeSignIn::tr("the authorization code flow lacks its authorizationUrl or tokenUrl");
                }
            } else if (flow == "clientCredentials") {
                way.method = SchemeSignIn::Method::ClientCredentials;
                if (way.metadataUrl.isEmpty() && way.tokenUrl.isEmpty()) {
                    way.method = SchemeSignIn::Method::Unsupported;
                    way.unsupported = SchemeSignIn::tr("the client credentials flow lacks its tokenUrl");
                }
            } else if (flow == "implicit" || flow == "password") {
                refused.append(SchemeSignIn::tr("the %1 flow, which OAuth 2.1 removed").arg(utf8ToString(flow)));
                continue;
            } else if (flow == "deviceCode") {
                refused.append(SchemeSignIn::tr("the device code flow"));
                continue;
            } else {
                refused.append(SchemeSignIn::tr("the unknown flow “%1”").arg(utf8ToString(flow)));
                continue;
            }
            ways.append(way);
        }
    }
    if (ways.isEmpty() && !base.metadataUrl.isEmpty()) {
        // Metadata alone: sign in in the browser, as the server's metadata says.
        SchemeSignIn way = base;
        way.method = SchemeSignIn::Method::AuthorizationCode;
        ways.append(way);
    }
    if (ways.isEmpty()) {
        base.unsupported = refused.isEmpty()
            ? SchemeSignIn::tr("the OAuth 2 scheme names no flow and no oauth2MetadataUrl")
            : SchemeSignIn::tr("Crosstalk does not sign in with %1").arg(refused.join(QStringLiteral(", ")));
        ways.append(base);
    }
    return ways;
}

} // namespace

QString SchemeSignIn::methodName(Method method)
{
    switch (method) {
    case Method::ApiKey:
        return QStringLiteral("api-key");
    case Method::Bearer:
        return QStringLiteral("bearer");
    case Method::Basic:
        return QStringLiteral("basic");
    case Method::AuthorizationCode:
        return QStringLiteral("oauth2-authorization-code");
    case Method::ClientCredentials:
        return QStringLiteral("oauth2-client-credentials");
    case Method::OpenIdConnect:
        return QStringLiteral("openid-connect");
    case Method::Unsupported:
        return QStringLiteral("unsupported");
    }
    return {};
}

QString SchemeSignIn::describe() const
{
    QString what;
    switch (method) {
    case Method::ApiKey:
        what = location == Credential::Location::Query ? tr("API key in query parameter %1").arg(keyName)
            : location == Credential::Location::Cookie ? tr("API key in cookie %1").arg(keyName)
                                                       : tr("API key in header %1").arg(keyName);
        break;
    case Method::Bearer:
        what = tr("HTTP bearer token");
        break;
    case Method::Basic:
        what = tr("HTTP basic (user and password)");
        break;
    case Method::AuthorizationCode:
        what = tr("OAuth 2 sign-in in the browser");
        break;
    case Method::ClientCredentials:
        what = tr("OAuth 2 client credentials");
        break;
    case Method::OpenIdConnect:
        what = tr("OpenID Connect sign-in in the browser");
        break;
    case Method::Unsupported:
        what = tr("not supported: %1").arg(unsupported);
        break;
    }
    if (!scopes.isEmpty())
        what = tr("%1 (scopes: %2)").arg(what, scopes.join(u' '));
    return what;
}

bool SchemeSignIn::usesAuthorizationHeader() const
{
    switch (method) {
    case Method::Bearer:
    case Method::Basic:
    case Method::AuthorizationCode:
    case Method::ClientCredentials:
    case Method::OpenIdConnect:
        return true;
    case Method::ApiKey:
        return location == Credential::Location::Header && keyName.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0;
    case Method::Unsupported:
        return false;
    }
    return false;
}

bool SchemeSignIn::needsClientId() const
{
    if (method == Method::ClientCredentials)
        return true;
    // Endpoints from the card and no metadata: nowhere to register.
    return method == Method::AuthorizationCode && metadataUrl.isEmpty();
}

bool SchemeSignIn::takesClientId() const
{
    return method == Method::ClientCredentials || method == Method::AuthorizationCode || method == Method::OpenIdConnect;
}

QString SignInOption::describe() const
{
    QStringList parts;
    for (const SchemeSignIn &s : schemes)
        parts.append(tr("%1 (%2)").arg(s.name, s.describe()));
    return parts.join(tr(" and "));
}

QString SignInOption::key() const
{
    QStringList names;
    for (const SchemeSignIn &s : schemes)
        names.append(s.name + u'/' + SchemeSignIn::methodName(s.method));
    return names.join(QStringLiteral(" + "));
}

QList<SignInOption> signInOptions(const a2a::AgentCard &card)
{
    QList<a2a::SecurityRequirement> requirements = card.securityRequirements.mid(0, MaxRequirements);
    bool required = true;
    if (requirements.isEmpty()) {
        required = false;
        for (auto it = card.securitySchemes.cbegin(); it != card.securitySchemes.cend() && requirements.size() < MaxRequirements; ++it)
            requirements.append(a2a::SecurityRequirement{{it.key(), {}}});
    }
    QList<SignInOption> options;
    for (const a2a::SecurityRequirement &requirement : std::as_const(requirements)) {
        if (requirement.isEmpty())
            continue; // {} means "no authentication" as one of the alternatives
        // Every combination of the ways of its schemes.
        QList<SignInOption> partial{SignInOption{}};
        QStringList undeclared;
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it) {
            QList<SchemeSignIn> ways;
            if (auto scheme = card.securitySchemes.constFind(it.key()); scheme != card.securitySchemes.cend()) {
                ways = waysFor(it.key(), *scheme, it.value());
            } else {
                undeclared.append(it.key());
                SchemeSignIn missing;
                missing.name = it.key();
                missing.scopes = it.value();
                missing.unsupported = SchemeSignIn::tr("the card does not declare this scheme");
                ways.append(missing);
            }
            QList<SignInOption> next;
            for (const SignInOption &p : std::as_const(partial)) {
                for (const SchemeSignIn &way : std::as_const(ways)) {
                    if (next.size() >= MaxOptions)
                        break;
                    SignInOption o = p;
                    o.schemes.append(way);
                    next.append(o);
                }
            }
            partial = next;
        }
        for (SignInOption &o : partial) {
            o.required = required;
            QStringList unsupported;
            QStringList authorization;
            for (const SchemeSignIn &s : std::as_const(o.schemes)) {
                if (s.method == SchemeSignIn::Method::Unsupported)
                    unsupported.append(SignInOption::tr("%1: %2").arg(s.name, s.unsupported));
                if (s.usesAuthorizationHeader())
                    authorization.append(s.name);
            }
            if (!undeclared.isEmpty())
                o.problem = SignInOption::tr("The card requires schemes it does not declare: %1.")
                                .arg(undeclared.join(QStringLiteral(", ")));
            else if (!unsupported.isEmpty())
                o.problem = SignInOption::tr("Crosstalk cannot meet this requirement: %1.").arg(unsupported.join(QStringLiteral("; ")));
            else if (authorization.size() > 1)
                o.problem = SignInOption::tr("The schemes %1 would each send an Authorization header; one request cannot carry both.")
                                .arg(authorization.join(QStringLiteral(", ")));
            if (options.size() < MaxOptions)
                options.append(o);
        }
    }
    return options;
}

QString signInCredentialName(const QString &connectionId, const QString &scheme)
{
    QString name = connectionId + QStringLiteral(": ") + scheme;
    for (QChar &c : name) {
        if (c == QLatin1Char('/') || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('_');
    }
    name.truncate(128);
    if (name.size() == 128 && name.back().isHighSurrogate())
        name.chop(1);
    return name;
}

} // namespace crosstalk::auth
