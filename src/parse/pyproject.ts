import { classify } from './requirements.js';
import type { RequirementLine, RequirementsFile } from './types.js';
import { LINES } from '../util/lines.js';

/**
 * pyproject.toml as `uv pip install -r pyproject.toml` reads it: the PEP 508 strings of `[project]`'s `dependencies`
 * array, each anchored at its line and classified as a requirements line is. Other tables and keys are not
 * requirements. Never throws: what it cannot read is left out.
 */
export function parsePyprojectDependencies(file: string, text: string): RequirementsFile {
  const lines: RequirementLine[] = [];
  let table = '';
  let inDependencies = false;
  text
    .replace(/^\uFEFF/, '')
    .split(LINES)
    .forEach((raw, i) => {
      const line = stripComment(raw).trim();
      if (!inDependencies) {
        const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
        if (header) {
          table = header[1];
          return;
        }
        const start = /^dependencies\s*=\s*\[(.*)$/.exec(line);
        if (table !== 'project' || !start) return;
        inDependencies = true;
        return readStrings(start[1], i + 1);
      }
      readStrings(line, i + 1);
    });

  /** The strings of one line of the array; a `]` outside a string ends it. */
  function readStrings(part: string, lineNo: number): void {
    const string = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\])/g;
    for (let m = string.exec(part); m; m = string.exec(part)) {
      if (m[3]) {
        inDependencies = false;
        return;
      }
      const requirement = (m[1] ?? m[2]).trim();
      if (requirement) lines.push({ line: lineNo, text: requirement, ...classify(requirement) });
    }
  }
  return { file, lines, manifest: 'pyproject' };
}

/** A `#` outside a string starts a TOML comment. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}
