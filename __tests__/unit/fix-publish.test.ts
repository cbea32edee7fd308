import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { insertLines, replaceLines, type Fix, type ReportFixes } from '../../src/core/index.js';
import { readText } from '../../src/fix/files.js';
import { proposeFixes } from '../../src/fix/propose.js';
import { suggestionOf } from '../../src/fix/publish.js';
import { validateFixes } from '../../src/github/artifact-fixes.js';
import { validateReport } from '../../src/github/artifact-schema.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/report/index.js';
import { fixtureReport } from './report-fixture.js';

const repo = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'tfr-fix-publish-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const noConfig = { rules: {}, exclude: [], allowSuppressions: true };

const fix = (edits: Fix['edits']): Fix => ({
  ruleId: 'TF1301',
  fingerprint: 'fp',
  safety: 'safe',
  title: 't',
  edits,
});
const FILE = 'FROM x\nRUN a\nCMD b\n';
const read = (file: string) => (file === 'Dockerfile' ? FILE : undefined);

test('a suggestion replaces the lines a fix touches; an insertion takes the line it goes before, or the last', () => {
  assert.deepEqual(suggestionOf(fix([insertLines('Dockerfile', 3, ['USER app'])]), read), {
    fingerprint: 'fp',
    ruleId: 'TF1301',
    file: 'Dockerfile',
    startLine: 3,
    endLine: 3,
    lines: ['USER app', 'CMD b'],
  });
  const replaced = suggestionOf(fix([replaceLines('Dockerfile', 2, 3, ['RUN c'])]), read);
  assert.deepEqual([replaced?.startLine, replaced?.endLine, replaced?.lines], [2, 3, ['RUN c']]);
  const appended = suggestionOf(fix([insertLines('Dockerfile', 4, ['USER app'])]), read);
  assert.deepEqual([appended?.startLine, appended?.endLine, appended?.lines], [3, 3, ['CMD b', 'USER app']]);
  const deleted = suggestionOf(fix([replaceLines('Dockerfile', 2, 2, [])]), read);
  assert.deepEqual([deleted?.startLine, deleted?.endLine, deleted?.lines], [2, 2, []]);
  // A new file, or a fix over two files, is no suggestion: it goes to the patch.
  assert.equal(suggestionOf(fix([insertLines('.dockerignore', 1, ['.git'])]), read), undefined);
  assert.equal(
    suggestionOf(fix([insertLines('Dockerfile', 1, ['# a']), insertLines('compose.yaml', 1, ['# b'])]), read),
    undefined,
  );
});

test('the published fixes of examples/hardcoded: files whose change removes a secret are withheld, no suggestion shows one', async () => {
  const root = join(temp, 'hardcoded');
  cpSync(join(repo, 'examples', 'hardcoded'), root, { recursive: true });
  const { fixes, patch } = await proposeFixes(
    root,
    (overlay) => analyzeStatic(root, noConfig, {}, overlay),
    (t) => t.includes('ghp_token'),
    () => {},
  );
  const secrets = ['mysite-password', 'django-insecure-change-me', 'django-insecure-7b$k2n'];
  for (const s of secrets) assert.ok(patch.includes(s), `the whole patch removes ${s}`);
  assert.deepEqual(fixes.withheld, ['docker-compose.yml', 'Dockerfile', 'mysite/settings.py']);
  assert.match(fixes.patch, /^diff --git a\/\.dockerignore b\/\.dockerignore\nnew file mode 100644\n/);
  const published = JSON.stringify(fixes);
  for (const s of secrets) assert.ok(!published.includes(s), `${s} is published`);
  assert.ok(fixes.suggestions.length >= 5);
  assert.ok(
    fixes.suggestions.some((s) => s.ruleId === 'TF0307' && s.lines[0].endsWith('${DATABASE_PASSWORD}')),
  );
  // the settings now read DATABASE_PASSWORD, the name compose already gives the app
  assert.deepEqual(fixes.variables, [
    'DATABASE_PASSWORD',
    'DJANGO_ALLOWED_HOSTS',
    'DJANGO_DEBUG',
    'DJANGO_SECRET_KEY',
    'POSTGRES_PASSWORD',
  ]);
  // A secret the run knows (a token) withholds a file too.
  const withToken = await proposeFixes(
    root,
    (overlay) => analyzeStatic(root, noConfig, {}, overlay),
    (t) => t.includes('.venv'),
    () => {},
  );
  assert.ok(withToken.fixes.withheld.includes('.dockerignore'));
  assert.equal(readText(root, '.dockerignore'), undefined, 'proposing changes no file');
});

