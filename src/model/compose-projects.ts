import {
  baseName,
  dirName,
  isComposeOverride,
  isYamlName,
  composeFilesAmong,
  joinPath,
  normalizeRelative,
} from '../discover/classify.js';
import { entryOf, parseComposeYaml, type YEntry, type YNode } from '../parse/compose.js';
import { parseDotenv } from '../parse/dotenv.js';
import { modelCompose } from './compose.js';
import { composeServices } from './compose/loader.js';
import { combinedComposeFiles, composeEnvFiles, composeFilesRunAlone } from '../discover/compose-commands.js';
import { relPath, scalarString } from './compose/yaml-nodes.js';
import { dockerfileDockerReads } from './dockerfile-name.js';
import { ModelPart } from './input.js';
import { readmeComposeCommands } from './readme-commands.js';
import type { ComposeModel } from './types/compose.js';

/** Names of the compose files Docker Compose picks up by itself, in its order of preference. */
const COMPOSE_BASES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_OVERRIDES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** Whether a compose file has the name of the override Docker Compose layers on its base (development settings). */
export function isComposeOverrideFile(path: string): boolean {
  return COMPOSE_OVERRIDES.includes(path.slice(path.lastIndexOf('/') + 1));
}

/** The compose files Docker Compose would merge for one project, and their model. */
export interface ComposeSet {
  dir: string;
  files: string[];
  model?: ComposeModel;
  /** Files of the set that could not be parsed (TF0001): what they declare is unknown. */
  unparsed?: string[];
  /** Files whose relative paths resolve from another directory than compose's rule says (see ComposeOptions). */
  pathsFrom?: Record<string, string>;
}

/** Finds and models the compose projects of the tree. */
export class ComposeProjects extends ModelPart {
  /** One compose project per directory holding compose files (or the files named in the inputs). */
  find(): ComposeSet[] {
    const given = this.tree.options.composeFiles?.map((f) => normalizeRelative(f) ?? f);
    const sets: ComposeSet[] = [];
    if (given && given.length > 0) {
      sets.push({ dir: dirName(given[0]), files: given.filter((f) => f in this.texts) });
    } else {
      const byDir = new Map<string, string[]>();
      const composeFiles = composeFilesAmong(this.texts).sort();
      // A file other compose files extend (`extends: {file: docker/common.yml}`) is analysed through them only.
      const extended = extendedFiles(composeFiles, this.texts);
      const bases = new Set([...extended.values()].flat());
      // Files a Makefile or script runs together (`-f app.yaml -f storages.yaml`) are analysed merged, as run.
      const yamlFiles = Object.keys(this.texts).filter(isYamlName);
      // A README's `docker compose -f base.yml -f debug.yml up` says so as well as a Makefile does.
      const documented = Object.fromEntries(
        Object.entries(this.tree.readmes ?? {}).map(([f, t]) => [f, readmeComposeCommands(f, t)]),
      );
      const combined = combinedComposeFiles(this.texts, yamlFiles, documented);
      for (const c of combined) sets.push({ dir: dirName(c.files[0]!), files: c.files });
      const mergedOnly = new Set(
        combined
          .flatMap((c) => c.files)
          .filter((f) => !COMPOSE_BASES.includes(baseName(f)) && !COMPOSE_OVERRIDES.includes(baseName(f))),
      );
      for (const f of composeFiles.filter((f) => !bases.has(f) && !mergedOnly.has(f))) {
        const d = dirName(f);
        byDir.set(d, [...(byDir.get(d) ?? []), f]);
      }
      for (const [dir, files] of byDir) {
        const names = files.map(baseName);
        let base = COMPOSE_BASES.find((b) => names.includes(b));
        // No default name: a lone variant (docker-compose.prod.yml) is the project's compose file.
        base ??= names.find((n) => !isComposeOverride(baseName(n)));
        const override = COMPOSE_OVERRIDES.find((o) => names.includes(o));
        const chosen = [base, override]
          .filter((n): n is string => n !== undefined)
          .map((n) => joinPath(dir, n));
        if (chosen.length > 0 && !sets.some((s) => s.files.join('\n') === chosen.join('\n')))
          sets.push({ dir, files: chosen });
        // Other variants (docker-compose.prod.yml, compose.production.yaml, docker-compose-deploy.yml) are
        // alternatives, each analysed on its own; one that builds and names no image is layered on the base.
        for (const name of names) {
          if (name === base || isComposeOverride(name) || COMPOSE_BASES.includes(name)) continue;
          const file = joinPath(dir, name);
          const baseFile = base === undefined ? undefined : joinPath(dir, base);
          const standalone =
            /^\s+(build|image)\s*:/m.test(this.texts[file] ?? '') || (extended.get(file) ?? []).length > 0;
          // A variant that defines no service (empty, or only a comment) adds nothing to run, merged or alone.
          if (!standalone && definesNoService(file, this.texts[file] ?? '')) continue;
          const layered =
            baseFile !== undefined &&
            (!standalone ||
              overridesBase(file, this.texts[file] ?? '', baseFile, this.texts[baseFile] ?? ''));
          const files = layered ? [baseFile, file] : [file];
          if (!sets.some((s) => s.files.join('\n') === files.join('\n'))) sets.push({ dir, files });
        }
      }
      this.placeSubdirectoryFiles(sets);
    }
    const commandEnv = this.commandEnvFiles(sets);
    for (const set of sets) {
      if (set.files.length === 0) continue;
      const fromCommand = commandEnv(set);
      const envText = this.texts[joinPath(set.dir, '.env')];
      const env = fromCommand
        ? Object.assign({}, ...fromCommand.files.map((f) => parseDotenv(this.texts[f] ?? '')))
        : envText === undefined
          ? {}
          : parseDotenv(envText);
      const r = modelCompose(
        set.files.map((file) => ({ file, text: this.texts[file] })),
        env,
        { texts: this.texts, files: this.files, ...(set.pathsFrom ? { pathsFrom: set.pathsFrom } : {}) },
      );
      this.addErrors(r.errors);
      if (r.model && fromCommand) r.model.envFilesFromCommand = fromCommand;
      const absent = (fromCommand?.files ?? [joinPath(set.dir, '.env')]).filter((f) => !(f in this.texts));
      if (r.model && absent.length > 0) r.model.absentInterpolationFiles = absent;
      if (r.model) noteRepositoryFiles(r.model, this.files);
      set.model = r.model;
      const unparsed = set.files.filter((f) => !r.model?.files.includes(f));
      if (unparsed.length > 0) set.unparsed = unparsed;
    }
    return sets;
  }

