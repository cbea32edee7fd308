import type { Config } from '../config.js';
import { stamp, type Finding, type RawFinding, type Severity } from '../core/index.js';
import { withStartChainsRemembered } from '../model/command/start-chain.js';
import type { Project } from '../model/types/project.js';
import { matchesGlob } from '../util/glob.js';
import type { Rule } from './lib/rule.js';
import { findRule, RULES } from './registry.js';
import { compareText } from '../util/compare-text.js';

/** Runs every static rule on the project; a rule that throws becomes a TF0001 finding instead of a crash. */
export function runRules(project: Project, config: Config, rules: readonly Rule[] = RULES): Finding[] {
  return withStartChainsRemembered(() => judged(project, config, rules));
}

function judged(project: Project, config: Config, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'S' || config.rules[rule.id] === 'off') continue;
    let raw: RawFinding[];
    try {
      raw = rule.check(project);
    } catch (error) {
      const parseError = findRule('TF0001')!;
      findings.push(
        stamp(parseError, {
          file: '.',
          message: `Rule ${rule.id} (${rule.name}) could not judge this project: ${(error as Error).message}`,
        }),
      );
      continue;
    }
    for (const r of raw) findings.push(stamp(rule, r));
  }
  return finalize(findings, project, config);
}

/** Applies config severities, excludes and suppressions; sorts; drops exact duplicates. */
export function finalize(findings: Finding[], project: Project, config: Config): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const override = config.rules[f.ruleId];
    if (override === 'off') continue;
    if (override) f.severity = override as Severity;
    if (config.exclude.some((g) => matchesGlob(g, f.file))) continue;
    const key = `${f.ruleId}\0${f.file}\0${f.line ?? ''}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (config.allowSuppressions) {
      const s = suppressionFor(f, project);
      if (s) f.suppressed = { by: s.appliesTo === 'file' ? 'file' : 'inline', reason: s.reason };
    }
    out.push(f);
  }
  return out.sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.ruleId, b.ruleId),
  );
}

function suppressionFor(f: Finding, project: Project) {
  return project.suppressions.find(
    (s) =>
      s.file === f.file &&
      (s.appliesTo === 'file' ||
        s.appliesTo === f.line ||
        s.line === f.line ||
        onContinuation(s.appliesTo, f)) &&
      s.rules.some((r) => findRule(r)?.id === f.ruleId),
  );
}

/** A comment at the end of the last line of a multi-line instruction applies to the whole instruction. */
function onContinuation(line: number, f: Finding): boolean {
  return f.line !== undefined && f.endLine !== undefined && line > f.line && line <= f.endLine;
}
