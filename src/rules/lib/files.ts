import { isEnvStyleName, isEnvTemplateName } from '../../model/env-files.js';
import type { RawFinding } from '../../core/index.js';
import { filesReachingImage } from '../../model/context.js';
import { posix } from 'node:path';
import { isSqliteEngine } from '../../model/settings/index.js';
import type { App, BuildContext, Project } from '../../model/types/project.js';
import type { ValueSource } from '../../model/types/settings.js';
import type { CopyInstr } from '../../model/types/dockerfile.js';
import { lineage } from '../../model/dockerfile/lineage.js';

import { hasProductionWord } from '../../model/compose-file-names.js';

export { hasProductionWord, isNamedForProduction, isSwarmStackFile } from '../../model/compose-file-names.js';

/** Kinds of files several rules recognise. */

/** `.env`, `.env.production`, `prod.env`; templates meant to be committed (`.env.example`) carry no secrets. */
export function isEnvFile(path: string): boolean {
  return isEnvStyleName(path) && !isEnvTemplateName(path);
}

export function isSqliteFile(path: string): boolean {
  return /\.sqlite3$/.test(path);
}

/**
 * The file names the app's settings give an SQLite database (`"NAME": "site.db"`, `BASE_DIR / "data.db"`, an
 * environment read's fallback): a file so named is that database whatever its extension.
 */
export function sqliteNamesOf(app: App): Set<string> {
  const names = new Set<string>();
  const add = (v: ValueSource | undefined): void => {
    if (v?.kind === 'literal' && typeof v.value === 'string') names.add(posix.basename(v.value));
    else if (v?.kind === 'path' && v.parts.length > 0) names.add(posix.basename(v.parts.at(-1)!));
    else if (v?.kind === 'env') add(v.fallback);
    else if (v?.kind === 'choice') v.options.forEach(add);
  };
  for (const settings of [app.settings, ...(app.settingsBases ?? [])])
    for (const c of settings?.databases?.configs ?? [])
      if (c.engine && isSqliteEngine(c.engine)) add(c.fields.NAME);
  names.delete('');
  names.delete(':memory:');
  return names;
}

/**
 * An SQLite database file of the app's build context (`path` relative to it): named `*.sqlite3`, named as the app's
 * settings name their SQLite database, or an SQLite database by its header whatever its name.
 */
export function isSqliteDatabaseOf(app: App): (path: string) => boolean {
  const names = sqliteNamesOf(app);
  const byHeader = new Set(app.context?.sqliteFiles ?? []);
  return (path) => isSqliteFile(path) || names.has(posix.basename(path)) || byHeader.has(path);
}

const DEVELOPMENT_WORD =
  /(^|[._-])(override|dev|develop|development|debug|local|test|tests|testing|ci|integration|e2e)([._-]|$)/;

/**
 * An override file, or one named for development, debugging or tests (`docker-compose.debug.yml`, VS Code's), or a
 * default-named one in a directory so named, is not what production runs; nor is the default `docker-compose.yml`
 * when a production alternative (`docker-compose-deploy.yml`, `compose.prod.yaml`) sits beside it among
 * `composeFiles`, unless the set analysed (`mergedWith`) layers that production file on it.
 */
export function isDevelopmentComposeFile(
  path: string,
  composeFiles: readonly string[] = [],
  mergedWith: readonly string[] = [],
  /** What names a production alternative: the catalog's words (a Swarm stack file is not one). */
  isProductionName: (path: string) => boolean = hasProductionWord,
): boolean {
  if (isComposeFileNamedForDevelopment(path)) return true;
  if (!isDefaultComposeName(path)) return false;
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0));
  // Run merged with the production file (`-f docker-compose.yml -f docker-compose.prod.yml`), it is production's base.
  if (mergedWith.some((f) => f !== path && isProductionName(f))) return false;
  return composeFiles.some((f) => f.slice(0, Math.max(f.lastIndexOf('/'), 0)) === dir && isProductionName(f));
}

/**
 * An override file, or one whose name says development, debugging or tests (`docker-compose.dev.yml`,
 * `compose.e2e.yaml`), or a default-named one in a directory so named (`_development/docker-compose.yml`): what the
 * catalog's TF1303 leaves out, whatever files sit beside it.
 */
