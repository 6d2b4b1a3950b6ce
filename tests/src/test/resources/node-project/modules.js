// require as Node documents it; prints facts that must match Node's output exactly
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (error) {
    console.log(label, 'threw', error.code, error.message.split('\n')[0].replace(__dirname, '.'));
  }
};
show('main field:', () => require('with-main'));
show('exports require condition:', () => require('with-exports'));
show('exports subpath:', () => require('with-exports/feature'));
show('exports pattern:', () => require('with-exports/features/a'));
show('exports hides the rest:', () => require('with-exports/dist/hidden.js'));
show('nested node_modules:', () => require('depends'));
show('scoped package:', () => require('@scope/pkg'));
show('json:', () => require('./lib/data.json'));
show('folder index:', () => require('./lib'));
show('cycle:', () => require('./lib/a'));
show('package imports:', () => require('#internal'));
show('resolve:', () => rel(require.resolve('with-exports/feature')));
show('resolve.paths:', () => require.resolve.paths('x').slice(0, 2).map(rel));
show('module.paths:', () => module.paths.slice(0, 2).map(rel));
show('builtin with prefix:', () => require('node:path') === require('path'));
show('builtin fs:', () => typeof require('fs').readFileSync);
show('require of an ES module:', () => { const m = require('esm-required'); return [m.named, m.default()]; });
show('esm-only from require:', () => require('esm-only'));
show('missing:', () => require('no-such-package'));
show('missing file:', () => require('./no-such-file'));
show('cache:', () => Object.keys(require.cache).map(rel).filter((p) => p.startsWith('lib')).sort());
show('main:', () => require.main === module);
show('module.id:', () => module.id);
show('builtinModules has fs:', () => require('module').builtinModules.includes('fs'));
import('with-exports').then((m) => console.log('dynamic import from CommonJS:', m.kind, Object.keys(m)));
