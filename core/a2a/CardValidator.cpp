#include "a2a/CardValidator.h"
#include "util/HiddenText.h"

#include "util/Utf8.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

// GCC 12 at -O2 and above reports false -Wrestrict warnings for std::string
// concatenations inlined from valijson (GCC bug 105329); the pragma also
// covers their instantiations in this file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <charconv>
#include <exception>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace crosstalk::a2a {

namespace {

using json = nlohmann::json;
using Severity = CardIssue::Severity;

// ---------------------------------------------------------------------------
// The official v0.3 schema, parsed once.

struct V03Schema
{
    /// The whole schema file, with "$ref": "#/definitions/AgentCard" added at
    /// its root so that valijson starts at the card and resolves the local
    /// references against the same document.
    json document;
    valijson::Schema schema;
};

#ifdef CROSSTALK_HAVE_A2A_V03_SCHEMA
std::unique_ptr<V03Schema> loadV03Schema()
{
    QFile file(QStringLiteral(":/schemas/a2a-v0.3.0.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    try {
        auto loaded = std::make_unique<V03Schema>();
        loaded->document = json::parse(bytes.constBegin(), bytes.constEnd());
        const auto definitions
            = loaded->document.is_object() ? loaded->document.find("definitions") : loaded->document.end();
        if (definitions == loaded->document.end() || !definitions->is_object() || !definitions->contains("AgentCard"))
            return {};
        loaded->document["$ref"] = "#/definitions/AgentCard";
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::NlohmannJsonAdapter adapter(loaded->document);
        parser.populateSchema(adapter, loaded->schema);
        return loaded;
    } catch (const std::exception &) {
        // nlohmann::json::exception and valijson's std::runtime_error alike.
        return {};
    }
}
#endif

const V03Schema *v03Schema()
{
#ifdef CROSSTALK_HAVE_A2A_V03_SCHEMA
    static const std::unique_ptr<V03Schema> schema = loadV03Schema();
    return schema.get();
#else
    return nullptr;
#endif
}

// ---------------------------------------------------------------------------
// Small helpers without text.

using crosstalk::isHiddenCodePoint; // the one list, in util/HiddenText

/// Each hidden character starts with one of these bytes in UTF-8; a string
/// without any of them needs no decoding.
bool mayHoldHidden(const std::string &utf8)
{
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0xE2 || b == 0xEF || b == 0xF3)
            return true;
    }
    return false;
}

template<typename F> void forEachCodePoint(const QString &text, F &&f)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        f(c);
    }
}

/// The distinct hidden characters in a string, in order of appearance.
std::vector<char32_t> hiddenCharacters(const std::string &utf8)
{
    std::vector<char32_t> found;
    if (!mayHoldHidden(utf8))
        return found;
    forEachCodePoint(utf8ToString(utf8), [&found](char32_t c) {
        if (isHiddenCodePoint(c) && std::find(found.begin(), found.end(), c) == found.end())
            found.push_back(c);
    });
    return found;
}

QString codePointName(char32_t c)
{
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

/// Peer text made fit to quote in a message: shortened, and with controls and
/// hidden characters spelled out, so that it cannot reorder the message.
QString shown(const QString &text)
{
    constexpr int MaxShown = 60;
    QString out;
    int count = 0;
    bool cut = false;
    forEachCodePoint(text, [&](char32_t c) {
        if (cut)
            return;
        if (++count > MaxShown) {
            cut = true;
            return;
        }
        const bool invisible = c < 0x20 || (c >= 0x7F && c < 0xA0) || isHiddenCodePoint(c) || c == 0x200E || c == 0x200F
            || c == 0x061C || c == 0x2028 || c == 0x2029;
        if (invisible)
            out += QLatin1Char('<') + codePointName(c) + QLatin1Char('>');
        else if (QChar::requiresSurrogates(c))
            out.append(QChar(QChar::highSurrogate(c))).append(QChar(QChar::lowSurrogate(c)));
        else
            out.append(QChar(char16_t(c)));
    });
    if (cut)
        out += QChar(0x2026);
    return out;
}

QString shown(const std::string &utf8)
{
    return shown(utf8ToString(utf8));
}

QString pointerToken(const std::string &key)
{
    QString token = utf8ToString(key);
    token.replace(QLatin1Char('~'), QStringLiteral("~0"));
    token.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

/// A member of an object, or nullptr; ProtoJSON reads null as "not set".
const json *find(const json &object, std::string_view name, bool nullIsAbsent)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(name);
    if (it == object.end() || (nullIsAbsent && it->is_null()))
        return nullptr;
    return &*it;
}

const json *findString(const json &object, std::string_view name)
{
    const json *value = find(object, name, false);
    return value && value->is_string() ? value : nullptr;
}

/// One step of a path into the card.
struct Segment
{
    std::string key;
    std::size_t index = 0;
    bool isIndex = false;
};
using Path = std::vector<Segment>;

/// Whether A2A before 0.3 (0.1, 0.2.0) let a card leave this member out while
/// v0.3 requires it.
bool optionalBefore03(const Path &parent, std::string_view name)
{
    if (parent.empty())
        return name == "protocolVersion" || name == "description" || name == "defaultInputModes"
            || name == "defaultOutputModes";
    if (parent.size() == 2 && !parent[0].isIndex && parent[0].key == "skills" && parent[1].isIndex)
        return name == "description" || name == "tags";
    if (parent.size() == 1 && !parent[0].isIndex && parent[0].key == "provider")
        return name == "url";
    return false;
}

bool isGrpcBinding(const json *binding)
{
    return binding && binding->is_string() && binding->get_ref<const std::string &>() == "GRPC";
}

bool isKnownBinding(const std::string &binding)
{
    return binding == "JSONRPC" || binding == "HTTP+JSON" || binding == "GRPC";
}

bool isLoopbackHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == QLatin1String("localhost") || lower == QLatin1String("localhost."))
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

/// gRPC names its targets host:port or as a name-resolver URI (dns:, ipv4:,
/// ipv6:, unix:; gRPC's doc/naming.md), not only as http(s) URLs.
bool isGrpcTarget(const QString &text)
{
    static const QRegularExpression hostPort(QRegularExpression::anchoredPattern(
        QStringLiteral(R"((?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):[0-9]{1,5})")));
    if (hostPort.match(text).hasMatch())
        return true;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    return url.isValid()
        && (scheme == QLatin1String("dns") || scheme == QLatin1String("ipv4") || scheme == QLatin1String("ipv6")
            || scheme == QLatin1String("unix"))
        && !url.path().isEmpty();
}

// valijson's descriptions of errors that only say a child failed: they are
// dropped once the child's own error is known.
bool isSummary(const std::string &d)
{
    return d.rfind("Failed to validate item #", 0) == 0
        || d.rfind("Failed to validate against schema associated with property name", 0) == 0
        || d.rfind("Failed to validate against additional properties schema", 0) == 0
        || d.rfind("Failed to validate against schema associated with pattern", 0) == 0
        || d.rfind("Failed to validate against child schema #", 0) == 0
        || d.rfind("Failed to validate against any schemas allowed by anyOf", 0) == 0
        || d.rfind("Failed to validate against any child schemas allowed by oneOf", 0) == 0
        || d.rfind("Failed to validate against a conditional schema", 0) == 0
        || d.rfind("Failed to validate against dependent schema", 0) == 0;
}

bool isBranchMarker(const std::string &d)
{
    return d.rfind("Failed to validate against child schema #", 0) == 0;
}

bool isAlternativesEnd(const std::string &d)
{
    return d.rfind("Failed to validate against any schemas allowed by anyOf", 0) == 0
        || d.rfind("Failed to validate against any child schemas allowed by oneOf", 0) == 0;
}

