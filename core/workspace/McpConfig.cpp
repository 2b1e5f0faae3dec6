#include "workspace/McpConfig.h"

#include "traffic/Redactor.h"
#include "util/BoundedJson.h"
#include "util/JsonFields.h"
#include "util/ShellQuote.h"
#include "util/Utf8.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <utility>

namespace crosstalk::workspace::mcp_config {

using nlohmann::json;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(McpConfig)
};

constexpr int MaxDepth = 32;
// Names and values from the file are shortened to this in errors and notes.
constexpr qsizetype MaxShown = 64;

const QString Stdio = QStringLiteral("stdio");
const QString Auto = QStringLiteral("auto");
const QString StreamableHttp = QStringLiteral("streamable-http");
const QString Sse = QStringLiteral("sse");
const QString Legacy = QStringLiteral("legacy");

/// Why a file cannot be imported: thrown by the readers below, caught in
/// parse() and nowhere else.
struct BadFile
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw BadFile{message};
}

QString elided(const QString &text, qsizetype limit = MaxShown)
{
    return text.size() > limit ? text.left(limit - 1) + QChar(0x2026) : text;
}

/// "where.name": the place of a member, for errors and notes.
QString at(const QString &where, const QString &name)
{
    const QString shown = elided(name);
    return where.isEmpty() ? shown : where + QLatin1Char('.') + shown;
}

QString at(const QString &where, const char *name)
{
    return at(where, QLatin1String(name));
}

QString item(const QString &where, size_t index)
{
    return QStringLiteral("%1[%2]").arg(where).arg(index);
}

/// “a”, “b”: values named in a note.
QString listed(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(QChar(0x201C) + elided(v) + QChar(0x201D));
    return quoted.join(QStringLiteral(", "));
}

QString described(const QString &description)
{
    return description.trimmed().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(elided(description.simplified(), 120));
}

// Typed reads that fail with the place when the type is wrong. A member that
// is null reads as absent, as in json_fields.

QString textOf(const json &value, const QString &where)
{
    if (!value.is_string())
        fail(Text::tr("%1: expected a string").arg(where));
    return utf8ToString(value.get_ref<const std::string &>());
}

std::optional<QString> optionalText(const json &object, const char *name, const QString &where)
{
    const json *value = json_fields::member(object, name);
    if (!value)
        return std::nullopt;
    return textOf(*value, at(where, name));
}

QString requiredText(const json &object, const char *name, const QString &where)
{
    const std::optional<QString> text = optionalText(object, name, where);
    if (!text)
        fail(Text::tr("%1: missing").arg(at(where, name)));
    return *text;
}

bool optionalFlag(const json &object, const char *name, const QString &where)
{
    const json *value = json_fields::member(object, name);
    if (!value)
        return false;
    if (!value->is_boolean())
        fail(Text::tr("%1: expected true or false").arg(at(where, name)));
    return value->get<bool>();
}

const json *optionalList(const json &object, const char *name, const QString &where)
{
    const json *value = json_fields::member(object, name);
    if (value && !value->is_array())
        fail(Text::tr("%1: expected a list").arg(at(where, name)));
    return value;
}

void requireObject(const json &value, const QString &where)
{
    if (!value.is_object())
        fail(Text::tr("%1: expected an object").arg(where));
}

QStringList textList(const json &object, const char *name, const QString &where)
{
    QStringList out;
    const json *list = json_fields::member(object, name);
    if (!list)
        return out;
    const QString place = at(where, name);
    if (!list->is_array())
        fail(Text::tr("%1: expected a list of strings").arg(place));
    for (size_t i = 0; i < list->size(); ++i)
        out.append(textOf(list->at(i), item(place, i)));
    return out;
}

/// An object of names and strings ("env", "headers"); numbers are taken as
/// their text where `numbers` says so (VS Code allows them in env).
QList<QPair<QString, QString>> textMap(const json &object, const char *name, const QString &where, bool numbers)
{
    QList<QPair<QString, QString>> out;
    const json *map = json_fields::member(object, name);
    if (!map)
        return out;
    const QString place = at(where, name);
    if (!map->is_object())
        fail(Text::tr("%1: expected an object of names and strings").arg(place));
    for (auto it = map->begin(); it != map->end(); ++it) {
        const QString key = utf8ToString(it.key());
        if (it->is_null())
            continue; // VS Code: null leaves a variable unset
        if (numbers && it->is_number())
            out.append({key, utf8ToString(it->dump())});
        else
            out.append({key, textOf(*it, at(place, key))});
    }
    return out;
}

