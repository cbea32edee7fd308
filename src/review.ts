import type { Config } from './config.js';
import type { Engine, FailOn, FixVerification, Report, SmokeResult } from './core/index.js';
import { makeScratch, type Scratch, ScratchTooLarge } from './fix/files.js';
import { proposeFixes } from './fix/propose.js';
import type { PublishedFixes } from './fix/publish.js';
import type { Overlay } from './discover/index.js';
import type { DiscoverOptions } from './discover/types.js';
import { loadConfig, scannedDirectory } from './options.js';
import { analysedScope, analyzeStatic, joinSmoke, makeReport, type StaticResult } from './pipeline.js';
import type { Project } from './model/types/project.js';
import type { Docker, SmokeLog, SmokeOptions, SmokeOutcome } from './smoke/index.js';
import { Redactor } from './smoke/redact.js';
import type { ResourceLimits } from './smoke/limits.js';
import { reportDirectory } from './util/paths.js';

/** What to review and how: the action's inputs and the CLI's flags are each parsed into one of these. */
export interface ReviewRequest {
  /** Where a relative directory starts: the workspace (action) or the current directory (CLI). */
  base: string;
  /** The directory to review as the user gave it, relative to base or absolute. */
  directory: string;
  /** How the user named the directory, for errors: `working-directory` or `Directory`. */
  directoryOption: string;
  /** When set (the action's workspace), the directory and the config file must resolve inside it. */
  workspace?: string;
  /** The config file, relative to the directory or absolute; undefined for the default one when it exists. */
  configFile?: string;
  /** Dockerfile, compose files and settings module given instead of discovered. */
  discovery: Pick<DiscoverOptions, 'dockerfile' | 'composeFiles' | 'settingsModule'>;
  failOn: FailOn;
  /** The smoke test's options; undefined when it is off. */
  smoke?: SmokeRequest;
}

/** The smoke test as the user asked for it. */
export interface SmokeRequest {
  postgresImage?: string;
  port?: number;
  buildArgs: Record<string, string>;
  /** The environment of each engine's containers (smoke-env, engine entries merged over the common ones). */
  env: Record<Engine, Record<string, string>>;
  limits: ResourceLimits;
  buildTimeoutMs?: number;
  postgresReadyTimeoutMs?: number;
  /** Build and smoke-test the tree with the safe fixes applied too (verify-fixes): unless false, when fixes are asked for. */
  verifyFixes?: boolean;
}

/** The smoke stage: builds and runs the image (Docker), or says why it was skipped. */
export type SmokeStage = (project: Project, options: SmokeOptions, log: SmokeLog) => Promise<SmokeOutcome>;

/** Where the review reports its progress. */
export interface ReviewLog extends SmokeLog {
  /** Runs one stage (`Static analysis`, `Smoke test`) under its heading. */
  stage<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** The config in use, once loaded. */
  configLoaded?(root: string, config: Config): void;
  /** What the static analysis found, with how long the review has taken so far. */
  analysed?(result: StaticResult, elapsedMs: number): void;
}

