import type { SettingAssignment, SettingsModel } from '../../model/types/settings.js';
import {
  defaultFileStorages,
  isFileSystemStorage,
  type ProvidedEnvironment,
} from '../../model/settings/index.js';
import { conditionWords, heldWhere } from './loaded-where.js';

/**
 * Whether uploads go to a storage other than Django's FileSystemStorage on MEDIA_ROOT: 'always' (set outside any
 * branch, or in a branch the container's environment takes, or a backend not written literally), when a branch that
 * sets it is taken (`APP_ENV is 'dev' or 'prod' (STORAGES then stores them with …)`), or undefined (never).
 */
export function otherStorage(
  settings: SettingsModel,
  env: ProvidedEnvironment,
): 'always' | string | undefined {
  const choices = defaultFileStorages(settings);
  const other = choices.filter((c) => !c.backend || !isFileSystemStorage(c.backend));
  if (other.length === 0) return undefined;
  const local = choices.length > other.length;
  // A module a branch on a variable star-imports (`if ENV_STAGE == "Production": from .production import *`) sets
  // its storage only where that branch is taken.
  const loaded = new Map(
    other.map((c) => [
      c,
      c.assignment.inBranch ? undefined : heldWhere(settings, c.assignment.file ?? settings.file, c.setting),
    ]),
  );
  if (!local && other.some((c) => !c.assignment.inBranch && !loaded.get(c))) return 'always';
  const clauses: string[] = [];
  for (const c of other) {
    const held = loaded.get(c);
    const tests = held ? held.tests : c.assignment.condition ? [c.assignment.condition] : [];
    for (const test of tests) {
      const value = env.values.get(test.variable);
      if (value !== undefined && takes(test, value, env)) return 'always';
    }
    const stores = c.backend ? `stores them with ${c.backend}` : 'chooses another storage';
    if (held) {
      const file = c.assignment.file ?? settings.file;
      const tests = held.tests.map(conditionWords).join(' or ');
      clauses.push(`${tests} (${file} is then loaded, and its ${c.setting} ${stores})`);
      continue;
    }
    const test = c.assignment.condition;
    const when = test ? testWords(test) : undefined;
    const by = `${c.setting} then ${stores}`;
    clauses.push(
      when ? `${when} (${by})` : `the settings take the branch at line ${c.assignment.line} (${by})`,
    );
  }
  return clauses.join(', or ');
}

type StorageTest = NonNullable<SettingAssignment['condition']>;

/** Whether a branch's test holds for the container's value of its variable; false when that cannot be told. */
function takes(test: StorageTest, value: string, env: ProvidedEnvironment): boolean {
  switch (test.test) {
    case 'equals':
      return test.values?.includes(value) ?? false;
    case 'not-equals':
      return test.values !== undefined && !test.values.includes(value);
    case 'set':
      return value !== '' && (test.allOf ?? []).every((v) => env.values.get(v));
    default:
      return false;
  }
}

/** A branch's test in words: `APP_ENV is 'dev', 'staging' or 'prod'`, `USE_S3 is set`. */
function testWords(test: StorageTest): string | undefined {
  const quoted = (test.values ?? []).map((v) => `'${v}'`);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0];
  switch (test.test) {
    case 'equals':
      return list && `${test.variable} is ${list}`;
    case 'not-equals':
      return list && `${test.variable} is not ${quoted.length > 1 ? `one of ${quoted.join(', ')}` : list}`;
    case 'set':
      return test.allOf && test.allOf.length > 1
        ? `${test.allOf.slice(0, -1).join(', ')} and ${test.allOf[test.allOf.length - 1]} are all set`
        : `${test.variable} is set`;
    case 'unset':
      return `${test.variable} is unset`;
    default:
      return undefined;
  }
}
