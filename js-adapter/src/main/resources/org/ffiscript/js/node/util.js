// node:util for ffi-script: inspect and format print values as Node 20 does (console.log goes through them), plus
// promisify, types and the rest of what ported programs call. Written here rather than taken from npm's `util`
// package: that one formats as Node 0.x did (no Map sizes, no array grouping, no class names).
'use strict';

const { isPointer, describePointer } = internals;
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

const defaults = { depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, maxStringLength: 10000, sorted: false,
  showHidden: false, colors: false, customInspect: true, getters: false };

function inspect(value, options) {
  const ctx = Object.assign({}, defaults, typeof options === 'object' && options !== null ? options : {});
  if (typeof options === 'boolean') ctx.showHidden = options;
  if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
  if (ctx.depth === null) ctx.depth = Infinity;
  ctx.seen = [];
  ctx.circular = new Map();
  ctx.indentation = 0;
  ctx.currentDepth = 0;
  return formatValue(ctx, value, 0, true);
}
inspect.custom = customInspect;
inspect.defaultOptions = defaults;

function quote(text) {
  let q = "'";
  if (text.includes("'")) {
    if (!text.includes('"')) q = '"';
    else if (!text.includes('`') && !text.includes('${')) q = '`';
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (c === q || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return q + out + q;
}

function formatKey(key) {
  if (typeof key === 'symbol') return '[' + key.toString() + ']';
  return IDENTIFIER.test(key) ? key : quote(key);
}

function formatNumber(n) {
  return Object.is(n, -0) ? '-0' : String(n);
}

function formatPrimitive(value, ctx) {
  switch (typeof value) {
    case 'string': {
      let text = value;
      let trailer = '';
      if (text.length > ctx.maxStringLength) {
        trailer = `... ${text.length - ctx.maxStringLength} more character${text.length - ctx.maxStringLength > 1 ? 's' : ''}`;
        text = text.slice(0, ctx.maxStringLength);
      }
      // long strings in objects are split at line breaks, as Node does, when they do not fit
      if (ctx.compact !== true && text.length > 16 && text.length > ctx.breakLength - ctx.indentation - 4 && text.includes('\n')) {
        return text.split(/(?<=\n)/).map(quote).join(` +\n${' '.repeat(ctx.indentation + 2)}`) + trailer;
      }
      return quote(text) + trailer;
    }
    case 'number': return formatNumber(value);
    case 'bigint': return value + 'n';
    case 'boolean': return String(value);
    case 'undefined': return 'undefined';
    case 'symbol': return value.toString();
    default: return String(value);
  }
}

function functionBase(fn) {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class') && /^class\b/.test(source)) {
    const parent = Object.getPrototypeOf(fn);
    return `[class ${fn.name || '(anonymous)'}${parent && parent.name ? ' extends ' + parent.name : ''}]`;
  }
  const tag = fn[Symbol.toStringTag];
  let kind = 'Function';
  if (tag === 'AsyncFunction') kind = 'AsyncFunction';
  else if (tag === 'GeneratorFunction') kind = 'GeneratorFunction';
  else if (tag === 'AsyncGeneratorFunction') kind = 'AsyncGeneratorFunction';
  return `[${kind}${fn.name ? ': ' + fn.name : ' (anonymous)'}]`;
}

function constructorName(value) {
  let proto = Object.getPrototypeOf(value);
  while (proto !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value.name;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

function prefix(name, tag, fallback, size) {
  if (name === null) {
    return `[${fallback}${size !== undefined ? `(${size})` : ''}: null prototype] ${tag !== '' && tag !== fallback ? `[${tag}] ` : ''}`;
  }
  return `${name}${size !== undefined ? `(${size})` : ''} ${tag !== '' && tag !== name ? `[${tag}] ` : ''}`;
}

function formatValue(ctx, value, depth, topLevel) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return topLevel && typeof value === 'string' && ctx.topLevelRaw ? value : formatPrimitive(value, ctx);
  }
  if (value === null) return 'null';
  if (isPointer(value)) return `[External: ${describePointer(value)}]`;
  if (ctx.customInspect && typeof value[customInspect] === 'function' && value[customInspect] !== inspect) {
    const options = Object.assign({}, ctx, { depth: ctx.depth - depth });
    const result = value[customInspect](ctx.depth - depth, options, inspect);
    if (result !== value) return typeof result === 'string' ? result : formatValue(ctx, result, depth);
  }
  if (ctx.seen.includes(value)) {
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, depth);
}

function ownKeys(value, ctx) {
  const keys = Object.keys(value);
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  if (ctx.sorted) keys.sort(typeof ctx.sorted === 'function' ? ctx.sorted : undefined);
  return keys;
}

function formatRaw(ctx, value, depth) {
  let keys;
  let base = '';
  let braces;
  let format = formatObjectEntries;
  let isArrayLike = false;
  const name = constructorName(value);
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string') tag = '';

  if (Array.isArray(value)) {
    keys = ownKeys(value, ctx).filter((key) => typeof key !== 'string' || !/^(0|[1-9][0-9]*)$/.test(key));
    const start = name !== 'Array' || tag !== '' ? prefix(name, tag, 'Array', value.length) : '';
    braces = [`${start}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    format = formatArray;
    isArrayLike = true;
  } else if (value instanceof Map) {
    keys = ownKeys(value, ctx);
    braces = [`${prefix(name, tag, 'Map', value.size)}{`, '}'];
    if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
    format = formatMap;
  } else if (value instanceof Set) {
    keys = ownKeys(value, ctx);
    braces = [`${prefix(name, tag, 'Set', value.size)}{`, '}'];
    if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
    format = formatSet;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    keys = ownKeys(value, ctx).filter((key) => typeof key !== 'string' || !/^(0|[1-9][0-9]*)$/.test(key));
    const typedName = typedArrayTag.call(value);
    if (name === 'Buffer' || (internals.isBuffer && internals.isBuffer(value))) {
      return formatBuffer(value, ctx, keys, depth);
    }
    braces = [`${prefix(name, tag === typedName ? '' : tag, typedName, value.length)}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    format = formatTypedArray;
    isArrayLike = true;
  } else if (typeof value === 'function') {
    base = functionBase(value);
    keys = ownKeys(value, ctx);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof RegExp) {
    base = RegExp.prototype.toString.call(value);
    keys = ownKeys(value, ctx).filter((key) => key !== 'lastIndex');
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof Date) {
    base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    keys = ownKeys(value, ctx);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof Error) {
    base = formatError(value);
    keys = ownKeys(value, ctx).filter((key) => key !== 'stack' && key !== 'message');
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof ArrayBuffer) {
    keys = ownKeys(value, ctx);
    braces = [`${prefix(name, tag === 'ArrayBuffer' ? '' : tag, 'ArrayBuffer')}{`, '}'];
    format = formatArrayBuffer;
  } else if (value instanceof Promise) {
    keys = ownKeys(value, ctx);
    braces = [`${prefix(name, tag === 'Promise' ? '' : tag, 'Promise')}{`, '}'];
    format = (c, v) => ['<pending>'];
  } else if (value instanceof WeakMap || value instanceof WeakSet) {
    return `${prefix(name, '', value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{ <items unknown> }`;
  } else if (isBoxed(value)) {
    const primitive = value.valueOf();
    const type = typeof primitive === 'string' ? 'String' : typeof primitive === 'number' ? 'Number'
      : typeof primitive === 'boolean' ? 'Boolean' : typeof primitive === 'bigint' ? 'BigInt' : 'Symbol';
    base = `[${type}: ${formatPrimitive(primitive, Object.assign({}, ctx, { compact: true }))}]`;
    keys = ownKeys(value, ctx);
    if (typeof primitive === 'string') keys = keys.filter((key) => !/^(0|[1-9][0-9]*)$/.test(key));
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else {
    keys = ownKeys(value, ctx);
    if (name === 'Object') {
      braces = [tag !== '' ? `Object [${tag}] {` : '{', '}'];
    } else {
      braces = [`${prefix(name, tag, 'Object')}{`, '}'];
    }
    if (keys.length === 0) {
      return name === 'Object' && tag === '' ? '{}' : `${braces[0]}}`;
    }
  }

  if (depth > ctx.depth) {
    const label = isArrayLike && name === 'Array' ? 'Array' : (name || tag || 'Object');
    return `[${label}]`;
  }

  ctx.seen.push(value);
  ctx.currentDepth = depth;
  let output;
  try {
    output = format(ctx, value, depth);
    for (const key of keys) output.push(formatProperty(ctx, value, depth, key, false));
  } finally {
    ctx.seen.pop();
  }
  const index = ctx.circular.get(value);
  if (index !== undefined) {
    const reference = `<ref *${index}>`;
    if (braces[0].startsWith('{') || base !== '' || braces[0].startsWith('[')) {
      base = base === '' ? reference : `${reference} ${base}`;
    } else {
      braces[0] = `${reference} ${braces[0]}`;
    }
  }
  return reduceToSingleString(ctx, output, base, braces, isArrayLike, depth, value);
}

function isBoxed(value) {
  return value instanceof String || value instanceof Number || value instanceof Boolean
    || (typeof BigInt === 'function' && value instanceof BigInt) || value instanceof Symbol;
}

function formatError(error) {
  const stack = typeof error.stack === 'string' && error.stack !== '' ? error.stack : Error.prototype.toString.call(error);
  return stack;
}

function formatBuffer(value, ctx, keys, depth) {
  const shown = Math.min(ctx.maxArrayLength > 50 ? 50 : ctx.maxArrayLength, value.length);
  let text = '';
  for (let i = 0; i < shown; i++) text += ' ' + (value[i] < 16 ? '0' : '') + value[i].toString(16);
  const more = value.length - shown;
  let extra = more > 0 ? ` ... ${more} more byte${more > 1 ? 's' : ''}` : '';
  if (keys.length > 0) extra += ', ' + keys.map((key) => formatProperty(ctx, value, depth, key, false)).join(', ');
  return `<${constructorName(value) || 'Buffer'}${text}${extra}>`;
}

function formatArrayBuffer(ctx, value) {
  const bytes = new Uint8Array(value);
  let text = '';
  const shown = Math.min(50, bytes.length);
  for (let i = 0; i < shown; i++) text += (i > 0 ? ' ' : '') + (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  if (bytes.length > shown) text += ` ... ${bytes.length - shown} more byte${bytes.length - shown > 1 ? 's' : ''}`;
  return [`[Uint8Contents]: <${text}>`, `byteLength: ${value.byteLength}`];
}

function moreItems(count) {
  return `... ${count} more item${count > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, depth) {
  const output = [];
  const shown = Math.min(ctx.maxArrayLength, value.length);
  let holes = 0;
  for (let i = 0; i < shown; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      holes++;
      continue;
    }
    if (holes > 0) {
      output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
      holes = 0;
    }
    output.push(formatProperty(ctx, value, depth, i, true));
  }
  if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
  if (value.length > shown) output.push(moreItems(value.length - shown));
  if (ctx.showHidden) output.push(`[length]: ${value.length}`);
  return output;
}

function formatTypedArray(ctx, value) {
  const output = [];
  const shown = Math.min(ctx.maxArrayLength, value.length);
  for (let i = 0; i < shown; i++) {
    output.push(typeof value[i] === 'bigint' ? value[i] + 'n' : formatNumber(value[i]));
  }
  if (value.length > shown) output.push(moreItems(value.length - shown));
  return output;
}

function formatMap(ctx, value, depth) {
  const output = [];
  ctx.indentation += 2;
  for (const [key, entry] of value) {
    output.push(`${formatValue(ctx, key, depth + 1)} => ${formatValue(ctx, entry, depth + 1)}`);
  }
  ctx.indentation -= 2;
  return output;
}

function formatSet(ctx, value, depth) {
  const output = [];
  ctx.indentation += 2;
  for (const entry of value) output.push(formatValue(ctx, entry, depth + 1));
  ctx.indentation -= 2;
  return output;
}

function formatObjectEntries() {
  return [];
}

function formatProperty(ctx, value, depth, key, inArray) {
  const descriptor = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  let text;
  if (descriptor.value !== undefined || !('get' in descriptor || 'set' in descriptor)) {
    ctx.indentation += 2;
    text = formatValue(ctx, descriptor.value, depth + 1);
    ctx.indentation -= 2;
  } else if (descriptor.get !== undefined) {
    text = descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  } else {
    text = descriptor.set !== undefined ? '[Setter]' : 'undefined';
  }
  if (inArray) return text;
  const name = typeof key === 'symbol' ? `[${key.toString()}]` : formatKey(key);
  return `${descriptor.enumerable === false ? `[${name}]` : name}: ${text}`;
}

// Arrays of more than six short entries are laid out in aligned columns, sized so the block is roughly square.
function groupArrayElements(ctx, output, value) {
  let total = 0;
  let longest = 0;
  let count = output.length;
  if (ctx.maxArrayLength < (value ? value.length : output.length) && output.length > 0
      && output[output.length - 1].startsWith('... ')) count--;
  const separator = 2;
  const lengths = new Array(count);
  for (let i = 0; i < count; i++) {
    lengths[i] = output[i].length;
    total += lengths[i] + separator;
    if (lengths[i] > longest) longest = lengths[i];
  }
  const cell = longest + separator;
  if (cell * 3 + ctx.indentation >= ctx.breakLength || !(total / cell > 5 || longest <= 6)) return output;
  const bias = Math.sqrt(cell - total / output.length);
  const biasedCell = Math.max(cell - 3 - bias, 1);
  const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedCell * count) / biasedCell),
    Math.floor((ctx.breakLength - ctx.indentation) / cell), ctx.compact * 4, 15);
  if (columns <= 1) return output;
  const widths = [];
  for (let column = 0; column < columns; column++) {
    let width = 0;
    for (let j = column; j < output.length; j += columns) if (lengths[j] > width) width = lengths[j];
    widths.push(width + separator);
  }
  let numeric = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        numeric = false;
        break;
      }
    }
  }
  const rows = [];
  for (let start = 0; start < count; start += columns) {
    const end = Math.min(start + columns, count);
    let row = '';
    for (let j = start; j < end - 1; j++) {
      const cellText = `${output[j]}, `;
      row += numeric ? cellText.padStart(widths[j - start], ' ') : cellText.padEnd(widths[j - start], ' ');
    }
    const last = end - 1;
    row += numeric ? output[last].padStart(widths[last - start] - separator, ' ') : output[last];
    rows.push(row);
  }
  if (count < output.length) rows.push(output[count]);
  return rows;
}

function reduceToSingleString(ctx, output, base, braces, isArrayLike, depth, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (isArrayLike && entries > 6) output = groupArrayElements(ctx, output, Array.isArray(value) ? value : undefined);
      if (ctx.currentDepth - depth < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentation + braces[0].length + base.length + 10;
        if (fitsOnOneLine(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentation)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (fitsOnOneLine(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = `\n${' '.repeat(ctx.indentation)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function fitsOnOneLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

// ---- format ---------------------------------------------------------------------------------------------------

function formatWithOptions(options, ...args) {
  const first = args[0];
  let text = '';
  let next = 0;
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    next = 1;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const spec = first[i + 1];
      if (spec === '%') {
        text += first.slice(last, i) + '%';
        last = i + 2;
        i++;
        continue;
      }
      if (next >= args.length || !'sdifjoOc'.includes(spec)) continue;
      const value = args[next];
      let piece;
      switch (spec) {
        case 's':
          if (typeof value === 'bigint') piece = value + 'n';
          else if (typeof value === 'number') piece = formatNumber(value);
          else if (typeof value === 'symbol') piece = String(value);
          else if (typeof value !== 'object' || value === null) piece = String(value);
          else if (value instanceof Error && typeof value.stack === 'string') piece = value.stack;
          else piece = inspect(value, Object.assign({}, options, { depth: 0, colors: false, compact: 3 }));
          break;
        case 'd':
          piece = typeof value === 'bigint' ? value + 'n' : typeof value === 'symbol' ? 'NaN' : formatNumber(Number(value));
          break;
        case 'i':
          piece = typeof value === 'bigint' ? value + 'n' : typeof value === 'symbol' ? 'NaN' : formatNumber(parseInt(value));
          break;
        case 'f':
          piece = typeof value === 'symbol' ? 'NaN' : formatNumber(parseFloat(value));
          break;
        case 'j':
          try {
            piece = JSON.stringify(value);
          } catch (error) {
            piece = '[Circular]';
          }
          break;
        case 'o':
          piece = inspect(value, Object.assign({}, options, { showHidden: true, showProxy: true, depth: 4 }));
          break;
        case 'O':
          piece = inspect(value, options);
          break;
        case 'c':
          piece = '';
          break;
      }
      text += first.slice(last, i) + piece;
      last = i + 2;
      i++;
      next++;
    }
    text += first.slice(last);
  }
  for (; next < args.length; next++) {
    const value = args[next];
    const piece = typeof value === 'string' ? value : inspect(value, options);
    text += (text.length > 0 || next > 0 ? ' ' : '') + piece;
  }
  return text;
}

function format(...args) {
  return formatWithOptions(undefined, ...args);
}

// ---- the rest of node:util --------------------------------------------------------------------------------------

function promisify(original) {
  if (typeof original !== 'function') {
    throw Object.assign(new TypeError('The "original" argument must be of type function'), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  if (typeof original[promisifyCustom] === 'function') return original[promisifyCustom];
  function promisified(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (error, ...values) => {
        if (error) reject(error);
        else resolve(values.length > 1 ? values : values[0]);
      });
    });
  }
  Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
  Object.defineProperty(promisified, promisifyCustom, { value: promisified });
  return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = promisifyCustom;

function callbackify(original) {
  return function (...args) {
    const callback = args.pop();
    original.apply(this, args).then((value) => process.nextTick(callback, null, value),
      (reason) => process.nextTick(callback, reason || Object.assign(new Error('Promise was rejected with a falsy value'), { reason })));
  };
}

function inherits(constructor, superConstructor) {
  Object.defineProperty(constructor, 'super_', { value: superConstructor, writable: true, configurable: true });
  Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
}

const warned = new Set();
function deprecate(fn, message, code) {
  return function (...args) {
    if (!warned.has(code || message)) {
      warned.add(code || message);
      process.emitWarning(message, 'DeprecationWarning', code);
    }
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  };
}

const tagOf = (value) => Object.prototype.toString.call(value).slice(8, -1);
const types = {
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isWeakMap: (v) => v instanceof WeakMap,
  isWeakSet: (v) => v instanceof WeakSet,
  isPromise: (v) => v instanceof Promise,
  isNativeError: (v) => v instanceof Error,
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v) => v instanceof Uint8Array,
  isUint8ClampedArray: (v) => v instanceof Uint8ClampedArray,
  isUint16Array: (v) => v instanceof Uint16Array,
  isUint32Array: (v) => v instanceof Uint32Array,
  isInt8Array: (v) => v instanceof Int8Array,
  isInt16Array: (v) => v instanceof Int16Array,
  isInt32Array: (v) => v instanceof Int32Array,
  isFloat32Array: (v) => v instanceof Float32Array,
  isFloat64Array: (v) => v instanceof Float64Array,
  isBigInt64Array: (v) => v instanceof BigInt64Array,
  isBigUint64Array: (v) => v instanceof BigUint64Array,
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isSharedArrayBuffer: (v) => typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer,
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isDataView: (v) => v instanceof DataView,
  isAsyncFunction: (v) => typeof v === 'function' && tagOf(v) === 'AsyncFunction',
  isGeneratorFunction: (v) => typeof v === 'function' && (tagOf(v) === 'GeneratorFunction' || tagOf(v) === 'AsyncGeneratorFunction'),
  isGeneratorObject: (v) => tagOf(v) === 'Generator',
  isBoxedPrimitive: (v) => typeof v === 'object' && v !== null && isBoxed(v),
  isNumberObject: (v) => v instanceof Number,
  isStringObject: (v) => v instanceof String,
  isBooleanObject: (v) => v instanceof Boolean,
  isBigIntObject: (v) => typeof v === 'object' && v !== null && tagOf(v) === 'BigInt',
  isSymbolObject: (v) => typeof v === 'object' && v !== null && tagOf(v) === 'Symbol',
  isMapIterator: (v) => tagOf(v) === 'Map Iterator',
  isSetIterator: (v) => tagOf(v) === 'Set Iterator',
  isExternal: (v) => isPointer(v),
};

function isDeepStrictEqual(a, b) {
  return internals.isDeepEqual(a, b, true);
}

module.exports = {
  inspect, format, formatWithOptions, promisify, callbackify, inherits, deprecate, types, isDeepStrictEqual,
  TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError: types.isNativeError,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  stripVTControlCharacters: (text) => String(text).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
  toUSVString: (text) => String(text).toWellFormed ? String(text).toWellFormed() : String(text),
};
