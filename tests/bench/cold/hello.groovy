// Start-up alone: a script that prints one line.
println 'hello'
