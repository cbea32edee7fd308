/** DATABASES resolution: the configs DATABASES['default'] can end up as, and what selects among them. */
import type { DatabaseConfig, DatabasesModel, ValueSource } from '../types/settings.js';
import {
  markRequired,
  truthAnd,
  type Alternative,
  type Condition,
  type PyOf,
  type PyValue,
  type Truth,
} from './value.js';

/** How the config being walked is reached: the variable value that selects it, whether it is the default one. */
interface Selection {
  selectedBy?: DatabaseConfig['selectedBy'];
  isDefault: Truth;
  /** The `if X:` / `if os.getenv("X"):` test of the branch this value sits in, on whether X is set. */
  presenceTest?: { variable: string; line: number; file?: string };
}

/**
 * A variable that chooses among configs: a switch on its value, a database URL, ENGINE read from it, or a branch on a
 * value computed from it (`urlparse(DATABASE_URL).scheme == 'sqlite'`).
 */
interface Selector {
  kind: 'env' | 'url' | 'engine' | 'derived';
  variable: string;
  default?: string;
  line: number;
  /** The module that reads or tests the variable, when not the settings module itself. */
  file?: string;
  /** The `if "X" in os.environ:` test that picks the read over the value written before it. */
  test?: { line: number; file?: string };
  /** A branch on `all([A, B, C])`: every one of these must be set to take it. */
  allOf?: string[];
}

const SERVER_FIELDS = ['NAME', 'USER', 'PASSWORD', 'HOST'];
// Deeper nesting of alternatives in DATABASES than this is not followed.
const MAX_DEPTH = 20;

/** The DATABASES model of the value DATABASES has at the end of the module, assigned at `line`. */
export function resolveDatabases(
  value: PyValue,
  line: number,
  toSource: (v: PyValue) => ValueSource,
): DatabasesModel {
  const builder = new DatabasesBuilder(toSource);
  builder.walkDatabases(value, { isDefault: true });
  const model = builder.result(line);
  const aliases = otherAliases(value, toSource);
  if (aliases.length > 0) model.aliases = aliases;
  return model;
}

/** The aliases beside 'default' (`backup`, `replica`), each walked on its own: their credentials are judged too. */
function otherAliases(
  value: PyValue,
  toSource: (v: PyValue) => ValueSource,
): NonNullable<DatabasesModel['aliases']> {
  const dicts = value.t === 'dict' ? [value] : value.t === 'choice' ? value.options.map((o) => o.v) : [];
  const out: NonNullable<DatabasesModel['aliases']> = [];
  for (const d of dicts) {
    if (d.t !== 'dict') continue;
    for (const entry of d.entries) {
      if (entry.key === 'default' || out.some((a) => a.name === entry.key)) continue;
      const builder = new DatabasesBuilder(toSource);
      builder.walkDatabases(
        { t: 'dict', entries: [{ ...entry, key: 'default' }], line: d.line },
        { isDefault: true },
      );
      const { configs } = builder.result(entry.line);
      if (configs.length > 0) out.push({ name: entry.key, configs });
    }
  }
  return out;
}

class DatabasesBuilder {
  private readonly configs: DatabaseConfig[] = [];
  private readonly selectors: Selector[] = [];
  /** Some config is chosen by a test the analysis cannot follow: the choice is not known to be fixed in code. */
  private untraced = false;
  private readonly overrides: NonNullable<DatabasesModel['engineOverrides']> = [];

  constructor(private readonly toSource: (v: PyValue) => ValueSource) {}

  walkDatabases(v: PyValue, sel: Selection, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    if (v.t === 'dict') {
      const entry = v.entries.find((e) => e.key === 'default');
      if (entry) this.walkDefault(entry.value, sel, depth + 1);
    } else if (v.t === 'choice') {
      for (const o of v.options) this.walkDatabases(o.v, this.option(o, sel), depth + 1);
    } else if (v.t === 'env') {
      this.walkEnv(v, sel, (x, s) => this.walkDatabases(x, s, depth + 1));
    }
  }

  private walkDefault(v: PyValue, sel: Selection, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (v.t === 'dict') this.fromDict(v, sel);
    else if (v.t === 'choice')
      for (const o of v.options) this.walkDefault(o.v, this.option(o, sel), depth + 1);
    else if (v.t === 'env') this.walkEnv(v, sel, (x, s) => this.walkDefault(x, s, depth + 1));
  }

