import type { RawFinding, RuleMeta } from '../../core/index.js';
import type { Project } from '../../model/types/project.js';

/** A static rule: pure, reads the model only. Dynamic rules (kind 'D') have `check` returning [] and are measured by smoke/. */
export interface Rule extends RuleMeta {
  check(project: Project): RawFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
