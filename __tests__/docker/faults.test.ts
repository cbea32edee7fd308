// Infrastructure faults against the real engine, through the real CLI bundle (dist/cli.js, built here) and the
// real action bundle (dist/index.js, dist/post.js) as a runner starts them. Every case asserts its outcome, that
// the run left no container, network, volume or image with its label, and that no planted secret was printed.
// These tests fail, never skip, without Docker.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../src/core/index.js';
import { ClassicBuildLog } from '../../src/smoke/build.js';
import { RUN_LABEL, SMOKE_LAYERS_STATE_KEY, SMOKE_STATE_KEY } from '../../src/smoke/index.js';
import {
  CRASH_MARKER,
  FAULT_CASES,
  LOCAL_POSTGRES,
  NEVER_READY_POSTGRES,
  PRODUCTION_HOST_PORT,
  productionWithSecrets,
  type FaultCase,
} from '../robust/faults.js';
import { bundleOnce, parseFileCommand, pushPayload, ROOT, runAction } from '../support/runner.js';

const CLI = join(ROOT, 'dist/cli.js');
const POST = join(ROOT, 'dist/post.js');
const NODE24 = join(ROOT, 'scripts/node24');

let base: string;
before(() => {
  bundleOnce();
  base = mkdtempSync(join(tmpdir(), 'tfr-faults-'));
});
after(() => rmSync(base, { recursive: true, force: true }));

const faultCase = (id: string): FaultCase => {
  const c = FAULT_CASES.find((f) => f.id === id);
  assert.ok(c, `no fault case ${id}`);
  return c;
};

function dirFor(id: string): string {
  return mkdtempSync(join(base, `${id}-`));
}

function docker(args: string[]): string {
  const r = spawnSync('docker', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Everything labelled with this run id: containers, networks, volumes, images. */
export function leftovers(runId: string): string[] {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const out: string[] = [];
  for (const args of [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
    ['image', 'ls', '-q'],
  ]) {
    for (const id of docker([...args, '--filter', filter])
      .split('\n')
      .filter(Boolean))
      out.push(`${args[0]} ${id}`);
  }
  return out;
}

/** Untagged images nothing builds on: what a failed classic build leaves unless it is cleaned up. */
function danglingImages(): string[] {
  return docker(['images', '--filter', 'dangling=true', '-q', '--no-trunc']).split('\n').filter(Boolean);
}

/**
 * Of the images left untagged since `before`, those of a fault project's build: every step after the dependency
 * layer carries the ENV that productionWithSecrets plants. Other work on the engine (a re-tag elsewhere) is not ours.
 */
function faultBuildLeftovers(before: Set<string>): string[] {
  const envOf = (id: string) =>
    spawnSync('docker', ['image', 'inspect', '--format', '{{json .Config.Env}}', id], { encoding: 'utf8' })
      .stdout;
  return danglingImages().filter((id) => !before.has(id) && envOf(id).includes('PAYMENT_API_TOKEN='));
}

/** Names of the containers labelled with this run id. */
function labelledContainers(runId: string): string[] {
  return docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=${RUN_LABEL}=${runId}`])
    .split('\n')
    .filter(Boolean);
}

/** Removes whatever a failing run left, so one failure does not pollute the engine for the next tests. */
function forceClean(runId: string | undefined): void {
  if (!runId) return;
  const filter = `label=${RUN_LABEL}=${runId}`;
  const list = (a: string[]) =>
    docker([...a, '--filter', filter])
      .split('\n')
      .filter(Boolean);
  const c = list(['ps', '-aq']);
  if (c.length) spawnSync('docker', ['rm', '-f', '-v', ...c]);
  const n = list(['network', 'ls', '-q']);
  if (n.length) spawnSync('docker', ['network', 'rm', ...n]);
  const v = list(['volume', 'ls', '-q']);
  if (v.length) spawnSync('docker', ['volume', 'rm', '-f', ...v]);
  const i = list(['image', 'ls', '-q']);
  if (i.length) spawnSync('docker', ['image', 'rm', '-f', ...i]);
}

function assertNoSecret(texts: Record<string, string>, secrets: string[]): void {
  assert.ok(secrets.length > 0, 'the case planted secrets to look for');
  for (const [where, text] of Object.entries(texts)) {
    for (const s of secrets)
      assert.ok(!text.includes(s), `a secret value (${s.slice(0, 4)}…) appears in ${where}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  runId?: string;
  /** ms from the signal to the process's exit. */
  exitAfterSignalMs?: number;
  report?: Report;
}

/** `dist/cli.js check DIR --smoke --format json …` as a user runs it; with `interrupt`, signalled mid-run. */
async function runCli(dir: string, args: string[], env: NodeJS.ProcessEnv, c: FaultCase): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [CLI, 'check', dir, '--smoke', '--format', 'json', '--fail-on', 'error', ...args],
    {
      env,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), c.timeoutMs);
  const runIdOf = () => /Smoke run ([0-9a-f]+):/.exec(stderr)?.[1];
  let signalledAt: number | undefined;
  if (c.interrupt) {
    let exited = false;
    void closed.then(() => (exited = true));
    while (!exited) {
      const id = runIdOf();
      if (id && labelledContainers(id).some((n) => c.interrupt!.when.test(n))) {
        signalledAt = Date.now();
        child.kill(c.interrupt.signal);
        break;
      }
      await sleep(300);
    }
  }
  const { code, signal } = await closed;
  clearTimeout(killer);
  const end = Date.now();
  let report: Report | undefined;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    report = undefined;
  }
  return {
    code,
    signal,
    stdout,
    stderr,
    ms: end - started,
    runId: runIdOf(),
    exitAfterSignalMs: signalledAt ? end - signalledAt : undefined,
    report,
  };
}

