// Scaffolds a static rule: its file in src/rules/, its place in the registry, its catalog row (docs/catalog.md,
// a placeholder unless the catalog specifies it already), the regenerated docs, and its test file, whose firing case
// fails until the rule is written. Usage: npm run new-rule -- TF0315 some-name [--severity notice]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Factor } from '../src/core/index.js';
import { FACTOR_ORDER } from '../src/report/common.js';
import { CATALOG_PATH, factorOfHeading, parseCatalog, type CatalogRow } from './catalog.js';

const REGISTRY = 'src/rules/registry.ts';
const REGISTRY_TEST = '__tests__/unit/registry.test.ts';
const SEVERITIES = ['error', 'warning', 'notice'];

export interface NewRule {
  id: string;
  name: string;
  factor: Factor;
  severity: string;
  /** What the catalog says fires it, when it says. */
  firesWhen?: string;
}

export const camelCase = (name: string): string =>
  name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The id, name and factor from the arguments; the severity from the catalog row when there is one. */
export function parseArgs(args: string[], catalog: string): NewRule {
  const [id, name, ...rest] = args;
  if (!/^TF\d{4}$/.test(id ?? '')) throw new Error(`the id must look like TF0315, not '${id ?? ''}'`);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(name ?? '')) {
    throw new Error(`the name must be kebab-case words like 'some-name', not '${name ?? ''}'`);
  }
  const factor = FACTOR_ORDER[Number(id.slice(2, 4))];
  if (!factor)
    throw new Error(`${id}: the first two digits name the factor, 00 to ${FACTOR_ORDER.length - 1}`);
  const row = parseCatalog(catalog).find((r) => r.id === id);
  if (row && row.name !== name) throw new Error(`${CATALOG_PATH} names ${id} '${row.name}', not '${name}'`);
  if (row && row.kind !== 'S')
    throw new Error(`${id} is a dynamic rule in ${CATALOG_PATH}: scaffold static rules only`);
  const flag = rest.indexOf('--severity');
  const severity = flag >= 0 ? rest[flag + 1] : (row?.severity ?? 'warning');
  if (!SEVERITIES.includes(severity)) throw new Error(`the severity is one of ${SEVERITIES.join(', ')}`);
  return { id, name, factor, severity, firesWhen: row ? firesWhenOf(catalog, row) : undefined };
}

function firesWhenOf(catalog: string, row: CatalogRow): string {
  return catalog.split('\n')[row.line - 1].split(' | ')[4] ?? '';
}

export function ruleSource(rule: NewRule): string {
  const title = rule.firesWhen ? sentenceCase(rule.firesWhen) : 'TODO: what it finds, in one line';
  return `import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';

export const ${camelCase(rule.name)} = defineRule({
  id: '${rule.id}',
  name: '${rule.name}',
  factor: '${rule.factor}',
  severity: '${rule.severity}',
  kind: 'S',
  title: ${JSON.stringify(title)},
  help: [
    'TODO: why it matters for a twelve-factor app, and how to fix it, with an example.',
  ].join('\\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const app of project.apps) {
      // TODO: push { file, line, message } for what the catalog says fires the rule.
      void app;
    }
    return out;
  },
});
`;
}

