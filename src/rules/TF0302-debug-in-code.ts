import { type RawFinding, code, msg } from '../core/index.js';
import type { App } from '../model/types/project.js';
import type { SettingAssignment, SettingsModel, ValueSource } from '../model/types/settings.js';
import { liveAssignments, valueWhenUnset } from '../model/settings/index.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import type { FixContext } from './lib/rule.js';
import { appSettings, literalElsewhere, overriddenWhenSet } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { heldWhere, overrideWords, type HeldWhere } from './lib/loaded-where.js';
import { mergeSetupNotes } from './lib/dropped-command.js';
import {
  developmentWord,
  givenValues,
  isDebugVariable,
  isEnvironmentName,
  falseDefault,
  switchComparison,
  switchOn,
} from './lib/debug-switch.js';
import { type EnvironReads, environReads } from './lib/environ-names.js';
import {
  isFalseText,
  isFalseWord,
  shadowedFindings,
  shadowedTrueLiterals,
  truthy,
  type Shadowed,
} from './lib/debug-shadowed.js';
import { projectComposeFiles } from './lib/files.js';
import { branchTakenFor, switchedOffByDefault } from './lib/debug-switched-off.js';
import { type Provided, imageEnvLine, providedValue } from './lib/debug-provided.js';

export const debugInCode = defineRule({
  id: 'TF0302',
  name: 'debug-in-code',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "DEBUG = True literally, or DEBUG read from the environment with a default that makes it true, or set true for every container by the image's ENV (or the production compose file) for the variable the settings read",
  help: `With \`DEBUG\` on, any error page shows the settings, the environment, the SQL and the stack with local
variables to whoever triggered it, and Django keeps every query in memory. When the code says \`DEBUG = True\`, or
reads a variable whose default turns debugging on, a production deploy is in debug mode unless someone remembers to
switch it off. The same holds when the Dockerfile sets the variable (\`ENV DJANGO_DEBUG=True\`): every container of
the image starts in debug mode.

Which compose file counts as production: a file named for development or tests (an \`.override\` file, or one with
\`dev\`, \`debug\`, \`local\`, \`test\` or \`ci\` as a word of its name, or a default-named file in a directory so named,
such as \`_development/docker-compose.yml\`), and the default \`docker-compose.yml\` when a
\`docker-compose.prod.yml\`, \`compose.production.yaml\` or \`docker-compose-deploy.yml\` (a name with \`prod\`,
\`production\`, \`deploy\`, \`release\` or \`live\` as a word; a Swarm stack file such as \`docker-stack.yml\` is not one)
sits beside it, is for development: the \`DEBUG=1\` it sets is what it is for and is not reported. The same variable set true in the
production file, or in the image's \`ENV\`, is; so is a literal or a true default in the settings, whatever the
compose files say. A production compose value interpolated with a default (\`DEBUG=\${DEBUG:-true}\`) counts by that
default, the value a container gets when nothing is set; it is reported at the compose line. An \`env_file\` that the
production file loads (\`env_file: ./.env.prod\` holding \`DEBUG=True\`) counts as that file's environment (unless
named for development or kept in a directory so named, such as \`docker/dev/env/.env\`); the message names the env
file's line. A false value the image or the production file gives does not silence a true default in the settings;
the message says where debug is off and where the default still turns it on. A false word (\`DEBUG=False\`, \`0\`)
that the settings misread as true (raw text, \`bool()\` of it, or a test of presence) is TF0312's defect, reported
there and not here. A default that depends
on another variable (\`os.environ.get("DEBUG", "1" if USE_SQLITE else "0")\`, \`default=not IS_PRODUCTION\`) is
judged by the value that variable gets in the image or production compose file, else reported as "DEBUG is on unless
IS_PRODUCTION is set" when its absence selects the debug branch.
A \`DEBUG = True\` that a later \`if\` turns off whenever the variable it tests is unset
(\`if os.environ.get("APP_ENV", "production") == "production": DEBUG = False\`) is off by default: it is reported only
where the image's \`ENV\` or the production compose file sets that variable to a value that skips the branch.

Make debug an opt-in that the environment turns on for development only. Beware of string defaults: any non-empty
string is true in Python, so \`os.environ.get("DEBUG", "False")\` is true.

\`\`\`python
# Before
DEBUG = True
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"

# After: off unless the environment says otherwise
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
\`\`\`
`,
  related: ['security.W018'],
  check(project) {
    const findings: RawFinding[] = [];
    const shadows: Shadowed[] = [];
    const held = new Set<RawFinding>();
    const everywhere = new Set<RawFinding>();
    for (const { app, settings, served } of appSettings(project)) {
      // The settings a WSGI server would run are not run with this container's environment: their literals only.
      if (served) continue;
      const live = liveAssignments(settings, 'DEBUG');
      // `if ENV == "prod": from .prod import *` / `else: from .local import *`: a DEBUG prod.py sets again does not
      // end base.py's where only local.py, which keeps it, is loaded.
      const selected = settings.assignments.filter(
        (a) =>
          a.name === 'DEBUG' &&
          a.live &&
          !live.includes(a) &&
          heldWhere(settings, a.file ?? settings.file, 'DEBUG'),
      );
      for (const a of [...selected, ...live]) {
        const reads = environReads(settings, a.file);
        // `if os.environ.get("SERVER_MODE") == "DEV": DEBUG = True`, the image's ENV setting SERVER_MODE=DEV.
        const taken = takenBranchFinding(app, a, settings, projectComposeFiles(project));
        if (taken) {
          findings.push(taken);
          continue;
        }
        // Off by default (an env-gated branch), or under a condition that cannot be told: no finding. A module loaded
        // under such a condition still sets DEBUG as written wherever it is loaded.
        if (
          !a.loadedInBranch &&
          (a.activeWhenUnset === false || (a.inBranch && a.activeWhenUnset === undefined))
        )
          continue;
        const v = a.value;
        if (v.kind === 'literal' && truthy(v) === true && !isFalseWord(v)) {
          // `DEBUG = True`, then `if os.environ.get("APP_ENV", "production") == "production": DEBUG = False`.
          const skipped = switchedOffByDefault(app, live, a, settings, projectComposeFiles(project));
          if (skipped !== undefined) {
            if (skipped) findings.push(skipped);
            continue;
          }
        }
        if (v.kind === 'literal' && truthy(v) === true) {
          // `try: DEBUG = env.bool("DEBUG")` / `except ImproperlyConfigured: DEBUG = True`: a fallback, as a default.
          const branchOf = a.inBranch && a.activeWhenUnset === true ? a.condition?.variable : undefined;
          // `DEBUG = True`, then `debug = os.environ.get("X")` and `if debug: DEBUG = …`: X's fallback as well.
          const fallbackOf =
            branchOf !== undefined &&
            live.some((b) => b !== a && b.value.kind === 'env' && b.value.variable === branchOf)
              ? branchOf
              : overriddenWhenSet(live, a);
          const fallback = fallbackOf !== undefined && !isFalseWord(v);
          // A value imported from another module of the project (`from .env import DEBUG`) is reported there.
          const at = { file: a.file ?? settings.file, line: a.line };
          const elsewhere = fallback ? undefined : literalElsewhere(v, at);
          const where =
            fallback || elsewhere || isFalseWord(v) ? undefined : heldWhere(settings, at.file, 'DEBUG');
          const finding: RawFinding = {
            file: elsewhere?.file ?? at.file,
            line: elsewhere?.line ?? at.line,
            ...(elsewhere
              ? msg`This value becomes DEBUG${elsewhere.usedAt} and is true, so every deploy that runs these settings shows debug pages with settings and stack traces; read DEBUG from the environment with a false default: ${code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', environReads(settings, elsewhere.file)))}.`
              : fallback
                ? msg`DEBUG is read from ${fallbackOf} but falls back to a true value in code when it is unset, so a deploy that does not set the variable runs in debug mode; make the fallback false: ${code('DEBUG = False')}.`
                : isFalseWord(v)
                  ? msg`DEBUG is set to a non-empty string, which Python treats as true even when it reads "False"; use a boolean and take it from the environment: ${code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', reads))}.`
                  : trueInCode(reads, where, a.inBranch ? a.condition : undefined)),
          };
          findings.push(finding);
          if (where) held.add(finding);
          else if (!fallback && !elsewhere && !isFalseWord(v)) everywhere.add(finding);
          if (!fallback && !elsewhere && !isFalseWord(v))
            shadows.push(...shadowedTrueLiterals(settings, a, at));
          continue;
        }
        if (v.kind !== 'env') continue;
        const at = { file: a.file ?? settings.file, line: a.line };
        const composeFiles = projectComposeFiles(project);
        const decider = v.selects?.length || v.presence ? undefined : defaultDecider(v);
        if (decider) {
          const finding = conditionalDefaultFinding(app, at, v, decider, composeFiles);
          if (finding) findings.push(finding);
          continue;
        }
        const unset = valueWhenUnset(v);
        if (truthy(unset) !== true) {
          const finding = providedFinding(app, at, v, composeFiles);
          if (finding) findings.push(finding);
          continue;
        }
        // The production compose file's own true default (`DEBUG=${DEBUG:-1}`) turns debug on too, where it is written.
        const composeDefault = interpolatedDefaultFinding(app, at, v, composeFiles);
        if (composeDefault) findings.push(composeDefault);
        const falseWord = isFalseWord(unset);
        if (v.selects?.length) {
          // `os.environ['DDT_ENV'] != 'production' if INSIDE_DOCKER else True`: the flag only picks the branch.
          const others = v.selects.join(', ');
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...msg`DEBUG is true whenever ${v.variable} is unset (only when it is set does DEBUG come from ${others}), so a deploy that does not set ${v.variable} runs in debug mode; make the value taken when ${v.variable} is unset false (e.g. ${code('else False')}) and keep reading ${others}.`,
          });
          continue;
        }
        const given = givenValues(app, v.variable);
        const word = onlyForOneName(v, given);
        if (word !== undefined) {
          // `os.environ.get("ENV", "dev") == "dev"`: the comparison is right, its default is the development name.
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...msg`DEBUG is on when ${v.variable} is ${word}, and ${v.variable} falls back to a value that turns it on when it is unset, so a deploy that does not set ${v.variable} runs in debug mode; keep the comparison and make the fallback empty: ${code(switchOn('DEBUG', v.variable, word, reads))}, with ${v.variable}=${word} set where you develop.`,
          });
          continue;
        }
        if (v.presence || inverted(v) || (!isDebugVariable(v.variable) && trueForEveryWord(v))) {
          findings.push({ file: a.file ?? settings.file, line: a.line, ...offUnlessSet(v, reads) });
          continue;
        }
        if (trueForEveryWord(v)) {
          // `False if os.getenv("APP_ENV") == "PRODUCTION" else True`: the variable names an environment, not a flag.
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...msg`DEBUG is true unless ${v.variable} names the one environment it is compared with (${v.variable} is an environment name, not an on/off flag), so a deploy that does not set ${v.variable} to its production name runs in debug mode; turn debug on only for a development name instead: ${code(switchOn('DEBUG', v.variable, developmentWord(v, given), reads))}, with ${v.variable}=${developmentWord(v, given)} set where you develop.`,
          });
          continue;
        }
        const suggested = code(switchComparison('DEBUG', v, givenValues(app, v.variable), reads));
        findings.push({
          file: a.file ?? settings.file,
          line: a.line,
          ...(falseWord
            ? msg`DEBUG is read from ${v.variable} and falls back to a non-empty string, which Python treats as true (so is any value the variable is set to); compare it instead: ${suggested}.${alsoSetTrue(app, v, composeFiles)}`
            : msg`DEBUG is read from ${v.variable} but defaults to a true value, so a deploy that does not set the variable runs in debug mode; make the default false: ${suggested}.${alsoSetTrue(app, v, composeFiles)}${offWhereSet(app, v, composeFiles)}`),
        });
      }
    }
    const reported = new Set(findings.map((f) => `${f.file}:${f.line ?? ''}`));
    findings.push(
      ...servedTrueValues(project.apps).filter((f) => !reported.has(`${f.file}:${f.line ?? ''}`)),
    );
    // One finding per line: the apps of a development and a production compose file read the same settings, and only
    // the latter's finding adds what its compose file sets (`Besides, …`).
    // A true DEBUG that holds only where a branch loads its module is said so once, not again as "every deploy" for
    // the module manage.py runs; one that an alternative module sets true again is reported in those words instead.
    const keyOf = (f: RawFinding) => `${f.file}:${f.line ?? ''}`;
    const shadowed = shadowedFindings(shadows);
    const shadowKeys = new Set(shadowed.map(keyOf));
    const heldKeys = new Set([...held].map(keyOf));
    const kept = findings.filter((f) =>
      held.has(f) ? !shadowKeys.has(keyOf(f)) : !(everywhere.has(f) && heldKeys.has(keyOf(f))),
    );
    return [...mergeSetupNotes(kept), ...shadowed];
  },
  fix: {
    safety: 'safe',
    summary: 'Reads DEBUG from DJANGO_DEBUG as a boolean that is false unless set to 1, true, yes or on.',
    declines:
      "DEBUG turned on by the image ENV or a compose environment: which file is meant for production is the author's call.",
    make: (context) =>
      turnedOnByDeploy(context)
        ? undefined
        : assignFromEnvironment(
            context,
            'DEBUG',
            (r) => `${r.get('DJANGO_DEBUG', '')}.lower() in ("1", "true", "yes", "on")`,
            ['DJANGO_DEBUG'],
          ),
  },
});

