// node:readline for ffi-script: line-by-line reading of a stream that emits 'data' and 'end' (process.stdin, a
// file's read stream), with 'line' and 'close' events, question() and async iteration; enough for the CLI scripts
// ported programs are. Terminal editing (cursor keys, history) is not here.
'use strict';

const EventEmitter = require('events');

class Interface extends EventEmitter {
  constructor(input, output) {
    super();
    const options = input && typeof input.on === 'function' && output === undefined && !('input' in input)
      ? { input } : (input && 'input' in input ? input : { input, output });
    this.input = options.input;
    this.output = options.output;
    this.terminal = false;
    this.closed = false;
    this._buffered = '';
    this._lines = [];
    this._waiting = [];
    this._questions = [];
    this._onData = (chunk) => this._take(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    this._onEnd = () => {
      if (this._buffered.length > 0) this._line(this._buffered);
      this._buffered = '';
      this.close();
    };
    this.input.on('data', this._onData);
    this.input.on('end', this._onEnd);
  }

  _take(text) {
    const parts = (this._buffered + text).split(/\r?\n/);
    this._buffered = parts.pop();
    for (const line of parts) this._line(line);
  }

  _line(line) {
    const question = this._questions.shift();
    if (question) {
      question(line);
      return;
    }
    if (this._waiting.length > 0) this._waiting.shift()({ value: line, done: false });
    else if (this.listenerCount('line') === 0 && this._iterating) this._lines.push(line);
    this.emit('line', line);
  }

  question(query, options, callback) {
    if (typeof options === 'function') callback = options;
    if (this.output && typeof this.output.write === 'function') this.output.write(query);
    this._questions.push(callback);
  }

  setPrompt(prompt) {
    this._prompt = prompt;
  }

  prompt() {
    if (this.output && typeof this.output.write === 'function') this.output.write(this._prompt || '> ');
  }

  write(data) {
    this._take(String(data));
  }

  pause() {
    return this;
  }

  resume() {
    return this;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this._onData);
    this.input.off('end', this._onEnd);
    for (const waiting of this._waiting.splice(0)) waiting({ value: undefined, done: true });
    this.emit('close');
  }

  [Symbol.asyncIterator]() {
    this._iterating = true;
    return {
      next: () => {
        if (this._lines.length > 0) return Promise.resolve({ value: this._lines.shift(), done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this._waiting.push(resolve));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

const promises = {
  Interface,
  createInterface: (input, output) => {
    const readline = new Interface(input, output);
    const question = readline.question.bind(readline);
    readline.question = (query, options) => new Promise((resolve) => question(query, options, resolve));
    return readline;
  },
};

module.exports = {
  Interface,
  createInterface: (input, output) => new Interface(input, output),
  promises,
  clearLine: () => true,
  clearScreenDown: () => true,
  cursorTo: () => true,
  moveCursor: () => true,
  emitKeypressEvents: () => undefined,
};
