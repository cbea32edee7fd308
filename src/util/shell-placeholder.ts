/**
 * Template placeholders in shell text (`gunicorn <DJANGO_APP_NAME>.wsgi:application`): a name in angle brackets that
 * the author means to be replaced, which sh would read as two redirections (`<DJANGO_APP_NAME` and
 * `>.wsgi:application`). They are read as part of a word instead.
 *
 * A placeholder is `<NAME>` where NAME is an identifier (letters, digits, `_` or `-` between them) that is either
 * upper case (`<APP>`, `<DJANGO_APP_NAME>`), or of any case but glued to a module path or port after it
 * (`<project_name>.wsgi`, `<app>:8000`). The `<` may not follow `<`, `>`, `&` or a file descriptor number (a
 * heredoc `<<EOF`, `2<FILE`), and the `>` may not start `>>`, `>&` or `>|`. Real redirections keep working: a target
 * with a path or extension (`<input.txt`, `> /var/log/x.log`), spaces before the `>` (`<in >out`), `2>&1`, and a
 * lower-case name not followed by a module path (`sort <in>out`) are no placeholders.
 */
const PLACEHOLDER =
  /(?<![<>&]|(?:^|[\s;&|()])\d+)<([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*)>(?![>&|])(?=([.:][A-Za-z0-9])?)/g;

// Private-use characters stand for the brackets while the text is parsed: sh syntax has no meaning for them.
const OPEN = '\uE000';
const CLOSE = '\uE001';

function isPlaceholder(name: string, glued: string | undefined): boolean {
  return !/[a-z]/.test(name) || glued !== undefined;
}

/** The text with each placeholder's brackets masked, so a shell parser reads it as word text; undefined when none. */
export function maskPlaceholders(text: string): string | undefined {
  if (!text.includes('<')) return undefined;
  let found = false;
  const masked = text.replace(PLACEHOLDER, (whole, name: string, glued: string | undefined) => {
    if (!isPlaceholder(name, glued)) return whole;
    found = true;
    return `${OPEN}${name}${CLOSE}`;
  });
  return found ? masked : undefined;
}

/** Masked brackets back to `<` and `>`. */
export function unmaskPlaceholders(text: string): string {
  return text.includes(OPEN) ? text.replaceAll(OPEN, '<').replaceAll(CLOSE, '>') : text;
}

/** Every string in a parse result unmasked (a copy; the value is plain data: arrays, objects, strings). */
export function unmaskedDeep<T>(value: T): T {
  if (typeof value === 'string') return unmaskPlaceholders(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => unmaskedDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = unmaskedDeep(v);
    return out as T;
  }
  return value;
}

/** The text with its placeholders' brackets dropped, for checks that look for redirection characters. */
export function withoutPlaceholders(text: string): string {
  const masked = maskPlaceholders(text);
  return masked === undefined ? text : masked.replace(/[\uE000\uE001]/g, '');
}