type EnvSource = Extract<ValueSource, { kind: 'env' }>;

/**
 * `DEBUG = True`, or DEBUG read with a true default (`env.bool("DJANGO_DEBUG", True)`), in the settings a WSGI server
 * would run, beside a container that runs the development server: that deploy's environment is not this container's,
 * so only what the code says is judged.
 */
function servedTrueValues(apps: readonly App[]): RawFinding[] {
  return apps.flatMap((app) => {
    const served = app.servedSettings;
    if (!served) return [];
    return liveAssignments(served, 'DEBUG').flatMap((a): RawFinding[] => {
      const at = { file: a.file ?? served.file, line: a.line };
      const v = a.value;
      if (a.inBranch) return [];
      if (v.kind === 'literal' && truthy(v) && !isFalseWord(v))
        return [
          {
            ...at,
            ...msg`DEBUG is set to a true value in code, so every deploy that runs these settings shows debug pages with settings and stack traces; read it from the environment with a false default: ${code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', environReads(served, a.file)))}.`,
          },
        ];
      // A plain switch with a true default; the reads whose truth follows another variable or a name are left out.
      if (v.kind !== 'env' || v.selects?.length || v.presence || v.whenSet || defaultDecider(v)) return [];
      const unset = valueWhenUnset(v);
      if (truthy(unset) !== true || isFalseWord(unset) || inverted(v) || trueForEveryWord(v)) return [];
      const suggested = code(switchComparison('DEBUG', v, [], environReads(served, a.file)));
      return [
        {
          ...at,
          ...msg`DEBUG is read from ${v.variable} but defaults to a true value, so a deploy of ${served.file} (the settings the WSGI server loads) that does not set the variable runs in debug mode; make the default false: ${suggested}.`,
        },
      ];
    });
  });
}

