import type { FixVerification, ReportFixes } from '../core/index.js';
import { defuseMarkers, escapeMarkdown, fencedBlock } from './escape.js';
import { codeSpan } from './message.js';

/** A repository file name: code when made of ordinary path characters, else escaped text. */
const fileName = (name: string) => (/^[\w./:+-]+$/.test(name) ? codeSpan(name) : escapeMarkdown(name));

/**
 * A fenced block of a language (diff, suggestion) that its content cannot close, holding no live marker. Mentions are
 * left as they are: GitHub links none inside code, and the text must stay what `git apply` or the suggestion needs.
 */
export function languageBlock(language: string, text: string): string {
  const block = fencedBlock(text);
  const fence = /^`+/.exec(block)![0];
  return defuseMarkers(`${fence}${language}${block.slice(fence.length)}`);
}

/** The collapsible section with the patch of every proven safe fix, for the comment and the job summary. */
export function fixesSection(fixes: ReportFixes): string | undefined {
  if (fixes.applied.length === 0) return undefined;
  const n = fixes.applied.length;
  const lines = [
    `<details><summary>🔧 ${n} proven fix${n === 1 ? '' : 'es'}: one patch to <code>git apply</code> at the repository root</summary>`,
    '',
    'Each fix was applied to a copy of the repository and the analysis run again: its finding is gone and no new one appears.',
    '',
    ...fixes.applied.map((f) => `- \`${f.ruleId}\` ${escapeMarkdown(f.title)}`),
  ];
  if (fixes.verification) lines.push('', verificationLine(fixes.verification));
  if (fixes.variables.length > 0)
    lines.push(
      '',
      `Set these variables where the app runs: ${fixes.variables.map((v) => escapeMarkdown(v)).join(', ')}.`,
    );
  if (fixes.patch !== '') lines.push('', languageBlock('diff', fixes.patch));
  if (fixes.withheld.length > 0)
    lines.push(
      '',
      `Not shown, because the change takes a secret out of the file: ${fixes.withheld.map(fileName).join(', ')}. The action's \`patch-file\` output and \`twelve-factor-review fix --write\` have it.`,
    );
  lines.push('', '</details>');
  return lines.join('\n');
}

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** "With these fixes: SQLite ✅ PostgreSQL ✅", or what still fails on the fixed tree. */
export function verificationLine(verification: FixVerification): string {
  if (verification.buildFailed)
    return `With these fixes: the image does not build (${escapeMarkdown(verification.buildFailed)}).`;
  const marks: string[] = [];
  const failures: string[] = [];
  for (const engine of ['sqlite', 'postgres'] as const) {
    const e = verification.engines[engine];
    if (!e) continue;
    const ok = e.status === 'passed' || e.status === 'warnings';
    marks.push(`${ENGINE_NAMES[engine]} ${ok ? '✅' : e.status === 'skipped' ? '⏭️' : '❌'}`);
    if (!ok && e.reason) failures.push(`${ENGINE_NAMES[engine]}: ${escapeMarkdown(e.reason)}`);
  }
  const tail = failures.length > 0 ? ` Still failing: ${failures.join(' ')}` : '';
  return `With these fixes: ${marks.join(' ')}${tail}`;
}
