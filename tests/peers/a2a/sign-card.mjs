// Signs A2A v1.0 Agent Cards with the official @a2a-js/sdk, for Crosstalk's
// signature tests. Crosstalk only verifies signatures; this script is the
// independent signer whose output it must accept.
//
//   node a2a/sign-card.mjs --alg ES256|RS256|EdDSA|... --out DIR
//                          [--kid KID] [--jku URL] [--card CARD.json]
//       Generates a key pair with `jose`, signs a realistic v1.0 card (or
//       CARD.json) with the SDK's generateAgentCardSignature and writes to DIR:
//         card.json        the signed card
//         public.jwk.json  a JWK Set holding the public key (with kid, alg, use)
//         public.pem       the public key as SPKI PEM
//         payload.txt      the SDK's canonicalizeAgentCard() of the card: the
//                          bytes that were signed
//       No private key is ever written.
//
//   node a2a/sign-card.mjs --canonicalize CARDS.json
//       Prints the SDK's canonicalizeAgentCard() of the card in CARDS.json (no
//       newline), or, when CARDS.json holds a list of cards, a JSON list of
//       their canonical forms.
//
//   node a2a/sign-card.mjs --sign-payload PAYLOAD --alg ALG --out DIR [--kid KID]
//       Signs the bytes of the file PAYLOAD as they are (JWS with a detached
//       payload, through jose, not through the SDK's canonicalisation) and
//       writes signature.json ({protected, signature}), public.jwk.json and
//       public.pem to DIR.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportJWK, exportSPKI, FlattenedSign, generateKeyPair } from 'jose';
import { canonicalizeAgentCard, generateAgentCardSignature } from '@a2a-js/sdk';

const { values: args } = parseArgs({
  options: {
    alg: { type: 'string' },
    out: { type: 'string' },
    kid: { type: 'string' },
    jku: { type: 'string' },
    card: { type: 'string' },
    canonicalize: { type: 'string' },
    'sign-payload': { type: 'string' },
  },
});

// A realistic v1.0 card: skills, capabilities, an interface, a security
// scheme, non-ASCII text, numbers in extension params, and several optional
// fields left at their defaults (tenant, skill input modes, required: false)
// or absent (extendedAgentCard).
const realisticCard = {
  name: 'Crosstalk signed test agent',
  description: 'Plans routes — Grüße, 日本語, and an emoji 😀; "quotes" and a tab\there.',
  supportedInterfaces: [
    { url: 'https://agent.crosstalk.invalid/a2a/jsonrpc', protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: 'https://agent.crosstalk.invalid/a2a/rest', protocolBinding: 'HTTP+JSON', protocolVersion: '1.0' },
  ],
  provider: { url: 'https://crosstalk.invalid', organization: 'Crosstalk tests' },
  version: '2.1.0',
  documentationUrl: 'https://crosstalk.invalid/docs',
  capabilities: {
    streaming: true,
    pushNotifications: false,
    extensions: [
      {
        uri: 'https://crosstalk.invalid/ext/limits/v1',
        description: 'Rate limits',
        required: false,
        params: { perMinute: 60, burst: 1.5, ratio: 333333333.3333333, big: 1e21, tiny: 1e-7, note: 'é€😀', flags: [true, false, null] },
      },
    ],
  },
  securitySchemes: {
    bearer: { httpAuthSecurityScheme: { scheme: 'Bearer', bearerFormat: 'JWT', description: '' } },
  },
  securityRequirements: [{ schemes: { bearer: { list: [] } } }],
  defaultInputModes: ['text/plain', 'application/json'],
  defaultOutputModes: ['text/plain'],
  skills: [
    {
      id: 'route-planner',
      name: 'Route planner',
      description: 'Plans a route between two places.',
      tags: ['maps', 'routing'],
      examples: ['From Berlin to Kraków, avoiding tolls.'],
      inputModes: [],
      outputModes: ['application/json'],
      securityRequirements: [],
    },
    {
      id: 'echo',
      name: 'Echo',
      description: 'Echoes the message.',
      tags: ['test'],
    },
  ],
  iconUrl: 'https://crosstalk.invalid/icon.png',
};

async function makeKeys(alg, kid) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  const pem = await exportSPKI(publicKey);
  return { privateKey, jwk, pem };
}

function writeKeys(out, keys) {
  writeFileSync(join(out, 'public.jwk.json'), JSON.stringify({ keys: [keys.jwk] }, null, 2) + '\n');
  writeFileSync(join(out, 'public.pem'), keys.pem);
}

function usage(message) {
  process.stderr.write(`sign-card.mjs: ${message}\n`);
  process.exit(2);
}

if (args.canonicalize) {
  const input = JSON.parse(readFileSync(args.canonicalize, 'utf8'));
  process.stdout.write(Array.isArray(input) ? JSON.stringify(input.map((card) => canonicalizeAgentCard(card))) : canonicalizeAgentCard(input));
} else if (args['sign-payload']) {
  if (!args.alg || !args.out) usage('--sign-payload needs --alg and --out');
  const kid = args.kid ?? `crosstalk-test-${args.alg}`;
  mkdirSync(args.out, { recursive: true });
  const keys = await makeKeys(args.alg, kid);
  const header = { alg: args.alg, typ: 'JOSE', kid };
  if (args.jku) header.jku = args.jku;
  const jws = await new FlattenedSign(readFileSync(args['sign-payload'])).setProtectedHeader(header).sign(keys.privateKey);
  writeFileSync(join(args.out, 'signature.json'), JSON.stringify({ protected: jws.protected, signature: jws.signature }) + '\n');
  writeKeys(args.out, keys);
} else {
  if (!args.alg || !args.out) usage('needs --alg and --out (or --canonicalize FILE)');
  const kid = args.kid ?? `crosstalk-test-${args.alg}`;
  mkdirSync(args.out, { recursive: true });
  const keys = await makeKeys(args.alg, kid);
  const card = args.card ? JSON.parse(readFileSync(args.card, 'utf8')) : realisticCard;
  const header = { alg: args.alg, typ: 'JOSE', kid };
  if (args.jku) header.jku = args.jku;
  const signed = await generateAgentCardSignature(keys.privateKey, header)(card);
  writeFileSync(join(args.out, 'card.json'), JSON.stringify(signed, null, 2) + '\n');
  writeFileSync(join(args.out, 'payload.txt'), canonicalizeAgentCard(signed));
  writeKeys(args.out, keys);
}
