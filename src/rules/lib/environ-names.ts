/**
 * Environment reads written back into advice with the names the settings module imports: `environ["X"]` after
 * `from os import environ`, `os.environ["X"]` after `import os` (and where the module imports neither). Pure.
 */
import type { SettingsModel } from '../../model/types/settings.js';

export interface EnvironReads {
  /** `os.environ["X"]`: fails when X is unset. */
  required(variable: string): string;
  /** `os.environ.get("X", "fallback")`. */
  get(variable: string, fallback: string): string;
  /** Said after a required read the module has no name for (it imports only getenv): '' where it has one. */
  requiredNote: string;
}

/** How the module in `file` (the settings module when absent) writes a read of the environment. */
export function environReads(settings: SettingsModel, file: string | undefined): EnvironReads {
  const names = settings.osNames?.[file ?? settings.file];
  const environ = names?.os ? `${names.os}.environ` : (names?.environ ?? 'os.environ');
  // `from os import getenv` alone: getenv reads with a fallback; a required read has no other name there
  const get =
    !names?.os && !names?.environ && names?.getenv
      ? (v: string, f: string) => `${names.getenv}(${JSON.stringify(v)}, ${JSON.stringify(f)})`
      : (v: string, f: string) => `${environ}.get(${JSON.stringify(v)}, ${JSON.stringify(f)})`;
  const requiredNote =
    !names?.os && !names?.environ && names?.getenv
      ? ` (with \`import os\`: the module imports only ${names.getenv} from os)`
      : '';
  return { required: (v) => `${environ}[${JSON.stringify(v)}]`, get, requiredNote };
}
