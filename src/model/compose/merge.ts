/** Merging service mappings (override files and `extends`) by compose's rules. */
import { entryOf } from '../../parse/compose.js';
import type { YMap, YNode } from '../../parse/compose.js';
import { interpolate } from './interpolation.js';
import { buildAsMap, keyedAsMap, plain, scalarString } from './yaml-nodes.js';

type Env = Record<string, string>;

type Rule = 'replace' | 'append' | 'keyed' | 'volumes' | 'uniqueAppend' | { map: Record<string, Rule> };

/** How each service key merges: mappings merged, sequences appended, except these. */
export const SERVICE_RULES: Record<string, Rule> = {
  command: 'replace',
  entrypoint: 'replace',
  environment: 'keyed',
  labels: 'keyed',
  annotations: 'keyed',
  depends_on: 'keyed',
  volumes: 'volumes',
  ports: 'uniqueAppend',
  expose: 'uniqueAppend',
  dns: 'uniqueAppend',
  dns_search: 'uniqueAppend',
  env_file: 'uniqueAppend',
  secrets: 'uniqueAppend',
  healthcheck: { map: { test: 'replace' } },
  build: { map: { args: 'keyed', labels: 'keyed' } },
};

export function mergeMaps(base: YMap, over: YMap, env: Env, rules: Record<string, Rule>): YMap {
  const entries = [...base.entries];
  for (const e of over.entries) {
    const i = entries.findIndex((x) => x.key === e.key);
    if (e.value.tag === 'reset') {
      if (i >= 0) entries.splice(i, 1);
    } else if (i < 0) entries.push(e);
    else if (e.value.tag === 'override') entries[i] = e;
    else entries[i] = { ...e, value: mergeValue(entries[i]!.value, e.value, env, rules[e.key], e.key) };
  }
  return { ...over, entries: entries.filter((e) => e.value.tag !== 'reset') };
}

function mergeValue(a: YNode, b: YNode, env: Env, rule: Rule | undefined, key: string): YNode {
  if (rule === 'replace') return b;
  if (key === 'build') {
    a = buildAsMap(a);
    b = buildAsMap(b);
  }
  if (rule === 'keyed') {
    const am = keyedAsMap(a);
    const bm = keyedAsMap(b);
    return am && bm ? mergeMaps(am, bm, env, {}) : b;
  }
  if (a.kind === 'seq' && b.kind === 'seq') {
    if (rule === 'volumes') {
      const targets = new Set(b.items.map((i) => volumeTarget(i, env)).filter((t) => t !== undefined));
      return {
        ...b,
        items: [...a.items.filter((i) => !targets.has(volumeTarget(i, env) ?? '\0')), ...b.items],
      };
    }
    if (rule === 'uniqueAppend') {
      const seen = new Set(a.items.map(identity));
      return { ...b, items: [...a.items, ...b.items.filter((i) => !seen.has(identity(i)))] };
    }
    return { ...b, items: [...a.items, ...b.items] };
  }
  if (a.kind === 'map' && b.kind === 'map')
    return mergeMaps(a, b, env, typeof rule === 'object' ? rule.map : {});
  return b;
}

function identity(n: YNode): string {
  return n.kind === 'scalar' ? String(n.value) : JSON.stringify(plain(n));
}
function volumeTarget(n: YNode, env: Env): string | undefined {
  if (n.kind === 'map') return scalarString(entryOf(n, 'target')?.value);
  if (n.kind !== 'scalar' || n.value === null) return undefined;
  const parts = interpolate(String(n.value), env).value.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}
