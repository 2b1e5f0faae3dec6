#include "schema/SchemaValidator.h"

// GCC 12 at -O2 reports false -Wrestrict warnings inside valijson (GCC bug 105329).
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

#include <exception>
#include <string>
#include <unordered_map>
#include <vector>

namespace crosstalk::schema {

namespace {

/// valijson's context ("<root>", "[name]", "[0]") as a JSON pointer.
QString pointerOf(const std::vector<std::string> &context)
{
    QString pointer;
    for (const std::string &part : context) {
        if (part == "<root>")
            continue;
        std::string token = part;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
            token = token.substr(1, token.size() - 2);
        if (token.size() >= 2 && token.front() == '"' && token.back() == '"')
            token = token.substr(1, token.size() - 2);
        QString escaped = QString::fromStdString(token);
        escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
        escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
        pointer += QLatin1Char('/') + escaped;
    }
    return pointer;
}

/// Replaces, in place, every subschema with a `$ref` to another document by
/// an empty schema, and records where. Values (const, enum, default,
/// examples) are data, not schemas, and are left alone.
void dropRemoteRefs(nlohmann::json &node, const QString &pointer, QStringList &dropped, int depth)
{
    if (depth > 256)
        return;
    if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
            dropRemoteRefs(node[i], pointer + QLatin1Char('/') + QString::number(i), dropped, depth + 1);
        return;
    }
    if (!node.is_object())
        return;
    const auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string() && ref->get_ref<const std::string &>().rfind('#', 0) != 0) {
        dropped.append(pointer.isEmpty() ? QStringLiteral("/") : pointer);
        node = nlohmann::json::object();
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string &key = it.key();
        if (key == "const" || key == "enum" || key == "default" || key == "examples")
            continue;
        QString token = QString::fromStdString(key);
        token.replace(QLatin1Char('~'), QLatin1String("~0"));
        token.replace(QLatin1Char('/'), QLatin1String("~1"));
        dropRemoteRefs(*it, pointer + QLatin1Char('/') + token, dropped, depth + 1);
    }
}

/// The schema a local `$ref` ("#", "#/…") names in `root`, or nullptr.
const nlohmann::json *resolveLocal(const std::string &ref, const nlohmann::json &root)
{
    if (ref == "#")
        return &root;
    if (ref.rfind("#/", 0) != 0)
        return nullptr;
    try {
        const nlohmann::json::json_pointer pointer(ref.substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    } catch (const nlohmann::json::exception &) {
        return nullptr;
    }
}

/// Whether checking `node` can lead back to checking `node` against the
/// same value: a cycle of `$ref`s and applicators that do not step into the
/// value (allOf, anyOf, oneOf, not, if/then/else, dependencies). valijson
/// would follow such a cycle until the stack runs out; a cycle through
/// properties or items is fine, as each turn goes one level into the value.
class LoopFinder
{
public:
    explicit LoopFinder(const nlohmann::json &root)
        : m_root(root)
    {
    }

    bool anyLoop() { return walk(m_root, 0); }

private:
    static constexpr int MaxDepth = 512;

    /// Every subschema of the document, each looked at once.
    bool walk(const nlohmann::json &node, int depth)
    {
        if (depth > MaxDepth)
            return true; // too deep to tell: not checked
        if (node.is_array()) {
            for (const auto &item : node)
                if (walk(item, depth + 1))
                    return true;
            return false;
        }
        if (!node.is_object())
            return false;
        if (sameValueCycle(&node, 0))
            return true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string &key = it.key();
            if (key == "const" || key == "enum" || key == "default" || key == "examples")
                continue;
            if (walk(*it, depth + 1))
                return true;
        }
        return false;
    }

    bool sameValueCycle(const nlohmann::json *node, int depth)
    {
        if (!node->is_object())
            return false;
        if (depth > MaxDepth)
            return true;
        int &state = m_state[node];
        if (state == 1)
            return true;
        if (state == 2)
            return false;
        state = 1;
        const auto next = [&](const nlohmann::json *child) { return child && sameValueCycle(child, depth + 1); };
        bool loop = false;
        if (const auto ref = node->find("$ref"); ref != node->end() && ref->is_string())
            loop = next(resolveLocal(ref->get_ref<const std::string &>(), m_root));
        for (const char *key : {"allOf", "anyOf", "oneOf"}) {
            const auto list = node->find(key);
            if (loop || list == node->end() || !list->is_array())
                continue;
            for (const auto &branch : *list)
                loop = loop || next(&branch);
        }
        for (const char *key : {"not", "if", "then", "else"}) {
            const auto child = node->find(key);
            if (!loop && child != node->end())
                loop = next(&*child);
        }
        for (const char *key : {"dependencies", "dependentSchemas"}) {
            const auto map = node->find(key);
            if (loop || map == node->end() || !map->is_object())
                continue;
            for (const auto &dependency : *map)
                loop = loop || (dependency.is_object() && next(&dependency));
        }
        m_state[node] = loop ? 1 : 2;
        return loop;
    }

    const nlohmann::json &m_root;
    std::unordered_map<const nlohmann::json *, int> m_state; // 1: being followed, 2: no loop from here
};

} // namespace

