// Shared by the JavaScript benchmarks (Node.js and ffi-script): runs an operation for a while, reports ops/s.
// The operation of ffi-rs's README benchmark: sum(1, 2), concatenateStrings("foo", "bar"), atoi("1000").

// Counts the operations done in a given time. The warm-up runs this same code, so that the loop that measures
// is compiled too: GraalJS compiles a loop met for the first time while it runs, and until then its iterations
// would be counted at the interpreter's speed.
function countFor(operation, ms) {
  let count = 0
  const end = Date.now() + ms
  while (Date.now() < end) {
    for (let i = 0; i < 1000; i++) operation()
    count += 1000
  }
  return count
}

function measure(name, operation, seconds) {
  // Warm up long enough for every runtime's JIT: GraalJS's compiler runs as Java code on a stock JDK and needs
  // several seconds on two cores before the call path is compiled.
  for (let end = Date.now() + 20000; Date.now() < end;) countFor(operation, 100)
  const rounds = []
  for (let round = 0; round < 5; round++) {
    const start = Date.now()
    const count = countFor(operation, (seconds || 1) * 1000)
    rounds.push(count / ((Date.now() - start) / 1000))
  }
  rounds.sort((a, b) => a - b)
  return { name, opsPerSecond: Math.round(rounds[2]) } // the median of five
}

function check(name, operation) {
  const result = operation()
  if (result !== 1003 + 6) throw new Error(name + ': wrong result ' + result)
}

module.exports = { measure, check }