/**
 * The finding is on a read whose own default is off: the image ENV or a production compose file (or its env_file)
 * turns DEBUG on. The settings are right; renaming the variable they read would only hide the deploy's value.
 */
function turnedOnByDeploy({ finding, project }: FixContext): boolean {
  for (const { settings } of appSettings(project))
    for (const a of liveAssignments(settings, 'DEBUG')) {
      if ((a.file ?? settings.file) !== finding.file || a.line !== finding.line) continue;
      const v = a.value;
      if (v.kind !== 'env' || v.selects?.length || v.presence || defaultDecider(v)) return false;
      // Raw text, in which every word is true: the settings line is what has to change.
      if (v.whenSet === 'text') return false;
      return truthy(valueWhenUnset(v)) !== true;
    }
  return false;
}
type At = { file: string; line: number };

/** DEBUG turned on by the value the image's ENV or the production compose file gives the variable it is read from. */
function providedFinding(
  app: App,
  at: At,
  v: EnvSource,
  composeFiles: readonly string[],
): RawFinding | undefined {
  const given = providedValue(app, v.variable, composeFiles);
  if (!given || misreadOff(v, given.value) || truthWhenSetTo(v, given.value) !== true) return undefined;
  if (given.envFile)
    return {
      ...at,
      message: `DEBUG is read from ${v.variable}, which ${given.envFile.composeFile} sets to ${given.value} through its env_file ${given.envFile.file} (line ${given.envFile.line}): every container of this deployment runs in debug mode. ${deployAdvice(app, v, 'that file', given.imageValue)}`,
    };
  if (given.byDefault)
    return {
      file: given.byDefault.file,
      line: given.byDefault.line,
      ...msg`The settings read DEBUG from ${v.variable} (${at.file}, line ${at.line}) and this compose file sets it to ${code(given.byDefault.raw)}: when ${given.byDefault.variables} is not set where the stack runs, the default turns debug on (${v.variable}=${given.value}), so this deployment runs in debug mode unless someone remembers to switch it off. ${v.whenSet ? 'Make the default empty, as the settings take the raw text, in which any word is true' : 'Make the default false'} (${code(falseDefault(given.byDefault.raw, Boolean(v.whenSet)))}) and turn debug on in development only.`,
    };
  return {
    ...at,
    message: v.presence
      ? `DEBUG is true whenever ${v.variable} is set, whatever its value, and ${given.where} sets it (to '${given.value}'): ${given.reach} runs in debug mode. Remove ${v.variable} from there and set it only in development.`
      : `DEBUG is read from ${v.variable}, which ${given.where} sets to '${given.value}': ${given.reach} runs in debug mode${overrides(v, given)}. ${deployAdvice(app, v, 'there', given.imageValue)}`,
  };
}

