/** The management commands that apply migrations, and the arguments that only inspect them. Pure. */

/**
 * `migrate`; `syncdb`, its name before Django 1.7 (an alias of it until 1.9); and django-tenants' `migrate_schemas`,
 * which migrates the shared and every tenant schema.
 */
const MIGRATE_COMMANDS = new Set(['migrate', 'syncdb', 'migrate_schemas']);

/** Whether a manage.py command applies migrations (`migrate --check` and `--plan` only report them). */
export function appliesMigrations(dj: { name: string; args: string[] } | undefined): boolean {
  return (
    dj !== undefined &&
    MIGRATE_COMMANDS.has(dj.name) &&
    !dj.args.includes('--check') &&
    !dj.args.includes('--plan')
  );
}

/** manage.py options that take their value as the next word. */
const VALUE_OPTIONS = new Set(['--database', '--settings', '--pythonpath', '--verbosity', '-v']);

/**
 * The app `migrate <app> zero` rolls back (unapplying every migration of the app drops its tables and their data);
 * undefined for any other command, and for `--plan`/`--check`, which only report.
 */
export function rolledBackApp(dj: { name: string; args: string[] } | undefined): string | undefined {
  if (!appliesMigrations(dj) || dj!.name !== 'migrate') return undefined;
  const positional: string[] = [];
  for (let i = 0; i < dj!.args.length; i++) {
    const a = dj!.args[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) positional.push(a);
  }
  return positional.length === 2 && positional[1] === 'zero' ? positional[0] : undefined;
}
