// MCP server lists from other tools' files (Claude Desktop, VS Code, Cursor,
// the registry's server.json) made into connections, with the notes and
// errors people see, and the workspace exported as mcpServers without secrets.
#include "workspace/McpConfig.h"

#include <QTest>

using namespace crosstalk::workspace;
using namespace crosstalk::workspace::mcp_config;
using nlohmann::json;

// Declared before the samples: moc does not read raw strings that hold "//".
class TestMcpConfig : public QObject
{
    Q_OBJECT

private slots:
    void claudeDesktop();
    void vsCode();
    void vsCodeSettings();
    void cursorRemote();
    void serverJson();
    void serverJsonOtherPackages();
    void formatDetection_data();
    void formatDetection();
    void commentsAndTrailingCommas_data();
    void commentsAndTrailingCommas();
    void badFilesNameTheProblem_data();
    void badFilesNameTheProblem();
    void idsAreUnique();
    void importsAreUsable();
    void longNamesAreShortenedInMessages();
    void notesAreBounded();
    void exportRoundTripKeepsAllButSecrets();
    void exportShape();
    void brokenBytesNeverCrash();
};

namespace {

QString describe(const NamedValue &v)
{
    return QStringLiteral("%1=%2%3").arg(v.name, v.value, v.secret ? QStringLiteral(" (secret)") : QString());
}

/// Every field of a connection, one line each: QCOMPARE on the lists names
/// the first line that differs.
QStringList describe(const Connection &c)
{
    QStringList lines{QStringLiteral("id: ") + c.id,
                      QStringLiteral("kind: ") + (c.kind == Connection::Kind::Agent ? QStringLiteral("agent") : QStringLiteral("mcp")),
                      QStringLiteral("name: ") + c.name,
                      QStringLiteral("url: ") + c.url.toString(),
                      QStringLiteral("transport: ") + c.transport,
                      QStringLiteral("era: ") + c.era,
                      QStringLiteral("command: ") + c.command,
                      QStringLiteral("arguments: ") + c.arguments.join(QStringLiteral(" | ")),
                      QStringLiteral("cwd: ") + c.workingDirectory};
    for (const NamedValue &v : c.environment)
        lines.append(QStringLiteral("env: ") + describe(v));
    for (const NamedValue &v : c.headers)
        lines.append(QStringLiteral("header: ") + describe(v));
    return lines;
}

QStringList describe(const QList<Connection> &list)
{
    QStringList out;
    for (const Connection &c : list)
        out << describe(c) << QStringLiteral("--");
    return out;
}

Connection stdioServer(const QString &id, const QString &name, const QString &command, const QStringList &arguments,
                       const QList<NamedValue> &environment = {}, const QString &cwd = {})
{
    Connection c;
    c.id = id;
    c.kind = Connection::Kind::McpServer;
    c.name = name;
    c.command = command;
    c.arguments = arguments;
    c.environment = environment;
    c.workingDirectory = cwd;
    return c;
}

Connection remoteServer(const QString &id, const QString &name, const QString &transport, const QString &url,
                        const QList<NamedValue> &headers = {})
{
    Connection c;
    c.id = id;
    c.kind = Connection::Kind::McpServer;
    c.name = name;
    c.transport = transport;
    c.era = transport == QLatin1String("sse") ? QStringLiteral("legacy") : QStringLiteral("auto");
    c.url = QUrl(url);
    c.headers = headers;
    return c;
}

NamedValue value(const QString &name, const QString &text, bool secret = false)
{
    return NamedValue{name, text, secret};
}

// claude_desktop_config.json as Claude Desktop's and the MCP quickstart's
// documentation show it, with remote entries as other clients write them.
const QByteArray claudeSample = R"({
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/username/Desktop",
        "/Users/username/Downloads"
      ]
    },
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": {
        "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_claudeSample123"
      }
    },
    "sqlite": {
      "command": "uvx",
      "args": ["mcp-server-sqlite", "--db-path", "/Users/username/test.db"],
      "env": { "LOG_LEVEL": "debug", "PORT": 8080 },
      "cwd": "/Users/username"
    },
    "linear": { "type": "sse", "url": "https://mcp.linear.app/sse" },
    "notion": { "type": "streamable-http", "url": "https://mcp.notion.com/mcp" }
  }
}
)";

// .vscode/mcp.json as VS Code's documentation shows it: comments, inputs,
// ${input:…} and ${workspaceFolder}, plus trailing commas VS Code accepts.
const QByteArray vsCodeSample = R"({
  // 💡 Inputs are prompted on first server start, then stored securely by VS Code.
  "inputs": [
    {
      "type": "promptString",
      "id": "perplexity-key",
      "description": "Perplexity API Key",
      "password": true
    },
    {
      "type": "promptString",
      "id": "region",
      "description": "Region",
    },
  ],
  "servers": {
    // https://github.com/ppl-ai/modelcontextprotocol/
    "Perplexity": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "server-perplexity-ask"],
      "env": {
        "PERPLEXITY_API_KEY": "${input:perplexity-key}",
        "PERPLEXITY_REGION": "${input:region}",
      },
    },
    /* https://github.com/modelcontextprotocol/servers/tree/main/src/fetch */
    "fetch": {
      "type": "stdio",
      "command": "uvx",
      "args": ["mcp-server-fetch", "--root", "${workspaceFolder}"],
      "envFile": "${workspaceFolder}/.env",
      "cwd": "${workspaceFolder}",
    },
    "my-remote-server": {
      "type": "http",
      "url": "https://api.contoso.com/mcp",
      "headers": { "VERSION": "1.2", "Authorization": "Bearer ${input:perplexity-key}" },
    },
    "legacy": { "type": "sse", "url": "http://localhost:3001/sse" }, // an older server
    "odd // name": { "command": "node", "args": ["server.js", "/* not a comment */", "a,]", "x\\", ], },
  },
}
)";

