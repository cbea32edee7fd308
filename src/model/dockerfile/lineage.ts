import type { DockerfileModel, Stage } from '../types/dockerfile.js';

/**
 * `stage` (the target stage unless given) and the stages it is built FROM, base first: their ENV and ARG end up in the
 * image, and `FROM base` takes base's users.
 */
export function lineage(df: DockerfileModel, stage: Stage | undefined = df.targetStage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s);) {
    out.unshift(s);
    s = s.from.stageRef !== undefined ? df.stages[s.from.stageRef] : undefined;
  }
  return out;
}
