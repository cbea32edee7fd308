/** What the image's configuration says about daemons: a uwsgi ini that daemonizes, an nginx kept in the foreground. */
import type { RunInstr, Stage } from '../types/dockerfile.js';
import type { App } from '../types/project.js';

/** Facts of the image that decide whether a start command detaches (`daemonOf`). */
export interface DaemonFacts {
  /** The uwsgi ini the start command loads sets `daemonize`: `uwsgi --ini FILE` forks into the background. */
  uwsgiDaemonize?: { file: string; line: number; option: string };
  /** The image's nginx.conf says `daemon off;` (a RUN writes it, or the file is copied): nginx stays in the foreground. */
  nginxForeground?: boolean;
}

/** The stages whose file system the target stage starts from (FROM an earlier stage), the target last. */
function stageLineage(stages: Stage[], stage: Stage): Stage[] {
  const out = [stage];
  for (let s = stage; s.from.stageRef !== undefined && out.length < stages.length;) {
    const parent = stages[s.from.stageRef];
    if (!parent || out.includes(parent)) break;
    out.unshift(parent);
    s = parent;
  }
  return out;
}

/** Whether a RUN of the image writes `daemon off;` into an nginx.conf (`echo "daemon off;" >> /etc/nginx/nginx.conf`). */
function runWritesDaemonOff(app: App): boolean {
  const df = app.dockerfile;
  const target = df?.targetStage;
  if (!df || !target) return false;
  return stageLineage(df.stages, target)
    .flatMap((s) => s.instructions)
    .flatMap((i) => (i.keyword === 'RUN' ? ((i as RunInstr).script?.commands ?? []) : []))
    .some((c) => {
      const words = [...c.argv, c.stdin ?? ''].join(' ');
      const targets = [...c.argv, ...c.redirects.map((r) => r.target)];
      return /daemon\s+off\s*;/.test(words) && targets.some((t) => /(^|\/)nginx\.conf$/.test(t));
    });
}

/** The daemon facts of an app's image. */
export function daemonFacts(app: App): DaemonFacts {
  const ini = (app.serverConfigs ?? []).find((c) => c.server === 'uwsgi' && c.daemonize);
  const copied = (app.proxyConfigs ?? []).some((p) => p.daemonOff && /(^|\/)nginx\.conf$/.test(p.imagePath));
  return {
    ...(ini?.daemonize
      ? { uwsgiDaemonize: { file: ini.file, line: ini.daemonize.line, option: ini.daemonize.option } }
      : {}),
    ...(copied || runWritesDaemonOff(app) ? { nginxForeground: true } : {}),
  };
}
