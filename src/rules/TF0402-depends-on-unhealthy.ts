import type { RawFinding, TextEdit } from '../core/index.js';
import type { ComposeModel, ComposeService } from '../model/types/compose.js';
import type { App, Project } from '../model/types/project.js';
import { hostWait, serviceCommand } from '../model/command.js';
import { blockEnd, childIndent } from './lib/compose-fix.js';
import { indentOf, insertLines, linesOf, replaceInLine, replaceLines } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';
import { appServices } from './lib/each.js';
import { serviceWriting } from '../model/compose/app-service.js';
import { isSwarmStackFile } from './lib/files.js';
import { DATABASE_ROLES, pullsBeforeBuild } from '../model/compose/images.js';

const DATABASES = DATABASE_ROLES;

/** A healthcheck test each database family can run on itself, for the message. */
function healthcheckExample(role: ComposeService['role']): string {
  switch (role) {
    case 'sqlserver':
      return "e.g. sqlcmd -Q 'SELECT 1'";
    case 'mongo':
      return 'e.g. mongosh --eval \'db.adminCommand("ping")\'';
    case 'cockroach':
      return "e.g. a query its client runs, cockroach sql -e 'SELECT 1'";
    default:
      return 'e.g. pg_isready / mysqladmin ping';
  }
}

/** The official database images, which declare no HEALTHCHECK: a compose healthcheck without a test checks nothing. */
const NO_IMAGE_CHECK = new Set(['postgres', 'mysql', 'mariadb']);

/**
 * Whether the database service is health-checked: a healthcheck that is not disabled, with a test of its own or over
 * an image that may declare one (a `healthcheck:` that only sets the timing retimes the image's HEALTHCHECK), or
 * none over an image the repository builds from a Dockerfile that declares a HEALTHCHECK.
 */
function healthChecked(db: ComposeService): boolean {
  if (!db.healthcheck) return (db.builtHere?.healthcheck ?? false) && !untestedOfficialImage(db);
  if (db.healthcheck.disabled) return false;
  return db.healthcheck.ownTest || !untestedOfficialImage(db);
}

/** The official image a test-less healthcheck leaves unchecked ('postgres'), else undefined. */
function untestedOfficialImage(db: ComposeService): string | undefined {
  if ((db.build && !pullsBeforeBuild(db)) || !db.image?.repository) return undefined;
  const name = db.image.repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  return NO_IMAGE_CHECK.has(name) ? name : undefined;
}

