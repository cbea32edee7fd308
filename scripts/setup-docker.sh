#!/usr/bin/env bash
# Prepares a Debian machine for the Docker test suites: a running Docker engine and the local test
# images, built from Debian packages because no image registry is reachable (only Debian's archive is).
#
#   tfr-test/django-base:bookworm  python3, Django, psycopg2, gunicorn, pip (satisfied pins install offline)
#   tfr-test/postgres:15, :latest  PostgreSQL, with an entrypoint compatible with the official image's
#
# Idempotent: when the engine answers and the images exist, it only checks (well under a second).
# Usage: bash scripts/setup-docker.sh [--rebuild]
# Environment: TFR_DEBIAN_MIRROR (default: the mirror apt is configured with), TFR_CACHE_DIR (.deb cache,
# /var/cache/tfr-debootstrap), TFR_DOCKERD_LOG (/tmp/tfr-dockerd.log), TFR_DOCKERD_TIMEOUT (60 s).
set -euo pipefail

readonly SUITE=bookworm
readonly PG_MAJOR=15 # what bookworm ships
readonly DJANGO_IMAGE=tfr-test/django-base:$SUITE
readonly POSTGRES_IMAGE=tfr-test/postgres:$PG_MAJOR
readonly POSTGRES_LATEST=tfr-test/postgres:latest
readonly DJANGO_PACKAGES=(
  python3 python-is-python3 python3-django python3-psycopg2 gunicorn python3-pip ca-certificates
)
readonly CACHE_DIR=${TFR_CACHE_DIR:-/var/cache/tfr-debootstrap}
readonly DOCKERD_LOG=${TFR_DOCKERD_LOG:-/tmp/tfr-dockerd.log}
readonly DOCKERD_TIMEOUT=${TFR_DOCKERD_TIMEOUT:-60}
readonly LOG_DIR=/tmp/tfr-setup-docker
readonly CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export DEBIAN_FRONTEND=noninteractive

START=$EPOCHREALTIME
WORK=''
BUILD_PIDS=()
APT_UPDATED=''

log() { printf '[setup-docker %5ss] %s\n' "$(since "$START")" "$*"; }
warn() { log "warning: $*" >&2; }
die() {
  log "error: $*" >&2
  exit 1
}
# Seconds elapsed since an $EPOCHREALTIME value, one decimal.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# The header comment.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

engine_ok() { timeout 20 docker info >/dev/null 2>&1; }
images_present() { docker image inspect "$@" >/dev/null 2>&1; }

# --- Docker engine ----------------------------------------------------------------------------------------

apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    apt-get update -qq 9>&-
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  # 9>&-: a daemon started by a package's init script must not inherit (and hold) our lock.
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null 9>&-
}

# dockerd needs cgroups; machines without systemd (or another init that mounts them) may have none.
ensure_cgroups() {
  if awk '$3 == "cgroup" || $3 == "cgroup2" { found = 1 } END { exit !found }' /proc/mounts; then return 0; fi
  log "no cgroup filesystem is mounted; mounting one for dockerd"
  mkdir -p /sys/fs/cgroup
  if mount -t cgroup2 none /sys/fs/cgroup 2>/dev/null; then
    # A cgroup2 without controllers (the kernel has them on v1 hierarchies) cannot run containers.
    if [ -s /sys/fs/cgroup/cgroup.controllers ]; then return 0; fi
    umount /sys/fs/cgroup
  fi
  mount -t tmpfs -o mode=0755 cgroup /sys/fs/cgroup
  local ss
  awk '!/^#/ && $4 == 1 { print $1 }' /proc/cgroups | while read -r ss; do
    mkdir -p "/sys/fs/cgroup/$ss"
    mount -t cgroup -o "$ss" cgroup "/sys/fs/cgroup/$ss" || warn "could not mount the $ss cgroup"
  done
}

