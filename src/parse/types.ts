/** What the parsers return: syntax with positions, no judgement. The model builds on these. */
/** Shell text (RUN, CMD/ENTRYPOINT shell form, compose command, entrypoint scripts) parsed as shell. */
export interface ShellCommand {
  /** Words after quote removal; a word with an unresolvable expansion keeps its '$VAR' text. */
  argv: string[];
  /** Absolute 1-based line in the file the shell text came from. */
  line: number;
  /** Redirections such as `> /var/log/app.log` (op is '>', '>>', '2>', '&>', ...). */
  redirects: { op: string; target: string }[];
  /**
   * True when the command is run with `exec` (argv then starts after `exec`), so it replaces the script's shell. An
   * `exec` inside a `( … )` subshell replaces only the subshell, a fork the shell waits for: false there.
   */
  viaExec: boolean;
  /** `( cd src; exec gunicorn … )`: written with `exec`, inside a subshell, so the script's shell stays. */
  execInSubshell?: true;
  /** Assignments written before the command (`X=1 cmd`), which set X for that command only. */
  env?: ShellAssignment[];
  /** Each word of argv as written (quotes and expansions kept), when one with an expansion differs from argv. */
  written?: string[];
  /**
   * With `written`: for each word of argv read through a script constant (`--workers $WORKERS`, `WORKERS=4` set above),
   * its place among the words of the constant's value (0, 1, …); -1 for a word read as written.
   */
  constantWord?: number[];
  /** The line of each word of argv, when one is on a later line than the command (a `\` continuation). */
  wordLines?: number[];
  /**
   * How the command joins the one before it in an and-or list: it runs only when the list so far succeeded (`&&`) or
   * failed (`||`). Absent for the first command of a list (after a new line or `;`) and after a pipe.
   */
  after?: '&&' | '||';
  /** True when the command runs in the background (`cmd &`), beside whatever the script runs next. */
  background?: boolean;
  /** Text the command reads on stdin when the script gives it: a heredoc body, or what `echo`/`printf` pipes in. */
  stdin?: string;
  /** Conditions that must all hold for the command to run: its if/elif/else tests, case patterns, `test … &&`. */
  guards?: ShellCondition[];
  /** True when the command runs in the condition or body of a `while`/`until` loop, which may run it again. */
  loop?: boolean;
  /** The script function whose body holds the command (the innermost), when it is in one. */
  inFunction?: string;
  /**
   * The function holding the command that the script declares but never calls itself, read where it is declared: it
   * runs only when something else names it (a `trap`, the script's arguments, a script that sources this one).
   */
  uncalledFunction?: string;
  /** Run by `su USER -c "…"`, `runuser`, `sudo -u USER`: the launcher's own command is in the list too, before it. */
  asUser?: boolean;
  /**
   * The `( … )` subshells that hold the command, outermost first, each named by its byte offset in the script: a
   * `cd` inside one ends with it.
   */
  subshells?: number[];
}

/** A condition a script branches on, as written (words after quote removal, expansions kept as `$1`, `$VAR`). */
export type ShellCondition =
  /** `[ … ]`, `test …` (extended: `[[ … ]]`): the words between the brackets. */
  | { kind: 'test'; words: string[]; extended?: boolean }
  | { kind: 'not'; condition: ShellCondition }
  | { kind: 'and' | 'or'; left: ShellCondition; right: ShellCondition }
  /** `case WORD in PATTERN|PATTERN)`: the item runs when the word matches one of the patterns. */
  | { kind: 'case'; word: string; patterns: string[] }
  /** Any other command whose exit status decides. */
  | { kind: 'unknown' };

/** A variable the script sets: `X=v`, `export X=v`, or `X=v cmd` for one command. */
export interface ShellAssignment {
  name: string;
  /** The value after quote removal; expansions keep their source text. */
  value: string;
  /** True when the value has no expansion ($VAR, $(cmd), `cmd`): it is written in the script. */
  literal: boolean;
  line: number;
  /** `X="a b"`: the assignment as written, quotes kept. */
  text?: string;
  /** The conditions under which it runs (inside `if`/`case`), outermost first; absent when always. */
  guards?: ShellCondition[];
  /**
   * Set when the variable reaches the commands the script starts: `export X=v`, `X=v` then `export X`, or `X=v cmd`
   * for that command. A plain `X=v` stays the shell's own.
   */
  exported?: true;
}

export interface ShellScript {
  /** Simple commands in source order, found through &&, ||, ;, pipelines, subshells, if/while bodies. */
  commands: ShellCommand[];
  /** Variables the script sets, in source order (nested `sh -c` scripts included). */
  assignments?: ShellAssignment[];
  /** Set when the text could not be parsed as shell; commands is then empty. */
  parseError?: { line: number; message: string };
}

/** A parse failure (TF0001): the file is skipped, the rest goes on. */
export interface ParseError {
  file: string;
  line?: number;
  message: string;
}

export interface DockerignoreModel {
  file: string; // relative to the scanned directory
  patterns: { pattern: string; negated: boolean; line: number }[];
}

export interface RequirementLine {
  line: number;
  text: string;
  /** Package name when the line names one (not for -r/-c/-e/options/paths/URLs). */
  name?: string;
  /** The extras the line asks for, as written without blanks (`[daphne]`): a pin must keep them. */
  extras?: string;
  pinned: boolean; // == / === or --hash; for a VCS URL, a revision (`@v1.2`, `@<commit>`)
  /** A requirement from version control (`git+https://…`, `pkg @ git+…`, `-e git+…`): the requirement as written. */
  vcs?: string;
  kind: 'package' | 'include' | 'option' | 'path' | 'url' | 'editable';
}

export interface RequirementsFile {
  file: string; // relative to the scanned directory
  lines: RequirementLine[];
  /**
   * Not pip's format: a Pipfile the image installs without its lock (`--skip-lock`, or no Pipfile.lock beside it), or
   * a pyproject.toml whose `[project]` dependencies `uv pip install -r pyproject.toml` resolves, or one `poetry install`
   * resolves with no poetry.lock beside it.
   */
  manifest?: 'pipfile' | 'pyproject' | 'poetry';
  /**
   * Why the manifest is resolved at build time: `--skip-lock`, no lock in the repository, or a lock the repository
   * holds that the image gets only after the install ran (`COPY pyproject.toml` first, `COPY . .` later).
   */
  unlocked?: 'skip-lock' | 'no-lock' | 'lock-not-copied';
  /** With 'lock-not-copied': the lock's file, the install's line, and the line of a later COPY that brings it. */
  lockNotCopied?: { lock: string; installLine: number; copiedAt?: number };
}

export interface SuppressionComment {
  file: string;
  line: number;
  /** The line the suppression applies to (the same line, or the next code line). */
  appliesTo: number | 'file';
  rules: string[]; // ids or names as written
  reason?: string;
}
