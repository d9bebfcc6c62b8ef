/**
 * The part of the QuickJS prelude that stands in for Node: `console`, `process.nextTick`,
 * `process.stdout.write`, the timers and `queueMicrotask`, plus two wrappers around built-ins
 * (`Proxy`, to know every proxy; `Function.prototype.toString`, to notice source text that V8
 * would print differently). What a snippet can only learn from these by reflection (listing
 * `console`'s keys, reading `process.env`, printing `setTimeout`'s source or a Timeout) differs
 * from Node's, so it taints the run: the output is kept but not exact. Node's order of work is
 * kept: the nextTick queue, then promise jobs, then timers by due time and creation order.
 */
export const QUICKJS_STAND_INS = `
  const markStandIn = (value) => { weakSetAdd(standIns, value); return value; };
  const hidden = (value) => ({ __proto__: null, value, writable: true, enumerable: false, configurable: true });

  function installProxy() {
    function Proxy(target, handler) {
      if (new.target === undefined) throw new NativeTypeError("Constructor Proxy requires 'new'");
      const proxy = construct(NativeProxy, [target, handler]);
      weakSetAdd(proxies, proxy);
      return proxy;
    }
    const revocable = { revocable(target, handler) {
      const result = proxyRevocable(target, handler);
      weakSetAdd(proxies, result.proxy);
      return result;
    } }.revocable;
    // bound, so that like the built-in it has no "prototype"
    const wrapper = markStandIn(apply(Function.prototype.bind, Proxy, [null]));
    defineProperty(wrapper, "name", { __proto__: null, value: "Proxy", configurable: true });
    defineProperty(wrapper, "revocable", hidden(markStandIn(revocable)));
    defineProperty(globalObject, "Proxy", hidden(wrapper));
  }

  function installFunctionToString() {
    const toString = { toString() {
      const source = apply(nativeFunctionToString, this, []);
      // QuickJS prints built-in and bound functions unlike V8, and the prelude's functions are not Node's
      if (weakSetHas(standIns, this) || stringEndsWith(source, NATIVE_SUFFIX)) taint();
      return source;
    } }.toString;
    defineProperty(functionPrototype, "toString", hidden(markStandIn(toString)));
  }

  // reads of its own members pass; anything else Node's object would answer differently
  function standIn(target) {
    const reflected = (trap) => (object, a, b) => { taint(); return trap(object, a, b); };
    const handler = freeze({
      __proto__: null,
      get: (object, key) => { if (!hasOwn(object, key)) taint(); return reflectGet(object, key); },
      has: (object, key) => { if (!hasOwn(object, key)) taint(); return reflectHas(object, key); },
      set: (object, key, value) => reflectSet(object, key, value),
      ownKeys: reflected(ownKeys),
      getOwnPropertyDescriptor: reflected(describe),
      defineProperty: reflected(defineProperty),
      deleteProperty: reflected(Reflect.deleteProperty),
      getPrototypeOf: reflected(getPrototypeOf),
      setPrototypeOf: reflected(Reflect.setPrototypeOf),
      isExtensible: reflected(Reflect.isExtensible),
      preventExtensions: reflected(Reflect.preventExtensions),
    });
    return markStandIn(construct(NativeProxy, [target, handler]));
  }

  function received(value) {
    if (value === undefined || value === null) return "" + value;
    if (typeof value === "function") {
      const name = weakSetHas(proxies, value) ? "" : functionName(value);
      return name ? "function " + name : "an instance of Function";
    }
    if (typeof value === "object") {
      const ctor = plainChain(value) ? constructorName(value) : undefined;
      return "an instance of " + (ctor ? ctor : "Object");
    }
    let shown = typeof value === "string" ? "'" + value + "'"
      : typeof value === "bigint" ? value + "n"
      : typeof value === "symbol" ? "Symbol(" + (symbolDescription(value) || "") + ")"
      : value === 0 && 1 / value < 0 ? "-0" : "" + value;
    if (shown.length > 28) shown = stringSlice(shown, 0, 25) + "...";
    return "type " + typeof value + " (" + shown + ")";
  }

  // Node's ERR_INVALID_ARG_TYPE; the run is tainted too, as Node's error prints differently
  function invalidArgument(name, expected, value) {
    taint();
    const error = new NativeTypeError('The "' + name + '" argument must be ' + expected + ". Received " + received(value));
    defineProperty(error, "code", { __proto__: null, value: "ERR_INVALID_ARG_TYPE", writable: true, enumerable: true, configurable: true });
    return error;
  }

  const requireFunction = (callback) => {
    if (typeof callback !== "function") throw invalidArgument("callback", "of type function", callback);
  };

  function installGlobals() {
    const write = markStandIn(function (chunk, encoding, callback) {
      if (this !== stdout) {
        taint();
        throw new NativeTypeError("Cannot read properties of " + (this === undefined ? "undefined" : "an object") + " (reading '_writableState')");
      }
      if (typeof chunk !== "string") throw invalidArgument("chunk", "of type string or an instance of Buffer, TypedArray, or DataView", chunk);
      // Node checks an encoding and calls a callback later; this write does neither
      if (arguments.length > 1) taint();
      hostWrite(chunk);
      return true;
    });
    const stdoutTarget = { write };
    const stdout = standIn(stdoutTarget);
    // console.log goes through process.stdout.write in Node, so replacing it changes what Node prints
    const writesThrough = () => {
      const descriptor = describe(stdoutTarget, "write");
      return descriptor !== undefined && hasOwn(descriptor, "value") && descriptor.value === write;
    };
    const emit = (stream, args) => {
      let nodes;
      try {
        nodes = mirror(args);
      } catch (error) {
        taint();
        throw error;
      }
      if (quiet && !intrinsicsIntact(false)) runsCode();
      if (stream === "stdout" && !writesThrough()) inexact();
      hostLog(stream, '{"nodes":[' + nodes + '],"exact":' + faithful + ',"quiet":' + quiet + "}");
    };
    const unsupported = (name) => markStandIn(() => {
      taint();
      throw new NativeTypeError("console." + name + " is not supported in this sandbox");
    });
    const consoleTarget = {
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
    for (const key of ["log", "info", "debug", "error", "warn"]) markStandIn(consoleTarget[key]);

    const ticks = { __proto__: null };
    let tickHead = 0;
    let tickTail = 0;
    function nextTick(callback, ...args) {
      requireFunction(callback);
      ticks[tickTail++] = { __proto__: null, callback, args };
    }
    const processTarget = { nextTick: markStandIn(nextTick) };
    // a getter without setter in Node: assigning to it changes nothing
    defineProperty(processTarget, "stdout", { __proto__: null, value: stdout, writable: false, enumerable: true, configurable: true });

    const timers = new NativeMap();
    const timerIds = new NativeWeakMap();
    const exposedIds = new NativeSet();
    let timerSeq = 0;
    let clock = 0;
    const timeoutPrototype = markStandIn({
      ref() { return this; },
      // Node exits without running an unreferenced timer when nothing else is left
      unref() { taint(); return this; },
      hasRef() { return true; },
      refresh() { taint(); return this; },
      close() { clear(this); return this; },
      [TO_PRIMITIVE]() {
        // Node answers an async id, which this sandbox does not have
        taint();
        const id = weakMapGet(timerIds, this);
        if (id !== undefined) setAdd(exposedIds, id);
        return id;
      },
    });
    for (const key of ownKeys(timeoutPrototype)) markStandIn(timeoutPrototype[key]);
    function schedule(callback, after, args, repeat) {
      requireFunction(callback);
      let ms = after * 1;
      if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
      const handle = markStandIn({ __proto__: timeoutPrototype });
      const id = ++timerSeq;
      weakMapSet(timerIds, handle, id);
      mapSet(timers, id, { __proto__: null, id, due: clock + ms, ms, callback, args, repeat, handle });
      return handle;
    }
    function clear(timer) {
      if (isObject(timer)) {
        const id = weakMapGet(timerIds, timer);
        if (id !== undefined) mapDelete(timers, id);
      } else if ((typeof timer === "number" || typeof timer === "string") && setHas(exposedIds, timer * 1)) {
        mapDelete(timers, timer * 1);
      }
    }
    function setTimeout(callback, after, ...args) { return schedule(callback, after, args, false); }
    function setInterval(callback, repeat, ...args) { return schedule(callback, repeat, args, true); }
    function clearTimeout(timer) { clear(timer); }
    function clearInterval(timer) { clear(timer); }
    function queueMicrotask(callback) {
      requireFunction(callback);
      promiseThen(settledPromise, () => {
        try {
          apply(callback, undefined, []);
        } catch (error) {
          // an exception in a microtask ends a Node process; the driver reports it
          if (!failed) uncaught = { __proto__: null, error };
          failed = true;
        }
      });
    }
    let failed = false;
    let uncaught;

    const global = (name, value, enumerable, length) => {
      markStandIn(value);
      if (length !== undefined) defineProperty(value, "length", { __proto__: null, value: length, configurable: true });
      defineProperty(globalObject, name, { __proto__: null, value, writable: true, enumerable, configurable: true });
    };
    global("console", standIn(consoleTarget), false);
    global("process", standIn(processTarget), false);
    global("setTimeout", setTimeout, true, 5);
    global("setInterval", setInterval, true, 5);
    global("clearTimeout", clearTimeout, true);
    global("clearInterval", clearInterval, true);
    global("queueMicrotask", queueMicrotask, true);

    // Node's module has more to read than exports
    const moduleTarget = { exports: {} };
    const moduleObject = standIn(moduleTarget);

    return freeze({
      __proto__: null,
      // main is the snippet compiled as the body of a function whose whole text is source.
      // QuickJS compiles that text as one script, so a body that closes the function early runs
      // code outside it, where Node's parser reports a SyntaxError; the run ends as an error.
      start(main, source) {
        if (typeof main !== "function" || functionToString(main) !== source) {
          throw new NativeSyntaxError("Unexpected token '}'");
        }
        const exports = moduleTarget.exports;
        // no require: the worker reports a snippet that names it (or the file's path) as inexact
        apply(main, exports, [exports, undefined, moduleObject, "/main.js", "/"]);
        return 0;
      },
      runTicks() {
        if (failed) {
          failed = false;
          throw uncaught.error;
        }
        const ran = tickHead < tickTail;
        while (tickHead < tickTail) {
          const tick = ticks[tickHead];
          delete ticks[tickHead++];
          apply(tick.callback, undefined, tick.args);
        }
        return ran ? 1 : 0;
      },
      runNextTimer() {
        let next;
        mapForEach(timers, (timer) => {
          if (next === undefined || timer.due < next.due || (timer.due === next.due && timer.id < next.id)) next = timer;
        });
        if (next === undefined) return 0;
        clock = next.due;
        if (next.repeat) next.due = clock + next.ms;
        else mapDelete(timers, next.id);
        // Node calls a timer's callback as a method of its Timeout
        apply(next.callback, next.handle, next.args);
        return 1;
      },
      finish: () => (tainted || !intrinsicsIntact(true) ? 0 : 1),
      // the name an uncaught Error is reported by, read without running the snippet's code (no
      // proxy, no getter); undefined for a value that is not an Error
      raised(value) {
        if (typeof value !== "object" || value === null) return undefined;
        let name;
        let named = false;
        for (let link = value; link !== null; link = getPrototypeOf(link)) {
          if (weakSetHas(proxies, link)) return undefined;
          if (!named) {
            const descriptor = describe(link, "name");
            if (descriptor !== undefined) {
              if (!hasOwn(descriptor, "value")) return undefined;
              name = descriptor.value;
              named = true;
            }
          }
          if (link === errorPrototype) return typeof name === "string" ? name : undefined;
        }
        return undefined;
      },
    });
  }
`;
