import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { rememberedParser } from './memo.js';
import type { ParseError } from './types.js';

/**
 * A YAML value with where it is written. Aliases are expanded and `<<` merge keys applied, so a value reached
 * through an alias keeps the file and line of the anchor it was written under.
 */
export type YNode = YMap | YSeq | YScalar;

interface YAt {
  file: string;
  /** 1-based line where the node starts. */
  line: number;
  /** Compose's merge tags: `!reset` drops the inherited value, `!override` replaces it instead of merging. */
  tag?: 'reset' | 'override';
}
export interface YMap extends YAt {
  kind: 'map';
  entries: YEntry[];
}
export interface YSeq extends YAt {
  kind: 'seq';
  items: YNode[];
}
export interface YScalar extends YAt {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** True for `|` and `>` block scalars, whose content starts on the line after `line`. */
  block: boolean;
}
export interface YEntry {
  key: string;
  /** Line of the key: the anchor for "the entry's line". */
  line: number;
  file: string;
  value: YNode;
}

/** Aliases above this count fail the file cleanly (alias bombs), as yaml's maxAliasCount does. */
const MAX_ALIAS_COUNT = 100;
/** Hard cap on expanded nodes, a second guard against exponential alias expansion. */
const MAX_NODES = 200_000;

/**
 * Compose YAML text → positioned tree. Invalid YAML gives an error with its line and no tree; a repeated key gives
 * an error at its line and the tree read with the last value winning. Never throws.
 */
export const parseComposeYaml: (file: string, text: string) => { root?: YNode; errors: ParseError[] } =
  rememberedParser(parseComposeText, (file, text) => `${file}\0${text}`);

function parseComposeText(file: string, text: string): { root?: YNode; errors: ParseError[] } {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found while converting: yaml's own check is quadratic in the size of a mapping.
    doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { errors: [{ file, message: `invalid YAML: ${(error as Error).message}` }] };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    return { errors: [{ file, line, message: `invalid YAML: ${first.message.split('\n')[0]}` }] };
  }
  try {
    // Early refusal of alias bombs: yaml counts alias uses against the anchor's size before expanding.
    // Without a '*' there is no alias, and the extra conversion would only cost time.
    if (text.includes('*')) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      errors: [{ file, line: 1, message: `YAML not accepted: ${(error as Error).message.split('\n')[0]}` }],
    };
  }
  if (doc.contents === null) return { errors: [] };
  const budget = { nodes: 0 };
  try {
    const ctx: Ctx = { file, doc, lineCounter, budget, resolving: new Set(), duplicates: [] };
    const root = convert(doc.contents as YamlNode, ctx);
    // The old docker-compose (PyYAML) read a repeated key with the last value winning: read it so, and say so.
    const errors = ctx.duplicates.map(({ key, line, first }) => ({
      file,
      line,
      message: `'${key}' is repeated (earlier at line ${first}): docker compose v2 rejects a repeated key; it was read with the last value winning, as the old docker-compose did. Keep one '${key}'.`,
    }));
    return { root, errors };
  } catch (error) {
    return { errors: [{ file, line: 1, message: `YAML not accepted: ${(error as Error).message}` }] };
  }
}

interface Ctx {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  budget: { nodes: number };
  resolving: Set<YamlNode>;
  /** Keys repeated in one mapping, at the repeating line, with the line of the first. */
  duplicates: { key: string; line: number; first: number }[];
}

function lineOf(node: { range?: [number, number, number] | null } | null | undefined, ctx: Ctx): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : ctx.lineCounter.linePos(offset).line;
}

function convert(node: YamlNode | null | undefined, ctx: Ctx, at?: number): YNode {
  if (++ctx.budget.nodes > MAX_NODES) throw new Error('too many nodes after alias expansion');
  if (node === null || node === undefined) {
    return { kind: 'scalar', value: null, block: false, file: ctx.file, line: at ?? 1 };
  }
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc) as YamlNode | undefined;
    if (!target || ctx.resolving.has(target)) throw new Error(`unresolvable alias *${node.source}`);
    ctx.resolving.add(target);
    try {
      return convert(target, ctx);
    } finally {
      ctx.resolving.delete(target);
    }
  }
  const line = lineOf(node, ctx);
  const tag = node.tag === '!reset' ? 'reset' : node.tag === '!override' ? 'override' : undefined;
  const tagged: { tag?: 'reset' | 'override' } = tag ? { tag } : {};
  if (isScalar(node)) {
    const v = node.value;
    const value =
      v === null || v === undefined
        ? null
        : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : typeof v === 'bigint'
            ? Number(v)
            : v instanceof Date
              ? (node.source ?? v.toISOString())
              : String(node.source ?? '');
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    return { kind: 'scalar', value: tag === 'reset' ? null : value, block, file: ctx.file, line, ...tagged };
  }
  if (isSeq(node)) {
    return {
      kind: 'seq',
      items: node.items.map((item) => convert(item as YamlNode, ctx, line)),
      file: ctx.file,
      line,
      ...tagged,
    };
  }
  if (isMap(node)) {
    const entries: YEntry[] = [];
    const index = new Map<string, number>();
    const merged: YEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const keyLine = lineOf(key, ctx);
      if (isScalar(key) && (key.source === '<<' || typeof key.value === 'symbol')) {
        // `<<: *x` or `<<: [*x, *y]`: the first source wins among merged ones, explicit keys win over all.
        const sources = convert(pair.value as YamlNode, ctx, keyLine);
        const maps = sources.kind === 'seq' ? sources.items : [sources];
        for (const m of maps) {
          if (m.kind !== 'map') continue;
          for (const e of m.entries) if (!merged.some((x) => x.key === e.key)) merged.push(e);
        }
        continue;
      }
      const keyText = isScalar(key)
        ? String(key.value ?? '')
        : isAlias(key)
          ? aliasKey(key, ctx)
          : String(key);
      const value = convert(pair.value as YamlNode, ctx, keyLine);
      const entry: YEntry = { key: keyText, line: keyLine, file: ctx.file, value };
      const existing = index.get(keyText);
      if (existing !== undefined) {
        // An alias expands the same mapping again: its repeated key is said once.
        if (!ctx.duplicates.some((d) => d.line === keyLine && d.key === keyText))
          ctx.duplicates.push({ key: keyText, line: keyLine, first: entries[existing]!.line });
        entries[existing] = entry;
      } else index.set(keyText, entries.push(entry) - 1);
    }
    for (const e of merged) if (!index.has(e.key)) entries.push(e);
    return { kind: 'map', entries, file: ctx.file, line, ...tagged };
  }
  return { kind: 'scalar', value: null, block: false, file: ctx.file, line };
}

function aliasKey(alias: YamlNode, ctx: Ctx): string {
  const target = isAlias(alias) ? alias.resolve(ctx.doc) : undefined;
  return isScalar(target) ? String(target.value ?? '') : '';
}

/** The entry of a map by key. */
export function entryOf(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}
