#include "workspace/Workspace.h"

#include "traffic/Redactor.h"
#include "util/BoundedJson.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace crosstalk::workspace {

bool NamedValue::isSecret() const
{
    return secret || traffic::Redactor::isSecretName(name);
}

using nlohmann::json;

namespace workspace_file {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("crosstalk::workspace::workspace_file", text);
}

const QStringList transports{QStringLiteral("stdio"), QStringLiteral("auto"), QStringLiteral("streamable-http"),
                             QStringLiteral("sse")};
const QStringList eras{QStringLiteral("auto"), QStringLiteral("legacy"), QStringLiteral("modern")};

/// Reads a member that must be a string when present.
bool readText(const json &object, const char *name, const QString &where, QString *out, QString *error)
{
    const json *value = json_fields::member(object, name);
    if (!value)
        return true;
    if (!value->is_string()) {
        *error = tr("%1.%2: expected a string").arg(where, QLatin1String(name));
        return false;
    }
    *out = utf8ToString(value->get_ref<const std::string &>());
    return true;
}

bool readNamedValues(const json &object, const char *name, const QString &where, QList<NamedValue> *out, QString *error)
{
    const json *list = json_fields::member(object, name);
    if (!list)
        return true;
    if (!list->is_array()) {
        *error = tr("%1.%2: expected a list").arg(where, QLatin1String(name));
        return false;
    }
    for (size_t i = 0; i < list->size(); ++i) {
        const json &item = list->at(i);
        const QString itemWhere = QStringLiteral("%1.%2[%3]").arg(where, QLatin1String(name)).arg(i);
        if (!item.is_object()) {
            *error = tr("%1: expected an object with a name and a value").arg(itemWhere);
            return false;
        }
        NamedValue v;
        if (!readText(item, "name", itemWhere, &v.name, error) || !readText(item, "value", itemWhere, &v.value, error))
            return false;
        if (v.name.isEmpty()) {
            *error = tr("%1.name: missing").arg(itemWhere);
            return false;
        }
        v.secret = json_fields::flag(item, "secret");
        if (v.secret)
            v.value.clear(); // a secret's value is never taken from a file
        out->append(v);
    }
    return true;
}

json namedValues(const QList<NamedValue> &values)
{
    json list = json::array();
    for (const NamedValue &v : values) {
        if (v.isSecret())
            list.push_back({{"name", v.name.toStdString()}, {"secret", true}});
        else
            list.push_back({{"name", v.name.toStdString()}, {"value", v.value.toStdString()}});
    }
    return list;
}

} // namespace

QString problemOf(const Connection &c)
{
    const auto isWeb = [](const QUrl &url) {
        return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            && !url.host().isEmpty();
    };
    if (c.id.isEmpty())
        return tr("it has no id");
    if (c.kind == Connection::Kind::Agent) {
        if (!isWeb(c.url))
            return tr("the agent's URL is not an http or https URL");
        return {};
    }
    if (!transports.contains(c.transport))
        return tr("the transport “%1” is not one of stdio, auto, streamable-http, sse").arg(c.transport);
    if (!eras.contains(c.era))
        return tr("the era “%1” is not one of auto, legacy, modern").arg(c.era);
    if (c.transport == QLatin1String("stdio")) {
        if (c.command.trimmed().isEmpty())
            return tr("a stdio server needs a command");
    } else if (!isWeb(c.url)) {
        return tr("the server's URL is not an http or https URL");
    }
    return {};
}

