import type { Config } from './config.js';
import { discover } from './discover/index.js';
import type { DiscoverOptions } from './discover/types.js';
import { buildProject } from './model/index.js';
import { type FailOn, type Finding, type Report, SEVERITIES, type SmokeResult } from './core/index.js';
import type { Project } from './model/types/project.js';
import { finalize, runRules } from './rules/run.js';
// esbuild inlines package.json into the bundle: the version a run reports is the one it was built as.
import packageJson from '../package.json' with { type: 'json' };

export const TOOL = { name: 'twelve-factor-review', version: packageJson.version };

export interface StaticResult {
  project: Project;
  findings: Finding[];
}

/** discover → parse/model → rules: the static half, no Docker. */
export async function analyzeStatic(
  root: string,
  config: Config,
  options: DiscoverOptions = {},
): Promise<StaticResult> {
  const tree = await discover(root, { exclude: config.exclude, ...options });
  const project = buildProject(tree);
  return { project, findings: runRules(project, config) };
}

/** What the smoke test adds to the static result (`smoke/`'s outcome, kept structural so this stage imports no I/O). */
export interface DynamicResult {
  result: SmokeResult;
  findings: Finding[];
}

/**
 * The findings and smoke result a report is made of: the static findings alone, or joined by the smoke test's, which
 * then get the same config severities, excludes and suppressions as the static ones.
 */
export function joinSmoke(
  staticResult: StaticResult,
  config: Config,
  dynamic?: DynamicResult,
): { findings: Finding[]; smoke?: SmokeResult } {
  if (!dynamic) return { findings: staticResult.findings };
  return {
    findings: finalize([...staticResult.findings, ...dynamic.findings], staticResult.project, config),
    smoke: dynamic.result,
  };
}

/** Assembles the Report every renderer reads; the verdict is decided here, last. */
export function makeReport(input: {
  directory: string;
  findings: Finding[];
  smoke?: SmokeResult;
  configFile?: string;
  failOn: FailOn;
  durationMs: number;
}): Report {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of input.findings) if (!f.suppressed) counts[f.severity]++;
  const threshold = input.failOn === 'never' ? -1 : SEVERITIES.indexOf(input.failOn);
  const failing = SEVERITIES.some((s, i) => i <= threshold && counts[s] > 0);
  return {
    tool: TOOL,
    directory: input.directory,
    findings: input.findings,
    counts,
    smoke: input.smoke,
    configFile: input.configFile,
    failOn: input.failOn,
    verdict: failing ? 'fail' : 'pass',
    durationMs: input.durationMs,
  };
}
