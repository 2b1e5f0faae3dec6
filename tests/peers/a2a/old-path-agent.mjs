// An older-style A2A agent for Crosstalk's discovery tests: the test agent's
// card content in v0.3 shape (protocolVersion "0.3.0", url,
// preferredTransport JSONRPC), served ONLY at the pre-v0.3 path
// /.well-known/agent.json (agent-card.json is a 404), and a JSON-RPC endpoint
// at /a2a/jsonrpc that speaks v0.3 only (a v1.0 request gets -32009). Same
// behaviours as test-agent.mjs (first word of the message).
//
//   PORT=0 node --require ./loopback.cjs a2a/old-path-agent.mjs [--require-bearer TOKEN] [--extended-card]
import express from 'express';
import { DefaultExecutionEventBusManager, DefaultRequestHandler, InMemoryPushNotificationStore } from '@a2a-js/sdk/server';
import { jsonRpcHandler } from '@a2a-js/sdk/server/express';
import { createLegacyAwarePushNotificationSender } from '@a2a-js/sdk/compat/v0_3/server';
import {
  adminSkill, bearerSecurity, cardContent, createExecutor, makeUserBuilder, parseArgs,
  requireBearer, sharedOwner, skills, stopOnSignals, TestTaskStore, trackRequests,
} from './behaviours.mjs';

const options = parseArgs();

const supportedInterfaces = []; // filled in once the port is known
const card = {
  ...cardContent,
  supportedInterfaces,
  capabilities: { streaming: true, pushNotifications: true, extensions: [], extendedAgentCard: options.extendedCard },
  ...(options.requireBearer ? bearerSecurity : { securitySchemes: {}, securityRequirements: [] }),
  skills,
  signatures: [],
};
const extendedCard = options.extendedCard ? { ...card, skills: [...skills, adminSkill] } : undefined;

// The card as a v0.3 agent publishes it.
const legacySkill = ({ id, name, description, tags, examples }) => ({ id, name, description, tags, examples });
const legacyCard = (url) => ({
  protocolVersion: '0.3.0',
  name: cardContent.name,
  description: cardContent.description,
  url,
  preferredTransport: 'JSONRPC',
  additionalInterfaces: [{ url, transport: 'JSONRPC' }],
  provider: cardContent.provider,
  version: cardContent.version,
  capabilities: { streaming: true, pushNotifications: true, stateTransitionHistory: false },
  ...(options.requireBearer ? {
    securitySchemes: { bearer: { type: 'http', scheme: 'Bearer', description: 'The token the agent was started with (--require-bearer).' } },
    security: [{ bearer: [] }],
  } : {}),
  defaultInputModes: cardContent.defaultInputModes,
  defaultOutputModes: cardContent.defaultOutputModes,
  skills: skills.map(legacySkill),
  supportsAuthenticatedExtendedCard: options.extendedCard,
});

const store = new TestTaskStore(sharedOwner);
const pushStore = new InMemoryPushNotificationStore(sharedOwner);
const handler = new DefaultRequestHandler(
  card, store, createExecutor({ store }),
  new DefaultExecutionEventBusManager(sharedOwner),
  pushStore, createLegacyAwarePushNotificationSender(pushStore),
  extendedCard,
);

const app = express();
app.set('etag', 'strong');
let published;
app.get('/.well-known/agent.json', (req, res) => {
  res.set('Cache-Control', 'public, max-age=3600').json(published);
});
if (options.requireBearer) app.use('/a2a/jsonrpc', requireBearer(options.requireBearer));
app.use('/a2a/jsonrpc', trackRequests);
app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder: makeUserBuilder(options.requireBearer), legacyCompat: { enabled: true } }));
app.use((req, res) => res.status(404).type('text/plain').send('not found'));

const server = app.listen(Number(process.env.PORT ?? 0), () => {
  const url = `http://127.0.0.1:${server.address().port}/a2a/jsonrpc`;
  supportedInterfaces.push({ url, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' });
  published = legacyCard(url);
});
stopOnSignals(server);
