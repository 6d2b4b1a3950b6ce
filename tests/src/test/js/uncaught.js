// An uncaught error ends the script with a non-zero exit code and its message on standard error.
console.log('uncaught: ok')
throw new Error('deliberate failure from uncaught.js')
