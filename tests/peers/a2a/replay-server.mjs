// Replays one recorded A2A JSON-RPC event stream as fast as the reader takes
// it, for crosstalk-bench: every client measured against it reads the same
// bytes from a server that is never the bottleneck.
//   node a2a/replay-server.mjs STREAM_FILE
// Card at /.well-known/agent-card.json (v1.0, JSON-RPC at /rpc, streaming);
// any POST to /rpc is answered with the file as text/event-stream.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const stream = readFileSync(process.argv[2]);
let base = '';
const card = () => JSON.stringify({
  name: 'Crosstalk replay agent', description: 'Replays a recorded stream.', version: '1.0.0',
  supportedInterfaces: [{ url: `${base}/rpc`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
  capabilities: { streaming: true }, defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'], skills: [],
});
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url.startsWith('/.well-known/agent-card.json')) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(card());
  }
  if (req.method === 'POST' && req.url === '/rpc') {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.end(stream);
    });
    return;
  }
  res.writeHead(404);
  res.end();
});
server.listen(Number(process.env.PORT ?? 0), () => { base = `http://127.0.0.1:${server.address().port}`; });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { server.closeAllConnections?.(); server.close(() => process.exit(0)); });