/**
 * The production compose value interpolated with a true default (`DEBUG=${DEBUG:-1}`), reported at its line even when
 * the settings' own default is true as well: either default alone turns debug on where nothing is set.
 */
function interpolatedDefaultFinding(
  app: App,
  at: At,
  v: EnvSource,
  composeFiles: readonly string[],
): RawFinding | undefined {
  const given = providedValue(app, v.variable, composeFiles);
  if (!given?.byDefault || truthWhenSetTo(v, given.value) !== true) return undefined;
  return providedFinding(app, at, v, composeFiles);
}

/**
 * ` Besides, docker-compose.yml (line 13) sets DEBUG to 'True' …`: the deploy's own true value, which keeps debug on
 * whatever the settings' default, so the finding on that default says the rest of the fix (anchored at the assignment).
 */
function alsoSetTrue(app: App, v: EnvSource, composeFiles: readonly string[]): string {
  const given = providedValue(app, v.variable, composeFiles);
  // An interpolation default is reported at its own compose line.
  if (!given || given.byDefault || misreadOff(v, given.value) || truthWhenSetTo(v, given.value) !== true)
    return '';
  const setter = given.envFile
    ? `${given.envFile.composeFile} sets ${v.variable} to '${given.value}' through its env_file ${given.envFile.file} (line ${given.envFile.line})`
    : `${given.where} sets ${v.variable} to '${given.value}'`;
  const where = given.envFile ? ('that file' as const) : ('there' as const);
  return ` Besides, ${setter}: ${given.reach} runs in debug mode whatever the default${overrides(v, given)}. ${deployAdvice(app, v, where, given.imageValue)}`;
}

