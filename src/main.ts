import * as step from './step-commands.js';
import { resolve } from 'node:path';
import { readCheckout, untrustedCheckoutReason, untrustedHeadOf } from './github/trust.js';
import { readEvent } from './github/event.js';
import { readInputs, reviewRequest, type Inputs } from './inputs.js';
import { stepLog as log } from './log.js';
import { TOOL } from './pipeline.js';
import { publishAll, publishFromArtifact, runner, type Runner } from './publish/index.js';
import { probeDocker, runReview, type SmokeStage } from './review.js';
import { runnerSecrets } from './runner-secrets.js';
import { reportDirectory } from './util/paths.js';
import type { SmokeOutcome } from './smoke/index.js';
import { Redactor } from './smoke/redact.js';

/**
 * The action's main step: analyse, then publish everything, then decide. The only place that calls
 * step.setFailed: from the verdict (fail-on), or for an internal error. A failed publication is a warning only.
 */
export async function run(): Promise<void> {
  log.info(`${TOOL.name} ${TOOL.version}`);
  // Everything published goes through it: the token and the checkout's credentials, in their encodings, and what the smoke run masks.
  const redactor = new Redactor((secret) => step.setSecret(secret));
  try {
    const inputs = readInputs();
    const env = runner();
    const secrets = (root: string) =>
      runnerSecrets({ env: process.env, token: inputs.githubToken, root, workspace: env.workspace });
    // Known before anything can fail, so that no message quotes them.
    for (const secret of secrets(resolve(env.workspace, reportDirectory(inputs.workingDirectory))))
      redactor.add(secret);
    if (inputs.mode === 'publish') {
      await publishFromArtifact(inputs, env, redactor);
      return;
    }
    const warnings: string[] = [];
    let patch = '';
    const report = await runReview(reviewRequest(inputs, env.workspace), {
      smoke: smokeStage(inputs, env, warnings, redactor),
      log: {
        ...log,
        stage: (name, fn) => step.group(name, fn),
        configLoaded: (root, config) =>
          log.info(`Analysing ${root}${config.file ? ` with ${config.file}` : ''}`),
        analysed: (result) => log.info(`${result.findings.length} finding(s) from the static rules.`),
      },
      now: Date.now,
      secrets,
      redactor,
      ...(inputs.fixes
        ? {
            fixes: {
              patch: (p: string) => (patch = p),
              notVerified: (reason: string) => warnings.push(`The fixes were not smoke-tested: ${reason}.`),
            },
          }
        : {}),
    });
    await publishAll(report, inputs, env, warnings, redactor, patch);
    const { error, warning, notice } = report.counts;
    const counts = `${error} error(s), ${warning} warning(s), ${notice} notice(s)`;
    if (report.verdict === 'fail') {
      step.setFailed(`twelve-factor-review: ${counts}; fail-on is '${report.failOn}'.`);
    } else {
      log.info(`Verdict: pass with ${counts} (fail-on '${report.failOn}').`);
    }
  } catch (error) {
    log.debug((error as Error).stack ?? String(error));
    step.setFailed(`twelve-factor-review could not complete: ${redactor.redact((error as Error).message)}`);
  }
}

/**
 * Builds and runs the image; when Docker is unreachable, or the checkout is a pull request's code in a run that
 * holds a write token (unless allow-untrusted-build), the smoke part is skipped with the reason.
 */
function smokeStage(inputs: Inputs, env: Runner, warnings: string[], redactor: Redactor): SmokeStage {
  return async (project, options, smokeLog) => {
    const skipped = (reason: string): SmokeOutcome => {
      warnings.push(`Smoke test skipped: ${reason} The static results are published.`);
      return { result: { status: 'skipped', reason, engines: {}, durationMs: 0 }, findings: [] };
    };
    const untrusted = untrustedCheckout(env, [project.root, env.workspace]);
    if (untrusted && !inputs.allowUntrustedBuild) {
      log.info(`Not building: ${untrusted}`);
      return skipped(
        `${untrusted}: building and running it would execute untrusted code with this run's write token and ` +
          'secrets. Use the two-workflow setup (mode: analyze on pull_request, mode: publish on workflow_run), or ' +
          'set allow-untrusted-build: true to accept that risk.',
      );
    }
    if (untrusted) {
      warnings.push(
        `allow-untrusted-build: true: ${untrusted}, and the smoke test builds and runs it with this run's write ` +
          'token and secrets within reach: that code can use them.',
      );
    }
    // The smoke test's code is loaded only by a run that builds.
    const { createDockerCli, newRunId, runSmoke, SMOKE_LAYERS_STATE_KEY, SMOKE_STATE_KEY } =
      await import('./smoke/index.js');
    const docker = createDockerCli();
    const probe = await probeDocker(docker);
    if ('unreachable' in probe) return skipped(probe.unreachable);
    log.info(`Docker engine ${probe.version}`);
    const runId = newRunId();
    step.saveState(SMOKE_STATE_KEY, runId); // the post step removes what a killed run leaves behind
    // Saved as they are committed: a main step killed outright leaves them to the post step.
    const onBuildLayers = (ids: readonly string[]) => step.saveState(SMOKE_LAYERS_STATE_KEY, ids.join(' '));
    return runSmoke(
      project,
      { ...options, runId, redactor, tempDir: env.temp, onBuildLayers },
      docker,
      smokeLog,
    );
  };
}

/**
 * On pull_request_target and workflow_run (a write token, the repository's secrets), why the code checked out in
 * one of `dirs` is the pull request's; undefined for every other event, or when it provably is not.
 */
function untrustedCheckout(env: Runner, dirs: string[]): string | undefined {
  const head = untrustedHeadOf(env.eventName, readEvent(env.eventPath), env.repository);
  if (!head) return undefined;
  for (const dir of new Set(dirs)) {
    const why = untrustedCheckoutReason(head, readCheckout(dir), env.repository);
    if (why) return `This ${head.event} run has the pull request's code checked out (${why})`;
  }
  return undefined;
}
