import type { RawFinding, RunFactObservation } from '../../core/index.js';
import type { App } from '../../model/types/project.js';
import type { SettingsModel } from '../../model/types/settings.js';
import type { Rule } from './rule.js';

/** The database an engine of the smoke run attaches the app to. */
export type SmokeEngine = 'sqlite' | 'postgres';

/** The build of the image failed (or did not finish). */
export interface BuildFailed {
  kind: 'build-failed';
  /** The Dockerfile the image is built from, relative to the scanned directory. */
  dockerfile: string;
  /** Line of the instruction that failed, when the build log names it. */
  line?: number;
  /** "failed at `RUN …`", "did not finish within 1.0 s", "failed (exit code 1)". */
  why: string;
  logTail: string;
}

/** A step an engine could not get past: the engine's path (migrate and serve) failed there. */
export interface EngineFailed {
  kind: 'engine-failed';
  engine: SmokeEngine;
  step: string;
  why: string;
  logTail?: string;
  /** The exit code of the container (or of `docker start`) when it ended. */
  exitCode?: number;
}

/** `manage.py migrate --noinput` in the release one-off did not succeed. */
export interface MigrateFailed {
  kind: 'migrate-failed';
  engine: SmokeEngine;
  why: string;
  /** What the one-off printed, for the rules that recognise a cause in it. */
  output: string;
  logTail: string;
}

/** The server never answered HTTP. */
export interface NoHttpAnswer {
  kind: 'no-http-answer';
  engine: SmokeEngine;
  port: number;
  why: string;
  logTail: string;
  /** The container's exit code when it ended before answering; absent while it still ran. */
  exitCode?: number;
}

/** The server's first HTTP answer, measured from its start. */
export interface FirstAnswer {
  kind: 'first-answer';
  engine: SmokeEngine;
  durationMs: number;
  budgetMs: number;
}

/** `docker stop` of a server container, as measured (the better of two measurements when it was repeated). */
export interface Stopped {
  kind: 'stopped';
  engine: SmokeEngine;
  durationMs: number;
  budgetMs: number;
  /** Ended by SIGKILL (exit code 137) or OOM killed. */
  killed: boolean;
  /** `docker stop` itself failed. */
  stopFailed: boolean;
  exitCode?: number;
  logTail?: string;
}

/** Data written through the app was not there once its container was replaced. */
export interface DataLost {
  kind: 'data-lost';
  engine: SmokeEngine;
  why: string;
  logTail: string;
}

/** The migrations did not land in the PostgreSQL attached through the environment. */
export interface TablesMissing {
  kind: 'tables-missing';
  engine: SmokeEngine;
  why: string;
}

/** One issue `manage.py check --deploy` reported. */
export interface DeployCheckReported {
  kind: 'deploy-check-issue';
  engine: SmokeEngine;
  id: string;
  message: string;
}

/** What the smoke run saw, in the order it saw it; the dynamic rules turn these into findings. */
export type SmokeObservation =
  | BuildFailed
  | EngineFailed
  | MigrateFailed
  | NoHttpAnswer
  | FirstAnswer
  | Stopped
  | DataLost
  | TablesMissing
  | DeployCheckReported
  | RunFactObservation;

/** What a dynamic rule knows besides the observations: the app as modelled, to anchor its findings. */
export interface SmokeContext {
  app: App;
  /** The Dockerfile the image was built from (compose's build.dockerfile, else the app's). */
  dockerfile: string;
  /** The settings as the app runs them, with what they star-import from other settings modules. */
  settings?: SettingsModel;
  /** The image's USER, once built. */
  imageUser?: string;
}

/** A dynamic finding may name the checks of other tools it stands for (check --deploy's ids). */
export type DynamicFinding = RawFinding & { related?: string[] };

/** A dynamic rule: the smoke run gathers observations, the rule judges them and words its findings. */
export interface DynamicRule extends Rule {
  kind: 'D';
  judge(observations: readonly SmokeObservation[], context: SmokeContext): DynamicFinding[];
}

export function defineDynamicRule(rule: Omit<DynamicRule, 'check'>): DynamicRule {
  return { ...rule, check: () => [] };
}

export function isDynamicRule(rule: Rule): rule is DynamicRule {
  return rule.kind === 'D' && typeof (rule as Partial<DynamicRule>).judge === 'function';
}

