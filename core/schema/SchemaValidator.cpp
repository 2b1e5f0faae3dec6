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
