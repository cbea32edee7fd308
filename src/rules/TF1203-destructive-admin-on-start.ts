import {
  containerVariables,
  djangoCommand,
  effectiveCommand,
  imageCommand,
  reachedCommand,
  recipeNote,
  serviceCommand,
  type StartCommand,
} from '../model/command.js';
import { pythonScriptRunBy, scriptCommandWords } from '../model/management-calls.js';
import type { ComposeService } from '../model/types/compose.js';
import type { App } from '../model/types/project.js';
import { appImageServices } from './lib/each.js';
import type { RawFinding } from '../core/index.js';
import { endsAfter, projectMount, projectVolume, startRunner } from './lib/admin-on-start.js';
import { deployGuards } from './lib/branch-words.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { shownSource, shownTarget } from './lib/files.js';
import { rolledBackApp } from './lib/migrate.js';
import { defineRule } from './lib/rule.js';

/** What each command does to a running deployment when it runs on every start. */
const DESTRUCTIVE: Record<string, string> = {
  flush: 'empties the database',
  reset_db: 'drops and recreates the database',
  loaddata: 'overwrites the records of its fixtures with their original content',
};

/** The fix for each command, in a container that starts a server after it and in a one-off job. */
const FIX: Record<string, { server: string; job: string }> = {
  flush: {
    server: 'Run it once, as a one-off task, if at all, and start only the server.',
    job: 'Drop it from this job; run it by hand only when you mean to wipe the data.',
  },
  reset_db: {
    server: 'Run it once, as a one-off task, if at all, and start only the server.',
    job: 'Drop it from this job; run it by hand only when you mean to wipe the data.',
  },
  loaddata: {
    server: 'Run it once, as a one-off task, if at all, and start only the server.',
    job: 'Drop it from this job; run it by hand, once, when you mean to load the fixtures.',
  },
  makemigrations: {
    server: 'Generate migrations in development, review and commit them, and start only the server.',
    job: 'Generate migrations in development, review and commit them, and drop makemigrations from this job.',
  },
};

const commandKey = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;

interface Judged {
  shown: string;
  key: string;
  effect: string;
  fix: string;
  /** Set when a Python script the command runs runs it: `through 'python boot.py' (boot.py:4)`. */
  through?: string;
}

/**
 * The destructive commands a start command runs: itself (`manage.py flush`), or those a Python script it runs
 * (`python boot.py`) calls or runs as a child process, each with the script's line.
 */
function judgedAll(
  app: App,
  service: ComposeService | undefined,
  cmd: StartCommand,
  oneOff: boolean,
): Judged[] {
  const dj = djangoCommand(cmd.argv);
  if (dj) return [judged(app, service, dj, oneOff)].filter((j) => j !== undefined);
  const script = pythonScriptRunBy(app, cmd.argv);
  const shown = scriptCommandWords(cmd.argv).join(' ');
  return (script?.managementCalls ?? []).flatMap((call) => {
    const found = judged(app, service, call, oneOff);
    return found ? [{ ...found, through: ` through '${shown}' (${script!.file}:${call.line})` }] : [];
  });
}

/** What a destructive command does, what to do instead, and how to name it; undefined for any other command. */
function judged(
  app: App,
  service: ComposeService | undefined,
  dj: { name: string; args: string[] },
  oneOff: boolean,
): Judged | undefined {
  const rolledBack = rolledBackApp(dj);
  if (rolledBack !== undefined)
    return {
      shown: `migrate ${rolledBack} zero`,
      key: `migrate ${rolledBack}`,
      effect: `unapplies every migration of '${rolledBack}' and drops its tables with all their data`,
      fix: `Remove the rollback; unapply an app's migrations only by hand, when you mean to discard its data.`,
    };
  const fix = FIX[dj.name]?.[oneOff ? 'job' : 'server'];
  if (fix === undefined) return undefined;
  if (dj.name !== 'makemigrations')
    return { shown: dj.name, key: dj.name, effect: DESTRUCTIVE[dj.name]!, fix };
  if (dj.args.some((a) => a === '--check' || a === '--dry-run')) return undefined;
  const mount = projectMount(app, service);
  const volume = mount ? undefined : projectVolume(app, service);
  const effect = mount
    ? `writes new migration files through the bind mount into the host's checkout ('${shownSource(mount)}' at ${shownTarget(mount)}): uncommitted, unreviewed schema changes generated from whatever the models are at start`
    : volume
      ? `writes new migration files into the named volume '${shownSource(volume)}' over the code (${shownTarget(volume)}): they outlive the container there, but no commit holds them, so they are unreviewed schema changes generated from whatever the models are at start, and a fresh volume or another host generates its own`
      : oneOff
        ? 'writes new migrations inside the container, which are lost with it'
        : 'writes new migrations inside the container, which are lost with it and differ between replicas';
  return { shown: dj.name, key: dj.name, effect, fix };
}

/**
 * The branch a command runs on, named by its test when a deploy's environment can turn it (`if [ "$ENV_NAME" !=
 * production ]`): ", where `[ $ENV_NAME != production ]` holds"; with a variable set nowhere here, that it holds then.
 */
function branchWords(app: App, service: ComposeService | undefined, cmd: StartCommand): string {
  const variable = containerVariables(app.dockerfile?.targetStage?.env ?? {}, service);
  const branch = deployGuards(cmd.guards, { variable });
  if (!branch) return '';
  return ` where ${branch.words}${unsetWords(branch)}`;
}

