// npm run release -- X.Y.Z [--skip-tests]: makes release vX.Y.Z on the current branch, locally. Checks a clean tree
// and a version above package.json's, runs the checks, bumps package.json and package-lock.json, moves CHANGELOG.md's
// Unreleased section under the version, rebuilds dist/ (which carries the version), commits, creates the annotated
// tag vX.Y.Z and moves the major tag vX to it. It never pushes: it prints the commands that publish the release.
// --skip-tests leaves out `npm test` only (for a scratch-clone test of this script); the other checks always run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = process.cwd();
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const REPO_URL = 'https://github.com/twelve-factor-review/twelve-factor-review';

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const readJson = (file) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));
const writeJson = (file, value) => writeFileSync(resolve(ROOT, file), `${JSON.stringify(value, null, 2)}\n`);

function parseVersion(text) {
  const m = SEMVER.exec(text ?? '');
  return m ? m.slice(1).map(Number) : undefined;
}

function isAbove(next, current) {
  for (let i = 0; i < 3; i++) if (next[i] !== current[i]) return next[i] > current[i];
  return false;
}

/** CHANGELOG.md with its Unreleased section moved under `## [version] - date`, an empty Unreleased above it. */
function releaseChangelog(text, version, date) {
  const heading = /^## \[Unreleased\][^\n]*\n/m.exec(text);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const start = heading.index + heading[0].length;
  // The section ends at the next version's heading, else at the link definitions at the bottom.
  const rest = text.slice(start);
  const ends = [rest.search(/^## \[/m), rest.search(/^\[[^\]]+\]: /m)].filter((i) => i !== -1);
  const end = start + (ends.length ? Math.min(...ends) : rest.length);
  const notes = text.slice(start, end).trim();
  if (!notes) throw new Error('the Unreleased section of CHANGELOG.md is empty: list the changes first');
  const body = `## [Unreleased]\n\n## [${version}] - ${date}\n\n${notes}\n\n`;
  let out = text.slice(0, heading.index) + body + text.slice(end).replace(/^\n+/, '');
  // Link definitions at the bottom: Unreleased compares from the new tag, the new version gets its own.
  const previous = /^\[Unreleased\]: .*\/compare\/(v[^.\s]+\.[^.\s]+\.[^.\s]+)\.\.\.HEAD$/m.exec(out)?.[1];
  const versionLink = previous
    ? `[${version}]: ${REPO_URL}/compare/${previous}...v${version}`
    : `[${version}]: ${REPO_URL}/releases/tag/v${version}`;
  const unreleasedLink = `[Unreleased]: ${REPO_URL}/compare/v${version}...HEAD`;
  if (/^\[Unreleased\]: .*$/m.test(out))
    out = out.replace(/^\[Unreleased\]: .*$/m, `${unreleasedLink}\n${versionLink}`);
  else out = `${out.trimEnd()}\n\n${unreleasedLink}\n${versionLink}\n`;
  return { text: out, notes };
}

function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--skip-tests');
  if (unknown.length) fail(`unknown option ${unknown.join(', ')}. Expected --skip-tests.`);
  if (args.length !== 1) fail('usage: npm run release -- X.Y.Z [--skip-tests]');
  const version = args[0].replace(/^v/, '');
  const next = parseVersion(version);
  if (!next) fail(`'${args[0]}' is not a version X.Y.Z (semver, no pre-release).`);
  const pkg = readJson('package.json');
  const current = parseVersion(pkg.version);
  if (!current) fail(`package.json's version '${pkg.version}' is not X.Y.Z.`);
  if (!isAbove(next, current)) fail(`${version} is not above the current version ${pkg.version}.`);
  const tag = `v${version}`;
  const major = `v${next[0]}`;
  if (git('tag', '--list', tag)) fail(`tag ${tag} exists already.`);
  const dirty = git('status', '--porcelain');
  if (dirty) fail(`the working tree is not clean; commit or remove first:\n${dirty}`);
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  if (branch === 'HEAD') fail('HEAD is detached; release from a branch.');

  const date = new Date().toISOString().slice(0, 10);
  let changelog;
  try {
    changelog = releaseChangelog(readFileSync(resolve(ROOT, 'CHANGELOG.md'), 'utf8'), version, date);
  } catch (e) {
    fail(e.message);
  }

  console.log(`release: checks for ${tag}`);
  for (const script of ['typecheck', 'lint', 'format:check', 'validate'])
    run('npm', ['run', '--silent', script]);
  if (flags.includes('--skip-tests')) console.log('release: npm test skipped (--skip-tests)');
  else run('npm', ['test']);

  pkg.version = version;
  writeJson('package.json', pkg);
  const lock = readJson('package-lock.json');
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeJson('package-lock.json', lock);
  writeFileSync(resolve(ROOT, 'CHANGELOG.md'), changelog.text);
  run('npm', ['run', '--silent', 'bundle']);

  git('add', '--', 'package.json', 'package-lock.json', 'CHANGELOG.md', 'dist');
  git('commit', '--quiet', '-m', `Release ${tag}`);
  git('tag', '--annotate', '--cleanup=verbatim', tag, '-m', `${tag}\n\n${changelog.notes}`);
  // Lightweight, so that `git describe` always names the full release, never the moving major tag.
  git('tag', '--force', major, `${tag}^{}`);

  console.log(
    `\nrelease: ${tag} committed on ${branch} and tagged; ${major} moved to it. Nothing was pushed.`,
  );
  console.log('To publish it:\n');
  console.log(`  git push --atomic origin ${branch} ${tag}`);
  console.log(`  git push --force origin ${major}`);
  console.log(`\nthen create the GitHub release of ${tag} from its CHANGELOG.md section.`);
}

main(process.argv.slice(2));
