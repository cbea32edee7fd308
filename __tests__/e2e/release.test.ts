/**
 * npm run release in a scratch clone (its origin a bare copy of this repository, node_modules symlinked): the
 * refusals, then a real release of the next minor version: the commit, the annotated tag, the moved major tag, the
 * versions, the changelog, the bundle's version, and nothing pushed. The checks' npm scripts are stood in for by a
 * recording npm (they are the repository's own CI); the bundle is real.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../support/runner.js';

let dir: string;
let clone: string;
let remote: string;
let npmLog: string;
let env: NodeJS.ProcessEnv;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const readJson = (file: string) => JSON.parse(readFileSync(join(clone, file), 'utf8'));
const current = () => readJson('package.json').version as string;

function release(...args: string[]) {
  writeFileSync(npmLog, '');
  return spawnSync(process.execPath, ['scripts/release.mjs', ...args], { cwd: clone, env, encoding: 'utf8' });
}

/** The next minor version after package.json's: what a release of this tree would be. */
function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tfr-release-'));
  remote = join(dir, 'remote.git');
  clone = join(dir, 'clone');
  execFileSync('git', ['clone', '-q', '--bare', ROOT, remote]);
  execFileSync('git', ['clone', '-q', remote, clone]);
  git(clone, 'config', 'user.name', 'Release Test');
  git(clone, 'config', 'user.email', 'release@example.com');
  // A checkout on a detached HEAD (a CI checkout of a commit) clones detached: release from a branch, as a user does.
  git(clone, 'checkout', '-q', '-B', 'main');
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));

  // npm run bundle is real; every other script call is recorded and succeeds.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  npmLog = join(dir, 'npm.log');
  const realNpm = execFileSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(bin, 'npm'),
    `#!/usr/bin/env bash\necho "$*" >> '${npmLog}'\nif [ "$*" = 'run --silent bundle' ]; then exec '${realNpm}' "$@"; fi\n`,
  );
  chmodSync(join(bin, 'npm'), 0o755);
  env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run release in a scratch clone', () => {
  test('refuses a version that is not X.Y.Z or not above the current one, and a dirty tree', () => {
    const version = current();
    for (const [args, message] of [
      [['1.2'], /not a version X\.Y\.Z/],
      [['1.2.3-rc.1'], /not a version X\.Y\.Z/],
      [[version], /not above the current version/],
      [['0.0.1'], /not above the current version/],
      [[], /usage: npm run release -- X\.Y\.Z/],
      [[nextMinor(version), '--push'], /unknown option --push/],
    ] as const) {
      const r = release(...args);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
    }
    writeFileSync(join(clone, 'stray.txt'), 'x');
    const dirty = release(nextMinor(version), '--skip-tests');
    rmSync(join(clone, 'stray.txt'));
    assert.equal(dirty.status, 1);
    assert.match(dirty.stderr, /working tree is not clean[\s\S]*stray\.txt/);
    assert.equal(readFileSync(npmLog, 'utf8'), '', 'no check ran');
    assert.equal(git(clone, 'status', '--porcelain'), '');
  });

  test('commits the release, tags vX.Y.Z, moves vX, and pushes nothing', () => {
    const before = git(clone, 'rev-parse', 'HEAD');
    const version = nextMinor(current());
    const major = `v${version.split('.')[0]}`;
    git(clone, 'tag', major, `${before}~1`); // an older release holds the major tag
    const remoteRefs = git(remote, 'show-ref');
    const unreleased = /## \[Unreleased\]\n([\s\S]*?)\n## \[/.exec(
      readFileSync(join(clone, 'CHANGELOG.md'), 'utf8'),
    )![1];
    assert.ok(unreleased.trim(), 'this tree has unreleased changes to release');

    const r = release(version, '--skip-tests');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(readFileSync(npmLog, 'utf8').trim().split('\n'), [
      'run --silent typecheck',
      'run --silent lint',
      'run --silent format:check',
      'run --silent validate',
      'run --silent bundle',
    ]);

    const head = git(clone, 'rev-parse', 'HEAD');
    assert.equal(git(clone, 'rev-parse', 'HEAD~1'), before);
    assert.equal(git(clone, 'log', '-1', '--format=%s'), `Release v${version}`);
    assert.equal(git(clone, 'status', '--porcelain'), '', 'everything the release changed is committed');
    assert.equal(git(clone, 'cat-file', '-t', `v${version}`), 'tag', 'the release tag is annotated');
    assert.equal(git(clone, 'rev-parse', `v${version}^{commit}`), head);
    assert.match(git(clone, 'tag', '-l', '--format=%(contents)', `v${version}`), /### Added/);
    assert.equal(git(clone, 'cat-file', '-t', major), 'commit', 'the major tag is lightweight');
    assert.equal(git(clone, 'rev-parse', major), head, 'the major tag moved to the release');
    assert.equal(git(clone, 'describe'), `v${version}`);

    assert.equal(readJson('package.json').version, version);
    assert.equal(readJson('package-lock.json').version, version);
    assert.equal(readJson('package-lock.json').packages[''].version, version);
    const changelog = readFileSync(join(clone, 'CHANGELOG.md'), 'utf8');
    const date = new Date().toISOString().slice(0, 10);
    assert.ok(changelog.includes(`## [Unreleased]\n\n## [${version}] - ${date}\n\n${unreleased.trim()}\n`));
    assert.match(changelog, new RegExp(`^\\[Unreleased\\]: .*/compare/v${version}\\.\\.\\.HEAD$`, 'm'));
    assert.match(changelog, new RegExp(`^\\[${version}\\]: .*/compare/v[\\d.]+\\.\\.\\.v${version}$`, 'm'));
    assert.ok(
      readdirSync(join(clone, 'dist')).some(
        (f) =>
          f.endsWith('.js') && readFileSync(join(clone, 'dist', f), 'utf8').includes(`version: "${version}"`),
      ),
      'the bundle carries the version',
    );
    // The version sits in a shared chunk: its content hash, hence its name, changes with it (dist/chunk-*.js).
    const committed = git(clone, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort();
    assert.ok(
      committed.some((f) => /^dist\/chunk-\w+\.js$/.test(f)),
      committed.join(' '),
    );
    assert.deepEqual(
      committed.filter((f) => !/^dist\/chunk-\w+\.js$/.test(f)),
      [
        'CHANGELOG.md',
        'dist/cli-main.cjs',
        'dist/cli.js',
        'dist/index.js',
        'package-lock.json',
        'package.json',
      ],
    );

    assert.match(r.stdout, new RegExp(`git push --atomic origin \\S+ v${version}`));
    assert.match(r.stdout, new RegExp(`git push --force origin ${major}\\b`));
    assert.equal(git(remote, 'show-ref'), remoteRefs, 'nothing was pushed');

    const again = release(version, '--skip-tests');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not above the current version|exists already/);
  });
});
