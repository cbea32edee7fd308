// Reliability report (npm run reliability): runs every hostile repository and infrastructure fault through the
// real bundle, the way users run it, and prints cases run, survived, objects left behind, secret leaks and the
// slowest case. It prints figures; the assertions live in the test suites.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HOSTILE_CASES } from '../__tests__/robust/cases.js';
import { FAULT_CASES, type FaultCase } from '../__tests__/robust/faults.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli.js');
const node = process.execPath;

interface Outcome {
  name: string;
  survived: boolean;
  why?: string;
  ms: number;
  leftovers: number;
  leaks: string[];
}

/** Docker objects labelled with one run id (the CLI prints it), or with any run id of ours when none is given. */
/** Untagged images nothing builds on: what a failed or interrupted classic build leaves unless it is cleaned up. */
function danglingImages(): string[] {
  const r = spawnSync('docker', ['images', '--filter', 'dangling=true', '-q', '--no-trunc'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}

function labelledObjects(runId?: string): number {
  const label = runId ? `label=twelve-factor-review.run=${runId}` : 'label=twelve-factor-review.run';
  let count = 0;
  for (const args of [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
    ['image', 'ls', '-q'],
  ]) {
    const r = spawnSync('docker', [...args, '--filter', label], { encoding: 'utf8' });
    if (r.status !== 0) return 0;
    count += r.stdout.split('\n').filter(Boolean).length;
  }
  return count;
}

/** Runs a fault case through the CLI; with `interrupt`, sends the signal once a matching container of the run exists. */
async function runFault(c: FaultCase, args: string[], env: NodeJS.ProcessEnv) {
  const start = Date.now();
  const child = spawn(node, [cli, 'check', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), c.timeoutMs);
  let poller: NodeJS.Timeout | undefined;
  if (c.interrupt) {
    const { signal, when } = c.interrupt;
    poller = setInterval(() => {
      const runId = /Smoke run (\w+):/.exec(stderr)?.[1];
      if (!runId) return;
      const names = spawnSync(
        'docker',
        ['ps', '-a', '--format', '{{.Names}}', '--filter', `label=twelve-factor-review.run=${runId}`],
        {
          encoding: 'utf8',
        },
      ).stdout;
      if (names.split('\n').some((n) => when.test(n))) {
        child.kill(signal);
        clearInterval(poller);
      }
    }, 250);
  }
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig])),
  );
  clearTimeout(killer);
  clearInterval(poller);
  return { status, signal, stdout, stderr, ms: Date.now() - start };
}

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000) {
  const start = Date.now();
  const r = spawnSync(node, [cli, 'check', ...args], {
    encoding: 'utf8',
    env,
    timeout: timeoutMs,
    maxBuffer: 1 << 28,
  });
  return { ...r, ms: Date.now() - start };
}

/** A run survives when it ends on its own with exit 0 or 1 and a JSON report on stdout. */
interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function verdictOf(r: Run): { survived: boolean; why?: string; json?: unknown } {
  if (r.error) return { survived: false, why: r.error.message };
  if (r.signal) return { survived: false, why: `killed by ${r.signal}` };
  if (r.status !== 0 && r.status !== 1)
    return { survived: false, why: `exit ${r.status}: ${r.stderr.slice(-300)}` };
  try {
    return { survived: true, json: JSON.parse(r.stdout) };
  } catch {
    return { survived: false, why: 'no JSON report on standard output' };
  }
}

const outcomes: Outcome[] = [];
const base = mkdtempSync(join(tmpdir(), 'tfr-reliability-'));
try {
  HOSTILE_CASES.forEach((c, i) => {
    const dir = join(base, `hostile${i}`);
    const outside = join(base, `outside${i}`);
    mkdirSync(dir, { recursive: true });
    mkdirSync(outside, { recursive: true });
    c.make(dir, outside);
    const r = runCli([dir, '--format', 'json', '--fail-on', 'never']);
    const v = verdictOf(r);
    let why = v.why;
    if (v.survived) {
      try {
        c.check((v.json as { findings: never[] }).findings);
      } catch (error) {
        why = `survived, but: ${(error as Error).message.split('\n')[0]}`;
      }
    }
    const leaks = (c.forbidden ?? []).filter((s) => r.stdout.includes(s) || r.stderr.includes(s));
    outcomes.push({ name: c.name, survived: v.survived, why, ms: r.ms, leftovers: 0, leaks });
  });
  for (const c of FAULT_CASES) {
    const dir = join(base, `fault-${c.id}`);
    mkdirSync(dir, { recursive: true });
    const setup = c.setup(dir);
    const danglingBefore = new Set(danglingImages());
    try {
      const r = await runFault(
        c,
        [dir, '--format', 'json', '--fail-on', 'never', '--smoke', ...setup.args],
        setup.env,
      );
      // An interrupted run is expected to end by the signal's exit code, having cleaned up: that is surviving.
      const interrupted = c.interrupt && (r.status === 143 || r.status === 130);
      const v = interrupted
        ? { survived: true, why: `interrupted by ${c.interrupt!.signal}, exit ${r.status}` }
        : verdictOf(r);
      const runId = /Smoke run (\w+):/.exec(r.stderr)?.[1];
      // Labelled objects of the run, and untagged layers its build left, which carry no label.
      const leftovers =
        (runId ? labelledObjects(runId) : 0) + danglingImages().filter((i) => !danglingBefore.has(i)).length;
      const leaks = setup.secrets.filter((s) => r.stdout.includes(s) || r.stderr.includes(s));
      outcomes.push({ name: c.name, survived: v.survived, why: v.why, ms: r.ms, leftovers, leaks });
    } finally {
      setup.teardown?.();
    }
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
console.log(`${pad('case', 72)} ${'result'.padEnd(9)} ${'ms'.padStart(7)} left leaks`);
for (const o of outcomes) {
  console.log(
    `${pad(o.name, 72)} ${(o.survived ? 'survived' : 'CRASHED').padEnd(9)} ${String(o.ms).padStart(7)} ${String(o.leftovers).padStart(4)} ${String(o.leaks.length).padStart(5)}${o.why ? `  (${o.why})` : ''}`,
  );
}
const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log('');
console.log(`cases run:        ${outcomes.length}`);
console.log(`cases survived:   ${outcomes.filter((o) => o.survived).length}`);
console.log(`objects left:     ${outcomes.reduce((n, o) => n + o.leftovers, 0)}`);
console.log(`secret leaks:     ${outcomes.reduce((n, o) => n + o.leaks.length, 0)}`);
console.log(`slowest case:     ${slowest.name} (${slowest.ms} ms)`);
