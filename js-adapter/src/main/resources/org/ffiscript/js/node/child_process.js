// node:child_process for ffi-script: the synchronous forms, run by the host and allowed only where the access
// policy restricts nothing. The asynchronous ones (spawn, exec, fork) need streams over a live process and are not
// supported: they throw saying so.
'use strict';

const { host } = internals;

function refuse(name) {
  return () => {
    const error = new Error(`child_process.${name} is not supported by ffi-script; use execSync, execFileSync or spawnSync`);
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}

function run(command, input) {
  if (!host.mayRunPrograms()) {
    const error = new Error('child_process: the access policy does not allow starting programs');
    error.code = 'EACCES';
    throw error;
  }
  const [status, stdout, stderr] = host.runProgram(command, input === undefined ? null : String(input));
  return { status, stdout, stderr };
}

function output(text, options) {
  const encoding = options && options.encoding;
  return encoding && encoding !== 'buffer' ? text : Buffer.from(text);
}

function failed(result, command) {
  const error = new Error(`Command failed: ${command}\n${result.stderr}`);
  error.status = result.status;
  error.stdout = result.stdout;
  error.stderr = result.stderr;
  return error;
}

function execSync(command, options = {}) {
  const result = run(['/bin/sh', '-c', String(command)], options.input);
  if (result.status !== 0) throw failed(result, command);
  if (result.stderr && options.stdio !== 'pipe') process.stderr.write(result.stderr);
  return output(result.stdout, options);
}

function execFileSync(file, args = [], options = {}) {
  if (!Array.isArray(args)) { options = args; args = []; }
  const result = run([String(file), ...args.map(String)], options.input);
  if (result.status !== 0) throw failed(result, [file, ...args].join(' '));
  return output(result.stdout, options);
}

function spawnSync(file, args = [], options = {}) {
  if (!Array.isArray(args)) { options = args; args = []; }
  const command = options.shell ? ['/bin/sh', '-c', [file, ...args].join(' ')] : [String(file), ...args.map(String)];
  try {
    const result = run(command, options.input);
    return { pid: 0, status: result.status, signal: null, stdout: output(result.stdout, options),
      stderr: output(result.stderr, options), output: [null, output(result.stdout, options), output(result.stderr, options)] };
  } catch (error) {
    if (error.code === 'EACCES') throw error;
    return { pid: 0, status: null, signal: null, error, stdout: null, stderr: null, output: null };
  }
}

module.exports = { execSync, execFileSync, spawnSync, spawn: refuse('spawn'), exec: refuse('exec'),
  execFile: refuse('execFile'), fork: refuse('fork') };
