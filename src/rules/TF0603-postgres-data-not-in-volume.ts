import { posix } from 'node:path';
import type { RawFinding } from '../core/index.js';
import type { ComposeService, ComposeVolumeMount } from '../model/types/compose.js';
import { composeServices } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { coversPath } from './lib/paths.js';
import { shownImage, shownSource, shownTarget } from './lib/files.js';

/**
 * The database image a service runs: the one it pulls, else the one its Dockerfile builds on; the latter too when the
 * name it runs is one a script of the repository builds.
 */
function databaseImage(s: ComposeService): { repository: string; tag?: string } | undefined {
  return s.builtHere?.script && s.builtFrom ? s.builtFrom : (s.image ?? s.builtFrom);
}

/**
 * Images built on the official PostgreSQL image, which keep its data directory and VOLUME: `postgis/postgis`
 * (README: based on the official postgres image; from PostgreSQL 18 the default VOLUME is /var/lib/postgresql).
 */
function isOfficialPostgres(repo: string): boolean {
  return /(^|\/)postgres$/.test(repo) || /(^|\/)postgis\/postgis$/.test(repo);
}

/** An absolute container path set in the service's environment (`PGDATA`, kartoza's `DATADIR`). */
function absoluteEnv(s: ComposeService, name: string): string | undefined {
  const value = s.environment.find((e) => e.name === name && e.value)?.value;
  return value?.startsWith('/') ? value : undefined;
}

/**
 * The official image's layout for the tag a service names. From 18 (docker-library/postgres#1259) the data lives in
 * /var/lib/postgresql/<major>/docker under VOLUME /var/lib/postgresql; up to 17 in VOLUME /var/lib/postgresql/data.
 * A tag that follows the newest release (none, `latest`, `alpine`, the current Debian names) runs 18 or later today.
 */
interface Layout {
  dataDir: string;
  /** The VOLUME the image declares over its data directory. */
  volume: string;
  /** Where a named volume should go. */
  mountAt: string;
  /** Set when the tag names no major version: the tag as the message says it. */
  floating?: string;
  /**
   * Which major runs, and so its layout, is unknown: the tag is an unset variable (`postgres:${POSTGRES_VERSION}`),
   * or a distribution variant that may have stopped at an older major (`alpine3.21`). Says why, for the message.
   */
  unknownMajor?: string;
}

/** Tags with no major version that move to each new major release. */
const FLOATING_TAG = /^(latest|alpine|trixie|bookworm)$/;
/**
 * Distribution-variant tags that stopped before PostgreSQL 18 was published (18 came out for trixie, bookworm and
 * Alpine 3.21/3.22 only): their newest image is 17 or older, with the data in /var/lib/postgresql/data.
 */
const FROZEN_BEFORE_18 = /^(alpine3\.(1?\d|20)|bullseye|buster|stretch|jessie|wheezy)$/;

function officialLayout(s: ComposeService): Layout {
  const image = databaseImage(s);
  const tag = image?.tag ?? '';
  const major = Number(/^(\d+)/.exec(tag)?.[1]);
  const old = '/var/lib/postgresql/data';
  if (major < 18 || FROZEN_BEFORE_18.test(tag)) return { dataDir: old, volume: old, mountAt: old };
  const parent = '/var/lib/postgresql';
  if (major >= 18) return { dataDir: `${parent}/${major}/docker`, volume: parent, mountAt: parent };
  const newest = { dataDir: `${parent}/18/docker`, volume: parent, mountAt: parent };
  if (s.image?.unset && /:[^/]*\$/.test(s.image.raw ?? ''))
    return { ...newest, unknownMajor: 'takes its version from a variable the repository does not set' };
  if (tag && !FLOATING_TAG.test(tag))
    return {
      ...newest,
      unknownMajor: `has the tag '${tag}', a distribution variant that names no major version and may have stopped at an older one`,
    };
  return { ...newest, floating: tag ? `the tag '${tag}'` : 'no tag' };
}

