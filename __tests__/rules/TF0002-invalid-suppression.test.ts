import { invalidSuppression } from '../../src/rules/TF0002-invalid-suppression.js';
import { contextRuleCases } from '../support/context-rule-cases.js';

contextRuleCases(invalidSuppression, [
  [
    'a suppression naming an unknown rule',
    { Dockerfile: '# twelve-factor: ignore=TF9999 -- reason\nFROM python:3.12\n' },
    [['Dockerfile', 1]],
  ],
  [
    'a suppression naming a rule by id and by name',
    { Dockerfile: '# twelve-factor: ignore=TF0201,runs-as-root -- reason\nFROM python:latest\n' },
    [],
  ],
]);
