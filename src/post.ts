import * as step from './step-commands.js';
// Only the cleanup and the Docker adapter: the post step must load fast and depend on little.
import { removeBuildLayers, removeRun, SMOKE_LAYERS_STATE_KEY, SMOKE_STATE_KEY } from './smoke/cleanup.js';
import { createDockerCli, type Docker } from './smoke/docker.js';
import { stepLog as log } from './log.js';

/**
 * The post step: removes whatever a killed main step left behind. Only this job's run id (saved by the main step)
 * is cleaned: other jobs may share the Docker engine of a self-hosted runner, and their resources are not ours.
 */
export async function post(docker: Docker = createDockerCli()): Promise<void> {
  const runId = step.getState(SMOKE_STATE_KEY);
  if (!runId) {
    log.debug('No smoke run recorded by the main step: nothing to clean up.');
    return;
  }
  try {
    const r = await removeRun(docker, runId);
    // The layers its classic build committed, as the main step saved them; what is gone or shared stays as it is.
    const layers = step
      .getState(SMOKE_LAYERS_STATE_KEY)
      .split(' ')
      .filter((id) => /^(sha256:)?[0-9a-f]{12,64}$/.test(id));
    if (layers.length)
      r.images += await removeBuildLayers(docker, { created: layers, cutShort: false, startedAt: 0 });
    const removed = r.containers + r.networks + r.volumes + r.images;
    log.info(
      removed
        ? `Removed what the smoke run ${runId} left behind: ${r.containers} container(s), ${r.networks} network(s), ${r.volumes} volume(s), ${r.images} image(s).`
        : `The smoke run ${runId} left nothing behind.`,
    );
    for (const e of r.errors) log.debug(e);
  } catch (error) {
    // Cleanup must never fail the job.
    step.warning(`Could not clean up the smoke run ${runId}: ${(error as Error).message}`);
  }
}

await post();
