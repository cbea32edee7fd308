import { posix } from 'node:path';
import { entryOf, parseComposeYaml } from '../parse/compose.js';
import type { YEntry, YMap, YNode, YScalar } from '../parse/compose.js';
import { parseShell } from '../parse/shell.js';
import type {
  ComposeAt,
  ComposeBuild,
  ComposeCommand,
  ComposeEnvEntry,
  ComposeModel,
  ComposePort,
  ComposeService,
  ComposeVolumeMount,
} from './types/compose.js';
import type { ParseError } from './types/project.js';

type Env = Record<string, string>;

export interface ComposeOptions {
  /**
   * Texts of other files by path relative to the scanned directory: files named by `extends.file` and `env_file`.
   * Missing ones are skipped silently (discovery may not have read them).
   */
  texts?: Record<string, string>;
}

/**
 * Compose files (base first, then overrides, in merge order) → one merged model with positions.
 * `env` holds the variables for interpolation (the project's .env file); pure, never throws.
 */
export function modelCompose(
  files: { file: string; text: string }[],
  env: Record<string, string>,
  options: ComposeOptions = {},
): { model?: ComposeModel; errors: ParseError[] } {
  const errors: ParseError[] = [];
  try {
    return build(files, env, options, errors);
  } catch (error) {
    // A bug here must not stop the review: report it like an unreadable file.
    const message = `compose files could not be modelled: ${(error as Error).message}`;
    return { errors: [...errors, { file: files[0]?.file ?? '.', message }] };
  }
}

