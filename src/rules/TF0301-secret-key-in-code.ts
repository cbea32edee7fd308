import { type Message, type RawFinding, code, msg } from '../core/index.js';
import type { App, Project } from '../model/types/project.js';
import type { SettingAssignment, SettingsModel, ValueSource } from '../model/types/settings.js';
import { liveAssignments, providedEnvironment, valueWhenUnset } from '../model/settings/index.js';
import { namesSetting, withScriptAssignments } from './lib/provided-config.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import { type EnvironReads, environReads } from './lib/environ-names.js';
import { appSettings, literalElsewhere, overriddenWhenSet } from './lib/each.js';
import { defineRule, type FixContext } from './lib/rule.js';

export const secretKeyInCode = defineRule({
  id: 'TF0301',
  name: 'secret-key-in-code',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'SECRET_KEY is a string literal; as warning when it is read from the environment but falls back to a literal',
  help: `Django signs sessions, password-reset links and CSRF tokens with \`SECRET_KEY\`. A key written in the settings
module is in every clone of the repository and every image built from it, so anyone who has read the code can forge
those signatures; and one key shared by all deploys means that rotating it needs a commit. A fallback literal
(\`os.environ.get('SECRET_KEY', 'dev-key')\`) is the same key in disguise: a deploy that forgets the variable runs
with the key from the repository instead of failing.

Read the key from the environment, without a fallback, and give each deploy its own:

\`\`\`python
# Before
SECRET_KEY = "django-insecure-…"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-key")

# After: a missing variable stops the app at start
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
\`\`\`

For local development, put the variable in an untracked \`.env\` file or the compose \`environment:\` of the dev stack.
`,
  related: ['security.W009'],
  check(project) {
    const findings: RawFinding[] = [];
    // Apps whose settings share an assignment (two compose files, two images, one settings module) get one finding.
    const appsAt = appsByAssignment(project);
    for (const { settings } of appSettings(project)) {
      const live = liveAssignments(settings, 'SECRET_KEY');
      for (const a of live) {
        const { key, note: given } = keyAdvice(appsAt.get(placeOf(a, settings)) ?? []);
        const reads = environReads(settings, a.file);
        const read = requiredKey(reads, key);
        // Under a condition that cannot be told (`if 'test' in sys.argv`), the rule cannot decide; a module loaded
        // under one still sets the key as written wherever it is loaded.
        if (a.inBranch && a.activeWhenUnset === undefined && !a.loadedInBranch) continue;
        const v = unwrapped(a.value);
        // `if "SECRET_KEY" in os.environ: … = os.getenv("SECRET_KEY") else: … = "literal"`: a fallback, as `.get(X, literal)`.
        const fallbackOf = a.inBranch && a.activeWhenUnset === true ? a.condition?.variable : undefined;
        const readInOtherBranch = live.some(
          (b) => b !== a && b.value.kind === 'env' && b.value.variable === fallbackOf,
        );
        // A literal replaced by a later `if key: SECRET_KEY = key` (key read from X) is X's fallback too.
        const replacedBy = fallbackOf && readInOtherBranch ? fallbackOf : overriddenWhenSet(live, a);
        if (isKey(v) && replacedBy) {
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            severity: 'warning',
            ...msg`SECRET_KEY is read from ${replacedBy} but falls back to a literal value when it is unset, so a deploy that forgets the variable runs with the key from the repository; drop the fallback: ${requiredKey(reads, replacedBy)}.`,
          });
          continue;
        }
        if (isKey(v)) {
          const conditional = a.activeWhenUnset === false;
          // A key imported from another module of the project (`from .keys import SECRET_KEY`) is reported there.
          const elsewhere = literalElsewhere(v, { file: a.file ?? settings.file, line: a.line });
          const usedAt = usedInSettings(a, settings, elsewhere);
          if (elsewhere && !conditional) {
            findings.push({
              file: elsewhere.file,
              line: elsewhere.line,
              ...msg`This literal value becomes SECRET_KEY${usedAt}, so every copy of the repository can forge sessions and password-reset links; read it from the environment instead: ${read}${given}.`,
            });
            continue;
          }
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...(conditional
              ? msg`SECRET_KEY is set to a literal value in code (in a branch that runs only when some environment variable is set); read it from the environment in every case: ${read}${given}.`
              : msg`SECRET_KEY is set to a literal value in code, so every copy of the repository can forge sessions and password-reset links; read it from the environment instead: ${read}${given}.`),
            ...(conditional ? { severity: 'warning' as const } : {}),
          });
          continue;
        }
        // `os.environ.get("SECRET_KEY", DEFAULT_SECRET)` with DEFAULT_SECRET a literal in one branch of an if/else
        const unset = valueWhenUnset(v);
        const branchLiteral = unset?.kind === 'choice' && unset.options.some((o) => isKey(o));
        const literalOption =
          v.kind === 'env'
            ? isKey(unset) || branchLiteral
            : v.kind === 'choice' && v.options.some((o) => isKey(o) || isKey(valueWhenUnset(o)));
        if (literalOption && v.kind === 'env' && v.selects?.length) {
          // `os.environ['APP_SECRET_KEY'] if INSIDE_DOCKER else '...'`: the flag only picks the branch.
          const selected = v.selects[0];
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            severity: 'warning',
            ...msg`SECRET_KEY falls back to a literal value whenever ${v.variable} is unset (only when it is set is it read from ${v.selects.join(', ')}), so a deploy that forgets ${v.variable} runs with the key from the repository; read it from ${selected} in every case: ${requiredKey(reads, selected)}.`,
          });
        } else if (literalOption) {
          const variable = v.kind === 'env' ? v.variable : 'the environment';
          // Read in another module of the project and imported by name: reported where the literal is written.
          const elsewhere = literalElsewhere(v, { file: a.file ?? settings.file, line: a.line });
          const usedAt = usedInSettings(a, settings, elsewhere);
          const required = requiredKey(reads, v.kind === 'env' ? v.variable : key);
          // `environ.Env(SECRET_KEY=(str, "…"))`: the literal is written in the scheme, lines above the read.
          const scheme = elsewhere ? undefined : schemeDefaultLine(v, unset, a);
          findings.push({
            file: elsewhere?.file ?? a.file ?? settings.file,
            line: elsewhere?.line ?? scheme ?? a.line,
            severity: 'warning',
            // `str(os.getenv("X"))`: no literal is written, the unset read becomes the text 'None'.
            ...(v.kind === 'env' && v.fromFile
              ? msg`SECRET_KEY is read from the file named by ${variable} (a secret file) but falls back to a literal value when ${variable} is unset${usedAt}, so a deploy that forgets the secret runs with the key from the repository; drop the fallback so a missing secret file stops the app at start.`
              : v.kind === 'env' && isNoneText(unset)
                ? msg`SECRET_KEY is read from ${variable} but becomes the text 'None' when it is unset${usedAt}, so a deploy that forgets the variable runs with a key anyone can guess instead of failing; require the variable: ${required}.`
                : v.kind === 'env' && v.via === 'pydantic-settings' && !branchLiteral
                  ? msg`SECRET_KEY is read from ${variable} by a pydantic-settings field whose default is a literal value${usedAt}, so a deploy that forgets the variable runs with the key from the repository; drop the field's default so the settings object refuses to start without the variable.`
                  : scheme
                    ? msg`SECRET_KEY is read from ${variable} (line ${a.line}) but the environ.Env scheme gives it a literal default here, used when it is unset, so a deploy that forgets the variable runs with the key from the repository; drop SECRET_KEY from the scheme so env("${variable}") fails when it is unset.`
                    : msg`SECRET_KEY is read from ${variable} but falls back to a literal value when it is unset${branchLiteral ? ' (the value an if/else gives the fallback in one of its branches)' : ''}${usedAt}, so a deploy that forgets the variable runs with the key from the repository; drop the fallback: ${required}.`),
          });
        }
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Reads SECRET_KEY from the required variable DJANGO_SECRET_KEY (`os.environ["DJANGO_SECRET_KEY"]`), or the one the app\'s container is given for it (`SECRET_KEY`), or from the variable the code already reads when it only falls back to a literal; the literal is removed, never echoed.',
    declines:
      'a key read from a secret file a variable names (`read_secret(os.environ.get("KEY_FILE")) or "…"`): the deploy provides the file, and no variable holds the key; a key written in another module of the project that the settings import (reported where it is written): the fixer rewrites assignments of the settings module only.',
    make: (context) => {
      // Read from a secret file the deploy mounts: no variable holds the key, so none can be required instead.
      if (readsSecretFile(context)) return undefined;
      const apps = appsByAssignment(context.project).get(`${context.finding.file}:${context.finding.line}`);
      const variable = variableRead(context) ?? (apps ? keyAdvice(apps).key : DEFAULT_VARIABLE);
      return assignFromEnvironment(
        context,
        'SECRET_KEY',
        (reads) => reads.required(variable),
        [variable],
        true,
      );
    },
  },
});

