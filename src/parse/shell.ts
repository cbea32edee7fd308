import type { ShellScript } from '../model/types/shell.js';

/** Shell text → simple commands with absolute lines. `firstLine` is the file line the text starts on. Never throws. */
export function parseShell(text: string, firstLine = 1): ShellScript {
  void text;
  void firstLine;
  return { commands: [] };
}
