/**
 * Where the app writes at run time, as far as the model knows: the directories an unprivileged user must be given
 * before USER (collectstatic's STATIC_ROOT, a server's unix socket, the SQLite file, celery beat's schedule, the log
 * files of a supervisord program), and the writes whose place cannot be told.
 */
import { posix } from 'node:path';
import {
  basename,
  djangoCommand,
  programArgv,
  serverOf,
  serviceCommand,
  withDirectories,
} from '../../model/command.js';
import type { StartCommand } from '../../model/command/start-chain.js';
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { socketPaths, uwsgiLogFiles } from './uwsgi-writes.js';
import { isSharedDirectory } from './system-dirs.js';
import { defaultFileStorages, fallbackWhen, isFileSystemStorage } from '../../model/settings/query.js';
import { isEnginePath } from '../../model/settings/databases.js';
import type { ValueSource } from '../../model/types/settings.js';
import { mountedBaseDir } from './paths.js';
import { imagePath } from './log-files.js';
import { directoryOwner, rootOwnedDirectories, rootOwnedFiles, type DirectoryOwner } from './path-owners.js';
import { imageFileSource, imagePathsOf } from '../../model/context.js';
import { decoupleValue } from '../../model/decouple-config.js';
import { listOf } from './processes.js';
import { appStarts, programOf } from './privilege-drops.js';
import { gunicornLogFiles, madeDirectories } from './start-writes.js';

export interface RuntimeWrite {
  /** The directory written in, inside the container. */
  dir: string;
  /** What is written there: `STATIC_ROOT (collectstatic at start.sh:4)`. */
  what: string;
  /** Files the image already holds there that the app rewrites: root's as COPY left them, whoever owns the directory. */
  files?: string[];
  /** A compose mount over (or above) the directory, which decides its owner in the container instead. */
  mount?: { kind: 'bind' | 'volume'; name?: string; at: string; target: string };
  /**
   * The one file written (a log file), when the directory is a system directory other programs share (/var/log,
   * /run): that file, made at build time, is what the user is given, not the directory.
   */
  file?: string;
  /**
   * The app writes anywhere below it (uploads, collected static files) and the image holds directories there (copied
   * in, root's): the user is given it with `chown -R`.
   */
  nested?: boolean;
}

export interface RuntimeWrites {
  /** The directories the image leaves to root that the app writes in. */
  known: RuntimeWrite[];
  /** Writes whose directory cannot be told (STATIC_ROOT from the environment): named in general terms. */
  unknown: string[];
  /** Writes in the filesystem's root directory, which is no directory to give the user: the file must move. */
  inRoot?: RuntimeWrite[];
  /** Writes in directories the image gives to a user (`RUN chown -R www-data /code`): the user that can make them. */
  givenTo?: { dir: string; what: string; owner: DirectoryOwner }[];
  /** Commands that would write but fail first (collectstatic with STATIC_ROOT set nowhere): what they do instead. */
  failing?: string[];
}

/**
 * The run-time writes of the app's start commands and settings into directories the image leaves to root; with
 * `dropped`, of the start commands it keeps alone (those that run as the user where the rest stays root).
 */
