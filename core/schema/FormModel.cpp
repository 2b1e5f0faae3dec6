#include "schema/FormModel.h"

#include "schema/SampleValue.h"
#include "util/Utf8.h"

#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <set>

namespace crosstalk::schema {

namespace {

class FormText
{
    Q_DECLARE_TR_FUNCTIONS(FormModel)
};

QString str(const OrderedJson &value)
{
    return value.is_string() ? utf8ToString(value.get_ref<const std::string &>()) : QString();
}

QString jsonText(const OrderedJson &value)
{
    return utf8ToString(value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
}

std::optional<double> number(const OrderedJson &schema, const char *key)
{
    const auto it = schema.find(key);
    if (it == schema.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::optional<qint64> count(const OrderedJson &schema, const char *key)
{
    const auto it = schema.find(key);
    if (it == schema.end() || !it->is_number() || it->get<double>() < 0)
        return std::nullopt;
    return qint64(it->get<double>());
}

bool isNullSchema(const OrderedJson &schema)
{
    if (!schema.is_object())
        return false;
    const auto type = schema.find("type");
    if (type != schema.end() && *type == "null")
        return true;
    const auto c = schema.find("const");
    if (c != schema.end() && c->is_null())
        return true;
    const auto e = schema.find("enum");
    return e != schema.end() && e->is_array() && e->size() == 1 && e->front().is_null();
}

// A branch of oneOf/anyOf that is one fixed value: {const: X} or {enum: [X]}.
std::optional<OrderedJson> constantOf(const OrderedJson &schema)
{
    if (!schema.is_object())
        return std::nullopt;
    if (const auto c = schema.find("const"); c != schema.end())
        return *c;
    if (const auto e = schema.find("enum"); e != schema.end() && e->is_array() && e->size() == 1)
        return e->front();
    return std::nullopt;
}

// Keywords that only describe: a $ref's siblings that are only these do not
// change what the reference means.
bool isAnnotation(const std::string &key)
{
    static const std::set<std::string> annotations = {"title", "description", "default", "examples", "example",
                                                      "readOnly", "writeOnly", "deprecated", "$comment", "$id",
                                                      "$schema", "$anchor", "$defs", "definitions"};
    return annotations.count(key) > 0;
}

// Keywords the form compiles; any other keyword that constrains is named in
// the field's note.
bool isUnderstood(const std::string &key)
{
    static const std::set<std::string> known = {
        "type", "properties", "required", "additionalProperties", "items", "prefixItems", "additionalItems",
        "minItems", "maxItems", "uniqueItems", "enum", "const", "oneOf", "anyOf", "allOf", "$ref", "$defs",
        "definitions", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "pattern", "format", "contentMediaType", "contentEncoding", "enumNames", "minProperties",
        "maxProperties", "unevaluatedProperties", "unevaluatedItems", "$dynamicAnchor"};
    return known.count(key) > 0 || isAnnotation(key);
}

std::vector<std::string> types(const OrderedJson &schema)
{
    std::vector<std::string> out;
    const auto type = schema.find("type");
    if (type == schema.end())
        return out;
    if (type->is_string())
        out.push_back(type->get<std::string>());
    else if (type->is_array()) {
        for (const OrderedJson &t : *type) {
            if (t.is_string())
                out.push_back(t.get<std::string>());
        }
    }
    return out;
}

void intersectType(OrderedJson &into, const OrderedJson &other)
{
    const std::vector<std::string> a = types(into);
    const std::vector<std::string> b = types(other);
    if (b.empty())
        return;
    if (a.empty()) {
        into["type"] = other.at("type");
        return;
    }
    OrderedJson both = OrderedJson::array();
    for (const std::string &t : a) {
        // An integer is a number too.
        if (std::find(b.begin(), b.end(), t) != b.end()
            || (t == "integer" && std::find(b.begin(), b.end(), "number") != b.end()))
            both.push_back(t);
        else if (t == "number" && std::find(b.begin(), b.end(), "integer") != b.end())
            both.push_back("integer");
    }
    into["type"] = both.size() == 1 ? both.front() : both;
}

class Compiler
{
public:
    Compiler(const OrderedJson &root, const FormLimits &limits)
        : m_root(root)
        , m_limits(limits)
    {
    }

    FormNode compile(const OrderedJson &schema, const QString &pointer, const QString &key, int depth);
    /// The root is being compiled: a `$ref` to "#" below it is recursion.
    FormNode compileRoot(const OrderedJson &schema)
    {
        m_compiling.push_back(QString());
        return compile(schema, QString(), QString(), 0);
    }

private:
    struct Resolved
    {
        OrderedJson schema;
        QString pointer;
        QString external; // a $ref to another document
        QString problem;  // a local $ref that leads nowhere
        bool cycle = false; // `pointer` is a schema being compiled

        /// Whether `schema` is what the reference leads to.
        bool usable() const { return external.isEmpty() && problem.isEmpty() && !cycle; }
    };

    Resolved resolve(const OrderedJson &schema, const QString &pointer);
    /// Resolves to look at the target, not to compile it: nothing stays on
    /// the stack of schemas being compiled.
    Resolved peek(const OrderedJson &schema, const QString &pointer)
    {
        const size_t before = m_compiling.size();
        Resolved r = resolve(schema, pointer);
        m_compiling.resize(before);
        return r;
    }
    OrderedJson mergeAllOf(const OrderedJson &schema, const QString &pointer, int hops, QString *problem);
    void annotate(FormNode &node, const OrderedJson &schema) const;
    FormNode fallback(FormNode node, const QString &note) const;
    FormNode compileTyped(FormNode node, const OrderedJson &schema, const std::string &type, int depth);
    FormNode compileBranches(FormNode node, const OrderedJson &schema, const char *keyword, int depth);

    const OrderedJson &m_root;
    FormLimits m_limits;
    int m_fields = 0;
    std::vector<QString> m_compiling; // pointers of the $ref targets being compiled
};

Compiler::Resolved Compiler::resolve(const OrderedJson &schema, const QString &pointer)
{
    Resolved r{schema, pointer, {}, {}, {}};
    for (int hop = 0; r.schema.is_object() && r.schema.contains("$ref"); ++hop) {
        if (hop >= m_limits.maxRefHops) {
            r.problem = FormText::tr("More than %1 references follow one another.").arg(m_limits.maxRefHops);
            return r;
        }
        const QString ref = str(r.schema.at("$ref"));
        if (!ref.startsWith(QLatin1Char('#'))) {
            r.external = ref;
            return r;
        }
        // "#/a~1b/c%20d": a JSON pointer in a URI fragment.
        const QString target = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
        if (!target.isEmpty() && !target.startsWith(QLatin1Char('/'))) {
            r.problem = FormText::tr("The reference “%1” names an anchor, which the form does not follow.").arg(ref);
            return r;
        }
        const OrderedJson *found = target.isEmpty() ? &m_root : nullptr;
        if (!found) {
            try {
                const OrderedJson::json_pointer jp(target.toStdString());
                if (m_root.contains(jp))
                    found = &m_root.at(jp);
            } catch (const nlohmann::json::exception &) {
                found = nullptr;
            }
        }
        if (!found) {
            r.problem = FormText::tr("The reference “%1” points to nothing in the schema.").arg(ref);
            return r;
        }
        if (std::find(m_compiling.begin(), m_compiling.end(), target) != m_compiling.end()) {
            r.cycle = true;
            r.pointer = target;
            return r;
        }
        // Siblings of $ref: annotations override the target's; constraints
        // add to it.
        OrderedJson siblings = r.schema;
        siblings.erase("$ref");
        bool onlyAnnotations = true;
        for (auto it = siblings.begin(); it != siblings.end(); ++it)
            onlyAnnotations = onlyAnnotations && isAnnotation(it.key());
        if (siblings.empty()) {
            r.schema = *found;
        } else if (onlyAnnotations && found->is_object()) {
            OrderedJson merged = *found;
            for (auto it = siblings.begin(); it != siblings.end(); ++it)
                merged[it.key()] = it.value();
            r.schema = std::move(merged);
        } else {
            r.schema = OrderedJson{{"allOf", OrderedJson::array({*found, siblings})}};
        }
        r.pointer = target;
        m_compiling.push_back(target);
    }
    return r;
}

// allOf folded into one schema: properties joined (a property in several
// becomes their allOf), required joined, bounds narrowed, types intersected;
// any other keyword: the first one given.
OrderedJson Compiler::mergeAllOf(const OrderedJson &schema, const QString &pointer, int hops, QString *problem)
{
    if (!schema.is_object() || !schema.contains("allOf") || !schema.at("allOf").is_array())
        return schema;
    OrderedJson merged = schema;
    merged.erase("allOf");
    const OrderedJson parts = schema.at("allOf");
    for (size_t i = 0; i < parts.size(); ++i) {
        const QString partPointer = pointer + QStringLiteral("/allOf/%1").arg(i);
        Resolved part = peek(parts[i], partPointer); // merging does not compile the target
        if (!part.usable()) {
            *problem = !part.external.isEmpty()
                ? FormText::tr("allOf refers to another document (%1), which is never fetched.").arg(part.external)
                : !part.problem.isEmpty() ? part.problem
                                          : FormText::tr("allOf refers back to a schema that contains it.");
            return schema;
        }
        if (hops < m_limits.maxRefHops)
            part.schema = mergeAllOf(part.schema, part.pointer, hops + 1, problem);
        if (part.schema.is_boolean()) {
            if (!part.schema.get<bool>()) {
                *problem = FormText::tr("allOf holds false: no value is allowed.");
                return schema;
            }
            continue;
        }
        if (!part.schema.is_object())
            continue;
        for (auto it = part.schema.begin(); it != part.schema.end(); ++it) {
            const std::string &k = it.key();
            const OrderedJson &v = it.value();
            if (k == "properties" && v.is_object()) {
                OrderedJson &props = merged["properties"];
                if (!props.is_object())
                    props = OrderedJson::object();
                for (auto p = v.begin(); p != v.end(); ++p) {
                    if (props.contains(p.key()))
                        props[p.key()] = OrderedJson{{"allOf", OrderedJson::array({props[p.key()], p.value()})}};
                    else
                        props[p.key()] = p.value();
                }
            } else if (k == "required" && v.is_array()) {
                OrderedJson &required = merged["required"];
                if (!required.is_array())
                    required = OrderedJson::array();
                for (const OrderedJson &name : v) {
                    if (std::find(required.begin(), required.end(), name) == required.end())
                        required.push_back(name);
                }
            } else if (k == "type") {
                intersectType(merged, part.schema);
            } else if ((k == "minimum" || k == "minLength" || k == "minItems" || k == "minProperties") && v.is_number()) {
                if (!merged.contains(k) || merged[k] < v)
                    merged[k] = v;
            } else if ((k == "maximum" || k == "maxLength" || k == "maxItems" || k == "maxProperties") && v.is_number()) {
                if (!merged.contains(k) || merged[k] > v)
                    merged[k] = v;
            } else if (k == "enum" && v.is_array() && merged.contains("enum") && merged["enum"].is_array()) {
                OrderedJson both = OrderedJson::array();
                for (const OrderedJson &value : merged["enum"]) {
                    if (std::find(v.begin(), v.end(), value) != v.end())
                        both.push_back(value);
                }
                merged["enum"] = both;
            } else if (k == "$defs" || k == "definitions") {
                continue;
            } else if (!merged.contains(k)) {
                merged[k] = v;
            }
        }
    }
    if (merged.contains("type") && merged["type"].is_array() && merged["type"].empty())
        *problem = FormText::tr("The types of allOf exclude each other: no value is allowed.");
    return merged;
}

void Compiler::annotate(FormNode &node, const OrderedJson &schema) const
{
    if (!schema.is_object())
        return;
    if (const QString title = str(schema.value("title", OrderedJson())); !title.isEmpty())
        node.label = title;
    if (const QString description = str(schema.value("description", OrderedJson())); !description.isEmpty())
        node.description = description;
    node.readOnly = schema.value("readOnly", OrderedJson(false)) == true;
    node.deprecated = schema.value("deprecated", OrderedJson(false)) == true;
    if (const auto d = schema.find("default"); d != schema.end())
        node.defaultValue = *d;
    if (const auto e = schema.find("examples"); e != schema.end() && e->is_array()) {
        node.examples.clear();
        for (const OrderedJson &example : *e)
            node.examples.push_back(example);
    } else if (const auto one = schema.find("example"); one != schema.end()) {
        node.examples = {*one};
    }
}

FormNode Compiler::fallback(FormNode node, const QString &note) const
{
    node.kind = FieldKind::Json;
    node.note = note;
    return node;
}

FormNode Compiler::compile(const OrderedJson &input, const QString &pointer, const QString &key, int depth)
{
    FormNode node;
    node.key = key;
    node.label = key;
    node.schemaPointer = pointer;
    ++m_fields;
    if (depth > m_limits.maxDepth)
        return fallback(node, FormText::tr("Nested deeper than %1 levels: edit this value as JSON.").arg(m_limits.maxDepth));
    if (m_fields > m_limits.maxFields)
        return fallback(node, FormText::tr("The schema has more than %1 fields: edit this value as JSON.").arg(m_limits.maxFields));

    const size_t stackBefore = m_compiling.size();
    struct Unwind
    {
        std::vector<QString> &stack;
        size_t size;
        ~Unwind() { stack.resize(size); }
    } unwind{m_compiling, stackBefore};

    annotate(node, input); // a $ref's own title and description count
    Resolved r = resolve(input, pointer);
    node.schemaPointer = r.pointer;
    if (!r.external.isEmpty()) {
        node.externalRef = r.external;
        return fallback(node, FormText::tr("Its schema is in another document (%1), which Crosstalk never fetches: "
                                           "edit this value as JSON.")
                                  .arg(r.external));
    }
    if (!r.problem.isEmpty())
        return fallback(node, r.problem);
    if (r.cycle) {
        node.kind = FieldKind::Recursive;
        node.schema = r.pointer.isEmpty() ? m_root : m_root.at(OrderedJson::json_pointer(r.pointer.toStdString()));
        annotate(node, node.schema);
        annotate(node, input);
        node.note = FormText::tr("This schema contains itself: open it to fill in one more level.");
        return node;
    }

    if (r.schema.is_boolean()) {
        node.schema = r.schema;
        return fallback(node, r.schema.get<bool>() ? QString() : FormText::tr("The schema allows no value here."));
    }
    if (!r.schema.is_object()) {
        node.schema = r.schema;
        return fallback(node, FormText::tr("The schema here is not an object: edit this value as JSON."));
    }
    QString problem;
    const OrderedJson schema = mergeAllOf(r.schema, r.pointer, 0, &problem);
    node.schema = schema;
    annotate(node, schema);
    annotate(node, input); // the referring schema's annotations win
    if (!problem.isEmpty())
        return fallback(node, problem);

    // Keywords no editor can enforce are named; the value is still checked
    // against the whole schema.
    QStringList unknown;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!isUnderstood(it.key()))
            unknown << utf8ToString(it.key());
    }
    const auto remark = [&unknown](FormNode n) {
        if (!unknown.isEmpty() && n.kind != FieldKind::Json && n.note.isEmpty())
            n.note = FormText::tr("The form does not enforce %1; the value is checked against them.")
                         .arg(unknown.join(QStringLiteral(", ")));
        return n;
    };

    // Fixed values.
    if (const auto c = schema.find("const"); c != schema.end()) {
        node.kind = FieldKind::Choice;
        node.options.push_back({*c, c->is_string() ? str(*c) : jsonText(*c)});
        return remark(node);
    }
    if (const auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
        node.kind = FieldKind::Choice;
        const OrderedJson names = schema.value("enumNames", OrderedJson());
        for (size_t i = 0; i < e->size(); ++i) {
            const OrderedJson &value = (*e)[i];
            if (value.is_null()) {
                node.nullable = true;
                continue;
            }
            QString title = value.is_string() ? str(value) : jsonText(value);
            if (names.is_array() && i < names.size() && names[i].is_string())
                title = str(names[i]);
            node.options.push_back({value, title});
        }
        if (node.options.empty())
            return fallback(node, FormText::tr("The list of allowed values is empty."));
        return remark(node);
    }

    // One of several schemas.
    for (const char *keyword : {"oneOf", "anyOf"}) {
        if (schema.contains(keyword) && schema.at(keyword).is_array())
            return remark(compileBranches(node, schema, keyword, depth));
    }

    std::vector<std::string> kinds = types(schema);
    const auto nullAt = std::find(kinds.begin(), kinds.end(), "null");
    if (nullAt != kinds.end() && kinds.size() > 1) {
        node.nullable = true;
        kinds.erase(nullAt);
    }
    if (kinds.empty()) {
        // No type: what the keywords imply.
        if (schema.contains("properties") || schema.contains("additionalProperties") || schema.contains("required"))
            kinds.push_back("object");
        else if (schema.contains("items") || schema.contains("prefixItems"))
            kinds.push_back("array");
        else if (schema.contains("minLength") || schema.contains("maxLength") || schema.contains("pattern")
                 || schema.contains("format"))
            kinds.push_back("string");
        else if (schema.contains("minimum") || schema.contains("maximum") || schema.contains("multipleOf"))
            kinds.push_back("number");
    }
    if (kinds.empty())
        return fallback(node, schema.contains("not") || schema.contains("if")
                                  ? FormText::tr("The form cannot express this schema: edit this value as JSON.")
                                  : QString());
    if (kinds.size() > 1) {
        // type: [string, number]: a variant a type.
        node.kind = FieldKind::Variant;
        for (const std::string &type : kinds) {
            OrderedJson one = schema;
            one["type"] = type;
            FormNode variant;
            variant.label = utf8ToString(type);
            variant.schemaPointer = node.schemaPointer;
            variant.schema = one;
            node.variants.push_back(compileTyped(variant, one, type, depth));
        }
        return remark(node);
    }
    return remark(compileTyped(node, schema, kinds.front(), depth));
}

FormNode Compiler::compileBranches(FormNode node, const OrderedJson &schema, const char *keyword, int depth)
{
    const OrderedJson &branches = schema.at(keyword);
    const QString base = node.schemaPointer + QLatin1Char('/') + QLatin1String(keyword);
    // Null branches make the field nullable; the others are what it holds.
    struct Branch
    {
        size_t index;
        const OrderedJson &schema;
        Resolved resolved;
    };
    std::vector<Branch> rest;
    for (size_t i = 0; i < branches.size(); ++i) {
        Resolved r = peek(branches[i], base + QStringLiteral("/%1").arg(i));
        if (r.usable() && isNullSchema(r.schema))
            node.nullable = true;
        else
            rest.push_back({i, branches[i], std::move(r)});
    }
    // The parent's own constraints (besides the branches) hold for each.
    OrderedJson constraints = OrderedJson::object();
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (it.key() != keyword && !isAnnotation(it.key()))
            constraints[it.key()] = it.value();
    }
    const auto withShared = [&constraints](const OrderedJson &branch) {
        if (constraints.empty())
            return branch;
        return OrderedJson{{"allOf", OrderedJson::array({constraints, branch})}};
    };

    if (rest.empty())
        return fallback(node, QString()); // only null: nothing to fill in but null
    // Fixed values with titles: a choice.
    const bool allConstant = std::all_of(rest.begin(), rest.end(), [](const Branch &b) {
        return b.resolved.usable() && constantOf(b.resolved.schema).has_value();
    });
    if (allConstant) {
        node.kind = FieldKind::Choice;
        for (const Branch &b : rest) {
            const OrderedJson value = *constantOf(b.resolved.schema);
            QString title = str(b.resolved.schema.value("title", OrderedJson()));
            if (title.isEmpty())
                title = value.is_string() ? str(value) : jsonText(value);
            node.options.push_back({value, title});
        }
        return node;
    }
    if (rest.size() == 1) {
        // anyOf [X, null]: X, nullable.
        FormNode inner = compile(withShared(rest.front().schema), base + QStringLiteral("/%1").arg(rest.front().index),
                                 node.key, depth);
        inner.nullable = true;
        inner.required = node.required;
        if (!node.label.isEmpty() && node.label != node.key)
            inner.label = node.label;
        if (!node.description.isEmpty())
            inner.description = node.description;
        if (node.defaultValue)
            inner.defaultValue = node.defaultValue;
        return inner;
    }
    node.kind = FieldKind::Variant;
    for (const Branch &b : rest) {
        FormNode variant = compile(withShared(b.schema), base + QStringLiteral("/%1").arg(b.index), QString(), depth + 1);
        if (variant.label.isEmpty())
            variant.label = FormText::tr("Option %1").arg(b.index + 1);
        node.variants.push_back(std::move(variant));
    }
    // A property whose const differs in every variant tells them apart.
    if (!node.variants.empty() && node.variants.front().kind == FieldKind::Object) {
        for (const FormNode &candidate : node.variants.front().properties) {
            if (candidate.kind != FieldKind::Choice || candidate.options.size() != 1)
                continue;
            std::vector<OrderedJson> seen;
            bool distinct = true;
            for (const FormNode &variant : node.variants) {
                const auto it = std::find_if(variant.properties.begin(), variant.properties.end(),
                                             [&candidate](const FormNode &p) { return p.key == candidate.key; });
                if (variant.kind != FieldKind::Object || it == variant.properties.end() || it->kind != FieldKind::Choice
                    || it->options.size() != 1
                    || std::find(seen.begin(), seen.end(), it->options.front().value) != seen.end()) {
                    distinct = false;
                    break;
                }
                seen.push_back(it->options.front().value);
            }
            if (distinct) {
                node.discriminator = candidate.key;
                break;
            }
        }
    }
    return node;
}

FormNode Compiler::compileTyped(FormNode node, const OrderedJson &schema, const std::string &type, int depth)
{
    if (type == "string") {
        node.kind = FieldKind::Text;
        node.minLength = count(schema, "minLength");
        node.maxLength = count(schema, "maxLength");
        node.pattern = str(schema.value("pattern", OrderedJson()));
        static const std::vector<std::pair<std::string, TextFormat>> formats = {
            {"date", TextFormat::Date},   {"date-time", TextFormat::DateTime}, {"time", TextFormat::Time},
            {"email", TextFormat::Email}, {"idn-email", TextFormat::Email},    {"uri", TextFormat::Uri},
            {"iri", TextFormat::Uri},     {"uri-reference", TextFormat::Uri},  {"uuid", TextFormat::Uuid}};
        const std::string format = schema.value("format", OrderedJson("")).is_string()
            ? schema.value("format", OrderedJson("")).get<std::string>()
            : std::string();
        for (const auto &[name, f] : formats) {
            if (format == name)
                node.format = f;
        }
        // Long text gets many lines: a large maxLength, a media type, or a
        // name that says so.
        static const QStringList longNames = {QStringLiteral("content"), QStringLiteral("text"), QStringLiteral("body"),
                                              QStringLiteral("code"), QStringLiteral("script"), QStringLiteral("markdown")};
        if (node.format == TextFormat::Plain
            && ((node.maxLength && *node.maxLength > 256) || schema.contains("contentMediaType")
                || longNames.contains(node.key, Qt::CaseInsensitive)))
            node.format = TextFormat::MultiLine;
        return node;
    }
    if (type == "number" || type == "integer") {
        node.kind = FieldKind::Number;
        node.integer = type == "integer";
        node.minimum = number(schema, "minimum");
        node.maximum = number(schema, "maximum");
        node.multipleOf = number(schema, "multipleOf");
        // 2019-09 and later: exclusiveMinimum is the bound; draft-04: a flag.
        if (const auto em = number(schema, "exclusiveMinimum")) {
            if (!node.minimum || *em >= *node.minimum) {
                node.minimum = em;
                node.exclusiveMinimum = true;
            }
        } else if (schema.value("exclusiveMinimum", OrderedJson(false)) == true) {
            node.exclusiveMinimum = node.minimum.has_value();
        }
        if (const auto em = number(schema, "exclusiveMaximum")) {
            if (!node.maximum || *em <= *node.maximum) {
                node.maximum = em;
                node.exclusiveMaximum = true;
            }
        } else if (schema.value("exclusiveMaximum", OrderedJson(false)) == true) {
            node.exclusiveMaximum = node.maximum.has_value();
        }
        return node;
    }
    if (type == "boolean") {
        node.kind = FieldKind::Boolean;
        return node;
    }
    if (type == "null") {
        node.kind = FieldKind::Null;
        return node;
    }
    if (type == "object") {
        const OrderedJson properties = schema.value("properties", OrderedJson::object());
        const OrderedJson required = schema.value("required", OrderedJson::array());
        const auto extra = schema.find("additionalProperties");
        const bool extraAllowed = extra != schema.end() && !(extra->is_boolean() && !extra->get<bool>());
        node.kind = properties.is_object() && !properties.empty() ? FieldKind::Object : FieldKind::Map;
        if (properties.is_object()) {
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                const QString name = utf8ToString(it.key());
                QString escaped = name;
                escaped.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
                FormNode child = compile(it.value(), node.schemaPointer + QStringLiteral("/properties/") + escaped, name,
                                         depth + 1);
                child.required = required.is_array() && std::find(required.begin(), required.end(), it.key()) != required.end();
                node.properties.push_back(std::move(child));
            }
        }
        // Extra members: with their schema when given; a map with no schema
        // takes any JSON values.
        if (extraAllowed || node.kind == FieldKind::Map) {
            const OrderedJson valueSchema = extraAllowed && extra->is_object() ? *extra : OrderedJson(true);
            node.additional = std::make_shared<const FormNode>(
                compile(valueSchema, node.schemaPointer + QStringLiteral("/additionalProperties"), QString(), depth + 1));
        }
        if (node.kind == FieldKind::Map && extra != schema.end() && extra->is_boolean() && !extra->get<bool>())
            node.additional.reset(); // no members at all: an empty object
        if (schema.contains("patternProperties"))
            node.note = FormText::tr("Members named by patternProperties are not in the form: use Edit as JSON for them.");
        return node;
    }
    if (type == "array") {
        node.minItems = count(schema, "minItems");
        node.maxItems = count(schema, "maxItems");
        node.uniqueItems = schema.value("uniqueItems", OrderedJson(false)) == true;
        // prefixItems (2020-12), or items as an array (draft-07).
        OrderedJson prefix;
        OrderedJson rest = OrderedJson(true);
        bool restGiven = false;
        QString prefixKey = QStringLiteral("prefixItems");
        QString restKey = QStringLiteral("items");
        if (schema.contains("prefixItems") && schema.at("prefixItems").is_array()) {
            prefix = schema.at("prefixItems");
            if (schema.contains("items")) {
                rest = schema.at("items");
                restGiven = true;
            }
        } else if (schema.contains("items") && schema.at("items").is_array()) {
            prefix = schema.at("items");
            prefixKey = QStringLiteral("items");
            restKey = QStringLiteral("additionalItems");
            if (schema.contains("additionalItems")) {
                rest = schema.at("additionalItems");
                restGiven = true;
            }
        } else if (schema.contains("items")) {
            rest = schema.at("items");
            restGiven = true;
        }
        if (prefix.is_array()) {
            node.kind = FieldKind::Tuple;
            for (size_t i = 0; i < prefix.size(); ++i) {
                FormNode item = compile(prefix[i], node.schemaPointer + QStringLiteral("/%1/%2").arg(prefixKey).arg(i),
                                        QString(), depth + 1);
                if (item.label.isEmpty())
                    item.label = FormText::tr("Item %1").arg(i + 1);
                item.required = true;
                node.prefixItems.push_back(std::move(item));
            }
            if (restGiven && !(rest.is_boolean() && !rest.get<bool>()))
                node.items = std::make_shared<const FormNode>(
                    compile(rest, node.schemaPointer + QLatin1Char('/') + restKey, QString(), depth + 1));
            return node;
        }
        node.kind = FieldKind::Array;
        node.items = std::make_shared<const FormNode>(
            compile(rest, node.schemaPointer + QLatin1Char('/') + restKey, QString(), depth + 1));
        if (schema.contains("contains"))
            node.note = FormText::tr("The form does not enforce contains; the value is checked against it.");
        return node;
    }
    return fallback(node, FormText::tr("The type “%1” is not a JSON Schema type.").arg(utf8ToString(type)));
}

} // namespace

