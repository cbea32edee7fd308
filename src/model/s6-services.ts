/** s6-overlay v3: the services its /init starts from /etc/s6-overlay/s6-rc.d, oneshots first, then the longruns. */
import { posix } from 'node:path';
import { joinPath } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import type { ImageLayout } from './context.js';
import type { DockerfileModel, Stage } from './types/dockerfile.js';
import type { App, SupervisorProgram } from './types/project.js';

const SERVICES = '/etc/s6-overlay/s6-rc.d';
/** linuxserver.io's images are all built on s6-overlay, with /init as their ENTRYPOINT. */
const S6_BASES = /^(?:(?:lscr\.io|ghcr\.io|docker\.io)\/)?linuxserver\//;

/**
 * Where s6-overlay's /init becomes the image's entrypoint: the stage's own (or inherited) `ENTRYPOINT ["/init"]`, else
 * the FROM of a base image built on s6-overlay; undefined when the image runs something else.
 */
export function s6Init(
  df: DockerfileModel,
  stage: Stage,
): { file: string; line: number; base?: string } | undefined {
  if (stage.entrypoint) {
    const argv = stage.entrypoint.argv ?? stage.entrypoint.script?.commands[0]?.argv ?? [];
    return argv[0] === '/init' ? { file: df.file, line: stage.entrypoint.line } : undefined;
  }
  let root = stage;
  for (let i = 0; i < df.stages.length && root.from.stageRef !== undefined; i++)
    root = df.stages[root.from.stageRef] ?? root;
  const base = root.from.repository;
  return base && S6_BASES.test(base) ? { file: df.file, line: root.from.line, base } : undefined;
}

/**
 * The services /init starts, when the image's entrypoint is s6-overlay's and the image holds s6-rc.d service
 * directories from the context: those of the `user` bundle and what they depend on (every one when the context ships
 * no `user` bundle), the oneshots (their `up` command) before the longruns (their `run` script), each in dependency order.
 */
export function s6Services(
  app: App,
  layout: ImageLayout,
  texts: Record<string, string>,
): SupervisorProgram[] {
  const df = app.dockerfile;
  const stage = df?.targetStage;
  const context = app.context;
  // compose's own entrypoint replaces /init: s6 never runs
  if (!df || !stage || !context || app.compose?.appService?.entrypoint || !s6Init(df, stage)) return [];
  const files = new Map<string, string>(); // image path → file relative to the scanned directory
  for (const f of context.sentFiles) {
    const landing = layout.landingOf(stage, f);
    if (landing?.startsWith(`${SERVICES}/`)) files.set(landing, joinPath(context.dir, f));
  }
  const names = new Set([...files.keys()].map((p) => p.slice(SERVICES.length + 1).split('/')[0]));
  const entries = (name: string, dir: string) =>
    [...files.keys()]
      .filter((p) => posix.dirname(p) === `${SERVICES}/${name}/${dir}`)
      .map((p) => posix.basename(p));
  const type = (name: string) => texts[files.get(`${SERVICES}/${name}/type`) ?? '']?.trim();
  const wanted: string[] = [];
  const visit = (name: string, depth: number) => {
    if (wanted.includes(name) || depth > 50 || !names.has(name)) return;
    for (const d of entries(name, 'dependencies.d')) visit(d, depth + 1);
    // the base image's `user` bundle has its `type`; the repository adds to its contents.d
    for (const c of entries(name, 'contents.d')) visit(c, depth + 1);
    wanted.push(name);
  };
  if (names.has('user')) visit('user', 0);
  else for (const name of [...names].sort()) visit(name, 0);
  const out: SupervisorProgram[] = [];
  for (const kind of ['oneshot', 'longrun'] as const)
    for (const name of wanted.filter((n) => type(n) === kind)) {
      const imagePath = `${SERVICES}/${name}/${kind === 'oneshot' ? 'up' : 'run'}`;
      const file = files.get(imagePath);
      if (!file || !(file in texts)) continue;
      // a oneshot's `up` is one execline command (most often the path of its script); a longrun's `run` is the program
      const command = kind === 'oneshot' ? texts[file].trim() : imagePath;
      const argv = kind === 'oneshot' ? (parseShell(command).commands[0]?.argv ?? []) : [imagePath];
      if (argv.length === 0) continue;
      out.push({ file, line: 1, name, command, argv, s6: kind });
    }
  return out;
}
