import type { RunFacts } from '../../core/index.js';
import { appOfDockerfile, instructionsOf, runtimeInsertionLine } from '../../rules/lib/dockerfile-fix.js';
import { dataDirFromEnvironment } from '../../rules/lib/data-dir-fix.js';
import { insertLines, replaceLines } from '../../rules/lib/fix.js';
import { coversPath } from '../../rules/lib/paths.js';
import { shellLessBase, volumeWritableWithoutShell } from '../../rules/lib/shell-less-base.js';
import type { FixContext, FixProposal } from '../../rules/lib/rule.js';

/** TF0701: `EXPOSE` of the port the server was seen listening on, where the image's runtime lines go. */
export function exposeSeenPort(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const found = appOfDockerfile(context);
  if (facts.port === undefined || !found || found.stage.exposes.length > 0) return undefined;
  const { dockerfile, stage } = found;
  return {
    title: `EXPOSE ${facts.port}, the port the server listened on`,
    edits: [insertLines(dockerfile.file, runtimeInsertionLine(stage), [`EXPOSE ${facts.port}`])],
  };
}

/** TF0704: the one EXPOSE instruction's port replaced by the port the server was seen listening on. */
export function exposeListenedPort(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const found = appOfDockerfile(context);
  if (facts.port === undefined || !found) return undefined;
  const { dockerfile, stage } = found;
  const only = stage.exposes.length === 1 ? stage.exposes[0] : undefined;
  if (!only || only.line !== context.finding.line || only.ports.length !== 1) return undefined;
  if (only.ports[0].port === facts.port || only.line !== only.endLine) return undefined;
  const protocol = only.ports[0].protocol === 'udp' ? '/udp' : '';
  if (protocol) return undefined;
  return {
    title: `EXPOSE ${facts.port}, the port the server listened on`,
    edits: [replaceLines(dockerfile.file, only.line, only.line, [`EXPOSE ${facts.port}`])],
  };
}

/**
 * TF0602/TF0604: a `VOLUME` at the directory SQLite was seen writing; under a non-root USER the directory is made and
 * given to that user first (a named volume takes the ownership of the image's directory). On a base with no shell
 * only a directory a COPY --chown gives the user can take the volume.
 */
export function volumeForSqlite(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const dir = facts.sqliteDir;
  const app = context.project.apps.find((a) => a.dockerfile?.targetStage);
  const dockerfile = app?.dockerfile;
  const stage = dockerfile?.targetStage;
  if (!dir || dir === '/' || !dockerfile || !stage || !/^\/[\w./@+-]*$/.test(dir)) return undefined;
  if (stage.volumes.some((v) => v.paths.some((p) => coversPath(p, dir)))) return undefined;
  // A volume over the code would keep an old release's code in it (TF0605).
  if (coversPath(dir, stage.workdir || '/') || (app.imageSourceDir && coversPath(dir, app.imageSourceDir)))
    return undefined;
  // No shell to make the directory in: only a COPY --chown that creates it gives it to the user.
  const shellLess = shellLessBase(dockerfile, stage);
  if (shellLess) {
    if (!volumeWritableWithoutShell(dockerfile, stage, shellLess, dir)) return undefined;
    return {
      title: `VOLUME ${dir}, where SQLite wrote the database`,
      edits: [insertLines(dockerfile.file, runtimeInsertionLine(stage), [`VOLUME ${dir}`])],
    };
  }
  const user = stage.user?.user;
  const userInstruction = instructionsOf(stage, 'USER').find((i) => i.line === stage.user?.line);
  const nonRoot = user !== undefined && !/^(root|0)(:.*)?$/.test(user) && /^[\w.:-]+$/.test(user);
  // The first USER of the stage: lines before it still run as root.
  const firstUser = instructionsOf(stage, 'USER')[0];
  const before = nonRoot && firstUser && userInstruction ? firstUser.line : runtimeInsertionLine(stage);
  const lines = [...(nonRoot ? [`RUN mkdir -p ${dir} && chown ${user} ${dir}`] : []), `VOLUME ${dir}`];
  return {
    title: `VOLUME ${dir}, where SQLite wrote the database${nonRoot ? `, owned by ${user}` : ''}`,
    edits: [insertLines(dockerfile.file, before, lines)],
  };
}

/**
 * TF0604 when SQLite wrote inside the code's directory (no VOLUME can go there): the database path is read under
 * DATA_DIR, as TF0602's fix does, when the finding sits on the settings line that writes it under BASE_DIR.
 */
export function sqliteUnderDataDir(context: FixContext): FixProposal | undefined {
  const app = context.project.apps.find(
    (a) =>
      a.dockerfile?.targetStage &&
      (a.settings?.file === context.finding.file ||
        (a.settingsBases ?? []).some((b) => b.file === context.finding.file)),
  );
  return app && dataDirFromEnvironment(context, app, 'the SQLite database');
}