/**
 * ` The ENV of Dockerfile (line 5) sets DEBUG to 'False', so every container of this image runs with debug off; …`:
 * the deploy's own false value keeps debug off where it applies; the settings' true default holds everywhere else.
 */
function offWhereSet(app: App, v: EnvSource, composeFiles: readonly string[]): string {
  const given = providedValue(app, v.variable, composeFiles);
  if (!given || given.byDefault || truthWhenSetTo(v, given.value) !== false) return '';
  const setter = given.envFile
    ? `${given.envFile.composeFile} sets ${v.variable} to '${given.value}' through its env_file ${given.envFile.file} (line ${given.envFile.line})`
    : `${given.imageLine ? `The ENV of ${app.dockerfile!.file} (line ${given.imageLine})` : given.where} sets ${v.variable} to '${given.value}'`;
  const elsewhere = given.imageLine
    ? 'manage.py on a host, a platform that does not build this image'
    : 'another compose file, the image run on its own, manage.py on a host';
  return ` ${setter}, so ${given.reach} runs with debug off; the default still turns debug on wherever these settings run without the variable (${elsewhere}).`;
}

/** `, over the image's ENV DEBUG=0`: a compose value that replaces the image's own false one. */
function overrides(v: EnvSource, given: Provided): string {
  if (given.imageValue === undefined || truthWhenSetTo(v, given.imageValue) !== false) return '';
  return `, over the image's own ENV ${v.variable}=${given.imageValue}`;
}

