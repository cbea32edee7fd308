import { sqliteInImage } from '../../src/rules/TF0601-sqlite-in-image.js';
import { contextRuleCases } from '../support/context-rule-cases.js';

contextRuleCases(sqliteInImage, [
  [
    'COPY . with db.sqlite3',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
  [
    'excluded, or not in the context',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '', '.dockerignore': '*.sqlite3\n' },
    [],
  ],
  [
    'nested database via a glob',
    { Dockerfile: 'FROM python:3.12\nCOPY data* /app/\n', 'data/site.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
  ['no database file', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n' }, []],
  [
    'two databases from one COPY: one finding',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '', 'old.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
]);
