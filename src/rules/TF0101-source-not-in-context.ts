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

/** Where a fetch puts the code: `dir` itself, or (`topPrefix`) a new directory under `dir` whose name starts so. */
interface Landing {
  dir: string;
  topPrefix?: string;
}

/** What a RUN fetches (`git clone URL`, `curl URL | tar`), and where it puts it in the image when that can be told. */
function fetchesSource(
  run: RunInstr,
  workdir: string | undefined,
): { what: string; landing?: Landing } | undefined {
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
      const dest = named ? inImage(workdir, named) : undefined;
      return {
        what: `git clone${url ? ` ${redactUrl(url)}` : ''}`,
        ...(dest ? { landing: { dir: dest } } : {}),
      };
    }
  }
  const tarAt = commands.findIndex((argv) => argv.some((w) => /(^|\/)(tar|unzip|bsdtar)$/.test(w)));
  for (const argv of commands) {
    if (!argv.some((w) => /(^|\/)(curl|wget)$/.test(w))) continue;
    const url = argv.find((w) => /^https?:\/\//.test(w) && isSourceUrl(w));
    if (url && tarAt >= 0) {
      const landing = extractedTo(commands, tarAt, url, workdir);
      return {
        what: `${argv.find((w) => /(curl|wget)$/.test(w))} ${redactUrl(url)} | tar`,
        ...(landing ? { landing } : {}),
      };
    }
  }
  return undefined;
}

/** `path` in the image, from the working directory `cwd`; undefined when either cannot be told. */
function inImage(cwd: string | undefined, path: string): string | undefined {
  if (path.includes('$')) return undefined;
  if (path.startsWith('/')) return posix.normalize(path);
  return cwd?.startsWith('/') ? posix.resolve(cwd, path) : undefined;
}

/**
 * Where the extracting command of a RUN puts a downloaded archive: its `-C` directory, else the directory the RUN is
 * in (WORKDIR, or a `cd` before it); a code host's archive holds one top directory `<repo>-<ref>`, which
 * `--strip-components` drops.
 */
function extractedTo(
  commands: string[][],
  tarAt: number,
  url: string,
  workdir: string | undefined,
): Landing | undefined {
  let cwd = workdir;
  for (const argv of commands.slice(0, tarAt))
    if (argv[0] === 'cd') cwd = argv[1] ? inImage(cwd, argv[1]) : undefined;
  const tar = commands[tarAt];
  const unzip = tar.some((w) => /(^|\/)unzip$/.test(w));
  const at = tar.findIndex((w) => (unzip ? w === '-d' : w === '-C' || w === '--directory'));
  const option = tar.find((w) => w.startsWith('--directory='));
  const named = at >= 0 ? tar[at + 1] : option?.slice('--directory='.length);
  const dir = named === undefined ? cwd : inImage(cwd, named);
  if (dir === undefined) return undefined;
  if (tar.some((w) => /^--strip(-components)?(=|$)/.test(w))) return { dir };
  const repo = archiveRepo(url);
  return repo ? { dir, topPrefix: `${repo}-` } : undefined;
}

