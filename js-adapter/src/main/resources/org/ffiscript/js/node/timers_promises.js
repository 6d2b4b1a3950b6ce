// node:timers/promises for ffi-script: the promise forms of the timers, over the same event loop.
'use strict';

function aborted(signal) {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  error.cause = signal.reason;
  return error;
}

function setTimeout(delay, value, options = {}) {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal && signal.aborted) return reject(aborted(signal));
    const id = globalThis.setTimeout(() => resolve(value), delay);
    if (signal) signal.addEventListener('abort', () => { globalThis.clearTimeout(id); reject(aborted(signal)); }, { once: true });
  });
}

function setImmediate(value, options = {}) {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal && signal.aborted) return reject(aborted(signal));
    globalThis.setImmediate(() => resolve(value));
  });
}

async function* setInterval(delay, value) {
  while (true) {
    await setTimeout(delay);
    yield value;
  }
}

module.exports = { setTimeout, setImmediate, setInterval, scheduler: { wait: (delay) => setTimeout(delay), yield: () => setImmediate() } };