/// A member that must hold one fixed value: how alternatives tell themselves apart.
bool isConstMismatch(const std::string &d)
{
    return d.rfind("Failed to match expected value set by 'const'", 0) == 0;
}

const std::string MissingPrefix = "Missing required property '";
const std::string TypeMismatch = "Value type not permitted by 'type' constraint.";

/// One valijson error, its context still in valijson's form
/// (["<root>", "[skills]", "[0]", ...]).
struct SchemaError
{
    std::vector<std::string> context;
    std::string description;
    /// Synthesised: every alternative of an anyOf/oneOf rejected the value of
    /// the same member (a discriminator such as a security scheme's "type").
    bool discriminator = false;
};

/// The alternative most likely meant: one whose discriminator matched if any
/// did, then the one with the fewest errors.
std::vector<SchemaError> pickAlternative(std::vector<std::vector<SchemaError>> branches,
                                         const std::vector<std::string> &context)
{
    if (branches.empty())
        return {};
    std::vector<std::size_t> fitting;
    std::set<std::string> mismatchedMembers;
    for (std::size_t b = 0; b < branches.size(); ++b) {
        bool mismatch = false;
        for (const SchemaError &e : branches[b]) {
            const bool directMember = e.context.size() == context.size() + 1
                && std::equal(context.begin(), context.end(), e.context.begin());
            if (directMember && isConstMismatch(e.description)) {
                mismatch = true;
                mismatchedMembers.insert(e.context.back());
            }
        }
        if (!mismatch)
            fitting.push_back(b);
    }
    if (fitting.empty() && mismatchedMembers.size() == 1) {
        SchemaError e;
        e.context = context;
        e.context.push_back(*mismatchedMembers.begin());
        e.discriminator = true;
        return { e };
    }
    if (fitting.empty()) {
        for (std::size_t b = 0; b < branches.size(); ++b)
            fitting.push_back(b);
    }
    std::size_t best = fitting.front();
    for (const std::size_t b : fitting) {
        if (branches[b].size() < branches[best].size())
            best = b;
    }
    return std::move(branches[best]);
}

bool startsWith(const std::vector<std::string> &context, const std::vector<std::string> &prefix)
{
    return context.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), context.begin());
}

/// valijson lists errors depth first, a parent's summary after its
/// children's errors; an anyOf/oneOf that failed lists, for each alternative
/// in turn, its errors followed by "Failed to validate against child schema
/// #i", then its own summary. Read backwards that nests: an alternative ends
/// (going back) at the previous alternative's marker, or for #0 at the first
/// error outside the value. (allOf's markers would look the same; the A2A card
/// schema has none.)
std::vector<SchemaError> resolveBackwards(const std::vector<SchemaError> &errors, std::size_t &pos,
                                          const std::vector<std::string> *groupContext)
{
    std::vector<SchemaError> leaves;
    while (pos > 0) {
        const SchemaError &e = errors[pos - 1];
        if (groupContext
            && (!startsWith(e.context, *groupContext) || (isBranchMarker(e.description) && e.context == *groupContext)))
            break;
        --pos;
        if (isAlternativesEnd(e.description)) {
            std::vector<std::vector<SchemaError>> branches;
            while (pos > 0 && isBranchMarker(errors[pos - 1].description) && errors[pos - 1].context == e.context) {
                const std::string &marker = errors[pos - 1].description;
                const bool first = marker.compare(marker.find('#') + 1, std::string::npos, "0.") == 0;
                --pos;
                branches.insert(branches.begin(), resolveBackwards(errors, pos, &e.context));
                if (first)
                    break;
            }
            const std::vector<SchemaError> chosen = pickAlternative(std::move(branches), e.context);
            if (chosen.empty())
                leaves.push_back(e); // alternatives that failed without a word: keep valijson's
            else
                leaves.insert(leaves.end(), chosen.rbegin(), chosen.rend());
        } else if (!isSummary(e.description)) {
            leaves.push_back(e);
        }
    }
    std::reverse(leaves.begin(), leaves.end()); // gathered last first
    return leaves;
}

/// The schema node that describes the value at `path`, with $refs followed.
class SchemaWalker
{
public:
    explicit SchemaWalker(const json &document)
        : m_document(document)
    { }

    /// The card's value is followed along, to pick among anyOf/oneOf
    /// alternatives by their "const" members (a scheme's "type").
    const json *at(const Path &path, const json &card) const
    {
        const json *node = deref(definition("AgentCard"));
        const json *value = &card;
        for (const Segment &s : path) {
            node = alternativeFor(node, value);
            if (!node || !node->is_object())
                return nullptr;
            if (s.isIndex) {
                node = find(*node, "items", false);
                value = value && value->is_array() && s.index < value->size() ? &(*value)[s.index] : nullptr;
            } else {
                const json *properties = find(*node, "properties", false);
                const json *property = properties ? find(*properties, s.key, false) : nullptr;
                node = property ? property : find(*node, "additionalProperties", false);
                value = value ? find(*value, s.key, false) : nullptr;
            }
            node = deref(node);
        }
        return node;
    }

    const json *deref(const json *node) const
    {
        for (int hops = 0; node && hops < 32; ++hops) {
            const json *ref = node->is_object() ? findString(*node, "$ref") : nullptr;
            if (!ref)
                return node;
            const std::string &target = ref->get_ref<const std::string &>();
            const std::string prefix = "#/definitions/";
            if (target.rfind(prefix, 0) != 0)
                return nullptr;
            node = definition(target.substr(prefix.size()));
        }
        return nullptr;
    }

    /// The node's "type", or the common "type" of its anyOf alternatives.
    std::string typeOf(const json *node) const
    {
        if (!node || !node->is_object())
            return {};
        if (const json *type = findString(*node, "type"))
            return type->get<std::string>();
        const json *alternatives = find(*node, "anyOf", false);
        if (!alternatives || !alternatives->is_array())
            return {};
        std::string common;
        for (const json &a : *alternatives) {
            const std::string t = typeOf(deref(&a));
            if (t.empty() || (!common.empty() && t != common))
                return {};
            common = t;
        }
        return common;
    }

private:
    const json *alternativeFor(const json *node, const json *value) const
    {
        if (!node || !node->is_object())
            return node;
        const json *alternatives = find(*node, "anyOf", false);
        if (!alternatives)
            alternatives = find(*node, "oneOf", false);
        if (!alternatives || !alternatives->is_array())
            return node;
        const json *fallback = nullptr;
        for (const json &a : *alternatives) {
            const json *branch = deref(&a);
            if (!branch || !branch->is_object())
                continue;
            if (!fallback)
                fallback = branch;
            if (matchesConstants(*branch, value))
                return branch;
        }
        return fallback ? fallback : node;
    }

    bool matchesConstants(const json &branch, const json *value) const
    {
        const json *properties = find(branch, "properties", false);
        if (!properties || !properties->is_object() || !value)
            return false;
        bool any = false;
        for (auto it = properties->cbegin(); it != properties->cend(); ++it) {
            const json *property = deref(&*it);
            const json *constant = property ? find(*property, "const", false) : nullptr;
            if (!constant)
                continue;
            any = true;
            const json *actual = find(*value, it.key(), false);
            if (!actual || !(*actual == *constant))
                return false;
        }
        return any;
    }

    const json *definition(const std::string &name) const
    {
        const json *definitions = find(m_document, "definitions", false);
        return definitions ? find(*definitions, name, false) : nullptr;
    }

    const json &m_document;
};

// ---------------------------------------------------------------------------
// One validation.

enum class Kind { String, Bool, Object, Array, StringArray, ObjectArray, StringMap };

