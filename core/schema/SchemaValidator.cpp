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

} // namespace

SchemaCheck validate(const nlohmann::json &schemaJson, const nlohmann::json &value)
{
    SchemaCheck check;
    if (!schemaJson.is_object() && !schemaJson.is_boolean()) {
        check.whyUnchecked = QCoreApplication::translate("SchemaValidator", "The schema is not a JSON object.");
        return check;
    }
    valijson::Schema schema;
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::NlohmannJsonAdapter adapter(schemaJson);
        // No document fetcher is given: a $ref to another document (a network
        // URI) makes the schema unusable instead of being dereferenced.
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
