/**
 * The repository under review is untrusted: its symbolic links must not lead the action out of the workspace (reads,
 * builds, writes), and what cannot be read is said, never silently passed. Each case runs the real bundle as a runner
 * runs it, on a pull request, against the fake GitHub; every output is searched for the content planted outside.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, runAction, type RunResult } from '../support/runner.js';

const PR = 12;
const HEAD = 'f5'.repeat(20);
let fake: FakeGitHub;
let token: string;
const dirs: string[] = [];

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  token = `ghs_${randomBytes(16).toString('hex')}`;
});
after(() => {
  fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const MANAGE_PY = `import os, sys
if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')
`;
const SETTINGS = `import os
SECRET_KEY = os.environ['DJANGO_SECRET_KEY']
DEBUG = False
INSTALLED_APPS = []
DATABASES = {}
`;

/** A workspace (`ws`) and, next to it, a directory the action must never read (`outside`, with a unique string). */
function trees(): { workspace: string; outside: string; marker: string } {
  const base = mkdtempSync(join(tmpdir(), 'tfr-fs-'));
  dirs.push(base);
  const workspace = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(workspace);
  mkdirSync(outside);
  const marker = `OUTSIDE${randomBytes(8).toString('hex').toUpperCase()}`;
  writeFileSync(join(outside, 'secret.txt'), `${marker}\n`);
  return { workspace, outside, marker };
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function run(workspace: string, inputs: Record<string, string> = {}): Promise<RunResult> {
  fake.reset();
  fake.addToken(token, { user: ACTIONS_BOT, write: true, installation: true });
  fake.addPullRequest({ number: PR, headSha: HEAD, files: [] });
  return runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha: HEAD }),
    token,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${PR}/merge`,
    inputs: { smoke: 'false', ...inputs },
  });
}

/** stdout, stderr, the job summary, the outputs, the files written and everything GitHub received. */
function everything(r: RunResult): string {
  const files = ['sarif-file', 'report-file'].map((k) => {
    try {
      return r.outputs[k] ? readFileSync(r.outputs[k], 'utf8') : '';
    } catch {
      return '';
    }
  });
  return [
    r.stdout,
    r.stderr,
    r.summary,
    JSON.stringify(r.outputs),
    ...files,
    JSON.stringify(fake.requests.map((q) => q.body)),
  ].join('\n');
}

const failure = (r: RunResult) => r.annotations.find((a) => a.command === 'error' && !a.properties.file);
const tf0001 = (r: RunResult) =>
  r.annotations
    .filter((a) => a.properties.title?.startsWith('TF0001'))
    .map((a) => ({ file: a.properties.file, line: a.properties.line, message: a.message }));

describe('symbolic links never lead the action out of the workspace', () => {
  test('a compose build context linked to a directory outside is TF0001 and never built', async () => {
    const { workspace, outside, marker } = trees();
    write(workspace, {
      'manage.py': MANAGE_PY,
      'mysite/settings.py': SETTINGS,
      // Built from the context, this prints the outside file into the build log, which TF0502 publishes.
      Dockerfile:
        'ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE}\nCOPY . /src\nRUN cat /src/secret.txt && exit 1\n',
      'compose.yaml':
        'services:\n  web:\n    build:\n      context: ./ctx\n      dockerfile: ../Dockerfile\n    command: gunicorn mysite.wsgi\n',
    });
    symlinkSync(outside, join(workspace, 'ctx'));
    const r = await run(workspace, {
      smoke: 'true',
      'postgres-image': 'tfr-test/postgres:15',
      'build-args': 'BASE_IMAGE=tfr-test/django-base:bookworm',
    });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`);
    assert.ok(!everything(r).includes(marker), 'the outside file reached an output');
    assert.deepEqual(
      tf0001(r).map((f) => [f.file, f.line]),
      [['compose.yaml', '3']],
      JSON.stringify(tf0001(r)),
    );
    assert.match(tf0001(r)[0].message, /build context ctx .*symbolic link leaving the scanned directory/);
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8')) as {
      smoke?: { build?: unknown };
    };
    assert.equal(report.smoke?.build, undefined, 'no image was built');
    assert.equal(r.outputs['sqlite-status'], 'skipped');
  });

  test('a committed SARIF file linked to a file outside: the target is left unchanged', async () => {
    const { workspace, outside, marker } = trees();
    write(workspace, { 'manage.py': MANAGE_PY, 'mysite/settings.py': SETTINGS });
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'twelve-factor-review.sarif'));
    const r = await run(workspace);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`);
    assert.equal(readFileSync(join(outside, 'secret.txt'), 'utf8'), `${marker}\n`);
    assert.equal(r.outputs['sarif-file'], '');
    assert.ok(
      r.annotations.some(
        (a) =>
          a.command === 'warning' && /SARIF report could not be published: .*symbolic link/.test(a.message),
      ),
      r.stdout,
    );
    assert.equal(fake.issueComments.length, 1, 'the rest was published');
  });

  test('a config file linked to a file outside is refused with a clear error that quotes nothing of it', async () => {
    const { workspace, outside, marker } = trees();
    writeFileSync(join(outside, 'secret.txt'), `${marker}: 1\n`);
    write(workspace, { 'manage.py': MANAGE_PY, 'mysite/settings.py': SETTINGS });
    mkdirSync(join(workspace, '.github'));
    symlinkSync(join(outside, 'secret.txt'), join(workspace, '.github/twelve-factor.yml'));
    const r = await run(workspace);
    assert.equal(r.code, 1);
    assert.match(
      failure(r)?.message ?? '',
      /Cannot read config file '\.github\/twelve-factor\.yml': a symbolic link leaving the workspace\./,
    );
    assert.ok(!everything(r).includes(marker), 'the outside file was quoted');
  });

  test(
    'a config file linked to /dev/zero finishes with a clear error, never reading it',
    { timeout: 120_000 },
    async () => {
      const { workspace } = trees();
      write(workspace, { 'manage.py': MANAGE_PY, 'mysite/settings.py': SETTINGS });
      mkdirSync(join(workspace, '.github'));
      symlinkSync('/dev/zero', join(workspace, '.github/twelve-factor.yml'));
      const r = await run(workspace);
      assert.equal(r.code, 1);
      assert.match(
        failure(r)?.message ?? '',
        /Cannot read config file '\.github\/twelve-factor\.yml': a symbolic link leaving the workspace\./,
      );
    },
  );

  test('a working-directory linked to a directory outside is a clear error; nothing there is read', async () => {
    const { workspace, outside, marker } = trees();
    write(outside, { 'manage.py': MANAGE_PY, 'mysite/settings.py': `${SETTINGS}SECRET_KEY = '${marker}'\n` });
    symlinkSync(outside, join(workspace, 'app'));
    const r = await run(workspace, { 'working-directory': 'app' });
    assert.equal(r.code, 1);
    assert.match(failure(r)?.message ?? '', /working-directory 'app' leads outside the workspace/);
    assert.ok(!everything(r).includes(marker), 'the outside directory was scanned');
    assert.ok(!everything(r).includes(outside), 'the link target was printed');
  });
});

describe('no silent pass', () => {
  test('a working-directory that is a file is a clear error', async () => {
    const { workspace } = trees();
    write(workspace, {
      'manage.py': MANAGE_PY,
      'mysite/settings.py': SETTINGS,
      'app.txt': 'not a directory\n',
    });
    const r = await run(workspace, { 'working-directory': 'app.txt' });
    assert.equal(r.code, 1);
    assert.match(failure(r)?.message ?? '', /working-directory 'app.txt' is not a directory/);
  });

  test('a compose file named in compose-files that does not exist is TF0001 naming it', async () => {
    const { workspace } = trees();
    write(workspace, { 'manage.py': MANAGE_PY, 'mysite/settings.py': SETTINGS });
    const r = await run(workspace, { 'compose-files': 'deploy/stack.yml' });
    assert.deepEqual(
      tf0001(r).map((f) => [f.file, f.message]),
      [
        [
          'deploy/stack.yml',
          'Cannot read deploy/stack.yml (named in the inputs): it does not exist. It was left out of the analysis.',
        ],
      ],
    );
  });

  test('a settings module that is a dangling link is TF0001 naming it', async () => {
    const { workspace } = trees();
    write(workspace, { 'manage.py': MANAGE_PY });
    mkdirSync(join(workspace, 'mysite'));
    symlinkSync('/nonexistent/settings.py', join(workspace, 'mysite/settings.py'));
    const r = await run(workspace);
    assert.deepEqual(
      tf0001(r).map((f) => [f.file, f.message]),
      [
        [
          'mysite/settings.py',
          'Cannot read mysite/settings.py: a symbolic link whose target does not exist. It was left out of the analysis.',
        ],
      ],
    );
  });
});
