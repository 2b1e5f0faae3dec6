// The official MCP TypeScript SDK's client as a benchmark baseline: it
// connects to a server, then makes N sequential tools/call requests of
// server-everything's `echo` tool ({message: "hello"}) and times those calls
// only (connecting and closing are not timed).
//
//   node mcp-sdk-client.mjs stdio N -- COMMAND [ARGS...]   spawns the server (StdioClientTransport)
//   node mcp-sdk-client.mjs http N URL                     Streamable HTTP (StreamableHTTPClientTransport)
//
// It prints exactly one JSON line on stdout:
//   {"transport":"stdio","calls":N,"seconds":S,"callsPerSecond":R}
// and exits non-zero, with the reason on stderr, if anything fails (including
// an echo result that is not "Echo: hello").
//
// The SDK is the one pinned in tests/peers (package-lock.json); this script
// lives outside that folder, so it is loaded with a require() rooted there.
// CROSSTALK_PEERS may name another tests/peers folder.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setMaxListeners } from 'node:events';

const usage =
  'usage: node mcp-sdk-client.mjs stdio N -- COMMAND [ARGS...]\n' +
  '       node mcp-sdk-client.mjs http N URL\n';

function fail(message) {
  process.stderr.write(`mcp-sdk-client: ${message}\n`);
  process.exit(1);
}

const peersDir =
  process.env.CROSSTALK_PEERS || fileURLToPath(new URL('../../peers/', import.meta.url));
const requireFromPeers = createRequire(path.join(peersDir, 'package.json'));
function sdk(subpath) {
  try {
    return requireFromPeers(`@modelcontextprotocol/sdk/${subpath}`);
  } catch (error) {
    fail(`cannot load @modelcontextprotocol/sdk from ${peersDir} (npm ci there?): ${error.message}`);
  }
}

const argv = process.argv.slice(2);
const [mode, countText] = argv;
const calls = Number(countText);
if (!Number.isInteger(calls) || calls < 1) {
  process.stderr.write(usage);
  fail(`N must be a positive integer, not ${JSON.stringify(countText)}`);
}

const { Client } = sdk('client/index.js');
let transport;
let transportName;
if (mode === 'stdio') {
  if (argv[2] !== '--' || argv.length < 4) {
    process.stderr.write(usage);
    fail('stdio needs -- and the server command');
  }
  const { StdioClientTransport } = sdk('client/stdio.js');
  // The server's stderr goes to ours; stdout carries only the protocol.
  transport = new StdioClientTransport({
    command: argv[3],
    args: argv.slice(4),
    env: process.env,
    stderr: 'inherit',
  });
  transportName = 'stdio';
} else if (mode === 'http') {
  // The SDK's Streamable HTTP transport passes one AbortSignal to every
  // fetch(), and undici drops its abort listeners only when the responses are
  // collected, so a long run trips Node's MaxListenersExceededWarning (1500
  // on an AbortSignal) once per call past the limit. The signal is created
  // in connect(); raising the default before then keeps stderr quiet without
  // changing what the SDK does.
  setMaxListeners(calls + 1000);
  if (argv.length !== 3) {
    process.stderr.write(usage);
    fail('http needs exactly one URL');
  }
  let url;
  try {
    url = new URL(argv[2]);
  } catch {
    fail(`not a URL: ${argv[2]}`);
  }
  const { StreamableHTTPClientTransport } = sdk('client/streamableHttp.js');
  transport = new StreamableHTTPClientTransport(url);
  transportName = 'http';
} else {
  process.stderr.write(usage);
  fail(`unknown transport ${JSON.stringify(mode)} (stdio or http)`);
}

const client = new Client({ name: 'crosstalk-bench-sdk-client', version: '1.0.0' });
client.onerror = (error) => process.stderr.write(`mcp-sdk-client: transport error: ${error.message}\n`);

let exitCode = 0;
try {
  await client.connect(transport);

  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const result = await client.callTool({ name: 'echo', arguments: { message: 'hello' } });
    const text = result?.content?.[0]?.text;
    if (result.isError || text !== 'Echo: hello')
      throw new Error(`call ${i + 1}: unexpected result ${JSON.stringify(result)}`);
  }
  const seconds = (performance.now() - start) / 1000;

  process.stdout.write(
    JSON.stringify({
      transport: transportName,
      calls,
      seconds: Number(seconds.toFixed(6)),
      callsPerSecond: Number((calls / seconds).toFixed(1)),
    }) + '\n',
  );
} catch (error) {
  process.stderr.write(`mcp-sdk-client: ${error?.stack || error}\n`);
  exitCode = 1;
} finally {
  try {
    if (transportName === 'http' && transport.sessionId) await transport.terminateSession();
  } catch {
    // The server may not support DELETE; closing is enough.
  }
  await client.close().catch(() => {});
}
process.exit(exitCode);
