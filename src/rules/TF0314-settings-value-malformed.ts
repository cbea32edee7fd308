import type { RawFinding } from '../core/index.js';
import type { SettingAssignment, SettingsModel, ValueSource } from '../model/types/settings.js';
import { isEnginePath, liveAssignments, valueWhenUnset } from '../model/settings/index.js';
import { appSettings, writtenIn } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { type EnvironReads, environReads } from './lib/environ-names.js';
import { BOOLEAN_SETTINGS } from './lib/debug-switch.js';

export const settingsValueMalformed = defineRule({
  id: 'TF0314',
  name: 'settings-value-malformed',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "A setting read from the environment ends up with the wrong type: a stray trailing comma makes SECRET_KEY = (os.environ.get(...),) a tuple; ALLOWED_HOSTS from a raw string (os.environ.get('ALLOWED_HOSTS') without .split(...)) is a string, so Django checks Host headers against its characters; ALLOWED_HOSTS = [] while DEBUG can be off answers 400 to every request",
  help: `Some settings mistakes pass every local test and break only in production:

- a trailing comma turns \`SECRET_KEY = os.environ.get("SECRET_KEY"),\` into a one-element tuple, which Django
  rejects or signs with the wrong key;
- \`ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS")\` is a string, and Django tests the Host header against each of its
  characters, so no real host matches;
- \`ALLOWED_HOSTS = []\` is only accepted while \`DEBUG\` is on: with \`DEBUG\` off every request gets 400 Bad Request;
- a number Django adds to or compares with, read as it is (\`os.environ.get("CONN_MAX_AGE", 60)\`), is a string
  whenever the variable is set: \`CONN_MAX_AGE\` in DATABASES, \`SESSION_COOKIE_AGE\`, \`CSRF_COOKIE_AGE\`,
  \`DATA_UPLOAD_MAX_MEMORY_SIZE\`, \`FILE_UPLOAD_MAX_MEMORY_SIZE\`, \`DATA_UPLOAD_MAX_NUMBER_FIELDS\`,
  \`DATA_UPLOAD_MAX_NUMBER_FILES\`, \`PASSWORD_RESET_TIMEOUT\`, \`CACHE_MIDDLEWARE_SECONDS\` and \`EMAIL_TIMEOUT\` then
  raise TypeError where Django uses them (on every database connection, for \`CONN_MAX_AGE\`);
- an \`ENGINE\` that is no dotted module path (\`"django.db.backends,sqlite3"\`, a comma for a dot) is no backend
  Django can load: where it is taken (a fallback: whenever its variable is unset) every query fails with
  ImproperlyConfigured, and the database it seems to name is never used.

\`\`\`python
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h]
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { settings } of appSettings(project)) {
      for (const a of liveAssignments(settings, 'SECRET_KEY')) {
        if (a.value.kind !== 'list') continue;
        const reads = environReads(settings, a.file);
        findings.push({
          file: a.file ?? settings.file,
          line: a.line,
          message: secretKeyNotString(a.value, reads),
        });
      }
      for (const a of strayTupleReads(settings))
        findings.push({ file: a.file ?? settings.file, line: a.line, message: strayTupleMessage(a) });
      const hosts = liveAssignments(settings, 'ALLOWED_HOSTS');
      for (const a of hosts) {
        if (a.value.kind !== 'env' || a.value.whenSet !== 'text') continue;
        const read = environReads(settings, a.file).get(a.value.variable, '');
        findings.push({
          file: a.file ?? settings.file,
          line: a.line,
          message: `ALLOWED_HOSTS is the raw string of ${a.value.variable}, so Django checks the Host header against its single characters and rejects real hosts. Split it: ALLOWED_HOSTS = ${read}.split(",").`,
        });
      }
      const branch = emptyHostsBranchWhenUnset(settings);
      if (branch) {
        findings.push({
          file: branch.file ?? settings.file,
          line: branch.line,
          message: `ALLOWED_HOSTS is empty in this branch, which runs when no variable is set, and DEBUG is then off: Django answers 400 Bad Request to every request. Read the hosts from the environment: ALLOWED_HOSTS = ${hostsRead(settings, branch.file)}.`,
        });
      }
      findings.push(...numbersReadAsText(settings));
      findings.push(...enginesNotModulePaths(settings));
      const empty = emptyHosts(settings, hosts);
      if (empty && debugCanBeOff(settings, empty)) {
        findings.push({
          file: empty.file ?? settings.file,
          line: empty.line,
          message: `ALLOWED_HOSTS is empty while DEBUG can be off: Django then answers 400 Bad Request to every request. Read the hosts from the environment: ALLOWED_HOSTS = ${hostsRead(settings, empty.file)}.`,
        });
      }
    }
    return findings;
  },
});

/**
 * Numeric settings Django adds to or compares with, so a str raises TypeError: what breaks, the number type, and
 * Django's default (null: None, which means no limit).
 */
const NUMERIC_SETTINGS: Record<string, { breaks: string; type: 'int' | 'float'; byDefault: number | null }> =
  {
    CONN_MAX_AGE: {
      breaks:
        'Django adds it to time.monotonic() when it opens a database connection, so every connection fails',
      type: 'int',
      byDefault: 0,
    },
    SESSION_COOKIE_AGE: {
      breaks:
        'Django adds it to the current time when it sets the session cookie, so every response that saves a session fails',
      type: 'int',
      byDefault: 1209600,
    },
    CSRF_COOKIE_AGE: {
      breaks:
        'Django adds it to the current time when it sets the CSRF cookie, so every page that sets one fails',
      type: 'int',
      byDefault: 31449600,
    },
    DATA_UPLOAD_MAX_MEMORY_SIZE: {
      breaks: "Django compares a request body's length with it, so every request whose body is read fails",
      type: 'int',
      byDefault: 2621440,
    },
    FILE_UPLOAD_MAX_MEMORY_SIZE: {
      breaks: "Django compares an upload's size with it, so every file upload fails",
      type: 'int',
      byDefault: 2621440,
    },
    DATA_UPLOAD_MAX_NUMBER_FIELDS: {
      breaks: 'Django compares the number of fields of a form with it, so parsing a submitted form fails',
      type: 'int',
      byDefault: 1000,
    },
    DATA_UPLOAD_MAX_NUMBER_FILES: {
      breaks: 'Django compares the number of uploaded files with it, so parsing a multipart form fails',
      type: 'int',
      byDefault: 100,
    },
    PASSWORD_RESET_TIMEOUT: {
      breaks: "Django compares a reset token's age with it, so checking a password-reset link fails",
      type: 'int',
      byDefault: 259200,
    },
    CACHE_MIDDLEWARE_SECONDS: {
      breaks:
        'Django compares it with 0 when it sets the cache headers of a response, so those responses fail',
      type: 'int',
      byDefault: 600,
    },
    EMAIL_TIMEOUT: {
      breaks: "it becomes the SMTP socket's timeout, which must be a number, so sending mail fails",
      type: 'float',
      byDefault: null,
    },
  };

/**
 * Numeric settings (and DATABASES' CONN_MAX_AGE) read with os.environ/os.getenv and no int(): a str whenever the
 * variable is set, which Django cannot add to or compare with a number.
 */
function numbersReadAsText(settings: SettingsModel): RawFinding[] {
  const out = new Map<string, RawFinding>();
  const report = (what: string, setting: string, v: ValueSource, file: string) => {
    if (v.kind !== 'env' || v.whenSet !== 'text' || v.presence || v.fromFile) return;
    if (v.via !== 'environ.get' && v.via !== 'getenv' && v.via !== 'environ[]') return;
    const key = `${file}:${v.line}`;
    if (!out.has(key)) out.set(key, { file, line: v.line, message: numberAsTextMessage(what, setting, v) });
  };
  for (const name of Object.keys(NUMERIC_SETTINGS))
    if (name !== 'CONN_MAX_AGE')
      for (const a of liveAssignments(settings, name))
        report(name, name, a.value, writtenIn(settings, a.value, a));
  const databases = settings.databases;
  const configs = [...(databases?.configs ?? []), ...(databases?.aliases ?? []).flatMap((x) => x.configs)];
  for (const config of configs) {
    const v = config.fields['CONN_MAX_AGE'];
    if (v) report("DATABASES' CONN_MAX_AGE", 'CONN_MAX_AGE', v, writtenIn(settings, v));
  }
  return [...out.values()];
}

function numberAsTextMessage(
  what: string,
  setting: string,
  v: Extract<ValueSource, { kind: 'env' }>,
): string {
  const { breaks, type, byDefault } = NUMERIC_SETTINGS[setting];
  const fallback = v.fallback?.kind === 'literal' ? v.fallback.value : undefined;
  const numericFallback =
    typeof fallback === 'number' || (typeof fallback === 'string' && /^\d+(\.\d+)?$/.test(fallback));
  const when =
    v.required || typeof fallback === 'string'
      ? 'always a string'
      : `a string whenever ${v.variable} is set${typeof fallback === 'number' ? ` (the number ${fallback} is only its default)` : ''}`;
  const reader = v.via === 'getenv' ? 'os.getenv' : 'os.environ.get';
  const fix = v.required
    ? `${type}(os.environ["${v.variable}"])`
    : numericFallback
      ? `${type}(${reader}("${v.variable}", "${String(fallback)}"))`
      : byDefault !== null
        ? `${type}(${reader}("${v.variable}", "${byDefault}"))`
        : `${type}(os.environ["${v.variable}"]) if ${reader}("${v.variable}") else None`;
  return `${what} is read from ${v.variable} without a conversion, so it is ${when}, and ${breaks} with TypeError. Convert it: \`${fix}\`.`;
}

/**
 * An ENGINE that is no dotted module path (`"django.db.backends,sqlite3"`): Django cannot import it, so every query
 * fails with ImproperlyConfigured wherever that engine is the one taken (a fallback: when its variable is unset).
 */
function enginesNotModulePaths(settings: SettingsModel): RawFinding[] {
  const databases = settings.databases;
  const configs = [...(databases?.configs ?? []), ...(databases?.aliases ?? []).flatMap((x) => x.configs)];
  const out = new Map<string, RawFinding>();
  for (const config of configs) {
    const engine = config.engine;
    if (!engine || isEnginePath(engine)) continue;
    const read = config.fields['ENGINE'];
    const file = writtenIn(settings, config, databases);
    const line = config.fieldLines?.['ENGINE'] ?? config.line;
    const when =
      read?.kind === 'env'
        ? `when ${read.variable} is unset, `
        : config.selectedBy && config.selectedBy.test !== 'otherwise'
          ? `when ${config.selectedBy.variable} selects it, `
          : '';
    const meant = engine.trim().replace(/\s*[,;:/\\]\s*/g, '.');
    const written = isEnginePath(meant) ? `"${meant}"` : 'a dotted module path';
    const fix =
      read?.kind === 'env'
        ? `Write ${written}, or drop the fallback so a deploy without ${read.variable} fails at start.`
        : `Write ${written}.`;
    const notSqlite = /sqlite/i.test(engine) ? ' instead of using SQLite' : '';
    const key = `${file}:${line}`;
    if (!out.has(key))
      out.set(key, {
        file,
        line,
        message: `ENGINE${read?.kind === 'env' ? ' falls back to' : ' is'} "${engine}", which is no module path Django can import: ${when}Django cannot load a database backend and every query fails with ImproperlyConfigured${notSqlite}. ${fix}`,
      });
  }
  return [...out.values()];
}

const COUNTS = ['no', 'one', 'two', 'three', 'four'];

/** The hosts read from the environment, split, with the names the module imports. */
function hostsRead(settings: SettingsModel, file: string | undefined): string {
  return `${environReads(settings, file).get('DJANGO_ALLOWED_HOSTS', 'localhost')}.split(",")`;
}

/** What SECRET_KEY holds instead of a string, and the fix, naming the variable the code already reads. */
function secretKeyNotString(v: Extract<ValueSource, { kind: 'list' }>, reads: EnvironReads): string {
  const read = v.items.find((i) => i.kind === 'env');
  const variable = read?.kind === 'env' ? read.variable : 'DJANGO_SECRET_KEY';
  const fix = `SECRET_KEY = ${reads.required(variable)}${reads.requiredNote}`;
  const shape = v.written ?? 'tuple';
  if (v.items.length === 1)
    return shape === 'tuple'
      ? `SECRET_KEY is a one-element tuple (a stray trailing comma), not a string. Remove the comma: ${fix}.`
      : `SECRET_KEY is a one-element ${shape}, not a string. Drop the brackets: ${fix}.`;
  const count = COUNTS[v.items.length] ?? String(v.items.length);
  const [first, second] = v.items;
  const meantFallback =
    v.items.length === 2 &&
    first.kind === 'env' &&
    first.fallback === undefined &&
    !first.required &&
    second.kind === 'literal' &&
    typeof second.value === 'string';
  if (meantFallback)
    return `SECRET_KEY is a ${shape} of two values, the ${first.variable} variable and a literal string, not a string: probably ${reads.get(first.variable, '...')} was meant, but that literal fallback would be a key written in code (TF0301). Read the variable alone: ${fix}.`;
  return `SECRET_KEY is a ${shape} of ${count} values, not a string. Read one variable: ${fix}.`;
}

/**
 * Settings other than SECRET_KEY (judged above) that a stray trailing comma makes a one-element tuple of one variable
 * (`FRONTEND_URL = os.getenv("FRONTEND_URL"),`): no brackets, so no tuple was meant.
 */
function strayTupleReads(settings: SettingsModel): SettingAssignment[] {
  const names = new Set(
    settings.assignments.map((a) => a.name).filter((n) => n !== 'SECRET_KEY' && !SEQUENCE_SETTING.test(n)),
  );
  return [...names]
    .flatMap((name) => liveAssignments(settings, name))
    .filter((a) => a.value.kind === 'list' && a.value.bare && a.value.items.length === 1)
    .filter((a) => a.value.kind === 'list' && a.value.items[0]?.kind === 'env');
}

// Settings that hold a sequence, where a one-element tuple is a valid value (`INTERNAL_IPS = os.getenv("IP"),`).
const SEQUENCE_SETTING =
  /(^(ADMINS|MANAGERS|MIDDLEWARE|CORS_ORIGIN_WHITELIST)$|_(HOSTS|ORIGINS|IPS|DIRS|PATHS|APPS|BACKENDS|LIST)$)/;

function strayTupleMessage(a: SettingAssignment): string {
  const read = a.value.kind === 'list' ? a.value.items[0] : undefined;
  const variable = read?.kind === 'env' ? read.variable : a.name;
  // Django tests a boolean setting for truth, and a one-element tuple is always true.
  if (BOOLEAN_SETTINGS.includes(a.name))
    return `${a.name} is a one-element tuple (a stray trailing comma), not the value of ${variable}: a non-empty tuple is always true, so ${a.name} is on even when ${variable} is unset or says False. Remove the comma at the end of the line.`;
  return `${a.name} is a one-element tuple (a stray trailing comma), not the value of ${variable}: code that uses it as text gets "('…',)" (an f-string URL, a comparison). Remove the comma at the end of the line.`;
}

/** The one assignment that leaves ALLOWED_HOSTS empty, when nothing later (a branch, a star import) may fill it. */
function emptyHosts(settings: SettingsModel, hosts: SettingAssignment[]): SettingAssignment | undefined {
  if (hosts.length !== 1) return undefined;
  const [a] = hosts;
  if (a.value.kind !== 'list' || a.value.items.length > 0 || a.inBranch) return undefined;
  if ((settings.starImports ?? []).some((s) => s.line > a.line)) return undefined;
  return a;
}

/**
 * `if ENVIRONMENT == "production": ALLOWED_HOSTS = [...] else: ALLOWED_HOSTS = []`: the empty list in a branch that
 * is the final value when no variable is set, while DEBUG's final value then is false.
 */
function emptyHostsBranchWhenUnset(settings: SettingsModel): SettingAssignment | undefined {
  const hosts = finalWhenUnset(settings, 'ALLOWED_HOSTS');
  if (!hosts?.inBranch || hosts.value.kind !== 'list' || hosts.value.items.length > 0) return undefined;
  if (!hosts.file && (settings.starImports ?? []).some((s) => s.line > hosts.line)) return undefined;
  const debug = finalWhenUnset(settings, 'DEBUG');
  if (debug === undefined) return settings.assignments.some((a) => a.name === 'DEBUG') ? undefined : hosts;
  const off = valueWhenUnset(debug.value);
  return off?.kind === 'literal' && !off.value ? hosts : undefined;
}

/** The assignment that gives a setting its value when no variable is set; undefined when that cannot be told. */
function finalWhenUnset(settings: SettingsModel, name: string): SettingAssignment | undefined {
  let last: SettingAssignment | undefined;
  for (const a of settings.assignments) {
    if (a.name !== name) continue;
    if (a.activeWhenUnset === true) last = a;
    else if (a.activeWhenUnset === undefined && a.inBranch) return undefined;
  }
  return last;
}

/** DEBUG is unset (False), or some way it is obtained can be false; undefined values and later imports decide nothing. */
function debugCanBeOff(settings: SettingsModel, hosts: SettingAssignment): boolean {
  const debug = liveAssignments(settings, 'DEBUG');
  if (debug.length === 0) return (settings.starImports ?? []).length === 0;
  if ((settings.starImports ?? []).some((s) => s.line > hosts.line)) return false;
  return debug.some((a) => canBeFalse(a.value));
}

function canBeFalse(v: ValueSource): boolean {
  switch (v.kind) {
    case 'literal':
      return !v.value;
    case 'env':
      return true; // the environment can always say no
    case 'choice':
      return v.options.some(canBeFalse);
    default:
      return false;
  }
}
