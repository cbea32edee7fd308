import type { Finding, Fix, FixSafety, RawFinding, RuleMeta, TextEdit } from '../../core/index.js';
import type { Project } from '../../model/types/project.js';

/** What a fixer reads: the model, the finding, and the text of the scanned directory's files (to keep their formatting). */
export interface FixContext {
  project: Project;
  finding: Finding;
  /** The text of a file relative to the scanned directory; undefined when it does not exist or cannot be read. */
  text(file: string): string | undefined;
}

/** What a fixer returns: the edits, computed from the model's positions, and what the user must now provide. */
export type FixProposal = Pick<Fix, 'title' | 'edits' | 'variables' | 'secrets'>;

/** A rule's fix: declared with its safety, so the rules page and `fix --write` know what it may change. */
export interface RuleFixer {
  safety: FixSafety;
  /** One sentence for the rules page: what the fix changes. */
  summary: string;
  /** One sentence for the rules page: the cases the fixer leaves alone on purpose, and why. */
  declines?: string;
  make(context: FixContext): FixProposal | undefined;
}

/** A static rule: pure, reads the model only. Dynamic rules (kind 'D', rules/lib/dynamic.ts) judge what smoke/ observed. */
export interface Rule extends RuleMeta {
  check(project: Project): RawFinding[];
  fix?: RuleFixer;
  /** Why the rule has no fix, for the rules page, where one might be expected. */
  noFix?: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { TextEdit };
