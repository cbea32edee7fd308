/**
 * uWSGI's Emperor (`uwsgi --emperor /etc/uwsgi/vassals`): the vassal ini files it starts, each a uWSGI instance of
 * its own, read where the image lays them.
 */
import { posix } from 'node:path';
import type { ImageLayout } from './context.js';
import { joinPath } from '../discover/classify.js';
import { startArgvs } from './start-argvs.js';
import type { Stage } from './types/dockerfile.js';
import type { App, BuildContext } from './types/project.js';
import { shellGlobPattern } from '../util/glob.js';

/**
 * What `uwsgi --emperor X` (`--emperor=X`) watches: a vassal file, a directory of them or a glob; undefined for any
 * other command, or an Emperor fed from elsewhere than the filesystem (`zmq://`, `pg://`).
 */
export function uwsgiEmperorArg(argv: string[]): string | undefined {
  if (!/(^|\/)uwsgi$/.test(argv[0] ?? '')) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const value =
      argv[i] === '--emperor'
        ? argv[i + 1]
        : argv[i].startsWith('--emperor=')
          ? argv[i].slice(10)
          : undefined;
    if (value !== undefined) return value.includes('://') || value.includes('$') ? undefined : value;
  }
  return undefined;
}

/** The vassal ini files (their paths in the scanned directory) of the Emperors the app's start commands run. */
export function emperorVassals(app: App, stage: Stage, layout: ImageLayout, context: BuildContext): string[] {
  const dirs = new Map<string[], string>();
  return startArgvs(app, stage, dirs).flatMap((argv) => {
    const watched = uwsgiEmperorArg(argv[0] === 'exec' ? argv.slice(1) : argv);
    if (!watched) return [];
    const inImage = posix.resolve(dirs.get(argv) ?? (stage.workdir || '/'), watched);
    return vassalSources(inImage, stage, layout, context.sentFiles).map((f) => joinPath(context.dir, f));
  });
}

/**
 * The context files an Emperor starts as vassals: the ini file it is given, the `*.ini` files of the directory it
 * watches, or those its glob matches, where the target stage lays them (`inImage`: the absolute path of its argument).
 */
export function vassalSources(inImage: string, stage: Stage, layout: ImageLayout, sent: string[]): string[] {
  const glob = /[*?[]/.test(inImage);
  if (!glob && inImage.endsWith('.ini')) {
    const source = layout.sourceOf(stage, inImage);
    return source ? [source] : [];
  }
  // uWSGI's directory mode scans the directory's own files, not its subdirectories.
  const matches = glob
    ? (path: string) => shellGlobPattern(inImage).test(path)
    : (path: string) => posix.dirname(path) === posix.normalize(inImage) && path.endsWith('.ini');
  return sent.filter(
    (f) =>
      f.endsWith('.ini') && layout.landingOf(stage, f) !== undefined && matches(layout.landingOf(stage, f)!),
  );
}
