// A small A2A v1.0 agent on the official @a2a-js/sdk server, for Crosstalk's
// integration tests. It answers every message with a task that goes
// submitted -> working -> (artifact in three chunks) -> completed, so a client
// sees a whole task lifecycle over SSE. v0.3 clients are served through the
// SDK's compatibility layer.
import express from 'express';
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';
import { Role, TaskState } from '@a2a-js/sdk';

const textPart = (text) => ({ content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stepMs = Number(process.env.CROSSTALK_AGENT_STEP_MS ?? 20);

const card = {
  name: 'Crosstalk streaming test agent',
  description: 'Streams a task through its whole lifecycle.',
  supportedInterfaces: [], // filled in once the port is known
  provider: { url: 'https://crosstalk.invalid', organization: 'Crosstalk tests' },
  version: '1.0.0',
  capabilities: { streaming: true, pushNotifications: false, extensions: [] },
  securitySchemes: {},
  securityRequirements: [],
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
  skills: [{ id: 'echo', name: 'Echo', description: 'Echoes the message in chunks.', tags: ['test'], examples: ['hello'], inputModes: [], outputModes: [], securityRequirements: [] }],
  signatures: [],
};

const executor = {
  async execute(ctx, bus) {
    const taskId = ctx.taskId;
    const contextId = ctx.contextId;
    const status = (state, text) => ({
      state,
      message: text === undefined ? undefined : { messageId: `${taskId}-${state}`, contextId, taskId, role: Role.ROLE_AGENT, parts: [textPart(text)], metadata: undefined, extensions: [], referenceTaskIds: [] },
      timestamp: new Date().toISOString(),
    });
    bus.publish(AgentEvent.task({ id: taskId, contextId, status: status(TaskState.TASK_STATE_SUBMITTED), artifacts: [], history: [ctx.userMessage], metadata: undefined }));
    await sleep(stepMs);
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId, status: status(TaskState.TASK_STATE_WORKING, 'working'), metadata: undefined }));
    const words = ['alpha ', 'beta ', 'gamma'];
    for (let i = 0; i < words.length; ++i) {
      await sleep(stepMs);
      bus.publish(AgentEvent.artifactUpdate({
        taskId, contextId,
        artifact: { artifactId: 'echo', name: 'echo', description: '', parts: [textPart(words[i])], metadata: undefined, extensions: [] },
        append: i > 0, lastChunk: i === words.length - 1, metadata: undefined,
      }));
    }
    await sleep(stepMs);
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId, status: status(TaskState.TASK_STATE_COMPLETED, 'done'), metadata: undefined }));
    bus.finished();
  },
  async cancelTask(taskId, bus) {
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId: '', status: { state: TaskState.TASK_STATE_CANCELED, message: undefined, timestamp: new Date().toISOString() }, metadata: undefined }));
    bus.finished();
  },
};

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
const app = express();
app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: handler, legacyCompat: { enabled: true } }));
app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));

const server = app.listen(Number(process.env.PORT ?? 0), () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  card.supportedInterfaces.push(
    { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
  );
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
