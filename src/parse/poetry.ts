import { parsePyprojectDependencies } from './pyproject.js';
import type { RequirementLine, RequirementsFile } from './types.js';
import { LINES } from '../util/lines.js';

/** The dependency groups `poetry install` installs, from its options (`--without dev`, `--only main`, `--with docs`). */
export interface PoetryGroups {
  with: string[];
  without: string[];
  /** `--only`: these groups and no other; undefined without the option. */
  only?: string[];
}

const DEPENDENCIES =
  /^tool\.poetry\.(?:(dependencies)|(dev-dependencies)|group\.("[^"]+"|[^.\s]+)\.dependencies)$/;
const GROUP = /^tool\.poetry\.group\.("[^"]+"|[^.\s]+)$/;

/**
 * pyproject.toml as `poetry install` reads it: the entries of `[tool.poetry.dependencies]` and of each group it
 * installs (an optional group only when asked for with `--with`), and the PEP 508 strings of `[project]`'s
 * `dependencies` (Poetry 2), each anchored at its line. `python` is the interpreter, not a package. Never throws.
 */
export function parsePoetryDependencies(file: string, text: string, groups: PoetryGroups): RequirementsFile {
  const entries: { group: string; requirement: RequirementLine }[] = [];
  const optional = new Set<string>();
  let table = '';
  text
    .replace(/^\uFEFF/, '')
    .split(LINES)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
      if (header) {
        table = header[1].replace(/\s+/g, '');
        return;
      }
      const group = GROUP.exec(table)?.[1].replace(/"/g, '');
      if (group !== undefined) {
        if (/^optional\s*=\s*true$/.test(line)) optional.add(group);
        return;
      }
      const section = DEPENDENCIES.exec(table);
      if (!section) return;
      const entry = /^("[^"]+"|'[^']+'|[A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(.+)$/.exec(line);
      if (!entry) return;
      const name = entry[1].replace(/^["']|["']$/g, '');
      if (name.toLowerCase() === 'python') return;
      const inGroup = section[1] ? 'main' : section[2] ? 'dev' : section[3].replace(/"/g, '');
      const value = entry[2].trim();
      // An optional package of the main group is installed only as an extra (`-E`), which is not followed.
      if (/\boptional\s*=\s*true\b/.test(value)) return;
      entries.push({ group: inGroup, requirement: { line: i + 1, text: line, name, ...classify(value) } });
    });
  const installs = (group: string): boolean =>
    groups.only
      ? groups.only.includes(group)
      : !groups.without.includes(group) && (!optional.has(group) || groups.with.includes(group));
  const project = installs('main') ? parsePyprojectDependencies(file, text).lines : [];
  const lines = [...project, ...entries.filter((e) => installs(e.group)).map((e) => e.requirement)];
  return { file, lines: lines.sort((a, b) => a.line - b.line), manifest: 'poetry' };
}

/** A version constraint of Poetry: exact when it names one version (`"5.0.6"`, `"==5.0.6"`), not a range or `*`. */
function exactConstraint(constraint: string): boolean {
  return /^={0,2}\s*\d[^\s*,<>=!~^|]*$/.test(constraint.trim());
}

function classify(value: string): Pick<RequirementLine, 'kind' | 'pinned'> {
  const str = /^["']([^"']*)["']$/.exec(value);
  if (str) return { kind: 'package', pinned: exactConstraint(str[1]) };
  if (!value.startsWith('{')) return { kind: 'option', pinned: true };
  const field = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']*)["']`).exec(value)?.[1];
  // A git source is pinned at a tag or commit, not at a branch.
  if (field('git') !== undefined)
    return { kind: 'url', pinned: field('rev') !== undefined || field('tag') !== undefined };
  if (field('path') !== undefined) return { kind: 'path', pinned: false };
  if (field('url') !== undefined) return { kind: 'url', pinned: false };
  return { kind: 'package', pinned: exactConstraint(field('version') ?? '*') };
}
