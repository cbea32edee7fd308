import type { DockerfileModel } from './types/dockerfile.js';
import type { ParseError } from './types/project.js';

export interface DockerfileOptions {
  /** compose build.target; else the last stage is the target. */
  target?: string;
  /** compose build.args; they override ARG defaults. */
  buildArgs?: Record<string, string | undefined>;
}

/** Dockerfile text → model (stages, resolved ARGs, target stage). Pure; never throws on bad input. */
export function modelDockerfile(
  file: string,
  text: string,
  options: DockerfileOptions = {},
): { model?: DockerfileModel; errors: ParseError[] } {
  void file;
  void text;
  void options;
  return { errors: [] };
}