/**
 * What to change when a deploy's value turns DEBUG on: the deploy's value, unless the settings take the raw text (no
 * value is false) or fail without the variable (removing it would stop the app at start).
 */
function deployAdvice(app: App, v: EnvSource, where: 'that file' | 'there', imageValue?: string): string {
  const given = givenValues(app, v.variable);
  const inWhere = where === 'there' ? where : `in ${where}`;
  const compare = switchComparison('DEBUG', v, given);
  if (v.whenSet === 'text' && isEnvironmentName(v, given)) {
    const word = developmentWord(v, given);
    return `${v.variable} names an environment, and the settings take its raw text, in which every name (the production one included) is true: compare it with the development name in the settings instead (\`${compare}\`), so that only ${v.variable}=${word} turns debug on.`;
  }
  if (v.whenSet === 'text' && !v.required && truthy(v.fallback) === false)
    return `The settings take the raw text, in which any non-empty word ('False' included) is true; without the variable they get ${v.fallback ? 'their fallback' : 'None'}, which is false: remove ${v.variable} from ${where} (or compare the text in the settings, \`${compare}\`) and set it only in development.`;
  if (v.whenSet === 'text')
    return `The settings take the raw text, in which any non-empty word ('False' included) is true, and removing the variable would not help (${v.required ? 'they read it without a default' : 'their fallback decides then'}): compare the text in the settings instead (\`${compare}\`) and set ${v.variable} only in development.`;
  if (isEnvironmentName(v, given))
    return `Set ${v.variable} to the production environment's name ${inWhere}, one the settings do not turn debug on for, and give it the development name only where you develop.`;
  // The image's own false value remains when the compose line goes: removing it turns debug off.
  if (imageValue !== undefined && truthWhenSetTo(v, imageValue) === false)
    return `Remove ${v.variable} from ${where} (the image's ${v.variable}=${imageValue} then applies) and set it only in development.`;
  if (v.required)
    return `Set ${v.variable} to a false value ${inWhere} and turn it on only in development (the settings read it without a default, so removing it would stop the app at start).`;
  return `Remove ${v.variable} from ${where} and set it only in development.`;
}

/**
 * The read that decides DEBUG's default when that default depends on another variable: `env.bool("DEBUG",
 * default=not IS_PRODUCTION)`, `os.environ.get("DEBUG", "1" if USE_SQLITE else "0")`.
 */
function defaultDecider(v: EnvSource): EnvSource | undefined {
  const f = v.fallback;
  // A default that is another variable's raw text (`os.environ.get("DEBUG", os.environ.get("DJANGO_DEBUG", …))`)
  // is a second name for the same switch, judged as one read.
  if (f?.kind === 'env' && f.variable !== v.variable && !f.whenSet) return f;
  if (f?.kind === 'choice' && f.decidedBy?.kind === 'env' && f.decidedBy.variable !== v.variable)
    return f.decidedBy;
  return undefined;
}

/**
 * DEBUG whose default depends on another variable X, judged by the value the container gets: DEBUG's own variable
 * where the repository sets it, else X where it does, else what X's absence selects ("DEBUG is on unless X").
 */
