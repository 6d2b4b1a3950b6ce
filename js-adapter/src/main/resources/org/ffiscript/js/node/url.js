// node:url for ffi-script: WHATWG URL and URLSearchParams from the npm package `whatwg-url` (a WebJar), the legacy
// parse/format/resolve from the package `url`, and the file URL conversions Node adds.
'use strict';

const whatwg = internals.bundled('whatwg-url');
const legacy = internals.bundled('url');
const { URL, URLSearchParams } = whatwg;

function fileURLToPath(url) {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed === null || typeof parsed !== 'object' || parsed.href === undefined) {
    const error = new TypeError('The "path" argument must be of type string or an instance of URL. Received ' + String(url));
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  if (parsed.protocol !== 'file:') {
    const error = new TypeError('The URL must be of scheme file');
    error.code = 'ERR_INVALID_URL_SCHEME';
    throw error;
  }
  if (parsed.hostname !== '') {
    const error = new TypeError(`File URL host must be "localhost" or empty on ${process.platform}`);
    error.code = 'ERR_INVALID_FILE_URL_HOST';
    throw error;
  }
  if (/%2f/i.test(parsed.pathname)) {
    const error = new TypeError('File URL path must not include encoded / characters');
    error.code = 'ERR_INVALID_FILE_URL_PATH';
    throw error;
  }
  return decodeURIComponent(parsed.pathname);
}

function pathToFileURL(path) {
  let resolved = require('path').resolve(String(path));
  if (String(path).endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
    .replace(/\t/g, '%09').replace(/#/g, '%23').replace(/\?/g, '%3F');
  return url;
}

module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL,
  parse: legacy.parse, format: (value, options) => (value instanceof URL ? value.href : legacy.format(value, options)),
  resolve: legacy.resolve, resolveObject: legacy.resolveObject, Url: legacy.Url,
  domainToASCII: (domain) => { try { return new URL('ws://' + domain).hostname; } catch (error) { return ''; } },
  domainToUnicode: (domain) => require('punycode').toUnicode(domain),
  urlToHttpOptions: (url) => ({ protocol: url.protocol, hostname: url.hostname, hash: url.hash, search: url.search,
    pathname: url.pathname, path: `${url.pathname || ''}${url.search || ''}`, href: url.href,
    port: url.port !== '' ? Number(url.port) : undefined, auth: url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined }),
};
