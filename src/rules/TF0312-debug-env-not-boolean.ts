import type { RawFinding } from '../core/index.js';
import type { ValueSource } from '../model/types/settings.js';
import { liveAssignments, valueWhenUnset } from '../model/settings/index.js';
import { appSettings, literalElsewhere } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { environReads } from './lib/environ-names.js';
import {
  BOOLEAN_SETTINGS,
  developmentWord,
  givenValues,
  isEnvironmentName,
  switchComparison,
} from './lib/debug-switch.js';

export const debugEnvNotBoolean = defineRule({
  id: 'TF0312',
  name: 'debug-env-not-boolean',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "DEBUG (or another boolean setting: SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE, SECURE_SSL_REDIRECT) is taken from the environment as a raw string (os.environ.get('DEBUG', False), bool(os.environ.get(...))), or only tested for being set ('DEBUG' in os.environ, os.getenv('DEBUG') is not None), so DEBUG=False or 0 is truthy",
  help: `An environment variable is always a string, and every non-empty string is true in Python: with
\`DEBUG = os.environ.get("DEBUG", False)\` (or \`bool(os.environ.get("DEBUG"))\`), a deploy that sets \`DEBUG=False\`
or \`DEBUG=0\` to switch debugging off turns it on. The same holds for the security switches
\`SESSION_COOKIE_SECURE\`, \`CSRF_COOKIE_SECURE\` and \`SECURE_SSL_REDIRECT\`, which then cannot be turned off.
A test of whether the variable is set at all (\`"DEBUG" in os.environ\`, \`os.getenv("DEBUG") is not None\`) is the
same trap: \`DEBUG=False\` defines the variable, so debugging is on.

Compare the text, or use a reader that casts it:

\`\`\`python
# Before
DEBUG = os.environ.get("DEBUG", False)

# After
DEBUG = os.environ.get("DEBUG", "") == "1"
DEBUG = env.bool("DEBUG", default=False)          # django-environ
DEBUG = config("DEBUG", default=False, cast=bool)  # python-decouple
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, settings } of appSettings(project)) {
      for (const name of BOOLEAN_SETTINGS) {
        for (const a of liveAssignments(settings, name)) {
          // `DEBUG = os.environ.get("DEBUG", ""),`: a stray comma (TF0314) around a read that stays a raw string.
          const tuple = a.value.kind === 'list' && a.value.bare && a.value.items.length === 1;
          const v = tuple && a.value.kind === 'list' ? a.value.items[0] : a.value;
          if (v.kind !== 'env') continue;
          const comma = tuple
            ? ` (the stray trailing comma also makes ${name} a one-element tuple, True even when ${v.variable} is unset: remove it too)`
            : '';
          const given = givenValues(app, v.variable);
          // A value imported from another module of the project (`from .base import DEBUG`) is read there.
          const used = { file: a.file ?? settings.file, line: a.line };
          const { file, line } = literalElsewhere(v, used) ?? used;
          const compare = switchComparison(name, v, given, environReads(settings, file));
          if (!v.whenSet) {
            if (onWheneverSet(v))
              findings.push({
                file,
                line,
                message: `${name} only tests whether ${v.variable} is set, so any value, 'False' and '0' included, makes it True${comma}. Compare the text instead: ${compare}.`,
              });
            continue;
          }
          const how = v.whenSet === 'text' ? 'as a raw string' : 'through bool() of its text';
          findings.push({
            file,
            line,
            message: isEnvironmentName(v, given)
              ? `${name} is taken from ${v.variable} ${how}, and ${v.variable} names an environment: every non-empty name, the production one included, makes it True${comma}. Compare it with the development name instead: ${compare}, so that only ${v.variable}=${developmentWord(v, given)} turns it on.`
              : `${name} is taken from ${v.variable} ${how}, so any non-empty value, 'False' and '0' included, makes it True${comma}. Compare the text instead: ${compare}.`,
          });
        }
      }
    }
    return findings;
  },
});

/**
 * `"DEBUG" in os.environ`, `os.getenv("DEBUG") is not None`: true for every value the variable is set to, the words
 * that mean off included, and false when it is unset.
 */
function onWheneverSet(v: Extract<ValueSource, { kind: 'env' }>): boolean {
  const truths = v.truthWhenSetTo;
  if (
    !v.presence ||
    !truths ||
    v.selects?.length ||
    !['False', 'false', '0'].every((w) => truths[w] === true)
  )
    return false;
  if (!Object.values(truths).every((t) => t)) return false;
  const unset = valueWhenUnset(v);
  return unset === undefined || (unset.kind === 'literal' && !unset.value);
}
