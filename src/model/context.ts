import { posix } from 'node:path';
import { baseName, normalizeRelative } from '../discover/classify.js';
import { compilePattern, DockerignoreMatcher, sentFiles } from '../parse/dockerignore.js';
import type { CopyInstr, DockerfileModel, Instruction, RunInstr, Stage } from './types/dockerfile.js';
import type { App, BuildContext } from './types/project.js';

/**
 * Where files of the build context land in the image, and back: which context file an image path came from.
 * Follows COPY/ADD of the stage and of the stages it builds on (FROM <stage>, COPY --from=<stage>). Pure.
 */
export class ImageLayout {
  private readonly sent: Set<string>;
  private readonly dirs: Set<string>;

  constructor(
    private readonly model: DockerfileModel,
    sentFiles: string[],
  ) {
    this.sent = new Set(sentFiles);
    this.dirs = new Set();
    for (const f of sentFiles) {
      let d = posix.dirname(f);
      while (d !== '.' && !this.dirs.has(d)) {
        this.dirs.add(d);
        d = posix.dirname(d);
      }
    }
  }

  /** The stage a `--from=`/FROM reference names, by name or index. */
  stageNamed(ref: string | number | undefined): Stage | undefined {
    if (ref === undefined) return undefined;
    if (typeof ref === 'number') return this.model.stages[ref];
    const byName = this.model.stages.find((s) => s.name?.toLowerCase() === ref.toLowerCase());
    if (byName) return byName;
    return /^\d+$/.test(ref) ? this.model.stages[Number(ref)] : undefined;
  }

  parentOf(stage: Stage): Stage | undefined {
    const ref = stage.from.stageRef;
    return ref !== undefined && ref !== stage.index ? this.model.stages[ref] : undefined;
  }

  /** WORKDIR in effect just before instruction `index` of `stage` ('/' when none is set; undefined when unresolved). */
  workdirAt(stage: Stage, index: number): string | undefined {
    return this.workdirsOf(stage, 0)[Math.min(Math.max(index, 0), stage.instructions.length)];
  }

  private readonly workdirs = new Map<Stage, (string | undefined)[]>();

  /** WORKDIR before each instruction of the stage, and at its end (last element). */
  private workdirsOf(stage: Stage, depth: number): (string | undefined)[] {
    const cached = this.workdirs.get(stage);
    if (cached) return cached;
    const parent = depth < 20 ? this.parentOf(stage) : undefined;
    let wd: string | undefined = parent ? this.workdirsOf(parent, depth + 1).at(-1) : '/';
    const out: (string | undefined)[] = [];
    for (const ins of stage.instructions) {
      out.push(wd);
      if (ins.keyword === 'WORKDIR') {
        const path = (ins as { path?: string }).path;
        wd = path === undefined ? undefined : posix.resolve(wd ?? '/', path);
      }
    }
    out.push(wd);
    this.workdirs.set(stage, out);
    return out;
  }

  /** The context file an absolute image path of `stage` (just before instruction `before`) was copied from. */
  sourceOf(
    stage: Stage,
    imagePath: string,
    before = stage.instructions.length,
    depth = 0,
  ): string | undefined {
    if (depth > 20) return undefined;
    const target = posix.normalize(imagePath);
    for (let i = Math.min(before, stage.instructions.length) - 1; i >= 0; i--) {
      const ins = stage.instructions[i];
      if (ins.keyword === 'RUN') {
        // `RUN mv /tmp/entrypoint.sh /usr/local/bin/start`: the file came from where it was before that RUN.
        const moved = movedFrom(ins as RunInstr, target, this.workdirAt(stage, i) ?? '/');
        if (moved) return this.sourceOf(stage, moved, i, depth + 1);
        continue;
      }
      if (!isCopy(ins)) continue;
      const dest = this.destOf(stage, i, ins);
      for (const source of this.sourcesOf(ins)) {
        const origin = this.originOf(source, ins, dest, target);
        if (origin === undefined) continue;
        if (ins.fromStage !== undefined) {
          const from = this.stageNamed(ins.fromStage);
          const found = from ? this.sourceOf(from, origin, from.instructions.length, depth + 1) : undefined;
          if (found) return found;
          continue;
        }
        if (this.sent.has(origin)) return origin;
      }
    }
    const parent = this.parentOf(stage);
    return parent ? this.sourceOf(parent, target, parent.instructions.length, depth + 1) : undefined;
  }

