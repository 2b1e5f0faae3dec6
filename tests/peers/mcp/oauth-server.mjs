// An OAuth-protected MCP server for Crosstalk's tests, on the official
// @modelcontextprotocol/sdk: the SDK's own authorization server (its demo
// provider: dynamic registration, PKCE, an authorization endpoint that
// approves at once and redirects with the code) and resource server on one
// origin, protected-resource metadata at /.well-known/oauth-protected-resource/mcp,
// and a stateless Streamable HTTP MCP server at /mcp behind requireBearerAuth
// with the token bound to that resource. The tool `whoami` answers with the
// client ID the token was issued to.
//
//   PORT=0 node --require ./loopback.cjs mcp/oauth-server.mjs
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthRouter, getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { DemoInMemoryAuthProvider } from '@modelcontextprotocol/sdk/examples/server/demoInMemoryOAuthProvider.js';

const app = express();
const ready = new Promise((resolve) => {
  const server = app.listen(Number(process.env.PORT ?? 0), () => resolve(server));
});
const server = await ready;
const base = new URL(`http://127.0.0.1:${server.address().port}`);
const mcpUrl = new URL('/mcp', base);
const provider = new DemoInMemoryAuthProvider((resource) => resource?.toString() === mcpUrl.href);

app.use(mcpAuthRouter({ provider, issuerUrl: base, resourceServerUrl: mcpUrl, scopesSupported: ['mcp:tools'] }));
app.use(express.json());
app.post('/mcp', requireBearerAuth({
  verifier: provider,
  requiredScopes: [],
  resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl),
  expectedResource: mcpUrl,
}), async (req, res) => {
  const mcp = new McpServer({ name: 'crosstalk-oauth-test-server', version: '1.0.0' });
  mcp.registerTool('whoami', { description: 'The client ID the access token was issued to.' }, async (extra) => ({
    content: [{ type: 'text', text: `client ${extra.authInfo?.clientId ?? 'unknown'}` }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => { transport.close(); mcp.close(); });
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.all('/mcp', (req, res) => res.status(405).set('Allow', 'POST').end());

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
