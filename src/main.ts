import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { readArtifact, writeArtifact } from './github/artifact.js';
import { pullRequestOf, readEvent, workflowRunOf, type EventPullRequest } from './github/event.js';
import { CHECK_SUMMARY_MAX_CHARS, publishCheckRun } from './github/checks.js';
import { reportDigest } from './github/digest.js';
import { commentMarker } from './github/markers.js';
import { octokitGitHub } from './github/octokit.js';
import { publishToPullRequest } from './github/publish.js';
import { readInputs, type Inputs } from './inputs.js';
import { stepLog as log } from './log.js';
import type { Finding } from './model/types/finding.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from './options.js';
import { analyzeStatic, joinSmoke, makeReport } from './pipeline.js';
import {
  renderAnnotations,
  renderJson,
  renderMarkdown,
  renderSarif,
  ruleHelpUri,
  type Annotation,
} from './report/index.js';
import { escapeMarkdown } from './report/escape.js';
import type { Report } from './report/types.js';
import type { Project } from './model/types/project.js';
import { RULES } from './rules/registry.js';
import {
  createDockerCli,
  newRunId,
  runSmoke,
  SMOKE_STATE_KEY,
  type SmokeOptions,
  type SmokeOutcome,
} from './smoke/index.js';

/** GitHub shows at most this many annotations of one level per step. */
const ANNOTATIONS_PER_LEVEL = 10;
/** The job summary of a step holds at most 1 MiB of UTF-8. */
const SUMMARY_MAX_BYTES = 1024 * 1024;
const COMMENT_MAX_CHARS = 65536;

/** What the runner tells the step about where it runs. Read once, at the start of run(). */
interface Runner {
  workspace: string;
  repository: string;
  sha: string;
  eventName: string;
  eventPath?: string;
  serverUrl: string;
  temp: string;
}

function runner(): Runner {
  const env = process.env;
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  return {
    workspace,
    repository: env.GITHUB_REPOSITORY ?? '',
    sha: env.GITHUB_SHA ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    temp: env.RUNNER_TEMP || join(workspace, '.twelve-factor-review-tmp'),
  };
}

/** What publishing left to say: warnings are emitted together, after the outputs, before the annotations. */
interface Publication {
  warnings: string[];
  /** One line per channel for the job summary's footer. */
  notes: string[];
}

/**
 * The action's main step: analyse, then publish everything, then decide. The only place that calls
 * core.setFailed: from the verdict (fail-on), or for an internal error. A failed publication is a warning only.
 */
export async function run(): Promise<void> {
  const started = Date.now();
  try {
    const inputs = readInputs();
    const env = runner();
    if (inputs.mode === 'publish') {
      await publishFromArtifact(inputs, env);
      return;
    }
    const warnings: string[] = [];
    const report = await analyze(inputs, env, started, warnings);
    await publishAll(report, inputs, env, warnings);
    const { error, warning, notice } = report.counts;
    const counts = `${error} error(s), ${warning} warning(s), ${notice} notice(s)`;
    if (report.verdict === 'fail') {
      core.setFailed(`twelve-factor-review: ${counts}; fail-on is '${report.failOn}'.`);
    } else {
      log.info(`Verdict: pass with ${counts} (fail-on '${report.failOn}').`);
    }
  } catch (error) {
    log.debug((error as Error).stack ?? String(error));
    core.setFailed(`twelve-factor-review could not complete: ${(error as Error).message}`);
  }
}

