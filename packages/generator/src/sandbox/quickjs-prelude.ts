/**
 * JavaScript evaluated inside each fresh QuickJS context before a snippet. It gives the snippet
 * what Node gives a script and QuickJS lacks: `console`, timers, `queueMicrotask`,
 * `process.nextTick` and `process.stdout.write`. QuickJS cannot format values as Node does, so
 * `console.log` sends a description of its arguments (a "mirror": a JSON graph of types, names,
 * keys and values) to the host, which rebuilds equivalent values and formats them with Node's
 * own `util.format`. Anything the mirror cannot carry faithfully marks the output inexact.
 */
export const QUICKJS_PRELUDE = String.raw`
(() => {
  const host = globalThis.__host;
  delete globalThis.__host;
  const FULL_DEPTH = 6;
  const MAX_ITEMS = 101;
  const MAX_KEYS = 1000;
  const fnProto = Function.prototype;
  const functionKinds = new Map([
    [Object.getPrototypeOf(async function () {}), "async"],
    [Object.getPrototypeOf(function* () {}), "generator"],
    [Object.getPrototypeOf(async function* () {}), "asyncGenerator"],
  ]);
  const sourceOf = (fn) => Function.prototype.toString.call(fn);
  const isIndex = (key) => String(key >>> 0) === key && key !== "4294967295";

  function constructorName(value) {
    for (let obj = value; obj !== null; obj = Object.getPrototypeOf(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, "constructor");
      if (d && typeof d.value === "function" && d.value.name !== "" && value instanceof d.value) return d.value.name;
    }
    return Object.getPrototypeOf(value) === null ? null : undefined;
  }

  function mirror(args) {
    const ids = new Map();
    let exact = true;
    const inexact = () => { exact = false; };

    function primitive(v) {
      switch (typeof v) {
        case "undefined": return { t: "undefined" };
        case "boolean": return { t: "boolean", v };
        case "string": return { t: "string", v };
        case "bigint": return { t: "bigint", v: String(v) };
        case "symbol": return { t: "symbol", v: v.description === undefined ? null : v.description };
        case "number": return { t: "number", v: Object.is(v, -0) ? "-0" : Number.isFinite(v) ? v : String(v) };
      }
      return null;
    }

    function props(v, depth, limit, skipIndices) {
      const out = [];
      const keys = Object.keys(v);
      if (keys.length > MAX_KEYS) inexact();
      for (const key of keys) {
        if (skipIndices && isIndex(key)) continue;
        if (out.length >= limit) break;
        out.push([key, member(v, key, depth)]);
      }
      for (const sym of Object.getOwnPropertySymbols(v)) {
        if (!Object.prototype.propertyIsEnumerable.call(v, sym) || out.length >= limit) continue;
        out.push([{ symbol: sym.description === undefined ? null : sym.description }, member(v, sym, depth)]);
      }
      return out;
    }

    function member(v, key, depth) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d.get || d.set) return { t: "accessor", get: !!d.get, set: !!d.set };
      return walk(d.value, depth + 1);
    }

    function walk(v, depth) {
      const p = primitive(v);
      if (p) return p;
      if (v === null) return { t: "null" };
      if (ids.has(v)) return { t: "ref", id: ids.get(v) };
      const id = ids.size;
      ids.set(v, id);
      // Node never shows more than 3 levels; deeper containers only need to be empty or not
      const limit = depth > FULL_DEPTH ? 1 : MAX_ITEMS;
      if (typeof v === "function") return fn(v, id, depth);
      const tag = Object.prototype.toString.call(v);
      const ctor = constructorName(v);
      if (Symbol.toStringTag in v && !["[object Map]", "[object Set]", "[object Promise]"].includes(tag)) inexact();
      if (Array.isArray(v)) {
        if (ctor !== "Array") inexact();
        const items = [];
        const shown = Math.min(v.length, limit);
        for (let i = 0; i < shown; i++) if (Object.prototype.hasOwnProperty.call(v, i)) items.push([i, member(v, String(i), depth)]);
        return { t: "array", id, length: v.length, items, props: props(v, depth, limit, true) };
      }
      if (v instanceof Map || v instanceof Set) {
        if (ctor !== (v instanceof Map ? "Map" : "Set") || v.size > MAX_KEYS) inexact();
        const entries = [];
        for (const entry of v) {
          if (entries.length >= MAX_KEYS) break;
          entries.push(v instanceof Map ? [walk(entry[0], depth + 1), walk(entry[1], depth + 1)] : walk(entry, depth + 1));
        }
        return { t: v instanceof Map ? "map" : "set", id, entries, props: props(v, depth, limit) };
      }
      if (v instanceof Date) return { t: "date", id, v: Number.isNaN(v.getTime()) ? null : v.toISOString() };
      if (v instanceof RegExp) return { t: "regexp", id, source: v.source, flags: v.flags };
      if (tag !== "[object Object]" || ctor === undefined) inexact();
      return { t: "object", id, ctor, props: props(v, depth, limit) };
    }

    function fn(v, id, depth) {
      const source = sourceOf(v);
      const proto = Object.getPrototypeOf(v);
      const isClass = /^class\b/.test(source);
      const node = { t: "function", id, name: Object.prototype.hasOwnProperty.call(v, "name") ? String(v.name) : "", props: props(v, depth, MAX_ITEMS) };
      if (isClass) {
        node.kind = "class";
        node.extends = proto === null ? null : proto === fnProto ? "" : String(proto.name || "");
      } else {
        node.kind = functionKinds.get(proto) || (proto === fnProto ? "plain" : "other");
        if (node.kind === "other") inexact();
      }
      return node;
    }

    const nodes = args.map((arg) => walk(arg, 0));
    return { nodes, exact };
  }

  const emit = (stream, args) => host.log(stream, JSON.stringify(mirror(args)));
  const unsupported = (name) => () => { throw new TypeError("console." + name + " is not supported in this sandbox"); };
  globalThis.console = {
    log: (...args) => emit("stdout", args),
    info: (...args) => emit("stdout", args),
    debug: (...args) => emit("stdout", args),
    error: (...args) => emit("stderr", args),
    warn: (...args) => emit("stderr", args),
    dir: unsupported("dir"),
    table: unsupported("table"),
    group: unsupported("group"),
    trace: unsupported("trace"),
  };

  // Node's order: the nextTick queue, then promise jobs, then timers by due time and creation order.
  const ticks = [];
  const timers = new Map();
  let timerSeq = 0;
  let clock = 0;
  function schedule(fn, delay, args, repeat) {
    if (typeof fn !== "function") throw new TypeError('The "callback" argument must be of type function');
    const ms = Number(delay) >= 1 && Number(delay) <= 2147483647 ? Math.trunc(Number(delay)) : 1;
    const id = ++timerSeq;
    timers.set(id, { id, due: clock + ms, ms, fn, args, repeat });
    return id;
  }
  globalThis.setTimeout = (fn, delay, ...args) => schedule(fn, delay, args, false);
  globalThis.setInterval = (fn, delay, ...args) => schedule(fn, delay, args, true);
  globalThis.clearTimeout = (id) => { timers.delete(id); };
  globalThis.clearInterval = (id) => { timers.delete(id); };
  globalThis.queueMicrotask = (fn) => { Promise.resolve().then(() => fn()); };
  globalThis.process = Object.freeze({
    nextTick: (fn, ...args) => { ticks.push(() => fn(...args)); },
    stdout: Object.freeze({ write: (text) => { host.write(String(text)); return true; } }),
  });

  globalThis.__sandbox = {
    runTicks() {
      const ran = ticks.length > 0;
      while (ticks.length) ticks.shift()();
      return ran;
    },
    runNextTimer() {
      let next;
      for (const timer of timers.values()) {
        if (!next || timer.due < next.due || (timer.due === next.due && timer.id < next.id)) next = timer;
      }
      if (!next) return false;
      clock = next.due;
      if (next.repeat) next.due = clock + next.ms;
      else timers.delete(next.id);
      next.fn(...next.args);
      return true;
    },
  };
})();
`;