SchemaCheck validate(const nlohmann::json &schemaJson, const nlohmann::json &value)
{
    SchemaCheck check;
    if (!schemaJson.is_object() && !schemaJson.is_boolean()) {
        check.whyUnchecked = QCoreApplication::translate("SchemaValidator", "The schema is not a JSON object.");
        return check;
    }
    nlohmann::json local = schemaJson;
    dropRemoteRefs(local, QString(), check.unvalidated, 0);
    if (LoopFinder(local).anyLoop()) {
        check.whyUnchecked = QCoreApplication::translate(
            "SchemaValidator", "The schema refers to itself without going into the value (a $ref loop), so it cannot be checked.");
        return check;
    }
    valijson::Schema schema;
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::NlohmannJsonAdapter adapter(local);
        // No document fetcher is given, and no $ref to another document is
        // left: nothing is ever fetched.
        parser.populateSchema(adapter, schema);
    } catch (const std::exception &e) {
        check.whyUnchecked = QCoreApplication::translate("SchemaValidator", "The schema could not be used (%1).").arg(QString::fromStdString(e.what()).left(200));
        return check;
    }
    valijson::ValidationResults results;
    try {
        valijson::Validator validator(valijson::Validator::kStrongTypes);
        const valijson::adapters::NlohmannJsonAdapter target(value);
        if (validator.validate(schema, target, &results)) {
            check.verdict = SchemaCheck::Verdict::Valid;
            return check;
        }
    } catch (const std::exception &e) {
        check.whyUnchecked = QCoreApplication::translate("SchemaValidator", "The value could not be checked (%1).").arg(QString::fromStdString(e.what()).left(200));
        return check;
    }
    check.verdict = SchemaCheck::Verdict::Invalid;
    // valijson also reports each enclosing object ("Failed to validate
    // against schema associated with property …"): only the innermost
    // problems are kept.
    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    for (const auto &e : errors) {
        bool enclosing = false;
        for (const auto &other : errors) {
            if (&other != &e && other.context.size() > e.context.size()
                && std::equal(e.context.begin(), e.context.end(), other.context.begin())) {
                enclosing = true;
                break;
            }
        }
        if (enclosing)
            continue;
        SchemaProblem p{pointerOf(e.context), QString::fromStdString(e.description)};
        bool seen = false;
        for (const SchemaProblem &q : std::as_const(check.problems))
            seen = seen || (q.pointer == p.pointer && q.message == p.message);
        if (!seen)
            check.problems.append(p);
    }
    if (check.problems.isEmpty())
        check.problems.append({QString(), QCoreApplication::translate("SchemaValidator", "The value does not match the schema.")});
    return check;
}

} // namespace crosstalk::schema
