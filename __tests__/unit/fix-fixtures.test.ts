/**
 * "Done when", static half: on every fixture app of the project, `fix --write` then `check` leaves no finding a safe
 * fix could take away and adds none, and a second `fix` changes nothing.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../../src/core/index.js';
import { fixCommand } from '../../src/fix-cli.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { RULES } from '../../src/rules/registry.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, '__tests__', 'fixtures');
const temp = mkdtempSync(join(tmpdir(), 'tfr-fix-fixtures-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const noConfig = { rules: {}, exclude: [], allowSuppressions: true };
const safe = new Set(RULES.filter((r) => r.fix?.safety === 'safe').map((r) => r.id));

const subdirs = (dir: string) =>
  readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .map((n) => join(dir, n));

/** Every app the project's tests review: each directory of the corpus, faults, github and smoke fixtures, the examples. */
const APPS = [
  ...['corpus', 'faults', 'github', 'smoke'].flatMap((kind) => subdirs(join(fixtures, kind))),
  join(repo, 'examples', 'hardcoded'),
  join(repo, 'examples', 'production'),
  join(fixtures, 'fix', 'cis92-lab'),
].map((dir) => relative(repo, dir));

/** Findings of a rule with a safe fix whose fixer declines them on purpose, by app: the reason is the fixer's. */
const DECLINED: Record<string, { rule: string; why: string }[]> = {
  '__tests__/fixtures/corpus/distroless-nonroot-media-no-shell-for-fixes': [
    {
      rule: 'TF0602',
      why: 'a base with no shell: RUN mkdir -p /data && chown nonroot /data cannot run there, and no COPY gives /data to nonroot',
    },
  ],
  '__tests__/fixtures/corpus/distroless-shell-form-cmd-no-shell-to-run': [
    {
      rule: 'TF0901',
      why: 'a base with no shell: the exec form needs $WEB_WORKERS written out, and a value only the operator knows',
    },
  ],
  '__tests__/fixtures/corpus/chainguard-exec-form-sh-c-no-shell': [
    {
      rule: 'TF0901',
      why: 'a base with no sh: exec written into the sh -c text would not make it start, and ${PORT:-8080} needs writing out',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-programs-proxy-cache-and-app': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container: its master process needs root to bind port 80, so a USER would keep it from starting',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-gunicorn-unix-socket-behind-nginx': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container: its master process needs root to bind port 80, so a USER would keep it from starting',
    },
  ],
  '__tests__/fixtures/corpus/subshell-exec-gunicorn-in-branches': [
    {
      rule: 'TF0901',
      why: "gunicorn is exec'd inside a ( … ) subshell: the parentheses to remove are a change made by hand",
    },
  ],
  '__tests__/fixtures/corpus/cmd-and-list-sent-to-background': [
    {
      rule: 'TF0901',
      why: "a shell-form chain that sends the server to the background: the '&' to drop and the start script to write are changes made by hand",
    },
  ],
  '__tests__/fixtures/corpus/start-script-make-server-no-exec': [
    {
      rule: 'TF0901',
      why: "`make serve` whose recipe needs a shell: exec make would leave make passing SIGTERM to that shell, and the recipe's command to write instead holds make functions to write out by hand",
    },
  ],
  '__tests__/fixtures/corpus/cmd-spaced-bracket-mixed-quotes': [
    {
      rule: 'TF0901',
      why: 'a CMD that is not valid JSON: which exec form was meant (quotes, commas) is a guess, written by hand',
    },
  ],
  '__tests__/fixtures/corpus/init-script-database-beside-server': [
    {
      rule: 'TF1301',
      why: "the start runs mariadb's init script, which expects root: a USER would stop the start until the database moves to its own container",
    },
  ],
  '__tests__/fixtures/corpus/init-script-service-before-server': [
    {
      rule: 'TF1301',
      why: "the start runs mariadb's init script, which expects root: a USER would stop the start until the database moves to its own container",
    },
    { rule: 'TF0305', why: 'a fixed MySQL engine: the switch fix rewrites SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/uwsgi-emperor-vassal-ini-drops-uid': [
    {
      rule: 'TF1301',
      why: "the uWSGI Emperor's vassal ini drops to shop with uid=/gid=, which needs root: a USER would stop it until those lines go",
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-emperor-vassals-dir-drops-uid': [
    {
      rule: 'TF1301',
      why: "the uWSGI Emperor's vassal ini drops to shop with uid=/gid=, which needs root: a USER would stop it until those lines go",
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-emperor-vassals-glob-drops-uid': [
    {
      rule: 'TF1301',
      why: "the uWSGI Emperor's vassal ini drops to shop with uid=/gid=, which needs root: a USER would stop it until those lines go",
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-ini-logto-drops-uid': [
    {
      rule: 'TF1301',
      why: "uwsgi's ini drops to www-data with uid=/gid=, which needs root: a USER would stop it until those lines go",
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-config-ini-drops-to-www-data': [
    {
      rule: 'TF1301',
      why: "uwsgi's ini drops to www-data with uid=/gid=, which needs root: a USER would stop it until those lines go",
    },
  ],
  '__tests__/fixtures/corpus/gunicorn-user-drop-on-one-branch': [
    {
      rule: 'TF1301',
      why: 'the production branch starts gunicorn --user www-data, which needs root to switch users: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/compose-app-runs-image-another-service-builds': [
    {
      rule: 'TF1301',
      why: 'uwsgi.ini drops to www-data with uid=/gid=, which needs root to switch users: a USER would stop it until the ini changes too',
    },
  ],
  '__tests__/fixtures/corpus/gunicorn-user-root-in-script': [
    {
      rule: 'TF1301',
      why: 'the start script passes gunicorn --user root, which fails under a USER: the option must go from the script too',
    },
  ],
  '__tests__/fixtures/corpus/apache-mod-wsgi-start-script': [
    {
      rule: 'TF1301',
      why: 'apache2 serves the app through mod_wsgi and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-daemonize-nginx-daemon-off': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/build-migrate-default-settings-absent': [
    { rule: 'TF0305', why: 'a fixed MySQL engine: the switch fix rewrites SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/manage-py-default-dev-module-in-image': [
    { rule: 'TF0305', why: 'a fixed MySQL engine: the switch fix rewrites SQLite and PostgreSQL only' },
    {
      rule: 'TF0401',
      why: "a URL setting in manage.py's default module: the host fix rewrites the server's settings module only",
    },
  ],
  '__tests__/fixtures/corpus/dockerenv-test-overrides-db-host': [
    {
      rule: 'TF0304',
      why: "HOST is a name bound to the literal in a branch on /.dockerenv lines above the key: whether to drop the branch is the author's call",
    },
    {
      rule: 'TF0305',
      why: "no BASE_DIR in the module for the SQLite alternative's file the switch would write",
    },
  ],
  '__tests__/fixtures/corpus/cloud-sql-proxy-socket-host': [
    {
      rule: 'TF0305',
      why: "no BASE_DIR in the module for the SQLite alternative's file the switch would write",
    },
  ],
  '__tests__/fixtures/corpus/settings-modules-switch-both-sqlite': [
    {
      rule: 'TF0305',
      why: 'DATABASES is assigned in two settings modules a variable picks between: a switch that spans both is written by hand',
    },
  ],
  '__tests__/fixtures/corpus/debug-literal-is-true-picks-database': [
    {
      rule: 'TF0302',
      why: 'DEBUG also picks DATABASES (`if DEBUG is True:`): reading it from the environment would move the app to the PostgreSQL branch, a change made by hand',
    },
    {
      rule: 'TF0305',
      why: 'DATABASES is assigned in the branches of an if: the switch over them is written by hand',
    },
  ],
  '__tests__/fixtures/corpus/database-url-engine-fixed-per-settings': [
    {
      rule: 'TF0305',
      why: 'DATABASE_URL is read already: the switch fix rewrites a DATABASES dict, not the ENGINE assignments written over a URL',
    },
  ],
  '__tests__/fixtures/corpus/platform-test-picks-linux-settings': [
    {
      rule: 'TF0305',
      why: 'a fixed MySQL engine, in the branches of an if: the switch fix rewrites SQLite and PostgreSQL only',
    },
  ],
  '__tests__/fixtures/corpus/sqlserver-engine-forced-over-database-url': [
    {
      rule: 'TF0402',
      why: 'the healthcheck fix writes pg_isready for PostgreSQL only; SQL Server needs its own test',
    },
    {
      rule: 'TF0305',
      why: 'DATABASE_URL is read already: the switch fix rewrites a DATABASES dict, not the ENGINE assignments written over a URL',
    },
  ],
  '__tests__/fixtures/corpus/pydantic-settings-cached-getter-literal-defaults': [
    {
      rule: 'TF0301',
      why: 'the key is the default of a pydantic-settings field in another module: the fixer rewrites assignments of the settings module only',
    },
    {
      rule: 'TF0304',
      why: 'a PASSWORD read from the environment with a literal fallback (the notice): dropping the fallback is left to the author',
    },
    {
      rule: 'TF0305',
      why: "DATABASES['default'] is what a helper of the module builds from DATABASE_URL, not a dict the switch fix can rewrite",
    },
  ],
  '__tests__/fixtures/corpus/database-url-engine-written-over': [
    {
      rule: 'TF0305',
      why: 'DATABASE_URL is read already: the switch fix rewrites a DATABASES dict, not the ENGINE assignments written over a URL',
    },
  ],
  '__tests__/fixtures/corpus/database-password-literal-beside-secret-file-read': [
    {
      rule: 'TF0305',
      why: 'the fixed engine reads its fields from separate POSTGRES_* variables and a secret file: no one URL to switch to',
    },
  ],
  '__tests__/fixtures/corpus/sqlite-in-dead-else-branch': [
    {
      rule: 'TF0305',
      why: 'the fixed engine, in the branch a literal flag takes, reads its fields from separate POSTGRES_* variables: no one URL to switch to',
    },
  ],
  '__tests__/fixtures/corpus/settings-package-branch-star-imports': [
    {
      rule: 'TF0305',
      why: 'DATABASES assigned twice, once in each module an if/else star-imports: the fix declines more than one',
    },
  ],
  '__tests__/fixtures/corpus/env-file-copied-by-name-then-dir-copy': [
    {
      rule: 'TF0308',
      why: 'the env_file is copied by name: removing that COPY and excluding the file is two edits the author makes',
    },
    {
      rule: 'TF0305',
      why: 'the fixed engine reads its fields from separate POSTGRES_* variables: no one URL to switch to',
    },
  ],
  '__tests__/fixtures/corpus/secret-key-environ-scheme-default': [
    {
      rule: 'TF0301',
      why: 'the literal is a default in the environ.Env scheme: dropping that entry is not yet a fix the tool makes',
    },
  ],
  '__tests__/fixtures/corpus/build-demo-db-sqlite-url': [
    {
      rule: 'TF0501',
      why: "migrate and loaddata chained in one RUN: the chain is the author's to split",
    },
  ],
  '__tests__/fixtures/corpus/compose-debug-over-image-env-off': [
    {
      rule: 'TF0302',
      why: "DEBUG turned on by the compose environment over the image's ENV DEBUG=0: the compose line is the author's to drop",
    },
  ],
  '__tests__/fixtures/corpus/su-m-runserver-script': [
    {
      rule: 'TF0901',
      why: 'runserver started through su -c: exec su would leave su as its parent, so the message advises setpriv or USER',
    },
    {
      rule: 'TF1301',
      why: 'the script drops to its user with su after steps that may need root: replacing su needs a tool the image may lack',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-uwsgi-ini-socket-shipped-sqlite': [
    {
      rule: 'TF1301',
      why: "nginx runs under the same supervisord and its master needs root to bind 80: the drop is uwsgi's user=, by hand",
    },
  ],
  '__tests__/fixtures/corpus/nginx-beside-gunicorn-no-expose': [
    {
      rule: 'TF1301',
      why: 'nginx in the container needs root to bind 80: a USER line would keep it from starting',
    },
    {
      rule: 'TF0901',
      why: 'two processes under the script: splitting them into containers is not a file edit',
    },
  ],
  '__tests__/fixtures/corpus/cmd-nginx-uwsgi-uid-continued': [
    { rule: 'TF0803', why: 'nginx beside uwsgi: moving it to its own container is a layout change' },
    {
      rule: 'TF1301',
      why: 'nginx in the image needs root to start: a USER line would keep it from starting',
    },
  ],
  '__tests__/fixtures/corpus/dockerfile-clones-app-in-subdir': [
    {
      rule: 'TF0901',
      why: 'a shell-form CMD that migrates before the server: the start script to exec it is by hand',
    },
  ],
  '__tests__/fixtures/corpus/cmd-run-mode-branches-set-at-run': [
    {
      rule: 'TF0901',
      why: 'a shell-form CMD that branches on the role and nests sh -c: exec in every branch is by hand',
    },
  ],
  '__tests__/fixtures/corpus/cmd-if-else-dev-branch-execs': [
    {
      rule: 'TF0901',
      why: 'a shell-form CMD that branches on the mode: exec in the branch that lacks it is by hand',
    },
  ],
  '__tests__/fixtures/corpus/db-image-migrated-at-build': [
    {
      rule: 'TF0501',
      why: "migrate and loaddata in a script the RUN runs beside initdb: removing the RUN drops the cluster's setup too, the script is the author's to split",
    },
  ],
  '__tests__/fixtures/corpus/dockerfile-sh-c-continued-lines': [
    {
      rule: 'TF0501',
      why: "a RUN that runs collectstatic beside migrate: the chain is the author's to split",
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-app-arg-create-branch-gulp': [
    { rule: 'TF0901', why: 'a dev server in the background beside gulp serve: one exec cannot fix it' },
    { rule: 'TF0803', why: 'a second process beside gulp serve: its own container is a layout change' },
  ],
  '__tests__/fixtures/corpus/script-daemon-gunicorn-then-nginx': [
    { rule: 'TF0803', why: 'gunicorn --daemon beside nginx: its own container is a layout change' },
    {
      rule: 'TF1301',
      why: 'nginx in the image needs root to start: a USER line would keep it from starting',
    },
  ],
  '__tests__/fixtures/corpus/compose-gunicorn-over-runserver-cmd-environ-int-debug': [
    {
      rule: 'TF0302',
      why: "DEBUG turned on by the compose environment: which file is meant for production is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/compose-published-image-other-port': [
    {
      rule: 'TF0305',
      why: 'a PostgreSQL engine with its credentials read from the environment: the switch is written by hand',
    },
  ],
  '__tests__/fixtures/corpus/db-image-password-read-only-by-build': [
    {
      rule: 'TF0306',
      why: 'a RUN of the build reads the ENV: removing it would create the database user with an empty password',
    },
  ],
  '__tests__/fixtures/corpus/ssh-key-arg-in-builder-stage': [
    {
      rule: 'TF0306',
      why: 'the fixer removes a literal ENV; a build argument (ARG SSH_PRIVATE_KEY) needs a secret mount in the RUN that reads it',
    },
  ],
  '__tests__/fixtures/corpus/media-root-above-manage-dir': [
    {
      rule: 'TF0602',
      why: 'MEDIA_ROOT is os.path.join(BASE_DIR, "app/media"), several directories deep: the fixer declines paths written so',
    },
  ],
  '__tests__/fixtures/corpus/sqlite-only-under-test-runner': [
    {
      rule: 'TF0305',
      why: 'DATABASES is assigned in both arms of a test-runner switch: the engine switch is written by hand there',
    },
  ],
  '__tests__/fixtures/corpus/app-command-on-database-base': [
    {
      rule: 'TF0402',
      why: "'db' is MySQL with no healthcheck: the fix writes only PostgreSQL's pg_isready check, a MySQL one is by hand",
    },
  ],
  '__tests__/fixtures/corpus/alpine-sh-background-server-then-worker': [
    {
      rule: 'TF0901',
      why: 'a server in the background beside a worker: splitting them into containers is by hand',
    },
  ],
  '__tests__/fixtures/corpus/bash-c-sources-entrypoint-script': [
    {
      rule: 'TF0901',
      why: 'CMD bash -c ". entrypoint.sh": the exec form that runs the script needs the script made executable by hand',
    },
  ],
  '__tests__/fixtures/corpus/celery-own-dockerfile-sh-entrypoint-beat': [
    {
      rule: 'TF0102',
      why: "the generic .dockerignore leaves env/.env in a subdirectory of the context in (TF0103 would report it), for the app's image and the worker's alike",
    },
  ],
  '__tests__/fixtures/corpus/compose-dev-debugpy-module-runserver': [
    {
      rule: 'TF1301',
      why: "a development stage beside a production one: which user it runs as is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/compose-runserver-over-gunicorn-cmd': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/django-configurations-classes': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/env-enum-match-settings-module': [
    {
      rule: 'TF0302',
      why: "DEBUG is read from the environment; the 1 is in the deployment's env_file, the operator's to change",
    },
  ],
  '__tests__/fixtures/corpus/empty-default-database-dict': [
    {
      rule: 'TF0305',
      why: "no ENGINE at all (Django's dummy backend): which database was meant is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/wait-for-it-runserver-empty-engine': [
    {
      rule: 'TF0305',
      why: "an empty ENGINE (Django's dummy backend): which database was meant is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/settings-docker-replaces-default-db': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
    {
      rule: 'TF0304',
      why: "the fallback is in DATABASES['default'] replaced after a star-import, then copied to every alias: by hand",
    },
  ],
  '__tests__/fixtures/corpus/sqlite-fallback-else-branch-item-writes': [
    {
      rule: 'TF0304',
      why: "HOST is set by an item write (DATABASES['default']['HOST'] = ...) in a branch, not a dict key the fix rewrites",
    },
  ],
  '__tests__/fixtures/corpus/runserver-plus-restart-loop': [
    {
      rule: 'TF0901',
      why: 'a server in a restart loop: exec inside the loop would end it; dropping the loop for a restart policy is by hand',
    },
  ],
  '__tests__/fixtures/corpus/env-guarded-and-lines-server-alternatives': [
    {
      rule: 'TF0901',
      why: 'exec is written before the last server only; the guarded runserver line above it is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-ini-uid-drop-no-entrypoint': [
    {
      rule: 'TF1301',
      why: 'uwsgi drops to uid=/gid= from its ini: a USER would make that drop fail, so the choice is by hand',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-socket-in-filesystem-root': [
    {
      rule: 'TF1301',
      why: 'the server binds its socket in /, which the user cannot be given: the socket must move first',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-trap-fifo-stop-single-wait': [
    {
      rule: 'TF0901',
      why: "a trap that forwards SIGTERM, then one wait: where the second wait goes is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/compose-shell-runs-script-that-backgrounds-server': [
    {
      rule: 'TF0901',
      why: 'the script backgrounds its server beside a worker: splitting them into containers is by hand',
    },
  ],
  '__tests__/fixtures/corpus/compose-shell-runs-script-with-restart-loop': [
    {
      rule: 'TF0901',
      why: 'a server in a restart loop: exec inside the loop would end it; dropping the loop for a restart policy is by hand',
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-waits-for-background-command': [
    {
      rule: 'TF0901',
      why: 'a trap with shutdown work, then `"$@" &` and wait: exec would drop the trap, forwarding from it is by hand',
    },
  ],
  '__tests__/fixtures/corpus/compose-shell-runs-script-with-term-trap': [
    {
      rule: 'TF0901',
      why: "a trap that forwards SIGTERM, then one wait: where the second wait goes is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/start-script-server-not-installed-and-then-runserver': [
    {
      rule: 'TF0901',
      why: 'gunicorn, then runserver after it: one exec cannot make a sequence one process, and gunicorn must be installed',
    },
  ],
  '__tests__/fixtures/corpus/start-script-set-e-server-not-installed-then-runserver': [
    {
      rule: 'TF0901',
      why: 'gunicorn, then runserver after it: one exec cannot make a sequence one process, and gunicorn must be installed',
    },
  ],
  '__tests__/fixtures/corpus/cmd-chmod-then-run-script': [
    {
      rule: 'TF0901',
      why: 'a shell-form CMD of two commands (chmod +x, then the script): the chmod belongs in a RUN, by hand',
    },
  ],
  '__tests__/fixtures/corpus/cmd-json-then-comment': [
    {
      rule: 'TF0901',
      why: "a JSON array followed by text: the message gives the array alone; where the text goes is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-trailing-json': [
    {
      rule: 'TF0901',
      why: 'a JSON array followed by another array after #: which command was meant is not known',
    },
  ],
  '__tests__/fixtures/corpus/cookiecutter-root-dir-media': [
    {
      rule: 'TF0602',
      why: "MEDIA_ROOT written as `str(APPS_DIR('media'))` from django-environ's ROOT_DIR: not a path the fix rewrites",
    },
  ],
  '__tests__/fixtures/corpus/compose-two-django-images-one-context': [
    {
      rule: 'TF0305',
      why: 'a PostgreSQL DATABASES in a settings module with no BASE_DIR in scope for the SQLite alternative',
    },
  ],
  '__tests__/fixtures/corpus/settings-localhost-overwritten-or-dead': [
    {
      rule: 'TF0305',
      why: 'DATABASES is assigned again under `if DEV:` and changed under `if LOCAL_DB:`: not one hard-coded statement',
    },
    {
      rule: 'TF0304',
      why: 'a HOST set by an item assignment in a branch: the fixer rewrites a key written in the dict only',
    },
  ],
  '__tests__/fixtures/corpus/background-server-worker-wait': [
    {
      rule: 'TF0901',
      why: 'the shell waits for a server and a worker in the background: exec wait would fix nothing',
    },
  ],
  '__tests__/fixtures/corpus/runserver-background-tail-dev-null': [
    {
      rule: 'TF0901',
      why: 'the server runs in the background beside tail -f /dev/null: exec tail would fix nothing',
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-case-background-per-branch': [
    {
      rule: 'TF0901',
      why: 'the web item sends the server to the background under nginx: one exec cannot fix that',
    },
  ],
  '__tests__/fixtures/corpus/background-server-constants-sleep': [
    { rule: 'TF0901', why: 'the server runs in the background beside sleep: exec sleep would fix nothing' },
  ],
  '__tests__/fixtures/corpus/backgrounded-server': [
    { rule: 'TF0901', why: 'the script runs other processes beside the server: one exec cannot fix that' },
  ],
  '__tests__/fixtures/corpus/script-background-server-execs-notebook': [
    {
      rule: 'TF0901',
      why: 'the script execs a notebook server beside gunicorn in the background: no exec fixes that',
    },
  ],
  '__tests__/fixtures/corpus/subshell-server-background-nginx-foreground': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
    {
      rule: 'TF0901',
      why: 'gunicorn runs in a backgrounded subshell beside nginx: one exec cannot fix that',
    },
  ],
  '__tests__/fixtures/corpus/gunicorn-then-celery-in-sequence': [
    {
      rule: 'TF0901',
      why: 'the server and then the worker run in sequence: exec on the last command would only make the worker PID 1',
    },
  ],
  '__tests__/fixtures/corpus/cmd-shell-builtin': [
    {
      rule: 'TF0901',
      why: "'.' is a shell builtin: no exec form can run it, and which server was meant is not known",
    },
  ],
  '__tests__/fixtures/corpus/cmd-single-quoted-array': [
    {
      rule: 'TF0901',
      why: 'a CMD array that is not valid JSON: which words were meant is not known, so no exec form is built from it',
    },
  ],
  '__tests__/fixtures/corpus/secret-fallback-imported-by-name': [
    {
      rule: 'TF0301',
      why: 'the key is written in another module the settings import: the fixer rewrites the settings module only',
    },
  ],
  '__tests__/fixtures/corpus/db-host-chosen-by-variable': [
    {
      rule: 'TF0304',
      why: 'a HOST picked by a conditional expression: the fixer rewrites plain literals only',
    },
  ],
  '__tests__/fixtures/corpus/db-host-conditional-backup-alias': [
    { rule: 'TF0305', why: 'DATABASES holds another alias beside default: the switch would rewrite it away' },
    {
      rule: 'TF0304',
      why: 'a HOST picked by a conditional expression: the fixer rewrites plain literals only',
    },
    {
      rule: 'TF0401',
      why: 'a HOST picked by a conditional expression: the fixer rewrites plain literals only',
    },
  ],
  '__tests__/fixtures/corpus/debug-branch-both-postgres': [
    {
      rule: 'TF0305',
      why: 'DATABASES is assigned in both branches of an if on DEBUG: not one hard-coded statement',
    },
  ],
  '__tests__/fixtures/corpus/environs-debug-compose-default': [
    {
      rule: 'TF0302',
      why: "DEBUG turned on by a compose interpolation default: which compose file is for production is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/compose-prod-interpolated-defaults': [
    {
      rule: 'TF0302',
      why: "DEBUG turned on by a production compose file's interpolation default: which file is for production is the author's call",
    },
  ],
  '__tests__/fixtures/corpus/compose-swarm-stack': [
    {
      rule: 'TF0402',
      why: 'docker stack deploy ignores depends_on: a condition written there would change nothing',
    },
    {
      rule: 'TF0302',
      why: 'DEBUG turned on by the compose environment while the settings default is off: the settings are right',
    },
  ],
  '__tests__/fixtures/corpus/swarm-stack-by-content-app-waits': [
    {
      rule: 'TF0402',
      why: "a Swarm stack by what it holds: docker stack deploy ignores depends_on, and the healthcheck test to give the database is the author's",
    },
  ],
  '__tests__/fixtures/corpus/decouple-debug-compose': [
    {
      rule: 'TF0302',
      why: 'DEBUG turned on by the compose environment while the settings default is off: the settings are right',
    },
  ],
  '__tests__/fixtures/corpus/compose-prod-env-file-debug': [
    {
      rule: 'TF0302',
      why: "DEBUG turned on by a production compose file's env_file: the value to change is in that file, the author's",
    },
  ],
  '__tests__/fixtures/corpus/db-url-default-conditional-var': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD in the fallback URL of a database URL read (the notice): the fixer rewrites literals only',
    },
  ],
  '__tests__/fixtures/corpus/sqlite-fallback-engine-and-name-env': [
    {
      rule: 'TF0602',
      why: 'MEDIA_ROOT written as Path.joinpath(BASE_DIR, ...): the fixer rewrites BASE_DIR / ... and os.path.join only',
    },
  ],
  '__tests__/fixtures/corpus/settings-local-env-module': [
    {
      rule: 'TF0301',
      why: 'the key is written in another module the settings import: the fixer edits the settings only',
    },
    {
      rule: 'TF0302',
      why: 'DEBUG is written in another module the settings import: the fixer edits the settings only',
    },
    {
      rule: 'TF0303',
      why: 'ALLOWED_HOSTS is written in another module the settings import: the fixer edits the settings only',
    },
    {
      rule: 'TF0304',
      why: 'the password is written in another module the settings import: the fixer edits the settings only',
    },
  ],
  '__tests__/fixtures/corpus/settings-values-from-modules': [
    {
      rule: 'TF0301',
      why: 'the key is written in another module the settings import: the fixer edits the settings only',
    },
    {
      rule: 'TF0304',
      why: 'the credentials are written in other modules the settings import: the fixer edits the settings only',
    },
  ],
  '__tests__/fixtures/corpus/docker-secret-files-with-fallback': [
    {
      rule: 'TF0301',
      why: 'the key is read from a secret file a variable names: no variable holds the key to require instead',
    },
    {
      rule: 'TF0304',
      why: 'a PASSWORD read (from a secret file) with a literal fallback: the notice is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/mysql-settings-beside-postgres-env-file': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/mysql-settings-read-beside-postgres-variables': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
  ],
  '__tests__/fixtures/corpus/mysql-env-from-unpassed-build-args': [
    { rule: 'TF0305', why: 'a MySQL DATABASES: the switch is written for SQLite and PostgreSQL only' },
    {
      rule: 'TF0306',
      why: 'the ARG is copied into ENV MYSQL_PASSWORD: dropping it changes the image environment',
    },
  ],
  '__tests__/fixtures/corpus/settings-secrets-loader-fallback': [
    {
      rule: 'TF0301',
      why: 'the key is the fallback of a loader in another module: the fixer edits the settings only',
    },
    {
      rule: 'TF0304',
      why: 'the password is the fallback of a loader in another module: the fixer edits the settings only',
    },
  ],
  '__tests__/fixtures/corpus/settings-helper-try-keyerror-default': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD read through a helper with a literal fallback (the notice): dropping the fallback is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/settings-try-except-fallbacks': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD read from the environment with a literal fallback (the notice): dropping the fallback is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/base-image-variants-with-example-child': [
    {
      rule: 'TF1301',
      why: "the base images' start script runs nginx (its master needs root for port 80) and chowns the code before gunicorn drops to web; the example children run that same script",
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-nginx-gunicorn-root-advice': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/collectstatic-then-nginx-script': [
    {
      rule: 'TF1301',
      why: 'a service of the same image runs nginx, whose master starts as root: a USER in the image would stop it',
    },
  ],
  '__tests__/fixtures/corpus/su-run-script-background-tail': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
    {
      rule: 'TF0901',
      why: 'run.sh sends gunicorn to the background and keeps the container alive with tail -f: no exec fixes that',
    },
  ],
  '__tests__/fixtures/corpus/nginx-uwsgi-socket-one-container-no-expose': [
    {
      rule: 'TF1301',
      why: 'nginx in the container needs root to bind 80: a USER line would keep it from starting',
    },
  ],
  '__tests__/fixtures/corpus/nginx-daemon-beside-gunicorn': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/start-script-nginx-gunicorn-loopback': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/pipenv-sync-root-virtualenv': [
    {
      rule: 'TF1301',
      why: "pipenv's virtualenv is in root's home: USER app needs it moved first (WORKON_HOME, in the project, or --system), by hand",
    },
  ],
  '__tests__/fixtures/corpus/poetry-install-root-venv': [
    {
      rule: 'TF1301',
      why: "poetry's environment is in root's home: USER app needs it moved first (virtualenvs off, or in the project), by hand",
    },
  ],
  '__tests__/fixtures/corpus/supervisord-include-glob': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-linked-conf-uwsgi-logto': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/nginx-high-port-gunicorn-user': [
    {
      rule: 'TF1301',
      why: 'nginx in the same container: on port 8020 it could run unprivileged, but its pid and temp paths must move first, by hand',
    },
    {
      rule: 'TF0901',
      why: 'gunicorn in the background and nginx in the foreground: splitting the processes into containers is by hand',
    },
  ],
  '__tests__/fixtures/corpus/trusty-su-drop-start-script': [
    {
      rule: 'TF1301',
      why: 'the start script drops to its user with su after a chown as root: a USER line would break the chown',
    },
    {
      rule: 'TF0901',
      why: 'gunicorn started through su: exec su would leave su as its parent, and gosu is not installed in the image',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-celery-program-user-root': [
    {
      rule: 'TF1301',
      why: 'a supervisord program with user=root: under USER supervisord refuses it, so the user= line goes by hand',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-root-daemon-ini-include-uwsgi-conf': [
    {
      rule: 'TF1301',
      why: '[supervisord] sets user=root: under USER supervisord exits at start, so that line goes by hand',
    },
  ],
  '__tests__/fixtures/corpus/sqlite-relative-name-in-workdir': [
    {
      rule: 'TF0602',
      why: 'the SQLite NAME is a bare file name in an os.environ.get fallback: the fixer rewrites BASE_DIR / ... and os.path.join only',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-ini-socket-and-sqlite-beside-nginx': [
    {
      rule: 'TF1301',
      why: 'nginx under supervisord needs root to bind port 80: a USER would stop it; user= on the program is by hand',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-uwsgi-socket-beside-ini-chowned-to-www-data': [
    {
      rule: 'TF1301',
      why: 'nginx under supervisord needs root to bind port 80: a USER would stop it; user= on the program is by hand',
    },
  ],
  '__tests__/fixtures/corpus/debug-runserver-else-supervisord-nginx-uwsgi': [
    {
      rule: 'TF1301',
      why: 'nginx under supervisord needs root to bind port 80: a USER would stop it; user= on the program is by hand',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-ini-template-rendered-at-start': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/uwsgi-ini-uid-nginx-port-80': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-nginx-gunicorn-loopback': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/nginx-official-image-high-port-supervisord': [
    {
      rule: 'TF1301',
      why: 'nginx in the same container: on port 8080 it could run unprivileged, but its pid and temp paths must move first, by hand',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-mysql-beside-nginx-expose': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/makefile-variable-tag-dev-image-mounted': [
    {
      rule: 'TF0402',
      why: "'db' is MariaDB with no healthcheck: the fix writes only PostgreSQL's pg_isready check, a MariaDB one is by hand",
    },
    {
      rule: 'TF0901',
      why: 'a shell-form CMD that waits and generates migrations before the server: the start script to exec it is by hand',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-gunicorn-socket-in-workdir-shell-cmd': [
    {
      rule: 'TF0901',
      why: 'a shell-form CMD that collects static files before supervisord: the start script to exec it is by hand',
    },
    {
      rule: 'TF1301',
      why: "nginx runs in the same container and its master needs root to bind port 80, and gunicorn's socket directory must be given to the user: by hand",
    },
  ],
  '__tests__/fixtures/corpus/supervisord-nginx-gunicorn-root-advice': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/supervisord-fcgi-daphne-beside-beat': [
    {
      rule: 'TF1301',
      why: "supervisord's user= drops need root, and nginx's pid and temp paths must be handed to www-data: by hand",
    },
  ],
  '__tests__/fixtures/corpus/root-script-nginx-su-gunicorn': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80; the script drops with su',
    },
  ],
  '__tests__/fixtures/corpus/runit-my-init-gunicorn-service-root': [
    {
      rule: 'TF1301',
      why: 'my_init and runit need root to run and supervise their services: the drop belongs in the run script',
    },
  ],
  '__tests__/fixtures/corpus/runit-my-init-nginx-uwsgi-services': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container under my_init and its master needs root to bind port 80',
    },
  ],
  '__tests__/fixtures/corpus/s6-overlay-longrun-migrates-oneshot-loads-fixtures': [
    {
      rule: 'TF1301',
      why: "the base image's s6-overlay /init and its init services need root: a USER would keep the container from starting",
    },
  ],
  '__tests__/fixtures/corpus/s6-overlay-oneshot-migrate-longruns': [
    {
      rule: 'TF1301',
      why: "the base image's s6-overlay /init and its init services need root: a USER would keep the container from starting",
    },
  ],
  '__tests__/fixtures/corpus/supervisord-nginx-uwsgi': [
    {
      rule: 'TF1301',
      why: 'nginx runs in the same container and its master needs root to bind port 80: a USER would stop it',
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-pid1-drop-no-expose': [
    {
      rule: 'TF1301',
      why: 'the entrypoint creates its user when the container starts, which needs root: a USER would break it',
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-useradd-gosu-at-start': [
    {
      rule: 'TF1301',
      why: 'the entrypoint creates its user when the container starts, which needs root: a USER would break it',
    },
  ],
  '__tests__/fixtures/corpus/entrypoint-su-drop': [
    {
      rule: 'TF1301',
      why: 'the start script drops to its user with su and needs root until then: a USER would break it',
    },
  ],
  '__tests__/fixtures/corpus/alpine-su-exec-env-user': [
    {
      rule: 'TF1301',
      why: 'the start scripts drop to their user with su-exec, which needs root: a USER would break them',
    },
  ],
  '__tests__/fixtures/corpus/db-url-default-reads-same-variable': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD in the fallback URL of a database URL read: the fixer rewrites literals only',
    },
  ],
  '__tests__/fixtures/corpus/db-url-default-password': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD in the fallback URL of a database URL read: the fixer rewrites literals only',
    },
  ],
  '__tests__/fixtures/corpus/db-password-through-env-helper': [
    {
      rule: 'TF0304',
      why: 'a fallback PASSWORD read from the environment (the notice): dropping it is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/split-settings-env-db-ci-branch': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD in the fallback URL of a database URL read: the fixer rewrites literals only',
    },
  ],
  '__tests__/fixtures/corpus/environs-positional-defaults': [
    {
      rule: 'TF0304',
      why: 'a PASSWORD read from the environment with a literal fallback: the fixer rewrites literals only',
    },
  ],
  '__tests__/fixtures/corpus/settings-module-from-helper': [
    {
      rule: 'TF0305',
      why: 'no BASE_DIR in the module of DATABASES, for the SQLite alternative of the switch',
    },
  ],
  '__tests__/fixtures/corpus/wsgi-settings-production': [
    {
      rule: 'TF0305',
      why: 'no BASE_DIR in the module of DATABASES, for the SQLite alternative of the switch',
    },
  ],
  '__tests__/fixtures/smoke/app-blog-compose-command': [
    {
      rule: 'TF0302',
      why: 'DEBUG is turned on by the compose environment, not by the settings the fixer rewrites',
    },
  ],
  '__tests__/fixtures/corpus/cmd-superuser-celery-detach': [
    {
      rule: 'TF0901',
      why: 'the shell runs a detached worker and an inline admin command before the server: no single exec',
    },
  ],
  '__tests__/fixtures/corpus/compose-folded-command-cut': [
    {
      rule: 'TF0901',
      why: 'line breaks cut the options off the server: the command must be rejoined by its author',
    },
  ],
  '__tests__/fixtures/corpus/unipath-sqlite-and-media': [
    {
      rule: 'TF0602',
      why: "paths written with unipath's BASE_DIR.child(...): the fixer rewrites BASE_DIR / ... and os.path.join only",
    },
  ],
  '__tests__/fixtures/corpus/imported-config-module-env-override-password': [
    { rule: 'TF0305', why: 'a fixed MySQL engine: the switch fix rewrites SQLite and PostgreSQL only' },
    {
      rule: 'TF0304',
      why: 'a PASSWORD read from the environment with a literal fallback (the notice): dropping the fallback is left to the author',
    },
  ],
  '__tests__/fixtures/corpus/image-env-legacy-engine-text-sqlite-file': [
    {
      rule: 'TF0602',
      why: "NAME is a bare file name the image's ENV gives, opened in the working directory: not a path the fixer rewrites",
    },
  ],
  '__tests__/fixtures/corpus/dj-database-url-format-default': [
    {
      rule: 'TF0602',
      why: 'the SQLite path is inside a database URL default, not a path the fixer rewrites',
    },
  ],
  '__tests__/fixtures/corpus/compose-build-arg-secret-to-env': [
    {
      rule: 'TF0306',
      why: 'the secret-named ARG stays: what replaces it (a secret mount, a run-time variable) is a choice',
    },
  ],
  '__tests__/fixtures/corpus/rq-redis-host-docker-flag-unset': [
    {
      rule: 'TF0401',
      why: 'a host inside a dict of aliases (RQ_QUEUES), picked by a conditional expression: no URL setting of its own',
    },
  ],
  '__tests__/fixtures/corpus/databases-imported-by-name-from-base': [
    {
      rule: 'TF0305',
      why: 'DATABASES is updated after base.py assigns it (CONN_MAX_AGE in production.py): not one hard-coded statement',
    },
  ],
  '__tests__/fixtures/corpus/redis-literal-hosts-in-settings': [
    {
      rule: 'TF0401',
      why: 'a host inside a dict of aliases (CACHES LOCATION, RQ_QUEUES, CHANNEL_LAYERS) is no URL setting of its own',
    },
  ],
  '__tests__/fixtures/corpus/root-dockerfiles-built-from-project-subdir': [
    {
      rule: 'TF0102',
      why: 'Dockerfile.web is built from a directory the repository does not hold: there is no place to write its .dockerignore',
    },
  ],
  '__tests__/fixtures/corpus/split-settings-local-tail': [
    {
      rule: 'TF0305',
      why: 'no BASE_DIR in the module of DATABASES, for the SQLite alternative of the switch',
    },
  ],
  '__tests__/fixtures/corpus/split-settings-package': [
    {
      rule: 'TF0305',
      why: 'no BASE_DIR in the module of DATABASES, for the SQLite alternative of the switch',
    },
  ],
  '__tests__/fixtures/smoke/settings-split': [
    { rule: 'TF0305', why: 'DATABASES is assigned under an if on DB_ENGINE: not one hard-coded statement' },
  ],
};

const key = (f: Finding) => `${f.ruleId} ${f.file}`;
function counts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings.filter((x) => !x.suppressed)) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

async function fix(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await fixCommand([dir, ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd: temp,
  });
  return { code, out, err };
}

for (const app of APPS) {
  test(`${app}: fix --write, then check: no safe-fixable finding left, none added; a second fix changes nothing`, async () => {
    const name = app.replace(/[\\/]/g, '_');
    const root = join(temp, name);
    cpSync(join(repo, app), root, { recursive: true });
    const before = (await analyzeStatic(root, noConfig)).findings;
    const written = await fix(name, '--write');
    assert.equal(written.code, 0, written.err);
    const afterFix = (await analyzeStatic(root, noConfig)).findings;
    const was = counts(before);
    for (const [k, n] of counts(afterFix))
      assert.ok(n <= (was.get(k) ?? 0), `new finding: ${k}\n${written.err}`);
    const declined = new Set((DECLINED[app] ?? []).map((d) => d.rule));
    assert.deepEqual(
      afterFix
        .filter((f) => !f.suppressed && safe.has(f.ruleId) && !declined.has(f.ruleId))
        .map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`),
      [],
      written.err,
    );
    // A declined finding is still there: the table says why, and says it only where it is true.
    for (const rule of declined)
      assert.ok(
        afterFix.some((f) => f.ruleId === rule),
        `${rule} no longer declined`,
      );
    const again = await fix(name);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, '', 'a second fix changes nothing');
  });
}
