import type { ClassicBuildRecord } from './build.js';
import type { Docker } from './docker.js';

/** Key under which the action's main step saves the run id (core.saveState) for the post step's cleanup. */
export const SMOKE_STATE_KEY = 'smoke-run-id';
/** Key under which the main step saves the layers its classic build committed (space-separated IDs). */
export const SMOKE_LAYERS_STATE_KEY = 'smoke-build-layers';

/** Label every container, network, volume and image of a run carries. */
export const RUN_LABEL = 'twelve-factor-review.run';

export interface CleanupReport {
  containers: number;
  networks: number;
  volumes: number;
  images: number;
  errors: string[];
}

const ids = (stdout: string) =>
  stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Removes everything labelled with the run id: containers (with their anonymous volumes) first, then networks and
 * volumes, then the built image unless kept. Never throws: cleanup must not hide the run's own result.
 */
export async function removeRun(
  docker: Docker,
  runId: string,
  options: { keepImage?: boolean; timeoutMs?: number } = {},
): Promise<CleanupReport> {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const report: CleanupReport = { containers: 0, networks: 0, volumes: 0, images: 0, errors: [] };
  const run = async (args: string[]) => {
    try {
      const r = await docker.exec(args, { timeoutMs });
      if (r.exitCode !== 0) report.errors.push(`docker ${args.slice(0, 2).join(' ')}: ${r.stderr.trim()}`);
      return r;
    } catch (error) {
      report.errors.push(`docker ${args.slice(0, 2).join(' ')}: ${(error as Error).message}`);
      return { exitCode: 1, stdout: '', stderr: '' };
    }
  };
  const list = async (args: string[]) => ids((await run([...args, '--filter', filter])).stdout);

  // Everything is listed at once; containers go first (networks, volumes and the image are in use until then), then
  // the rest together.
  const listed = Promise.all([
    list(['network', 'ls', '-q']),
    list(['volume', 'ls', '-q']),
    options.keepImage ? Promise.resolve([]) : list(['image', 'ls', '-q']),
  ]);
  const containers = await list(['ps', '-aq']);
  if (containers.length) {
    await run(['rm', '-f', '-v', ...containers]);
    report.containers = containers.length;
  }
  const [networks, volumes, images] = await listed;
  const unique = [...new Set(images)];
  await Promise.all([
    networks.length ? run(['network', 'rm', ...networks]) : undefined,
    volumes.length ? run(['volume', 'rm', '-f', ...volumes]) : undefined,
    // --no-prune: the untagged layers it builds on may be another build's cache; the run removes its own by ID.
    unique.length ? run(['image', 'rm', '-f', '--no-prune', ...unique]) : undefined,
  ]);
  report.networks = networks.length;
  report.volumes = volumes.length;
  report.images = unique.length;
  return report;
}

