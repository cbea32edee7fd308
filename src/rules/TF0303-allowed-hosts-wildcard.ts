import { type MessagePart, type RawFinding, code, msg } from '../core/index.js';
import { liveAssignments } from '../model/settings/index.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import { appSettings, literalElsewhere } from './lib/each.js';
import { defineRule } from './lib/rule.js';

export const allowedHostsWildcard = defineRule({
  id: 'TF0303',
  name: 'allowed-hosts-wildcard',
  factor: 'III',
  severity: 'notice',
  kind: 'S',
  title: "ALLOWED_HOSTS is literally ['*'] (not from the environment)",
  help: `\`ALLOWED_HOSTS\` is Django's defence against Host-header attacks (poisoned password-reset links, cache
poisoning). \`['*']\` in code turns it off for every deploy, and the host names a deploy answers to are configuration
that differs per deploy: they belong in the environment.

\`\`\`python
# Before
ALLOWED_HOSTS = ["*"]

# After
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h]
\`\`\`

Behind a proxy that already checks the host, a deploy may still set \`DJANGO_ALLOWED_HOSTS=*\` on purpose.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    // The settings a WSGI server would run too, beside those of a container that runs the development server.
    const judged = [
      ...appSettings(project).map((s) => s.settings),
      ...project.apps.flatMap((a) => (a.servedSettings ? [a.servedSettings] : [])),
    ];
    for (const settings of judged) {
      for (const a of liveAssignments(settings, 'ALLOWED_HOSTS')) {
        if (a.activeWhenUnset === false || (a.inBranch && a.activeWhenUnset === undefined)) continue;
        const inList =
          a.value.kind === 'list' && a.value.items.some((i) => i.kind === 'literal' && i.value === '*');
        // Django iterates a bare string character by character, so one '*' anywhere in it is a pattern of its own.
        const text =
          a.value.kind === 'literal' && typeof a.value.value === 'string' ? a.value.value : undefined;
        if (!inList && !text?.includes('*')) continue;
        const fromEnv = code(
          'ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")',
        );
        // A value imported from another module of the project (`from .env import ALLOWED_HOSTS`) is reported there.
        const at = { file: a.file ?? settings.file, line: a.line };
        const elsewhere = literalElsewhere(a.value, at);
        const name = `ALLOWED_HOSTS${elsewhere?.usedAt ?? ''}`;
        findings.push({
          file: elsewhere?.file ?? at.file,
          line: elsewhere?.line ?? at.line,
          ...(inList
            ? a.inBranch
              ? onlyWhen(name, a.condition?.text, fromEnv)
              : msg`${name} contains '*' in code, which accepts any Host header in every deploy; read the host names from the environment: ${fromEnv}.`
            : msg`${name} is the string ${`'${text}'`} in code, not a list: Django reads each of its characters as a host name, so its '*' accepts any Host header in every deploy. Read the host names from the environment as a list: ${fromEnv}.`),
        });
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Reads ALLOWED_HOSTS from DJANGO_ALLOWED_HOSTS as a comma-separated list (blank items dropped), `localhost` by default.',
    make: (context) =>
      assignFromEnvironment(
        context,
        'ALLOWED_HOSTS',
        '[h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h.strip()]',
        ['DJANGO_ALLOWED_HOSTS'],
      ),
  },
});

/** A '*' added in a branch that runs when no variable is set: it holds only while the branch's test does. */
function onlyWhen(name: string, test: string | undefined, fromEnv: MessagePart) {
  if (test?.trim() === 'DEBUG')
    return msg`${name} contains '*' in code only while DEBUG is on (it is added under ${code('if DEBUG:')}); DEBUG is on when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
  if (test)
    return msg`${name} contains '*' in code only while ${code(test)} holds, which it does when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
  return msg`${name} contains '*' in code in a branch that runs when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
}