// ~/.cursor/mcp.json as Cursor's documentation shows remote servers.
const QByteArray cursorSample = R"({
  "mcpServers": {
    "server-name": {
      "url": "http://localhost:3000/mcp",
      "headers": {
        "API_KEY": "value"
      }
    },
    "userjot": {
      "url": "https://api.userjot.com/v1/mcp",
      "headers": { "Authorization": "Bearer ${env:USERJOT_API_TOKEN}", "X-Team": "blue" }
    },
    "tenant": { "url": "https://${env:TENANT}.example.com/mcp" },
    "local": {
      "command": "python",
      "args": ["server.py"],
      "env": { "API_KEY": "${env:MY_KEY}", "HOME_DIR": "${userHome}" }
    }
  }
}
)";

// A registry server.json (schema 2025-12-11): npm, pypi and two oci
// packages, a remote with a secret header and one with a URL variable.
const QByteArray serverJsonSample = R"({
  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  "name": "io.github.example/weather",
  "title": "Weather",
  "description": "Weather forecasts",
  "version": "1.4.0",
  "packages": [
    {
      "registryType": "npm",
      "registryBaseUrl": "https://registry.npmjs.org",
      "identifier": "@example/weather-mcp",
      "version": "1.4.0",
      "transport": { "type": "stdio" },
      "packageArguments": [
        { "type": "positional", "valueHint": "target_dir", "description": "Directory for the cache", "isRequired": true },
        { "type": "named", "name": "--units", "default": "metric" },
        { "type": "named", "name": "--verbose", "description": "More output" }
      ],
      "environmentVariables": [
        { "name": "WEATHER_API_KEY", "description": "API key for the weather service", "isRequired": true, "isSecret": true },
        { "name": "WEATHER_UNITS", "default": "celsius" },
        { "name": "OPTIONAL_THING", "description": "Only when needed" }
      ]
    },
    {
      "registryType": "pypi",
      "identifier": "weather-mcp-server",
      "version": "0.5.0",
      "runtimeHint": "uvx",
      "transport": { "type": "stdio" },
      "environmentVariables": [
        { "name": "WEATHER_API_KEY", "value": "{api_key}", "isSecret": true,
          "variables": { "api_key": { "isRequired": true, "isSecret": true } } }
      ]
    },
    {
      "registryType": "oci",
      "identifier": "docker.io/example/weather-mcp",
      "version": "1.4.0",
      "runtimeHint": "docker",
      "transport": { "type": "stdio" },
      "runtimeArguments": [
        { "type": "named", "name": "--mount", "value": "type=bind,src={source_path},dst={target_path}", "isRequired": true,
          "variables": {
            "source_path": { "description": "Source path on host", "format": "filepath", "isRequired": true },
            "target_path": { "default": "/project" } } }
      ],
      "environmentVariables": [ { "name": "LOG_LEVEL", "value": "info" } ]
    },
    {
      "registryType": "oci",
      "identifier": "ghcr.io/example/weather-mcp:1.4.0",
      "transport": { "type": "streamable-http", "url": "http://localhost:{PORT}/mcp" },
      "runtimeArguments": [
        { "type": "named", "name": "-p", "value": "{port}:8080", "variables": { "port": { "default": "8080" } } }
      ],
      "environmentVariables": [ { "name": "PORT", "value": "8080" } ]
    }
  ],
  "remotes": [
    {
      "type": "streamable-http",
      "url": "https://weather.example.com/mcp",
      "headers": [
        { "name": "X-API-Key", "description": "API key for authentication", "isRequired": true, "isSecret": true },
        { "name": "X-Region", "default": "eu-west-1" }
      ]
    },
    {
      "type": "sse",
      "url": "https://{tenant_id}.weather.example.com/sse",
      "variables": { "tenant_id": { "description": "Your tenant", "isRequired": true } }
    }
  ]
}
)";

Import parsed(const QByteArray &bytes, Format format = Format::Auto, const QString &fileName = {})
{
    QString error;
    const std::optional<Import> result = parse(bytes, format, &error, fileName);
    if (!result)
        qWarning("parse failed: %s", qPrintable(error));
    return result.value_or(Import{});
}

} // namespace

