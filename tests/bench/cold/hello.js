// Start-up alone: a script that prints one line.
console.log('hello')
