// Self-check of the support demo network. Starts network.mjs with fast steps,
// then talks to it over plain HTTP (JSON-RPC, A2A v1.0, its own SSE reader:
// independent of the SDK the agents use) and checks the cards, the workspace
// file, the whole support flow, cancel, and a clean stop on SIGTERM.
// Exit code 0 on success; otherwise a message on stderr and exit code 1.
//
//   node tests/peers/demo/smoke.mjs
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TOTAL_MS = 60000;

class CheckFailed extends Error {}
function check(condition, what) {
  if (!condition) throw new CheckFailed(what);
}
const step = (text) => process.stderr.write(`smoke: ${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new CheckFailed(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

// ---------------------------------------------------------------- A2A over plain HTTP

const A2A_HEADERS = { 'Content-Type': 'application/json', 'A2A-Version': '1.0' };
let rpcId = 0;

async function rpc(endpoint, method, params) {
  const response = await fetch(endpoint, { method: 'POST', headers: A2A_HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }) });
  const body = await response.json();
  check(!body.error, `${method} answered an error: ${JSON.stringify(body.error)}`);
  return body.result;
}

// Yields the stream items ({task}, {statusUpdate}, …) of a streaming call,
// one at a time, as they arrive.
async function* rpcStream(endpoint, method, params, signal) {
  const response = await fetch(endpoint, {
    method: 'POST', signal,
    headers: { ...A2A_HEADERS, Accept: 'text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
  check(response.ok, `${method}: HTTP ${response.status}`);
  check((response.headers.get('content-type') ?? '').startsWith('text/event-stream'), `${method}: not an event stream`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).replace(/^ /, '')).join('\n');
      if (!data) continue;
      const message = JSON.parse(data);
      check(!message.error, `${method} stream carried an error: ${JSON.stringify(message.error)}`);
      yield message.result;
    }
  }
}

const kindOf = (item) => ['task', 'statusUpdate', 'artifactUpdate', 'message'].find((kind) => item[kind] !== undefined);
const stateOf = (item) => (item.task ?? item.statusUpdate)?.status?.state;
const textOf = (message) => (message?.parts ?? []).map((part) => part.text ?? '').join('');
const statusText = (item) => textOf(item.statusUpdate?.status?.message);
const describe = (item) => {
  const kind = kindOf(item);
  if (kind === 'artifactUpdate') return `artifact ${item.artifactUpdate.artifact.artifactId}`;
  return `${kind} ${stateOf(item) ?? ''} ${statusText(item)}`.trim();
};

const userMessage = (text, ids = {}) => ({ message: { messageId: randomUUID(), role: 'ROLE_USER', parts: [{ text }], ...ids } });

async function collect(endpoint, params) {
  const items = [];
  for await (const item of rpcStream(endpoint, 'SendStreamingMessage', params)) items.push(item);
  return items;
}

function jsonRpcUrl(card) {
  const entry = card.supportedInterfaces.find((i) => i.protocolBinding === 'JSONRPC' && i.protocolVersion === '1.0');
  check(entry, `${card.name}: no JSON-RPC v1.0 interface in the card`);
  return entry.url;
}

// ---------------------------------------------------------------- the network

function startNetwork(workspaceFile) {
  const child = spawn(process.execPath, [join(here, 'network.mjs'), '--workspace', workspaceFile, '--exit-with-stdin'], {
    env: { ...process.env, CROSSTALK_DEMO_STEP_MS: '10' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const network = { child, stdout: '', stderr: '', exited: undefined };
  network.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.setEncoding('utf8').on('data', (text) => { network.stderr += text; });
  child.stdout.setEncoding('utf8');
  network.ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (text) => {
      network.stdout += text;
      const line = network.stdout.split('\n').find((l) => l.startsWith('CROSSTALK_DEMO_READY '));
      if (line && network.stdout.includes(`${line}\n`)) resolve(line);
    });
    network.exited.then(({ code, signal }) => reject(new CheckFailed(`network.mjs exited early (code ${code}, signal ${signal})`)));
  });
  return network;
}

// ---------------------------------------------------------------- the checks

async function checkReady(network) {
  const line = await withTimeout(network.ready, 15000, 'the READY line');
  const urls = JSON.parse(line.slice('CROSSTALK_DEMO_READY '.length));
  check(JSON.stringify(Object.keys(urls)) === JSON.stringify(['orchestrator', 'billing', 'technical', 'refunds']), `READY keys: ${Object.keys(urls)}`);
  for (const [key, url] of Object.entries(urls)) check(/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url), `READY ${key} URL ${url}`);
  check(new Set(Object.values(urls)).size === 4, 'READY URLs are not four different ports');
  return urls;
}

function checkWorkspace(file, urls) {
  check(existsSync(file), 'no workspace file');
  check(!existsSync(`${file}.tmp`), 'the workspace .tmp file was left behind');
  const workspace = JSON.parse(readFileSync(file, 'utf8'));
  const expected = {
    format: 'crosstalk-workspace',
    version: 1,
    name: 'Support demo network',
    connections: [
      { id: 'support-orchestrator', kind: 'agent', name: 'Support orchestrator', url: urls.orchestrator },
      { id: 'billing', kind: 'agent', name: 'Billing', url: urls.billing },
      { id: 'technical-support', kind: 'agent', name: 'Technical support', url: urls.technical },
      { id: 'refund-policy', kind: 'agent', name: 'Refund policy', url: urls.refunds },
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
  for (const path of expected.connections[4].arguments.slice(1))
    check(existsSync(path), `the MCP reference server's ${path} does not exist`);
  check(JSON.stringify(workspace) === JSON.stringify(expected), `workspace file differs:\n${JSON.stringify(workspace, null, 2)}`);
}