void checkNoNul(const QString &text, const QString &where)
{
    if (text.contains(QChar(0)))
        fail(Text::tr("%1: holds a NUL character").arg(where));
}

void checkEnvironmentName(const QString &name, const QString &where)
{
    if (name.isEmpty() || name.contains(QLatin1Char('=')) || name.contains(QChar(0)))
        fail(Text::tr("%1: not a usable environment variable name").arg(where));
}

void checkHeader(const QString &name, const QString &value, const QString &nameWhere, const QString &valueWhere)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (!token.match(name).hasMatch())
        fail(Text::tr("%1: not a valid HTTP header name").arg(nameWhere));
    if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')) || value.contains(QChar(0)))
        fail(Text::tr("%1: a header value cannot hold a line break or a NUL character").arg(valueWhere));
}

/// An http or https URL with a host, or nothing.
std::optional<QUrl> webUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return std::nullopt;
    return url;
}

/// Collects what one import makes.
class Reader
{
public:
    explicit Reader(Import &out)
        : m_out(out)
    { }

    void note(const QString &text)
    {
        if (m_out.notes.size() < MaxNotes)
            m_out.notes.append(text);
        else
            ++m_suppressed;
    }

    /// Gives the connection an id made from its name and keeps it.
    void add(Connection c)
    {
        c.kind = Connection::Kind::McpServer;
        c.id = uniqueId(c.name);
        if (const QString problem = workspace_file::problemOf(c); !problem.isEmpty()) {
            // The readers make usable connections; this only guards the workspace file.
            note(Text::tr("%1: not imported: %2").arg(elided(c.name), problem));
            return;
        }
        m_out.data.connections.append(std::move(c));
    }

    void finish()
    {
        if (m_suppressed > 0)
            m_out.notes.append(Text::tr("… and %n more notes.", nullptr, m_suppressed));
    }

private:
    // Unique among the file's servers (the workspace makes them unique again
    // when they are added).
    QString uniqueId(const QString &wanted)
    {
        const QString base = idFrom(wanted, QStringLiteral("server"));
        QString id = base;
        for (int n = 2; m_ids.contains(id); ++n)
            id = QStringLiteral("%1-%2").arg(base).arg(n);
        m_ids.insert(id);
        return id;
    }

    Import &m_out;
    QSet<QString> m_ids;
    int m_suppressed = 0;
};

// ---------------------------------------------------------------------------
// JSON with comments and trailing commas

/// The bytes with // and /* */ comments and trailing commas (a comma that
/// follows a value and comes before } or ]) turned into spaces, outside
/// strings only. The length stays, so byte offsets in errors still point
/// into the file. A block comment never closed sets `unclosedAt`.
QByteArray withoutJsoncExtras(const QByteArray &in, qsizetype *unclosedAt)
{
    QByteArray out = in;
    const qsizetype n = out.size();
    char *const bytes = out.data();
    qsizetype lastSignificant = -1; // the last byte outside comments that is not white space
    char beforeComma = 0;           // the significant byte before the last comma
    bool inString = false;
    for (qsizetype i = 0; i < n;) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = false;
                lastSignificant = i;
            }
            ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && bytes[i + 1] == '/') {
            for (; i < n && bytes[i] != '\n' && bytes[i] != '\r'; ++i)
                bytes[i] = ' ';
            continue;
        }
        if (c == '/' && i + 1 < n && bytes[i + 1] == '*') {
            const qsizetype end = out.indexOf("*/", i + 2);
            if (end < 0) {
                *unclosedAt = i;
                return out;
            }
            for (; i < end + 2; ++i) {
                if (bytes[i] != '\n' && bytes[i] != '\r')
                    bytes[i] = ' ';
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if ((c == '}' || c == ']') && lastSignificant >= 0 && bytes[lastSignificant] == ',' && beforeComma != 0
            && beforeComma != '[' && beforeComma != '{' && beforeComma != ',')
            bytes[lastSignificant] = ' ';
        if (c == ',')
            beforeComma = lastSignificant >= 0 ? bytes[lastSignificant] : 0;
        if (c == '"')
            inString = true;
        lastSignificant = i;
        ++i;
    }
    return out;
}

// ---------------------------------------------------------------------------
// mcpServers (Claude Desktop, Cursor) and servers (VS Code)

struct ClientFile
{
    /// VS Code inputs: id → whether it is a password.
    QHash<QString, bool> passwordInputs;
};

