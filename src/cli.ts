import { readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, parse as parsePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from './model/types/project.js';
import { parseOptions, runCommand } from './command-line.js';
import {
  OptionError,
  parseFailOn,
  parseFormat,
  parseKeyValue,
  parsePort,
  parseSettingsModule,
  parseSmokeEnv,
  scannedDirectory,
  smokeEnvByEngine,
  type Format,
} from './options.js';
import { checkMany } from './cli-many.js';
import { fixCommand } from './fix-cli.js';
import { TOOL, analyzeStatic } from './pipeline.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from './report/index.js';
import { renderGithub } from './report/workflow-commands.js';
import type { Report } from './core/index.js';
import { probeDocker, runReview, type ReviewRequest, type SmokeRequest, type SmokeStage } from './review.js';
import { RULES } from './rules/registry.js';
import { runnerSecrets } from './runner-secrets.js';
import { isTerminal, writeAll } from './util/std-streams.js';
// The smoke stage (Docker, HTTP) is imported only for --smoke: a static check loads none of it.
import type { SmokeLog } from './smoke/index.js';
import { DEFAULT_LIMITS, parseCpus, parseMemory, parsePidsLimit } from './smoke/limits.js';

export const USAGE = `Usage: twelve-factor-review check [DIR ...] [--each DIR] [options]
       twelve-factor-review fix [DIR] [--write] [--rule RULE]... (see fix --help)

Reviews the containerised Django app in DIR (default .) against the twelve factors. Several directories, or --each,
give one report per project: a JSON array, a SARIF log with one run per project, or one table in text and markdown.

Options:
  --each DIR               review every subdirectory of DIR as a project of its own (a class's clones), repeatable
  --format FORMAT          text, json, markdown, sarif or github (workflow-command annotations) (default text)
  --fail-on SEVERITY       error, warning, notice or never (default error): exit 1 at or above it
  --config FILE            config file (default DIR/.github/twelve-factor.yml when it exists)
  --output FILE            write the report to FILE instead of standard output
  --dockerfile FILE        Dockerfile of the app image, relative to DIR
  --compose-file FILE      compose file relative to DIR, repeatable, in merge order
  --settings-module MOD    dotted Django settings module (mysite.settings)
  --smoke                  also build the image and smoke-test it on SQLite and PostgreSQL (needs Docker)
  --postgres-image IMAGE   PostgreSQL image for the smoke test
  --port PORT              container port the app server listens on in the smoke test (default: EXPOSE, else
                           the compose app service's port, else 8000)
  --build-arg KEY=VALUE    build argument for the smoke build, repeatable
  --smoke-env KEY=VALUE    environment of the smoke containers, repeatable; prefix KEY with sqlite. or
                           postgres. for one engine only
  --build-timeout SECONDS  stop the smoke build after this long (default 1200)
  --postgres-ready-timeout SECONDS
                           how long the smoke test's PostgreSQL may take to accept connections (default 120)
  --smoke-pids-limit N     processes each smoke container may run (default 512)
  --smoke-memory SIZE      memory each smoke container (and the classic builder's steps) may use, such as 1g or
                           768m; PostgreSQL gets at least 512m (default 1g)
  --smoke-cpus N           CPUs each smoke container may use (default 1.5, at most the engine's)
  --verbose                print the config file used, the apps found and timings to standard error
  -h, --help               print this help
  --version                print the version

Exit codes: 0 below the --fail-on threshold, 1 at or above it, 2 for a usage or internal error.
`;

/** Where the CLI writes; injected by tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour the text format: standard output is a terminal and NO_COLOR is unset. */
  color: boolean;
  cwd: string;
  /** The static half of the pipeline; tests may stand in for it. */
  analyze: typeof analyzeStatic;
  /** The smoke stage (Docker); tests may stand in for it. */
  smoke: SmokeStage;
}

const defaultIo = (): CliIo => ({
  stdout: (t) => writeAll(1, t),
  stderr: (t) => writeAll(2, t),
  color: isTerminal(1) && !process.env.NO_COLOR,
  cwd: process.cwd(),
  analyze: analyzeStatic,
  smoke: async (project, options, log) => {
    const { createDockerCli, newRunId, RUN_LABEL, runSmoke } = await import('./smoke/index.js');
    const docker = createDockerCli();
    const probe = await probeDocker(docker);
    if ('unreachable' in probe) {
      const reason = `${probe.unreachable} The static results are reported.`;
      log.info(`Smoke test skipped: ${reason}`);
      return { result: { status: 'skipped', reason, engines: {}, durationMs: 0 }, findings: [] };
    }
    // Named so a run killed too hard to clean up (SIGKILL) can still be removed by its label.
    const runId = options.runId ?? newRunId();
    log.info(`Smoke run ${runId}: everything it creates is labelled ${RUN_LABEL}=${runId}.`);
    return runSmoke(project, { ...options, runId }, docker, log);
  },
});