/** The scanned directory as the report names it: relative to the workspace, '/' separators, '.' for the root. */
function scannedDirectory(inputs: Inputs): string {
  return posix.normalize(inputs.workingDirectory.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}

async function analyze(inputs: Inputs, env: Runner, started: number, warnings: string[]): Promise<Report> {
  const directory = scannedDirectory(inputs);
  const root = resolve(env.workspace, directory);
  const configFile = inputs.config && inputs.config !== DEFAULT_CONFIG_FILE ? inputs.config : undefined;
  const config = await loadConfig(root, configFile);
  const staticResult = await core.group('Static analysis', async () => {
    log.info(`Analysing ${root}${config.file ? ` with ${config.file}` : ''}`);
    const result = await analyzeStatic(root, config, {
      dockerfile: inputs.dockerfile,
      composeFiles: inputs.composeFiles,
      settingsModule: inputs.settingsModule,
    });
    log.info(`${result.findings.length} finding(s) from the static rules.`);
    return result;
  });
  const dynamic = inputs.smoke
    ? await core.group('Smoke test', () => smokeTest(staticResult.project, inputs, warnings))
    : undefined;
  const { findings, smoke } = joinSmoke(staticResult, config, dynamic);
  return makeReport({
    directory,
    findings,
    smoke,
    configFile: config.file,
    failOn: inputs.failOn,
    durationMs: Date.now() - started,
  });
}

/** Builds and runs the image; when Docker is unreachable, the smoke part is skipped with the reason. */
async function smokeTest(project: Project, inputs: Inputs, warnings: string[]): Promise<SmokeOutcome> {
  const docker = createDockerCli();
  const skipped = (reason: string): SmokeOutcome => {
    warnings.push(`Smoke test skipped: ${reason} The static results are published.`);
    return { result: { status: 'skipped', reason, engines: {}, durationMs: 0 }, findings: [] };
  };
  let probe;
  try {
    probe = await docker.exec(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
  } catch (error) {
    return skipped(`Docker is not reachable (${(error as Error).message}).`);
  }
  if (probe.exitCode !== 0) {
    const why = probe.stderr.trim().split('\n')[0] || `docker exited with ${probe.exitCode}`;
    return skipped(`Docker is not reachable (${why}).`);
  }
  log.info(`Docker engine ${probe.stdout.trim()}`);
  const runId = newRunId();
  core.saveState(SMOKE_STATE_KEY, runId); // the post step removes what a killed run leaves behind
  const env: SmokeOptions['env'] = {
    sqlite: { ...inputs.smokeEnv.all, ...inputs.smokeEnv.sqlite },
    postgres: { ...inputs.smokeEnv.all, ...inputs.smokeEnv.postgres },
  };
  return runSmoke(
    project,
    {
      runId,
      postgresImage: inputs.postgresImage,
      ...(inputs.smokePort ? { port: inputs.smokePort } : {}),
      buildArgs: inputs.buildArgs,
      env,
      onSecret: (secret) => core.setSecret(secret),
    },
    docker,
    log,
  );
}

/** Collect everything, publish everything: each channel on its own; a failure there is a warning, never a verdict. */
async function publishAll(report: Report, inputs: Inputs, env: Runner, warnings: string[]): Promise<void> {
  const pub: Publication = { warnings, notes: [] };
  const pr = pullRequestOf(env.eventName, readEvent(env.eventPath));
  const repoUrl = env.repository ? `${env.serverUrl}/${env.repository}` : undefined;

  let sarifPath = '';
  if (inputs.sarifFile) {
    await attempt(pub, 'SARIF report', async () => {
      const file = resolve(env.workspace, inputs.sarifFile);
      writeText(file, renderSarif(report, RULES));
      sarifPath = file;
      log.info(`SARIF written to ${file}`);
    });
  }
  let reportPath = '';
  await attempt(pub, 'JSON report', async () => {
    const file = join(env.temp, 'twelve-factor-review', `report-${process.pid}-${Date.now()}.json`);
    writeText(file, renderJson(report));
    reportPath = file;
    log.info(`JSON report written to ${file}`);
  });
  setOutputs(report, reportPath, sarifPath);

  if (env.eventName === 'pull_request_target' && pr) {
    const warning = untrustedCheckout(env.workspace, pr.headSha);
    if (warning) pub.warnings.push(warning);
  }
  if (inputs.checkRun && inputs.mode !== 'analyze')
    await checkRun(pub, report, inputs, env, pr?.headSha ?? env.sha);
  if (inputs.mode === 'analyze') {
    await attempt(pub, 'Report artifact', async () => {
      const dir = resolve(env.workspace, inputs.artifactDir);
      writeArtifact(dir, report, pr);
      log.info(`Report for the publish workflow written to ${dir}: upload it with actions/upload-artifact.`);
    });
  } else if (pr) {
    await publishPr(pub, report, inputs, env, pr);
  } else {
    log.info(`Event '${env.eventName}': no pull request to comment on.`);
  }

  await attempt(pub, 'Job summary', async () => {
    const lines = [...pub.warnings.map((w) => `⚠️ ${w}`), ...pub.notes];
    const footer = lines.length ? `\n\n---\n${lines.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}\n` : '';
    const body = renderMarkdown(report, {
      repoUrl,
      sha: pr?.headSha ?? env.sha,
      maxChars: Infinity,
      maxBytes: SUMMARY_MAX_BYTES - Buffer.byteLength(footer),
    });
    await core.summary.addRaw(body + footer, true).write();
  });
  for (const w of pub.warnings) core.warning(w);
  await core.group('Annotations', async () => annotate(renderAnnotations(report), pub.warnings.length));
}

async function publishPr(
  pub: Publication,
  report: Report,
  inputs: Inputs,
  env: Runner,
  pr: { number: number; headSha: string },
): Promise<void> {
  if (!inputs.comment && !inputs.review) return;
  if (!inputs.githubToken) {
    pub.warnings.push(
      'No github-token: the pull request comment and review are skipped. The job summary has the report.',
    );
    return;
  }
  await attempt(pub, `Pull request #${pr.number}`, async () => {
    const marker = commentMarker(report.directory);
    const repoUrl = `${env.serverUrl}/${env.repository}`;
    const gh = octokitGitHub({ token: inputs.githubToken, repository: env.repository, log: log.info });
    const outcome = await publishToPullRequest(gh, pr, {
      comment: inputs.comment,
      review: inputs.review,
      directory: report.directory,
      marker,
      body: renderMarkdown(report, { repoUrl, sha: pr.headSha, maxChars: COMMENT_MAX_CHARS - 64, marker }),
      digest: reportDigest(report),
      findings: report.findings,
      ruleUrl: (f: Finding) => ruleHelpUri({ id: f.ruleId, name: f.name }),
      log: log.info,
    });
    pub.warnings.push(...outcome.warnings);
    const note =
      `Pull request #${pr.number}: summary comment ${outcome.comment ?? 'not published'}, ` +
      `${outcome.reviewComments} new inline comment(s), ${outcome.removedComments} outdated one(s) removed.`;
    log.info(note);
    pub.notes.push(note);
  });
}

async function checkRun(
  pub: Publication,
  report: Report,
  inputs: Inputs,
  env: Runner,
  headSha: string,
): Promise<void> {
  if (!inputs.githubToken) {
    pub.warnings.push('No github-token: the check run is skipped.');
    return;
  }
  await attempt(pub, 'Check run', async () => {
    const gh = octokitGitHub({ token: inputs.githubToken, repository: env.repository, log: log.info });
    const repoUrl = `${env.serverUrl}/${env.repository}`;
    const { error, warning, notice } = report.counts;
    pub.warnings.push(
      ...(await publishCheckRun(gh, {
        name:
          report.directory === '.' ? 'twelve-factor-review' : `twelve-factor-review (${report.directory})`,
        headSha,
        directory: report.directory,
        findings: report.findings,
        verdict: report.verdict,
        title: `${report.verdict}: ${error} error(s), ${warning} warning(s), ${notice} notice(s)`,
        summary: renderMarkdown(report, { repoUrl, sha: headSha, maxChars: CHECK_SUMMARY_MAX_CHARS }),
      })),
    );
  });
}

/** mode: publish, in a workflow_run job: publishes the report an analyze run left as an artifact. */
async function publishFromArtifact(inputs: Inputs, env: Runner): Promise<void> {
  const pub: Publication = { warnings: [], notes: [] };
  const run = workflowRunOf(env.eventName, readEvent(env.eventPath));
  const dir = resolve(env.workspace, inputs.artifactDir);
  const artifact = await core.group('Read the report artifact', async () => readArtifact(dir, inputs.failOn));
  const { report, pr } = artifact;
  setOutputs(report, join(dir, 'report.json'), '');
  if (!run) pub.warnings.push(`mode: publish expects a workflow_run event, got '${env.eventName}'.`);
  if (!pr) {
    log.info('The analysed run was not for a pull request: nothing to publish.');
  } else if (run && run.headSha !== pr.headSha) {
    // The artifact comes from a run of untrusted code: publish only to the pull request whose head that run analysed.
    pub.warnings.push(
      `The artifact names pull request #${pr.number} at ${pr.headSha}, but the workflow run analysed ${run.headSha}: not published.`,
    );
  } else if (await isCurrentHead(pub, inputs, env, pr)) {
    await publishPr(pub, report, inputs, env, pr);
  }
  await attempt(pub, 'Job summary', async () => {
    const repoUrl = env.repository ? `${env.serverUrl}/${env.repository}` : undefined;
    await core.summary
      .addRaw(
        renderMarkdown(report, {
          repoUrl,
          sha: pr?.headSha,
          maxChars: Infinity,
          maxBytes: SUMMARY_MAX_BYTES,
        }),
        true,
      )
      .write();
  });
  for (const w of pub.warnings) core.warning(w);
}

async function isCurrentHead(
  pub: Publication,
  inputs: Inputs,
  env: Runner,
  pr: EventPullRequest,
): Promise<boolean> {
  if (!inputs.githubToken) return true; // publishPr says why nothing is published
  try {
    const gh = octokitGitHub({ token: inputs.githubToken, repository: env.repository, log: log.info });
    const live = await gh.getPullRequest(pr.number);
    if (live.headSha === pr.headSha) return true;
    pub.warnings.push(
      `Pull request #${pr.number} is now at ${live.headSha}, not ${pr.headSha} as analysed: not published (the run for the new head will).`,
    );
  } catch (error) {
    pub.warnings.push(`Could not read pull request #${pr.number}: ${(error as Error).message}`);
  }
  return false;
}

/** Emits the annotations, leaving room under GitHub's 10 warnings per step for the publishing warnings. */
function annotate(annotations: Annotation[], warningsEmitted: number): void {
  let warningRoom = Math.max(0, ANNOTATIONS_PER_LEVEL - warningsEmitted);
  for (const a of annotations) {
    const properties: core.AnnotationProperties = {
      title: a.title,
      file: a.file,
      startLine: a.startLine,
      endLine: a.endLine,
      startColumn: a.startColumn,
    };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'notice') core.notice(a.message, properties);
    else if (warningRoom-- > 0) core.warning(a.message, properties);
    else
      log.info(
        `warning (no room left among the 10 warning annotations): ${a.file ?? ''}:${a.startLine ?? ''} ${a.message}`,
      );
  }
}

function setOutputs(report: Report, reportFile: string, sarifFile: string): void {
  core.setOutput('errors', report.counts.error);
  core.setOutput('warnings', report.counts.warning);
  core.setOutput('notices', report.counts.notice);
  core.setOutput('verdict', report.verdict);
  core.setOutput('report-file', reportFile);
  core.setOutput('sarif-file', sarifFile);
  core.setOutput('sqlite-status', report.smoke?.engines.sqlite?.status ?? 'skipped');
  core.setOutput('postgres-status', report.smoke?.engines.postgres?.status ?? 'skipped');
}

/**
 * pull_request_target runs with a write token and secrets; when the workspace holds the pull request's head, the
 * image build and smoke test run untrusted code with them. HEAD of the checkout tells, whatever ref was asked for.
 */
function untrustedCheckout(workspace: string, headSha: string): string | undefined {
  let head: string;
  try {
    head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return undefined; // not a git checkout: nothing to compare
  }
  if (head !== headSha) return undefined;
  return (
    'This pull_request_target run has the pull request head checked out: building and running it executes ' +
    'untrusted code with a write token. Use the two-workflow setup instead (mode: analyze on pull_request, ' +
    'mode: publish on workflow_run).'
  );
}

async function attempt(pub: Publication, name: string, fn: () => Promise<void>): Promise<void> {
  await core.group(name, async () => {
    try {
      await fn();
    } catch (error) {
      log.debug((error as Error).stack ?? String(error));
      pub.warnings.push(`${name} could not be published: ${(error as Error).message}`);
      pub.notes.push(`${name}: not published (${(error as Error).message}).`);
    }
  });
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
