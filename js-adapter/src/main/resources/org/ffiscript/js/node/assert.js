// node:assert for ffi-script: the assertions ported test scripts use, with Node's AssertionError (code
// ERR_ASSERTION, actual, expected, operator). Kept here rather than npm's `assert` package, which drags a dozen
// polyfill packages and formats its messages with the old util.
'use strict';

const { inspect } = require('util');
const isDeepEqual = internals.isDeepEqual;

class AssertionError extends Error {
  constructor(message, actual, expected, operator) {
    super(message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
  }
}

function fail(message, actual, expected, operator, fallback) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message !== undefined ? String(message) : fallback, actual, expected, operator);
}

function matches(error, expected) {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(error && error.message !== undefined ? error.message : String(error));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof expected) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return expected.call({}, error) === true;
  }
  if (typeof expected === 'object' && expected !== null) {
    return Object.keys(expected).every((key) => expected[key] instanceof RegExp
      ? expected[key].test(error[key]) : isDeepEqual(error[key], expected[key], true));
  }
  return false;
}

const assert = (value, message) => assert.ok(value, message);
Object.assign(assert, {
  AssertionError,
  ok(value, message) {
    if (!value) fail(message, value, true, '==', 'The expression evaluated to a falsy value: ' + inspect(value));
  },
  equal(actual, expected, message) {
    if (!(actual == expected || (actual !== actual && expected !== expected))) {
      fail(message, actual, expected, '==', inspect(actual) + ' == ' + inspect(expected));
    }
  },
  notEqual(actual, expected, message) {
    if (actual == expected) fail(message, actual, expected, '!=', inspect(actual) + ' != ' + inspect(expected));
  },
  strictEqual(actual, expected, message) {
    if (!Object.is(actual, expected)) {
      fail(message, actual, expected, 'strictEqual', 'Expected values to be strictly equal:\n\n' + inspect(actual)
        + ' !== ' + inspect(expected));
    }
  },
  notStrictEqual(actual, expected, message) {
    if (Object.is(actual, expected)) fail(message, actual, expected, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + inspect(expected));
  },
  deepStrictEqual(actual, expected, message) {
    if (!isDeepEqual(actual, expected, true)) {
      fail(message, actual, expected, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + inspect(actual)
        + '\n  !==\n' + inspect(expected));
    }
  },
  deepEqual(actual, expected, message) {
    if (!isDeepEqual(actual, expected, false)) {
      fail(message, actual, expected, 'deepEqual', 'Expected values to be loosely deep-equal:\n' + inspect(actual)
        + '\n  !=\n' + inspect(expected));
    }
  },
  throws(block, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    try {
      block();
    } catch (error) {
      if (!matches(error, expected)) {
        fail(message, error, expected, 'throws', 'The error thrown does not match: ' + inspect(error));
      }
      return;
    }
    fail(message, undefined, expected, 'throws', 'Missing expected exception.');
  },
  async rejects(promiseOrBlock, expected, message) {
    try {
      await (typeof promiseOrBlock === 'function' ? promiseOrBlock() : promiseOrBlock);
    } catch (error) {
      if (!matches(error, expected)) fail(message, error, expected, 'rejects', 'The rejection does not match: ' + inspect(error));
      return;
    }
    fail(message, undefined, expected, 'rejects', 'Missing expected rejection.');
  },
  fail(message) {
    fail(message, undefined, undefined, 'fail', 'Failed');
  },
});

assert.deepStrictEqual = assert.deepStrictEqual;
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected, true)) {
    fail(message, actual, expected, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + inspect(expected));
  }
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected, false)) {
    fail(message, actual, expected, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to: ' + inspect(expected));
  }
};
assert.doesNotThrow = function doesNotThrow(block, expected, message) {
  try {
    block();
  } catch (error) {
    fail(typeof expected === 'string' ? expected : message, error, undefined, 'doesNotThrow', 'Got unwanted exception.\nActual message: "' + (error && error.message) + '"');
  }
};
assert.doesNotReject = async function doesNotReject(promiseOrBlock, expected, message) {
  try {
    await (typeof promiseOrBlock === 'function' ? promiseOrBlock() : promiseOrBlock);
  } catch (error) {
    fail(typeof expected === 'string' ? expected : message, error, undefined, 'doesNotReject', 'Got unwanted rejection.\nActual message: "' + (error && error.message) + '"');
  }
};
assert.match = function match(text, pattern, message) {
  if (!pattern.test(text)) fail(message, text, pattern, 'match', 'The input did not match the regular expression ' + inspect(pattern) + '. Input:\n\n' + inspect(text) + '\n');
};
assert.doesNotMatch = function doesNotMatch(text, pattern, message) {
  if (pattern.test(text)) fail(message, text, pattern, 'doesNotMatch', 'The input was expected to not match the regular expression ' + inspect(pattern) + '. Input:\n\n' + inspect(text) + '\n');
};
assert.ifError = function ifError(value) {
  if (value !== null && value !== undefined) {
    throw value instanceof Error ? value : new AssertionError('ifError got unwanted exception: ' + inspect(value), value, null, 'ifError');
  }
};

// assert.strict (and 'assert/strict'): the same assertions, with equal, deepEqual and their negations strict
const strict = (value, message) => assert.ok(value, message);
Object.assign(strict, assert, {
  equal: assert.strictEqual,
  notEqual: assert.notStrictEqual,
  deepEqual: assert.deepStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
strict.strict = strict;
assert.strict = strict;

module.exports = assert;
