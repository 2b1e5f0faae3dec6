#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace crosstalk::schema {

/// JSON in the order the peer wrote it: a form lists properties as the
/// schema does.
using OrderedJson = nlohmann::ordered_json;

/// What editor a field gets.
enum class FieldKind {
    Text,      ///< a string: one line, many lines, or a format's editor
    Number,    ///< a number (integer when FormNode::integer)
    Boolean,
    Choice,    ///< one of fixed values (enum, const, oneOf/anyOf of consts)
    Object,    ///< fixed properties, and extra ones when `additional` is set
    Map,       ///< an object of free keys, each value by `additional`
    Array,     ///< items added, removed and moved; each by `items`
    Tuple,     ///< prefixItems: one field a position (then `items`, if any)
    Variant,   ///< one of several schemas (oneOf/anyOf), picked by the user
    Recursive, ///< a schema that refers back to itself: expanded on demand
    Null,      ///< `type: "null"`: nothing to fill in
    Json,      ///< what a form cannot express: the value as JSON
};

/// A string format with an editor or a check of its own.
enum class TextFormat { Plain, MultiLine, Date, DateTime, Time, Email, Uri, Uuid };

/// One value a Choice offers, with what it shows.
struct ChoiceOption
{
    OrderedJson value;
    QString title; ///< the variant's title, or the value as JSON text
};

/// One field of a form: a schema compiled into what an editor needs. Built
/// by compileForm(); the widgets render it and the values they produce are
/// checked against `schema` (the field's own, after $ref and allOf).
struct FormNode
{
    FieldKind kind = FieldKind::Json;
    QString key;         ///< the property name; empty for the root and items
    QString label;       ///< `title`, else the key
    QString description; ///< shown as help (plain text)
    bool required = false;
    bool nullable = false; ///< `type: [X, "null"]`, `anyOf: [X, {type: null}]`
    bool readOnly = false;
    bool deprecated = false;
    std::optional<OrderedJson> defaultValue;
    std::vector<OrderedJson> examples;
    /// Where the field's schema is, as a JSON pointer into the root schema.
    QString schemaPointer;
    /// The field's effective schema ($ref followed, allOf merged).
    OrderedJson schema;
    /// For Json, Recursive and fields with a remark: why, in plain words
    /// (a `$ref` to another document, a keyword a form cannot express).
    QString note;
    /// A `$ref` to another document: shown, never fetched.
    QString externalRef;

    // Text
    TextFormat format = TextFormat::Plain;
    std::optional<qint64> minLength;
    std::optional<qint64> maxLength;
    QString pattern;

    // Number
    bool integer = false;
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool exclusiveMinimum = false; ///< `minimum` itself is not allowed
    bool exclusiveMaximum = false;
    std::optional<double> multipleOf;

    // Choice
    std::vector<ChoiceOption> options;

    // Object: properties in schema order. Object and Map: the schema of
    // extra members (`additionalProperties`), when they are allowed.
    std::vector<FormNode> properties;
    std::shared_ptr<const FormNode> additional;

    // Array: each item; Tuple: items after the prefix, if allowed.
    std::shared_ptr<const FormNode> items;
    std::vector<FormNode> prefixItems;
    std::optional<qint64> minItems;
    std::optional<qint64> maxItems;
    bool uniqueItems = false;

    // Variant
    std::vector<FormNode> variants;
    /// A property whose `const` tells the variants apart, when there is one.
    QString discriminator;

    /// Whether the field or one below it is a Json fallback.
    bool hasFallback() const;
    /// The field at a path of property keys and indexes ("0", "1" for
    /// prefix items and variants), or nullptr.
    const FormNode *find(const QStringList &path) const;
};

/// Bounds for schemas from peers.
struct FormLimits
{
    int maxDepth = 64;        ///< deeper fields become Json
    int maxFields = 20000;    ///< fields compiled in all; the rest become Json
    int maxRefHops = 32;      ///< `$ref` to `$ref` chains
};

/// Compiles a JSON Schema (a tool's inputSchema, an elicitation's
/// requestedSchema) into a form; sampleValue() gives its first values. Never fails: what cannot be expressed
/// becomes a Json field with a note, so a tool can always be called.
///
/// Local `$ref`s (`#`, `#/$defs/…`, `#/definitions/…`, any `#/` pointer) are
/// followed against the root. A `$ref` that leads back to a schema being
/// compiled becomes a Recursive field: expandRecursive() compiles it one
/// level further when the person opens it. A `$ref` to another document is
/// never fetched: the field is Json and names the reference.
FormNode compileForm(const OrderedJson &schema, const FormLimits &limits = {});
/// The same for a schema whose member order was not kept.
FormNode compileForm(const nlohmann::json &schema, const FormLimits &limits = {});

/// Compiles a Recursive field one level: the result has its own Recursive
/// fields where the schema refers back again. `root` is the schema the form
/// was compiled from.
FormNode expandRecursive(const FormNode &node, const OrderedJson &root, const FormLimits &limits = {});

/// A value with every field filled in as a person would fill it: each field
/// takes its default, else its first example, else a typical value of its
/// kind that keeps its constraints (bounds, lengths, formats, item counts,
/// distinct items). Optional fields whose schema recurses or that only take
/// raw JSON are left out. Offered as "Fill in examples"; a `pattern` is not
/// reasoned about, so a field with one may need editing.
OrderedJson filledValue(const FormNode &node);

} // namespace crosstalk::schema