/** A PGDATA that is a relative path (`PGDATA=pgdata`): where it is set and the directory postgres resolves it against. */
interface RelativePgdata {
  written: string;
  /** Where the value comes from, as a message says it: `from config/db.env`, `in its environment:`. */
  from: string;
  cwd: string;
}

interface DataDir {
  dir: string;
  layout?: Layout;
  guessed?: boolean;
  relative?: RelativePgdata;
  /** Where a named volume should go, when not at `dir` itself (kartoza/postgis: /var/lib/postgresql, as its README). */
  mountAt?: string;
  /**
   * Set when only the parent is known (kartoza/postgis with no major version in its tag keeps the cluster in
   * `dir`/<major>/main): a mount below `dir` may hold the data, so it is not judged, and messages name no exact path.
   */
  below?: string;
}

/**
 * The service's PGDATA as an absolute path: from `environment:` or an env_file (both are in `environment`), else the
 * ENV of the Dockerfile it builds. A relative one is resolved by postgres against the container's working directory:
 * `/` for the official image, which sets no WORKDIR (checked: PGDATA=pgdata puts the cluster in /pgdata).
 */
function pgdataOf(s: ComposeService, official: boolean): DataDir | undefined {
  const entry = s.environment.find((e) => e.name === 'PGDATA' && e.value);
  const value = entry?.value ?? s.builtFrom?.pgdata;
  if (!value) return undefined;
  if (value.startsWith('/')) return { dir: value };
  const cwd = s.builtFrom?.workdir ?? (official ? '/' : undefined);
  if (!cwd || value.includes('$')) return undefined;
  const from = !entry
    ? 'from an ENV of the Dockerfile it builds'
    : entry.source === 'env_file'
      ? `from ${entry.file}`
      : 'in its environment:';
  return { dir: posix.join(cwd, value), relative: { written: value, from, cwd } };
}

/**
 * Images that keep the cluster in /var/lib/postgresql/<major>/main, with the major version the image was built for
 * (the tag's leading number: `13.0`, `16-3.4`, `10-2`; `9.6-2` before 10), and whose documentation mounts the
 * volume at /var/lib/postgresql; each has its own variables that move the data directory.
 * kartoza/postgis (scripts/env-data.sh): PGDATA, else DATADIR; it declares no VOLUME.
 * sameersbn/postgresql (Dockerfile, README "Persistence"): PG_DATADIR=${PG_HOME}/${PG_VERSION}/main, PG_HOME
 * /var/lib/postgresql, which its older images declare as their VOLUME.
 */
const VERSIONED_MAIN: { repo: RegExp; env: string[] }[] = [
  { repo: /(^|\/)kartoza\/postgis$/, env: ['PGDATA', 'DATADIR'] },
  { repo: /(^|\/)sameersbn\/postgresql$/, env: ['PG_DATADIR'] },
];

function versionedMainDataDir(s: ComposeService, env: string[]): DataDir {
  const set = env.map((name) => absoluteEnv(s, name)).find((v) => v !== undefined);
  if (set) return { dir: set };
  const parent = '/var/lib/postgresql';
  const major = /^(9\.\d|\d{2,})(?![\d])/.exec(databaseImage(s)?.tag ?? '')?.[1];
  if (major) return { dir: `${parent}/${major}/main`, mountAt: parent };
  return { dir: parent, mountAt: parent, below: `${parent}/<major>/main` };
}