/** The repository a GitHub or GitLab archive URL names, whose name starts the archive's top directory. */
function archiveRepo(url: string): string | undefined {
  const path = url.replace(/^https?:\/\/[^/]+\//, '');
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  if (/(^|\.)github\.com$/.test(host)) return path.split('/')[1] || undefined;
  const gitlab = /^(?:.*\/)?([^/]+)\/-\/archive\//.exec(path);
  return gitlab?.[1];
}

/**
 * A fetch that brings a dependency, not the app: the image copies the Django project from the build context, and the
 * fetched code lands elsewhere (`git clone …/somelib && pip install ./somelib`, a clone into /opt/…, a library's
 * source archive extracted and built). A fetch whose place is unknown, or that lands over the directory the project is
 * copied to, may be the app's code.
 */
function fetchesDependency(app: App, landing: Landing | undefined): boolean {
  const code = app.imageSourceDir;
  if (code === undefined || landing === undefined) return false;
  if (!coversPath(landing.dir, code)) return true;
  if (landing.topPrefix === undefined) return false;
  // The archive unpacks into a new `<repo>-<ref>` directory under `dir`: the project's only if that is where it is.
  const below = posix.relative(landing.dir, code);
  return below === '' || !below.split('/')[0].startsWith(landing.topPrefix);
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

/**
 * A Dockerfile written for the project's directory but built from above it: manage.py sits in a subdirectory of the
 * context (`Docker/manage.py` from the repository root) and a COPY source the context lacks is there
 * (`COPY boleto/requirements.txt .` with only `Docker/boleto/requirements.txt`), so the build stops at that COPY.
 */
function writtenForProjectDir(
  app: App,
  context: BuildContext,
): { dir: string; source: string; line: number } | undefined {
  if (!app.managePy || !app.dockerfile) return undefined;
  const dir =
    context.dir === '.'
      ? posix.dirname(app.managePy)
      : posix.relative(context.dir, posix.dirname(app.managePy));
  if (dir === '.' || dir === '' || dir.startsWith('..')) return undefined;
  const exists = (rel: string) => context.files.some((f) => f === rel || f.startsWith(`${rel}/`));
  for (const stage of app.dockerfile.builtStages)
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const copy = ins as CopyInstr;
      if (copy.fromStage !== undefined || copy.fromImage || copy.sourcePatterns) continue;
      for (const source of copy.sources) {
        if (/[*?[$]|^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(source)) continue;
        const rel = posix.normalize(source.replace(/^\/+/, '')).replace(/\/+$/, '');
        if (rel === '.' || rel === '' || rel.startsWith('..')) continue;
        if (!exists(rel) && exists(`${dir}/${rel}`)) return { dir, source, line: copy.line };
      }
    }
  return undefined;
}

/** The instructions of the built stages that fetch the app's code (not a dependency) from outside the repository. */
function fetchFindings(app: App, lacksProject: boolean): RawFinding[] {
  const model = app.dockerfile;
  if (!model) return [];
  const findings: RawFinding[] = [];
  const instead = lacksProject
    ? `Build from the directory that holds manage.py and COPY the code from there instead.`
    : 'COPY the code from the build context instead.';
  for (const stage of model.builtStages) {
    const workdirs = workdirsOf(model, stage);
    for (const [i, ins] of stage.instructions.entries()) {
      if (ins.keyword === 'RUN') {
        const fetch = fetchesSource(ins as RunInstr, workdirs[i]);
        if (fetch && !fetchesDependency(app, fetch.landing))
          findings.push({
            file: model.file,
            line: ins.line,
            message: `This RUN fetches app code from outside the repository (${fetch.what}), so the image is not built from the commit under review. ${instead}`,
          });
      } else if (ins.keyword === 'ADD') {
        const add = ins as CopyInstr;
        const url = add.sources.find(isSourceUrl);
        const dest = add.dest.startsWith('/') ? { dir: posix.normalize(add.dest) } : undefined;
        if (url && !fetchesDependency(app, dest))
          findings.push({
            file: model.file,
            line: ins.line,
            message: `ADD ${redactUrl(url)} fetches source code from outside the repository, so the image is not built from the commit under review. ${instead}`,
          });
      }
    }
  }
  return findings;
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
binary such as a tool is not source and is not reported; nor is fetching a dependency, such as \`git clone …/somelib &&
pip install ./somelib\`, a clone into /opt/… or a library's source archive unpacked and built
(\`wget https://github.com/libgit2/libgit2/archive/v1.7.2.tar.gz && tar xzf v1.7.2.tar.gz\`), while the Django project
itself is copied from the build context to another directory.)

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
      const lacksProject = context !== undefined && !holdsProject(app, context);
      const fetches = fetchFindings(app, lacksProject);
      findings.push(...fetches);
      // A context without the project beside a fetch of the code (`git clone` of the app) is that fetch's doing.
      const misplaced = context && !lacksProject ? writtenForProjectDir(app, context) : undefined;
      if (context && misplaced) {
        const where = context.dir === '.' ? 'the repository root' : `'${context.dir}'`;
        const dir = context.dir === '.' ? misplaced.dir : `${context.dir}/${misplaced.dir}`;
        findings.push({
          file: model.file,
          line: target.from.line,
          message: `The build context ${where} does not hold the Django project where ${model.file} expects it: manage.py is in '${dir}/', and line ${misplaced.line} copies '${misplaced.source}', which is there ('${dir}/${posix.normalize(misplaced.source.replace(/^\/+/, ''))}') but not in this context, so the build fails at that line. Build from '${dir}' (compose build.context, or docker build ${dir}).`,
        });
      }
      if (context && lacksProject && fetches.length === 0) {
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
    }
    return findings;
  },
});
