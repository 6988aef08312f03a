// Usage: node scripts/sigterm-burst.mjs <path to dist/cli.js> [keepAliveClients=40] [newConnClients=20] [rounds=5] [honourRetryAfter=0]
// Starts gdx-mock with a data directory, runs keep-alive clients (GET health, PUT faults: a journaled
// write) and clients opening a new connection per request, sends SIGTERM mid-burst, and counts what
// each request got: an answer (by status), ECONNREFUSED (never sent: safe to retry), or a reset /
// hang-up (sent, no answer: the client cannot tell whether it ran).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [cli, ka = '40', nc = '20', rounds = '5', honour = '0'] = process.argv.slice(2);
// honour=1: a client that got a 503 waits its Retry-After before its next request, as a polite client does.
const backOff = async (o) => { if (honour === '1' && o === '503') await sleep(1000); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function once(url, method, agent, body) {
  return new Promise((resolve) => {
    const req = request(url, { method, agent, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.once('end', () => resolve(`${res.statusCode}`));
      res.once('error', () => resolve('reset'));
    });
    req.once('error', (e) => resolve(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'reset' : e.code ?? e.message));
    req.end(body);
  });
}

async function round() {
  const dir = mkdtempSync(join(tmpdir(), 'burst-'));
  const child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dir, '--log-format', 'json', '--start-at', '2025-09-26T10:00:00+08:00'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve) => child.stdout.on('data', (c) => { out += c; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]); }));
  const exited = new Promise((r) => child.once('exit', r));
  let gone = false;
  exited.then(() => (gone = true));
  const counts = {};
  let signalled = false;
  const tally = (o, k) => { if (signalled) counts[k + o] = (counts[k + o] ?? 0) + 1; };
  const loops = [];
  for (let i = 0; i < Number(ka); i++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    loops.push((async () => {
      for (let n = 0; ; n++) {
        const o = n % 2 ? await once(`${url}/_sim/v1/sandboxes/default/faults`, 'PUT', agent, '{"rules":[]}') : await once(`${url}/_sim/v1/health`, 'GET', agent);
        tally(o, 'keepAlive:');
        await backOff(o);
        if (o === 'refused' && gone) break;
      }
      agent.destroy();
    })());
  }
  for (let i = 0; i < Number(nc); i++) {
    loops.push((async () => {
      for (;;) {
        const o = await once(`${url}/_sim/v1/health`, 'GET', false);
        tally(o, 'newConn:');
        await backOff(o);
        if (o === 'refused' && gone) break;
      }
    })());
  }
  await sleep(700);
  signalled = true;
  child.kill('SIGTERM');
  const t0 = Date.now();
  const code = await exited;
  const stopMs = Date.now() - t0;
  await Promise.all(loops);
  rmSync(dir, { recursive: true, force: true });
  return { exit: code, stopMs, ...counts };
}

for (let r = 0; r < Number(rounds); r++) console.log(JSON.stringify(await round()));