/** Sets the case up, runs it, checks the common guarantees, then hands the run over for the case's own checks. */
async function runCase(id: string, check: (r: CliRun, dir: string) => void | Promise<void>): Promise<void> {
  const c = faultCase(id);
  const dir = dirFor(id);
  const setup = c.setup(dir);
  let r: CliRun | undefined;
  const danglingBefore = new Set(danglingImages());
  try {
    r = await runCli(dir, setup.args, setup.env, c);
    assert.ok(r.ms < c.timeoutMs, `the run ended on its own (${r.ms} ms)\n${r.stderr}`);
    assertNoSecret({ stdout: r.stdout, stderr: r.stderr }, setup.secrets);
    if (r.runId) assert.deepEqual(leftovers(r.runId), [], `run ${r.runId} left objects behind\n${r.stderr}`);
    // The layers of a build that failed or was cut short carry no label: they must not be left either.
    assert.deepEqual(
      faultBuildLeftovers(danglingBefore),
      [],
      `the run left untagged image layers behind\n${r.stderr}`,
    );
    await check(r, dir);
  } finally {
    forceClean(r?.runId);
    setup.teardown?.();
  }
}

function withReport(r: CliRun): Report {
  assert.ok(r.report, `a JSON report on standard output (exit ${r.code})\n${r.stderr.slice(-2000)}`);
  assert.ok(r.code === 0 || r.code === 1, `exit code ${r.code}\n${r.stderr.slice(-2000)}`);
  return r.report;
}

/** The exit code and findings of the static analysis alone. */
function staticRun(dir: string): { code: number | null; report: Report } {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--fail-on', 'error'], {
    encoding: 'utf8',
  });
  return { code: r.status, report: JSON.parse(r.stdout) as Report };
}

/** The build is killed: no process still at work on this directory, no build container still sleeping. */
function assertBuildKilled(dir: string): void {
  const procs = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    })
    .filter((cmd) => cmd.includes(dir));
  assert.deepEqual(procs, [], 'no process left working on the build');
  const sleeping = docker(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}'])
    .split('\n')
    .filter((l) => l.includes('sleep 3600'));
  assert.deepEqual(sleeping, [], 'no build container left behind');
}

const stepOf = (report: Report, engine: 'sqlite' | 'postgres', name: string) =>
  report.smoke?.engines[engine]?.steps.find((s) => s.name === name);