export function observationsOf<K extends SmokeObservation['kind']>(
  observations: readonly SmokeObservation[],
  ...kinds: K[]
): Extract<SmokeObservation, { kind: K }>[] {
  return observations.filter((o): o is Extract<SmokeObservation, { kind: K }> =>
    (kinds as string[]).includes(o.kind),
  );
}

/** The order engines are named in, as the smoke test runs them. */
const ENGINE_ORDER: readonly SmokeEngine[] = ['sqlite', 'postgres'];

/**
 * One finding per key for what both engines saw: the first observation's words, with the engines that saw it
 * appended (` (sqlite and postgres)`) unless the rule words its own scope.
 */
export function acrossEngines<O extends SmokeObservation & { engine: SmokeEngine }>(
  observations: readonly O[],
  word: (first: O) => DynamicFinding,
  options: { key?: (o: O) => string; scoped?: boolean } = {},
): DynamicFinding[] {
  const groups = new Map<string, { first: O; engines: SmokeEngine[] }>();
  // The engines run at once and report in any order: SQLite's observation first, so the words do not vary by run.
  const ordered = [...observations].sort(
    (a, b) => ENGINE_ORDER.indexOf(a.engine) - ENGINE_ORDER.indexOf(b.engine),
  );
  for (const o of ordered) {
    const key = options.key?.(o) ?? '';
    const seen = groups.get(key);
    if (!seen) groups.set(key, { first: o, engines: [o.engine] });
    else if (!seen.engines.includes(o.engine)) seen.engines.push(o.engine);
  }
  return [...groups.values()].map(({ first, engines }) => {
    // What merged the observations identifies the finding: not the timings nor the engines in its message.
    const finding = { ...word(first), key: options.key?.(first) ?? '' };
    if (options.scoped === false) return finding;
    return { ...finding, message: `${finding.message} (${engines.join(' and ')})` };
  });
}

/** Seconds with one decimal, as every dynamic message gives durations. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export interface Anchor {
  file: string;
  line?: number;
}

/** The settings module, else the Dockerfile's first line. */
export function settingsAnchor(context: SmokeContext): Anchor {
  const s = context.app.settings;
  return s ? { file: s.file } : { file: context.dockerfile, line: 1 };
}

/** The settings module that builds DATABASES: the settings module itself, or a base it star-imports. */
function databasesModule(context: SmokeContext): SettingsModel | undefined {
  const databases = context.settings?.databases;
  // Settings evaluated with their star-imports in place hold DATABASES with the module that set it.
  if (context.app.settings?.mergedModules) return context.app.settings;
  return [context.app.settings, ...[...(context.app.settingsBases ?? [])].reverse()].find(
    (m) => m?.databases && m.databases === databases,
  );
}

/** Where DATABASES is built, else the settings module. */
export function databasesAnchor(context: SmokeContext): Anchor {
  const s = databasesModule(context);
  if (s?.databases) return { file: s.databases.file ?? s.file, line: s.databases.line };
  return settingsAnchor(context);
}

/** The target stage's CMD (else ENTRYPOINT, else FROM). */
export function commandAnchor(context: SmokeContext): Anchor {
  const dockerfile = context.app.dockerfile;
  const target = dockerfile?.targetStage;
  const cmd = target?.cmd ?? target?.entrypoint;
  if (dockerfile && cmd) return { file: dockerfile.file, line: cmd.line };
  if (dockerfile && target) return { file: dockerfile.file, line: target.from.line };
  return { file: context.dockerfile, line: 1 };
}

/** The NAME of the SQLite database in DATABASES, else its entry, else the Dockerfile's first line. */
export function sqlitePathAnchor(context: SmokeContext): Anchor {
  const s = databasesModule(context);
  const sqlite = s?.databases?.configs.find((c) => c.engine?.includes('sqlite'));
  const name = sqlite?.fields.NAME;
  if (s && name) return { file: name.file ?? sqlite?.file ?? s.file, line: name.line };
  if (s && sqlite) return { file: sqlite.file ?? s.file, line: sqlite.line };
  return { file: context.dockerfile, line: 1 };
}

/** A finding at an anchor, with its details when there are any. */
export function at(anchor: Anchor, message: string, details?: string): DynamicFinding {
  return {
    file: anchor.file,
    ...(anchor.line !== undefined ? { line: anchor.line } : {}),
    message,
    ...(details ? { details } : {}),
  };
}

