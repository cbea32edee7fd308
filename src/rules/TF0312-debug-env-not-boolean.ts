import type { RawFinding } from '../core/index.js';
import { liveAssignments } from '../model/settings/index.js';
import { appSettings } from './lib/each.js';
import { defineRule } from './lib/rule.js';

/** Boolean settings people take from the environment. */
const BOOLEAN_SETTINGS = ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT'];

export const debugEnvNotBoolean = defineRule({
  id: 'TF0312',
  name: 'debug-env-not-boolean',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "DEBUG (or another boolean setting: SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE, SECURE_SSL_REDIRECT) is taken from the environment as a raw string (os.environ.get('DEBUG', False), bool(os.environ.get(...))), so DEBUG=False or 0 is truthy",
  help: `An environment variable is always a string, and every non-empty string is true in Python: with
\`DEBUG = os.environ.get("DEBUG", False)\` (or \`bool(os.environ.get("DEBUG"))\`), a deploy that sets \`DEBUG=False\`
or \`DEBUG=0\` to switch debugging off turns it on. The same holds for the security switches
\`SESSION_COOKIE_SECURE\`, \`CSRF_COOKIE_SECURE\` and \`SECURE_SSL_REDIRECT\`, which then cannot be turned off.

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
    for (const { settings } of appSettings(project)) {
      for (const name of BOOLEAN_SETTINGS) {
        for (const a of liveAssignments(settings, name)) {
          const v = a.value;
          if (v.kind !== 'env' || !v.whenSet) continue;
          const how = v.whenSet === 'text' ? 'as a raw string' : 'through bool() of its text';
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            message: `${name} is taken from ${v.variable} ${how}, so any non-empty value, 'False' and '0' included, makes it True. Compare the text instead: ${name} = os.environ.get("${v.variable}", "") == "1".`,
          });
        }
      }
    }
    return findings;
  },
});
