import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlaceholderValue, secretsInEnvTemplate } from '../../src/model/env-files.js';

test('env template values that only show where a secret goes are placeholders', () => {
  for (const [name, value] of [
    ['SECRET_KEY', ''],
    ['SECRET_KEY', 'your-secret-key-here'],
    ['DB_PASSWORD', 'changeme'],
    ['DB_PASSWORD', 'CHANGE_ME'],
    ['EMAIL_HOST_PASSWORD', '<secret>'],
    ['API_TOKEN', '${API_TOKEN}'],
    ['POSTGRES_PASSWORD', 'password'],
    ['DJANGO_SECRET_KEY', 'django-secret-key'],
    ['AWS_SECRET_ACCESS_KEY', 'xxxxxxxxxxxx'],
    ['SECRET_KEY', '{Production secret}'],
    ['SECRET_KEY', '{{ secret_key }}'],
    ['DB_PASSWORD', '[database password]'],
    ['DJANGO_SECRET_KEY', 'SECRET_KEY'],
    ['APP_DB_PASSWORD', 'DB-Password'],
  ])
    assert.equal(isPlaceholderValue(name, value), true, `${name}=${value}`);
});

test('an env template with a real-looking secret names it; one of placeholders names none', () => {
  assert.deepEqual(
    secretsInEnvTemplate('SECRET_KEY=your-secret-key-here\nDB_PASSWORD=Xk29!pq7LmZw\nDEBUG=1\n'),
    ['DB_PASSWORD'],
  );
  // Capitals joined by `_` are a value only when they are not the name's own words.
  assert.deepEqual(secretsInEnvTemplate('SECRET_KEY=PROD_ONLY_VALUE\nAPI_TOKEN=API_TOKEN\n'), ['SECRET_KEY']);
  assert.deepEqual(
    secretsInEnvTemplate(
      'SECRET_KEY=\nDB_PASSWORD=changeme\nEMAIL_HOST_PASSWORD=<secret>\nSENTRY_AUTH_TOKEN=\n',
    ),
    [],
  );
});