const FIXES: ReportFixes = {
  patch:
    'diff --git a/Dockerfile b/Dockerfile\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1 +1,2 @@\n FROM x\n+USER app\n',
  withheld: ['mysite/settings.py'],
  applied: [{ ruleId: 'TF1301', fingerprint: 'tf13010000000000', title: 'run as the unprivileged user app' }],
  variables: ['DJANGO_SECRET_KEY'],
  suggestions: [],
};

test('the comment carries the patch in a collapsible diff block, and drops it first when it does not fit', () => {
  const report = { ...fixtureReport(), fixes: FIXES };
  const full = renderMarkdown(report);
  assert.match(full, /<details><summary>🔧 1 proven fix: one patch to <code>git apply<\/code>/);
  assert.ok(full.includes(`\`\`\`diff\n${FIXES.patch}\`\`\``));
  assert.match(full, /Set these variables where the app runs: DJANGO\\_SECRET\\_KEY\./);
  assert.match(
    full,
    /Not shown, because the change takes a secret out of the file: `mysite\/settings\.py`\./,
  );
  const huge = { ...report, fixes: { ...FIXES, patch: FIXES.patch + `+${'x'.repeat(70_000)}\n` } };
  const fitted = renderMarkdown(huge, { maxChars: 65_000 });
  assert.ok(fitted.length <= 65_000);
  assert.doesNotMatch(fitted, /```diff/);
  assert.match(fitted, /shortened to fit \([^)]*the fixes' patch/);
  // Everything else is still there: the patch went first.
  const items = (t: string) => t.split('\n').filter((l) => l.startsWith('- ')).length;
  assert.equal(items(fitted), items(renderMarkdown(fixtureReport())));
});

test("an artifact's fixes are checked: a patch that is no diff, or a fix of no finding, drops them with a warning", () => {
  const report = fixtureReport();
  const findings = report.findings;
  assert.deepEqual(validateFixes(FIXES, findings), FIXES);
  assert.match(
    String(validateFixes({ ...FIXES, patch: `${FIXES.patch}<script>alert(1)</script>\n` }, findings)),
    /not a unified diff/,
  );
  assert.match(
    String(
      validateFixes({ ...FIXES, patch: FIXES.patch.replace(/a\/Dockerfile/g, 'a/../etc/passwd') }, findings),
    ),
    /outside the repository/,
  );
  assert.match(
    String(validateFixes({ ...FIXES, applied: [{ ...FIXES.applied[0], fingerprint: '<b>' }] }, findings)),
    /fix fingerprint is not/,
  );
  const suggestion = {
    fingerprint: 'tf13010000000000',
    ruleId: 'TF1301',
    file: 'Dockerfile',
    startLine: 9,
    endLine: 9,
  };
  assert.match(
    String(validateFixes({ ...FIXES, suggestions: [{ ...suggestion, lines: ['a\u001b[31m'] }] }, findings)),
    /short list of lines/,
  );
  assert.match(
    String(
      validateFixes({ ...FIXES, suggestions: [{ ...suggestion, fingerprint: 'nope', lines: [] }] }, findings),
    ),
    /suggestion names no finding/,
  );
  const raw = JSON.parse(JSON.stringify({ ...report, fixes: { ...FIXES, variables: ['$(id)'] } }));
  const checked = validateReport(raw, 'error', 'report.json');
  assert.equal(checked.report.fixes, undefined);
  assert.match(checked.warnings.join('\n'), /fixes dropped: variables is not a list of variable names/);
  const kept = validateReport(
    JSON.parse(JSON.stringify({ ...report, fixes: FIXES })),
    'error',
    'report.json',
  );
  assert.deepEqual(kept.report.fixes, FIXES);
});