  /** The image path where a context file (or directory) lands at the end of `stage`, last COPY winning. */
  landingOf(stage: Stage, contextPath: string): string | undefined {
    return this.landing(stage, contextPath, 0)?.path;
  }

  /**
   * Where a context file lands at the end of `stage`, with the line of the COPY/ADD that took it from the context
   * (for a file passed on by `COPY --from`, the line in the earlier stage).
   */
  landing(stage: Stage, contextPath: string, depth = 0): { path: string; line: number } | undefined {
    return this.landings(stage, contextPath, depth).at(-1);
  }

  /** Every COPY/ADD that lays a context file into the layers of `stage`, in order (each layer keeps its copy). */
  landings(stage: Stage, contextPath: string, depth = 0): { path: string; line: number }[] {
    if (depth > 20) return [];
    const parent = this.parentOf(stage);
    const all = parent ? this.landings(parent, contextPath, depth + 1) : [];
    stage.instructions.forEach((ins, i) => {
      if (!isCopy(ins)) return;
      const dest = this.destOf(stage, i, ins);
      let origin: { path: string; line: number } | undefined = { path: contextPath, line: ins.line };
      if (ins.fromStage !== undefined) {
        const from = this.stageNamed(ins.fromStage);
        origin = from ? this.landing(from, contextPath, depth + 1) : undefined;
        if (origin === undefined) return;
      }
      let landing: { path: string; line: number } | undefined;
      for (const source of this.sourcesOf(ins)) {
        const l = this.destinationOf(source, ins, dest, origin.path, ins.fromStage !== undefined);
        if (l !== undefined) landing = { path: l, line: origin.line };
      }
      if (landing) all.push(landing);
    });
    return all;
  }

  private readonly dests = new Map<CopyInstr, { path: string; isDir: boolean }>();

