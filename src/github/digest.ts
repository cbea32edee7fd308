import { createHash } from 'node:crypto';
import { type Report, stableMessage } from '../core/index.js';

/**
 * What the summary comment says, without what varies between identical runs (durations, the commit the links
 * point at): a re-run whose digest matches leaves the comment untouched.
 */
export function reportDigest(report: Report): string {
  const content = {
    directory: report.directory,
    verdict: report.verdict,
    failOn: report.failOn,
    findings: report.findings.map((f) => [
      f.ruleId,
      f.file,
      f.line ?? 0,
      f.severity,
      stableMessage(f.message),
      f.suppressed?.by ?? '',
    ]),
    smoke: report.smoke && {
      status: report.smoke.status,
      reason: report.smoke.reason ?? '',
      engines: Object.values(report.smoke.engines).map((e) => [
        e?.engine,
        e?.status,
        e?.reason ?? '',
        (e?.steps ?? []).map((s) => [s.name, s.status]),
      ]),
    },
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 24);
}

export function digestMarker(digest: string): string {
  return `<!-- tfr:digest=${digest.replace(/[^\w]/g, '')} -->`;
}
