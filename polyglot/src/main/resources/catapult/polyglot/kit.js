// The JavaScript side of the Catapult bridge: evaluated once per context. It defines the
// `catapult` object JavaScript code sees, the native containers Catapult values convert to, and
// the error type Catapult errors throw. Named arguments: catapult.call("sgd", 0.5, catapult.named({batch: 32})).
(host) => {
  class CatapultError extends Error {}
  CatapultError.prototype.name = 'CatapultError';
  class Named {
    constructor(values) { this.values = values; }
  }
  const catapult = Object.freeze({
    eval: (source, name = '<eval>') => host.eval(source, name),
    run: (path) => host.run(path),
    call: (name, ...args) => {
      const last = args[args.length - 1];
      if (last instanceof Named) return host.call(name, args.slice(0, -1), last.values);
      return host.call(name, args, null);
    },
    named: (values) => new Named(values),
    get: (name) => host.get(name),
    set: (name, value) => { host.set(name, value); },
    Error: CatapultError,
    toString: () => '<catapult>',
  });
  const list = (xs) => Array.from(xs);
  const record = (keys, values) => {
    const o = {};
    for (let i = 0; i < keys.length; i++) o[keys[i]] = values[i];
    return o;
  };
  const fail = (message) => { throw new CatapultError(message); };
  return [list, record, fail, catapult];
}
