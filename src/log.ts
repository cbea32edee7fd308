import * as step from './step-commands.js';
import { inert } from './core/workflow-text.js';

export { inert, looksLikeCommand } from './core/workflow-text.js';

/**
 * The step log, as the action's code sees it. The only way the action prints text to stdout: everything printed
 * may carry repository text (file names, service names, a container's log), and the runner reads stdout for
 * workflow commands. `step.debug`/`warning`/`error`/`notice` and `startGroup` escape their text themselves
 * (one line, `%0A` for a newline); `step.info` prints it raw, so `info` here makes it inert first.
 */
export interface Log {
  info(text: string): void;
  debug(text: string): void;
}

/** The step log of the running action. */
export const stepLog: Log = {
  info: (text) => step.info(inert(text)),
  debug: (text) => step.debug(text),
};