  /**
   * The env files the repository's own `docker compose --env-file X` commands run each set with. Where its commands
   * name different ones (`.env.dev` for one target, `.env.prod` for another), the production-named one: the deploy.
   */
  private commandEnvFiles(sets: ComposeSet[]): (set: ComposeSet) => ComposeModel['envFilesFromCommand'] {
    const isDefault = (f: string) =>
      COMPOSE_BASES.includes(baseName(f)) || COMPOSE_OVERRIDES.includes(baseName(f));
    const defaultFiles = (dir: string) =>
      sets.find((s) => s.dir === dir && s.files.length > 0 && s.files.every(isDefault))?.files;
    const yamlFiles = Object.keys(this.texts).filter(isYamlName);
    const commands = composeEnvFiles(this.texts, yamlFiles, defaultFiles);
    const production = (files: string[]) =>
      files.some((f) => /(^|[._-])(prod|production)([._-]|$)/.test(baseName(f)));
    return (set) => {
      const runs = commands.filter((c) => c.files.join('\n') === set.files.join('\n'));
      const chosen = runs.find((c) => production(c.envFiles)) ?? runs[0];
      return chosen && { files: chosen.envFiles, source: chosen.source };
    };
  }

  /**
   * Compose files in a subdirectory whose builds only make sense from another directory. One whose `build` finds no
   * Dockerfile from its own directory but finds it from the root is a template meant to be copied there: its paths
   * resolve from the root. One that overrides or repeats the services of the compose file in the directory its
   * build context names (`docker/docker-compose.override.yml` with `context: ..`) is layered on that file, its paths
   * from its own directory when they name nothing from the other's.
   */
  private placeSubdirectoryFiles(sets: ComposeSet[]): void {
    const exists = (context: string, dockerfile: string) => {
      const path = dockerfileDockerReads(joinPath(context, dockerfile), (f) => f in this.texts);
      return (normalizeRelative(path) ?? path) in this.texts;
    };
    const builds = (file: string) => buildsOf(file, this.texts[file] ?? '');
    // A file the repository's own scripts run alone (`docker-compose -f docker-compose.prod.yml up -d`) is run so.
    const runAlone = new Set(composeFilesRunAlone(this.texts, Object.keys(this.texts)));
    for (const set of [...sets]) {
      const file = set.files.length === 1 ? set.files[0]! : undefined;
      if (!file || set.dir === '.' || this.tree.options.composeFiles?.length) continue;
      const own = builds(file);
      if (own.length === 0) {
        this.layerOnAncestor(sets, set, file);
        continue;
      }
      const fromOwn = own.map((b) => exists(relPath(set.dir, b.context), b.dockerfile));
      if (
        fromOwn.every((found) => !found) &&
        own.every((b) => exists(relPath('.', b.context), b.dockerfile))
      ) {
        set.pathsFrom = { [file]: '.' };
        continue;
      }
      if (fromOwn.every((found) => !found) && !runAlone.has(file)) {
        this.layerOnBuildingAncestor(sets, set, file, exists);
        continue;
      }
      const targets = new Set(own.map((b) => relPath(set.dir, b.context)));
      const target = targets.size === 1 ? [...targets][0]! : undefined;
      if (target === undefined || target === set.dir || !fromOwn.every(Boolean)) continue;
      const base = sets.find(
        (s) => s !== set && s.dir === target && s.files.every((f) => dirName(f) === target),
      );
      const baseFile = base?.files[0];
      if (!base || !baseFile || !COMPOSE_BASES.includes(baseName(baseFile))) continue;
      const text = this.texts[file] ?? '';
      const layered =
        isComposeOverride(baseName(file)) ||
        (!runAlone.has(file) &&
          (repeatsServices(file, text, baseFile, this.texts[baseFile] ?? '') ||
            overridesBase(file, text, baseFile, this.texts[baseFile] ?? '')));
      if (!layered) continue;
      set.dir = target;
      set.files = [...base.files, file];
      // compose resolves a merged file's paths from the project directory; `context: ..` names nothing there
      if (!own.every((b) => exists(relPath(target, b.context), b.dockerfile)))
        set.pathsFrom = { [file]: dirName(file) };
      if (sets.some((s) => s !== set && s.files.join('\n') === set.files.join('\n')))
        sets.splice(sets.indexOf(set), 1);
    }
  }

