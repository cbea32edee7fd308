import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { OptionError } from './options.js';

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>
>;

/** The words of one command line read against its options; an unknown or malformed option is an OptionError. */
export function parseOptions<O extends ParseArgsOptionsConfig>(argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    // parseArgs names the offending option; keep its sentence, drop Node's hints about '--' and positionals.
    throw new OptionError((error as Error).message.split('. To specify')[0].replace(/\.?$/, '.'));
  }
}

/** The one directory a command takes, '.' when none is given. */
export function oneDirectory([dir, ...extra]: string[]): string {
  if (extra.length > 0) throw new OptionError(`Unexpected argument '${extra[0]}'. Expected one directory.`);
  return dir ?? '.';
}

/**
 * Runs one command of the command line: a text asked for (help, version) is printed; a usage error or an internal
 * error is one line on standard error and exit code 2.
 */
export async function runCommand<O>(
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  helpHint: string,
  parse: () => O,
  texts: Record<Extract<O, string>, string>,
  run: (options: Exclude<O, string>) => Promise<number>,
): Promise<number> {
  let options: O;
  try {
    options = parse();
  } catch (error) {
    io.stderr(`twelve-factor-review: ${(error as Error).message}\n${helpHint}\n`);
    return 2;
  }
  if (typeof options === 'string') {
    io.stdout(texts[options as Extract<O, string>]);
    return 0;
  }
  try {
    return await run(options as Exclude<O, string>);
  } catch (error) {
    const message =
      error instanceof OptionError ? error.message : `internal error: ${(error as Error).stack ?? error}`;
    io.stderr(`twelve-factor-review: ${message}\n`);
    return 2;
  }
}
