import { appSettings, writtenIn } from './lib/each.js';
import { liveAssignments, providedEnvironment, valueWhenUnset } from '../model/settings/index.js';
import type { EnvInstr, EnvPair } from '../model/types/dockerfile.js';
import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import type { ValueSource } from '../model/types/settings.js';
import { replaceEntryValue } from './lib/compose-fix.js';
import { credentialFromEnvironment } from './lib/databases-fix.js';
import { mayRunInContainer } from './lib/provided-config.js';
import { removeEnvPair } from './lib/dockerfile-fix.js';
import { linesOf } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';
import { appImageServices } from './lib/each.js';
import { perServiceLine } from './lib/service-lines.js';
import { assignFromEnvironment } from './lib/settings-fix.js';
import { hostOf } from './lib/database-host.js';
import { environReads } from './lib/environ-names.js';
import { onHostNetwork } from './lib/host-network.js';
import { lineage } from '../model/dockerfile/lineage.js';
import { interpolationDefault } from '../model/compose/interpolation.js';

const BACKING_WORD =
  /^(DB|DATABASE|DATABASES|POSTGRES|POSTGRESQL|PG|PGHOST|MYSQL|MARIADB|REDIS|CACHE|CACHES|MEMCACHED|MEMCACHE|CELERY|BROKER|RABBITMQ|RABBIT|AMQP|MONGO|MONGODB|SQL|ELASTICSEARCH|VALKEY)$/;

/** `DB_HOST`, `PGHOST`, `REDIS_HOST`, `POSTGRES_HOSTNAME`: a variable naming the host of a database, cache or broker. */
function isBackingHostVar(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === 'PGHOST') return true;
  if (!/_HOST(NAME)?$/.test(upper) || upper.includes('ALLOWED')) return false;
  return upper.split('_').some((w) => BACKING_WORD.test(w));
}

/** `DATABASE_URL`, `REDIS_URL`, `CELERY_BROKER_URL`, `CELERY_RESULT_BACKEND`: a URL of a backing service. */
function isBackingUrlVar(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === 'CELERY_RESULT_BACKEND' || upper === 'RESULT_BACKEND') return true;
  if (!/_(URL|URI|DSN)$/.test(upper)) return false;
  return upper.split('_').some((w) => BACKING_WORD.test(w));
}

/** 'local' for the container itself (localhost, loopback), 'ip' for another literal address. */
export function classifyHost(host: string): 'local' | 'ip' | undefined {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host))
    return 'local';
  if (host === '0.0.0.0') return 'local';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (/^[0-9a-f:]+$/.test(host) && host.includes(':'))) return 'ip';
  return undefined;
}

/**
 * What the host is where the app runs: in a container's own network the container itself; with `network_mode: host`
 * (`hostNetwork` names whose) the machine the container runs on.
 */
function problem(host: string, kind: 'local' | 'ip', hostNetwork?: string): string {
  if (kind === 'ip') return `the literal IP address ${host}, which ties the app to one machine`;
  return hostNetwork
    ? `'${host}', which with ${hostNetwork} \`network_mode: host\` is the host machine, tying the app to a service running on that one machine`
    : `'${host}', which inside a container is the container itself, not the service`;
}

/** The host a backing-service variable points at (DB_HOST=localhost, REDIS_URL=redis://127.0.0.1/0). */
function backingHostOf(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (isBackingUrlVar(name)) return value.includes('://') ? hostOf(value) : undefined;
  return isBackingHostVar(name) ? hostOf(value) : undefined;
}

/**
 * ENV pairs the image's containers start with (target stage and the stages it is built FROM), each with the compose
 * app service's entry that replaces it there (any other run of the image keeps the image's value).
 */
function imageEnvPairs(
  app: App,
): { pair: EnvPair & { value: string }; file: string; replacedBy?: { file: string; line: number } }[] {
  const df = app.dockerfile;
  // A compose file that could not be parsed may set any of them.
  if (!df?.targetStage || app.unparsedCompose) return [];
  const environment = app.compose?.appService?.environment ?? [];
  const out: ReturnType<typeof imageEnvPairs> = [];
  for (const stage of lineage(df))
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'ENV') continue;
      for (const pair of (instr as EnvInstr).pairs) {
        if (pair.value === undefined) continue;
        const entry = environment.filter((e) => e.name === pair.name).at(-1);
        out.push({
          pair: { ...pair, value: pair.value },
          file: df.file,
          ...(entry ? { replacedBy: { file: entry.file, line: entry.line } } : {}),
        });
      }
    }
  return out;
}