function build(
  files: { file: string; text: string }[],
  env: Env,
  options: ComposeOptions,
  errors: ParseError[],
): { model?: ComposeModel; errors: ParseError[] } {
  const loader = new Loader(files, options.texts ?? {}, env, errors);
  const projectDir = files.length > 0 ? posix.dirname(files[0]!.file) : '.';
  const dirFor = (file: string): string => (loader.mergeFiles.has(file) ? projectDir : posix.dirname(file));

  const used: string[] = [];
  const merged = new Map<string, { name: string; file: string; line: number; node: YMap }>();
  const volumes = new Set<string>();
  for (const { file } of files) {
    const doc = loader.load(file);
    if (!doc) continue;
    used.push(file);
    for (const name of doc.services.keys()) {
      const resolved = loader.resolve(file, name, []);
      if (!resolved) continue;
      const prev = merged.get(name);
      if (prev) prev.node = mergeMaps(prev.node, resolved.node, env, SERVICE_RULES);
      else merged.set(name, { name, file, line: resolved.line, node: resolved.node });
    }
    for (const v of doc.volumes) volumes.add(v);
  }
  if (used.length === 0) return { errors };

  const conv = new Converter(env, dirFor, loader.texts, errors);
  const services = [...merged.values()].map((s) => conv.service(s.name, s.file, s.line, s.node));
  const appService = pickAppService(services);
  if (appService) appService.role = 'app';
  return { model: { files: used, services, appService, volumes: [...volumes] }, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Interpolation

/**
 * Compose interpolation: `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`, `${VAR:+r}`, `${VAR+r}`, `$VAR`,
 * `$$` for a literal `$`. Unset variables become '' as in compose; `${VAR:?err}` does not fail here because the
 * variable may well be set where the stack is deployed.
 */
export function interpolate(raw: string, env: Env): { value: string; interpolated: boolean } {
  let out = '';
  let interpolated = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = raw[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(raw, i + 1);
      const m =
        end < 0 ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(raw.slice(i + 2, end));
      if (!m) {
        out += c; // not a valid expression: compose would refuse it, keep it literal
        i++;
        continue;
      }
      interpolated = true;
      const name = m[1]!;
      const op = m[2];
      const isSet = Object.prototype.hasOwnProperty.call(env, name);
      const val = isSet ? env[name]! : '';
      const present = op?.startsWith(':') ? val !== '' : isSet;
      const arg = (): string => interpolate(m[3] ?? '', env).value;
      if (op === undefined) out += val;
      else if (op.endsWith('-')) out += present ? val : arg();
      else if (op.endsWith('?')) out += val;
      else out += present ? arg() : '';
      i = end + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
    if (name) {
      interpolated = true;
      out += Object.prototype.hasOwnProperty.call(env, name[0]) ? env[name[0]] : '';
      i += 1 + name[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return { value: out, interpolated };
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `.env` / env_file text → entries with lines. `KEY` alone has no value. */
export function parseDotenv(text: string): { name: string; value?: string; line: number }[] {
  const out: { name: string; value?: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) return;
    let value = m[2];
    if (value !== undefined) {
      const q = value[0];
      if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) value = value.slice(1, value.lastIndexOf(q));
      else value = value.replace(/\s+#.*$/, '').trim();
    }
    out.push({ name: m[1]!, value, line: i + 1 });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading files and resolving `extends`

interface LoadedFile {
  services: Map<string, YEntry>;
  volumes: string[];
}

class Loader {
  readonly mergeFiles: Set<string>;
  private readonly cache = new Map<string, LoadedFile | undefined>();
  private readonly resolved = new Map<string, { node: YMap; line: number } | undefined>();

  constructor(
    files: { file: string; text: string }[],
    readonly texts: Record<string, string>,
    private readonly env: Env,
    private readonly errors: ParseError[],
  ) {
    this.mergeFiles = new Set(files.map((f) => f.file));
    this.sources = new Map(files.map((f) => [f.file, f.text]));
  }
  private readonly sources: Map<string, string>;

  load(file: string): LoadedFile | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = this.sources.get(file) ?? this.texts[file];
    let loaded: LoadedFile | undefined;
    if (text !== undefined) {
      const { root, errors } = parseComposeYaml(file, text);
      this.errors.push(...errors);
      if (errors.length === 0) loaded = this.shape(file, root);
    }
    this.cache.set(file, loaded);
    return loaded;
  }

  private shape(file: string, root: YNode | undefined): LoadedFile | undefined {
    const services = new Map<string, YEntry>();
    const volumes: string[] = [];
    if (root === undefined) return { services, volumes };
    if (root.kind !== 'map') {
      this.errors.push({
        file,
        line: root.line,
        message: 'a compose file must be a mapping at the top level',
      });
      return undefined;
    }
    const s = entryOf(root, 'services');
    if (s && s.value.kind === 'map') {
      for (const e of s.value.entries) {
        if (e.value.kind === 'map' || (e.value.kind === 'scalar' && e.value.value === null))
          services.set(e.key, e);
        else
          this.errors.push({
            file,
            line: e.line,
            message: `service '${e.key}' must be a mapping, found ${kindOf(e.value)}`,
          });
      }
    } else if (s && !isNull(s.value)) {
      this.errors.push({
        file,
        line: s.line,
        message: `'services' must be a mapping, found ${kindOf(s.value)}`,
      });
    }
    const v = entryOf(root, 'volumes');
    if (v && v.value.kind === 'map') volumes.push(...v.value.entries.map((e) => e.key));
    else if (v && !isNull(v.value)) {
      this.errors.push({
        file,
        line: v.line,
        message: `top-level 'volumes' must be a mapping, found ${kindOf(v.value)}`,
      });
    }
    return { services, volumes };
  }

  /** The service `name` of `file` with its `extends` chain applied. `stack` holds the chain being resolved. */
  resolve(file: string, name: string, stack: string[]): { node: YMap; line: number } | undefined {
    const key = `${file}#${name}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const entry = this.load(file)?.services.get(name);
    if (!entry) return undefined;
    const own: YMap =
      entry.value.kind === 'map' ? entry.value : { kind: 'map', entries: [], file, line: entry.line };
    let node = own;
    const ext = entryOf(own, 'extends');
    if (ext) {
      node = { ...own, entries: own.entries.filter((e) => e.key !== 'extends') };
      const target = this.extendsTarget(file, ext);
      if (target) {
        const targetKey = `${target.file}#${target.service}`;
        if (stack.includes(targetKey) || targetKey === key) {
          this.errors.push({ file, line: ext.line, message: `'extends' of service '${name}' forms a cycle` });
        } else if (this.load(target.file)) {
          const base = this.resolve(target.file, target.service, [...stack, key]);
          if (base) node = mergeMaps(base.node, node, this.env, SERVICE_RULES);
          else {
            this.errors.push({
              file,
              line: ext.line,
              message: `service '${name}' extends '${target.service}', which ${target.file} does not define`,
            });
          }
        }
      }
    }
    const result = { node, line: entry.line };
    this.resolved.set(key, result);
    return result;
  }

  private extendsTarget(file: string, ext: YEntry): { file: string; service: string } | undefined {
    const v = ext.value;
    if (v.kind === 'scalar' && typeof v.value === 'string') return { file, service: v.value };
    if (v.kind === 'map') {
      const service = scalarString(entryOf(v, 'service')?.value);
      const other = scalarString(entryOf(v, 'file')?.value);
      if (service) return { file: other ? relPath(posix.dirname(file), other) : file, service };
    }
    this.errors.push({
      file,
      line: ext.line,
      message: "'extends' must name a service (string or {service, file})",
    });
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Merging (override files and extends), compose's rules

type Rule = 'replace' | 'append' | 'keyed' | 'volumes' | 'uniqueAppend' | { map: Record<string, Rule> };

/** How each service key merges: mappings merged, sequences appended, except these. */
const SERVICE_RULES: Record<string, Rule> = {
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

function mergeMaps(base: YMap, over: YMap, env: Env, rules: Record<string, Rule>): YMap {
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
function plain(n: YNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

function buildAsMap(n: YNode): YNode {
  if (n.kind !== 'scalar' || n.value === null) return n;
  return {
    kind: 'map',
    file: n.file,
    line: n.line,
    entries: [{ key: 'context', line: n.line, file: n.file, value: n }],
  };
}

/** `- KEY=value` / `- KEY` / `- name` lists as mappings keyed by name, each entry keeping its item's line. */
function keyedAsMap(n: YNode): YMap | undefined {
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

function volumeTarget(n: YNode, env: Env): string | undefined {
  if (n.kind === 'map') return scalarString(entryOf(n, 'target')?.value);
  if (n.kind !== 'scalar' || n.value === null) return undefined;
  const parts = interpolate(String(n.value), env).value.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion of a merged service into the model, with errors for values of the wrong type

class Converter {
  constructor(
    private readonly env: Env,
    private readonly dirFor: (file: string) => string,
    private readonly texts: Record<string, string>,
    private readonly errors: ParseError[],
  ) {}

  private wrong(e: { file: string; line: number }, what: string, expected: string, found: YNode): void {
    this.errors.push({
      file: e.file,
      line: e.line,
      message: `${what} must be ${expected}, found ${kindOf(found)}`,
    });
  }

  private str(n: YScalar): { value: string; raw: string; interpolated: boolean } {
    const raw = String(n.value);
    return {
      raw,
      ...(typeof n.value === 'string' ? interpolate(raw, this.env) : { value: raw, interpolated: false }),
    };
  }

  service(name: string, file: string, line: number, node: YMap): ComposeService {
    const s: ComposeService = {
      name,
      file,
      line,
      environment: [],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: 'other',
    };
    const where = `services.${name}`;
    for (const e of node.entries) {
      const v = e.value;
      const what = `${where}.${e.key}`;
      if (isNull(v)) continue;
      switch (e.key) {
        case 'image':
          if (v.kind === 'scalar') s.image = this.image(e, v);
          else this.wrong(e, what, 'a string', v);
          break;
        case 'build':
          s.build = this.build(e, what);
          break;
        case 'command':
        case 'entrypoint': {
          const c = this.command(e, what);
          if (c) s[e.key] = c;
          break;
        }
        case 'environment':
          s.environment = this.envEntries(e, what).map((x) => ({ ...x, source: 'environment' as const }));
          break;
        case 'env_file':
          s.envFiles = this.envFiles(e, what);
          break;
        case 'ports':
          s.ports = this.list(e, what, (item) => this.port(item, what));
          break;
        case 'expose':
          s.expose = this.list(e, what, (item) => {
            if (item.kind !== 'scalar') {
              this.wrong(item, `${what} item`, 'a port', item);
              return undefined;
            }
            const raw = this.str(item).value;
            const m = /^(\d+)(?:\/\w+)?$/.exec(raw);
            return { file: item.file, line: item.line, raw, port: m ? Number(m[1]) : undefined };
          });
          break;
        case 'volumes':
          s.volumes.push(...this.list(e, what, (item) => this.volume(item, what)));
          break;
        case 'tmpfs': {
          const items = v.kind === 'seq' ? v.items : [v];
          for (const item of items) {
            if (item.kind !== 'scalar' || item.value === null) continue;
            const target = this.str(item).value.split(':')[0]!;
            s.volumes.push({ file: item.file, line: item.line, type: 'tmpfs', target, readOnly: false });
          }
          break;
        }
        case 'depends_on': {
          const m = keyedAsMap(v);
          if (!m) {
            this.wrong(e, what, 'a list or a mapping', v);
            break;
          }
          for (const d of m.entries) {
            const cond = scalarString(entryOf(d.value, 'condition')?.value);
            s.dependsOn.push({
              file: d.file,
              line: d.line,
              service: d.key,
              ...(cond ? { condition: cond } : {}),
            });
          }
          break;
        }
        case 'healthcheck':
          if (v.kind === 'map') {
            const test = entryOf(v, 'test')?.value;
            const disable = entryOf(v, 'disable')?.value;
            const none =
              (test?.kind === 'seq' && test.items[0]?.kind === 'scalar' && test.items[0].value === 'NONE') ||
              (test?.kind === 'scalar' && test.value === 'NONE');
            s.healthcheck = {
              file: e.file,
              line: e.line,
              disabled: (disable?.kind === 'scalar' && disable.value === true) || none,
            };
          } else this.wrong(e, what, 'a mapping', v);
          break;
        case 'container_name':
          if (v.kind === 'scalar') {
            const name = this.str(v);
            s.containerName = { file: e.file, line: e.line, value: name.value, raw: name.raw };
          } else this.wrong(e, what, 'a string', v);
          break;
        case 'secrets':
          for (const item of this.list(e, what, (i) => i)) {
            const secret =
              item.kind === 'map' ? scalarString(entryOf(item, 'source')?.value) : scalarString(item);
            if (secret) s.secrets.push(secret);
          }
          break;
        default:
          break;
      }
    }
    this.addEnvFileEntries(s);
    if (s.image) s.role = roleOf(s.image.repository);
    return s;
  }

  private list<T>(e: YEntry, what: string, each: (item: YNode) => T | undefined): T[] {
    if (e.value.kind !== 'seq') {
      this.wrong(e, what, 'a list', e.value);
      return [];
    }
    const out: T[] = [];
    for (const item of e.value.items) {
      if (isNull(item)) continue;
      const r = each(item);
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  private image(e: YEntry, v: YScalar): ComposeService['image'] {
    const { value, raw, interpolated } = this.str(v);
    return { file: e.file, line: e.line, value, ...splitImage(value), raw, interpolated };
  }

  private build(e: YEntry, what: string): ComposeBuild | undefined {
    const n = buildAsMap(e.value);
    if (n.kind !== 'map') {
      this.wrong(e, what, 'a string or a mapping', e.value);
      return undefined;
    }
    const ctxNode = entryOf(n, 'context')?.value;
    const ctxFile = ctxNode?.file ?? e.file;
    let context = relPath(this.dirFor(ctxFile), '.');
    if (ctxNode?.kind === 'scalar' && ctxNode.value !== null) {
      const raw = this.str(ctxNode).value;
      // A git URL or remote context is not in the repository: keep it as written.
      context = /^[a-z]+:\/\/|^git@/.test(raw) ? raw : relPath(this.dirFor(ctxFile), raw || '.');
    } else if (ctxNode && !isNull(ctxNode)) this.wrong(ctxNode, `${what}.context`, 'a string', ctxNode);
    const df = entryOf(n, 'dockerfile')?.value;
    const dfName = df?.kind === 'scalar' && df.value !== null ? this.str(df).value : 'Dockerfile';
    const dockerfile = dfName.startsWith('/') ? dfName : relPath(context, dfName);
    const targetNode = entryOf(n, 'target')?.value;
    const target =
      targetNode?.kind === 'scalar' && targetNode.value !== null ? this.str(targetNode).value : undefined;
    const argsEntry = entryOf(n, 'args');
    const argEntries =
      argsEntry && !isNull(argsEntry.value) ? this.envEntries(argsEntry, `${what}.args`) : [];
    const args: Record<string, string | undefined> = {};
    for (const a of argEntries) args[a.name] = a.value;
    return {
      file: e.file,
      line: e.line,
      context,
      dockerfile,
      ...(target !== undefined ? { target } : {}),
      args,
      argEntries,
    };
  }

  private command(e: YEntry, what: string): ComposeCommand | undefined {
    const v = e.value;
    if (v.kind === 'scalar') {
      const { value, raw } = this.str(v);
      return { file: e.file, line: e.line, raw, script: parseShell(value, v.block ? v.line + 1 : v.line) };
    }
    if (v.kind === 'seq') {
      const argv: string[] = [];
      const raws: string[] = [];
      for (const item of v.items) {
        if (item.kind !== 'scalar' || item.value === null) {
          this.wrong(item, `${what} item`, 'a string', item);
          continue;
        }
        const { value, raw } = this.str(item);
        argv.push(value);
        raws.push(raw);
      }
      return { file: e.file, line: e.line, argv, raw: JSON.stringify(raws) };
    }
    this.wrong(e, what, 'a string or a list', v);
    return undefined;
  }

  /** environment / build.args as a mapping or a `KEY=value` list. A bare `KEY` (or `KEY:` with no value) has no value. */
  private envEntries(e: YEntry, what: string): Omit<ComposeEnvEntry, 'source'>[] {
    if (e.value.kind === 'seq') {
      for (const item of e.value.items) {
        if (item.kind !== 'scalar' || item.value === null)
          this.wrong(item, `${what} item`, 'a KEY=value string', item);
      }
    }
    const m = keyedAsMap(e.value);
    if (!m) {
      this.wrong(e, what, 'a mapping or a list', e.value);
      return [];
    }
    const out: Omit<ComposeEnvEntry, 'source'>[] = [];
    for (const x of m.entries) {
      if (x.value.kind !== 'scalar') {
        this.wrong(x, `${what}.${x.key}`, 'a string', x.value);
        continue;
      }
      if (x.value.value === null) {
        out.push({ file: x.file, line: x.line, name: x.key, interpolated: false });
        continue;
      }
      const { value, raw, interpolated } = this.str(x.value);
      out.push({ file: x.file, line: x.line, name: x.key, value, raw, interpolated });
    }
    return out;
  }

  private envFiles(e: YEntry, what: string): (ComposeAt & { path: string })[] {
    const items = e.value.kind === 'seq' ? e.value.items : [e.value];
    const out: (ComposeAt & { path: string })[] = [];
    for (const item of items) {
      const p = item.kind === 'map' ? entryOf(item, 'path')?.value : item;
      if (p?.kind !== 'scalar' || p.value === null) {
        this.wrong(item, `${what} item`, 'a path or {path}', item);
        continue;
      }
      const at = e.value.kind === 'seq' ? item : e;
      out.push({ file: at.file, line: at.line, path: relPath(this.dirFor(p.file), this.str(p).value) });
    }
    return out;
  }

  /** Variables of readable env_files that `environment:` does not set (environment wins, as in compose). */
  private addEnvFileEntries(s: ComposeService): void {
    const named = new Set(s.environment.map((x) => x.name));
    for (const f of s.envFiles) {
      const text = this.texts[f.path];
      if (text === undefined) continue;
      for (const x of parseDotenv(text)) {
        if (named.has(x.name)) continue;
        named.add(x.name);
        const r = x.value === undefined ? undefined : interpolate(x.value, this.env);
        s.environment.push({
          file: f.path,
          line: x.line,
          name: x.name,
          ...(r ? { value: r.value, raw: x.value } : {}),
          interpolated: r?.interpolated ?? false,
          source: 'env_file',
        });
      }
    }
  }

  private port(item: YNode, what: string): ComposePort | undefined {
    if (item.kind === 'map') {
      const t = entryOf(item, 'target')?.value;
      const p = entryOf(item, 'published')?.value;
      const ip = entryOf(item, 'host_ip')?.value;
      const target = t?.kind === 'scalar' ? Number(this.str(t).value) : NaN;
      return {
        file: item.file,
        line: item.line,
        raw: JSON.stringify(plain(item)),
        ...(Number.isInteger(target) ? { target } : {}),
        ...(p?.kind === 'scalar' && p.value !== null ? { published: this.str(p).value } : {}),
        ...(ip?.kind === 'scalar' && ip.value !== null ? { hostIp: this.str(ip).value } : {}),
      };
    }
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a port string or mapping', item);
      return undefined;
    }
    const { value, raw } = this.str(item);
    let rest = value.replace(/\/\w+$/, '');
    let hostIp: string | undefined;
    const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
    if (v6) {
      hostIp = v6[1];
      rest = v6[2]!;
    }
    const parts = rest.split(':');
    if (!v6 && parts.length === 3) hostIp = parts.shift();
    const containerPart = parts[parts.length - 1]!;
    const published = parts.length > 1 ? parts[0] : undefined;
    return {
      file: item.file,
      line: item.line,
      raw,
      ...(/^\d+$/.test(containerPart) ? { target: Number(containerPart) } : {}),
      ...(published !== undefined ? { published } : {}),
      ...(hostIp !== undefined ? { hostIp } : {}),
    };
  }

  private volume(item: YNode, what: string): ComposeVolumeMount | undefined {
    if (item.kind === 'map') {
      const type = scalarString(entryOf(item, 'type')?.value) ?? 'volume';
      const srcNode = entryOf(item, 'source')?.value;
      const tgtNode = entryOf(item, 'target')?.value;
      const ro = entryOf(item, 'read_only')?.value;
      if (tgtNode?.kind !== 'scalar' || tgtNode.value === null) {
        this.wrong(item, `${what} item`, 'a mapping with a target', item);
        return undefined;
      }
      if (type !== 'bind' && type !== 'volume' && type !== 'tmpfs') return undefined;
      const src = srcNode?.kind === 'scalar' && srcNode.value !== null ? this.str(srcNode).value : undefined;
      return {
        file: item.file,
        line: item.line,
        type,
        ...(src ? { source: type === 'bind' ? this.hostPath(srcNode!.file, src) : src } : {}),
        target: this.str(tgtNode).value,
        readOnly: ro?.kind === 'scalar' && (ro.value === true || ro.value === 'true'),
      };
    }
    if (item.kind !== 'scalar') {
      this.wrong(item, `${what} item`, 'a volume string or mapping', item);
      return undefined;
    }
    const { value, raw } = this.str(item);
    const parts = value.split(':');
    const at = { file: item.file, line: item.line };
    if (parts.length === 1) return { ...at, type: 'volume', target: parts[0]!, readOnly: false };
    const [src, target, mode] = parts as [string, string, string | undefined];
    const readOnly = (mode ?? '').split(',').includes('ro');
    const bind = /^[./~]/.test(src) || (src === '' && raw.startsWith('$'));
    if (bind)
      return {
        ...at,
        type: 'bind',
        ...(src ? { source: this.hostPath(item.file, src) } : {}),
        target,
        readOnly,
      };
    return { ...at, type: 'volume', ...(src ? { source: src } : {}), target, readOnly };
  }

  private hostPath(file: string, src: string): string {
    return src.startsWith('/') || src.startsWith('~') ? src : relPath(this.dirFor(file), src);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** `dir` joined with `p`, normalised, relative to the scanned directory ('.' for it). Absolute `p` is kept. */
function relPath(dir: string, p: string): string {
  if (p.startsWith('/')) return posix.normalize(p);
  const joined = posix.normalize(posix.join(dir, p));
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function isNull(n: YNode | undefined): boolean {
  return n === undefined || (n.kind === 'scalar' && n.value === null);
}

function kindOf(n: YNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  return n.value === null ? 'nothing' : `a ${typeof n.value}`;
}

function scalarString(n: YNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/** Splits an image reference; a ':' before the last '/' is a registry port, not a tag. */
export function splitImage(ref: string): { repository: string; tag?: string; digest?: string } {
  let name = ref;
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    name = ref.slice(0, at);
    digest = ref.slice(at + 1);
  }
  const colon = name.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return {
    repository: name,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

const ROLES: [RegExp, ComposeService['role']][] = [
  [/^(postgres(ql)?|postgis|timescaledb(-ha)?|pgvector)$/, 'postgres'],
  [/^mysql(-server)?$/, 'mysql'],
  [/^mariadb$/, 'mariadb'],
  [/^(redis(-stack(-server)?)?|valkey|keydb)$/, 'redis'],
];

/** Backing-service kind from the image repository's last path segment (postgis/postgis → postgres). */
export function roleOf(repository: string): ComposeService['role'] {
  const last = repository.split('/').pop()!.toLowerCase();
  return ROLES.find(([re]) => re.test(last))?.[1] ?? 'other';
}

const DJANGO_START = /manage\.py|gunicorn|uwsgi|daphne|uvicorn|django/i;

/**
 * The app service: the one that builds an image (among several, the one whose command, entrypoint or build
 * context mentions manage.py/gunicorn/django, else the first); with no build, the first whose command runs
 * manage.py/gunicorn/uwsgi. Building is the strongest sign, since the review is about the image built from here.
 */
function pickAppService(services: ComposeService[]): ComposeService | undefined {
  const mentions = (s: ComposeService, withContext: boolean): boolean =>
    [s.command?.raw, s.entrypoint?.raw, withContext ? s.build?.context : undefined].some(
      (t) => t !== undefined && DJANGO_START.test(t),
    );
  const built = services.filter((s) => s.build);
  if (built.length > 0) return built.find((s) => mentions(s, true)) ?? built[0];
  return services.find((s) => mentions(s, false));
}
