import type { SkippedProject } from '../../core/index.js';
import type { ComposeModel } from './compose.js';
import type { DockerfileModel } from './dockerfile.js';
import type { SettingsModel } from './settings.js';
import type { ShellCommand, ShellScript } from './shell.js';
import type {
  DockerignoreModel,
  ParseError,
  RequirementLine,
  RequirementsFile,
  SuppressionComment,
} from '../../parse/types.js';

export type { DockerignoreModel, ParseError, RequirementLine, RequirementsFile, SuppressionComment };

export interface BuildContext {
  /** Context directory relative to the scanned directory ('.' for it). */
  dir: string;
  /**
   * Set when nothing here builds the Dockerfile and no directory of the repository holds the files it names
   * (`./entrypoint.sh`, the package.json of `npm install`): `dir` is its own directory by assumption only.
   */
  unknown?: true;
  /** Files present in the context, relative to the context dir, '/' separators (symlinks out of the tree excluded). */
  files: string[];
  dockerignore?: DockerignoreModel;
  /** Files of `files` named otherwise than `*.sqlite3` that are SQLite databases by their header. */
  sqliteFiles?: string[];
  /** Files of `files` that .dockerignore lets into the build (all of them when there is none). */
  sentFiles: string[];
  /** Directories present in the context but not listed (`.git`, `node_modules`, `venv`, `.venv`, `__pycache__`). */
  skippedDirs?: string[];
  /** Of `skippedDirs`, those .dockerignore does not exclude (they reach the build). */
  sentSkippedDirs?: string[];
  /**
   * Files of `files` that count as env files though their names do not say so: the env_files compose loads (but
   * templates), and templates (`.env.example`) or files in `.env*` directories that give a secret-looking name a
   * real-looking value.
   */
  envTemplatesWithSecrets?: string[];
  /** Env files by name (`.env.build`), held by the repository, that name secret-looking variables and leave them all empty. */
  envFilesWithoutSecrets?: string[];
  /** Env files held by the repository that name no secret-looking variable and carry no credential (`DEBUG=1`). */
  envFilesNamingNoSecret?: string[];
}

export interface EntrypointScript {
  file: string; // relative to the scanned directory
  script: ShellScript;
  /** Where it is copied in the image. */
  imagePath: string;
  /** Set for a Makefile run as `make TARGET…`: the targets whose recipes `script` holds ([] for the default one). */
  makeTargets?: string[];
  /** For a Makefile: the recipe lines make runs with no shell between (a plain command), which get the SIGTERM make passes on. */
  plainRecipeLines?: number[];
  /** Set when the script never reads its arguments: the command docker passes it (CMD, compose command) never runs. */
  ignoresArgs?: boolean;
  /** Set when the file has no `#!` line: run directly (exec form) it fails with "exec format error". */
  noShebang?: boolean;
  /** Set for a script only a supervisord program runs (`command=/app/run-app.sh`): the program's name. PID 1 is supervisord. */
  program?: string;
}

/** A `call_command` of a program: the command's name and its arguments as manage.py would take them. */
export interface ManagementCall {
  line: number;
  name: string;
  /** Positional string arguments as written (`--noinput`), keyword flags set true as options (`plan=True` → `--plan`). */
  args: string[];
}

/** A Python program the start command or its scripts run (`python create_superuser.py`, `manage.py initadmin`). */
/** A server command written in a shell script the image holds (see `App.shippedServers`). */
export interface ShippedServer {
  file: string;
  line: number;
  argv: string[];
}

export interface StartProgram {
  file: string; // relative to the scanned directory
  /** Literal passwords it sets (`create_superuser('admin', 'a@b.c', 'pw')`). */
  credentials: { line: number; what: string }[];
  /** Set for a project management command the chain runs (`manage.py prepare`): its name. */
  managementCommand?: string;
  /** Set for a plain Python script (`python boot.py`): the start chain's commands that run it. */
  runBy?: string[][];
  /** The management commands it runs itself (`call_command("migrate")`), when it runs any. */
  managementCalls?: ManagementCall[];
}

/** A server configuration file the start command names (`uwsgi --ini uwsgi.ini`), as far as logging goes. */
/** How the image gets a Python server (uWSGI, gunicorn), as far as what it installs tells. */
export interface UwsgiInstall {
  /** False when nothing the image installs (requirements, RUN, locks, start scripts, base image) provides it. */
  provided: boolean;
  /** The version pinned, and the file that pins it (a requirements file, a lock file, the Dockerfile). */
  version?: string;
  pinnedIn?: string;
}