const DEFAULT_VARIABLE = 'DJANGO_SECRET_KEY';

/** `SECRET_KEY = environ["X"]` as the module can write it, with a word on `import os` where it has no name for it. */
function requiredKey(reads: EnvironReads, variable: string): Message {
  return msg`${code(`SECRET_KEY = ${reads.required(variable)}`)}${reads.requiredNoteMessage}`;
}

/**
 * The variable the key should be read from, and the words that say why: the one the app's container is given for it
 * (compose environment or env_file, the image's ENV, an export of its entrypoint script), DJANGO_SECRET_KEY first,
 * noted when it is another; else DJANGO_SECRET_KEY, noting an env_file the repository does not hold, which may give
 * the key another name.
 */
function keyAdvice(apps: App[]): { key: string; note: string } {
  const provided = apps.map((app) => ({ app, env: providedEnvironment(app) }));
  const given = [
    ...new Set(
      provided.flatMap(({ app, env }) =>
        [...withScriptAssignments(app, env).values.keys()].filter((n) => namesSetting(n, 'SECRET_KEY')),
      ),
    ),
  ].sort();
  const containers = apps.length > 1 ? "the app's containers are" : "the app's container is";
  if (given.includes(DEFAULT_VARIABLE)) return { key: DEFAULT_VARIABLE, note: '' };
  if (given.length > 0) return { key: given[0], note: ` (${containers} given ${given[0]})` };
  const unread = [...new Set(provided.flatMap(({ env }) => env.unreadEnvFiles?.map((f) => f.path) ?? []))];
  if (unread.length === 0) return { key: DEFAULT_VARIABLE, note: '' };
  const one = unread.length === 1;
  const files = one ? `the env_file ${unread[0]}` : `the env_files ${unread.join(', ')}`;
  const reads = apps.length > 1 ? "the app's containers read" : "the app's container reads";
  return {
    key: DEFAULT_VARIABLE,
    note: `, or under the name ${files} ${one ? 'gives' : 'give'} it (${reads} ${one ? 'that file' : 'those files'}, which the repository does not hold)`,
  };
}

