// A small MCP server on stdio (2025-11-25, legacy handshake) whose tools are
// made to test how a client shows them: markup and hidden characters in a
// name, title and description, a tool that fails as a tool (isError), one
// whose call the server refuses with a JSON-RPC error, and one that reports
// progress before it answers.
//
//   node odd-tools.cjs
'use strict';
const rl = require('readline').createInterface({ input: process.stdin });
const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');

const tools = [
  {
    name: 'show\u202Eevil',
    title: '<b>Bold</b> <img src="http://127.0.0.1:1/x.png"> title',
    description: 'Looks <a href="http://127.0.0.1:1/">harmless</a>\u200B but hides a zero-width space.',
    inputSchema: { type: 'object', properties: { text: { type: 'string', title: '<i>Text</i>' } } },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'fail',
    description: 'Always fails as a tool.',
    inputSchema: { type: 'object', properties: {} },
    annotations: { destructiveHint: true },
  },
  {
    name: 'refuse',
    description: 'The server refuses every call with a JSON-RPC error.',
    inputSchema: { type: 'object', properties: {} },
  },
  {
    name: 'slow',
    description: 'Reports progress three times, then answers.',
    inputSchema: { type: 'object', properties: { steps: { type: 'integer', minimum: 1, maximum: 10, default: 3 } } },
  },
];

rl.on('line', (line) => {
  let m;
  try {
    m = JSON.parse(line);
  } catch {
    return;
  }
  const ok = (result) => send({ jsonrpc: '2.0', id: m.id, result });
  if (m.method === 'initialize') {
    return ok({ protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'odd-tools', version: '1.0.0' },
                instructions: 'Use the <b>odd</b> tools\u202E with care.' });
  }
  if (m.method === 'server/discover')
    return send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } });
  if (m.id === undefined) return; // notifications
  if (m.method === 'tools/list') return ok({ tools });
  if (m.method === 'ping') return ok({});
  if (m.method === 'tools/call') {
    const name = m.params.name;
    if (name === 'fail') return ok({ content: [{ type: 'text', text: 'The disk is full.' }], isError: true });
    if (name === 'refuse') return send({ jsonrpc: '2.0', id: m.id, error: { code: -32602, message: 'Refused: no calls today' } });
    if (name === 'slow') {
      const steps = (m.params.arguments && m.params.arguments.steps) || 3;
      const token = m.params._meta && m.params._meta.progressToken;
      let step = 0;
      const tick = () => {
        step += 1;
        if (token !== undefined)
          send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: step, total: steps, message: `step ${step}` } });
        if (step < steps) setTimeout(tick, 100);
        else ok({ content: [{ type: 'text', text: `done after ${steps} steps` }] });
      };
      return setTimeout(tick, 100);
    }
    return ok({ content: [{ type: 'text', text: `called ${name}` }] });
  }
  send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `Method not found: ${m.method}` } });
});
rl.on('close', () => process.exit(0));
