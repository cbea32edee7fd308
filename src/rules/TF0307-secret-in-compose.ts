import { isLiteralCredential, isSecretName as isSecretLooking, tunesSecret } from '../model/secret-names.js';
import type { RawFinding } from '../core/index.js';
import { composeServices } from './lib/each.js';
import { interpolateEntry, replaceEntryValue } from './lib/compose-fix.js';
import { interpolationDefault } from '../model/compose/interpolation.js';
import { linesOf } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

/** The catalog's secret-looking names (model/secret-names.ts), less those that tune a secret. */
export function isSecretName(name: string): boolean {
  return isSecretLooking(name) && !tunesSecret(name);
}

export const secretInCompose = defineRule({
  id: 'TF0307',
  name: 'secret-in-compose',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    'A compose environment: or build.args entry with a secret-looking name has a literal value instead of ${VAR} interpolation, env_file or secrets:',
  help: [
    'A password, token or key written in the compose file is committed with the code: everyone with read access to',
    'the repository has it, it stays in the git history, and every environment shares the same value. Config that',
    'varies between deploys, secrets first, belongs in the environment.',
    '',
    'Take the value from the environment (or an untracked `.env`) through interpolation, an `env_file`, or Docker',
    'secrets:',
    '',
    '```yaml',
    'services:',
    '  web:',
    '    environment:',
    '      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?set it in .env}',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
    '    secrets: [db_password]',
    'secrets:',
    '  db_password:',
    '    environment: DB_PASSWORD',
    '```',
    '',
    'Empty values and bare names (`- DB_PASSWORD`, which passes the variable through) are not literals. A literal',
    'default in the interpolation (`${SECRET_KEY:-changeme}`) is: a deploy that does not set the variable runs with it.',
    'A name that tunes a secret (`MYSQL_RANDOM_ROOT_PASSWORD`, `ACCESS_TOKEN_LIFETIME`) and a yes/no switch',
    '(`MYSQL_ONETIME_PASSWORD: "yes"`) hold no credential.',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const { service: s } of composeServices(project)) {
      const entries = [
        ...s.environment
          .filter((e) => e.source === 'environment')
          .map((e) => ({ ...e, where: 'environment' })),
        ...(s.build?.argEntries ?? []).map((e) => ({ ...e, where: 'build.args' })),
      ];
      for (const e of entries) {
        if (!isSecretName(e.name) || e.value === undefined || e.value === '') continue;
        const text = e.interpolated ? literalText(e.raw ?? '') : e.value;
        // `${SECRET_KEY:-changeme}`: the default is a committed value every deploy that forgets the variable runs with.
        const byDefault = e.interpolated && e.raw !== undefined ? interpolationDefault(e.raw) : undefined;
        if (text === '' && byDefault?.value && isLiteralCredential(e.name, byDefault.value)) {
          out.push({
            file: e.file,
            line: e.line,
            message: `Service '${s.name}' sets ${e.name} in ${e.where} from the environment but with a literal default, written in the file: a deploy that does not set ${byDefault.variables.join(', ')} runs with that committed value. Drop the default, or make compose require the variable: \${${byDefault.variables[0]}:?set ${byDefault.variables[0]}}.`,
          });
          continue;
        }
        // `MYSQL_ONETIME_PASSWORD: "yes"`: a switch of the image, not a password
        if (text === '' || !isLiteralCredential(e.name, text)) continue;
        // A '$' inside a pasted key (`…c$mt1&p…`) is read by compose as a variable, yet the rest is still the secret.
        const dollar = e.interpolated
          ? ` (compose even reads the '$' in it as a variable: write '$$' for a literal one)`
          : '';
        out.push({
          file: e.file,
          line: e.line,
          message: `Service '${s.name}' sets ${e.name} to a literal value in ${e.where}${dollar}: take it from the environment with \${${e.name}} (set in an untracked .env), an env_file, or Docker secrets.`,
        });
      }
    }
    return out;
  },
  fix: {
    safety: 'safe',
    summary:
      'Replaces the literal value by `${NAME}` interpolation (or drops the literal default of `${NAME:-default}`), so compose reads it from the environment or an untracked `.env`; the variable is listed for the user to set.',
    make: fixSecretInCompose,
  },
});

function fixSecretInCompose(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const { service: s } of composeServices(context.project)) {
    const entries = [
      ...s.environment.filter((e) => e.source === 'environment'),
      ...(s.build?.argEntries ?? []),
    ];
    const entry = entries.find(
      (e) => e.file === finding.file && e.line === finding.line && isSecretName(e.name),
    );
    if (entry?.raw && entry.interpolated && literalText(entry.raw) === '') {
      // `${SECRET_KEY:-changeme}` → `${SECRET_KEY}`: the committed default goes, the deploy's value stays.
      const byDefault = interpolationDefault(entry.raw);
      const value = entry.raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*):?-[^{}]*\}/g, '${$1}');
      const edit =
        value === entry.raw
          ? undefined
          : replaceEntryValue(finding.file, lines, entry.line, entry.name, entry.raw, value);
      if (edit)
        return {
          title: `${entry.name} from ${value}`,
          edits: [edit],
          variables: byDefault?.variables ?? [],
          secrets: [entry.raw, ...(byDefault?.value ? [byDefault.value] : [])],
        };
      continue;
    }
    // A value with a '$' in a pasted key reads as interpolated, but still holds the literal: it is replaced too.
    if (!entry?.raw) continue;
    const edit = interpolateEntry(finding.file, lines, entry.line, entry.name, entry.raw);
    // The title names the variable only: the value is a secret.
    if (edit)
      return {
        title: `${entry.name} from \${${entry.name}}`,
        edits: [edit],
        variables: [entry.name],
        secrets: [entry.raw, ...(entry.value ? [entry.value] : [])],
      };
  }
  return undefined;
}

/** What an interpolated value holds besides its variables: '' for `${DB_PASSWORD}`, the key for `abc$def123456`. */
function literalText(raw: string): string {
  const rest = raw.replace(/\$\$/g, '$').replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
  // A short remainder is punctuation around variables (`${USER}:${PASS}`), not a pasted secret.
  return rest.replace(/[\s:@/_.,-]/g, '').length >= 8 ? rest : '';
}