/** Settings keyed by alias whose entries hold a host or URL: the cache, django-rq's queues, Channels' layers. */
const ALIAS_HOST_KEYS: Record<string, string[]> = {
  CACHES: ['LOCATION'],
  RQ_QUEUES: ['HOST', 'URL'],
  CHANNEL_LAYERS: ['hosts'],
};

const SETTINGS_URLS =
  /^(CELERY_BROKER_URL|BROKER_URL|CELERY_RESULT_BACKEND|REDIS_URL|DATABASE_URL|CACHE_URL)$/;

/** Literal strings of a settings value; env reads (even with a literal fallback) give none. */
function literals(
  v: ValueSource | undefined,
  provided?: ReadonlySet<string>,
): { value: string; line: number; file?: string }[] {
  if (v?.kind === 'literal' && typeof v.value === 'string')
    return [{ value: v.value, line: v.line, ...(v.file ? { file: v.file } : {}) }];
  if (v?.kind === 'list') return v.items.flatMap((x) => literals(x));
  // `"db" if os.getenv("DB_NAME") else "localhost"`: every arm is written in code; but where the app's containers
  // are given DB_NAME, the arm taken when it is unset is only a fallback for running outside them.
  if (v?.kind === 'choice' && v.options.every((o) => o.kind === 'literal')) {
    const decider = v.decidedBy?.kind === 'env' ? v.decidedBy : undefined;
    const unset = decider && provided?.has(decider.variable) ? valueWhenUnset(decider) : undefined;
    const fallback = unset?.kind === 'literal' ? unset.value : undefined;
    return v.options.filter((o) => o.kind !== 'literal' || o.value !== fallback).flatMap((x) => literals(x));
  }
  return [];
}

