import { type RawFinding, code, msg } from '../core/index.js';
import type { App } from '../model/types/project.js';
import type { DatabaseConfig, ValueSource } from '../model/types/settings.js';
import { isServerEngine, providedEnvironment, valueWhenUnset } from '../model/settings/index.js';
import { appDatabases, literalElsewhere, writtenIn } from './lib/each.js';
import {
  credentialFromEnvironment,
  databaseSwitch,
  fieldVariable,
  secretFileVariable,
} from './lib/databases-fix.js';
import { givenDatabaseVariables } from './lib/provided-config.js';
import { environReads } from './lib/environ-names.js';
import { defineRule } from './lib/rule.js';

const KEYS = ['USER', 'PASSWORD', 'HOST'] as const;

export const databaseCredentialsInCode = defineRule({
  id: 'TF0304',
  name: 'database-credentials-in-code',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "A DATABASES entry for a server engine has a literal PASSWORD, USER or HOST not read from the environment; as notice when read from the environment with a literal fallback password (the pattern os.environ.get('DB_PASSWORD', 'django'))",
  help: `Where the database is and who may log in to it differ for every deploy (a laptop, CI, staging, production),
and the password is a secret. Written in \`DATABASES\`, they are in every clone of the repository, and pointing the
same image at another database needs a new commit and a new image. A fallback password
(\`os.environ.get("DB_PASSWORD", "django")\`) is only a notice: the environment can override it, but a deploy that
forgets the variable silently uses the password from the repository.

\`\`\`python
# Before
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "shop", "USER": "shop", "PASSWORD": "s3cret", "HOST": "db",
}}

# After
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": os.environ["DB_NAME"],
    "USER": os.environ["DB_USER"],
    "PASSWORD": os.environ["DB_PASSWORD"],
    "HOST": os.environ["DB_HOST"],
    "PORT": os.environ.get("DB_PORT", "5432"),
}}
\`\`\`

An empty \`USER\`, \`PASSWORD\` or \`HOST\` (\`''\`) is a value written in code too: no password, or localhost
(inside the container, the app's own), the same for every deploy; it is reported with what it means. SQLite
configurations have no credentials and are not judged.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    // Once per key line, even where two apps share the settings: the first app's words (its compose service) win.
    const seen = new Set<string>();
    for (const { app, databases, settings } of appDatabases(project)) {
      const aliases = [{ name: 'default', configs: databases.configs }, ...(databases.aliases ?? [])];
      for (const alias of aliases)
        for (const config of alias.configs) {
          if (!mayBeServer(config)) continue;
          const where = `DATABASES '${alias.name}'${engineNamed(config)}`;
          for (const key of KEYS) {
            const v = config.fields[key];
            // A read whose fallback is another alternative's literal (`.update(dj_database_url.config())` in a branch):
            // that alternative reports the literal, saying when the read replaces it.
            if (!v || literalAlternative(v, key, alias.configs)) continue;
            // A literal set on the key later (`DATABASES["default"]["HOST"] = "127.0.0.1"`) is reported where it is set.
            const setOnKey = laterLiteral(v, config);
            const keyLine = setOnKey ? undefined : config.fieldLines?.[key];
            const line = keyLine ?? v.line;
            const file = keyLine ? writtenIn(settings, config) : writtenIn(settings, v, config);
            const id = `${key}\0${file}\0${line}`;
            if (seen.has(id)) continue;
            // A literal imported from another module of the project is reported where it is written; so is the
            // fallback of a read made there (`db_password = "…"`, replaced when the variable is set).
            const elsewhere =
              fallbackElsewhere(key, v, { file, line }) ?? literalElsewhere(v, { file, line });
            // A literal bound to a name lines away (`HOST = "db"` in a branch, then `"HOST": HOST`): where it is written.
            const written =
              !elsewhere && v.kind === 'literal' && v.line !== line && (v.file ?? file) === file
                ? ` (the value written at line ${String(v.line)})`
                : '';
            const finding = credentialFinding(
              app,
              key,
              v,
              `${where}${elsewhere?.usedAt ?? ''}`,
              setOnKey ? `DATABASES["${alias.name}"]["${key}"] = ` : undefined,
              replacedWhen(v, key, alias.configs),
              config.engine,
              key === 'PASSWORD' && !elsewhere ? secretFileVariable(settings, file, line) : undefined,
              written,
              environReads(settings, file),
            );
            if (!finding) continue;
            seen.add(id);
            findings.push({ file: elsewhere?.file ?? file, line: elsewhere?.line ?? line, ...finding });
          }
        }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'A hard-coded DATABASES becomes the `DB_ENGINE` switch (as TF0305\'s fix); in a DATABASES already chosen from the environment, the literal USER/HOST becomes a read of `DB_USER`/`DB_HOST` with it as fallback, and PASSWORD a read of `DB_PASSWORD` without one; a variable the app\'s container is already given for the field (`DATABASE_HOST`, `POSTGRES_PASSWORD`) is read instead; a PASSWORD becomes the Python variable the module already reads from a secret file (`DB_PASSWORD = open(os.environ["POSTGRES_PASSWORD_FILE"]).read()`) where there is one.',
    declines:
      'a PASSWORD already read from the environment with a literal fallback (the notice): dropping the fallback is left to the author, who decides how a deploy without the variable should fail; a credential written in another module of the project that the settings import (reported where it is written).',
    make: (context) => databaseSwitch(context) ?? credentialFromEnvironment(context),
  },
});

/**
 * The finding for one credential field: a literal in code (error), or a literal fallback password (notice); with
 * `assignedAs`, the literal was set on the key by an assignment of its own, which the suggestion keeps.
 */
function credentialFinding(
  app: App,
  key: (typeof KEYS)[number],
  v: ValueSource,
  where: string,
  assignedAs?: string,
  unless?: string,
  engine?: string,
  held?: { name: string; line: number; variable: string },
  written = '',
  reads = environReads(undefined, undefined),
): Omit<RawFinding, 'file' | 'line'> | undefined {
  // The module already reads the password from a secret file into a variable: that is what the key should use.
  if (isCredential(v) && held) {
    const use = assignedAs ? `${assignedAs}${held.name}` : `"${key}": ${held.name}`;
    return msg`${where} has ${key} as a literal value in code${written}${unless ? `, used ${unless}` : ''}; line ${String(held.line)} already reads ${held.name} from the file ${held.variable} names (a secret file), so use it: ${code(use)}.`;
  }
  const empty = emptyMeaning(v, key, engine);
  if (isCredential(v) || empty) {
    // The variable the app's container is already given for the field, as the fix reads it; else DB_USER...
    const variable = fieldVariable(app, key, engine);
    const given = givenDatabaseVariables(app, providedEnvironment(app), key, engine).includes(variable)
      ? ` (the app's container is already given ${variable})`
      : '';
    const read = reads.required(variable);
    const literal = empty ? `as an empty string in code (${empty})` : 'as a literal value in code';
    return msg`${where} has ${key} ${literal}${written}${unless ? `, used ${unless}` : ''}; read it from the environment so each deploy sets its own: ${code(assignedAs ? `${assignedAs}${read}` : `"${key}": ${read}`)}${reads.requiredNoteMessage}${given}.`;
  }
  if (key !== 'PASSWORD' || v.kind !== 'env' || !isLiteralFallback(valueWhenUnset(v))) return undefined;
  return {
    severity: 'notice',
    message: v.fromFile
      ? `${where} reads PASSWORD from ${readsFrom(v)} but falls back to a literal password when ${envChain(v)[0]} is unset; drop the fallback so a deploy without the secret fails instead of using the password from the repository.`
      : `${where} reads PASSWORD from ${readsFrom(v)} but falls back to a literal password when it is unset; drop the fallback so a deploy without the variable fails instead of using the password from the repository.`,
  };
}

/**
 * A fallback password written on a line of its own (`except KeyError: DB_PASSWORD = "pw"`, a constant given as the
 * default): reported at the literal, as a default written in the entry is.
 */
function fallbackElsewhere(
  key: (typeof KEYS)[number],
  v: ValueSource,
  used: { file: string; line: number },
): { file: string; line: number; usedAt: string } | undefined {
  if (key !== 'PASSWORD' || v.kind !== 'env') return undefined;
  const fallback = valueWhenUnset(v);
  if (!fallback || !isLiteralFallback(fallback)) return undefined;
  const file = fallback.file ?? used.file;
  if (file === used.file && fallback.line === used.line) return undefined;
  const usedAt = file === used.file ? ` at line ${used.line}` : ` (in ${used.file} at line ${used.line})`;
  return { file, line: fallback.line, usedAt };
}

/**
 * Whether the key's value reads a variable whose fallback is the literal another alternative of the entry has at the
 * same place: the entry written in code, replaced from the environment only in a branch.
 */
function literalAlternative(v: ValueSource, key: string, configs: DatabaseConfig[]): boolean {
  if (v.kind !== 'env') return false;
  const fallback = valueWhenUnset(v);
  return configs.some((c) => {
    const own = c.fields[key];
    return own !== v && own?.kind === 'literal' && sameLiteral(own, fallback);
  });
}

/**
 * When the literal is replaced from the environment, where another alternative of the entry reads the key from a
 * variable with this literal as its fallback: `unless ENVIRONMENT is 'production' (where DATABASE_URL, when set,
 * replaces it)`; undefined when no such alternative exists or its condition cannot be said.
 */
function replacedWhen(v: ValueSource, key: string, configs: DatabaseConfig[]): string | undefined {
  if (v.kind !== 'literal') return undefined;
  const clauses = configs.flatMap((c) => {
    const read = c.fields[key];
    if (read?.kind !== 'env' || !sameLiteral(v, valueWhenUnset(read)) || !c.selectedBy) return [];
    const by = c.selectedBy;
    const test = by.test ?? 'equals';
    const when =
      test === 'equals'
        ? `${by.variable} is '${by.value}'`
        : test === 'set'
          ? `${by.variable} is set`
          : test === 'unset'
            ? `${by.variable} is unset`
            : undefined;
    return when ? [`unless ${when} (where ${read.variable}, when set, replaces it)`] : [];
  });
  return clauses.length === 1 ? clauses[0] : undefined;
}

function sameLiteral(a: ValueSource, b: ValueSource | undefined): boolean {
  return (
    b?.kind === 'literal' &&
    a.kind === 'literal' &&
    a.line === b.line &&
    a.file === b.file &&
    a.value === b.value
  );
}

/** A literal assigned to the key after the entry was written, in the same module. */
function laterLiteral(v: ValueSource, config: DatabaseConfig): boolean {
  const keyLine = Object.values(config.fieldLines ?? {});
  return (
    v.kind === 'literal' && v.file === config.file && keyLine.length > 0 && v.line > Math.max(...keyLine)
  );
}

/** A server engine, or an engine the environment can switch to one (ENGINE read from a variable). */
function mayBeServer(config: DatabaseConfig): boolean {
  if (config.engine && isServerEngine(config.engine)) return true;
  return config.fields.ENGINE?.kind === 'env';
}

/**
 * The engine the credential belongs to: a server engine, never the SQLite fallback of an ENGINE read from a variable
 * (the credential is for whatever server engine the variable selects).
 */
function engineNamed(config: DatabaseConfig): string {
  if (config.engine && isServerEngine(config.engine)) return ` (${config.engine})`;
  const field = config.fields.ENGINE;
  if (field?.kind !== 'env') return '';
  const [own, ...over] = envChain(field);
  return ` (the server engine ${own} selects${over.length ? `, or ${over.join(' or ')} when set` : ''})`;
}

/**
 * The variables a value is read from, the one whose fallback is written in code first: `SQL_PASSWORD` read under a
 * database URL merged over the dict (`DATABASES["default"].update(dj_database_url.config())`) is SQL_PASSWORD's.
 */
function envChain(v: ValueSource): string[] {
  const out: string[] = [];
  for (let x: ValueSource | undefined = v; x?.kind === 'env' && out.length < 20; x = x.fallback)
    out.unshift(x.variable);
  return out;
}

/** `SQL_PASSWORD (DATABASE_URL, when set, replaces it)`: the read with the literal fallback, and what overrides it. */
function readsFrom(v: ValueSource): string {
  const [own, ...over] = envChain(v);
  const read = v.kind === 'env' && v.fromFile ? `the file named by ${own} (a secret file)` : own;
  return over.length ? `${read} (${over.join(' or ')}, when set, replaces it)` : read;
}

/**
 * What an empty literal USER, PASSWORD or HOST fixes in code (Django passes no value, the client library uses its own
 * default); undefined for any other value, and for Oracle's HOST (empty, NAME carries the address).
 */
function emptyMeaning(v: ValueSource, key: (typeof KEYS)[number], engine?: string): string | undefined {
  if (v.kind !== 'literal' || typeof v.value !== 'string' || v.value.trim() !== '') return undefined;
  if (key === 'USER') return "the client logs in as the operating-system user the app's process runs as";
  if (key === 'PASSWORD') return 'no password: the server must let the user in without one';
  if (engine && /oracle/.test(engine)) return undefined;
  return "Django connects to localhost, a server inside the app's own container";
}

/** A literal fallback password; 'None' is str(None) from `f'{os.environ.get("X")}'`, no password in the repository. */
function isLiteralFallback(v: ValueSource | undefined): boolean {
  return isCredential(v) && !(v?.kind === 'literal' && v.value === 'None');
}

function isCredential(v: ValueSource | undefined): boolean {
  // `"db" if os.getenv("DB_NAME") else "localhost"`: the environment picks between values written in code.
  if (v?.kind === 'choice') return v.options.length > 0 && v.options.every(isCredential);
  if (v?.kind !== 'literal') return false;
  if (typeof v.value === 'string') return v.value.trim() !== '';
  return typeof v.value === 'number';
}