/** Where the database image keeps its data (always an absolute container path), with the official image's layout. */
function dataDir(s: ComposeService): DataDir | undefined {
  const repo = databaseImage(s)?.repository.toLowerCase() ?? '';
  const bitnami = repo.split('/').includes('bitnami');
  if (s.role === 'postgres') {
    const versioned = VERSIONED_MAIN.find((v) => v.repo.test(repo));
    if (versioned) return versionedMainDataDir(s, versioned.env);
    const pgdata = pgdataOf(s, isOfficialPostgres(repo));
    if (pgdata) return pgdata;
    // bitnami/postgresql README, "Persisting your database": mount a volume at /bitnami/postgresql.
    if (bitnami) return { dir: '/bitnami/postgresql' };
    // Another publisher's image (`acme/blog-postgres`): the official image's pre-18 directory is a guess.
    if (!isOfficialPostgres(repo)) return { dir: '/var/lib/postgresql/data', guessed: true };
    const layout = officialLayout(s);
    return { dir: layout.dataDir, layout };
  }
  // mysql and mariadb images: "Where to Store Data" mounts /var/lib/mysql; Bitnami's /bitnami/mysql, /bitnami/mariadb.
  if (s.role === 'mysql' || s.role === 'mariadb')
    return { dir: bitnami ? `/bitnami/${s.role}` : '/var/lib/mysql' };
  return undefined;
}

/** The message for a relative PGDATA: where the data really goes, and the two fixes that keep it in a volume. */
function relativeMessage(
  at: string,
  name: string,
  data: DataDir & { relative: RelativePgdata },
  elsewhere: ComposeVolumeMount | undefined,
  start: string,
): string {
  const { dir, relative } = data;
  const cause = `${at} takes PGDATA=${relative.written} ${relative.from}, a relative path that postgres resolves against the container's working directory ${relative.cwd}: the data goes to ${dir}`;
  if (elsewhere?.source)
    return `${cause}, not to the volume '${elsewhere.source}' mounted at ${elsewhere.target}: the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Set PGDATA to an absolute path in the volume (PGDATA=${elsewhere.target}), or mount the volume at ${dir} ('${elsewhere.source}:${dir}').`;
  return `${cause}, which no named volume covers: the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Mount a named volume there ('${name}-data:${dir}', declared under the top-level volumes:), or set PGDATA to an absolute path inside a named volume.`;
}

/** What an image naming no major version does today, for a message: its layout and how to decide it. */
function floatingNote(image: string, layout: Layout | undefined): string {
  if (layout?.unknownMajor)
    return ` ${image} ${layout.unknownMajor}: up to 17 the image keeps its data in /var/lib/postgresql/data, from 18 in /var/lib/postgresql/<major>/docker under its VOLUME /var/lib/postgresql; mount the volume where the version you deploy keeps it.`;
  if (!layout?.floating) return '';
  return ` With ${layout.floating}, ${image} runs the newest major version, 18 or later today, which keeps its data in /var/lib/postgresql/<major>/docker under its VOLUME ${layout.volume} (up to 17: /var/lib/postgresql/data); pinning a major version (e.g. postgres:18) decides the layout.`;
}

/** The pre-18 data directory, which the 18+ entrypoint refuses to find mounted. */
const OLD_DATA_DIR = '/var/lib/postgresql/data';

/** What is mounted, as a message names it: `the volume 'pgdata'`, `the host directory ./data`, `a tmpfs`. */
function mountShown(mount: ComposeVolumeMount): string {
  if (mount.type === 'tmpfs') return 'a tmpfs';
  // A source from an unset variable may be a named volume or a host directory.
  if (!mount.source && mount.writtenSource) return `'${mount.writtenSource}'`;
  if (mount.type === 'bind') return `the host directory ${hostPath(mount)}`;
  return mount.source ? `the volume '${mount.source}'` : 'an anonymous volume';
}

/**
 * Something mounted at /var/lib/postgresql/data of an image that may be 18 or later. From 18 the entrypoint, finding
 * no cluster in its PGDATA, exits instead of running initdb when that path is a mountpoint or holds an older cluster
 * (docker-entrypoint.sh, docker_error_old_databases): the database does not start at all, whatever the mount is.
 */
