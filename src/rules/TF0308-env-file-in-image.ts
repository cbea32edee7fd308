import { dockerignoreFileOf, filesCopiedIntoImage, isEnvFile } from './lib/files.js';
import { posix } from 'node:path';
import type { RawFinding } from '../core/index.js';
import { absentFileReachingImage, exceptionLettingIn, excludedWith } from '../model/context.js';
import { hasTemplateName } from '../model/env-files.js';
import type { App } from '../model/types/project.js';
import type { CopyInstr } from '../model/types/dockerfile.js';
import { lineage } from '../model/dockerfile/lineage.js';
import { buildRuns } from '../model/command.js';
import { appsAndWorkerImages } from './lib/each.js';
import { matchesGlob } from '../util/glob.js';
import { sourcedFileAdvice } from './lib/env-file-sourced.js';
import { defineRule } from './lib/rule.js';

export const envFileInImage = defineRule({
  id: 'TF0308',
  name: 'env-file-in-image',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "A .env-style file (.env, *.env, .env.*, any env_file compose loads, even one named as a template; another template or a file in a .env* directory only when it holds a real-looking secret) that exists in the context reaches the image (explicit COPY, or COPY . not excluded by .dockerignore); also a compose env_file inside the app's build context that COPY . would take and .dockerignore does not exclude, even when the repository does not hold the file",
  help: `Config belongs in the environment of each deploy, not in the artefact. A \`.env\` file copied into the image ships
its secrets to everyone who can pull the image, and the same image then carries one environment's config into every
other one. An \`env_file\` that compose reads from inside the build context is the same risk even when it is not
committed: the developer who builds the image has the real one, and \`COPY . .\` bakes it in. So is a COPY that names a
\`.env\` file or pattern the repository does not hold (\`COPY ./.env* /app/\`): it is there to take the real one. Keep \`.env\` files out of the build context and pass the values at run time (\`docker run --env-file\`,
compose \`env_file:\`, or your platform's secrets).

A template meant to be committed (\`.env.example\`, \`.env.sample\`, \`.env.template\`, \`.env.tpl\`, \`.env.dist\`, \`.env.default\`)
is reported only when it gives a secret-looking name a real-looking value (not empty, not a placeholder such as
\`change-me\`, \`<your key>\`, \`xxx\` or words that name the value like \`db_password\` or \`SECRET_KEY\`), and so is a file
in a \`.env*\` directory (\`.envs/.local/.django\`) that nothing loads; any other \`.env.*\` name, a misspelt template
(\`.env.sampel\`) included, is an env file, and so is every file compose loads as \`env_file\`
(\`.envs/.production/.postgres\`), whatever it holds and however it is named: a \`.env-sample\` that compose loads is
the file a deploy fills in, not a template. A committed env file that
names its secrets but leaves every one empty (\`SECRET_KEY=\` in a \`.env.build\` a build step copies for
\`collectstatic\`) is reported too: whatever it holds when an image is built ships with the image, and a later
\`RUN rm\` deletes it only from the layers after the COPY, not from the layer that holds it.

When a start script of the image sources the file (\`. ./db.env\`), leaving it out of the image breaks that script: the
message says so and asks for the values at run time (compose \`env_file:\` or \`environment:\` on the app service) and
for the script to read them from the environment.

\`\`\`
# .dockerignore
.env
.env.*
!.env.example
\`\`\`
`,
  related: [],
  check(project) {
    // A template (`.env.example`) counts when it holds a real-looking secret; each app knows its context's ones.
    const images = appsAndWorkerImages(project);
    const templates = new Set(
      images.flatMap((a) => (a.context?.envTemplatesWithSecrets ?? []).map((f) => `${a.context!.dir}\0${f}`)),
    );
    const copied = filesCopiedIntoImage(
      project,
      (path, dir) => isEnvFile(path) || templates.has(`${dir}\0${path}`),
      (names, files, at) => {
        const many = files.length > 1;
        const later = `but whatever ${many ? 'they hold' : 'it holds'} when an image is built ships with the image`;
        const what = loadedTemplates(images, files)
          ? `: compose loads ${many ? 'them' : 'it'} as env_file, so ${many ? 'they are' : 'it is'} the deploy's config, not ${many ? 'templates' : 'a template'}, ${later}`
          : namesNoSecret(at.app, files)
            ? `: ${many ? 'they name' : 'it names'} no secret today, ${later}`
            : leavesSecretsEmpty(at.app, files)
              ? `: ${many ? 'they leave' : 'it leaves'} every secret empty today, ${later}`
              : `, so ${many ? 'their' : 'its'} secrets ship with the image`;
        const rm = removedLater(at.app, at.line);
        const kept = rm
          ? ` The RUN rm at line ${rm} deletes it only from the layers after this one: the layer of this COPY keeps it, for anyone who pulls the image.`
          : '';
        return namedByCopy(at.app, at.line, files)
          ? `This instruction copies ${names} into the image by name${what}.${kept} Remove the COPY (a .dockerignore entry would only make it fail) and ${rm ? 'give the build steps that need the values them on their own RUN line (RUN NAME=value python manage.py …) or as a build secret (RUN --mount=type=secret); the container gets its values at run time' : "pass the values as environment variables at run time (compose env_file, or the platform's settings)"}.`
          : `This instruction copies ${names} into the image${what}. ${ignoreAdvice(at.app, files)}${sourcedFileAdvice(at.app, files)}`;
      },
    );
    const found = onePerLine([...copied, ...images.flatMap(envFilesOfCompose)]);
    // A COPY already reported (it takes a file the context holds, or a compose env_file) is not reported twice.
    const absent = images
      .flatMap(envSourcesAbsent)
      .filter((a) => !found.some((f) => f.file === a.file && f.line === a.line));
    return [...found, ...absent];
  },
});

