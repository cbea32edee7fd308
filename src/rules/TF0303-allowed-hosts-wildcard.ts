import { type MessagePart, type RawFinding, code, msg } from '../core/index.js';
import { liveAssignments } from '../model/settings/index.js';
import type { SettingAssignment, SettingsModel, ValueSource } from '../model/types/settings.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import { appSettings, literalElsewhere } from './lib/each.js';
import type { Project } from '../model/types/project.js';
import { defineRule } from './lib/rule.js';
import { heldWhere, overrideWords, type HeldWhere } from './lib/loaded-where.js';

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
    const shadowed: RawFinding[] = [];
    const fromEnv = code('ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")');
    for (const { settings } of appSettings(project)) {
      const live = liveAssignments(settings, 'ALLOWED_HOSTS');
      const arms = everyArm(live);
      for (const a of live) {
        if (arms) {
          findings.push({ file: a.file ?? settings.file, line: a.line, ...inEveryArm(arms, fromEnv) });
          continue;
        }
        // Set only when a variable is (as TF0302 leaves a DEBUG = True that only the environment turns on), or under a
        // condition that cannot be told (`if 'test' in sys.argv`): what the deploy's environment decides, not code. A
        // module loaded under a test that cannot be told still sets it as written wherever it is loaded.
        if (
          !a.loadedInBranch &&
          (a.activeWhenUnset === false || (a.inBranch && a.activeWhenUnset === undefined))
        )
          continue;
        const debug = debugSwitch(settings, a.value);
        if (debug) {
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...msg`ALLOWED_HOSTS is ['*'] in code while DEBUG is on (${code("['*'] if DEBUG else …")}), and DEBUG is on when ${debug} is unset, so a deploy that does not set it accepts any Host header. Read the host names from the environment whatever DEBUG is: ${fromEnv}.`,
          });
          continue;
        }
        const wildcard = wildcardOf(a.value);
        if (!wildcard) continue;
        // A value imported from another module of the project (`from .env import ALLOWED_HOSTS`) is reported there.
        const at = { file: a.file ?? settings.file, line: a.line };
        const elsewhere = literalElsewhere(a.value, at);
        const name = `ALLOWED_HOSTS${elsewhere?.usedAt ?? ''}`;
        const replaced = a.inBranch ? undefined : replacedWhenUnset(settings, a);
        findings.push({
          file: elsewhere?.file ?? at.file,
          line: elsewhere?.line ?? at.line,
          ...(wildcard.inList
            ? a.inBranch
              ? onlyWhen(name, a.condition?.text, fromEnv)
              : replaced
                ? unlessReplaced(name, replaced, replaced.file ?? settings.file, at.file, fromEnv)
                : anyHost(name, heldWhere(settings, at.file, 'ALLOWED_HOSTS'), fromEnv)
            : msg`${name} is the string ${`'${wildcard.text}'`} in code, not a list: Django reads each of its characters as a host name, so its '*' accepts any Host header in every deploy. Read the host names from the environment as a list: ${fromEnv}.`),
        });
        shadowed.push(...shadowedWildcards(settings, a, at, fromEnv));
      }
    }
    // An earlier '*' another module the app loads reports in its own words is not reported twice.
    const reported = new Set(findings.map((f) => `${f.file}:${f.line}`));
    return [...findings, ...shadowed.filter((f) => !reported.has(`${f.file}:${f.line}`))];
  },
  fix: {
    safety: 'safe',
    summary:
      'Reads ALLOWED_HOSTS from DJANGO_ALLOWED_HOSTS as a comma-separated list (blank items dropped), `localhost` by default.',
    declines:
      'a conditional expression on DEBUG (`[\'*\'] if DEBUG else config("HOSTS")`), whose arm for DEBUG off reads a variable deploys already set.',
    make: (context) =>
      switchedAssignment(context.project, context.finding)
        ? undefined
        : assignFromEnvironment(
            context,
            'ALLOWED_HOSTS',
            '[h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h.strip()]',
            ['DJANGO_ALLOWED_HOSTS'],
          ),
  },
});

/**
 * The variable DEBUG is read from, when ALLOWED_HOSTS is a conditional expression on DEBUG (`['*'] if DEBUG else …`)
 * whose value, with that variable unset, is a list written in code holding '*'.
 */
function debugSwitch(settings: SettingsModel, v: ValueSource): string | undefined {
  if (v.kind !== 'env' || v.fallback?.kind !== 'list' || !v.fallback.written) return undefined;
  if (!wildcardOf(v.fallback)?.inList) return undefined;
  const read = (d: SettingAssignment) => d.value.kind === 'env' && d.value.variable === v.variable;
  return liveAssignments(settings, 'DEBUG').some(read) ? v.variable : undefined;
}

/** Whether the finding is at an ALLOWED_HOSTS that a DEBUG switch sets (see debugSwitch). */
function switchedAssignment(project: Project, finding: { file: string; line?: number }): boolean {
  return appSettings(project).some(({ settings }) =>
    liveAssignments(settings, 'ALLOWED_HOSTS').some(
      (a) =>
        (a.file ?? settings.file) === finding.file &&
        a.line === finding.line &&
        debugSwitch(settings, a.value) !== undefined,
    ),
  );
}

