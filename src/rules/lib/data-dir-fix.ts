import type { TextEdit } from '../../core/index.js';
import { providedEnvironment } from '../../model/settings/index.js';
import type { Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { instructionsOf, runtimeInsertionLine } from './dockerfile-fix.js';
import { ensureImportOs, insertLines, linesOf, replaceInLine } from './fix.js';
import { coversPath } from './paths.js';
import type { FixContext, FixProposal } from './rule.js';
import { shellLessBase, volumeWritableWithoutShell } from './shell-less-base.js';

/** The variable the settings read the data directory from, and where the image puts it: the course lab's names. */
export const DATA_DIR = 'DATA_DIR';
export const DATA_VOLUME = '/data';

/**
 * `BASE_DIR / 'db.sqlite3'` and `os.path.join(BASE_DIR, 'db.sqlite3')`: a file or directory right under BASE_DIR;
 * `BASE_DIR / 'data' / 'db.sqlite3'` is not one (under DATA_DIR it would name a directory nobody made).
 */
const UNDER_BASE_DIR = [
  { form: 'pathlib', pattern: /\bBASE_DIR\s*\/\s*(["'])([^"'\\/]+)\1(?!\s*\/)/g },
  { form: 'os.path', pattern: /\bos\.path\.join\(\s*BASE_DIR\s*,\s*(["'])([^"'\\/]+)\1\s*\)/g },
] as const;

/**
 * The path at the finding's line (the SQLite NAME, MEDIA_ROOT) read under the directory DATA_DIR names, BASE_DIR
 * staying its default, and the target stage given `ENV DATA_DIR=/data` and `VOLUME /data` (with the directory
 * created and handed to the stage's non-root USER before it switches). Only a path written once on its line as a
 * name right under BASE_DIR is rewritten.
 */
export function dataDirFromEnvironment(context: FixContext, app: App, what: string): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  const path = pathUnderDataDir(finding.file, lines, finding.line);
  const volume = dataDirVolumeEdits(app);
  if (!path || !volume) return undefined;
  return { title: `${what} under ${DATA_DIR}, a VOLUME on ${DATA_VOLUME}`, edits: [...path, ...volume] };
}

/**
 * The Dockerfile edits that give DATA_DIR its volume: none when the image already does (another path's fix did),
 * undefined when DATA_DIR is set otherwise or the stage's user cannot be told.
 */
export function dataDirVolumeEdits(app: App): TextEdit[] | undefined {
  const provided = providedEnvironment(app).values;
  const ready =
    provided.get(DATA_DIR) === DATA_VOLUME &&
    app.dockerfile?.targetStage?.volumes.some((v) => v.paths.includes(DATA_VOLUME));
  if (ready) return [];
  return provided.has(DATA_DIR) ? undefined : dataVolumeEdits(app, DATA_VOLUME, true);
}

/**
 * A VOLUME on the directory a data path already resolves to, when it lies outside the app's source (a volume there
 * would keep old code across releases).
 */
export function volumeOnDirectory(
  context: FixContext,
  app: App,
  dir: string,
  what: string,
): FixProposal | undefined {
  const source = app.imageSourceDir;
  const stage = app.dockerfile?.targetStage;
  if (!stage || !source || dir === '/' || !dir.startsWith('/') || !/^[\w./-]+$/.test(dir)) return undefined;
  if (coversPath(source, dir) || coversPath(dir, source) || coversPath(dir, stage.workdir || '/'))
    return undefined;
  if (!linesOf(context, app.dockerfile!.file)) return undefined;
  const edits = dataVolumeEdits(app, dir, false);
  return edits && { title: `a VOLUME on ${dir} for ${what}`, edits };
}

/** The edit that puts the path of `line` under DATA_DIR, or undefined when it is not written as one name under BASE_DIR. */
function pathUnderDataDir(file: string, lines: string[], line: number): TextEdit[] | undefined {
  const text = lines[line - 1] ?? '';
  const found = UNDER_BASE_DIR.flatMap(({ form, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({ form, at: m.index, written: m[0], quote: m[1], name: m[2] })),
  );
  if (found.length !== 1) return undefined;
  const [{ form, at, written, quote, name }] = found;
  const pathlib = form === 'pathlib' && lines.some((l) => /^from\s+pathlib\s+import\b.*\bPath\b/.test(l));
  const read = `os.environ.get(${quote}${DATA_DIR}${quote}, BASE_DIR)`;
  const replacement = pathlib
    ? `Path(${read}) / ${quote}${name}${quote}`
    : `os.path.join(${read}, ${quote}${name}${quote})`;
  return [
    ...ensureImportOs(file, lines),
    replaceInLine(file, line, at + 1, at + 1 + written.length, replacement),
  ];
}

/**
 * The Dockerfile lines that put `dir` on a volume (and set DATA_DIR to it when `setDataDir`): before the stage's own
 * non-root USER (creating the directory and handing it over while still root), else where the runtime configuration
 * goes; undefined when the stage's user cannot be told or is inherited from another stage, or when the stage has no
 * shell to make the directory in and no COPY gives it to the user.
 */
function dataVolumeEdits(app: App, dir: string, setDataDir: boolean): TextEdit[] | undefined {
  const dockerfile = app.dockerfile;
  const stage = dockerfile?.targetStage;
  if (!dockerfile || !stage) return undefined;
  const declared = stage.volumes.some((v) => v.paths.includes(dir));
  const lines = [...(setDataDir ? [`ENV ${DATA_DIR}=${dir}`] : []), ...(declared ? [] : [`VOLUME ${dir}`])];
  // No shell: no RUN can make the directory and give it to the user; only a COPY --chown that creates it can.
  const shellLess = shellLessBase(dockerfile, stage);
  if (shellLess && !declared && !volumeWritableWithoutShell(dockerfile, stage, shellLess, dir))
    return undefined;
  const user = stage.user;
  const name = user?.user?.split(':')[0];
  if (shellLess || !user || name === 'root' || name === '0') {
    return [insertLines(dockerfile.file, runtimeInsertionLine(stage), lines)];
  }
  if (user.user === undefined || !onlyUserOfStage(stage, user.line)) return undefined;
  return [
    insertLines(dockerfile.file, user.line, [`RUN mkdir -p ${dir} && chown ${user.user} ${dir}`, ...lines]),
  ];
}

/** The stage's one USER instruction is at `line`: before it the build still runs as root. */
function onlyUserOfStage(stage: Stage, line: number): boolean {
  const users = instructionsOf(stage, 'USER');
  return users.length === 1 && users[0].line === line;
}
