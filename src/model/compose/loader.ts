/** Loading compose files (top-level shape checked) and resolving each service's `extends` chain. */
import { posix } from 'node:path';
import { entryOf, parseComposeYaml } from '../../parse/compose.js';
import type { YEntry, YMap, YNode } from '../../parse/compose.js';
import type { ParseError } from '../types/project.js';
import { mergeMaps, SERVICE_RULES } from './merge.js';
import { isNull, kindOf, relPath, scalarString } from './yaml-nodes.js';

type Env = Record<string, string>;

interface LoadedFile {
  services: Map<string, YEntry>;
  volumes: string[];
  /** No YAML document at all (an empty file, or only comments): compose skips it. */
  empty?: true;
}

export class Loader {
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
      // A tree comes with errors only for repeated keys, read with the last value winning.
      if (root !== undefined || errors.length === 0) loaded = this.shape(file, root);
    }
    this.cache.set(file, loaded);
    return loaded;
  }

  private shape(file: string, root: YNode | undefined): LoadedFile | undefined {
    const services = new Map<string, YEntry>();
    const volumes: string[] = [];
    if (root === undefined) return { services, volumes, empty: true };
    if (root.kind !== 'map') {
      this.errors.push({
        file,
        line: root.line,
        message: 'a compose file must be a mapping at the top level',
      });
      return undefined;
    }
    const s = entryOf(root, 'services');
    const legacy = s ? [] : composeServices(root);
    if (legacy.length > 0) {
      for (const e of legacy) services.set(e.key, e);
      this.errors.push({
        file,
        line: 1,
        message: `${file} uses the legacy version-1 format (services at the top level, no 'services:' key), which docker compose v2 rejects; it was read as that format, each top-level entry a service. Move the services under a top-level 'services:' key.`,
      });
      return { services, volumes };
    }
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

/**
 * The services a compose document defines, whatever its format: the entries of its `services:` mapping, or the
 * top-level services of a legacy version-1 file (their `dockerfile:` moved under `build`); none for anything else.
 */
export function composeServices(root: YNode | undefined): YEntry[] {
  if (root?.kind !== 'map') return [];
  const s = entryOf(root, 'services');
  if (s) return s.value.kind === 'map' ? s.value.entries : [];
  return legacyServices(root).map(legacyBuild);
}

/**
 * A version-1 service with its service-level `dockerfile:` (beside `build: path`) moved under `build`, where the later
 * formats keep it: version 1 named the Dockerfile there, relative to the build context as `build.dockerfile` is.
 */
function legacyBuild(e: YEntry): YEntry {
  const service = e.value;
  if (service.kind !== 'map') return e;
  const build = entryOf(service, 'build');
  const dockerfile = entryOf(service, 'dockerfile');
  if (!build || !dockerfile || build.value.kind !== 'scalar' || build.value.value === null) return e;
  const context: YEntry = { key: 'context', line: build.line, file: build.file, value: build.value };
  const moved: YEntry = {
    ...build,
    value: { kind: 'map', file: build.file, line: build.line, entries: [context, dockerfile] },
  };
  const entries = service.entries.filter((k) => k !== dockerfile).map((k) => (k === build ? moved : k));
  return { ...e, value: { ...service, entries } };
}

/** Keys a version-1 service has; an entry with one of them at the top level of a file with no `services:` is one. */
const LEGACY_SERVICE_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'ports',
  'links',
  'volumes',
  'environment',
  'expose',
  'env_file',
]);
/** Top-level keys of the later formats, never a service. */
const TOP_LEVEL_KEYS = new Set([
  'version',
  'name',
  'services',
  'volumes',
  'networks',
  'secrets',
  'configs',
  'include',
]);

/**
 * The services of a legacy (version 1) compose file: the top-level mappings that look like services, when at least
 * one of them builds or pulls an image; none for any other file.
 */
function legacyServices(root: YMap): YEntry[] {
  const candidates = root.entries.filter(
    (e) =>
      !TOP_LEVEL_KEYS.has(e.key) &&
      !e.key.startsWith('x-') &&
      e.value.kind === 'map' &&
      e.value.entries.some((k) => LEGACY_SERVICE_KEYS.has(k.key)),
  );
  const pullsOrBuilds = candidates.some(
    (e) => e.value.kind === 'map' && e.value.entries.some((k) => k.key === 'image' || k.key === 'build'),
  );
  return pullsOrBuilds ? candidates : [];
}
