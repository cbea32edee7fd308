import { noDependencyManifest } from '../../src/rules/TF0203-no-dependency-manifest.js';
import { appRuleCases, df } from '../support/rule-cases.js';

appRuleCases(noDependencyManifest, [
  [
    'packages by name and no manifest',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'manage.py'],
    },
    ['Dockerfile:2'],
  ],
  [
    'a requirements file exists',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'requirements/prod.txt'],
    },
    [],
  ],
  [
    'pyproject.toml exists',
    { dockerfile: df('FROM python:3.12', 'RUN pip install .'), contextFiles: ['pyproject.toml'] },
    [],
  ],
  [
    'installing from a file only',
    { dockerfile: df('FROM python:3.12', 'RUN pip install -r reqs.in'), contextFiles: ['Dockerfile'] },
    [],
  ],
  ['no context known: silent', { dockerfile: df('FROM python:3.12', 'RUN pip install django') }, []],
]);
