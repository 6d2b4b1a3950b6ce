// Runs every test of a script, reports each failure with its stack, and fails the script if any did.
module.exports = async (name, tests) => {
  const failures = []
  for (const test of tests) {
    try {
      await test()
    } catch (error) {
      failures.push(test.name)
      const text = error instanceof Error && error.message ? error.stack : `${String(error)} (${typeof error})\n${error && error.stack}`
      console.error(`${name}: ${test.name} FAILED: ${text}`)
    }
  }
  if (failures.length > 0) throw new Error(`${name}: ${failures.length} failed: ${failures.join(', ')}`)
  console.log(`${name}: ok`)
}
