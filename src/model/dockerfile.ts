import { posix } from 'node:path';
import { parseDockerfile, splitWords, type DockerfileInstruction } from '../parse/dockerfile.js';
import type {
  ArgInstr,
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
import { splitImage } from './image-ref.js';
import {
  jsonArray,
  NameLines,
  nameSlack,
  contextSource,
  normalizeKeepSlash,
  printable,
  takeFlags,
} from './dockerfile/instruction-text.js';
import { ABSENT, expand, type Lookup, UNKNOWN, UNSET, type VarState } from './dockerfile/variables.js';
import { baseImageEnvNames } from './dockerfile/base-env.js';
import { onbuildTriggers } from './dockerfile/onbuild.js';
import { commandInstr, runScript } from './dockerfile/commands.js';
import { KEYWORDS, PLATFORM_ARGS } from './dockerfile/keywords.js';
import { builtStages } from './dockerfile/stage-graph.js';

/** A value that is one variable reference alone: `$NAME`, `${NAME}`, quoted or not. */
const ONE_REFERENCE = /^(["']?)\$\{?(\w+)\}?\1$/;

export { expand } from './dockerfile/variables.js';

export interface DockerfileOptions {
  /** compose build.target; else the last stage is the target. */
  target?: string;
  /** compose build.args; they override ARG defaults. */
  buildArgs?: Record<string, string | undefined>;
}

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
  /** The build arguments of each stage read so far, as they stand at its end. */
  private readonly stageArgs: Map<string, VarState>[] = [];
  /** Per stage, the names its base image's environment may set; undefined when that image is not known. */
  private readonly stageBaseEnv: (Set<string> | undefined)[] = [];
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
    const joined = syntax.instructions.flatMap((i) =>
      (i.joined ?? []).map((j) => ({ ...j, into: { keyword: i.keyword, line: i.line } })),
    );
    if (joined.length > 0) model.joinedInstructions = joined;
    if (this.stages.length > 0) {
      const target = this.findTarget();
      if (target) {
        model.targetStage = target;
        model.builtStages = builtStages(this.stages, target);
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
      else Object.assign(from, splitImage(image));
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
    // A stage built FROM another inherits its build arguments (not a global ARG it never redeclared).
    this.args = new Map(from.stageRef !== undefined ? this.stageArgs[from.stageRef] : []);
    this.stageArgs.push(this.args);
    this.stageBaseEnv.push(
      from.stageRef !== undefined
        ? this.stageBaseEnv[from.stageRef]
        : baseImageEnvNames(from.repository, from.scratch),
    );
    this.env = new Map(Object.entries(stage.env));
    this.workdir = parent ? (parent.workdir.startsWith('/') ? parent.workdir : undefined) : '/';
    this.cmdSet = false;
    // A base image's ONBUILD triggers run first: anchored on the FROM line that sets them off.
    const triggers = from.repository ? onbuildTriggers(from.repository, from.tag) : [];
    for (const t of triggers) {
      const { line, endLine } = instr;
      const before = stage.instructions.length;
      this.read({
        keyword: t.keyword,
        args: t.args,
        shellText: t.args,
        line,
        endLine,
        argsLine: line,
        heredocs: [],
      });
      for (const made of stage.instructions.slice(before)) made.onbuildOf = from.image;
    }
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
    // Not declared here: it may come from the base image's environment, unless that image is known not to set it.
    const baseEnv = this.stageBaseEnv.at(-1);
    return this.args.get(name) ?? (baseEnv && !baseEnv.has(name) ? ABSENT : UNKNOWN);
  }

  /** The ARG and ENV values of the stage at this point, as a RUN's shell sees them (ENV wins over ARG). */
  private knownVariables(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, state] of this.args) if (state.kind === 'value') out[name] = state.value;
    for (const [name, value] of this.env) {
      if (value !== undefined) out[name] = value;
      else delete out[name];
    }
    return out;
  }

  private expand(raw: string): string | undefined {
    return expand(raw, (n) => this.stageLookup(n), this.escape);
  }

  /** Names this stage declares (ARG, ENV) with no known value here: not the base image's, so not written `${NAME}`. */
  private unknownDeclared(): string[] {
    const names = [...this.args].filter(([, state]) => state.kind !== 'value').map(([name]) => name);
    for (const [name, value] of this.env) if (value === undefined) names.push(name);
    return [...new Set(names)];
  }

  /** A path with the base image's variables kept as `${NAME}` (`COPY requirements $BUILD_DIR/requirements`). */
  private expandPath(raw: string): string | undefined {
    const declared = new Set(this.unknownDeclared());
    return expand(
      raw,
      (n) => this.stageLookup(n),
      this.escape,
      (n) => !declared.has(n),
    );
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
        const cmd = commandInstr(instr);
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
        // An empty path (`WORKDIR $UNSET`) stops the build: no directory is known after it.
        if (value === undefined || value === '' || (!value.startsWith('/') && this.workdir === undefined)) {
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
      const arg = values[i] === undefined ? ONE_REFERENCE.exec(raw)?.[2] : undefined;
      pairs.push({
        name,
        raw,
        line,
        ...(values[i] !== undefined ? { value: values[i] } : {}),
        ...(arg && this.stageLookup(arg).kind === 'unset' ? { fromUnsetArg: arg } : {}),
      });
    });
    return pairs;
  }

  private readRun(instr: DockerfileInstruction): RunInstr {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const mounts = flags.filter((f) => f.startsWith('--mount')).map((f) => f.replace(/^--mount=?/, ''));
    const run: RunInstr = { keyword: 'RUN', line: instr.line, endLine: instr.endLine, mounts };
    const variables = this.knownVariables();
    if (Object.keys(variables).length > 0) run.variables = variables;
    const unknown = this.unknownDeclared();
    if (unknown.length > 0) run.unknownDeclared = unknown;
    const argv = jsonArray(rest);
    if (argv) {
      run.argv = argv;
      return run;
    }
    run.script = runScript(instr, rest);
    return run;
  }

  private readCopy(instr: DockerfileInstruction): CopyInstr {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const words = jsonArray(rest) ?? splitWords(rest, this.escape);
    const expanded = words.map((w) => (w.startsWith('<<') ? w : (this.expand(w) ?? w)));
    const last = words.at(-1) ?? '';
    const destWord = last.startsWith('<<') ? last : (this.expand(last) ?? this.expandPath(last) ?? last);
    const dest = expanded.length > 1 ? this.resolvePath(destWord) : '';
    const fromFlag = flags.find((f) => f.startsWith('--from='));
    // A source of the context is read as the builder reads it; one of a stage or image is a path of that image.
    const inContext = (w: string) => (fromFlag || w.startsWith('<<') ? w : contextSource(w));
    const copy: CopyInstr = {
      keyword: instr.keyword as 'COPY' | 'ADD',
      line: instr.line,
      endLine: instr.endLine,
      sources: expanded.slice(0, -1).map(inContext),
      dest,
    };
    if (expanded.length > 1 && !destWord.startsWith('/') && !destWord.startsWith('<<'))
      copy.destFromWorkdir = true;
    const chown = flags.find((f) => f.startsWith('--chown='))?.slice('--chown='.length);
    if (chown) copy.chown = this.expand(chown) ?? chown;
    if (fromFlag) {
      const raw = fromFlag.slice('--from='.length);
      copy.fromStage = this.expand(raw) ?? raw;
      const image = this.fromImage(copy.fromStage);
      if (image) copy.fromImage = image;
    }
    const patterns = words.slice(0, -1).flatMap((w, index) => {
      const pattern = w.startsWith('<<') ? undefined : this.sourcePattern(w);
      return pattern === undefined ? [] : [{ index, pattern: inContext(pattern) }];
    });
    if (patterns.length > 0) copy.sourcePatterns = patterns;
    return copy;
  }

  /** The image a `COPY --from=` names when it names no earlier stage (`--from=nginx:latest`); undefined for a stage. */
  private fromImage(ref: string): CopyInstr['fromImage'] {
    if (ref === '' || ref.includes('$') || /^\d+$/.test(ref)) return undefined;
    const lower = ref.toLowerCase();
    if (this.stages.some((s) => s.name?.toLowerCase() === lower)) return undefined;
    return { image: ref, ...splitImage(ref) };
  }

  /**
   * A COPY source naming a build argument with no value here (`entrypoint-${APP_ENV}.sh`, APP_ENV given only by
   * --build-arg) as a glob over the context (`entrypoint-*.sh`); undefined when every variable has a value.
   */
  private sourcePattern(word: string): string | undefined {
    if (!word.includes('$')) return undefined;
    const hole = String.fromCharCode(1);
    const lookup: Lookup = (n) => {
      const state = this.stageLookup(n);
      return state.kind === 'value' || state.kind === 'absent' ? state : { kind: 'value', value: hole };
    };
    const value = expand(word, lookup, this.escape);
    if (value === undefined || !value.includes(hole)) return undefined;
    return value.replaceAll(new RegExp(`${hole}+`, 'g'), '*');
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
}
