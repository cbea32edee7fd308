/** The comparison to suggest for a boolean setting read from a variable: a flag's "1", an environment name's word. */
import type { EnvironReads } from './environ-names.js';
import type { App } from '../../model/types/project.js';
import type { ValueSource } from '../../model/types/settings.js';

type EnvSource = Extract<ValueSource, { kind: 'env' }>;

/** Boolean settings people take from the environment. */
export const BOOLEAN_SETTINGS = [
  'DEBUG',
  'SESSION_COOKIE_SECURE',
  'CSRF_COOKIE_SECURE',
  'SECURE_SSL_REDIRECT',
];

/** DEBUG's own variable (`DEBUG`, `DJANGO_DEBUG`, `DEBUG_MODE`), never a production marker. */
export function isDebugVariable(variable: string): boolean {
  return /(^|_)DEBUG(_|$)/i.test(variable);
}

const FLAG_WORD = /^(1|0|true|false|yes|no|on|off|y|n|t|f)$/i;
const DEVELOPMENT_WORD = /^(dev|devel|develop|development|local|debug)$/i;
const ENVIRONMENT_NAME = /(^|_)(ENV|ENVIRONMENT|STAGE|TIER|DEPLOYMENT|DEPLOY_ENV)$/i;

/** The values the app's compose service (any of its files) and image ENV give a variable, as written. */
export function givenValues(app: App, variable: string): string[] {
  const values = (app.compose?.appService?.environment ?? [])
    .filter((e) => e.name === variable && e.value !== undefined && !e.interpolated)
    .map((e) => e.value as string);
  const env = app.dockerfile?.targetStage?.env[variable];
  return env === undefined ? values : [...values, env];
}

/**
 * A variable that names an environment (`ENV=dev`, `DJANGO_ENV=production`) rather than switching debug on or off:
 * named so, or compared with or given words that are no on/off word.
 */
export function isEnvironmentName(v: EnvSource, given: readonly string[]): boolean {
  if (isDebugVariable(v.variable)) return false;
  const words = [...(v.comparedWith ?? []), ...given].filter((w) => w.trim() !== '');
  return ENVIRONMENT_NAME.test(v.variable) || words.some((w) => !FLAG_WORD.test(w.trim()));
}

/**
 * The value of an environment name that should turn debug on: a development word the settings compare it with or
 * the repository gives it or its raw text falls back to (`dev`), else a word the comparison turns on, else `development`.
 */
export function developmentWord(v: EnvSource, given: readonly string[]): string {
  const compared = (v.comparedWith ?? []).filter((w) => v.truthWhenSetTo?.[w] === true);
  // The raw text's own fallback (`os.environ.get("ENV", "dev")`) is the name it takes in development.
  const fallback = v.whenSet && v.fallback?.kind === 'literal' ? String(v.fallback.value) : undefined;
  return (
    compared.find((w) => DEVELOPMENT_WORD.test(w)) ??
    (fallback !== undefined && DEVELOPMENT_WORD.test(fallback) ? fallback : undefined) ??
    given.find((w) => DEVELOPMENT_WORD.test(w.trim()))?.trim() ??
    compared[0] ??
    'development'
  );
}

/**
 * The line to suggest for `setting` read from v's variable, false unless set: `== "1"` for a flag; for an
 * environment name, a comparison with its development word (`os.environ.get("ENV", "") == "dev"`), as `== "1"`
 * would never hold for a variable that holds dev or prod.
 */
export function switchComparison(
  setting: string,
  v: EnvSource,
  given: readonly string[],
  reads?: EnvironReads,
): string {
  const word = isEnvironmentName(v, given) ? developmentWord(v, given) : '1';
  return switchOn(setting, v.variable, word, reads);
}

/** `DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"`, with the names the module reads the environment by. */
export function switchOn(setting: string, variable: string, word: string, reads?: EnvironReads): string {
  return `${setting} = ${reads ? reads.get(variable, '') : `os.environ.get("${variable}", "")`} == "${word}"`;
}

/**
 * `${DEBUG:-true}` → `${DEBUG:-false}`, `${DEBUG:-1}` → `${DEBUG:-0}`: the same interpolation with a false default;
 * an empty one for settings that take the raw text, where any non-empty word is true.
 */
export function falseDefault(raw: string, rawText: boolean): string {
  return raw.replace(/(\$\{[A-Za-z_][A-Za-z0-9_]*:?-)([^}]*)\}/g, (_m, head: string, def: string) =>
    rawText ? `${head}}` : /^\d+$/.test(def.trim()) ? `${head}0}` : `${head}false}`,
  );
}
