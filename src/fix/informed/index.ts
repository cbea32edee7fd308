import type { FixSafety, RunFacts } from '../../core/index.js';
import type { FixContext, FixProposal } from '../../rules/lib/rule.js';
import { requirementsFromInstalled } from './manifest.js';
import { pinBaseDigest, pinInstalledVersions } from './pins.js';
import { exposeListenedPort, exposeSeenPort, sqliteUnderDataDir, volumeForSqlite } from './runtime.js';

/** A fix only the smoke run can make: it reads what the run saw (versions, digest, port, SQLite directory). */
export interface InformedFixer {
  ruleId: string;
  safety: FixSafety;
  /** One sentence: what the fix changes. */
  summary: string;
  make(context: FixContext, facts: RunFacts): FixProposal | undefined;
  /** Rules whose live findings it waits for: their fix may add what it reads (a USER the volume must belong to). */
  after?: string[];
  /** Tried after the rule's own fixer, which knows the project's layout better (TF0602's data directory). */
  fallback?: boolean;
}

/** Tried before a rule's own fixer (after it when `fallback`) when the smoke run has seen what they need. */
export const INFORMED_FIXERS: readonly InformedFixer[] = [
  {
    ruleId: 'TF0202',
    safety: 'safe',
    summary:
      'Pins each unpinned requirement (a requirements line, or a name in `pip install`) to the version pip installed in the built image.',
    make: pinInstalledVersions,
  },
  {
    ruleId: 'TF0203',
    safety: 'safe',
    summary:
      "Writes the packages a RUN installs by name to requirements.txt at the build context's root (`name==version`, as pip installed them in the image; appended to a requirements.txt the image did not use) and installs from it: `COPY requirements.txt .` before the RUN and `pip install --no-cache-dir -r requirements.txt` in place of the pip command.",
    make: requirementsFromInstalled,
  },
  {
    ruleId: 'TF0201',
    safety: 'safe',
    summary:
      'Pins the FROM image to the digest the build resolved (only for an image pulled from a registry: a local image has none, and nothing is pinned).',
    make: pinBaseDigest,
  },
  {
    ruleId: 'TF0701',
    safety: 'safe',
    summary: 'Adds `EXPOSE` with the port the server was seen listening on.',
    make: exposeSeenPort,
  },
  {
    ruleId: 'TF0704',
    safety: 'safe',
    summary: 'Sets `EXPOSE` to the port the server was seen listening on.',
    make: exposeListenedPort,
  },
  {
    ruleId: 'TF0602',
    safety: 'safe',
    summary:
      'Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first; on a base with no shell, where no RUN can make it, only a directory a `COPY --chown` gives that user).',
    make: (context, facts) =>
      context.finding.message.includes('SQLite') ? volumeForSqlite(context, facts) : undefined,
    after: ['TF1301'],
    fallback: true,
  },
  {
    ruleId: 'TF0604',
    safety: 'safe',
    summary:
      "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first; on a base with no shell, only a directory a `COPY --chown` gives that user); when that is the code's directory, reads the database path under `DATA_DIR` with a `VOLUME` on /data, as TF0602's fix does.",
    make: (context, facts) => volumeForSqlite(context, facts) ?? sqliteUnderDataDir(context),
    after: ['TF1301'],
  },
];

/** The run-informed fixers of a rule. */
export function informedFixersOf(ruleId: string): InformedFixer[] {
  return INFORMED_FIXERS.filter((f) => f.ruleId === ruleId);
}
