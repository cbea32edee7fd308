import type { DockerfileModel, Stage } from '../types/dockerfile.js';

/** The target stage and the stages it is built FROM, base first: their ENV and ARG end up in the image. */
export function lineage(df: DockerfileModel): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = df.targetStage; s && !out.includes(s);) {
    out.unshift(s);
    s = s.from.stageRef !== undefined ? df.stages[s.from.stageRef] : undefined;
  }
  return out;
}
