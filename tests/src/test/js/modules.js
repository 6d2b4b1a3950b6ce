// require() of a relative CommonJS module that exports struct descriptions, used for calls.
const { strictEqual, deepStrictEqual, ok, throws } = require('assert')
const { load, open, DataType } = require('ffi-rs')
const shapes = require('./lib/shapes.js')
const { POINT, VEC3, MINUTIA_SET, node, point } = shapes

open({ library: 'libsum', path: process.env.FFI_TESTLIB })

const call = (funcName, retType, paramsType, paramsValue) =>
  load({ library: 'libsum', funcName, retType, paramsType, paramsValue })

const testDescriptionsFromAModule = () => {
  deepStrictEqual(call('point_add', POINT, [POINT, POINT], [point(1, 2), point(3, 4)]), { x: 4, y: 6 })
  deepStrictEqual(call('vec3_scale', VEC3, [VEC3, DataType.Double], [{ x: 1, y: -2, z: 0.5 }, 2]), { x: 2, y: -4, z: 1 })
  const value = { count: 3, items: [{ x: 1, y: 2, dir: 3, kind: 4 }, { x: 5, y: 6, dir: 7, kind: 8 }, { x: 9, y: 10, dir: 11, kind: 12 }] }
  deepStrictEqual(call('echo_minutiae', MINUTIA_SET, [MINUTIA_SET], [value]), value)
  const list = node()
  strictEqual(call('list_sum', DataType.I32, [list], [call('make_list', list, [DataType.I32], [4])]), 10)
}

const testModuleSystem = () => {
  // one module object per file, whatever the request looks like
  strictEqual(require('./lib/shapes'), shapes)
  strictEqual(require('./lib/../lib/shapes.js'), shapes)
  // the module saw its own file name and directory, and the same ffi-rs
  ok(shapes.loadedFrom.endsWith('/lib/shapes.js'), shapes.loadedFrom)
  ok(shapes.directory.endsWith('/lib'), shapes.directory)
  strictEqual(require('ffi-rs'), require('ffi-rs'))
  strictEqual(require('ffi-rs').DataType, DataType)
  throws(() => require('./lib/no-such-module'), /Cannot find module '\.\/lib\/no-such-module'/)
  throws(() => require('no-such-package'), /Cannot find module 'no-such-package'/)
}

const run = require('./lib/run-tests.js')

run('modules', [
  testDescriptionsFromAModule,
  testModuleSystem,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
