/**
 * The part of the QuickJS prelude that describes `console.log`'s arguments to the host (the
 * "mirror": a JSON graph of types, constructor names, keys and values, rebuilt and formatted by
 * node-format.ts). It needs the captures of quickjs-intrinsics.ts and two sets from the prelude:
 * `proxies` (every proxy the snippet made) and `standIns` (the prelude's console, process, timers).
 *
 * It reads values only through descriptors and captured functions, so no code of the snippet runs
 * while it walks them (a proxy is refused before any trap could run). Where Node itself would
 * run the snippet's code while formatting (an inspect.custom method, a getter on a prototype's
 * Symbol.toStringTag or a constructor's name, a Symbol.hasInstance, a proxy's trap in a prototype
 * chain, `%s` on an object), the mirror reports `quiet: false`; where it cannot carry what Node
 * would print, `exact: false`.
 */
export const QUICKJS_MIRROR = String.raw`
  const FULL_DEPTH = 6;
  const MAX_ITEMS = 101;
  const MAX_KEYS = 1000;
  const NATIVE_SUFFIX = "[native code]\n}";
  const objectPrototype = Object.prototype;
  const functionPrototype = Function.prototype;
  const datePrototype = Date.prototype;
  const regExpPrototype = RegExp.prototype;
  const functionKinds = new NativeMap();
  mapSet(functionKinds, functionPrototype, { __proto__: null, kind: "plain", type: "Function" });
  mapSet(functionKinds, getPrototypeOf(async function () {}), { __proto__: null, kind: "async", type: "AsyncFunction" });
  mapSet(functionKinds, getPrototypeOf(function* () {}), { __proto__: null, kind: "generator", type: "GeneratorFunction" });
  mapSet(functionKinds, getPrototypeOf(async function* () {}), { __proto__: null, kind: "asyncGenerator", type: "AsyncGeneratorFunction" });
  // built-in constructors, filled by the tamper snapshot; any other native function (a bound one)
  // could hand instanceof on to a Symbol.hasInstance of the snippet's
  const intrinsicFunctions = new NativeSet();

  let seen;
  let faithful;
  let quiet;
  let chainTag;
  const inexact = () => { faithful = false; };
  const runsCode = () => { faithful = false; quiet = false; };
  const isObject = (value) => (typeof value === "object" && value !== null) || typeof value === "function";
  const isIndex = (key) => "" + (key >>> 0) === key && key !== "4294967295";
  const symbolText = (symbol) => {
    const description = symbolDescription(symbol);
    return description === undefined ? "null" : quote(description);
  };

  /** JSON text of the nodes for console.log's arguments; leaves faithful and quiet set for them. */
  function mirror(args) {
    seen = new NativeMap();
    faithful = true;
    quiet = true;
    checkFormat(args);
    let nodes = "";
    for (let i = 0; i < args.length; i++) nodes += (i === 0 ? "" : ",") + walk(args[i], 0);
    seen = undefined;
    return nodes;
  }

  // Node's %s, %d, %i, %f and %j convert an object with its own toString, valueOf or toJSON, and
  // %o shows the keys an object hides
  function checkFormat(args) {
    const format = args[0];
    if (typeof format !== "string") return;
    let used = 0;
    for (let i = 0; i < format.length - 1 && used + 1 < args.length; i++) {
      if (stringCharCodeAt(format, i) !== 37) continue;
      switch (format[++i]) {
        case "s": case "j": case "d": case "i": case "f":
          if (isObject(args[++used])) runsCode();
          break;
        case "o":
          if (isObject(args[++used])) inexact();
          break;
        case "O": case "c":
          used++;
      }
    }
  }

  function walk(value, depth) {
    switch (typeof value) {
      case "undefined": return '{"t":"undefined"}';
      case "boolean": return '{"t":"boolean","v":' + value + "}";
      case "string": return '{"t":"string","v":' + quote(value) + "}";
      case "bigint": return '{"t":"bigint","v":"' + value + '"}';
      case "symbol": return '{"t":"symbol","v":' + symbolText(value) + "}";
      case "number":
        return '{"t":"number","v":' + (value === 0 && 1 / value < 0 ? '"-0"' : value - value === 0 ? "" + value : '"' + value + '"') + "}";
    }
    if (value === null) return '{"t":"null"}';
    if (mapHas(seen, value)) return '{"t":"ref","id":' + mapGet(seen, value) + "}";
    // Node shows three levels; deeper values only make their parent non-empty
    if (depth > FULL_DEPTH + 1) return '{"t":"undefined"}';
    const id = mapSize(seen);
    mapSet(seen, value, id);
    const opaque = '{"t":"object","id":' + id + ',"ctor":"Object","props":[]}';
    if (!plainChain(value)) return opaque;
    const ctor = constructorName(value);
    if (ctor === undefined) inexact();
    if (typeof value === "function") return fn(value, id, depth, ctor);
    const limit = depth > FULL_DEPTH ? 1 : MAX_ITEMS;
    if (isArray(value)) {
      if (ctor !== "Array" || chainTag !== undefined) inexact();
      let items = "";
      const length = value.length;
      const shown = length < limit ? length : limit;
      for (let i = 0; i < shown; i++) {
        if (hasOwn(value, i)) items += (items === "" ? "" : ",") + "[" + i + "," + member(value, "" + i, depth) + "]";
      }
      return '{"t":"array","id":' + id + ',"length":' + length + ',"items":[' + items + '],"props":' + props(value, depth, limit, true) + "}";
    }
    if (chainTag !== undefined) return collection(value, id, depth, limit, ctor) || opaque;
    const builtin = objectToString(value);
    if (builtin === "[object Date]" || builtin === "[object RegExp]") {
      // Node decides by the constructor's name first: a date whose constructor reads as Object prints as {}
      const isDate = builtin === "[object Date]";
      if (ctor !== (isDate ? "Date" : "RegExp") || getPrototypeOf(value) !== (isDate ? datePrototype : regExpPrototype) ||
        hasKeys(value)) inexact();
      if (isDate) {
        const time = dateGetTime(value);
        return '{"t":"date","id":' + id + ',"v":' + (time === time ? quote(dateToISOString(value)) : "null") + "}";
      }
      // Node prints it with RegExp.prototype.toString, which reads "source" and "flags" by lookup
      if (describe(value, "source") !== undefined || describe(value, "flags") !== undefined) inexact();
      let flags = "";
      for (let i = 0; i < REGEXP_FLAGS.length; i++) if (REGEXP_FLAGS[i].read(value)) flags += REGEXP_FLAGS[i].letter;
      return '{"t":"regexp","id":' + id + ',"source":' + quote(regExpSource(value)) + ',"flags":"' + flags + '"}';
    }
    // Node prints an instance whose constructor is Object as a plain object; any other with hidden slots it shows as the built-in
    if (builtin !== "[object Object]" || (ctor !== "Object" && hasHiddenSlots(value))) inexact();
    return '{"t":"object","id":' + id + ',"ctor":' + (ctor === null ? "null" : quote(ctor === undefined ? "Object" : ctor)) + ',"props":' + props(value, depth, limit, false) + "}";
  }

  // Walks the prototype chain through descriptors; false when the value cannot be mirrored at all.
  // Leaves the first Symbol.toStringTag found in chainTag.
  function plainChain(value) {
    chainTag = undefined;
    let tagFound = false;
    for (let link = value; link !== null; link = getPrototypeOf(link)) {
      if (weakSetHas(proxies, link)) { runsCode(); return false; }
      if (weakSetHas(standIns, link)) { inexact(); return false; }
      if (describe(link, INSPECT_CUSTOM) !== undefined) { runsCode(); return false; }
      if (tagFound) continue;
      const tag = describe(link, TO_STRING_TAG);
      if (tag === undefined) continue;
      if (!hasOwn(tag, "value")) { runsCode(); return false; }
      tagFound = true;
      chainTag = tag.value;
      if (typeof chainTag !== "string") { inexact(); return false; }
    }
    return true;
  }

  function collection(value, id, depth, limit, ctor) {
    const isMap = chainTag === "Map";
    if ((!isMap && chainTag !== "Set") || ctor !== chainTag || !branded(isMap ? mapSize : setSize, value)) {
      inexact();
      return undefined;
    }
    let entries = "";
    let count = 0;
    // Node counts the entries it leaves out, so they are all sent unless the container is too deep to show
    const cap = limit === 1 ? 1 : MAX_KEYS;
    const add = isMap
      ? (item, key) => { if (count++ < cap) entries += (count === 1 ? "" : ",") + "[" + walk(key, depth + 1) + "," + walk(item, depth + 1) + "]"; }
      : (item) => { if (count++ < cap) entries += (count === 1 ? "" : ",") + walk(item, depth + 1); };
    if (isMap) mapForEach(value, add);
    else setForEach(value, add);
    if (count > cap && cap !== 1) inexact();
    return '{"t":"' + (isMap ? "map" : "set") + '","id":' + id + ',"entries":[' + entries + '],"props":' + props(value, depth, limit, false) + "}";
  }

  function branded(check, value) {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  }

  function hasHiddenSlots(value) {
    for (let i = 0; i < BRAND_CHECKS.length; i++) if (branded(BRAND_CHECKS[i], value)) return true;
    return isView(value) || hostIsPromise(value);
  }

  function hasKeys(value) {
    if (objectKeys(value).length > 0) return true;
    const symbols = ownSymbols(value);
    for (let i = 0; i < symbols.length; i++) if (isEnumerable(value, symbols[i])) return true;
    return false;
  }

  // Node's getConstructorName: the first named "constructor" up the chain that the value is an
  // instance of; undefined where Node's answer would need the snippet's code or is not a plain name
  function constructorName(value) {
    for (let link = value; link !== null; link = getPrototypeOf(link)) {
      const descriptor = describe(link, "constructor");
      if (descriptor === undefined || !hasOwn(descriptor, "value") || typeof descriptor.value !== "function") continue;
      const candidate = descriptor.value;
      const name = functionName(candidate);
      if (name === undefined) return undefined;
      if (name === "") continue;
      const instance = isInstance(value, candidate);
      if (instance === undefined) return undefined;
      if (instance) return name;
    }
    return getPrototypeOf(value) === null ? null : undefined;
  }

  // a function's "name" as Node reads it; undefined when that read would run a getter
  function functionName(fn) {
    if (weakSetHas(proxies, fn)) { runsCode(); return undefined; }
    const descriptor = describe(fn, "name");
    if (descriptor === undefined) return getPrototypeOf(fn) === functionPrototype ? "" : undefined;
    if (!hasOwn(descriptor, "value")) { runsCode(); return undefined; }
    return typeof descriptor.value === "string" ? descriptor.value : undefined;
  }

  function isInstance(value, ctor) {
    if (weakSetHas(standIns, ctor)) return undefined;
    if (!setHas(intrinsicFunctions, ctor) && stringEndsWith(functionToString(ctor), NATIVE_SUFFIX)) return undefined;
    for (let link = ctor; link !== null; link = getPrototypeOf(link)) {
      if (weakSetHas(proxies, link)) { runsCode(); return undefined; }
      const descriptor = describe(link, HAS_INSTANCE);
      if (descriptor === undefined) continue;
      if (!hasOwn(descriptor, "value") || descriptor.value !== functionHasInstance) { runsCode(); return undefined; }
      const prototype = describe(ctor, "prototype");
      if (prototype === undefined || !hasOwn(prototype, "value")) return undefined;
      return ordinaryHasInstance(ctor, value);
    }
    return undefined;
  }

  function fn(value, id, depth, ctor) {
    const source = functionToString(value);
    const name = functionName(value);
    if (name === undefined) inexact();
    let node = '{"t":"function","id":' + id + ',"name":' + quote(name === undefined ? "" : name);
    if (isClassSource(source)) {
      const parent = getPrototypeOf(value);
      const parentName = parent === null ? undefined : parent === functionPrototype ? "" : functionName(parent);
      if (ctor !== "Function" || chainTag !== undefined || parentName === undefined) inexact();
      node += ',"kind":"class","extends":' + quote(parentName === undefined ? "" : parentName);
    } else {
      const kind = mapGet(functionKinds, getPrototypeOf(value));
      if (kind === undefined || ctor !== kind.type || (chainTag !== undefined && chainTag !== kind.type)) inexact();
      node += ',"kind":"' + (kind === undefined ? "other" : kind.kind) + '"';
    }
    return node + ',"props":' + props(value, depth, MAX_ITEMS, false) + "}";
  }

  // Node's test for a class: source "class … {…}" with no "(" before the first "{"; where a "("
  // comes first Node strips comments with a regular expression, which the mirror does not redo
  function isClassSource(source) {
    if (!stringStartsWith(source, "class") || !stringEndsWith(source, "}")) return false;
    const body = stringSlice(source, 5, -1);
    const brace = stringIndexOf(body, "{");
    if (brace === -1) return false;
    if (!stringIncludes(stringSlice(body, 0, brace), "(")) return true;
    inexact();
    return false;
  }

  function props(value, depth, limit, skipIndices) {
    let out = "";
    let count = 0;
    const keys = objectKeys(value);
    if (keys.length > MAX_KEYS) inexact();
    for (let i = 0; i < keys.length && count < limit; i++) {
      const key = keys[i];
      if (skipIndices && isIndex(key)) continue;
      out += (count++ === 0 ? "" : ",") + "[" + quote(key) + "," + member(value, key, depth) + "]";
    }
    const symbols = ownSymbols(value);
    for (let i = 0; i < symbols.length && count < limit; i++) {
      if (!isEnumerable(value, symbols[i])) continue;
      out += (count++ === 0 ? "" : ",") + '[{"symbol":' + symbolText(symbols[i]) + "}," + member(value, symbols[i], depth) + "]";
    }
    return "[" + out + "]";
  }

  function member(value, key, depth) {
    const descriptor = describe(value, key);
    if (descriptor === undefined) {
      inexact();
      return '{"t":"undefined"}';
    }
    if (hasOwn(descriptor, "value")) return walk(descriptor.value, depth + 1);
    return '{"t":"accessor","get":' + (descriptor.get !== undefined) + ',"set":' + (descriptor.set !== undefined) + "}";
  }
`;