enum class Need {
    Optional,
    Required,
    /// Required from v0.3 on; a warning for v0.2 cards.
    RequiredSince03,
};

/// Where a value is: its JSON pointer, a phrase naming it for a sentence's
/// start ("The card", "\"skills\"", "Item 2 of \"tags\""), and the path for
/// walking the schema.
struct Location
{
    QString pointer;
    QString label;
    QString member;
    Path path;
};

class Run
{
    Q_DECLARE_TR_FUNCTIONS(CardValidator)

public:
    Run(const json &card, ProtocolVersion version, CardValidator::V03Structure structure)
        : m_card(card)
        , m_version(version)
        , m_structure(structure)
        , m_nullIsAbsent(version == ProtocolVersion::V1_0)
    { }

    QList<CardIssue> run();

private:
    // Issues
    void add(Severity severity, const QString &pointer, const QString &message);
    void error(const Location &at, const QString &message) { add(Severity::Error, at.pointer, message); }
    void warning(const Location &at, const QString &message) { add(Severity::Warning, at.pointer, message); }
    QList<CardIssue> finish();
    /// No room left: further issues are only counted.
    bool full() const { return m_issues.size() >= CardValidator::MaxIssues; }

    // Locations and phrases
    static Location root();
    static Location child(const Location &parent, const std::string &key);
    static Location item(const Location &parent, std::size_t index);
    /// The location of a path, built in one pass (child() and item() copy the
    /// path at each step, which costs the square of the depth).
    static Location locationOf(Path path);
    static QString actualPhrase(const json &value);
    static QString expectedPhrase(Kind kind);
    QString missingMessage(const Location &parent, const QString &name) const;

    // Structure by hand
    const json *member(const json &object, const Location &at, const char *name, Kind kind, Need need = Need::Optional);
    static bool hasKind(const json &value, Kind kind);
    void checkItems(const json &array, const Location &at, Kind itemKind);
    void checkStringMap(const json &map, const Location &at);
    template<typename F> void forEachObjectItem(const json *array, const Location &at, F &&f);
    template<typename F> void forEachMapValue(const json *map, const Location &at, F &&f);

    void checkV10Structure();
    void checkV10SecurityScheme(const json &scheme, const Location &at);
    void checkV10OAuthFlows(const json &flows, const Location &at);
    void checkV10Requirements(const json &object, const Location &at);
    void checkV03Structure();
    void checkV03SecurityScheme(const json &scheme, const Location &at);
    void checkCommonStructure();
    void checkSkillCommon(const json &skill, const Location &at, Need descriptionAndTags);
    void checkProvider(const json &object, const Location &at);
    void checkSignatures(const json &object, const Location &at);

    // Structure by the official schema
    void checkWithSchema(const V03Schema &schema);
    Location locate(const std::vector<std::string> &context) const;
    QString schemaErrorMessage(const SchemaError &e, const Location &at, const SchemaWalker &walker,
                               Severity &severity) const;

    // Checks for every version
    void checkEndpoint(const Location &at, const json &url, bool grpc);
    void checkEndpoints();
    void checkSecurity();
    void checkRequirementNames(const json &names, const Location &at, const std::set<std::string> &declared);
    void checkDuplicateSkills();
    void checkLink(const json &object, const Location &parent, const char *name, bool icon);
    void checkHiddenCharacters();
    void reportHidden(const std::vector<char32_t> &found, const Location &at, const std::string *memberName);

    const json &m_card;
    const ProtocolVersion m_version;
    const CardValidator::V03Structure m_structure;
    const bool m_nullIsAbsent;
    QList<CardIssue> m_issues;
    QSet<QString> m_seen;
    qsizetype m_omitted = 0;
};

// --- issues ----------------------------------------------------------------

void Run::add(Severity severity, const QString &pointer, const QString &message)
{
    const QString key = pointer + QChar(0) + message;
    if (m_seen.contains(key))
        return;
    if (full()) {
        ++m_omitted;
        return;
    }
    m_seen.insert(key);
    m_issues.append(CardIssue { severity, pointer, message });
}

QList<CardIssue> Run::finish()
{
    if (m_omitted > 0) {
        // Make room for the note: the list never grows past MaxIssues.
        m_issues.removeLast();
        ++m_omitted;
        m_issues.append(CardIssue { Severity::Warning, QString(),
                                    tr("%n more issue(s) were found but not listed.", nullptr, int(m_omitted)) });
    }
    return std::move(m_issues);
}

// --- locations and phrases -------------------------------------------------

Location Run::root()
{
    return Location { QString(), tr("The card"), QString(), {} };
}

Location Run::child(const Location &parent, const std::string &key)
{
    Location at;
    at.pointer = parent.pointer + QLatin1Char('/') + pointerToken(key);
    at.member = shown(key);
    at.label = tr("\"%1\"").arg(at.member);
    at.path = parent.path;
    at.path.push_back(Segment { key, 0, false });
    return at;
}

Location Run::item(const Location &parent, std::size_t index)
{
    Location at;
    at.pointer = parent.pointer + QLatin1Char('/') + QString::number(index);
    at.member = parent.member;
    at.label = parent.member.isEmpty() ? tr("Item %1").arg(index)
                                       : tr("Item %1 of \"%2\"").arg(QString::number(index), parent.member);
    at.path = parent.path;
    at.path.push_back(Segment { std::string(), index, true });
    return at;
}

Location Run::locationOf(Path path)
{
    if (path.empty())
        return root();
    Location at;
    for (const Segment &s : path) {
        at.pointer += QLatin1Char('/');
        at.pointer += s.isIndex ? QString::number(s.index) : pointerToken(s.key);
    }
    const auto named = std::find_if(path.crbegin(), path.crend(), [](const Segment &s) { return !s.isIndex; });
    if (named != path.crend())
        at.member = shown(named->key);
    const Segment &last = path.back();
    if (!last.isIndex)
        at.label = tr("\"%1\"").arg(at.member);
    else if (at.member.isEmpty())
        at.label = tr("Item %1").arg(last.index);
    else
        at.label = tr("Item %1 of \"%2\"").arg(QString::number(last.index), at.member);
    at.path = std::move(path);
    return at;
}

QString Run::actualPhrase(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return tr("null");
    case json::value_t::boolean:
        return tr("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return tr("a number");
    case json::value_t::string:
        return tr("a string");
    case json::value_t::array:
        return tr("an array");
    case json::value_t::object:
        return tr("an object");
    case json::value_t::binary:
    case json::value_t::discarded:
        break;
    }
    return tr("a value of another kind");
}

QString Run::expectedPhrase(Kind kind)
{
    switch (kind) {
    case Kind::String:
        return tr("a string");
    case Kind::Bool:
        return tr("a boolean");
    case Kind::Object:
    case Kind::StringMap:
        return tr("an object");
    case Kind::Array:
        return tr("an array");
    case Kind::StringArray:
        return tr("an array of strings");
    case Kind::ObjectArray:
        return tr("an array of objects");
    }
    return QString();
}

QString Run::missingMessage(const Location &parent, const QString &name) const
{
    return tr("%1 has no \"%2\", which is required.").arg(parent.label, name);
}

// --- structure by hand -----------------------------------------------------

bool Run::hasKind(const json &value, Kind kind)
{
    switch (kind) {
    case Kind::String:
        return value.is_string();
    case Kind::Bool:
        return value.is_boolean();
    case Kind::Object:
    case Kind::StringMap:
        return value.is_object();
    case Kind::Array:
    case Kind::StringArray:
    case Kind::ObjectArray:
        return value.is_array();
    }
    return false;
}

