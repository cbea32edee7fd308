import type { TextEdit } from '../../core/index.js';
import type { App } from '../../model/types/project.js';
import type { DatabaseConfig, SettingsModel, ValueSource } from '../../model/types/settings.js';
import { providedEnvironment } from '../../model/settings/index.js';
import { DATA_DIR, DATA_VOLUME, dataDirVolumeEdits } from './data-dir-fix.js';
import { appDatabases, type AppDatabases } from './each.js';
import { type EnvironReads, environReads } from './environ-names.js';
import { ensureImportOs, indentOf, linesOf, replaceInLine, replaceLines } from './fix.js';
import { givenDatabaseVariables, literalFallback } from './provided-config.js';
import type { FixContext, FixProposal } from './rule.js';
import { usesOs } from './settings-fix.js';

const SQLITE = 'django.db.backends.sqlite3';
const POSTGRES = /^django\.db\.backends\.postgresql(_psycopg2)?$/;
/** The keys a hard-coded configuration may have for the switch to carry all of its meaning. */
const SWITCHED_KEYS = new Set(['ENGINE', 'NAME', 'USER', 'PASSWORD', 'HOST', 'PORT']);
/** The variable each server field is read from, as the smoke test and most tutorials name them. */
const FIELD_VARIABLE: Record<string, string> = {
  NAME: 'DB_NAME',
  USER: 'DB_USER',
  PASSWORD: 'DB_PASSWORD',
  HOST: 'DB_HOST',
  PORT: 'DB_PORT',
};

/**
 * The variable the app's container is already given for a field of an `engine` entry (DATABASE_HOST in compose), else
 * DB_HOST.
 */
export function fieldVariable(app: App | undefined, key: string, engine?: string): string {
  const given = app ? givenDatabaseVariables(app, providedEnvironment(app), key, engine) : [];
  return given.find((n) => n === FIELD_VARIABLE[key]) ?? given[0] ?? FIELD_VARIABLE[key];
}

const literalText = (v: ValueSource | undefined) =>
  v?.kind === 'literal' && v.value !== null ? String(v.value) : undefined;