void TestMcpConfig::claudeDesktop()
{
    const Import result = parsed(claudeSample);
    QCOMPARE(result.format, Format::ClaudeDesktop);
    QCOMPARE(result.notes, QStringList());
    QCOMPARE(result.data.name, QString());
    const QList<Connection> expected{
        stdioServer(QStringLiteral("filesystem"), QStringLiteral("filesystem"), QStringLiteral("npx"),
                    {QStringLiteral("-y"), QStringLiteral("@modelcontextprotocol/server-filesystem"),
                     QStringLiteral("/Users/username/Desktop"), QStringLiteral("/Users/username/Downloads")}),
        // A literal value under a secret-looking name is kept in memory, marked secret.
        stdioServer(QStringLiteral("github"), QStringLiteral("github"), QStringLiteral("npx"),
                    {QStringLiteral("-y"), QStringLiteral("@modelcontextprotocol/server-github")},
                    {value(QStringLiteral("GITHUB_PERSONAL_ACCESS_TOKEN"), QStringLiteral("ghp_claudeSample123"), true)}),
        remoteServer(QStringLiteral("linear"), QStringLiteral("linear"), QStringLiteral("sse"),
                     QStringLiteral("https://mcp.linear.app/sse")),
        remoteServer(QStringLiteral("notion"), QStringLiteral("notion"), QStringLiteral("streamable-http"),
                     QStringLiteral("https://mcp.notion.com/mcp")),
        stdioServer(QStringLiteral("sqlite"), QStringLiteral("sqlite"), QStringLiteral("uvx"),
                    {QStringLiteral("mcp-server-sqlite"), QStringLiteral("--db-path"), QStringLiteral("/Users/username/test.db")},
                    {value(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug")), value(QStringLiteral("PORT"), QStringLiteral("8080"))},
                    QStringLiteral("/Users/username")),
    };
    QCOMPARE(describe(result.data.connections), describe(expected));
    QCOMPARE(result.data.connections, expected);
    QCOMPARE(result.data.connections.at(2).era, QStringLiteral("legacy"));
    for (const Connection &c : result.data.connections)
        QVERIFY2(workspace_file::problemOf(c).isEmpty(), qPrintable(c.id));
}

void TestMcpConfig::vsCode()
{
    const Import result = parsed(vsCodeSample);
    QCOMPARE(result.format, Format::VsCode);
    const QList<Connection> expected{
        // A password input is a secret whose value is asked for; another input stays as written.
        stdioServer(QStringLiteral("perplexity"), QStringLiteral("Perplexity"), QStringLiteral("npx"),
                    {QStringLiteral("-y"), QStringLiteral("server-perplexity-ask")},
                    {value(QStringLiteral("PERPLEXITY_API_KEY"), QString(), true),
                     value(QStringLiteral("PERPLEXITY_REGION"), QStringLiteral("${input:region}"))}),
        stdioServer(QStringLiteral("fetch"), QStringLiteral("fetch"), QStringLiteral("uvx"),
                    {QStringLiteral("mcp-server-fetch"), QStringLiteral("--root"), QStringLiteral("${workspaceFolder}")}, {},
                    QStringLiteral("${workspaceFolder}")),
        remoteServer(QStringLiteral("legacy"), QStringLiteral("legacy"), QStringLiteral("sse"),
                     QStringLiteral("http://localhost:3001/sse")),
        // "http" in VS Code tries streamable HTTP, then HTTP+SSE: Crosstalk's "auto".
        remoteServer(QStringLiteral("my-remote-server"), QStringLiteral("my-remote-server"), QStringLiteral("auto"),
                     QStringLiteral("https://api.contoso.com/mcp"),
                     {value(QStringLiteral("Authorization"), QString(), true), value(QStringLiteral("VERSION"), QStringLiteral("1.2"))}),
        // Comment marks and commas inside strings are text.
        stdioServer(QStringLiteral("odd-name"), QStringLiteral("odd // name"), QStringLiteral("node"),
                    {QStringLiteral("server.js"), QStringLiteral("/* not a comment */"), QStringLiteral("a,]"), QStringLiteral("x\\")}),
    };
    QCOMPARE(describe(result.data.connections), describe(expected));
    QCOMPARE(result.data.connections, expected);
    const QStringList notes{
        QStringLiteral("servers.Perplexity.env.PERPLEXITY_API_KEY: a secret that comes from “${input:perplexity-key}”, "
                       "which Crosstalk cannot fill in: give its value before connecting."),
        QStringLiteral("servers.Perplexity.env.PERPLEXITY_REGION: “${input:region}” is kept as written: Crosstalk does not "
                       "fill it in; edit it before connecting."),
        QStringLiteral("servers.fetch.args[2]: “${workspaceFolder}” is kept as written: Crosstalk does not fill it in; edit "
                       "it before connecting."),
        QStringLiteral("servers.fetch.cwd: “${workspaceFolder}” is kept as written: Crosstalk does not fill it in; edit it "
                       "before connecting."),
        QStringLiteral("servers.fetch.envFile: Crosstalk does not read environment files: the variables in "
                       "“${workspaceFolder}/.env” were not imported."),
        QStringLiteral("servers.my-remote-server.headers.Authorization: a secret that comes from “${input:perplexity-key}”, "
                       "which Crosstalk cannot fill in: give its value before connecting."),
    };
    QCOMPARE(result.notes, notes);
}

void TestMcpConfig::vsCodeSettings()
{
    // Before mcp.json, VS Code kept servers in settings.json under "mcp".
    const QByteArray settings = R"({
      "editor.fontSize": 14,
      "mcp": {
        "inputs": [ { "type": "promptString", "id": "token", "password": true } ],
        "servers": { "api": { "type": "http", "url": "https://api.example/mcp", "headers": { "X-Key": "${input:token}" } } }
      }
    })";
    const Import result = parsed(settings);
    QCOMPARE(result.format, Format::VsCode);
    QCOMPARE(result.data.connections,
             (QList<Connection>{remoteServer(QStringLiteral("api"), QStringLiteral("api"), QStringLiteral("auto"),
                                             QStringLiteral("https://api.example/mcp"),
                                             {value(QStringLiteral("X-Key"), QString(), true)})}));
    QCOMPARE(result.notes.size(), 1);
    QVERIFY2(result.notes.first().startsWith(QStringLiteral("mcp.servers.api.headers.X-Key: a secret")),
             qPrintable(result.notes.first()));
}

void TestMcpConfig::cursorRemote()
{
    const Import result = parsed(cursorSample, Format::Auto, QStringLiteral("/home/me/project/.cursor/mcp.json"));
    QCOMPARE(result.format, Format::Cursor);
    const QList<Connection> expected{
        stdioServer(QStringLiteral("local"), QStringLiteral("local"), QStringLiteral("python"), {QStringLiteral("server.py")},
                    {value(QStringLiteral("API_KEY"), QString(), true), value(QStringLiteral("HOME_DIR"), QStringLiteral("${userHome}"))}),
        // A URL without a type: streamable HTTP with the HTTP+SSE fallback, as Cursor does.
        remoteServer(QStringLiteral("server-name"), QStringLiteral("server-name"), QStringLiteral("auto"),
                     QStringLiteral("http://localhost:3000/mcp"), {value(QStringLiteral("API_KEY"), QStringLiteral("value"), true)}),
        remoteServer(QStringLiteral("userjot"), QStringLiteral("userjot"), QStringLiteral("auto"),
                     QStringLiteral("https://api.userjot.com/v1/mcp"),
                     {value(QStringLiteral("Authorization"), QString(), true), value(QStringLiteral("X-Team"), QStringLiteral("blue"))}),
    };
    QCOMPARE(describe(result.data.connections), describe(expected));
    QCOMPARE(result.data.connections, expected);
    const QStringList notes{
        QStringLiteral("mcpServers.local.env.API_KEY: a secret that comes from “${env:MY_KEY}”, which Crosstalk cannot fill "
                       "in: give its value before connecting."),
        QStringLiteral("mcpServers.local.env.HOME_DIR: “${userHome}” is kept as written: Crosstalk does not fill it in; edit "
                       "it before connecting."),
        QStringLiteral("mcpServers.tenant: not imported: its URL holds “${env:TENANT}”, which Crosstalk cannot fill in."),
        QStringLiteral("mcpServers.userjot.headers.Authorization: a secret that comes from “${env:USERJOT_API_TOKEN}”, which "
                       "Crosstalk cannot fill in: give its value before connecting."),
    };
    QCOMPARE(result.notes, notes);
}