# Waits until the engine answers or the dockerd with the given pid exits; fails on exit or timeout.
wait_engine() {
  local pid=$1 deadline=$((SECONDS + DOCKERD_TIMEOUT))
  while ((SECONDS < deadline)); do
    if engine_ok; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

start_dockerd() {
  local driver pid
  for driver in overlay2 vfs; do
    log "starting dockerd --storage-driver=$driver (log: $DOCKERD_LOG)"
    printf '\n=== %s: dockerd --storage-driver=%s\n' "$(date -Is)" "$driver" >>"$DOCKERD_LOG"
    # setsid: the engine outlives this script and the terminal or CI step that ran it.
    setsid dockerd --storage-driver="$driver" </dev/null >>"$DOCKERD_LOG" 2>&1 9>&- &
    pid=$!
    if wait_engine "$pid"; then
      log "dockerd (pid $pid, $driver) answers"
      return 0
    fi
    if kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$DOCKERD_LOG" >&2
      die "dockerd (pid $pid) is running but did not answer within ${DOCKERD_TIMEOUT}s; see $DOCKERD_LOG"
    fi
    warn "dockerd exited with the $driver storage driver:"
    tail -n 5 "$DOCKERD_LOG" >&2
  done
  die "dockerd did not start with overlay2 nor vfs; see $DOCKERD_LOG"
}

ensure_engine() {
  if engine_ok; then return 0; fi
  log "docker info fails: installing and starting the Docker engine"
  local need=()
  { command -v dockerd && command -v docker && command -v containerd && command -v runc; } >/dev/null ||
    need+=(docker.io)
  command -v iptables >/dev/null || need+=(iptables)
  if ((${#need[@]})); then apt_install "${need[@]}"; fi
  # The package's init script, or a dockerd started just before us, may already be coming up.
  local running
  running=$(pidof -s dockerd || true)
  if [ -n "$running" ]; then
    log "a dockerd is already running (pid $running); waiting for it"
    wait_engine "$running" ||
      die "the running dockerd (pid $running) does not answer: $(docker info 2>&1 | tail -n 3)"
    return 0
  fi
  ensure_cgroups
  start_dockerd
}

# --- Debian mirror ----------------------------------------------------------------------------------------

# Prints "URI SUITE" for every enabled deb entry apt is configured with, in apt's order (one-line and deb822).
apt_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && NF >= 3 { print $2, $3 }'
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk '
      function flush(   n, m, i, j, u, s) {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && tolower(enabled) != "no") {
          n = split(uris, u, " "); m = split(suites, s, " ")
          for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print u[i], s[j]
        }
        types = uris = suites = enabled = field = ""
      }
      /^#/ { next }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]/ {
        if (field == "uris") uris = uris " " $0; else if (field == "suites") suites = suites " " $0
        next
      }
      {
        i = index($0, ":"); field = tolower(substr($0, 1, i - 1)); v = substr($0, i + 1)
        gsub(/^[ \t]+|[ \t]+$/, "", v)
        if (field == "types") types = v; else if (field == "uris") uris = v
        else if (field == "suites") suites = v; else if (field == "enabled") enabled = v
      }
      END { flush() }' "$f"
  done
}

# The first configured http(s) URI that serves the given suite.
mirror_for() {
  # Reads all input (no early exit): under pipefail, a writer killed by SIGPIPE would fail the pipeline.
  apt_entries | awk -v want="$1" '
    !found && $1 ~ /^https?:\/\// && $2 == want { sub(/\/+$/, "", $1); print $1; found = 1 }'
}

detect_mirrors() {
  MIRROR=${TFR_DEBIAN_MIRROR:-}
  if [ -z "$MIRROR" ] && grep -qx 'ID=debian' /etc/os-release 2>/dev/null; then
    MIRROR=$(mirror_for "$SUITE")
    [ -n "$MIRROR" ] || MIRROR=$(mirror_for stable)
  fi
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
  # Only the pockets the host itself uses: on a locked-down network, other hosts are unreachable.
  UPDATES_MIRROR=$(mirror_for "$SUITE-updates")
  SECURITY_MIRROR=$(mirror_for "$SUITE-security")
  log "Debian mirror: $MIRROR (updates: ${UPDATES_MIRROR:-none}, security: ${SECURITY_MIRROR:-none})"
}

# --- root filesystems -------------------------------------------------------------------------------------

# Runs a command inside a root filesystem with a clean environment.
in_root() {
  local root=${1:?}
  shift
  chroot "$root" /usr/bin/env -i PATH="$CHROOT_PATH" HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true "$@"
}

# /proc, and /dev when debootstrap left it empty (inside containers it binds devices rather than create them).
mount_root() {
  local root=${1:?} dev
  mount -t proc proc "$root/proc"
  if [ ! -c "$root/dev/null" ]; then
    mount -t tmpfs -o mode=0755 tmpfs "$root/dev"
    for dev in null zero full random urandom tty; do
      touch "$root/dev/$dev"
      mount --bind "/dev/$dev" "$root/dev/$dev"
    done
  fi
}

# Unmounts everything mounted under a directory, deepest first.
unmount_under() {
  local dir mnt
  dir=$(realpath "$1")
  awk -v d="$dir/" 'index($2 "/", d) == 1 { print $2 }' /proc/self/mounts | sort -r | while read -r mnt; do
    umount "$mnt" 2>/dev/null || umount -l "$mnt"
  done
}

# Hard-links (or copies) the cached .debs into a root so apt downloads only what is new.
seed_debs() {
  local dest=$1/var/cache/apt/archives
  local debs=("$CACHE_DIR"/*.deb)
  [ -e "${debs[0]}" ] || return 0
  cp -l -t "$dest" "${debs[@]}" 2>/dev/null || cp -t "$dest" "${debs[@]}"
}

# Adds the .debs apt downloaded into a root to the cache (temp name + rename: builds run concurrently).
save_debs() {
  local f name
  for f in "$1"/var/cache/apt/archives/*.deb; do
    [ -e "$f" ] || continue
    name=${f##*/}
    [ -e "$CACHE_DIR/$name" ] && continue
    cp "$f" "$CACHE_DIR/.$name.$BASHPID" && mv -f "$CACHE_DIR/.$name.$BASHPID" "$CACHE_DIR/$name"
  done
}

in_root_apt() {
  local root=${1:?} rc=0
  shift
  seed_debs "$root"
  in_root "$root" apt-get "$@" || rc=$?
  save_debs "$root"
  in_root "$root" apt-get clean
  return "$rc"
}

# debootstrap --variant=minbase, then the apt sources, no docs, no service starts, and the pockets' updates.
build_base() {
  local root=${1:?}
  log "debootstrap --variant=minbase $SUITE from $MIRROR (log: $LOG_DIR/debootstrap.log)"
  # DPKG_FORCE reaches the dpkg debootstrap runs in the target: no fsync per file, which dominates on slow
  # disks. It replaces dpkg's default force flags, hence those two listed again.
  if ! DPKG_FORCE=unsafe-io,security-mac,downgrade LC_ALL=C debootstrap --variant=minbase \
    --cache-dir="$CACHE_DIR" "$SUITE" "$root" "$MIRROR" >"$LOG_DIR/debootstrap.log" 2>&1; then
    tail -n 30 "$LOG_DIR/debootstrap.log" >&2
    die "debootstrap failed; see $LOG_DIR/debootstrap.log"
  fi

  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s%s\nComponents: main\n' "$MIRROR" "$SUITE" \
      "$([ "$UPDATES_MIRROR" = "$MIRROR" ] && echo " $SUITE-updates")"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ -n "$UPDATES_MIRROR" ] && [ "$UPDATES_MIRROR" != "$MIRROR" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-updates\nComponents: main\n' "$UPDATES_MIRROR" "$SUITE"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
    if [ -n "$SECURITY_MIRROR" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n' "$SECURITY_MIRROR" "$SUITE"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$root/etc/apt/sources.list.d/debian.sources"

  # As in Debian's official images: services never start at install time, dpkg does not fsync (an image build
  # that dies is thrown away anyway), and no docs (copyrights stay).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/{man,groff,info,lintian,linda}/*
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +

  log "apt-get update && apt-get upgrade in the base"
  mount_root "$root"
  record_debs "$root" # what debootstrap installs, before the upgrade
  in_root "$root" apt-get update -qq >>"$LOG_DIR/debootstrap.log" 2>&1 ||
    die "apt-get update in the base failed; see $LOG_DIR/debootstrap.log"
  in_root_apt "$root" -y -qq upgrade >>"$LOG_DIR/debootstrap.log" 2>&1 ||
    die "apt-get upgrade in the base failed; see $LOG_DIR/debootstrap.log"
  unmount_under "$root"
  rm -rf "$root/debootstrap"
}

# A root's installed packages as .deb file names (as apt and debootstrap name them), for prune_cache to keep.
record_debs() {
  local root=${1:?}
  # shellcheck disable=SC2016 # dpkg-query's format, not the shell's
  in_root "$root" dpkg-query -W -f '${Package}_${Version}_${Architecture}.deb\n' | sed 's/:/%3a/' \
    >"$WORK/${root##*/}.debs"
}

# Leaves out what is host- or build-specific; the engine provides hosts, hostname and resolv.conf at run time.
finish_root() {
  local root=${1:?}
  record_debs "$root"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/debconf/*-old \
    "$root"/var/lib/dpkg/*-old "$root"/var/log/apt/* "$root"/tmp/* "$root"/var/tmp/* "$root"/root/.cache
  find "$root/var/log" -type f -delete
  : >"$root/etc/resolv.conf"
  : >"$root/etc/hostname"
  unmount_under "$root"
}

# tar | docker import, with the image config given as Dockerfile instructions.
import_root() {
  local root=${1:?} tag=$2
  shift 2
  local changes=() c
  for c in "$@"; do changes+=(--change "$c"); done
  tar --numeric-owner --one-file-system -C "$root" \
    --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
    docker import "${changes[@]}" --message "tfr-test: debootstrap --variant=minbase $SUITE from $MIRROR" \
      - "$tag" >/dev/null
}

build_django() {
  local root=${1:?}
  in_root_apt "$root" install -y -qq --no-install-recommends "${DJANGO_PACKAGES[@]}"
  in_root "$root" python3 -c 'import django, psycopg2, gunicorn'
  finish_root "$root"
  import_root "$root" "$DJANGO_IMAGE" \
    "ENV PATH=$CHROOT_PATH" \
    'ENV LANG=C.UTF-8' \
    'ENV PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore' \
    'CMD ["python3"]'
}

build_postgres() {
  local root=${1:?} bin=/usr/lib/postgresql/$PG_MAJOR/bin tmp=tfr-test/postgres:import
  # As the official image: no Debian "main" cluster; the entrypoint initialises $PGDATA on first start.
  in_root_apt "$root" install -y -qq --no-install-recommends postgresql-common
  sed -ri 's/^#?[[:space:]]*(create_main_cluster)[[:space:]]*=.*/\1 = false/' \
    "$root/etc/postgresql-common/createcluster.conf"
  # No LLVM JIT, a third of the image: without llvmjit.so PostgreSQL simply does not JIT. Files are excluded,
  # not packages, so that dpkg stays consistent for images built FROM this one.
  cat >"$root/etc/dpkg/dpkg.cfg.d/tfr-no-llvm-jit" <<EOF
path-exclude /usr/lib/*/libLLVM-*
path-exclude /usr/lib/*/libz3.so*
path-exclude /usr/lib/postgresql/$PG_MAJOR/lib/llvmjit*
path-exclude /usr/lib/postgresql/$PG_MAJOR/lib/bitcode/*
EOF
  in_root_apt "$root" install -y -qq --no-install-recommends postgresql
  [ -x "$root$bin/postgres" ] || die "bookworm's postgresql is not PostgreSQL $PG_MAJOR (no $bin/postgres)"
  [ ! -e "$root/var/lib/postgresql/$PG_MAJOR/main" ] || die "a Debian main cluster was created"
  local sample=$root/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample
  sed -ri "s/^#?(listen_addresses)[[:space:]]*=[[:space:]]*'[^']*'/\1 = '*'/" "$sample"
  grep -q "^listen_addresses = '\*'" "$sample" || die "could not set listen_addresses in $sample"
  mkdir -p "$root/docker-entrypoint-initdb.d" "$root/var/lib/postgresql/data" "$root/run/postgresql"
  in_root "$root" chown postgres:postgres /var/lib/postgresql/data /run/postgresql
  chmod 700 "$root/var/lib/postgresql/data"
  chmod 3777 "$root/run/postgresql"
  write_entrypoint >"$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
  finish_root "$root"
  import_root "$root" "$tmp" \
    "ENV PATH=$bin:$CHROOT_PATH" \
    "ENV LANG=C.UTF-8 PG_MAJOR=$PG_MAJOR PGDATA=/var/lib/postgresql/data" \
    'VOLUME /var/lib/postgresql/data' \
    'EXPOSE 5432' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["postgres"]'
  # docker import cannot set STOPSIGNAL; SIGINT is PostgreSQL's fast shutdown (SIGTERM waits for clients).
  printf 'FROM %s\nSTOPSIGNAL SIGINT\n' "$tmp" |
    docker build -q -t "$POSTGRES_IMAGE" -t "$POSTGRES_LATEST" - >/dev/null
  docker rmi "$tmp" >/dev/null
}

# The subset of the official postgres image's docker-entrypoint.sh that the test suites and fixtures rely on.
write_entrypoint() {
  cat <<'EOF'
#!/usr/bin/env bash
# tfr-test/postgres entrypoint, after the official image's: POSTGRES_PASSWORD (required unless
# POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (postgres), POSTGRES_DB ($POSTGRES_USER), their _FILE
# variants, POSTGRES_INITDB_ARGS, POSTGRES_INITDB_WALDIR, POSTGRES_HOST_AUTH_METHOD (scram-sha-256), PGDATA,
# and /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz on first start.
set -Eeuo pipefail

# VAR from $VAR or from the file named by $VAR_FILE.
file_env() {
  local var=$1 file_var=${1}_FILE value=${2:-}
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    echo >&2 "error: both $var and $file_var are set (but are exclusive)"
    exit 1
  fi
  if [ -n "${!var:-}" ]; then value=${!var}; elif [ -n "${!file_var:-}" ]; then value=$(<"${!file_var}"); fi
  export "$var=$value"
  unset "$file_var"
}

if [ "$#" -eq 0 ] || [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
if [ "$1" != postgres ]; then exec "$@"; fi

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chmod 700 "$PGDATA"
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chown postgres:postgres /run/postgresql
  chmod 3777 /run/postgresql
  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    mkdir -p "$POSTGRES_INITDB_WALDIR"
    find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres:postgres '{}' +
  fi
  export HOME=/var/lib/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "${BASH_SOURCE[0]}" "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS

if [ -s "$PGDATA/PG_VERSION" ]; then
  echo "PostgreSQL Database directory appears to contain a database; Skipping initialization"
else
  if [ -z "$POSTGRES_PASSWORD" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    cat >&2 <<'EOM'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.
EOM
    exit 1
  fi

  initdb_args=(--username="$POSTGRES_USER")
  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then initdb_args+=(--waldir="$POSTGRES_INITDB_WALDIR"); fi
  # POSTGRES_INITDB_ARGS is a shell-quoted string, as in the official image. The password goes through a pipe
  # that must stay open while initdb runs, hence in the same command.
  if [ -n "$POSTGRES_PASSWORD" ]; then
    eval 'initdb "${initdb_args[@]}" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"
  else
    eval 'initdb "${initdb_args[@]}" '"$POSTGRES_INITDB_ARGS"
  fi

  shift # "postgres": the rest are server options
  auth=${POSTGRES_HOST_AUTH_METHOD:-$(postgres -C password_encryption "$@")}
  {
    echo
    if [ "$auth" = trust ]; then echo '# warning: trust is enabled for all connections'; fi
    echo "host all all all $auth"
  } >>"$PGDATA/pg_hba.conf"

  # Initialise behind the unix socket only, so that a TCP connection means the real server is up.
  pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@" -c listen_addresses='' -p "${PGPORT:-5432}")" -w start
  psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ "$POSTGRES_DB" != postgres ]; then
    exists=$("${psql[@]}" --dbname postgres --tuples-only --set db="$POSTGRES_DB" \
      <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
    if [ -z "${exists//[[:space:]]/}" ]; then
      "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        # shellcheck source=/dev/null
        if [ -x "$f" ]; then echo "$0: running $f"; "$f"; else echo "$0: sourcing $f"; . "$f"; fi ;;
      *.sql) echo "$0: running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
      */\*) ;;
      *) echo "$0: ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  set -- postgres "$@"
  echo 'PostgreSQL init process complete; ready for start up.'
fi

exec "$@"
EOF
}