  private walkEnv(v: PyOf<'env'>, sel: Selection, next: (v: PyValue, s: Selection) => void): void {
    const variable = v.read.variable;
    if (v.dbUrl) {
      const over = v.engineOverride;
      if (over)
        this.overrides.push({
          variable,
          engine: over.v,
          line: over.line,
          ...(over.file ? { file: over.file } : {}),
        });
      // The URL still gives the server and the credentials; with ENGINE written over it, it selects no engine.
      else
        this.selectors.push({
          kind: 'url',
          variable,
          default: v.read.defaultText,
          line: v.read.line,
          file: v.read.file,
          test:
            v.chosenAt ?? (sel.presenceTest?.variable === variable ? testAt(sel.presenceTest) : undefined),
        });
      if (v.unset.t === 'dict' && v.unset.entries.length > 0)
        this.fromDict(v.unset, { ...sel, isDefault: sel.isDefault }, v);
      // A default chosen in code (`url_a if USE_DOCKER else url_b`): each URL is a config of its own.
      if (v.unset.t === 'choice')
        for (const o of v.unset.options)
          if (o.v.t === 'dict' && o.v.entries.length > 0)
            this.fromDict(o.v, { ...sel, isDefault: truthAnd(sel.isDefault, o.activeWhenUnset) }, v);
      return;
    }
    if (v.cases) {
      this.selectors.push({
        kind: 'env',
        variable,
        default: v.unsetKey ?? v.read.defaultText,
        line: v.read.line,
        file: v.read.file,
      });
      const isDefault = (c: { value: string; v: PyValue }) => c.v === v.unset || v.unsetKey === c.value;
      for (const c of v.cases)
        next(c.v, {
          selectedBy: { variable, value: c.value },
          isDefault: truthAnd(sel.isDefault, isDefault(c)),
        });
      // TABLE.get(value, fallback): the fallback is one more alternative, the one used when the variable is unset.
      if (!v.cases.some(isDefault) && v.unset.t !== 'unknown')
        next(v.unset, { selectedBy: { variable, value: '', test: 'otherwise' }, isDefault: sel.isDefault });
      return;
    }
    this.selectors.push({
      kind: 'env',
      variable,
      default: v.read.defaultText,
      line: v.read.line,
      file: v.read.file,
    });
    next(v.unset, { selectedBy: sel.selectedBy, isDefault: sel.isDefault });
  }

  private option(o: Alternative, sel: Selection): Selection {
    if (o.untraced) this.untraced = true;
    const read = o.when?.derivedFrom;
    if (read)
      this.selectors.push({
        kind: 'derived',
        variable: read.variable,
        default: read.defaultText,
        line: read.line,
        file: read.file,
      });
    else if (o.when)
      this.selectors.push({
        kind: 'env',
        variable: o.when.variable,
        line: o.when.line,
        file: o.when.file,
        ...(o.when.allOf ? { allOf: o.when.allOf } : {}),
      });
    const presence =
      o.when && !read && (o.when.test === 'set' || o.when.test === 'unset') ? o.when : undefined;
    return {
      // No value of the variable selects the branch (a URL's scheme does), so none is named.
      selectedBy: o.when && !read ? selectedBy(o.when) : sel.selectedBy,
      isDefault: truthAnd(sel.isDefault, o.activeWhenUnset),
      ...(presence
        ? { presenceTest: { variable: presence.variable, ...testAt(presence) } }
        : sel.presenceTest
          ? { presenceTest: sel.presenceTest }
          : {}),
    };
  }

  private fromDict(d: PyOf<'dict'>, sel: Selection, url?: PyOf<'env'>): void {
    const engineValue = d.entries.find((e) => e.key === 'ENGINE')?.value;
    // Under a URL (`DATABASES["default"].update(dj_database_url.config())`), the dict the URL leaves when unset may
    // read ENGINE from a variable of its own (`SQL_ENGINE`, SQLite by default): its engines are the fallback's.
    const variants =
      engineValue?.t === 'env' && (!url || engineValue.read.variable !== url.read.variable)
        ? this.engineVariants(engineValue, sel)
        : [
            {
              engine: engineValue ? engineString(engineValue) : url || !d.complete ? undefined : DUMMY_ENGINE,
              sel,
            },
          ];
    for (const variant of variants) {
      if (!url && variant.engine && isServerEngine(variant.engine))
        for (const key of SERVER_FIELDS) {
          const value = d.entries.find((e) => e.key === key)?.value;
          if (value?.t === 'env' && !value.derived && value.unset.t === 'none') markRequired(value.read);
        }
      const config: DatabaseConfig = { line: url ? url.read.line : d.line, ...this.fields(d, url) };
      const file = url ? url.read.file : d.file;
      if (file) config.file = file;
      // An empty ENGINE is Django's dummy backend, and so is none in a dict whose every key is known (Django's
      // default): still an engine fixed in code.
      if (variant.engine !== undefined) config.engine = variant.engine;
      if (variant.sel.selectedBy) config.selectedBy = variant.sel.selectedBy;
      if (variant.sel.isDefault !== undefined) config.isDefault = variant.sel.isDefault;
      this.configs.push(config);
    }
  }