export interface ServerConfigFile {
  file: string; // relative to the scanned directory
  server: string;
  /** Options that send the server's log to a file, with their lines (`logto = /var/log/uwsgi.log`). */
  logFiles: { line: number; option: string; value: string }[];
  /** The user the server drops to after it starts (`uid = app` in uwsgi's ini), the last one set. */
  user?: { line: number; option: string; value: string };
  /** The group it drops to (`gid = app`), the last one set. */
  group?: { line: number; option: string; value: string };
  /** `die-on-term = true` in its [uwsgi] section: uWSGI before 2.1 stops on SIGTERM instead of reloading. */
  dieOnTerm?: boolean;
  /** `daemonize = FILE` in its [uwsgi] section: uwsgi detaches into the background and its command returns. */
  daemonize?: { line: number; option: string; value: string };
  /** The programs uwsgi runs beside itself (`smart-attach-daemon = /tmp/beat.pid celery -A proj beat`). */
  daemons?: { line: number; option: string; argv: string[] }[];
  /**
   * The commands its start-up hooks run each time the server starts (`exec-pre-app = manage.py prepare`,
   * `hook-as-root = exec:…`), one entry per hook line, the commands of its shell text.
   */
  startHooks?: { line: number; option: string; commands: ShellCommand[] }[];
  /** The sockets its [uwsgi] section listens on (`socket = app.sock`, `http = :8000`), as written. */
  listens?: { line: number; option: string; value: string }[];
  /** A vassal ini a uWSGI Emperor starts (`uwsgi --emperor FILE.ini`, a directory or glob of them), not the ini of the command. */
  vassal?: true;
}

/** A reverse proxy's configuration file the image copies (`COPY site.conf /etc/nginx/conf.d/`): the ports it binds. */
export interface ProxyConfigFile {
  file: string; // relative to the scanned directory
  /** Where the file lands in the image (`/etc/nginx/sites-available/default`). */
  imagePath: string;
  server: 'nginx';
  /** Its `listen` directives (comments left out); port undefined where a variable or template sets it. */
  listens: { line: number; port?: number }[];
  /** It says `daemon off;`: in the main nginx.conf, nginx stays in the foreground. */
  daemonOff?: boolean;
}

/**
 * A program supervisord starts (`[program:uwsgi]` with `command = uwsgi --ini uwsgi.ini`), or a service s6-overlay's
 * /init starts (`s6-rc.d/svc-web/run`).
 */
export interface SupervisorProgram {
  file: string; // relative to the scanned directory
  line: number;
  name: string;
  command: string;
  argv: string[];
  /** `fcgi-program` for an `[fcgi-program:x]` section (supervisord binds its socket and starts numprocs copies). */
  section?: 'fcgi-program';
  /** The user supervisord runs the program as (`user=app`), when the section names one, and the line of `user=`. */
  user?: string;
  userLine?: number;
  /** The `user=` of the `[supervisord]` section that runs the program: the user supervisord itself switches to. */
  daemonUser?: { user: string; file: string; line: number };
  /** `numprocs=` above 1: how many copies of the program supervisord runs. */
  numprocs?: number;
  /** The program's `directory=`: supervisord changes to it before it starts the command. */
  directory?: string;
  /** `stdout_logfile=` and `stderr_logfile=` as written, with their lines (unset: supervisord's AUTO file). */
  stdoutLogfile?: { line: number; value: string };
  stderrLogfile?: { line: number; value: string };
  /** `redirect_stderr=true`: the program's stderr goes where its stdout goes. */
  redirectStderr?: boolean;
  /** Set for a service of s6-overlay's /init instead (its s6-rc.d directory): a oneshot runs once at every start, before the longruns. */
  s6?: 'oneshot' | 'longrun';
  /** Set for a service of runit's runsvdir instead (its directory under /etc/service): its `run` script. */
  runit?: true;
}

/** Where the app shows it drives the Docker engine on purpose (`xterm/task.py:4 imports the Docker SDK`). */
export interface DockerClientUse {
  file: string; // relative to the scanned directory
  line: number;
  /** What that line does, as a message says it (`imports the Docker SDK`). */
  what: string;
}