function oldDataMountMessage(
  at: string,
  name: string,
  image: string,
  layout: Layout,
  mount: ComposeVolumeMount,
): string {
  const what = `${at} mounts ${mountShown(mount)} at ${shownTarget(mount)}`;
  const refusal = `its entrypoint will not create a cluster while anything is mounted at ${OLD_DATA_DIR}: it exits reporting PostgreSQL data in ${OLD_DATA_DIR} ("unused mount/volume" when that holds none), so the database does not start at all`;
  const earlier =
    mount.type === 'tmpfs' || !mount.source
      ? ''
      : ` (files an earlier major version wrote in ${mount.type === 'bind' ? hostPath(mount) : `'${mount.source}'`} need pg_upgrade, or that version pinned, e.g. postgres:17)`;
  const fix =
    mount.type === 'volume' && mount.source
      ? `Mount the volume at ${layout.mountAt} instead, as the 18 image documents: '${mount.source}:${layout.mountAt}'${earlier}.`
      : mount.type === 'tmpfs'
        ? `Put the tmpfs at ${layout.mountAt} instead, where the 18 image declares its volume, or a named volume there to keep the data.`
        : `Mount a named volume at ${layout.mountAt} instead, as the 18 image documents: e.g. '${name}-data:${layout.mountAt}', declared under the top-level volumes:${earlier}.`;
  if (layout.unknownMajor) {
    // A tmpfs or an unresolved source there is accepted when the major is unknown (see check).
    const upTo17 =
      mount.type === 'bind'
        ? "Up to 17 that is its data directory, and the files sit in a bind mount, owned by the database's user, outside Docker's volumes"
        : 'Up to 17 that is its data directory, in a volume with no name to find it by';
    return `${what}: ${image} ${layout.unknownMajor}. ${upTo17}; from 18 the image keeps its data in /var/lib/postgresql/<major>/docker under its VOLUME ${layout.volume}, and ${refusal}. Mount a named volume where the version you deploy keeps its data: '${name}-data:${OLD_DATA_DIR}' up to 17, '${name}-data:${layout.mountAt}' from 18, declared under the top-level volumes:.`;
  }
  return `${what}, but this image keeps its data in ${layout.dataDir}, under its VOLUME ${layout.volume}, and from 18 ${refusal}. ${fix}${floatingNote(image, layout)}`;
}

/** A bind mount's host path as the user reads it: a directory of the checkout as `./data`, not a bare name. */
function hostPath(bind: ComposeVolumeMount): string {
  const shown = shownSource(bind) ?? '';
  if (/^([/~$]|\.\.?(\/|$))/.test(shown)) return shown;
  return `./${shown}`;
}