function conditionalDefaultFinding(
  app: App,
  at: At,
  v: EnvSource,
  decider: EnvSource,
  composeFiles: readonly string[],
): RawFinding | undefined {
  const own = providedValue(app, v.variable, composeFiles);
  const ownTruth = own && truthWhenSetTo(v, own.value);
  if (ownTruth !== undefined) return ownTruth ? providedFinding(app, at, v, composeFiles) : undefined;
  const x = decider.variable;
  const given = providedValue(app, x, composeFiles);
  const givenTruth = given && truthWhenSetTo(decider, given.value);
  if (given && givenTruth !== undefined)
    return givenTruth
      ? {
          ...at,
          message: `DEBUG is read from ${v.variable}, whose default follows ${x}, which ${given.where} sets to '${given.value}': with ${v.variable} unset, every container of this image runs in debug mode. Make the default of ${v.variable} false whatever ${x} says, and set ${v.variable} only in development.`,
        }
      : undefined;
  if (truthy(valueWhenUnset(decider)) !== true) return undefined;
  return {
    ...at,
    ...msg`DEBUG is on unless ${x} is set: ${v.variable} falls back to a value that is true whenever ${x} is not set, so the absence of ${x} turns debug on in any deploy that does not set ${v.variable} either; make the default false whatever ${x} says: ${code(switchComparison('DEBUG', v, givenValues(app, v.variable)))}.`,
  };
}

/**
 * A literal true DEBUG in a branch off by default whose test the container's environment passes: the production
 * compose file, or the image's ENV (`ENV SERVER_MODE DEV` for `if os.environ.get("SERVER_MODE") == "DEV":`), gives
 * the tested variable the value the branch is taken for.
 */
function takenBranchFinding(
  app: App,
  a: SettingAssignment,
  settings: SettingsModel,
  composeFiles: readonly string[],
): RawFinding | undefined {
  const test = a.condition;
  if (a.activeWhenUnset !== false || !test || a.value.kind !== 'literal' || truthy(a.value) !== true)
    return undefined;
  if (isFalseWord(a.value)) return undefined;
  const passes = (value: string) => branchTakenFor(test, value) === true;
  const provided = providedValue(app, test.variable, composeFiles);
  const given = provided && !provided.byDefault ? provided : undefined;
  const stage = app.dockerfile?.targetStage;
  const imageValue = stage?.env[test.variable];
  let because: string;
  if (given && !given.where.startsWith('the ENV of ') && passes(given.value))
    because = `${given.where} sets ${test.variable} to '${given.value}', which takes that branch: every container of this deployment runs in debug mode`;
  else if (imageValue !== undefined && passes(imageValue)) {
    const line = imageEnvLine(app, test.variable);
    const service = app.compose?.appService;
    const other = service?.environment.find((e) => e.name === test.variable)?.value;
    const overridden =
      service && other !== undefined && !passes(other)
        ? ` (the compose service '${service.name}' gives it '${other}' instead)`
        : '';
    because = `the ENV of ${app.dockerfile!.file}${line ? ` (line ${line})` : ''} sets ${test.variable} to '${imageValue}', which takes that branch: a container of the image run without another value runs in debug mode${overridden}`;
  } else return undefined;
  return {
    file: a.file ?? settings.file,
    line: a.line,
    ...msg`DEBUG is set to True in code under ${code(`if ${test.text}:`)}, and ${because}. Read DEBUG from the environment with a false default instead: ${code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', environReads(settings, a.file)))}.`,
  };
}

/**
 * A deploy value meant to turn debug off (`DEBUG=False`) that the settings read as raw text or by presence, so it turns
 * debug on: TF0312's defect (the settings line), not a deploy that sets debug true.
 */
function misreadOff(v: EnvSource, text: string): boolean {
  return Boolean(v.whenSet || v.presence) && isFalseText(text);
}

/**
 * Truth of an env-read value when the variable is set to `text`; undefined when the model cannot tell. Another
 * non-empty text (`db`) counts as the common words do when they all agree (`not os.environ.get("POSTGRES_HOST")`).
 */
function truthWhenSetTo(v: EnvSource, text: string): boolean | undefined {
  if (v.whenSet) return text !== '' || Boolean(v.prefix || v.suffix);
  const known = v.truthWhenSetTo?.[text];
  if (known !== undefined || text === '' || !v.truthWhenSetTo) return known;
  const all = new Set(commonWordTruths(v));
  return all.size === 1 ? [...all][0] : undefined;
}

/**
 * A read whose truth falls when the variable is set to a true word (`not os.environ.get("PRODUCTION")`); not one
 * compared to a single true word (`== "True"`), where the other true words are false.
 */
function inverted(v: EnvSource): boolean {
  const truths = TRUE_WORDS.map((w) => v.truthWhenSetTo?.[w]).filter((t) => t !== undefined);
  return truths.length > 0 && truths.every((t) => t === false);
}