void Run::checkItems(const json &array, const Location &at, Kind itemKind)
{
    std::size_t index = 0;
    for (const json &value : array) {
        if (!hasKind(value, itemKind)) {
            const Location where = item(at, index);
            error(where,
                  tr("%1 should be %2, not %3.").arg(where.label, expectedPhrase(itemKind), actualPhrase(value)));
        }
        ++index;
    }
}

void Run::checkStringMap(const json &map, const Location &at)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it->is_string()) {
            const Location where = child(at, it.key());
            error(where,
                  tr("%1 should be %2, not %3.").arg(where.label, expectedPhrase(Kind::String), actualPhrase(*it)));
        }
    }
}

const json *Run::member(const json &object, const Location &at, const char *name, Kind kind, Need need)
{
    if (!object.is_object())
        return nullptr;
    const json *value = find(object, name, m_nullIsAbsent);
    if (!value) {
        if (need == Need::Required || (need == Need::RequiredSince03 && m_version != ProtocolVersion::V0_2)) {
            error(at, missingMessage(at, QLatin1String(name)));
        } else if (need == Need::RequiredSince03) {
            warning(at,
                    tr("%1 has no \"%2\": A2A 0.2 cards could leave it out, 0.3 and later require it.")
                        .arg(at.label, QLatin1String(name)));
        }
        return nullptr;
    }
    const Location where = child(at, name);
    if (!hasKind(*value, kind)) {
        error(where, tr("%1 should be %2, not %3.").arg(where.label, expectedPhrase(kind), actualPhrase(*value)));
        return nullptr;
    }
    if (kind == Kind::StringArray)
        checkItems(*value, where, Kind::String);
    else if (kind == Kind::ObjectArray)
        checkItems(*value, where, Kind::Object);
    else if (kind == Kind::StringMap)
        checkStringMap(*value, where);
    return value;
}

template<typename F> void Run::forEachObjectItem(const json *array, const Location &at, F &&f)
{
    if (!array || !array->is_array())
        return;
    std::size_t index = 0;
    for (const json &value : *array) {
        if (value.is_object())
            f(value, item(at, index));
        ++index;
    }
}

template<typename F> void Run::forEachMapValue(const json *map, const Location &at, F &&f)
{
    if (!map || !map->is_object())
        return;
    for (auto it = map->cbegin(); it != map->cend(); ++it)
        f(it.key(), *it, child(at, it.key()));
}

void Run::checkProvider(const json &object, const Location &at)
{
    if (const json *provider = member(object, at, "provider", Kind::Object)) {
        const Location where = child(at, "provider");
        member(*provider, where, "organization", Kind::String, Need::Required);
        member(*provider, where, "url", Kind::String,
               m_version == ProtocolVersion::V1_0 ? Need::Required : Need::RequiredSince03);
    }
}

void Run::checkSignatures(const json &object, const Location &at)
{
    const json *signatures = member(object, at, "signatures", Kind::ObjectArray);
    forEachObjectItem(signatures, child(at, "signatures"), [this](const json &signature, const Location &where) {
        member(signature, where, "protected", Kind::String, Need::Required);
        member(signature, where, "signature", Kind::String, Need::Required);
        member(signature, where, "header", Kind::Object);
    });
}

void Run::checkSkillCommon(const json &skill, const Location &at, Need descriptionAndTags)
{
    member(skill, at, "id", Kind::String, Need::Required);
    member(skill, at, "name", Kind::String, Need::Required);
    member(skill, at, "description", Kind::String, descriptionAndTags);
    member(skill, at, "tags", Kind::StringArray, descriptionAndTags);
    member(skill, at, "examples", Kind::StringArray);
    member(skill, at, "inputModes", Kind::StringArray);
    member(skill, at, "outputModes", Kind::StringArray);
}

void Run::checkV10Requirements(const json &object, const Location &at)
{
    const json *requirements = member(object, at, "securityRequirements", Kind::ObjectArray);
    forEachObjectItem(
        requirements, child(at, "securityRequirements"), [this](const json &requirement, const Location &where) {
            const json *schemes = member(requirement, where, "schemes", Kind::Object);
            forEachMapValue(schemes, child(where, "schemes"),
                            [this](const std::string &, const json &scopes, const Location &scopesAt) {
                                if (!scopes.is_object()) {
                                    error(scopesAt,
                                          tr("%1 should be %2, not %3.")
                                              .arg(scopesAt.label, expectedPhrase(Kind::Object), actualPhrase(scopes)));
                                    return;
                                }
                                member(scopes, scopesAt, "list", Kind::StringArray);
                            });
        });
}

void Run::checkV10OAuthFlows(const json &flows, const Location &at)
{
    static const char *const names[]
        = { "authorizationCode", "clientCredentials", "implicit", "password", "deviceCode" };
    int count = 0;
    for (const char *name : names) {
        if (find(flows, name, m_nullIsAbsent))
            ++count;
    }
    if (count != 1) {
        error(at,
              tr("%1 should hold exactly one of authorizationCode, clientCredentials, deviceCode, implicit "
                 "or password, but holds %2.")
                  .arg(at.label, QString::number(count)));
    }
    if (const json *flow = member(flows, at, "authorizationCode", Kind::Object)) {
        const Location where = child(at, "authorizationCode");
        member(*flow, where, "authorizationUrl", Kind::String, Need::Required);
        member(*flow, where, "tokenUrl", Kind::String, Need::Required);
        member(*flow, where, "refreshUrl", Kind::String);
        member(*flow, where, "scopes", Kind::StringMap, Need::Required);
        member(*flow, where, "pkceRequired", Kind::Bool);
    }
    if (const json *flow = member(flows, at, "clientCredentials", Kind::Object)) {
        const Location where = child(at, "clientCredentials");
        member(*flow, where, "tokenUrl", Kind::String, Need::Required);
        member(*flow, where, "refreshUrl", Kind::String);
        member(*flow, where, "scopes", Kind::StringMap, Need::Required);
    }
    if (const json *flow = member(flows, at, "deviceCode", Kind::Object)) {
        const Location where = child(at, "deviceCode");
        member(*flow, where, "deviceAuthorizationUrl", Kind::String, Need::Required);
        member(*flow, where, "tokenUrl", Kind::String, Need::Required);
        member(*flow, where, "refreshUrl", Kind::String);
        member(*flow, where, "scopes", Kind::StringMap, Need::Required);
    }
    if (const json *flow = member(flows, at, "implicit", Kind::Object)) {
        const Location where = child(at, "implicit");
        member(*flow, where, "authorizationUrl", Kind::String);
        member(*flow, where, "refreshUrl", Kind::String);
        member(*flow, where, "scopes", Kind::StringMap);
    }
    if (const json *flow = member(flows, at, "password", Kind::Object)) {
        const Location where = child(at, "password");
        member(*flow, where, "tokenUrl", Kind::String);
        member(*flow, where, "refreshUrl", Kind::String);
        member(*flow, where, "scopes", Kind::StringMap);
    }
}