export function runtimeWrites(
  app: App,
  df: DockerfileModel,
  stage: Stage,
  dropped: (c: StartCommand) => boolean = () => true,
): RuntimeWrites {
  const found: RuntimeWrite[] = [];
  // The writes that go anywhere below their directory, not into it alone: MEDIA_ROOT, STATIC_ROOT, COMPRESS_ROOT.
  const trees = new Set<RuntimeWrite>();
  const tree = (w: RuntimeWrite) => (trees.add(w), w);
  const unknown: string[] = [];
  const failing: string[] = [];
  // the place each command's writes are named at, so that one write from two branches is named once with both lines
  const places = new Map<RuntimeWrite, string>();
  for (const { c, cwd } of startsWithDirectory(app).filter(({ c }) => dropped(c))) {
    const at = `${c.file}:${c.line}`;
    const before = found.length;
    const argv = programArgv(c.argv);
    const managed = djangoCommand(c.argv);
    if (managed?.name === 'collectstatic') {
      const dir = settingDir(app, 'STATIC_ROOT', cwd);
      if (dir) found.push(tree({ dir, what: `STATIC_ROOT, which collectstatic fills at ${at}` }));
      else if (settingUnset(app, 'STATIC_ROOT'))
        failing.push(
          `collectstatic (${at}) writes nothing: the settings (${app.settings!.file}) set no STATIC_ROOT, so it stops with ImproperlyConfigured`,
        );
      else unknown.push(`collectstatic (${at}) writes STATIC_ROOT`);
    }
    if (managed?.name === 'compilemessages') found.push(...compiledMessages(app, managed.args, cwd, at));
    // django-compressor's offline compression writes its CACHE directory under COMPRESS_ROOT, STATIC_ROOT by default.
    if (managed?.name === 'compress') {
      const own = settingDir(app, 'COMPRESS_ROOT', cwd);
      const dir = own ?? settingDir(app, 'STATIC_ROOT', cwd);
      const by = own ? '' : ' with COMPRESS_ROOT unset';
      if (dir)
        found.push(
          tree({
            dir,
            what: `${own ? 'COMPRESS_ROOT' : 'STATIC_ROOT'}, where compress writes its CACHE at ${at}${by}`,
          }),
        );
      else unknown.push(`compress (${at}) writes COMPRESS_ROOT`);
    }
    if (celeryBeat(argv) && !argv.some((w) => /^(-s|--schedule)(=|$)/.test(w)) && !beatKeepsNoFile(app, argv))
      found.push({ dir: cwd, what: `celery beat's schedule file celerybeat-schedule, started at ${at}` });
    for (const socket of socketPaths(app, c, cwd))
      found.push({ dir: posix.dirname(socket.path), what: socket.what });
    for (const log of uwsgiLogFiles(app, c, cwd)) found.push(fileWrite(log.path, log.what));
    for (const w of [...madeDirectories(df, stage, c, cwd), ...gunicornLogFiles(app, c, cwd)])
      found.push(w.kind === 'file' ? fileWrite(w.path, w.what) : { dir: w.path, what: w.what });
    const program = c.origin === 'supervisor' ? programOf(app, c) : undefined;
    const logs = [program?.stdoutLogfile, program?.stderrLogfile].filter(
      (l) => l !== undefined && l.value.startsWith('/') && !l.value.startsWith('/dev/'),
    );
    for (const value of new Set(logs.map((l) => l!.value)))
      found.push(
        fileWrite(
          value,
          `the log file ${value} at ${listOf(logs.filter((l) => l!.value === value).map((l) => `${program!.file}:${l!.line}`))}`,
        ),
      );
    for (const w of found.slice(before)) if (w.what.split(` at ${at}`).length === 2) places.set(w, at);
  }
  // SQLite opens a relative NAME in the directory the server runs in.
  const serverDir = startsWithDirectory(app).find(({ c }) => serverOf(c.argv))?.cwd;
  const sqlite = sqliteFile(app, serverDir);
  if (sqlite) found.push(sqlite);
  const media = mediaRoot(app);
  if (media?.dir) found.push(tree({ dir: media.dir, what: media.what }));
  else if (media) unknown.push(media.what);
  // Directories the image holds below such a directory (media/avatars/, staticfiles/admin/), copied in as root's.
  const copied = imagePathsOf(app, () => true).map(({ path }) => path);
  for (const w of trees)
    if (copied.some((p) => p.startsWith(`${w.dir}/`) && p.slice(w.dir.length + 1).includes('/')))
      w.nested = true;
  const owned = new Set(
    rootOwnedDirectories(
      df,
      stage,
      found.map((w) => w.dir),
    ),
  );
  const known: RuntimeWrite[] = [];
  const whats = new Map<RuntimeWrite, WhatAt[]>();
  const inRoot = found.filter((w) => w.dir === '/');
  for (const w of found) {
    if (!owned.has(w.dir) || w.dir === '/') continue;
    const same = known.find(
      (k) => k.dir === w.dir && (k.file === undefined ? w.file === undefined : k.file === w.file),
    );
    const { files: held, ...write } = w;
    const files = held ? rootOwnedFiles(df, stage, held) : [];
    const what = whatAt(w.what, places.get(w));
    if (!same) {
      const added = { ...write, ...(files.length > 0 ? { files } : {}), ...mountOver(app, w.dir) };
      known.push(added);
      whats.set(added, [what]);
    } else {
      const parts = whats.get(same)!;
      const kind = parts.find((p) => p.text === what.text);
      if (!kind) parts.push(what);
      else kind.places = [...new Set([...kind.places, ...what.places])];
      if (files.length > 0) same.files = [...new Set([...(same.files ?? []), ...files])];
      if (w.nested) same.nested = true;
    }
  }
  for (const w of known) w.what = whats.get(w)!.map(namedAt).join(', ');
  const givenTo = found.flatMap((w) => {
    const owner = owned.has(w.dir) ? undefined : directoryOwner(df, stage, w.dir);
    return owner ? [{ dir: w.dir, what: w.what, owner }] : [];
  });
  return {
    known,
    unknown,
    ...(givenTo.length > 0 ? { givenTo } : {}),
    ...(inRoot.length > 0 ? { inRoot } : {}),
    ...(failing.length > 0 ? { failing } : {}),
  };
}

