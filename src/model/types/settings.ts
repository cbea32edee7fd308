/** How a setting's value is obtained, as far as static reading can tell. */
export type ValueSource = (
  | { kind: 'literal'; value: string | number | boolean | null; line: number }
  | {
      kind: 'env';
      variable: string;
      /** environ['X'] (required), environ.get / getenv / env('X') with or without a default. */
      via:
        | 'environ[]'
        | 'environ.get'
        | 'getenv'
        | 'django-environ'
        | 'dj-database-url'
        | 'pydantic-settings'
        | 'other';
      /** The fallback when the variable is unset; undefined when there is none (required or None). */
      fallback?: ValueSource;
      /** True when reading fails without the variable (environ['X'], env('X') without default). */
      required: boolean;
      /** Literal text joined before or after the value when the variable is set ('django.db.backends.' + ...). */
      prefix?: string;
      suffix?: string;
      /** When the variable is set: its raw text (a str, so 'False' is true), or bool() of that text. */
      whenSet?: 'text' | 'truth-of-text';
      /** Python truth of the value when the variable is set to a common word ('1', 'False', 'yes', ...), where known. */
      truthWhenSetTo?: Record<string, boolean>;
      /** Words the settings compare the text with (`== "dev"`, `in ["dev", "stg"]`), also in truthWhenSetTo. */
      comparedWith?: string[];
      /** Other variables the value is read from when this one is set (`os.environ['B'] if A else True`). */
      selects?: string[];
      /** `'X' in os.environ` (or its negation): only whether X is set is read, never its value. */
      presence?: boolean;
      /** The value is the content of the file X names (a Docker secret, `X_FILE=/run/secrets/x`), not X's text. */
      fromFile?: boolean;
      line: number;
    }
  /** A filesystem path built from BASE_DIR (or __file__): `BASE_DIR / 'db.sqlite3'`, `os.path.join(BASE_DIR, ...)`. */
  | { kind: 'path'; base: 'BASE_DIR' | 'absolute'; parts: string[]; line: number }
  /** `written`: the brackets of the literal (a bare `a, b` is a tuple), when written as one; `bare`: no brackets. */
  | { kind: 'list'; items: ValueSource[]; line: number; written?: 'tuple' | 'list' | 'set'; bare?: true }
  | { kind: 'dict'; entries: { key: string; value: ValueSource; line: number }[]; line: number }
  /** Several alternatives (if/else branches, `a or b`, conditional expressions). */
  | {
      kind: 'choice';
      options: ValueSource[];
      line: number;
      /** The same alternatives as a read of the one variable whose truth picks between them (`"1" if X else "0"`). */
      decidedBy?: ValueSource;
    }
  | { kind: 'unknown'; text: string; line: number }
) & {
  /** The module that wrote it, when not the settings module itself (a module it star-imports). */
  file?: string;
};

export interface SettingAssignment {
  /** The module that assigns it, when not the settings module itself (a module it star-imports). */
  file?: string;
  name: string; // SECRET_KEY, DEBUG, DATABASES, ...
  line: number;
  /** Last line of the assignment statement, when it spans several lines. */
  endLine?: number;
  value: ValueSource;
  /**
   * Set when the assignment sits inside an if/else on an environment variable: the test as written, and, where it
   * tests the variable's own text, how (`equals` one of `values`, `set`, ...).
   */
  condition?: {
    variable: string;
    text: string;
    test?: 'equals' | 'not-equals' | 'set' | 'unset' | 'otherwise';
    values?: string[];
    /** A `set` test of several variables (`A and B and C`, `all([A, B, C])`): true only when each one is set. */
    allOf?: string[];
    /** An `else` after tests of the variable's text: the values those tests name, which this branch is not taken for. */
    excluded?: string[];
  };
  /** True when this assignment may give the setting its final value (not overwritten by a later unconditional one). */
  live?: boolean;
  /** True when the assignment sits in an if/elif/else, except or loop body, so it may not run. */
  inBranch?: boolean;
  /**
   * True when it is a top-level statement of a module star-imported inside a branch whose test cannot be told: the
   * module may not be loaded, but where it is, it sets this.
   */
  loadedInBranch?: boolean;
  /** The test of the innermost `if`/`elif` it sits under, as written and whatever it tests (`not DEBUG`); none in an `else`. */
  branchTest?: { text: string; line: number };
  /** Whether the assignment runs when no environment variable is set; undefined when that cannot be told. */
  activeWhenUnset?: boolean;
}

export interface EnvRead {
  /** The module that reads it, when not the settings module itself (a module it star-imports). */
  file?: string;
  variable: string;
  line: number;
  required: boolean; // no default, and failing (or None used where a value is required)
  hasDefault: boolean;
}

