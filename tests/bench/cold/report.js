// Whole-process timings of short scripts, as a user waits for them: Node.js + ffi-rs against ./ffi-script's
// JavaScript and Groovy, the same script in each. Runs alternate (one of each runtime, then again), and each figure
// is the median of the runs. Then the warm-up curve: operations per 250 ms window over the first seconds.
//   node report.js LIBRARY FFI_SCRIPT [RUNS] [CURVE_SECONDS]
const { spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const [library, ffiScript] = [process.argv[2], process.argv[3]]
const runs = Number(process.argv[4] || 3)
const curveSeconds = Number(process.argv[5] || 8)
const here = __dirname
const timeCommand = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null // GNU time: peak memory

const runtimes = [
  { name: 'Node.js + ffi-rs', command: (script) => ['node', path.join(here, script + '.js')] },
  { name: './ffi-script .js', command: (script) => [ffiScript, path.join(here, script + '.js')] },
  { name: './ffi-script .groovy', command: (script) => [ffiScript, path.join(here, script + '.groovy')] },
]

function run(command, args) {
  const full = timeCommand ? [timeCommand, '-f', 'peak-kb %M', ...command, ...args] : [...command, ...args]
  const start = process.hrtime.bigint()
  const result = spawnSync(full[0], full.slice(1), { cwd: here, encoding: 'utf8', maxBuffer: 1 << 24 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0) {
    throw new Error(`${full.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`)
  }
  const peak = /peak-kb (\d+)/.exec(result.stderr)
  return { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : NaN, stdout: result.stdout.trim() }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function measure(label, script, args) {
  const samples = runtimes.map(() => [])
  for (let i = 0; i < runs; i++) {
    runtimes.forEach((runtime, r) => samples[r].push(run(runtime.command(script), args)))
  }
  const outputs = new Set(samples.map((runs) => runs[0].stdout))
  if (outputs.size !== 1) throw new Error(`${label}: the runtimes print different results: ${[...outputs].join(' / ')}`)
  return samples.map((runs) => ({ seconds: median(runs.map((r) => r.seconds)), peakMiB: median(runs.map((r) => r.peakMiB)) }))
}

const rows = []
rows.push(['hello (prints one line)', measure('hello', 'hello', [])])
for (const n of [1, 1000, 100000]) {
  rows.push([`N = ${n.toLocaleString('en-US')}`, measure(`N=${n}`, 'load-loop', [library, String(n)])])
}

const lines = []
lines.push(`Whole-process wall time, median of ${runs} alternating runs; in brackets, the ratio to Node.js + ffi-rs.`)
lines.push('A script doing N times sum(1, 2) + concatenateStrings("foo", "bar") + atoi("1000") through load.')
lines.push('')
lines.push(`| script | ${runtimes.map((r) => r.name).join(' | ')} |`)
lines.push(`|---|${runtimes.map(() => '---:').join('|')}|`)
for (const [label, results] of rows) {
  const base = results[0].seconds
  lines.push(`| ${label} | ${results.map((r, i) => `${r.seconds.toFixed(2)} s` + (i ? ` (${(r.seconds / base).toFixed(1)}x)` : '')).join(' | ')} |`)
}
if (timeCommand) {
  const hello = rows[0][1]
  lines.push('')
  lines.push(`Peak memory (RSS) of the one-line script: ${runtimes.map((r, i) => `${r.name} ${hello[i].peakMiB.toFixed(0)} MiB`).join(', ')}.`)
}

// The warm-up curve: one run each, the operations counted in each 250 ms window from the start of the loop.
const curves = runtimes.map((runtime) => JSON.parse(run(runtime.command('warm-up'), [library, String(curveSeconds)]).stdout))
lines.push('')
lines.push('Warm-up: README operations (three load calls each) per second, in each 250 ms window from the start of the loop.')
lines.push('')
lines.push(`| from | ${runtimes.map((r) => r.name).join(' | ')} |`)
lines.push(`|---:|${runtimes.map(() => '---:').join('|')}|`)
const thousands = (count) => `${Math.round(count * 4 / 1000).toLocaleString('en-US')}k`
for (let w = 0; w < curves[0].length; w++) {
  lines.push(`| ${(w / 4).toFixed(2)} s | ${curves.map((curve) => thousands(curve[w])).join(' | ')} |`)
}
console.log(lines.join('\n'))