void TestMcpConfig::serverJson()
{
    const Import result = parsed(serverJsonSample);
    QCOMPARE(result.format, Format::ServerJson);
    Connection http = remoteServer(QStringLiteral("weather-oci-2"), QStringLiteral("Weather (oci)"),
                                   QStringLiteral("streamable-http"), QStringLiteral("http://localhost:8080/mcp"));
    http.command = QStringLiteral("docker");
    http.arguments = {QStringLiteral("run"), QStringLiteral("-i"), QStringLiteral("--rm"), QStringLiteral("-p"),
                      QStringLiteral("8080:8080"), QStringLiteral("-e"), QStringLiteral("PORT"),
                      QStringLiteral("ghcr.io/example/weather-mcp:1.4.0")};
    http.environment = {value(QStringLiteral("PORT"), QStringLiteral("8080"))};
    const QList<Connection> expected{
        stdioServer(QStringLiteral("weather-npm"), QStringLiteral("Weather (npm)"), QStringLiteral("npx"),
                    {QStringLiteral("-y"), QStringLiteral("@example/weather-mcp@1.4.0"), QStringLiteral("{target_dir}"),
                     QStringLiteral("--units"), QStringLiteral("metric")},
                    {value(QStringLiteral("WEATHER_API_KEY"), QString(), true), value(QStringLiteral("WEATHER_UNITS"), QStringLiteral("celsius"))}),
        stdioServer(QStringLiteral("weather-pypi"), QStringLiteral("Weather (pypi)"), QStringLiteral("uvx"),
                    {QStringLiteral("weather-mcp-server==0.5.0")}, {value(QStringLiteral("WEATHER_API_KEY"), QString(), true)}),
        stdioServer(QStringLiteral("weather-oci"), QStringLiteral("Weather (oci)"), QStringLiteral("docker"),
                    {QStringLiteral("run"), QStringLiteral("-i"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                     QStringLiteral("type=bind,src={source_path},dst=/project"), QStringLiteral("-e"), QStringLiteral("LOG_LEVEL"),
                     QStringLiteral("docker.io/example/weather-mcp:1.4.0")},
                    {value(QStringLiteral("LOG_LEVEL"), QStringLiteral("info"))}),
        http,
        remoteServer(QStringLiteral("weather-remote-streamable-http"), QStringLiteral("Weather (remote, streamable-http)"),
                     QStringLiteral("streamable-http"), QStringLiteral("https://weather.example.com/mcp"),
                     {value(QStringLiteral("X-API-Key"), QString(), true), value(QStringLiteral("X-Region"), QStringLiteral("eu-west-1"))}),
    };
    QCOMPARE(describe(result.data.connections), describe(expected));
    QCOMPARE(result.data.connections, expected);
    const QStringList notes{
        QStringLiteral("packages[0].environmentVariables[0]: the secret WEATHER_API_KEY needs a value (API key for the "
                       "weather service): give it before connecting."),
        QStringLiteral("packages[0].packageArguments[0]: “{target_dir}” needs a value (Directory for the cache): edit the "
                       "arguments before connecting."),
        QStringLiteral("packages[1].environmentVariables[0]: the secret WEATHER_API_KEY needs “{api_key}” filled in: give "
                       "its value before connecting."),
        QStringLiteral("packages[2].runtimeArguments[0]: “{source_path}” is kept as written: fill it in before connecting."),
        QStringLiteral("packages[3]: the package serves MCP at http://localhost:8080/mcp once started with “docker run -i "
                       "--rm -p 8080:8080 -e PORT ghcr.io/example/weather-mcp:1.4.0”: Crosstalk connects to the URL and "
                       "does not start it."),
        QStringLiteral("remotes[0].headers[0]: the secret X-API-Key needs a value (API key for authentication): give it "
                       "before connecting."),
        QStringLiteral("remotes[1]: not imported: its URL needs “{tenant_id}” filled in."),
    };
    QCOMPARE(result.notes, notes);
}

void TestMcpConfig::serverJsonOtherPackages()
{
    // The registry's own NuGet example ("dnx Knapcode.SampleMcpServer@0.4.0-beta -- mcp start"),
    // a bundle and a registry type Crosstalk has no runner for; a single package is named plainly.
    const QByteArray bytes = R"({
      "name": "io.github.joelverhagen/knapcode-samplemcpserver",
      "description": "Sample NuGet MCP server",
      "version": "0.4.0-beta",
      "packages": [
        { "registryType": "nuget", "identifier": "Knapcode.SampleMcpServer", "version": "0.4.0-beta",
          "transport": { "type": "stdio" },
          "packageArguments": [ { "type": "positional", "value": "mcp" }, { "type": "positional", "value": "start" } ] },
        { "registryType": "mcpb", "identifier": "https://github.com/example/releases/download/v1.0.0/package.mcpb",
          "fileSha256": "fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce", "transport": { "type": "stdio" } },
        { "registryType": "cargo", "identifier": "weather-mcp", "version": "1.0.0", "transport": { "type": "stdio" } }
      ]
    })";
    const Import result = parsed(bytes);
    QCOMPARE(result.data.connections.size(), 1);
    const Connection &c = result.data.connections.first();
    QCOMPARE(c.name, QStringLiteral("io.github.joelverhagen/knapcode-samplemcpserver (nuget)"));
    QCOMPARE(c.command, QStringLiteral("dnx"));
    QCOMPARE(c.arguments, (QStringList{QStringLiteral("Knapcode.SampleMcpServer@0.4.0-beta"), QStringLiteral("--yes"),
                                       QStringLiteral("--"), QStringLiteral("mcp"), QStringLiteral("start")}));
    QCOMPARE(result.notes,
             (QStringList{QStringLiteral("packages[1]: not imported: an MCP bundle (.mcpb) is installed by a client that "
                                         "supports bundles."),
                          QStringLiteral("packages[2]: not imported: Crosstalk does not know how to run a “cargo” package.")}));

    // One remote alone keeps the title; a runtimeHint names the command.
    const Import single = parsed(R"({"name": "a/b", "title": "Solo", "packages": [
        {"registryType": "npm", "identifier": "solo-mcp", "version": "2.0.0", "runtimeHint": "bunx", "transport": {"type": "stdio"}}]})");
    QCOMPARE(single.data.connections.size(), 1);
    QCOMPARE(single.data.connections.first().name, QStringLiteral("Solo"));
    QCOMPARE(single.data.connections.first().id, QStringLiteral("solo"));
    QCOMPARE(single.data.connections.first().command, QStringLiteral("bunx"));
    QCOMPARE(single.data.connections.first().arguments, QStringList{QStringLiteral("solo-mcp@2.0.0")});
}

