import { defineRule } from './rule.js';

export const logsToFile = defineRule({
  id: 'TF1101',
  name: 'logs-to-file',
  factor: 'XI',
  severity: 'warning',
  kind: 'S',
  title:
    'LOGGING uses a file handler (FileHandler, RotatingFileHandler, TimedRotatingFileHandler, WatchedFileHandler), gunicorn writes --access-logfile/--error-logfile/--log-file to a path other than -, or the command redirects output to a file',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
