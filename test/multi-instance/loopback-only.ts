// Preloaded (`node --import`) into the instances the multi-instance tests spawn as child processes:
// src/index.ts listens on all interfaces, and a test instance in local mode (no authentication) must only
// be reachable from this machine. Rewrites a listen on 0.0.0.0 / :: / no host to 127.0.0.1.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (args[1] === undefined || typeof args[1] === 'function') args.splice(1, 0, '127.0.0.1');
    else if (args[1] === '0.0.0.0' || args[1] === '::') args[1] = '127.0.0.1';
  } else if (typeof args[0] === 'object' && args[0] !== null && !('path' in args[0])) {
    const options = args[0] as net.ListenOptions;
    if (!options.host || options.host === '0.0.0.0' || options.host === '::')
      args[0] = { ...options, host: '127.0.0.1' };
  }
  return (listen as (...a: unknown[]) => net.Server).apply(this, args);
} as typeof net.Server.prototype.listen;
