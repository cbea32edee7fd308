import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  docRules,
  generateRulesDoc,
  generateRulesTable,
  readActionYml,
  replaceBetweenMarkers,
  updateReadme,
} from '../../scripts/gen-docs.js';
import { RULES } from '../../src/rules/registry.js';

const root = join(import.meta.dirname, '..', '..');
const STALE = 'is out of date with the rule registry or action.yml: run `npm run docs` and commit the result';

test('docs/rules.md is up to date with the registry', () => {
  const committed = readFileSync(join(root, 'docs/rules.md'), 'utf8');
  assert.ok(committed === generateRulesDoc(docRules()), `docs/rules.md ${STALE}`);
});

test('the README tables between the markers are up to date', () => {
  const path = join(root, 'README.md');
  if (!existsSync(path)) return;
  const readme = readFileSync(path, 'utf8');
  assert.ok(readme === updateReadme(readme, RULES, readActionYml(root)), `README.md ${STALE}`);
});

test('docs/rules.md has a section per rule with its metadata and help, grouped by factor', () => {
  const doc = generateRulesDoc(docRules());
  for (const rule of RULES) {
    const at = doc.indexOf(`\n### ${rule.id} ${rule.name}\n`);
    assert.ok(at > 0, `${rule.id} has a section`);
    const next = doc.indexOf('\n### ', at + 1);
    const section = doc.slice(at, next < 0 ? doc.length : next);
    assert.ok(section.includes(`| ${rule.severity} |`));
    assert.ok(section.includes(rule.help.trim()));
    for (const id of rule.related) assert.ok(section.includes(`\`${id}\``));
    // Each rule says whether it has a fix, what it leaves alone, or why it has none.
    if (rule.fix) assert.ok(section.includes(`**Fix (${rule.fix.safety}):** ${rule.fix.summary}`), rule.id);
    if (rule.fix?.declines) assert.ok(section.includes(`Left alone: ${rule.fix.declines}`), rule.id);
    if (rule.noFix) assert.ok(section.includes(`**No fix:** ${rule.noFix}`), rule.id);
  }
  assert.match(doc, /\nRules without a fix on purpose: .*\[TF0801\]\(#tf0801-dev-server\)/);
  assert.ok(doc.indexOf('## III. Config') < doc.indexOf('### TF0301'));
  assert.ok(doc.indexOf('## Production checks') < doc.indexOf('### TF1301'));
  // The README table links each rule to its section.
  assert.ok(generateRulesTable(RULES).includes('[TF0301](docs/rules.md#tf0301-secret-key-in-code)'));
});

test('only the text between existing markers is replaced', () => {
  const text = 'a\n<!-- rules:start -->\nold\n<!-- rules:end -->\nb\n';
  assert.equal(
    replaceBetweenMarkers(text, 'rules', 'new'),
    'a\n<!-- rules:start -->\nnew\n<!-- rules:end -->\nb\n',
  );
  assert.equal(replaceBetweenMarkers('no markers', 'rules', 'new'), 'no markers');
});
