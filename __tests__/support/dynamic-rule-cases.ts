// Cases for the dynamic rules: observations as the smoke run records them, judged by one rule; the findings are
// compared as `file:line message`. A rule's table starts with a case where it fires, then one where it stays silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DynamicRule, SmokeContext, SmokeObservation } from '../../src/rules/lib/dynamic.js';
import { appModel } from '../unit/smoke-fake.js';
import { assertFiresThenSilent } from './rule-cases.js';

/** The scripted app of the smoke tests: settings mysite/settings.py (DATABASES at 41, SQLite NAME at 55), CMD at Dockerfile:8. */
export function smokeContext(overrides: Partial<SmokeContext> = {}): SmokeContext {
  const app = appModel();
  return { app, dockerfile: 'Dockerfile', ...(app.settings ? { settings: app.settings } : {}), ...overrides };
}

export type DynamicCase = [
  name: string,
  observations: SmokeObservation[],
  expected: string[],
  context?: Partial<SmokeContext>,
];

/** Judges each case's observations and compares the findings as `file:line message` (details after ` | `). */
export function dynamicRuleCases(rule: DynamicRule, cases: DynamicCase[]): void {
  assertFiresThenSilent(
    rule,
    cases.map((c) => c[2]),
  );
  for (const [name, observations, expected, context] of cases) {
    test(`${rule.id} ${rule.name}: ${name}`, () => {
      const findings = rule.judge(observations, smokeContext(context));
      assert.deepEqual(
        findings.map(
          (f) =>
            `${f.file}${f.line !== undefined ? `:${f.line}` : ''} ${f.message}${f.details ? ` | ${f.details}` : ''}`,
        ),
        expected,
      );
    });
  }
}
