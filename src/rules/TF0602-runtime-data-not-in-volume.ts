import { defineRule } from './rule.js';

export const runtimeDataNotInVolume = defineRule({
  id: 'TF0602',
  name: 'runtime-data-not-in-volume',
  factor: 'VI',
  severity: 'error',
  kind: 'S',
  title:
    'The SQLite database path (or MEDIA_ROOT) resolves to a directory of the image that is neither a VOLUME of the target stage nor a volume mount of the compose app service',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
