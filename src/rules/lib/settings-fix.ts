import { type EnvironReads, environReads } from './environ-names.js';
import { ensureImportOs, indentOf, linesOf, replaceLines } from './fix.js';
import type { FixContext, FixProposal } from './rule.js';

/**
 * Replaces the assignment of a setting at the finding's line (`NAME = …`, over all its lines) by `NAME = <expression>`,
 * keeping its indentation and importing os when the expression needs it. Only a plain `NAME = value` statement is
 * rewritten; an expression given as a function is written with the names the module reads the environment by.
 */
export function assignFromEnvironment(
  context: FixContext,
  name: string,
  expression: string | ((reads: EnvironReads) => string),
  variables: string[],
  /** The value written is a secret: named in `secrets` so it is kept out of what is published. */
  secret = false,
): FixProposal | undefined {
  const { finding, project } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const app of project.apps) {
    for (const settings of [
      app.settings,
      ...(app.settingsBases ?? []),
      app.servedSettings,
      app.managedSettings,
      app.imageSettings,
    ]) {
      const assignment = settings?.assignments.find(
        (a) => a.name === name && (a.file ?? settings.file) === finding.file && a.line === finding.line,
      );
      if (!assignment) continue;
      const first = lines[assignment.line - 1] ?? '';
      // The file's own quote style: single quotes where it mostly writes them.
      const text = lines.join('\n');
      const written =
        typeof expression === 'string' ? expression : expression(environReads(settings, finding.file));
      const quoted =
        (text.match(/'/g) ?? []).length > (text.match(/"/g) ?? []).length
          ? written.replace(/"/g, "'")
          : written;
      if (!new RegExp(`^\\s*${name}\\s*=[^=]`).test(first)) return undefined;
      return {
        title: `${name} from the environment (${variables.join(', ')})`,
        edits: [
          ...(usesOs(written) ? ensureImportOs(finding.file, lines) : []),
          replaceLines(finding.file, assignment.line, assignment.endLine ?? assignment.line, [
            `${indentOf(first)}${name} = ${quoted}`,
          ]),
        ],
        variables,
        ...(secret && assignment.value.kind === 'literal' && typeof assignment.value.value === 'string'
          ? { secrets: [assignment.value.value] }
          : {}),
      };
    }
  }
  return undefined;
}

/** Whether code names the os module itself (`os.environ[...]`), not only names imported from it. */
export function usesOs(expression: string): boolean {
  return /(^|[^\w.])os\./.test(expression);
}
