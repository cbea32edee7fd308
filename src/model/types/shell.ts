/** Shell text (RUN, CMD/ENTRYPOINT shell form, compose command, entrypoint scripts) parsed as shell. */
export interface ShellCommand {
  /** Words after quote removal; a word with an unresolvable expansion keeps its '$VAR' text. */
  argv: string[];
  /** Absolute 1-based line in the file the shell text came from. */
  line: number;
  /** Redirections such as `> /var/log/app.log` (op is '>', '>>', '2>', '&>', ...). */
  redirects: { op: string; target: string }[];
  /** True when this command is the last of the script and run with `exec` (argv then starts after `exec`). */
  viaExec: boolean;
  /** True when the command is started in the background (`cmd &`): the script goes on beside it. */
  background?: boolean;
}

export interface ShellScript {
  /** Simple commands in source order, found through &&, ||, ;, pipelines, subshells, if/while bodies. */
  commands: ShellCommand[];
  /** Set when the text could not be parsed as shell; commands is then empty. */
  parseError?: { line: number; message: string };
}