void Run::checkV10SecurityScheme(const json &scheme, const Location &at)
{
    if (!scheme.is_object()) {
        error(at, tr("%1 should be %2, not %3.").arg(at.label, expectedPhrase(Kind::Object), actualPhrase(scheme)));
        return;
    }
    static const char *const names[] = { "apiKeySecurityScheme", "httpAuthSecurityScheme", "oauth2SecurityScheme",
                                         "openIdConnectSecurityScheme", "mtlsSecurityScheme" };
    int count = 0;
    for (const char *name : names) {
        if (find(scheme, name, m_nullIsAbsent))
            ++count;
    }
    if (count == 0 && find(scheme, "type", false)) {
        error(at,
              tr("%1 is written the v0.3 way (with \"type\"); a v1.0 scheme holds exactly one of "
                 "apiKeySecurityScheme, httpAuthSecurityScheme, oauth2SecurityScheme, "
                 "openIdConnectSecurityScheme or mtlsSecurityScheme.")
                  .arg(at.label));
    } else if (count != 1) {
        error(at,
              tr("%1 should hold exactly one of apiKeySecurityScheme, httpAuthSecurityScheme, "
                 "oauth2SecurityScheme, openIdConnectSecurityScheme or mtlsSecurityScheme, but holds %2.")
                  .arg(at.label, QString::number(count)));
    }
    if (const json *s = member(scheme, at, "apiKeySecurityScheme", Kind::Object)) {
        const Location where = child(at, "apiKeySecurityScheme");
        member(*s, where, "description", Kind::String);
        if (const json *location = member(*s, where, "location", Kind::String, Need::Required)) {
            const std::string &value = location->get_ref<const std::string &>();
            if (value != "query" && value != "header" && value != "cookie") {
                const Location l = child(where, "location");
                error(l,
                      tr("%1 should be \"query\", \"header\" or \"cookie\", not \"%2\".").arg(l.label, shown(value)));
            }
        }
        member(*s, where, "name", Kind::String, Need::Required);
    }
    if (const json *s = member(scheme, at, "httpAuthSecurityScheme", Kind::Object)) {
        const Location where = child(at, "httpAuthSecurityScheme");
        member(*s, where, "description", Kind::String);
        member(*s, where, "scheme", Kind::String, Need::Required);
        member(*s, where, "bearerFormat", Kind::String);
    }
    if (const json *s = member(scheme, at, "oauth2SecurityScheme", Kind::Object)) {
        const Location where = child(at, "oauth2SecurityScheme");
        member(*s, where, "description", Kind::String);
        if (const json *flows = member(*s, where, "flows", Kind::Object, Need::Required))
            checkV10OAuthFlows(*flows, child(where, "flows"));
        member(*s, where, "oauth2MetadataUrl", Kind::String);
    }
    if (const json *s = member(scheme, at, "openIdConnectSecurityScheme", Kind::Object)) {
        const Location where = child(at, "openIdConnectSecurityScheme");
        member(*s, where, "description", Kind::String);
        member(*s, where, "openIdConnectUrl", Kind::String, Need::Required);
    }
    if (const json *s = member(scheme, at, "mtlsSecurityScheme", Kind::Object))
        member(*s, child(at, "mtlsSecurityScheme"), "description", Kind::String);
}

void Run::checkV10Structure()
{
    const Location at = root();
    member(m_card, at, "name", Kind::String, Need::Required);
    member(m_card, at, "description", Kind::String, Need::Required);

    if (const json *interfaces = member(m_card, at, "supportedInterfaces", Kind::ObjectArray, Need::Required)) {
        const Location where = child(at, "supportedInterfaces");
        if (interfaces->empty())
            error(where, tr("%1 is empty, so the card names no endpoint.").arg(where.label));
        forEachObjectItem(interfaces, where, [this](const json &interface, const Location &i) {
            member(interface, i, "url", Kind::String, Need::Required);
            if (const json *binding = member(interface, i, "protocolBinding", Kind::String, Need::Required)) {
                const std::string &value = binding->get_ref<const std::string &>();
                if (!isKnownBinding(value)) {
                    const Location b = child(i, "protocolBinding");
                    warning(b,
                            tr("%1 is \"%2\", which is none of the bindings Crosstalk speaks (JSONRPC, "
                               "HTTP+JSON, GRPC).")
                                .arg(b.label, shown(value)));
                }
            }
            member(interface, i, "tenant", Kind::String);
            member(interface, i, "protocolVersion", Kind::String, Need::Required);
        });
    }

    checkProvider(m_card, at);
    member(m_card, at, "version", Kind::String, Need::Required);
    member(m_card, at, "documentationUrl", Kind::String);

    if (const json *capabilities = member(m_card, at, "capabilities", Kind::Object, Need::Required)) {
        const Location where = child(at, "capabilities");
        member(*capabilities, where, "streaming", Kind::Bool);
        member(*capabilities, where, "pushNotifications", Kind::Bool);
        member(*capabilities, where, "extendedAgentCard", Kind::Bool);
        const json *extensions = member(*capabilities, where, "extensions", Kind::ObjectArray);
        forEachObjectItem(extensions, child(where, "extensions"), [this](const json &extension, const Location &e) {
            member(extension, e, "uri", Kind::String);
            member(extension, e, "description", Kind::String);
            member(extension, e, "required", Kind::Bool);
            member(extension, e, "params", Kind::Object);
        });
    }

    const json *schemes = member(m_card, at, "securitySchemes", Kind::Object);
    forEachMapValue(schemes, child(at, "securitySchemes"),
                    [this](const std::string &, const json &scheme, const Location &where) {
                        checkV10SecurityScheme(scheme, where);
                    });
    checkV10Requirements(m_card, at);

    member(m_card, at, "defaultInputModes", Kind::StringArray, Need::Required);
    member(m_card, at, "defaultOutputModes", Kind::StringArray, Need::Required);

    const json *skills = member(m_card, at, "skills", Kind::ObjectArray, Need::Required);
    forEachObjectItem(skills, child(at, "skills"), [this](const json &skill, const Location &where) {
        checkSkillCommon(skill, where, Need::Required);
        checkV10Requirements(skill, where);
    });

    checkSignatures(m_card, at);
    member(m_card, at, "iconUrl", Kind::String);
}

void Run::checkV03SecurityScheme(const json &scheme, const Location &at)
{
    if (!scheme.is_object()) {
        error(at, tr("%1 should be %2, not %3.").arg(at.label, expectedPhrase(Kind::Object), actualPhrase(scheme)));
        return;
    }
    member(scheme, at, "description", Kind::String);
    const json *type = member(scheme, at, "type", Kind::String, Need::Required);
    if (!type)
        return;
    const std::string &value = type->get_ref<const std::string &>();
    if (value == "apiKey") {
        if (const json *in = member(scheme, at, "in", Kind::String, Need::Required)) {
            const std::string &where = in->get_ref<const std::string &>();
            if (where != "query" && where != "header" && where != "cookie") {
                const Location l = child(at, "in");
                error(l,
                      tr("%1 should be \"query\", \"header\" or \"cookie\", not \"%2\".").arg(l.label, shown(where)));
            }
        }
        member(scheme, at, "name", Kind::String, Need::Required);
    } else if (value == "http") {
        member(scheme, at, "scheme", Kind::String, Need::Required);
        member(scheme, at, "bearerFormat", Kind::String);
    } else if (value == "oauth2") {
        if (const json *flows = member(scheme, at, "flows", Kind::Object, Need::Required)) {
            // OpenAPI's flows: any of them, each with its own required members.
            const Location where = child(at, "flows");
            const auto flow = [&](const char *name, std::initializer_list<const char *> urls) {
                const json *f = member(*flows, where, name, Kind::Object);
                if (!f)
                    return;
                const Location fAt = child(where, name);
                for (const char *url : urls)
                    member(*f, fAt, url, Kind::String, Need::Required);
                member(*f, fAt, "refreshUrl", Kind::String);
                member(*f, fAt, "scopes", Kind::StringMap, Need::Required);
            };
            flow("authorizationCode", { "authorizationUrl", "tokenUrl" });
            flow("clientCredentials", { "tokenUrl" });
            flow("implicit", { "authorizationUrl" });
            flow("password", { "tokenUrl" });
        }
        member(scheme, at, "oauth2MetadataUrl", Kind::String);
    } else if (value == "openIdConnect") {
        member(scheme, at, "openIdConnectUrl", Kind::String, Need::Required);
    } else if (value != "mutualTLS") {
        const Location t = child(at, "type");
        error(t,
              tr("%1 should be one of \"apiKey\", \"http\", \"oauth2\", \"openIdConnect\" or \"mutualTLS\", "
                 "not \"%2\".")
                  .arg(t.label, shown(value)));
    }
}

