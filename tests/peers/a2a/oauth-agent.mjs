// An OAuth-protected A2A agent for Crosstalk's sign-in tests: the test
// agent's behaviours on the official @a2a-js/sdk, with an authorization
// server from the official @modelcontextprotocol/sdk on the same origin (its
// router and demo provider: RFC 8414 metadata, dynamic registration, PKCE,
// an authorization endpoint that approves at once and redirects with the
// code). A client-credentials grant for one service client is added in
// front of the SDK's token endpoint, which has none.
//
// The card (v1.0) declares three schemes, as alternatives:
//   oauth    OAuth 2 authorization code (PKCE required), with oauth2MetadataUrl
//   service  OAuth 2 client credentials, with the token URL alone
//   oidc     OpenID Connect discovery (/.well-known/openid-configuration)
// each asking for the scope `agent:admin`. Callers with a valid token are
// authenticated: they get the extended card (with the `admin` skill) and can
// complete a task that waits in auth-required (`auth`); anonymous callers
// get neither. A request with an invalid token gets 401 with a Bearer
// challenge, and with --require-sign-in so does one with no token.
//
//   PORT=0 node --require ./loopback.cjs a2a/oauth-agent.mjs [--require-sign-in]
//          [--service-client ID:SECRET]   (default crosstalk-service:service-secret)
import express from 'express';
import { randomUUID } from 'node:crypto';
import { DefaultExecutionEventBusManager, DefaultRequestHandler, InMemoryPushNotificationStore, UnauthenticatedUser } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, restHandler } from '@a2a-js/sdk/server/express';
import { createLegacyAwarePushNotificationSender } from '@a2a-js/sdk/compat/v0_3/server';
import { createOAuthMetadata, mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { DemoInMemoryAuthProvider } from '@modelcontextprotocol/sdk/examples/server/demoInMemoryOAuthProvider.js';
import {
  adminSkill, cardContent, createExecutor, protoJsonCard, sharedOwner, skills, stopOnSignals, TestTaskStore, trackRequests,
} from './behaviours.mjs';

let requireSignIn = false;
let [serviceId, serviceSecret] = ['crosstalk-service', 'service-secret'];
for (let i = 2; i < process.argv.length; ++i) {
  const arg = process.argv[i];
  if (arg === '--require-sign-in') requireSignIn = true;
  else if (arg === '--service-client') [serviceId, serviceSecret] = (process.argv[++i] ?? '').split(':');
  else throw new Error(`unknown argument ${arg}`);
}
if (!serviceId || !serviceSecret) throw new Error('--service-client needs ID:SECRET');

const app = express();
const server = await new Promise((resolve) => {
  const s = app.listen(Number(process.env.PORT ?? 0), () => resolve(s));
});
stopOnSignals(server);
const base = `http://127.0.0.1:${server.address().port}`;
const provider = new DemoInMemoryAuthProvider();

// Client credentials for the one service client, before the SDK's token endpoint.
app.post('/token', express.urlencoded({ extended: false }), (req, res, next) => {
  if (req.body?.grant_type !== 'client_credentials') return next();
  let id = req.body.client_id;
  let secret = req.body.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(req.header('authorization') ?? '');
  if (basic) {
    const pair = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    id = decodeURIComponent(pair.slice(0, colon));
    secret = decodeURIComponent(pair.slice(colon + 1));
  }
  if (id !== serviceId || secret !== serviceSecret) {
    return res.status(401).json({ error: 'invalid_client', error_description: 'Unknown client or wrong secret.' });
  }
  const token = randomUUID();
  const scopes = (req.body.scope ?? '').split(' ').filter(Boolean);
  provider.tokens.set(token, { token, clientId: id, scopes, expiresAt: Date.now() + 3600000, type: 'access' });
  res.set('Cache-Control', 'no-store').json({ access_token: token, token_type: 'bearer', expires_in: 3600, scope: scopes.join(' ') });
});
app.use(mcpAuthRouter({ provider, issuerUrl: new URL(base), scopesSupported: ['agent:admin'] }));
// OpenID Connect discovery for the same server (the SDK serves RFC 8414 only).
app.get('/.well-known/openid-configuration', (req, res) => res.json({
  ...createOAuthMetadata({ provider, issuerUrl: new URL(base), scopesSupported: ['openid', 'agent:admin'] }),
  subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'], jwks_uri: `${base}/jwks`,
}));

const scopes = { 'agent:admin': 'Use the admin skill and see the extended card.' };
const card = {
  ...cardContent,
  name: 'Crosstalk OAuth Test Agent',
  supportedInterfaces: [
    { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '1.0' },
  ],
  capabilities: { streaming: true, pushNotifications: true, extensions: [], extendedAgentCard: true },
  securitySchemes: {
    oauth: { scheme: { $case: 'oauth2SecurityScheme', value: {
      description: 'Sign in in the browser.',
      flows: { flow: { $case: 'authorizationCode', value: {
        authorizationUrl: `${base}/authorize`, tokenUrl: `${base}/token`, refreshUrl: '', scopes, pkceRequired: true,
      } } },
      oauth2MetadataUrl: `${base}/.well-known/oauth-authorization-server`,
    } } },
    service: { scheme: { $case: 'oauth2SecurityScheme', value: {
      description: 'A service account (client credentials).',
      flows: { flow: { $case: 'clientCredentials', value: { tokenUrl: `${base}/token`, refreshUrl: '', scopes } } },
      oauth2MetadataUrl: '',
    } } },
    oidc: { scheme: { $case: 'openIdConnectSecurityScheme', value: {
      description: 'Sign in with OpenID Connect.',
      openIdConnectUrl: `${base}/.well-known/openid-configuration`,
    } } },
  },
  securityRequirements: [
    { schemes: { oauth: { list: ['agent:admin'] } } },
    { schemes: { service: { list: ['agent:admin'] } } },
    { schemes: { oidc: { list: ['agent:admin'] } } },
  ],
  skills,
  signatures: [],
};
const extendedCard = { ...card, description: `${card.description} (extended card)`, skills: [...skills, adminSkill] };

class TokenUser {
  constructor(clientId) { this.clientId = clientId; }
  get isAuthenticated() { return true; }
  get userName() { return this.clientId; }
}

// Who calls: the token's client, or nobody. A token that is not valid is refused outright.
async function caller(req) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  if (!match) return undefined;
  try {
    return await provider.verifyAccessToken(match[1]);
  } catch {
    return null;
  }
}
function challenge(res, error) {
  res.status(401)
    .set('WWW-Authenticate', error ? `Bearer realm="crosstalk-oauth-agent", error="${error}"` : 'Bearer realm="crosstalk-oauth-agent"')
    .json({ error: { code: 401, status: 'UNAUTHENTICATED', message: error ? 'The access token is not valid.' : 'Sign in first.' } });
}
async function guard(req, res, next) {
  const who = await caller(req);
  if (who === null) return challenge(res, 'invalid_token');
  if (who === undefined && requireSignIn) return challenge(res);
  next();
}
const userBuilder = async (req) => {
  const who = await caller(req);
  return who ? new TokenUser(who.clientId) : new UnauthenticatedUser();
};

const store = new TestTaskStore(sharedOwner);
const pushStore = new InMemoryPushNotificationStore(sharedOwner);
const handler = new DefaultRequestHandler(
  card, store, createExecutor({ store, authNeedsUser: true }),
  new DefaultExecutionEventBusManager(sharedOwner),
  pushStore, createLegacyAwarePushNotificationSender(pushStore),
  extendedCard,
);
const legacyCompat = { enabled: true };
app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: async () => protoJsonCard(await handler.getAgentCard()), legacyCompat }));
app.use(['/a2a/jsonrpc', '/a2a/rest'], guard, trackRequests);
app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder, legacyCompat }));
app.use('/a2a/rest', restHandler({ requestHandler: handler, userBuilder, legacyCompat }));
app.use((req, res) => res.status(404).type('text/plain').send('not found'));
