import {
  baseName,
  dirName,
  isComposeOverride,
  looksLikeCompose,
  joinPath,
  normalizeRelative,
} from '../discover/classify.js';
import { parseDotenv } from '../parse/dotenv.js';
import { modelCompose } from './compose.js';
import { ModelPart } from './input.js';
import type { ComposeModel } from './types/compose.js';

/** Names of the compose files Docker Compose picks up by itself, in its order of preference. */
const COMPOSE_BASES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_OVERRIDES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** The compose files Docker Compose would merge for one project, and their model. */
export interface ComposeSet {
  dir: string;
  files: string[];
  model?: ComposeModel;
}

/** Finds and models the compose projects of the tree. */
export class ComposeProjects extends ModelPart {
  /** One compose project per directory holding compose files (or the files named in the inputs). */
  find(): ComposeSet[] {
    const given = this.tree.options.composeFiles?.map((f) => normalizeRelative(f) ?? f);
    const sets: ComposeSet[] = [];
    if (given && given.length > 0) {
      sets.push({ dir: dirName(given[0]), files: given.filter((f) => f in this.texts) });
    } else {
      const byDir = new Map<string, string[]>();
      for (const f of Object.keys(this.texts)
        .filter((f) => looksLikeCompose(f, this.texts[f]))
        .sort()) {
        const d = dirName(f);
        byDir.set(d, [...(byDir.get(d) ?? []), f]);
      }
      for (const [dir, files] of byDir) {
        const names = files.map(baseName);
        let base = COMPOSE_BASES.find((b) => names.includes(b));
        // No default name: a lone variant (docker-compose.prod.yml) is the project's compose file.
        base ??= names.find((n) => !isComposeOverride(baseName(n)));
        const override = COMPOSE_OVERRIDES.find((o) => names.includes(o));
        const chosen = [base, override]
          .filter((n): n is string => n !== undefined)
          .map((n) => joinPath(dir, n));
        if (chosen.length > 0) sets.push({ dir, files: chosen });
        // Other variants (docker-compose.prod.yml, compose.production.yaml, docker-compose-deploy.yml) are
        // alternatives, each analysed on its own; one that builds and names no image is layered on the base.
        for (const name of names) {
          if (name === base || isComposeOverride(name) || COMPOSE_BASES.includes(name)) continue;
          const file = joinPath(dir, name);
          const standalone = /^\s+(build|image)\s*:/m.test(this.texts[file] ?? '');
          const files = standalone || !base ? [file] : [joinPath(dir, base), file];
          sets.push({ dir, files });
        }
      }
    }
    for (const set of sets) {
      if (set.files.length === 0) continue;
      const envText = this.texts[joinPath(set.dir, '.env')];
      const env = envText === undefined ? {} : parseDotenv(envText);
      const r = modelCompose(
        set.files.map((file) => ({ file, text: this.texts[file] })),
        env,
        { texts: this.texts },
      );
      this.addErrors(r.errors);
      set.model = r.model;
    }
    return sets;
  }
}
