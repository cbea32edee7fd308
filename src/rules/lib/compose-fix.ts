import type { TextEdit } from '../../core/index.js';
import { indentOf, replaceInLine } from './fix.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/, '$2');

/**
 * The edit that gives one `environment:`/`args:` entry of a compose file a new value, written on one line as
 * `NAME: value` or `- NAME=value` (quotes and a trailing comment kept); undefined for any other shape, or when the
 * value written is not `raw`.
 */
export function replaceEntryValue(
  file: string,
  lines: string[],
  line: number,
  name: string,
  raw: string,
  value: string,
): TextEdit | undefined {
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  const n = escape(name);
  const mapping = new RegExp(`^(\\s*(["']?)${n}\\2\\s*:[ \\t]+)(.*?)(\\s+#.*)?$`).exec(text);
  if (mapping && unquote(mapping[3]) === raw) {
    const from = mapping[1].length + 1;
    return replaceInLine(file, line, from, from + mapping[3].length, value);
  }
  const list = new RegExp(`^(\\s*-\\s*(["']?)${n}=)(.*?)\\2(\\s+#.*)?$`).exec(text);
  if (list && list[3] === raw) {
    const from = list[1].length + 1;
    return replaceInLine(file, line, from, from + list[3].length, value);
  }
  return undefined;
}

/** The edit that makes one entry take its value from `${NAME}` (see replaceEntryValue). */
export function interpolateEntry(
  file: string,
  lines: string[],
  line: number,
  name: string,
  raw: string,
): TextEdit | undefined {
  return replaceEntryValue(file, lines, line, name, raw, `\${${name}}`);
}

/** The indentation of the keys under the mapping key at `line` (the next content line, deeper than it). */
export function childIndent(lines: string[], line: number): string | undefined {
  const own = indentOf(lines[line - 1] ?? '').length;
  for (let n = line + 1; n <= lines.length; n++) {
    const text = lines[n - 1];
    if (/^\s*(#.*)?$/.test(text)) continue;
    const indent = indentOf(text);
    return indent.length > own ? indent : undefined;
  }
  return undefined;
}

/** The last line of the block under the key at `line`: the last content line deeper than it. */
export function blockEnd(lines: string[], line: number): number {
  const own = indentOf(lines[line - 1] ?? '').length;
  let end = line;
  for (let n = line + 1; n <= lines.length; n++) {
    const text = lines[n - 1];
    if (/^\s*(#.*)?$/.test(text)) continue;
    if (indentOf(text).length <= own) break;
    end = n;
  }
  return end;
}
