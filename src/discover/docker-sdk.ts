/** Python code that drives the Docker engine through its SDK: looked for only where a file mounts the Docker socket. */

import { LINES } from '../util/lines.js';

/** A line of Python that imports the Docker SDK or opens a client of the engine. */
export interface DockerSdkUse {
  file: string; // relative to the scanned directory
  line: number;
  text: string;
}

/** Python files read at most, so that a huge tree costs a bounded time. */
const MAX_PYTHON_FILES = 5_000;

/** `import docker`, `from docker import …`, `from docker.errors import …`, `docker.from_env()`, `docker.DockerClient(`. */
const SDK_LINE =
  /^\s*(?:import\s+docker(?:\.\w+)*\s*(?:$|[,;#]|as\b)|from\s+docker(?:\.\w+)*\s+import\b)|\bdocker\.(?:from_env|DockerClient|APIClient)\s*\(/;

/** Whether any text read mounts (or names) the Docker engine's socket. */
export function namesDockerSocket(texts: Record<string, string>): boolean {
  return Object.values(texts).some((t) => t.includes('docker.sock'));
}

/** The first line of each Python file that uses the Docker SDK. `read` gives a file's text, undefined when unreadable. */
export function dockerSdkUses(files: string[], read: (file: string) => string | undefined): DockerSdkUse[] {
  const out: DockerSdkUse[] = [];
  const python = files.filter((f) => f.endsWith('.py')).slice(0, MAX_PYTHON_FILES);
  for (const file of python) {
    const text = read(file);
    if (text === undefined || !text.includes('docker')) continue;
    const lines = text.split(LINES);
    const at = lines.findIndex((l) => SDK_LINE.test(l));
    if (at >= 0) out.push({ file, line: at + 1, text: lines[at]!.trim() });
  }
  return out;
}
