import {
  type AnalysedApp,
  type FailOn,
  type Finding,
  type Report,
  SEVERITIES,
  type SkippedProject,
  type SmokeResult,
} from '../core/index.js';
// esbuild inlines package.json into the bundle: the version a run reports is the one it was built as.
import packageJson from '../../package.json' with { type: 'json' };

export const TOOL = { name: 'twelve-factor-review', version: packageJson.version };

/** Assembles the Report every renderer reads; the verdict is decided here, last. */
export function makeReport(input: {
  directory: string;
  findings: Finding[];
  smoke?: SmokeResult;
  configFile?: string;
  apps?: AnalysedApp[];
  skipped?: SkippedProject[];
  otherDockerfiles?: string[];
  workerDockerfiles?: string[];
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
    ...(input.apps ? { apps: input.apps } : {}),
    ...(input.skipped ? { skipped: input.skipped } : {}),
    ...(input.otherDockerfiles ? { otherDockerfiles: input.otherDockerfiles } : {}),
    ...(input.workerDockerfiles ? { workerDockerfiles: input.workerDockerfiles } : {}),
    failOn: input.failOn,
    verdict: failing ? 'fail' : 'pass',
    durationMs: input.durationMs,
  };
}
