// An MCP server on stdio (2025-11-25) for the GUI benchmark of the tool
// views: it lists N tools (in pages of 500, each with a description and a
// small input schema) and its tool `big` answers with one text block of
// --megabytes of text (JSON text when --json is given).
//
//   node many-tools.cjs [--tools N] [--megabytes M] [--json]
'use strict';
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
};
const count = option('--tools', 10000);
const megabytes = option('--megabytes', 20);
const asJson = args.includes('--json');
const PAGE = 500;

const tools = [{ name: 'big', description: `Answers with ${megabytes} MB of text.`, inputSchema: { type: 'object', properties: {} } }];
const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
for (let i = 1; i < count; ++i) {
  tools.push({
    name: `tool-${String(i).padStart(5, '0')}`,
    title: `Tool ${i} ${words[i % words.length]}`,
    description: `Does ${words[i % words.length]} things with ${words[(i * 7) % words.length]} inputs (number ${i}).`,
    inputSchema: {
      type: 'object',
      properties: { query: { type: 'string', description: 'What to look for' }, limit: { type: 'integer', minimum: 1, default: 10 } },
      required: ['query'],
    },
    annotations: { readOnlyHint: i % 2 === 0, openWorldHint: i % 3 === 0 },
  });
}

function bigText() {
  const target = megabytes * 1024 * 1024;
  if (asJson) {
    const rows = [];
    let size = 2;
    for (let i = 0; size < target; ++i) {
      const row = { id: i, name: `row ${i}`, tags: ['a', 'b'], score: i * 0.5 };
      size += JSON.stringify(row).length + 1;
      rows.push(row);
    }
    return JSON.stringify(rows);
  }
  const line = `${'lorem ipsum dolor sit amet '.repeat(3)}\n`;
  return line.repeat(Math.ceil(target / line.length)).slice(0, target);
}

const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line);
  const ok = (result) => send({ jsonrpc: '2.0', id: m.id, result });
  if (m.method === 'initialize')
    return ok({ protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'many-tools', version: '1' } });
  if (m.method === 'server/discover') return send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } });
  if (m.id === undefined) return;
  if (m.method === 'tools/list') {
    const start = m.params && m.params.cursor ? Number(m.params.cursor) : 0;
    const page = tools.slice(start, start + PAGE);
    return ok(start + PAGE < tools.length ? { tools: page, nextCursor: String(start + PAGE) } : { tools: page });
  }
  if (m.method === 'tools/call') {
    if (m.params.name === 'big') return ok({ content: [{ type: 'text', text: bigText() }] });
    return ok({ content: [{ type: 'text', text: `called ${m.params.name}` }] });
  }
  if (m.method === 'ping') return ok({});
  send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `Method not found: ${m.method}` } });
});
rl.on('close', () => process.exit(0));
