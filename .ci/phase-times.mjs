// Passes CI output through unchanged and, at its end, prints where the time went: each phase that
// `.ci/run` marked (`::phase <name> start|end`), then the turbo tasks, timed from the first to the
// last line each printed (turbo prefixes lines with `<package>:<task>: `), summed per task kind
// and the slowest ones. Wall-clock spans of tasks overlap (turbo runs several at once), so the
// sums say where the cores went, not how long the run took.
import { createInterface } from 'node:readline';

const started = Date.now();
const phases = [];
const tasks = new Map();
const ANSI = /\x1b\[[0-9;]*m/g;
const TASK = /^([@\w./-]+):([\w:-]+): /;
const s = (ms) => `${(ms / 1000).toFixed(0)} s`;

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  process.stdout.write(`${line}\n`);
  const now = Date.now();
  const plain = line.replace(ANSI, '');
  const mark = /^::phase (.+) (start|end)$/.exec(plain);
  if (mark) {
    if (mark[2] === 'start') phases.push({ name: mark[1], start: now, end: undefined });
    else {
      const open = phases.findLast((p) => p.name === mark[1] && p.end === undefined);
      if (open) {
        open.end = now;
        // Said at once too, so that a run cut short still shows its finished phases.
        process.stdout.write(`phase ${open.name}: ${s(open.end - open.start)}\n`);
      }
    }
    continue;
  }
  const task = TASK.exec(plain);
  if (!task) continue;
  const id = `${task[1]}:${task[2]}`;
  const known = tasks.get(id);
  if (known) known.last = now;
  else tasks.set(id, { kind: task[2], first: now, last: now });
}

const out = ['', '== Where the time went'];
for (const p of phases) out.push(`phase ${p.name}: ${p.end === undefined ? 'did not finish' : s(p.end - p.start)}`);
out.push(`total: ${s(Date.now() - started)}`);
if (tasks.size > 0) {
  const byKind = new Map();
  for (const t of tasks.values()) {
    const k = byKind.get(t.kind) ?? { count: 0, ms: 0 };
    k.count += 1;
    k.ms += t.last - t.first;
    byKind.set(t.kind, k);
  }
  out.push(`turbo tasks, first to last line, summed: ${[...byKind].sort((a, b) => b[1].ms - a[1].ms).map(([kind, k]) => `${kind} ${k.count}× ${s(k.ms)}`).join(', ')}`);
  const slowest = [...tasks].sort((a, b) => b[1].last - b[1].first - (a[1].last - a[1].first)).slice(0, 12);
  out.push(`slowest: ${slowest.map(([id, t]) => `${id} ${s(t.last - t.first)}`).join(', ')}`);
}
process.stdout.write(`${out.join('\n')}\n`);