/** A `check` command: the review it asks for, and how to print the report. */
export interface CheckOptions {
  /** The review of the first project; the others differ in their directory only. */
  request: ReviewRequest;
  /** The projects' directories as the user gave them (a subdirectory of --each joined onto it). */
  dirs: string[];
  /** One report per project (several directories or --each), else the single report of today. */
  many: boolean;
  format: Format;
  output?: string;
  verbose: boolean;
}

/** The command line: returns the exit code (0 pass, 1 findings at or above --fail-on, 2 usage or internal error). */
export async function cli(argv: string[], overrides: Partial<CliIo> = {}): Promise<number> {
  const io = { ...defaultIo(), ...overrides };
  if (argv[0] === 'fix') return fixCommand(argv.slice(1), io);
  return runCommand(
    io,
    'Run with --help for usage.',
    () => parseCommandLine(argv, io.cwd),
    { help: USAGE, version: `${TOOL.version}\n` },
    (options) => check(options, io),
  );
}

/** The options of `check`. */
const CHECK_OPTIONS = {
  format: { type: 'string' },
  each: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  output: { type: 'string' },
  smoke: { type: 'boolean' },
  'postgres-image': { type: 'string' },
  port: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  'smoke-env': { type: 'string', multiple: true },
  'build-timeout': { type: 'string' },
  'postgres-ready-timeout': { type: 'string' },
  'smoke-pids-limit': { type: 'string' },
  'smoke-memory': { type: 'string' },
  'smoke-cpus': { type: 'string' },
  dockerfile: { type: 'string' },
  'compose-file': { type: 'string', multiple: true },
  'settings-module': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type CheckValues = ReturnType<typeof parseOptions<typeof CHECK_OPTIONS>>['values'];

export function parseCommandLine(argv: string[], cwd: string): CheckOptions | 'help' | 'version' {
  const { values, positionals } = parseOptions(argv, CHECK_OPTIONS);
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...dirs] = positionals;
  if (command !== 'check') {
    throw new OptionError(
      command === undefined
        ? 'Missing command. Expected: check [DIR ...].'
        : `Unknown command '${command}'. Expected: check [DIR ...].`,
    );
  }
  for (const dir of dirs) scannedDirectory(cwd, dir, 'Directory');
  const projects = [...dirs, ...(values.each ?? []).flatMap((dir) => projectsIn(cwd, dir))];
  if (projects.length === 0) projects.push('.');
  const many = projects.length > 1 || values.each !== undefined;
  if (many && values.smoke) {
    throw new OptionError('--smoke reviews one directory at a time. Expected one DIR and no --each.');
  }
  const directory = projects[0];
  const nonEmpty = (name: string, v: string | undefined) => {
    if (v !== undefined && v.trim() === '') throw new OptionError(`Empty --${name}. Expected a value.`);
    return v;
  };
  const format = parseFormat(values.format ?? 'text', '--format');
  const failOn = parseFailOn(values['fail-on'] ?? 'error', '--fail-on');
  const config = nonEmpty('config', values.config);
  const output = nonEmpty('output', values.output);
  const smoke = smokeRequest(values, nonEmpty);
  return {
    request: {
      base: cwd,
      directory,
      directoryOption: 'Directory',
      // A --config path is the user's, relative to where they run the command, like --output.
      configFile: config !== undefined ? resolve(cwd, config) : undefined,
      discovery: {
        dockerfile: nonEmpty('dockerfile', values.dockerfile),
        composeFiles: values['compose-file']?.map((f) => nonEmpty('compose-file', f)!),
        settingsModule:
          values['settings-module'] !== undefined
            ? parseSettingsModule(values['settings-module'], '--settings-module')
            : undefined,
      },
      failOn,
      // The smoke flags are checked even without --smoke: a typo is a usage error either way.
      smoke: values.smoke ? smoke : undefined,
    },
    dirs: projects,
    many,
    format,
    output: output !== undefined ? resolve(cwd, output) : undefined,
    verbose: values.verbose ?? false,
  };
}

