/**
 * Which image of this repository an app's Dockerfile starts FROM: a base image another Dockerfile here builds, known
 * by the name the repository's own builds give it (compose `build` + `image:`, `docker build -t` in its scripts,
 * Makefiles and CI files). Pure.
 */
import { joinPath, normalizeRelative } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import { scriptOrMakefile } from './command/make.js';
import { dockerfileDockerReads } from './dockerfile-name.js';
import { dockerBuild } from './image-app.js';
import { splitImage } from './image-ref.js';
import type { ComposeModel } from './types/compose.js';
import type { Stage } from './types/dockerfile.js';
import type { App } from './types/project.js';

/** An image reference the repository builds, with the Dockerfile it builds it from. */
export interface RepositoryBuild {
  image: string;
  dockerfile: string;
}

// More combinations than this of a CI matrix's values in one command are not enumerated.
const MAX_COMBINATIONS = 16;
const VARIABLE = /\$\{(\w+)\}|\$(\w+)/g;

/**
 * The images the repository builds by name: compose services with `build` and `image:`, and `docker build -t NAME`
 * in scripts, Makefiles and CI files, run from the repository root. A tag or Dockerfile named by a variable is read
 * through the file's own assignments (`IMAGE_TAG="me/app:$VARIANT"`); a variable assigned several values (a CI
 * matrix, `VARIANT=debian`, `VARIANT=alpine`) gives one build per value, the same value in every word of the command.
 */
export function repositoryBuilds(
  models: ComposeModel[],
  scripts: { file: string; text: string }[],
  ciConfigs: Record<string, string>,
  exists: (file: string) => boolean,
): RepositoryBuild[] {
  const out: RepositoryBuild[] = [];
  for (const model of models)
    for (const s of model.services) {
      const dockerfile = s.build && normalizeRelative(s.build.dockerfile);
      if (dockerfile && s.image && !s.image.interpolated) out.push({ image: s.image.value, dockerfile });
    }
  const sources = [
    ...scripts.map(({ file, text }) => ({ text, whole: scriptOrMakefile(file, text) })),
    ...Object.values(ciConfigs)
      .map((ci) => ciShell(ci))
      .map((text) => ({ text, whole: parseShell(text) })),
  ];
  for (const { text, whole } of sources) {
    // A CI file is no script: where its lines do not parse as one, each is read on its own.
    const parts = whole.parseError ? text.split('\n').map((line) => parseShell(line)) : [whole];
    const values = new Map<string, Set<string>>();
    for (const a of parts.flatMap((p) => p.assignments ?? []))
      values.set(a.name, new Set([...(values.get(a.name) ?? []), a.value]));
    for (const command of parts.flatMap((p) => p.commands)) {
      if (!/^(docker|\S*\/docker)$/.test(command.argv[0] ?? '')) continue;
      for (const argv of instances(command.argv, values)) {
        const build = dockerBuild(argv);
        if (!build) continue;
        const contextDir = normalizeRelative(build.context);
        if (contextDir === undefined) continue;
        const dockerfile = normalizeRelative(
          build.file ?? dockerfileDockerReads(joinPath(contextDir, 'Dockerfile'), exists),
        );
        if (!dockerfile || !exists(dockerfile)) continue;
        for (const tag of build.tags) if (!tag.includes('$')) out.push({ image: tag, dockerfile });
      }
    }
  }
  return out;
}

/** A CI file's lines as shell: YAML list items and `key: value` lines give their value (`- docker build …`). */
function ciShell(text: string): string {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:-\s+)?(?:[\w-]+:\s+)?/, '').replace(/^\|\s*$/, ''))
    .filter((line) => !/^#|^\{|^\[/.test(line))
    .join('\n');
}

/**
 * The argv with its variables read from the file's assignments: one assigned value is put in place (a few levels
 * deep); several give one argv per value. None when a variable stays unknown or there are too many combinations.
 */
function instances(argv: string[], values: Map<string, Set<string>>): string[][] {
  let words = argv;
  for (let pass = 0; pass < 4; pass++)
    words = words.map((w) =>
      w.replace(VARIABLE, (m, a?: string, b?: string) => {
        const set = values.get(a ?? b ?? '');
        return set?.size === 1 ? [...set][0]! : m;
      }),
    );
  const left = [...new Set(words.flatMap((w) => [...w.matchAll(VARIABLE)].map((m) => m[1] ?? m[2]!)))];
  if (left.length === 0) return [words];
  const choices = left.map((name) => [...(values.get(name) ?? [])].filter((v) => !v.includes('$')));
  if (choices.some((c) => c.length === 0)) return [];
  if (choices.reduce((n, c) => n * c.length, 1) > MAX_COMBINATIONS) return [];
  let combos: Record<string, string>[] = [{}];
  left.forEach((name, i) => {
    combos = combos.flatMap((c) => choices[i]!.map((v) => ({ ...c, [name]: v })));
  });
  return combos.map((combo) =>
    words.map((w) => w.replace(VARIABLE, (m, a?: string, b?: string) => combo[a ?? b ?? ''] ?? m)),
  );
}

/** The stage the target stage is built on first: its FROM names the base image. */
function rootStage(stages: Stage[], stage: Stage): Stage {
  let s = stage;
  for (let k = 0; k < stages.length && s.from.stageRef !== undefined; k++) s = stages[s.from.stageRef] ?? s;
  return s;
}

/**
 * Links each app whose image starts FROM an image another app's Dockerfile builds (by that name and tag, `latest`
 * when none is written) to that app: one Dockerfile only, never the app's own, and never back and forth.
 */
export function linkRepositoryBases(apps: App[], builds: RepositoryBuild[]): void {
  for (const app of apps) {
    const df = app.dockerfile;
    const stage = df?.targetStage;
    if (!df || !stage) continue;
    const from = rootStage(df.stages, stage).from;
    if (!from.image || !from.repository || from.digest) continue;
    const tag = from.tag ?? 'latest';
    const dockerfiles = new Set(
      builds
        .filter((b) => {
          const ref = splitImage(b.image);
          return ref.repository === from.repository && (ref.tag ?? 'latest') === tag;
        })
        .map((b) => b.dockerfile),
    );
    if (dockerfiles.size !== 1) continue;
    const file = [...dockerfiles][0]!;
    const bases = apps.filter((a) => a !== app && a.dockerfile?.file === file && !a.compose?.appService);
    const base = bases.length === 1 ? bases[0]! : undefined;
    if (!base || file === df.file || base.baseImage?.app === app) continue;
    app.baseImage = { image: from.image, app: base };
  }
}
