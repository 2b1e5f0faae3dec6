// The A2A agent for the tests of Crosstalk's A2A client: one v1.0 agent on the
// official @a2a-js/sdk, served on JSON-RPC (/a2a/jsonrpc) and HTTP+JSON
// (/a2a/rest), both also speaking v0.3 through the SDK's compatibility layer,
// with streaming and push notifications. What it does is chosen by the first
// word of the message (see behaviours.mjs and README.md).
//
//   PORT=0 node --require ./loopback.cjs a2a/test-agent.mjs [--require-bearer TOKEN] [--extended-card]
import express from 'express';
import { DefaultExecutionEventBusManager, DefaultRequestHandler, InMemoryPushNotificationStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, restHandler } from '@a2a-js/sdk/server/express';
import { createLegacyAwarePushNotificationSender } from '@a2a-js/sdk/compat/v0_3/server';
import {
  adminSkill, bearerSecurity, cardContent, createExecutor, makeUserBuilder, parseArgs, protoJsonCard,
  requireBearer, sharedOwner, skills, stopOnSignals, TestTaskStore, trackRequests,
} from './behaviours.mjs';

const options = parseArgs();

const supportedInterfaces = []; // filled in once the port is known
const security = options.requireBearer ? bearerSecurity : { securitySchemes: {}, securityRequirements: [] };
const card = {
  ...cardContent,
  supportedInterfaces,
  capabilities: { streaming: true, pushNotifications: true, extensions: [], extendedAgentCard: options.extendedCard },
  ...security,
  skills,
  signatures: [],
};
const extendedCard = options.extendedCard
  ? { ...card, description: `${card.description} (extended card)`, skills: [...skills, adminSkill] }
  : undefined;

const store = new TestTaskStore(sharedOwner);
const pushStore = new InMemoryPushNotificationStore(sharedOwner);
const handler = new DefaultRequestHandler(
  card, store, createExecutor({ store }),
  new DefaultExecutionEventBusManager(sharedOwner),
  pushStore, createLegacyAwarePushNotificationSender(pushStore),
  extendedCard, // served to authenticated callers; others get the public card
);

const userBuilder = makeUserBuilder(options.requireBearer);
const legacyCompat = { enabled: true };
const app = express();
app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: async () => protoJsonCard(await handler.getAgentCard()), legacyCompat }));
if (options.requireBearer) app.use(['/a2a/jsonrpc', '/a2a/rest'], requireBearer(options.requireBearer));
app.use(['/a2a/jsonrpc', '/a2a/rest'], trackRequests);
app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder, legacyCompat }));
app.use('/a2a/rest', restHandler({ requestHandler: handler, userBuilder, legacyCompat }));
app.use((req, res) => res.status(404).type('text/plain').send('not found'));

const server = app.listen(Number(process.env.PORT ?? 0), () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const protocolVersion of ['1.0', '0.3']) {
    supportedInterfaces.push(
      { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion },
      { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion },
    );
  }
});
stopOnSignals(server);
