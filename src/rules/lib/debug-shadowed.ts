/** TF0302's literal `DEBUG = True` in a base module that the module the settings run sets true again. */
import { type MessagePart, type RawFinding, code, msg } from '../../core/index.js';
import { switchOn } from './debug-switch.js';
import { environReads } from './environ-names.js';
import type { SettingAssignment, SettingsModel, ValueSource } from '../../model/types/settings.js';

type At = { file: string; line: number };

/** An earlier true literal of another module, and the later one of the module run that leaves it in force. */
export interface Shadowed extends At {
  later: At;
  settingsFile: string;
  buildsOn: boolean;
  /** The line to suggest there, with the names that module reads the environment by. */
  fix: MessagePart;
}

/** Python truthiness of a settings value as written; undefined when not known. */
export function truthy(v: ValueSource | undefined): boolean | undefined {
  if (!v) return false; // no fallback: None
  switch (v.kind) {
    case 'literal':
      return typeof v.value === 'string' ? v.value !== '' : Boolean(v.value);
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'path':
      return true;
    default:
      return undefined;
  }
}

/** A string that reads as false to a person but is true to Python ('False', '0', 'no'). */
export function isFalseWord(v: ValueSource | undefined): boolean {
  return v?.kind === 'literal' && typeof v.value === 'string' && isFalseText(v.value);
}

/** `False`, `0`, `off`: a text written to mean false. */
export function isFalseText(text: string): boolean {
  return ['false', '0', 'no', 'off', 'n', 'f'].includes(text.trim().toLowerCase());
}

/**
 * `DEBUG = True` in a module the settings star-import (base.py) that the settings set true again (local.py): the
 * running settings keep debug on from both, and removing the later line alone leaves the earlier one in force. Each
 * earlier unconditional literal true of another module, back to the first other value, is reported where it is.
 */
export function shadowedTrueLiterals(settings: SettingsModel, live: SettingAssignment, at: At): Shadowed[] {
  const debug = settings.assignments.filter((b) => b.name === 'DEBUG');
  const out: Shadowed[] = [];
  if (live.inBranch) return out;
  for (let i = debug.indexOf(live) - 1; i >= 0; i--) {
    const b = debug[i];
    if (b.inBranch || b.value.kind !== 'literal' || truthy(b.value) !== true || isFalseWord(b.value)) break;
    const file = b.file ?? at.file;
    if (file === at.file || b.activeWhenUnset === false) continue;
    out.push({
      file,
      line: b.line,
      later: at,
      settingsFile: settings.file,
      buildsOn: buildsOn(settings, at.file, file),
      fix: code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', environReads(settings, file))),
    });
  }
  return out;
}

/**
 * One finding per earlier line: the modules that build on it and set DEBUG true again (a development and a
 * production module each run by an app) are named together.
 */
export function shadowedFindings(shadows: Shadowed[]): RawFinding[] {
  const out: RawFinding[] = [];
  const done = new Set<string>();
  for (const s of shadows) {
    if (!s.buildsOn) {
      out.push({
        file: s.file,
        line: s.line,
        ...msg`DEBUG is set to a true value in code here, so every run in which ${s.settingsFile} loads this module rather than ${s.later.file} (which sets DEBUG true too, line ${String(s.later.line)}) shows debug pages with settings and stack traces; read it from the environment with a false default here too: ${s.fix}.`,
      });
      continue;
    }
    const key = `${s.file}:${s.line}`;
    if (done.has(key)) continue;
    done.add(key);
    const laters = shadows
      .filter((o) => o.buildsOn && o.file === s.file && o.line === s.line)
      .map((o) => `${o.later.file} (line ${o.later.line})`)
      .filter((t, i, all) => all.indexOf(t) === i);
    const one = laters.length === 1;
    const named = one
      ? `${laters[0]}, which builds on this module, sets it`
      : `${laters.slice(0, -1).join(', ')} and ${laters.at(-1)}, which build on this module, set it`;
    const later = one ? 'the later one' : 'a later one';
    out.push({
      file: s.file,
      line: s.line,
      ...msg`DEBUG is set to a true value in code here, and ${named} true again: the settings that run keep debug on from both lines, and removing ${later} alone leaves this one in force; read it from the environment with a false default here too: ${s.fix}.`,
    });
  }
  return out;
}

/** Whether module `later` star-imports `earlier`, directly or through other modules (known only when both merged). */
function buildsOn(settings: SettingsModel, later: string, earlier: string): boolean {
  const edges = settings.starImportEdges;
  // Without the import graph (a model built elsewhere), the earlier module is taken as the base, as before.
  if (!edges) return true;
  const seen = new Set<string>([later]);
  const queue = [later];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const e of edges)
      if (e.from === from && !seen.has(e.to)) {
        if (e.to === earlier) return true;
        seen.add(e.to);
        queue.push(e.to);
      }
  }
  return false;
}