export const backingServiceLocalhost = defineRule({
  id: 'TF0401',
  name: 'backing-service-localhost',
  factor: 'IV',
  severity: 'warning',
  kind: 'S',
  title:
    "A database/cache/broker host is localhost, 127.0.0.1 or a literal IP, in settings (not from the environment), in the compose environment of a service of the app's image (a worker too) or in the image's ENV: inside a container that is the container itself",
  help: [
    'A backing service is an attached resource, located by config. Inside a container `localhost` is the',
    'container itself, so a database or Redis on `localhost` is not found once the app runs in Docker; a literal',
    'IP ties the code to one machine. Take the host from the environment, and in compose use the service name:',
    '',
    '```python',
    "DATABASES = {'default': {..., 'HOST': os.environ.get('DB_HOST', 'localhost')}}",
    "CELERY_BROKER_URL = os.environ['CELERY_BROKER_URL']",
    '```',
    '',
    '```yaml',
    'services:',
    '  web:',
    '    environment:',
    '      DB_HOST: db                      # the compose service name, not localhost',
    '      REDIS_URL: redis://cache:6379/0',
    '```',
    '',
    'A setting read from the environment with a `localhost` fallback is fine for running outside Docker and is',
    "not reported; only a literal host in settings, in the app service environment or in the image's `ENV` is.",
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    // Every service of the app's image (a celery worker too): one finding per line, naming the services sharing it.
    out.push(
      ...perServiceLine(project, (app, composeService) =>
        composeService.environment.flatMap((e) => {
          // Interpolated values are decided where the stack is deployed, except a default the file writes
          // (`${DB_HOST:-localhost}`): what every container gets when the host does not set the variable.
          const byDefault = e.interpolated && e.raw !== undefined ? interpolationDefault(e.raw) : undefined;
          const value = e.interpolated ? byDefault?.value : e.value;
          const host = backingHostOf(e.name, value);
          const kind = host && classifyHost(host);
          if (!host || !kind) return [];
          const service = hostService(app, e.name);
          const hostNetwork = onHostNetwork(composeService);
          return [
            {
              file: e.file,
              line: e.line,
              message: (who: string, plural: boolean) =>
                hostNetwork
                  ? `${who} ${plural ? 'set' : 'sets'} ${e.name} to ${byDefault && e.raw !== undefined ? `\`${e.raw}\`, whose default is ` : ''}${problem(host, kind, plural ? 'their' : 'its')}: pass the value from the environment where the stack is deployed (\`${e.name}: \${${e.name}}\`).`
                  : byDefault && e.raw !== undefined
                    ? `${who} ${plural ? 'set' : 'sets'} ${e.name} to \`${e.raw}\`, whose default, taken when ${byDefault.variables.join(', ')} is not set where the stack runs, is ${problem(host, kind)}: make the default the compose service name (\`${serviceDefault(e.raw, service)}\`), or drop it so the deploy must set the variable.`
                    : `${who} ${plural ? 'set' : 'sets'} ${e.name} to ${problem(host, kind)}: use the compose service name (e.g. '${service}'), or pass the value from the environment.`,
            },
          ];
        }),
      ),
    );
    for (const app of project.apps) {
      const hostNetwork = onHostNetwork(app.compose?.appService);
      for (const { pair, file, replacedBy } of imageEnvPairs(app)) {
        const host = backingHostOf(pair.name, pair.value);
        const kind = host && classifyHost(host);
        if (!host || !kind) continue;
        // Compose replaces the value in its containers; a run of the image elsewhere starts with the image's.
        const replaced = replacedBy
          ? `; the compose service '${app.compose!.appService!.name}' replaces it (${replacedBy.file}:${replacedBy.line}), but any other run of the image (docker run, another platform) keeps it`
          : '';
        out.push({
          file,
          line: pair.line,
          message:
            hostNetwork && !replacedBy
              ? `The image sets ENV ${pair.name} to ${problem(host, kind, "the app service's")}: leave it out of the Dockerfile and set it where the app is deployed.`
              : `The image sets ENV ${pair.name} to ${problem(host, kind)}${replaced}: leave it out of the Dockerfile and set it where the app is deployed${replacedBy ? '' : ` (e.g. DB_HOST=${databaseService(app)} in compose)`}.`,
        });
      }
    }
    // Every settings module the app's containers load, alike (the server's, a served one, manage.py's default).
    for (const { app, settings } of appSettings(project)) {
      const environment = providedEnvironment(app);
      const provided = new Set(environment.values.keys());
      const hostNetwork = onHostNetwork(app.compose?.appService) ? "the app service's" : undefined;
      const configs = settings.databases?.configs ?? [];
      for (const config of configs) {
        if (config.engine?.includes('sqlite') || !mayRunInContainer(config, configs, environment)) continue;
        for (const lit of literals(config.fields['HOST'], provided)) {
          const host = hostOf(lit.value);
          const kind = host && classifyHost(host);
          if (!host || !kind) continue;
          const file = writtenIn(settings, lit, config);
          const reads = environReads(settings, file);
          out.push({
            file,
            line: lit.line,
            message: `DATABASES HOST is ${problem(host, kind, hostNetwork)}: read it from the environment, e.g. ${reads.mapping}['DB_HOST']${reads.requiredNote}, and ${hostNetwork ? "set DB_HOST to the database's host where the app is deployed" : setHostVariable(app, config.engine)}.`,
          });
        }
      }
      // The values the settings end with: one replaced or updated later is not what the app connects to.
      const names = new Set(settings.assignments.map((a) => a.name));
      const final = [...names].flatMap((name) => liveAssignments(settings, name));
      for (const a of final) {
        const found: { value: string; line: number; file?: string; what: string; bareHost?: true }[] = [];
        const aliasKeys = ALIAS_HOST_KEYS[a.name];
        if (aliasKeys && a.value.kind === 'dict') {
          for (const alias of a.value.entries) {
            if (alias.value.kind !== 'dict') continue;
            // Channels keeps its hosts one level down: CHANNEL_LAYERS['default']['CONFIG']['hosts'].
            const config = alias.value.entries.find((x) => x.key === 'CONFIG')?.value;
            const fields = [...alias.value.entries, ...(config?.kind === 'dict' ? config.entries : [])];
            for (const field of fields) {
              if (!aliasKeys.includes(field.key)) continue;
              for (const lit of literals(field.value, provided)) {
                const bareHost = !lit.value.includes('://');
                if (bareHost && field.key === 'URL') continue;
                found.push({
                  ...lit,
                  what: `${a.name}['${alias.key}'] ${field.key}`,
                  ...(bareHost ? { bareHost } : {}),
                });
              }
            }
          }
        } else if (SETTINGS_URLS.test(a.name)) {
          for (const lit of literals(a.value, provided))
            if (lit.value.includes('://')) found.push({ ...lit, what: a.name });
        }
        // One literal shared by several entries (`REDIS_HOST` in every queue) is one finding at its line, naming them all.
        const byLiteral = new Map<string, { f: (typeof found)[number]; whats: string[] }>();
        for (const f of found) {
          const key = `${writtenIn(settings, f, a)}:${f.line}:${f.value}`;
          const seen = byLiteral.get(key);
          if (seen) seen.whats.push(f.what);
          else byLiteral.set(key, { f, whats: [f.what] });
        }
        // `REDIS_URL = os.getenv("REDIS_URL")` then `if not REDIS_URL: REDIS_URL = "redis://localhost…"`: the code
        // already reads the variable, the literal is only its fallback.
        const fallbackOf = a.condition?.test === 'unset' ? a.condition.variable : undefined;
        for (const { f, whats } of byLiteral.values()) {
          const host = hostOf(f.value);
          const kind = host && classifyHost(host);
          if (!host || !kind) continue;
          out.push({
            file: writtenIn(settings, f, a),
            line: f.line,
            // With host networking no compose service name resolves: the value is the deploy's to give.
            message: fallbackOf
              ? `When the ${fallbackOf} environment variable is unset, ${whats.join(', ')} ${whats.length > 1 ? 'fall' : 'falls'} back to ${problem(host, kind, hostNetwork)}: drop the fallback so a deploy without ${fallbackOf} fails at start${hostNetwork ? '' : `, or make it the compose service name (e.g. ${urlExample(app, f.value, host, f.bareHost)})`}.`
              : `${whats.join(', ')} ${whats.length > 1 ? 'point' : 'points'} at ${problem(host, kind, hostNetwork)}: read it from an environment variable and set that ${hostNetwork ? 'where the app is deployed' : `to the compose service name (e.g. ${urlExample(app, f.value, host, f.bareHost)})`}.`,
          });
        }
      }
    }
    return out;
  },
  fix: {
    safety: 'safe',
    summary:
      "In the compose app service, the host becomes the compose service of that kind (`db`, `redis`), or `${NAME}` when there is not exactly one or the service uses the host's network; the image's ENV of it is removed; in settings, DATABASES HOST and URL settings are read from the environment (`DB_HOST` or the host variable the app is already given, the setting's name) with the literal as fallback.",
    make: fixBackingHost,
  },
});

