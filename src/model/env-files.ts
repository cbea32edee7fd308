/** What an env template (`.env.example`) holds: a template with a real-looking secret counts as an env file. */
import { parseDotenv } from '../parse/dotenv.js';
import { isSecretName } from './secret-names.js';

// Values that only show where a secret goes: `change-me`, `your-secret-key`, `<password>`, `${X}`, `xxx`, `...`.
const PLACEHOLDER = /your|change|example|replace|placeholder|dummy|fixme|todo|xxx|<|>|\$\{|\.\.\.|^\*+$/i;
// Lowercase words joined by `_` or `-` that name the thing (`db_password`, `django-secret-key`): a label, not a value.
const NAMING_WORDS = /^[a-z]+(?:[_-][a-z]+)+$/;
// A description in brackets (`{Production secret}`, `[secret key]`), or a template engine's placeholder a generator
// fills (`{{ secret_key }}`): where the value goes, not the value.
const DESCRIBED = /^(?:\{\{[^{}]*\}\}|\{[^{}]*\}|\[[^[\]]*\])$/;

/** Whether a template's value only shows where a secret goes rather than holding one. */
export function isPlaceholderValue(name: string, value: string): boolean {
  return (
    value.length < 8 ||
    PLACEHOLDER.test(value) ||
    NAMING_WORDS.test(value) ||
    DESCRIBED.test(value) ||
    value.toLowerCase() === name.toLowerCase() ||
    madeOfWords(wordsOf(value), [...name.toLowerCase().split('_'), ...FILLER_WORDS, ...DEFAULT_WORDS])
  );
}

// Words a template's value glues to the name's own (`mysecretkey`, `devpassword`).
const FILLER_WORDS = ['my', 'the', 'a', 'dev', 'test', 'local', 'secret', 'key', 'password', 'pass', 'token'];
// Well-known default and demo credentials (`minioadmin`, `admin123!`, `postgres`): known to everyone, not a secret.
const DEFAULT_WORDS = [
  'admin',
  'root',
  'guest',
  'user',
  'demo',
  'postgres',
  'mysql',
  'minio',
  'django',
  'qwerty',
];

/**
 * The letters of a value without trailing digits and signs and without `_`/`-` between words (`testpass123!` →
 * `testpass`, `SECRET_KEY` → `secretkey`), or '' when not that shape.
 */
function wordsOf(value: string): string {
  const core = value.toLowerCase().replace(/[^a-z]+$/, '');
  return /^[a-z]+(?:[_-][a-z]+)*$/.test(core) ? core.replace(/[_-]/g, '') : '';
}

/** `secrettoken` for APM_SECRET_TOKEN: the value is only words of the name (and fillers) written together. */
function madeOfWords(value: string, words: string[]): boolean {
  if (value === '') return false;
  const usable = words.filter(Boolean);
  const can: boolean[] = [true];
  for (let end = 1; end <= value.length; end++)
    can[end] = usable.some(
      (w) => end >= w.length && can[end - w.length] && value.startsWith(w, end - w.length),
    );
  return can[value.length] === true;
}

/** What an env file's text says of its secrets, parsed once. */
export interface EnvSecrets {
  /** Secret-looking variables given a real-looking value (`SECRET_KEY=3k#…`), not a placeholder. */
  valued: string[];
  /**
   * It names secret-looking variables and gives each no value (`SECRET_KEY=` for a build step), and no URL carries a
   * password. A placeholder in a file not named as a template (`.env.sampel`) still counts as a value: the catalog
   * counts that file whatever it holds.
   */
  leavesEmpty: boolean;
  /** It names no secret-looking variable and no URL in it carries a password (`DEBUG=1` alone). */
  namesNone: boolean;
}

export function envSecrets(text: string): EnvSecrets {
  const entries = Object.entries(parseDotenv(text));
  const secrets = entries.filter(([name]) => isSecretName(name));
  const urlCredential = credentialInUrl(entries);
  return {
    valued: secrets.filter(([name, value]) => !isPlaceholderValue(name, value)).map(([name]) => name),
    leavesEmpty: secrets.length > 0 && secrets.every(([, value]) => value === '') && !urlCredential,
    namesNone: secrets.length === 0 && !urlCredential,
  };
}

/** Names of secret-looking variables a template gives a real-looking value (`SECRET_KEY=3k#…`). */
export function secretsInEnvTemplate(text: string): string[] {
  return envSecrets(text).valued;
}

function credentialInUrl(entries: [string, string][]): boolean {
  return entries.some(([, value]) => /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^@\s]+@/i.test(value));
}
export { hasTemplateName, isEnvStyleName, isEnvTemplateName, isInEnvDir } from '../discover/env-files.js';
