// Real Docker: the action bundle reviews examples/hardcoded and an app of its shape, proposes fixes (informed by the
// smoke run where it ran: versions pip installed, the directory SQLite wrote), then builds the fixed tree and
// smoke-tests it on both engines (verify-fixes). Built from tfr-test/django-base:bookworm with tfr-test/postgres:15; fails without Docker.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createDockerCli, RUN_LABEL } from '../../src/smoke/index.js';
import { bundleOnce, pushPayload, ROOT, runAction } from '../support/runner.js';

const BASE_IMAGE = 'tfr-test/django-base:bookworm';
const POSTGRES_IMAGE = 'tfr-test/postgres:15';
const docker = createDockerCli();
const workdir = mkdtempSync(join(tmpdir(), 'tfr-fix-verify-'));
after(() => rmSync(workdir, { recursive: true, force: true }));

/**
 * examples/hardcoded as a student leaves it, but building: no migrate at build time, and its hard-coded DATABASES an
 * SQLite file in a data/ directory of the project (COPY . . puts it in the image, as a tutorial's db.sqlite3).
 */
function hardcodedShape(): string {
  const root = join(workdir, 'app');
  cpSync(join(ROOT, 'examples/hardcoded'), root, { recursive: true });
  for (const f of ['docker-compose.yml', 'db.sqlite3', '.env']) rmSync(join(root, f), { force: true });
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  writeFileSync(join(root, 'Dockerfile'), dockerfile.replace('RUN python manage.py migrate\n', ''));
  const settings = readFileSync(join(root, 'mysite/settings.py'), 'utf8');
  const databases = /DATABASES = \{[\s\S]*?\n\}\n/.exec(settings)![0];
  writeFileSync(
    join(root, 'mysite/settings.py'),
    settings.replace(
      databases,
      "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.sqlite3',\n        'NAME': BASE_DIR / 'data' / 'db.sqlite3',\n    }\n}\n",
    ),
  );
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data/.gitkeep'), '');
  return root;
}

async function leftovers(runId: string): Promise<string[]> {
  const out: string[] = [];
  for (const args of [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
    ['image', 'ls', '-q'],
  ]) {
    const r = await docker.exec([...args, '--filter', `label=${RUN_LABEL}=${runId}`]);
    assert.equal(r.exitCode, 0, r.stderr);
    out.push(...r.stdout.split('\n').filter(Boolean));
  }
  return out;
}

describe('verify-fixes against real Docker', () => {
  before(async () => {
    const info = await docker.exec(['info', '--format', '{{json .ServerVersion}}'], { timeoutMs: 30_000 });
    assert.equal(info.exitCode, 0, `No Docker engine answers (run scripts/setup-docker.sh): ${info.stderr}`);
    for (const image of [BASE_IMAGE, POSTGRES_IMAGE]) {
      const r = await docker.exec(['image', 'inspect', image], { timeoutMs: 30_000 });
      assert.equal(r.exitCode, 0, `Missing test image ${image}: run scripts/setup-docker.sh`);
    }
    bundleOnce();
  });

  test('the fixed tree passes on SQLite and PostgreSQL: pins from the image, a VOLUME where SQLite wrote; nothing left behind', async () => {
    const r = await reviewWithFixes(hardcodedShape());
    const runIds = [
      ...new Set([...r.stdout.matchAll(/twelve-factor-review\.run=([0-9a-f]+)/g)].map((m) => m[1])),
    ];
    for (const runId of runIds)
      assert.deepEqual(await leftovers(runId), [], `run ${runId} left objects behind`);
    assert.equal(runIds.length, 2, 'the review and the fixed tree each had a smoke run');
    assert.equal(r.code, 0, r.stderr);
    // The review's own run: the app listens on loopback and its SQLite file lives in the container.
    assert.match(r.summary, /TF0702/);
    assert.match(r.summary, /With these fixes: SQLite ✅ PostgreSQL ✅/);
    const patch = readFileSync(r.outputs['patch-file'], 'utf8');
    const installed = await docker.exec(['run', '--rm', '--network', 'none', BASE_IMAGE, 'pip', 'freeze']);
    const version = (name: string) => new RegExp(`^${name}==(\\S+)$`, 'mi').exec(installed.stdout)![1];
    // The versions pip installed in the built image, in a requirements file the image installs from (TF0203).
    assert.match(
      patch,
      new RegExp(`\\n\\+django==${version('django')}\\n\\+psycopg2==${version('psycopg2')}\\n`),
    );
    assert.match(
      patch,
      /\n\+COPY requirements\.txt \.\n\+RUN pip install --no-cache-dir -r requirements\.txt\n/,
    );
    assert.match(
      patch,
      /\n\+RUN mkdir -p \/app\/data && chown app \/app\/data\n\+VOLUME \/app\/data\n\+USER app\n/,
    );
    // A local base image has no registry digest: nothing is pinned, and the log says so.
    assert.doesNotMatch(patch, /@sha256:/);
    assert.match(r.stdout, /has no registry digest \(a local image\): it is not pinned/);
  });

  test('examples/hardcoded itself, patched, passes on both engines: the switch keeps SQLite under DATA_DIR on VOLUME /data; nothing left behind', async () => {
    const workspace = join(workdir, 'hardcoded');
    cpSync(join(ROOT, 'examples/hardcoded'), workspace, { recursive: true });
    const r = await reviewWithFixes(workspace);
    const runIds = [
      ...new Set([...r.stdout.matchAll(/twelve-factor-review\.run=([0-9a-f]+)/g)].map((m) => m[1])),
    ];
    assert.ok(runIds.length > 0, 'the fixed tree had a smoke run');
    for (const runId of runIds)
      assert.deepEqual(await leftovers(runId), [], `run ${runId} left objects behind`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.summary, /With these fixes: SQLite ✅ PostgreSQL ✅/);
    const patch = readFileSync(r.outputs['patch-file'], 'utf8');
    assert.match(
      patch,
      /\n\+ {8}'NAME': Path\(os\.environ\.get\('DATA_DIR', BASE_DIR\)\) \/ 'db\.sqlite3',\n/,
    );
    assert.match(
      patch,
      /\n\+RUN mkdir -p \/data && chown app \/data\n\+ENV DATA_DIR=\/data\n\+VOLUME \/data\n\+USER app\n/,
    );
  });
});

/** The bundle's review of a workspace on a push, smoke test and verify-fixes on, publishing only the summary and outputs. */
function reviewWithFixes(workspace: string) {
  const sha = 'f'.repeat(40);
  return runAction({
    workspace,
    eventName: 'push',
    payload: pushPayload({ repository: 'octo-org/hardcoded', sha }),
    token: 'ghs_fixverify',
    apiUrl: 'http://127.0.0.1:9', // nothing is published but the summary and outputs
    repository: 'octo-org/hardcoded',
    sha,
    inputs: {
      smoke: 'true',
      'postgres-image': POSTGRES_IMAGE,
      'build-args': `BASE_IMAGE=${BASE_IMAGE}`,
      comment: 'false',
      review: 'false',
      'check-run': 'false',
      'fail-on': 'never',
    },
  });
}
