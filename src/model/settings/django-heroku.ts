/** `django_heroku.settings(locals())`: what it changes in the module that calls it, as far as the rules need. */
import type { EvalContext } from './context.js';
import { recordRead } from './environ.js';
import type { PyValue, VariableRead } from './value.js';

/**
 * django-heroku replaces `DATABASES['default']` by `dj_database_url.config()` when DATABASE_URL is set, so the
 * database is chosen by DATABASE_URL and the settings' own `default` is the fallback when it is unset.
 */
export function applyDjangoHeroku(reads: VariableRead[], ctx: EvalContext, line: number): void {
  const binding = ctx.scope.get('DATABASES');
  if (binding?.v.t !== 'dict') return;
  const entries = binding.v.entries;
  const at = entries.findIndex((e) => e.key === 'default');
  if (at < 0) return;
  const fallback = entries[at].value;
  // The fallback's ENGINE line is where the engine used without DATABASE_URL is written.
  const engineLine =
    fallback.t === 'dict' ? (fallback.entries.find((e) => e.key === 'ENGINE')?.line ?? fallback.line) : line;
  const read = recordRead(reads, ctx, {
    variable: 'DATABASE_URL',
    via: 'dj-database-url',
    line: engineLine,
    required: false,
    hasDefault: true,
  });
  const selected: PyValue = {
    t: 'env',
    read,
    unset: fallback,
    dbUrl: fallback.t === 'dict',
    line: engineLine,
  };
  const replaced = entries.map((e, i) => (i === at ? { ...e, value: selected } : e));
  ctx.scope.set('DATABASES', { v: { ...binding.v, entries: replaced }, origins: binding.origins });
}
