import type { SourceTree } from '../discover/types.js';
import type { ParseError } from './types/project.js';
import { compareText } from '../util/compare-text.js';

/** What every part of the project model reads: the discovered tree, and where it reports the problems it meets. */
export interface ModelInput {
  readonly tree: SourceTree;
  addErrors(errors: ParseError[]): void;
}

/** A part of the project model: reads the tree's files and texts, reports problems to the one list. */
export abstract class ModelPart {
  protected readonly tree: SourceTree;
  protected readonly files: string[];
  protected readonly texts: Record<string, string>;

  constructor(private readonly input: ModelInput) {
    this.tree = input.tree;
    this.files = input.tree.files;
    this.texts = input.tree.texts;
  }

  protected addErrors(errors: ParseError[]): void {
    this.input.addErrors(errors);
  }
}

/** Shallower paths first, then by name. */
export function byDepth(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || compareText(a, b);
}
