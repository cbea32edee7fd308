// Tables of rule cases for __tests__/rules/: one test per case, named `<id> <name>: <case>`. A rule's table starts
// with a case where it fires, then one where it stays silent, so each file shows both at its top.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Rule } from '../../src/rules/lib/rule.js';
import { anchors, type AppFixture } from './app-fixture.js';

/** Throws, failing the file, unless the first case expects findings and the second expects none. */
export function assertFiresThenSilent(rule: Pick<Rule, 'id'>, expected: readonly unknown[][]): void {
  if (!(expected.length >= 2 && expected[0].length > 0 && expected[1].length === 0)) {
    throw new Error(`${rule.id}: the table must start with a firing case, then a silent one`);
  }
}

/** Dockerfile (and compose, scripts) text as lines. */
export const df = (...lines: string[]): string => lines.join('\n') + '\n';

/** An entrypoint script copied into the image at its usual place. */
export const ENTRY = { file: 'docker-entrypoint.sh', imagePath: '/usr/local/bin/docker-entrypoint.sh' };

/** An entrypoint that dispatches on its first argument: `web` migrates then serves, `worker`, `dev`, else exec. */
export const ROLES = {
  ...ENTRY,
  text: [
    'case "$1" in',
    '  web) python manage.py migrate && exec gunicorn a.wsgi ;;',
    '  worker) exec celery -A a worker ;;',
    '  dev) python manage.py runserver 0.0.0.0:8000 ;;',
    '  *) exec "$@" ;;',
    'esac',
  ].join('\n'),
};

/** An image that runs ROLES with `cmd` as its CMD. */
export const ROLES_IMAGE = (cmd: string) =>
  df('FROM python:3.12', 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]', `CMD ${cmd}`);

/** A case: its name, the app, and the expected findings as `file:line` (with `!severity` when the rule set one). */
export type AppCase = [name: string, fixture: AppFixture, expected: string[]];

/** Runs the rule on each app fixture and compares the anchors of its findings. */
export function appRuleCases(rule: Rule, cases: AppCase[]): void {
  assertFiresThenSilent(
    rule,
    cases.map((c) => c[2]),
  );
  for (const [name, fixture, expected] of cases) {
    test(`${rule.id} ${rule.name}: ${name}`, () => {
      assert.deepEqual(anchors(rule, fixture), expected);
    });
  }
}
