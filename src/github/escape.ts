import { escapeMarkdown, fencedBlock, neutraliseMentions } from '../report/escape.js';
import { defuseMarkers } from './markers.js';

/**
 * Makes untrusted text (file names, messages, values from the analysed repository) inert inside GitHub markdown:
 * no HTML, no markdown structure, no autolink, no @mention that pings, no #123 or closing keywords turning into
 * links. The same escaper as the summary comment's, so both say the same text the same way.
 */
export function escapeInline(text: string): string {
  return escapeMarkdown(text);
}

/** A fenced block that the content cannot close, whatever backticks it holds, holding no live marker or mention. */
export function codeBlock(text: string): string {
  return defuseMarkers(fencedBlock(neutraliseMentions(text)));
}