describe('infrastructure faults, real engine, real CLI bundle', () => {
  for (const id of ['docker-unreachable', 'docker-not-installed']) {
    test(faultCase(id).name, async () => {
      await runCase(id, (r, dir) => {
        const report = withReport(r);
        assert.equal(r.runId, undefined, 'no smoke run was started');
        assert.equal(report.smoke?.status, 'skipped');
        assert.match(report.smoke?.reason ?? '', /Docker is not reachable \(.+\)/);
        if (id === 'docker-unreachable') assert.match(report.smoke!.reason!, /nonexistent|Cannot connect/);
        else assert.match(report.smoke!.reason!, /ENOENT|not found/);
        const alone = staticRun(dir);
        assert.equal(r.code, alone.code, 'the exit code comes from the static analysis only');
        assert.deepEqual(
          report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line ?? ''}`),
          alone.report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line ?? ''}`),
          'the static results are all there, and nothing else',
        );
        assert.ok(r.ms < 30_000, `answered in ${r.ms} ms`);
      });
    });
  }

  test(faultCase('postgres-never-ready').name, async () => {
    await runCase('postgres-never-ready', (r) => {
      const report = withReport(r);
      const pg = report.smoke!.engines.postgres!;
      assert.notEqual(pg.status, 'passed');
      const database = stepOf(report, 'postgres', 'database');
      assert.equal(database?.status, 'failed');
      assert.match(
        database!.detail ?? '',
        new RegExp(`${NEVER_READY_POSTGRES}.*did not become ready \\(pg_isready\\) within 8\\.0 s`),
      );
      // check --deploy needs no database (it runs while PostgreSQL starts); every step that does is skipped.
      for (const s of pg.steps.filter((s) => !['database', 'check-deploy'].includes(s.name)))
        assert.equal(s.status, 'skipped', s.name);
      // The database we provide failed, not the app: nothing blames the app's settings.
      assert.ok(!report.findings.some((f) => f.ruleId === 'TF1002'), 'no TF1002 for our own database');
      // SQLite is unaffected.
      for (const s of ['migrate', 'start', 'http', 'persist'])
        assert.equal(stepOf(report, 'sqlite', s)?.status, 'passed', `sqlite ${s}`);
      assert.ok(!report.findings.some((f) => f.ruleId === 'TF1001'));
    });
  });

  test(faultCase('app-crash-loop').name, async () => {
    await runCase('app-crash-loop', (r) => {
      const report = withReport(r);
      assert.equal(r.code, 1, 'an app that cannot start fails the check');
      for (const engine of ['sqlite', 'postgres'] as const) {
        const e = report.smoke!.engines[engine]!;
        assert.equal(e.status, 'failed', engine);
        assert.equal(stepOf(report, engine, 'migrate')?.status, 'passed', `${engine} migrate`);
        const failing = e.steps.find(
          (s) => s.status === 'failed' && (s.name === 'start' || s.name === 'http'),
        );
        assert.ok(failing, `${engine}: start or http failed: ${JSON.stringify(e.steps)}`);
        assert.match(failing.detail ?? '', /exit/);
        assert.ok(failing.logTail?.includes(CRASH_MARKER), `${engine}: the container's log tail is reported`);
        // Noticed when the container exits, not after the 60 s start timeout.
        assert.ok(failing.durationMs < 20_000, `${engine}: noticed in ${failing.durationMs} ms`);
      }
      const ids = report.findings.map((f) => f.ruleId);
      assert.ok(ids.includes('TF1001') && ids.includes('TF1002'), ids.join());
    });
  });

  test(faultCase('build-hangs').name, async () => {
    await runCase('build-hangs', (r, dir) => {
      const report = withReport(r);
      assert.equal(r.code, 1);
      assert.equal(report.smoke?.build?.status, 'failed');
      const tf0502 = report.findings.filter((f) => f.ruleId === 'TF0502');
      assert.equal(tf0502.length, 1);
      assert.match(tf0502[0].message, /did not finish within 20\.0 s/);
      for (const engine of ['sqlite', 'postgres'] as const)
        assert.equal(report.smoke!.engines[engine]?.status, 'skipped');
      assert.ok(r.ms < 90_000, `stopped in ${r.ms} ms`);
      assertBuildKilled(dir);
    });
  });

  test(faultCase('host-port-taken').name, async () => {
    await runCase('host-port-taken', async (r) => {
      const report = withReport(r);
      for (const engine of ['sqlite', 'postgres'] as const) {
        for (const s of ['migrate', 'start', 'http'])
          assert.equal(
            stepOf(report, engine, s)?.status,
            'passed',
            `${engine} ${s}: ${r.stderr.slice(-1500)}`,
          );
        const start = stepOf(report, engine, 'start')!;
        assert.doesNotMatch(
          start.detail ?? '',
          new RegExp(`:${PRODUCTION_HOST_PORT} →`),
          'a port Docker chose',
        );
      }
      assert.ok(!report.findings.some((f) => ['TF1001', 'TF1002', 'TF0703'].includes(f.ruleId)));
    });
  });

  test('the host port is really taken while that case runs', async () => {
    const c = faultCase('host-port-taken');
    const setup = c.setup(dirFor('port-probe'));
    try {
      await new Promise((r) => setTimeout(r, 50));
      const taken = await new Promise<boolean>((done) => {
        const s = connect(PRODUCTION_HOST_PORT, '127.0.0.1', () => {
          s.destroy();
          done(true);
        });
        s.on('error', () => done(false));
      });
      assert.ok(taken);
    } finally {
      setup.teardown?.();
    }
  });

  for (const id of ['sigterm-mid-build', 'sigterm-mid-smoke']) {
    test(faultCase(id).name, async () => {
      await runCase(id, (r, dir) => {
        assert.ok(r.exitAfterSignalMs !== undefined, `the run was signalled mid-smoke\n${r.stderr}`);
        assert.ok(r.exitAfterSignalMs < 60_000, `exited ${r.exitAfterSignalMs} ms after SIGTERM`);
        assert.ok(r.code === 143 || r.signal === 'SIGTERM', `exit ${r.code} ${r.signal}`);
        assert.match(r.stderr, /Received SIGTERM/);
        assertBuildKilled(dir);
        // The post step, given the saved run id, finds nothing left.
        const post = spawnSync(NODE24, [POST], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, 'STATE_smoke-run-id': r.runId },
        });
        assert.equal(post.status, 0, post.stderr);
        assert.match(post.stdout, new RegExp(`The smoke run ${r.runId} left nothing behind`));
      });
    });
  }
});