std::optional<WorkspaceData> parse(const QByteArray &bytes, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (bytes.size() > MaxBytes) {
        *error = tr("The file is larger than %1 MiB.").arg(MaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    JsonReadError readError;
    const std::optional<json> root = readJson(bytes, 32, &readError);
    if (!root) {
        *error = readError.kind == JsonReadError::Kind::TooDeep
            ? tr("The file is nested too deeply (at %1).").arg(QString::fromStdString(readError.pointer))
            : tr("The file is not JSON (at byte %1: %2).").arg(readError.offset).arg(readError.detail);
        return std::nullopt;
    }
    if (!root->is_object() || json_fields::text(*root, "format") != QLatin1String("crosstalk-workspace")) {
        *error = tr("The file is not a Crosstalk workspace (its “format” is not “crosstalk-workspace”).");
        return std::nullopt;
    }
    const json *version = json_fields::member(*root, "version");
    if (!version || !version->is_number_integer() || version->get<int>() < 1) {
        *error = tr("version: expected a whole number of 1 or more");
        return std::nullopt;
    }
    if (version->get<int>() > Version) {
        *error = tr("The workspace was written by a newer Crosstalk (file version %1; this one reads %2).")
                     .arg(version->get<int>())
                     .arg(Version);
        return std::nullopt;
    }
    WorkspaceData data;
    if (!readText(*root, "name", QStringLiteral("workspace"), &data.name, error))
        return std::nullopt;
    const json *connections = json_fields::member(*root, "connections");
    if (connections && !connections->is_array()) {
        *error = tr("connections: expected a list");
        return std::nullopt;
    }
    QStringList ids;
    for (size_t i = 0; connections && i < connections->size(); ++i) {
        const json &item = connections->at(i);
        const QString where = QStringLiteral("connections[%1]").arg(i);
        if (!item.is_object()) {
            *error = tr("%1: expected an object").arg(where);
            return std::nullopt;
        }
        Connection c;
        QString kind;
        QString url;
        if (!readText(item, "id", where, &c.id, error) || !readText(item, "kind", where, &kind, error)
            || !readText(item, "name", where, &c.name, error) || !readText(item, "url", where, &url, error)
            || !readText(item, "transport", where, &c.transport, error) || !readText(item, "era", where, &c.era, error)
            || !readText(item, "command", where, &c.command, error)
            || !readText(item, "workingDirectory", where, &c.workingDirectory, error)
            || !readNamedValues(item, "environment", where, &c.environment, error)
            || !readNamedValues(item, "headers", where, &c.headers, error)
            || !readText(item, "oauthClientId", where, &c.oauthClientId, error)
            || !readText(item, "signIn", where, &c.signIn, error))
            return std::nullopt;
        if (const json *oauth = json_fields::member(item, "oauth")) {
            if (!oauth->is_boolean()) {
                *error = tr("%1.oauth: expected true or false").arg(where);
                return std::nullopt;
            }
            c.oauth = oauth->get<bool>();
        }
        if (const json *names = json_fields::member(item, "signInCredentials")) {
            if (!names->is_object() || names->size() > 64) {
                *error = tr("%1.signInCredentials: expected an object of at most 64 scheme names and credential names")
                             .arg(where);
                return std::nullopt;
            }
            for (const auto &[scheme, credential] : names->items()) {
                if (!credential.is_string()) {
                    *error = tr("%1.signInCredentials.%2: expected a credential's name")
                                 .arg(where, utf8ToString(scheme).left(40));
                    return std::nullopt;
                }
                c.signInCredentials.insert(utf8ToString(scheme), utf8ToString(credential.get_ref<const std::string &>()));
            }
        }
        if (kind == QLatin1String("agent")) {
            c.kind = Connection::Kind::Agent;
        } else if (kind == QLatin1String("mcp")) {
            c.kind = Connection::Kind::McpServer;
        } else {
            *error = tr("%1.kind: expected “agent” or “mcp”, found “%2”").arg(where, kind.left(40));
            return std::nullopt;
        }
        c.url = QUrl(url, QUrl::StrictMode);
        if (const json *arguments = json_fields::member(item, "arguments")) {
            if (!arguments->is_array()) {
                *error = tr("%1.arguments: expected a list of strings").arg(where);
                return std::nullopt;
            }
            for (const json &a : *arguments) {
                if (!a.is_string()) {
                    *error = tr("%1.arguments: expected a list of strings").arg(where);
                    return std::nullopt;
                }
                c.arguments.append(utf8ToString(a.get_ref<const std::string &>()));
            }
        }
        if (const QString problem = problemOf(c); !problem.isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(where, problem);
            return std::nullopt;
        }
        if (ids.contains(c.id)) {
            *error = tr("%1.id: “%2” is used twice").arg(where, c.id);
            return std::nullopt;
        }
        ids.append(c.id);
        data.connections.append(c);
    }
    return data;
}

json toJson(const WorkspaceData &data)
{
    json connections = json::array();
    for (const Connection &c : data.connections) {
        json item{{"id", c.id.toStdString()}, {"kind", c.kind == Connection::Kind::Agent ? "agent" : "mcp"}};
        if (!c.name.isEmpty())
            item["name"] = c.name.toStdString();
        if (c.kind == Connection::Kind::Agent) {
            item["url"] = c.url.toString(QUrl::FullyEncoded).toStdString();
            if (!c.signIn.isEmpty())
                item["signIn"] = c.signIn.toStdString();
            if (!c.signInCredentials.isEmpty()) {
                json names = json::object();
                for (auto it = c.signInCredentials.cbegin(); it != c.signInCredentials.cend(); ++it)
                    names[it.key().toStdString()] = it.value().toStdString();
                item["signInCredentials"] = std::move(names);
            }
        } else {
            item["transport"] = c.transport.toStdString();
            item["era"] = c.era.toStdString();
            if (c.transport == QLatin1String("stdio")) {
                item["command"] = c.command.toStdString();
                json arguments = json::array();
                for (const QString &a : c.arguments)
                    arguments.push_back(a.toStdString());
                item["arguments"] = std::move(arguments);
                item["environment"] = namedValues(c.environment);
                if (!c.workingDirectory.isEmpty())
                    item["workingDirectory"] = c.workingDirectory.toStdString();
            } else {
                item["url"] = c.url.toString(QUrl::FullyEncoded).toStdString();
                item["headers"] = namedValues(c.headers);
                item["oauth"] = c.oauth;
                if (!c.oauthClientId.isEmpty())
                    item["oauthClientId"] = c.oauthClientId.toStdString();
            }
        }
        connections.push_back(std::move(item));
    }
    json root{{"format", "crosstalk-workspace"}, {"version", Version}, {"connections", std::move(connections)}};
    if (!data.name.isEmpty())
        root["name"] = data.name.toStdString();
    return root;
}

QByteArray serialize(const WorkspaceData &data)
{
    return QByteArray::fromStdString(toJson(data).dump(2, ' ', false, json::error_handler_t::replace)) + '\n';
}

} // namespace workspace_file

Workspace::Workspace(QObject *parent)
    : QObject(parent)
{
}

int Workspace::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_data.connections.size(); ++i) {
        if (m_data.connections.at(i).id == id)
            return int(i);
    }
    return -1;
}

