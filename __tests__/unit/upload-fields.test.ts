/** The models' file fields that store uploads in MEDIA_ROOT, and the declarations that store none there. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uploadFields } from '../../src/model/upload-fields.js';

test('uploadFields: model fields of models.py and of a models package, by name or through models.', () => {
  const texts = {
    'shop/models.py': 'class A(models.Model):\n    image = models.ImageField(upload_to="a/")\n',
    'shop/catalog/models/item.py':
      'from django.db.models import FileField\n\nclass B(Model):\n    doc = FileField()\n',
  };
  assert.deepEqual(uploadFields(texts), [
    { file: 'shop/catalog/models/item.py', line: 4, field: 'FileField' },
    { file: 'shop/models.py', line: 2, field: 'ImageField' },
  ]);
});

test('uploadFields: a form field, a comment, a field with its own storage and another project hold no upload', () => {
  const texts = {
    'shop/forms.py': 'picture = forms.ImageField()\n',
    'shop/models.py': [
      '# avatar = models.ImageField()',
      'scan = models.FileField(storage=PrivateStorage())',
      'other = forms.FileField()',
    ].join('\n'),
    'legacy/models.py': 'image = models.ImageField()\n',
  };
  assert.deepEqual(uploadFields(texts, 'shop'), []);
  assert.deepEqual(uploadFields(texts), [{ file: 'legacy/models.py', line: 1, field: 'ImageField' }]);
});
