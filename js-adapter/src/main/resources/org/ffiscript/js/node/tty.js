// node:tty for ffi-script: whether a descriptor is a terminal (the C library's isatty), and the stream classes'
// names, for packages that only check them.
'use strict';

const { host } = internals;

class ReadStream {
  constructor(fd) {
    this.fd = fd;
    this.isTTY = host.isatty(fd);
  }
}

class WriteStream {
  constructor(fd) {
    this.fd = fd;
    this.isTTY = host.isatty(fd);
    this.columns = 80;
    this.rows = 24;
  }

  getColorDepth() {
    return 8;
  }

  hasColors(count = 16) {
    return count <= 256;
  }
}

module.exports = { isatty: (fd) => Number.isInteger(fd) && fd >= 0 && host.isatty(fd), ReadStream, WriteStream };
