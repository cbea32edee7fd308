/** Image references and the backing-service kind they name. */
import type { ComposeService } from '../types/compose.js';

/** Splits an image reference; a ':' before the last '/' is a registry port, not a tag. */
export function splitImage(ref: string): { repository: string; tag?: string; digest?: string } {
  let name = ref;
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    name = ref.slice(0, at);
    digest = ref.slice(at + 1);
  }
  const colon = name.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return {
    repository: name,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

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