/**
 * A COPY/ADD whose source names a .env-style file or pattern (`COPY ./.env* /.env`, `COPY .env /app/`) that the
 * context does not hold (the repository ignores it): the build takes the developer's real one, secrets and all.
 */
function envSourcesAbsent(app: App): RawFinding[] {
  const df = app.dockerfile;
  const context = app.context;
  if (!df?.targetStage || !context) return [];
  const out: RawFinding[] = [];
  for (const i of lineage(df).flatMap((s) => s.instructions)) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || (i as CopyInstr).fromStage !== undefined) continue;
    for (const written of (i as CopyInstr).sources) {
      const source = posix.normalize(written).replace(/^\/+/, '');
      // `.env*`, `.env.*` and `*.env` name env files as `.env` and `.env.prod` do; a template is committed on purpose.
      if (!isEnvFile(source.replace(/\*/g, '')) || hasTemplateName(source)) continue;
      if (context.files.some((f) => matchesGlob(source, f))) continue;
      out.push({
        file: df.file,
        line: i.line,
        message: `This instruction copies '${written}' into the image by name. The repository holds no such file, but the developer who builds the image has a real one, and its secrets ship with the image. Remove the COPY and pass the values as environment variables at run time (compose env_file, or the platform's settings).`,
      });
      break;
    }
  }
  return out;
}

/**
 * Every one of the files (repository paths) is named as a template (`.env-sample`) and loaded as env_file by a
 * compose service of any compose file that builds the image: the file a deploy fills in, whatever it holds today.
 * Every app judging the same COPY then says the same of it.
 */
function loadedTemplates(apps: App[], files: string[]): boolean {
  const loaded = new Set(
    apps.flatMap((app) => (app.compose?.services ?? []).flatMap((s) => s.envFiles.map((f) => f.path))),
  );
  return files.every((f) => hasTemplateName(f) && loaded.has(f));
}