void Run::checkV03Structure()
{
    const Location at = root();
    const auto checkRequirements = [this](const json &object, const Location &where) {
        const json *security = member(object, where, "security", Kind::ObjectArray);
        forEachObjectItem(security, child(where, "security"), [this](const json &requirement, const Location &r) {
            forEachMapValue(&requirement, r, [this](const std::string &, const json &scopes, const Location &s) {
                if (!scopes.is_array())
                    error(s,
                          tr("%1 should be %2, not %3.")
                              .arg(s.label, expectedPhrase(Kind::StringArray), actualPhrase(scopes)));
                else
                    checkItems(scopes, s, Kind::String);
            });
        });
    };

    member(m_card, at, "name", Kind::String, Need::Required);
    member(m_card, at, "description", Kind::String, Need::RequiredSince03);
    member(m_card, at, "url", Kind::String, Need::Required);
    member(m_card, at, "preferredTransport", Kind::String);
    const json *interfaces = member(m_card, at, "additionalInterfaces", Kind::ObjectArray);
    forEachObjectItem(interfaces, child(at, "additionalInterfaces"), [this](const json &interface, const Location &i) {
        member(interface, i, "url", Kind::String, Need::Required);
        member(interface, i, "transport", Kind::String, Need::Required);
    });
    member(m_card, at, "protocolVersion", Kind::String, Need::RequiredSince03);
    checkProvider(m_card, at);
    member(m_card, at, "version", Kind::String, Need::Required);
    member(m_card, at, "documentationUrl", Kind::String);
    member(m_card, at, "iconUrl", Kind::String);

    if (const json *capabilities = member(m_card, at, "capabilities", Kind::Object, Need::Required)) {
        const Location where = child(at, "capabilities");
        member(*capabilities, where, "streaming", Kind::Bool);
        member(*capabilities, where, "pushNotifications", Kind::Bool);
        member(*capabilities, where, "stateTransitionHistory", Kind::Bool);
        const json *extensions = member(*capabilities, where, "extensions", Kind::ObjectArray);
        forEachObjectItem(extensions, child(where, "extensions"), [this](const json &extension, const Location &e) {
            member(extension, e, "uri", Kind::String, Need::Required);
            member(extension, e, "description", Kind::String);
            member(extension, e, "required", Kind::Bool);
            member(extension, e, "params", Kind::Object);
        });
    }

    const json *schemes = member(m_card, at, "securitySchemes", Kind::Object);
    forEachMapValue(schemes, child(at, "securitySchemes"),
                    [this](const std::string &, const json &scheme, const Location &where) {
                        checkV03SecurityScheme(scheme, where);
                    });
    checkRequirements(m_card, at);

    member(m_card, at, "defaultInputModes", Kind::StringArray, Need::RequiredSince03);
    member(m_card, at, "defaultOutputModes", Kind::StringArray, Need::RequiredSince03);
    const json *skills = member(m_card, at, "skills", Kind::ObjectArray, Need::Required);
    forEachObjectItem(skills, child(at, "skills"), [&](const json &skill, const Location &where) {
        checkSkillCommon(skill, where, Need::RequiredSince03);
        checkRequirements(skill, where);
    });
    member(m_card, at, "supportsAuthenticatedExtendedCard", Kind::Bool);
    checkSignatures(m_card, at);
}

void Run::checkCommonStructure()
{
    const Location at = root();
    member(m_card, at, "name", Kind::String, Need::Required);
    member(m_card, at, "description", Kind::String, Need::Required);
    checkProvider(m_card, at);
    member(m_card, at, "version", Kind::String, Need::Required);
    member(m_card, at, "documentationUrl", Kind::String);
    member(m_card, at, "iconUrl", Kind::String);
    if (const json *capabilities = member(m_card, at, "capabilities", Kind::Object, Need::Required)) {
        const Location where = child(at, "capabilities");
        member(*capabilities, where, "streaming", Kind::Bool);
        member(*capabilities, where, "pushNotifications", Kind::Bool);
        member(*capabilities, where, "extensions", Kind::ObjectArray);
    }
    member(m_card, at, "securitySchemes", Kind::Object);
    member(m_card, at, "defaultInputModes", Kind::StringArray, Need::Required);
    member(m_card, at, "defaultOutputModes", Kind::StringArray, Need::Required);
    const json *skills = member(m_card, at, "skills", Kind::ObjectArray, Need::Required);
    forEachObjectItem(skills, child(at, "skills"), [this](const json &skill, const Location &where) {
        checkSkillCommon(skill, where, Need::Required);
    });
    checkSignatures(m_card, at);
}

// --- structure by the official schema --------------------------------------

Location Run::locate(const std::vector<std::string> &context) const
{
    Location at = root();
    const json *node = &m_card;
    for (std::size_t i = 1; i < context.size(); ++i) {
        std::string token = context[i];
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
            token = token.substr(1, token.size() - 2);
        if (node && node->is_array()) {
            std::size_t index = 0;
            const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
            if (ec == std::errc() && end == token.data() + token.size() && index < node->size()) {
                at = item(at, index);
                node = &(*node)[index];
                continue;
            }
        }
        at = child(at, token);
        node = node ? find(*node, token, false) : nullptr;
    }
    return at;
}