bool FormNode::hasFallback() const
{
    if (kind == FieldKind::Json)
        return true;
    const auto any = [](const std::vector<FormNode> &nodes) {
        return std::any_of(nodes.begin(), nodes.end(), [](const FormNode &n) { return n.hasFallback(); });
    };
    return any(properties) || any(prefixItems) || any(variants) || (items && items->hasFallback())
        || (additional && additional->kind != FieldKind::Json && additional->hasFallback());
}

const FormNode *FormNode::find(const QStringList &path) const
{
    const FormNode *node = this;
    for (const QString &step : path) {
        const FormNode *next = nullptr;
        for (const FormNode &p : node->properties) {
            if (p.key == step)
                next = &p;
        }
        bool ok = false;
        const int index = step.toInt(&ok);
        if (!next && ok && node->kind == FieldKind::Tuple && index >= 0 && size_t(index) < node->prefixItems.size())
            next = &node->prefixItems[size_t(index)];
        if (!next && ok && node->kind == FieldKind::Variant && index >= 0 && size_t(index) < node->variants.size())
            next = &node->variants[size_t(index)];
        if (!next && step == QLatin1String("items") && node->items)
            next = node->items.get();
        if (!next && step == QLatin1String("additionalProperties") && node->additional)
            next = node->additional.get();
        if (!next)
            return nullptr;
        node = next;
    }
    return node;
}

