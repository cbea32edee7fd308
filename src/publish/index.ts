import * as step from '../step-commands.js';
import { join, resolve } from 'node:path';
import type { Report } from '../core/index.js';
import { pullRequestOf, readEvent, workflowRunOf } from '../github/event.js';
import type { Inputs } from '../inputs.js';
import { stepLog as log } from '../log.js';
import {
  renderAnnotations,
  renderJson,
  renderMarkdown,
  renderSarif,
  type Annotation,
} from '../report/index.js';
import { escapeMarkdown } from '../report/escape.js';
import { RULES } from '../rules/registry.js';
import type { Redactor } from '../smoke/index.js';
import { attempt, writeText, type Publication } from './channel.js';
import type { Runner } from './runner.js';

export { runner, type Runner } from './runner.js';

/** GitHub shows at most this many annotations of one level per step. */
const ANNOTATIONS_PER_LEVEL = 10;
/** The job summary of a step holds at most 1 MiB of UTF-8. */
const SUMMARY_MAX_BYTES = 1024 * 1024;

// The GitHub API client (octokit) and the artifact's schema are loaded only by a run that uses them.
const pullRequest = () => import('./pull-request.js');
const artifacts = () => import('../github/artifact.js');

/** Collect everything, publish everything: each channel on its own; a failure there is a warning, never a verdict. */
export async function publishAll(
  report: Report,
  inputs: Inputs,
  env: Runner,
  warnings: string[],
  redactor: Redactor,
  /** The whole patch of the proven safe fixes ('' for none), for the patch file. */
  patch = '',
): Promise<void> {
  const pub: Publication = { warnings, notes: [] };
  const pr = pullRequestOf(env.eventName, readEvent(env.eventPath));
  const repoUrl = env.repository ? `${env.serverUrl}/${env.repository}` : undefined;

  let sarifPath = '';
  if (inputs.sarifFile) {
    await attempt(pub, 'SARIF report', async () => {
      const file = resolve(env.workspace, inputs.sarifFile);
      writeText(file, renderSarif(report, RULES), env);
      sarifPath = file;
      log.info(`SARIF written to ${file}`);
    });
  }
  let reportPath = '';
  await attempt(pub, 'JSON report', async () => {
    const file = join(env.temp, 'twelve-factor-review', `report-${process.pid}-${Date.now()}.json`);
    writeText(file, renderJson(report), env);
    reportPath = file;
    log.info(`JSON report written to ${file}`);
  });
  const patchPath = await writePatch(pub, patch, env);
  setOutputs(report, reportPath, sarifPath, patchPath);

  if (inputs.checkRun && inputs.mode !== 'analyze')
    await (await pullRequest()).checkRun(pub, report, inputs, env, pr?.headSha ?? env.sha);
  if (inputs.mode === 'analyze') {
    await attempt(pub, 'Report artifact', async () => {
      const dir = resolve(env.workspace, inputs.artifactDir);
      (await artifacts()).writeArtifact(dir, report, pr, [env.workspace, env.temp]);
      log.info(`Report for the publish workflow written to ${dir}: upload it with actions/upload-artifact.`);
    });
  } else if (pr) {
    await (await pullRequest()).publishPr(pub, report, inputs, env, pr);
  } else {
    log.info(`Event '${env.eventName}': no pull request to comment on.`);
  }

  await attempt(pub, 'Job summary', async () => {
    const lines = [...pub.warnings.map((w) => `⚠️ ${w}`), ...pub.notes].map((l) => redactor.redact(l));
    const footer = lines.length ? `\n\n---\n${lines.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}\n` : '';
    const body = renderMarkdown(report, {
      repoUrl,
      sha: pr?.headSha ?? env.sha,
      maxChars: Infinity,
      maxBytes: SUMMARY_MAX_BYTES - Buffer.byteLength(footer),
    });
    step.appendSummary(body + footer);
  });
  for (const w of pub.warnings) step.warning(redactor.redact(w));
  await step.group('Annotations', async () => annotate(renderAnnotations(report), pub.warnings.length));
}

