import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { renderSarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/registry.js';
import { FIXTURE_RULES, assertSnapshot, finding, fixtureReport } from './report-fixture.js';

// The official SARIF 2.1.0 schema, vendored from an npm package: see __tests__/fixtures/sarif/README.md.
const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown) {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

test('the SARIF log of the fixture report validates against the SARIF 2.1.0 schema', () => {
  assertValid(JSON.parse(renderSarif(fixtureReport(), FIXTURE_RULES)));
});

test('the SARIF log with every rule of the registry validates, and describes each rule', () => {
  const findings = RULES.map((rule) => ({
    ...fixtureReport().findings[0],
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    severity: rule.severity,
    kind: rule.kind,
    related: rule.related,
  }));
  const log = JSON.parse(renderSarif(fixtureReport({ findings }), RULES));
  assertValid(log);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'twelve-factor-review');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.equal(driver.rules.length, RULES.length);
  for (const [i, rule] of RULES.entries()) {
    const d = driver.rules[i];
    assert.equal(d.id, rule.id);
    assert.equal(d.name, rule.name);
    assert.equal(d.shortDescription.text, rule.title);
    assert.equal(d.help.markdown, rule.help);
    assert.ok(d.help.text.length > 0 && d.fullDescription.text.length > 0);
    assert.equal(d.defaultConfiguration.level, rule.severity === 'notice' ? 'note' : rule.severity);
    assert.ok(d.properties.tags.includes('twelve-factor'));
    assert.deepEqual(d.properties.related, rule.related);
  }
});

test('the driver describes only the rules its results name, in the registry order', () => {
  const report = fixtureReport();
  const driver = JSON.parse(renderSarif(report, RULES)).runs[0].tool.driver;
  const named = new Set(report.findings.map((f) => f.ruleId));
  assert.deepEqual(
    driver.rules.map((r: { id: string }) => r.id),
    RULES.filter((r) => named.has(r.id)).map((r) => r.id),
  );
  assert.ok(driver.rules.length < RULES.length);
  const empty = JSON.parse(renderSarif(fixtureReport({ findings: [] }), RULES));
  assertValid(empty);
  assert.deepEqual(empty.runs[0].tool.driver.rules, []);
});

test('results: rule index, level, repository-relative location, fingerprints, suppressions', () => {
  const log = JSON.parse(renderSarif(fixtureReport(), FIXTURE_RULES));
  const run = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run.results.length, fixtureReport().findings.length);
  for (const r of run.results) {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const loc = r.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(loc.artifactLocation.uri.startsWith('examples/hardcoded/'), loc.artifactLocation.uri);
    assert.ok(!loc.artifactLocation.uri.includes('\\'));
    assert.match(r.partialFingerprints['twelveFactorFingerprint/v1'], /^[0-9a-z]{16}$/);
  }
  const secret = run.results.find(
    (r: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }) =>
      r.ruleId === 'TF0301' && r.locations[0].physicalLocation.region?.startLine === 23,
  );
  assert.equal(secret.level, 'error');
  assert.equal(
    secret.locations[0].physicalLocation.artifactLocation.uri,
    'examples/hardcoded/mysite/settings.py',
  );
  const port = run.results.find((r: { ruleId: string }) => r.ruleId === 'TF0701');
  assert.equal(port.level, 'note');
  assert.equal(port.locations[0].physicalLocation.region, undefined, 'a whole-file finding has no region');
  const debug = run.results.find((r: { ruleId: string }) => r.ruleId === 'TF0302');
  assert.deepEqual(debug.suppressions, [{ kind: 'inSource', justification: 'local only' }]);
  const parse = run.results.find((r: { ruleId: string }) => r.ruleId === 'TF0001');
  assert.deepEqual(parse.suppressions, [{ kind: 'external' }]);
  assert.equal(secret.suppressions, undefined);
  // The hostile file name is a valid relative URI reference.
  const hostile = run.results.find(
    (r: { locations: { physicalLocation: { region?: { startLine: number } } }[] }) =>
      r.locations[0].physicalLocation.region?.startLine === 7,
  );
  assert.doesNotMatch(hostile.locations[0].physicalLocation.artifactLocation.uri, /[<>`| ]/);
  // '#' and '?' in a file name are part of the path, not a fragment or a query.
  const odd = JSON.parse(
    renderSarif(
      fixtureReport({ findings: [finding('TF0301', { file: 'a#b?c d.py', line: 1, message: 'm' })] }),
      FIXTURE_RULES,
    ),
  );
  assert.equal(
    odd.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
    'examples/hardcoded/a%23b%3Fc%20d.py',
  );
});

test('an absolute scanned directory becomes the %SRCROOT% base and URIs stay relative to it', () => {
  const log = JSON.parse(renderSarif(fixtureReport({ directory: '/home/me/shop' }), FIXTURE_RULES));
  assertValid(log);
  const run = log.runs[0];
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/me/shop/' } });
  const uris = run.results.map(
    (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri,
  );
  assert.ok(uris.includes('mysite/settings.py'));
});

test('sarif snapshot', () => {
  assertSnapshot('report.sarif.snap', renderSarif(fixtureReport(), FIXTURE_RULES));
});

test('the schema check is not vacuous: a wrong level or a missing message is rejected', () => {
  const log = JSON.parse(renderSarif(fixtureReport(), FIXTURE_RULES));
  log.runs[0].results[0].level = 'notice';
  assert.equal(validate(log), false);
  const log2 = JSON.parse(renderSarif(fixtureReport(), FIXTURE_RULES));
  delete log2.runs[0].results[0].message;
  assert.equal(validate(log2), false);
  const log3 = JSON.parse(renderSarif(fixtureReport(), FIXTURE_RULES));
  log3.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(log3), false);
});
