import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCatalog } from '../../scripts/catalog.js';
import { addCatalogRow, markImplemented, parseArgs, registerRule } from '../../scripts/new-rule.js';

const root = join(import.meta.dirname, '..', '..');
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const CATALOG = read(root, 'docs/catalog.md');
/** What a scaffold run must not change in this repository. */
const WATCHED = [
  'src/rules/registry.ts',
  'docs/catalog.md',
  'docs/rules.md',
  'README.md',
  '__tests__/unit/registry.test.ts',
];

test('new-rule: the id gives the factor, the catalog row the severity; bad arguments are refused', () => {
  assert.deepEqual(parseArgs(['TF0315', 'some-name'], CATALOG), {
    id: 'TF0315',
    name: 'some-name',
    factor: 'III',
    severity: 'warning',
    firesWhen: undefined,
  });
  assert.equal(parseArgs(['TF1305', 'a-b', '--severity', 'notice'], CATALOG).factor, 'XIII');
  const specified = parseArgs(['TF0311', 'secret-in-script'], CATALOG);
  assert.equal(specified.severity, 'error');
  assert.match(specified.firesWhen ?? '', /^an entrypoint or start script/);
  assert.throws(() => parseArgs(['TF315', 'some-name'], CATALOG), /TF0315/);
  assert.throws(() => parseArgs(['TF0315', 'SomeName'], CATALOG), /kebab-case/);
  assert.throws(() => parseArgs(['TF0311', 'other-name'], CATALOG), /names TF0311 'secret-in-script'/);
  assert.throws(() => parseArgs(['TF0309', 'config-not-honoured'], CATALOG), /dynamic/);
  assert.throws(() => parseArgs(['TF1415', 'a-b'], CATALOG), /factor/);
  assert.throws(() => parseArgs(['TF0315', 'a-b', '--severity', 'fatal'], CATALOG), /severity/);
});

test('new-rule: the registry imports and lists the rule in id order', () => {
  const registry = [
    "import { a } from './TF0101-a.js';",
    "import { c } from './TF0301-c.js';",
    '',
    'export const RULES: readonly Rule[] = [',
    '  a,',
    '  c,',
    '];',
  ].join('\n');
  const rule = { id: 'TF0201', name: 'b-b', factor: 'II' as const, severity: 'warning' };
  assert.deepEqual(registerRule(registry, rule).split('\n'), [
    "import { a } from './TF0101-a.js';",
    "import { bB } from './TF0201-b-b.js';",
    "import { c } from './TF0301-c.js';",
    '',
    'export const RULES: readonly Rule[] = [',
    '  a,',
    '  bB,',
    '  c,',
    '];',
  ]);
  const last = registerRule(registry, { ...rule, id: 'TF0401', name: 'd-d' }).split('\n');
  assert.equal(last[2], "import { dD } from './TF0401-d-d.js';");
  assert.equal(last.at(-2), '  dD,');
});

test("new-rule: a placeholder row closes its factor's table; a specified row is kept and leaves the not-implemented list", () => {
  const rule = { id: 'TF0315', name: 'some-name', factor: 'III' as const, severity: 'warning' };
  const rows = parseCatalog(addCatalogRow(CATALOG, rule));
  const at = rows.findIndex((r) => r.id === 'TF0315');
  assert.deepEqual([rows[at - 1].id, rows[at].factor, rows[at + 1].id], ['TF0314', 'III', 'TF0401']);
  const specified = { ...rule, id: 'TF0311', name: 'secret-in-script' };
  assert.equal(addCatalogRow(CATALOG, specified), CATALOG);
  const list = "const X = [\n  'TF0311',\n  'TF0312',\n];";
  assert.equal(markImplemented(list, 'TF0311'), "const X = [\n  'TF0312',\n];");
});

test('npm run new-rule in a copy of the repository: files that typecheck, a test that fails until the rule is written', () => {
  const before = WATCHED.map((path) => read(root, path));
  const copy = mkdtempSync(join(tmpdir(), 'tfr-new-rule-'));
  try {
    for (const path of [
      'src',
      'scripts',
      'docs',
      '__tests__/rules',
      '__tests__/support',
      '__tests__/unit/registry.test.ts',
    ]) {
      cpSync(join(root, path), join(copy, path), { recursive: true });
    }
    for (const path of ['package.json', 'tsconfig.json', 'README.md', 'action.yml']) {
      cpSync(join(root, path), join(copy, path));
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const node = join(copy, 'scripts/node24');
    // Without the variable that makes a test runner inside a test report to its parent instead of printing.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const run = (args: string[]) => spawnSync(node, args, { cwd: copy, encoding: 'utf8', env });

    const scaffold = run(['--import', 'tsx', 'scripts/new-rule.ts', 'TF0315', 'some-name']);
    assert.equal(scaffold.status, 0, scaffold.stderr);
    for (const path of ['src/rules/TF0315-some-name.ts', '__tests__/rules/TF0315-some-name.test.ts']) {
      assert.ok(existsSync(join(copy, path)), `${path} was written`);
    }
    assert.match(read(copy, 'src/rules/registry.ts'), /import \{ someName \} from '.\/TF0315-some-name.js';/);
    assert.match(read(copy, 'docs/catalog.md'), /^\| TF0315 \| some-name \| warning \| S \| TODO/m);
    assert.match(read(copy, 'docs/rules.md'), /^### TF0315 some-name$/m);
    const again = run(['--import', 'tsx', 'scripts/new-rule.ts', 'TF0315', 'some-name']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /TF0315 is in the registry already/);

    writeFileSync(
      join(copy, 'tsconfig.scaffold.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: ['src/**/*.d.ts'],
        // The rule and its test; the registry's import of it is proven by running the registry test below.
        files: ['src/rules/TF0315-some-name.ts', '__tests__/rules/TF0315-some-name.test.ts'],
      }),
    );
    const tsc = run([
      join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.scaffold.json',
    ]);
    assert.equal(tsc.status, 0, tsc.stdout);

    const tests = run([
      '--import',
      'tsx',
      '--test',
      '--test-reporter=tap',
      '__tests__/rules/TF0315-some-name.test.ts',
      '__tests__/unit/registry.test.ts',
    ]);
    assert.match(tests.stdout, /^not ok \d+ - TF0315 some-name: fires on TODO$/m);
    assert.match(tests.stdout, /^ok \d+ - TF0315 some-name: silent on TODO$/m);
    assert.match(tests.stdout, /^# fail 1$/m, 'the registry and docs tests pass with the new rule');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  assert.deepEqual(
    WATCHED.map((path) => read(root, path)),
    before,
    'the repository itself is unchanged',
  );
});