void TestMcpConfig::formatDetection_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("given");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("expected");
    const QByteArray servers = R"({"mcpServers": {"a": {"command": "x"}}})";
    QTest::newRow("mcpServers") << servers << int(Format::Auto) << QString() << int(Format::ClaudeDesktop);
    QTest::newRow("claude file name") << servers << int(Format::Auto)
                                      << QStringLiteral("/home/u/.config/Claude/claude_desktop_config.json")
                                      << int(Format::ClaudeDesktop);
    QTest::newRow("cursor folder") << servers << int(Format::Auto) << QStringLiteral("/home/u/.cursor/mcp.json")
                                   << int(Format::Cursor);
    QTest::newRow("cursor folder, Windows") << servers << int(Format::Auto)
                                            << QStringLiteral("C:\\Users\\u\\.cursor\\mcp.json") << int(Format::Cursor);
    QTest::newRow("a .cursor name is not a folder") << servers << int(Format::Auto) << QStringLiteral("/tmp/x.cursor")
                                                    << int(Format::ClaudeDesktop);
    QTest::newRow("given Cursor") << servers << int(Format::Cursor) << QString() << int(Format::Cursor);
    QTest::newRow("servers") << QByteArray(R"({"servers": {"a": {"command": "x"}}})") << int(Format::Auto) << QString()
                             << int(Format::VsCode);
    QTest::newRow("settings.json") << QByteArray(R"({"mcp": {"servers": {}}})") << int(Format::Auto) << QString()
                                   << int(Format::VsCode);
    QTest::newRow("server.json packages")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm", "identifier": "x"}]})") << int(Format::Auto)
        << QString() << int(Format::ServerJson);
    QTest::newRow("server.json remotes")
        << QByteArray(R"({"name": "a/b", "remotes": [{"type": "sse", "url": "https://h/sse"}]})") << int(Format::Auto)
        << QString() << int(Format::ServerJson);
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF") + servers << int(Format::Auto) << QString()
                                     << int(Format::ClaudeDesktop);
}

void TestMcpConfig::formatDetection()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, given);
    QFETCH(QString, fileName);
    QFETCH(int, expected);
    QString error;
    const std::optional<Import> result = parse(bytes, Format(given), &error, fileName);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(int(result->format), expected);
}

void TestMcpConfig::commentsAndTrailingCommas_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("plain") << QByteArray(R"({"mcpServers":{"a":{"command":"x","args":["1","2"]}}})")
                           << QStringList{QStringLiteral("1"), QStringLiteral("2")};
    QTest::newRow("comment marks in strings")
        << QByteArray(R"({"mcpServers":{"a":{"command":"x","args":["// no","/* no */","http://h/","*/"]}}})")
        << QStringList{QStringLiteral("// no"), QStringLiteral("/* no */"), QStringLiteral("http://h/"), QStringLiteral("*/")};
    QTest::newRow("trailing commas everywhere")
        << QByteArray("{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":[\"1\",\"2\",],},},}")
        << QStringList{QStringLiteral("1"), QStringLiteral("2")};
    QTest::newRow("comment between comma and bracket")
        << QByteArray("{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":[\"1\", /* c, ] */ ]}}}")
        << QStringList{QStringLiteral("1")};
    QTest::newRow("line comments, CRLF")
        << QByteArray("{\r\n// c \"quoted\", ]\r\n\"mcpServers\":{\"a\":{\"command\":\"x\",// c\r\n\"args\":[\"1\",// last\r\n]}}}")
        << QStringList{QStringLiteral("1")};
    QTest::newRow("escaped quote and backslash")
        << QByteArray(R"({"mcpServers":{"a":{"command":"x","args":["say \"hi\", // ok", "C:\\", // c
          "b",]}}})")
        << QStringList{QStringLiteral("say \"hi\", // ok"), QStringLiteral("C:\\"), QStringLiteral("b")};
    QTest::newRow("comment at the end, no newline")
        << QByteArray(R"({"mcpServers":{"a":{"command":"x","args":[]}}} // end)") << QStringList{};
    QTest::newRow("a comma inside a string before a bracket")
        << QByteArray(R"({"mcpServers":{"a":{"command":"x","args":[",", "]"]}}})")
        << QStringList{QStringLiteral(","), QStringLiteral("]")};
}

void TestMcpConfig::commentsAndTrailingCommas()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, arguments);
    QString error;
    const std::optional<Import> result = parse(bytes, Format::Auto, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->data.connections.size(), 1);
    QCOMPARE(result->data.connections.first().arguments, arguments);
}

