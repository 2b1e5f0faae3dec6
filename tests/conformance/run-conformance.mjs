// Runs the official MCP conformance suite (@modelcontextprotocol/conformance,
// from tests/peers) against `crosstalk-cli mcp-conformance`: every required
// client scenario, the auth/ ones included (headless OAuth, tokens in
// memory), for the 2025-11-25 and the 2026-07-28 requirement sets, plus
// json-schema-2020-12-preservation at both.
// A scenario passes only when its checks ran and none failed or warned, and
// the client exited in time. Prints one line per scenario and passed/total
// per version; exits 1 on any failure.
//
// usage: node run-conformance.mjs PATH_TO_CROSSTALK_CLI
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = process.argv[2];
if (!cli) {
  console.error('usage: node run-conformance.mjs PATH_TO_CROSSTALK_CLI');
  process.exit(2);
}
const peers = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers');
const suite = join(peers, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
// The suite's test servers listen without a host: the preload keeps them on 127.0.0.1.
const nodeArgs = ['--require', join(peers, 'loopback.cjs'), suite];
const versions = ['2025-11-25', '2026-07-28'];
const extra = ['json-schema-2020-12-preservation'];

function requiredClientScenarios(version) {
  const listed = spawnSync(process.execPath, [...nodeArgs, 'list', '--client', '--requirements', version], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`conformance list failed: ${listed.stderr}`);
  const lines = listed.stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Client scenarios'));
  if (start < 0) throw new Error(`no client scenarios listed for ${version}:\n${listed.stdout}`);
  const names = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+-\s+(\S+)/.exec(line);
    if (!m) break;
    names.push(m[1]);
  }
  return names;
}

function runScenario(scenario, version) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...nodeArgs, 'client', '--command', `${cli} mcp-conformance`,
      '--scenario', scenario, '--spec-version', version, '--timeout', '60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const m = /Passed: (\d+)\/(\d+), (\d+) failed, (\d+) warnings/.exec(plain);
      const [passed, total, failed, warnings] = m ? m.slice(1).map(Number) : [0, 0, 0, 0];
      const overall = /OVERALL: PASSED/.test(plain);
      const ok = code === 0 && overall && total > 0 && failed === 0 && warnings === 0;
      resolve({ scenario, version, ok, passed, total, failed, warnings, seconds: (Date.now() - started) / 1000, output: plain });
    });
  });
}

let allOk = true;
const summary = [];
for (const version of versions) {
  const scenarios = requiredClientScenarios(version);
  const required = scenarios;
  const auth = required.filter((s) => s.startsWith('auth/'));
  const run = [...required, ...extra.filter((s) => !required.includes(s))];
  let passed = 0;
  let authPassed = 0;
  for (const scenario of run) {
    const r = await runScenario(scenario, version);
    if (r.ok) {
      passed++;
      if (scenario.startsWith('auth/')) authPassed++;
    } else {
      allOk = false;
    }
    console.log(`${r.ok ? 'PASS' : 'FAIL'} ${version} ${scenario}: ${r.passed}/${r.total} checks, ${r.failed} failed, ${r.warnings} warnings (${r.seconds.toFixed(1)} s)`);
    if (!r.ok) console.log(r.output.split('\n').map((l) => `    ${l}`).join('\n'));
  }
  summary.push(`${version}: ${passed}/${run.length} scenarios passed (${required.length} required client scenarios, of them ${authPassed}/${auth.length} auth/ ones; plus ${run.length - required.length} unscored)`);
}
console.log('Summary:');
for (const line of summary) console.log(`  ${line}`);
process.exit(allOk ? 0 : 1);
