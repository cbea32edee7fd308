/** Whether the app drives the Docker engine on purpose: its code uses the Docker SDK, or its image installs it. */
import { isUnder, relativeTo } from '../discover/classify.js';
import type { DockerSdkUse } from '../discover/docker-sdk.js';
import type { App, DockerClientUse } from './types/project.js';

/** The Python packages that talk to the Docker engine's API. */
const SDK_PACKAGES = new Set(['docker', 'docker-py', 'aiodocker']);

/**
 * The first sign that the app manages containers: a file of its build context that reaches the image and imports the
 * Docker SDK (or opens a client), else a requirement of the image naming the SDK.
 */
export function dockerClientOf(app: App, uses: DockerSdkUse[]): DockerClientUse | undefined {
  const context = app.context;
  if (context) {
    const sent = new Set(context.sentFiles);
    const use = uses.find((u) => isUnder(u.file, context.dir) && sent.has(relativeTo(u.file, context.dir)));
    if (use) {
      const what = /\(/.test(use.text) ? 'opens a Docker client' : 'imports the Docker SDK';
      return { file: use.file, line: use.line, what };
    }
  }
  for (const req of app.requirements)
    for (const line of req.lines) {
      const name = line.name?.toLowerCase().replace(/[_.]/g, '-');
      if (line.kind === 'package' && name && SDK_PACKAGES.has(name))
        return { file: req.file, line: line.line, what: `installs the Docker SDK, ${line.text.trim()}` };
    }
  return undefined;
}