/// The `${…}` variables in a value, each once, as written.
QStringList variablesIn(const QString &value)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{[^}]*\\}"));
    QStringList out;
    for (auto it = variable.globalMatch(value); it.hasNext();) {
        const QString v = it.next().captured(0);
        if (!out.contains(v))
            out.append(v);
    }
    return out;
}

void noteKept(const QString &value, const QString &where, Reader &reader)
{
    const QStringList variables = variablesIn(value);
    if (!variables.isEmpty())
        reader.note(Text::tr("%1: %2 is kept as written: Crosstalk does not fill it in; edit it before connecting.")
                        .arg(where, listed(variables)));
}

/// An environment variable's or header's value from a client's file.
NamedValue clientValue(const QString &name, const QString &value, const QString &where, const ClientFile &file,
                       Reader &reader)
{
    NamedValue v{name, value, traffic::Redactor::isSecretName(name)};
    const QStringList variables = variablesIn(value);
    if (variables.isEmpty())
        return v;
    static const QLatin1String inputPrefix("${input:");
    bool password = false;
    for (const QString &variable : variables) {
        if (variable.startsWith(inputPrefix)) {
            const QString id = variable.mid(inputPrefix.size(), variable.size() - inputPrefix.size() - 1).trimmed();
            password = password || file.passwordInputs.value(id);
        }
    }
    if (password || v.secret) {
        v.secret = true;
        v.value.clear();
        reader.note(Text::tr("%1: a secret that comes from %2, which Crosstalk cannot fill in: give its value before "
                             "connecting.")
                        .arg(where, listed(variables)));
    } else {
        noteKept(value, where, reader);
    }
    return v;
}

void readInputs(const json &container, const QString &prefix, ClientFile &file)
{
    const QString where = at(prefix, "inputs");
    const json *inputs = optionalList(container, "inputs", prefix);
    for (size_t i = 0; inputs && i < inputs->size(); ++i) {
        const json &input = inputs->at(i);
        const QString place = item(where, i);
        requireObject(input, place);
        const QString id = requiredText(input, "id", place);
        file.passwordInputs.insert(id, optionalFlag(input, "password", place));
    }
}

void readClientServer(const json &entry, const QString &name, const QString &where, const ClientFile &file,
                      Reader &reader)
{
    requireObject(entry, where);
    const std::optional<QString> type = optionalText(entry, "type", where);
    const std::optional<QString> command = optionalText(entry, "command", where);
    const std::optional<QString> url = optionalText(entry, "url", where);

    Connection c;
    c.name = name;
    if (!type) {
        c.transport = command ? Stdio : url ? Auto : QString();
    } else if (*type == Stdio) {
        c.transport = Stdio;
    } else if (*type == QLatin1String("http")) {
        c.transport = Auto;
    } else if (*type == StreamableHttp || *type == QLatin1String("streamableHttp")
               || *type == QLatin1String("streamable_http")) {
        c.transport = StreamableHttp;
    } else if (*type == Sse) {
        c.transport = Sse;
    } else {
        fail(Text::tr("%1: “%2” is not one of stdio, http, streamable-http, sse").arg(at(where, "type"), elided(*type)));
    }
    if (c.transport.isEmpty())
        fail(Text::tr("%1: needs a “command” (a program to start) or a “url”").arg(where));
    c.era = c.transport == Sse ? Legacy : Auto;

    if (c.transport == Stdio) {
        const QString commandWhere = at(where, "command");
        if (!command)
            fail(Text::tr("%1: missing").arg(commandWhere));
        if (command->trimmed().isEmpty())
            fail(Text::tr("%1: empty").arg(commandWhere));
        checkNoNul(*command, commandWhere);
        noteKept(*command, commandWhere, reader);
        c.command = *command;
        c.arguments = textList(entry, "args", where);
        for (qsizetype i = 0; i < c.arguments.size(); ++i) {
            const QString place = item(at(where, "args"), size_t(i));
            checkNoNul(c.arguments.at(i), place);
            noteKept(c.arguments.at(i), place, reader);
        }
        for (const auto &[key, value] : textMap(entry, "env", where, true)) {
            const QString place = at(at(where, "env"), key);
            checkEnvironmentName(key, place);
            checkNoNul(value, place);
            c.environment.append(clientValue(key, value, place, file, reader));
        }
        if (const std::optional<QString> cwd = optionalText(entry, "cwd", where)) {
            checkNoNul(*cwd, at(where, "cwd"));
            noteKept(*cwd, at(where, "cwd"), reader);
            c.workingDirectory = *cwd;
        }
        if (const std::optional<QString> envFile = optionalText(entry, "envFile", where))
            reader.note(Text::tr("%1: Crosstalk does not read environment files: the variables in %2 were not "
                                 "imported.")
                            .arg(at(where, "envFile"), listed({*envFile})));
    } else {
        const QString urlWhere = at(where, "url");
        if (!url)
            fail(Text::tr("%1: missing").arg(urlWhere));
        for (const auto &[key, value] : textMap(entry, "headers", where, false)) {
            const QString place = at(at(where, "headers"), key);
            checkHeader(key, value, place, place);
            c.headers.append(clientValue(key, value, place, file, reader));
        }
        if (const QStringList variables = variablesIn(*url); !variables.isEmpty()) {
            reader.note(Text::tr("%1: not imported: its URL holds %2, which Crosstalk cannot fill in.")
                            .arg(where, listed(variables)));
            return;
        }
        const std::optional<QUrl> web = webUrl(*url);
        if (!web) {
            reader.note(Text::tr("%1: not imported: %2 is not an http or https URL.").arg(where, listed({*url})));
            return;
        }
        c.url = *web;
    }
    reader.add(std::move(c));
}

