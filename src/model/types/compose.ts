import type { ShellCommand, ShellScript } from './shell.js';

/** A position in one of the compose files (override files keep their own file). */
export interface ComposeAt {
  file: string; // relative to the scanned directory
  line: number;
}

export interface ComposeEnvEntry extends ComposeAt {
  name: string;
  /** Value after interpolation from the environment/.env ('' for an unset variable, as compose does); undefined for a bare name (`- KEY`, `KEY:`). */
  value?: string;
  /** The value as written, before interpolation (e.g. '${DB_PASSWORD}', 'secret'). */
  raw?: string;
  /** True when the written value takes its content from interpolation (`${VAR}`, `$VAR`), not a literal. */
  interpolated: boolean;
  source: 'environment' | 'env_file';
}

export interface ComposeCommand extends ComposeAt {
  /** List form: the list; string form: undefined (see script). */
  argv?: string[];
  script?: ShellScript;
  /** List form running `sh -c SCRIPT`: the commands of SCRIPT, on the lines of the file they are written on. */
  inner?: ShellCommand[];
  raw: string;
}

export interface ComposeVolumeMount extends ComposeAt {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Named volume name, or host path for binds (relative paths resolved against the compose file's dir, relative to the scanned dir, '.' for the scanned dir itself). */
  source?: string;
  target: string;
  readOnly: boolean;
  /** The source as written (`${DATA_DIR}/app`) when a variable in it is unset: what messages show. */
  writtenSource?: string;
  /** The target as written (`/${API}`) when a variable in it is unset: what messages show. */
  writtenTarget?: string;
  /** The variables of `writtenTarget` left unset in plain form (`${NAME}`), which compose fills with ''. */
  emptyTargetVariables?: string[];
  /**
   * For a bind mount of a directory of the repository: the files the repository holds there (a committed database
   * directory), which every checkout brings back; placeholders that only keep the directory (`.gitkeep`) left out.
   */
  repositoryFiles?: string[];
}

export interface ComposePort extends ComposeAt {
  raw: string;
  /** Container port, when it is a number after interpolation. */
  target?: number;
  published?: string;
  hostIp?: string;
}

export interface ComposeBuild extends ComposeAt {
  /** Build context relative to the scanned directory ('.' for it). */
  context: string;
  /** Dockerfile path relative to the scanned directory. */
  dockerfile: string;
  /** The Dockerfile as written (`Dockerfile`) when it is absent and Docker reads the lowercase `dockerfile` instead. */
  absentDockerfile?: string;
  target?: string;
  args: Record<string, string | undefined>;
  /** The args entries with their lines (list or mapping form); `args` is the same content by name. */
  argEntries?: (ComposeAt & { name: string; value?: string; raw?: string; interpolated: boolean })[];
}

export interface ComposeService extends ComposeAt {
  name: string;
  /** `value` after interpolation; `raw` as written; `interpolated` when a variable is part of it (`${TAG}`). */
  image?: ComposeAt & {
    value: string;
    repository: string;
    tag?: string;
    digest?: string;
    raw?: string;
    interpolated?: boolean;
    /** Set when a variable in it is unset and has no default: messages show `raw`, not the empty-filled value. */
    unset?: true;
  };
  build?: ComposeBuild;
  /** `pull_policy` as written (`build`, `never`, `always`, ...); absent, compose pulls `image:` before it builds. */
  pullPolicy?: string;
  command?: ComposeCommand;
  entrypoint?: ComposeCommand;
  environment: ComposeEnvEntry[];
  /** `unknown`: the path is (wholly or partly) an unset variable (`${ENV_FILENAME}`), so which file loads is unknown. */
  envFiles: ComposeEnvFile[];
  ports: ComposePort[];
  expose: (ComposeAt & { port?: number; raw: string })[];
  volumes: ComposeVolumeMount[];
  dependsOn: (ComposeAt & { service: string; condition?: string })[];
  /** `ownTest`: it sets a test; without one it only retimes the image's HEALTHCHECK (none when the image has none). */
  healthcheck?: ComposeAt & { disabled: boolean; ownTest: boolean };
  /**
   * Set when this repository builds the image the service runs: by its `build:`, or by a script under the name in
   * `image:` (`docker build -t me/db -f docker/db/Dockerfile .` in build.sh). The Dockerfile, the script when one
   * builds it, and whether the built stage declares a HEALTHCHECK (not NONE).
   */
  builtHere?: { dockerfile: string; script?: string; healthcheck: boolean };
  /** `value` after interpolation, `raw` as written (`${ENVIRONMENT}_django`). */
  containerName?: ComposeAt & { value: string; raw: string };
  /** `working_dir` after interpolation, when it is an absolute path: the directory the container starts in. */
  workingDir?: string;
  /** Set when its `deploy:` sets a key only Swarm honours (`placement`, `update_config`, …), not compose up. */
  swarmDeploy?: true;
  /** `init: true`: Docker runs its init (docker-init, a tini) as PID 1, with the container's command as its child. */
  init?: true;
  /** `network_mode` as written (`host`, `none`, `service:db`); with `host` the container shares the host's network. */
  networkMode?: string;
  /** `user`: who the container runs as in place of the image's USER; `value` after interpolation, `raw` as written. */
  user?: ComposeAt & { value: string; raw: string };
  secrets: string[];
  /** `volumes_from`: the services (`data`) or containers (`container:name`) whose volumes this one mounts too. */
  volumesFrom?: (ComposeAt & { service?: string; container?: string })[];
  /** Mount points it gets through `volumes_from`: the other service's volumes and its image's VOLUMEs. */
  inheritedVolumes?: (ComposeAt & { target: string; from: string })[];
  /** Kind of backing service recognised from the image: postgres, mysql, mariadb, sqlserver, mongo, redis, ... */
  role: 'app' | 'postgres' | 'mysql' | 'mariadb' | 'sqlserver' | 'mongo' | 'cockroach' | 'redis' | 'other';
  /** The database image a service builds on (`build:` whose Dockerfile is `FROM postgres:16`), its ENV PGDATA and WORKDIR. */
  builtFrom?: { repository: string; tag?: string; pgdata?: string; workdir?: string };
  /** Set on a service that builds an image that is not the app: a database, an image with no Python, a worker, another program. */
  notApp?: 'database' | 'no-python' | 'worker' | 'other-program';
  /** Set on a service whose start chain (its command, its scripts, else its image's CMD) starts the Django server. */
  startsServer?: true;
  /**
   * Set on a service that pulls a database image but replaces what it starts with another program (a pg_dump backup
   * loop as its entrypoint): it runs no database server, so it keeps no database data.
   */
  runsNoDatabaseServer?: true;
}

export interface ComposeModel {
  /** The files merged, in compose order (base first, then overrides). */
  files: string[];
  services: ComposeService[];
  /** The service that runs the Django app: builds the app image, or runs manage.py/gunicorn. */
  appService?: ComposeService;
  /** The services that run the app's image, the app service first: it builds the same image or names it (`image:`). */
  appImageServices?: ComposeService[];
  /**
   * Set when the files are a Swarm stack by what they hold: no service builds, and a `deploy:` sets a key only
   * `docker stack deploy` honours. Such a stack ignores `depends_on`.
   */
  swarmStack?: true;
  /** Top-level named volumes. */
  volumes: string[];
  /**
   * The env files a Makefile or script of the repository runs this project with (`docker compose --env-file
   * .env.prod up`): interpolation reads them instead of the `.env` beside the compose file.
   */
  envFilesFromCommand?: { files: string[]; source: string };
  /**
   * The env files compose reads for interpolation (the `.env` beside the compose files, or those `--env-file`s) that
   * the repository does not hold: each deploy writes its own, which may set what nothing here sets.
   */
  absentInterpolationFiles?: string[];
}

/** A compose `env_file` entry; `path` relative to the project, meaningless when `unknown`. */
export interface ComposeEnvFile extends ComposeAt {
  path: string;
  unknown?: true;
  /** The repository does not hold the file (a git-ignored `.env.prod` each deploy writes). */
  absent?: true;
}