export const dependsOnUnhealthy = defineRule({
  id: 'TF0402',
  name: 'depends-on-unhealthy',
  factor: 'IV',
  severity: 'notice',
  kind: 'S',
  title:
    'The compose app depends_on its database without condition: service_healthy, or the database service has no healthcheck',
  help: [
    'A plain `depends_on: [db]` only waits until the database container has *started*, not until it accepts',
    'connections. PostgreSQL and MySQL need a few seconds to initialise (SQL Server, MongoDB and CockroachDB too), so',
    'the app (or its `migrate`) fails on a fresh `docker compose up`. Give the database a healthcheck and wait for it:',
    '',
    '```yaml',
    'services:',
    '  web:',
    '    depends_on:',
    '      db:',
    '        condition: service_healthy',
    '  db:',
    '    image: postgres:16',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "pg_isready -U $$POSTGRES_USER -d $$POSTGRES_DB"]',
    '      interval: 5s',
    '      retries: 10',
    '```',
    '',
    "Every service that starts the app's server from the app's image is judged (a production `web` beside a `web-dev`",
    'in one file); a test runner or a worker of the image is not.',
    '',
    'In a Swarm stack file (`docker-stack.yml`, run by `docker stack deploy`) `depends_on` is ignored, conditions',
    'included: the finding there asks for a healthcheck on the database and an app whose start waits for it. A file of',
    'another name is a stack too when no service builds and a `deploy:` sets a key only Swarm honours (`placement`,',
    '`update_config`, `rollback_config`, `endpoint_mode`). A start that already waits for the database',
    '(`until nc -z db 5432`, `pg_isready -h db` in a loop, `wait-for-it db:5432`) is named, and only the healthcheck',
    'is asked for; with both, nothing is reported.',
    '',
    'A `healthcheck:` that sets no `test` (the line commented out, only the timing left) retimes the HEALTHCHECK of',
    'the image; the official postgres, mysql and mariadb images declare none, so on them it counts as no healthcheck.',
    'A database image the repository builds itself (by `build:`, or by a script under the name in `image:`) is',
    'health-checked when its Dockerfile declares a HEALTHCHECK.',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    // One finding per depends_on entry as written, however many of the services judged have it.
    const judged = new Set<string>();
    for (const { app, compose, service: web, isApp } of appServers(project)) {
      for (const dep of web.dependsOn) {
        const db = compose.services.find((s) => s.name === dep.service);
        if (!db || !DATABASES.has(db.role)) continue;
        // A depends_on taken over from another service (`<<: *web`, `extends`) is fixed where it is written.
        const writer = serviceWriting(compose.services, dep) ?? web;
        // Another server of the image is judged on what it writes itself: the app service names its takers.
        if (!isApp && writer !== web) continue;
        const key = `${dep.file}\0${dep.line}\0${db.name}`;
        if (judged.has(key)) continue;
        judged.add(key);
        const takenBy = writer === web ? '' : `, and so does '${web.name}', which takes over this depends_on`;
        const healthy = dep.condition === 'service_healthy';
        const checked = healthChecked(db);
        if (healthy && checked) continue;
        // `healthcheck:` with the test commented out over the postgres image: compose runs no check at all.
        const testless =
          db.healthcheck && !db.healthcheck.disabled && !checked ? untestedOfficialImage(db) : undefined;
        const unchecked = `'${db.name}' is not health-checked (its healthcheck sets no test, and the ${testless} image declares no HEALTHCHECK)`;
        if (isSwarmStackFile(dep.file) || compose.swarmStack) {
          // `docker stack deploy` drops depends_on, conditions included: only the app's own wait helps.
          const wait = hostWait(serviceCommand(app, web), db.name);
          if (wait && checked) continue;
          const stack = isSwarmStackFile(dep.file)
            ? ''
            : `${dep.file} is a Swarm stack (no service builds, and its deploy: keys are ones only Swarm honours), and `;
          const healthcheck = `give '${db.name}' a healthcheck ${testless ? 'test ' : ''}(${healthcheckExample(db.role)}) so Swarm replaces a database that stops answering`;
          const intro = `Service '${writer.name}' depends_on '${db.name}'${takenBy ? ` (${takenBy.slice(2)})` : ''}, but ${stack}docker stack deploy ignores depends_on (and its condition)`;
          out.push({
            file: dep.file,
            line: dep.line,
            message: wait
              ? `${intro}: what holds the app back until '${db.name}' answers is its start's own wait (${wait.file}:${wait.line}). ${healthcheck[0].toUpperCase()}${healthcheck.slice(1)}.`
              : `${intro}, so in the stack the app starts whether or not the database accepts connections: make the app's start wait until '${db.name}' answers (e.g. a wait loop in its entrypoint)${checked ? '' : ` and ${healthcheck}`}.`,
          });
          continue;
        }
        const fix = [
          healthy ? undefined : `wait with 'condition: service_healthy'`,
          checked
            ? undefined
            : `give '${db.name}' a healthcheck ${testless ? 'test ' : ''}(${healthcheckExample(db.role)})`,
        ].filter(Boolean);
        const why = !healthy
          ? `depends_on '${db.name}' without condition: service_healthy, so it starts before the database accepts connections${testless ? `, and ${unchecked}` : ''}`
          : `waits for '${db.name}' to be healthy, but ${testless ? unchecked : `'${db.name}' has no healthcheck`}`;
        out.push({
          file: dep.file,
          line: dep.line,
          message: `Service '${writer.name}' ${why}${takenBy}: ${fix.join(' and ')}.`,
        });
      }
    }
    return out;
  },
  fix: {
    safety: 'safe',
    summary:
      "Writes `condition: service_healthy` on the app's depends_on entry (the other entries keep their meaning as `service_started`) and gives a PostgreSQL service without one a `pg_isready` healthcheck.",
    make: fixDependsOn,
  },
});

/**
 * The services that serve the app, each with its compose project: the app service and every other service of its image
 * that starts the Django server too (a production `server` beside a `dev-server`), not its workers or test runners.
 */
function appServers(
  project: Project,
): { app: App; compose: ComposeModel; service: ComposeService; isApp: boolean }[] {
  return appServices(project).flatMap(({ app, compose, service }) =>
    (compose.appImageServices ?? [service])
      .filter((s) => s === service || s.startsServer)
      .map((s) => ({ app, compose, service: s, isApp: s === service })),
  );
}

