/**
 * Reads stdout the way the GitHub runner does (actions/runner: ActionCommandManager.TryProcessCommand,
 * ActionCommand.TryParseV2 and the legacy TryParse): line by line, a line ending at \n, \r or \r\n; a command is
 * `::name props::data` after the leading whitespace is trimmed, or the legacy `##[name props]data` anywhere in a line;
 * only registered names count (case-insensitively); `::stop-commands::token` ignores everything until `::token::`.
 */
export interface RunnerCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** The raw line. */
  line: string;
}

/** The names the runner registers: its command extensions and stop-commands. */
const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
];

/** C#'s Char.IsWhiteSpace, which String.TrimStart() trims. */
const LEADING_WHITESPACE = /^[\s\u0085]+/;

function unescape(s: string, legacy: boolean, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (legacy) out = out.replace(/%3B/g, ';').replace(/%5D/g, ']');
  if (property && !legacy) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

function parseV2(line: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const message = line.replace(LEADING_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1)
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), false, true);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), false, false) };
}

function parseLegacy(line: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1)
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true, true);
    }
  }
  return { command, properties, data: unescape(line.slice(close + 1), true, false) };
}

/** Every command the runner would act on, in order (stop-commands and its resume token included). */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const c = parseV2(line, registered) ?? parseLegacy(line, registered);
    if (!c) continue;
    const name = c.command.toLowerCase();
    if (stopToken !== undefined) {
      if (name !== stopToken) continue;
      registered.delete(stopToken);
      stopToken = undefined;
    } else if (name === 'stop-commands') {
      stopToken = c.data.toLowerCase();
      registered.add(stopToken);
    }
    out.push({ ...c, line });
  }
  return out;
}
