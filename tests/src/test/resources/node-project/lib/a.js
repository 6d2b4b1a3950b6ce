exports.before = 'a before b';
const b = require('./b');
exports.sawB = b.sawA;
exports.after = 'a after b';