/** What a write is with the places its commands are at taken out: `STATIC_ROOT, which collectstatic fills at \0`. */
interface WhatAt {
  text: string;
  places: string[];
}

function whatAt(what: string, place: string | undefined): WhatAt {
  return place
    ? { text: what.replace(` at ${place}`, ' at \0'), places: [place] }
    : { text: what, places: [] };
}

/** `collectstatic at start.sh:29 and :49`: the places in file and line order, a file named once for its lines. */
function namedAt(what: WhatAt): string {
  const sorted = what.places
    .map((p) => {
      const colon = p.lastIndexOf(':');
      return { file: p.slice(0, colon), line: Number(p.slice(colon + 1)) };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const named = sorted.map((p, i) =>
    i > 0 && sorted[i - 1].file === p.file ? `:${p.line}` : `${p.file}:${p.line}`,
  );
  return what.text.replace('\0', listOf(named));
}

/**
 * The app's start commands, each with the directory it runs in: the image's (a supervisord program's `directory=`,
 * the app service's `working_dir`, the WORKDIR), and those of the other compose services of the image (a worker).
 */
function startsWithDirectory(app: App): { c: StartCommand; cwd: string }[] {
  const service = app.compose?.appService;
  // A start script's `cd DIR` moves the commands after it (`cd /app/web`, then `uwsgi --ini uwsgi.ini`).
  const all = withDirectories(app, appStarts(app)).map(({ command, dir }) => ({ c: command, cwd: dir }));
  for (const s of app.compose?.appImageServices ?? [])
    if (s !== service)
      all.push(
        ...withDirectories(app, serviceCommand(app, s), s).map(({ command, dir }) => ({
          c: command,
          cwd: dir,
        })),
      );
  const seen = new Set<string>();
  return all.filter(({ c }) => {
    const key = `${c.file}:${c.line}:${c.argv.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The compose volume or bind mount of the image's services at the directory or above it. */
function mountOver(app: App, dir: string): Pick<RuntimeWrite, 'mount'> {
  const services = app.compose?.appImageServices ?? (app.compose?.appService ? [app.compose.appService] : []);
  const target = (t: string) => posix.normalize(t).replace(/(.)\/+$/, '$1');
  // The deepest mount decides: a named volume at /app/static under a bind mount of . at /app.
  const over = services
    .flatMap((s) => s.volumes)
    .filter((v) => {
      const t = target(v.target);
      return v.type !== 'tmpfs' && (t === dir || dir.startsWith(`${t}/`) || t === '/');
    })
    .sort((a, b) => target(b.target).length - target(a.target).length)[0];
  if (!over) return {};
  const at = `${over.file}:${over.line}`;
  const mounted = target(over.target);
  return {
    mount:
      over.type === 'bind'
        ? { kind: 'bind', at, target: mounted }
        : { kind: 'volume', name: over.source, at, target: mounted },
  };
}

/** `celery beat`, `celery -A proj beat`, or a worker with an embedded beat (`-B`, `--beat`). */
function celeryBeat(argv: string[]): boolean {
  if (basename(argv[0] ?? '') !== 'celery') return false;
  const verb = argv
    .slice(1)
    .find((w, i, a) => !w.startsWith('-') && !/^(-A|--app|-b|--broker)$/.test(a[i - 1] ?? ''));
  return verb === 'beat' || (verb === 'worker' && argv.some((w) => w === '-B' || w === '--beat'));
}

/**
 * celery beat keeps its schedule elsewhere than its shelve file: a scheduler other than the default PersistentScheduler
 * (django_celery_beat's DatabaseScheduler, `-S django`) named by `-S`/`--scheduler` or by the settings' beat_scheduler
 * (`CELERY_BEAT_SCHEDULER` under config_from_object's CELERY namespace, `CELERYBEAT_SCHEDULER` without).
 */
function beatKeepsNoFile(app: App, argv: string[]): boolean {
  const option = argv.flatMap((w, i) =>
    /^(-S|--scheduler)$/.test(argv[i - 1] ?? '')
      ? [w]
      : /^(-S.|--scheduler=)/.test(w)
        ? [w.replace(/^(-S|--scheduler=)/, '')]
        : [],
  );
  const setting = (app.settings?.assignments ?? [])
    .filter((a) => /^(CELERY_BEAT_SCHEDULER|CELERYBEAT_SCHEDULER)$/.test(a.name) && a.live !== false)
    .at(-1)?.value;
  const literal = setting?.kind === 'env' ? setting.fallback : setting;
  const scheduler =
    option.at(-1) ??
    (literal?.kind === 'literal' && typeof literal.value === 'string' ? literal.value : undefined);
  return scheduler !== undefined && scheduler !== '' && !/(^|[.:])PersistentScheduler$/.test(scheduler);
}

/**
 * The directories compilemessages writes .mo files in: beside every .po file under a `locale` directory of the tree it
 * runs in (Django walks the working directory for them), of the languages `-l` names; the .mo files the image already
 * holds there are rewritten.
 */
function compiledMessages(app: App, args: string[], cwd: string, at: string): RuntimeWrite[] {
  const locales = args.flatMap((w, i) =>
    /^(-l|--locale)$/.test(args[i - 1] ?? '')
      ? [w]
      : /^(-l|--locale=)./.test(w)
        ? [w.replace(/^(-l|--locale=)/, '')]
        : [],
  );
  const catalog = (ext: string) => (f: string) =>
    f.endsWith(ext) &&
    /(^|\/)locale\//.test(f) &&
    (locales.length === 0 || locales.some((l) => f.includes(`locale/${l}/LC_MESSAGES/`)));
  const under = (p: string) => cwd === '/' || p.startsWith(`${cwd}/`);
  const po = imagePathsOf(app, catalog('.po')).filter((p) => under(p.path));
  const mo = imagePathsOf(app, catalog('.mo')).map((p) => p.path);
  const dirs = [...new Set(po.map((p) => posix.dirname(p.path)))];
  return dirs.map((dir) => {
    const files = po
      .filter((p) => posix.dirname(p.path) === dir)
      .map((p) => p.path.replace(/\.po$/, '.mo'))
      .filter((f) => mo.includes(f));
    return {
      dir,
      what: `the .mo files compilemessages writes at ${at}`,
      ...(files.length > 0 ? { files } : {}),
    };
  });
}

/**
 * A directory setting's place in the image (STATIC_ROOT), where the settings compute it from BASE_DIR or write it
 * absolute; a relative one (`"static_dir"`) is where the command that writes it runs (`cwd`), as Django resolves it.
 */
export function settingDir(app: App, name: string, cwd?: string): string | undefined {
  const assigned = (app.settings?.assignments ?? []).filter((a) => a.name === name && a.live !== false);
  const value = assigned.at(-1)?.value;
  const source = value?.kind === 'env' ? (decoupleSource(app, value) ?? value.fallback) : value;
  if (source === null) return undefined;
  const path = source && (runtimePath(app, source) ?? relativeTo(cwd, source));
  return path === undefined ? undefined : posix.normalize(path).replace(/(.)\/+$/, '$1');
}

/**
 * What python-decouple's `config("X", default=…)` gives when its file (settings.ini, .env) sets X: that value in an
 * image the file is sent to (it comes before the default); null when it cannot be told (interpolated, or the file's
 * place in the image unknown); undefined when the default stands (no such value, or no such file in the image).
 */
function decoupleSource(
  app: App,
  value: Extract<ValueSource, { kind: 'env' }>,
): ValueSource | null | undefined {
  const config = app.decoupleConfig;
  const text = value.via === 'other' ? decoupleValue(config, value.variable) : undefined;
  if (!config || text === undefined) return undefined;
  if (config.sent === undefined) return null;
  if (!config.sent) return undefined;
  if (/[%$]/.test(text)) return null;
  return { kind: 'literal', value: text, line: value.line };
}

/**
 * The settings, known in full (every star-import followed, not standing in for a module the repository lacks), set
 * `name` nowhere, so Django's default applies (STATIC_ROOT: None).
 */
function settingUnset(app: App, name: string): boolean {
  const settings = app.settings;
  if (!settings || settings.inPlaceOf) return false;
  if ((settings.starImports ?? []).length > (settings.starImportEdges ?? []).length) return false;
  // another value of the variable an include() is chosen by loads a file that may set it
  if ((settings.envIncludes ?? []).length > 0) return false;
  return !settings.assignments.some((a) => a.name === name);
}

/** Where a path the settings compute is in the container: in the image, else under the project a bind mount brings. */
function runtimePath(app: App, v: ValueSource): string | undefined {
  const inImage = imagePath(app, v);
  if (inImage !== undefined || v.kind !== 'path' || v.base === 'absolute') return inImage;
  const base = mountedBaseDir(app);
  return base === undefined ? undefined : posix.join(base, ...v.parts);
}

/** The directory of the SQLite file the default database config names, which SQLite writes its journal beside. */
function sqliteFile(app: App, serverDir?: string): RuntimeWrite | undefined {
  const settings = app.settings;
  const configs = settings?.databases?.configs ?? [];
  const chosen = configs.find((c) => c.isDefault) ?? (configs.length === 1 ? configs[0] : undefined);
  if (!chosen?.engine?.endsWith('sqlite3') || !isEnginePath(chosen.engine)) return undefined;
  const name = chosen.fields.NAME;
  const source = name?.kind === 'env' ? name.fallback : name;
  const path = source && (runtimePath(app, source) ?? relativeTo(serverDir, source));
  if (!path) return undefined;
  const line = chosen.fieldLines?.NAME ?? chosen.line;
  // A fallback the environment can switch away from is written only when it is taken.
  const databases = settings!.databases!;
  const when = databases.selection.kind === 'env' ? `, when ${fallbackWhen(databases)}` : '';
  // A database file the build copies in stays root's: the user must be given the file as well as its directory.
  const shipped = imageFileSource(app, path);
  return {
    dir: posix.dirname(path),
    what: `the SQLite database ${path} at ${chosen.file ?? settings!.file}:${line}${when}${shipped ? `, which the image holds, copied from ${shipped}` : ''}`,
    ...(shipped ? { files: [path] } : {}),
  };
}

/**
 * MEDIA_ROOT, where Django's default storage writes the uploads of the models' file fields; none without such a
 * field, or when the settings choose another storage (S3) for the default anywhere.
 */
function mediaRoot(app: App): { dir?: string; what: string } | undefined {
  const first = app.uploadFields?.[0];
  const settings = app.settings;
  if (!first || !settings) return undefined;
  if (defaultFileStorages(settings).some((c) => !c.backend || !isFileSystemStorage(c.backend)))
    return undefined;
  const more = app.uploadFields!.length - 1;
  const fields = `${first.field} at ${first.file}:${first.line}${more > 0 ? ` and ${more} other file ${more === 1 ? 'field' : 'fields'}` : ''}`;
  const dir = settingDir(app, 'MEDIA_ROOT');
  // Unset, MEDIA_ROOT is '' and uploads land in the server's working directory: not told apart here.
  if (dir === undefined && settingUnset(app, 'MEDIA_ROOT')) return undefined;
  if (dir === undefined) return { what: `the uploads of ${fields} go to MEDIA_ROOT` };
  return { dir, what: `MEDIA_ROOT, where uploads go for ${fields}` };
}

/** A relative file name (`NAME: "appdata"`), resolved where the server runs; not `:memory:` or a `file:` URI. */
function relativeTo(dir: string | undefined, v: ValueSource): string | undefined {
  if (dir === undefined || v.kind !== 'literal' || typeof v.value !== 'string') return undefined;
  const name = v.value;
  if (name === '' || name.startsWith(':') || /^file:/i.test(name) || name.includes('$')) return undefined;
  return posix.resolve(dir, name);
}

/** A write to one file: the file alone is named for the chown when its directory is a shared system one. */
function fileWrite(path: string, what: string): RuntimeWrite {
  const dir = posix.dirname(path);
  return { dir, what, ...(isSharedDirectory(dir) ? { file: path } : {}) };
}

/** `chown USER A B`, then `chown -R USER C` for the directories whose copied subdirectories it must own too. */
export function chownCommand(user: string, paths: string[], nested: string[] = []): string {
  return [
    ...(paths.length > 0 ? [`chown ${user} ${paths.join(' ')}`] : []),
    ...(nested.length > 0 ? [`chown -R ${user} ${nested.join(' ')}`] : []),
  ].join(' && ');
}

/** The words that give `user` those directories before USER, or name the writes in general terms; '' when none. */
export function runtimeWritesAdvice(
  writes: RuntimeWrites,
  stage: Stage,
  user: string,
  when = `before USER ${user}`,
): string {
  const parts: string[] = [];
  if (writes.known.length > 0) {
    const dirs = [...new Set(writes.known.map((w) => w.dir))];
    const whole = [...new Set(writes.known.filter((w) => w.file === undefined).map((w) => w.dir))];
    const create = whole.filter((d) => d !== stage.workdir);
    const made = writes.known.flatMap((w) => (w.file !== undefined ? [w.file] : []));
    const mkdir =
      (create.length > 0 ? `mkdir -p ${create.join(' ')} && ` : '') +
      (made.length > 0 ? `touch ${made.join(' ')} && ` : '');
    const files = writes.known.flatMap((w) => w.files ?? []);
    const shared =
      made.length === 0
        ? ''
        : ` ${listOf([...new Set(writes.known.filter((w) => w.file !== undefined).map((w) => w.dir))])} ${made.length === 1 ? 'is a system directory' : 'are system directories'} other programs share: the chown gives ${user} the ${made.length === 1 ? 'file' : 'files'}, made at build time, not the directory.`;
    const held =
      files.length === 0
        ? ''
        : ` The image already holds ${listOf(files)}, which COPY leaves owned by root: owning the directory does not let ${user} write to ${files.length === 1 ? 'that file' : 'those files'}, so the chown names ${files.length === 1 ? 'it' : 'them'} too.`;
    const nested = [...new Set(writes.known.filter((w) => w.nested).map((w) => w.dir))];
    const chown = chownCommand(
      user,
      [...whole.filter((d) => !nested.includes(d)), ...made, ...files],
      nested,
    );
    const down =
      nested.length === 0
        ? ''
        : ` The image holds directories under ${listOf(nested)}, copied in and owned by root, where the app writes too: the chown goes down them (-R).`;
    parts.push(
      `The app writes at run time in ${dirs.length === 1 ? 'a directory' : 'directories'} the image leaves to root: ${listOf(writes.known.map((w) => `${w.dir} (${w.what})`))}; as ${user} it could not, so ${when}, RUN ${mkdir}${chown}.${shared}${held}${down}${mountNotes(writes.known, user)}`,
    );
  }
  if (writes.inRoot)
    parts.push(
      `The app writes at run time in the filesystem's root directory /: ${listOf(writes.inRoot.map((w) => w.what))}; as ${user} it could not, and / is no directory to give ${user}: move ${writes.inRoot.length === 1 ? 'it' : 'them'} to a directory of its own that ${user} owns (e.g. /run/app, created and given to ${user} ${when}).`,
    );
  if (writes.failing)
    parts.push(`${listOf(writes.failing)}: set STATIC_ROOT, and give ${user} that directory ${when}.`);
  if (writes.unknown.length > 0)
    parts.push(
      `${listOf(writes.unknown)} where the image cannot tell: give ${user} the directories the app writes at run time (static and media files, logs, sockets, the SQLite file, celery beat's schedule) ${when}.`,
    );
  return parts.join(' ');
}

/**
 * What a mount over a written directory changes: a new named volume copies the image's owner, a bind keeps the host's
 * (directories under one bind mount named together).
 */
export function mountNotes(writes: RuntimeWrite[], user: string): string {
  const binds = new Map<string, string[]>();
  for (const w of writes)
    if (w.mount?.kind === 'bind') binds.set(w.mount.at, [...(binds.get(w.mount.at) ?? []), w.dir]);
  return writes
    .map((w) => {
      const m = w.mount;
      if (!m) return '';
      if (m.kind === 'bind') {
        const dirs = binds.get(m.at);
        if (!dirs || dirs[0] !== w.dir) return '';
        binds.delete(m.at);
        return dirs.length === 1
          ? ` ${w.dir} is bind-mounted from the host under compose (${m.at}), where the host directory's owner applies: give ${user}'s uid that directory on the host too.`
          : ` ${listOf(dirs)} are bind-mounted from the host under compose (${m.at}), where the host directories' owner applies: give ${user}'s uid those directories on the host too.`;
      }
      const volume = m.name ? `named volume '${m.name}'` : 'anonymous volume';
      if (m.target === w.dir)
        return ` The ${volume} mounted over ${w.dir} under compose (${m.at}) takes its owner from the image's directory when Docker creates it (an existing volume keeps its owner: remove it once, or chown it in place).`;
      // A volume above the directory copies the image's tree below its mount point, owners included.
      return ` The ${volume} mounted at ${m.target} under compose (${m.at}), above ${w.dir}, takes the image's ${m.target} with its owners when Docker creates it, ${w.dir} included (an existing volume keeps what it holds: remove it once, or chown it in place).`;
    })
    .join('');
}

/**
 * The supervisord sections that name root as their `user=`: a program's (supervisord started as another user refuses
 * to start it), and `[supervisord]`'s own (`daemon`: supervisord exits at start, unable to switch to root).
 */
export function supervisorRootPrograms(
  app: App,
): { section: string; file: string; line: number; daemon?: true }[] {
  const isRoot = (user: string | undefined) => user !== undefined && /^(root|0)(:.*)?$/.test(user);
  const programs = appStarts(app).flatMap((c) => {
    const program = c.origin === 'supervisor' ? programOf(app, c) : undefined;
    if (!program || !isRoot(program.user)) return [];
    return [
      {
        section: `[${program.section ?? 'program'}:${program.name}]`,
        file: program.file,
        line: program.userLine ?? program.line,
      },
    ];
  });
  const daemon = (app.supervisorPrograms ?? []).find((p) => isRoot(p.daemonUser?.user))?.daemonUser;
  return daemon
    ? [{ section: '[supervisord]', file: daemon.file, line: daemon.line, daemon: true }, ...programs]
    : programs;
}
