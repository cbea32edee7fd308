import { LINES } from '../util/lines.js';

/**
 * A compose `.env` file → variables for interpolation (`KEY=VALUE`, `export KEY=VALUE`, quotes, `#` comments).
 * The values are secrets as far as this tool is concerned: they feed interpolation and are never printed.
 */
export function parseDotenv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split(LINES)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/.exec(line);
    if (!m) continue;
    // `KEY= # comment` leaves KEY empty: a `#` after whitespace starts a comment, as in compose's env files.
    let value = /^\s+#/.test(m[2]) ? '' : m[2].trimStart();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    } else value = value.replace(/\s+#.*$/, '').trim();
    env[m[1]] = value;
  }
  return env;
}