const TRUE_WORDS = ['1', 'true', 'True', 'yes', 'on'];

/**
 * True unset and for every common word it may be set to (`os.environ.get("ENVIRONMENT") != "production"`): only
 * one particular value turns debug off, so the variable names an environment rather than switching debug.
 */
function trueForEveryWord(v: EnvSource): boolean {
  if (v.whenSet || truthy(valueWhenUnset(v)) !== true) return false;
  const truths = commonWordTruths(v);
  return truths.length > 0 && truths.every((t) => t);
}

/** Truth for the common words (`1`, `False`, ...), not the words the settings compare with, which differ by design. */
function commonWordTruths(v: EnvSource): boolean[] {
  return Object.entries(v.truthWhenSetTo ?? {})
    .filter(([w]) => !v.comparedWith?.includes(w))
    .map(([, t]) => t);
}

/**
 * The one development name an environment name is compared with, when that name also turns debug on while the
 * variable is unset (`os.environ.get("ENV", "dev") == "dev"`); undefined otherwise.
 */
function onlyForOneName(v: EnvSource, given: readonly string[]): string | undefined {
  if (v.presence || v.whenSet || !isEnvironmentName(v, given) || truthy(valueWhenUnset(v)) !== true)
    return undefined;
  const on = (v.comparedWith ?? []).filter((w) => v.truthWhenSetTo?.[w] === true);
  return on.length > 0 && commonWordTruths(v).every((t) => !t) ? developmentWord(v, given) : undefined;
}

/**
 * DEBUG on while a variable is unset. Another variable (`PRODUCTION`, `'RENDER' in os.environ`) marks production and
 * must not become the debug switch; DEBUG's own variable read the wrong way round is made to turn debug on.
 */
function offUnlessSet(v: EnvSource, reads: EnvironReads): Omit<RawFinding, 'file' | 'line'> {
  const suggested = code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', reads));
  const when = v.presence ? 'true whenever' : 'on unless';
  const set = v.presence || inverted(v) ? 'set' : 'set to one particular value';
  if (!isDebugVariable(v.variable))
    return msg`DEBUG is ${when} ${v.variable} is ${v.presence ? 'not set' : set}: the absence of that production marker turns debug on, so any deploy that does not set it runs in debug mode; read DEBUG from a variable of its own with a false default instead: ${suggested}.`;
  const own = code(switchOn('DEBUG', v.variable, '1', reads));
  return msg`DEBUG is ${when} ${v.variable} is ${v.presence ? 'not set' : set}: its own variable is read the wrong way round, so setting it turns debug off and any deploy that does not set it runs in debug mode; make the variable turn debug on, with a false default: ${own}.`;
}

/** `DEBUG = True`: in every deploy of these settings, or where the branch on a variable that loads it and keeps it is taken. */
function trueInCode(
  reads: EnvironReads,
  held: HeldWhere | undefined,
  branch?: SettingAssignment['condition'],
) {
  const fix = code(switchOn('DEBUG', 'DJANGO_DEBUG', '1', reads));
  // `if os.getenv("ENV") == "PRODUCTION": DEBUG = False` / `else: DEBUG = True`: on unless that value is set.
  const unless =
    branch?.test === 'not-equals'
      ? branch.values
      : branch?.test === 'otherwise'
        ? branch.excluded
        : undefined;
  if (!held && branch && unless?.length) {
    const values = unless.map((x) => `'${x}'`).join(' or ');
    return msg`DEBUG is set to a true value in code unless ${branch.variable} is ${values}, so any deploy that does not set ${branch.variable} to ${unless.length > 1 ? 'one of them' : 'it'} shows debug pages with settings and stack traces; read DEBUG from the environment with a false default: ${fix}.`;
  }
  if (!held)
    return msg`DEBUG is set to a true value in code, so every deploy that runs these settings shows debug pages with settings and stack traces; read it from the environment with a false default: ${fix}.`;
  return msg`DEBUG is set to a true value in code, which holds wherever ${held.where}${overrideWords(held, 'DEBUG')}. A deploy that loads it shows debug pages with settings and stack traces; read it from the environment with a false default: ${fix}.`;
}
