import { posix } from 'node:path';
import { pipInstall, programArgv } from '../model/command.js';
import { expandedArgv } from '../model/install-args.js';
import type { RawFinding } from '../core/index.js';
import { appBuildCommands, everyDockerfile, type BuildCommand } from './lib/each.js';
import { defineRule } from './lib/rule.js';

const MANIFEST =
  /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;

/** Installers that read a manifest or lock file themselves (poetry install, pipenv install, uv sync, pdm, pip-sync). */
function installsFromManifest(argv: string[]): boolean {
  const pip = pipInstall(argv);
  if (pip) return pip.requirementFiles.length > 0 || pip.fromPaths.length > 0;
  const a = programArgv(argv);
  const sub = a.slice(1).find((w) => !w.startsWith('-'));
  switch (a[0]) {
    case 'poetry':
    case 'pdm':
      return sub === 'install' || sub === 'sync';
    case 'pipenv':
      // `pipenv install` alone installs the Pipfile; `pipenv install django` adds a package by name.
      return (sub === 'install' && pipenvPackages(a.slice(2)).length === 0) || sub === 'sync';
    case 'uv':
      return sub === 'sync';
    case 'pip-sync':
      return true;
    default:
      return false;
  }
}

// Options of pipenv install that take a value (`--python 3`, `-i URL`), not a package name.
const PIPENV_VALUED = new Set([
  '--python',
  '--pypi-mirror',
  '--categories',
  '-i',
  '--index',
  '--extra-index-url',
  '-r',
  '--requirements',
]);

/**
 * The packages `pipenv install` names (its words after install, option values left out). A word that is an expansion
 * (`$(... || echo --dev)`, `$EXTRA`) cannot be read here and is not taken for a package.
 */
function pipenvPackages(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (PIPENV_VALUED.has(words[i])) i++;
    else if (!words[i].startsWith('-') && !words[i].startsWith('$') && !words[i].startsWith('`'))
      out.push(words[i]);
  }
  return out;
}

/** How to install from a manifest: pip reads requirements files only; the others have their own installer. */
function installFrom(manifest: string): string {
  const name = manifest.slice(manifest.lastIndexOf('/') + 1);
  // --deploy installs the lock as it is and fails when it is out of date with the Pipfile; a Pipfile elsewhere than
  // the working directory is named by PIPENV_PIPFILE.
  const dir = manifest.slice(0, -name.length);
  const pipenv = `pip install pipenv && ${dir ? `PIPENV_PIPFILE=${dir}Pipfile ` : ''}pipenv install --system`;
  if (name === 'Pipfile.lock') return `${pipenv} --deploy`;
  if (name === 'Pipfile') return pipenv;
  if (name === 'poetry.lock') return 'poetry install --no-root';
  if (name === 'uv.lock') return 'uv sync --locked';
  if (name === 'pyproject.toml') return `pip install ${dir ? `./${dir}` : '.'}`;
  return `pip install -r ${manifest}`;
}

/** The manifest the build context holds that no install reads (the shallowest), relative to the context. */
function unusedManifest(contextFiles: string[], ownedElsewhere: (f: string) => boolean): string | undefined {
  return contextFiles
    .filter((f) => MANIFEST.test(f) && !ownedElsewhere(f))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
}

/**
 * Whether a manifest (a repository path) belongs to another image: it sits in the directory of another Dockerfile,
 * below the one of `dockerfile` (a test project's `tests/app/requirements.txt` beside its own `tests/app/Dockerfile`).
 */
function ownerElsewhere(manifest: string, dockerfile: string, dockerfiles: string[]): string | undefined {
  const own = posix.dirname(dockerfile);
  return dockerfiles.find((d) => {
    const dir = posix.dirname(d);
    return d !== dockerfile && dir !== own && under(dir, own) && under(manifest, dir);
  });
}