function fixDependsOn(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  for (const { compose, service: web } of appServers(context.project)) {
    const dep = web.dependsOn.find((d) => d.file === finding.file && d.line === finding.line);
    if (!dep) continue;
    // A condition in a stack file would be ignored by docker stack deploy: nothing to write there.
    if (isSwarmStackFile(dep.file) || compose.swarmStack) return undefined;
    const db = compose.services.find((s) => s.name === dep.service);
    if (!db || !DATABASES.has(db.role) || db.healthcheck?.disabled) return undefined;
    const edits: TextEdit[] = [];
    if (dep.condition !== 'service_healthy') {
      const lines = linesOf(context, dep.file);
      const condition = lines && conditionEdits(lines, web, dep);
      if (!condition) return undefined;
      edits.push(...condition);
    }
    if (!healthChecked(db)) {
      const lines = linesOf(context, db.file);
      const check = db.role === 'postgres' && lines ? pgIsReady(lines, db) : undefined;
      if (!check) return undefined;
      edits.push(check);
    }
    return { title: `wait for '${db.name}' to be healthy`, edits };
  }
  return undefined;
}

/** The file's indentation step, as the service writes its keys (2 when it cannot be told). */
function indentStep(lines: string[], service: ComposeService): string {
  const child = childIndent(lines, service.line);
  const step = child ? child.length - indentOf(lines[service.line - 1] ?? '').length : 2;
  return ' '.repeat(step > 0 ? step : 2);
}

/** `- db` / `depends_on: [db]` → the long syntax with the database's condition; `db:` gets a condition line. */
function conditionEdits(
  lines: string[],
  web: ComposeService,
  dep: ComposeService['dependsOn'][number],
): TextEdit[] | undefined {
  const file = dep.file;
  const step = indentStep(lines, web);
  const cond = (name: string) => (name === dep.service ? 'service_healthy' : 'service_started');
  const text = lines[dep.line - 1] ?? '';
  const flow = /^(\s*)depends_on:\s*\[([^\]#]*)\]\s*$/.exec(text);
  if (flow) {
    const names = flow[2]
      .split(',')
      .map((n) => n.trim().replace(/^(["'])(.*)\1$/, '$2'))
      .filter(Boolean);
    const ind = flow[1];
    return [
      replaceLines(file, dep.line, dep.line, [
        `${ind}depends_on:`,
        ...names.flatMap((n) => [`${ind}${step}${n}:`, `${ind}${step}${step}condition: ${cond(n)}`]),
      ]),
    ];
  }
  const item = (line: number) => /^(\s*)-\s*(["']?)([\w.-]+)\2\s*(#.*)?$/.exec(lines[line - 1] ?? '');
  if (item(dep.line)) {
    // A YAML sequence cannot mix with a mapping: every entry of this list takes the long syntax.
    const entries = web.dependsOn.filter((d) => d.file === file);
    if (entries.some((d) => !item(d.line))) return undefined;
    return entries.map((d) => {
      const [, ind, , name] = item(d.line)!;
      return replaceLines(file, d.line, d.line, [`${ind}${name}:`, `${ind}${step}condition: ${cond(name)}`]);
    });
  }
  if (!new RegExp(`^\\s*(["']?)${dep.service.replace(/[.-]/g, '\\$&')}\\1\\s*:\\s*(#.*)?$`).test(text))
    return undefined;
  const end = blockEnd(lines, dep.line);
  for (let n = dep.line + 1; n <= end; n++) {
    const written = /^(\s*condition:\s*)(["']?)(\w+)\2/.exec(lines[n - 1]);
    if (written)
      return [replaceInLine(file, n, written[1].length + 1, written[0].length + 1, 'service_healthy')];
  }
  const ind = childIndent(lines, dep.line) ?? `${indentOf(text)}${step}`;
  return [insertLines(file, dep.line + 1, [`${ind}condition: service_healthy`])];
}

/** A healthcheck for a PostgreSQL service: pg_isready as the user the image creates. */
function pgIsReady(lines: string[], db: ComposeService): TextEdit | undefined {
  // $$ leaves the variable to the container's shell, where the image sets it.
  const test = `test: ["CMD-SHELL", "pg_isready -U $\${POSTGRES_USER:-postgres}"]`;
  // A healthcheck block that sets only the timing takes the test inside it.
  const block = db.healthcheck;
  if (block) {
    const inner = block.file === db.file ? childIndent(lines, block.line) : undefined;
    return inner ? insertLines(db.file, block.line + 1, [`${inner}${test}`]) : undefined;
  }
  const ind = childIndent(lines, db.line);
  if (!ind) return undefined;
  const step = indentStep(lines, db);
  return insertLines(db.file, db.line + 1, [
    `${ind}healthcheck:`,
    `${ind}${step}${test}`,
    `${ind}${step}interval: 5s`,
    `${ind}${step}timeout: 5s`,
    `${ind}${step}retries: 10`,
  ]);
}
