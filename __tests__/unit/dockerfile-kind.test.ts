import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyOnly, runsPython, startsDatabaseServer } from '../../src/model/dockerfile-kind.js';

const runs = (...lines: string[]) => runsPython({ Dockerfile: lines.join('\n') }, 'Dockerfile');

test('a proxy base that installs Python and then the project is an image that runs Python', () => {
  assert.equal(
    runs(
      'FROM nginx:1.25.3',
      'RUN apt-get update && apt-get install -y \\',
      '    python3-pip python3-venv',
      'RUN pip3 install -r requirements.txt',
    ),
    true,
  );
  assert.equal(
    runs('FROM nginx:1.25-alpine', 'RUN apk add --no-cache python3 py3-pip', 'CMD ["gunicorn", "app.wsgi"]'),
    true,
  );
});

test('a proxy base that installs only a Python tool, or serves what a Python stage built, does not run Python', () => {
  assert.equal(runs('FROM nginx:1.25.3', 'RUN apt-get install -y python3-certbot-nginx'), false);
  assert.equal(runs('FROM nginx:1.25.3', 'RUN apt-get install -y python3', 'COPY conf.py /etc/'), false);
  assert.equal(
    runs(
      'FROM python:3.12 AS docs',
      'RUN pip install -r requirements.txt && mkdocs build',
      'FROM nginx:1.25.3',
      'COPY --from=docs /site /usr/share/nginx/html',
    ),
    false,
  );
});

test("Python's words count as a program, a package or an image, never inside a copied file's or a path's name", () => {
  assert.equal(runs('FROM alpine:3.19', 'COPY django.conf /etc/nginx/http.d/default.conf'), false);
  assert.equal(runs('FROM alpine:3.19', 'COPY static/ /srv/python-static/', 'CMD ["nginx"]'), false);
  assert.equal(runs('FROM debian:12', 'RUN rm -rf /www/django/static django_static.tar'), false);
  assert.equal(runs('FROM debian:12', 'CMD ["/venv/bin/gunicorn", "app.wsgi"]'), true);
  assert.equal(runs('FROM debian:12', 'RUN apt-get install -y python3-pip'), true);
  assert.equal(runs('FROM alpine:3.19', 'RUN apk add py3-pip'), true);
  assert.equal(runs('FROM debian:12', 'RUN pip install "django>=5.0" gunicorn[gevent]'), true);
  assert.equal(runs('FROM tiangolo/uvicorn-gunicorn:python3.11', 'COPY ./app /app'), true);
  assert.equal(runs('FROM acme/base:python3.12', 'COPY . /app'), true);
  assert.equal(runs('ARG BASE_IMAGE=acme/django-base:1', 'FROM ${BASE_IMAGE}', 'COPY . /app'), true);
  assert.equal(runs('FROM debian:12', 'CMD ./manage.py runserver'), true);
});

test("a Django server's words count as the program a command runs, never inside a copied file's name", () => {
  const proxy = (...lines: string[]) => proxyOnly({ Dockerfile: lines.join('\n') }, 'Dockerfile');
  assert.equal(proxy('FROM nginx:1.27', 'COPY assets/manage.py.js /usr/share/nginx/html/js/'), true);
  assert.equal(proxy('FROM nginx:1.27', 'COPY gunicorn.conf.py /etc/'), true);
  assert.equal(
    proxy('FROM nginx:1.27', 'RUN apk add python3', 'CMD ["/venv/bin/gunicorn", "app.wsgi"]'),
    false,
  );
  assert.equal(proxy('FROM nginx:1.27', 'CMD python3 ./manage.py runserver 0.0.0.0:8000'), false);
  assert.equal(proxy('FROM nginx:1.27', 'RUN pip install -r requirements.txt'), false);
  const database = (...lines: string[]) =>
    startsDatabaseServer({ Dockerfile: lines.join('\n') }, 'Dockerfile');
  assert.equal(database('FROM ubuntu:24.04', 'COPY uwsgi-notes.txt /srv/', 'CMD ["postgres"]'), true);
  assert.equal(database('FROM ubuntu:24.04', 'RUN uv sync', 'CMD ["postgres"]'), false);
});
