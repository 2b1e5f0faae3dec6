#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace crosstalk::schema {

/// One place where a value breaks its schema.
struct SchemaProblem
{
    QString pointer; ///< JSON pointer into the value ("" for the value itself)
    QString message;
};

struct SchemaCheck
{
    enum class Verdict { Valid, Invalid, Unchecked };
    Verdict verdict = Verdict::Unchecked;
    QList<SchemaProblem> problems;  ///< for Invalid
    QString whyUnchecked;           ///< for Unchecked
    /// Places in the schema (JSON pointers) that refer to another document
    /// by `$ref`: never fetched, so what they describe was not checked.
    QStringList unvalidated;
};

/// Checks `value` against a JSON Schema from a peer (a tool's inputSchema or
/// outputSchema) with valijson. A `$ref` to another document (a network URI)
/// is never fetched: the subschema holding it accepts anything, and its
/// place is listed in `unvalidated`; the rest is checked. A schema that
/// cannot be used at all gives Unchecked with the reason, not a failure.
SchemaCheck validate(const nlohmann::json &schema, const nlohmann::json &value);

} // namespace crosstalk::schema
