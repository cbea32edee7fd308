import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The operations the fake GitHub serves, by GitHub's operationId. */
export const OPERATIONS = [
  'users/get-authenticated',
  'apps/get-authenticated',
  'pulls/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review',
  'pulls/delete-review-comment',
  'checks/create',
  'checks/update',
] as const;
export type OperationId = (typeof OPERATIONS)[number];

type Json = Record<string, unknown>;
interface Description {
  openapi: string;
  info: Json;
  servers?: Json[];
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, unknown>>;
}

let full: Description | undefined;

/** GitHub's REST description of api.github.com, as @octokit/openapi ships it (parsed once per process). */
export function githubDescription(): Description {
  if (!full) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    full = JSON.parse(readFileSync(file, 'utf8')) as Description;
  }
  return full;
}

/**
 * The same description cut down to the operations the fake serves and every component they reference, so that
 * openapi-backend compiles a few validators instead of GitHub's thousand operations.
 */
export function describedSubset(operations: readonly string[] = OPERATIONS): Description {
  const api = githubDescription();
  const paths: Description['paths'] = {};
  for (const [path, item] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && op && operations.includes(String((op as Json).operationId))) {
        paths[path] ??= {};
        paths[path][method] = op as Json;
      }
    }
  }
  const components: Description['components'] = {};
  const pending: unknown[] = [paths];
  const seen = new Set<string>();
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !seen.has(value)) {
          seen.add(value);
          const [, , kind, name] = value.split('/'); // #/components/<kind>/<name>
          const target = api.components[kind]?.[name];
          components[kind] ??= {};
          components[kind][name] = target;
          pending.push(target);
        } else pending.push(value);
      }
    }
  }
  return { openapi: api.openapi, info: api.info, servers: api.servers, paths, components };
}

/** Whether GitHub's REST API has this route at all (any operation, not only the ones the fake serves). */
export function isGitHubRoute(method: string, pathname: string): boolean {
  routes ??= Object.entries(githubDescription().paths).flatMap(([path, item]) =>
    Object.keys(item).map((m) => ({
      method: m.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    })),
  );
  return routes.some((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
}
let routes: { method: string; pattern: RegExp }[] | undefined;