/** A few of the files the repository holds under a bind mount's host directory, as paths of that directory. */
function heldFiles(source: string, files: string[]): string {
  const shown = files.slice(0, 3).map((f) => posix.relative(source, f));
  return files.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * A bind mount holds the data: it survives a recreated container, so the concern is where the files live (the
 * checkout, one host), not their loss. Where the image's data directory is not known exactly, the mount is named by
 * its target, not said to be the data directory.
 */
function bindMessage(
  at: string,
  name: string,
  data: DataDir,
  bind: ComposeVolumeMount,
  mountAt: string,
): string {
  const outside = bind.source!.startsWith('/') || bind.source!.startsWith('~');
  // A directory the repository holds files in (a committed database): every checkout brings those back, not an empty one.
  const committed = bind.repositoryFiles
    ? `in the checkout, owned by the database's user, where the repository holds files of its own (${heldFiles(bind.source!, bind.repositoryFiles)}): a re-clone or another host starts from that committed state, and what the database writes after it stays in that one checkout`
    : undefined;
  const where = outside
    ? "in a host path outside the project, which exists on this host only, owned by the database's user"
    : (committed ??
      "in the checkout, owned by the database's user, and a re-clone, a clean or another host starts with an empty database");
  const fix =
    mountAt === data.dir
      ? `Mount a named volume there instead, e.g. '${name}-data:${mountAt}', declared under the top-level volumes:.`
      : `Mount a named volume instead, e.g. '${name}-data:${mountAt}', declared under the top-level volumes:.`;
  if (data.guessed || data.below)
    return `${at} mounts the host directory ${hostPath(bind)} at ${shownTarget(bind)}, a bind mount rather than a named volume: the database files it holds sit ${where}. ${fix}`;
  return `${at} keeps its data directory ${data.dir} in a bind mount of the host directory ${hostPath(bind)}, not in a named volume: the files sit ${where}. ${fix}`;
}

/**
 * A source from an unset variable (`${PG_VOLUME}:/data/postgres`) where the compose files declare no top-level volume:
 * compose rejects a volume name none declares ("refers to undefined volume"), so any value that works is a host path.
 */
function hostOnlyMessage(
  at: string,
  name: string,
  data: DataDir,
  mount: ComposeVolumeMount,
  mountAt: string,
  files: readonly string[],
): string {
  const where = data.guessed || data.below ? `at ${shownTarget(mount)}` : `at its data directory ${data.dir}`;
  const declared =
    files.length === 1
      ? `${files[0]} declares no top-level volumes:`
      : files.length === 2
        ? `neither ${files[0]} nor ${files[1]} declares top-level volumes:`
        : `none of ${files.join(', ')} declares top-level volumes:`;
  return `${at} mounts '${mount.writtenSource}' ${where}, a source that can only be a host path: ${declared}, and compose rejects a volume name none declares ("refers to undefined volume"). So the data sits in a bind mount, not a named volume: its files belong to the database's user, in a host directory that Docker does not manage and another host does not have. Mount a named volume there instead, e.g. '${name}-data:${mountAt}', declared under the top-level volumes:.`;
}

/**
 * A volume entry whose container path is relative (`postgres_/var/lib/postgresql/data/`, no `:`): compose takes a
 * one-part entry as the container path of an anonymous volume, and Docker refuses a relative one.
 */
function relativeTargetMessage(at: string, name: string, mount: ComposeVolumeMount, mountAt: string): string {
  const onePart = mount.source === undefined && mount.type === 'volume';
  const what = onePart
    ? `the volume entry '${mount.target}', one relative path: compose reads an entry without ':' as the container path of an anonymous volume`
    : `a volume at '${mount.target}', a relative container path`;
  return `${at} lists ${what}, and Docker refuses to create the container ("mount path must be absolute"), so the database does not start at all and no volume is made of it. Mount a named volume at its data directory instead, e.g. '${name}-data:${mountAt}', declared under the top-level volumes:.`;
}

/** What the next `down` and `up` start from: an image's empty data directory. */
const EMPTY_START = 'start an empty database';
/** For a database image the repository builds, whose build may have written a database into its data directory. */
const BUILT_START =
  "start again from the data directory as the image's build left it (empty, or the database the build wrote there), without anything written since";

/** Why the data directory's mount does not keep the data the way a named volume does. */
function message(
  name: string,
  image: string,
  data: DataDir,
  mounts: {
    bind?: ComposeVolumeMount;
    anonymous?: ComposeVolumeMount;
    shadowed?: ComposeVolumeMount;
    elsewhere?: ComposeVolumeMount;
    oldDataMount?: ComposeVolumeMount;
    hostOnly?: ComposeVolumeMount;
    relativeTarget?: ComposeVolumeMount;
  },
  files: readonly string[] = [],
  start = EMPTY_START,
): string {
  const { layout } = data;
  // The directory as messages name it: where only its parent is known, the pattern below it.
  const dir = data.below ?? data.dir;
  const at = `Service '${name}' (${image})`;
  const mountAt = data.mountAt ?? layout?.mountAt ?? dir;
  const fix = `Mount a named volume there instead, e.g. '${name}-data:${mountAt}', declared under the top-level volumes:.`;
  const note = floatingNote(image, layout);
  const { bind, anonymous, shadowed, elsewhere, oldDataMount, hostOnly, relativeTarget } = mounts;
  if (relativeTarget) return relativeTargetMessage(at, name, relativeTarget, mountAt);
  if (data.relative && !bind && !anonymous)
    return relativeMessage(at, name, { ...data, relative: data.relative }, elsewhere, start);
  if (oldDataMount && layout) return oldDataMountMessage(at, name, image, layout, oldDataMount);
  if (bind) return bindMessage(at, name, data, bind, mountAt) + note;
  if (hostOnly) return hostOnlyMessage(at, name, data, hostOnly, mountAt, files) + note;
  if (shadowed && layout) {
    const own = layout.volume === dir ? 'which' : `inside ${layout.volume}, which`;
    return `${at} mounts a volume at ${shadowed.target}, a parent of its data directory ${dir}, ${own} the image declares as its own VOLUME: the data goes to an anonymous volume, and the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Mount the volume at ${mountAt} itself, e.g. '${name}-data:${mountAt}'.${note}`;
  }
  if (anonymous)
    return `${at} mounts an anonymous volume at ${anonymous.target}: it has no name to find it by, \`docker compose down -v\` or a fresh \`up -V\` drops it, and the data goes with it. ${fix}${note}`;
  if (elsewhere)
    return `${at} mounts the volume '${elsewhere.source}' at ${elsewhere.target}, but this image keeps its data in ${dir}, which no named volume covers: the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Mount the volume at ${mountAt} instead: '${elsewhere.source}:${mountAt}'.${note}`;
  if (layout?.unknownMajor)
    return `${at} has no named volume at its data directory: the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Add a volume such as '${name}-data:/var/lib/postgresql/data' (up to 17) or '${name}-data:/var/lib/postgresql' (18 and later) and declare it under the top-level volumes:.${note}`;
  if (data.guessed)
    return `${at}, a PostgreSQL image not from the official postgres repository, mounts no named volume where its data may be: ${dir} if it keeps the official image's layout up to 17, /var/lib/postgresql/<major>/docker under /var/lib/postgresql from 18 (or its PGDATA). Without one, the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Add a named volume at the data directory (e.g. '${name}-data:${dir}', or '${name}-data:/var/lib/postgresql' for 18+) and declare it under the top-level volumes:.`;
  return `${at} has no named volume at its data directory ${dir}: the next \`docker compose down\` and \`up\` ${start} (the old files stay behind, if anywhere, in an unnamed volume no container mounts). Add a volume such as '${name}-data:${mountAt}' and declare it under the top-level volumes:.${note}`;
}

export const postgresDataNotInVolume = defineRule({
  id: 'TF0603',
  name: 'postgres-data-not-in-volume',
  factor: 'VI',
  severity: 'warning',
  kind: 'S',
  title: 'A compose PostgreSQL (or MySQL/MariaDB) service mounts no named volume at its data directory',
  help: [
    "Without a named volume, the database files live in the container's own layer or in an anonymous volume (the",
    "image's VOLUME): `docker compose down` and the next `up`, `up -V`, or the stack on a new host start with an",
    'empty database, and the old files stay behind, if anywhere, in a volume no container mounts. Mount a named',
    'volume at the data directory:',
    '',
    '```yaml',
    'services:',
    '  db:',
    '    image: postgres:16',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data   # /var/lib/mysql for MySQL/MariaDB',
    'volumes:',
    '  pgdata:',
    '```',
    '',
    'A bind mount of a host directory (`./data/db:/var/lib/postgresql/data`) is reported too: the files then belong',
    "to the database's user inside a directory of the checkout, where a `git clean`, a re-clone or another host loses",
    'them, and Docker no longer manages (lists, backs up, migrates) them. So is a source from a variable the',
    'repository does not set (`${PG_VOLUME}:/data/postgres`) where the compose files declare no top-level volume:',
    'compose rejects a volume name none declares, so any value that works is a host path; with one declared, the',
    'variable may name it, and the mount is not judged. A `tmpfs` there is not reported: it says the',
    'database is meant to be thrown away (test stacks). A database service built from a Dockerfile of its own',
    '(`build: postgres` with `FROM postgres:16`) is judged the same way, at its `build:` line: a fresh container of it',
    'starts from what its build left in the data directory (a cluster it initialised, migrated or loaded), and loses',
    'what was written since.',
    '',
    "The data directory is the image's: `/var/lib/postgresql/data` for `postgres` and `postgis/postgis` up to 17",
    '(`/var/lib/postgresql/<major>/docker` from 18, under the VOLUME `/var/lib/postgresql` where the volume goes; or',
    '`PGDATA`, set in `environment:` or an `env_file`; a relative `PGDATA=pgdata` is resolved against the working',
    'directory `/`, so the data goes to `/pgdata`), `/var/lib/postgresql/<major>/main` for `kartoza/postgis` (the',
    'major from its tag, `13.0` or `16-3.4`; `DATADIR` or `PGDATA` moves it; a volume at `/var/lib/postgresql`',
    'covers it), the same for `sameersbn/postgresql` (`PG_DATADIR` moves it), `/bitnami/postgresql` for `bitnami/postgresql`, `/var/lib/mysql` for `mysql` and `mariadb`. For',
    "another publisher's image the data directory is not known: a bind mount is named by where it is mounted, not",
    'called the data directory. An image that names no major version',
    '(`postgres`, `postgres:latest`, `postgres:alpine`, `postgres:trixie`) runs the newest, 18 or later today, so it is',
    'judged with the 18 layout; a distribution-variant tag that stopped before 18 (`alpine3.18`, `bullseye`) with the',
    'older one. For another variant tag (`alpine3.21`) the major is not known: a named volume at either directory is',
    'accepted. Pinning a major version decides which layout applies. From 18, anything mounted at',
    "`/var/lib/postgresql/data` (a volume, a bind mount, a tmpfs) keeps the server from starting at all: the image's",
    'entrypoint exits with "there appears to be PostgreSQL data in /var/lib/postgresql/data (unused mount/volume)"',
    'instead of creating a cluster; the 18 image documents a single mount at `/var/lib/postgresql`. A volume entry',
    'with a relative container path (`pgdata_/var/lib/postgresql/data`, a `:` mistyped) is refused by Docker: the',
    'container is never created, and the message says so.',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const { app, service: s } of composeServices(project)) {
      const services = new Map((app.compose?.services ?? []).map((c) => [c.name, c]));
      // A database image used as a client (a backup job's pg_dump loop as its entrypoint) keeps no data.
      if (s.runsNoDatabaseServer) continue;
      const data = dataDir(s);
      // A database built from a Dockerfile (`build: postgres`, `FROM postgres:16`) is anchored at its build line.
      const anchor = s.image ?? (s.builtFrom ? s.build : undefined);
      if (!data || !anchor) continue;
      const dir = data.dir;
      // The data directory from a database data container (`volumes_from: [pgdata]`) is judged at that container.
      const fromDataContainer = (s.inheritedVolumes ?? []).some(
        (v) => coversPath(v.target, dir) && services.get(v.from)?.role === s.role,
      );
      if (fromDataContainer) continue;
      const shadow = data.layout?.volume;
      // kartoza/postgis of an unknown major keeps the cluster in <dir>/<major>/main: a mount there may be the one.
      const below = (v: ComposeVolumeMount): boolean =>
        !!data.below && new RegExp(`^${dir}/\\d+(\\.\\d+)?(/|$)`).test(v.target);
      const reachesTarget = (v: ComposeVolumeMount): boolean =>
        (coversPath(v.target, dir) || below(v)) &&
        // A mount at a parent of the image's own VOLUME is shadowed there by an anonymous volume.
        !(shadow && coversPath(shadow, dir) && !coversPath(shadow, v.target));
      const reaches = (v: ComposeVolumeMount): boolean => !!v.source && reachesTarget(v);
      // A source from an unset variable names a volume only if the compose files declare one: else a host path.
      const fromVariable = (v: ComposeVolumeMount): boolean =>
        !v.source && !!v.writtenSource && v.type !== 'tmpfs';
      const hostOnly = (v: ComposeVolumeMount): boolean =>
        fromVariable(v) && (app.compose?.volumes.length ?? 0) === 0;
      const named = s.volumes.some((v) => v.type === 'volume' && reaches(v));
      // A tmpfs there is an explicit choice of a throwaway database (test stacks): not an oversight.
      const throwaway = s.volumes.some((v) => v.type === 'tmpfs' && coversPath(v.target, dir));
      // A source from an unset variable (`${PG_VOLUME}:/data/postgres`) may be a declared named volume or a bind.
      const unresolved = s.volumes.some((v) => fromVariable(v) && !hostOnly(v) && coversPath(v.target, dir));
      // With the major version unknown, a named volume (or a tmpfs, or an unresolved source) at either layout's
      // data directory may be right.
      const eitherLayout =
        data.layout?.unknownMajor &&
        s.volumes.some(
          (v) =>
            ((v.type === 'volume' && v.source) || v.type === 'tmpfs' || (fromVariable(v) && !hostOnly(v))) &&
            coversPath(v.target, OLD_DATA_DIR),
        );
      // A named volume below the data directory (`…/data/pgdata`) works only with PGDATA pointing into it (initdb
      // refuses the non-empty directory above), and an env_file the repository does not hold may set it.
      const pgdataUnread =
        !s.environment.some((e) => e.name === 'PGDATA') &&
        s.envFiles.some((f) => f.absent || f.unknown) &&
        s.volumes.some((v) => v.type === 'volume' && v.source && v.target.startsWith(`${dir}/`));
      if (named || throwaway || unresolved || eitherLayout || pgdataUnread) continue;
      const mounts = {
        // A relative container path (a `:` left out of `pgdata:/var/lib/…`): Docker refuses to create the container.
        relativeTarget: s.volumes.find(
          (v) => v.target !== '' && !v.target.startsWith('/') && !v.target.includes('$'),
        ),
        bind: s.volumes.find((v) => v.type === 'bind' && reaches(v)),
        hostOnly: s.volumes.find((v) => hostOnly(v) && reachesTarget(v)),
        anonymous: s.volumes.find((v) => v.type === 'volume' && !v.source && coversPath(v.target, dir)),
        shadowed: s.volumes.find(
          (v) => v.type !== 'tmpfs' && v.source && coversPath(v.target, dir) && !reaches(v),
        ),
        // `pgdata:/var/lib/postgresql/data` on an image that keeps its data elsewhere (kartoza/postgis, Bitnami, 18+).
        elsewhere: s.volumes.find(
          (v) => v.type === 'volume' && v.source && /^\/var\/lib\/(postgresql|mysql)\b/.test(v.target),
        ), // Anything at the pre-18 data directory of an image that may be 18+, which its entrypoint refuses to start with.
        oldDataMount:
          data.layout && data.layout.dataDir !== OLD_DATA_DIR
            ? s.volumes.find((v) => v.target.replace(/\/+$/, '') === OLD_DATA_DIR)
            : undefined,
      };
      const image = s.image
        ? shownImage(s.image)
        : `built FROM ${s.builtFrom!.repository}${s.builtFrom!.tag ? `:${s.builtFrom!.tag}` : ''}`;
      out.push({
        file: anchor.file,
        line: anchor.line,
        message: message(
          s.name,
          image,
          data,
          mounts,
          app.compose?.files,
          s.builtFrom ? BUILT_START : EMPTY_START,
        ),
      });
    }
    return out;
  },
});
