import { posix } from 'node:path';
import { parseDockerfile, splitWords, type DockerfileInstruction } from '../parse/dockerfile.js';
import { parseShell } from '../parse/shell.js';
import type {
  ArgInstr,
  CommandInstr,
  CopyInstr,
  DockerfileModel,
  EnvInstr,
  EnvPair,
  ExposeInstr,
  FromInstr,
  HealthcheckInstr,
  Instruction,
  OtherInstr,
  RunInstr,
  Stage,
  UserInstr,
  VolumeInstr,
  WorkdirInstr,
} from './types/dockerfile.js';
import type { ParseError } from './types/project.js';
import type { ShellScript } from './types/shell.js';

export interface DockerfileOptions {
  /** compose build.target; else the last stage is the target. */
  target?: string;
  /** compose build.args; they override ARG defaults. */
  buildArgs?: Record<string, string | undefined>;
}

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
// Build arguments BuildKit defines without an ARG line: their values are not known statically.
const PLATFORM_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
  'BUILDKIT_SYNTAX',
]);
const SCRIPT_SHELLS = /^#!\s*(\/usr\/bin\/env\s+)?(\/(usr\/)?bin\/)?(sh|bash|dash|ash)\b/;

/** What a variable is worth at some point of the build. */
type VarState = { kind: 'value'; value: string } | { kind: 'unset' } | { kind: 'unknown' };
type Lookup = (name: string) => VarState;
const UNKNOWN: VarState = { kind: 'unknown' };
const UNSET: VarState = { kind: 'unset' };

/** Dockerfile text → model (stages, resolved ARGs, target stage). Pure; never throws on bad input. */
export function modelDockerfile(
  file: string,
  text: string,
  options: DockerfileOptions = {},
): { model?: DockerfileModel; errors: ParseError[] } {
  try {
    return new Modeller(file, text, options).run();
  } catch (error) {
    return { errors: [{ file, message: `The Dockerfile could not be read: ${(error as Error).message}` }] };
  }
}

