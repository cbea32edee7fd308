import { buildsDockerfile } from '../../model/compose/app-service.js';
import {
  buildRuns,
  djangoCommand,
  serviceCommand,
  type StartCommand,
  startCommands,
} from '../../model/command.js';
import { posix } from 'node:path';
import { coversPath } from './paths.js';
import type { ComposeModel, ComposeService } from '../../model/types/compose.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { ShellCommand } from '../../model/types/shell.js';
import type { App, Project } from '../../model/types/project.js';
import type { DatabasesModel, SettingAssignment, SettingsModel } from '../../model/types/settings.js';

/**
 * Every app, then every image compose builds for an app's worker from a Dockerfile of its own, as that worker's app
 * (`Project.workerImages`): for the image rules that hold for every image of the deployment, not the app's alone.
 */
export function appsAndWorkerImages(project: Project): App[] {
  return [...project.apps, ...(project.workerImages ?? [])];
}

/**
 * Who runs in the container of `app`'s image, for a message: `the app`, or for a worker image the service that runs
 * it (`service 'celery'`, `services 'celery' and 'beat'`).
 */
export function imageRunner(app: App): string {
  const names = app.workerServices;
  if (!names || names.length === 0) return 'the app';
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return `service ${quoted[0]}`;
  return `services ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Every compose service of every app, with its app. */
export function composeServices(project: Project): { app: App; service: ComposeService }[] {
  return project.apps.flatMap((app) => (app.compose?.services ?? []).map((service) => ({ app, service })));
}

/** Every command every app's container runs when it starts (the image's own and compose's override). */
export function appStartCommands(project: Project): { app: App; command: StartCommand }[] {
  return project.apps.flatMap((app) => startCommands(app).map((command) => ({ app, command })));
}

/**
 * Every command an app's containers run when they start: the image's own and the app service's (as
 * appStartCommands), then those of every other compose service of the app image (`admin`, `web2`, a `migrate` one)
 * that are not the same commands, each with the service that runs it.
 */
export function appImageStartCommands(
  project: Project,
): { app: App; command: StartCommand; service?: ComposeService }[] {
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  return project.apps.flatMap((app) => {
    const own: { app: App; command: StartCommand; service?: ComposeService }[] = startCommands(app).map(
      (command) => ({ app, command }),
    );
    const seen = new Set(own.map(({ command }) => key(command)));
    for (const { service, app: view } of otherAppServices(app))
      for (const command of serviceCommand(view, service)) {
        if (seen.has(key(command))) continue;
        seen.add(key(command));
        own.push({ app, command, service });
      }
    return own;
  });
}

/**
 * The compose services other than the app service that run the app, each with the app as it sees it: those of the
 * app's image (a second Django service, a worker), and those of another image that bind-mount the Django project and
 * run a management command on it (`image: python:3.12` with `.:/app` and `python manage.py runserver`), whose image's
 * Dockerfile is not the app's.
 */
export function otherAppServices(app: App): { service: ComposeService; app: App }[] {
  const compose = app.compose;
  if (!compose?.appService) return [];
  const ofImage = compose.appImageServices ?? [compose.appService];
  const out = ofImage.filter((s) => s !== compose.appService).map((service) => ({ service, app }));
  const projectDir = app.managePy ? posix.dirname(app.managePy) : undefined;
  if (projectDir === undefined) return out;
  const foreign: App = { ...app, dockerfile: undefined, entrypointScripts: [] };
  for (const service of compose.services) {
    if (ofImage.includes(service) || service.build || service.notApp || service.role !== 'other') continue;
    const mountsProject = service.volumes.some(
      (v) => v.type === 'bind' && v.source !== undefined && coversPath(v.source, projectDir),
    );
    if (!mountsProject) continue;
    if (serviceCommand(foreign, service).some((c) => djangoCommand(c.argv)))
      out.push({ service, app: foreign });
  }
  return out;
}

/**
 * The compose services of an app's project that build another Dockerfile from a context holding the Django project
 * (`dockerfile: Dockerfile.worker` beside the app's): containers of the app's code in an image of their own, with
 * their compose `command`/`entrypoint` only (that image's own start command is not the app's).
 */
export function ownImageAppServices(app: App): { service: ComposeService; app: App }[] {
  const compose = app.compose;
  const projectDir = app.managePy ? posix.dirname(app.managePy) : undefined;
  if (!compose || projectDir === undefined) return [];
  const foreign: App = { ...app, dockerfile: undefined, entrypointScripts: [] };
  return compose.services
    .filter(
      (s) =>
        s.build !== undefined &&
        s.build.dockerfile.replace(/^\.\//, '') !== app.dockerfile?.file &&
        !(compose.appImageServices ?? [compose.appService]).includes(s) &&
        coversPath(s.build.context.replace(/^\.\/(?=.)/, ''), projectDir),
    )
    .map((service) => ({ service, app: foreign }));
}

/** Every app with a Dockerfile whose target stage is known, with that Dockerfile and stage. */
export function appTargetStages(project: Project): { app: App; dockerfile: DockerfileModel; stage: Stage }[] {
  return project.apps.flatMap((app) => {
    const dockerfile = app.dockerfile;
    const stage = dockerfile?.targetStage;
    return dockerfile && stage ? [{ app, dockerfile, stage }] : [];
  });
}

/**
 * Every Dockerfile of the repository, once: the apps' images (with the stage each app builds) and the Dockerfiles no
 * app builds (a proxy, a front end), for the rules that hold for any Dockerfile.
 */
export function everyDockerfile(project: Project): DockerfileModel[] {
  const seen = new Set<string>();
  const out: DockerfileModel[] = [];
  for (const df of [
    ...project.apps.flatMap((app) => (app.dockerfile ? [app.dockerfile] : [])),
    ...(project.otherDockerfiles ?? []),
  ]) {
    if (seen.has(df.file)) continue;
    seen.add(df.file);
    out.push(df);
  }
  return out;
}

/** Every app whose compose project has an app service, with that project and service. */
export function appServices(
  project: Project,
): { app: App; compose: ComposeModel; service: ComposeService }[] {
  return project.apps.flatMap((app) => {
    const compose = app.compose;
    const service = compose?.appService;
    return compose && service ? [{ app, compose, service }] : [];
  });
}

/**
 * Every compose service that runs an app's image (the app service first), with its app and compose project; in a
 * compose project with no app service (only a worker and a beat), the services that build the app's Dockerfile.
 */
export function appImageServices(
  project: Project,
): { app: App; compose: ComposeModel; service: ComposeService }[] {
  return project.apps.flatMap((app) => {
    const compose = app.compose;
    if (!compose) return [];
    const services =
      compose.appImageServices ??
      (compose.appService
        ? [compose.appService]
        : compose.services.filter(
            (s) => app.dockerfile && app.context && buildsDockerfile(s, app.dockerfile.file, app.context.dir),
          ));
    return services.map((service) => ({ app, compose, service }));
  });
}

/**
 * The settings modules an app's containers load, which every settings rule judges alike: the module its server runs,
 * the one a WSGI server would run where the container runs the development server (`served`), manage.py's default
 * its management commands run where the container's environment names no module, and the module the image's ENV
 * names where compose's app service names another. A module the container never loads
 * (a development module the image's DJANGO_SETTINGS_MODULE overrides) is none of them.
 */
export function loadedSettings(app: App): { settings: SettingsModel; served?: true }[] {
  const out: { settings: SettingsModel; served?: true }[] = [];
  if (app.settings) out.push({ settings: app.settings });
  if (app.servedSettings) out.push({ settings: app.servedSettings, served: true });
  if (app.managedSettings) out.push({ settings: app.managedSettings });
  if (app.imageSettings) out.push({ settings: app.imageSettings });
  return out;
}

/** Every settings module an app's containers load (see loadedSettings), with its app. */
export function appSettings(project: Project): { app: App; settings: SettingsModel; served?: true }[] {
  return project.apps.flatMap((app) => loadedSettings(app).map((s) => ({ app, ...s })));
}

/** An app whose settings resolve DATABASES, and the file a finding about DATABASES points at. */
export interface AppDatabases {
  app: App;
  settings: SettingsModel;
  databases: DatabasesModel;
  file: string;
}

/**
 * The module that wrote a value, config or selection merged from a star-imported module (the first of `written`
 * that says), else the settings module itself: a finding's file goes with its line.
 */
export function writtenIn(settings: { file: string }, ...written: ({ file?: string } | undefined)[]): string {
  return written.find((w) => w?.file)?.file ?? settings.file;
}

/**
 * Where a finding on a DATABASES value read with a written fallback points: at the fallback when it is written before
 * DATABASES (a variable set above it) or in another module, else at the read itself.
 */
export function fallbackOrRead(
  read: { line: number; file?: string },
  fallback: { line: number; file?: string } | undefined,
  databases: { line: number; file?: string },
): { line: number; file?: string } {
  if (!fallback) return read;
  return fallback.file !== (databases.file ?? read.file) || fallback.line < databases.line ? fallback : read;
}

/**
 * Where a literal that reaches a setting is written: in another module of the project (`from .keys import
 * SECRET_KEY`) its own file and line, with the words that say where it is used; else undefined.
 */
export function literalElsewhere(
  literal: { line: number; file?: string },
  used: { file: string; line: number },
): { file: string; line: number; usedAt: string } | undefined {
  if (!literal.file || literal.file === used.file) return undefined;
  return {
    file: literal.file,
    line: literal.line,
    usedAt: ` (in ${used.file} at line ${used.line}, from this module)`,
  };
}

/**
 * The variable that replaces an unconditional value when it is set, in a later branch of the same module
 * (`SECRET_KEY = "…"`, then `key = os.environ.get("X")` and `if key: SECRET_KEY = key`): the value is X's fallback.
 */
export function overriddenWhenSet(
  live: readonly SettingAssignment[],
  a: SettingAssignment,
): string | undefined {
  if (a.inBranch) return undefined;
  const later = live.find(
    (b) =>
      b !== a &&
      b.file === a.file &&
      b.line > a.line &&
      b.inBranch === true &&
      b.activeWhenUnset === false &&
      b.value.kind === 'env' &&
      b.condition?.variable === b.value.variable,
  );
  return later?.condition?.variable;
}

/** Every settings module an app's containers load (see loadedSettings) that resolves DATABASES. */
export function appDatabases(project: Project): AppDatabases[] {
  return appSettings(project).flatMap(({ app, settings }) => {
    const databases = settings.databases;
    if (!databases) return [];
    return [{ app, settings, databases, file: databases.file ?? settings.file }];
  });
}

/** A command a RUN of an app's built stages executes, with its RUN and Dockerfile. */
export interface BuildCommand {
  dockerfile: DockerfileModel;
  run: RunInstr;
  command: ShellCommand;
}

/** Every command the RUN instructions of the app's built stages execute, in order. */
export function appBuildCommands(app: App): BuildCommand[] {
  const dockerfile = app.dockerfile;
  if (!dockerfile) return [];
  return buildRuns(dockerfile.builtStages).flatMap(({ run, commands }) =>
    commands.map((command) => ({ dockerfile, run, command })),
  );
}