async function checkCards(urls) {
  const cards = {};
  const names = { orchestrator: 'Support orchestrator', billing: 'Billing', technical: 'Technical support', refunds: 'Refund policy' };
  for (const [key, url] of Object.entries(urls)) {
    const response = await fetch(new URL('.well-known/agent-card.json', url), { headers: { 'A2A-Version': '1.0' } });
    check(response.ok, `${key} card: HTTP ${response.status}`);
    const card = await response.json();
    check(card.name === names[key], `${key} card name ${card.name}`);
    check(card.description?.length > 20, `${key} card has no real description`);
    check(card.provider?.organization === 'Crosstalk demo', `${key} card provider ${JSON.stringify(card.provider)}`);
    check(card.version, `${key} card has no version`);
    check(card.capabilities?.streaming === true, `${key} card does not announce streaming`);
    check(card.defaultInputModes?.length > 0 && card.defaultOutputModes?.length > 0, `${key} card has no input/output modes`);
    check(card.skills?.length >= 2, `${key} card has fewer than 2 skills`);
    for (const s of card.skills) {
      check(s.id && s.name && s.description && s.tags?.length && s.examples?.length && s.inputModes?.length && s.outputModes?.length,
        `${key} skill ${s.id} lacks a field: ${JSON.stringify(s)}`);
    }
    for (const i of card.supportedInterfaces) check(i.url.startsWith(url.replace(/\/$/, '')), `${key} interface ${i.url} not on its own port`);
    cards[key] = card;

    // A v0.3 client (no version header) gets the v0.3 shape.
    const legacy = await (await fetch(new URL('.well-known/agent-card.json', url))).json();
    check(legacy.protocolVersion && legacy.url?.startsWith('http://127.0.0.1:'), `${key} v0.3 card: ${JSON.stringify(legacy).slice(0, 200)}`);
  }
  return cards;
}