  private destOf(stage: Stage, index: number, ins: CopyInstr): { path: string; isDir: boolean } {
    const cached = this.dests.get(ins);
    if (cached) return cached;
    const wd = this.workdirAt(stage, index) ?? '/';
    const sources = this.sourcesOf(ins);
    const path = posix.resolve(wd, ins.dest);
    // `COPY manage.py .` (the model writes `.` as the WORKDIR): the WORKDIR exists, so the file goes inside it.
    // `COPY manage.py /code` after `COPY server /code`: /code is a directory by then, so the file goes inside it too.
    const isDir =
      ins.dest.endsWith('/') ||
      ins.dest === '.' ||
      path === wd ||
      sources.length > 1 ||
      sources.some((s) => /[*?[]/.test(s) || this.isDirSource(s, ins)) ||
      this.isDirectoryBefore(stage, index, path, 0);
    const dest = { path, isDir };
    this.dests.set(ins, dest);
    return dest;
  }

  /** Whether an instruction before `index` of `stage` (or of the stages it builds on) made `path` a directory. */
  private isDirectoryBefore(stage: Stage, index: number, path: string, depth: number): boolean {
    const under = (p: string) => p.startsWith(`${path}/`);
    for (let i = Math.min(index, stage.instructions.length) - 1; i >= 0; i--) {
      const ins = stage.instructions[i];
      if (ins.keyword === 'WORKDIR') {
        const wd = this.workdirAt(stage, i + 1);
        if (wd !== undefined && (wd === path || under(wd))) return true;
      } else if (isCopy(ins)) {
        const d = this.destOf(stage, i, ins);
        if ((d.isDir && d.path === path) || under(d.path)) return true;
      } else if (ins.keyword === 'RUN') {
        // `RUN mkdir -p /opt/server`: a later `ADD file /opt/server` puts the file inside it.
        const wd = this.workdirAt(stage, i) ?? '/';
        const made = ((ins as RunInstr).script?.commands ?? [])
          .filter((c) => baseName(c.argv[0] ?? '') === 'mkdir')
          .flatMap((c) =>
            c.argv
              .slice(1)
              .filter(
                (w, k, a) => !w.startsWith('-') && !w.includes('$') && !/^(-m|--mode)$/.test(a[k - 1] ?? ''),
              ),
          )
          .map((w) => posix.resolve(wd, w));
        if (made.some((m) => m === path || under(m))) return true;
      }
    }
    const parent = depth < 20 ? this.parentOf(stage) : undefined;
    return parent ? this.isDirectoryBefore(parent, parent.instructions.length, path, depth + 1) : false;
  }

  private readonly resolvedSources = new Map<CopyInstr, string[]>();

  /**
   * The sources of a COPY/ADD from the context, a source naming a build argument without a value replaced by the one
   * context path its pattern matches (`entrypoint-${APP_ENV}.sh` → `entrypoint-prod.sh`); left as written when none
   * or several match, since which one the build takes is then unknown.
   */
  private sourcesOf(ins: CopyInstr): string[] {
    if (!ins.sourcePatterns || ins.fromStage !== undefined) return ins.sources;
    const cached = this.resolvedSources.get(ins);
    if (cached) return cached;
    const sources = [...ins.sources];
    for (const { index, pattern } of ins.sourcePatterns) {
      const written = normalizeRelative((sources[index] ?? '').replace(/^\/+/, ''));
      if (written !== undefined && (this.sent.has(written) || this.dirs.has(written))) continue;
      const glob = normalizeRelative(pattern.replace(/^\/+/, ''));
      const matches = glob === undefined ? [] : this.matchesOf(compilePattern(glob));
      if (matches.length === 1) sources[index] = matches[0];
    }
    this.resolvedSources.set(ins, sources);
    return sources;
  }

  private isDirSource(source: string, ins: CopyInstr): boolean {
    if (ins.fromStage !== undefined) return source.endsWith('/') || !/\.[^/]+$/.test(source);
    const rel = normalizeRelative(source.replace(/^\/+/, ''));
    return rel === '.' || (rel !== undefined && this.dirs.has(rel));
  }

  /** For a source of a COPY: the source-side path that produced image path `target`, if this source covers it. */
  private originOf(
    source: string,
    ins: CopyInstr,
    dest: { path: string; isDir: boolean },
    target: string,
  ): string | undefined {
    if (isUrl(source)) return undefined;
    const fromStage = ins.fromStage !== undefined;
    const src = fromStage ? posix.normalize(source) : normalizeRelative(source.replace(/^\/+/, ''));
    if (src === undefined) return undefined;
    if (/[*?[]/.test(src) && !fromStage) {
      const re = compilePattern(src);
      const rel = relativeInside(target, dest.path);
      if (rel === undefined || rel === '.') return undefined;
      for (const candidate of this.matchesOf(re)) {
        if (this.dirs.has(candidate)) {
          if (this.sent.has(`${candidate}/${rel}`)) return `${candidate}/${rel}`;
        } else if (!rel.includes('/') && baseName(candidate) === rel) return candidate;
      }
      return undefined;
    }
    const isDir = fromStage ? this.isDirSource(source, ins) : src === '.' || this.dirs.has(src);
    if (isDir) {
      const rel = relativeInside(target, dest.path);
      if (rel === undefined) return undefined;
      if (fromStage) return rel === '.' ? src : posix.join(src, rel);
      return src === '.' ? rel : rel === '.' ? src : `${src}/${rel}`;
    }
    const asFile = dest.isDir ? posix.join(dest.path, baseName(src)) : dest.path;
    if (target === asFile) return src;
    // `COPY requirements.txt /app` where /app is already a directory in the image.
    if (!dest.isDir && target === posix.join(dest.path, baseName(src))) return src;
    return undefined;
  }

  /** For a source of a COPY: where `origin` (context path, or image path of the --from stage) lands, if covered. */
  private destinationOf(
    source: string,
    ins: CopyInstr,
    dest: { path: string; isDir: boolean },
    origin: string,
    fromStage: boolean,
  ): string | undefined {
    if (isUrl(source)) return undefined;
    if (fromStage) {
      const src = posix.normalize(source);
      const rel = relativeInside(origin, src);
      if (rel === undefined) return undefined;
      if (rel === '.' && !this.isDirSource(source, ins))
        return dest.isDir ? posix.join(dest.path, baseName(src)) : dest.path;
      return posix.join(dest.path, rel);
    }
    const src = normalizeRelative(source.replace(/^\/+/, ''));
    if (src === undefined) return undefined;
    if (/[*?[]/.test(src)) {
      const re = compilePattern(src);
      for (const candidate of this.matchesOf(re)) {
        if (this.dirs.has(candidate)) {
          const rel = relativeInside(origin, candidate);
          if (rel !== undefined && rel !== '.') return posix.join(dest.path, rel);
        } else if (candidate === origin) return posix.join(dest.path, baseName(candidate));
      }
      return undefined;
    }
    if (src === '.') return posix.join(dest.path, origin);
    if (this.dirs.has(src)) {
      const rel = relativeInside(origin, src);
      return rel === undefined ? undefined : rel === '.' ? dest.path : posix.join(dest.path, rel);
    }
    if (origin !== src) return undefined;
    return dest.isDir ? posix.join(dest.path, baseName(src)) : dest.path;
  }

  private matchesOf(re: RegExp): string[] {
    return [...this.sent, ...this.dirs].filter((p) => re.test(p));
  }
}

function isCopy(ins: Instruction): ins is CopyInstr {
  return ins.keyword === 'COPY' || ins.keyword === 'ADD';
}

export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source);
}

/** `path` relative to `dir` (POSIX, absolute or relative alike), '.' when equal; undefined when outside. */
function relativeInside(path: string, dir: string): string | undefined {
  const p = path.replace(/\/+$/, '') || '/';
  const d = dir.replace(/\/+$/, '') || '/';
  if (p === d) return '.';
  if (d === '/') return p.startsWith('/') ? p.slice(1) : undefined;
  if (d === '.') return p;
  return p.startsWith(`${d}/`) ? p.slice(d.length + 1) : undefined;
}

/** The context files `match` picks that the build sends, with the layout of the app's image to place them in. */
function candidatesInImage(
  app: App,
  match: (path: string) => boolean,
): { layout: ImageLayout; target: Stage; candidates: string[] } | undefined {
  const model = app.dockerfile;
  const context = app.context;
  const target = model?.targetStage;
  if (!model || !context || !target) return undefined;
  const candidates = context.sentFiles.filter(match);
  if (candidates.length === 0) return undefined;
  return { layout: new ImageLayout(model, context.sentFiles), target, candidates };
}

/**
 * Context files accepted by `match` that reach the app's built image (target stage), grouped by the line of the
 * COPY/ADD that takes them from the context. Files left out by .dockerignore never reach it.
 */
export function filesReachingImage(
  app: App,
  match: (path: string) => boolean,
): { line: number; files: string[] }[] {
  const found = candidatesInImage(app, match);
  if (!found) return [];
  const { layout, target, candidates } = found;
  const byLine = new Map<number, string[]>();
  for (const file of candidates) {
    const lines = new Set(layout.landings(target, file).map((l) => l.line));
    for (const line of lines) byLine.set(line, [...(byLine.get(line) ?? []), file]);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, files]) => ({ line, files }));
}

