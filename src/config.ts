import type { Severity } from './core/index.js';

/** The user's config file (.github/twelve-factor.yml by default), validated. */
export interface Config {
  /** The config file used, relative to the scanned directory; undefined when none. */
  file?: string;
  /** Rule id (TF0301) → 'off' or a new severity. Names are normalised to ids on load. */
  rules: Record<string, 'off' | Severity>;
  /** Path globs (relative to the scanned directory) whose findings are dropped. */
  exclude: string[];
  allowSuppressions: boolean;
}

export const DEFAULT_CONFIG: Config = { rules: {}, exclude: [], allowSuppressions: true };
