import * as step from '../step-commands.js';
import { stepLog as log } from '../log.js';
import { writeOwnFile } from '../util/safe-fs.js';
import type { Runner } from './runner.js';

/** What publishing left to say: warnings are emitted together, after the outputs, before the annotations. */
export interface Publication {
  warnings: string[];
  /** One line per channel for the job summary's footer. */
  notes: string[];
}

/** Publishes one channel in its own log group; a failure becomes a warning and a note, never a verdict. */
export async function attempt(pub: Publication, name: string, fn: () => Promise<void>): Promise<void> {
  await step.group(name, async () => {
    try {
      await fn();
    } catch (error) {
      log.debug((error as Error).stack ?? String(error));
      pub.warnings.push(`${name} could not be published: ${(error as Error).message}`);
      pub.notes.push(`${name}: not published (${(error as Error).message}).`);
    }
  });
}

/** Writes a file of ours inside the workspace or the runner's temp directory, never through a link. */
export function writeText(file: string, text: string, env: Runner): void {
  writeOwnFile(file, text, [env.workspace, env.temp]);
}
