/** Where a value a star-imported settings module sets holds: the environments whose branch loads it and keeps it. */
import type { SettingAssignment, SettingsModel } from '../../model/types/settings.js';
import { coversEvery, importPaths } from '../../model/settings/import-paths.js';
import { listOf } from './processes.js';

type LoadCondition = NonNullable<SettingAssignment['condition']>;

/** The environments a value holds in, when fewer than every one the settings run in. */
export interface HeldWhere {
  /** `config/dev.py is loaded (settings.py loads it when ENV is not 'prod')`, one clause per selecting import. */
  where: string;
  /** Modules that load the value's module and then set the setting themselves (`production.py`). */
  overriddenIn: string[];
  /** The tests of the selecting imports, one of which loads the module. */
  tests: LoadCondition[];
}

/**
 * Where the value `name` gets in `file`, a module the settings star-import, stays in effect: only along the imports
 * of branches on an environment variable (`if ENV == "prod": from .prod import * else: from .dev import *`) that
 * reach the module with no module between setting `name` again. Undefined when it holds wherever the settings run,
 * or when that cannot be told.
 */
export function heldWhere(settings: SettingsModel, file: string, name: string): HeldWhere | undefined {
  const edges = settings.starImportEdges ?? [];
  if (file === settings.file || edges.length === 0) return undefined;
  const paths = importPaths(edges, settings.file, file);
  if (paths.length === 0) return undefined;
  const setters = new Set(
    settings.assignments
      .filter((a) => a.name === name && !a.inBranch)
      .map((a) => a.file ?? settings.file)
      .filter((f) => f !== file && f !== settings.file),
  );
  const overriddenIn = new Set<string>();
  const kept = paths.filter((path) => {
    const setter = path.map((e) => e.to).find((f) => f !== file && setters.has(f));
    if (setter) overriddenIn.add(setter);
    return setter === undefined;
  });
  if (kept.length === 0 || kept.some((path) => !path.some((e) => e.when))) return undefined;
  const selecting = kept.map((path) => path.find((e) => e.when)!);
  if (coversEvery(edges, selecting)) return undefined;
  // One clause per import that selects: the module it loads, who loads it, under which tests.
  const clauses = new Map<string, { from: string; to: string; tests: string[] }>();
  for (const path of kept) {
    const edge = path.find((e) => e.when)!;
    const key = `${edge.from}\n${edge.to}`;
    const clause = clauses.get(key) ?? { from: edge.from, to: edge.to, tests: [] };
    const words = conditionWords(edge.when!);
    if (!clause.tests.includes(words)) clause.tests.push(words);
    clauses.set(key, clause);
  }
  const where = [...clauses.values()]
    .map((c) => `${c.to} is loaded (${c.from} loads it when ${c.tests.join(', or when ')})`)
    .join('; or where ');
  return { where, overriddenIn: [...overriddenIn], tests: selecting.map((e) => e.when!) };
}

/** A branch's test in words: `ENV is 'prod'`, `APP_ENV is none of 'production', 'staging'`. */
export function conditionWords(c: LoadCondition): string {
  const quoted = (values: string[]) => values.map((v) => `'${v}'`);
  const list = (values: string[], last: string) =>
    values.length > 1 ? `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}` : values[0];
  switch (c.test) {
    case 'equals':
      if (c.values?.length) return `${c.variable} is ${list(quoted(c.values), 'or')}`;
      break;
    case 'not-equals':
      if (c.values?.length) return `${c.variable} is not ${list(quoted(c.values), 'or')}`;
      break;
    case 'set':
      return `${c.variable} is set`;
    case 'unset':
      return `${c.variable} is unset`;
    case 'otherwise':
      if (c.excluded?.length) return `${c.variable} is none of ${quoted(c.excluded).join(', ')}`;
      break;
  }
  return c.text && c.text !== 'else' ? `\`${c.text}\` holds` : `the else branch on ${c.variable} is taken`;
}

/** The modules that load the value and set the setting again, in words: `; production.py sets DEBUG itself`; or ''. */
export function overrideWords(held: HeldWhere, name: string): string {
  const n = held.overriddenIn.length;
  if (n === 0) return '';
  const files = listOf(held.overriddenIn);
  return `; ${files} ${n > 1 ? 'set' : 'sets'} ${name} ${n > 1 ? 'themselves' : 'itself'}`;
}
