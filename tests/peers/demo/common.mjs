// What the four agents of the support demo share: message and part helpers,
// the pacing of steps, a small task-executor scaffold that handles follow-ups
// and cancel the same way for every agent, and the Express server around an
// @a2a-js/sdk request handler (A2A v1.0 with v0.3 compatibility, JSON-RPC
// and HTTP+JSON, bound to 127.0.0.1 only).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, restHandler, UserBuilder } from '@a2a-js/sdk/server/express';
import { Role, TaskState } from '@a2a-js/sdk';

export { Role, TaskState };

export const HOST = '127.0.0.1';

// Stdout carries only the READY line. Parts of the SDK report routine events
// with console.log/info, so those go nowhere; warnings and errors stay on
// stderr.
console.log = console.info = console.debug = () => {};

export const log = (line) => process.stderr.write(`demo: ${line}\n`);

// ---------------------------------------------------------------- pacing

function envMs(name, fallback) {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

// Presenters want to watch the flow, tests want it fast.
export const STEP_MS = envMs('CROSSTALK_DEMO_STEP_MS', 400);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => new Date().toISOString();

// ---------------------------------------------------------------- parts and text

export const textPart = (text) => ({ content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' });
export const dataPart = (value) => ({ content: { $case: 'data', value }, metadata: undefined, filename: '', mediaType: 'application/json' });

export function messageText(message) {
  return (message?.parts ?? [])
    .filter((part) => part.content?.$case === 'text')
    .map((part) => part.content.value)
    .join('\n');
}

// "#4711", "order 4711", "order no. 4711", "order number: 4711", "order #4711".
const ORDER_PATTERN = /#\s?(\d{3,})\b|\border\s*(?:number|no\.?|nr\.?)?\s*[:#]?\s*(\d{3,})\b/i;

export function findOrderNumber(text) {
  const match = ORDER_PATTERN.exec(text ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

export const FINAL_STATES = new Set([
  TaskState.TASK_STATE_COMPLETED, TaskState.TASK_STATE_FAILED, TaskState.TASK_STATE_CANCELED, TaskState.TASK_STATE_REJECTED,
]);

// ---------------------------------------------------------------- cards

export const PROVIDER = { organization: 'Crosstalk demo', url: 'https://crosstalk.invalid' };

export const skill = ({ id, name, description, tags, examples, inputModes = ['text/plain'], outputModes = ['text/plain'] }) =>
  ({ id, name, description, tags, examples, inputModes, outputModes, securityRequirements: [] });

export function makeCard({ name, description, skills, defaultOutputModes = ['text/plain'] }) {
  return {
    name,
    description,
    supportedInterfaces: [], // filled in once the port is known
    provider: PROVIDER,
    version: '1.0.0',
    capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['text/plain'],
    defaultOutputModes,
    skills,
    signatures: [],
  };
}

// ---------------------------------------------------------------- tasks

// One task of one agent, across all the turns of its conversation. Every
// event goes through publish(), which drops events once the task was
// cancelled: an executor that is still awaiting something when the cancel
// arrives must not publish after the canceled status.
export class TaskRun {
  constructor(ctx, bus) {
    this.taskId = ctx.taskId;
    this.contextId = ctx.contextId;
    this.cancelled = false;
    this.running = false;
    this.turn(ctx, bus);
  }

  turn(ctx, bus) {
    this.ctx = ctx;
    this.bus = bus;
  }

  publish(event) {
    if (!this.cancelled) this.bus.publish(event);
  }

  message(text, metadata) {
    return {
      messageId: randomUUID(), contextId: this.contextId, taskId: this.taskId, role: Role.ROLE_AGENT,
      parts: [textPart(text)], metadata, extensions: [], referenceTaskIds: [],
    };
  }

  // The first event of a new task.
  submitted() {
    this.publish(AgentEvent.task({
      id: this.taskId, contextId: this.contextId, artifacts: [], history: [this.ctx.userMessage], metadata: undefined,
      status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: now() },
    }));
  }

  // The first event of a follow-up turn: the SDK requires the task again.
  resumed() {
    this.publish(AgentEvent.task(this.ctx.task));
  }

  // Also remembers the last state, so the executor scaffold knows whether the
  // task ended or waits for its caller.
  status(state, text, metadata) {
    if (this.cancelled) return;
    this.lastState = state;
    this.publish(AgentEvent.statusUpdate({
      taskId: this.taskId, contextId: this.contextId, metadata,
      status: { state, message: text === undefined ? undefined : this.message(text), timestamp: now() },
    }));
  }

  working(text, metadata) {
    this.status(TaskState.TASK_STATE_WORKING, text, metadata);
  }

  artifact({ artifactId, name = artifactId, description = '', parts, append, lastChunk }) {
    this.publish(AgentEvent.artifactUpdate({
      taskId: this.taskId, contextId: this.contextId, append, lastChunk, metadata: undefined,
      artifact: { artifactId, name, description, parts, metadata: undefined, extensions: [] },
    }));
  }

  // Waits a step, then tells whether to go on (false once cancelled).
  async pause(steps = 1) {
    await sleep(STEP_MS * steps);
    return !this.cancelled;
  }
}

// An AgentExecutor around run(task): keeps one TaskRun per task across turns
// (so an agent can remember what it asked), and cancels the same way for
// every agent. onCancel(task) may stop work elsewhere and return a sentence
// for the canceled status.
export function taskExecutor({ run, onCancel }) {
  const tasks = new Map(); // taskId -> TaskRun

  async function execute(ctx, bus) {
    let task = tasks.get(ctx.taskId);
    if (task?.running) {
      // A message on a task that is still working. Publishing anything would
      // break the running stream (the SDK allows one Task event per stream),
      // and returning at once would make the SDK close the shared event bus
      // under it. So wait for the running turn; the SDK answers this second
      // stream with an error (-32004) at the next event.
      await task.done;
      return;
    }
    if (task) task.turn(ctx, bus);
    else tasks.set(ctx.taskId, task = new TaskRun(ctx, bus));

    task.running = true;
    let finish;
    task.done = new Promise((resolve) => { finish = resolve; });
    try {
      await run(task);
    } finally {
      // When the executor returns, the SDK settles the task's event bus by
      // the last state it saw. A cancelled run can get here before
      // cancelTask has published the canceled status (the orchestrator
      // awaits a specialist then); the SDK would then close the bus in
      // state working, cutting the caller's stream and losing the cancel.
      if (task.cancelled) await task.canceledPublished;
      task.running = false;
      finish();
      const state = task.lastState;
      if (task.cancelled || state === undefined || FINAL_STATES.has(state)) tasks.delete(ctx.taskId);
    }
  }

  async function cancelTask(taskId, bus) {
    const task = tasks.get(taskId);
    let note = '';
    let published = () => {};
    if (task) {
      task.cancelled = true; // from here on the executor publishes nothing
      task.canceledPublished = new Promise((resolve) => { published = resolve; });
      try {
        note = (await onCancel?.(task)) ?? '';
      } catch (error) {
        log(`while cancelling: ${error?.message ?? error}`);
      }
    }
    const contextId = task?.contextId ?? '';
    bus.publish(AgentEvent.statusUpdate({
      taskId, contextId, metadata: undefined,
      status: {
        state: TaskState.TASK_STATE_CANCELED,
        timestamp: now(),
        message: {
          messageId: randomUUID(), contextId, taskId, role: Role.ROLE_AGENT,
          parts: [textPart(`Canceled on request.${note ? ` ${note}` : ''}`)], metadata: undefined, extensions: [], referenceTaskIds: [],
        },
      },
    }));
    published();
    // A running executor returns on its own and the SDK then settles the
    // bus; a task that waits for its caller has no executor to do that.
    if (!task?.running) {
      bus.finished();
      tasks.delete(taskId);
    }
  }

  return { execute, cancelTask };
}

// ---------------------------------------------------------------- servers

// One agent: an SDK request handler behind Express, listening on 127.0.0.1.
// Resolves once it listens, with its base URL ("http://127.0.0.1:PORT/").
export async function startAgent({ card, executor, port = 0 }) {
  const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
  const legacyCompat = { enabled: true };
  const userBuilder = UserBuilder.noAuthentication;

  const app = express();
  app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: handler, legacyCompat }));
  app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder, legacyCompat }));
  app.use('/a2a/rest', restHandler({ requestHandler: handler, userBuilder, legacyCompat }));
  app.use((req, res) => res.status(404).type('text/plain').send('not found'));

  const server = http.createServer(app);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const origin = `http://${HOST}:${server.address().port}`;
  for (const protocolVersion of ['1.0', '0.3']) {
    card.supportedInterfaces.push(
      { url: `${origin}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion },
      { url: `${origin}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion },
    );
  }
  return { server, url: `${origin}/` };
}

// Closes a server and every connection it has, open SSE streams included.
export function stopServer(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
