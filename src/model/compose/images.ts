/** Image references and the backing-service kind they name. */
import type { ComposeService } from '../types/compose.js';

export { splitImage } from '../image-ref.js';

const ROLES: [RegExp, ComposeService['role']][] = [
  [/^(postgres(ql)?|postgis|timescaledb(-ha)?|pgvector)$/, 'postgres'],
  [/^mysql(-server)?$/, 'mysql'],
  [/^mariadb$/, 'mariadb'],
  [/^(redis(-stack(-server)?)?|valkey|keydb)$/, 'redis'],
];

/** Backing-service kind from the image repository's last path segment (postgis/postgis → postgres). */
export function roleOf(repository: string): ComposeService['role'] {
  const last = repository.split('/').pop()!.toLowerCase();
  return ROLES.find(([re]) => re.test(last))?.[1] ?? 'other';
}
