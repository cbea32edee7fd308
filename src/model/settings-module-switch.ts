/**
 * DATABASES of settings whose module an environment variable picks in the file that sets DJANGO_SETTINGS_MODULE
 * (`"production" if os.getenv("ENV") == "production" else "dev"` in wsgi.py): the variable selects among the modules'
 * databases as a DB_ENGINE switch does.
 */
import type { DatabaseConfig, DatabasesModel, SettingsModel } from './types/settings.js';

/** The variable the module choice reads, and where. */
export interface ModuleChooser {
  file: string;
  line: number;
  variable: string;
}

/**
 * The settings' DATABASES as a switch on the chooser's variable, the settings' own configs its default and each
 * alternative module's configs selected by the value that loads it; undefined unless every module fixes its database
 * in code and they do not all fix the same engine.
 */
export function switchedDatabases(
  settings: SettingsModel,
  chooser: ModuleChooser,
  alternatives: { value: string; settings: SettingsModel }[],
): DatabasesModel | undefined {
  const own = settings.databases;
  if (!own || own.selection.kind !== 'fixed' || alternatives.length === 0) return undefined;
  const others = alternatives.flatMap(({ value, settings: other }) =>
    other.databases?.selection.kind === 'fixed'
      ? [{ value, settings: other, databases: other.databases }]
      : [],
  );
  if (others.length !== alternatives.length) return undefined;
  const engines = new Set(
    [...own.configs, ...others.flatMap((o) => o.databases.configs)].map((c) => c.engine),
  );
  if (engines.size < 2 || engines.has(undefined)) return undefined;
  const { variable } = chooser;
  const fallback = (c: DatabaseConfig): DatabaseConfig => ({
    ...c,
    isDefault: true,
    selectedBy: { variable, value: '', test: 'otherwise' },
  });
  const chosen = (o: (typeof others)[number], c: DatabaseConfig): DatabaseConfig => ({
    ...c,
    file: c.file ?? o.databases.file ?? o.settings.file,
    isDefault: false,
    selectedBy: { variable, value: o.value, test: 'equals' },
  });
  return {
    ...own,
    selection: { kind: 'env', variable, line: chooser.line, file: chooser.file },
    configs: [
      ...own.configs.map(fallback),
      ...others.flatMap((o) => o.databases.configs.map((c) => chosen(o, c))),
    ],
  };
}