  /**
   * A subdirectory file none of whose builds finds its Dockerfile from its own directory, whose builds all find one
   * merged with an ancestor's compose file (`web: {build: {target: production}}` completing the base's `context: .`
   * and `dockerfile:`), is an overlay run as `-f docker-compose.yml -f docker/docker-compose.prod.yml`: compose
   * resolves the paths of every file from the first one's directory, and loads no override file beside them.
   */
  private layerOnBuildingAncestor(
    sets: ComposeSet[],
    set: ComposeSet,
    file: string,
    exists: (context: string, dockerfile: string) => boolean,
  ): void {
    for (let dir = dirName(set.dir); ; dir = dirName(dir)) {
      const base = sets.find((s) => s !== set && s.dir === dir && s.files.every((f) => dirName(f) === dir));
      const baseFile = base?.files[0];
      if (base && baseFile && COMPOSE_BASES.includes(baseName(baseFile))) {
        const baseBuilds = new Map(
          buildsOf(baseFile, this.texts[baseFile] ?? '').map((b) => [b.service, b] as const),
        );
        const own = buildsOf(file, this.texts[file] ?? '');
        const merged = own.map((b) => ({
          context: b.written.context ?? baseBuilds.get(b.service)?.context ?? b.context,
          dockerfile: b.written.dockerfile ?? baseBuilds.get(b.service)?.dockerfile ?? b.dockerfile,
        }));
        const completes = own.some((b) => baseBuilds.has(b.service));
        if (!completes || !merged.every((b) => exists(relPath(dir, b.context), b.dockerfile))) return;
        set.dir = dir;
        set.files = [baseFile, file];
        if (sets.some((s) => s !== set && s.files.join('\n') === set.files.join('\n')))
          sets.splice(sets.indexOf(set), 1);
        return;
      }
      if (dir === '.') return;
    }
  }