/** Why a container failed, as its evidence shows: the exit code, the exception in its log, whether it still ran. */
export type FailureCause =
  | { kind: 'missing-module'; module: string }
  | { kind: 'command-not-found' }
  | { kind: 'not-a-server' }
  | { kind: 'sqlite-not-writable' }
  | { kind: 'crashed'; exitCode: number }
  | { kind: 'not-listening' };

const MISSING_MODULE = /ModuleNotFoundError: No module named '([\w.]+)'/;
/** SQLite failing to create or write its file: usually a volume directory the image's user cannot write. */
const SQLITE_NOT_WRITABLE = /unable to open database file|attempt to write a readonly database/i;
const COMMAND_NOT_FOUND = /: not found$|executable file not found|No such file or directory/m;

export function failureCause(evidence: {
  exitCode?: number;
  why?: string;
  logTail?: string;
  output?: string;
}): FailureCause | undefined {
  const log = `${evidence.output ?? ''}\n${evidence.logTail ?? ''}`;
  const module = MISSING_MODULE.exec(log)?.[1];
  if (module) return { kind: 'missing-module', module };
  if (SQLITE_NOT_WRITABLE.test(`${log}\n${evidence.why ?? ''}`)) return { kind: 'sqlite-not-writable' };
  if (evidence.exitCode === 127 || (evidence.exitCode !== undefined && COMMAND_NOT_FOUND.test(log)))
    return { kind: 'command-not-found' };
  if (evidence.exitCode === 0) return { kind: 'not-a-server' };
  if (evidence.exitCode !== undefined) return { kind: 'crashed', exitCode: evidence.exitCode };
  return undefined;
}

/** The advice for a cause, in one or two sentences; `port` for a server that did not listen, `imageUser` its USER. */
export function causeAdvice(cause: FailureCause, port?: number, imageUser?: string): string {
  switch (cause.kind) {
    case 'sqlite-not-writable': {
      const who =
        imageUser && !/^(root|0)(:|$)/.test(imageUser)
          ? ` by the user the image runs as (USER ${imageUser})`
          : '';
      return `The SQLite file cannot be created or written${who}: create its directory in the Dockerfile and \`chown\` it to that user before \`VOLUME\`, since a new volume takes the directory's owner.`;
    }
    case 'missing-module':
      return `The image lacks the Python module \`${cause.module}\` the app imports: add the package that provides it to the requirements the image installs (factor II, dependencies declared and isolated).`;
    case 'command-not-found':
      return 'The command the container starts with does not exist in the image (exit code 127): start it with a program the image installs, or install it.';
    case 'not-a-server':
      return "The container's command ended (exit code 0) before anything listened: the command it starts with is not a server. Give the image a server command (CMD), or check the compose service's `command:`, which the smoke test runs as compose does.";
    case 'crashed':
      return `The server exited with code ${cause.exitCode} at start: see the log in the details.`;
    case 'not-listening':
      return `Nothing answered on port ${port ?? 8000} while the container ran: bind the server to 0.0.0.0:${port ?? 8000} (e.g. \`gunicorn -b 0.0.0.0:${port ?? 8000}\`), not 127.0.0.1, on the port the image exposes.`;
  }
}

/** What to do when an engine breaks at a step, for the TF1001/TF1002 message. */
const ENGINE_ADVICE: Record<string, string> = {
  migrate:
    'Make every database setting come from the environment, and check that migrations apply to an empty database.',
  start: 'The container must start with only its environment: see the log in the details.',
  http: 'The server must start and answer non-5xx responses on its port: see the log in the details.',
};

/** TF1001 and TF1002: the engine's path failed at a step; `setup` says how the engine was set up. */
export function judgeEnginePath(
  engine: SmokeEngine,
  setup: string,
  observations: readonly SmokeObservation[],
  context: SmokeContext,
): DynamicFinding[] {
  const failed = observationsOf(observations, 'engine-failed').filter((o) => o.engine === engine);
  return acrossEngines(failed, (o) => {
    const cause = failureCause(o);
    const advice =
      cause && cause.kind !== 'crashed'
        ? causeAdvice(cause, undefined, context.imageUser)
        : (ENGINE_ADVICE[o.step] ?? '');
    return at(
      databasesAnchor(context),
      `The image does not migrate and serve ${setup}: step \`${o.step}\` failed (${o.why}). ${advice}`.trim(),
      o.logTail,
    );
  });
}