QString Run::schemaErrorMessage(const SchemaError &e, const Location &at, const SchemaWalker &walker,
                                Severity &severity) const
{
    const std::string &d = e.description;
    severity = Severity::Error;

    if (e.discriminator) {
        // Every alternative wanted a different fixed value for this member.
        Path parentPath = at.path;
        if (!parentPath.empty())
            parentPath.pop_back();
        QStringList allowed;
        const json *parent = walker.at(parentPath, m_card);
        const json *alternatives = parent ? find(*parent, "anyOf", false) : nullptr;
        if (!alternatives)
            alternatives = parent ? find(*parent, "oneOf", false) : nullptr;
        if (alternatives && alternatives->is_array() && !at.path.empty()) {
            for (const json &a : *alternatives) {
                const json *branch = walker.deref(&a);
                const json *properties = branch ? find(*branch, "properties", false) : nullptr;
                const json *property
                    = properties ? walker.deref(find(*properties, at.path.back().key, false)) : nullptr;
                const json *constant = property ? findString(*property, "const") : nullptr;
                if (constant)
                    allowed << QLatin1Char('"') + shown(constant->get_ref<const std::string &>()) + QLatin1Char('"');
            }
        }
        if (allowed.isEmpty())
            return tr("%1 has a value that none of the alternatives the schema allows here accepts.").arg(at.label);
        return tr("%1 should be one of %2.").arg(at.label, allowed.join(QLatin1String(", ")));
    }

    if (d.rfind(MissingPrefix, 0) == 0) {
        std::string name = d.substr(MissingPrefix.size());
        const auto quote = name.rfind('\'');
        if (quote != std::string::npos)
            name.resize(quote);
        if (m_version == ProtocolVersion::V0_2 && optionalBefore03(at.path, name)) {
            severity = Severity::Warning;
            return tr("%1 has no \"%2\": A2A 0.2 cards could leave it out, 0.3 and later require it.")
                .arg(at.label, shown(name));
        }
        return missingMessage(at, shown(name));
    }

    const json *actual = nullptr;
    {
        const json *node = &m_card;
        for (const Segment &s : at.path) {
            if (!node)
                break;
            if (s.isIndex)
                node = node->is_array() && s.index < node->size() ? &(*node)[s.index] : nullptr;
            else
                node = find(*node, s.key, false);
        }
        actual = node;
    }
    const json *schemaNode = walker.at(at.path, m_card);

    if (d == TypeMismatch) {
        const std::string type = walker.typeOf(schemaNode);
        QString expected;
        if (type == "string")
            expected = expectedPhrase(Kind::String);
        else if (type == "boolean")
            expected = expectedPhrase(Kind::Bool);
        else if (type == "object")
            expected = expectedPhrase(Kind::Object);
        else if (type == "number")
            expected = tr("a number");
        else if (type == "integer")
            expected = tr("an integer");
        else if (type == "array") {
            const json *items = schemaNode ? walker.deref(find(*schemaNode, "items", false)) : nullptr;
            const std::string itemType = walker.typeOf(items);
            expected = itemType == "string" ? expectedPhrase(Kind::StringArray)
                : itemType == "object"      ? expectedPhrase(Kind::ObjectArray)
                                            : expectedPhrase(Kind::Array);
        }
        const QString found = actual ? actualPhrase(*actual) : tr("a value of another kind");
        if (expected.isEmpty())
            return tr("%1 is %2, which the schema does not allow here.").arg(at.label, found);
        return tr("%1 should be %2, not %3.").arg(at.label, expected, found);
    }

    if (d.rfind("Failed to match against any enum values", 0) == 0) {
        QStringList allowed;
        const json *values = schemaNode ? find(*schemaNode, "enum", false) : nullptr;
        if (values && values->is_array()) {
            for (const json &v : *values) {
                if (v.is_string())
                    allowed << QLatin1Char('"') + shown(v.get_ref<const std::string &>()) + QLatin1Char('"');
            }
        }
        if (allowed.isEmpty())
            return tr("%1 is not one of the values the schema allows.").arg(at.label);
        return tr("%1 should be one of %2.").arg(at.label, allowed.join(QLatin1String(", ")));
    }

    if (d.rfind("Failed to match expected value set by 'const'", 0) == 0) {
        const json *constant = schemaNode ? findString(*schemaNode, "const") : nullptr;
        if (constant)
            return tr("%1 should be \"%2\".").arg(at.label, shown(constant->get_ref<const std::string &>()));
        return tr("%1 does not have the one value the schema allows.").arg(at.label);
    }

    // Anything else: valijson's own words, kept whole.
    QString said = utf8ToString(d).trimmed();
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1);
    return tr("%1 does not match the schema (%2).").arg(at.label, said);
}

void Run::checkWithSchema(const V03Schema &schema)
{
    valijson::ValidationResults results;
    try {
        valijson::Validator validator(valijson::Validator::kStrongTypes);
        const valijson::adapters::NlohmannJsonAdapter target(m_card);
        if (validator.validate(schema.schema, target, &results))
            return;
    } catch (const std::exception &) {
        add(Severity::Error, QString(), tr("The card could not be checked against the official A2A v0.3 schema."));
        return;
    }

    std::vector<SchemaError> errors;
    errors.reserve(results.numErrors());
    for (auto it = results.begin(); it != results.end(); ++it)
        errors.push_back(SchemaError { it->context, it->description, false });
    std::size_t pos = errors.size();
    const std::vector<SchemaError> leaves = resolveBackwards(errors, pos, nullptr);

    const SchemaWalker walker(schema.document);
    for (const SchemaError &e : leaves) {
        const Location at = locate(e.context);
        Severity severity = Severity::Error;
        const QString message = schemaErrorMessage(e, at, walker, severity);
        add(severity, at.pointer, message);
    }
    if (leaves.empty())
        add(Severity::Error, QString(), tr("The card does not match the official A2A v0.3 schema."));
}

// --- checks for every version ----------------------------------------------

void Run::checkEndpoint(const Location &at, const json &value, bool grpc)
{
    if (!value.is_string())
        return;
    const QString text = utf8ToString(value.get_ref<const std::string &>());
    if (grpc && isGrpcTarget(text))
        return;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
    if (!url.isValid() || url.isRelative() || !web || url.host().isEmpty()) {
        if (grpc)
            warning(at, tr("%1 is neither an absolute http or https URL nor a gRPC host:port.").arg(at.label));
        else
            warning(at, tr("%1 is not an absolute http or https URL.").arg(at.label));
        return;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        warning(at,
                tr("%1 uses plain http to %2, so messages and credentials would travel unencrypted.")
                    .arg(at.label, shown(url.host())));
    }
}

void Run::checkEndpoints()
{
    const Location at = root();
    const bool v10 = m_version == ProtocolVersion::V1_0 || m_version == ProtocolVersion::Unknown;
    const bool v03 = m_version != ProtocolVersion::V1_0;
    if (v10) {
        const json *interfaces = find(m_card, "supportedInterfaces", true);
        forEachObjectItem(
            interfaces, child(at, "supportedInterfaces"), [this](const json &interface, const Location &i) {
                if (const json *url = findString(interface, "url"))
                    checkEndpoint(child(i, "url"), *url, isGrpcBinding(findString(interface, "protocolBinding")));
            });
    }
    if (v03) {
        if (const json *url = findString(m_card, "url"))
            checkEndpoint(child(at, "url"), *url, isGrpcBinding(findString(m_card, "preferredTransport")));
        if (const json *transport = findString(m_card, "preferredTransport")) {
            const std::string &value = transport->get_ref<const std::string &>();
            if (!isKnownBinding(value)) {
                const Location t = child(at, "preferredTransport");
                warning(t,
                        tr("%1 is \"%2\", which is none of the transports Crosstalk speaks (JSONRPC, HTTP+JSON, "
                           "GRPC).")
                            .arg(t.label, shown(value)));
            }
        }
        const json *interfaces = find(m_card, "additionalInterfaces", true);
        forEachObjectItem(
            interfaces, child(at, "additionalInterfaces"), [this](const json &interface, const Location &i) {
                const json *transport = findString(interface, "transport");
                if (const json *url = findString(interface, "url"))
                    checkEndpoint(child(i, "url"), *url, isGrpcBinding(transport));
                if (transport && !isKnownBinding(transport->get_ref<const std::string &>())) {
                    const Location t = child(i, "transport");
                    warning(t,
                            tr("%1 is \"%2\", which is none of the transports Crosstalk speaks (JSONRPC, HTTP+JSON, "
                               "GRPC).")
                                .arg(t.label, shown(transport->get_ref<const std::string &>())));
                }
            });
    }
}

void Run::checkRequirementNames(const json &names, const Location &at, const std::set<std::string> &declared)
{
    if (!names.is_object())
        return;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (declared.count(it.key()) == 0) {
            error(child(at, it.key()),
                  tr("The security requirement names the scheme \"%1\", which securitySchemes does not declare.")
                      .arg(shown(it.key())));
        }
    }
}

void Run::checkSecurity()
{
    const Location at = root();
    const json *schemes = find(m_card, "securitySchemes", true);
    std::set<std::string> declared;
    if (schemes && schemes->is_object()) {
        for (auto it = schemes->cbegin(); it != schemes->cend(); ++it)
            declared.insert(it.key());
    }
    if (!schemes || (schemes->is_object() && schemes->empty())) {
        warning(schemes ? child(at, "securitySchemes") : at,
                tr("The card declares no security scheme: either anyone may call the agent, or callers cannot "
                   "learn how to authenticate."));
    }

    const bool v10 = m_version == ProtocolVersion::V1_0 || m_version == ProtocolVersion::Unknown;
    const bool v03 = m_version != ProtocolVersion::V1_0;
    const auto checkObject = [&](const json &object, const Location &where) {
        if (v10) {
            forEachObjectItem(find(object, "securityRequirements", true), child(where, "securityRequirements"),
                              [&](const json &requirement, const Location &r) {
                                  if (const json *names = find(requirement, "schemes", true))
                                      checkRequirementNames(*names, child(r, "schemes"), declared);
                              });
        }
        if (v03) {
            forEachObjectItem(
                find(object, "security", true), child(where, "security"),
                [&](const json &requirement, const Location &r) { checkRequirementNames(requirement, r, declared); });
        }
    };
    checkObject(m_card, at);
    forEachObjectItem(find(m_card, "skills", true), child(at, "skills"), checkObject);
}

