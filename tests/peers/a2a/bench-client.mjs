// The official @a2a-js/sdk client consuming one streamed task, for
// crosstalk-bench's comparison: `node a2a/bench-client.mjs BASE_URL TEXT`.
// Prints {"events": N, "ms": T, "textBytes": B, "state": S} on stdout.
import { ClientFactory } from '@a2a-js/sdk/client';

const [baseUrl, text] = process.argv.slice(2);
const client = await new ClientFactory().createFromUrl(baseUrl);
const started = performance.now();
let events = 0;
let textBytes = 0;
let state = '';
for await (const item of client.sendMessageStream({
  message: { messageId: `bench-${Date.now()}`, role: 1, parts: [{ content: { $case: 'text', value: text } }], contextId: '', taskId: '', metadata: undefined, extensions: [], referenceTaskIds: [] },
})) {
  ++events;
  const payload = item.payload ?? item;
  const value = payload.value ?? payload;
  for (const part of value?.artifact?.parts ?? []) textBytes += (part.content?.value ?? '').length;
  if (value?.status?.state !== undefined) state = String(value.status.state);
}
process.stdout.write(JSON.stringify({ events, ms: performance.now() - started, textBytes, state }) + '\n');