function sentenceCase(text: string): string {
  const t = text.replace(/\\\|/g, '|').replace(/`/g, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export function testSource(rule: NewRule): string {
  return `import { ${camelCase(rule.name)} } from '../../src/rules/${rule.id}-${rule.name}.js';
import { appRuleCases, df } from '../support/rule-cases.js';

// TODO: replace both cases with the smallest app where the rule fires and the closest one where it does not.
appRuleCases(${camelCase(rule.name)}, [
  ['fires on TODO', { dockerfile: df('FROM python:3.12-slim', 'CMD ["gunicorn", "mysite.wsgi"]') }, ['Dockerfile:1']],
  ['silent on TODO', { dockerfile: df('FROM python:3.12-slim') }, []],
]);
`;
}

/** The registry with the rule imported and listed in id order (the catalog's order). */
export function registerRule(registry: string, rule: NewRule): string {
  const name = camelCase(rule.name);
  const lines = registry.split('\n');
  const ruleImport = /^import \{ (\w+) \} from '\.\/(TF\d{4})-/;
  const imports = lines.flatMap((l, i) => (ruleImport.test(l) ? [i] : []));
  const next = imports.find((i) => ruleImport.exec(lines[i])![2] > rule.id);
  lines.splice(next ?? imports.at(-1)! + 1, 0, `import { ${name} } from './${rule.id}-${rule.name}.js';`);
  const start = lines.findIndex((l) => l.startsWith('export const RULES'));
  const end = lines.findIndex((l, i) => i > start && l === '];');
  const ids = new Map<string, string>();
  for (const l of lines) {
    const m = ruleImport.exec(l);
    if (m) ids.set(m[1], m[2]);
  }
  const entries = lines.slice(start + 1, end).map((l) => l.trim().replace(/,$/, ''));
  const sorted = [...entries, name].sort((a, b) => (ids.get(a) ?? '').localeCompare(ids.get(b) ?? ''));
  lines.splice(start + 1, end - start - 1, ...sorted.map((e) => `  ${e},`));
  return lines.join('\n');
}

/** The catalog with a placeholder row for the rule at the end of its factor's table, unless it has a row. */
export function addCatalogRow(catalog: string, rule: NewRule): string {
  if (parseCatalog(catalog).some((r) => r.id === rule.id)) return catalog;
  const lines = catalog.split('\n');
  const heading = lines.findIndex((l) => l.startsWith('## ') && factorOfHeading(l) === rule.factor);
  if (heading < 0) throw new Error(`${CATALOG_PATH} has no heading for factor ${rule.factor}`);
  let last = heading;
  for (let i = heading + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
    if (lines[i].startsWith('|')) last = i;
  }
  const row = `| ${rule.id} | ${rule.name} | ${rule.severity} | S | TODO: when it fires | TODO: the file and line it points at |`;
  lines.splice(last + 1, 0, row);
  return lines.join('\n');
}

/** The registry test without the rule in its list of rules specified but not implemented yet. */
export function markImplemented(registryTest: string, id: string): string {
  return registryTest.replace(new RegExp(`\\n\\s*'${id}',(?=\\n)`), '');
}

function main(args: string[]): void {
  const root = resolve(import.meta.dirname, '..');
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const rule = parseArgs(args, read(CATALOG_PATH));
  const ruleFile = `src/rules/${rule.id}-${rule.name}.ts`;
  const testFile = `__tests__/rules/${rule.id}-${rule.name}.test.ts`;
  const registry = read(REGISTRY);
  if (registry.includes(`'./${rule.id}-`)) throw new Error(`${rule.id} is in the registry already`);
  for (const file of [ruleFile, testFile])
    if (existsSync(join(root, file))) throw new Error(`${file} exists`);
  writeFileSync(join(root, ruleFile), ruleSource(rule));
  writeFileSync(join(root, testFile), testSource(rule));
  writeFileSync(join(root, REGISTRY), registerRule(registry, rule));
  writeFileSync(join(root, CATALOG_PATH), addCatalogRow(read(CATALOG_PATH), rule));
  writeFileSync(join(root, REGISTRY_TEST), markImplemented(read(REGISTRY_TEST), rule.id));
  const docs = spawnSync(join(root, 'scripts/node24'), ['--import', 'tsx', 'scripts/gen-docs.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (docs.status !== 0) throw new Error('npm run docs failed');
  const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
  spawnSync(process.execPath, [prettier, '--log-level', 'warn', '--write', ruleFile, testFile], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(
    [
      `Scaffolded ${rule.id} ${rule.name} (factor ${rule.factor}, ${rule.severity}):`,
      `  ${ruleFile}       write check(), title and help`,
      `  ${testFile}  its firing case fails until check() finds it`,
      `  ${REGISTRY}, ${CATALOG_PATH} (fill in the row's TODOs), docs/rules.md`,
      `Then: npm test -- ${testFile} __tests__/unit/registry.test.ts`,
    ].join('\n'),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`new-rule: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
