/** What the smoke run saw that a fix can use: engine-independent facts and per-engine ones, as plain data. */

/** The Python distributions installed in the built image (read with importlib.metadata, no network). */
export interface InstalledPackages {
  kind: 'installed-packages';
  /** Distribution name as installed → version. */
  packages: Record<string, string>;
}

/** The base image of the target stage as the build resolved it (`docker image inspect` of the FROM image). */
export interface BaseImageResolved {
  kind: 'base-image';
  /** The FROM image as built, build args applied (e.g. `python:3.12-slim`). */
  ref: string;
  /** The image ID the engine holds for it. */
  id: string;
  /** `sha256:…` from its RepoDigests; absent when it was never pulled from a registry (a local image). */
  digest?: string;
}

/** A TCP port the server was seen listening on in its container. */
export interface ServerListening {
  kind: 'listening';
  engine: 'sqlite' | 'postgres';
  port: number;
  /** Whether it answered HTTP there (else only seen in LISTEN state). */
  answered: boolean;
}

/** Where SQLite wrote the database: the file the probe record was written to. */
export interface SqliteWritten {
  kind: 'sqlite-written';
  engine: 'sqlite' | 'postgres';
  /** Absolute path of the database file in the container. */
  path: string;
}

export type RunFactObservation = InstalledPackages | BaseImageResolved | ServerListening | SqliteWritten;

/** The facts of one run a fixer reads. */
export interface RunFacts {
  /** Lowercased, normalised (PEP 503) distribution name → version installed in the image. */
  installed?: Record<string, string>;
  baseImage?: { ref: string; id: string; digest?: string };
  /** The port the server answered HTTP on, else the only one it was seen listening on. */
  port?: number;
  /** The directory the SQLite database file was written in. */
  sqliteDir?: string;
}

/** A package name as pip compares them (PEP 503): lowercase, runs of `-`, `_`, `.` as one `-`. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The facts in a run's observations (other observations are ignored). */
export function runFactsOf(observations: readonly { kind: string }[]): RunFacts {
  const facts: RunFacts = {};
  const own = observations.filter((o): o is RunFactObservation =>
    ['installed-packages', 'base-image', 'listening', 'sqlite-written'].includes(o.kind),
  );
  for (const o of own) {
    if (o.kind === 'installed-packages') {
      facts.installed = Object.fromEntries(
        Object.entries(o.packages).map(([name, version]) => [normalizePackageName(name), version]),
      );
    } else if (o.kind === 'base-image') {
      facts.baseImage = { ref: o.ref, id: o.id, ...(o.digest ? { digest: o.digest } : {}) };
    } else if (o.kind === 'sqlite-written') {
      facts.sqliteDir ??= o.path.replace(/\/[^/]*$/, '') || '/';
    }
  }
  const listening = own.filter((o): o is ServerListening => o.kind === 'listening');
  // Without an answer, a port only when the server listened on one: of several, none can be told the server's.
  const seen = [...new Set(listening.map((o) => o.port))];
  const port = listening.find((o) => o.answered)?.port ?? (seen.length === 1 ? seen[0] : undefined);
  if (port !== undefined) facts.port = port;
  return facts;
}