export function isComposeFileNamedForDevelopment(path: string): boolean {
  if (DEVELOPMENT_WORD.test(baseOf(path).toLowerCase())) return true;
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0));
  // `_development/docker-compose.yml`: the directory says what the default-named file is for.
  return isDefaultComposeName(path) && isNamedForDevelopment(baseOf(dir));
}

/** `docker-compose.yml`, `compose.yaml`: the names Compose reads without `-f`. */
export function isDefaultComposeName(path: string): boolean {
  return /^(docker-)?compose\.ya?ml$/.test(baseOf(path).toLowerCase());
}

/**
 * An env file named for development (`.env.dev`), or kept in a directory so named (`docker/dev/env/.env`,
 * cookiecutter's `.envs/.local/.django`): the values it gives are development's, whatever compose file loads it.
 */
export function isDevelopmentEnvFile(path: string): boolean {
  const parts = path.split('/');
  if (DEVELOPMENT_WORD.test(parts.at(-1)!.toLowerCase())) return true;
  return parts.slice(0, -1).some((dir) => isNamedForDevelopment(dir));
}

/**
 * Why a development compose file counts as one, for a message: its name, or (the default file) the production file
 * beside it. `docker-compose.yml is the default file, beside docker-compose.prod.yml, which is the production one, so it is the development one`.
 * With several production-named files beside it, the one among `runsApp` (files holding the app's service) is named;
 * failing one, all of them are, as named for production.
 */
export function developmentFileReason(
  path: string,
  composeFiles: readonly string[] = [],
  runsApp: readonly string[] = [],
): string {
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0));
  const purpose = purposeOfName(baseOf(path));
  if (purpose) return `${path} is ${purpose}`;
  const named = isNamedForDevelopment(baseOf(dir));
  const production = named
    ? []
    : composeFiles.filter((f) => f.slice(0, Math.max(f.lastIndexOf('/'), 0)) === dir && hasProductionWord(f));
  const running = production.filter((f) => runsApp.includes(f));
  if (production.length === 1 || running.length === 1)
    return `${path} is the default file, beside ${running[0] ?? production[0]}, which is the production one, so it is the development one`;
  if (production.length > 1)
    return `${path} is the default file, beside ${production.join(', ')}, which are named for production, so it is the development one`;
  return `${path} is named for development`;
}

/**
 * What a compose file's own name says it is for, in a message's words: `ci-compose.yml` is named for CI,
 * `docker-compose.test.yml` for tests, `docker-compose.override.yml` is an override file; undefined for a name with
 * none of the development words.
 */
function purposeOfName(name: string): string | undefined {
  const words = name.toLowerCase().split(/[._-]+/);
  if (words.includes('override')) return 'an override file';
  if (words.some((w) => /^(dev|develop|development|local)$/.test(w))) return 'named for development';
  if (words.includes('debug')) return 'named for debugging';
  if (words.some((w) => /^(test|tests|testing|integration|e2e)$/.test(w))) return 'named for tests';
  return words.includes('ci') ? 'named for CI' : undefined;
}

/** Words a directory named for an environment may carry beside its development word (`docker-dev`, `dev_env`). */
const SETUP_WORD =
  /^(docker|compose|env|envs|environment|environments|stack|setup|config|deploy|deployment)$/;

/**
 * `_development`, `dev`, `docker-dev`, `local_env`: a directory named for development, every word of its name a
 * development or setup word, or ending with `dev`/`development`/`local` (`django_starter_kit_dev`). A project folder that merely carries such a word (`Shop-Django-Test-Project`,
 * `my-dev-blog`) says nothing about the compose file inside it.
 */
