// A module whose top-level await can never settle: the launcher ends it as Node does, with a warning and code 13.
console.log('unsettled: ok')
await new Promise(() => {})
console.log('unreachable')
