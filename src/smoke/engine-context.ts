import path from 'node:path';
import type { App } from '../model/types/project.js';
import type { Engine } from '../core/index.js';
import { planEnv, type PostgresCredentials } from './env.js';
import type { ImageConfig, RunState } from './run-state.js';

/** What every container of one engine gets: its network, volumes, environment, and how commands are run. */
export interface EngineContext {
  engine: Engine;
  network: string;
  /** `-v name:target` pairs. */
  volumes: string[];
  env: Record<string, string>;
  /** Directory holding manage.py in the image. */
  manageDir: string;
  port: number;
  oneOffEntrypoint: string[];
  /** Arguments of a compose `entrypoint:` after its program, before a one-off's command when one-offs keep it. */
  oneOffPrefix: string[];
  /** The image's ENTRYPOINT when one-offs keep it (a wrapper ending in `exec "$@"`), for commands run by docker exec. */
  wrapper: string[];
  /** The kept ENTRYPOINT is a script (not an init such as tini), which may need the database before anything runs. */
  wrapperMayUseDatabase: boolean;
  /** `--entrypoint PROGRAM` when the compose service sets `entrypoint:` (it replaces the image's). */
  serverEntrypoint: string[];
  /** Arguments after the image for the server, as compose gives them (compose `command`, the entrypoint's rest). */
  serverCommand?: string[];
}

/** Entrypoints that only start, reap or switch users before they exec their arguments. */
const INIT_PROGRAM = /^(.*\/)?(tini|dumb-init|gosu|su-exec)$/;

/** The engine's volumes, environment, port and commands, from the built image and the app's compose service. */
export async function engineContext(
  run: RunState,
  engine: Engine,
  creds?: PostgresCredentials,
): Promise<EngineContext> {
  const image = run.image ?? {};
  const appService = run.app.compose?.appService;
  const workdir = image.WorkingDir || '/';
  const manageDir = run.app.imageSourceDir ?? workdir;
  const { volumes, firstTarget } = await createVolumes(run, engine, image, workdir, manageDir);
  const plan = planEnv({
    engine,
    settings: run.settings,
    composeEnv: appService?.environment ?? [],
    imageEnvNames: (image.Env ?? []).map((e) => e.split('=')[0]),
    postgres: creds,
    sqliteUrl: `sqlite:///${path.posix.join(firstTarget ?? workdir, 'db.sqlite3')}`,
    extra: run.options.env?.[engine],
    random: run.random,
  });
  for (const s of plan.secrets) run.redactor.add(s);
  const port = serverPort(run, image, plan.env);
  // As compose runs the service: its entrypoint replaces the image's (and clears CMD), its command replaces CMD.
  const composeEntrypoint = appService?.entrypoint && composeArgv(appService.entrypoint);
  const composeCommand = appService?.command && composeArgv(appService.command);
  const entrypoint = composeEntrypoint ?? image.Entrypoint ?? [];
  // One-offs keep a wrapper entrypoint (it usually ends in `exec "$@"`) but not a server started as entrypoint.
  const keepEntrypoint = entrypoint.length > 0 && entrypointRunsArguments(run.app, entrypoint);
  const entrypointFlag = composeEntrypoint ? ['--entrypoint', composeEntrypoint[0] ?? ''] : [];
  const entrypointRest = composeEntrypoint?.slice(1) ?? [];
  const serverCommand =
    composeEntrypoint || composeCommand ? [...entrypointRest, ...(composeCommand ?? [])] : undefined;
  return {
    engine,
    network: run.network(engine),
    volumes,
    env: plan.env,
    manageDir,
    port,
    oneOffEntrypoint: keepEntrypoint ? entrypointFlag : entrypoint.length === 0 ? [] : ['--entrypoint', ''],
    oneOffPrefix: keepEntrypoint ? entrypointRest : [],
    wrapper: keepEntrypoint ? entrypoint : [],
    // A wrapper script may wait for, or migrate, the database before it runs the one-off's command.
    wrapperMayUseDatabase: keepEntrypoint && !INIT_PROGRAM.test(entrypointProgram(entrypoint) ?? ''),
    serverEntrypoint: entrypointFlag,
    serverCommand,
  };
}

