/** Which stages a build runs: the target and those it needs. */
import type { CopyInstr, RunInstr, Stage } from '../types/dockerfile.js';

/** The target and every stage it needs (FROM a stage, COPY --from, RUN --mount from=), in file order. */
export function builtStages(stages: Stage[], target: Stage): Stage[] {
  const seen = new Set<number>();
  const visit = (stage: Stage): void => {
    if (seen.has(stage.index)) return;
    seen.add(stage.index);
    const refs: string[] = [];
    if (stage.from.stageRef !== undefined) visit(stages[stage.from.stageRef]);
    for (const i of stage.instructions) {
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && (i as CopyInstr).fromStage)
        refs.push((i as CopyInstr).fromStage!);
      if (i.keyword === 'RUN') {
        for (const m of (i as RunInstr).mounts) {
          const from = /(?:^|,)from=([^,]+)/.exec(m);
          if (from) refs.push(from[1]);
        }
      }
    }
    for (const ref of refs) {
      const dep = stageByRef(stages, ref, stage.index);
      if (dep) visit(dep);
    }
  };
  visit(target);
  return stages.filter((s) => seen.has(s.index));
}

function stageByRef(stages: Stage[], ref: string, before: number): Stage | undefined {
  const lower = ref.toLowerCase();
  const named = stages.find((s) => s.index < before && s.name?.toLowerCase() === lower);
  if (named) return named;
  return /^\d+$/.test(ref) && Number(ref) < before ? stages[Number(ref)] : undefined;
}