# Runs one image build in the background, its output in a log file.
start_build() {
  local name=$1 fn=$2
  cp -ax "$WORK/base" "$WORK/$name"
  (
    trap 'unmount_under "$WORK/$name"' EXIT
    t=$EPOCHREALTIME
    mount_root "$WORK/$name"
    "$fn" "$WORK/$name"
    unmount_under "$WORK/$name"
    rm -rf --one-file-system "${WORK:?}/$name"
    echo "built in $(since "$t")s"
  ) >"$LOG_DIR/$name.log" 2>&1 &
  BUILD_PIDS+=($!)
  BUILD_NAMES+=("$name")
}

# Drops cached .debs that no image built in this run installed (superseded versions).
prune_cache() {
  local stale
  mapfile -t stale < <(find "$CACHE_DIR" -maxdepth 1 -name '*.deb' -printf '%f\n' |
    awk 'NR == FNR { keep[$0]; next } !($0 in keep)' <(cat "$WORK"/*.debs) -)
  if ((${#stale[@]})); then
    log "pruning ${#stale[@]} superseded .debs from the cache"
    (cd "$CACHE_DIR" && rm -f -- "${stale[@]}")
  fi
}

ensure_images() {
  local build_django='' build_postgres='' old_ids=()
  if [ -n "$REBUILD" ] || ! images_present "$DJANGO_IMAGE"; then build_django=1; fi
  if [ -n "$REBUILD" ] || ! images_present "$POSTGRES_IMAGE"; then build_postgres=1; fi
  if [ -z "$build_django$build_postgres" ]; then
    if ! images_present "$POSTGRES_LATEST"; then docker tag "$POSTGRES_IMAGE" "$POSTGRES_LATEST"; fi
    return 0
  fi
  if [ -n "$REBUILD" ]; then
    mapfile -t old_ids < <(docker image inspect -f '{{.Id}}' "$DJANGO_IMAGE" "$POSTGRES_IMAGE" 2>/dev/null)
  fi

  local need=()
  command -v debootstrap >/dev/null || need+=(debootstrap)
  [ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || need+=(debian-archive-keyring)
  if ((${#need[@]})); then apt_install "${need[@]}"; fi
  detect_mirrors
  mkdir -p "$CACHE_DIR" "$LOG_DIR"
  # Not under /tmp: a tmpfs /tmp may be nodev or noexec, which debootstrap cannot work in.
  WORK=$(mktemp -d /var/tmp/tfr-images.XXXXXX)

  local t=$EPOCHREALTIME
  build_base "$WORK/base"
  log "base ready in $(since "$t")s"

  # Each build has its own root; only the .deb cache is shared, and it is written by rename.
  BUILD_NAMES=()
  if [ -n "$build_django" ]; then start_build django build_django; fi
  if [ -n "$build_postgres" ]; then start_build postgres build_postgres; fi
  rm -rf --one-file-system "${WORK:?}/base"
  log "building ${BUILD_NAMES[*]} concurrently (logs: $LOG_DIR/<name>.log)"
  local i failed=''
  for i in "${!BUILD_PIDS[@]}"; do
    if wait "${BUILD_PIDS[$i]}"; then
      log "${BUILD_NAMES[$i]}: $(tail -n 1 "$LOG_DIR/${BUILD_NAMES[$i]}.log")"
    else
      tail -n 30 "$LOG_DIR/${BUILD_NAMES[$i]}.log" >&2
      warn "${BUILD_NAMES[$i]} failed; see $LOG_DIR/${BUILD_NAMES[$i]}.log"
      failed=1
    fi
  done
  BUILD_PIDS=()
  [ -z "$failed" ] || die "image build failed"
  if [ -n "$build_django" ] && [ -n "$build_postgres" ]; then prune_cache; fi
  for i in "${old_ids[@]}"; do docker rmi "$i" >/dev/null 2>&1 || true; done
  log "images built in $(since "$t")s (.deb cache: $CACHE_DIR, $(du -sh "$CACHE_DIR" | cut -f1))"
}

cleanup() {
  local pid
  for pid in "${BUILD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${BUILD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    unmount_under "$WORK"
    rm -rf --one-file-system "$WORK"
  fi
}

main() {
  REBUILD=''
  case "${1:-}" in
    '') ;;
    --rebuild) REBUILD=1 ;;
    -h | --help) usage; return 0 ;;
    *) die "unknown argument '$1'. Expected --rebuild or --help." ;;
  esac

  if [ -z "$REBUILD" ] && engine_ok &&
    images_present "$DJANGO_IMAGE" "$POSTGRES_IMAGE" "$POSTGRES_LATEST"; then
    log "Docker engine answers and the tfr-test images exist; nothing to do"
    docker images 'tfr-test/*'
    return 0
  fi

  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "this needs root (to install packages, start dockerd, run debootstrap)"
    log "re-running as root with sudo"
    exec sudo -E bash "$(realpath "$0")" "$@"
  fi

  # One setup at a time: parallel CI jobs on one machine would otherwise race for dockerd and the images.
  local lock_dir=/run/lock
  [ -d "$lock_dir" ] || lock_dir=/tmp
  exec 9>"$lock_dir/tfr-setup-docker.lock"
  if ! flock -n 9; then
    log "another setup-docker.sh is running; waiting for it"
    flock 9
  fi
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  ensure_engine
  log "Docker engine: server $(docker version -f '{{.Server.Version}}') ($(docker info -f '{{.Driver}}'))"
  ensure_images
  log "done in $(since "$START")s"
  docker images 'tfr-test/*'
}

main "$@"