/** The compose service of the app's stack that runs its database (of the engine's kind when known), else 'db'. */
function databaseService(app: App, engine?: string): string {
  const kinds = engine?.includes('postg')
    ? ['postgres']
    : engine?.includes('mysql')
      ? ['mysql', 'mariadb']
      : ['postgres', 'mysql', 'mariadb'];
  return serviceOfRoles(app, kinds);
}

/** Where DB_HOST should be set: to the one database service of the app's stack, else to whatever the deploy runs. */
function setHostVariable(app: App, engine?: string): string {
  const service = databaseService(app, engine);
  return service === 'db' && !(app.compose?.services ?? []).some((s) => s.name === 'db')
    ? "set DB_HOST to the database's host where the app is deployed (in compose, the database service's name)"
    : `set DB_HOST=${service} in compose`;
}

/** The compose service a host variable should name (`DB_HOST` → the database service), else 'redis' or 'db'. */
function hostService(app: App, variable: string): string {
  const roles = variable
    .toUpperCase()
    .split('_')
    .flatMap((w) => ROLE_OF_WORD[w] ?? []);
  return serviceOfRoles(app, roles, roles.length > 0 && roles.every((r) => r === 'redis') ? 'redis' : 'db');
}

/** The one compose service of the app's stack in one of `roles`, else `fallback`. */
function serviceOfRoles(app: App, roles: string[], fallback = 'db'): string {
  const named = (app.compose?.services ?? []).filter((s) => roles.includes(s.role));
  return named.length === 1 ? named[0].name : fallback;
}

/**
 * The value a settings URL or Redis host should take: the stack's own Redis service (`api_gateway_redis`) in place of
 * the loopback host of a bare host or a redis:// URL, else a generic example.
 */
