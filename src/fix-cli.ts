import { resolve } from 'node:path';
import { oneDirectory, parseOptions, runCommand } from './command-line.js';
import { readText, writeText } from './fix/files.js';
import { patchOf, repositoryPrefix } from './fix/patch.js';
import { runFixes } from './fix/run.js';
import { OptionError, loadConfig, scannedDirectory } from './options.js';
import { analyzeStatic } from './pipeline.js';
import type { Rule } from './rules/lib/rule.js';
import { findRule, RULES } from './rules/registry.js';

export const FIX_USAGE = `Usage: twelve-factor-review fix [DIR] [options]

Proposes the fixes of the static findings in DIR (default .) as one unified diff (paths relative to the repository
root, for git apply). Each fix is tried first (the analysis runs again with it applied, nothing written): it is
offered only when its finding is gone and no new finding appears.

Options:
  --write                  apply the safe fixes to the files instead of printing the diff
  --rule RULE              fix only this rule (id or name), repeatable
  --only RULES             fix only these rules, comma-separated
  --config FILE            config file (default DIR/.github/twelve-factor.yml when it exists)
  --dockerfile FILE        Dockerfile of the app image, relative to DIR
  --compose-file FILE      compose file relative to DIR, repeatable, in merge order
  --settings-module MOD    dotted Django settings module (mysite.settings)
  --verbose                say why a fix was dropped
  -h, --help               print this help
`;

/** What the fix command writes to; the CLI's own streams. */
export interface FixIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

interface FixOptions {
  dir: string;
  write: boolean;
  rules: readonly Rule[];
  config?: string;
  dockerfile?: string;
  composeFiles?: string[];
  settingsModule?: string;
  verbose: boolean;
}

/** `fix DIR`: prints the patch of the proven safe fixes (or applies it with --write); 0 on success, 2 on bad usage. */
export async function fixCommand(argv: string[], io: FixIo): Promise<number> {
  return runCommand(
    io,
    'Run fix --help for usage.',
    () => parseFixArgs(argv, io.cwd),
    { help: FIX_USAGE },
    (options) => fix(options, io),
  );
}

function parseFixArgs(argv: string[], cwd: string): FixOptions | 'help' {
  const { values, positionals } = parseOptions(argv, {
    write: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    config: { type: 'string' },
    dockerfile: { type: 'string' },
    'compose-file': { type: 'string', multiple: true },
    'settings-module': { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const directory = oneDirectory(positionals);
  scannedDirectory(cwd, directory, 'Directory');
  return {
    dir: directory,
    write: values.write ?? false,
    rules: chosenRules([...(values.rule ?? []), ...(values.only ?? []).flatMap((o) => o.split(','))]),
    config: values.config !== undefined ? resolve(cwd, values.config) : undefined,
    dockerfile: values.dockerfile,
    composeFiles: values['compose-file'],
    settingsModule: values['settings-module'],
    verbose: values.verbose ?? false,
  };
}

/** The rules named by --rule/--only (all rules with a fixer when none is named). */
function chosenRules(keys: string[]): readonly Rule[] {
  const named = keys.map((k) => k.trim()).filter((k) => k !== '');
  if (named.length === 0) return RULES.filter((r) => r.fix);
  return named.map((key) => {
    const rule = findRule(key);
    if (!rule) throw new OptionError(`Unknown rule '${key}'. Expected a rule id (TF0901) or name.`);
    if (!rule.fix) throw new OptionError(`Rule ${rule.id} (${rule.name}) has no fix. See docs/rules.md.`);
    return rule;
  });
}

async function fix(options: FixOptions, io: FixIo): Promise<number> {
  const root = scannedDirectory(io.cwd, options.dir, 'Directory');
  const config = await loadConfig(root, options.config, options.config === undefined ? root : null);
  const discoverOptions = {
    dockerfile: options.dockerfile,
    composeFiles: options.composeFiles,
    settingsModule: options.settingsModule,
  };
  const result = await runFixes(
    {
      analyze: (overlay) => analyzeStatic(root, config, discoverOptions, overlay),
      read: (file) => readText(root, file),
      debug: (m) => {
        if (options.verbose) io.stderr(`${m}\n`);
      },
    },
    { rules: options.rules },
  );
  const variables = [...new Set(result.applied.flatMap((f) => f.variables ?? []))].sort();
  if (options.write) {
    for (const [file, { after }] of result.changes) writeText(root, file, after);
  } else {
    io.stdout(patchOf(result.changes, repositoryPrefix(root)));
  }
  const files = result.changes.size;
  io.stderr(
    `${result.applied.length} fix(es) ${options.write ? 'applied to' : 'in the diff for'} ${files} file(s).\n`,
  );
  for (const f of result.applied) io.stderr(`  ${f.ruleId}: ${f.title}\n`);
  if (variables.length > 0)
    io.stderr(
      `Set these variables where the app runs (their values are no longer in the repository): ${variables.join(', ')}\n`,
    );
  for (const s of result.suggestions) io.stderr(`Suggested, not applied: ${s.ruleId}: ${s.title}\n`);
  return 0;
}
