// uWSGI before 2.1 reloads on SIGTERM (a "brutal reload") unless die-on-term is set: exec alone does not stop it.
import { uwsgiIniArg } from '../../model/server-config.js';
import { inlineScriptLastCommand, programArgv } from '../../model/command.js';
import type { RawFinding } from '../../core/index.js';
import { missingServer } from './missing-server.js';
import type { App } from '../../model/types/project.js';

/** Whether a version is before 2.1, the release whose SIGTERM stops the server. */
function before21(version: string): boolean {
  const [major, minor = 0] = version.split('.').map(Number);
  return major < 2 || (major === 2 && minor < 1);
}

/**
 * What to add to exec for a uWSGI server that does not stop on SIGTERM: `--die-on-term`, when the version the
 * requirements (or a lock file) pin is before 2.1 or not known and neither the command nor the ini file it loads sets
 * die-on-term. When nothing the image installs provides uWSGI (or the server another command runs), that instead:
 * the command fails in either form. '' for any other command.
 */
export function dieOnTermAdvice(app: App, argv: string[]): string {
  const words = programArgv(argv);
  const missing = missingServer(app, argv);
  if (missing && missing !== 'uwsgi')
    return ` But nothing the image installs provides ${missing} (no requirement, RUN, lock file, start script or base image), so the image holds no ${missing} program and the container fails to start in either form: add ${missing} to the requirements.`;
  if (!/(^|\/)uwsgi$/.test(words[0] ?? '')) return '';
  if (app.uwsgi?.provided === false)
    return ` But nothing the image installs provides uWSGI (no requirement, RUN or start script installs it, and the base image holds none), so the image holds no uwsgi program and the container fails to start in either form: add uWSGI to the requirements (2.1 or later stops on SIGTERM; an earlier release needs --die-on-term as well).`;
  if (words.some((w) => /^--die[-_]on[-_]term(=(true|1|yes|on))?$/i.test(w))) return '';
  // The Emperor maps SIGTERM to its own death, and stops its vassals: only a master takes it as a reload.
  if (words.some((w) => /^--emperor(=|$)/.test(w))) return '';
  const ini = uwsgiIniArg(words);
  const name = ini?.slice(ini.lastIndexOf('/') + 1);
  const config = name
    ? (app.serverConfigs ?? []).find((c) => c.file === name || c.file.endsWith(`/${name}`))
    : undefined;
  if (config?.dieOnTerm) return '';
  const { version, pinnedIn } = app.uwsgi ?? {};
  if (version && !before21(version)) return '';
  const pinner = app.requirements.some((r) => r.file === pinnedIn)
    ? 'the requirements pin'
    : `${pinnedIn} pins`;
  const which = version
    ? `uWSGI ${version} (the version ${pinner}) takes SIGTERM as a signal to reload, not to stop`
    : 'uWSGI before 2.1 takes SIGTERM as a signal to reload, not to stop, and the requirements pin no version';
  const where = config ? ` (or die-on-term = true in ${config.file})` : '';
  return ` With exec alone, ${which}: add --die-on-term to the command${where}.`;
}

/** Findings of an inline `sh -c` whose last command is uWSGI: exec alone may not stop it (dieOnTermAdvice). */
export function withAdvice(app: App, argv: string[], line: number, found: RawFinding[]): RawFinding[] {
  const advice =
    found.length > 0 ? dieOnTermAdvice(app, inlineScriptLastCommand(argv, line)?.argv ?? []) : '';
  return found.map((f) => ({ ...f, message: f.message + advice }));
}
