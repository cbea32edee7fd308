/**
 * Repository text never speaks in the action's name: the real bundle runs on a pull request whose compose service
 * names, Dockerfile name and other file names carry workflow commands after a line break (`::error`, `::add-mask`,
 * `::stop-commands`, `\r::warning`, the legacy `##[add-mask]`), smoke test off and on. stdout is read back the way
 * the runner reads it (support/workflow-commands.ts): no command may come from the repository.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LOCAL_POSTGRES, PRODUCTION_EXAMPLE } from '../robust/faults.js';
import { bundleOnce, pullRequestPayload, runAction } from '../support/runner.js';
import { runnerCommands, type RunnerCommand } from '../support/workflow-commands.js';

const PR = 32;
const HEAD = 'facade'.repeat(6) + 'fa0e';
/** What a forged command would mask, or say in an annotation. */
const MASKED_WORD = 'django';
const FORGED = 'forged';
const DOCKERFILE = `Dockerfile.\n::add-mask::${MASKED_WORD}`;
const APP_SERVICE = `web\n::error file=x::${FORGED} by the service name`;
const REPOSITORY = 'octo-org/hostile';
const dirs: string[] = [];

before(() => bundleOnce());
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * examples/production with the app service renamed, its Dockerfile renamed, a stray Dockerfile and a dozen
 * services with an unpinned image and a fixed container name (more warnings than GitHub's 10 annotations, so the
 * rest are printed as log lines), each name carrying a command.
 */
function hostileApp(dir: string): void {
  cpSync(PRODUCTION_EXAMPLE, dir, { recursive: true });
  renameSync(join(dir, 'Dockerfile'), join(dir, DOCKERFILE));
  writeFileSync(
    join(dir, `Dockerfile.\n::stop-commands::${FORGED}`),
    'FROM python:latest\nRUN pip install django\n',
  );
  const q = (s: string) => JSON.stringify(s);
  const extra = Array.from({ length: 12 }, (_, i) => {
    const name = [`cache${i}\r::warning::${FORGED} ${i}`, `cache${i}\n  ##[add-mask]${MASKED_WORD}`][i % 2];
    return `  ${q(name)}:\n    image: redis\n    container_name: ${q(`c${i}\n::set-output name=verdict::${FORGED}`)}\n`;
  }).join('');
  const compose = readFileSync(join(dir, 'docker-compose.yml'), 'utf8')
    .replace(
      '  web:\n    build: .\n',
      `  ${q(APP_SERVICE)}:\n    build:\n      context: .\n      dockerfile: ${q(DOCKERFILE)}\n`,
    )
    .replace('\nvolumes:\n', `${extra}\nvolumes:\n`);
  assert.ok(
    compose.includes(APP_SERVICE.replace('\n', '\\n')),
    'examples/production/docker-compose.yml changed',
  );
  writeFileSync(join(dir, 'docker-compose.yml'), compose);
  writeFileSync(
    join(dir, '.env'),
    `DB_PASSWORD=pw${randomBytes(8).toString('hex')}\nSECRET_KEY=sk${randomBytes(16).toString('hex')}\n`,
  );
}

async function runOn(smoke: boolean) {
  const workspace = mkdtempSync(join(tmpdir(), 'tfr-commands-'));
  dirs.push(workspace);
  hostileApp(join(workspace, 'app'));
  return runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: REPOSITORY, number: PR, headSha: HEAD }),
    // No token: the publishing warning it gives leaves room for 9 of the 10 warning annotations, the rest is logged.
    token: '',
    apiUrl: 'http://127.0.0.1:9',
    repository: REPOSITORY,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${PR}/merge`,
    inputs: {
      'working-directory': 'app',
      smoke: String(smoke),
      'postgres-image': LOCAL_POSTGRES[1],
      'build-args': 'BASE_IMAGE=tfr-test/django-base:bookworm',
    },
  });
}

/** The commands the action itself issues: annotations, debug, groups, masks of what it generated, its brackets. */
function assertNoForgedCommand(commands: RunnerCommand[]): void {
  const ours = new Set([
    'debug',
    'warning',
    'error',
    'notice',
    'group',
    'endgroup',
    'add-mask',
    'stop-commands',
  ]);
  const brackets = new Set<string>();
  for (const c of commands) {
    const name = c.command.toLowerCase();
    const where = JSON.stringify(c.line);
    if (name === 'stop-commands') {
      assert.match(c.data, /^tfr-[0-9a-f]{32}$/, `a stop-commands the action did not issue: ${where}`);
      brackets.add(c.data);
    } else if (brackets.has(name)) {
      brackets.delete(name);
    } else {
      assert.ok(ours.has(name), `a forged ${c.command} command: ${where}`);
    }
    if (name === 'add-mask') assert.ok(!c.data.includes(MASKED_WORD), `a forged add-mask: ${where}`);
    if (['warning', 'error', 'notice'].includes(name)) {
      assert.ok(!c.data.startsWith(FORGED), `a forged annotation: ${where}`);
      assert.ok(!Object.values(c.properties).includes('x'), `an annotation on a forged file: ${where}`);
    }
  }
  assert.deepEqual([...brackets], [], 'a stop-commands bracket was left open');
}

describe('no workflow command forged by repository text', () => {
  for (const smoke of [false, true]) {
    test(`smoke test ${smoke ? 'on' : 'off'}`, async () => {
      const r = await runOn(smoke);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`);
      // The hostile text did reach the log: the overflow of warnings, and the build's Dockerfile with smoke on.
      assert.match(r.stdout, /no room left among the 10 warning annotations/);
      if (smoke) assert.ok(r.stdout.includes(`Building the image from ${DOCKERFILE}`), r.stdout.slice(-3000));
      assertNoForgedCommand(runnerCommands(r.stdout + '\n' + r.stderr));
      assert.equal(r.outputs.verdict === FORGED, false);
    });
  }
});
