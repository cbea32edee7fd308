import type { DockerSdkUse } from './docker-sdk.js';

/** What discovery hands the parsers: the file list of the scanned tree and the text of every file that matters. */
export interface SourceTree {
  /** Absolute path of the scanned directory. */
  root: string;
  /** Every regular file under root, relative, '/' separators, sorted; symlinks leaving root are left out. */
  files: string[];
  /** Text of the files the analysis reads (Dockerfiles, compose, .env for interpolation, manage.py, settings, requirements, scripts, .dockerignore, config). */
  texts: Record<string, string>;
  /** Listed files named otherwise than `*.sqlite3` that are SQLite databases by their header. */
  sqliteFiles?: string[];
  /** Files that matter but could not be read as text (too large, not UTF-8, unreadable), with the reason. */
  unreadable: { file: string; reason: string }[];
  /** Options that steer discovery, from inputs or CLI flags. */
  options: DiscoverOptions;
  /**
   * Entries present but not walked (`.git`, `node_modules`, `venv`, `.venv`, `__pycache__`), relative, sorted.
   * They matter to `.dockerignore` checks even though their files are not listed.
   */
  skippedDirs?: string[];
  /**
   * Symbolic links the walk did not follow because they lead outside root or nowhere, relative, with the reason
   * (completing "Cannot read X: …"). A build context or Dockerfile through one of them is refused.
   */
  links?: { path: string; reason: string }[];
  /**
   * Python lines that use the Docker SDK (`import docker`, `docker.from_env()`), one per file: looked for only when a
   * file read names the Docker socket, to tell an app that manages containers on purpose.
   */
  dockerSdkUses?: DockerSdkUse[];
  /**
   * CI configuration files (`.travis.yml`, `.github/workflows/*.yml`), kept apart from `texts`: read only for the image
   * names their `docker build` commands give the repository's Dockerfiles.
   */
  ciConfigs?: Record<string, string>;
  /** README files (`README.md`, `ReadMe.txt`) that give a `docker build` command, kept apart from `texts` as CI files are. */
  readmes?: Record<string, string>;
  /** Set when the walk stopped at the file-count cap: only the first `limit` files are listed. */
  truncated?: { limit: number };
}

export interface DiscoverOptions {
  /** Dockerfile path relative to root, when given instead of discovered. */
  dockerfile?: string;
  /** Compose files relative to root, when given instead of discovered. */
  composeFiles?: string[];
  /** Dotted settings module (mysite.settings), when given. */
  settingsModule?: string;
  /** Config file relative to root (default `.github/twelve-factor.yml`); its text is read into `texts`. */
  configFile?: string;
  /** Path globs of the config's `exclude`: an app whose Dockerfile or manage.py matches one is not an app. */
  exclude?: string[];
}

/**
 * Texts of files (relative, '/' separators) standing in for those of the scanned tree, or beside them: the tree as a
 * fix would leave it, analysed without writing it anywhere.
 */
export type Overlay = ReadonlyMap<string, string>;
