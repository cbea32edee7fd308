import { posix } from 'node:path';
import type { RawFinding } from '../core/index.js';
import { perServiceLine } from './lib/service-lines.js';
import { defineRule } from './lib/rule.js';
import { coversPath, imageCodeDir, mountedProjectDirs } from './lib/paths.js';
import { shownSource, shownTarget } from './lib/files.js';
import type { App } from '../model/types/project.js';
import type { ComposeVolumeMount } from '../model/types/compose.js';

export const volumeOverSource = defineRule({
  id: 'TF0605',
  name: 'volume-over-source',
  factor: 'VI',
  severity: 'warning',
  kind: 'S',
  title:
    'A VOLUME or compose volume is mounted on the directory holding the application code, so old code survives in the volume across releases',
  help: [
    'A volume is filled from the image only the first time it is created. A `VOLUME /app` in the Dockerfile, or a',
    'named volume mounted on the code directory, then keeps the code of the first release: the next image is',
    'built and deployed, and the container still runs the old files from the volume. So does an anonymous compose',
    'volume (`- /app`): `docker compose up` carries it over to the container it recreates. Processes must be',
    'stateless; only data belongs in volumes, in its own directory:',
    '',
    '```dockerfile',
    'WORKDIR /app',
    'COPY . .',
    '# VOLUME /app          <- remove',
    'VOLUME /app/media      # data only',
    '```',
    '',
    'An image that holds no code of its own, run with the repository bind-mounted by compose, is judged where the',
    'mount puts the Django project: the mount hides a `VOLUME` there only until the code is copied into the image.',
    '',
    "A compose volume target written with variables is judged as compose fills it. A variable the repository's",
    '`.env` leaves unset becomes an empty string (compose warns), so `code:${APP_DIR}/${STATIC_DIR}` with only',
    '`APP_DIR=/app` in `.env` mounts on /app itself. Where the repository holds no `.env` (each deploy writes its',
    'own), a target with unset variables (`media:${APP_HOME}/media`) cannot be known, and is not judged.',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const app of project.apps) {
      const codeDir = imageCodeDir(app);
      const dockerfile = app.dockerfile;
      for (const instr of dockerfile?.targetStage?.volumes ?? []) {
        const path = codeDir && instr.paths.find((p) => coversPath(p, codeDir));
        if (path && dockerfile)
          out.push({
            file: dockerfile.file,
            line: instr.line,
            message: `VOLUME ${path} covers the application code in ${codeDir}: the volume keeps the code of the first release across upgrades. Declare volumes only for data directories (e.g. ${codeDir}/media).`,
          });
        // The image holds no code: compose's bind mount lays the project there and hides the volume, until a release
        // copies the code into the image.
        const mounted = codeDir
          ? undefined
          : mountedProjectDirs(app).find((d) => instr.paths.some((p) => coversPath(p, d)));
        const over = mounted && instr.paths.find((p) => coversPath(p, mounted));
        if (over && dockerfile)
          out.push({
            file: dockerfile.file,
            line: instr.line,
            message: `VOLUME ${over} covers ${mounted}, where the app service's bind mount puts the Django project (the image holds no code of its own): the mount hides the volume for now, but once the code is copied into the image, as a release should be, the volume keeps the code of the first release across upgrades. Declare volumes only for data directories (e.g. ${mounted}/media).`,
          });
      }
    }
    // Every service of the app's image: one finding per volume line, naming the services sharing it.
    out.push(
      ...perServiceLine(project, (app, service) => {
        const codeDir = imageCodeDir(app);
        if (!codeDir) return [];
        return service.volumes
          .filter(
            (v) =>
              v.type === 'volume' &&
              (v.writtenTarget === undefined || emptyFilledTarget(app, v) !== undefined) &&
              coversPath(v.target, codeDir) &&
              // an anonymous volume under a bind mount of the same path is hidden by it
              (v.source !== undefined ||
                !service.volumes.some((o) => o !== v && o.type === 'bind' && samePath(o.target, v.target))),
          )
          .map((v) => ({
            file: v.file,
            line: v.line,
            message: (who: string, plural: boolean) =>
              v.source
                ? `${who} ${plural ? 'mount' : 'mounts'} the named volume '${shownSource(v)}' on ${shownTarget(v)}${emptyFilled(app, v)}, which holds the application code (${codeDir}): the volume keeps the code of the first release across upgrades. Mount volumes only on data directories.`
                : `${who} ${plural ? 'mount' : 'mounts'} an anonymous volume on ${shownTarget(v)}${emptyFilled(app, v)}, which holds the application code (${codeDir}): docker compose up keeps a service's anonymous volumes when it recreates the container (unless run with --renew-anon-volumes), so the code of the first release survives upgrades. Mount volumes only on data directories.`,
          }));
      }),
    );
    return out;
  },
});

const samePath = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * The path compose mounts on when the target's variables are unset in the repository's own interpolation file
 * (`.env`): compose fills each with '' (and warns). Unknown when the repository holds no such file (each deploy
 * writes its own), when a `${VAR:?err}` stops compose, or when the filled path is '/', which Docker refuses.
 */
function emptyFilledTarget(app: App, v: ComposeVolumeMount): string | undefined {
  if (v.writtenTarget === undefined || !v.emptyTargetVariables) return undefined;
  if (app.compose?.absentInterpolationFiles || /\$\{[^}]*\?/.test(v.writtenTarget)) return undefined;
  const path = v.target.replace(/\/+/g, '/').replace(/(?<=.)\/$/, '');
  return path === '' || path === '/' ? undefined : path;
}

/** The message's words on a target compose fills with empty strings: which variables, and the path it makes. */
function emptyFilled(app: App, v: ComposeVolumeMount): string {
  const path = emptyFilledTarget(app, v);
  const names = v.emptyTargetVariables ?? [];
  if (path === undefined) return '';
  const first = app.compose?.files[0];
  const env =
    app.compose?.envFilesFromCommand?.files.join(', ') ??
    (first === undefined ? '.env' : posix.join(posix.dirname(first), '.env'));
  return ` (${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} unset: ${env} does not set ${names.length > 1 ? 'them' : 'it'}, and compose fills ${names.length > 1 ? 'each' : 'it'} with an empty string, so the volume is mounted on ${path})`;
}
