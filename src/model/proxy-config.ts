/** nginx configuration files the image copies under /etc/nginx: the ports they listen on. */
import type { ProxyConfigFile } from './types/project.js';
import { LINES } from '../util/lines.js';

/**
 * The `listen` directives of an nginx configuration file, comments left out, each with its port: `listen 8020;`,
 * `listen [::]:80 default_server;`, `listen 127.0.0.1;` (80); undefined where a variable or template decides it.
 * A unix socket (`listen unix:/tmp/nginx.sock;`) binds no port and is left out. A `server {}` without listen binds 80.
 */
export function nginxListens(file: string, imagePath: string, text: string): ProxyConfigFile {
  const listens: ProxyConfigFile['listens'] = [];
  let servers = 0;
  let firstServer = 0;
  let daemonOff = false;
  text.split(LINES).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '');
    if (/(?:^|[\s;])daemon\s+off\s*;/.test(line)) daemonOff = true;
    if (/(?:^|[\s;{}])server\s*\{/.test(line)) {
      servers++;
      if (firstServer === 0) firstServer = i + 1;
    }
    for (const m of line.matchAll(/(?:^|[\s;{}])listen\s+([^\s;]+)[^;]*;?/g)) {
      const address = m[1].replace(/^["']|["']$/g, '');
      if (address.startsWith('unix:')) continue;
      listens.push({ line: i + 1, port: portOf(address) });
    }
  });
  // `server { server_name _; … }` with no listen at all: nginx binds *:80 (as root).
  if (servers > 0 && listens.length === 0) listens.push({ line: firstServer, port: 80 });
  return { file, imagePath, server: 'nginx', listens, ...(daemonOff ? { daemonOff } : {}) };
}

function portOf(address: string): number | undefined {
  if (address.includes('$')) return undefined;
  const port = /^(?:\[[^\]]*\]:|[^:[\]]*:)?(\d+)$/.exec(address);
  if (port) return Number(port[1]);
  // An address without a port (`listen 127.0.0.1;`, `listen localhost;`) listens on 80.
  return /^(\[[^\]]*\]|[\w.-]+)$/.test(address) ? 80 : undefined;
}
