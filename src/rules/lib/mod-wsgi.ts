/** Whether an image serves the app from Apache itself, through mod_wsgi. Pure. */
import { lineage } from '../../model/dockerfile/lineage.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';

// Debian's and Ubuntu's package (libapache2-mod-wsgi-py3), Alpine's (apache2-mod-wsgi), pip's (mod_wsgi==4.9.4).
const MOD_WSGI = /^(libapache2-mod-wsgi(-py3)?|apache2-mod-wsgi|mod[_-]wsgi)([<>=~!:].*)?$/i;

/**
 * The RUN of the target stage (or a stage it is built on) that installs mod_wsgi, with the package as written;
 * undefined when none does. Apache with mod_wsgi runs the Django app in its own worker processes.
 */
export function modWsgiInstall(
  df: DockerfileModel,
  stage: Stage,
): { file: string; line: number; pkg: string } | undefined {
  for (const s of lineage(df, stage))
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN') continue;
      const run = i as RunInstr;
      const words = run.script?.commands.flatMap((c) => c.argv) ?? run.argv ?? [];
      const pkg = words.find((w) => MOD_WSGI.test(w));
      if (pkg) return { file: df.file, line: run.line, pkg };
    }
  return undefined;
}