/** Every one of the files (repository paths) names no secret-looking variable and carries no credential (`DEBUG=1`). */
function namesNoSecret(app: App, files: string[]): boolean {
  const dir = app.context?.dir ?? '.';
  const none = app.context?.envFilesNamingNoSecret ?? [];
  return files.every((f) => none.includes(dir === '.' ? f : posix.relative(dir, f)));
}

/** Every one of the files (repository paths) names its secrets but leaves each one empty (`SECRET_KEY=`). */
function leavesSecretsEmpty(app: App, files: string[]): boolean {
  const dir = app.context?.dir ?? '.';
  const empty = app.context?.envFilesWithoutSecrets ?? [];
  return files.every((f) => empty.includes(dir === '.' ? f : posix.relative(dir, f)));
}

/**
 * The line of a RUN after the COPY/ADD at `line` that deletes the one file it copied (`COPY .env.build /app/.env`,
 * then `RUN rm /app/.env`): the file stays in the COPY's layer all the same.
 */
function removedLater(app: App, line: number): number | undefined {
  const df = app.dockerfile;
  if (!df?.targetStage) return undefined;
  const stages = lineage(df);
  const copy = stages.flatMap((s) => s.instructions).find((i) => i.line === line) as CopyInstr | undefined;
  if (!copy || (copy.keyword !== 'COPY' && copy.keyword !== 'ADD') || copy.sources.length !== 1)
    return undefined;
  const landed = copy.dest.endsWith('/')
    ? posix.join(copy.dest, posix.basename(copy.sources[0]))
    : posix.normalize(copy.dest);
  if (!landed.startsWith('/')) return undefined;
  for (const { run, commands } of buildRuns(stages)) {
    if (run.line <= line) continue;
    for (const c of commands)
      if (
        posix.basename(c.argv[0] ?? '') === 'rm' &&
        c.argv.slice(1).some((a) => posix.normalize(a) === landed)
      )
        return run.line;
  }
  return undefined;
}

/** The COPY/ADD at `line` names one of the files as a source (`COPY .env.prod .env`), rather than taking a directory. */
function namedByCopy(app: App, line: number, files: string[]): boolean {
  return linesNaming(app, files).some((l) => l.line === line);
}