const Connection *Workspace::connection(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_data.connections.at(i);
}

void Workspace::reset(WorkspaceData data)
{
    emit aboutToReset();
    m_data = std::move(data);
    emit wasReset();
    emit changed();
}

QString idFrom(const QString &wanted, const QString &fallback)
{
    static const QRegularExpression others(QStringLiteral("[^a-z0-9]+"));
    QString base = wanted.toLower();
    base.replace(others, QStringLiteral("-"));
    base = base.left(48);
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return base.isEmpty() ? fallback : base;
}

QString Workspace::uniqueId(const QString &wanted) const
{
    const QString base = idFrom(wanted, QStringLiteral("connection"));
    QString id = base;
    for (int n = 2; indexOf(id) >= 0; ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

QString Workspace::add(Connection connection)
{
    connection.id = uniqueId(connection.id.isEmpty() ? (connection.name.isEmpty() ? connection.url.host() : connection.name)
                                                     : connection.id);
    emit aboutToAdd(connection);
    m_data.connections.append(connection);
    emit added(connection.id);
    emit changed();
    return connection.id;
}

int Workspace::merge(const WorkspaceData &other)
{
    for (const Connection &c : other.connections)
        add(c);
    return int(other.connections.size());
}

bool Workspace::update(const Connection &connection)
{
    const int i = indexOf(connection.id);
    if (i < 0 || m_data.connections.at(i).kind != connection.kind)
        return false;
    if (m_data.connections.at(i) == connection)
        return true;
    m_data.connections[i] = connection;
    emit updated(connection.id);
    emit changed();
    return true;
}

bool Workspace::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    emit aboutToRemove(id);
    m_data.connections.removeAt(i);
    emit removed(id);
    emit changed();
    return true;
}

void Workspace::setName(const QString &name)
{
    if (name == m_data.name)
        return;
    m_data.name = name;
    emit changed();
}

} // namespace crosstalk::workspace