/** The smoke flags as the smoke request the action builds from its inputs. */
function smokeRequest(
  values: CheckValues,
  nonEmpty: (name: string, v: string | undefined) => string | undefined,
): SmokeRequest {
  return {
    postgresImage: nonEmpty('postgres-image', values['postgres-image']),
    port: values.port !== undefined ? parsePort(values.port, '--port') : undefined,
    buildArgs: Object.fromEntries((values['build-arg'] ?? []).map((a) => parseKeyValue(a, '--build-arg'))),
    env: smokeEnvByEngine(parseSmokeEnv(values['smoke-env'] ?? [], '--smoke-env')),
    limits: {
      pids:
        values['smoke-pids-limit'] !== undefined
          ? parsePidsLimit(values['smoke-pids-limit'], '--smoke-pids-limit')
          : DEFAULT_LIMITS.pids,
      memoryBytes:
        values['smoke-memory'] !== undefined
          ? parseMemory(values['smoke-memory'], '--smoke-memory')
          : DEFAULT_LIMITS.memoryBytes,
      cpus:
        values['smoke-cpus'] !== undefined
          ? parseCpus(values['smoke-cpus'], '--smoke-cpus')
          : DEFAULT_LIMITS.cpus,
    },
    // Timeouts the action has no input for: present only when given, so both entries build the same request.
    ...seconds('buildTimeoutMs', 'build-timeout', values['build-timeout']),
    ...seconds('postgresReadyTimeoutMs', 'postgres-ready-timeout', values['postgres-ready-timeout']),
  };
}

/** The subdirectories of an --each directory, sorted, hidden ones (.git, .venv) left out: one project each. */
function projectsIn(cwd: string, dir: string): string[] {
  const real = scannedDirectory(cwd, dir, '--each');
  const names = readdirSync(real, { withFileTypes: true })
    .filter(
      (e) =>
        !e.name.startsWith('.') &&
        (e.isDirectory() || (e.isSymbolicLink() && isDirectory(join(real, e.name)))),
    )
    .map((e) => e.name)
    .sort();
  if (names.length === 0)
    throw new OptionError(`--each '${dir}' holds no directory. Expected one per project.`);
  return names.map((name) => join(dir, name));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const color = io.color && options.output === undefined;
  // One copy for every project: reading process.env goes through the runtime for each variable.
  const env = { ...process.env };
  if (!options.many) {
    const report = await reviewProject(options.request, options, io, env);
    // Synchronous: node:fs/promises would load Node's readline and stream modules for this one write.
    if (options.output) writeFileSync(options.output, render(report, options.format, color));
    else io.stdout(render(report, options.format, color));
    return report.verdict === 'fail' ? 1 : 0;
  }
  const review = (dir: string) => reviewProject({ ...options.request, directory: dir }, options, io, env);
  return checkMany({
    dirs: options.dirs,
    format: options.format,
    color,
    output: options.output,
    review,
    stdout: io.stdout,
    stderr: io.stderr,
  });
}

/** One project's review and report, as runReview makes it for the action too. */
async function reviewProject(
  request: ReviewRequest,
  options: CheckOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<Report> {
  const say = (m: string) => io.stderr(`${m}\n`);
  const log = {
    info: say,
    debug: options.verbose ? say : undefined,
    stage: <T>(_name: string, run: () => Promise<T>) => run(),
    configLoaded: options.verbose
      ? (_root: string, config: { file?: string }) => say(`config: ${config.file ?? 'none (defaults)'}`)
      : undefined,
    analysed: options.verbose
      ? ({ project, findings }: Awaited<ReturnType<typeof analyzeStatic>>, elapsedMs: number) => {
          for (const app of project.apps) say(`app: ${describeApp(app)}`);
          if (project.apps.length === 0) say('app: none found (no Dockerfile, compose build or manage.py)');
          say(`static analysis: ${findings.length} finding(s) in ${elapsedMs} ms`);
        }
      : undefined,
  } satisfies SmokeLog & Parameters<typeof runReview>[1]['log'];
  return runReview(request, {
    smoke: io.smoke,
    log,
    now: Date.now,
    // Tokens of the environment and credentials of the checkouts above the directory never reach the report.
    secrets: (root) => runnerSecrets({ env, root, workspace: parsePath(root).root }),
    analyze: io.analyze,
  });
}

/** A positive number of seconds, as milliseconds under `key`; nothing when the flag is absent. */
function seconds<K extends string>(
  key: K,
  name: string,
  value: string | undefined,
): Partial<Record<K, number>> {
  if (value === undefined) return {};
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(n > 0))
    throw new OptionError(`Invalid --${name} '${value}'. Expected a number of seconds greater than 0.`);
  return { [key]: Math.round(n * 1000) } as Record<K, number>;
}

function describeApp(app: App): string {
  const files = [
    app.dockerfile?.file,
    ...(app.compose?.files ?? []),
    app.settings ? `${app.settings.file} (${app.settings.module})` : undefined,
  ].filter(Boolean);
  return `${app.dir}${files.length ? `: ${files.join(', ')}` : ''}`;
}

function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, { maxChars: Number.MAX_SAFE_INTEGER });
    case 'sarif':
      return renderSarif(report, RULES);
    case 'text':
      return renderText(report, { color });
    case 'github':
      return renderGithub(report);
  }
}

function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Run as a script (tsx src/cli.ts); dist/cli.js calls cli() itself.
if (isMain())
  void cli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
