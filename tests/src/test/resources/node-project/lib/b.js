const a = require('./a');
exports.sawA = JSON.stringify(a);
