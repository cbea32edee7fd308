import { type Finding, type FixSuggestion, SEVERITIES } from '../core/index.js';
import { commentableLines } from './diff.js';
import { messageParts, partsMarkdown } from '../report/message.js';
import { codeBlock, defuseMarkers, escapeMarkdown } from '../report/escape.js';
import { repoPath } from '../util/paths.js';
import { fingerprintMarker, fingerprintOf } from './markers.js';
import type { Author, NewReviewComment, PullFile, ReviewComment } from './port.js';

export const MAX_INLINE_COMMENTS = 30;

export interface ReviewPlan {
  /** New inline comments, at most MAX_INLINE_COMMENTS less the ones of ours that stay. */
  create: { finding: Finding; comment: NewReviewComment }[];
  /** Findings on changed lines left without an inline comment because of the cap. */
  overflow: Finding[];
  /** Ids of our earlier inline comments whose finding is gone and that nobody replied to. */
  remove: number[];
}

export interface ReviewInput {
  findings: Finding[];
  /** The scanned directory relative to the repository root ('.' for the root): finding paths are relative to it. */
  directory: string;
  /** The marker of this directory (commentMarker), carried by each inline comment. */
  marker: string;
  files: PullFile[];
  existing: ReviewComment[];
  /** Whether an author is the token's identity (see isViewer). */
  isOurs: (user: Author | null) => boolean;
  /** Link to a rule's documentation, when there is one. */
  ruleUrl?: (finding: Finding) => string | undefined;
  /** Proven fixes as line replacements: a comment whose lines are all in the diff carries its suggestion. */
  suggestions?: FixSuggestion[];
  max?: number;
}

/**
 * Decides the inline comments of a review: only on RIGHT-side lines inside the diff, one per finding fingerprint,
 * never one already posted, and which earlier ones to remove. Pure.
 */
export function planReview(input: ReviewInput): ReviewPlan {
  const max = input.max ?? MAX_INLINE_COMMENTS;
  const lines = new Map(input.files.map((f) => [f.filename, commentableLines(f.patch)]));
  const fp = (c: ReviewComment) => fingerprintOf(c.body, input.marker);
  const ours = input.existing.filter((c) => c.inReplyToId === undefined && fp(c) && input.isOurs(c.user));
  const repliedTo = new Set(input.existing.map((c) => c.inReplyToId).filter((id) => id !== undefined));
  const active = input.findings.filter((f) => !f.suppressed);
  const activeFingerprints = new Set(active.map((f) => f.fingerprint));

  const remove = ours.filter((c) => !activeFingerprints.has(fp(c)!) && !repliedTo.has(c.id));
  const removed = new Set(remove.map((c) => c.id));
  const posted = new Set(ours.filter((c) => !removed.has(c.id)).map((c) => fp(c)!));

  const candidates: Finding[] = [];
  const seen = new Set<string>();
  for (const f of [...active].sort(bySeverity)) {
    if (f.line === undefined || posted.has(f.fingerprint) || seen.has(f.fingerprint)) continue;
    if (!lines.get(repoPath(input.directory, f.file))?.has(f.line)) continue;
    seen.add(f.fingerprint);
    candidates.push(f);
  }
  const slots = Math.max(0, max - posted.size);
  return {
    create: candidates.slice(0, slots).map((finding) => {
      const path = repoPath(input.directory, finding.file);
      const suggestion = suggestionFor(finding, input.suggestions, lines.get(path));
      const range = suggestion
        ? {
            line: suggestion.endLine,
            ...(suggestion.startLine < suggestion.endLine
              ? { start_line: suggestion.startLine, start_side: 'RIGHT' as const }
              : {}),
          }
        : { line: finding.line! };
      return {
        finding,
        comment: {
          path,
          ...range,
          side: 'RIGHT' as const,
          body: inlineBody(finding, input.marker, input.ruleUrl?.(finding), suggestion),
        },
      };
    }),
    overflow: candidates.slice(slots),
    remove: remove.map((c) => c.id),
  };
}