void readClientFile(const json &root, Format format, Reader &reader)
{
    const char *key = format == Format::VsCode ? "servers" : "mcpServers";
    const json *container = &root;
    QString prefix;
    if (format == Format::VsCode && !json_fields::member(root, "servers")) {
        // A user settings.json: {"mcp": {"servers": …, "inputs": …}}
        const json *mcp = json_fields::member(root, "mcp");
        if (mcp && json_fields::member(*mcp, "servers")) {
            container = mcp;
            prefix = QStringLiteral("mcp");
        }
    }
    const QString where = at(prefix, key);
    const json *servers = json_fields::member(*container, key);
    if (!servers)
        fail(Text::tr("%1: missing: the file is not a %2 configuration").arg(where, formatName(format)));
    if (!servers->is_object())
        fail(Text::tr("%1: expected an object of names and servers").arg(where));
    if (servers->size() > size_t(MaxServers))
        fail(Text::tr("%1: more than %2 servers").arg(where).arg(MaxServers));
    ClientFile file;
    if (format == Format::VsCode)
        readInputs(*container, prefix, file);
    for (auto it = servers->begin(); it != servers->end(); ++it) {
        const QString name = utf8ToString(it.key());
        readClientServer(*it, name, at(where, name), file, reader);
    }
}

// ---------------------------------------------------------------------------
// server.json

/// Variables of an input: name → value (or default), nothing when neither.
using Variables = QHash<QString, std::optional<QString>>;

Variables readVariables(const json &object, const QString &where)
{
    Variables out;
    const json *variables = json_fields::member(object, "variables");
    if (!variables)
        return out;
    const QString place = at(where, "variables");
    requireObject(*variables, place);
    for (auto it = variables->begin(); it != variables->end(); ++it) {
        const QString name = utf8ToString(it.key());
        const QString variableWhere = at(place, name);
        requireObject(*it, variableWhere);
        std::optional<QString> value = optionalText(*it, "value", variableWhere);
        if (!value)
            value = optionalText(*it, "default", variableWhere);
        out.insert(name, value);
    }
    return out;
}