/** A build of the app's Dockerfile with its own ARG defaults, beside the one compose's build args make. */
export interface DefaultBuild {
  requirements: RequirementsFile[];
  /** The build args compose gives over a default: `ENVIRONMENT`, default `production`, given `local`. */
  args: { name: string; default: string; given: string }[];
}

/** One deployable Django app: its image, its compose service and its settings. */
/** A Python image a compose service builds beside the app (see `Project.sidecarImages`). */
export interface SidecarImage {
  dockerfile: DockerfileModel;
  context: BuildContext;
  requirements: RequirementsFile[];
}

/** A model field that stores uploaded files (`models.ImageField(upload_to=…)`), where it is declared. */
export interface UploadField {
  file: string;
  line: number;
  field: 'FileField' | 'ImageField';
}

/** The file python-decouple reads at run time (`settings.ini`'s `[settings]`, or `.env`), with its values. */
export interface DecoupleConfig {
  /** Relative to the scanned directory. */
  file: string;
  /** Its values by name, as decouple reads them (quotes around a .env value removed). */
  values: Record<string, string>;
  /** An ini file's names, upper-cased here, match whatever their case (configparser's). */
  caseless?: true;
  /** Whether the build context sends it to the image; undefined when no image is built from a context holding it. */
  sent?: boolean;
}

export interface App {
  /** Directory of the app relative to the scanned directory ('.' for it): where manage.py (or the Dockerfile) is. */
  dir: string;
  managePy?: string; // relative to the scanned directory
  dockerfile?: DockerfileModel;
  context?: BuildContext;
  compose?: ComposeModel;
  /** Compose files of the app that could not be parsed: a rule that needs what they declare stays silent. */
  unparsedCompose?: string[];
  settings?: SettingsModel;
  /** The FileField/ImageField declarations of the app's models: uploads, which the default storage puts in MEDIA_ROOT. */
  uploadFields?: UploadField[];
  /** Settings modules `settings` star-imports (`from .base import *`), in the order they take effect. */
  settingsBases?: SettingsModel[];
  /**
   * Set when the container runs Django's development server: the settings module a WSGI server would run instead
   * (the default of the wsgi module WSGI_APPLICATION names), when it is another one, its star-imports in place.
   */
  servedSettings?: SettingsModel;
  /**
   * The settings module the management commands run in the app's container: manage.py's default, when the
   * container's environment does not set DJANGO_SETTINGS_MODULE and the server runs another module; its star-imports
   * in place.
   */
  managedSettings?: SettingsModel;
  /**
   * The settings module the image's own ENV names, when the compose app service runs another one: what every
   * container of the image started without compose loads; its star-imports in place.
   */
  imageSettings?: SettingsModel;
  /** manage.py's default settings module when the repository holds no file for it (a git-ignored `settings.local`). */
  missingManagePySettings?: string;
  requirements: RequirementsFile[];
  /**
   * The requirement files only a build with the Dockerfile's own ARG defaults installs (`ARG ENVIRONMENT=production`
   * → requirements/production.txt) where compose's build args pick others: a plain `docker build` of the image.
   */
  defaultBuild?: DefaultBuild;
  entrypointScripts: EntrypointScript[];
  /** Python programs the start chain runs, found in the context. */
  startPrograms?: StartProgram[];
  /**
   * Set when the image names no command and no compose service gives it one: the WSGI/ASGI server commands of the
   * shell scripts it holds (`/start` running `gunicorn config.wsgi`), what a platform that runs the image names.
   */
  shippedServers?: ShippedServer[];
  /**
   * The programs of the supervisord configuration the start chain runs supervisord with, found in the context; or the
   * s6-overlay services the image's /init starts.
   */
  supervisorPrograms?: SupervisorProgram[];
  /** The file python-decouple reads the settings' values from, in the repository; absent when none is there. */
  decoupleConfig?: DecoupleConfig;
  /** Server configuration files the start chain names (`uwsgi --ini FILE`), found in the context. */
  serverConfigs?: ServerConfigFile[];
  /** How the image gets uWSGI; undefined when what it installs cannot tell (a local project, a custom base image). */
  uwsgi?: UwsgiInstall;
  /**
   * The Python server programs (`gunicorn`, `uvicorn`, `uwsgi`, …) nothing the image installs provides (no requirement,
   * RUN, lock, start script or base image): a command that runs one fails with "command not found". Only judged when
   * the image installs a requirements file.
   */
  missingServers?: string[];
  /**
   * The repository's files the compose app service bind-mounts into the container (`./src:/src`), each relative to
   * its mount's source directory: code the container runs that the build context may not hold.
   */
  mountedFiles?: string[];
  /** nginx configuration files the target stage copies under /etc/nginx, with the ports they listen on. */
  proxyConfigs?: ProxyConfigFile[];
  /** Where the app's source lands in the image: the COPY destination of the directory holding manage.py. */
  imageSourceDir?: string;
  /** False when the target stage takes no Python file of the context (a runner with only its requirements). */
  imageHoldsPython?: boolean;
  /** Set when the app manages containers on purpose: its code uses the Docker SDK, or its image installs it. */
  dockerClient?: DockerClientUse;
  /** Set when compose builds the app image from a remote context (a git URL) instead of this repository. */
  remoteContext?: { url: string; file: string; line: number };
  /**
   * Set when the compose app service only names an image no build of the repository makes (`image: acme/runner:2`):
   * `dockerfile` is the one beside it, not known to be that image's. The image as written.
   */
  imageNotBuiltHere?: string;
  /**
   * Set when another Dockerfile of the repository starts FROM the image this one is built as (`docker build -t
   * acme/django .` in a script, `FROM acme/django` in `Dockerfile.onbuild`): that Dockerfile, and whether it holds
   * ONBUILD triggers (a base whose children bring their own code and manifest). The image is a base too.
   */
  baseOf?: { dockerfile: string; onbuild: boolean };
  /**
   * Set when the image starts FROM an image another Dockerfile of this repository builds, known by the name the
   * repository's compose, scripts or CI give it (`FROM me/django-base:alpine`, built from alpine.dockerfile): that image
   * as written, and the app of that Dockerfile. Its USER, EXPOSE, HEALTHCHECK and start command are this image's too
   * where the target stage sets none.
   */
  baseImage?: { image: string; app: App };
  /**
   * Set for another Dockerfile of the app beside its image's (`Dockerfile.no_venv` beside the `Dockerfile` compose
   * builds) that nothing here builds: the Dockerfile of that image.
   */
  variantOf?: string;
  /**
   * Set on the view of a worker image (`Project.workerImages`): the compose services that run it, the one whose view
   * this is first (its compose `appService`).
   */
  workerServices?: string[];
}

