// A hand-written A2A v1.0 JSON-RPC agent on plain node:http (no SDK) that
// streams artifact chunks at a steady rate, for the GUI benchmark: a load of
// so many events per second, not as fast as the reader goes.
//
//   PORT=0 node --require ./loopback.cjs a2a/paced-agent.mjs [--rate 5000] [--seconds 10]
//
// Card: GET /.well-known/agent-card.json (v1.0, streaming, JSONRPC at /rpc).
// POST /rpc:
//   SendStreamingMessage  an SSE stream of v1.0 JSON-RPC responses: the task
//                         (submitted), status working, then RATE × SECONDS
//                         chunks of artifact `paced` (about 80 bytes of text
//                         each; append from the 2nd on, lastChunk on the last)
//                         written in batches every 10 ms on an absolute
//                         schedule (chunk k is due at k / RATE s), then
//                         completed ("Sent N chunks in S s"). When the socket
//                         holds more than 1 MiB unread, the agent waits for
//                         it to drain, then sends what has fallen due.
//   GetTask               the task as it is now (its artifact whole).
//   anything else         -32601.
import http from 'node:http';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const rate = Number(option('--rate', '5000'));
const seconds = Number(option('--seconds', '10'));
if (!(rate > 0) || !(seconds > 0)) {
  process.stderr.write('paced-agent: --rate and --seconds take positive numbers\n');
  process.exit(2);
}
const total = Math.max(1, Math.round(rate * seconds));
const TickMs = 10;
const HighWaterBytes = 1024 * 1024;

let port = 0;
const card = () => ({
  name: 'Crosstalk paced peer',
  description: `Streams ${total} artifact chunks at ${rate} per second.`,
  supportedInterfaces: [{ url: `http://127.0.0.1:${port}/rpc`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
  provider: { url: 'https://crosstalk.invalid', organization: 'Crosstalk tests' },
  version: '1.0.0',
  capabilities: { streaming: true, pushNotifications: false },
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
  skills: [{ id: 'paced', name: 'Paced', description: `${rate} chunks a second for ${seconds} s.`, tags: ['test'] }],
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tasks = new Map(); // id -> the task as GetTask returns it
let nextTask = 1;

const chunkText = (index) => `chunk ${String(index).padStart(7, '0')} of ${total}: the quick brown fox jumps over the lazy dog\n`;
const agentMessage = (task, id, text) => ({ messageId: id, contextId: task.contextId, taskId: task.id, role: 'ROLE_AGENT', parts: [{ text }] });
const event = (rpcId, result) => `data: ${JSON.stringify({ jsonrpc: '2.0', id: rpcId, result })}\n\n`;

async function stream(req, res, rpcId, message) {
  const id = `paced-task-${nextTask++}`;
  const task = {
    id,
    contextId: message?.contextId ?? `paced-context-${id}`,
    status: { state: 'TASK_STATE_SUBMITTED', timestamp: new Date().toISOString() },
    artifacts: [{ artifactId: 'paced', name: 'paced', parts: [] }],
    history: message ? [message] : [],
  };
  tasks.set(id, task);
  const setState = (state, text) => {
    task.status = { state, timestamp: new Date().toISOString(), ...(text ? { message: agentMessage(task, `${id}-${state}`, text) } : {}) };
    return event(rpcId, { statusUpdate: { taskId: id, contextId: task.contextId, status: task.status } });
  };
  let gone = false;
  res.on('close', () => { gone = true; });
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.write(event(rpcId, { task: { ...task, artifacts: [] } }));
  res.write(setState('TASK_STATE_WORKING', `Streaming ${total} chunks at ${rate} a second`));

  const start = performance.now();
  let sent = 0;
  while (sent < total && !gone) {
    if (res.writableLength > HighWaterBytes) {
      await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
      continue;
    }
    const due = Math.min(total, Math.floor((performance.now() - start) * rate / 1000));
    let batch = '';
    for (; sent < due; ++sent) {
      const text = chunkText(sent);
      task.artifacts[0].parts.push({ text });
      batch += event(rpcId, { artifactUpdate: {
        taskId: id, contextId: task.contextId, append: sent > 0, lastChunk: sent === total - 1,
        artifact: { artifactId: 'paced', name: 'paced', parts: [{ text }] },
      } });
    }
    if (batch) res.write(batch);
    if (sent < total) await sleep(TickMs);
  }
  if (gone) return;
  const elapsed = (performance.now() - start) / 1000;
  res.end(setState('TASK_STATE_COMPLETED', `Sent ${total} chunks in ${elapsed.toFixed(2)} s`));
}

function answer(req, res, rpc) {
  const rpcId = rpc?.id ?? null;
  if (rpc?.method === 'SendStreamingMessage')
    return stream(req, res, rpcId, rpc?.params?.message);
  const task = rpc?.method === 'GetTask' ? tasks.get(rpc?.params?.id) : undefined;
  const body = task
    ? { jsonrpc: '2.0', id: rpcId, result: task }
    : rpc?.method === 'GetTask'
      ? { jsonrpc: '2.0', id: rpcId, error: { code: -32001, message: 'Task not found' } }
      : { jsonrpc: '2.0', id: rpcId, error: { code: -32601, message: `Method not found: ${rpc?.method}` } };
  res.writeHead(200, { 'Content-Type': 'application/json' });
  return res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url.split('?')[0] === '/.well-known/agent-card.json') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    return res.end(JSON.stringify(card()));
  }
  if (req.method !== 'POST' || req.url.split('?')[0] !== '/rpc') {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let rpc;
    try {
      rpc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      rpc = undefined;
    }
    Promise.resolve(answer(req, res, rpc)).catch((error) => process.stderr.write(`paced-agent: ${error.stack}\n`));
  });
});
server.requestTimeout = 0; // a stream may outlast the default
server.keepAliveTimeout = 5000;

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  port = server.address().port;
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 500).unref();
  });
}