/// `{name}` replaced by its variable's value. A variable without a value
/// stays as written and is listed in `unfilled`; so is every other name when
/// `everyName` (a URL template), else it is plain text (the schema: an
/// identifier not in `variables` remains unchanged).
QString filledIn(const QString &text, const Variables &variables, bool everyName, QStringList *unfilled)
{
    static const QRegularExpression name(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString out;
    qsizetype done = 0;
    for (auto it = name.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(done, m.capturedStart() - done);
        done = m.capturedEnd();
        const auto variable = variables.constFind(m.captured(1));
        if (variable != variables.constEnd() && variable->has_value()) {
            out += **variable;
            continue;
        }
        out += m.captured(0);
        if ((variable != variables.constEnd() || everyName) && !unfilled->contains(m.captured(0)))
            unfilled->append(m.captured(0));
    }
    out += QStringView(text).mid(done);
    return out;
}

/// An Input of server.json (an argument, environment variable or header).
struct InputValue
{
    std::optional<QString> text; ///< its value or default, variables filled in
    QStringList unfilled;        ///< "{name}" variables without a value
    bool required = false;
    bool secret = false;
    QString description;
};

InputValue readInput(const json &input, const QString &where)
{
    InputValue r;
    r.required = optionalFlag(input, "isRequired", where);
    r.secret = optionalFlag(input, "isSecret", where);
    r.description = optionalText(input, "description", where).value_or(QString());
    std::optional<QString> raw = optionalText(input, "value", where);
    if (!raw)
        raw = optionalText(input, "default", where);
    const Variables variables = readVariables(input, where);
    if (raw)
        r.text = filledIn(*raw, variables, false, &r.unfilled);
    return r;
}

/// Environment variables or headers (KeyValueInput lists) of server.json.
void readKeyValues(const json &object, const char *member, const QString &where, bool headers, QList<NamedValue> *out,
                   Variables *known, Reader &reader)
{
    const json *list = optionalList(object, member, where);
    const QString listWhere = at(where, member);
    for (size_t i = 0; list && i < list->size(); ++i) {
        const json &input = list->at(i);
        const QString place = item(listWhere, i);
        requireObject(input, place);
        const QString name = requiredText(input, "name", place);
        const InputValue in = readInput(input, place);
        if (headers)
            checkHeader(name, in.text.value_or(QString()), at(place, "name"), place);
        else
            checkEnvironmentName(name, at(place, "name"));
        checkNoNul(in.text.value_or(QString()), place);
        NamedValue v{name, in.text.value_or(QString()), in.secret || traffic::Redactor::isSecretName(name)};
        if (!in.text) {
            if (!in.required)
                continue; // optional and without a value: nothing to set
            reader.note(v.secret ? Text::tr("%1: the secret %2 needs a value%3: give it before connecting.")
                                       .arg(place, elided(name), described(in.description))
                                 : Text::tr("%1: %2 needs a value%3: edit the server before connecting.")
                                       .arg(place, elided(name), described(in.description)));
        } else if (!in.unfilled.isEmpty()) {
            if (v.secret) {
                v.value.clear();
                reader.note(Text::tr("%1: the secret %2 needs %3 filled in: give its value before connecting.")
                                .arg(place, elided(name), listed(in.unfilled)));
            } else {
                reader.note(Text::tr("%1: %2 is kept as written: fill it in before connecting.")
                                .arg(place, listed(in.unfilled)));
            }
        }
        if (known && in.text && in.unfilled.isEmpty())
            known->insert(name, *in.text);
        out->append(v);
    }
}

QString withoutDashes(QString name)
{
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name;
}

/// Runtime or package arguments of server.json.
void readArguments(const json &object, const char *member, const QString &where, QStringList *args, Variables *known,
                   Reader &reader)
{
    const json *list = optionalList(object, member, where);
    const QString listWhere = at(where, member);
    for (size_t i = 0; list && i < list->size(); ++i) {
        const json &argument = list->at(i);
        const QString place = item(listWhere, i);
        requireObject(argument, place);
        const QString type = requiredText(argument, "type", place);
        const std::optional<QString> valueHint = optionalText(argument, "valueHint", place);
        const InputValue in = readInput(argument, place);
        QString flag;
        if (type == QLatin1String("named")) {
            flag = requiredText(argument, "name", place);
            checkNoNul(flag, at(place, "name"));
        } else if (type != QLatin1String("positional")) {
            fail(Text::tr("%1: “%2” is not positional or named").arg(at(place, "type"), elided(type)));
        }
        const QString label = valueHint.value_or(flag.isEmpty() ? QStringLiteral("value") : withoutDashes(flag));
        QString value;
        if (in.text) {
            value = *in.text;
            checkNoNul(value, place);
            if (!in.unfilled.isEmpty())
                reader.note(Text::tr("%1: %2 is kept as written: fill it in before connecting.")
                                .arg(place, listed(in.unfilled)));
            else if (known) {
                known->insert(label, value);
                if (!flag.isEmpty())
                    known->insert(withoutDashes(flag), value);
            }
        } else if (in.required) {
            value = QLatin1Char('{') + label + QLatin1Char('}');
            reader.note(Text::tr("%1: %2 needs a value%3: edit the arguments before connecting.")
                            .arg(place, listed({value}), described(in.description)));
        } else {
            continue; // optional and without a value: left out
        }
        if (!flag.isEmpty())
            args->append(flag);
        args->append(value);
    }
}

QString defaultCommand(const QString &registryType)
{
    if (registryType == QLatin1String("npm"))
        return QStringLiteral("npx");
    if (registryType == QLatin1String("pypi"))
        return QStringLiteral("uvx");
    if (registryType == QLatin1String("oci"))
        return QStringLiteral("docker");
    if (registryType == QLatin1String("nuget"))
        return QStringLiteral("dnx");
    return {};
}

/// The package as its registry's runner names it.
QString packageSpec(const QString &registryType, const QString &identifier, const std::optional<QString> &version)
{
    const bool versioned = version && !version->isEmpty();
    if (registryType == QLatin1String("npm") || registryType == QLatin1String("nuget"))
        return versioned ? identifier + QLatin1Char('@') + *version : identifier;
    if (registryType == QLatin1String("pypi"))
        return versioned ? identifier + QStringLiteral("==") + *version : identifier;
    if (registryType == QLatin1String("oci")) {
        // Since the 2025-10-11 schema the identifier holds the tag ("ghcr.io/o/r:v1").
        const QString last = identifier.section(QLatin1Char('/'), -1);
        const bool tagged = last.contains(QLatin1Char(':')) || identifier.contains(QLatin1Char('@'));
        return versioned && !tagged ? identifier + QLatin1Char(':') + *version : identifier;
    }
    return identifier;
}

QString serverTransport(const QString &type, const QString &where, bool stdioToo)
{
    if ((stdioToo && type == Stdio) || type == StreamableHttp || type == Sse)
        return type;
    fail(stdioToo ? Text::tr("%1: “%2” is not one of stdio, streamable-http, sse").arg(where, elided(type))
                  : Text::tr("%1: “%2” is not one of streamable-http, sse").arg(where, elided(type)));
}

/// The URL of a package's or remote's HTTP transport, or nothing (noted).
std::optional<QUrl> transportUrl(const QString &text, const Variables &variables, const QString &where, Reader &reader)
{
    QStringList unfilled;
    const QString filled = filledIn(text, variables, true, &unfilled);
    if (!unfilled.isEmpty()) {
        reader.note(Text::tr("%1: not imported: its URL needs %2 filled in.").arg(where, listed(unfilled)));
        return std::nullopt;
    }
    const std::optional<QUrl> url = webUrl(filled);
    if (!url)
        reader.note(Text::tr("%1: not imported: %2 is not an http or https URL.").arg(where, listed({filled})));
    return url;
}

void readPackage(const json &package, const QString &where, const QString &name, Reader &reader)
{
    requireObject(package, where);
    const QString registryType = requiredText(package, "registryType", where);
    const QString identifier = requiredText(package, "identifier", where);
    const std::optional<QString> version = optionalText(package, "version", where);
    const QString runtimeHint = optionalText(package, "runtimeHint", where).value_or(QString()).trimmed();
    const json *transport = json_fields::member(package, "transport");
    const QString transportWhere = at(where, "transport");
    if (transport)
        requireObject(*transport, transportWhere);
    const QString type = transport ? serverTransport(requiredText(*transport, "type", transportWhere),
                                                     at(transportWhere, "type"), true)
                                   : Stdio;
    checkNoNul(identifier, at(where, "identifier"));
    checkNoNul(runtimeHint, at(where, "runtimeHint"));

    if (registryType == QLatin1String("mcpb")) {
        reader.note(Text::tr("%1: not imported: an MCP bundle (.mcpb) is installed by a client that supports "
                             "bundles.")
                        .arg(where));
        return;
    }
    const QString command = runtimeHint.isEmpty() ? defaultCommand(registryType) : runtimeHint;
    if (command.isEmpty()) {
        reader.note(Text::tr("%1: not imported: Crosstalk does not know how to run a %2 package.")
                        .arg(where, listed({registryType})));
        return;
    }

    Connection c;
    c.name = name;
    c.command = command;
    Variables known; // what a transport URL may refer to
    QStringList args;
    if (command == QLatin1String("npx"))
        args << QStringLiteral("-y");
    else if (command == QLatin1String("docker") || command == QLatin1String("podman"))
        args << QStringLiteral("run") << QStringLiteral("-i") << QStringLiteral("--rm");
    readArguments(package, "runtimeArguments", where, &args, &known, reader);
    readKeyValues(package, "environmentVariables", where, false, &c.environment, &known, reader);
    if (command == QLatin1String("docker") || command == QLatin1String("podman")) {
        for (const NamedValue &v : std::as_const(c.environment))
            args << QStringLiteral("-e") << v.name; // passed on from the runner's environment
    }
    args << packageSpec(registryType, identifier, version);
    QStringList packageArgs;
    readArguments(package, "packageArguments", where, &packageArgs, &known, reader);
    if (command == QLatin1String("dnx")) {
        args << QStringLiteral("--yes");
        if (!packageArgs.isEmpty())
            args << QStringLiteral("--");
    }
    args += packageArgs;
    c.arguments = args;

    if (type == Stdio) {
        c.transport = Stdio;
    } else {
        readKeyValues(*transport, "headers", transportWhere, true, &c.headers, nullptr, reader);
        const std::optional<QUrl> url
            = transportUrl(requiredText(*transport, "url", transportWhere), known, transportWhere, reader);
        if (!url)
            return;
        c.transport = type;
        c.url = *url;
        reader.note(Text::tr("%1: the package serves MCP at %2 once started with “%3”: Crosstalk connects to the URL "
                             "and does not start it.")
                        .arg(where, url->toString(), shellCommandLine(QStringList{command} + args)));
    }
    c.era = c.transport == Sse ? Legacy : Auto;
    reader.add(std::move(c));
}

void readRemote(const json &remote, const QString &where, const QString &name, Reader &reader)
{
    requireObject(remote, where);
    Connection c;
    c.name = name;
    c.transport = serverTransport(requiredText(remote, "type", where), at(where, "type"), false);
    c.era = c.transport == Sse ? Legacy : Auto;
    const QString urlText = requiredText(remote, "url", where);
    const Variables variables = readVariables(remote, where);
    readKeyValues(remote, "headers", where, true, &c.headers, nullptr, reader);
    const std::optional<QUrl> url = transportUrl(urlText, variables, where, reader);
    if (!url)
        return;
    c.url = *url;
    reader.add(std::move(c));
}

void readServerJson(const json &root, Reader &reader)
{
    const QString serverName = requiredText(root, "name", QString());
    const QString title = optionalText(root, "title", QString()).value_or(QString()).trimmed();
    const QString base = title.isEmpty() ? serverName : title;
    const json *packages = optionalList(root, "packages", QString());
    const json *remotes = optionalList(root, "remotes", QString());
    const size_t count = (packages ? packages->size() : 0) + (remotes ? remotes->size() : 0);
    if (count == 0)
        fail(Text::tr("The server.json lists no “packages” and no “remotes”."));
    if (count > size_t(MaxServers))
        fail(Text::tr("packages, remotes: more than %1 servers").arg(MaxServers));
    const auto named = [&](const QString &label) {
        return count > 1 ? QStringLiteral("%1 (%2)").arg(base, label) : base;
    };
    for (size_t i = 0; packages && i < packages->size(); ++i) {
        const json &package = packages->at(i);
        const QString label = package.is_object() ? json_fields::text(package, "registryType") : QString();
        readPackage(package, item(QStringLiteral("packages"), i), named(label), reader);
    }
    for (size_t i = 0; remotes && i < remotes->size(); ++i) {
        const json &remote = remotes->at(i);
        const QString type = remote.is_object() ? json_fields::text(remote, "type") : QString();
        readRemote(remote, item(QStringLiteral("remotes"), i), named(QStringLiteral("remote, %1").arg(type)), reader);
    }
}

// ---------------------------------------------------------------------------

Format detect(const json &root, const QString &fileName)
{
    if (json_fields::member(root, "name")
        && (json_fields::member(root, "packages") || json_fields::member(root, "remotes")))
        return Format::ServerJson;
    if (json_fields::member(root, "mcpServers")) {
        static const QRegularExpression separator(QStringLiteral("[/\\\\]"));
        const QStringList folders = fileName.split(separator);
        return folders.contains(QLatin1String(".cursor")) ? Format::Cursor : Format::ClaudeDesktop;
    }
    if (json_fields::member(root, "servers"))
        return Format::VsCode;
    if (const json *mcp = json_fields::member(root, "mcp"); mcp && json_fields::member(*mcp, "servers"))
        return Format::VsCode;
    return Format::Auto;
}

} // namespace

