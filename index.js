// n8n discovers this package's nodes and credentials through the `n8n` field of package.json; this entry point only
// lets tools that `require('n8n-nodes-techwolf')` see what the package provides.
module.exports = require('./package.json').n8n;
