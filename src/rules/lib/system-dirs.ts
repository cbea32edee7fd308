/**
 * The filesystem's system directories: every image holds them already (`mkdir -p /var/log` creates nothing), and
 * `shared` ones other programs write in too, so a file of the app's there is given to the user, not the directory.
 */
const SYSTEM_DIRS: Record<string, { shared: boolean }> = {
  '/': { shared: false },
  '/etc': { shared: true },
  '/home': { shared: false },
  '/opt': { shared: true },
  '/run': { shared: true },
  '/srv': { shared: true },
  '/tmp': { shared: false },
  '/usr': { shared: true },
  '/usr/local': { shared: true },
  '/usr/share': { shared: false },
  '/usr/src': { shared: false },
  '/var': { shared: true },
  '/var/cache': { shared: false },
  '/var/lib': { shared: true },
  '/var/log': { shared: true },
  '/var/run': { shared: true },
  '/var/tmp': { shared: false },
};

/** A system directory every image holds. */
export const isStandardDirectory = (dir: string): boolean => Object.hasOwn(SYSTEM_DIRS, dir);

/** A system directory other programs write in too. */
export const isSharedDirectory = (dir: string): boolean => SYSTEM_DIRS[dir]?.shared === true;
