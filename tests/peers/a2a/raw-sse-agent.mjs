// A hand-written A2A v1.0 JSON-RPC "agent" on plain node:http (no SDK), for
// the tests of Crosstalk's SSE reader and its defences: it writes the bytes of
// its answers exactly as a test needs them, well formed but awkward, or broken.
//
//   PORT=0 node --require ./loopback.cjs a2a/raw-sse-agent.mjs [--mode MODE] [--delay-ms MS]
//
// Card: GET /.well-known/agent-card.json (v1.0, JSONRPC at /rpc). Every POST
// (any path) is answered according to MODE:
//   crlf (default)  SendStreamingMessage / SubscribeToTask: an SSE stream of
//                   v1.0 JSON-RPC responses (task submitted, working, three
//                   artifact chunks, completed) with CRLF line ends, a leading
//                   `: comment`, `retry: 1000`, an `id:` per event, one event
//                   whose JSON spans two `data:` lines, written in odd splits
//                   (1, 2, 3, 7, 13 bytes, MS apart) that cut UTF-8 sequences
//                   and CR LF pairs. GetTask: the finished task. Other methods:
//                   -32601.
//   never-starts    200 text/event-stream headers, then nothing, ever.
//   no-headers      reads the request and never answers at all.
//   garbage         200 text/event-stream whose events are not JSON-RPC JSON.
//   html            500 with an HTML error page.
//   deep            one event whose data is 100000-deep nested JSON arrays.
//   huge            200 application/json with Content-Length 2 GiB, body
//                   written slowly from one reused buffer, stopped when the
//                   client goes away.
//   invalid-utf8    the crlf task lifecycle, but with invalid UTF-8 bytes
//                   inside JSON strings.
//   endless         200 text/event-stream sending `: keep-alive` every 100 ms.
import http from 'node:http';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const mode = option('--mode', 'crlf');
const delayMs = Number(option('--delay-ms', '1'));
const MODES = ['crlf', 'never-starts', 'no-headers', 'garbage', 'html', 'deep', 'huge', 'invalid-utf8', 'endless'];
if (!MODES.includes(mode)) {
  process.stderr.write(`unknown mode ${mode}; one of ${MODES.join(', ')}\n`);
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const TASK_ID = 'raw-task-1';
const CONTEXT_ID = 'raw-context-1';
const TIMESTAMP = '2026-01-01T00:00:00.000Z';

let port = 0;
const card = () => ({
  name: 'Crosstalk raw SSE peer',
  description: 'Hand-written SSE answers, well formed but awkward, or broken.',
  supportedInterfaces: [{ url: `http://127.0.0.1:${port}/rpc`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
  provider: { url: 'https://crosstalk.invalid', organization: 'Crosstalk tests' },
  version: '1.0.0',
  capabilities: { streaming: true, pushNotifications: false },
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
  skills: [{ id: 'raw', name: 'Raw', description: `Answers in mode ${mode}.`, tags: ['test'] }],
});

// ------------------------------------------------------------ the made-up task

const agentMessage = (id, text) => ({ messageId: id, contextId: CONTEXT_ID, taskId: TASK_ID, role: 'ROLE_AGENT', parts: [{ text }] });
const artifactChunks = ['grüße ', '😀 and ', 'ünïcödé ✓'];

function streamItems(userText) {
  return [
    { task: { id: TASK_ID, contextId: CONTEXT_ID, status: { state: 'TASK_STATE_SUBMITTED', timestamp: TIMESTAMP },
      history: [{ messageId: 'user-1', contextId: CONTEXT_ID, taskId: TASK_ID, role: 'ROLE_USER', parts: [{ text: userText }] }] } },
    { statusUpdate: { taskId: TASK_ID, contextId: CONTEXT_ID, status: { state: 'TASK_STATE_WORKING', message: agentMessage('agent-1', 'Working: grüße 😀'), timestamp: TIMESTAMP } } },
    ...artifactChunks.map((text, i) => ({ artifactUpdate: {
      taskId: TASK_ID, contextId: CONTEXT_ID, append: i > 0, lastChunk: i === artifactChunks.length - 1,
      artifact: { artifactId: 'raw-artifact', name: 'raw', parts: [{ text }] },
    } })),
    { statusUpdate: { taskId: TASK_ID, contextId: CONTEXT_ID, status: { state: 'TASK_STATE_COMPLETED', message: agentMessage('agent-2', 'Done ✓'), timestamp: TIMESTAMP } } },
  ];
}

function finishedTask() {
  return {
    id: TASK_ID, contextId: CONTEXT_ID,
    status: { state: 'TASK_STATE_COMPLETED', message: agentMessage('agent-2', 'Done ✓'), timestamp: TIMESTAMP },
    artifacts: [{ artifactId: 'raw-artifact', name: 'raw', parts: artifactChunks.map((text) => ({ text })) }],
  };
}

// The whole SSE body of the crlf mode, as one string.
function crlfBody(id, userText) {
  let body = ': crosstalk raw SSE peer, comments are ignored\r\nretry: 1000\r\n\r\n';
  streamItems(userText).forEach((result, index) => {
    const json = JSON.stringify({ jsonrpc: '2.0', id, result });
    body += `id: ${index + 1}\r\n`;
    if (index === 1) {
      // One event's JSON on two data lines: the reader joins them with "\n".
      const cut = json.indexOf(',"result"');
      body += `data: ${json.slice(0, cut)}\r\ndata: ${json.slice(cut)}\r\n\r\n`;
    } else {
      body += `data: ${json}\r\n\r\n`;
    }
  });
  return body;
}

// Split points: 1, 2, 3, 7, 13 bytes in turn, plus a cut inside every
// multi-byte UTF-8 sequence and between every other CR and LF.
function splitPoints(bytes) {
  const points = new Set();
  const sizes = [1, 2, 3, 7, 13];
  for (let at = 0, i = 0; at < bytes.length; at += sizes[i++ % sizes.length]) points.add(at);
  let crlf = 0;
  for (let i = 0; i < bytes.length; ++i) {
    if (bytes[i] >= 0xc0 && bytes[i] < 0xf8) points.add(i + 1 + (bytes[i] >= 0xf0 ? 1 : 0)); // inside a lead byte's sequence
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a && crlf++ % 2 === 0) points.add(i + 1);
  }
  points.add(bytes.length);
  return [...points].filter((p) => p > 0 && p <= bytes.length).sort((a, b) => a - b);
}

async function writeInSplits(req, res, bytes) {
  let from = 0;
  for (const to of splitPoints(bytes)) {
    if (res.destroyed || req.socket.destroyed) return;
    res.write(bytes.subarray(from, to));
    from = to;
    await sleep(delayMs);
  }
  res.end();
}

// ------------------------------------------------------------ answers per mode

const sseHeaders = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' };

function invalidUtf8Body(id) {
  // Valid JSON around string contents that are not valid UTF-8: a lone
  // continuation byte, a truncated sequence, an overlong "/", an encoded
  // surrogate, 0xFF, and a sequence cut short by the closing quote.
  const marker = '\u0000BAD\u0000';
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  const bad = (label) => Buffer.concat([Buffer.from(`${label}: `), Buffer.from([0x80, 0x20, 0xc3, 0x28, 0x20, 0xc0, 0xaf, 0x20, 0xed, 0xa0, 0x80, 0x20, 0xff, 0x20, 0xe2, 0x82])]);
  const items = streamItems('raw');
  items[1].statusUpdate.status.message.parts[0].text = marker;
  items[2].artifactUpdate.artifact.parts[0].text = marker;
  items[3].artifactUpdate.artifact.parts[0].text = marker;
  const events = items.map((result, index) => {
    const [head, tail] = JSON.stringify({ jsonrpc: '2.0', id, result }).split(escapedMarker);
    const parts = [Buffer.from(`id: ${index + 1}\r\ndata: `), Buffer.from(head)];
    if (tail !== undefined) parts.push(bad(`event ${index + 1}`), Buffer.from(tail));
    parts.push(Buffer.from('\r\n\r\n'));
    return Buffer.concat(parts);
  });
  return Buffer.concat([Buffer.from(': invalid UTF-8 inside JSON strings follows\r\n\r\n'), ...events]);
}

async function answer(req, res, rpc) {
  const id = rpc?.id ?? null;
  switch (mode) {
    case 'crlf': {
      const method = rpc?.method;
      if (method === 'SendStreamingMessage' || method === 'SubscribeToTask') {
        const userText = rpc?.params?.message?.parts?.find((p) => typeof p.text === 'string')?.text ?? '';
        res.writeHead(200, sseHeaders);
        res.flushHeaders();
        return writeInSplits(req, res, Buffer.from(crlfBody(id, userText), 'utf8'));
      }
      const body = method === 'GetTask'
        ? { jsonrpc: '2.0', id, result: finishedTask() }
        : { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(body));
    }
    case 'never-starts':
      res.writeHead(200, sseHeaders);
      res.flushHeaders();
      return; // and nothing, ever
    case 'no-headers':
      return; // never answer
    case 'garbage': {
      res.writeHead(200, sseHeaders);
      const events = [
        'data: not json\n\n',
        'data: {"jsonrpc":"2.0","id":1,"result":{"task":\n\n',
        'data: 42\n\n',
        'data: {"jsonrpc":"2.0","id":1,"result":{"bogus":true}}\n\n',
        'data: [1,2,3]\n\n',
        'event: error\ndata: <html>not json either</html>\n\n',
      ];
      for (const event of events) {
        if (res.destroyed) return;
        res.write(event);
        await sleep(10);
      }
      return res.end();
    }
    case 'html':
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1><p>The proxy could not reach the agent.</p></body></html>\n');
    case 'deep': {
      const depth = 100000;
      res.writeHead(200, sseHeaders);
      return res.end(`id: 1\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n\n`);
    }
    case 'huge': {
      const total = 2 * 1024 * 1024 * 1024;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(total) });
      const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"padding":"`);
      const block = Buffer.alloc(64 * 1024, 'x');
      let gone = false;
      res.on('close', () => { gone = true; });
      res.write(head);
      let sent = head.length;
      while (!gone && sent + block.length < total) {
        if (!res.write(block)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
        sent += block.length;
        await sleep(5);
      }
      return; // never finishes the body; the client gives up first
    }
    case 'invalid-utf8':
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      return res.end(invalidUtf8Body(id));
    case 'endless': {
      res.writeHead(200, sseHeaders);
      res.flushHeaders();
      const timer = setInterval(() => res.write(': keep-alive\n\n'), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url.split('?')[0] === '/.well-known/agent-card.json') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    return res.end(JSON.stringify(card()));
  }
  if (req.method !== 'POST') {
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
    answer(req, res, rpc).catch((error) => process.stderr.write(`raw-sse-agent: ${error.stack}\n`));
  });
});
// Held answers (never-starts, no-headers, endless, huge) must not be cut by
// the server's own timeouts.
server.requestTimeout = 0;
server.headersTimeout = 0;
server.keepAliveTimeout = 5000;

server.listen(Number(process.env.PORT ?? 0), () => {
  port = server.address().port;
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 500).unref();
  });
}