// The support flow: no order number -> input-required; the follow-up gives it,
// the orchestrator consults billing and refund policy, and completes.
async function checkSupportFlow(cards) {
  const endpoint = jsonRpcUrl(cards.orchestrator);

  const first = await collect(endpoint, userMessage('I was charged twice and want a refund'));
  const firstTrace = first.map(describe).join('\n  ');
  check(kindOf(first[0]) === 'task' && stateOf(first[0]) === 'TASK_STATE_SUBMITTED', `first turn starts with ${describe(first[0])}:\n  ${firstTrace}`);
  check(stateOf(first[1]) === 'TASK_STATE_WORKING' && statusText(first[1]) === 'Reading your request', `first turn, second event:\n  ${firstTrace}`);
  const last = first.at(-1);
  check(stateOf(last) === 'TASK_STATE_INPUT_REQUIRED', `first turn does not end in input-required:\n  ${firstTrace}`);
  check(statusText(last) === 'Which order is this about? Please give the order number.', `input-required message: ${statusText(last)}`);
  check(first.slice(1, -1).every((item) => stateOf(item) === 'TASK_STATE_WORKING'), `first turn, middle events:\n  ${firstTrace}`);
  const { id: taskId, contextId } = first[0].task;

  const second = await collect(endpoint, userMessage('order #4711', { taskId, contextId }));
  const trace = second.map(describe).join('\n  ');
  check(kindOf(second[0]) === 'task' && second[0].task.id === taskId, `follow-up does not start with the task:\n  ${trace}`);
  check(stateOf(second[1]) === 'TASK_STATE_WORKING', `follow-up, second event:\n  ${trace}`);
  check(!second.some((item) => stateOf(item) === 'TASK_STATE_INPUT_REQUIRED' && kindOf(item) === 'statusUpdate'), `asked twice:\n  ${trace}`);
  const statuses = second.filter((item) => kindOf(item) === 'statusUpdate').map(statusText);
  const askBilling = statuses.indexOf('Asking the billing agent…');
  const askRefunds = statuses.indexOf('Asking the refund policy agent…');
  check(askBilling >= 0 && askRefunds > askBilling, `no delegation to billing, then refund policy:\n  ${trace}`);
  check(!statuses.some((text) => /technical support agent/.test(text)), `technical support consulted:\n  ${trace}`);
  check(statuses.some((text) => text.startsWith('Billing agent: ')), `no relayed billing progress:\n  ${trace}`);
  check(statuses.some((text) => text.startsWith('Refund policy agent: ')), `no relayed refund progress:\n  ${trace}`);

  // Each delegation names the specialist's task; it must have completed there.
  const links = second.map((item) => item.statusUpdate?.metadata?.delegation).filter(Boolean);
  check(links.map((link) => link.agent).join() === 'billing,refund-policy', `delegation links: ${JSON.stringify(links)}`);
  for (const link of links) {
    const key = link.agent === 'billing' ? 'billing' : 'refunds';
    const remote = await rpc(jsonRpcUrl(cards[key]), 'GetTask', { id: link.taskId });
    check(remote.status.state === 'TASK_STATE_COMPLETED', `${link.agent} task ${link.taskId} is ${remote.status.state}`);
    check(remote.artifacts?.length === 1, `${link.agent} task has ${remote.artifacts?.length} artifacts`);
  }

  // case-notes: several chunks, append from the 2nd on, lastChunk on the last.
  const notes = second.filter((item) => item.artifactUpdate?.artifact.artifactId === 'case-notes').map((item) => item.artifactUpdate);
  check(notes.length >= 4, `case-notes came in ${notes.length} chunks`);
  notes.forEach((chunk, i) => {
    check(Boolean(chunk.append) === (i > 0), `case-notes chunk ${i}: append ${chunk.append}`);
    check(Boolean(chunk.lastChunk) === (i === notes.length - 1), `case-notes chunk ${i}: lastChunk ${chunk.lastChunk}`);
  });
  const notesText = notes.map((chunk) => chunk.artifact.parts.map((part) => part.text).join('')).join('');
  const noteLines = notesText.trim().split('\n');
  check(noteLines.some((line) => line.startsWith('Billing agent: ')) && noteLines.some((line) => line.startsWith('Refund policy agent: ')),
    `case-notes lack a specialist line:\n${notesText}`);

  const summaries = second.filter((item) => item.artifactUpdate?.artifact.artifactId === 'case-summary').map((item) => item.artifactUpdate);
  check(summaries.length === 1 && summaries[0].artifact.parts.length === 1, `case-summary: ${JSON.stringify(summaries)}`);
  const summary = summaries[0].artifact.parts[0].data;
  check(summary && summary.orderNumber === '4711', `case-summary orderNumber: ${JSON.stringify(summary)}`);
  check(JSON.stringify(summary.topics) === '["billing","refund"]', `case-summary topics: ${JSON.stringify(summary.topics)}`);
  check(JSON.stringify(summary.specialistsConsulted) === '["billing","refund-policy"]', `case-summary specialistsConsulted: ${JSON.stringify(summary.specialistsConsulted)}`);
  check(typeof summary.resolution === 'string' && summary.resolution.length > 0, 'case-summary has no resolution');
  check(Array.isArray(summary.nextSteps) && summary.nextSteps.length === 2, `case-summary nextSteps: ${JSON.stringify(summary.nextSteps)}`);

  const end = second.at(-1);
  check(stateOf(end) === 'TASK_STATE_COMPLETED' && statusText(end).startsWith('Your case is resolved: '), `follow-up does not end completed:\n  ${trace}`);

  // What GetTask returns must match what was streamed.
  const stored = await rpc(endpoint, 'GetTask', { id: taskId });
  check(stored.status.state === 'TASK_STATE_COMPLETED', `GetTask: ${stored.status.state}`);
  const storedNotes = stored.artifacts.find((a) => a.artifactId === 'case-notes');
  check(storedNotes?.parts.map((part) => part.text).join('') === notesText, 'GetTask case-notes differ from the streamed chunks');
  return summary;
}