/** The file's quote style: single quotes where it mostly writes them. */
function quoter(lines: string[]): (s: string) => string {
  const text = lines.join('\n');
  const single = (text.match(/'/g) ?? []).length > (text.match(/"/g) ?? []).length;
  return (s) => (single ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(s));
}

/**
 * `os.environ.get('DB_PASSWORD', '')` (`environ.get`, `getenv` as the module imports them): a read that never fails
 * at import, so the other engine works without it.
 */
function envRead(reads: EnvironReads, q: (s: string) => string, variable: string, fallback: string): string {
  return `${reads.getter}(${q(variable)}, ${q(fallback)})`;
}

/**
 * A hard-coded DATABASES (one 'default' alias, only ENGINE/NAME/USER/PASSWORD/HOST/PORT, SQLite or PostgreSQL)
 * rewritten as the DB_ENGINE switch over DATABASES['sqlite'|'postgres'], the server fields read from DB_NAME,
 * DB_USER, DB_PASSWORD, DB_HOST, DB_PORT; the engine written in code stays the default. A SQLite alternative the
 * fix writes keeps its file under DATA_DIR, which the target stage sets to a VOLUME, as TF0602's fix does.
 */
export function databaseSwitch(context: FixContext): FixProposal | undefined {
  const found = appDatabases(context.project).find((d) => d.file === context.finding.file);
  if (!found || found.databases.selection.kind !== 'fixed' || found.databases.configs.length !== 1)
    return undefined;
  // The switch rewrites the whole assignment: another alias (`backup`) would be lost.
  if (found.databases.aliases?.length) return undefined;
  const lines = linesOf(context, found.file);
  const assignment = assignmentOf(found);
  if (!lines || !assignment) return undefined;
  const endLine = assignment.endLine ?? assignment.line;
  const config = found.databases.configs[0];
  const engine = literalText(config.fields.ENGINE);
  if (!engine || !(engine === SQLITE || POSTGRES.test(engine))) return undefined;
  if (Object.keys(config.fields).some((k) => !SWITCHED_KEYS.has(k))) return undefined;
  const q = quoter(lines);
  const reads = environReads(found.settings, found.file);
  const sqliteName = sqliteNameOf(
    config,
    lines,
    engine === SQLITE,
    q,
    found.settings.baseDir !== undefined,
    reads,
  );
  if (!sqliteName) return undefined;
  // Without the volume (no Dockerfile, DATA_DIR set elsewhere, a user that cannot be told) only the settings change.
  const volume = engine === SQLITE ? [] : (dataDirVolumeEdits(found.app) ?? []);
  const first = lines[assignment.line - 1];
  if (!/^DATABASES\s*=\s*\{/.test(first)) return undefined;
  // The step the block is indented by, when it is a plain step (not an alignment under the opening brace).
  const written = indentOf(lines[assignment.line] ?? '').length;
  const step = ' '.repeat(written >= 2 && written <= 8 ? written : 4);
  const field = (key: string, value: string) => `${step}${step}${q(key)}: ${value},`;
  // A name, user or port already read from the environment keeps its fallback (`config('DB_NAME', default='app')`);
  // a host's fallback (localhost) is what TF0401 reports.
  const kept = (key: string) => {
    const v = config.fields[key];
    return key === 'HOST' || !v ? undefined : literalFallback(v);
  };
  const fallback = (key: string, otherwise: string) =>
    POSTGRES.test(engine) && key !== 'PASSWORD'
      ? (literalText(config.fields[key]) ?? kept(key) ?? otherwise)
      : otherwise;
  const block = [
    'DATABASES = {',
    `${step}${q('sqlite')}: {`,
    field('ENGINE', q(SQLITE)),
    field('NAME', sqliteName),
    `${step}},`,
    `${step}${q('postgres')}: {`,
    field('ENGINE', q(POSTGRES.test(engine) ? engine : 'django.db.backends.postgresql')),
    ...['NAME', 'USER', 'PASSWORD', 'HOST', 'PORT'].map((key) =>
      field(
        key,
        envRead(
          reads,
          q,
          fieldVariable(found.app, key, 'postgresql'),
          fallback(key, { NAME: 'postgres', HOST: 'localhost', PORT: '5432' }[key] ?? ''),
        ),
      ),
    ),
    `${step}},`,
    '}',
    // A SQLite default is what TF1003 warns of: the variable is then required, and fails loudly when forgotten.
    engine === SQLITE
      ? `DATABASES[${q('default')}] = DATABASES[${reads.mapping}[${q('DB_ENGINE')}]]`
      : `DATABASES[${q('default')}] = DATABASES[${reads.getter}(${q('DB_ENGINE')}, ${q('postgres')})]`,
  ];
  return {
    title: `DATABASES chosen by DB_ENGINE (sqlite or postgres), the server read from DB_* variables${volume.length > 0 ? `, SQLite under ${DATA_DIR} on a VOLUME ${DATA_VOLUME}` : ''}`,
    edits: [
      ...(usesOs(block.join('\n')) ? ensureImportOs(found.file, lines) : []),
      replaceLines(found.file, assignment.line, endLine, block),
      ...volume,
    ],
    ...(literalText(config.fields.PASSWORD) ? { secrets: [literalText(config.fields.PASSWORD)!] } : {}),
    // Only a password written in code is a value the user must now provide.
    ...(engine === SQLITE
      ? { variables: ['DB_ENGINE'] }
      : literalText(config.fields.PASSWORD)
        ? { variables: [fieldVariable(found.app, 'PASSWORD', 'postgresql')] }
        : {}),
  };
}

/** The one DATABASES statement of the file, unconditional, holding exactly the 'default' alias. */
function assignmentOf(found: AppDatabases) {
  const seen = new Set<number>();
  // A module can be both the settings and one they star-import: each statement counts once.
  const all = [found.settings, ...(found.app.settingsBases ?? [])]
    .flatMap((s) => s.assignments.filter((a) => a.name === 'DATABASES' && (a.file ?? s.file) === found.file))
    .filter((a) => !seen.has(a.line) && seen.add(a.line));
  const [only] = all;
  if (all.length !== 1 || only.inBranch || only.condition || only.line !== found.databases.line)
    return undefined;
  if (only.value.kind !== 'dict' || only.value.entries.map((e) => e.key).join() !== 'default')
    return undefined;
  return only;
}

/**
 * The SQLite file: the NAME line as written when the code uses SQLite (its literal, in a one-line dict), else
 * db.sqlite3 under the directory DATA_DIR names, BASE_DIR its default (defined in the file, or in the settings it
 * star-imports: `os.path.join` takes either kind).
 */
function sqliteNameOf(
  config: DatabaseConfig,
  lines: string[],
  isSqlite: boolean,
  q: (s: string) => string,
  baseDirKnown: boolean,
  reads: EnvironReads,
): string | undefined {
  if (isSqlite) {
    const at = config.fieldLines?.NAME;
    const written = at ? /^\s*(["'])NAME\1\s*:\s*(.+?),?\s*(#.*)?$/.exec(lines[at - 1] ?? '') : null;
    let value = written?.[2];
    // The last line of a one-line dict ends with the braces that close it: they are not the value's.
    while (
      value &&
      /[,}]$/.test(value) &&
      (value.match(/}/g) ?? []).length > (value.match(/{/g) ?? []).length
    )
      value = value.slice(0, -1).trimEnd();
    const literal = literalText(config.fields.NAME);
    return value?.replace(/,$/, '') ?? (literal === undefined ? undefined : q(literal));
  }
  const text = lines.join('\n');
  const dataDir = `${reads.getter}(${q(DATA_DIR)}, BASE_DIR)`;
  if (/^BASE_DIR\s*=\s*Path\(/m.test(text)) return `Path(${dataDir}) / ${q('db.sqlite3')}`;
  const joined = `os.path.join(${dataDir}, ${q('db.sqlite3')})`;
  if (/^BASE_DIR\s*=/m.test(text)) return joined;
  if (baseDirKnown && /^from\s+\S+\s+import\s+\*/m.test(text)) return joined;
  return undefined;
}

/**
 * One literal credential of a DATABASES already chosen from the environment: its value, on its line, becomes a read of
 * DB_USER/DB_PASSWORD/DB_HOST with the literal as fallback (no fallback for a password).
 */
export function credentialFromEnvironment(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  const text = lines[finding.line - 1] ?? '';
  const written = /^(\s*(["'])(USER|PASSWORD|HOST)\2\s*:\s*)((["'])(?:(?!\5).)*\5)\s*,?\s*(#.*)?$/.exec(text);
  if (!written) return undefined;
  const key = written[3];
  const found = appDatabases(context.project).find((d) => d.file === finding.file);
  const value = written[4].slice(1, -1);
  const from = written[1].length + 1;
  // The password the module already reads from a secret file (`DB_PASSWORD = open(os.environ["…_FILE"]).read()`).
  const held =
    key === 'PASSWORD' && found ? secretFileVariable(found.settings, finding.file, finding.line) : undefined;
  if (held)
    return {
      title: `DATABASES PASSWORD from ${held.name}`,
      edits: [replaceInLine(finding.file, finding.line, from, from + written[4].length, held.name)],
      secrets: [value],
    };
  const variable = fieldVariable(found?.app, key, serverEngineOf(found));
  const read = envRead(
    environReads(found?.settings, finding.file),
    quoter(lines),
    variable,
    key === 'PASSWORD' ? '' : value,
  );
  const edits: TextEdit[] = [
    ...(usesOs(read) ? ensureImportOs(finding.file, lines) : []),
    replaceInLine(finding.file, finding.line, from, from + written[4].length, read),
  ];
  return {
    title: `DATABASES ${key} from ${variable}`,
    edits,
    ...(key === 'PASSWORD' ? { variables: [variable], secrets: [value] } : {}),
  };
}

/** The server engine an entry of the settings is written for, as the finding names it. */
function serverEngineOf(found: AppDatabases | undefined): string | undefined {
  return found?.databases.configs.find((c) => c.engine && c.engine !== SQLITE)?.engine;
}

/** Names a variable of the module may carry that hold a database password (`DB_PASSWORD`, `POSTGRES_PWD`). */
const PASSWORD_NAME = /(PASSWORD|PASSWD|PWD|_PASS$)/i;

/**
 * The module-level variable, assigned before `line` of `file`, that holds the content of a secret file named by an
 * environment variable (`DB_PASSWORD = open(os.environ["POSTGRES_PASSWORD_FILE"]).readline()`) under a password's
 * name; undefined when there is none, or several.
 */
export function secretFileVariable(
  settings: SettingsModel,
  file: string,
  line: number,
): { name: string; line: number; variable: string } | undefined {
  const found = settings.assignments.filter(
    (a) =>
      (a.file ?? settings.file) === file &&
      a.line < line &&
      PASSWORD_NAME.test(a.name) &&
      a.value.kind === 'env' &&
      a.value.fromFile === true,
  );
  const names = new Set(found.map((a) => a.name));
  const last = found.at(-1);
  return names.size === 1 && last?.value.kind === 'env'
    ? { name: last.name, line: last.line, variable: last.value.variable }
    : undefined;
}
