#pragma once

#include "workspace/Workspace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

/// MCP server lists in other tools' configuration files: imported into
/// workspace connections, and the workspace's MCP servers exported in the
/// common `mcpServers` form.
///
/// Everything here is data: no command is run, no file, URL or package is
/// read or fetched. A command imported from a file is only shown and run
/// after the person agrees.
namespace crosstalk::workspace::mcp_config {

/// The configuration files read.
///
/// - ClaudeDesktop (`claude_desktop_config.json`) and Cursor
///   (`.cursor/mcp.json`): `{"mcpServers": {"name": {…}}}` — the same form,
///   also written by Claude Code (`.mcp.json`), Windsurf, Cline and others.
///   An entry is a stdio server (`command`, `args`, `env`, `cwd`) or a remote
///   one (`url`, `headers`, `type` "http", "streamable-http" or "sse").
/// - VsCode (`.vscode/mcp.json`): `{"servers": {…}, "inputs": […]}`, entries
///   with `type` "stdio", "http" or "sse"; JSON with comments and trailing
///   commas. A user settings.json holding `{"mcp": {"servers": …}}` is read
///   the same way.
/// - ServerJson: one server of the MCP registry (`server.json`, schema
///   2025-09-29 and later, camelCase names): each package becomes the
///   command that would run it, each remote a URL server.
enum class Format { Auto, ClaudeDesktop, VsCode, Cursor, ServerJson };

/// What an import made.
struct Import
{
    /// MCP server connections only, ids unique among themselves (made from
    /// the names), in the order of the file's names (alphabetical: the JSON
    /// reader keeps objects sorted) or of server.json's lists. `name` is empty.
    WorkspaceData data;
    /// What the person should know: values Crosstalk could not fill in,
    /// entries left out and why, each starting with the place in the file
    /// ("servers.github.env.GITHUB_TOKEN: …"). At most MaxNotes, then one
    /// line that says how many more there were.
    QStringList notes;
    /// The format read (never Auto).
    Format format = Format::Auto;
};

/// More servers than this in one file is an error.
constexpr int MaxServers = 1000;
/// Notes kept for one import.
constexpr int MaxNotes = 100;

/// Reads the bytes of a configuration file (at most workspace_file::MaxBytes).
///
/// `Auto` tells the format from the content: name plus packages or remotes
/// → ServerJson; a top-level `mcpServers` → Cursor when `fileName` has a
/// `.cursor` folder, else ClaudeDesktop; `servers` (or `mcp.servers`) →
/// VsCode. A format given explicitly is read as that format. Comments (// and
/// /* */) and trailing commas are accepted in every format.
///
/// Mapping:
/// - stdio entries: command, arguments, environment and working directory
///   as written; transport "stdio".
/// - remote entries: `type` "http" (or no type) → transport "auto"
///   (streamable HTTP, falling back to HTTP+SSE, as VS Code and Cursor do),
///   "streamable-http"/"streamableHttp"/"streamable_http" → "streamable-http",
///   "sse" → "sse" with era "legacy". Every other era is "auto".
/// - server.json packages: npm → `npx -y id@version`, pypi → `uvx
///   id==version`, oci → `docker run -i --rm [runtime arguments] [-e NAME…]
///   image[:version]`, nuget → `dnx id@version --yes [-- arguments]`; a
///   runtimeHint names the command instead; runtime and package arguments
///   (positional: value or default; named: name then value or default)
///   follow. A package served over HTTP gives a URL server (the command kept
///   in memory, and a note). mcpb bundles and unknown registry types are left
///   out with a note. Remotes: one URL server each, its headers from
///   `headers`. Names are the title (or name), with "(npm)", "(remote, sse)"…
///   when there is more than one connection.
/// - Secrets: an environment variable or header whose name looks secret
///   (traffic::Redactor::isSecretName), whose server.json input is
///   `isSecret`, or whose value refers to a VS Code `password` input is
///   `secret`. Its value is kept (in memory only: the workspace file never
///   holds it) when the file held it literally; when it refers to a variable
///   (`${input:…}`, `${env:…}`, server.json `{name}`) the value is empty and
///   a note asks for it. Other `${…}` variables (`${workspaceFolder}`,
///   `${env:NAME}`, `${input:id}` that is no password) are kept as written,
///   with a note.
/// - Entries whose URL is not a usable http(s) URL (including one with
///   variables in it) are left out with a note.
///
/// On failure returns std::nullopt and `error` names where and what
/// ("mcpServers.github.args[2]: expected a string"). Never throws.
std::optional<Import> parse(const QByteArray &bytes, Format format, QString *error, const QString &fileName = {});

/// The workspace's MCP servers as `{"mcpServers": {…}}` (the Claude Desktop
/// and Cursor form), keyed by name (the id when there is none; "-2", "-3"…
/// when two are equal), in workspace order: stdio servers with command, args,
/// env and cwd; remote ones with type ("sse" for sse, "http" for auto and
/// streamable-http), url and headers. Agents are not written. A secret value
/// is never written: a secret environment variable or header (marked secret,
/// or with a secret-looking name) is left out and "<key>.env.NAME" or
/// "<key>.headers.NAME" is listed in `omitted`; a password in a URL is
/// removed ("<key>.url"). UTF-8 JSON, indented, ending in a newline.
QByteArray exportMcpServers(const WorkspaceData &data, QStringList *omitted = nullptr);

/// The format's name for people ("VS Code", "MCP registry server.json").
QString formatName(Format format);

} // namespace crosstalk::workspace::mcp_config