function urlExample(app: App, value: string, host: string, bareHost: boolean | undefined): string {
  const redis = serviceOfRoles(app, ['redis'], 'redis');
  if (bareHost) return `'${redis}'`;
  if (/^rediss?:\/\//i.test(value)) return value.replace(host, redis);
  // Another scheme keeps its own: an amqp:// broker is named after the stack's RabbitMQ service, else a placeholder;
  // the credentials of the URL are not repeated.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && host)
    return value
      .replace(host, brokerService(app, value) ?? '<service>')
      .replace(/^([^:]+:\/\/)[^@/]*@/, '$1');
  return 'redis://cache:6379/0';
}

/** The one compose service whose image or name is RabbitMQ, for an amqp:// URL. */
function brokerService(app: App, value: string): string | undefined {
  if (!/^amqps?:\/\//i.test(value)) return undefined;
  const named = (app.compose?.services ?? []).filter((s) =>
    /rabbit/i.test(`${s.image?.repository ?? ''} ${s.name}`),
  );
  return named.length === 1 ? named[0].name : undefined;
}

const ROLE_OF_WORD: Record<string, string[]> = {
  DB: ['postgres', 'mysql', 'mariadb'],
  DATABASE: ['postgres', 'mysql', 'mariadb'],
  DATABASES: ['postgres', 'mysql', 'mariadb'],
  POSTGRES: ['postgres'],
  POSTGRESQL: ['postgres'],
  PG: ['postgres'],
  PGHOST: ['postgres'],
  MYSQL: ['mysql', 'mariadb'],
  MARIADB: ['mariadb', 'mysql'],
  REDIS: ['redis'],
  CACHE: ['redis'],
  VALKEY: ['redis'],
};

function fixBackingHost(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const { app, compose, service } of appImageServices(context.project)) {
    const entry = service.environment.find(
      (e) => e.file === finding.file && e.line === finding.line && e.value && e.raw,
    );
    if (entry?.raw && onHostNetwork(service)) {
      // No compose service name resolves on the host's network: the deploy gives the value.
      const value = `\${${entry.name}}`;
      const edit = replaceEntryValue(finding.file, lines, entry.line, entry.name, entry.raw, value);
      if (edit) return { title: `${entry.name}: ${value}`, edits: [edit] };
    } else if (entry?.raw && entry.interpolated) {
      // `${DB_HOST:-localhost}` → `${DB_HOST:-db}`: the default names the service, the deploy may still set it.
      const name = hostService(app, entry.name);
      const value = serviceDefault(entry.raw, name);
      const edit =
        value === entry.raw
          ? undefined
          : replaceEntryValue(finding.file, lines, entry.line, entry.name, entry.raw, value);
      if (edit) return { title: `${entry.name}: ${value}`, edits: [edit] };
    } else if (entry?.raw && entry.value) {
      const host = backingHostOf(entry.name, entry.value)!;
      const roles = [
        ...new Set(
          entry.name
            .toUpperCase()
            .split('_')
            .flatMap((w) => ROLE_OF_WORD[w] ?? []),
        ),
      ];
      const services = compose.services.filter((s) => roles.includes(s.role));
      const value =
        services.length === 1 && entry.raw === entry.value
          ? entry.value.replace(host, services[0].name)
          : `\${${entry.name}}`;
      const edit = replaceEntryValue(finding.file, lines, entry.line, entry.name, entry.raw, value);
      if (edit) return { title: `${entry.name}: ${value}`, edits: [edit] };
    }
  }
  for (const app of context.project.apps) {
    for (const { pair, file } of imageEnvPairs(app)) {
      if (file !== finding.file || pair.line !== finding.line) continue;
      const env = lineage(app.dockerfile!)
        .flatMap((s) => s.instructions)
        .find(
          (i): i is EnvInstr =>
            i.keyword === 'ENV' && (i as EnvInstr).pairs.some((p) => p.line === pair.line),
        );
      const own = env?.pairs.find((p) => p.name === pair.name && p.line === pair.line);
      const edit = env && own && removeEnvPair(file, lines, env, own);
      if (edit) return { title: `ENV ${pair.name} removed: set it where the app is deployed`, edits: [edit] };
    }
    const settings = app.settings;
    if (!settings) continue;
    // Only a DATABASES HOST finding: a cache or queue host on another line is not the database's.
    const host = finding.message.startsWith('DATABASES HOST')
      ? credentialFromEnvironment(context)
      : undefined;
    if (host?.title.includes('HOST') && (settings.databases?.file ?? settings.file) === finding.file)
      return host;
    const url = settings.assignments.find(
      (a) =>
        SETTINGS_URLS.test(a.name) && (a.file ?? settings.file) === finding.file && a.line === finding.line,
    );
    const literal =
      url?.value.kind === 'literal' && typeof url.value.value === 'string' ? url.value.value : undefined;
    if (url && literal && !/["'\\]/.test(literal))
      return assignFromEnvironment(context, url.name, (reads) => reads.get(url.name, literal), [url.name]);
  }
  return undefined;
}

/** `${DB_HOST:-localhost}` → `${DB_HOST:-db}`, `${REDIS_URL:-redis://127.0.0.1:6379}` → `${REDIS_URL:-redis://redis:6379}`. */
function serviceDefault(raw: string, service: string): string {
  return raw.replace(/(\$\{[A-Za-z_][A-Za-z0-9_]*:?-)([^}]*)\}/g, (_m, head: string, def: string) => {
    const host = hostOf(def);
    if (!host || !classifyHost(host)) return `${head}${def}}`;
    const at = def.toLowerCase().indexOf(host);
    return `${head}${at < 0 ? def : def.slice(0, at) + service + def.slice(at + host.length)}}`;
  });
}
