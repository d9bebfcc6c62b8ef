/**
 * The part of the QuickJS prelude that notices a snippet changing the built-ins: a second line of
 * defence behind the captures of quickjs-intrinsics.ts. Before the snippet runs it records the
 * own properties and prototype of every built-in object (the global constructors and namespaces,
 * their prototypes, the iterator and generator prototypes without global names) and the standard
 * properties of the global object. `intrinsicsIntact(everything)` tells whether they are unchanged.
 *
 * A changed, deleted or redefined property counts, and so does a new one that Node's formatting
 * or the mirror could read: any symbol, an array index, or one of SENSITIVE_KEYS. A new plain
 * method (`Array.prototype.last = …`) does not: Node prints values the same with it, and teaching
 * snippets add such methods. New globals do not count either (sloppy code makes them).
 *
 * Comparing everything costs about a millisecond in QuickJS (recording it as much again), more
 * than a whole bare run cost before, so each console call compares only Object.prototype and the
 * built-ins Node's util.inspect reads while formatting: replacing Map.prototype.size,
 * RegExp.prototype.exec, Function.prototype.call or Array[Symbol.species] changes what Node
 * prints, even though util.inspect holds on to most originals (about a quarter of a millisecond).
 * Everything is compared once an exact run ends.
 */
export const QUICKJS_TAMPER = `
  const SENSITIVE_KEYS = new NativeSet(["constructor", "toString", "valueOf", "toJSON", "toLocaleString",
    "name", "get", "set", "value", "writable", "enumerable", "configurable", "then"]);
  // Object.prototype first: the checks read descriptors directly once it is known to be intact;
  // then the built-ins Node's formatting reads, formattingCount of them with Object.prototype
  const watched = [];
  let formattingCount = 0;

  function intrinsicObjects(globalKeys) {
    const found = new NativeSet();
    const add = (value) => { if (isObject(value) && !weakSetHas(standIns, value)) setAdd(found, value); };
    // a constructor and its prototype, or a namespace such as Math; a plain global function
    // (parseInt) has nothing of its own worth watching, and the global object's record holds it
    const addWithPrototype = (value) => {
      const prototype = typeof value === "function" ? describe(value, "prototype") : undefined;
      if (typeof value === "function" && prototype === undefined) return;
      add(value);
      if (prototype !== undefined && hasOwn(prototype, "value")) add(prototype.value);
    };
    for (const key of globalKeys) {
      const descriptor = describe(globalObject, key);
      if (hasOwn(descriptor, "value") && descriptor.value !== globalObject) addWithPrototype(descriptor.value);
    }
    // built-ins without a global name
    for (const fn of [async function () {}, function* () {}, async function* () {}]) {
      addWithPrototype(getPrototypeOf(fn).constructor);
      const instances = describe(getPrototypeOf(fn), "prototype");
      if (instances === undefined) continue;
      add(instances.value);
      add(getPrototypeOf(instances.value));
    }
    addWithPrototype(getPrototypeOf(Int8Array));
    for (const iterator of [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
      ""[Symbol.iterator](), /./[Symbol.matchAll]("")]) {
      add(getPrototypeOf(iterator));
      add(getPrototypeOf(getPrototypeOf(iterator)));
    }
    return [...found];
  }

  // besides Object.prototype, the built-ins whose replacement changes what util.inspect prints for
  // the values the mirror describes (found by replacing each in turn); the names and tags it reads
  // through constructors and prototypes the mirror reads too
  function formattingObjects() {
    const objects = new NativeSet([Function.prototype, Array, Array.prototype, String.prototype,
      RegExp.prototype, Map.prototype, Set.prototype]);
    for (const iterator of [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
      ""[Symbol.iterator]()]) {
      objects.add(getPrototypeOf(iterator));
      objects.add(getPrototypeOf(getPrototypeOf(iterator)));
    }
    return objects;
  }

  /** Records the built-ins as they are now; globalKeys are the global object's standard properties. */
  function watchIntrinsics(globalKeys) {
    const formatting = formattingObjects();
    const objects = [globalObject, ...intrinsicObjects(globalKeys)];
    const record = (object) => {
      if (typeof object === "function") setAdd(intrinsicFunctions, object);
      const descriptors = getOwnPropertyDescriptors(object);
      const keys = object === globalObject ? globalKeys : ownKeys(descriptors);
      watched.push({ __proto__: null, object, prototype: getPrototypeOf(object), keys, descriptors, open: object !== globalObject });
    };
    record(objectPrototype);
    for (const object of objects) if (object !== objectPrototype && formatting.has(object)) record(object);
    formattingCount = watched.length;
    for (const object of objects) if (object !== objectPrototype && !formatting.has(object)) record(object);
  }

  /** Whether the built-ins are as recorded: all of them, or those Node's formatting reads. */
  function intrinsicsIntact(everything) {
    // Object.prototype through hasOwn: once it has no "value", "get", "set" or flag of its own,
    // the fields of any other descriptor can be read directly
    const base = watched[0];
    for (let k = 0; k < base.keys.length; k++) {
      const key = base.keys[k];
      const now = describe(objectPrototype, key);
      const then = base.descriptors[key];
      if (now === undefined || hasOwn(now, "value") !== hasOwn(then, "value") ||
        (hasOwn(now, "value") ? now.value !== then.value : now.get !== then.get || now.set !== then.set)) return false;
    }
    if (addedSensitive(base)) return false;
    const count = everything ? watched.length : formattingCount;
    for (let i = 1; i < count; i++) {
      const record = watched[i];
      if (getPrototypeOf(record.object) !== record.prototype) return false;
      // one call per object; without a prototype, a key deleted since reads as undefined, not inherited
      const current = getOwnPropertyDescriptors(record.object);
      setPrototypeOf(current, null);
      const keys = record.keys;
      const descriptors = record.descriptors;
      for (let k = 0; k < keys.length; k++) {
        const now = current[keys[k]];
        if (now === undefined) return false;
        const then = descriptors[keys[k]];
        // a changed flag alone changes nothing Node prints
        if ((now.value !== then.value && (now.value === now.value || then.value === then.value)) ||
          now.get !== then.get || now.set !== then.set) return false;
      }
      if (record.open && addedSensitive(record)) return false;
    }
    return true;
  }

  function addedSensitive(record) {
    const now = ownKeys(record.object);
    if (now.length === record.keys.length) return false;
    for (let i = 0; i < now.length; i++) {
      const key = now[i];
      if (typeof key === "symbol" || isIndex(key) || setHas(SENSITIVE_KEYS, key)) {
        let known = false;
        for (let k = 0; k < record.keys.length && !known; k++) known = record.keys[k] === key;
        if (!known) return true;
      }
    }
    return false;
  }
`;
