/** Small readings of compose YAML nodes shared by loading, merging and converting services. */
import { posix } from 'node:path';
import type { YEntry, YMap, YNode, YScalar } from '../../parse/compose.js';

/** `dir` joined with `p`, normalised, relative to the scanned directory ('.' for it). Absolute `p` is kept. */
export function relPath(dir: string, p: string): string {
  if (p.startsWith('/')) return posix.normalize(p);
  const joined = posix.normalize(posix.join(dir, p));
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

export function isNull(n: YNode | undefined): boolean {
  return n === undefined || (n.kind === 'scalar' && n.value === null);
}

export function kindOf(n: YNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  return n.value === null ? 'nothing' : `a ${typeof n.value}`;
}

export function scalarString(n: YNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

export function plain(n: YNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

export function buildAsMap(n: YNode): YNode {
  if (n.kind !== 'scalar' || n.value === null) return n;
  return {
    kind: 'map',
    file: n.file,
    line: n.line,
    entries: [{ key: 'context', line: n.line, file: n.file, value: n }],
  };
}

/** `- KEY=value` / `- KEY` / `- name` lists as mappings keyed by name, each entry keeping its item's line. */
export function keyedAsMap(n: YNode): YMap | undefined {
  if (n.kind === 'map') return n;
  if (n.kind !== 'seq') return undefined;
  const entries: YEntry[] = [];
  for (const item of n.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const text = String(item.value);
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const value: YScalar = {
      kind: 'scalar',
      value: eq < 0 ? null : text.slice(eq + 1),
      block: false,
      file: item.file,
      line: item.line,
    };
    const entry = { key, line: item.line, file: item.file, value };
    const i = entries.findIndex((e) => e.key === key);
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
  }
  return { kind: 'map', entries, file: n.file, line: n.line };
}
