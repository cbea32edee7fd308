import { pipInstall } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { appBuildCommands } from './lib/each.js';
import { defineRule } from './lib/rule.js';

const MANIFEST =
  /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;

export const noDependencyManifest = defineRule({
  id: 'TF0203',
  name: 'no-dependency-manifest',
  factor: 'II',
  severity: 'notice',
  kind: 'S',
  title:
    'The app image installs Python packages but from no manifest in the repository (requirements*.txt, pyproject.toml, Pipfile.lock, poetry.lock, uv.lock)',
  help: `When the Dockerfile names the packages itself (\`RUN pip install django gunicorn psycopg\`), the dependency list
lives only in the image recipe: developers, CI and tools such as Dependabot cannot read it, and the versions used
locally drift from the image.

Declare the dependencies in a manifest next to the code and install from it.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df || !app.context || app.requirements.length > 0) continue;
      if (app.context.files.some((f) => MANIFEST.test(f))) continue;
      // One finding per RUN, naming every package it installs by name.
      const byLine = new Map<number, string[]>();
      for (const { run, command: cmd } of appBuildCommands(app)) {
        const pip = pipInstall(cmd.argv);
        if (!pip || pip.byName.length === 0) continue;
        // A command on a continuation line belongs to the RUN that starts above it.
        const line = run.line <= cmd.line && cmd.line <= (run.endLine ?? run.line) ? run.line : cmd.line;
        byLine.set(line, [...(byLine.get(line) ?? []), ...pip.byName.map((r) => r.name)]);
      }
      for (const [line, names] of byLine)
        findings.push({
          file: df.file,
          line,
          message: `The image installs ${names.join(', ')} by name, and the repository has no dependency manifest. Declare them in requirements.txt (or pyproject.toml with a lock file) and install with pip install -r requirements.txt.`,
        });
    }
    return findings;
  },
});