/** Where the context files `match` picks land in the app's image (target stage), each with its context path. */
export function imagePathsOf(app: App, match: (path: string) => boolean): { file: string; path: string }[] {
  const found = candidatesInImage(app, match);
  if (!found) return [];
  const { layout, target, candidates } = found;
  return candidates.flatMap((file) => {
    const path = layout.landingOf(target, file);
    return path ? [{ file, path }] : [];
  });
}

/** The context file the app's image holds at the absolute path `imagePath`, copied there by COPY/ADD. */
export function imageFileSource(app: App, imagePath: string): string | undefined {
  const model = app.dockerfile;
  const context = app.context;
  const target = model?.targetStage;
  if (!model || !context || !target) return undefined;
  return new ImageLayout(model, context.sentFiles).sourceOf(target, imagePath);
}

/**
 * The path `target` had before a RUN that moved or copied it there (`mv`/`cp SRC DEST`), or wrote it converted
 * (`dos2unix --newfile SRC DEST`, `sed 's/\r$//' SRC > DEST`: line endings change, the script stays the same), if one did.
 */
function movedFrom(run: RunInstr, target: string, workdir: string): string | undefined {
  const commands = run.argv ? [{ argv: run.argv, redirects: [] }] : (run.script?.commands ?? []);
  let found: string | undefined;
  for (const { argv, redirects } of commands) {
    const converted = convertedFrom(argv, redirects, target, workdir);
    if (converted) found = converted;
    // `ln -s /home/app/run.sh /run.sh`: the link opens the file it points to.
    if (argv[0] !== 'mv' && argv[0] !== 'cp' && argv[0] !== 'ln') continue;
    const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
    if (operands.length < 2 || operands.some((a) => a.includes('$'))) continue;
    const dest = posix.resolve(workdir, operands.at(-1)!);
    const symbolic = argv[0] === 'ln' && argv.slice(1).some((a) => /^-\w*s|^--symbolic$/.test(a));
    for (const source of operands.slice(0, -1)) {
      // A relative symbolic link points from the directory it is in.
      const from = posix.resolve(symbolic && operands.length === 2 ? posix.dirname(dest) : workdir, source);
      if (dest === target && operands.length === 2) found = from;
      else if (posix.join(dest, posix.basename(from)) === target) found = from;
    }
  }
  return found;
}

