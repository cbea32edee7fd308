/** The file fields the repository's Django models declare: where uploads come from. Pure. */
import { isModelsFile } from '../discover/classify.js';
import type { UploadField } from './types/project.js';

// `models.ImageField(` or `ImageField(` imported by name; not `forms.FileField(`, a form's field stores nothing.
const FIELD = /(?:^|[^.\w])(?:models\.)?(FileField|ImageField)\s*\(/;

/**
 * The FileField and ImageField declarations of the models modules under `dir` (all of them with none), which Django's
 * default storage writes to MEDIA_ROOT; a field given its own `storage=` on its line keeps its files elsewhere.
 */
export function uploadFields(texts: Record<string, string>, dir?: string): UploadField[] {
  const out: UploadField[] = [];
  for (const file of Object.keys(texts).sort()) {
    if (!isModelsFile(file) || (dir && dir !== '.' && !file.startsWith(`${dir}/`))) continue;
    texts[file]!.split('\n').forEach((line, i) => {
      const m = FIELD.exec(line);
      if (m && !line.trimStart().startsWith('#') && !/\bstorage\s*=/.test(line))
        out.push({ file, line: i + 1, field: m[1] as UploadField['field'] });
    });
  }
  return out;
}
