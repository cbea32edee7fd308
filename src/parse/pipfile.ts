import type { RequirementLine, RequirementsFile } from './types.js';
import { LINES } from '../util/lines.js';
import { pinsExactVersion } from '../util/version-spec.js';

/**
 * A Pipfile → one entry per package of `[packages]` (and `[dev-packages]` when asked), anchored at its line, pinned
 * when its version is exact (`"==5.0.6"`); `"*"`, a range or an inline table without a version is not. Never throws.
 */
export function parsePipfile(file: string, text: string, dev = false): RequirementsFile {
  const lines: RequirementLine[] = [];
  let section = '';
  text
    .replace(/^\uFEFF/, '')
    .split(LINES)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      const header = /^\[([^\]]+)\]$/.exec(line);
      if (header) {
        section = header[1].trim();
        return;
      }
      if (section !== 'packages' && !(dev && section === 'dev-packages')) return;
      const entry = /^("[^"]+"|'[^']+'|[A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(.+)$/.exec(line);
      if (!entry) return;
      const name = entry[1].replace(/^["']|["']$/g, '');
      lines.push({ line: i + 1, text: line, name, ...classify(entry[2].trim()) });
    });
  return { file, lines, manifest: 'pipfile' };
}

function classify(value: string): Pick<RequirementLine, 'kind' | 'pinned'> {
  const str = /^["']([^"']*)["']$/.exec(value);
  if (str) return { kind: 'package', pinned: pinsExactVersion(str[1]) };
  if (!value.startsWith('{')) return { kind: 'option', pinned: true };
  const field = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']*)["']`).exec(value)?.[1];
  if (field('git') !== undefined) {
    // A git source is pinned only at a commit.
    return { kind: 'url', pinned: /^[0-9a-f]{40}$/.test(field('ref') ?? '') };
  }
  if (field('path') !== undefined) return { kind: 'path', pinned: false };
  if (field('file') !== undefined) return { kind: 'url', pinned: false };
  return { kind: 'package', pinned: pinsExactVersion(field('version') ?? '*') };
}
