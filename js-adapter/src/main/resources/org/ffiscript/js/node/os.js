// node:os for ffi-script: the machine's facts, read from the system by the host.
'use strict';

const process = internals.host;
const host = process.os();

function cpus() {
  return Array.from(host.cpus(), (entry) => {
    const [model, speed] = entry.split('\u0000');
    return { model, speed: Number(speed), times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } };
  });
}

module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  platform: () => process.platform(),
  arch: () => process.arch(),
  machine: () => ({ x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' }[process.arch()] || process.arch()),
  type: () => host.osType(),
  release: () => host.osRelease(),
  version: () => host.osVersion(),
  hostname: () => host.hostname(),
  homedir: () => host.homedir(),
  tmpdir: () => host.tmpdir(),
  endianness: () => 'LE',
  cpus,
  availableParallelism: () => cpus().length,
  totalmem: () => host.systemMemory()[0],
  freemem: () => host.systemMemory()[1],
  loadavg: () => Array.from(host.loadavg()),
  uptime: () => host.systemUptime(),
  userInfo: () => ({ uid: -1, gid: -1, username: host.userName(), homedir: host.homedir(), shell: null }),
  networkInterfaces: () => ({}),
  constants: { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 }, errno: {}, priority: {} },
};
