import { logsToFile } from '../../src/rules/TF1101-logs-to-file.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(logsToFile, [
  [
    'file handlers in LOGGING',
    {
      logHandlers: [
        { className: 'logging.StreamHandler', line: 10 },
        { className: 'logging.handlers.RotatingFileHandler', line: 15 },
        { className: 'logging.FileHandler', line: 20 },
      ],
    },
    ['mysite/settings.py:15', 'mysite/settings.py:20'],
  ],
  [
    'gunicorn logs to - are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "--log-file=-", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'gunicorn log files',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "/var/log/access.log", "--error-logfile=-", "a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'the server output redirected to a file',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn a.wsgi >> /var/log/app.log 2>&1') },
    ['Dockerfile:2'],
  ],
  [
    'exec > file in the entrypoint script',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec > /app/log.txt 2>&1\nexec gunicorn a.wsgi\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'redirects of other commands and to /dev/stdout are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py check > /tmp/check.txt && exec gunicorn a.wsgi > /dev/stdout 2>&1',
      ),
    },
    [],
  ],
]);
