export { renderAnnotations, type Annotation } from './annotations.js';
export { FACTOR_NAMES, INFORMATION_URI, ruleHelpUri } from './common.js';
export { repoPath } from '../util/paths.js';
export { renderJson } from './json.js';
export { renderMarkdown, DEFAULT_MAX_CHARS, type MarkdownOptions } from './markdown.js';
export { renderSarif } from './sarif.js';
export { renderText, type TextOptions } from './text.js';
export { annotationCommand, renderGithub } from './workflow-commands.js';
export { makeReport, TOOL } from './make.js';
