import { isEnvStyleName, isInEnvDir } from './env-files.js';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { readHeadSync, resolveInside } from '../util/safe-fs.js';
import {
  baseName,
  DEFAULT_CONFIG_FILE,
  dirName,
  isCiConfig,
  isReadme,
  isComposeCandidate,
  isComposeFile,
  composeFilesAmong,
  isCoreFile,
  isDockerfile,
  isDockerignore,
  isMakefile,
  isModelsFile,
  isRequirementsFile,
  isScript,
  isSettingsCandidate,
  joinPath,
} from './classify.js';
import { composeEnvFilesNamed, composeFilesNamed } from './compose-commands.js';
import { dockerSdkUses, namesDockerSocket } from './docker-sdk.js';
import { extendsFileNames, secondPassFiles } from './named-files.js';
import { readText, textOf } from './read-text.js';
import { sqliteHeaderFiles } from './sqlite-files.js';
import type { DiscoverOptions, Overlay, SourceTree } from './types.js';
import { linkOnPath, listOverlaid, walk } from './walk.js';

export const MAX_FILES = 50_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type { Overlay } from './types.js';

/**
 * Lists the scanned tree and reads the files that matter. The only I/O of the static half. With an overlay, its files
 * are listed too and read from it first.
 */
export async function discover(
  root: string,
  options: DiscoverOptions = {},
  limits: { maxFiles?: number; maxFileBytes?: number } = {},
  overlay?: Overlay,
): Promise<SourceTree> {
  const maxFiles = limits.maxFiles ?? MAX_FILES;
  const maxBytes = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const realRoot = realpathSync.native(root);
  const walked = walk(realRoot, maxFiles);
  if (overlay) listOverlaid(walked, overlay);
  const files = walked.files.sort();
  const fileSet = new Set(files);
  const links = new Map(walked.links.map((l) => [l.path, l.reason]));
  const texts: Record<string, string> = {};
  const unreadable: { file: string; reason: string }[] = [];
  // Files the inputs name: one missing is said so, never dropped.
  const named = new Set(
    [options.dockerfile, ...(options.composeFiles ?? []), options.configFile]
      .filter((f): f is string => !!f)
      .map((f) => f.replace(/^\.\//, '')),
  );

  const read = async (file: string): Promise<void> => {
    if (file in texts || unreadable.some((u) => u.file === file)) return;
    if (!fileSet.has(file)) {
      // A file that matters but is a link we did not follow, or one the inputs name, says why it is not read.
      const link = linkOnPath(file, links);
      if (link) unreadable.push({ file, reason: link });
      if (link || !named.has(file)) return;
    }
    const overlaid = overlay?.get(file);
    const result =
      overlaid === undefined
        ? readText(realRoot, file, maxBytes, walked.plain.has(file))
        : textOf(Buffer.from(overlaid, 'utf8'), maxBytes);
    if (typeof result === 'string') texts[file] = result;
    else unreadable.push({ file, reason: result.reason });
  };

  // First pass: files recognised by name.
  const wanted = files.filter(
    (f) =>
      isDockerfile(f) ||
      isComposeFile(f) ||
      isComposeCandidate(f) ||
      isDockerignore(f) ||
      isRequirementsFile(f) ||
      isSettingsCandidate(f) ||
      isScript(f) ||
      isMakefile(f) ||
      baseName(f) === 'manage.py' ||
      // `RUN npm run setup` may install the Python requirements from package.json's scripts.
      baseName(f) === 'package.json' ||
      // `RUN pipenv install --skip-lock` resolves the Pipfile's versions at build time.
      baseName(f) === 'Pipfile' ||
      // So does `RUN poetry install` a pyproject.toml's when no poetry.lock comes with it.
      baseName(f) === 'pyproject.toml' ||
      // Lock files pin the version of the server the image runs (uWSGI before 2.1 reloads on SIGTERM).
      ['poetry.lock', 'uv.lock', 'Pipfile.lock'].includes(baseName(f)) ||
      // The server's entry module names the settings it runs (they may differ from manage.py's).
      baseName(f) === 'wsgi.py' ||
      baseName(f) === 'asgi.py' ||
      // The models' file fields store uploads in MEDIA_ROOT: a directory the app writes at run time.
      isModelsFile(f) ||
      // s6-overlay's services: what /init runs (`type`, a oneshot's `up`, a longrun's `run`).
      /(^|\/)s6-rc\.d\/[^/]+\/(type|up|run)$/.test(f) ||
      // runit's services: the run script of each directory under service/ that runsvdir supervises.
      /(^|\/)service\/[^/]+\/run$/.test(f) ||
      // A root filesystem copied whole (`COPY root/ /`) holds nginx's configuration where nginx reads it.
      /(^|\/)etc\/nginx\/(.+\/)?[^/]+\.conf$/.test(f) ||
      // Env files, templates and files in a `.env*` directory: TF0308 judges templates, and env files with only empty
      // or placeholder secrets, by what they hold.
      isEnvStyleName(f) ||
      isInEnvDir(f) ||
      // python-decouple's other file: the values the settings read with config() when the environment has none.
      baseName(f) === 'settings.ini',
  );
  // Links to files that would be read by name (a dangling settings.py): unreadable, never silently absent.
  for (const l of walked.links) if (isCoreFile(l.path) || isDockerignore(l.path)) wanted.push(l.path);
  wanted.push(...named, DEFAULT_CONFIG_FILE);
  for (const f of wanted) await read(f);

  // Bases compose files extend (`extends: {file: config/docker/web.yml}`) are kept, whatever they declare.
  const bases = new Set<string>();
  // So are YAML files a Makefile or script passes to `docker compose -f` (an override that only sets a command).
  for (const f of composeFilesNamed(texts)) if (f in texts) bases.add(f);
  for (let pass = 0; pass < 4; pass++) {
    const composeFiles = new Set(composeFilesAmong(texts));
    const fresh = Object.keys(texts)
      .filter((f) => composeFiles.has(f) || bases.has(f))
      .flatMap((f) => extendsFileNames(f, texts[f]))
      .filter((f) => !bases.has(f) && fileSet.has(f));
    if (fresh.length === 0) break;
    for (const f of fresh) {
      bases.add(f);
      if (!(f in texts)) await read(f);
    }
  }
  // Read YAML that is no compose file is dropped again: only compose projects matter.
  const composeFiles = new Set(composeFilesAmong(texts));
  for (const f of Object.keys(texts))
    if (isComposeCandidate(f) && !composeFiles.has(f) && !named.has(f) && !bases.has(f)) delete texts[f];
  // A compose file that is a link to another one read here is that file: analysed once, under its own name and role.
  for (const [link, target] of walked.aliases)
    if (link in texts && target in texts && composeFiles.has(target) && !named.has(link)) delete texts[link];
  // .env next to compose files, for interpolation only.
  for (const f of composeFiles) if (f in texts) await read(joinPath(dirName(f), '.env'));
  // So are the env files the repository's own compose commands name (`docker compose --env-file .env.prod up`).
  for (const f of composeEnvFilesNamed(texts)) if (fileSet.has(f)) await read(f);

  // Second pass: files the first ones name (settings modules and what they star-import, -r includes, scripts run by
  // CMD), which may name more in turn, a few levels deep.
  for (let pass = 0; pass < 4; pass++) {
    const before = Object.keys(texts).length;
    for (const f of secondPassFiles(texts, files, options)) await read(f);
    if (Object.keys(texts).length === before) break;
  }

  // Only where a file mounts the Docker socket: whether the code drives the engine on purpose (the docker SDK).
  const sdk = namesDockerSocket(texts)
    ? dockerSdkUses(files, (f) => {
        if (f in texts) return texts[f];
        const overlaid = overlay?.get(f);
        const r =
          overlaid === undefined
            ? readText(realRoot, f, maxBytes, walked.plain.has(f))
            : textOf(Buffer.from(overlaid, 'utf8'), maxBytes);
        return typeof r === 'string' ? r : undefined;
      })
    : [];

  // CI files, apart: read only for the names their `docker build` commands tag the repository's images with.
  // READMEs too: the `docker build -t NAME .` they give is how the repository's image gets its name, and the
  // `docker compose -f base.yml -f debug.yml` they give is how its compose files are run together.
  const ciConfigs: Record<string, string> = {};
  const readmes: Record<string, string> = {};
  for (const f of files.filter((f) => isCiConfig(f) || isReadme(f))) {
    const overlaid = overlay?.get(f);
    const r =
      overlaid === undefined
        ? readText(realRoot, f, maxBytes, walked.plain.has(f))
        : textOf(Buffer.from(overlaid, 'utf8'), maxBytes);
    if (typeof r !== 'string') continue;
    if (/\bdocker\s+(?:buildx\s+|image\s+)?build\b/.test(r)) (isCiConfig(f) ? ciConfigs : readmes)[f] = r;
    else if (isReadme(f) && /\bdocker(?:-compose|\s+compose)(?:\s[^\n`]*)?\s-f\s/.test(r)) readmes[f] = r;
  }

  const sqliteFiles = sqliteHeaderFiles(files, (f, length) => {
    const overlaid = overlay?.get(f);
    if (overlaid !== undefined) return Buffer.from(overlaid, 'utf8').subarray(0, length);
    try {
      return readHeadSync(walked.plain.has(f) ? join(realRoot, f) : resolveInside(realRoot, f), length, f);
    } catch {
      return undefined;
    }
  });

  return {
    root: realRoot,
    files,
    texts,
    ...(sqliteFiles.length > 0 ? { sqliteFiles } : {}),
    ...(Object.keys(ciConfigs).length > 0 ? { ciConfigs } : {}),
    ...(Object.keys(readmes).length > 0 ? { readmes } : {}),
    unreadable,
    options,
    ...(sdk.length > 0 ? { dockerSdkUses: sdk } : {}),
    skippedDirs: walked.skipped.sort(),
    ...(walked.links.length > 0 ? { links: walked.links } : {}),
    ...(walked.truncated ? { truncated: { limit: maxFiles } } : {}),
  };
}