  /**
   * A subdirectory file that builds nothing and whose services are all defined by the compose file of an ancestor
   * directory (`docker/docker-compose.override.yml` setting only a command), or that amends a service of it without
   * its own build or image (`deploy/docker-compose.prod.yml` giving `django` a restart policy), is layered on the
   * nearest one.
   */
  private layerOnAncestor(sets: ComposeSet[], set: ComposeSet, file: string): void {
    const text = this.texts[file] ?? '';
    const namesNoImage = !/^\s+(build|image)\s*:/m.test(text);
    for (let dir = dirName(set.dir); ; dir = dirName(dir)) {
      const base = sets.find((s) => s !== set && s.dir === dir && s.files.every((f) => dirName(f) === dir));
      const baseFile = base?.files[0];
      if (base && baseFile && COMPOSE_BASES.includes(baseName(baseFile))) {
        const baseText = this.texts[baseFile] ?? '';
        // A file that also adds a service of its own (certbot) is still an overlay where it only amends a base one.
        const layered =
          (namesNoImage && repeatsServices(file, text, baseFile, baseText)) ||
          overridesBase(file, text, baseFile, baseText);
        if (!layered) return;
        set.dir = dir;
        set.files = [...base.files, file];
        if (sets.some((s) => s !== set && s.files.join('\n') === set.files.join('\n')))
          sets.splice(sets.indexOf(set), 1);
        return;
      }
      if (dir === '.') return;
    }
  }
}

/** The builds of a compose file's services as written: context and Dockerfile name (variables and URLs left out). */
function buildsOf(file: string, text: string): ServiceBuild[] {
  const out: ServiceBuild[] = [];
  for (const { key, value } of servicesOf(file, text)) {
    const build = entryOf(value, 'build')?.value;
    const context =
      build?.kind === 'scalar' ? scalarString(build) : scalarString(entryOf(build, 'context')?.value);
    const dockerfile = build?.kind === 'map' ? scalarString(entryOf(build, 'dockerfile')?.value) : undefined;
    if (!build || (build.kind !== 'scalar' && build.kind !== 'map')) continue;
    const c = context ?? '.';
    const d = dockerfile ?? 'Dockerfile';
    if (/\$|^[a-z]+:\/\/|^git@/.test(c) || d.includes('$') || d.startsWith('/')) continue;
    const written = {
      ...(context === undefined ? {} : { context }),
      ...(dockerfile === undefined ? {} : { dockerfile }),
    };
    out.push({ service: key, context: c, dockerfile: d, written });
  }
  return out;
}

/** The services a compose file defines, in any compose format. */
function servicesOf(file: string, text: string): YEntry[] {
  return composeServices(parseComposeYaml(file, text).root);
}

/** One service's build: context and Dockerfile with compose's defaults, and those the file writes itself. */
interface ServiceBuild {
  service: string;
  context: string;
  dockerfile: string;
  written: { context?: string; dockerfile?: string };
}

/**
 * A compose file without a service: empty, only comments, or top-level keys that define none (`version:`, an empty
 * `services:`). Compose skips a document without a body; a legacy version-1 file's top-level keys are services.
 */
function definesNoService(file: string, text: string): boolean {
  const root = parseComposeYaml(file, text).root;
  if (root === undefined || (root.kind === 'scalar' && root.value === null)) return true;
  if (root.kind !== 'map') return false;
  return (
    root.entries.every((e) => NON_SERVICE_KEYS.has(e.key) || e.key.startsWith('x-')) &&
    composeServices(root).length === 0
  );
}

const NON_SERVICE_KEYS = new Set([
  'version',
  'name',
  'services',
  'volumes',
  'networks',
  'configs',
  'secrets',
]);

