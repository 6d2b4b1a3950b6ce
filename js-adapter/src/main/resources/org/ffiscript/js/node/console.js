// The console global (node:console) for ffi-script: lines to the runtime's standard streams. Loaded on first use.
'use strict';

const { services, host } = internals;
const util = () => require('util');

// Strings and numbers print as they are, without loading util: most lines a script prints are only those.
function formatted(args) {
  let text = '';
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    const type = typeof value;
    if (type === 'string' ? i === 0 && args.length > 1 && value.includes('%') : type !== 'number' || Object.is(value, -0)) {
      return util().format(...args);
    }
    text += (i === 0 ? '' : ' ') + value;
  }
  return text;
}
const print = (toStandardError) => (...args) => services.print(formatted(args), toStandardError);
const console = {
  log: print(false), info: print(false), debug: print(false), warn: print(true), error: print(true),
  trace: (...args) => services.print('Trace: ' + util().format(...args) + '\n' + new Error().stack.split('\n').slice(2).join('\n'), true),
  dir: (value, options) => services.print(util().inspect(value, options), false),
  assert: (value, ...args) => { if (!value) services.print('Assertion failed' + (args.length ? ': ' + util().format(...args) : ''), true); },
  table: (...args) => services.print(util().format(...args), false),
  time: (label = 'default') => { counters.set('time:' + label, host.nanoTime()); },
  timeEnd: (label = 'default') => {
    const start = counters.get('time:' + label);
    if (start !== undefined) {
      counters.delete('time:' + label);
      services.print(`${label}: ${formatMillis(Number(host.nanoTime() - start) / 1e6)}`, false);
    }
  },
  timeLog: (label = 'default', ...args) => {
    const start = counters.get('time:' + label);
    if (start !== undefined) services.print(`${label}: ${formatMillis(Number(host.nanoTime() - start) / 1e6)}` + (args.length ? ' ' + util().format(...args) : ''), false);
  },
  count: (label = 'default') => {
    const count = (counters.get('count:' + label) || 0) + 1;
    counters.set('count:' + label, count);
    services.print(`${label}: ${count}`, false);
  },
  countReset: (label = 'default') => { counters.delete('count:' + label); },
  group: (...args) => { if (args.length) console.log(...args); },
  groupEnd: () => {},
};
const counters = new Map();
function formatMillis(ms) {
  return ms >= 1000 ? (ms / 1000).toFixed(3) + 's' : ms.toFixed(3) + 'ms';
}

module.exports = console;
