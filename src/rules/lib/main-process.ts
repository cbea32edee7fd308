// The process a start command ends in, as TF0901 and its fix judge it: a server, or supervisord in the foreground.
import {
  inlineScriptLastCommand,
  launchedCommand,
  programArgv,
  serverName,
  serverOf,
} from '../../model/command.js';

/** The server a command runs, or supervisord kept in the foreground (`-n`, or a `-c` conf that may say nodaemon). */
export function mainProcessOf(argv: string[]): { kind: string } | undefined {
  const server = serverOf(argv);
  // `runserver_plus` is named as written, not as the kind of server it is
  if (server) return { kind: serverName(argv, server) };
  // `su app -c "python manage.py runserver"`, `wait-for-it db:5432 -- gunicorn …`: the server a launcher runs
  const inner = launchedCommand(argv);
  if (inner) return mainProcessOf(inlineScriptLastCommand(inner, 1)?.argv ?? inner);
  const a = programArgv(argv);
  if (!/(^|\/)supervisord$/.test(a[0] ?? '')) return undefined;
  return a.some((w) => /^(-n|--nodaemon|-c.*|--configuration.*)$/.test(w))
    ? { kind: 'supervisord' }
    : undefined;
}
