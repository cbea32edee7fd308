import {
  baseName,
  dirName,
  isComposeOverride,
  looksLikeCompose,
  joinPath,
  normalizeRelative,
} from '../discover/classify.js';
import { entryOf, parseComposeYaml } from '../parse/compose.js';
import { parseDotenv } from '../parse/dotenv.js';
import { modelCompose } from './compose.js';
import { combinedComposeFiles } from '../discover/compose-commands.js';
import { relPath, scalarString } from './compose/yaml-nodes.js';
import { ModelPart } from './input.js';
import type { ComposeModel } from './types/compose.js';

/** Names of the compose files Docker Compose picks up by itself, in its order of preference. */
const COMPOSE_BASES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_OVERRIDES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** The compose files Docker Compose would merge for one project, and their model. */
export interface ComposeSet {
  dir: string;
  files: string[];
  model?: ComposeModel;
  /** Files of the set that could not be parsed (TF0001): what they declare is unknown. */
  unparsed?: string[];
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
      const composeFiles = Object.keys(this.texts)
        .filter((f) => looksLikeCompose(f, this.texts[f]))
        .sort();
      // A file other compose files extend (`extends: {file: docker/common.yml}`) is analysed through them only.
      const extended = extendedFiles(composeFiles, this.texts);
      const bases = new Set([...extended.values()].flat());
      // Files a Makefile or script runs together (`-f app.yaml -f storages.yaml`) are analysed merged, as run.
      const yamlFiles = Object.keys(this.texts).filter((f) => /\.ya?ml$/.test(f));
      const combined = combinedComposeFiles(this.texts, yamlFiles);
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
          const layered =
            baseFile !== undefined &&
            (!standalone ||
              overridesBase(file, this.texts[file] ?? '', baseFile, this.texts[baseFile] ?? ''));
          const files = layered ? [baseFile, file] : [file];
          if (!sets.some((s) => s.files.join('\n') === files.join('\n'))) sets.push({ dir, files });
        }
      }
    }
    for (const set of sets) {
      if (set.files.length === 0) continue;
      const envText = this.texts[joinPath(set.dir, '.env')];
      const env = envText === undefined ? {} : parseDotenv(envText);
      const r = modelCompose(
        set.files.map((file) => ({ file, text: this.texts[file] })),
        env,
        { texts: this.texts },
      );
      this.addErrors(r.errors);
      set.model = r.model;
      const unparsed = set.files.filter((f) => !r.model?.files.includes(f));
      if (unparsed.length > 0) set.unparsed = unparsed;
    }
    return sets;
  }
}

/** Per compose file, the other files its services name in `extends.file`. */
function extendedFiles(files: string[], texts: Record<string, string>): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const file of files) {
    const bases: string[] = [];
    byFile.set(file, bases);
    const services = entryOf(parseComposeYaml(file, texts[file] ?? '').root, 'services')?.value;
    if (services?.kind !== 'map') continue;
    for (const { value } of services.entries) {
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
  const services = entryOf(parseComposeYaml(file, text).root, 'services')?.value;
  const baseServices = entryOf(parseComposeYaml(baseFile, baseText).root, 'services')?.value;
  if (services?.kind !== 'map' || baseServices?.kind !== 'map') return false;
  const own = new Set(services.entries.map((e) => e.key));
  const inBase = new Set(baseServices.entries.map((e) => e.key));
  const baseOnly = (name: string) => !own.has(name) && inBase.has(name);
  return services.entries.some(({ key, value }) => {
    if (value.kind !== 'map') return false;
    const extended = entryOf(value, 'extends')?.value;
    const extendsFile = extended?.kind === 'map' && entryOf(extended, 'file') !== undefined;
    if (!entryOf(value, 'build') && !entryOf(value, 'image') && !extendsFile && inBase.has(key)) return true;
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
