/** The management commands that apply migrations, and the arguments that only inspect them. Pure. */

/** `migrate`, and django-tenants' `migrate_schemas`, which migrates the shared and every tenant schema. */
const MIGRATE_COMMANDS = new Set(['migrate', 'migrate_schemas']);

/** Whether a manage.py command applies migrations (`migrate --check` and `--plan` only report them). */
export function appliesMigrations(dj: { name: string; args: string[] } | undefined): boolean {
  return (
    dj !== undefined &&
    MIGRATE_COMMANDS.has(dj.name) &&
    !dj.args.includes('--check') &&
    !dj.args.includes('--plan')
  );
}
