import { posix } from 'node:path';
import { splitImage } from '../model/compose.js';
import type { ComposeService } from '../model/types/compose.js';
import type { RawFinding } from '../core/index.js';
import { composeServices } from './lib/each.js';
import { defineRule } from './lib/rule.js';

/** A current major per backing service, for the fix in the message. */
const EXAMPLE_TAG: Partial<Record<string, string>> = {
  postgres: '16',
  mysql: '8.4',
  mariadb: '11',
  redis: '7',
};

/**
 * The tag to suggest for a service, with why when it is not the table's: a version its own configuration still runs
 * on. MySQL 8.4 removed --default-authentication-plugin (mysqld aborts on the unknown option), and from 18 the
 * postgres image will not start with a mount at /var/lib/postgresql/data (TF0603).
 */
function exampleTag(name: string, service: ComposeService): { tag: string; why?: string } | undefined {
  const command = [service.command, service.entrypoint]
    .map((c) => c?.argv?.join(' ') ?? c?.raw ?? '')
    .join(' ');
  if (name === 'mysql' && /--default[-_]authentication[-_]plugin\b/.test(command))
    return {
      tag: '8.0',
      why: ': its command passes --default-authentication-plugin, which MySQL 8.4 removed, so mysqld would not start on 8.4 or later (or pin 8.4 and pass --mysql-native-password=ON in its place)',
    };
  if (
    name === 'postgres' &&
    service.volumes.some((v) => posix.normalize(`${v.target}/`) === '/var/lib/postgresql/data/')
  )
    return {
      tag: '17',
      why: ': from 18 the image will not start with its mount at /var/lib/postgresql/data',
    };
  const tag = EXAMPLE_TAG[name];
  return tag === undefined ? undefined : { tag };
}

/** Official Docker Hub images deprecated for `python` but still published: a pull under their name still succeeds. */
const DEPRECATED_OFFICIAL = ['django', 'celery'];

/** Official Docker Hub images a compose stack commonly builds on: under their own name a build is shadowed by a pull. */
const OFFICIAL = new Set([
  ...Object.keys(EXAMPLE_TAG),
  'nginx',
  'httpd',
  'caddy',
  'traefik',
  'haproxy',
  'python',
  'node',
  'rabbitmq',
  'memcached',
  'mongo',
  'elasticsearch',
  'alpine',
  'debian',
  'ubuntu',
  ...DEPRECATED_OFFICIAL,
]);

/** An image name as Docker tags it: no tag is `latest`. */
const builtName = (image: { repository: string; tag?: string }): string =>
  `${image.repository}:${image.tag ?? 'latest'}`;

/** The tag as written (`${APP_VERSION:-latest}`), read past the colons inside `${...}`; undefined with no tag. */
function writtenTag(raw: string): string | undefined {
  const masked = raw.replace(/@.*$/, '').replace(/\$\{[^}]*\}/g, (m) => 'v'.repeat(m.length));
  const colon = masked.lastIndexOf(':');
  return colon > masked.lastIndexOf('/') ? raw.slice(colon + 1, masked.length) : undefined;
}

/** A finding's words, given who it names ("Service 'web'", "Services 'web', 'worker'") and whether that is plural. */
type Say = (who: string, plural: boolean) => string;