std::optional<Import> parse(const QByteArray &bytes, Format format, QString *error, const QString &fileName)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (bytes.size() > workspace_file::MaxBytes) {
        *error = Text::tr("The file is larger than %1 MiB.").arg(workspace_file::MaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    qsizetype unclosedAt = -1;
    const QByteArray text = withoutJsoncExtras(bytes, &unclosedAt);
    if (unclosedAt >= 0) {
        *error = Text::tr("The file is not JSON (at byte %1: a comment that is never closed).").arg(unclosedAt);
        return std::nullopt;
    }
    if (text.trimmed().isEmpty()) {
        *error = Text::tr("The file is empty.");
        return std::nullopt;
    }
    JsonReadError readError;
    const std::optional<json> root = readJson(text, MaxDepth, &readError);
    if (!root) {
        *error = readError.kind == JsonReadError::Kind::TooDeep
            ? Text::tr("The file is nested too deeply (at %1).").arg(elided(utf8ToString(readError.pointer), 200))
            : Text::tr("The file is not JSON (at byte %1: %2).").arg(readError.offset).arg(readError.detail);
        return std::nullopt;
    }
    if (!root->is_object()) {
        *error = Text::tr("The file is not an MCP configuration: it does not hold a JSON object.");
        return std::nullopt;
    }
    const Format chosen = format == Format::Auto ? detect(*root, fileName) : format;
    if (chosen == Format::Auto) {
        *error = Text::tr("The file is not an MCP configuration Crosstalk knows: it has no “mcpServers” (Claude "
                          "Desktop, Cursor), no “servers” (VS Code) and no “name” with “packages” or “remotes” "
                          "(server.json).");
        return std::nullopt;
    }
    Import out;
    out.format = chosen;
    Reader reader(out);
    try {
        if (chosen == Format::ServerJson)
            readServerJson(*root, reader);
        else
            readClientFile(*root, chosen, reader);
    } catch (const BadFile &bad) {
        *error = bad.message;
        return std::nullopt;
    } catch (const json::exception &e) {
        // Types are checked before every read; this only guards.
        *error = Text::tr("The file could not be read (%1).").arg(elided(QString::fromUtf8(e.what()), 200));
        return std::nullopt;
    }
    reader.finish();
    return out;
}

QByteArray exportMcpServers(const WorkspaceData &data, QStringList *omitted)
{
    using ordered_json = nlohmann::ordered_json;
    QStringList ignored;
    if (!omitted)
        omitted = &ignored;
    const auto isSecret = [](const NamedValue &v) { return v.isSecret(); };
    ordered_json servers = ordered_json::object();
    QSet<QString> keys;
    for (const Connection &c : data.connections) {
        if (c.kind != Connection::Kind::McpServer)
            continue;
        const QString wanted = c.name.isEmpty() ? c.id : c.name;
        QString key = wanted;
        for (int n = 2; keys.contains(key); ++n)
            key = QStringLiteral("%1-%2").arg(wanted).arg(n);
        keys.insert(key);
        ordered_json entry = ordered_json::object();
        if (c.transport == Stdio) {
            entry["command"] = c.command.toStdString();
            ordered_json args = ordered_json::array();
            for (const QString &a : c.arguments)
                args.push_back(a.toStdString());
            entry["args"] = std::move(args);
            ordered_json env = ordered_json::object();
            for (const NamedValue &v : c.environment) {
                if (isSecret(v))
                    omitted->append(key + QStringLiteral(".env.") + v.name);
                else
                    env[v.name.toStdString()] = v.value.toStdString();
            }
            if (!env.empty())
                entry["env"] = std::move(env);
            if (!c.workingDirectory.isEmpty())
                entry["cwd"] = c.workingDirectory.toStdString();
        } else {
            entry["type"] = c.transport == Sse ? "sse" : "http";
            QUrl url = c.url;
            if (!url.password().isEmpty()) {
                url.setPassword(QString());
                omitted->append(key + QStringLiteral(".url"));
            }
            entry["url"] = url.toString(QUrl::FullyEncoded).toStdString();
            ordered_json headers = ordered_json::object();
            for (const NamedValue &v : c.headers) {
                if (isSecret(v))
                    omitted->append(key + QStringLiteral(".headers.") + v.name);
                else
                    headers[v.name.toStdString()] = v.value.toStdString();
            }
            if (!headers.empty())
                entry["headers"] = std::move(headers);
        }
        servers[key.toStdString()] = std::move(entry);
    }
    ordered_json root = ordered_json::object();
    root["mcpServers"] = std::move(servers);
    return QByteArray::fromStdString(root.dump(2, ' ', false, ordered_json::error_handler_t::replace)) + '\n';
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Auto:
        return Text::tr("Detected from the content");
    case Format::ClaudeDesktop:
        return QStringLiteral("Claude Desktop");
    case Format::VsCode:
        return QStringLiteral("VS Code");
    case Format::Cursor:
        return QStringLiteral("Cursor");
    case Format::ServerJson:
        return Text::tr("MCP registry server.json");
    }
    return {};
}

} // namespace crosstalk::workspace::mcp_config
