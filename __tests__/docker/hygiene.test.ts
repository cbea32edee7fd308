// Docker hygiene against the real engine, through the real CLI bundle (dist/cli.js): the code under review is held
// by the process, memory and CPU limits, and the cleanup removes the run's own layers and nothing else, however long
// the build log. These tests fail, never skip, without Docker.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/core/index.js';
import { HANDOFF_REPOSITORY } from '../../src/smoke/cleanup.js';
import { RUN_LABEL } from '../../src/smoke/index.js';
import { LOCAL_BUILD_ARGS, LOCAL_POSTGRES } from '../robust/faults.js';
import { bundleOnce, ROOT } from '../support/runner.js';

const CLI = join(ROOT, 'dist/cli.js');
const APP = fileURLToPath(new URL('../fixtures/smoke/_app/', import.meta.url));
const BASE_IMAGE = 'tfr-test/django-base:bookworm';
const GUNICORN = '["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "mysite.wsgi"]';

let base: string;
before(() => {
  bundleOnce();
  base = mkdtempSync(join(tmpdir(), 'tfr-hygiene-'));
});
after(() => rmSync(base, { recursive: true, force: true }));

const hex = (n: number) => randomBytes(n).toString('hex');

function docker(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('docker', args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const exists = (image: string) => spawnSync('docker', ['image', 'inspect', image]).status === 0;

/** Every image of the engine, intermediate layers included. */
const allImages = () => new Set(lines(docker(['images', '-a', '-q', '--no-trunc'])));

/** Of the images made since `before`, those whose history holds `mark`: layers of our own build left behind. */
function leftWithMark(before: Set<string>, mark: string): string[] {
  return [...allImages()]
    .filter((id) => !before.has(id))
    .filter((id) => {
      const h = spawnSync('docker', ['image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', id], {
        encoding: 'utf8',
      });
      return h.status === 0 && h.stdout.includes(mark);
    });
}

/** Everything labelled with this run id: containers, networks, volumes, images. */
function leftovers(runId: string): string[] {
  const filter = `label=${RUN_LABEL}=${runId}`;
  return [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
    ['image', 'ls', '-q'],
  ].flatMap((args) => lines(docker([...args, '--filter', filter])).map((id) => `${args[0]} ${id}`));
}

/** Removes whatever a failing run left, so one failure does not pollute the engine for the next tests. */
function forceClean(runId: string | undefined): void {
  if (!runId) return;
  const filter = `label=${RUN_LABEL}=${runId}`;
  const c = lines(docker(['ps', '-aq', '--filter', filter]));
  if (c.length) spawnSync('docker', ['rm', '-f', '-v', ...c]);
  const n = lines(docker(['network', 'ls', '-q', '--filter', filter]));
  if (n.length) spawnSync('docker', ['network', 'rm', ...n]);
  const v = lines(docker(['volume', 'ls', '-q', '--filter', filter]));
  if (v.length) spawnSync('docker', ['volume', 'rm', '-f', ...v]);
  const i = lines(docker(['image', 'ls', '-q', '--filter', filter]));
  if (i.length) spawnSync('docker', ['image', 'rm', '-f', ...i]);
}

/** The shared Django app with this Dockerfile (and extra files) in a fresh directory. */
function app(dockerfile: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(base, 'app-'));
  cpSync(APP, dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface CliRun {
  code: number | null;
  stderr: string;
  runId?: string;
  report: Report;
}

/** `dist/cli.js check DIR --smoke --format json` as a user runs it, killed if it outlives `timeoutMs`. */
async function smoke(dir: string, args: string[], timeoutMs: number): Promise<CliRun> {
  const child = spawn(process.execPath, [
    CLI,
    'check',
    dir,
    '--smoke',
    '--format',
    'json',
    '--fail-on',
    'never',
    ...LOCAL_BUILD_ARGS,
    ...LOCAL_POSTGRES,
    ...args,
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let killed = false;
  const killer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  clearTimeout(killer);
  const runId = /Smoke run ([0-9a-f]+):/.exec(stderr)?.[1];
  assert.ok(!killed, `the run ended on its own\n${stderr.slice(-3000)}`);
  assert.equal(code, 0, `exit code ${code}\n${stderr.slice(-3000)}`);
  const report = JSON.parse(stdout) as Report;
  return { code, stderr, runId, report };
}

const stepOf = (report: Report, engine: 'sqlite' | 'postgres', name: string) =>
  report.smoke?.engines[engine]?.steps.find((s) => s.name === name);

describe('Docker hygiene, real engine, real CLI bundle', { concurrency: false }, () => {
  test('a server that spawns processes without bound is held by the process limit, and the run ends cleanly', async () => {
    // Bounded on purpose (200 tries), so that an engine without the limit is not hurt: there every try succeeds.
    const forker = [
      'import os, subprocess, sys',
      'procs, refused = [], 0',
      'for _ in range(200):',
      '    try:',
      '        procs.append(subprocess.Popen(["sleep", "3"]))',
      '    except OSError:',
      '        refused += 1',
      'for p in procs:',
      '    p.wait()',
      'print(f"tfr-forks started={len(procs)} refused={refused}", flush=True)',
      'if not refused:',
      '    print("tfr-forks-unbounded", flush=True)',
      '    sys.exit(1)',
      `os.execvp("gunicorn", ${GUNICORN})`,
      '',
    ].join('\n');
    const dir = app(
      [
        `ARG BASE_IMAGE=${BASE_IMAGE}`,
        'FROM ${BASE_IMAGE}',
        'WORKDIR /app',
        'COPY . /app',
        'RUN mkdir -p /data',
        'VOLUME /data',
        'EXPOSE 8000',
        'CMD ["python", "/app/forker.py"]',
        '',
      ].join('\n'),
      { 'forker.py': forker },
    );
    let r: CliRun | undefined;
    try {
      r = await smoke(dir, ['--smoke-pids-limit', '64'], 400_000);
      for (const engine of ['sqlite', 'postgres'] as const) {
        const http = stepOf(r.report, engine, 'http');
        assert.equal(
          http?.status,
          'passed',
          `${engine}: the server answered once its forks were refused\n${JSON.stringify(r.report.smoke?.engines[engine], null, 1)}`,
        );
      }
      assert.ok(r.runId);
      assert.deepEqual(leftovers(r.runId), [], 'nothing of the run is left');
    } finally {
      forceClean(r?.runId);
    }
  });

  test('a server that allocates past the memory limit is killed, reported as such, and the run ends cleanly', async () => {
    const hog = [
      'import os',
      'hog = b"x" * (400 * 1024 * 1024)',
      `os.execvp("gunicorn", ${GUNICORN})`,
      '',
    ].join('\n');
    const dir = app(
      [
        `ARG BASE_IMAGE=${BASE_IMAGE}`,
        'FROM ${BASE_IMAGE}',
        'WORKDIR /app',
        'COPY . /app',
        'RUN mkdir -p /data',
        'VOLUME /data',
        'EXPOSE 8000',
        'CMD ["python", "/app/hog.py"]',
        '',
      ].join('\n'),
      { 'hog.py': hog },
    );
    let r: CliRun | undefined;
    try {
      r = await smoke(dir, ['--smoke-memory', '192m'], 400_000);
      for (const engine of ['sqlite', 'postgres'] as const) {
        const http = stepOf(r.report, engine, 'http');
        assert.equal(http?.status, 'failed', `${engine}: the server was killed`);
        assert.match(
          http?.detail ?? '',
          /exited with code 137 \(killed for using more than the 192m of memory/,
        );
      }
      assert.ok(r.runId);
      assert.deepEqual(leftovers(r.runId), [], 'nothing of the run is left');
    } finally {
      forceClean(r?.runId);
    }
  });

  test("a failed classic build that used another build's cached layers leaves that build's images intact, and none of its own", async () => {
    const shared = `shared-${hex(6)}`;
    const ours = `ours-${hex(6)}`;
    const prefix = [
      `ARG BASE_IMAGE=${BASE_IMAGE}`,
      'FROM ${BASE_IMAGE}',
      // Its own layer first: no other build on the engine shares (and so claims) anything above the base.
      `ENV TFR_SHARED=${shared}`,
      'WORKDIR /app',
      'COPY . /app',
      `RUN echo ${shared} > /shared`,
    ];
    const dir = app(
      [
        ...prefix,
        `RUN echo ${ours} > /ours`,
        'RUN echo "the build fails here" && exit 3',
        `CMD ${GUNICORN}`,
        '',
      ].join('\n'),
    );
    // Another build on the same engine, made before: an untagged image and a tagged one on the same layers.
    const foreignTag = `tfr-test/foreign-${hex(4)}:latest`;
    const foreignBuild = (extra: string, tag?: string) => {
      const file = join(base, `Dockerfile.${hex(4)}`);
      writeFileSync(file, [...prefix, extra, ''].join('\n'));
      const args = [
        'build',
        '-q',
        '-f',
        file,
        '--build-arg',
        `BASE_IMAGE=${BASE_IMAGE}`,
        ...(tag ? ['-t', tag] : []),
        dir,
      ];
      return lines(docker(args, { ...process.env, DOCKER_BUILDKIT: '0' })).pop()!;
    };
    const untagged = foreignBuild(`RUN echo untagged-${hex(4)} > /u`);
    const tagged = foreignBuild(`LABEL tfr-foreign=${hex(4)}`, foreignTag);
    const foreign = [
      ...new Set([
        untagged,
        tagged,
        ...lines(docker(['image', 'history', '-q', untagged])).filter((id) => id !== '<missing>'),
      ]),
    ];
    const before = allImages();
    let r: CliRun | undefined;
    try {
      r = await smoke(dir, [], 300_000);
      assert.equal(r.report.smoke?.build?.status, 'failed');
      assert.match(
        r.report.smoke?.build?.logTail ?? '',
        /Using cache/,
        'the build used the foreign layers as cache',
      );
      for (const id of foreign) assert.ok(exists(id), `the foreign image ${id} is still there`);
      assert.ok(exists(foreignTag), 'the tagged foreign image is still there');
      assert.deepEqual(leftWithMark(before, ours), [], 'no layer of the failed build is left');
      assert.ok(r.runId);
      assert.deepEqual(leftovers(r.runId), []);
    } finally {
      forceClean(r?.runId);
      spawnSync('docker', ['image', 'rm', foreignTag, untagged]);
    }
  });

  test('two runs of one project at once: the layers the later build took from the earlier one are removed by the last to clean up', async () => {
    const mark = `handoff-${hex(6)}`;
    const dir = app(
      [
        `ARG BASE_IMAGE=${BASE_IMAGE}`,
        'FROM ${BASE_IMAGE}',
        `ENV TFR_MARK=${mark}`,
        'WORKDIR /app',
        'COPY . /app',
        // Long enough for the second build to start on the layers above, from the cache, while this step runs.
        'RUN sleep 6',
        `CMD ${GUNICORN}`,
        '',
      ].join('\n'),
    );
    const before = allImages();
    const runs: Promise<CliRun>[] = [];
    try {
      runs.push(smoke(dir, [], 300_000));
      // The second run starts once the first has committed the COPY layer: its build takes that far from the cache.
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const ours = leftWithMark(before, mark);
        const copied = ours.some((id) => docker(['image', 'history', '-q', id]).split('\n').length > 3);
        if (copied) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      runs.push(smoke(dir, [], 300_000));
      const [first, second] = await Promise.all(runs);
      // Alone, each would remove as many images as the other; sharing layers, the last to clean up removes more.
      const removedImages = (r: CliRun) => Number(/(\d+) image\(s\)/.exec(r.stderr)?.[1]);
      assert.notEqual(removedImages(first), removedImages(second), 'the second build used the first one');
      assert.deepEqual(leftWithMark(before, mark), [], 'no layer of either build is left');
      assert.deepEqual(lines(docker(['images', '-q', HANDOFF_REPOSITORY])), [], 'no hand-over tag is left');
      for (const r of [first, second]) {
        assert.ok(r.runId);
        assert.deepEqual(leftovers(r.runId), []);
      }
    } finally {
      for (const r of await Promise.allSettled(runs)) if (r.status === 'fulfilled') forceClean(r.value.runId);
      for (const id of leftWithMark(before, mark)) spawnSync('docker', ['image', 'rm', '-f', id]);
    }
  });

  test('a build whose log is longer than the output kept still has all its layers removed', async () => {
    const mark = `early-${hex(6)}`;
    const dir = app(
      [
        `ARG BASE_IMAGE=${BASE_IMAGE}`,
        // A stage the target does not use: its layer is printed at the very start of the log.
        'FROM ${BASE_IMAGE} AS early',
        `RUN echo ${mark} > /early`,
        'FROM ${BASE_IMAGE}',
        `ENV TFR_MARK=${mark}`,
        'WORKDIR /app',
        'COPY . /app',
        // 6 MB of output: more than the 4 MB of output kept.
        "RUN head -c 6000000 /dev/zero | tr '\\0' 'x' | fold -w 120",
        'RUN echo "the build fails here" && exit 3',
        `CMD ${GUNICORN}`,
        '',
      ].join('\n'),
    );
    const before = allImages();
    let r: CliRun | undefined;
    try {
      r = await smoke(dir, [], 300_000);
      assert.equal(r.report.smoke?.build?.status, 'failed');
      assert.deepEqual(leftWithMark(before, mark), [], 'no layer of the build is left, early or late');
      assert.ok(r.runId);
      assert.deepEqual(leftovers(r.runId), []);
    } finally {
      forceClean(r?.runId);
    }
  });
});
