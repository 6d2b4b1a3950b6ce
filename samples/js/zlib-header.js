// A library's whole header in one call: zlib.h, preprocessed by the system's cpp, declared, and every function
// defined against libz. Run: ./ffi-script samples/js/zlib-header.js (it says so and stops where zlib is absent).
const { open, preprocess, defineHeader } = require('ffi-rs')

let header
try {
  header = preprocess('/usr/include/zlib.h')
  open({ library: 'libz', path: process.platform === 'darwin' ? 'libz.dylib' : 'libz.so.1' })
} catch (error) {
  console.log(`zlib: skipped, ${error.message}`)
  process.exit(0)
}

const zlib = defineHeader({ library: 'libz', header })
const { zlibVersion, crc32, adler32, compressBound } = zlib.functions
console.log(`zlib ${zlibVersion([])}: ${Object.keys(zlib.functions).length} functions defined`)
// The header includes parts of libc; what zlib.h itself declares but cannot be called is named with its line.
for (const { file, line, construct, reason } of zlib.skipped.filter(({ file }) => file?.endsWith('zlib.h'))) {
  console.log(`  skipped ${construct} at ${file}:${line}: ${reason.replace(/^.*?column \d+: /, '')}`)
}

const text = Buffer.from('hello, hello, hello, hello')
console.log(`crc32 = ${crc32([0, text, text.length]).toString(16)}, adler32 = ${adler32([1, text, text.length]).toString(16)}`)
console.log(`compressBound(1000) = ${compressBound([1000])}`)
