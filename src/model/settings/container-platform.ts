/**
 * What Python's platform tests say in the container the settings are judged in: a Linux container, whatever machine
 * the repository was written on (`if platform.system() == "Windows":` is a desktop's branch, never the image's).
 */
import type { LibraryCall } from './context.js';
import type { PyValue } from './value.js';

const PLATFORM_CONSTANTS: Record<string, string> = {
  'sys.platform': 'linux',
  'os.name': 'posix',
};

/** `sys.platform`, `os.name` (or `from sys import platform`) as the container's value; undefined for other names. */
export function platformConstant(name: string, line: number): PyValue | undefined {
  const v = PLATFORM_CONSTANTS[name];
  return v === undefined ? undefined : { t: 'str', v, line };
}

/** `platform.system()`: 'Linux' in the container. */
export const callPlatform: LibraryCall = (_recorder, _ctx, name, args, line) => {
  if (name !== 'platform.system' || args.pos.length > 0) return undefined;
  return { t: 'str', v: 'Linux', line };
};

/**
 * The text of a test operand that reads the platform and no variable: `platform.system()`, `sys.platform`, `os.name`,
 * maybe lower-cased or tested with startswith/endswith against a literal.
 */
export const PLATFORM_OPERAND =
  /^(?:platform\.system\(\)|sys\.platform|os\.name)(?:\.(?:lower|upper|casefold)\(\))?(?:\.(?:startswith|endswith)\(\s*(['"])[\w-]*\1\s*\))?$/;