/** `file:line` of an assignment, in the module that writes it. */
function placeOf(a: SettingAssignment, settings: SettingsModel): string {
  return `${a.file ?? settings.file}:${a.line}`;
}

/** The apps whose loaded settings hold each live SECRET_KEY assignment, by `file:line`. */
function appsByAssignment(project: Project): Map<string, App[]> {
  const out = new Map<string, App[]>();
  for (const { app, settings } of appSettings(project))
    for (const a of liveAssignments(settings, 'SECRET_KEY')) {
      const apps = out.get(placeOf(a, settings)) ?? [];
      if (!apps.includes(app)) apps.push(app);
      out.set(placeOf(a, settings), apps);
    }
  return out;
}

/**
 * The one value a stray trailing comma (or brackets) wraps (`SECRET_KEY = os.getenv("X", "literal"),`): TF0314
 * reports the tuple, and the literal in it is still a key written in code.
 */
function unwrapped(v: ValueSource): ValueSource {
  return v.kind === 'list' && v.items.length === 1 ? v.items[0] : v;
}

/** A non-empty string literal (an empty key makes Django refuse to start, which is not a leak). */
function isKey(v: ValueSource | undefined): boolean {
  return v?.kind === 'literal' && typeof v.value === 'string' && v.value.trim() !== '';
}