/** One way DATABASES['default'] can end up (a DB_ENGINE switch yields one per engine). */
export interface DatabaseConfig {
  /** The module that wrote this config, when not the settings module itself (a module it star-imports). */
  file?: string;
  /** Engine module after resolution: 'django.db.backends.sqlite3', 'django.db.backends.postgresql', ... */
  engine?: string;
  line: number;
  /** Key name → how it is obtained (NAME, USER, PASSWORD, HOST, PORT). */
  fields: Record<string, ValueSource>;
  /** Line of each key of `fields` where it is written (the value may come from elsewhere, e.g. a URL default). */
  fieldLines?: Record<string, number>;
  /** Set when this alternative is chosen by an environment variable value (DB_ENGINE == 'postgres'). */
  selectedBy?: {
    variable: string;
    value: string;
    /** How the value is tested: equals (default), set (any non-empty value), unset, otherwise (else branch: any other value). */
    test?: 'equals' | 'set' | 'unset' | 'otherwise';
  };
  /** True when this alternative is the one in effect when no environment variable is set. */
  isDefault?: boolean;
}

/** The `if "DATABASE_URL" in os.environ:` test that picks the variable's config over the one written before it. */
export interface SelectionTest {
  line: number;
  /** The module of the test, when not the settings module itself. */
  file?: string;
}

export interface DatabasesModel {
  /** The module of the DATABASES assignment, when not the settings module itself (a module it star-imports). */
  file?: string;
  line: number; // the DATABASES assignment
  /** How the engine is selected: fixed in code, by an environment variable (switch or URL), or unknown. */
  selection:
    | { kind: 'fixed' }
    | {
        kind: 'env';
        variable: string;
        default?: string;
        line: number;
        file?: string;
        test?: SelectionTest;
        /** A branch on `all([A, B, C])`: the fallback is taken when any one of these is unset. */
        allOf?: string[];
      }
    | { kind: 'url'; variable: string; default?: string; line: number; file?: string; test?: SelectionTest }
    | { kind: 'unknown' };
  configs: DatabaseConfig[];
  /** A database URL read, then ENGINE written over its engine in code: the URL variable, that engine, where written. */
  engineOverrides?: { variable: string; engine: string; line: number; file?: string }[];
  /** The aliases beside 'default' (`backup`, `replica`), with the configs each can end up as. */
  aliases?: { name: string; configs: DatabaseConfig[] }[];
}

export interface SettingsModel {
  /**
   * The module the container is told to run (`DJANGO_SETTINGS_MODULE`, `--settings`) that the repository does not
   * hold (a git-ignored `local_settings`): these settings were found in its place, and what it overrides is unknown.
   */
  inPlaceOf?: string;
  /** Relative to the scanned directory. */
  file: string;
  module: string; // mysite.settings
  /** Every top-level (and if/else-nested) assignment, in source order; last wins. */
  assignments: SettingAssignment[];
  envReads: EnvRead[];
  databases?: DatabasesModel;
  /**
   * Handler classes of LOGGING, or of a config given to `logging.config.dictConfig()` (the call's line then set), with
   * their lines (and module, when not the settings module itself).
   */
  logHandlers: {
    className: string;
    line: number;
    file?: string;
    dictConfigLine?: number;
    /** The handler's `filename` (a file handler's path), how it is obtained. */
    filename?: ValueSource;
    /** `'delay': True`: the file is opened at the first record, not when the config is applied. */
    delayed?: boolean;
    /**
     * Set when no logger, root or other handler of its config names it (the config says so in full): dictConfig
     * still builds it, but no record reaches it. `name`: its key in `handlers`.
     */
    unreferenced?: { name: string };
  }[];
  /** The directory BASE_DIR points at, relative to the scanned directory ('.' for it). */
  baseDir?: string;
  /** `from .base import *` and the like, as written in the settings module. */
  starImports?: { module: string; line: number }[];
  /**
   * Modules the settings star-import that were found and evaluated in place, as Django runs them: assignments,
   * reads, DATABASES and LOGGING then hold theirs, each with its `file`.
   */
  mergedModules?: string[];
  /**
   * Which of those modules star-imports which (the settings module included): a module builds on the ones it imports,
   * while modules the settings import in different branches of one `if` are alternatives.
   */
  starImportEdges?: {
    from: string;
    to: string;
    /** The environment test of the branch the import sits in (`if ENV == "prod":`); absent when it always runs. */
    when?: NonNullable<SettingAssignment['condition']>;
  }[];
  /**
   * django-split-settings' include() patterns built from an environment variable (`f'environments/{DJANGO_ENV}.py'`):
   * the files another value of it loads instead of the one modelled, whose settings the model does not hold.
   */
  envIncludes?: { variable: string; others: string[] }[];
  /** Calls that load variables from a file at run time (load_dotenv, Env.read_env, python-decouple). */
  dotenvLoads?: { via: string; line: number }[];
  /**
   * The names each module (by file) gives the os module and its environment readers: `import os` → os: 'os';
   * `from os import environ` → environ: 'environ'; absent where a module imports none of them.
   */
  osNames?: Record<string, OsNames>;
}

/** The names a settings module can read the environment by, as its imports bind them. */
export interface OsNames {
  os?: string;
  environ?: string;
  getenv?: string;
}
