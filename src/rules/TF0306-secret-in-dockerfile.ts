import { isLiteralCredential, isSecretName, tunesSecret } from '../model/secret-names.js';
import type { RawFinding } from '../core/index.js';
import type { ArgInstr, DockerfileModel, EnvInstr, Stage } from '../model/types/dockerfile.js';
import { removeEnvPair } from './lib/dockerfile-fix.js';
import { composeServices, everyDockerfile } from './lib/each.js';
import type { Project } from '../model/types/project.js';
import { linesOf } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';
import { lineage } from '../model/dockerfile/lineage.js';
import { buildReaders, startReads } from './lib/build-readers.js';

export const secretInDockerfile = defineRule({
  id: 'TF0306',
  name: 'secret-in-dockerfile',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'ENV with a secret-looking name (*PASSWORD*, *PASSWD*, *_PASS, *_PWD, *SECRET*, *TOKEN*, *_KEY, *API_KEY*, *PRIVATE*; the same list for every secret rule) and a literal value; ARG of such a name as warning',
  help: `An \`ENV\` value is stored in the image configuration: anyone who can pull the image reads it with
\`docker inspect\`, and every deploy shares the same secret. A value passed with \`--build-arg\` is recorded in the
image history beside each \`RUN\` that uses it (\`docker history\`), so a secret passed as \`ARG\` leaks the same way,
with or without a default. In a build stage the final image only copies from, the value stays out of the image but is
still recorded with the build (the classic builder's intermediate images, BuildKit provenance in \`mode=max\`).

Give secrets to the running container (environment from the platform, compose \`env_file\`/\`secrets:\`), and use
BuildKit secret mounts when the build itself needs one. Names ending in \`_FILE\`, \`_PATH\`, \`_DIR\`, \`_URL\` or
\`_ID\` are not treated as secrets, nor are names that tune one (\`MYSQL_RANDOM_ROOT_PASSWORD\`, \`*_LIFETIME\`); an
empty value or one taken from a variable is not a literal, and a yes/no switch (\`MYSQL_ONETIME_PASSWORD=yes\`) is
no credential.

An ENV that a later \`RUN\` of the build reads (\`psql --command "CREATE USER … PASSWORD '$DB_PASS'"\`) is needed by
that step: where nothing the container starts names it (CMD/ENTRYPOINT, a compose command, a start script, the
settings), a run-time value would not reach it, and the message advises a secret mount for that RUN (\`env=\` sets
the variable from the secret, Dockerfile syntax 1.10 and later) or doing the step when the container starts.

\`\`\`dockerfile
# instead of: ENV DJANGO_SECRET_KEY=django-insecure-...
# give it to the container when it runs:  docker run -e DJANGO_SECRET_KEY=... image
# and mount a secret when the build itself needs one:
RUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install -r requirements.txt
\`\`\``,
  related: ['SecretsUsedInArgOrEnv'],
  check(project) {
    const findings: RawFinding[] = [];
    for (const df of everyDockerfile(project)) {
      if (!df.targetStage) continue;
      findings.push(...argWarnings(df));
      const globalArgs = new Map(df.globalArgs.map((a) => [a.name, a]));
      let stageArgs = new Map<string, ArgInstr>();
      const stages = lineage(df);
      for (const arg of [...df.globalArgs, ...stages.flatMap((s) => s.instructions)]) {
        if (stages.some((s) => s.instructions[0] === arg)) stageArgs = new Map();
        if (arg.keyword === 'ARG')
          stageArgs.set((arg as ArgInstr).name, inScope(arg as ArgInstr, globalArgs));
        if (arg.keyword !== 'ENV') continue;
        for (const pair of (arg as EnvInstr).pairs) {
          // MYSQL_RANDOM_ROOT_PASSWORD=yes tunes the password the image makes; it holds none.
          if (!isSecretName(pair.name) || tunesSecret(pair.name)) continue;
          const fromDefault = literalDefaultBehind(pair.raw, stageArgs);
          if (fromDefault) {
            findings.push({
              file: df.file,
              line: pair.line,
              message: `ENV ${pair.name} takes the literal default of ARG ${fromDefault.name} (line ${fromDefault.line}), which is baked into the image for anyone who pulls it unless every build overrides it. Remove the default and provide ${pair.name} from the environment at run time.`,
            });
            continue;
          }
          const given = composeLiteralBehind(project, df.file, pair.raw, stageArgs);
          if (given) {
            findings.push({
              file: df.file,
              line: pair.line,
              message: `ENV ${pair.name} takes ARG ${given.arg}, which compose service '${given.service}' gives a literal value in build.args (${given.file} line ${given.line}): the value is baked into the image for anyone who pulls it. Remove it from build.args and the ENV, and provide ${pair.name} from the environment at run time.`,
            });
            continue;
          }
          if (!isLiteral(pair.raw) || !isLiteralCredential(pair.name, unquoted(pair.raw))) continue;
          findings.push({
            file: df.file,
            line: pair.line,
            message: `ENV ${pair.name} is set to a literal value, which is baked into the image for anyone who pulls it. ${literalAdvice(project, df, arg as EnvInstr, pair.name)}`,
          });
        }
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Removes the ENV line (or its secret pair) from the Dockerfile; the variable is listed for the user to provide when the container runs.',
    declines:
      'an ENV that a RUN of the build reads: without it that step would run with the variable empty (a database user with no password).',
    make: fixSecretInDockerfile,
  },
});

/** Where the value should come from instead: the run-time environment, a secret mount for the RUNs that read it, or both. */
function literalAdvice(project: Project, df: DockerfileModel, env: EnvInstr, name: string): string {
  const runtime = `Remove it from the Dockerfile and provide ${name} from the environment at run time.`;
  const runs = buildReaders(df, env, name);
  if (runs.length === 0) return runtime;
  const id = name.toLowerCase();
  const at =
    runs.length === 1
      ? `the RUN at line ${runs[0].line}`
      : `the RUNs at lines ${runs.map((r) => r.line).join(', ')}`;
  const those = runs.length === 1 ? 'that RUN' : 'those RUNs';
  const mount = `a BuildKit secret mount (RUN --mount=type=secret,id=${id},env=${name} …, built with --secret id=${id},env=${name})`;
  if (startReads(project, df, name))
    return `${runtime} The build reads it too (${at}): give ${those} the secret through ${mount}.`;
  // `psql --command "CREATE USER … PASSWORD '$DB_PASS'"`: a database user made while the image is built
  const makesUser = runs.some((r) =>
    /\b(CREATE|ALTER)\s+(USER|ROLE)\b|\bcreateuser\b/i.test(JSON.stringify(r.script)),
  );
  const atStart = makesUser
    ? ': for a database user, an init script the database image runs at first start, with the password from the environment'
    : ', where the value can come from the environment';
  return `Only the build reads it (${at}; no start command, script or settings module names it), so a value given at run time would not reach ${runs.length === 1 ? 'that step' : 'those steps'}. Remove the ENV and give ${those} the secret through ${mount}, or do ${runs.length === 1 ? 'that step' : 'those steps'} when the container starts${atStart}.`;
}

function fixSecretInDockerfile(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const df of everyDockerfile(context.project)) {
    if (!df.targetStage || df.file !== finding.file) continue;
    for (const instr of lineage(df).flatMap((s) => s.instructions)) {
      if (instr.keyword !== 'ENV') continue;
      const env = instr as EnvInstr;
      const pair = env.pairs.find((p) => p.line === finding.line && isSecretName(p.name) && isLiteral(p.raw));
      // A RUN that reads it would run without it: the value must reach the build another way (a secret mount).
      const edit =
        pair && buildReaders(df, env, pair.name).length === 0 && removeEnvPair(df.file, lines, env, pair);
      if (!pair || !edit) continue;
      return {
        // The title names the variable only: the value is a secret.
        title: `ENV ${pair.name} removed: set it where the container runs`,
        edits: [edit],
        variables: [pair.name],
        secrets: [pair.raw.replace(/^(["'])(.*)\1$/s, '$2'), ...(pair.value ? [pair.value] : [])],
      };
    }
  }
  return undefined;
}

/**
 * Every secret-looking ARG the build reads, with or without a default: the global ones, those of the image's own
 * stages and those of the stages it copies from, which are built but leave their history outside the image.
 */
function argWarnings(df: DockerfileModel): RawFinding[] {
  const inImage = new Set(lineage(df));
  const declared = [
    ...df.globalArgs.map((arg) => ({ arg, stage: undefined })),
    ...df.builtStages.flatMap((stage) =>
      stage.instructions.filter((i) => i.keyword === 'ARG').map((i) => ({ arg: i as ArgInstr, stage })),
    ),
  ];
  return declared
    .filter(({ arg }) => isSecretName(arg.name) && !tunesSecret(arg.name))
    .map(({ arg, stage }) => {
      const id = arg.name.toLowerCase();
      const message =
        stage && !inImage.has(stage)
          ? `ARG ${arg.name} in build stage ${stageName(stage)} looks like a secret: that stage is not part of the final image, but a value passed with --build-arg is still recorded with the build steps that use it (the classic builder's intermediate images, BuildKit provenance attestations in mode=max). Give the build the secret through a BuildKit secret mount instead (RUN --mount=type=secret,id=${id}).`
          : `ARG ${arg.name} looks like a secret: a value passed with --build-arg is recorded in the image history (docker history shows it beside each RUN that uses it), readable by anyone who pulls the image. Pass it to the running container instead, or use a BuildKit secret mount (RUN --mount=type=secret,id=${id}).`;
      return { file: df.file, line: arg.line, severity: 'warning' as const, message };
    });
}

function stageName(stage: Stage): string {
  return stage.name ? `'${stage.name}'` : `${stage.index}`;
}

function isLiteral(raw: string): boolean {
  return unquoted(raw).trim() !== '' && !/\$[{A-Za-z_]/.test(raw.startsWith("'") ? '' : raw);
}

function unquoted(raw: string): string {
  return raw.replace(/^(["'])(.*)\1$/s, '$2');
}

/** A stage's `ARG X` without a default takes the global ARG's default: the declaration that gives it is the one to name. */
function inScope(arg: ArgInstr, globalArgs: Map<string, ArgInstr>): ArgInstr {
  const global = globalArgs.get(arg.name);
  return arg.default === undefined && global?.default !== undefined && arg.value === global.value
    ? global
    : arg;
}

/** The compose build.args entry written as a literal (`SECRET_KEY: abc`) that an ENV value made of one ARG takes. */
function composeLiteralBehind(
  project: Project,
  dockerfile: string,
  raw: string,
  args: Map<string, ArgInstr>,
): { arg: string; service: string; file: string; line: number } | undefined {
  const name = /^"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))"?$/.exec(raw.trim());
  const arg = name && args.get(name[1] ?? name[2]!);
  if (!arg?.value) return undefined;
  for (const { service } of composeServices(project)) {
    if (service.build?.dockerfile !== dockerfile) continue;
    const entry = service.build.argEntries?.find((e) => e.name === arg.name);
    if (entry && !entry.interpolated && entry.value === arg.value)
      return { arg: arg.name, service: service.name, file: entry.file, line: entry.line };
  }
  return undefined;
}

/** The ARG whose literal default an ENV value made of that one variable takes (no compose build arg overrides it). */
function literalDefaultBehind(raw: string, args: Map<string, ArgInstr>): ArgInstr | undefined {
  const name = /^"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))"?$/.exec(raw.trim());
  const arg = name && args.get(name[1] ?? name[2]!);
  if (!arg || arg.default === undefined || arg.default.trim() === '' || arg.value !== arg.default)
    return undefined;
  return arg;
}