/** A '*' in the list: in every deploy, or where the branch on a variable that loads its module and keeps it is taken. */
function anyHost(name: string, held: HeldWhere | undefined, fromEnv: MessagePart) {
  if (!held)
    return msg`${name} contains '*' in code, which accepts any Host header in every deploy; read the host names from the environment: ${fromEnv}.`;
  return msg`${name} contains '*' in code, which accepts any Host header wherever ${held.where}${overrideWords(held, 'ALLOWED_HOSTS')}; read the host names from the environment: ${fromEnv}.`;
}

/**
 * A later ALLOWED_HOSTS without '*', in a branch taken when no variable is set (`if not DEBUG:` with DEBUG off by
 * default), that replaces an unconditional '*': the '*' then holds only where that branch is not taken.
 */
function replacedWhenUnset(
  settings: SettingsModel,
  wildcard: SettingAssignment,
): SettingAssignment | undefined {
  const later = settings.assignments.slice(settings.assignments.indexOf(wildcard) + 1);
  return later.find(
    (b) =>
      b.name === 'ALLOWED_HOSTS' &&
      b.live &&
      b.inBranch &&
      b.activeWhenUnset === true &&
      !wildcardOf(b.value),
  );
}

function unlessReplaced(
  name: string,
  replacement: SettingAssignment,
  replacementFile: string,
  wildcardFile: string,
  fromEnv: MessagePart,
) {
  const line = `${replacement.line}${replacementFile === wildcardFile ? '' : ` of ${replacementFile}`}`;
  const test = replacement.branchTest;
  if (test)
    return msg`${name} contains '*' in code, which accepts any Host header wherever ${code(test.text)} (line ${String(test.line)}) is false; where it is true, as in a run that sets no variable, line ${line} replaces the '*'. Read the host names from the environment in every case: ${fromEnv}.`;
  return msg`${name} contains '*' in code, which accepts any Host header wherever the branch of line ${line} is not taken; where it is, as in a run that sets no variable, line ${line} replaces the '*'. Read the host names from the environment in every case: ${fromEnv}.`;
}

/**
 * The arms of one `if`/`else` on a variable that each set '*' (`if DEBUG:` … `else:`), when they are all the values
 * the setting can end with: the wildcard then holds whatever the variable is.
 */
function everyArm(live: SettingAssignment[]): SettingAssignment[] | undefined {
  if (live.length < 2 || !live.every((a) => a.inBranch && a.condition && wildcardOf(a.value)?.inList))
    return undefined;
  const variable = live[0].condition?.variable;
  if (!live.every((a) => a.condition?.variable === variable && a.file === live[0].file)) return undefined;
  return live.some((a) => a.condition?.text === 'else') ? live : undefined;
}

function inEveryArm(arms: SettingAssignment[], fromEnv: MessagePart) {
  const lines = arms.map((a) => String(a.line));
  const where = `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  return msg`ALLOWED_HOSTS contains '*' in code in every branch of the test of ${arms[0].condition?.variable ?? ''} (lines ${where}), so it accepts any Host header whatever the environment sets; read the host names from the environment: ${fromEnv}.`;
}

/** A '*' added in a branch that runs when no variable is set: it holds only while the branch's test does. */
function onlyWhen(name: string, test: string | undefined, fromEnv: MessagePart) {
  if (test?.trim() === 'DEBUG')
    return msg`${name} contains '*' in code only while DEBUG is on (it is added under ${code('if DEBUG:')}); DEBUG is on when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
  if (test)
    return msg`${name} contains '*' in code only while ${code(test)} holds, which it does when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
  return msg`${name} contains '*' in code in a branch that runs when no variable is set, so a deploy that sets none accepts any Host header. Read the host names from the environment: ${fromEnv}.`;
}

/** Whether a value holds the wildcard: a list with the item '*', or a bare string with a '*' in it. */
function wildcardOf(v: ValueSource): { inList: boolean; text?: string } | undefined {
  if (v.kind === 'list' && v.items.some((i) => i.kind === 'literal' && i.value === '*'))
    return { inList: true };
  // Django iterates a bare string character by character, so one '*' anywhere in it is a pattern of its own.
  if (v.kind === 'literal' && typeof v.value === 'string' && v.value.includes('*'))
    return { inList: false, text: v.value };
  return undefined;
}

/**
 * An unconditional '*' in a module the settings build on (common.py) that the module run sets to '*' again
 * (local.py): removing the later line alone leaves the earlier in force, so each earlier one is reported where it is.
 */
function shadowedWildcards(
  settings: SettingsModel,
  live: SettingAssignment,
  at: { file: string; line: number },
  fromEnv: MessagePart,
): RawFinding[] {
  if (live.inBranch) return [];
  const all = settings.assignments.filter((b) => b.name === 'ALLOWED_HOSTS');
  const out: RawFinding[] = [];
  for (let i = all.indexOf(live) - 1; i >= 0; i--) {
    const b = all[i];
    if (b.inBranch || !wildcardOf(b.value)) break;
    const file = b.file ?? settings.file;
    if (file === at.file) continue;
    out.push({
      file,
      line: b.line,
      ...msg`ALLOWED_HOSTS contains '*' in code here too, and ${at.file} (line ${String(at.line)}) sets it to '*' again after it in the settings that run: removing that line alone leaves this one in force, accepting any Host header; read the host names from the environment here too: ${fromEnv}.`,
    });
  }
  return out;
}
