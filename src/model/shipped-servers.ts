/**
 * The servers an image holds the start scripts of but never starts itself: an image with no CMD (its ENTRYPOINT a
 * wrapper ending in `exec "$@"`), run by no compose service, that ships `/start` for the platform to name.
 */
import { baseName, isUnder, joinPath, relativeTo } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import { serverOf } from './command/servers.js';
import { effectiveCommand } from './command/start-chain.js';
import type { ImageLayout } from './context.js';
import type { App, ShippedServer } from './types/project.js';

/** A shell script's first line: `#!/bin/bash`, `#!/usr/bin/env sh`. */
const SHELL_SHEBANG = /^(\uFEFF)?#![^\n]*\b(ba|da|a)?sh\b/;

/** Words of a line that starts a WSGI/ASGI server, to skip parsing scripts that start none. */
const SERVER_WORD = /\b(gunicorn|uwsgi|uvicorn|daphne|hypercorn|granian|waitress-serve)\b/;

/**
 * The WSGI/ASGI server commands of the shell scripts the target stage holds, when the image names no command of its
 * own and the app's compose service gives it none; empty otherwise. The development server is none of them.
 */
export function shippedServers(
  app: App,
  layout: ImageLayout,
  texts: Record<string, string>,
): ShippedServer[] {
  const target = app.dockerfile?.targetStage;
  const context = app.context;
  if (!target || !context || !namesNoServer(app)) return [];
  const out: ShippedServer[] = [];
  for (const sent of context.sentFiles) {
    const file = joinPath(context.dir, sent);
    const text = texts[file];
    if (text === undefined || !SHELL_SHEBANG.test(text) || !SERVER_WORD.test(text)) continue;
    if (!layout.landingOf(target, sent)) continue;
    for (const c of parseShell(text, 1).commands) {
      const server = serverOf(c.argv);
      if (server && server.kind !== 'runserver') out.push({ file, line: c.line, argv: c.argv });
    }
  }
  return out;
}

/**
 * Whether the app's image starts no server of its own: no CMD, no compose command or entrypoint for it, and nothing
 * its ENTRYPOINT runs is a server (a wait-for-the-database wrapper ending in `exec "$@"`).
 */
export function namesNoServer(app: App): boolean {
  const target = app.dockerfile?.targetStage;
  const service = app.compose?.appService;
  if (!target || target.cmd || service?.command || service?.entrypoint) return false;
  return !effectiveCommand(app).some((c) => serverOf(c.argv));
}

/** The wsgi/asgi module a server command serves: `wsgi:application` names a top-level wsgi.py, `mysite.wsgi` one in a package. */
export function servedModule(argv: string[]): string | undefined {
  return argv.map((w) => /^((?:[A-Za-z_][\w.]*\.)?[aw]sgi)(:[\w.]+)?$/.exec(w)?.[1]).find(Boolean);
}

/** The dotted module of the only wsgi.py among `files` under `base`; undefined when there is none or several. */
export function onlyWsgiModule(files: string[], base: string): string | undefined {
  const found = files.filter((f) => baseName(f) === 'wsgi.py' && isUnder(f, base));
  return found.length === 1 ? relativeTo(found[0], base).replace(/\.py$/, '').replace(/\//g, '.') : undefined;
}
