// node:stream for ffi-script: not supported beyond what fs's whole-file streams give. A full stream implementation
// (the npm package readable-stream) is not published as a WebJar that resolves here; the error says so at first use.
'use strict';

const EventEmitter = require('events');

function unsupported(name) {
  return class extends EventEmitter {
    constructor() {
      super();
      const error = new Error(`stream.${name} is not supported by ffi-script; fs.createReadStream and fs.createWriteStream work on whole files`);
      error.code = 'ERR_NOT_SUPPORTED';
      throw error;
    }
  };
}

module.exports = { Stream: EventEmitter, Readable: unsupported('Readable'), Writable: unsupported('Writable'),
  Duplex: unsupported('Duplex'), Transform: unsupported('Transform'), PassThrough: unsupported('PassThrough') };