/** mode: publish, in a workflow_run job: publishes the report an analyze run left as an artifact. */
export async function publishFromArtifact(inputs: Inputs, env: Runner, redactor: Redactor): Promise<void> {
  const pub: Publication = { warnings: [], notes: [] };
  const run = workflowRunOf(env.eventName, readEvent(env.eventPath));
  const dir = resolve(env.workspace, inputs.artifactDir);
  const { readArtifact } = await artifacts();
  const artifact = await step.group('Read the report artifact', async () => readArtifact(dir, inputs.failOn));
  const { pr } = artifact;
  const report = redactor.redactValue(artifact.report);
  pub.warnings.push(...artifact.warnings);
  // The analysing run's patch, as published: only what the comment may show (untrusted text, never executed here).
  setOutputs(report, join(dir, 'report.json'), '', await writePatch(pub, report.fixes?.patch ?? '', env));
  if (!run) pub.warnings.push(`mode: publish expects a workflow_run event, got '${env.eventName}'.`);
  if (!pr) {
    log.info('The analysed run was not for a pull request: nothing to publish.');
  } else if (run && run.headSha !== pr.headSha) {
    // The artifact comes from a run of untrusted code: publish only to the pull request whose head that run analysed.
    pub.warnings.push(
      `The artifact names pull request #${pr.number} at ${pr.headSha}, but the workflow run analysed ${run.headSha}: not published.`,
    );
  } else if (await (await pullRequest()).isCurrentHead(pub, inputs, env, pr)) {
    await (await pullRequest()).publishPr(pub, report, inputs, env, pr);
  }
  await attempt(pub, 'Job summary', async () => {
    const repoUrl = env.repository ? `${env.serverUrl}/${env.repository}` : undefined;
    step.appendSummary(
      renderMarkdown(report, {
        repoUrl,
        // Outside a pull request, the commit the analysed run checked out.
        sha: pr?.headSha ?? run?.headSha,
        maxChars: Infinity,
        maxBytes: SUMMARY_MAX_BYTES,
      }),
    );
  });
  for (const w of pub.warnings) step.warning(redactor.redact(w));
}

/** Emits the annotations, leaving room under GitHub's 10 warnings per step for the publishing warnings. */
function annotate(annotations: Annotation[], warningsEmitted: number): void {
  let warningRoom = Math.max(0, ANNOTATIONS_PER_LEVEL - warningsEmitted);
  for (const a of annotations) {
    const properties: step.AnnotationProperties = {
      title: a.title,
      file: a.file,
      startLine: a.startLine,
      endLine: a.endLine,
      startColumn: a.startColumn,
    };
    if (a.level === 'error') step.error(a.message, properties);
    else if (a.level === 'notice') step.notice(a.message, properties);
    else if (warningRoom-- > 0) step.warning(a.message, properties);
    else
      log.info(
        `warning (no room left among the 10 warning annotations): ${a.file ?? ''}:${a.startLine ?? ''} ${a.message}`,
      );
  }
}

/** Writes the fixes' patch to a file of the runner's temp directory; its path, or '' when there is nothing to apply. */
async function writePatch(pub: Publication, patch: string, env: Runner): Promise<string> {
  if (patch === '') return '';
  let path = '';
  await attempt(pub, 'Patch file', async () => {
    const file = join(env.temp, 'twelve-factor-review', `fixes-${process.pid}-${Date.now()}.patch`);
    writeText(file, patch, env);
    path = file;
    log.info(`Patch of the proven fixes written to ${file} (git apply it at the repository root).`);
  });
  return path;
}

function setOutputs(report: Report, reportFile: string, sarifFile: string, patchFile: string): void {
  step.setOutput('errors', report.counts.error);
  step.setOutput('warnings', report.counts.warning);
  step.setOutput('notices', report.counts.notice);
  step.setOutput('verdict', report.verdict);
  step.setOutput('report-file', reportFile);
  step.setOutput('sarif-file', sarifFile);
  step.setOutput('patch-file', patchFile);
  step.setOutput('sqlite-status', report.smoke?.engines.sqlite?.status ?? 'skipped');
  step.setOutput('postgres-status', report.smoke?.engines.postgres?.status ?? 'skipped');
}
