/**
 * Environment reads written back into advice with the names the settings module imports: `environ["X"]` after
 * `from os import environ`, `os.environ["X"]` after `import os` (and where the module imports neither). Pure.
 */
import { type Message, code, msg } from '../../core/index.js';
import type { SettingsModel } from '../../model/types/settings.js';

export interface EnvironReads {
  /** `os.environ["X"]`: fails when X is unset. */
  required(variable: string): string;
  /** `os.environ.get("X", "fallback")`. */
  get(variable: string, fallback: string): string;
  /** What `required` indexes (`os.environ`, `environ`) and what `get` calls (`os.environ.get`, `getenv`). */
  mapping: string;
  getter: string;
  /** Said after a required read the module has no name for (it imports only getenv): '' where it has one. */
  requiredNote: string;
  /** The same note as message parts (`import os` as code): empty where the module has a name. */
  requiredNoteMessage: Message;
}

/** How the module in `file` (the settings module when absent) writes a read of the environment. */
export function environReads(settings: SettingsModel | undefined, file: string | undefined): EnvironReads {
  const names = settings?.osNames?.[file ?? settings.file];
  const environ = names?.os ? `${names.os}.environ` : (names?.environ ?? 'os.environ');
  // `from os import getenv` alone: getenv reads with a fallback; a required read has no other name there
  const getenvOnly = !names?.os && !names?.environ && names?.getenv ? names.getenv : undefined;
  const getter = getenvOnly ?? `${environ}.get`;
  return {
    required: (v) => `${environ}[${JSON.stringify(v)}]`,
    get: (v, f) => `${getter}(${JSON.stringify(v)}, ${JSON.stringify(f)})`,
    mapping: environ,
    getter,
    requiredNote: getenvOnly ? ` (with \`import os\`: the module imports only ${getenvOnly} from os)` : '',
    requiredNoteMessage: getenvOnly
      ? msg` (with ${code('import os')}: the module imports only ${getenvOnly} from os)`
      : msg``,
  };
}
