import { isDynamicRule, type DynamicRule } from './lib/dynamic.js';
import type { Rule } from './lib/rule.js';
import { parseError } from './TF0001-parse-error.js';
import { invalidSuppression } from './TF0002-invalid-suppression.js';
import { sourceNotInContext } from './TF0101-source-not-in-context.js';
import { noDockerignore } from './TF0102-no-dockerignore.js';
import { dockerignoreGaps } from './TF0103-dockerignore-gaps.js';
import { baseImageUnpinned } from './TF0201-base-image-unpinned.js';
import { pythonDepsUnpinned } from './TF0202-python-deps-unpinned.js';
import { noDependencyManifest } from './TF0203-no-dependency-manifest.js';
import { depsInstalledAtStart } from './TF0204-deps-installed-at-start.js';
import { serviceImageUnpinned } from './TF0205-service-image-unpinned.js';
import { secretKeyInCode } from './TF0301-secret-key-in-code.js';
import { debugInCode } from './TF0302-debug-in-code.js';
import { allowedHostsWildcard } from './TF0303-allowed-hosts-wildcard.js';
import { databaseCredentialsInCode } from './TF0304-database-credentials-in-code.js';
import { databaseNotConfigurable } from './TF0305-database-not-configurable.js';
import { secretInDockerfile } from './TF0306-secret-in-dockerfile.js';
import { secretInCompose } from './TF0307-secret-in-compose.js';
import { envFileInImage } from './TF0308-env-file-in-image.js';
import { configNotHonoured } from './TF0309-config-not-honoured.js';
import { configVarMismatch } from './TF0310-config-var-mismatch.js';
import { secretInScript } from './TF0311-secret-in-script.js';
import { debugEnvNotBoolean } from './TF0312-debug-env-not-boolean.js';
import { configProvidedNotRead } from './TF0313-config-provided-not-read.js';
import { settingsValueMalformed } from './TF0314-settings-value-malformed.js';
import { backingServiceLocalhost } from './TF0401-backing-service-localhost.js';
import { dependsOnUnhealthy } from './TF0402-depends-on-unhealthy.js';
import { adminTaskAtBuild } from './TF0501-admin-task-at-build.js';
import { imageBuildFailed } from './TF0502-image-build-failed.js';
import { sourceMountedOverImage } from './TF0503-source-mounted-over-image.js';
import { sqliteInImage } from './TF0601-sqlite-in-image.js';
import { runtimeDataNotInVolume } from './TF0602-runtime-data-not-in-volume.js';
import { postgresDataNotInVolume } from './TF0603-postgres-data-not-in-volume.js';
import { runtimeDataLost } from './TF0604-runtime-data-lost.js';
import { volumeOverSource } from './TF0605-volume-over-source.js';
import { noPortDeclared } from './TF0701-no-port-declared.js';
import { bindsLoopback } from './TF0702-binds-loopback.js';
import { portUnreachable } from './TF0703-port-unreachable.js';
import { exposeMismatch } from './TF0704-expose-mismatch.js';
import { devServer } from './TF0801-dev-server.js';
import { fixedContainerName } from './TF0802-fixed-container-name.js';
import { severalProcesses } from './TF0803-several-processes.js';
import { shellFormCommand } from './TF0901-shell-form-command.js';
import { slowShutdown } from './TF0902-slow-shutdown.js';
import { slowStartup } from './TF0903-slow-startup.js';
import { noHealthcheck } from './TF0904-no-healthcheck.js';
import { sqlitePathFailed } from './TF1001-sqlite-path-failed.js';
import { postgresPathFailed } from './TF1002-postgres-path-failed.js';
import { sqliteDefaultEngine } from './TF1003-sqlite-default-engine.js';
import { logsToFile } from './TF1101-logs-to-file.js';
import { migrateOneOffFailed } from './TF1201-migrate-one-off-failed.js';
import { adminTaskOnEveryStart } from './TF1202-admin-task-on-every-start.js';
import { destructiveAdminOnStart } from './TF1203-destructive-admin-on-start.js';
import { runsAsRoot } from './TF1301-runs-as-root.js';
import { deployCheck } from './TF1302-deploy-check.js';
import { backingPortPublished } from './TF1303-backing-port-published.js';
import { dockerSocketMounted } from './TF1304-docker-socket-mounted.js';

/** Every rule of the catalog, in catalog order. */
export const RULES: readonly Rule[] = [
  parseError,
  invalidSuppression,
  sourceNotInContext,
  noDockerignore,
  dockerignoreGaps,
  baseImageUnpinned,
  pythonDepsUnpinned,
  noDependencyManifest,
  depsInstalledAtStart,
  serviceImageUnpinned,
  secretKeyInCode,
  debugInCode,
  allowedHostsWildcard,
  databaseCredentialsInCode,
  databaseNotConfigurable,
  secretInDockerfile,
  secretInCompose,
  envFileInImage,
  configNotHonoured,
  configVarMismatch,
  secretInScript,
  debugEnvNotBoolean,
  configProvidedNotRead,
  settingsValueMalformed,
  backingServiceLocalhost,
  dependsOnUnhealthy,
  adminTaskAtBuild,
  imageBuildFailed,
  sourceMountedOverImage,
  sqliteInImage,
  runtimeDataNotInVolume,
  postgresDataNotInVolume,
  runtimeDataLost,
  volumeOverSource,
  noPortDeclared,
  bindsLoopback,
  portUnreachable,
  exposeMismatch,
  devServer,
  fixedContainerName,
  severalProcesses,
  shellFormCommand,
  slowShutdown,
  slowStartup,
  noHealthcheck,
  sqlitePathFailed,
  postgresPathFailed,
  sqliteDefaultEngine,
  logsToFile,
  migrateOneOffFailed,
  adminTaskOnEveryStart,
  destructiveAdminOnStart,
  runsAsRoot,
  deployCheck,
  backingPortPublished,
  dockerSocketMounted,
];

/** The rules the smoke run's observations are judged by, in catalog order. */
export const DYNAMIC_RULES: readonly DynamicRule[] = RULES.filter(isDynamicRule);

const byKey = new Map<string, Rule>();
for (const rule of RULES) {
  byKey.set(rule.id.toLowerCase(), rule);
  byKey.set(rule.name, rule);
}

/** Looks a rule up by id (any case) or kebab-case name. */
export function findRule(key: string): Rule | undefined {
  return byKey.get(key.trim().toLowerCase());
}

/** Whether a rule id or name is in the catalog. */
export function isKnownRule(key: string): boolean {
  return findRule(key) !== undefined;
}
