/** What a Dockerfile's own text says its image runs: Python, only a reverse proxy, a database server. Pure. */
import {
  dockerfileCode,
  isBackingImage,
  isDataOnlyDockerfile,
  namesPython,
  repositoryOf,
} from './image-app.js';
import { startsDjangoServer } from './image-roles.js';
import { baseName, dirName, isScriptFile, isUnder, joinPath } from '../discover/classify.js';

/** Programs that run a database server in the foreground. */
const DATABASE_SERVER_PROGRAMS = new Set([
  'postgres',
  'postmaster',
  'mysqld',
  'mariadbd',
  'mongod',
  'redis-server',
]);
/** An OS package manager installing a Python interpreter or pip (`apt-get install -y python3-pip`, `apk add python3`). */
export const INSTALLS_PYTHON =
  /\b(apt-get|apt|apk|yum|dnf|microdnf|zypper)\b[^\n]*\b(install|add)\b[^\n]*\spython[\d.]*(-pip|-dev|-venv)?(\s|$)/im;

/**
 * Stricter than looksLikePythonImage: Python outside comments, and a final stage not FROM a proxy or Node image,
 * unless that stage installs Python itself and then the project's dependencies or its server (`FROM nginx`, `apt-get
 * install python3-pip`, `pip3 install -r requirements.txt`): that image runs the app whatever its base.
 */
export function runsPython(texts: Record<string, string>, dockerfile: string): boolean {
  const code = dockerfileCode(texts[dockerfile] ?? '') + buildScriptsText(texts, dockerfile);
  const from = lastFrom(texts, dockerfile);
  if (!from) return false;
  if (isBackingImage(repositoryOf(from))) {
    const lastStage = (code.split(/^\s*FROM\s/im).at(-1) ?? '').replace(/\\\r?\n/g, ' ');
    return INSTALLS_PYTHON.test(lastStage) && startsDjangoServer(lastStage);
  }
  return namesPython(code) && !isDataOnlyDockerfile(code);
}

/**
 * Whether a Dockerfile builds a reverse proxy's image: it runs nginx (`FROM nginx`, installs or starts it) and
 * neither it nor a script of its directory starts a Django server or installs the project's dependencies.
 */
export function proxyOnly(texts: Record<string, string>, dockerfile: string): boolean {
  const code = dockerfileCode(texts[dockerfile] ?? '');
  const from = lastFrom(texts, dockerfile);
  const nginx = (from && /(^|\/)nginx$/i.test(repositoryOf(from))) || /\bnginx\b/i.test(code);
  if (!nginx || startsDjangoServer(code)) return false;
  const dir = dirName(dockerfile);
  const scripts = Object.keys(texts).filter((f) => isUnder(f, dir) && isScriptFile(f, texts[f]));
  return !scripts.some((f) => startsDjangoServer(texts[f] ?? ''));
}

/** Whether the Dockerfile's last CMD or ENTRYPOINT starts a database server (`postgres -D …`, `mysqld`) and no Django. */
export function startsDatabaseServer(texts: Record<string, string>, dockerfile: string): boolean {
  const code = dockerfileCode(texts[dockerfile] ?? '');
  if (startsDjangoServer(code)) return false;
  const last = [...code.matchAll(/^\s*(?:CMD|ENTRYPOINT)\s+(?:\[\s*"([^"]+)"|(\S+))/gim)].at(-1);
  const program = (last?.[1] ?? last?.[2])?.split('/').pop();
  return program !== undefined && DATABASE_SERVER_PROGRAMS.has(program);
}

/** The image the last stage of a Dockerfile starts from, as written. */
export function lastFrom(texts: Record<string, string>, dockerfile: string): string | undefined {
  const code = dockerfileCode(texts[dockerfile] ?? '');
  return [...code.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].at(-1)?.[1];
}

/** Whether the Dockerfile's text, comments too, names Python and is not a data-only image. */
export function looksLikePythonImage(texts: Record<string, string>, dockerfile: string): boolean {
  const text = texts[dockerfile];
  return text !== undefined && namesPython(text) && !isDataOnlyDockerfile(text);
}

/**
 * The text of the scripts beside the Dockerfile that its RUN instructions run (`RUN ./setup.sh`, `RUN sh build.sh`):
 * what they install at build is the image's as much as a RUN's own words.
 */
function buildScriptsText(texts: Record<string, string>, dockerfile: string): string {
  const code = dockerfileCode(texts[dockerfile] ?? '').replace(/\\\r?\n/g, ' ');
  const dir = dirName(dockerfile);
  const scripts = new Set<string>();
  for (const run of code.matchAll(/^\s*RUN\s+([^\n]*)/gim))
    for (const word of run[1].matchAll(/[\w./-]+\.sh\b/g)) {
      const file = joinPath(dir, baseName(word[0]));
      if (file !== dockerfile && file in texts) scripts.add(file);
    }
  return [...scripts].map((f) => `\n${dockerfileCode(texts[f])}`).join('');
}
