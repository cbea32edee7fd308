import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uwsgiEmperorArg } from '../../src/model/uwsgi-emperor.js';

test('uwsgi --emperor names the vassal file, directory or glob it watches; other monitors and commands name none', () => {
  const cases: [string[], string | undefined][] = [
    [['uwsgi', '--emperor', '/etc/uwsgi/app.ini'], '/etc/uwsgi/app.ini'],
    [['/usr/local/bin/uwsgi', '--master', '--emperor=/etc/uwsgi/vassals'], '/etc/uwsgi/vassals'],
    [['uwsgi', '--emperor', '/etc/uwsgi/vassals/*.ini'], '/etc/uwsgi/vassals/*.ini'],
    [['uwsgi', '--emperor', 'zmq://tcp://127.0.0.1:5250'], undefined],
    [['uwsgi', '--emperor', '$VASSALS'], undefined],
    [['uwsgi', '--ini', 'uwsgi.ini'], undefined],
    [['gunicorn', '--emperor', 'x.ini'], undefined],
  ];
  for (const [argv, expected] of cases) assert.equal(uwsgiEmperorArg(argv), expected, argv.join(' '));
});
