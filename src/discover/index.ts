import { isEnvStyleName, isInEnvDir } from './env-files.js';
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  formatBytes,
  isInside,
  readHeadSync,
  readInsideSync,
  readRegularFileSync,
  resolveInside,
  UnsafePathError,
} from '../util/safe-fs.js';
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
  isScriptFile,
  isSettingsCandidate,
  joinPath,
  moduleFiles,
  normalizeRelative,
  SKIPPED_DIRS,
} from './classify.js';
import { composeEnvFilesNamed, composeFilesNamed } from './compose-commands.js';
import { dockerSdkUses, namesDockerSocket } from './docker-sdk.js';
import { sqliteHeaderFiles } from './sqlite-files.js';
import type { DiscoverOptions, SourceTree } from './types.js';
import { decodeText } from '../util/text-encoding.js';
import { LINES } from '../util/lines.js';

export const MAX_FILES = 50_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Texts of files (relative, '/' separators) standing in for those of the scanned tree, or beside them: the tree as a
 * fix would leave it, analysed without writing it anywhere.
 */
export type Overlay = ReadonlyMap<string, string>;

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
      isInEnvDir(f),
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
  // READMEs too: the `docker build -t NAME .` they give is how the repository's image gets its name.
  const ciConfigs: Record<string, string> = {};
  const readmes: Record<string, string> = {};
  for (const f of files.filter((f) => isCiConfig(f) || isReadme(f))) {
    const overlaid = overlay?.get(f);
    const r =
      overlaid === undefined
        ? readText(realRoot, f, maxBytes, walked.plain.has(f))
        : textOf(Buffer.from(overlaid, 'utf8'), maxBytes);
    if (typeof r === 'string' && /\bdocker\s+(?:buildx\s+|image\s+)?build\b/.test(r))
      (isCiConfig(f) ? ciConfigs : readmes)[f] = r;
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

/** Files named from inside the texts already read: cheap textual hints only decide what to read, never what it means. */
function secondPassFiles(texts: Record<string, string>, files: string[], options: DiscoverOptions): string[] {
  const out = new Set<string>();
  const composeFiles = new Set(composeFilesAmong(texts));
  const manageDirs = Object.keys(texts)
    .filter((f) => baseName(f) === 'manage.py')
    .map(dirName);
  const modules = new Set<string>();
  if (options.settingsModule) modules.add(options.settingsModule);
  const requirementNames = new Set<string>();
  const commandWords = new Set<string>();
  const dockerfileNames = new Set<string>();
  const envFiles = new Set<string>();
  // Python a start script runs (`python create_superuser.py`, `manage.py initadmin`): read to find credentials in it.
  const pythonNames = new Set<string>();
  const managementCommands = new Set<string>();
  // The Python configuration file a server reads (`gunicorn -c guniconf.py`), for where it binds and logs.
  const serverConfigNames = new Set<string>();
  let supervisorRun = false;
  const copiedAs = new Map<string, string[]>();
  // nginx configuration the image copies under /etc/nginx (files by name, directories by their last part).
  const nginxNames = new Set<string>();
  const nginxDirs = new Set<string>();
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith('.py')) {
      for (const m of text.matchAll(/\bpython[\d.]*\s+(?:-u\s+)?([\w./-]+\.py)\b/g))
        if (baseName(m[1]) !== 'manage.py') pythonNames.add(baseName(m[1]));
      for (const m of text.matchAll(/\bmanage\.py\s+([a-z_][a-z0-9_]*)/g)) managementCommands.add(m[1]);
      for (const m of text.matchAll(/\bgunicorn\b[^\n]*?\s(?:-c|--config)(?:=|\s+)['"]?([\w./-]+\.py)\b/g))
        serverConfigNames.add(baseName(m[1]));
      // The ini file a server reads (`uwsgi --ini uwsgi.ini`), for where it sends its log.
      for (const m of text.matchAll(/--ini(?:=|\s+)['"]?([^\s'"]+\.ini)\b/g))
        commandWords.add(baseName(m[1]));
    }
    for (const m of text.matchAll(/DJANGO_SETTINGS_MODULE['"]?\s*[,=:]\s*['"]?([A-Za-z_][\w.-]*)/g))
      modules.add(m[1]);
    // `manage.py runserver --settings=config.docker` in a command: a module whatever its file is called.
    if (!file.endsWith('.py'))
      for (const m of text.matchAll(/--settings(?:=|\s+)['"]?([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/g))
        modules.add(m[1]);
    if (!/(^|\/)\.env$/.test(file)) {
      // pip's short flags run together: `-Ur requirements.txt`, `-qr requirements.txt`.
      for (const m of text.matchAll(
        /(?:^|\s)(?:-[UIqv]*[rc]|--requirements?|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))([^\s"'\\]+)/g,
      ))
        requirementNames.add(baseName(m[1]));
    }
    if (isDockerfile(file)) {
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+([^\n]*)/gim))
        for (const w of m[1].split(/\s+/)) {
          if (/\.(txt|in)$/.test(w)) requirementNames.add(baseName(w));
          // supervisord's programs, from the configuration the image copies (an [include] may load *.ini).
          if (/\.(conf|ini)$/.test(w) && /supervisor/.test(text)) commandWords.add(baseName(w));
        }
      for (const m of text.matchAll(
        /^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\n[]+?)\s+\/etc\/nginx\/?\S*\s*$/gim,
      ))
        for (const w of m[2].split(/\s+/).filter((w) => w && !w.startsWith('--'))) {
          if (w.endsWith('/') || w === '.') nginxDirs.add(baseName(w.replace(/\/+$/, '')));
          else nginxNames.add(baseName(w));
        }
      // `RUN cp deploy/nginx.conf /etc/nginx/sites-enabled/default` after `COPY . .`: the source is the configuration.
      for (const m of text.matchAll(/\b(?:cp|mv|ln)\s+((?:-\S+\s+)*)([^\n&;|\\]+?)\s+\/etc\/nginx\/?\S*/g))
        for (const w of m[2].split(/\s+/).filter((w) => w && !w.startsWith('-') && !w.endsWith('/')))
          nginxNames.add(baseName(w));
      // `COPY ./compose/django/start /start-django`: the command names the copy, the repository holds the source.
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\s[]+)\s+([^\s\\]+)\s*$/gim))
        if (!m[3].endsWith('/'))
          copiedAs.set(baseName(m[3]), [...(copiedAs.get(baseName(m[3])) ?? []), baseName(m[2])]);
    }
    if (/\bsupervisord\b/.test(text)) supervisorRun = true;
    if (isDockerfile(file) || composeFiles.has(file)) {
      // A Dockerfile a compose build names (`dockerfile: docker/web.df`), whatever it is called.
      for (const m of text.matchAll(/^\s*dockerfile\s*:\s*['"]?([^\s'"#]+)/gm))
        dockerfileNames.add(baseName(m[1]));
      for (const name of envFileNames(text)) envFiles.add(name);
      for (const line of commandLines(text))
        for (const m of line.matchAll(/[\w./-]+/g)) commandWords.add(baseName(m[0]));
    } else if (!file.endsWith('.py') && isScriptFile(file, text)) {
      // A start script runs the next one by path (`exec docker/web-start`, `./init.bash`), whatever its name.
      for (const line of text.split(LINES)) {
        if (/^\s*#/.test(line)) continue;
        for (const m of line.matchAll(/[\w.-]*\/[\w./-]+|^\s*(?:exec\s+)?[\w.-]+/g))
          commandWords.add(baseName(m[0].trim().replace(/^exec\s+/, '')));
      }
    }
  }
  for (const [name, sources] of copiedAs) {
    if (commandWords.has(name)) for (const source of sources) commandWords.add(source);
    // `COPY deps/app.pip /install.txt` then `pip install -r /install.txt`: the source is the requirements file.
    if (requirementNames.has(name)) for (const source of sources) requirementNames.add(source);
  }
  for (const module of modules)
    for (const dir of [...manageDirs, '.']) for (const f of moduleFiles(dir, module)) out.add(f);
  for (const [file, text] of Object.entries(texts))
    for (const module of settingsChoosingModules(file, text))
      for (const dir of [...manageDirs, '.']) for (const f of moduleFiles(dir, module)) out.add(f);
  // Settings split over modules: `from .base import *` in a settings module read so far.
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith('.py') || baseName(file) === 'manage.py') continue;
    for (const m of text.matchAll(/^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+\*/gm)) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, '.'];
      for (const d of dirs)
        for (const f of m[2] ? moduleFiles(d, m[2]) : [joinPath(d, '__init__.py')]) out.add(f);
    }
    // django-split-settings: include() runs files named by paths and globs under the settings package.
    if (/\bsplit_settings\b/.test(text))
      for (const f of files) if (f.endsWith('.py') && f.startsWith(`${dirName(file)}/`)) out.add(f);
    // Values a settings module imports by name from the project (`from .keys import SECRET_KEY`, `from conf import
    // values as V`): the module, or the submodule the name is.
    if (!/^\s*(INSTALLED_APPS|DATABASES|SECRET_KEY)\b/m.test(text)) continue;
    for (const m of text.matchAll(
      /^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+(?:\(([^)]*)\)|([\w \t,]+))/gm,
    )) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, '.'];
      const names = (m[3] ?? m[4])
        .split(',')
        .map((n) => n.trim().split(/\s+/)[0])
        .filter(Boolean);
      const modules = [m[2] ?? '', ...names.map((n) => (m[2] ? `${m[2]}.${n}` : n))].filter(Boolean);
      for (const d of dirs) for (const mod of modules) for (const f of moduleFiles(d, mod)) out.add(f);
      if (!m[2]) for (const d of dirs) out.add(joinPath(d, '__init__.py'));
    }
    for (const m of text.matchAll(/^[ \t]*import\s+([A-Za-z_][\w.]*)/gm))
      for (const d of [...manageDirs, '.']) for (const f of moduleFiles(d, m[1])) out.add(f);
  }
  for (const f of files) {
    const name = baseName(f);
    if (requirementNames.has(name) && !(f in texts)) out.add(f);
    if (commandWords.has(name) && !(f in texts) && !/\.(py|txt|toml|lock|json)$/.test(name)) out.add(f);
    // `envsubst < uwsgi.ini.template > uwsgi.ini` at start: the template is the ini the server reads.
    const template = /^(.+\.ini)\.(template|tmpl|tpl|in)$/.exec(name)?.[1];
    if (template && commandWords.has(template) && !(f in texts)) out.add(f);
    if (dockerfileNames.has(name) && !(f in texts)) out.add(f);
    // Any .conf: a supervisord configuration's [include] may load programs from files of any name (programs/web.conf).
    if (supervisorRun && /supervisor[^/]*\.(conf|ini)$|\.conf$/.test(f) && !(f in texts)) out.add(f);
    if (envFiles.has(name) && !(f in texts)) out.add(f);
    if (
      (nginxNames.has(name) || (nginxDirs.has(baseName(dirName(f))) && name.endsWith('.conf'))) &&
      !(f in texts)
    )
      out.add(f);
    if (f in texts || !name.endsWith('.py')) continue;
    if (pythonNames.has(name) || serverConfigNames.has(name)) out.add(f);
    const command = /(^|\/)management\/commands\/([a-z_][a-z0-9_]*)\.py$/.exec(f)?.[2];
    if (command && managementCommands.has(command)) out.add(f);
  }
  return [...out];
}

/** Paths (relative to the scanned directory) of the files a compose file's `extends:` entries name in `file:`. */
function extendsFileNames(file: string, text: string): string[] {
  const out: string[] = [];
  const lines = text.split(LINES);
  lines.forEach((line, i) => {
    const m = /^(\s*)extends\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    let named = /\bfile\s*:\s*['"]?([^\s'",}#]+)/.exec(m[2])?.[1];
    for (const next of lines.slice(i + 1)) {
      if (named !== undefined || m[2].trim() !== '') break;
      if (next.trim() === '' || next.trim().startsWith('#')) continue;
      if (/^\s*/.exec(next)![0].length <= m[1].length) break;
      named = /^\s*file\s*:\s*['"]?([^\s'"#]+)/.exec(next)?.[1];
    }
    const path = named === undefined ? undefined : normalizeRelative(joinPath(dirName(file), named));
    if (path !== undefined) out.push(path);
  });
  return out;
}

/**
 * The lines that hold a start command: CMD/ENTRYPOINT, compose `command:`/`entrypoint:` with the more-indented
 * lines of a block or a quoted string over several lines, and list items.
 */
function commandLines(text: string): string[] {
  const out: string[] = [];
  let key: number | undefined; // indentation of the command key whose continuation lines are read
  for (const line of text.split(LINES)) {
    const indent = /^\s*/.exec(line)![0].length;
    if (key !== undefined && line.trim() !== '' && indent > key) {
      out.push(line);
      continue;
    }
    key = undefined;
    if (!/^\s*(CMD|ENTRYPOINT|command|entrypoint|-)\b/i.test(line)) continue;
    out.push(line);
    if (/^\s*(command|entrypoint)\s*:/.test(line)) key = indent;
  }
  return out;
}

/** Base names of the files compose `env_file:` entries name: inline, `[a, b]`, a `- a` list, or `- path: a` items. */
function envFileNames(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(LINES);
  const word = (s: string) => /^['"]?([^\s'"#,[\]{}]+)/.exec(s.trim())?.[1];
  lines.forEach((line, i) => {
    const m = /^(\s*)env_file\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    const inline = m[2].replace(/(^|\s)#.*$/, '').trim();
    const items = inline
      ? inline.replace(/^\[|\]$/g, '').split(',')
      : lines
          .slice(i + 1)
          .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
          .map((l) => /^(\s*)(.*)$/.exec(l)!)
          .filter((_, k, all) =>
            all.slice(0, k + 1).every((x) => x[1].length > m[1].length || x[2].startsWith('-')),
          )
          .map((x) => x[2].replace(/^-\s*/, '').replace(/^path\s*:\s*/, ''))
          .filter((x) => !/^required\s*:/.test(x));
    for (const item of items) {
      const w = word(item);
      if (w) out.push(baseName(w));
    }
  });
  return out;
}

/**
 * Reads one file as text, or says why it cannot be. Symlinks are followed only to files inside root. A `plain` file
 * was listed by the walk through real directories only, so its path needs no resolving (no realpath per read).
 */
function readText(
  realRoot: string,
  file: string,
  maxBytes: number,
  plain: boolean,
): string | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = plain
      ? readRegularFileSync(join(realRoot, file), maxBytes, file)
      : readInsideSync(realRoot, file, { maxBytes });
  } catch (error) {
    if (error instanceof UnsafePathError) return { reason: error.reason };
    return {
      reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  return textOf(bytes, maxBytes);
}

/**
 * The text of a file's bytes (UTF-8, or UTF-16 with a byte-order mark), or why they are no text: the same judgement
 * for a file on disk and an overlaid one.
 */
function textOf(bytes: Buffer, maxBytes: number): string | { reason: string } {
  if (bytes.length > maxBytes) return { reason: `larger than ${formatBytes(maxBytes)}` };
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : decoded;
}

/** The reason a path cannot be read when it is, or goes through, a symbolic link the walk did not follow. */
function linkOnPath(file: string, links: Map<string, string>): string | undefined {
  if (links.size === 0) return undefined;
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const reason = links.get(prefix);
    if (reason) return i === parts.length ? reason : `${prefix} is ${reason}`;
  }
  return undefined;
}

/**
 * Walks without following symlinked directories; a symlinked file counts when its target stays inside root. Links
 * leading outside root, or nowhere, are listed with the reason, so a file that matters is never silently absent.
 * `plain` holds the files reached through real directories and not links themselves.
 */
function walk(realRoot: string, limit: number): Walked {
  const files: string[] = [];
  const plain = new Set<string>();
  const skipped: string[] = [];
  const links: Link[] = [];
  const aliases = new Map<string, string>();
  const walked = (truncated: boolean) => ({ files, plain, skipped, links, aliases, truncated });
  // Breadth first: when the cap is hit, the shallow files (Dockerfile, compose, manage.py) are already listed.
  // Each entry is a directory's path relative to root ('' for root itself); one readdir with types lists it.
  const queue: string[] = [''];
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    let entries: Dirent[];
    try {
      entries = readdirSync(dir === '' ? realRoot : join(realRoot, dir), { withFileTypes: true });
    } catch {
      continue; // unreadable directory (permissions): its files are simply not part of the analysis
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (SKIPPED_DIRS.has(entry.name)) {
        skipped.push(rel);
        continue;
      }
      if (entry.isDirectory()) queue.push(rel);
      else if (entry.isFile()) {
        files.push(rel);
        plain.add(rel);
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget(join(realRoot, rel), realRoot);
        if (typeof target === 'string' && target !== 'directory') {
          files.push(rel);
          aliases.set(rel, target);
        } else if (target !== 'directory') links.push({ path: rel, reason: target.reason });
      }
      if (files.length >= limit) return walked(true);
    }
  }
  return walked(false);
}

type Link = { path: string; reason: string };
/** What the walk found; `aliases` maps each symbolic link to a file inside root to that file, both relative. */
type Walked = {
  files: string[];
  plain: Set<string>;
  skipped: string[];
  links: Link[];
  aliases: Map<string, string>;
  truncated: boolean;
};

/** Lists the overlay's files the walk did not find (a new .dockerignore), as the walk would have listed them. */
function listOverlaid(walked: { files: string[]; plain: Set<string> }, overlay: Overlay): void {
  const listed = new Set(walked.files);
  for (const file of overlay.keys()) {
    if (listed.has(file) || file.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
    walked.files.push(file);
    walked.plain.add(file);
  }
}

/** What a symbolic link leads to: a file inside root (its relative path), a directory, or why it is not followed. */
function linkTarget(abs: string, realRoot: string): string | 'directory' | { reason: string } {
  let target: string;
  try {
    target = realpathSync.native(abs);
  } catch {
    return { reason: 'a symbolic link whose target does not exist' };
  }
  if (!isInside(target, realRoot)) return { reason: 'a symbolic link leaving the scanned directory' };
  try {
    const info = statSync(target);
    if (info.isFile()) return relative(realRoot, target).split(sep).join('/');
    if (info.isDirectory()) return 'directory';
  } catch {
    return { reason: 'a symbolic link whose target does not exist' };
  }
  return { reason: 'a symbolic link to something that is not a regular file' };
}

/**
 * Modules that may choose the settings module: those manage.py or a wsgi/asgi module imports (their packages too),
 * and, in a file that sets DJANGO_SETTINGS_MODULE, the modules its strings name (`'settings.environment.production'`).
 */
function settingsChoosingModules(file: string, text: string): string[] {
  if (!file.endsWith('.py')) return [];
  const out: string[] = [];
  if (/^(manage|wsgi|asgi)\.py$/.test(baseName(file)) || /\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(
      /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))/gm,
    )) {
      const parts = (m[1] ?? m[2]).split('.');
      out.push(...parts.map((_, i) => parts.slice(0, i + 1).join('.')));
    }
  if (/\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(/['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)['"]/g)) out.push(m[1]);
  return out;
}