/** Why a test holds with its variables set nowhere: an unset variable is empty, or takes the default it is read with. */
function unsetWords(branch: { unset: string[]; defaults: string[] }): string {
  const names = new Set([...branch.unset, ...branch.defaults.map((d) => /\w+/.exec(d)![0])]);
  if (names.size === 0) return '';
  const defaults = branch.defaults.map((d) => `\`${d}\``).join(' and ');
  const why = [
    ...(branch.defaults.length === 0
      ? []
      : [`${defaults} ${branch.defaults.length > 1 ? 'take their defaults' : 'takes its default'}`]),
    ...(branch.unset.length > 0 ? ['a variable is empty'] : []),
  ];
  const holds = branch.unset.length > 0 ? 'holds by default' : 'holds';
  return ` (nothing here sets ${[...names].join(' or ')}; unset, ${why.join(' and ')}, so the test ${holds})`;
}

export const destructiveAdminOnStart = defineRule({
  id: 'TF1203',
  name: 'destructive-admin-on-start',
  factor: 'XII',
  severity: 'error',
  kind: 'S',
  title:
    'The start command, its scripts or another compose service of the app image run flush, reset_db, makemigrations (migrations are code and belong in the repository), loaddata or migrate <app> zero on every start',
  help: `A container starts many times: every deploy, every restart, every new replica, every \`docker compose up\` of a
one-off \`setup\` service. A start command that runs \`flush\` or \`reset_db\` wipes the data each time, and so does
\`migrate <app> zero\`, which unapplies every migration of the app and drops its tables; \`loaddata\` resets the
fixtures' records to their original content. \`makemigrations\` generates migrations from whatever the models are at
start and the database is migrated to them unreviewed: without a mount they are written inside the container, where
they are lost with it and can differ between replicas; with the project bind-mounted from the host (\`.:/app\`) they
land in the host's checkout as uncommitted files no one reviewed; with a named volume over the code they stay in that
volume, in no commit.

Run \`makemigrations\` on a developer machine, review and commit the migrations; load fixtures once, as a one-off
task (\`docker compose run --rm web python manage.py loaddata initial\`); remove rollbacks to \`zero\`; keep the
start command to starting the server, and a one-off job to the tasks that are safe to repeat (\`migrate\`).

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

A Python script the start command runs (\`python boot.py\`) counts when it calls one of them
(\`call_command("flush")\`) or runs it through \`subprocess\` or \`os.system\` with words it shows.

\`makemigrations --check\` and \`--dry-run\`, and \`migrate --plan\`, write nothing and are not reported.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    const report = (app: App, chain: StartCommand[], service: ComposeService | undefined, who: string) =>
      chain.forEach((cmd, i) => {
        for (const found of judgedAll(app, service, cmd, endsAfter(chain.slice(i + 1))))
          reportOne(app, service, who, cmd, found);
      });
    const reportOne = (
      app: App,
      service: ComposeService | undefined,
      who: string,
      cmd: StartCommand,
      found: Judged,
    ) => {
      const key = `${cmd.file}:${cmd.line}:${found.key}`;
      if (seen.has(key)) return;
      seen.add(key);
      const note = service && service !== app.compose?.appService ? '' : droppedCommandNote(app, cmd.file);
      const runner = startRunner(app, cmd, who);
      const every = runner.oneshot ? 'at every container start' : 'on every start';
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: `${runner.who} runs 'manage.py ${found.shown}'${found.through ?? ''}${recipeNote(cmd)} ${every}${branchWords(app, service, cmd)}, which ${found.effect}. ${found.fix}${note}`,
      });
    };
    const others = appImageServices(project).filter(({ compose, service }) => service !== compose.appService);
    const ofOthers = new Set(
      others.flatMap(({ app, service }) => serviceCommand(app, service).map(commandKey)),
    );
    for (const app of project.apps) {
      // A script only another service runs (a `setup` job's) is that service's, not the app's start.
      const appService = app.compose?.appService;
      const own = new Set(
        [...reachedCommand(app, appService), ...reachedCommand(app, undefined)].map(commandKey),
      );
      const ours = (chain: StartCommand[]) =>
        chain.filter((c) => !ofOthers.has(commandKey(c)) || own.has(commandKey(c)));
      // A script only the image's own command reaches (compose's command replaces it) never runs with compose's mounts.
      const byService = new Set(reachedCommand(app, appService).map(commandKey));
      const byImage = new Set(reachedCommand(app, undefined).map(commandKey));
      const imageAlone = (c: StartCommand) => byImage.has(commandKey(c)) && !byService.has(commandKey(c));
      // what compose runs first: its mounts decide where makemigrations writes
      report(
        app,
        ours(effectiveCommand(app)).filter((c) => !imageAlone(c)),
        appService,
        'The start command',
      );
      // compose's command or entrypoint replaces the image's: what only the image starts runs when it runs on its own
      const replacedBy = appService?.entrypoint ? 'entrypoint' : appService?.command ? 'command' : undefined;
      report(
        app,
        ours(imageCommand(app)),
        undefined,
        replacedBy
          ? `Run on its own (compose's ${replacedBy} replaces it), the image's start command`
          : 'The start command',
      );
    }
    // Other services of the app's image (a `migration` service, a worker) start their own commands.
    for (const { app, service } of others)
      report(app, serviceCommand(app, service), service, `Service '${service.name}'`);
    return findings;
  },
});
