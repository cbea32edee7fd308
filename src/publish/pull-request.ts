import type { Finding, Report } from '../core/index.js';
import { CHECK_SUMMARY_MAX_CHARS, publishCheckRun } from '../github/checks.js';
import { reportDigest } from '../github/digest.js';
import type { EventPullRequest } from '../github/event.js';
import { commentMarker } from '../github/markers.js';
import { octokitGitHub } from '../github/octokit.js';
import { publishToPullRequest } from '../github/publish.js';
import type { Inputs } from '../inputs.js';
import { stepLog as log } from '../log.js';
import { renderMarkdown, ruleHelpUri } from '../report/index.js';
import { attempt, type Publication } from './channel.js';
import type { Runner } from './runner.js';

const COMMENT_MAX_CHARS = 65536;

/** The summary comment and the inline review of a pull request. */
export async function publishPr(
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
      suggestions: report.fixes?.suggestions,
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

/** A check run on the analysed commit, with its annotations. */
export async function checkRun(
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

/** Whether the pull request still has the head the report was made for (else the run for the new head publishes). */
export async function isCurrentHead(
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