/** A compose command as the argv compose runs: the list, or the string split as a shell splits words (no shell). */
export function composeArgv(command: { argv?: string[]; raw: string }): string[] {
  if (command.argv) return command.argv;
  const words: string[] = [];
  for (const m of command.raw.matchAll(/"((?:\\.|[^"\\])*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g))
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3].replace(/\\(.)/g, '$1')));
  return words;
}

/** A fresh named volume for every VOLUME of the image and every volume target of the compose service, except one over the code itself. */
async function createVolumes(
  run: RunState,
  engine: Engine,
  image: ImageConfig,
  workdir: string,
  manageDir: string,
): Promise<{ volumes: string[]; firstTarget?: string }> {
  const targets = new Set<string>(Object.keys(image.Volumes ?? {}));
  for (const v of run.app.compose?.appService?.volumes ?? []) {
    if (v.type === 'tmpfs') continue;
    const t = v.target.replace(/\/+$/, '') || '/';
    const overCode = [workdir, manageDir].some((d) => d === t || d.startsWith(`${t}/`) || t === '/');
    if (!overCode) targets.add(t);
  }
  const volumes: string[] = [];
  let i = 0;
  for (const target of [...targets].sort()) {
    const name = run.name(engine, 'vol', String(++i));
    const r = await run.docker.exec(['volume', 'create', '--label', run.label, name], {
      timeoutMs: 60_000,
    });
    if (r.exitCode !== 0) throw new Error(`docker volume create failed: ${r.stderr.trim()}`);
    volumes.push('-v', `${name}:${target}`);
    run.engineVolumes.set(engine, [...(run.engineVolumes.get(engine) ?? []), name]);
  }
  return { volumes, firstTarget: [...targets].sort()[0] };
}

/** The container port the server listens on; sets PORT when the server starts on $PORT and nothing gives it. */
function serverPort(run: RunState, image: ImageConfig, env: Record<string, string>): number {
  const appService = run.app.compose?.appService;
  const exposed = Object.keys(image.ExposedPorts ?? {})
    .filter((p) => p.endsWith('/tcp'))
    .map((p) => Number(p.split('/')[0]))
    .filter((p) => Number.isFinite(p));
  const composePort =
    appService?.ports.find((p) => p.target !== undefined)?.target ??
    appService?.expose.find((e) => e.port)?.port;
  // A server started on $PORT (as platforms start twelve-factor apps) gets the port it is probed on.
  const portVariable = /\$\{?PORT\b/;
  const startsOnPortVariable = [
    ...(image.Entrypoint ?? []),
    ...(image.Cmd ?? []),
    appService?.command?.raw ?? '',
    ...run.app.entrypointScripts.flatMap((e) => e.script.commands.flatMap((c) => c.argv)),
  ].some((text) => portVariable.test(text));
  const imagePort = (image.Env ?? []).find((e) => e.startsWith('PORT='))?.slice(5);
  const givenPort = Number(env.PORT ?? imagePort);
  const port =
    run.options.port ??
    exposed[0] ??
    composePort ??
    (startsOnPortVariable && Number.isInteger(givenPort) && givenPort > 0 ? givenPort : 8000);
  if (startsOnPortVariable && env.PORT === undefined && imagePort === undefined) env.PORT = String(port);
  return port;
}

/** Whether the image's ENTRYPOINT runs the command it is given (`exec "$@"`), so one-offs can keep it. */
function entrypointRunsArguments(app: App, entrypoint: string[]): boolean {
  const program = entrypointProgram(entrypoint);
  if (!program) return false;
  if (INIT_PROGRAM.test(program)) return true;
  const script = app.entrypointScripts.find(
    (s) => s.imagePath === program || path.posix.basename(s.imagePath) === path.posix.basename(program),
  );
  if (script)
    return script.script.commands.some((c) => c.argv.some((a) => a.includes('$@') || a.includes('$*')));
  // Unknown script: wrapper-looking names usually end in `exec "$@"`.
  return /\.sh$|entrypoint/i.test(path.posix.basename(program));
}

/** The program an ENTRYPOINT runs: its first word that is not a shell, else the last one. */
function entrypointProgram(entrypoint: string[]): string | undefined {
  return entrypoint.find((a, i) => i === entrypoint.length - 1 || !/^(\/bin\/)?(ba|da)?sh$/.test(a));
}
