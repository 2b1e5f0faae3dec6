// The Crosstalk support demo: four A2A agents in one process, each an
// @a2a-js/sdk server on its own port on 127.0.0.1. The support orchestrator
// delegates over A2A to the billing, technical-support and refund-policy
// agents. See README.md.
//
//   node tests/peers/demo/network.mjs [--base-port N] [--workspace FILE] [--exit-with-stdin]
//
// Once all four listen it prints one line on stdout:
//   CROSSTALK_DEMO_READY {"orchestrator":"http://127.0.0.1:PORT/","billing":…,"technical":…,"refunds":…}
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { log, startAgent, STEP_MS, stopServer } from './common.mjs';
import { specialists } from './specialists.mjs';
import { orchestratorCard, orchestratorExecutor } from './orchestrator.mjs';

const USAGE = 'usage: network.mjs [--base-port N] [--workspace FILE] [--exit-with-stdin]';

function parseArgs(argv) {
  const options = { basePort: undefined, workspace: undefined, exitWithStdin: false };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === '--base-port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65532) throw new Error('--base-port needs a port from 1 to 65532');
      options.basePort = port;
    } else if (arg === '--workspace') {
      options.workspace = argv[++i];
      if (!options.workspace) throw new Error('--workspace needs a FILE');
    } else if (arg === '--exit-with-stdin') {
      options.exitWithStdin = true;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

// Written to FILE.tmp and renamed, so a reader never sees half a file.
function writeWorkspace(file, urls) {
  const workspace = {
    format: 'crosstalk-workspace',
    version: 1,
    name: 'Support demo network',
    connections: [
      { id: 'support-orchestrator', kind: 'agent', name: 'Support orchestrator', url: urls.orchestrator },
      { id: specialists.billing.id, kind: 'agent', name: specialists.billing.name, url: urls.billing },
      { id: specialists.technical.id, kind: 'agent', name: specialists.technical.name, url: urls.technical },
      { id: specialists.refunds.id, kind: 'agent', name: specialists.refunds.name, url: urls.refunds },
      // The official MCP reference server, run by Crosstalk over stdio when
      // someone connects it, with the same loopback-only guard as the agents.
      {
        id: 'mcp-everything',
        kind: 'mcp',
        name: 'MCP reference server',
        transport: 'stdio',
        command: process.execPath,
        arguments: [
          '--require',
          fileURLToPath(new URL('../loopback.cjs', import.meta.url)),
          fileURLToPath(new URL('../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url)),
        ],
      },
    ],
  };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(workspace, null, 2)}\n`);
  renameSync(tmp, file);
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  log(error.message);
  process.exit(2);
}

const servers = [];
let stopping = false;

async function stop(reason) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${reason})`);
  // Should a connection refuse to close, do not hang the caller.
  setTimeout(() => process.exit(0), 2000).unref();
  await Promise.all(servers.map(stopServer));
  process.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));
if (options.exitWithStdin) {
  // A parent that dies closes our stdin: take the network down with it.
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin error'));
  process.stdin.resume();
}

// The orchestrator learns the specialists' URLs once they listen.
const directory = {
  billing: { ...specialists.billing, url: undefined },
  technical: { ...specialists.technical, url: undefined },
  refunds: { ...specialists.refunds, url: undefined },
};

const port = (offset) => (options.basePort === undefined ? 0 : options.basePort + offset);
const agents = [
  { key: 'orchestrator', card: orchestratorCard(), executor: orchestratorExecutor(directory), port: port(0) },
  { key: 'billing', card: specialists.billing.card(), executor: specialists.billing.executor(), port: port(1) },
  { key: 'technical', card: specialists.technical.card(), executor: specialists.technical.executor(), port: port(2) },
  { key: 'refunds', card: specialists.refunds.card(), executor: specialists.refunds.executor(), port: port(3) },
];

const urls = {};
try {
  await Promise.all(agents.map(async (agent) => {
    const { server, url } = await startAgent(agent);
    servers.push(server);
    urls[agent.key] = url;
  }));
} catch (error) {
  log(`cannot start: ${error.message}`);
  await Promise.all(servers.map(stopServer));
  process.exit(1);
}
if (stopping) await new Promise(() => {}); // a signal came while starting: stop() exits

for (const key of ['billing', 'technical', 'refunds']) directory[key].url = urls[key];

if (options.workspace) {
  try {
    writeWorkspace(options.workspace, urls);
  } catch (error) {
    log(`cannot write the workspace: ${error.message}`);
    await Promise.all(servers.map(stopServer));
    process.exit(1);
  }
}

log(`support orchestrator ${urls.orchestrator}, billing ${urls.billing}, technical support ${urls.technical}, refund policy ${urls.refunds}; step ${STEP_MS} ms`);
const ready = { orchestrator: urls.orchestrator, billing: urls.billing, technical: urls.technical, refunds: urls.refunds };
process.stdout.write(`CROSSTALK_DEMO_READY ${JSON.stringify(ready)}\n`);
