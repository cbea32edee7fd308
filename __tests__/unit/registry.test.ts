import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCatalog, readCatalog } from '../../scripts/catalog.js';
import { findRule, RULES } from '../../src/rules/registry.js';
import { relatedCheck } from '../../src/rules/related.js';

const root = join(import.meta.dirname, '..', '..');
const catalog = readCatalog(root);

/** Rows of docs/catalog.md with no rule in the registry yet. Implementing one means removing it here. */
const SPECIFIED_NOT_IMPLEMENTED: string[] = [];

/** Dynamic rules judged inside the smoke run, tested through it (__tests__/unit/smoke.test.ts, __tests__/docker/). */
const TESTED_THROUGH_THE_SMOKE_RUN: string[] = [];

test('the catalog (docs/catalog.md) has every factor and no id twice', () => {
  assert.ok(catalog.length >= 56, `${catalog.length} rows`);
  const ids = catalog.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)]);
  assert.deepEqual(
    [...new Set(catalog.map((r) => r.factor))],
    ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'],
  );
});

test('every rule of the registry matches its catalog row: id, name, severity, kind and factor', () => {
  for (const rule of RULES) {
    const row = catalog.find((r) => r.id === rule.id);
    assert.ok(row, `${rule.id} ${rule.name} is in the registry but has no row in docs/catalog.md`);
    assert.deepEqual(
      [rule.id, rule.name, rule.severity, rule.kind, rule.factor],
      [row.id, row.name, row.severity, row.kind, row.factor],
      `${rule.id} differs from docs/catalog.md line ${row.line}`,
    );
  }
});

test('every catalog row is implemented, or listed as specified, not implemented yet', () => {
  const missing = catalog
    .filter((r) => !RULES.some((rule) => rule.id === r.id))
    .map((r) => r.id)
    .filter((id) => !SPECIFIED_NOT_IMPLEMENTED.includes(id));
  assert.deepEqual(missing, [], 'catalog rows with no rule: implement them or list them in this test');
});

test('the not-implemented list names only catalog rows with no rule yet', () => {
  for (const id of SPECIFIED_NOT_IMPLEMENTED) {
    assert.ok(
      catalog.some((r) => r.id === id),
      `${id} is listed as not implemented but has no catalog row`,
    );
    assert.equal(
      findRule(id),
      undefined,
      `${id} is implemented now: remove it from SPECIFIED_NOT_IMPLEMENTED`,
    );
  }
});

test('the registry is in catalog order', () => {
  const order = catalog.map((r) => r.id);
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(
    ids,
    order.filter((id) => ids.includes(id)),
  );
});

test('catalog rows take their factor from the heading above them', () => {
  const rows = parseCatalog(
    [
      '## Factor 0: the analysis itself',
      '| TF0001 | parse-error | warning | S | x | y |',
      '## III. Config',
      '| TF0301 | secret-key-in-code | error | S | x | y |',
      '## Production checks beyond the twelve factors',
      '| TF1301 | runs-as-root | warning | S | x | y |',
    ].join('\n'),
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.factor, r.line]),
    [
      ['TF0001', '0', 2],
      ['TF0301', 'III', 4],
      ['TF1301', 'XIII', 6],
    ],
  );
  assert.throws(() => parseCatalog('| TF0001 | parse-error | warning | S |'), /no factor heading/);
});

test('every rule has its own test file, __tests__/rules/<id>-<name>.test.ts, and every such file a rule', () => {
  const dir = join(root, '__tests__/rules');
  for (const rule of RULES) {
    if (TESTED_THROUGH_THE_SMOKE_RUN.includes(rule.id)) continue;
    const file = `${rule.id}-${rule.name}.test.ts`;
    assert.ok(existsSync(join(dir, file)), `__tests__/rules/${file} is missing`);
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
    const m = /^(TF\d{4})-([a-z0-9-]+)\.test\.ts$/.exec(file);
    const rule = m ? findRule(m[1]) : undefined;
    assert.ok(rule && rule.name === m?.[2], `__tests__/rules/${file} names no rule of the registry`);
  }
  for (const id of TESTED_THROUGH_THE_SMOKE_RUN)
    assert.equal(findRule(id)?.kind, 'D', `${id} is not dynamic`);
});

test('rules are found by id in any case and by name', () => {
  assert.equal(findRule('tf0301')?.name, 'secret-key-in-code');
  assert.equal(findRule('debug-in-code')?.id, 'TF0302');
  assert.equal(findRule('TF9999'), undefined);
});

test("related ids name the peers' rules that mean the same, each of a known tool with its page", () => {
  const related = (id: string) => findRule(id)!.related;
  for (const [rule, peer] of [
    ['TF0205', 'service-image-require-explicit-tag'],
    ['TF0201', 'DL3006'],
    ['TF0201', 'DL3007'],
    ['TF0202', 'DL3013'],
    ['TF0901', 'DL3025'],
    ['TF0904', 'DL3057'],
    ['TF1301', 'DL3002'],
    ['TF0302', 'security.W018'],
    ['TF0301', 'security.W009'],
  ]) {
    assert.ok(related(rule).includes(peer), `${rule} names ${peer}`);
  }
  assert.deepEqual(relatedCheck('service-image-require-explicit-tag'), {
    tool: 'dclint',
    url: 'https://github.com/zavoloklom/docker-compose-linter/blob/main/docs/rules/service-image-require-explicit-tag-rule.md',
  });
  assert.equal(
    relatedCheck('SecretsUsedInArgOrEnv')?.url,
    'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
  );
  for (const rule of RULES) {
    for (const id of rule.related) assert.ok(relatedCheck(id), `${rule.id}: ${id} is of no known tool`);
  }
});
