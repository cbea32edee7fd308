import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findRule, RULES } from '../../src/rules/registry.js';

test('the registry holds every rule of the catalog, with the catalog id, name, severity and kind', () => {
  const catalog = readFileSync(new URL('../../../shared/RULES.md', import.meta.url), 'utf8');
  const rows = [...catalog.matchAll(/^\| (TF\d{4}) \| ([a-z-]+) \| (\w+) \| ([SD]) \|/gm)];
  assert.ok(rows.length >= 48);
  assert.deepEqual(
    RULES.map((r) => [r.id, r.name, r.severity, r.kind]),
    rows.map((m) => [m[1], m[2], m[3], m[4]]),
  );
});

test('rules are found by id in any case and by name', () => {
  assert.equal(findRule('tf0301')?.name, 'secret-key-in-code');
  assert.equal(findRule('debug-in-code')?.id, 'TF0302');
  assert.equal(findRule('TF9999'), undefined);
});
