/**
 * The action's bundle loads what its path uses: a run that publishes nothing to GitHub (a push event, no token, the
 * smoke test off) reads none of the GitHub API client (octokit, @actions/github, the HTTP client) and none of the smoke
 * stage. Each run records the files Node loaded (module.registerHooks, through NODE_OPTIONS as a runner would pass it).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleOnce, pushPayload, ROOT, runAction } from '../support/runner.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-action-bundle-'));
before(() => bundleOnce());
after(() => rmSync(temp, { recursive: true, force: true }));

const RECORD_LOADS =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { registerHooks } from 'node:module'; import { writeFileSync } from 'node:fs';
     const loaded = [];
     registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
     process.on('exit', () => writeFileSync(process.env.TFR_LOADED, [...loaded, ...process.moduleLoadList].join('\\n')));`,
  );

/** The sources bundled into the dist/ files a run loaded (esbuild heads each module with a `// path` comment). */
function sourcesLoaded(record: string): string[] {
  return readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(`file://${ROOT}/dist/`))
    .flatMap((url) => [
      // A worktree's node_modules may be a link: its modules' paths then start further up.
      ...readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ (?:\S*?\/)?((?:src|node_modules)\/\S+)$/gm),
    ])
    .map((m) => m[1]);
}

test('a run with nothing to publish to GitHub loads no API client and no smoke stage', async () => {
  const workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'examples/hardcoded'), workspace, { recursive: true });
  const record = join(temp, 'loaded');
  const r = await runAction({
    workspace,
    eventName: 'push',
    payload: pushPayload({ repository: 'octo/app', sha: 'a'.repeat(40) }),
    inputs: { smoke: 'false' },
    token: '',
    apiUrl: 'http://127.0.0.1:9',
    repository: 'octo/app',
    sha: 'a'.repeat(40),
    env: { NODE_OPTIONS: `--import ${RECORD_LOADS}`, TFR_LOADED: record },
  });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.outputs.verdict, 'fail');
  assert.ok(r.outputs['patch-file'], 'the fixes were proposed');
  const sources = sourcesLoaded(record);
  assert.ok(sources.includes('src/rules/registry.ts'), 'the analysis was loaded');
  // What the action says to the runner goes through src/step-commands.ts, not @actions/core and what it loads.
  assert.ok(sources.includes('src/step-commands.ts'));
  const builtins = readFileSync(record, 'utf8').split('\n');
  assert.ok(builtins.includes('NativeModule fs'), 'the record holds the built-in modules');
  // Not node:crypto (and the streams it loads): the fix proofs make more fingerprints than the JavaScript hash takes.
  for (const m of ['child_process', 'net'])
    assert.ok(!builtins.includes(`NativeModule ${m}`), `node:${m} was loaded`);
  const foreign = sources.filter(
    (s) =>
      /^node_modules\/(@octokit|@actions\/|undici)\//.test(s) ||
      /^src\/github\/(octokit|publish|checks|artifact)/.test(s) ||
      s === 'src/publish/pull-request.ts' ||
      (s.startsWith('src/smoke/') && !['src/smoke/limits.ts', 'src/smoke/redact.ts'].includes(s)),
  );
  assert.deepEqual(foreign, []);
});
