// Prints the cross-runtime table from the JSON lines the runs wrote, with the ratios the project aims at.
const fs = require('fs')
const results = {}
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.startsWith('[')) for (const r of JSON.parse(line)) results[r.name] = Math.max(results[r.name] || 0, r.opsPerSecond)
}
const passes = Number(process.argv[3] || 1)
const rows = Object.entries(results).sort((a, b) => b[1] - a[1])
console.log(`\nsum(1, 2) + concatenateStrings("foo", "bar") + atoi("1000"), best of ${passes} pass${passes === 1 ? '' : 'es'} on this machine:\n`)
console.log('| runtime | ops/s |')
console.log('|---|---:|')
for (const [name, ops] of rows) console.log(`| ${name} | ${ops.toLocaleString('en-US')} |`)
const ratio = (a, b) => (results[a] && results[b] ? (results[a] / results[b]).toFixed(2) + 'x' : 'n/a')
console.log('\n| target | ratio | goal |')
console.log('|---|---:|---:|')
console.log(`| ffi-script JS load / ffi-rs load | ${ratio('ffi-script js load', 'ffi-rs load')} | 20x |`)
console.log(`| ffi-script JS define / koffi | ${ratio('ffi-script js define', 'koffi')} | 1x |`)
console.log(`| ffi-script Groovy load / ffi-rs load | ${ratio('ffi-script groovy load', 'ffi-rs load')} | 10x |`)
console.log(`| ffi-script JS define / ffi-rs define | ${ratio('ffi-script js define', 'ffi-rs define')} | - |`)