function isNamedForDevelopment(dir: string): boolean {
  const words = dir
    .toLowerCase()
    .split(/[._\s-]+/)
    .filter((w) => w !== '');
  // `django_starter_kit_dev` beside `django_starter_kit_production`: the environment word closes the name.
  if (/^(dev|develop|development|local)$/.test(words.at(-1) ?? '') && words.length > 1) return true;
  return (
    words.some((w) => DEVELOPMENT_WORD.test(w)) &&
    words.every((w) => DEVELOPMENT_WORD.test(w) || SETUP_WORD.test(w))
  );
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every compose file of the repository: those some app is analysed with, and those none is (an empty one). */
export function projectComposeFiles(project: Project): string[] {
  return [
    ...new Set([...project.apps.flatMap((a) => a.compose?.files ?? []), ...(project.composeFiles ?? [])]),
  ];
}

/**
 * One finding per instruction of an app's or worker's Dockerfile that copies files `isWanted` picks (a context path)
 * into the image; `say` words it, given the files as repository paths.
 */
export function filesCopiedIntoImage(
  project: Project,
  isWanted: (path: string, contextDir: string, app: App) => boolean,
  say: (names: string, files: string[], at: { app: App; line: number }) => string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  // A worker's own image (Dockerfile.celery) takes what its COPY takes just as the app's does.
  for (const app of [...project.apps, ...(project.workerImages ?? [])]) {
    const file = app.dockerfile?.file;
    if (!file) continue;
    const dir = app.context?.dir ?? '.';
    for (const { line, files } of filesReachingImage(app, (path) => isWanted(path, dir, app))) {
      // Said as repository paths: `env/.env` in the context `django` is the repository's `django/env/.env`.
      const shown = files.map((f) => (dir === '.' ? f : `${dir}/${f}`));
      findings.push({
        file,
        line,
        message: say(shown.map((f) => `'${f}'`).join(', '), shown, { app, line }),
      });
    }
  }
  return findings;
}

/** The .dockerignore of a build context as a repository path: its own, or where one would go (`django/.dockerignore`). */
export function dockerignoreFileOf(context: BuildContext | undefined): string {
  const dir = context?.dir ?? '.';
  return context?.dockerignore?.file ?? (dir === '.' ? '.dockerignore' : `${dir}/.dockerignore`);
}

/** A compose image as the user wrote it when a variable in it is unset (`${HUB_USER}/app:latest`), else its value. */
export function shownImage(image: { value: string; raw?: string; unset?: true }): string {
  return image.unset && image.raw !== undefined ? image.raw : image.value;
}

/** A compose mount's source as the user wrote it when a variable in it is unset, else its resolved path. */
export function shownSource(mount: { source?: string; writtenSource?: string }): string | undefined {
  return mount.writtenSource ?? mount.source;
}

/** A compose mount's target as the user wrote it when a variable in it is unset, else its resolved path. */
export function shownTarget(mount: { target: string; writtenTarget?: string }): string {
  return mount.writtenTarget ?? mount.target;
}

/** Context paths a COPY/ADD of the image names as a source (`COPY ./config/.env.build …`): the build needs them. */
export function sourcesNamedByCopy(app: App): string[] {
  if (!app.dockerfile?.targetStage) return [];
  return lineage(app.dockerfile)
    .flatMap((s) => s.instructions)
    .filter(
      (i): i is CopyInstr => (i.keyword === 'COPY' || i.keyword === 'ADD') && !(i as CopyInstr).fromStage,
    )
    .filter((i) => !i.fromImage)
    .flatMap((i) => i.sources.map((src) => src.replace(/^(\.\/)+/, '').replace(/^\//, '')))
    .filter((src) => src !== '' && src !== '.' && !/[*?[]/.test(src));
}

/**
 * ` in compose.yml + compose.prod.yml`, or for several combinations ` in compose.yml alone or with compose.local.yml
 * or compose.debug.yml` ('' for none).
 */
export function inComposeFiles(combinations: string[][]): string {
  const or = (items: string[]) =>
    items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
  if (combinations.length <= 1) return combinations.length ? ` in ${combinations[0].join(' + ')}` : '';
  const base = combinations[0][0];
  if (combinations.every((c) => c[0] === base && c.length <= 2)) {
    const alone = combinations.some((c) => c.length === 1) ? ' alone or' : '';
    return ` in ${base}${alone} with ${or(combinations.filter((c) => c.length === 2).map((c) => c[1]))}`;
  }
  return ` in ${or(combinations.map((c) => c.join(' + ')))}`;
}
