// A small MCP server on stdio that speaks only 2026-07-28 and makes a task of
// every tool call (the io.modelcontextprotocol/tasks extension), for the
// tests of the task path. What it received is written to stderr, one line
// per event, for the test to read.
//
//   node scripted-modern.cjs ask      the task asks for a name (elicitation),
//                                     then completes with a greeting
//   node scripted-modern.cjs forever  the task works until cancelled
//   node scripted-modern.cjs fail     the task fails with a JSON-RPC error
//   node scripted-modern.cjs mystery  tool calls answer with an unknown resultType
//   node scripted-modern.cjs catalog  no tasks: lists with caching hints, the
//                                     tool "add" adds a tool, and changes go
//                                     out on the subscriptions/listen stream
'use strict';
const mode = process.argv[2] || 'ask';
const rl = require('readline').createInterface({ input: process.stdin });
const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const now = () => new Date().toISOString();
const tasks = new Map();
const tools = [{ name: 'add', inputSchema: { type: 'object' }, icons: [{ src: 'https://example.com/add.png' }] }];
let listen = null; // { id, filter }

function notify(method, params) {
  if (!listen) return;
  send({ jsonrpc: '2.0', method, params: { ...params, _meta: { 'io.modelcontextprotocol/subscriptionId': listen.id } } });
}

function task(id) {
  const t = tasks.get(id);
  return { taskId: id, status: t.status, createdAt: t.createdAt, lastUpdatedAt: now(), ttlMs: 60000, pollIntervalMs: 50,
           ...(t.statusMessage ? { statusMessage: t.statusMessage } : {}) };
}

rl.on('line', (line) => {
  const m = JSON.parse(line);
  const ok = (result) => send({ jsonrpc: '2.0', id: m.id, result: { resultType: 'complete', ...result } });
  const error = (code, message) => send({ jsonrpc: '2.0', id: m.id, error: { code, message } });
  const capabilities = (m.params && m.params._meta && m.params._meta['io.modelcontextprotocol/clientCapabilities']) || {};
  if (m.method === 'server/discover') {
    return ok({ supportedVersions: ['2026-07-28'], serverInfo: { name: 'scripted-modern', version: '1' },
                capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, extensions: { 'io.modelcontextprotocol/tasks': {} } }, ttlMs: 0, cacheScope: 'public' });
  }
  if (mode === 'catalog') {
    if (m.method === 'tools/list') {
      process.stderr.write('tools/list\n');
      return ok({ tools, ttlMs: 60000, cacheScope: 'public' });
    }
    if (m.method === 'subscriptions/listen') {
      const wanted = m.params.notifications || {};
      listen = { id: m.id, filter: wanted };
      process.stderr.write(`listen ${m.id} ${JSON.stringify(wanted)}\n`);
      const agreed = {};
      if (wanted.toolsListChanged) agreed.toolsListChanged = true;
      if (wanted.resourceSubscriptions) agreed.resourceSubscriptions = wanted.resourceSubscriptions.filter((u) => u.startsWith('test://'));
      return notify('notifications/subscriptions/acknowledged', { notifications: agreed });
    }
    if (m.method === 'tools/call') {
      tools.push({ name: 'added-' + tools.length, inputSchema: { type: 'object' },
                   icons: [{ src: 'http://example.com/plain.png' }, { src: 'data:image/png;base64,iVBORw0KGgo=' }] });
      ok({ content: [{ type: 'text', text: 'added' }] });
      if (listen && listen.filter.toolsListChanged) notify('notifications/tools/list_changed', {});
      for (const uri of (listen && listen.filter.resourceSubscriptions) || [])
        if (uri.startsWith('test://')) notify('notifications/resources/updated', { uri });
      return;
    }
  }
  if (m.method === 'tools/call' && mode === 'mystery')
    return send({ jsonrpc: '2.0', id: m.id, result: { resultType: 'mystery', content: [] } });
  if (m.method === 'tools/call') {
    if (!capabilities.extensions || !capabilities.extensions['io.modelcontextprotocol/tasks'])
      return error(-32021, 'Missing required client capability');
    const id = 'task-' + (tasks.size + 1);
    tasks.set(id, { status: 'working', createdAt: now(), polls: 0 });
    process.stderr.write(`created ${id}\n`);
    return send({ jsonrpc: '2.0', id: m.id, result: { resultType: 'task', ...task(id) } });
  }
  const t = m.params && tasks.get(m.params.taskId);
  if (m.method === 'tasks/get') {
    if (!t) return error(-32602, 'Unknown task');
    ++t.polls;
    if (t.status === 'working' && mode === 'ask' && t.polls >= 2 && !t.answer) {
      t.status = 'input_required';
    }
    if (t.status === 'working' && mode === 'fail' && t.polls >= 2) {
      t.status = 'failed';
      return ok({ ...task(m.params.taskId), error: { code: -32603, message: 'the disk is full' } });
    }
    if (t.status === 'input_required') {
      return ok({ ...task(m.params.taskId), inputRequests: { name: { method: 'elicitation/create', params: {
        mode: 'form', message: 'Whom shall I greet?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } } } });
    }
    if (t.status === 'completed') {
      return ok({ ...task(m.params.taskId), result: { content: [{ type: 'text', text: 'Hello, ' + t.answer + '!' }] } });
    }
    return ok(task(m.params.taskId));
  }
  if (m.method === 'tasks/update') {
    if (!t) return error(-32602, 'Unknown task');
    process.stderr.write(`update ${m.params.taskId} ${JSON.stringify(m.params.inputResponses)}\n`);
    const answer = m.params.inputResponses && m.params.inputResponses.name;
    if (answer && answer.action === 'accept') {
      t.answer = answer.content.name;
      t.status = 'completed';
    } else {
      t.status = 'cancelled';
      t.statusMessage = 'nobody to greet';
    }
    return ok({});
  }
  if (m.method === 'tasks/cancel') {
    if (!t) return error(-32602, 'Unknown task');
    t.status = 'cancelled';
    process.stderr.write(`cancel ${m.params.taskId}\n`);
    return ok(task(m.params.taskId));
  }
  if (m.method === 'notifications/cancelled') {
    process.stderr.write(`cancelled ${m.params.requestId}\n`);
    if (listen && listen.id === m.params.requestId) listen = null;
    return;
  }
  if ('id' in m) return error(-32601, 'Method not found');
});
