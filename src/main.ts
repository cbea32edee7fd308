import * as core from '@actions/core';
import { join, posix, resolve } from 'node:path';
import { readArtifact, writeArtifact } from './github/artifact.js';
import { pullRequestOf, readEvent, workflowRunOf, type EventPullRequest } from './github/event.js';
import { CHECK_SUMMARY_MAX_CHARS, publishCheckRun } from './github/checks.js';
import { reportDigest } from './github/digest.js';
import { commentMarker } from './github/markers.js';
import { octokitGitHub } from './github/octokit.js';
import { publishToPullRequest } from './github/publish.js';
import { readCheckout, untrustedCheckoutReason, untrustedHeadOf } from './github/trust.js';
import { readInputs, type Inputs } from './inputs.js';
import { stepLog as log } from './log.js';
import type { Finding, Report } from './core/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig, scannedDirectory as checkedDirectory } from './options.js';
import { TOOL, analyzeStatic, joinSmoke, makeReport } from './pipeline.js';
import {
  renderAnnotations,
  renderJson,
  renderMarkdown,
  renderSarif,
  ruleHelpUri,
  type Annotation,
} from './report/index.js';
import { escapeMarkdown } from './report/escape.js';
import type { Project } from './model/types/project.js';
import { RULES } from './rules/registry.js';
import { writeOwnFile } from './util/safe-fs.js';
import { runnerSecrets } from './runner-secrets.js';
import {
  createDockerCli,
  newRunId,
  Redactor,
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
  log.info(`${TOOL.name} ${TOOL.version}`);
  // Everything published goes through it: the token and the checkout's credentials, in their encodings, and what the smoke run masks.
  const redactor = new Redactor((secret) => core.setSecret(secret));
  try {
    const inputs = readInputs();
    const env = runner();
    const root = resolve(env.workspace, scannedDirectory(inputs));
    const secrets = runnerSecrets({
      env: process.env,
      token: inputs.githubToken,
      root,
      workspace: env.workspace,
    });
    for (const secret of secrets) redactor.add(secret);
    if (inputs.mode === 'publish') {
      await publishFromArtifact(inputs, env, redactor);
      return;
    }
    const warnings: string[] = [];
    const report = redactor.redactValue(await analyze(inputs, env, started, warnings, redactor));
    await publishAll(report, inputs, env, warnings, redactor);
    const { error, warning, notice } = report.counts;
    const counts = `${error} error(s), ${warning} warning(s), ${notice} notice(s)`;
    if (report.verdict === 'fail') {
      core.setFailed(`twelve-factor-review: ${counts}; fail-on is '${report.failOn}'.`);
    } else {
      log.info(`Verdict: pass with ${counts} (fail-on '${report.failOn}').`);
    }
  } catch (error) {
    log.debug((error as Error).stack ?? String(error));
    core.setFailed(`twelve-factor-review could not complete: ${redactor.redact((error as Error).message)}`);
  }
}

/** The scanned directory as the report names it: relative to the workspace, '/' separators, '.' for the root. */
function scannedDirectory(inputs: Inputs): string {
  return posix.normalize(inputs.workingDirectory.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}

async function analyze(
  inputs: Inputs,
  env: Runner,
  started: number,
  warnings: string[],
  redactor: Redactor,
): Promise<Report> {
  const directory = scannedDirectory(inputs);
  const root = checkedDirectory(env.workspace, directory, 'working-directory', env.workspace);
  const configFile = inputs.config && inputs.config !== DEFAULT_CONFIG_FILE ? inputs.config : undefined;
  const config = await loadConfig(root, configFile, env.workspace);
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
  const untrusted = inputs.smoke ? untrustedCheckout(env, [root, env.workspace]) : undefined;
  const dynamic = inputs.smoke
    ? await core.group('Smoke test', () =>
        smokeTest(staticResult.project, inputs, warnings, untrusted, redactor, env.temp),
      )
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

/**
 * Builds and runs the image; when Docker is unreachable, or the checkout is a pull request's code in a run that
 * holds a write token (unless allow-untrusted-build), the smoke part is skipped with the reason.
 */
async function smokeTest(
  project: Project,
  inputs: Inputs,
  warnings: string[],
  untrusted: string | undefined,
  redactor: Redactor,
  tempDir: string,
): Promise<SmokeOutcome> {
  const skipped = (reason: string): SmokeOutcome => {
    warnings.push(`Smoke test skipped: ${reason} The static results are published.`);
    return { result: { status: 'skipped', reason, engines: {}, durationMs: 0 }, findings: [] };
  };
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
  const docker = createDockerCli();
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
      redactor,
      tempDir,
      limits: inputs.smokeLimits,
    },
    docker,
    log,
  );
}

/** Collect everything, publish everything: each channel on its own; a failure there is a warning, never a verdict. */
async function publishAll(
  report: Report,
  inputs: Inputs,
  env: Runner,
  warnings: string[],
  redactor: Redactor,
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
  setOutputs(report, reportPath, sarifPath);

  if (inputs.checkRun && inputs.mode !== 'analyze')
    await checkRun(pub, report, inputs, env, pr?.headSha ?? env.sha);
  if (inputs.mode === 'analyze') {
    await attempt(pub, 'Report artifact', async () => {
      const dir = resolve(env.workspace, inputs.artifactDir);
      writeArtifact(dir, report, pr, [env.workspace, env.temp]);
      log.info(`Report for the publish workflow written to ${dir}: upload it with actions/upload-artifact.`);
    });
  } else if (pr) {
    await publishPr(pub, report, inputs, env, pr);
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
    await core.summary.addRaw(body + footer, true).write();
  });
  for (const w of pub.warnings) core.warning(redactor.redact(w));
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
      ruleUrl: (f: Finding) => ruleHelpUri({ id: f.ruleId, name: f.name }, report.tool.version),
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
async function publishFromArtifact(inputs: Inputs, env: Runner, redactor: Redactor): Promise<void> {
  const pub: Publication = { warnings: [], notes: [] };
  const run = workflowRunOf(env.eventName, readEvent(env.eventPath));
  const dir = resolve(env.workspace, inputs.artifactDir);
  const artifact = await core.group('Read the report artifact', async () => readArtifact(dir, inputs.failOn));
  const { pr } = artifact;
  const report = redactor.redactValue(artifact.report);
  pub.warnings.push(...artifact.warnings);
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
          // Outside a pull request, the commit the analysed run checked out.
          sha: pr?.headSha ?? run?.headSha,
          maxChars: Infinity,
          maxBytes: SUMMARY_MAX_BYTES,
        }),
        true,
      )
      .write();
  });
  for (const w of pub.warnings) core.warning(redactor.redact(w));
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

/** Writes a file of ours inside the workspace or the runner's temp directory, never through a link. */
function writeText(file: string, text: string, env: Runner): void {
  writeOwnFile(file, text, [env.workspace, env.temp]);
}