/** Whether every service a compose file defines is defined in the base too: it overrides or repeats them. */
function repeatsServices(file: string, text: string, baseFile: string, baseText: string): boolean {
  const names = (f: string, t: string) => servicesOf(f, t).map((e) => e.key);
  const own = names(file, text);
  const base = new Set(names(baseFile, baseText));
  return own.length > 0 && own.every((n) => base.has(n));
}

/** Per compose file, the other files its services name in `extends.file`. */
function extendedFiles(files: string[], texts: Record<string, string>): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const file of files) {
    const bases: string[] = [];
    byFile.set(file, bases);
    for (const { value } of servicesOf(file, texts[file] ?? '')) {
      const named = scalarString(entryOf(entryOf(value, 'extends')?.value, 'file')?.value);
      const base = named === undefined ? undefined : relPath(dirName(file), named);
      if (base !== undefined && base !== file) bases.push(base);
    }
  }
  return byFile;
}

/**
 * Whether a compose file is written to be layered on the base (`-f base -f file`): one of its services neither builds
 * nor names an image but is defined in the base, or it depends on (or extends) a service only the base defines.
 */
function overridesBase(file: string, text: string, baseFile: string, baseText: string): boolean {
  const services = servicesOf(file, text);
  const baseServices = servicesOf(baseFile, baseText);
  if (services.length === 0 || baseServices.length === 0) return false;
  const own = new Set(services.map((e) => e.key));
  const inBase = new Set(baseServices.map((e) => e.key));
  const baseOnly = (name: string) => !own.has(name) && inBase.has(name);
  const extendsFileOf = (value: YNode) => {
    const extended = entryOf(value, 'extends')?.value;
    return extended?.kind === 'map' && entryOf(extended, 'file') !== undefined;
  };
  // A `build:` naming neither context nor Dockerfile (only `args:`, `target:`) amends the base's build.
  const ownBuild = (value: YNode) => {
    const build = entryOf(value, 'build')?.value;
    return (
      build !== undefined &&
      (build.kind !== 'map' || !!entryOf(build, 'context') || !!entryOf(build, 'dockerfile'))
    );
  };
  const complete = (value: YNode) =>
    value.kind === 'map' && (ownBuild(value) || !!entryOf(value, 'image') || extendsFileOf(value));
  // A file that defines base services anew, every service with its own build or image, is an alternative
  // (cookiecutter's local.yml beside production.yml), even when a stale depends_on names a service of the base.
  if (services.every((e) => complete(e.value)) && services.some((e) => inBase.has(e.key))) return false;
  return services.some(({ key, value }) => {
    if (value.kind !== 'map') return false;
    const extended = entryOf(value, 'extends')?.value;
    const extendsFile = extendsFileOf(value);
    if (!ownBuild(value) && !entryOf(value, 'image') && !extendsFile && inBase.has(key)) return true;
    const extendedNode = extended?.kind === 'scalar' ? extended : entryOf(extended, 'service')?.value;
    if (!extendsFile && extendedNode?.kind === 'scalar' && baseOnly(String(extendedNode.value))) return true;
    const dependsOn = entryOf(value, 'depends_on')?.value;
    const targets =
      dependsOn?.kind === 'seq'
        ? dependsOn.items.flatMap((i) => (i.kind === 'scalar' ? [String(i.value)] : []))
        : dependsOn?.kind === 'map'
          ? dependsOn.entries.map((e) => e.key)
          : [];
    return targets.some(baseOnly);
  });
}

/** A file kept only so that git keeps its empty directory (`data/.gitkeep`): no content of the directory. */
const PLACEHOLDER = /(^|\/)(\.gitkeep|\.keep|\.gitignore|\.empty|README(\.\w+)?)$/i;

/** Marks each bind mount of a directory of the repository with the files the repository holds there. */
function noteRepositoryFiles(model: ComposeModel, files: readonly string[]): void {
  for (const v of model.services.flatMap((s) => s.volumes)) {
    const source = v.type === 'bind' ? v.source : undefined;
    if (!source || /^[/~$]/.test(source) || source === '.' || source.startsWith('..')) continue;
    const under = `${source.replace(/\/+$/, '')}/`;
    const held = files.filter((f) => f.startsWith(under) && !PLACEHOLDER.test(f));
    if (held.length > 0) v.repositoryFiles = held;
  }
}