  /** ENGINE read from a variable: one variant per engine it can name. */
  private engineVariants(engineValue: PyOf<'env'>, sel: Selection): { engine?: string; sel: Selection }[] {
    const variable = engineValue.read.variable;
    this.selectors.push({
      // ENGINE taken from what a URL parses to: the URL selects the database
      kind: engineValue.derived && holdsUrl(engineValue.read) ? 'url' : 'engine',
      variable,
      default: engineValue.read.defaultText,
      line: engineValue.read.line,
      file: engineValue.read.file,
    });
    if (engineValue.cases)
      return engineValue.cases.map((c) => ({
        engine: engineString(c.v),
        sel: {
          selectedBy: { variable, value: c.value },
          isDefault: truthAnd(sel.isDefault, engineValue.unsetKey === c.value),
        },
      }));
    const engine = engineString(engineValue.unset);
    return [
      {
        engine,
        sel: {
          selectedBy:
            engine && engineValue.read.defaultText !== undefined
              ? { variable, value: engineValue.read.defaultText }
              : sel.selectedBy,
          isDefault: engine ? sel.isDefault : false,
        },
      },
    ];
  }

  /** The fields of a config dict; from a URL, each is the URL variable's read with the field as its fallback. */
  private fields(d: PyOf<'dict'>, url?: PyOf<'env'>): Pick<DatabaseConfig, 'fields' | 'fieldLines'> {
    const fields: Record<string, ValueSource> = {};
    const fieldLines: Record<string, number> = {};
    for (const e of d.entries) {
      fieldLines[e.key] = e.line;
      const source = this.toSource(e.value);
      fields[e.key] = url
        ? {
            kind: 'env',
            variable: url.read.variable,
            via: url.read.via,
            required: url.read.required,
            fallback: source,
            line: url.read.line,
            ...(url.read.file ? { file: url.read.file } : {}),
          }
        : source;
    }
    return { fields, fieldLines };
  }

  result(line: number): DatabasesModel {
    this.dropOptionBranches();
    // `postgresql_psycopg2` is the old name of `postgresql`: a branch between them selects no other database.
    const engines = new Set(this.configs.map((c) => c.engine?.replace(/_psycopg2$/, '') ?? '?'));
    const url = this.selectors.find((s) => s.kind === 'url');
    const engine = this.selectors.find((s) => s.kind === 'engine');
    // In an if/elif/else chain the branch that matters is the one whose test selects a server engine: a CI test
    // that picks another SQLite is not what decides whether the deployed app falls back to SQLite.
    const serverVariables = new Set(
      this.configs.filter((c) => c.engine && isServerEngine(c.engine)).map((c) => c.selectedBy?.variable),
    );
    const branches = this.selectors.filter((s) => s.kind === 'env');
    const branch =
      engines.size > 1 ? (branches.find((s) => serverVariables.has(s.variable)) ?? branches[0]) : undefined;
    const derived = engines.size > 1 ? this.selectors.find((s) => s.kind === 'derived') : undefined;
    // ENGINE read from a variable inside a branch whose absence selects SQLite (`if os.environ.get("EXTERNAL_DB"):`
    // then `ENGINE: os.environ.get("DB_ENGINE", "…mysql")`): the branch's test is what leaves SQLite.
    const sqliteBranch = this.configs.find(
      (c) =>
        c.isDefault === true &&
        c.engine !== undefined &&
        isSqliteEngine(c.engine) &&
        branches.some((b) => b.variable === c.selectedBy?.variable),
    )?.selectedBy?.variable;
    // Only where another branch can leave SQLite: a switch between two SQLite files (settings modules) selects none.
    const leaves = engines.size > 1 || engine !== undefined || url !== undefined;
    const sqliteSwitch =
      sqliteBranch && leaves ? branches.find((b) => b.variable === sqliteBranch) : undefined;
    // `if USE_PG: dj_database_url.config(…) else: SQLite`: the test leaves SQLite, not the URL read inside its branch.
    const switchFirst = sqliteSwitch && url?.variable !== sqliteBranch ? sqliteSwitch : undefined;
    let selection: DatabasesModel['selection'];
    const pick = switchFirst ?? url ?? engine ?? branch ?? derived;
    if (pick) {
      const chosen: DatabasesModel['selection'] & { kind: 'env' | 'url' } = {
        kind: pick.kind === 'url' || (pick.kind === 'derived' && holdsUrl(pick)) ? 'url' : 'env',
        variable: pick.variable,
        line: pick.line,
      };
      if (pick.default !== undefined) chosen.default = pick.default;
      if (pick.file) chosen.file = pick.file;
      if (pick.test) chosen.test = pick.test;
      if (chosen.kind === 'env' && pick.allOf) chosen.allOf = pick.allOf;
      selection = chosen;
    } else if (this.configs.length > 0 && !engines.has('?') && !(this.untraced && engines.size > 1))
      selection = { kind: 'fixed' };
    // A URL with no default whose ENGINE is written over (`env.db("DATABASE_URL")`, then `…["ENGINE"] = "mssql"`).
    else if (this.configs.length === 0 && this.overrides.length > 0) selection = { kind: 'fixed' };
    else selection = { kind: 'unknown' };
    const model: DatabasesModel = { line, selection, configs: this.configs };
    if (this.overrides.length > 0) model.engineOverrides = this.overrides;
    return model;
  }