/** What a classic build committed (recorded as its log streamed), for the final cleanup to remove. */
export interface ClassicBuild extends ClassicBuildRecord {
  /** Killed (timeout, signal) rather than ended: the daemon may still commit the step it was in. */
  cutShort: boolean;
  /** When the build started (ms since the epoch). */
  startedAt: number;
  /** The image the run keeps (keep-image): it and the layers it builds on stay. */
  keep?: string;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * Removes the layers a classic build committed itself, newest first, each with `--no-prune` so that removing it never
 * takes an untagged parent along: a `---> Using cache` layer is shared with other builds on the daemon and never
 * ours. A layer that is tagged stays; one that another build now builds on is handed over to it (HANDOFF_REPOSITORY).
 * A build cut short may commit the step
 * it was in after the CLI died: that layer is ours only when the daemon says it was committed from that step's
 * container on top of the last layer printed. While the daemon still removes a step's container the layer is in
 * use, so a removal is retried for a few seconds. Returns how many were removed. Never throws.
 */
export async function removeBuildLayers(
  docker: Docker,
  build: ClassicBuild,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<number> {
  let removed = 0;
  try {
    const created = build.created.map(short);
    const late = build.cutShort ? await committedAfterTheLog(docker, build, sleep) : undefined;
    if (late) created.push(late);
    if (!created.length) return 0;
    const kept = new Set<string>();
    if (build.keep) {
      const history = await docker.exec(['image', 'history', '-q', '--no-trunc', build.keep], {
        timeoutMs: 30_000,
      });
      if (history.exitCode === 0) for (const id of ids(history.stdout)) kept.add(short(id));
    }
    const tags = await docker.exec(
      ['image', 'inspect', '--format', '{{.Id}} {{len .RepoTags}}', ...created],
      {
        timeoutMs: 30_000,
      },
    );
    const untagged = new Set(
      ids(tags.stdout)
        .map((l) => l.split(' '))
        .filter(([, count]) => count === '0')
        .map(([id]) => short(id)),
    );
    for (const id of created.reverse()) {
      if (kept.has(id) || !untagged.has(id)) continue;
      for (let attempt = 0; ; attempt++) {
        const r = await docker.exec(['image', 'rm', '--no-prune', id], { timeoutMs: 60_000 });
        if (r.exitCode === 0) {
          removed++;
          break;
        }
        const inUse = /being used by (stopped|running) container/i.test(r.stderr);
        if (/dependent child images/i.test(r.stderr) || (inUse && attempt >= 20)) {
          // Another build on the same cache builds on it, or runs a step on it: the last of them removes it.
          await docker.exec(['image', 'tag', id, `${HANDOFF_REPOSITORY}:${id}`], { timeoutMs: 30_000 });
          break;
        }
        if (!inUse) break;
        await sleep(250);
      }
    }
    if (!build.keep) removed += await removeHandedOver(docker, build.reused ?? []);
  } catch {
    // Cleanup never throws: it must not hide the run's own result.
  }
  return removed;
}

/**
 * Tag of a layer a run committed but could not remove because another build, started meanwhile on the same cache,
 * builds on it: the last run whose build took it from the cache removes it. Without it, two runs of one project at
 * once leave that layer behind, untagged and unlabelled, once both have cleaned up.
 */
export const HANDOFF_REPOSITORY = 'twelve-factor-review-handoff';

/**
 * Removes, newest first, the layers this build took from the cache that another run handed over: by ID, so a layer
 * that a build still under way builds on stays (the daemon refuses) with its tag, for that build's run to remove.
 */
async function removeHandedOver(docker: Docker, reused: readonly string[]): Promise<number> {
  if (!reused.length) return 0;
  const tags = await docker.exec(['image', 'inspect', '--format', '{{.Id}} {{json .RepoTags}}', ...reused], {
    timeoutMs: 30_000,
  });
  const handedOver = ids(tags.stdout)
    .map((l) => l.split(' '))
    .filter(([id, repoTags]) => repoTags === JSON.stringify([`${HANDOFF_REPOSITORY}:${short(id)}`]))
    .map(([id]) => short(id));
  let removed = 0;
  for (const id of reused.map(short).reverse()) {
    if (!handedOver.includes(id)) continue;
    const r = await docker.exec(['image', 'rm', '--no-prune', id], { timeoutMs: 60_000 });
    if (r.exitCode === 0) removed++;
  }
  return removed;
}

/**
 * The layer a cut-short build committed from the step it was in, after its log ended: a dangling image on the last
 * layer printed, made since the build started, from that step's container (or from none, when the step ran in
 * none). Claimed only when exactly one image fits: another build's step on the same layer is never guessed at.
 */
async function committedAfterTheLog(
  docker: Docker,
  build: ClassicBuild,
  sleep: (ms: number) => Promise<void>,
): Promise<string | undefined> {
  const container = build.stepContainer;
  if (!build.pendingStep || !build.lastLayer) return undefined;
  // The step ends (committed or not) when the daemon removes its container.
  for (let i = 0; container && i < 50; i++) {
    const c = await docker.exec(['container', 'inspect', '--format', '{{.Id}}', container], {
      timeoutMs: 30_000,
    });
    if (c.exitCode !== 0) break;
    await sleep(200);
  }
  // A step without a container may still be committing: look once more after a pause.
  for (let pass = 0; pass < 2; pass++) {
    if (pass > 0) await sleep(1_000);
    const dangling = ids(
      (await docker.exec(['images', '--filter', 'dangling=true', '-q', '--no-trunc'], { timeoutMs: 30_000 }))
        .stdout,
    );
    if (!dangling.length) continue;
    const info = await docker.exec(
      ['image', 'inspect', '--format', '{{.Id}}|{{.Parent}}|{{.Container}}|{{.Created}}', ...dangling],
      { timeoutMs: 30_000 },
    );
    const fits = ids(info.stdout)
      .map((line) => line.split('|'))
      .filter(
        ([, parent = '', from = '', created = '']) =>
          short(parent) === short(build.lastLayer!) &&
          (container ? from.startsWith(container) : from === '') &&
          // With a few seconds for clock skew between the runner and the engine.
          Date.parse(created) >= build.startedAt - 5_000,
      );
    if (fits.length === 1) return short(fits[0][0]);
    if (fits.length > 1) return undefined;
  }
  return undefined;
}
