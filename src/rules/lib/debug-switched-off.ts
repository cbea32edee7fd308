import { type RawFinding, code, msg } from '../../core/index.js';
import type { App } from '../../model/types/project.js';
import type { SettingAssignment, SettingsModel } from '../../model/types/settings.js';
import { switchOn } from './debug-switch.js';
import { environReads } from './environ-names.js';
import { providedValue } from './debug-provided.js';
import { truthy } from './debug-shadowed.js';

type Condition = NonNullable<SettingAssignment['condition']>;

/**
 * Whether an `if` on an environment variable is taken when the variable is set to `value` ('' for unset); undefined
 * when the test is not of the variable's text.
 */
export function branchTakenFor(test: Condition, value: string): boolean | undefined {
  const values = test.values ?? [];
  if (test.test === 'equals') return values.includes(value);
  if (test.test === 'not-equals') return values.length > 0 ? !values.includes(value) : undefined;
  if (test.test === 'set') return value !== '';
  if (test.test === 'unset') return value === '';
  if (test.test === 'otherwise' && test.excluded) return !test.excluded.includes(value);
  return undefined;
}

/**
 * A later `if os.environ.get("APP_ENV", "production") == "production": DEBUG = False` in the same module, taken when
 * the variable is unset: the true literal `a` before it holds only where the variable is set to skip that branch.
 */
function laterOffBranch(
  live: readonly SettingAssignment[],
  a: SettingAssignment,
): SettingAssignment | undefined {
  if (a.inBranch) return undefined;
  return live.find(
    (b) =>
      b !== a &&
      b.file === a.file &&
      b.line > a.line &&
      b.inBranch === true &&
      b.activeWhenUnset === true &&
      b.condition !== undefined &&
      b.value.kind === 'literal' &&
      truthy(b.value) === false,
  );
}

/**
 * `DEBUG = True` that a later branch switches off by default: `undefined` when no such branch follows (judge the
 * literal as written), `null` when debug stays off (no deploy value skips the branch), else the finding on a deploy
 * value (the image's ENV, the production compose file) that skips it and so keeps the true literal.
 */
export function switchedOffByDefault(
  app: App,
  live: readonly SettingAssignment[],
  a: SettingAssignment,
  settings: SettingsModel,
  composeFiles: readonly string[],
): RawFinding | null | undefined {
  const off = laterOffBranch(live, a);
  const test = off?.condition;
  if (!off || !test) return undefined;
  const given = providedValue(app, test.variable, composeFiles);
  if (!given || given.byDefault || branchTakenFor(test, given.value) !== false) return null;
  const where = given.imageLine ? `${given.where} (line ${given.imageLine})` : given.where;
  return {
    file: a.file ?? settings.file,
    line: a.line,
    ...msg`DEBUG is set to True in code and set to False (line ${off.line}) only under ${code(`if ${test.text}:`)}, and ${where} sets ${test.variable} to '${given.value}', which skips that branch: ${given.reach} runs in debug mode. Read DEBUG from the environment with a false default instead: ${code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', environReads(settings, a.file)))}.`,
  };
}
