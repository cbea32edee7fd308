import type { RawFinding, RuleMeta } from '../../core/index.js';
import type { Project } from '../../model/types/project.js';

/** A static rule: pure, reads the model only. Dynamic rules (kind 'D', rules/lib/dynamic.ts) judge what smoke/ observed. */
export interface Rule extends RuleMeta {
  check(project: Project): RawFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