const LINE_ENDING_CONVERTERS = new Set(['dos2unix', 'unix2dos', 'mac2unix', 'unix2mac']);
const TEXT_FILTERS = new Set(['sed', 'tr', 'cat']);

/** The file a line-ending conversion or a text filter wrote to `target`, read from the file it came from. */
function convertedFrom(
  argv: string[],
  redirects: { op: string; target: string }[],
  target: string,
  workdir: string,
): string | undefined {
  const at = (p: string) => posix.resolve(workdir, p);
  if (LINE_ENDING_CONVERTERS.has(argv[0])) {
    // `dos2unix -n IN OUT [IN OUT …]`: each pair after the flag is a file and the new one written from it.
    const flag = argv.findIndex((a) => a === '-n' || a === '--newfile');
    if (flag < 0) return undefined;
    const pairs = argv.slice(flag + 1).filter((a) => !a.startsWith('-'));
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (!pairs[i].includes('$') && !pairs[i + 1].includes('$') && at(pairs[i + 1]) === target)
        return at(pairs[i]);
    }
    return undefined;
  }
  // `sed 's/\r$//' IN > OUT`, `tr -d '\r' < IN > OUT`: one file in, written whole to the redirection's target.
  const out = redirects.find((r) => r.op === '>');
  if (!TEXT_FILTERS.has(argv[0]) || !out || out.target.includes('$') || at(out.target) !== target)
    return undefined;
  if (argv[0] === 'sed' && argv.some((a) => a.startsWith('-i') || a === '--in-place')) return undefined;
  const input = redirects.find((r) => r.op === '<')?.target;
  const operands = argv.slice(argv[0] === 'sed' ? 2 : 1).filter((a) => !a.startsWith('-'));
  const source = input ?? (argv[0] === 'tr' || operands.length !== 1 ? undefined : operands[0]);
  return source && !source.includes('$') ? at(source) : undefined;
}

/**
 * The lines, in order, of the COPY/ADD instructions that would take a file the repository does not hold (a
 * developer's own `.env`, named by a compose `env_file`) into the app's image, were it in the context: `contextPath`
 * is relative to the context, and .dockerignore is applied to it as Docker would.
 */
export function absentFileReachingImage(app: App, contextPath: string): number[] {
  const model = app.dockerfile;
  const context = app.context;
  const target = model?.targetStage;
  if (!model || !target || !context || context.files.includes(contextPath)) return [];
  if (sentFiles([contextPath], context.dockerignore).length === 0) return [];
  const landings = new ImageLayout(model, [...context.sentFiles, contextPath]).landings(target, contextPath);
  return [...new Set(landings.map((l) => l.line))];
}

/** The paths of `paths` that the context's .dockerignore lets in through a `!` exception: on purpose, not by a gap. */
export function letInOnPurpose(context: BuildContext, paths: readonly string[]): Set<string> {
  const matcher = new DockerignoreMatcher(context.dockerignore);
  return new Set(paths.filter((p) => matcher.letsInOnPurpose(p)));
}

/** The `!` exception of the context's .dockerignore that lets `path` in (`!.env.docker.example`), if one does. */
export function exceptionLettingIn(
  context: BuildContext,
  path: string,
): { pattern: string; line: number } | undefined {
  const ignore = context.dockerignore;
  if (!ignore || !letInOnPurpose(context, [path]).has(path)) return undefined;
  const matches = (p: { pattern: string; line: number }) =>
    new DockerignoreMatcher({ file: ignore.file, patterns: [{ ...p, negated: false }] }).excludes(path);
  const found = ignore.patterns.findLast((p) => p.negated && matches(p));
  return found && { pattern: `!${found.pattern}`, line: found.line };
}

/** Whether the context's .dockerignore, with `added` patterns appended, would leave `path` (context-relative) out. */
export function excludedWith(context: BuildContext, added: readonly string[], path: string): boolean {
  const patterns = [
    ...(context.dockerignore?.patterns ?? []),
    ...added.map((pattern) => ({ pattern, negated: false, line: 0 })),
  ];
  return new DockerignoreMatcher({ file: context.dockerignore?.file ?? '.dockerignore', patterns }).excludes(
    path,
  );
}