class Modeller {
  private readonly errors: ParseError[] = [];
  private readonly stages: Stage[] = [];
  private readonly globalArgs: ArgInstr[] = [];
  private readonly globalVars = new Map<string, VarState>();
  private escape = '\\';
  // State of the stage being read.
  private args = new Map<string, VarState>();
  private env = new Map<string, string | undefined>();
  private workdir: string | undefined = '/';
  private cmdSet = false;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly options: DockerfileOptions,
  ) {}

  run(): { model?: DockerfileModel; errors: ParseError[] } {
    if (this.text.includes(String.fromCharCode(0))) {
      return {
        errors: [{ file: this.file, line: 1, message: 'The Dockerfile is not text (it holds NUL bytes).' }],
      };
    }
    const syntax = parseDockerfile(this.text);
    this.escape = syntax.escape;
    for (const instr of syntax.instructions) this.read(instr);
    if (this.stages.length === 0 && this.errors.length === 0) {
      this.error(undefined, 'The Dockerfile has no FROM instruction, so it builds no image.');
    }
    const model: DockerfileModel = {
      file: this.file,
      stages: this.stages,
      builtStages: [],
      globalArgs: this.globalArgs,
    };
    if (this.stages.length > 0) {
      const target = this.findTarget();
      if (target) {
        model.targetStage = target;
        model.builtStages = this.dependencies(target);
      }
    }
    return { model, errors: this.errors };
  }

  private error(line: number | undefined, message: string): void {
    // One TF0001 per file is enough: later errors are often consequences of the first.
    if (this.errors.length === 0) this.errors.push({ file: this.file, ...(line ? { line } : {}), message });
  }

  private read(instr: DockerfileInstruction): void {
    const kw = instr.keyword;
    if (!KEYWORDS.has(kw)) {
      this.error(instr.line, `Unknown instruction '${printable(kw)}'.`);
      return;
    }
    if (kw === 'FROM') {
      this.startStage(instr);
      return;
    }
    const stage = this.stages.at(-1);
    if (!stage) {
      if (kw === 'ARG') this.globalArgs.push(...this.readArgs(instr, true));
      else this.error(instr.line, `${kw} comes before the first FROM; only ARG may.`);
      return;
    }
    const made = this.instruction(instr, stage);
    stage.instructions.push(...made);
    stage.lastLine = instr.endLine;
  }

  private startStage(instr: DockerfileInstruction): void {
    const words = splitWords(instr.args, this.escape).filter((w) => !w.startsWith('--'));
    if (words.length === 0) this.error(instr.line, 'FROM needs an image.');
    const raw = words[0] ?? '';
    const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : undefined;
    const image = expand(raw, (n) => this.globalLookup(n), this.escape);
    const from: FromInstr = { line: instr.line, endLine: instr.endLine, raw, scratch: false };
    if (image !== undefined && image !== '') {
      from.image = image;
      const lower = image.toLowerCase();
      const ref = this.stages.findIndex((s) => s.name?.toLowerCase() === lower);
      if (ref >= 0) from.stageRef = ref;
      else if (/^\d+$/.test(image) && Number(image) < this.stages.length) from.stageRef = Number(image);
      else if (lower === 'scratch') from.scratch = true;
      else Object.assign(from, parseImageRef(image));
    }
    const parent = from.stageRef !== undefined ? this.stages[from.stageRef] : undefined;
    const stage: Stage = {
      index: this.stages.length,
      ...(name ? { name } : {}),
      from,
      instructions: [],
      lastLine: instr.endLine,
      workdir: parent?.workdir ?? '/',
      env: { ...(parent?.env ?? {}) },
      user: parent?.user,
      cmd: parent?.cmd,
      entrypoint: parent?.entrypoint,
      exposes: [...(parent?.exposes ?? [])],
      volumes: [...(parent?.volumes ?? [])],
      healthcheck: parent?.healthcheck,
    };
    this.stages.push(stage);
    this.args = new Map();
    this.env = new Map(Object.entries(stage.env));
    this.workdir = parent ? (parent.workdir.startsWith('/') ? parent.workdir : undefined) : '/';
    this.cmdSet = false;
  }

  private globalLookup(name: string): VarState {
    const state = this.globalVars.get(name);
    if (state) return state;
    return PLATFORM_ARGS.has(name) ? UNKNOWN : UNSET;
  }

  private stageLookup(name: string): VarState {
    if (this.env.has(name)) {
      const v = this.env.get(name);
      return v === undefined ? UNKNOWN : { kind: 'value', value: v };
    }
    // Not declared here: it may come from the base image's environment.
    return this.args.get(name) ?? UNKNOWN;
  }

  private expand(raw: string): string | undefined {
    return expand(raw, (n) => this.stageLookup(n), this.escape);
  }

  private readArgs(instr: DockerfileInstruction, global: boolean): ArgInstr[] {
    const out: ArgInstr[] = [];
    const buildArgs = this.options.buildArgs ?? {};
    const lines = new NameLines(instr);
    let previous: string | undefined;
    for (const word of splitWords(instr.args, this.escape)) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(0, eq) : word;
      const rawDefault = eq >= 0 ? word.slice(eq + 1) : undefined;
      const lookup: Lookup = global ? (n) => this.globalLookup(n) : (n) => this.stageLookup(n);
      const defaultValue = rawDefault !== undefined ? expand(rawDefault, lookup, this.escape) : undefined;
      let state: VarState;
      if (Object.prototype.hasOwnProperty.call(buildArgs, name)) {
        const given = buildArgs[name];
        state = given === undefined ? UNKNOWN : { kind: 'value', value: given };
      } else if (rawDefault !== undefined) {
        state = defaultValue === undefined ? UNKNOWN : { kind: 'value', value: defaultValue };
      } else if (!global && this.globalVars.has(name)) {
        state = this.globalVars.get(name)!;
      } else {
        state = PLATFORM_ARGS.has(name) ? UNKNOWN : UNSET;
      }
      const arg: ArgInstr = {
        keyword: 'ARG',
        line: lines.next(name, nameSlack(previous)),
        endLine: instr.endLine,
        name,
        ...(defaultValue !== undefined ? { default: defaultValue } : {}),
        ...(state.kind === 'value' ? { value: state.value } : {}),
      };
      previous = word;
      if (global) this.globalVars.set(name, state);
      else this.args.set(name, state);
      out.push(arg);
    }
    return out;
  }

  private instruction(instr: DockerfileInstruction, stage: Stage): Instruction[] {
    const at = { line: instr.line, endLine: instr.endLine };
    switch (instr.keyword) {
      case 'ARG':
        return this.readArgs(instr, false);
      case 'ENV': {
        const env: EnvInstr = { keyword: 'ENV', ...at, pairs: this.readEnv(instr) };
        for (const pair of env.pairs) {
          this.env.set(pair.name, pair.value);
          stage.env[pair.name] = pair.value;
        }
        return [env];
      }
      case 'RUN':
        return [this.readRun(instr)];
      case 'COPY':
      case 'ADD':
        return [this.readCopy(instr)];
      case 'CMD':
      case 'ENTRYPOINT': {
        const cmd = this.readCommand(instr);
        if (cmd.keyword === 'CMD') {
          stage.cmd = cmd;
          this.cmdSet = true;
        } else {
          stage.entrypoint = cmd;
          if (!this.cmdSet) stage.cmd = undefined; // docker: ENTRYPOINT resets a CMD inherited from the base
        }
        return [cmd];
      }
      case 'EXPOSE': {
        const expose: ExposeInstr = { keyword: 'EXPOSE', ...at, ports: this.readPorts(instr) };
        stage.exposes.push(expose);
        return [expose];
      }
      case 'USER': {
        const user = this.expand(splitWords(instr.args, this.escape)[0] ?? '');
        const u: UserInstr = { keyword: 'USER', ...at, ...(user ? { user } : {}) };
        stage.user = u;
        return [u];
      }
      case 'VOLUME': {
        const paths = (jsonArray(instr.args) ?? splitWords(instr.args, this.escape))
          .map((p) => this.expand(p) ?? p)
          .map((p) => this.resolvePath(p));
        const v: VolumeInstr = { keyword: 'VOLUME', ...at, paths };
        stage.volumes.push(v);
        return [v];
      }
      case 'WORKDIR': {
        const raw = instr.args.trim();
        const value = this.expand(raw);
        if (value === undefined || (!value.startsWith('/') && this.workdir === undefined)) {
          this.workdir = undefined;
          stage.workdir = raw; // not absolute: consumers can tell it is unknown
          return [{ keyword: 'WORKDIR', ...at }];
        }
        const path = posix.normalize(value.startsWith('/') ? value : posix.join(this.workdir!, value));
        this.workdir = path.length > 1 ? path.replace(/\/$/, '') : path;
        stage.workdir = this.workdir;
        const w: WorkdirInstr = { keyword: 'WORKDIR', ...at, path: this.workdir };
        return [w];
      }
      case 'HEALTHCHECK': {
        const h: HealthcheckInstr = {
          keyword: 'HEALTHCHECK',
          ...at,
          none: instr.args.trim().toUpperCase() === 'NONE',
        };
        stage.healthcheck = h;
        return [h];
      }
      default: {
        const other: OtherInstr = { keyword: instr.keyword, ...at, raw: instr.args };
        return [other];
      }
    }
  }

  private readEnv(instr: DockerfileInstruction): EnvPair[] {
    const words = splitWords(instr.args, this.escape);
    const pairs: EnvPair[] = [];
    if (words.length === 0) return pairs;
    const legacy = !words[0].includes('=');
    const entries: [string, string][] = legacy
      ? [[words[0], instr.args.trim().slice(words[0].length).trim()]]
      : words.map((w) => [
          w.slice(0, w.indexOf('=') >= 0 ? w.indexOf('=') : w.length),
          w.includes('=') ? w.slice(w.indexOf('=') + 1) : '',
        ]);
    // All pairs of one ENV see the environment as it was before the instruction.
    const values = entries.map(([, raw]) => this.expand(raw));
    const lines = new NameLines(instr);
    entries.forEach(([name, raw], i) => {
      const line = lines.next(name, nameSlack(entries[i - 1]?.join('=')));
      pairs.push({ name, raw, line, ...(values[i] !== undefined ? { value: values[i] } : {}) });
    });
    return pairs;
  }

  private readRun(instr: DockerfileInstruction): RunInstr {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const mounts = flags.filter((f) => f.startsWith('--mount')).map((f) => f.replace(/^--mount=?/, ''));
    const run: RunInstr = { keyword: 'RUN', line: instr.line, endLine: instr.endLine, mounts };
    const argv = jsonArray(rest);
    if (argv) {
      run.argv = argv;
      return run;
    }
    run.script = this.runScript(instr, rest);
    return run;
  }

  /** The shell script a RUN executes, with file lines: a bare `RUN <<EOF` runs the heredoc body itself. */
  private runScript(instr: DockerfileInstruction, command: string): ShellScript {
    const bare = /^(\s*<<-?(["']?)[A-Za-z0-9_.-]+\2)+\s*$/.test(command);
    if (bare && instr.heredocs[0]) {
      const { body, bodyLine } = instr.heredocs[0];
      if (body.startsWith('#!') && !SCRIPT_SHELLS.test(body)) return { commands: [] };
      return parseShell(body, bodyLine);
    }
    return parseShell(blankFlags(instr.shellText), instr.argsLine);
  }

  private readCommand(instr: DockerfileInstruction): CommandInstr {
    const keyword = instr.keyword as 'CMD' | 'ENTRYPOINT';
    const base = { keyword, line: instr.line, endLine: instr.endLine, raw: instr.args };
    const argv = jsonArray(instr.args);
    if (argv) return { ...base, form: 'exec', argv };
    return { ...base, form: 'shell', script: parseShell(instr.shellText, instr.argsLine) };
  }

  private readCopy(instr: DockerfileInstruction): CopyInstr {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const words = jsonArray(rest) ?? splitWords(rest, this.escape);
    const expanded = words.map((w) => (w.startsWith('<<') ? w : (this.expand(w) ?? w)));
    const dest = expanded.length > 1 ? this.resolvePath(expanded.at(-1)!) : '';
    const fromFlag = flags.find((f) => f.startsWith('--from='));
    const copy: CopyInstr = {
      keyword: instr.keyword as 'COPY' | 'ADD',
      line: instr.line,
      endLine: instr.endLine,
      sources: expanded.slice(0, -1),
      dest,
    };
    if (fromFlag) {
      const raw = fromFlag.slice('--from='.length);
      copy.fromStage = this.expand(raw) ?? raw;
    }
    return copy;
  }

  private readPorts(instr: DockerfileInstruction): ExposeInstr['ports'] {
    return splitWords(instr.args, this.escape).map((raw) => {
      const value = this.expand(raw);
      const m = value !== undefined ? /^(\d+)(?:-\d+)?(?:\/(\w+))?$/.exec(value) : null;
      if (!m) return { protocol: value?.split('/')[1] ?? 'tcp', raw };
      return { port: Number(m[1]), protocol: (m[2] ?? 'tcp').toLowerCase(), raw };
    });
  }

  /** An image path for `p` against the current WORKDIR; `p` as given when WORKDIR is unknown. */
  private resolvePath(p: string): string {
    if (p.startsWith('/')) return normalizeKeepSlash(p);
    if (this.workdir === undefined || p.includes('$')) return p;
    return normalizeKeepSlash(posix.join(this.workdir, p));
  }

  private findTarget(): Stage | undefined {
    const wanted = this.options.target;
    if (!wanted) return this.stages.at(-1);
    const stage = this.stages.find((s) => s.name?.toLowerCase() === wanted.toLowerCase());
    if (!stage) this.error(undefined, `The build target '${wanted}' is not a stage of this Dockerfile.`);
    return stage;
  }

  /** The target and every stage it needs (FROM a stage, COPY --from, RUN --mount from=), in file order. */
  private dependencies(target: Stage): Stage[] {
    const seen = new Set<number>();
    const visit = (stage: Stage): void => {
      if (seen.has(stage.index)) return;
      seen.add(stage.index);
      const refs: string[] = [];
      if (stage.from.stageRef !== undefined) visit(this.stages[stage.from.stageRef]);
      for (const i of stage.instructions) {
        if ((i.keyword === 'COPY' || i.keyword === 'ADD') && (i as CopyInstr).fromStage)
          refs.push((i as CopyInstr).fromStage!);
        if (i.keyword === 'RUN') {
          for (const m of (i as RunInstr).mounts) {
            const from = /(?:^|,)from=([^,]+)/.exec(m);
            if (from) refs.push(from[1]);
          }
        }
      }
      for (const ref of refs) {
        const dep = this.stageByRef(ref, stage.index);
        if (dep) visit(dep);
      }
    };
    visit(target);
    return this.stages.filter((s) => seen.has(s.index));
  }

  private stageByRef(ref: string, before: number): Stage | undefined {
    const lower = ref.toLowerCase();
    const named = this.stages.find((s) => s.index < before && s.name?.toLowerCase() === lower);
    if (named) return named;
    return /^\d+$/.test(ref) && Number(ref) < before ? this.stages[Number(ref)] : undefined;
  }
}

/**
 * Docker's word processing for one word: quote removal, escapes and `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR-x}`,
 * `${VAR:+x}`, `${VAR+x}`. Undefined when a variable it needs has no known value.
 */
export function expand(raw: string, lookup: Lookup, escape = '\\'): string | undefined {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) {
        out += c; // inside double quotes the escape only protects ", $ and itself
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && !quote)) {
      quote = quote === c ? undefined : c;
      continue;
    }
    if (c === '$') {
      const parsed = variableAt(raw, i);
      if (!parsed) {
        out += c;
        continue;
      }
      const value = substitute(parsed, lookup, escape);
      if (value === undefined) return undefined;
      out += value;
      i = parsed.end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

interface VariableRef {
  name: string;
  op?: string; // ':-', '-', ':+', '+', ':?', '?', or an unsupported operator
  word?: string;
  end: number; // index after the reference
}

function variableAt(s: string, i: number): VariableRef | undefined {
  if (s[i + 1] === '{') {
    let depth = 1;
    let j = i + 2;
    while (j < s.length && depth > 0) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
      j++;
    }
    if (depth > 0) return undefined;
    const inner = s.slice(i + 2, j - 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|[#%/^,:]+)([\s\S]*))?$/.exec(inner);
    if (!m) return { name: '', op: '?unsupported', end: j };
    return { name: m[1], ...(m[2] ? { op: m[2], word: m[3] ?? '' } : {}), end: j };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  return m ? { name: m[0], end: i + 1 + m[0].length } : undefined;
}

function substitute(ref: VariableRef, lookup: Lookup, escape: string): string | undefined {
  const state = ref.name ? lookup(ref.name) : UNKNOWN;
  const set = state.kind === 'value';
  const nonEmpty = set && state.value !== '';
  const word = (): string | undefined => expand(ref.word ?? '', lookup, escape);
  switch (ref.op) {
    case undefined:
      return set ? state.value : undefined;
    case ':-':
      return state.kind === 'unknown' ? undefined : nonEmpty ? state.value : word();
    case '-':
      return state.kind === 'unknown' ? undefined : set ? state.value : word();
    case ':+':
      return state.kind === 'unknown' ? undefined : nonEmpty ? word() : '';
    case '+':
      return state.kind === 'unknown' ? undefined : set ? word() : '';
    case ':?':
    case '?':
      return set ? state.value : undefined;
    default:
      return undefined;
  }
}

/** Splits `repo[:tag][@digest]` (the registry port is not a tag). */
export function parseImageRef(image: string): { repository: string; tag?: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    repository: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/**
 * The string array of an exec-form (JSON) argument list, or undefined for shell form. Docker decodes the first JSON
 * value and ignores what follows it (`["/bin/bash"]#["entrypoint.sh"]` is `["/bin/bash"]`), and so does this.
 */
function jsonArray(args: string): string[] | undefined {
  const t = args.trim();
  if (!t.startsWith('[')) return undefined;
  for (let end = t.indexOf(']'); end >= 0; end = t.indexOf(']', end + 1)) {
    let v: unknown;
    try {
      v = JSON.parse(t.slice(0, end + 1));
    } catch {
      continue;
    }
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  }
  return undefined;
}

/** Leading `--flag[=value]` words of RUN/COPY/ADD, and the text after them. */
function takeFlags(args: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = args.trimStart();
  for (;;) {
    if (!rest.startsWith('--')) break;
    const word = splitWords(rest, escape)[0];
    if (!word) break;
    flags.push(word);
    rest = rest.slice(word.length).trimStart();
  }
  return { flags, rest };
}

/** Blanks RUN's leading flags (--mount=..., --network=...) in the shell text, keeping every line and column. */
function blankFlags(shellText: string): string {
  let out = shellText;
  let i = 0;
  for (;;) {
    while (i < out.length && (/\s/.test(out[i]) || (out[i] === '\\' && out[i + 1] === '\n'))) i++;
    if (!out.startsWith('--', i)) return out;
    let j = i;
    let quote: string | undefined;
    while (j < out.length && (quote || !/\s/.test(out[j]))) {
      if (quote && out[j] === quote) quote = undefined;
      else if (!quote && (out[j] === '"' || out[j] === "'")) quote = out[j];
      j++;
    }
    if (out[j - 1] === '\\' && out[j] === '\n') j--; // the continuation escape stays
    out = out.slice(0, i) + out.slice(i, j).replace(/[^\n]/g, ' ') + out.slice(j);
    i = j;
  }
}

/**
 * File lines of the names an instruction declares (ENV, ARG), each looked for where the previous one was found and
 * no further than `slack` characters on: one pass over the arguments however many names a line holds.
 */
class NameLines {
  private at = 0;
  private line: number;

  constructor(private readonly instr: DockerfileInstruction) {
    this.line = instr.argsLine;
  }

  /** The line of `name`, or the instruction's line when it is not found (an escaped or quoted name). */
  next(name: string, slack: number): number {
    const text = this.instr.shellText;
    const found = text.slice(this.at, this.at + name.length + slack).indexOf(name);
    if (found < 0 || name === '') return this.instr.line;
    for (let i = this.at; i < this.at + found; i++) if (text.charCodeAt(i) === 10) this.line++;
    this.at += found;
    return this.line;
  }
}

/** How far past the previous name the next one may be: its value, the separators and continuation lines. */
const nameSlack = (previousValue: string | undefined) => 4096 + 2 * (previousValue?.length ?? 0);

function normalizeKeepSlash(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') && !p.endsWith('/') ? n.slice(0, -1) : n;
}

function printable(s: string): string {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
