// process.exit(code) ends the script at once with that exit code; the Java harness expects 3.
console.log('exit-code: ok')
process.exit(3)
console.log('exit-code: not reached')
