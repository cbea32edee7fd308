import type { ComposeModel } from './types/compose.js';
import type { ParseError } from './types/project.js';

/**
 * Compose files (base first, then overrides, in merge order) → one merged model with positions.
 * `env` holds the variables for interpolation (the project's .env file); pure, never throws.
 */
export function modelCompose(
  files: { file: string; text: string }[],
  env: Record<string, string>,
): { model?: ComposeModel; errors: ParseError[] } {
  void files;
  void env;
  return { errors: [] };
}
