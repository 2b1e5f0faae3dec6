// Preloaded (node --require) into every test peer: whatever address a peer
// asks for, it listens on 127.0.0.1 only, and it reports the port it got so
// that tests can start peers on PORT=0 (a free port the system picks).
'use strict';
const net = require('node:net');
const dns = require('node:dns');

// Node looks the host up before it binds, even an address literal, so a
// forced host would make listen() asynchronous. Servers that read
// address().port right after listen(0) need it synchronous: the literal is
// answered at once, as the lookup would answer it a moment later.
function withLiteralLookup(run) {
  const lookup = dns.lookup;
  dns.lookup = function (host, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    const all = typeof options === 'object' && options !== null && options.all;
    if (host === '127.0.0.1') {
      if (all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
      else cb(null, '127.0.0.1', 4);
      return {};
    }
    return lookup.apply(this, arguments);
  };
  try {
    return run();
  } finally {
    dns.lookup = lookup;
  }
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  const callback = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
  let forced;
  if (first !== null && typeof first === 'object' && !('_handle' in first) && !('fd' in first)) {
    if (first.path !== undefined) return listen.apply(this, args); // a local socket, not the network
    forced = [{ ...first, host: '127.0.0.1' }];
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) || first === undefined) {
    forced = [{ port: first === undefined ? 0 : Number(first), host: '127.0.0.1' }];
  } else {
    return listen.apply(this, args); // a pipe name or a handle
  }
  if (callback) forced.push(callback);
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object')
      process.stderr.write(`CROSSTALK_PEER_LISTENING ${address.address} ${address.port}\n`);
  });
  return withLiteralLookup(() => listen.apply(this, forced));
};

// And it reaches no one but 127.0.0.1: a connection to any other host (a
// tool of a reference server that fetches a URL, say) fails with an error
// instead of leaving the machine.
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  let options = first;
  if (Array.isArray(first)) options = first[0]; // net's normalized [options, callback]
  let host;
  if (options !== null && typeof options === 'object') {
    if (options.path !== undefined) return connect.apply(this, args); // a local socket
    host = options.host;
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  } else if (typeof first === 'string') {
    return connect.apply(this, args); // a local socket path
  }
  if (host === undefined || loopbackHosts.has(String(host).replace(/^\[|\]$/g, '')))
    return connect.apply(this, args);
  const error = new Error(`loopback.cjs: connections to ${host} are refused (127.0.0.1 only)`);
  error.code = 'ECONNREFUSED';
  process.nextTick(() => this.destroy(error));
  return this;
};