// Cancel while the orchestrator waits for a specialist: the task ends
// canceled, nothing comes after, and the specialist's task is canceled too.
// Returns what was stopped, or undefined when the cancel came too late (the
// task had completed: only on a very busy machine).
async function cancelOnce(cards) {
  const endpoint = jsonRpcUrl(cards.orchestrator);
  const items = [];
  const links = [];
  let taskId;
  let cancelled;
  for await (const item of rpcStream(endpoint, 'SendStreamingMessage', userMessage('The invoice for order #5150 is wrong and I want my money back'))) {
    items.push(item);
    taskId ??= item.task?.id;
    const link = item.statusUpdate?.metadata?.delegation;
    if (link) links.push(link);
    if (link && !cancelled) {
      cancelled = rpc(endpoint, 'CancelTask', { id: taskId }).then((task) => ({ task }), (error) => ({ error }));
    }
  }
  const trace = items.map(describe).join('\n  ');
  check(cancelled, `the stream ended before any delegation:\n  ${trace}`);
  const answer = await cancelled;
  const end = items.at(-1);
  if (answer.error && stateOf(end) === 'TASK_STATE_COMPLETED') return undefined;
  check(!answer.error, answer.error?.message);
  check(answer.task.status?.state === 'TASK_STATE_CANCELED', `CancelTask answered ${JSON.stringify(answer.task).slice(0, 300)}`);
  check(stateOf(end) === 'TASK_STATE_CANCELED', `stream does not end canceled:\n  ${trace}`);
  check(!items.some((item) => stateOf(item) === 'TASK_STATE_COMPLETED'), `completed despite the cancel:\n  ${trace}`);

  // The canceled status names the delegation it stopped; normally billing's.
  const message = statusText(end);
  const stopped = /The (billing|refund policy) agent's task was canceled too\./.exec(message);
  let what;
  if (stopped) {
    const link = links.findLast((l) => l.agent === (stopped[1] === 'billing' ? 'billing' : 'refund-policy'));
    check(link, `cancel message names a delegation that the stream never showed: ${message}`);
    const remote = await rpc(jsonRpcUrl(cards[link.agent === 'billing' ? 'billing' : 'refunds']), 'GetTask', { id: link.taskId });
    check(remote.status.state === 'TASK_STATE_CANCELED', `${link.agent} task ${link.taskId} is ${remote.status.state}, not canceled`);
    what = `the ${stopped[1]} agent's task was canceled too`;
  } else {
    check(/^Canceled on request\.( The request to the .+ agent was stopped\.)?$/.test(message), `cancel message: ${message}`);
    what = `between delegations: ${message}`;
  }

  // Nothing may be published after the cancel, not even late.
  await sleep(200);
  const stored = await rpc(endpoint, 'GetTask', { id: taskId });
  check(stored.status.state === 'TASK_STATE_CANCELED', `GetTask after cancel: ${stored.status.state}`);
  check(!stored.artifacts.some((a) => a.artifactId === 'case-summary'), 'a case-summary appeared after the cancel');
  return what;
}

