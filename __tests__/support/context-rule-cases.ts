// Build-context rule cases for __tests__/rules/: the files are written to a temporary directory and go through the
// real static pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Rule } from '../../src/rules/lib/rule.js';
import { analyzeFiles, findingsOf } from './analyze.js';
import { assertFiresThenSilent } from './rule-cases.js';

export const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
export type ContextCase = [
  name: string,
  files: Record<string, string>,
  expected: [string, number | undefined][],
];

export function contextRuleCases(
  rule: Rule,
  cases: ContextCase[],
  base: Record<string, string> = { 'manage.py': MANAGE },
): void {
  assertFiresThenSilent(
    rule,
    cases.map((c) => c[2]),
  );
  for (const [name, files, expected] of cases) {
    test(`${rule.id}: ${name}`, async () => {
      const result = await analyzeFiles({ ...base, ...files });
      assert.deepEqual(findingsOf(result, rule.id), expected);
    });
  }
}