/**
 * The finding's proven fix as a suggestion GitHub accepts: in the finding's file, over a range that holds the
 * finding's line, every line of it on the RIGHT side of one hunk; text a fence cannot carry verbatim is left out.
 */
export function suggestionFor(
  finding: Finding,
  suggestions: FixSuggestion[] | undefined,
  commentable: Set<number> | undefined,
): FixSuggestion | undefined {
  const s = suggestions?.find((x) => x.fingerprint === finding.fingerprint && x.file === finding.file);
  if (!s || !commentable || finding.line === undefined) return undefined;
  if (finding.line < s.startLine || finding.line > s.endLine) return undefined;
  for (let n = s.startLine; n <= s.endLine; n++) if (!commentable.has(n)) return undefined;
  if (s.lines.some((l) => l.includes('<!--') || /[\r\n]/.test(l))) return undefined;
  return s;
}

/** A ```suggestion block: the lines verbatim (empty ones kept), in a fence longer than any backtick run in them. */
export function suggestionBlock(lines: string[]): string {
  let longest = 0;
  for (const l of lines) for (const m of l.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}suggestion`, ...lines, fence].join('\n');
}

function bySeverity(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

const ICON: Record<Finding['severity'], string> = { error: '🔴', warning: '🟠', notice: '🔵' };

/** The body of one inline comment: the finding, how to fix it, and the markers a re-run looks for. */
export function inlineBody(f: Finding, marker: string, ruleUrl?: string, suggestion?: FixSuggestion): string {
  const title = `${escapeMarkdown(f.ruleId)} ${escapeMarkdown(f.name)}`;
  const rule = ruleUrl ? `[${title}](${ruleUrl})` : title;
  const lines = [
    `${ICON[f.severity]} **${rule}** (${f.severity}, factor ${escapeMarkdown(f.factor)})`,
    '',
    partsMarkdown(messageParts(f)),
  ];
  if (suggestion)
    lines.push(
      '',
      'Suggested fix (applied to a copy of the repository and analysed again: the finding is gone, no new one appears):',
      '',
      suggestionBlock(suggestion.lines),
    );
  if (f.related.length) lines.push('', `Related: ${f.related.map((r) => escapeMarkdown(r)).join(', ')}`);
  if (f.details)
    lines.push('', '<details><summary>Details</summary>', '', codeBlock(f.details), '', '</details>');
  lines.push(
    '',
    `<sub>Silence it with \`# twelve-factor: ignore=${/^TF\d{4}$/.test(f.ruleId) ? f.ruleId : 'TF…'} -- reason\` on the line before.</sub>`,
  );
  return [marker, fingerprintMarker(f.fingerprint), defuseMarkers(lines.join('\n'))].join('\n');
}

/** The review's body: how many inline comments, and the findings on changed lines that did not get one. */
export function reviewBody(plan: ReviewPlan, directory: string, marker: string): string {
  const n = plan.create.length;
  const lines = [
    marker,
    `**twelve-factor-review** left ${n} inline comment${n === 1 ? '' : 's'} on lines this pull request changes.`,
  ];
  if (plan.overflow.length) {
    lines.push(
      '',
      `${plan.overflow.length} more on changed lines (at most ${MAX_INLINE_COMMENTS} inline comments are kept):`,
      '',
    );
    for (const f of plan.overflow.slice(0, 100)) {
      lines.push(
        `- ${ICON[f.severity]} \`${f.ruleId}\` ${escapeMarkdown(repoPath(directory, f.file))}:${f.line}: ${partsMarkdown(messageParts(f))}`,
      );
    }
    if (plan.overflow.length > 100) lines.push(`- … and ${plan.overflow.length - 100} more`);
  }
  lines.push('', 'The summary comment of this pull request lists every finding.');
  return `${marker}\n${defuseMarkers(lines.slice(1).join('\n'))}`;
}
