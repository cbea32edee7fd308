import { type InitProcess, scriptCommandsThatRun } from '../../model/command.js';
import type { App, EntrypointScript } from '../../model/types/project.js';
import { scriptRunBy } from './script-steps.js';

/** Where a start script runs another one: the caller, the line, and whether it hands its process over with exec. */
interface ScriptCall {
  caller: EntrypointScript;
  line: number;
  viaExec: boolean;
}

/** The start script that runs `script` in the foreground (`./start.sh`, `exec sh start.sh`), first found. */
function callOf(app: App, script: EntrypointScript): ScriptCall | undefined {
  for (const caller of app.entrypointScripts) {
    if (caller === script || caller.makeTargets || caller.program) continue;
    const c = scriptCommandsThatRun(app, caller).find(
      (c) => !c.background && !c.asUser && scriptRunBy(c.argv, app.entrypointScripts, caller) === script,
    );
    if (c) return { caller, line: c.line, viaExec: c.viaExec };
  }
  return undefined;
}

/**
 * The call that leaves PID 1 with a shell above `script`: going up the scripts that run it, the topmost one made
 * without exec (`entrypoint.sh` running `start.sh` as its child); PID 1 then runs its caller's shell. Undefined when
 * every script above hands its process over with exec, or none runs it: the script's own shell is PID 1.
 */
export function pid1Call(app: App, script: EntrypointScript): ScriptCall | undefined {
  let found: ScriptCall | undefined;
  const seen = new Set([script]);
  for (let call = callOf(app, script); call && !seen.has(call.caller); call = callOf(app, call.caller)) {
    seen.add(call.caller);
    if (!call.viaExec) found = call;
  }
  return found;
}

/**
 * How a script that starts `what` without exec keeps SIGTERM from it, said after that: the script's shell is PID 1;
 * under an init that signals only its child (tini without -g), the init passes it to that shell only; and a script
 * another one runs without exec is a child, PID 1 being that caller's shell.
 */
export function whoKeepsSignal(
  app: App,
  script: EntrypointScript,
  init: InitProcess | undefined,
): (what: string) => string {
  const call = pid1Call(app, script);
  if (!call)
    return () =>
      init
        ? `so ${init.name} (PID 1) sends SIGTERM to the script's shell only, which does not pass it on`
        : 'so the script stays PID 1 and SIGTERM does not reach it';
  const caller = call.caller.file;
  const child = `${script.file} is itself a child: ${caller} runs it without exec (${caller}:${call.line})`;
  const pid1 = init
    ? `and ${init.name} (PID 1) sends SIGTERM to the shell of ${caller} only`
    : `so PID 1 is the shell of ${caller}, and SIGTERM from docker stop reaches that shell`;
  return (what) => `and ${child}, ${pid1}, not ${what}`;
}
