import type { ComposeService } from '../../model/types/compose.js';

/**
 * A service that shares the host's network (`network_mode: host`): compose service names do not resolve in it,
 * `localhost` is the host, and its `ports:` are discarded (Docker publishes nothing for it).
 */
export function onHostNetwork(service: ComposeService | undefined): boolean {
  return service?.networkMode === 'host';
}
