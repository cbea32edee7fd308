import type { ShellCommand, ShellScript } from './shell.js';

interface At {
  line: number; // 1-based, in the Dockerfile
  endLine: number;
  /** Set on an ONBUILD trigger of the base image (this image reference), run at the FROM line. */
  onbuildOf?: string;
}

export interface FromInstr extends At {
  /** Image after ARG resolution; undefined when a variable could not be resolved. */
  image?: string;
  raw: string;
  /** Repository, tag and digest of the resolved image (tag undefined when none is written). */
  repository?: string;
  tag?: string;
  digest?: string;
  /** FROM refers to an earlier stage by name or index (FROM builder), or is `scratch`. */
  stageRef?: number;
  scratch: boolean;
}

export interface RunInstr extends At {
  keyword: 'RUN';
  /** The shell script, heredocs included; undefined for exec-form RUN, whose argv is in `argv`. */
  script?: ShellScript;
  argv?: string[];
  mounts: string[]; // raw --mount flags
  /** Values the shell of this RUN is known to see: the stage's ARG and ENV values at this point. */
  variables?: Record<string, string>;
  /** Names the stage declares (ARG, ENV) with no known value at this point; any other unknown one is the base image's. */
  unknownDeclared?: string[];
}
export interface CopyInstr extends At {
  keyword: 'COPY' | 'ADD';
  sources: string[]; // resolved, as written (may be URLs for ADD, globs, '.')
  dest: string; // resolved, absolute when WORKDIR is known
  /** The destination is written relative (`COPY . .`): it lands in the WORKDIR, the base image's when none is set. */
  destFromWorkdir?: true;
  fromStage?: string; // --from=
  /** `--chown=USER[:GROUP]`: the user the copied files (and the directories the copy creates) belong to. */
  chown?: string;
  /** `--from=` naming an image rather than a stage: a base the image depends on, split like FROM's. */
  fromImage?: { image: string; repository: string; tag?: string; digest?: string };
  /** Sources naming a build argument without a value, as globs over the context (`entrypoint-*.sh`). */
  sourcePatterns?: { index: number; pattern: string }[];
}
export interface CommandInstr extends At {
  keyword: 'CMD' | 'ENTRYPOINT';
  form: 'exec' | 'shell';
  /** exec form: the JSON array; shell form: undefined. */
  argv?: string[];
  /** exec form running `sh -c SCRIPT`: the commands of SCRIPT, on the lines of the file they are written on. */
  inner?: ShellCommand[];
  /** shell form: the parsed shell (its argv already unquoted). */
  script?: ShellScript;
  raw: string;
}
export interface EnvPair {
  name: string;
  value?: string; // resolved; undefined when it depends on an unresolvable variable
  raw: string;
  /** `ENV X=$X` of an ARG with no default that compose passes no build arg for: empty unless `--build-arg` sets it. */
  fromUnsetArg?: string;
  line: number;
}
export interface EnvInstr extends At {
  keyword: 'ENV';
  pairs: EnvPair[];
}
export interface ArgInstr extends At {
  keyword: 'ARG';
  name: string;
  default?: string;
  /** The value used for this build: compose build.args, else the default. */
  value?: string;
}
export interface ExposeInstr extends At {
  keyword: 'EXPOSE';
  ports: { port?: number; protocol: string; raw: string }[];
}
export interface UserInstr extends At {
  keyword: 'USER';
  user?: string; // resolved
}
export interface VolumeInstr extends At {
  keyword: 'VOLUME';
  paths: string[]; // resolved, absolute
}
export interface WorkdirInstr extends At {
  keyword: 'WORKDIR';
  path?: string; // resolved, absolute
}
export interface HealthcheckInstr extends At {
  keyword: 'HEALTHCHECK';
  none: boolean; // HEALTHCHECK NONE
}
export interface OtherInstr extends At {
  keyword: string; // LABEL, SHELL, STOPSIGNAL, ONBUILD, MAINTAINER, ...
  raw: string;
}

export type Instruction =
  | RunInstr
  | CopyInstr
  | CommandInstr
  | EnvInstr
  | ArgInstr
  | ExposeInstr
  | UserInstr
  | VolumeInstr
  | WorkdirInstr
  | HealthcheckInstr
  | OtherInstr;

export interface Stage {
  index: number;
  name?: string;
  from: FromInstr;
  /** Instructions of this stage (after FROM), in order. */
  instructions: Instruction[];
  /** Last line of the stage (anchor for "missing X" findings such as TF1301). */
  lastLine: number;
  /** Effective state at the end of the stage, inherited from a parent stage when FROM names one. */
  workdir: string; // '/' when none
  env: Record<string, string | undefined>;
  user?: UserInstr; // last USER
  cmd?: CommandInstr; // last CMD
  entrypoint?: CommandInstr; // last ENTRYPOINT
  exposes: ExposeInstr[];
  volumes: VolumeInstr[];
  healthcheck?: HealthcheckInstr; // last HEALTHCHECK
}

/** A context script a RUN executes by its path, with its commands on its own lines. */
export interface BuildScript {
  run: RunInstr;
  /** Relative to the scanned directory. */
  file: string;
  commands: ShellCommand[];
}

export interface DockerfileModel {
  /** Relative to the scanned directory. */
  file: string;
  /** The context scripts its RUNs execute (`RUN ./setup.sh`), once its build context is known. */
  buildScripts?: BuildScript[];
  stages: Stage[];
  /** The stage actually built: compose build.target, else the last stage. Undefined if no stage. */
  targetStage?: Stage;
  /** Stages the target depends on (FROM or COPY --from), target included. */
  builtStages: Stage[];
  globalArgs: ArgInstr[];
  /**
   * Lines written as instructions (`COPY ./src/ /srv/app/`) that a blank line inside the continuation of the
   * instruction above (`into`) joined to it, so Docker never runs them as instructions; `afterLine` is the blank line.
   */
  joinedInstructions?: {
    keyword: string;
    line: number;
    text: string;
    afterLine: number;
    into: { keyword: string; line: number };
  }[];
}
