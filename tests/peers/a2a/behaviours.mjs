// The behaviours of Crosstalk's A2A test agents, shared by test-agent.mjs and
// old-path-agent.mjs: an AgentExecutor on the official @a2a-js/sdk whose
// behaviour is chosen by the first word of the user's text, the task store
// it needs, the card content, and the small Express pieces around it
// (bearer check, request tracking for the `cut` behaviour, clean shutdown).
import { randomUUID } from 'node:crypto';
import { AgentEvent, InMemoryTaskStore, UnauthenticatedUser } from '@a2a-js/sdk/server';
import { AgentCard, Role, TaskState } from '@a2a-js/sdk';

// The SDK reports every push delivery with console.info; peers keep stdout
// silent and leave warnings and errors on stderr.
console.log = console.info = console.debug = () => {};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const now = () => new Date().toISOString();
const envMs = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

const TERMINAL_STATES = new Set([TaskState.TASK_STATE_COMPLETED, TaskState.TASK_STATE_FAILED, TaskState.TASK_STATE_CANCELED, TaskState.TASK_STATE_REJECTED]);

export const textPart = (text) => ({ content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' });

// ---------------------------------------------------------------- arguments

export function parseArgs(argv = process.argv.slice(2)) {
  const options = { requireBearer: undefined, extendedCard: false };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--require-bearer') {
      options.requireBearer = argv[++i];
      if (!options.requireBearer) throw new Error('--require-bearer needs a TOKEN');
    } else if (argv[i] === '--extended-card') {
      options.extendedCard = true;
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------- the card

export const cardContent = {
  name: 'Crosstalk test agent',
  description: 'A test agent whose behaviour is chosen by the first word of the message: stream, ask, auth, slow, fail, reject, message, big N, cut.',
  provider: { url: 'https://crosstalk.invalid', organization: 'Crosstalk tests' },
  version: '1.0.0',
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
};

const skill = (id, name, description, examples) => ({ id, name, description, tags: ['test'], examples, inputModes: [], outputModes: [], securityRequirements: [] });

export const skills = [
  skill('stream', 'Stream', 'Streams a task: working, an artifact "result" in four chunks, an artifact "summary", completed. The default.', ['stream hello']),
  skill('ask', 'Ask', 'Asks for your name (input-required), then greets you.', ['ask']),
  skill('auth', 'Auth', 'Stops in auth-required (and ends the stream); a follow-up message completes the task. auth-open keeps the stream open as the SDK does.', ['auth', 'auth-open']),
  skill('slow', 'Slow', 'Sends a chunk every 200 ms for up to 60 s; cancel it.', ['slow']),
  skill('fail', 'Fail', 'Fails with "It went wrong".', ['fail']),
  skill('reject', 'Reject', 'Rejects the task.', ['reject']),
  skill('message', 'Message', 'Answers with a message, no task.', ['message hi']),
  skill('big', 'Big', 'Streams N artifact chunks of 480 bytes as fast as it can.', ['big 10000']),
  skill('cut', 'Cut', 'Drops the connection after the first chunk; the task goes on and completes.', ['cut']),
];

export const adminSkill = skill('admin', 'Admin', 'Only in the extended card, for authenticated callers.', ['admin']);

export const bearerSecurity = {
  securitySchemes: {
    bearer: { scheme: { $case: 'httpAuthSecurityScheme', value: { description: 'The token the agent was started with (--require-bearer).', scheme: 'Bearer', bearerFormat: '' } } },
  },
  securityRequirements: [{ schemes: { bearer: { list: [] } } }],
};

// The SDK's agentCardHandler serialises the card object with JSON.stringify,
// which writes its internal `$case` unions (security schemes) as they are.
// Giving the object a toJSON that uses the SDK's own ProtoJSON codec makes the
// well-known card the same JSON as GetExtendedAgentCard's answer.
export function protoJsonCard(card) {
  return { ...card, toJSON: () => AgentCard.toJSON(card) };
}

// ---------------------------------------------------------------- users and bearer tokens

class BearerUser {
  get isAuthenticated() { return true; }
  get userName() { return 'bearer-user'; }
}

// A caller is authenticated when it presents `Authorization: Bearer T`, with
// T the required token when there is one, any token otherwise.
export function makeUserBuilder(requiredToken) {
  return async (req) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    if (match && (requiredToken === undefined || match[1] === requiredToken)) return new BearerUser();
    return new UnauthenticatedUser();
  };
}

export function requireBearer(token) {
  return (req, res, next) => {
    const header = req.header('authorization');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (match && match[1] === token) return next();
    res.status(401)
      .set('WWW-Authenticate', header ? 'Bearer realm="crosstalk-test-agent", error="invalid_token"' : 'Bearer realm="crosstalk-test-agent"')
      .json({ error: { code: 401, status: 'UNAUTHENTICATED', message: header ? 'Invalid bearer token.' : 'A bearer token is required.' } });
  };
}

// Every task, push config and event bus is visible to every caller: tests
// switch between anonymous and bearer calls and must still find their tasks.
export const sharedOwner = () => 'shared';

// ---------------------------------------------------------------- request tracking (cut, big)

// The SDK hands an executor no HTTP objects, but its default context builder
// keeps the request's headers object in context.state under 'headers'. The
// middleware below maps that very object to the request and its response, so
// an executor can find the connection that started its task.
const liveRequests = new WeakMap();

export function trackRequests(req, res, next) {
  const entry = { req, res, writes: 0 };
  const write = res.write;
  res.write = function (...args) {
    entry.writes++;
    return write.apply(this, args);
  };
  liveRequests.set(req.headers, entry);
  next();
}

function requestOf(ctx) {
  return liveRequests.get(ctx.context?.state?.get('headers'));
}

function isStreamingRequest(req) {
  const method = req.body?.method;
  return method === 'SendStreamingMessage' || method === 'message/stream' || /:stream$/.test(req.path);
}

// ---------------------------------------------------------------- the task store

// InMemoryTaskStore, plus a lean mode for the `big` behaviour. The SDK's
// ResultManager loads the whole task, appends the new chunk to a copy of the
// artifact's parts and saves it all again for every event, and the store
// deep-copies on every load and save: O(N^2) for N appended chunks, hours for
// N = 100000. A lean task keeps its artifact parts in plain arrays: the
// stream's own ResultManager (recognised by its call context) is handed the
// task with empty parts, and what it saves back is appended. Any other reader
// (GetTask, SubscribeToTask, CancelTask) gets the whole task. Lean tasks are
// not included in ListTasks.
export class TestTaskStore extends InMemoryTaskStore {
  #lean = new Map();
  #stubs = new WeakSet();

  makeLean(taskId, context) {
    this.#lean.set(taskId, { owner: context, task: undefined, parts: new Map(), saves: 0 });
  }

  saves(taskId) {
    return this.#lean.get(taskId)?.saves ?? 0;
  }

  async load(taskId, context) {
    const lean = this.#lean.get(taskId);
    if (!lean) return super.load(taskId, context);
    if (!lean.task) return undefined;
    const copy = structuredClone(lean.task);
    const internal = context === lean.owner;
    for (const artifact of copy.artifacts) {
      if (internal) this.#stubs.add(artifact);
      else artifact.parts = (lean.parts.get(artifact.artifactId) ?? []).slice();
    }
    return copy;
  }

  async save(task, context) {
    const lean = this.#lean.get(task.id);
    if (!lean) return super.save(task, context);
    lean.saves++;
    for (const artifact of task.artifacts ?? []) {
      if (this.#stubs.has(artifact)) {
        const parts = lean.parts.get(artifact.artifactId);
        for (const part of artifact.parts ?? []) parts.push(part);
      } else {
        lean.parts.set(artifact.artifactId, [...(artifact.parts ?? [])]);
      }
    }
    lean.task = structuredClone({ ...task, artifacts: (task.artifacts ?? []).map((artifact) => ({ ...artifact, parts: [] })) });
    // A blocking SendMessage answers with the ResultManager's own copy of the
    // task once it ends: give that copy its whole artifacts.
    if (TERMINAL_STATES.has(task.status?.state)) {
      for (const artifact of task.artifacts ?? []) artifact.parts = (lean.parts.get(artifact.artifactId) ?? []).slice();
    }
  }
}

// ---------------------------------------------------------------- the executor

function firstText(message) {
  for (const part of message?.parts ?? []) {
    if (part.content?.$case === 'text') return part.content.value;
  }
  return '';
}

function bigChunk(index) {
  const head = `chunk ${String(index).padStart(6, '0')} `;
  const filler = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
  return (head + filler.repeat(8)).slice(0, 479) + '\n';
}

// authNeedsUser: a follow-up on an auth-required task completes it only when
// the caller is authenticated (else the task stays in auth-required).
export function createExecutor({ store, authNeedsUser = false }) {
  const stepMs = envMs('CROSSTALK_AGENT_STEP_MS', 20);
  const cutMs = envMs('CROSSTALK_AGENT_CUT_MS', 300);
  const tasks = new Map(); // taskId -> { contextId, cancelled, running }

  async function execute(ctx, bus) {
    const taskId = ctx.taskId;
    const contextId = ctx.contextId;
    const state = tasks.get(taskId) ?? { contextId, cancelled: false, running: false };
    state.running = true;
    state.cancelled = false;
    tasks.set(taskId, state);

    const message = (text) => ({ messageId: randomUUID(), contextId, taskId, role: Role.ROLE_AGENT, parts: [textPart(text)], metadata: undefined, extensions: [], referenceTaskIds: [] });
    const status = (taskState, text) => bus.publish(AgentEvent.statusUpdate({
      taskId, contextId, metadata: undefined,
      status: { state: taskState, message: text === undefined ? undefined : message(text), timestamp: now() },
    }));
    const artifact = (artifactId, text, append, lastChunk) => bus.publish(AgentEvent.artifactUpdate({
      taskId, contextId, append, lastChunk, metadata: undefined,
      artifact: { artifactId, name: artifactId, description: '', parts: [textPart(text)], metadata: undefined, extensions: [] },
    }));
    const submitted = () => bus.publish(AgentEvent.task({
      id: taskId, contextId, artifacts: [], history: [ctx.userMessage], metadata: undefined,
      status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: now() },
    }));
    // Waits, then tells whether to go on (false once the task was cancelled).
    const pause = async (ms = stepMs) => {
      await sleep(ms);
      return !state.cancelled;
    };

    const text = firstText(ctx.userMessage).trim();
    const words = text.split(/\s+/);
    const word = (words[0] ?? '').toLowerCase();

    try {
      // A follow-up on a task that waits for the caller continues that task.
      if (ctx.task) {
        const previous = ctx.task.status?.state;
        bus.publish(AgentEvent.task(ctx.task));
        if (previous === TaskState.TASK_STATE_INPUT_REQUIRED) {
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Thinking about your name');
          if (!await pause()) return;
          artifact('greeting', `Hello, ${text}`, false, true);
          if (!await pause()) return;
          status(TaskState.TASK_STATE_COMPLETED, `Nice to meet you, ${text}.`);
          return;
        }
        if (previous === TaskState.TASK_STATE_AUTH_REQUIRED) {
          if (authNeedsUser && !ctx.context?.user?.isAuthenticated) {
            status(TaskState.TASK_STATE_AUTH_REQUIRED, 'You are still not signed in: sign in, then send a follow-up.');
            bus.finished();
            return;
          }
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Signed in');
          if (!await pause()) return;
          status(TaskState.TASK_STATE_COMPLETED, 'Authenticated, thank you.');
          return;
        }
      }

      switch (word) {
        case 'message':
          bus.publish(AgentEvent.message({ ...message(`You said: ${text}`), taskId: '' }));
          return;

        case 'ask':
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Let me ask you something');
          if (!await pause()) return;
          status(TaskState.TASK_STATE_INPUT_REQUIRED, 'What is your name?');
          return;

        case 'auth':
        case 'auth-open':
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_AUTH_REQUIRED, 'Please sign in: send any follow-up message on this task to go on.');
          // The SDK ends streams at input-required but not at auth-required:
          // it keeps them open for the rest of the task, and then breaks them
          // with an `event: error` (-32004, "Stream ordering violation") when
          // the follow-up's executor publishes the task again, as the SDK
          // requires of it. `auth` ends the streams here, as at input-required;
          // `auth-open` leaves the SDK's behaviour as it is.
          if (word === 'auth') bus.finished();
          return;

        case 'fail':
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Trying');
          if (!await pause()) return;
          status(TaskState.TASK_STATE_FAILED, 'It went wrong');
          return;

        case 'reject':
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_REJECTED, 'I will not do that.');
          return;

        case 'slow': {
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Working slowly; cancel me');
          const ticks = 300; // 60 s at 200 ms
          for (let i = 0; i < ticks; ++i) {
            if (!await pause(200)) return;
            artifact('progress', `tick ${i + 1}\n`, i > 0, i === ticks - 1);
          }
          if (!await pause()) return;
          status(TaskState.TASK_STATE_COMPLETED, 'Finally done');
          return;
        }

        case 'big': {
          const n = Math.min(100000, Math.max(1, Number.parseInt(words[1], 10) || 1000));
          store.makeLean(taskId, ctx.context);
          const tracked = requestOf(ctx);
          submitted();
          status(TaskState.TASK_STATE_WORKING, `Streaming ${n} chunks`);
          let published = 2;
          const batch = 250;
          for (let i = 0; i < n;) {
            const end = Math.min(n, i + batch);
            for (; i < end; ++i, ++published) artifact('big', bigChunk(i), i > 0, i === n - 1);
            await nextTurn();
            // Flow control: let the SDK's consumer of this task catch up, and
            // the socket drain, before publishing more.
            for (;;) {
              if (state.cancelled) return;
              const behind = published - store.saves(taskId) > 2000;
              const res = tracked?.res;
              const buffered = res && !res.destroyed && res.writableLength > 4 * 1024 * 1024;
              if (!behind && !buffered) break;
              if (buffered && !behind) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
              else await sleep(1);
            }
          }
          status(TaskState.TASK_STATE_COMPLETED, `Sent ${n} chunks`);
          return;
        }

        case 'cut': {
          const tracked = requestOf(ctx);
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Working; the connection will drop');
          if (!await pause()) return;
          artifact('result', 'first part, ', false, false);
          if (tracked) {
            const streaming = isStreamingRequest(tracked.req);
            // Wait until the SDK has written the task, the working status and
            // the chunk to the stream (or a step for a non-streaming call).
            const deadline = Date.now() + 2000;
            if (streaming) while (tracked.writes < 3 && !tracked.res.destroyed && Date.now() < deadline) await sleep(2);
            else await sleep(stepMs);
            tracked.res.destroy();
          }
          const step = cutMs / 3;
          if (!await pause(step)) return;
          artifact('result', 'second part, ', true, false);
          if (!await pause(step)) return;
          artifact('result', 'third part', true, true);
          if (!await pause(step)) return;
          status(TaskState.TASK_STATE_COMPLETED, 'Done, despite the cut');
          return;
        }

        default: { // 'stream' and anything else
          submitted();
          if (!await pause()) return;
          status(TaskState.TASK_STATE_WORKING, 'Working on it');
          const chunks = ['The quick brown fox ', 'jumps over ', 'the lazy dog: ', 'grüße 😀'];
          for (let i = 0; i < chunks.length; ++i) {
            if (!await pause()) return;
            artifact('result', chunks[i], i > 0, i === chunks.length - 1);
          }
          if (!await pause()) return;
          artifact('summary', `You said: ${text}`, false, true);
          if (!await pause()) return;
          status(TaskState.TASK_STATE_COMPLETED, 'Done');
          return;
        }
      }
    } finally {
      state.running = false;
    }
  }

  async function cancelTask(taskId, bus) {
    const state = tasks.get(taskId);
    const contextId = state?.contextId ?? '';
    if (state) state.cancelled = true;
    bus.publish(AgentEvent.statusUpdate({
      taskId, contextId, metadata: undefined,
      status: {
        state: TaskState.TASK_STATE_CANCELED,
        timestamp: now(),
        message: { messageId: randomUUID(), contextId, taskId, role: Role.ROLE_AGENT, parts: [textPart('Canceled on request')], metadata: undefined, extensions: [], referenceTaskIds: [] },
      },
    }));
    // A running executor returns on its own and the SDK settles the bus; a
    // task that waits for its caller has no executor left to do that.
    if (!state?.running) bus.finished();
  }

  return { execute, cancelTask };
}

// ---------------------------------------------------------------- shutdown

export function stopOnSignals(server) {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections?.();
      setTimeout(() => process.exit(0), 1000).unref();
    });
  }
}
