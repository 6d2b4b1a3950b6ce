// node:timers for ffi-script: setTimeout, setInterval and setImmediate over the runtime's event loop, with Node's
// Timeout and Immediate objects. Loaded on first use, as the globals of the same names are.
'use strict';

const { services } = internals;

// Node's Timeout and Immediate objects: ref/unref decide whether a timer keeps the script running; the number
// they convert to is the timer's id, which clearTimeout also takes.
class TimerHandle {
  constructor(id) {
    Object.defineProperty(this, 'id', { value: id, writable: true });
    this.referenced = true;
  }

  ref() { this.referenced = true; services.referenceTimer(this.id, true); return this; }
  unref() { this.referenced = false; services.referenceTimer(this.id, false); return this; }
  hasRef() { return this.referenced; }
}
class Timeout extends TimerHandle {
  constructor(fn, delay, args, repeat) {
    super(services.setTimer(fn, delay, repeat, args));
    Object.defineProperty(this, 'timer', { value: { fn, delay, args, repeat } });
  }

  refresh() {
    services.clearTimer(this.id);
    const { fn, delay, args, repeat } = this.timer;
    this.id = services.setTimer(fn, delay, repeat, args);
    if (!this.referenced) services.referenceTimer(this.id, false);
    return this;
  }
  close() { services.clearTimer(this.id); return this; }
  [Symbol.toPrimitive]() { return this.id; }
}
class Immediate extends TimerHandle {
}
function timerId(timer) {
  return typeof timer === 'object' ? timer.id : Number(timer);
}
function callback(fn) {
  if (typeof fn !== 'function') {
    const error = new TypeError('The "callback" argument must be of type function. Received ' + (fn === null ? 'null' : typeof fn));
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  return fn;
}
const timers = {
  setTimeout: (fn, delay, ...args) => new Timeout(callback(fn), Number(delay) || 0, args, false),
  setInterval: (fn, delay, ...args) => new Timeout(callback(fn), Number(delay) || 0, args, true),
  setImmediate: (fn, ...args) => new Immediate(services.setImmediate(callback(fn), args)),
  clearTimeout: (timer) => { if (timer !== undefined && timer !== null) services.clearTimer(timerId(timer)); },
  clearInterval: (timer) => { if (timer !== undefined && timer !== null) services.clearTimer(timerId(timer)); },
  clearImmediate: (timer) => { if (timer !== undefined && timer !== null) services.clearTimer(timerId(timer)); },
};

module.exports = { ...timers, Timeout, Immediate };
