// The dynamic checks: a scheduler runs per engine a list of steps that gather observations; the registry's dynamic
// rules judge them.
export { runSmoke, newRunId } from './scheduler.js';
export { ENGINES } from './smoke-run.js';
export type { SmokeLog, SmokeOptions, SmokeOutcome } from './options.js';
export type { RunStatus, StepStatus } from '../core/index.js';
export { createDockerCli } from './docker.js';
export type { Docker, DockerExecOptions, DockerExecResult } from './docker.js';
export { removeRun, RUN_LABEL, SMOKE_LAYERS_STATE_KEY, SMOKE_STATE_KEY } from './cleanup.js';
export type { CleanupReport } from './cleanup.js';
export { nodeHttpProbe } from './http.js';
export type { HttpAnswer, HttpProbe } from './http.js';
export { Redactor } from './redact.js';
export { parseDeployCheck } from './deploy-check.js';
export { locateBuildFailure } from './build.js';
export { planEnv } from './env.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ResourceLimits } from './limits.js';
