// process.stdin: standard input (or the embedder's reader), read whole once a script listens, then given as
// 'data' and 'end' events, to async iteration, or through read(); enough for scripts that consume their input.
'use strict';

module.exports = (function makeStdin() {
  const EventEmitter = require('events');
  const stdin = new EventEmitter();
  let encoding = null;
  let started = false;
  let text;
  const content = () => (text === undefined ? (text = internals.host.readInput()) : text);
  const chunk = () => (encoding ? content() : require('buffer').Buffer.from(content()));
  const start = () => {
    if (started) return;
    started = true;
    setImmediate(() => {
      if (content().length > 0) stdin.emit('data', chunk());
      stdin.emit('end');
      stdin.emit('close');
    });
  };
  stdin.fd = 0;
  stdin.isTTY = false;
  stdin.setEncoding = (value) => { encoding = value || 'utf8'; return stdin; };
  stdin.resume = () => { start(); return stdin; };
  stdin.pause = () => stdin;
  stdin.on('newListener', (event) => { if (event === 'data' || event === 'end' || event === 'readable') start(); });
  stdin.read = () => (started ? null : (started = true, content().length > 0 ? chunk() : null));
  stdin[Symbol.asyncIterator] = async function* () {
    started = true;
    if (content().length > 0) yield chunk();
  };
  return stdin;
})();
