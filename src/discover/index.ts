import type { DiscoverOptions, SourceTree } from './types.js';

/** Lists the scanned tree and reads the files that matter. The only I/O of the static half. */
export async function discover(root: string, options: DiscoverOptions = {}): Promise<SourceTree> {
  return { root, files: [], texts: {}, unreadable: [], options };
}