void Run::checkDuplicateSkills()
{
    const json *skills = find(m_card, "skills", true);
    if (!skills || !skills->is_array())
        return;
    std::map<std::string, std::size_t> first;
    const Location list = child(root(), "skills");
    std::size_t index = 0;
    for (const json &skill : *skills) {
        if (const json *id = skill.is_object() ? findString(skill, "id") : nullptr) {
            const std::string &value = id->get_ref<const std::string &>();
            const auto [it, inserted] = first.emplace(value, index);
            if (!inserted) {
                warning(child(item(list, index), "id"),
                        tr("The skill id \"%1\" is already used by the skill at %2.")
                            .arg(shown(value), item(list, it->second).pointer));
            }
        }
        ++index;
    }
}

void Run::checkLink(const json &object, const Location &parent, const char *name, bool icon)
{
    const json *value = findString(object, name);
    if (!value)
        return;
    const QString text = utf8ToString(value->get_ref<const std::string &>());
    // data: URIs as written in cards often hold characters a strict URL parser
    // refuses ("<svg ...>"); their scheme is all that matters here.
    if (text.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return;
    const QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty())
        return;
    const Location at = child(parent, name);
    if (icon)
        warning(at, tr("%1 is neither an https: nor a data: URL, so the icon will not be loaded.").arg(at.label));
    else
        warning(at, tr("%1 is neither an https: nor a data: URL, so it is not safe to fetch or open.").arg(at.label));
}

void Run::reportHidden(const std::vector<char32_t> &found, const Location &at, const std::string *memberName)
{
    QStringList names;
    for (const char32_t c : found)
        names << codePointName(c);
    const QString list = names.join(QLatin1String(", "));
    if (memberName) {
        warning(at,
                tr("The member name \"%1\" contains invisible characters that can disguise text (%2).")
                    .arg(shown(*memberName), list));
    } else {
        warning(at, tr("%1 contains invisible characters that can disguise text (%2).").arg(at.label, list));
    }
}

void Run::checkHiddenCharacters()
{
    if (m_card.is_string()) {
        const auto found = hiddenCharacters(m_card.get_ref<const std::string &>());
        if (!found.empty())
            reportHidden(found, root(), nullptr);
        return;
    }
    if (!m_card.is_structured() || m_card.empty())
        return;

    // Depth first with an explicit stack: a card may nest as deep as
    // nlohmann accepts, and a recursion would run out of stack first.
    struct Frame
    {
        const json *container;
        json::const_iterator it;
        std::size_t index;
        bool visited;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame { &m_card, m_card.cbegin(), 0, false });

    const auto locationOfTop = [&stack]() {
        Path path;
        path.reserve(stack.size());
        for (const Frame &f : stack) {
            if (f.container->is_object())
                path.push_back(Segment { f.it.key(), 0, false });
            else
                path.push_back(Segment { std::string(), f.index, true });
        }
        return locationOf(std::move(path));
    };

    while (!stack.empty()) {
        Frame &f = stack.back();
        if (f.visited) {
            ++f.it;
            ++f.index;
            f.visited = false;
        }
        if (f.it == f.container->cend()) {
            stack.pop_back();
            continue;
        }
        f.visited = true;
        const json &value = *f.it;
        // Once the list is full, skip building locations (each costs the depth).
        if (f.container->is_object()) {
            const std::string &key = f.it.key();
            const auto found = hiddenCharacters(key);
            if (!found.empty() && full())
                ++m_omitted;
            else if (!found.empty())
                reportHidden(found, locationOfTop(), &key);
        }
        if (value.is_string()) {
            const auto found = hiddenCharacters(value.get_ref<const std::string &>());
            if (!found.empty() && full())
                ++m_omitted;
            else if (!found.empty())
                reportHidden(found, locationOfTop(), nullptr);
        } else if (value.is_structured() && !value.empty()) {
            stack.push_back(Frame { &value, value.cbegin(), 0, false }); // f is not used after this
        }
    }
}

// --- the whole run ---------------------------------------------------------

QList<CardIssue> Run::run()
{
    const Location at = root();

    if (m_version == ProtocolVersion::Unknown) {
        const json *declared = m_card.is_object() ? findString(m_card, "protocolVersion") : nullptr;
        if (declared) {
            error(child(at, "protocolVersion"),
                  tr("The protocol version \"%1\" is none that Crosstalk knows (1.0, 0.3, 0.2), so only the checks "
                     "common to all versions were made.")
                      .arg(shown(declared->get_ref<const std::string &>())));
        } else {
            error(at,
                  tr("Crosstalk cannot tell which A2A version the card follows, so only the checks common to "
                     "all versions were made."));
        }
    }

    if (!m_card.is_object()) {
        error(at, tr("%1 should be %2, not %3.").arg(at.label, expectedPhrase(Kind::Object), actualPhrase(m_card)));
        checkHiddenCharacters();
        return finish();
    }

    switch (m_version) {
    case ProtocolVersion::V1_0:
        checkV10Structure();
        break;
    case ProtocolVersion::V0_3:
    case ProtocolVersion::V0_2:
        if (m_structure == CardValidator::V03Structure::ByHand) {
            checkV03Structure();
        } else if (const V03Schema *schema = v03Schema()) {
            checkWithSchema(*schema);
        } else {
            warning(at,
                    tr("The official A2A v0.3 JSON Schema was not available to this build, so the card's "
                       "structure was checked against Crosstalk's built-in rules only."));
            checkV03Structure();
        }
        break;
    case ProtocolVersion::Unknown:
        checkCommonStructure();
        break;
    }

    checkEndpoints();
    checkSecurity();
    checkDuplicateSkills();
    checkLink(m_card, at, "iconUrl", true);
    checkLink(m_card, at, "documentationUrl", false);
    if (const json *provider = find(m_card, "provider", true); provider && provider->is_object())
        checkLink(*provider, child(at, "provider"), "url", false);
    checkHiddenCharacters();
    return finish();
}

} // namespace

QString severityName(CardIssue::Severity severity)
{
    switch (severity) {
    case CardIssue::Severity::Error:
        return QStringLiteral("error");
    case CardIssue::Severity::Warning:
        break;
    }
    return QStringLiteral("warning");
}

QList<CardIssue> CardValidator::validate(const nlohmann::json &card, ProtocolVersion version, V03Structure structure)
{
    try {
        Run run(card, version, structure);
        return run.run();
    } catch (const std::exception &) {
        // Only allocation failures are left to get here; say so rather than throw.
        return { CardIssue { CardIssue::Severity::Error, QString(), tr("The card could not be checked.") } };
    }
}

bool CardValidator::hasOfficialV03Schema()
{
    return v03Schema() != nullptr;
}

QList<CardIssue> validateCard(const nlohmann::json &card, ProtocolVersion version)
{
    return CardValidator::validate(card, version);
}

bool hasErrors(const QList<CardIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const CardIssue &i) { return i.severity == CardIssue::Severity::Error; });
}

} // namespace crosstalk::a2a
