import { MAX_FILE_BYTES } from '../discover/index.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../model/types/project.js';
import { readInside, resolveInside, UnsafePathError } from '../util/safe-fs.js';
import { ClassicBuildLog, locateBuildFailure, stageBuildContext, type StagedContext } from './build.js';
import type { ClassicBuild } from './cleanup.js';
import type { DockerExecResult } from './docker.js';
import { classicBuildLimitArgs } from './limits.js';
import { isSecretName, tail } from './redact.js';
import { Cancelled, seconds, type ImageConfig, type RunState } from './run-state.js';

/** The directory and Dockerfile the image is built from, relative to the scanned directory, as compose would. */
export function buildSource(app: App): { contextDir: string; dockerfile: string } {
  const build = app.compose?.appService?.build;
  const dockerfile = build?.dockerfile ?? app.dockerfile!.file;
  return { dockerfile, contextDir: build?.context ?? app.context?.dir ?? path.posix.dirname(dockerfile) };
}

/** Why the image must not be built: its context or Dockerfile resolves outside the scanned directory (a link). */
export function outsideBuildSource(root: string, app: App): string | undefined {
  const { contextDir, dockerfile } = buildSource(app);
  for (const [what, p] of [
    ['build context', contextDir],
    ['Dockerfile', dockerfile],
  ]) {
    try {
      resolveInside(root, p.replace(/^\/+/, ''));
    } catch (error) {
      if (error instanceof UnsafePathError && !/does not exist/.test(error.reason))
        return `The ${what} ${p} cannot be used: ${error.reason}. The image is not built from it.`;
    }
  }
  return undefined;
}

/** Builds the app image from a copy of its context; records the build step and, on failure, what went wrong. */
export async function buildImage(run: RunState): Promise<boolean> {
  const t0 = run.now();
  const composeBuild = run.app.compose?.appService?.build;
  const root = run.project.root;
  const { contextDir } = buildSource(run.app);
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(composeBuild?.args ?? {})) if (v !== undefined) args[k] = v;
  Object.assign(args, run.options.buildArgs ?? {});
  // The builder gets a copy of the context without `.git`, whatever .dockerignore says: it holds the checkout's token.
  const staged = await stageBuildContext(
    path.join(root, contextDir),
    path.join(root, run.dockerfile),
    run.options.tempDir ?? tmpdir(),
  );
  run.stagedContext = staged;
  try {
    return await buildFrom(run, staged, composeBuild?.target, args, t0);
  } finally {
    await staged.remove();
  }
}

/**
 * Build args the user passed (smoke-build-args) with secret-looking names are masked, as the build log echoes them;
 * literals committed to the Dockerfile or compose file are public already (TF0306/TF0307 report them).
 */
function maskBuildSecrets(run: RunState): void {
  for (const [k, v] of Object.entries(run.options.buildArgs ?? {})) if (isSecretName(k)) run.redactor.add(v);
}

async function buildFrom(
  run: RunState,
  staged: StagedContext,
  target: string | undefined,
  args: Record<string, string>,
  t0: number,
): Promise<boolean> {
  const common = [
    '-f',
    staged.dockerfile,
    '-t',
    run.imageRef,
    '--label',
    run.label,
    ...(target ? ['--target', target] : []),
    ...Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
  ];
  maskBuildSecrets(run);
  const buildx = (await run.docker.exec(['buildx', 'version'], { timeoutMs: 30_000 })).exitCode === 0;
  const argv = buildx
    ? ['buildx', 'build', '--load', '--progress', 'plain', ...common, staged.context]
    : ['build', '--force-rm', ...classicBuildLimitArgs(run.limits), ...common, staged.context];
  run.log.info(`Building the image from ${run.dockerfile} (${buildx ? 'buildx' : 'classic builder'})…`);
  // The layers it commits are read from the log as it streams: the output kept is only its tail.
  const buildLog = buildx ? undefined : new ClassicBuildLog();
  const startedAt = Date.now();
  const classicBuild = (cutShort: boolean, keep?: string): ClassicBuild | undefined =>
    buildLog && { ...buildLog.result(), cutShort, startedAt, ...(keep ? { keep } : {}) };
  const feed = (chunk: string) => {
    const before = buildLog!.created.length;
    buildLog!.feed(chunk);
    if (buildLog!.created.length > before) run.options.onBuildLayers?.(buildLog!.created);
  };
  let r: DockerExecResult;
  try {
    r = await run.docker.exec(argv, {
      timeoutMs: run.options.buildTimeoutMs ?? 20 * 60_000,
      env: buildx ? {} : { DOCKER_BUILDKIT: '0' },
      ...(buildLog ? { onStdout: (chunk: string) => feed(chunk) } : {}),
    });
  } catch (error) {
    if (error instanceof Cancelled) run.classicBuild = classicBuild(true);
    throw error;
  }
  const durationMs = run.now() - t0;
  if (r.exitCode !== 0) {
    await buildFailed(run, r, durationMs);
    run.classicBuild = classicBuild(!!r.timedOut);
    return false;
  }
  // The image is removed by label without its parents; the layers under it and those of stages the target does
  // not build on go by the IDs recorded.
  run.classicBuild = classicBuild(false, run.options.keepImage ? run.imageRef : undefined);
  await buildPassed(run, r, durationMs);
  return true;
}

/** The failed build step, and the observation of where the build failed. */
async function buildFailed(run: RunState, r: DockerExecResult, durationMs: number): Promise<void> {
  const logText = `${r.stdout}\n${r.stderr}`;
  let dockerfileText: string | undefined;
  try {
    dockerfileText = (
      await readInside(run.project.root, run.dockerfile, { maxBytes: MAX_FILE_BYTES })
    ).toString('utf8');
  } catch {
    dockerfileText = undefined;
  }
  const failure = locateBuildFailure(logText, dockerfileText);
  const why = r.timedOut
    ? `did not finish within ${seconds(run.options.buildTimeoutMs ?? 20 * 60_000)}`
    : failure.instruction
      ? `failed at \`${failure.instruction}\``
      : `failed (exit code ${r.exitCode})`;
  const logTail = run.redactor.redact(tail(logText, 40));
  run.build = { name: 'build', status: 'failed', durationMs, detail: `The build ${why}.`, logTail };
  run.observe({
    kind: 'build-failed',
    dockerfile: run.dockerfile,
    ...(failure.line ? { line: failure.line } : {}),
    why,
    logTail,
  });
  run.log.info(`Build failed: ${why}.`);
}

/** The passed build step, and the built image's configuration. */
async function buildPassed(run: RunState, r: DockerExecResult, durationMs: number): Promise<void> {
  const idMatch = /Successfully built ([0-9a-f]{12,})|writing image (sha256:[0-9a-f]{64})/.exec(
    `${r.stdout}\n${r.stderr}`,
  );
  run.build = {
    name: 'build',
    status: 'passed',
    durationMs,
    detail: `Built in ${seconds(durationMs)}${idMatch ? ` (${idMatch[1] ?? idMatch[2]})` : ''}.`,
  };
  const inspect = await run.docker.exec(['image', 'inspect', '--format', '{{json .Config}}', run.imageRef], {
    timeoutMs: 30_000,
  });
  try {
    run.image = JSON.parse(inspect.stdout.trim() || '{}') as ImageConfig;
  } catch {
    run.image = {};
  }
}
