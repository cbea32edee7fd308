import type { RawFinding } from '../core/index.js';
import { posix } from 'node:path';
import type { CopyInstr, RunInstr } from '../model/types/dockerfile.js';
import type { App, BuildContext } from '../model/types/project.js';
import { coversPath, workdirsOf } from './lib/paths.js';
import { defineRule } from './lib/rule.js';

const CODE_HOSTS =
  /^(https?:\/\/|git@)([^/@]*@)?(github\.com|gitlab\.com|bitbucket\.org|codeload\.github\.com|[^/]*gitlab[^/]*|[^/]*gitea[^/]*)[/:]/i;

/** A URL that fetches source code: a git repository, or a code host's archive of a branch, tag or commit. */
export function isSourceUrl(url: string): boolean {
  if (/^git@/.test(url) || /\.git(#.*)?$/.test(url) || /^git:\/\//.test(url)) return true;
  if (!CODE_HOSTS.test(url)) return false;
  if (/\/releases\/download\//.test(url)) return false; // release binaries are artefacts, not source
  return /\/(archive|tarball|zipball|-\/archive)\//.test(url) || /codeload\.github\.com/.test(url);
}

/** The URL without user info, so a token in `https://user:token@host/...` is never printed. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** Options of `git clone` that take a value: the word after them is not the repository or the directory. */
const CLONE_VALUE_OPTIONS = new Set([
  '--depth',
  '--branch',
  '-b',
  '--origin',
  '-o',
  '--config',
  '-c',
  '--jobs',
  '-j',
  '--reference',
  '--reference-if-able',
  '--separate-git-dir',
  '--filter',
  '--template',
  '--shallow-since',
  '--shallow-exclude',
  '--upload-pack',
  '-u',
  '--server-option',
  '--bundle-uri',
]);

/** What a RUN fetches (`git clone URL`), and where it puts it in the image when that can be told. */
function fetchesSource(
  run: RunInstr,
  workdir: string | undefined,
): { what: string; dest?: string } | undefined {
  const commands = run.script?.commands.map((c) => c.argv) ?? (run.argv ? [run.argv] : []);
  const words = (argv: string[]) => argv.map((w) => w.trim());
  for (const argv of commands.map(words)) {
    const gitAt = argv.findIndex((w) => /(^|\/)git$/.test(w));
    if (gitAt >= 0 && argv.slice(gitAt + 1).includes('clone')) {
      const operands: string[] = [];
      const rest = argv.slice(argv.indexOf('clone', gitAt) + 1);
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '--') continue;
        if (rest[i].startsWith('-')) {
          if (CLONE_VALUE_OPTIONS.has(rest[i])) i++;
          continue;
        }
        operands.push(rest[i]);
      }
      const [url, dir] = operands;
      const named =
        dir ??
        url
          ?.replace(/\/+$/, '')
          .replace(/\.git$/, '')
          .split(/[/:]/)
          .pop();
      // The directory is known when the clone names an absolute one, or one under a known WORKDIR.
      const dest =
        named && !named.includes('$')
          ? named.startsWith('/')
            ? posix.normalize(named)
            : workdir?.startsWith('/')
              ? posix.resolve(workdir, named)
              : undefined
          : undefined;
      return { what: `git clone${url ? ` ${redactUrl(url)}` : ''}`, ...(dest ? { dest } : {}) };
    }
  }
  const extracts = commands.some((argv) => argv.some((w) => /(^|\/)(tar|unzip|bsdtar)$/.test(w)));
  for (const argv of commands) {
    if (!argv.some((w) => /(^|\/)(curl|wget)$/.test(w))) continue;
    const url = argv.find((w) => /^https?:\/\//.test(w) && isSourceUrl(w));
    if (url && extracts)
      return { what: `${argv.find((w) => /(curl|wget)$/.test(w))} ${redactUrl(url)} | tar` };
  }
  return undefined;
}

/**
 * A clone that brings a dependency, not the app: the image copies the Django project from the build context, and the
 * clone lands elsewhere (`git clone …/somelib && pip install ./somelib`, a clone into /opt/…). A clone whose place is
 * unknown, or that holds the directory the project is copied to, may be the app's code.
 */
function clonesDependency(app: App, dest: string | undefined): boolean {
  const code = app.imageSourceDir;
  if (code === undefined || dest === undefined) return false;
  return !coversPath(dest, code);
}

/**
 * The context holds the Django project when it sends manage.py; a project started without one (django-admin or the
 * WSGI module on PYTHONPATH) is held when the context sends its settings module.
 */
function holdsProject(app: App, context: BuildContext): boolean {
  if (context.sentFiles.some((f) => /(^|\/)manage\.py$/.test(f))) return true;
  const settings = app.settings?.file;
  if (app.managePy !== undefined || settings === undefined) return false;
  if (context.dir === '.') return context.sentFiles.includes(settings);
  return (
    settings.startsWith(`${context.dir}/`) &&
    context.sentFiles.includes(settings.slice(context.dir.length + 1))
  );
}

export const sourceNotInContext = defineRule({
  id: 'TF0101',
  name: 'source-not-in-context',
  factor: 'I',
  severity: 'warning',
  kind: 'S',
  title:
    'The build context of the app image does not contain the Django project (manage.py; for a project started without one, its settings module), or app code is fetched inside the build (git clone, ADD https://… of source, curl … | tar) instead of coming from the repository next to the Dockerfile',
  help: `One codebase, many deploys: the image must be built from the commit being reviewed. When the build context does
not contain the Django project, or the Dockerfile fetches the code itself (\`git clone\`, \`ADD\` of a repository or of a
branch archive, \`curl … | tar\`), the image holds whatever the remote had at build time, not this commit, and the
build is neither reproducible nor reviewable. Build from the repository and copy the code in. (Downloading a release
binary such as a tool is not source and is not reported; nor is cloning a dependency, such as \`git clone …/somelib &&
pip install ./somelib\` or a clone into /opt/…, while the Django project itself is copied from the build context to
another directory.)

\`\`\`dockerfile
# Before
RUN git clone https://github.com/example/mysite.git /app

# After: docker build . from the repository root
COPY . /app
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      if (app.remoteContext) {
        findings.push({
          file: app.remoteContext.file,
          line: app.remoteContext.line,
          message: `The app image is built from the remote context ${redactUrl(app.remoteContext.url)}, not from this repository, so it does not contain the commit under review. Set build.context to the directory that holds manage.py.`,
        });
      }
      const model = app.dockerfile;
      const target = model?.targetStage;
      if (!model || !target) continue;
      const context = app.context;
      if (context && !holdsProject(app, context)) {
        const present = context.files.find((f) => /(^|\/)manage\.py$/.test(f));
        const where = context.dir === '.' ? 'the repository root' : `'${context.dir}'`;
        findings.push({
          file: model.file,
          line: target.from.line,
          message: present
            ? `The build context ${where} holds '${present}' but .dockerignore leaves it out, so the image cannot contain the Django project. Remove the pattern that excludes it.`
            : `The build context ${where} does not contain the Django project (no manage.py), so the image is not built from this repository's code. Build from the directory that holds manage.py (compose build.context, or docker build <dir>).`,
        });
      }
      for (const stage of model.builtStages) {
        const workdirs = workdirsOf(model, stage);
        for (const [i, ins] of stage.instructions.entries()) {
          if (ins.keyword === 'RUN') {
            const fetch = fetchesSource(ins as RunInstr, workdirs[i]);
            if (fetch && !clonesDependency(app, fetch.dest))
              findings.push({
                file: model.file,
                line: ins.line,
                message: `This RUN fetches app code from outside the repository (${fetch.what}), so the image is not built from the commit under review. COPY the code from the build context instead.`,
              });
          } else if (ins.keyword === 'ADD') {
            const url = (ins as CopyInstr).sources.find(isSourceUrl);
            if (url)
              findings.push({
                file: model.file,
                line: ins.line,
                message: `ADD ${redactUrl(url)} fetches source code from outside the repository, so the image is not built from the commit under review. COPY the code from the build context instead.`,
              });
          }
        }
      }
    }
    return findings;
  },
});
