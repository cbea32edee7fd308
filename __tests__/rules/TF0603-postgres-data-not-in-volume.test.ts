import { postgresDataNotInVolume } from '../../src/rules/TF0603-postgres-data-not-in-volume.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(postgresDataNotInVolume, [
  {
    name: 'postgres without volumes',
    compose: y('services:', '  db:', '    image: postgres:16'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'named volume at the data dir',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      'volumes:',
      '  pgdata:',
    ),
    expect: [],
  },
  {
    name: 'a bind mount persists too',
    compose: y(
      'services:',
      '  db:',
      '    image: mysql:8',
      '    volumes:',
      '      - ./data/mysql:/var/lib/mysql',
    ),
    expect: [],
  },
  {
    name: 'an anonymous volume or a volume elsewhere does not',
    compose: y(
      'services:',
      '  db:',
      '    image: mariadb:11',
      '    volumes:',
      '      - /var/lib/mysql',
      '  pg:',
      '    image: postgis/postgis:16-3.4',
      '    volumes:',
      '      - ./init.sql:/docker-entrypoint-initdb.d/init.sql',
    ),
    expect: ['compose.yaml:3', 'compose.yaml:7'],
  },
  {
    name: 'PGDATA moves the data dir',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      PGDATA: /pgdata/data',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      '  db2:',
      '    image: postgres:16',
      '    environment:',
      '      PGDATA: /var/lib/postgresql/data/pgdata',
      '    volumes:',
      '      - pgdata2:/var/lib/postgresql/data',
    ),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'postgres 18 keeps data under /var/lib/postgresql',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:18',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql',
    ),
    expect: [],
  },
  {
    name: 'a tmpfs at the data dir is a deliberate throwaway database',
    compose: y('services:', '  db:', '    image: postgres:16', '    tmpfs: /var/lib/postgresql/data'),
    expect: [],
  },
  {
    name: 'redis is not a database here',
    compose: y('services:', '  cache:', '    image: redis:7'),
    expect: [],
  },
]);
