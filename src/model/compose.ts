import { posix } from 'node:path';
import type { YMap } from '../parse/compose.js';
import type { ComposeModel } from './types/compose.js';
import type { ParseError } from './types/project.js';
import { Loader } from './compose/loader.js';
import { mergeMaps, SERVICE_RULES } from './compose/merge.js';
import { ServiceConverter } from './compose/service.js';
import { pickAppService, servicesOfImage } from './compose/app-service.js';
import { resolveVolumesFrom } from './compose/volumes-from.js';
import { runsNoDatabaseServer } from './compose/database-server.js';

export { interpolate, parseDotenv } from './compose/interpolation.js';
export { roleOf, splitImage } from './compose/images.js';

type Env = Record<string, string>;

export interface ComposeOptions {
  /**
   * Texts of other files by path relative to the scanned directory: files named by `extends.file` and `env_file`.
   * Missing ones are skipped silently (discovery may not have read them).
   */
  texts?: Record<string, string>;
  /**
   * The directory a file's relative paths resolve from where it is not compose's own rule (the project directory
   * for the files merged, the file's own for an extended one): a template meant to be copied to the root, an
   * override in a subdirectory written for its own directory.
   */
  pathsFrom?: Record<string, string>;
  /** The repository's files (relative to the scanned directory): what a build context holds when its Dockerfile is missing. */
  files?: string[];
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
  const dirFor = (file: string): string =>
    options.pathsFrom?.[file] ?? (loader.mergeFiles.has(file) ? projectDir : posix.dirname(file));

  const used: string[] = [];
  const merged = new Map<string, { name: string; file: string; line: number; node: YMap }>();
  const volumes = new Set<string>();
  for (const { file } of files) {
    const doc = loader.load(file);
    if (!doc) continue;
    used.push(file);
    for (const [name, entry] of doc.services) {
      // `web: !reset` drops the service the files before defined; `web: !override` replaces it whole.
      if (entry.value.tag === 'reset') {
        merged.delete(name);
        continue;
      }
      const resolved = loader.resolve(file, name, []);
      if (!resolved) continue;
      const prev = merged.get(name);
      if (prev && entry.value.tag !== 'override')
        prev.node = mergeMaps(prev.node, resolved.node, env, SERVICE_RULES);
      else merged.set(name, { name, file, line: resolved.line, node: resolved.node });
    }
    for (const v of doc.volumes) volumes.add(v);
  }
  if (used.length === 0) return { errors };
  // Compose skips a file with no document, and refuses a project where nothing is left ("empty compose file"); what
  // runs nothing hides nothing from the rules, so the (empty) model stays.
  if (used.every((file) => loader.load(file)?.empty)) {
    const one = used.length === 1;
    const named = one ? used[0] : `${used.slice(0, -1).join(', ')} and ${used.at(-1)}`;
    errors.push({
      file: used[0]!,
      line: 1,
      message: one
        ? `${named} is empty (no YAML document, or only comments): docker compose refuses it ("empty compose file"), so it runs nothing. Define the services it should run, or delete the file.`
        : `${named} are empty (no YAML document, or only comments): docker compose refuses them ("empty compose file"), so they run nothing. Define the services they should run, or delete the files.`,
    });
  }

  const conv = new ServiceConverter(env, dirFor, loader.texts, errors);
  const services = [...merged.values()].map((s) => conv.service(s.name, s.file, s.line, s.node));
  resolveVolumesFrom(services, loader.texts);
  // A data container (`volumes_from: [pgdata]` on the database) holds the data directory though it runs no server.
  const dataContainers = new Set(services.flatMap((s) => (s.volumesFrom ?? []).map((ref) => ref.service)));
  for (const s of services)
    if (!dataContainers.has(s.name) && runsNoDatabaseServer(s, loader.texts)) s.runsNoDatabaseServer = true;
  const projectDirs = new Set(
    Object.keys(loader.texts)
      .filter((f) => posix.basename(f) === 'manage.py')
      .map((f) => posix.dirname(f)),
  );
  const appService = pickAppService(services, loader.texts, projectDir, projectDirs, options.files);
  if (appService) appService.role = 'app';
  const model: ComposeModel = { files: used, services, appService, volumes: [...volumes] };
  if (services.some((s) => s.swarmDeploy) && services.every((s) => !s.build)) model.swarmStack = true;
  if (appService) model.appImageServices = servicesOfImage(services, appService);
  return { model, errors };
}