export interface Project {
  /** Absolute path of the scanned directory. */
  root: string;
  apps: App[];
  /**
   * Every compose file of the repository, whether or not an app is analysed with it (`docker-compose.prod.yml` that
   * holds only a comment): its name alone says what the files beside it are for.
   */
  composeFiles?: string[];
  /** Python dependency manifests anywhere in the repository (requirements*.txt, pyproject.toml, Pipfile(.lock), …). */
  pythonManifests?: string[];
  /**
   * Dockerfiles of the repository that are no app's image (a proxy, a front end, the docs, a worker): judged only by
   * the rules that hold for any Dockerfile (base image pinned, pip installs pinned, no secret in ENV/ARG).
   */
  otherDockerfiles?: DockerfileModel[];
  /**
   * The build context of each of `otherDockerfiles` (by file): the one a compose service builds it from, else its own
   * directory, as `docker build -f` beside it would.
   */
  otherContexts?: Record<string, BuildContext>;
  /**
   * The images of an app's code that compose builds for a worker from a Dockerfile of their own (`Dockerfile.celery`
   * beside the app's, built from a context holding the Django project), each as an app whose image, context and
   * start scripts are the worker's and whose compose `appService` is the worker's service; its settings are the app's.
   * Judged by the image rules that hold for every image of the deployment (pins, env files, USER, PID 1, processes).
   * Their Dockerfiles are in `otherDockerfiles` as well.
   */
  workerImages?: App[];
  /**
   * Python images compose builds for a sidecar beside the app (a Bokeh or Dash server: no Django in it), with the
   * requirements files each installs: judged by the pin rule as images of the deployment, not by the app's runtime
   * rules. Their Dockerfiles are in `otherDockerfiles` as well.
   */
  sidecarImages?: SidecarImage[];
  /** Django projects found but not analysed as apps (an archive copy no image builds), with the reason. */
  skippedProjects?: SkippedProject[];
  parseErrors: ParseError[];
  suppressions: SuppressionComment[];
  /** Malformed suppression comments (TF0002) are reported by rule; these are the raw problems. */
  suppressionProblems: { file: string; line: number; message: string }[];
}
