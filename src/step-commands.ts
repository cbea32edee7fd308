// What the action says to the runner: workflow commands on stdout and the runner's file commands, byte for byte as
// @actions/core writes them. @actions/core loads node:crypto, child_process (through @actions/exec) and the streams of
// process.stdout on every run, a measurable part of a static run that only needs these few functions.
import { appendFileSync, accessSync, closeSync, constants, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EOL } from 'node:os';
import { escapeData, escapeProperty } from './core/workflow-text.js';
import { writeAll } from './util/std-streams.js';

const require = createRequire(import.meta.url);

/** Where an annotation points, as @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type CommandProperties = Record<string, unknown>;

/** A value as @actions/core turns it into command text: strings as they are, nothing as '', the rest as JSON. */
function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

/** `::command key=value,...::message`, as @actions/core's Command: a property with a falsy value is left out. */
function commandText(command: string, properties: CommandProperties, message: unknown): string {
  let text = `::${command || 'missing.command'}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    const props = keys
      .filter((k) => properties[k])
      .map((k) => `${k}=${escapeProperty(toCommandValue(properties[k]))}`);
    text += ` ${props.join(',')}`;
  }
  return `${text}::${escapeData(toCommandValue(message))}`;
}

function issueCommand(command: string, properties: CommandProperties, message: unknown): void {
  writeAll(1, commandText(command, properties, message) + EOL);
}

function toCommandProperties(p: AnnotationProperties): CommandProperties {
  if (!Object.keys(p).length) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
}

/** Random bytes for the delimiters, read from the kernel in one go; node:crypto only where there is no urandom. */
let pool = Buffer.alloc(0);
function randomBytes16(): Buffer {
  if (pool.length < 16) {
    try {
      const fd = openSync('/dev/urandom', 'r');
      try {
        const bytes = Buffer.alloc(256);
        if (readSync(fd, bytes, 0, bytes.length, null) !== bytes.length) throw new Error('short read');
        pool = bytes;
      } finally {
        closeSync(fd);
      }
    } catch {
      pool = (require('node:crypto') as typeof import('node:crypto')).randomBytes(256);
    }
  }
  const bytes = Buffer.from(pool.subarray(0, 16));
  pool = pool.subarray(16);
  return bytes;
}

/** A random version-4 UUID, the form of crypto.randomUUID() that @actions/core puts in its delimiters. */
export function randomUuid(bytes: Buffer = randomBytes16()): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `name<<delimiter` heredoc of a file command, refused when the name or value holds the delimiter. */
function keyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUuid()}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (converted.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${message}${EOL}`, { encoding: 'utf8' });
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT']) {
    issueFileCommand('OUTPUT', keyValueMessage(name, value));
    return;
  }
  writeAll(1, EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE']) {
    issueFileCommand('STATE', keyValueMessage(name, value));
    return;
  }
  issueCommand('save-state', { name }, toCommandValue(value));
}

/** What the main step saved under `name`, as the runner hands it to the post step. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** The runner masks `secret` in the log from now on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** A line printed as it is: the caller makes it inert (src/log.ts). */
export function info(message: string): void {
  writeAll(1, message + EOL);
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'error',
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message,
  );
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'warning',
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message,
  );
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'notice',
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message,
  );
}

/** Fails the step (exit code 1) with an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** `fn` inside a collapsible group of the log. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

/** Appends `text` and a line end to the job summary, as `core.summary.addRaw(text, true).write()`. */
export function appendSummary(text: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  appendFileSync(file, text + EOL, { encoding: 'utf8' });
}
