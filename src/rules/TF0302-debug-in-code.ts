import { type RawFinding, code, msg } from '../core/index.js';
import type { App } from '../model/types/project.js';
import type { ValueSource } from '../model/types/settings.js';
import { liveAssignments, valueWhenUnset } from '../model/settings/index.js';
import { interpolate } from '../model/compose/interpolation.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import { appSettings } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { isDevelopmentComposeFile, projectComposeFiles } from './lib/files.js';

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
\`dev\`, \`local\`, \`test\` or \`ci\` as a word of its name, or a default-named file in a directory so named,
such as \`_development/docker-compose.yml\`), and the default \`docker-compose.yml\` when a
\`docker-compose.prod.yml\`, \`compose.production.yaml\` or \`docker-compose-deploy.yml\` sits beside it, is for
development: the \`DEBUG=1\` it sets is what it is for and is not reported. The same variable set true in the
production file, or in the image's \`ENV\`, is; so is a literal or a true default in the settings, whatever the
compose files say. A production compose value interpolated with a default (\`DEBUG=\${DEBUG:-true}\`) counts by that
default, the value a container gets when nothing is set; it is reported at the compose line.

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
    for (const { app, settings } of appSettings(project)) {
      for (const a of liveAssignments(settings, 'DEBUG')) {
        // Off by default (an env-gated branch), or under a condition that cannot be told: no finding.
        if (a.activeWhenUnset === false || (a.inBranch && a.activeWhenUnset === undefined)) continue;
        const v = a.value;
        if (v.kind === 'literal' && truthy(v) === true) {
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...(isFalseWord(v)
              ? msg`DEBUG is set to a non-empty string, which Python treats as true even when it reads "False"; use a boolean and take it from the environment: ${code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"')}.`
              : msg`DEBUG is set to a true value in code, so every deploy of this image shows debug pages with settings and stack traces; read it from the environment with a false default: ${code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"')}.`),
          });
          continue;
        }
        if (v.kind !== 'env') continue;
        const unset = valueWhenUnset(v);
        if (truthy(unset) !== true) {
          const given = providedValue(app, v.variable, projectComposeFiles(project));
          if (!given || truthWhenSetTo(v, given.value) !== true) continue;
          if (given.byDefault)
            findings.push({
              file: given.byDefault.file,
              line: given.byDefault.line,
              ...msg`The settings read DEBUG from ${v.variable} (${a.file ?? settings.file}, line ${a.line}) and this compose file sets it to ${code(given.byDefault.raw)}: when ${given.byDefault.variables} is not set where the stack runs, the default turns debug on (${v.variable}=${given.value}), so this deployment runs in debug mode unless someone remembers to switch it off. Make the default false (${code(falseDefault(given.byDefault.raw))}) and turn debug on in development only.`,
            });
          else
            findings.push({
              file: a.file ?? settings.file,
              line: a.line,
              message: `DEBUG is read from ${v.variable}, which ${given.where} sets to '${given.value}': every container of this image runs in debug mode. Remove ${v.variable} from there and set it only in development.`,
            });
          continue;
        }
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
        if (v.presence) {
          // `not ('RENDER' in os.environ)`: the variable marks production; it must not become the debug switch.
          findings.push({
            file: a.file ?? settings.file,
            line: a.line,
            ...msg`DEBUG is true whenever ${v.variable} is not set: the absence of that production marker turns debug on, so any deploy that does not set it runs in debug mode; read DEBUG from a variable of its own with a false default instead: ${code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"')}.`,
          });
          continue;
        }
        findings.push({
          file: a.file ?? settings.file,
          line: a.line,
          ...(falseWord
            ? msg`DEBUG is read from ${v.variable} and falls back to a non-empty string, which Python treats as true (so is any value the variable is set to); compare it instead: ${code(`DEBUG = os.environ.get("${v.variable}", "") == "1"`)}.`
            : msg`DEBUG is read from ${v.variable} but defaults to a true value, so a deploy that does not set the variable runs in debug mode; make the default false: ${code(`DEBUG = os.environ.get("${v.variable}", "") == "1"`)}.`),
        });
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary: 'Reads DEBUG from DJANGO_DEBUG as a boolean that is false unless set to 1, true, yes or on.',
    declines:
      "DEBUG turned on by the image ENV or a compose environment: which file is meant for production is the author's call.",
    make: (context) =>
      assignFromEnvironment(
        context,
        'DEBUG',
        'os.environ.get("DJANGO_DEBUG", "").lower() in ("1", "true", "yes", "on")',
        ['DJANGO_DEBUG'],
      ),
  },
});

/** A compose value that comes from interpolation defaults (`${DEBUG:-true}`): where it is written and what it reads. */
interface InterpolationDefault {
  file: string;
  line: number;
  raw: string;
  variables: string;
}

/**
 * The value the image's ENV (or a production compose file) gives a variable, unless a development file sets it; a
 * compose value interpolated from variables counts by its defaults, the value a container gets when none is set.
 */
function providedValue(
  app: App,
  variable: string,
  composeFiles: readonly string[],
): { value: string; where: string; byDefault?: InterpolationDefault } | undefined {
  const entry = app.compose?.appService?.environment.find((e) => e.name === variable);
  if (entry) {
    if (entry.source !== 'environment' || entry.value === undefined) return undefined;
    if (isDevelopmentComposeFile(entry.file, composeFiles)) return undefined;
    const where = `${entry.file} (line ${entry.line})`;
    if (!entry.interpolated) return { value: entry.value, where };
    const raw = entry.raw ?? entry.value;
    const unset = interpolate(raw, {});
    if (unset.unset) return undefined; // a variable without a default: the value is the deployer's
    const variables = [...raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]).join(', ');
    return { value: unset.value, where, byDefault: { file: entry.file, line: entry.line, raw, variables } };
  }
  const df = app.dockerfile;
  const value = df?.targetStage?.env[variable];
  return df && value !== undefined ? { value, where: `the ENV of ${df.file}` } : undefined;
}

/** `${DEBUG:-true}` → `${DEBUG:-false}`, `${DEBUG:-1}` → `${DEBUG:-0}`: the same interpolation with a false default. */
function falseDefault(raw: string): string {
  return raw.replace(/(\$\{[A-Za-z_][A-Za-z0-9_]*:?-)([^}]*)\}/g, (_m, head: string, def: string) =>
    /^\d+$/.test(def.trim()) ? `${head}0}` : `${head}false}`,
  );
}

/** Truth of an env-read value when the variable is set to `text`; undefined when the model cannot tell. */
function truthWhenSetTo(v: Extract<ValueSource, { kind: 'env' }>, text: string): boolean | undefined {
  if (v.whenSet) return text !== '' || Boolean(v.prefix || v.suffix);
  return v.truthWhenSetTo?.[text];
}

function truthy(v: ValueSource | undefined): boolean | undefined {
  if (!v) return false; // no fallback: None
  switch (v.kind) {
    case 'literal':
      return typeof v.value === 'string' ? v.value !== '' : Boolean(v.value);
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'path':
      return true;
    default:
      return undefined;
  }
}

/** A string that reads as false to a person but is true to Python ('False', '0', 'no'). */
function isFalseWord(v: ValueSource | undefined): boolean {
  return (
    v?.kind === 'literal' &&
    typeof v.value === 'string' &&
    ['false', '0', 'no', 'off', 'n', 'f'].includes(v.value.trim().toLowerCase())
  );
}