namespace {

std::optional<OrderedJson> given(const FormNode &node)
{
    if (node.defaultValue && !node.defaultValue->is_null())
        return node.defaultValue;
    if (!node.examples.empty())
        return node.examples.front();
    return std::nullopt;
}

OrderedJson typicalText(const FormNode &node, int index)
{
    std::string text;
    switch (node.format) {
    case TextFormat::Date: return "2026-01-31";
    case TextFormat::DateTime: return "2026-01-31T12:00:00Z";
    case TextFormat::Time: return "12:00:00";
    case TextFormat::Email: return "person@example.com";
    case TextFormat::Uri: return "https://example.com/";
    case TextFormat::Uuid: return "123e4567-e89b-42d3-a456-426614174000";
    case TextFormat::MultiLine:
    case TextFormat::Plain: text = index > 0 ? "example " + std::to_string(index + 1) : "example"; break;
    }
    // Lengths count characters; the text is ASCII.
    if (node.minLength)
        while (qint64(text.size()) < *node.minLength)
            text += 'x';
    if (node.maxLength && qint64(text.size()) > *node.maxLength)
        text.resize(size_t(*node.maxLength));
    return text;
}

OrderedJson typicalNumber(const FormNode &node, int index)
{
    const double step = node.multipleOf && *node.multipleOf > 0 ? *node.multipleOf : 1.0;
    double value = node.minimum ? *node.minimum : (node.maximum && *node.maximum < 1 ? *node.maximum : 1.0);
    if (node.minimum && node.exclusiveMinimum)
        value += node.integer ? 1 : std::min(step, node.maximum ? (*node.maximum - *node.minimum) / 2 : step);
    value += index * step;
    if (node.multipleOf && *node.multipleOf > 0)
        value = std::ceil(value / *node.multipleOf - 1e-9) * *node.multipleOf;
    if (node.maximum && (value > *node.maximum || (node.exclusiveMaximum && value >= *node.maximum)))
        value = node.minimum ? (*node.minimum + *node.maximum) / 2 : *node.maximum - (node.exclusiveMaximum ? step : 0);
    if (node.integer)
        return qint64(std::ceil(value - 1e-9));
    return value;
}

OrderedJson fill(const FormNode &node, int index)
{
    if (const auto value = given(node); value && index == 0)
        return *value;
    switch (node.kind) {
    case FieldKind::Text: return typicalText(node, index);
    case FieldKind::Number: return typicalNumber(node, index);
    case FieldKind::Boolean: return index % 2 == 0;
    case FieldKind::Null: return nullptr;
    case FieldKind::Choice:
        return node.options.empty() ? OrderedJson() : node.options[size_t(index) % node.options.size()].value;
    case FieldKind::Object:
    case FieldKind::Map: {
        OrderedJson object = OrderedJson::object();
        for (const FormNode &property : node.properties) {
            const bool rawOnly = property.kind == FieldKind::Recursive || property.kind == FieldKind::Json;
            if (property.readOnly || (!property.required && rawOnly && !given(property)))
                continue;
            object[property.key.toStdString()] = fill(property, 0);
        }
        return object;
    }
    case FieldKind::Array: {
        OrderedJson array = OrderedJson::array();
        if (!node.items)
            return array;
        qint64 n = std::max<qint64>(node.minItems.value_or(1), 1);
        if (node.maxItems)
            n = std::min(n, *node.maxItems);
        if (node.uniqueItems && node.items->kind == FieldKind::Choice)
            n = std::min<qint64>(n, qint64(node.items->options.size()));
        for (qint64 i = 0; i < n; ++i)
            array.push_back(fill(*node.items, node.uniqueItems ? int(i) : 0));
        return array;
    }
    case FieldKind::Tuple: {
        OrderedJson array = OrderedJson::array();
        for (const FormNode &item : node.prefixItems)
            array.push_back(fill(item, 0));
        return array;
    }
    case FieldKind::Variant: return node.variants.empty() ? OrderedJson() : fill(node.variants.front(), index);
    case FieldKind::Recursive:
    case FieldKind::Json: {
        // What the sample for its own schema is (its local references are
        // gone: what they describe is not filled).
        const nlohmann::json own = nlohmann::json::parse(node.schema.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
        return OrderedJson::parse(sampleValue(own).dump());
    }
    }
    return OrderedJson();
}

} // namespace

OrderedJson filledValue(const FormNode &node)
{
    return fill(node, 0);
}

FormNode compileForm(const OrderedJson &schema, const FormLimits &limits)
{
    Compiler compiler(schema, limits);
    return compiler.compileRoot(schema);
}

FormNode compileForm(const nlohmann::json &schema, const FormLimits &limits)
{
    return compileForm(OrderedJson::parse(schema.dump()), limits);
}

FormNode expandRecursive(const FormNode &node, const OrderedJson &root, const FormLimits &limits)
{
    if (node.kind != FieldKind::Recursive)
        return node;
    Compiler compiler(root, limits);
    // The target compiled as if referred to afresh: where it refers to
    // itself again, that field is Recursive in turn.
    const QString fragment = QString(node.schemaPointer).replace(QLatin1Char('%'), QStringLiteral("%25"));
    const OrderedJson ref = OrderedJson{{"$ref", QString(QLatin1Char('#') + fragment).toStdString()}};
    FormNode expanded = compiler.compile(ref, node.schemaPointer, node.key, 0);
    expanded.required = node.required;
    if (!node.label.isEmpty())
        expanded.label = node.label;
    if (!node.description.isEmpty())
        expanded.description = node.description;
    return expanded;
}

} // namespace crosstalk::schema
