/** Image references and the backing-service kind they name. */
import type { ComposeService } from '../types/compose.js';

export { splitImage } from '../image-ref.js';

const ROLES: [RegExp, ComposeService['role']][] = [
  [/^(postgres(ql)?|postgis|timescaledb(-ha)?|pgvector)$/, 'postgres'],
  [/^mysql(-server)?$/, 'mysql'],
  [/^mariadb$/, 'mariadb'],
  [/^(mssql(-server(-linux)?)?|sqlserver|azure-sql-edge)$/, 'sqlserver'],
  [/^mongo(db)?(-community-server|-enterprise-server)?$/, 'mongo'],
  [/^cockroach(db)?$/, 'cockroach'],
  [/^(redis(-stack(-server)?)?|valkey|keydb)$/, 'redis'],
];

/** The roles of database servers (as opposed to caches and brokers): an app that depends on one waits for it. */
export const DATABASE_ROLES: ReadonlySet<ComposeService['role']> = new Set([
  'postgres',
  'mysql',
  'mariadb',
  'sqlserver',
  'mongo',
  'cockroach',
]);

// Microsoft's SQL Server images are named by their path, their last segment is only `server`.
const SQL_SERVER_PATH = /(^|\/)mssql\/(rhel\/)?server$/;

/** Words of an image name that mark a tool around a database, not the database (`postgres-exporter`). */
const TOOLING =
  /^(exporter|backup|backups|admin|client|cli|ui|web|proxy|bouncer|pgbouncer|operator|init|migrate|migrations)$/;

/**
 * Backing-service kind from the image repository's last path segment (postgis/postgis → postgres), or from one word
 * of it when a team builds its own (`me/backend-postgres`).
 */
export function roleOf(repository: string): ComposeService['role'] {
  if (SQL_SERVER_PATH.test(repository.toLowerCase())) return 'sqlserver';
  const last = repository.split('/').pop()!.toLowerCase();
  const whole = ROLES.find(([re]) => re.test(last))?.[1];
  if (whole) return whole;
  const words = last.split(/[-_.]/);
  if (words.length < 2 || words.some((w) => TOOLING.test(w))) return 'other';
  const kinds = new Set(words.flatMap((w) => ROLES.filter(([re]) => re.test(w)).map(([, kind]) => kind)));
  return kinds.size === 1 ? [...kinds][0] : 'other';
}

/**
 * The backing service an image name publishes as a whole (`postgres`, `postgis/postgis`, `redis`), not one word of a
 * team's own name (`me/backend-postgres`): a registry holds it, so compose pulls it rather than build.
 */
export function publishedRole(repository: string): ComposeService['role'] {
  const last = repository.split('/').pop()!.toLowerCase();
  return ROLES.find(([re]) => re.test(last))?.[1] ?? 'other';
}

/**
 * Whether compose runs the service's `image:` rather than its `build:`: with no `pull_policy` (or one that pulls),
 * compose pulls the image first and builds only when the pull fails; `build` and `never` keep the local build.
 */
export function pullsBeforeBuild(s: ComposeService): boolean {
  const policy = s.pullPolicy?.toLowerCase();
  return s.image !== undefined && !s.image.unset && policy !== 'build' && policy !== 'never';
}

/**
 * PostgreSQL known by what the service does rather than its image name: a build the repository does not hold, or an
 * image named for an extension (`informaticsmatters/rdkit_cartridge`), whose data volume is at /var/lib/postgresql
 * and which also starts `postgres`, publishes or exposes 5432, or is given POSTGRES_* variables.
 */
export function postgresByUse(s: ComposeService): boolean {
  const dataDir = s.volumes.some(
    (v) => v.target !== undefined && /^\/var\/lib\/postgresql(\/|$)/.test(v.target),
  );
  if (!dataDir) return false;
  const program = (s.command?.argv?.[0] ?? /^\s*(\S+)/.exec(s.command?.raw ?? '')?.[1])?.split('/').pop();
  const starts = program === 'postgres' || program === 'postmaster';
  const port = s.ports.some((p) => p.target === 5432);
  const env = s.environment.some((e) => /^POSTGRES_(USER|PASSWORD|DB)$/.test(e.name));
  return starts || port || env;
}
