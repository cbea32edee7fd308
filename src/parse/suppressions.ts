import type { SuppressionComment } from './types.js';
import { ANY_LINES } from '../util/lines.js';

export interface SuppressionProblem {
  file: string;
  line: number;
  message: string;
}

const MARKER = /#\s*twelve-factor\s*:(.*)$/i;

/**
 * Where `#` may start a comment: anywhere after whitespace (Python, YAML, shell, requirements), only at the start of
 * a line (.dockerignore), or in a Dockerfile, at the start of a line and inside shell-form RUN/CMD/ENTRYPOINT text.
 */
export type CommentSyntax = 'trailing' | 'line-start' | 'dockerfile';

/** Indexes of the Dockerfile lines whose text goes to a shell (where a trailing `#` is a shell comment). */
function dockerfileShellLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let continuing = false;
  let shell = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!continuing) {
      if (trimmed === '' || trimmed.startsWith('#')) return;
      shell = /^(RUN|CMD|ENTRYPOINT)\s+(?!\[)/i.test(trimmed) && !/^RUN\s+(--\S+\s+)*\[/i.test(trimmed);
    }
    if (shell) out.add(i);
    if (trimmed.startsWith('#') && continuing) return;
    continuing = /\\$/.test(line.replace(/\s+#.*$/, '')) || (continuing && trimmed === '');
  });
  return out;
}

/**
 * Finds `# twelve-factor: ignore=ID[,ID] [-- reason]` and `# twelve-factor: ignore-file=ID[,ID]` comments in a file
 * whose comment character is `#`. `isKnown` tells whether a rule id or name exists. A comment on its own line applies
 * to the next line that is neither blank nor a comment; at the end of a line, to that line.
 */
export function parseSuppressions(
  file: string,
  text: string,
  isKnown: (rule: string) => boolean,
  syntax: CommentSyntax = 'trailing',
): { suppressions: SuppressionComment[]; problems: SuppressionProblem[] } {
  const suppressions: SuppressionComment[] = [];
  const problems: SuppressionProblem[] = [];
  const lines = text.split(ANY_LINES);
  const shellLines = syntax === 'dockerfile' ? dockerfileShellLines(lines) : undefined;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    const lineNo = i + 1;
    const commentStart = m.index;
    const ownLine = line.slice(0, commentStart).trim() === '';
    if (!ownLine && (syntax === 'line-start' || (syntax === 'dockerfile' && !shellLines!.has(i)))) {
      problems.push({
        file,
        line: lineNo,
        message:
          syntax === 'dockerfile'
            ? "In a Dockerfile '#' starts a comment only at the beginning of a line, so this text is part of the instruction. Put the suppression on its own line above it."
            : "In this file '#' starts a comment only at the beginning of a line. Put the suppression on its own line above the one it applies to.",
      });
      return;
    }
    const body = m[1].trim();
    const directive = /^(ignore|ignore-file)\s*=\s*([^\s].*?)?\s*(?:--\s*(.*))?$/i.exec(body);
    if (!directive || !directive[2]) {
      problems.push({
        file,
        line: lineNo,
        message: `Malformed suppression '${body.slice(0, 80)}': write '# twelve-factor: ignore=TF0301 -- reason' or '# twelve-factor: ignore-file=TF0301'.`,
      });
      return;
    }
    const rules = directive[2]
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r !== '');
    const unknown = rules.filter((r) => !isKnown(r));
    for (const r of unknown) {
      problems.push({
        file,
        line: lineNo,
        message: `Suppression names unknown rule '${r.slice(0, 40)}': use a rule id (TF0301) or name (secret-key-in-code) from the catalog.`,
      });
    }
    const known = rules.filter((r) => isKnown(r));
    if (known.length === 0) return;
    const reason = directive[3]?.trim() || undefined;
    let appliesTo: number | 'file';
    if (directive[1].toLowerCase() === 'ignore-file') appliesTo = 'file';
    else if (!ownLine) appliesTo = lineNo;
    else {
      let next = i + 1;
      while (next < lines.length && (lines[next].trim() === '' || lines[next].trim().startsWith('#'))) next++;
      if (next >= lines.length) {
        problems.push({
          file,
          line: lineNo,
          message: 'Suppression comment is followed by no line to apply to.',
        });
        return;
      }
      appliesTo = next + 1;
    }
    suppressions.push({ file, line: lineNo, appliesTo, rules: known, ...(reason ? { reason } : {}) });
  });
  return { suppressions, problems };
}