export interface ReviewPorts {
  smoke: SmokeStage;
  log: ReviewLog;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The secrets that must never reach the report (tokens, the checkouts' credentials above `root`). */
  secrets: (root: string) => Iterable<string>;
  /** The redactor the caller publishes through; it learns the secrets too. Default: one of the review's own. */
  redactor?: Redactor;
  /** The static half of the pipeline; tests may stand in for it. */
  analyze?: typeof analyzeStatic;
  /** When set, the review proposes fixes: the report gets what may be published, this gets the whole patch. */
  fixes?: {
    patch(patch: string): void;
    /** Told why the fixed tree is not smoke-tested (it is too large to copy), for the user to see. */
    notVerified?(reason: string): void;
    /** The most files and directories verify-fixes' copy of the tree takes (default MAX_SCRATCH_ENTRIES). */
    maxScratchEntries?: number;
  };
}

/** The directory a request reviews, resolved through its links and checked: absolute. */
export function reviewedRoot(request: ReviewRequest): string {
  return scannedDirectory(request.base, request.directory, request.directoryOption, request.workspace);
}

/** config → static analysis → smoke test → report, redacted: the one pipeline of the action and the CLI. */
export async function runReview(request: ReviewRequest, ports: ReviewPorts): Promise<Report> {
  const started = ports.now();
  const root = reviewedRoot(request);
  const redactor = ports.redactor ?? new Redactor();
  for (const secret of ports.secrets(root)) redactor.add(secret);
  // A config file the CLI user typed may be anywhere; the default one, and every one in the action, stays inside.
  const within = request.workspace ?? (request.configFile === undefined ? root : null);
  const config = await loadConfig(root, request.configFile, within);
  const analyze = ports.analyze ?? analyzeStatic;
  const staticResult = await ports.log.stage('Static analysis', async () => {
    ports.log.configLoaded?.(root, config);
    const result = await analyze(root, config, request.discovery);
    ports.log.analysed?.(result, ports.now() - started);
    return result;
  });
  const smokeRequest = request.smoke;
  const dynamic = smokeRequest
    ? await ports.log.stage('Smoke test', () =>
        ports.smoke(staticResult.project, smokeOptions(smokeRequest), ports.log),
      )
    : undefined;
  const { findings, smoke } = joinSmoke(staticResult, config, dynamic);
  const fixes = ports.fixes
    ? await ports.log.stage('Fixes', () =>
        fixesOf(
          root,
          // The fix engine starts from the tree just analysed: that analysis is reused, not repeated.
          (overlay) =>
            overlay.size === 0
              ? Promise.resolve(staticResult)
              : analyze(root, config, request.discovery, overlay),
          redactor,
          ports,
          dynamic,
        ),
      )
    : undefined;
  const verification =
    fixes &&
    smokeRequest &&
    smokeRequest.verifyFixes !== false &&
    dynamic &&
    dynamic.result.status !== 'skipped' &&
    fixes.changes.size > 0
      ? await ports.log.stage('Smoke test of the fixes', () =>
          verifyFixes(root, fixes, (dir) => analyze(dir, config, request.discovery), smokeRequest, ports),
        )
      : undefined;
  const report = makeReport({
    directory: reportDirectory(request.directory),
    findings,
    smoke,
    configFile: config.file,
    ...analysedScope(staticResult.project),
    failOn: request.failOn,
    durationMs: ports.now() - started,
  });
  const published = fixes && { ...fixes.fixes, ...(verification ? { verification } : {}) };
  return redactor.redactValue(published ? { ...report, fixes: published } : report);
}

/** The proven fixes for the report; a failure of the fix engine only costs the fixes, never the review. */
async function fixesOf(
  root: string,
  analyze: (overlay: Overlay) => ReturnType<typeof analyzeStatic>,
  redactor: Redactor,
  ports: ReviewPorts,
  dynamic?: SmokeOutcome,
): Promise<PublishedFixes | undefined> {
  try {
    const base = dynamic?.facts?.baseImage;
    if (base && !base.digest)
      ports.log.info(`The base image ${base.ref} has no registry digest (a local image): it is not pinned.`);
    const published = await proposeFixes(
      root,
      analyze,
      (t) => redactor.redact(t) !== t,
      (m) => ports.log.debug?.(m),
      dynamic ? { ...(dynamic.facts ? { facts: dynamic.facts } : {}), findings: dynamic.findings } : {},
    );
    ports.fixes?.patch(published.patch);
    ports.log.info(
      `${published.fixes.applied.length} fix(es) proven, ${published.fixes.suggestions.length} as suggestions.`,
    );
    return published;
  } catch (error) {
    ports.log.info(`Fixes not proposed: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * The safe fixes proven: the fixed tree (a scratch copy) built and smoke-tested on both engines, through the same
 * smoke stage, limits and cleanup as the review's own run; a failure costs only the verification.
 */
async function verifyFixes(
  root: string,
  fixes: PublishedFixes,
  analyze: (dir: string) => ReturnType<typeof analyzeStatic>,
  request: SmokeRequest,
  ports: ReviewPorts,
): Promise<FixVerification | undefined> {
  let scratch: Scratch | undefined;
  try {
    // Docker builds from a real tree: the one copy the fixes still take, bounded.
    scratch = makeScratch(root, ports.fixes?.maxScratchEntries);
    for (const [file, { after }] of fixes.changes) scratch.write(file, after);
    const { project } = await analyze(scratch.dir);
    const outcome = await ports.smoke(project, smokeOptions(request), ports.log);
    return outcome.result.status === 'skipped' ? undefined : verificationOf(outcome.result);
  } catch (error) {
    if (error instanceof ScratchTooLarge) ports.fixes?.notVerified?.(error.message);
    ports.log.info(`The fixes were not smoke-tested: ${(error as Error).message}`);
    return undefined;
  } finally {
    scratch?.dispose();
  }
}

/** What the report says of the fixed tree's smoke test. */
function verificationOf(result: SmokeResult): FixVerification {
  const engines: FixVerification['engines'] = {};
  for (const [engine, e] of Object.entries(result.engines) as [Engine, SmokeResult['engines'][Engine]][])
    if (e) engines[engine] = { status: e.status, ...(e.reason ? { reason: e.reason } : {}) };
  return {
    ...(result.build?.status === 'failed' ? { buildFailed: result.build.detail ?? 'the build failed' } : {}),
    engines,
  };
}

/** The smoke stage's options: only what the user set, so the stage's own defaults apply to the rest. */
function smokeOptions(request: SmokeRequest): SmokeOptions {
  return {
    postgresImage: request.postgresImage,
    ...(request.port ? { port: request.port } : {}),
    buildArgs: request.buildArgs,
    env: request.env,
    limits: request.limits,
    ...(request.buildTimeoutMs ? { buildTimeoutMs: request.buildTimeoutMs } : {}),
    ...(request.postgresReadyTimeoutMs ? { postgresReadyTimeoutMs: request.postgresReadyTimeoutMs } : {}),
  };
}

/** Why the Docker engine cannot be used (no docker CLI, daemon unreachable), or its version when it answers. */
export async function probeDocker(docker: Docker): Promise<{ version: string } | { unreachable: string }> {
  let probe;
  try {
    probe = await docker.exec(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
  } catch (error) {
    return { unreachable: `Docker is not reachable (${(error as Error).message}).` };
  }
  if (probe.exitCode === 0) return { version: probe.stdout.trim() };
  const why = probe.stderr.trim().split('\n')[0] || `docker exited with ${probe.exitCode}`;
  return { unreachable: `Docker is not reachable (${why}).` };
}