export const serviceImageUnpinned = defineRule({
  id: 'TF0205',
  name: 'service-image-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title: 'A compose service image: has no tag or :latest (e.g. postgres, postgres:latest)',
  help: [
    'An image with no tag means `:latest`, which moves: the next `docker compose pull` (or a fresh machine) gets a',
    'different PostgreSQL or Redis than the one you tested with, possibly a new major version that cannot read the',
    'existing data directory. Pin the version you run, at least to the major (`postgres:16`), better to the minor,',
    'or to a digest for full reproducibility. The example tag is one the service still starts on: `mysql:8.0` when its',
    'command passes `--default-authentication-plugin` (removed in MySQL 8.4), `postgres:17` when it mounts',
    '/var/lib/postgresql/data (from 18 the image will not start with that mount, TF0603).',
    '',
    '```yaml',
    'services:',
    '  db:',
    '    image: postgres:16.4-alpine   # not `postgres` or `postgres:latest`',
    '  cache:',
    '    image: redis:7.4@sha256:…',
    '```',
    '',
    'With `build:`, `image:` names the tag the build produces. A local name (`mysite`, `mysite:latest`) is left',
    'alone; a name pushed to a registry (`registry.example.com/team/app`, `me/app`) with no tag or `:latest` is',
    'reported: every build overwrites that tag, so a deploy that pulls it gets whatever was pushed last and cannot go',
    'back. Tag the build with a version or the commit (`me/app:${GIT_SHA}`). So is a service with no `build:` that',
    'runs such a name another service or a script of the repository builds (a worker with `image: me/app`,',
    '`docker build -t me/db` in build.sh): it runs whatever was built or pushed last, and the advice is a tag on that',
    'build, not an upstream version. Only the files compose merges with its own lend it that build: where an',
    'alternative compose file (run alone, not layered on this one) builds the name, this service pulls it and is',
    'reported as any pulled image is.',
    'A tag taken from a variable (`app:${TAG}`) is left alone unless it resolves to `latest`, as',
    '`app:${TAG:-latest}` does where TAG is unset. The name of an official image (`nginx:latest` on',
    'a service that builds `./proxy`) is reported too: `docker compose pull` fetches the official image under that',
    'name, and compose may run it instead of the build. Remove `image:` or give the build a name of its own. That',
    'holds for an official image deprecated but still published (`django`, `celery`: `image: django` beside',
    '`build: .` names the build after the old official Django image).',
  ].join('\n'),
  related: ['service-image-require-explicit-tag'],
  check(project) {
    // Services that share the line (`<<: *service` copies of the app) are named in one finding.
    const byLine = new Map<string, { file: string; line: number; names: string[]; say: Say }>();
    // With build:, image: is the name given to the built image, not something pulled; so is that name in another
    // service of the same compose project (`image: app-image` on the workers), never in an alternative file's.
    // Without a file, the builds of every compose file of the repository.
    const builtBy = (file: string | undefined, name: string): string[] | undefined => {
      const builders: string[] = [];
      for (const model of new Set(project.apps.map((app) => app.compose)))
        if (model && (file === undefined || model.files.includes(file)))
          for (const s of model.services)
            if (s.build && s.image && builtName(s.image) === name && !builders.includes(s.name))
              builders.push(s.name);
      return builders.length > 0 ? builders : undefined;
    };
    const localAppImage = (name: string): string | undefined =>
      project.apps.find((app) => app.imageNotBuiltHere === name && app.dockerfile)?.dockerfile?.file;
    for (const { service: s } of composeServices(project)) {
      const img = s.image;
      if (!img || !img.repository || img.digest) continue;
      // A built image matters once pushed: a name with a registry or namespace is; a bare local name is not.
      const bare = img.repository.replace(/^(docker\.io\/)?(library\/)?/, '');
      const official = OFFICIAL.has(bare);
      // A service that runs an image another one builds (`image: me/app`, no build) runs whatever was built or
      // pushed last under that name, as its builder tags it: judged as the build is, where the name is pushed.
      const builders = s.build ? undefined : builtBy(img.file, builtName(img));
      const pushed = img.repository.includes('/') && !official;
      // A bare local name exists only where something builds it: an alternative file's build of it counts too.
      const localName = !pushed && !official;
      if (s.build ? localName : !pushed && (builders ?? (localName && builtBy(undefined, builtName(img)))))
        continue;
      const written = splitImage(img.raw ?? img.value);
      if (written.digest) continue;
      const rawTag = writtenTag(img.raw ?? img.value);
      const fromVariable = (rawTag ?? written.repository.split('/').pop() ?? '').includes('$');
      // A tag from a variable is decided at deploy time: judge it only when it resolves to latest.
      if (fromVariable && img.tag !== 'latest') continue;
      if (img.tag !== undefined && img.tag !== 'latest') continue;
      // A variable left unset is shown as written (`${HUB_USER}/app`), never as the empty string compose puts there.
      const repository = img.unset ? written.repository : img.repository;
      const tagVariable = fromVariable ? /\$\{?(\w+)/.exec(rawTag ?? '')?.[1] : undefined;
      const latestByDefault = tagVariable !== undefined && /^\$\{\w+:?-latest\}$/.test(rawTag ?? '');
      // `app:${APP_VERSION:-latest}` is shown as written, with the variable that decides the tag.
      const what = tagVariable
        ? `'${img.raw ?? img.value}', whose tag ${tagVariable} gives (${latestByDefault ? 'latest when it is unset' : 'latest here'})`
        : img.tag === 'latest'
          ? `'${repository}:latest'`
          : `'${repository}' with no tag`;
      const example = exampleTag(img.repository.split('/').pop() ?? '', s);
      const pin = tagVariable
        ? `set ${tagVariable} to a version where it is deployed${latestByDefault ? ` and drop the latest default (\`\${${tagVariable}:?}\` makes compose refuse to start without it)` : ''}`
        : `pin a version, e.g. '${repository}:${example?.tag ?? '<version>'}' (or a digest)${example?.why ?? ''}`;
      // A bare name the app's Dockerfile is built under by hand (`docker build -t mysite .`): nothing is pulled.
      const local = s.build || img.repository.includes('/') ? undefined : localAppImage(img.raw ?? img.value);
      // A name a script of the repository builds (`docker build -t me/db -f docker/db/Dockerfile .`): the project's own.
      const script = !s.build && pushed ? s.builtHere?.script : undefined;
      const say: Say = (who, plural) => {
        const verb = (one: string, many: string) => `${who} ${plural ? many : one}`;
        const builtBy = builders?.map((n) => `'${n}'`).join(', ');
        return builders
          ? `${verb('runs', 'run')} ${img.tag === 'latest' ? what : `'${repository}' with no tag, that is latest`}, the image ${builders.length > 1 ? `services ${builtBy} build` : `service ${builtBy} builds`}: ${plural ? 'they run' : 'it runs'} whatever was built or pushed last under this name, so a deploy cannot tell which build of the code ${plural ? 'they run' : 'it runs'} or roll back. Tag the build with a version or the commit and run that tag here too, e.g. '${repository}:\${GIT_SHA}'.`
          : script
            ? `${verb('runs', 'run')} image ${img.tag === 'latest' ? what : `'${repository}' with no tag, that is latest`}, which ${script} builds from ${s.builtHere?.dockerfile}: ${plural ? 'they run' : 'it runs'} whatever was built or pushed last under this name, so a deploy cannot tell which build ${plural ? 'they run' : 'it runs'} or roll back. Tag the build with a version or the commit in ${script} and run that tag here too, e.g. '${repository}:\${GIT_SHA}'.`
            : local
              ? `${verb('runs', 'run')} image ${img.tag === 'latest' ? what : `'${repository}' with no tag, that is latest`}, which no compose file here builds: it is whatever was last built or tagged under that name where it runs (${local} may be what builds it, by hand: \`docker build -t ${repository} .\`), so a deploy cannot tell which build of the code it runs or go back to the last one. Build it with a version tag and name that here, e.g. '${repository}:<version>'.`
              : s.build
                ? official
                  ? `${verb('names', 'name')} the image ${plural ? 'they build' : 'it builds'} ${what}, the official Docker Hub image${DEPRECATED_OFFICIAL.includes(bare) ? ' (deprecated in favour of python, but still published)' : ''}: \`docker compose pull\` fetches the official one under that name, and compose may then run it instead of building '${s.build.context ?? '.'}'. Remove \`image:\` (compose names the build after the project and service) or give it a name of the project's own with a version.`
                  : `${verb('tags', 'tag')} the image ${plural ? 'they build' : 'it builds'} ${img.tag === 'latest' ? what : `'${repository}' with no tag, that is latest`}: each build pushed under this name replaces the last, so a deploy that pulls it gets whatever was pushed last and cannot roll back. Tag the build with a version or the commit, e.g. '${repository}:\${GIT_SHA}'.`
                : `${verb('uses', 'use')} image ${what}, which floats to whatever is newest at pull time: ${pin}.`;
      };
      const key = `${img.file}\0${img.line}`;
      const seen = byLine.get(key);
      if (!seen) byLine.set(key, { file: img.file, line: img.line, names: [s.name], say });
      else if (!seen.names.includes(s.name)) seen.names.push(s.name);
    }
    return [...byLine.values()].map(({ file, line, names, say }): RawFinding => {
      const plural = names.length > 1;
      const who = `${plural ? 'Services' : 'Service'} ${names.map((n) => `'${n}'`).join(', ')}`;
      return { file, line, message: say(who, plural) };
    });
  },
});
