import type { SmokeStep } from '../../core/index.js';
import { lastErrorLine } from '../containers.js';
import { parseDeployCheck } from '../deploy-check.js';
import { tail } from '../redact.js';
import type { RunState } from '../run-state.js';
import type { EngineRun } from './engine-run.js';
import type { ReleaseOutcome } from './release-one-off.js';

/** check --deploy, from its part of the release one-off: each issue it reports is observed. */
export function checkDeployStep(run: RunState, e: EngineRun, r: ReleaseOutcome): SmokeStep {
  const out = `${r.stdout}\n${r.stderr}`;
  const durationMs = r.durationMs ?? 0;
  const issues = parseDeployCheck(out);
  for (const issue of issues)
    run.observe({ kind: 'deploy-check-issue', engine: e.engine, id: issue.id, message: issue.message });
  if (r.exitCode !== 0 && issues.every((i) => i.level === 'warning')) {
    return {
      name: 'check-deploy',
      status: 'failed',
      durationMs,
      detail: `\`manage.py check --deploy\` could not run (exit code ${r.exitCode}: ${lastErrorLine(out)}).`,
      logTail: run.redactor.redact(tail(out)),
    };
  }
  return {
    name: 'check-deploy',
    status: 'passed',
    durationMs,
    detail: issues.length
      ? `${issues.length} issue(s): ${issues.map((i) => i.id).join(', ')}.`
      : 'No issues.',
  };
}
