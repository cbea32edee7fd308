/**
 * What in the app's container sets or picks the settings module: its environment (the image's ENV, compose's app
 * service), `export DJANGO_SETTINGS_MODULE=` in the start chain and `--settings` on the server's command.
 */
import { baseName, isModuleName } from '../discover/classify.js';
import type { ComposeEnvFile } from './types/compose.js';
import { isNamedForProduction } from './compose-file-names.js';
import { mayRun } from './command/branches.js';
import { djangoCommand, serverOf } from './command/servers.js';
import { containerVariables, effectiveCommand } from './command/start-chain.js';
import type { ContainerVariable } from './settings-module-choice.js';
import type { App } from './types/project.js';

/** A compose or env file named for development or tests (`docker-compose.dev.yml`, `local.env`). */
const DEVELOPMENT_FILE =
  /(^|[._-])(override|dev|develop|development|debug|local|test|tests|testing|ci|integration|e2e)([._-]|$)/i;
/**
 * The image sets DJANGO_SETTINGS_MODULE and the compose file that sets another one is for development
 * (`docker-compose.dev.yml` pointing at `core.settings.development`): that is what the file is for, and the image's
 * own environment says which settings every other container of the image runs.
 */
export function imageOverDevelopmentCompose(app: App): boolean {
  if (!app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE) return false;
  const entry = app.compose?.appService?.environment.find((e) => e.name === 'DJANGO_SETTINGS_MODULE');
  return entry?.file !== undefined && DEVELOPMENT_FILE.test(baseName(entry.file));
}

/** Whether the container's own environment (the image's ENV, compose's app service) sets DJANGO_SETTINGS_MODULE. */
export function setsSettingsModule(app: App): boolean {
  return (
    app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE !== undefined ||
    (app.compose?.appService?.environment ?? []).some((e) => e.name === 'DJANGO_SETTINGS_MODULE')
  );
}
/** The container's environment as the app starts: compose's app service, else the image's ENV. */
export function containerEnvironment(app: App): ContainerVariable {
  return containerVariables(app.dockerfile?.targetStage?.env ?? {}, app.compose?.appService);
}

/**
 * The container's environment for the files django-split-settings includes: where an env_file leaves a variable
 * unknown and the repository's copy does not set it, the value the image's ENV gives it (`DJANGO_ENV` from the build
 * arg) holds, not the code's default for an unset variable.
 */
export function includeEnvironment(app: App): ContainerVariable {
  const chosen = choiceEnvironment(app).variable;
  const image = app.dockerfile?.targetStage?.env ?? {};
  return (name) => {
    const value = chosen(name);
    if (value !== undefined) return value;
    const written = image[name];
    return written === undefined || written.includes('$') ? undefined : written;
  };
}

/**
 * The container's environment for picking the default settings module: a variable only an env_file sets is taken as
 * the file the repository holds writes it (`ENVIRONMENT=dev` in the `.env` compose loads), as DJANGO_SETTINGS_MODULE
 * itself is.
 */
export function choiceEnvironment(app: App): Choice {
  const known = containerEnvironment(app);
  const variable: ContainerVariable = (name) => {
    const value = known(name);
    if (value !== undefined) return value;
    const written = app.compose?.appService?.environment.filter((e) => e.name === name).at(-1);
    return written?.source === 'env_file' && !written.interpolated ? written.value : undefined;
  };
  // A production compose file's env_file the repository does not hold (`.envs/prod.env` each deploy writes) may set
  // what the code reads: its default is then no more than a guess.
  const deployWritten = (f: ComposeEnvFile) => (f.absent || f.unknown) && isNamedForProduction(f.file);
  return { variable, defaults: !app.compose?.appService?.envFiles.some(deployWritten) };
}

/**
 * The environment the default settings module is chosen in; `defaults`: whether a variable of unknown value is taken
 * at the default the code gives it (false where a file the deploy writes may set it).
 */
export interface Choice {
  variable: ContainerVariable;
  defaults: boolean;
}
/**
 * The settings module the start chain selects: `export DJANGO_SETTINGS_MODULE=x` in its scripts or `sh -c` commands,
 * or `--settings=x` given to a management command. Of several (a script's dev and prod branches), a production-like
 * one, else the last.
 */
export function startChainSettingsModule(app: App): string | undefined {
  const target = app.dockerfile?.targetStage;
  const service = app.compose?.appService;
  const commands = [service?.entrypoint, service?.command, target?.entrypoint, target?.cmd];
  const scripts = [...commands.map((c) => c?.script), ...app.entrypointScripts.map((s) => s.script)];
  const found: string[] = [];
  // An export inside an if/case branch holds where the container's environment selects that branch.
  const inputs = { variable: containerEnvironment(app) };
  for (const script of scripts) {
    for (const a of script?.assignments ?? [])
      if (a.name === 'DJANGO_SETTINGS_MODULE' && a.literal && isModuleName(a.value) && mayRun(a, inputs))
        found.push(a.value);
    for (const c of script?.commands ?? []) {
      const module = settingsOption(c.argv);
      if (module) found.push(module);
    }
  }
  for (const c of commands) {
    const module = c?.argv && settingsOption(c.argv);
    if (module) found.push(module);
  }
  return found.filter((m) => /prod/i.test(m)).at(-1) ?? found.at(-1);
}

/**
 * The `--settings=x` of the management command the container runs as its server (compose's command over the image's
 * CMD, scripts followed): a `--settings` given to another command (`collectstatic`, `migrate`) sets nothing for the
 * server.
 */
export function runningSettingsOption(app: App): string | undefined {
  for (const c of effectiveCommand(app)) {
    const module = !c.background && serverOf(c.argv) ? settingsOption(c.argv) : undefined;
    if (module) return module;
  }
  return undefined;
}

/** The module of `--settings=x` / `--settings x` given to a management command. */
function settingsOption(argv: string[]): string | undefined {
  if (!djangoCommand(argv)) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--settings' ? argv[i + 1] : /^--settings=(.+)$/.exec(argv[i])?.[1];
    if (value && isModuleName(value)) return value;
  }
  return undefined;
}
