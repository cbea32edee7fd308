import { installsPackages } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { appStartCommands } from './lib/each.js';
import { defineRule } from './lib/rule.js';

export const depsInstalledAtStart = defineRule({
  id: 'TF0204',
  name: 'deps-installed-at-start',
  factor: 'II',
  severity: 'error',
  kind: 'S',
  title:
    'Dependencies are installed when the container starts: pip install, apt-get install, apk add in CMD/ENTRYPOINT, in a compose command/entrypoint, or in the entrypoint script the image runs',
  help: `Installing packages when the container starts makes every start slow and dependent on the network and on package
indexes, and each replica can end up with different versions: the image is no longer the release.

Install everything at build time, in a \`RUN\`, and keep the start command to starting the server.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { command: cmd } of appStartCommands(project)) {
      const what = installsPackages(cmd.argv);
      if (!what) continue;
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: `'${what}' runs every time the container starts. Move the installation into a RUN of the Dockerfile so the image carries its dependencies.`,
      });
    }
    return findings;
  },
});