  /**
   * A branch inside the server branch that only adds options (`if not DB_IGNORE_SSL:` then `…["OPTIONS"] = …`) selects
   * no engine: its configs are taken as selected by the test that leaves the SQLite default, and its selectors dropped.
   */
  private dropOptionBranches(): void {
    const sqlite = this.configs.find(
      (c) =>
        c.isDefault === true &&
        c.engine !== undefined &&
        isSqliteEngine(c.engine) &&
        c.selectedBy?.test === 'unset',
    );
    const variables = new Set(this.selectors.filter((s) => s.kind === 'env').map((s) => s.variable));
    for (const variable of variables) {
      const by = this.configs.filter((c) => c.selectedBy?.variable === variable);
      const engines = new Set(by.map((c) => c.engine));
      const tests = new Set(by.map((c) => c.selectedBy?.test ?? 'equals'));
      if (by.length < 2 || engines.size !== 1 || !by[0].engine || !isServerEngine(by[0].engine)) continue;
      if (by.some((c) => c.isDefault === true) || !tests.has('set') || !tests.has('unset')) continue;
      for (const c of by)
        if (sqlite?.selectedBy)
          c.selectedBy = { variable: sqlite.selectedBy.variable, value: '', test: 'set' };
        else delete c.selectedBy;
      for (let i = this.selectors.length - 1; i >= 0; i--)
        if (this.selectors[i].variable === variable && this.selectors[i].kind === 'env')
          this.selectors.splice(i, 1);
    }
  }
}

function selectedBy(c: Condition): DatabaseConfig['selectedBy'] {
  if (c.test === 'equals') return { variable: c.variable, value: c.value };
  if (c.test === 'set' || c.test === 'unset') return { variable: c.variable, value: '', test: c.test };
  return { variable: c.variable, value: '', test: 'otherwise' };
}

/** A variable that carries a database URL: named so, or with a URL as its default. */
function holdsUrl(s: { variable: string; default?: string; defaultText?: string }): boolean {
  const text = s.default ?? s.defaultText ?? '';
  return /URL|URI|DSN/i.test(s.variable) || /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** What Django sets as ENGINE when a database's dict gives none: every query fails. */
export const DUMMY_ENGINE = 'django.db.backends.dummy';

function engineString(v: PyValue): string | undefined {
  if (v.t === 'str') return v.v;
  return undefined;
}

/**
 * True when Django can try to import the engine: a dotted module path. `django.db.backends,sqlite3` (a comma for a
 * dot) is no backend at all, so every query fails with ImproperlyConfigured.
 */
export function isEnginePath(engine: string): boolean {
  return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(engine);
}

/** Engines that talk to a database server (credentials and host matter), as opposed to SQLite files. */
export function isServerEngine(engine: string): boolean {
  if (!isEnginePath(engine)) return false;
  const e = engine.toLowerCase();
  return ['postgres', 'postgis', 'mysql', 'oracle', 'mssql', 'sql_server', 'cockroach', 'mariadb'].some((k) =>
    e.includes(k),
  );
}

/** True for SQLite (and SpatiaLite) engines. */
export function isSqliteEngine(engine: string): boolean {
  if (!isEnginePath(engine)) return false;
  const e = engine.toLowerCase();
  return e.includes('sqlite') || e.includes('spatialite');
}

/** Where a branch test is written: its line, and its module when not the settings module. */
function testAt(t: { line: number; file?: string }): { line: number; file?: string } {
  return t.file ? { line: t.line, file: t.file } : { line: t.line };
}