async function checkCancel(cards) {
  for (let attempt = 1; attempt <= 3; ++attempt) {
    const what = await cancelOnce(cards);
    if (what) return what;
    step(`cancel attempt ${attempt} came after the task had completed; trying again`);
  }
  throw new CheckFailed('three cancels in a row came after the task had completed');
}

// SIGTERM with a stream open: the stream ends, the process exits 0 within 5 s.
async function checkStop(network, cards) {
  const endpoint = jsonRpcUrl(cards.orchestrator);
  const controller = new AbortController();
  const stream = rpcStream(endpoint, 'SendStreamingMessage', userMessage('Order #8080: the app crashes at login'), controller.signal);
  const first = await stream.next();
  check(kindOf(first.value) === 'task', 'the last stream did not start');
  const drained = (async () => {
    try {
      for await (const item of stream) void item;
    } catch { /* a cut stream is what SIGTERM does */ }
  })();
  const started = Date.now();
  network.child.kill('SIGTERM');
  const { code, signal } = await withTimeout(network.exited, 5000, 'network.mjs to exit after SIGTERM');
  check(code === 0, `network.mjs exited with code ${code}, signal ${signal}`);
  await withTimeout(drained, 2000, 'the open stream to close');
  return Date.now() - started;
}

// ---------------------------------------------------------------- main

const dir = mkdtempSync(join(tmpdir(), 'crosstalk-demo-smoke-'));
const workspaceFile = join(dir, 'workspace.json');
const network = startNetwork(workspaceFile);
const watchdog = setTimeout(() => fail(new CheckFailed(`the whole check took longer than ${TOTAL_MS / 1000} s`)), TOTAL_MS);

function fail(error) {
  process.stderr.write(`smoke: FAILED: ${error instanceof CheckFailed ? error.message : error?.stack ?? error}\n`);
  if (network.stderr.trim()) process.stderr.write(`smoke: network.mjs stderr:\n${network.stderr}`);
  network.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}

try {
  const urls = await checkReady(network);
  step(`ready: ${JSON.stringify(urls)}`);
  checkWorkspace(workspaceFile, urls);
  step('workspace file ok');
  const cards = await checkCards(urls);
  step('4 agent cards ok (v1.0 and v0.3)');
  const summary = await checkSupportFlow(cards);
  step(`support flow ok: ${summary.resolution}`);
  step(`cancel ok: ${await checkCancel(cards)}`);
  const ms = await checkStop(network, cards);
  step(`SIGTERM with an open stream: exit 0 after ${ms} ms`);
  const lines = network.stdout.split('\n').filter(Boolean);
  check(lines.length === 1 && lines[0].startsWith('CROSSTALK_DEMO_READY '), `stdout is more than the READY line:\n${network.stdout}`);
} catch (error) {
  fail(error);
}
clearTimeout(watchdog);
rmSync(dir, { recursive: true, force: true });
step('all checks passed');
