import type { ComposeService } from '../../model/types/compose.js';
import type { App, Project } from '../../model/types/project.js';
import type { DatabasesModel, SettingsModel } from '../../model/types/settings.js';

/** Every compose service of every app, with its app. */
export function composeServices(project: Project): { app: App; service: ComposeService }[] {
  return project.apps.flatMap((app) => (app.compose?.services ?? []).map((service) => ({ app, service })));
}

/** An app whose settings resolve DATABASES, and the file a finding about DATABASES points at. */
export interface AppDatabases {
  app: App;
  settings: SettingsModel;
  databases: DatabasesModel;
  file: string;
}

/** Every app whose settings resolve DATABASES. */
export function appDatabases(project: Project): AppDatabases[] {
  return project.apps.flatMap((app) => {
    const settings = app.settings;
    const databases = settings?.databases;
    if (!settings || !databases) return [];
    return [{ app, settings, databases, file: databases.file ?? settings.file }];
  });
}