/** The COPY/ADD instructions of the image that name one of `files` (repository paths) as a source, and which one. */
function linesNaming(app: App, files: string[]): { line: number; file: string }[] {
  const dir = app.context?.dir ?? '.';
  const inContext = (f: string) => (dir === '.' ? f : posix.relative(dir, f));
  const out: { line: number; file: string }[] = [];
  for (const i of (app.dockerfile?.targetStage ? lineage(app.dockerfile) : []).flatMap(
    (s) => s.instructions,
  )) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    const sources = (i as CopyInstr).sources.map((src) => posix.normalize(src).replace(/^\//, ''));
    for (const f of files) if (sources.includes(inContext(f))) out.push({ line: i.line, file: f });
  }
  return out;
}

/** A compose env_file message's opening, which a message after another on the same line words as 'It also takes'. */
const COMPOSE_READS = /^Compose reads (env_files? .*?) from inside the build context\./;

/**
 * One finding per COPY/ADD line: a line that bakes in a file of the context and a compose env_file (or two env_files
 * copied by name) says so in one message, each file with its own advice.
 */
function onePerLine(findings: RawFinding[]): RawFinding[] {
  const byLine = new Map<string, RawFinding>();
  // The same message for the same line (two apps build the image, two compose files name the env_file) is said once.
  const said = new Set<string>();
  for (const f of findings) {
    const key = `${f.file}\0${f.line}`;
    if (said.has(`${key}\0${f.message}`)) continue;
    said.add(`${key}\0${f.message}`);
    const first = byLine.get(key);
    if (!first) byLine.set(key, { ...f });
    else
      first.message = `${first.message} ${f.message.replace(COMPOSE_READS, 'It also takes $1, which compose reads from inside the build context.')}`;
  }
  return [...byLine.values()];
}

/** Compose env_files (of any service) inside the app's build context that the repository does not hold but a COPY would take. */
function envFilesOfCompose(app: App): RawFinding[] {
  const file = app.dockerfile?.file;
  const dir = app.context?.dir;
  if (!file || dir === undefined) return [];
  const out: RawFinding[] = [];
  // Env files a directory COPY takes, by that COPY's line: one message names them all.
  const takenBy = new Map<number, { paths: string[]; inContext: string[] }>();
  // Any service's env_file counts: the database's `.env` in the app's context is baked in by the same COPY.
  // A path made of an unset variable (`${ENV_FILENAME}`) names no file we know.
  const envFiles = (app.compose?.services ?? []).flatMap((s) => s.envFiles.filter((f) => !f.unknown));
  const seen = new Set<string>();
  for (const f of envFiles) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    // An absolute or home path (`~/secrets/.env`) lies outside the project, so outside every build context.
    if (posix.isAbsolute(f.path) || f.path.startsWith('~')) continue;
    const inContext = dir === '.' ? f.path : posix.relative(dir, f.path);
    if (inContext.startsWith('..') || !isUsableEnvFileName(inContext)) continue;
    const reached = absentFileReachingImage(app, inContext);
    if (reached.length === 0) continue;
    // A COPY that names it (`COPY ./src/.env /app`) is where it is baked in, even beside a `COPY ./src` that takes it too.
    const named = linesNaming(app, [f.path])[0]?.line;
    if (named === undefined) {
      const line = reached.at(-1)!;
      const taken = takenBy.get(line) ?? { paths: [], inContext: [] };
      taken.paths.push(f.path);
      taken.inContext.push(inContext);
      takenBy.set(line, taken);
      continue;
    }
    // Copied by name (`COPY .env.prod /app/.env`), the file is what the build needs: a .dockerignore entry would fail it;
    // a directory COPY that takes it too (`COPY . .`, before or after) still bakes it in once that COPY is gone.
    const takenToo = reached.find((l) => l !== named && !namedByCopy(app, l, [f.path]));
    const alsoTaken =
      takenToo !== undefined
        ? ` Then add '${inContext}' to ${dockerignoreFileOf(app.context)}, as the COPY at line ${takenToo} takes it too.`
        : '';
    out.push({
      file,
      line: named,
      message: `Compose reads env_file '${f.path}' from inside the build context. This instruction copies it by name, so the build fails without it and whoever builds the image with a real one bakes its secrets in. Remove the COPY and let the container read it at run time (compose env_file already does).${alsoTaken}`,
    });
  }
  for (const [line, { paths, inContext }] of takenBy) {
    const one = paths.length === 1;
    out.push({
      file,
      line,
      message: `Compose reads env_file${one ? '' : 's'} ${quoteAll(paths)} from inside the build context. No .dockerignore excludes ${one ? 'it' : 'them'}: the repository does not hold ${one ? 'it' : 'them'}, but whoever builds the image with ${one ? 'a real one bakes its' : 'real ones bakes their'} secrets in here. Add ${quoteAll(inContext)} to ${dockerignoreFileOf(app.context)}.${sourcedFileAdvice(app, paths)}`,
    });
  }
  return out;
}

/** 'a', 'a' and 'b', 'a', 'b' and 'c'. */
function quoteAll(items: string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : quoted[0];
}

/** Any env_file name but a template meant to be committed. */
function isUsableEnvFileName(path: string): boolean {
  return !hasTemplateName(path);
}

/**
 * What to do about files a directory COPY takes: .dockerignore patterns that match them in this context (checked
 * with the context's own patterns), except for a file another COPY names, which an entry would make fail.
 */