void TestMcpConfig::badFilesNameTheProblem_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    const int any = int(Format::Auto);
    const auto server = [](const char *entry) -> QByteArray {
        return QByteArray(R"({"mcpServers": {"a": )") + entry + "}}";
    };
    QTest::newRow("not JSON") << QByteArray(R"({"mcpServers": )") << any << QStringLiteral("The file is not JSON (at byte");
    QTest::newRow("empty") << QByteArray() << any << QStringLiteral("The file is empty.");
    QTest::newRow("only comments") << QByteArray("// nothing\n/* here */\n") << any << QStringLiteral("The file is empty.");
    QTest::newRow("unclosed comment") << QByteArray(R"({"mcpServers": {}} /* )") << any
                                      << QStringLiteral("The file is not JSON (at byte 19: a comment that is never closed).");
    QTest::newRow("huge") << QByteArray(workspace_file::MaxBytes + 1, ' ') << any
                          << QStringLiteral("The file is larger than 16 MiB.");
    QTest::newRow("deep") << QByteArray(100000, '[') << any << QStringLiteral("nested too deeply");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"mcpServers\": {\"a\": {\"command\": \"\xff\"}}}") << any
                                   << QStringLiteral("The file is not JSON");
    QTest::newRow("two commas") << server(R"({"command": "x", "args": ["a",,]})") << any
                                << QStringLiteral("The file is not JSON");
    QTest::newRow("leading comma") << QByteArray(R"({"mcpServers": {,}})") << any << QStringLiteral("The file is not JSON");
    QTest::newRow("a list") << QByteArray("[]") << any << QStringLiteral("does not hold a JSON object");
    QTest::newRow("unknown") << QByteArray(R"({"hello": 1})") << any
                             << QStringLiteral("The file is not an MCP configuration Crosstalk knows");
    QTest::newRow("servers not an object") << QByteArray(R"({"mcpServers": []})") << any
                                           << QStringLiteral("mcpServers: expected an object of names and servers");
    QTest::newRow("entry not an object") << server(R"("npx")") << any << QStringLiteral("mcpServers.a: expected an object");
    QTest::newRow("argument not a string") << QByteArray(R"({"mcpServers": {"github": {"command": "npx", "args": ["-y", "x", 3]}}})")
                                           << any << QStringLiteral("mcpServers.github.args[2]: expected a string");
    QTest::newRow("arguments not a list") << server(R"({"command": "npx", "args": "-y"})") << any
                                          << QStringLiteral("mcpServers.a.args: expected a list of strings");
    QTest::newRow("command not a string") << server(R"({"command": ["npx"]})") << any
                                          << QStringLiteral("mcpServers.a.command: expected a string");
    QTest::newRow("env value") << server(R"({"command": "x", "env": {"DEBUG": true}})") << any
                               << QStringLiteral("mcpServers.a.env.DEBUG: expected a string");
    QTest::newRow("env not an object") << server(R"({"command": "x", "env": ["A=1"]})") << any
                                       << QStringLiteral("mcpServers.a.env: expected an object of names and strings");
    QTest::newRow("env name") << server(R"({"command": "x", "env": {"A=B": "1"}})") << any
                              << QStringLiteral("mcpServers.a.env.A=B: not a usable environment variable name");
    QTest::newRow("NUL") << server(R"({"command": "x", "args": ["a\u0000b"]})") << any
                         << QStringLiteral("mcpServers.a.args[0]: holds a NUL character");
    QTest::newRow("unknown type") << server(R"({"type": "websocket", "url": "wss://h/"})") << any
                                  << QStringLiteral("mcpServers.a.type: “websocket” is not one of stdio, http, streamable-http, sse");
    QTest::newRow("neither command nor url") << server(R"({"args": []})") << any
                                             << QStringLiteral("mcpServers.a: needs a “command” (a program to start) or a “url”");
    QTest::newRow("stdio without command") << server(R"({"type": "stdio", "url": "https://h/"})") << any
                                           << QStringLiteral("mcpServers.a.command: missing");
    QTest::newRow("empty command") << server(R"({"command": "  "})") << any << QStringLiteral("mcpServers.a.command: empty");
    QTest::newRow("http without url") << QByteArray(R"({"servers": {"r": {"type": "http"}}})") << any
                                      << QStringLiteral("servers.r.url: missing");
    QTest::newRow("header name") << server(R"({"url": "https://h/", "headers": {"Bad Header": "x"}})") << any
                                 << QStringLiteral("mcpServers.a.headers.Bad Header: not a valid HTTP header name");
    QTest::newRow("header line break") << server(R"({"url": "https://h/", "headers": {"X-A": "a\r\nX-Injected: b"}})") << any
                                       << QStringLiteral("mcpServers.a.headers.X-A: a header value cannot hold a line break");
    QTest::newRow("inputs not a list") << QByteArray(R"({"servers": {}, "inputs": {}})") << any
                                       << QStringLiteral("inputs: expected a list");
    QTest::newRow("input without id") << QByteArray(R"({"servers": {}, "inputs": [{"type": "promptString"}]})") << any
                                      << QStringLiteral("inputs[0].id: missing");
    QTest::newRow("password not a flag")
        << QByteArray(R"({"servers": {}, "inputs": [{"id": "k", "password": "yes"}]})") << any
        << QStringLiteral("inputs[0].password: expected true or false");
    QTest::newRow("VS Code given, other content") << QByteArray(R"({"mcpServers": {}})") << int(Format::VsCode)
                                                  << QStringLiteral("servers: missing: the file is not a VS Code configuration");
    QTest::newRow("Claude given, other content") << QByteArray(R"({"servers": {}})") << int(Format::ClaudeDesktop)
                                                 << QStringLiteral("mcpServers: missing: the file is not a Claude Desktop configuration");
    QByteArray many = R"({"mcpServers": {)";
    for (int i = 0; i <= MaxServers; ++i)
        many += (i ? "," : "") + QByteArray(R"("s)") + QByteArray::number(i) + R"(": {"command": "x"})";
    many += "}}";
    QTest::newRow("too many servers") << many << any << QStringLiteral("mcpServers: more than 1000 servers");
    QTest::newRow("server.json packages not a list") << QByteArray(R"({"name": "a/b", "packages": {}})") << any
                                                     << QStringLiteral("packages: expected a list");
    QTest::newRow("server.json without identifier")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm"}]})") << any
        << QStringLiteral("packages[0].identifier: missing");
    QTest::newRow("server.json package not an object") << QByteArray(R"({"name": "a/b", "packages": ["npm"]})") << any
                                                       << QStringLiteral("packages[0]: expected an object");
    QTest::newRow("server.json argument type")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm", "identifier": "x", "packageArguments": [{"type": "flag"}]}]})")
        << any << QStringLiteral("packages[0].packageArguments[0].type: “flag” is not positional or named");
    QTest::newRow("server.json named without name")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm", "identifier": "x", "runtimeArguments": [{"type": "named", "value": "1"}]}]})")
        << any << QStringLiteral("packages[0].runtimeArguments[0].name: missing");
    QTest::newRow("server.json isSecret")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm", "identifier": "x", "environmentVariables": [{"name": "X", "isSecret": "yes"}]}]})")
        << any << QStringLiteral("packages[0].environmentVariables[0].isSecret: expected true or false");
    QTest::newRow("server.json variables")
        << QByteArray(R"({"name": "a/b", "remotes": [{"type": "sse", "url": "https://h/{x}", "variables": {"x": "1"}}]})")
        << any << QStringLiteral("remotes[0].variables.x: expected an object");
    QTest::newRow("server.json transport type")
        << QByteArray(R"({"name": "a/b", "packages": [{"registryType": "npm", "identifier": "x", "transport": {"type": "pipe"}}]})")
        << any << QStringLiteral("packages[0].transport.type: “pipe” is not one of stdio, streamable-http, sse");
    QTest::newRow("server.json remote type")
        << QByteArray(R"({"name": "a/b", "remotes": [{"type": "stdio", "url": "https://h/"}]})") << any
        << QStringLiteral("remotes[0].type: “stdio” is not one of streamable-http, sse");
    QTest::newRow("server.json header name")
        << QByteArray(R"({"name": "a/b", "remotes": [{"type": "sse", "url": "https://h/", "headers": [{"name": "a:b", "value": "1"}]}]})")
        << any << QStringLiteral("remotes[0].headers[0].name: not a valid HTTP header name");
    QTest::newRow("server.json header value")
        << QByteArray(R"({"name": "a/b", "remotes": [{"type": "sse", "url": "https://h/", "headers": [{"name": "X-A", "value": "1\nX-B: 2"}]}]})")
        << any << QStringLiteral("remotes[0].headers[0]: a header value cannot hold a line break");
    QTest::newRow("server.json lists nothing") << QByteArray(R"({"name": "a/b", "packages": []})") << any
                                               << QStringLiteral("The server.json lists no “packages” and no “remotes”.");
    QTest::newRow("server.json without name") << QByteArray(R"({"packages": []})") << int(Format::ServerJson)
                                              << QStringLiteral("name: missing");
}

void TestMcpConfig::badFilesNameTheProblem()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!parse(bytes, Format(format), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestMcpConfig::idsAreUnique()
{
    const Import result = parsed(R"({"mcpServers": {
        "My Server": {"command": "a"}, "my server": {"command": "b"}, "my-server": {"command": "c"}, "": {"command": "d"},
        "!!!": {"command": "e"}}})");
    QStringList ids;
    QStringList names;
    for (const Connection &c : result.data.connections) {
        ids.append(c.id);
        names.append(c.name);
    }
    QCOMPARE(names, (QStringList{QString(), QStringLiteral("!!!"), QStringLiteral("My Server"), QStringLiteral("my server"),
                                 QStringLiteral("my-server")}));
    QCOMPARE(ids, (QStringList{QStringLiteral("server"), QStringLiteral("server-2"), QStringLiteral("my-server"),
                               QStringLiteral("my-server-2"), QStringLiteral("my-server-3")}));
}

void TestMcpConfig::importsAreUsable()
{
    // Every connection made passes the workspace file's own check, or the saved workspace would not load.
    for (const QByteArray &sample : {claudeSample, vsCodeSample, cursorSample, serverJsonSample}) {
        const Import result = parsed(sample);
        QVERIFY(!result.data.connections.isEmpty());
        for (const Connection &c : result.data.connections) {
            QCOMPARE(c.kind, Connection::Kind::McpServer);
            QVERIFY2(workspace_file::problemOf(c).isEmpty(), qPrintable(c.id + QStringLiteral(": ") + workspace_file::problemOf(c)));
        }
        QVERIFY(workspace_file::parse(workspace_file::serialize(result.data), nullptr));
    }
}

void TestMcpConfig::longNamesAreShortenedInMessages()
{
    const QByteArray name(5000, 'n');
    QString error;
    QVERIFY(!parse(R"({"mcpServers": {")" + name + R"(": {"command": "x", "args": [1]}}})", Format::Auto, &error));
    QCOMPARE(error, QStringLiteral("mcpServers.") + QString(63, QLatin1Char('n')) + QChar(0x2026)
                 + QStringLiteral(".args[0]: expected a string"));
}

void TestMcpConfig::notesAreBounded()
{
    QByteArray bytes = R"({"mcpServers": {)";
    for (int i = 0; i < MaxServers; ++i)
        bytes += (i ? "," : "") + QByteArray(R"("s)") + QByteArray::number(i)
            + R"(": {"command": "x", "args": ["${workspaceFolder}"]})";
    bytes += "}}";
    const Import result = parsed(bytes);
    QCOMPARE(result.data.connections.size(), MaxServers);
    QCOMPARE(result.notes.size(), MaxNotes + 1);
    QCOMPARE(result.notes.last(), QStringLiteral("… and %1 more notes.").arg(MaxServers - MaxNotes));
}

void TestMcpConfig::exportRoundTripKeepsAllButSecrets()
{
    WorkspaceData data;
    data.name = QStringLiteral("Mine");
    Connection agent;
    agent.id = QStringLiteral("billing");
    agent.name = QStringLiteral("Billing");
    agent.url = QUrl(QStringLiteral("http://127.0.0.1:4100/"));
    const Connection github = stdioServer(
        QStringLiteral("github"), QStringLiteral("github"), QStringLiteral("npx"),
        {QStringLiteral("-y"), QStringLiteral("@modelcontextprotocol/server-github"), QStringLiteral("it's \"quoted\"")},
        {value(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug")),
         value(QStringLiteral("GITHUB_PERSONAL_ACCESS_TOKEN"), QStringLiteral("ghp_roundTripSecret")),
         value(QStringLiteral("CUSTOM"), QStringLiteral("kept-out-value"), true),
         value(QStringLiteral("GREETING"), QStringLiteral("grüße ✓"))},
        QStringLiteral("/srv/git hub"));
    const Connection docs = remoteServer(QStringLiteral("remote-docs"), QStringLiteral("Remote Docs"), QStringLiteral("auto"),
                                         QStringLiteral("https://docs.example/mcp?team=blue"),
                                         {value(QStringLiteral("X-Team"), QStringLiteral("blue")),
                                          value(QStringLiteral("X-Signature"), QStringLiteral("sig-roundtrip"), true),
                                          value(QStringLiteral("Authorization"), QStringLiteral("Bearer tok-roundtrip"))});
    const Connection legacy = remoteServer(QStringLiteral("legacy"), QStringLiteral("Legacy"), QStringLiteral("sse"),
                                           QStringLiteral("http://127.0.0.1:3001/sse"));
    const Connection privateUrl = remoteServer(QStringLiteral("private"), QStringLiteral("Private"), QStringLiteral("auto"),
                                               QStringLiteral("https://user:pa55word@private.example/mcp"));
    Connection twin = stdioServer(QStringLiteral("twin"), QStringLiteral("Twin"), QStringLiteral("node"), {QStringLiteral("a.js")});
    Connection twin2 = stdioServer(QStringLiteral("twin-2"), QStringLiteral("Twin"), QStringLiteral("node"), {QStringLiteral("b.js")});
    Connection unnamed = stdioServer(QStringLiteral("plain"), QString(), QStringLiteral("plain-server"), {});
    data.connections = {agent, github, docs, legacy, privateUrl, twin, twin2, unnamed};

    QStringList omitted;
    const QByteArray bytes = exportMcpServers(data, &omitted);
    for (const char *secret : {"ghp_roundTripSecret", "kept-out-value", "sig-roundtrip", "tok-roundtrip", "pa55word"})
        QVERIFY2(!bytes.contains(secret), secret);
    QVERIFY(!bytes.contains("Billing"));
    QCOMPARE(omitted, (QStringList{QStringLiteral("github.env.GITHUB_PERSONAL_ACCESS_TOKEN"), QStringLiteral("github.env.CUSTOM"),
                                   QStringLiteral("Remote Docs.headers.X-Signature"),
                                   QStringLiteral("Remote Docs.headers.Authorization"), QStringLiteral("Private.url")}));

    QString error;
    const std::optional<Import> back = parse(bytes, Format::Auto, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->format, Format::ClaudeDesktop);
    QCOMPARE(back->notes, QStringList());
    Connection githubBack = github;
    githubBack.environment = {github.environment.at(3), github.environment.at(0)}; // sorted by name, as the file's
    Connection docsBack = docs;
    docsBack.headers = {docs.headers.at(0)};
    Connection privateBack = privateUrl;
    privateBack.url = QUrl(QStringLiteral("https://user@private.example/mcp"));
    twin2.name = QStringLiteral("Twin-2");
    unnamed.name = QStringLiteral("plain");
    // The file's names come back sorted.
    const QList<Connection> expected{legacy, privateBack, docsBack, twin, twin2, githubBack, unnamed};
    QCOMPARE(describe(back->data.connections), describe(expected));
    QCOMPARE(back->data.connections, expected);
}

void TestMcpConfig::exportShape()
{
    WorkspaceData data;
    Connection streamable = remoteServer(QStringLiteral("s"), QStringLiteral("s"), QStringLiteral("streamable-http"),
                                         QStringLiteral("https://h.example/mcp"));
    streamable.era = QStringLiteral("modern");
    data.connections = {stdioServer(QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("npx"), {},
                                    {value(QStringLiteral("API_KEY"), QStringLiteral("k-123"))}),
                        streamable};
    QStringList omitted;
    const QByteArray bytes = exportMcpServers(data, &omitted);
    QVERIFY(bytes.endsWith("}\n"));
    QVERIFY(bytes.indexOf("\"command\"") < bytes.indexOf("\"args\"")); // the order people write
    const json root = json::parse(bytes.toStdString());
    const json expected = {
        {"mcpServers",
         {{"x", {{"command", "npx"}, {"args", json::array()}}}, {"s", {{"type", "http"}, {"url", "https://h.example/mcp"}}}}}};
    QCOMPARE(QString::fromStdString(root.dump()), QString::fromStdString(expected.dump()));
    QCOMPARE(omitted, QStringList{QStringLiteral("x.env.API_KEY")});
    // The common form has no "streamable-http" type nor an era: it comes back as "http", Crosstalk's auto.
    const Import back = parsed(bytes);
    QCOMPARE(back.data.connections.at(0).transport, QStringLiteral("auto"));
    QCOMPARE(back.data.connections.at(0).era, QStringLiteral("auto"));

    QCOMPARE(exportMcpServers(WorkspaceData{}), QByteArray("{\n  \"mcpServers\": {}\n}\n"));
}

void TestMcpConfig::brokenBytesNeverCrash()
{
    // Every cut and a few byte changes of each sample: an import, or an error that says something.
    for (const QByteArray &sample : {claudeSample, vsCodeSample, cursorSample, serverJsonSample}) {
        int failures = 0;
        for (qsizetype cut = 0; cut < sample.size(); ++cut) {
            for (const char replacement : {'\0', '"', '{', ']', ',', '/', '\\'}) {
                QByteArray bytes = sample.left(cut + 1);
                bytes[cut] = replacement;
                QString error;
                const std::optional<Import> result = parse(bytes, Format::Auto, &error);
                QVERIFY(result.has_value() || !error.isEmpty());
                failures += result ? 0 : 1;
            }
        }
        QVERIFY(failures > 0);
    }
}

QTEST_GUILESS_MAIN(TestMcpConfig)
#include "tst_mcpconfig.moc"