function under(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * The first requirements file a `pip install -r` of the build reads, with the RUN's line, when neither the repository
 * nor the build context holds it (by name) or any other dependency manifest: the install reads a file nobody declared.
 * A file named by a variable or URL is not judged.
 */
function missingRequirements(
  commands: BuildCommand[],
  files: string[],
): { file: string; line: number } | undefined {
  if (files.some((f) => MANIFEST.test(f))) return undefined;
  const held = new Set(files.map((f) => posix.basename(f)));
  for (const { run, command } of commands) {
    const file = pipInstall(command.argv)?.requirementFiles.find(
      (f) => f !== '' && !f.includes('$') && !f.includes('://') && !held.has(posix.basename(f)),
    );
    if (file) return { file, line: run.line };
  }
  return undefined;
}

export const noDependencyManifest = defineRule({
  id: 'TF0203',
  name: 'no-dependency-manifest',
  factor: 'II',
  severity: 'notice',
  kind: 'S',
  title:
    'The app image installs Python packages by name and never from a manifest (requirements*.txt, pyproject.toml, Pipfile.lock, poetry.lock, uv.lock), whether the repository holds none or holds one the image does not use, or installs from a requirements file the repository does not hold',
  help: `When the Dockerfile names the packages itself (\`RUN pip install django gunicorn psycopg\`), the dependency list
lives only in the image recipe: developers, CI and tools such as Dependabot cannot read it, and the versions used
locally drift from the image.

A manifest that sits in the repository but that no \`pip install -r\`, \`pip install .\`, \`poetry install\`,
\`pipenv install\` or \`uv sync\` reads is no better: what the repository declares is not what the image installs.
An image that installs from a manifest and adds a package by name beside it is not reported. An image that runs
\`pip install -r requirements.txt\` in a repository that holds no manifest at all is: the file was never committed,
so the dependencies are declared nowhere and the build has nothing to copy in.

Declare the dependencies in a manifest next to the code and install from it.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const dockerfiles = everyDockerfile(project).map((d) => d.file);
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df || !app.context || app.requirements.length > 0) continue;
      // A base that an ONBUILD image of the repository is built FROM: its children copy in and install their own.
      if (app.baseOf?.onbuild) continue;
      const commands = appBuildCommands(app);
      const missing = missingRequirements(commands, [
        ...(project.pythonManifests ?? []),
        ...app.context.files,
      ]);
      if (missing) {
        findings.push({
          file: df.file,
          line: missing.line,
          message: `The image installs from ${missing.file} (pip install -r ${missing.file}), but the repository holds no ${posix.basename(missing.file)} and no other dependency manifest: the dependencies are declared nowhere in the repository, and the build has no such file to copy in. Add ${posix.basename(missing.file)} to the build context, listing every package the app imports with its exact version.`,
        });
        continue;
      }
      // Words an ENV or ARG of the Dockerfile gives (`pip install $PACKAGES`) are read as the build expands them.
      if (commands.some(({ run, command }) => installsFromManifest(expandedArgv(command, run).argv)))
        continue;
      // One finding per RUN, naming every package it installs by name.
      const byLine = new Map<number, string[]>();
      for (const { run, command: cmd } of commands) {
        const pip = pipInstall(expandedArgv(cmd, run).argv);
        if (!pip || pip.byName.length === 0) continue;
        // A command on a continuation line belongs to the RUN that starts above it.
        const line = run.line <= cmd.line && cmd.line <= (run.endLine ?? run.line) ? run.line : cmd.line;
        byLine.set(line, [...(byLine.get(line) ?? []), ...pip.byName.map((r) => r.name)]);
      }
      const context = app.context;
      const owner = (f: string) => ownerElsewhere(f, df.file, dockerfiles);
      const elsewhere = (f: string) => owner(f) !== undefined;
      const unused = unusedManifest(context.files, (f) => elsewhere(posix.join(context.dir, f)));
      // One the repository holds outside this build context (a `.devcontainer` image beside a root requirements.txt).
      const outside = unused ? undefined : unusedManifest(project.pythonManifests ?? [], elsewhere);
      const others = (project.pythonManifests ?? []).filter((f) => MANIFEST.test(f) && elsewhere(f));
      for (const [line, names] of byLine)
        findings.push({
          file: df.file,
          line,
          message: unused
            ? `The image installs ${names.join(', ')} by name, and ${unused} exists but is not used: what the repository declares is not what the image installs. Install from it (${installFrom(unused)}) and declare every package there.`
            : outside
              ? `The image installs ${names.join(', ')} by name, and the repository's ${outside} is outside its build context (${app.context.dir}), so the image does not use it. Declare them in a manifest inside the context (e.g. ${posix.join(app.context.dir, 'requirements.txt')}) and install with pip install -r.`
              : others.length > 0
                ? `The image installs ${names.join(', ')} by name and from no manifest of its own (${others[0]} belongs to the image of ${owner(others[0])}). Declare them in a requirements file of this image's build context (e.g. ${posix.join(context.dir, 'requirements.txt')}) and install with pip install -r.`
                : `The image installs ${names.join(', ')} by name, and the repository has no dependency manifest. Declare them in requirements.txt (or pyproject.toml with a lock file) and install with pip install -r requirements.txt.`,
        });
    }
    return findings;
  },
});
