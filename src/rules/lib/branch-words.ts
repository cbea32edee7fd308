/** How a start script's branch conditions read in a message: "`[ $APP_ENV = production ]` holds". */
import { evaluateCondition, type BranchInputs } from '../../model/command.js';
import type { ShellCondition } from '../../model/types/shell.js';

/** A condition as shell code, undefined where it is a command's exit status (which the parser keeps no words of). */
function code(c: ShellCondition): string | undefined {
  switch (c.kind) {
    case 'test':
      return c.extended ? `[[ ${c.words.join(' ')} ]]` : `[ ${c.words.join(' ')} ]`;
    case 'case':
      return `case ${c.word} in ${c.patterns.join('|')})`;
    case 'not': {
      const inner = code(c.condition);
      return inner && `! ${inner}`;
    }
    case 'and':
    case 'or': {
      const left = code(c.left);
      const right = code(c.right);
      return left && right && `${left} ${c.kind === 'and' ? '&&' : '||'} ${right}`;
    }
    default:
      return undefined;
  }
}

/** One condition in words: "`[ $X = prod ]` holds", "`[ $X = prod ]` fails", "`$1` matches `web|api`". */
function conditionWords(c: ShellCondition): string | undefined {
  if (c.kind === 'case') return `\`${c.word}\` matches \`${c.patterns.join('|')}\``;
  if (c.kind === 'not' && c.condition.kind === 'case')
    return `\`${c.condition.word}\` matches none of \`${c.condition.patterns.join('|')}\``;
  if (c.kind === 'not' && c.condition.kind === 'test') return `\`${code(c.condition)}\` fails`;
  const text = code(c);
  return text && `\`${text}\` holds`;
}

/**
 * The guards of a command that the start's environment does not settle, in words joined by "and" (`[ $DJANGO_ENV =
 * production ]` where nothing sets DJANGO_ENV to a known value); undefined when every guard is known to hold, or one
 * cannot be put in words.
 */
export function unsettledGuards(
  guards: ShellCondition[] | undefined,
  inputs: BranchInputs,
): string | undefined {
  const open = (guards ?? []).filter((g) => evaluateCondition(g, inputs) === undefined);
  const words = open.map(conditionWords);
  if (open.length === 0 || words.some((w) => w === undefined)) return undefined;
  return words.join(' and ');
}

/**
 * The guards of a command that a deploy's environment can turn, in words joined by "and": those the start's
 * environment does not settle, and those that hold only because a variable they test is set nowhere (an unset
 * variable is "" to the shell: `[ "$ENV_NAME" != production ]` holds then, and `${RUN_MIGRATIONS:-1}` is its default).
 * With those variables (and expansions with a default), named so a message can say the command runs by default. Undefined when there is no such guard, or one cannot be put in words.
 */
export function deployGuards(
  guards: ShellCondition[] | undefined,
  inputs: BranchInputs,
): { words: string; unset: string[]; defaults: string[] } | undefined {
  const unknownWhenUnset: BranchInputs = {
    ...inputs,
    variable: (name) => inputs.variable(name) ?? undefined,
  };
  const open = (guards ?? []).filter((g) => evaluateCondition(g, unknownWhenUnset) === undefined);
  const words = open.map(conditionWords);
  if (open.length === 0 || words.some((w) => w === undefined)) return undefined;
  const unset = new Set<string>();
  const defaults = new Set<string>();
  for (const g of open) {
    if (evaluateCondition(g, inputs) !== true) continue;
    for (const m of (code(g) ?? '').matchAll(/\$\{?([A-Za-z_]\w*)(:?[-=][^}]*\})?/g)) {
      if (inputs.variable(m[1]) !== null) continue;
      if (m[2]) defaults.add(m[0]);
      else unset.add(m[1]);
    }
  }
  return { words: words.join(' and '), unset: [...unset], defaults: [...defaults] };
}