/** The action's process (found by a marker in its environment) and its environment, once it has started. */
async function findAction(
  marker: string,
  until: () => boolean,
): Promise<{ pid: number; env: Record<string, string> } | undefined> {
  while (!until()) {
    for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      let environ: string;
      try {
        environ = readFileSync(`/proc/${p}/environ`, 'utf8');
      } catch {
        continue;
      }
      if (!environ.includes(`TFR_FAULT_MARKER=${marker}`)) continue;
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.includes('dist/index.js') || /bash/.test(cmd.split('\0')[0])) continue;
      const env = Object.fromEntries(
        environ
          .split('\0')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      );
      return { pid: Number(p), env };
    }
    await sleep(200);
  }
  return undefined;
}

describe('the action bundle receiving SIGTERM mid-smoke, then its post step', () => {
  test('the main step cleans up and exits promptly; the post step, given the saved state, finds nothing left', async () => {
    const workspace = dirFor('action-sigterm');
    const secrets = productionWithSecrets(join(workspace, 'app'));
    const marker = randomBytes(6).toString('hex');
    const token = `ghs_${randomBytes(12).toString('hex')}`;
    let done = false;
    const running = runAction({
      workspace,
      eventName: 'push',
      payload: pushPayload({ repository: 'octo-org/twelve-factor-app', sha: 'f'.repeat(40) }),
      token,
      apiUrl: 'http://127.0.0.1:9', // never reached before the signal; publishing failures are warnings anyway
      repository: 'octo-org/twelve-factor-app',
      sha: 'f'.repeat(40),
      inputs: {
        'working-directory': 'app',
        smoke: 'true',
        'postgres-image': LOCAL_POSTGRES[1],
        'build-args': 'BASE_IMAGE=tfr-test/django-base:bookworm',
        comment: 'false',
        review: 'false',
        'check-run': 'false',
      },
      env: { TFR_FAULT_MARKER: marker },
    }).finally(() => (done = true));
    let runId: string | undefined;
    try {
      const action = await findAction(marker, () => done);
      assert.ok(action, 'the action started');
      const stateFile = action.env.GITHUB_STATE;
      let signalledAt: number | undefined;
      while (!done) {
        runId = parseFileCommand(readFileSync(stateFile, 'utf8'))['smoke-run-id'];
        // Mid-smoke: an app container (one-off or server) of the run exists.
        if (runId && labelledContainers(runId).some((n) => /-(sqlite|postgres)-(?!db$)/.test(n))) {
          signalledAt = Date.now();
          process.kill(action.pid, 'SIGTERM');
          break;
        }
        await sleep(300);
      }
      const r = await running;
      const exitMs = Date.now() - (signalledAt ?? 0);
      assert.ok(signalledAt, `the action was signalled mid-smoke\n${r.stdout}`);
      assert.ok(runId);
      assert.ok(exitMs < 60_000, `exited ${exitMs} ms after SIGTERM`);
      assert.notEqual(r.code, 0, 'a cancelled step does not succeed');
      assert.match(r.stdout, /Received SIGTERM/);
      assert.deepEqual(leftovers(runId), [], 'the main step left objects behind');
      const stdout = r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      assertNoSecret({ stdout, stderr: r.stderr, summary: r.summary }, [...secrets, token]);

      // The post step, as the runner starts it: STATE_* from GITHUB_STATE.
      const state = parseFileCommand(readFileSync(stateFile, 'utf8'));
      const post = spawnSync(NODE24, [POST], {
        encoding: 'utf8',
        cwd: workspace,
        env: {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: 'true',
          ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
        },
      });
      assert.equal(post.status, 0, post.stderr);
      assert.match(post.stdout, new RegExp(`The smoke run ${runId} left nothing behind`));
    } finally {
      await running.catch(() => undefined);
      forceClean(runId);
    }
  });

  test("the post step removes the layers a killed main step's build committed, never a cached layer it shared", async () => {
    const mark = randomBytes(6).toString('hex');
    const foreign = `tfr-test/foreign-${mark}`;
    const shared = `RUN echo shared-${mark} > /shared`;
    const build = (dockerfile: string, tag?: string) => {
      const r = spawnSync('docker', ['build', '--force-rm', ...(tag ? ['-t', tag] : []), '-'], {
        input: dockerfile,
        encoding: 'utf8',
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
      });
      assert.equal(r.status, 0, r.stderr);
      const log = new ClassicBuildLog();
      log.feed(r.stdout);
      return log.result().created;
    };
    const exists = (id: string) => spawnSync('docker', ['image', 'inspect', id]).status === 0;
    let ours: string[] = [];
    try {
      build(`FROM tfr-test/django-base:bookworm\n${shared}\n`, foreign);
      // As a killed main step's build leaves them: untagged, unlabelled, the first step taken from the cache.
      ours = build(
        `FROM tfr-test/django-base:bookworm\n${shared}\nRUN echo ours-${mark} > /ours\nRUN true\n`,
      );
      assert.equal(ours.length, 2, 'the cached step is not ours');
      const post = spawnSync(NODE24, [POST], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: 'true',
          [`STATE_${SMOKE_STATE_KEY}`]: `f${mark.slice(0, 6)}`,
          [`STATE_${SMOKE_LAYERS_STATE_KEY}`]: ours.join(' '),
        },
      });
      assert.equal(post.status, 0, post.stderr);
      for (const id of ours) assert.equal(exists(id), false, `layer ${id} is left`);
      assert.ok(exists(foreign), 'the foreign image and the layer it shares stay');
      assert.match(docker(['image', 'history', '-q', foreign]), /\S/);
    } finally {
      spawnSync('docker', ['image', 'rm', '-f', foreign]);
      for (const id of ours.reverse()) spawnSync('docker', ['image', 'rm', id]);
    }
  });

  test('the post step removes what a killed main step left behind', async () => {
    // A main step killed by SIGKILL cannot clean up: simulate its leftovers under a run id, as saved in the state.
    const runId = `f${randomBytes(3).toString('hex')}`;
    const label = `${RUN_LABEL}=${runId}`;
    try {
      docker(['network', 'create', '--label', label, `tfr-${runId}-sqlite-net`]);
      docker(['volume', 'create', '--label', label, `tfr-${runId}-sqlite-vol-1`]);
      docker([
        'run',
        '-d',
        '--name',
        `tfr-${runId}-postgres-db`,
        '--label',
        label,
        '--network',
        `tfr-${runId}-sqlite-net`,
        '-v',
        `tfr-${runId}-sqlite-vol-1:/data`,
        '--entrypoint',
        'sleep',
        'tfr-test/postgres:15',
        'infinity',
      ]);
      assert.equal(leftovers(runId).length, 3);
      const post = spawnSync(NODE24, [POST], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', 'STATE_smoke-run-id': runId },
      });
      assert.equal(post.status, 0, post.stderr);
      assert.match(post.stdout, /1 container\(s\), 1 network\(s\), 1 volume\(s\)/);
      assert.deepEqual(leftovers(runId), []);
    } finally {
      forceClean(runId);
    }
  });
});
