import type { Config } from './config.js';
import { discover, type Overlay } from './discover/index.js';
import type { DiscoverOptions } from './discover/types.js';
import { analysedApps, buildProject } from './model/index.js';
import type { AnalysedApp, Finding, SkippedProject, SmokeResult } from './core/index.js';
import type { Project } from './model/types/project.js';
import { isKnownRule } from './rules/registry.js';
import { finalize, runRules } from './rules/run.js';

export { makeReport, TOOL } from './report/make.js';

export interface StaticResult {
  project: Project;
  findings: Finding[];
}

/** discover → parse/model → rules: the static half, no Docker; with an overlay, of the tree with its files in place. */
export async function analyzeStatic(
  root: string,
  config: Config,
  options: DiscoverOptions = {},
  overlay?: Overlay,
): Promise<StaticResult> {
  const tree = await discover(root, { exclude: config.exclude, ...options }, {}, overlay);
  const project = buildProject(tree, isKnownRule);
  return { project, findings: runRules(project, config) };
}

/** What the report says was analysed, which Django projects were left out and which Dockerfiles no app builds. */
export function analysedScope(project: Project): {
  apps: AnalysedApp[];
  skipped?: SkippedProject[];
  otherDockerfiles?: string[];
  workerDockerfiles?: string[];
} {
  // A worker's own Dockerfile is judged by the image rules as well: listed as such, not under the Dockerfile rules only.
  const workers = [
    ...new Set((project.workerImages ?? []).flatMap((w) => (w.dockerfile ? [w.dockerfile.file] : []))),
  ];
  const others = project.otherDockerfiles?.map((d) => d.file).filter((f) => !workers.includes(f));
  const otherDockerfiles = others?.length ? others : undefined;
  // A Dockerfile skipped as an app but judged by the Dockerfile rules is listed once, under the latter.
  const skipped = project.skippedProjects?.filter(
    (s) =>
      s.managePy !== undefined ||
      (!otherDockerfiles?.includes(s.dockerfile ?? '') && !workers.includes(s.dockerfile ?? '')),
  );
  return {
    apps: analysedApps(project),
    ...(skipped?.length ? { skipped } : {}),
    ...(otherDockerfiles ? { otherDockerfiles } : {}),
    ...(workers.length > 0 ? { workerDockerfiles: workers } : {}),
  };
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