function ignoreAdvice(app: App, files: string[]): string {
  const named = linesNaming(app, files);
  const kept = [...new Set(named.map((n) => n.file))];
  // Let in by a `!` exception: the .dockerignore already has the pattern, so the advice is to drop the exception.
  const exceptions = files
    .filter((f) => !kept.includes(f))
    .map((f) => ({ f, by: app.context && exceptionLettingIn(app.context, contextPath(app, f)) }));
  const excepted = exceptions.filter((e) => e.by !== undefined);
  const rest = exceptions.filter((e) => e.by === undefined).map((e) => e.f);
  const quote = (fs: string[]) =>
    fs.length > 1
      ? `${fs
          .slice(0, -1)
          .map((f) => `'${f}'`)
          .join(', ')} and '${fs.at(-1)}'`
      : `'${fs[0]}'`;
  const advice: string[] = [];
  if (rest.length > 0) {
    const patterns = ignorePatterns(app, rest, kept);
    const own = patterns.length === rest.length && rest.every((f) => patterns.includes(contextPath(app, f)));
    // A .dockerignore entry is a path in the context (`.env` of `web/.env` in context `web`), not in the repository.
    const what = own
      ? quote(patterns)
      : kept.length === 0
        ? rest.length > 1
          ? 'them'
          : 'it'
        : `${patterns.length > 1 ? 'patterns' : 'a pattern'} for ${quote(rest)}`;
    advice.push(
      `Add ${what} to ${dockerignoreFileOf(app.context)}${own ? '' : ` (${quote(patterns)})`} and pass the values as environment variables at run time.`,
    );
  }
  for (const { f, by } of excepted)
    advice.push(
      `${dockerignoreFileOf(app.context)} lets '${f}' in on purpose ('${by!.pattern}', line ${by!.line}): drop that exception and pass the values as environment variables at run time.`,
    );
  if (kept.length > 0) {
    const lines = [...new Set(named.map((n) => n.line))].sort((a, b) => a - b);
    const one = kept.length === 1;
    advice.push(
      `${quote(kept)} ${one ? 'is' : 'are'} also copied by name (line ${lines.join(', ')}), where a .dockerignore entry would make the build fail: stop copying ${one ? 'it' : 'them'} into the image (drop ${lines.length > 1 ? 'those COPYs' : 'that COPY'}, then leave ${one ? 'it' : 'them'} out of the context too) and pass the values as environment variables at run time instead.`,
    );
  }
  return advice.join(' ');
}

/**
 * .dockerignore patterns that match the copied files (context-relative): `.env` and `.env.*` match at the context
 * root only, so a file in a subdirectory needs `**\/` (`journal/.env` → `**\/.env`), and a file in a `.env*`
 * directory needs that directory. A general pattern that would miss the file or also take one of `kept` gives way
 * to the file's own path.
 */
function ignorePatterns(app: App, files: string[], kept: string[]): string[] {
  const context = app.context;
  const inContext = (f: string) => contextPath(app, f);
  const patterns = new Set<string>();
  for (const f of files.map(inContext)) {
    const general = generalPattern(f);
    const fits =
      context === undefined ||
      (excludedWith(context, [general], f) &&
        !kept.some((k) => excludedWith(context, [general], inContext(k))));
    patterns.add(fits ? general : f);
  }
  return [...patterns];
}

/** A repository path relative to the app's build context. */
function contextPath(app: App, path: string): string {
  const dir = app.context?.dir ?? '.';
  return dir === '.' ? path : posix.relative(dir, path);
}

/** `.env.prod` → `.env.*`, `db_keys.env` → `*.env`, `.env-sample` → `.env-*`, `.envs/.prod/.django` → `.envs/`. */
function generalPattern(path: string): string {
  const parts = path.split('/');
  const envDir = parts.slice(0, -1).findIndex((p) => p.startsWith('.env'));
  if (envDir >= 0) return `${parts.slice(0, envDir + 1).join('/')}/`;
  const base = parts.at(-1)!;
  const sep = /^\.env([._-])./.exec(base)?.[1];
  const general =
    sep !== undefined ? `.env${sep}*` : base.endsWith('.env') && base !== '.env' ? '*.env' : base;
  return parts.length > 1 ? `**/${general}` : general;
}