/** The text 'None': what str() makes of a read that found no variable (or a default written as that word). */
function isNoneText(v: ValueSource | undefined): boolean {
  return v?.kind === 'literal' && v.value === 'None';
}

/** Whether SECRET_KEY at the finding's line is the content of a file a variable names (a Docker secret). */
function readsSecretFile(context: FixContext): boolean {
  const { finding, project } = context;
  return project.apps.some((app) =>
    [app.settings, ...(app.settingsBases ?? [])].some((settings) =>
      settings?.assignments.some((x) => {
        const value = unwrapped(x.value);
        return (
          x.name === 'SECRET_KEY' &&
          (x.file ?? settings.file) === finding.file &&
          x.line === finding.line &&
          value.kind === 'env' &&
          value.fromFile === true
        );
      }),
    ),
  );
}

/** The variable SECRET_KEY is already read from at the finding's line (with a literal fallback), if it is. */
function variableRead(context: FixContext): string | undefined {
  const { finding, project } = context;
  for (const app of project.apps)
    for (const settings of [app.settings, ...(app.settingsBases ?? [])]) {
      const a = settings?.assignments.find(
        (x) =>
          x.name === 'SECRET_KEY' && (x.file ?? settings.file) === finding.file && x.line === finding.line,
      );
      const value = a && unwrapped(a.value);
      if (value?.kind === 'env' && /^\w+$/.test(value.variable)) return value.variable;
      // The literal of an `else`/`except` taken when X is unset, beside the branch that reads X: read X there too.
      const x = a?.inBranch && a.activeWhenUnset === true ? a.condition?.variable : undefined;
      const replacedBy = a && overriddenWhenSet(liveAssignments(settings!, 'SECRET_KEY'), a);
      if (replacedBy && /^\w+$/.test(replacedBy)) return replacedBy;
      const readsX = settings?.assignments.some(
        (b) => b.name === 'SECRET_KEY' && b.live && b.value.kind === 'env' && b.value.variable === x,
      );
      if (x && readsX && /^\w+$/.test(x)) return x;
    }
  return undefined;
}

/**
 * The words saying where a key written in another module becomes SECRET_KEY: only an import by name in the settings
 * module itself (`from .keys import SECRET_KEY`); one in another part the settings star-import (`from .env import
 * SECRET_KEY` in jwt.py) only re-binds the name there, and naming its line would misplace the fallback.
 */
function usedInSettings(
  a: SettingAssignment,
  settings: SettingsModel,
  elsewhere: { usedAt: string } | undefined,
): string {
  return elsewhere && (a.file ?? settings.file) === settings.file ? elsewhere.usedAt : '';
}

/** The line of a django-environ scheme default (`environ.Env(SECRET_KEY=(str, "…"))`) written before the read. */
function schemeDefaultLine(
  v: ValueSource,
  unset: ValueSource | undefined,
  a: SettingAssignment,
): number | undefined {
  if (v.kind !== 'env' || v.via !== 'django-environ' || unset?.kind !== 'literal') return undefined;
  if ((unset.file ?? a.file) !== a.file) return undefined;
  return unset.line < a.line ? unset.line : undefined;
}
