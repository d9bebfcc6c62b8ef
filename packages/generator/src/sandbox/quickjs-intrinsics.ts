/**
 * The first part of the QuickJS prelude (see quickjs-prelude.ts): every built-in the prelude calls
 * once a snippet has run, captured while the context is still untouched. A snippet may replace
 * `JSON.stringify`, `Map.prototype.get` or `Array.prototype.push`; the prelude keeps calling the
 * originals. Methods are uncurried (`hasOwn(object, key)` instead of `object.hasOwnProperty(key)`),
 * because a method looked up on a prototype at call time is the snippet's to choose.
 *
 * Rules for the code that runs after the snippet started:
 * - no method call on a value: only the captured functions below;
 * - no `for…of`, spread or array destructuring (they use the replaceable iterator protocol);
 * - no `array[i] = x` past the end of an array (an index setter on `Array.prototype` runs);
 * - descriptors and records are `{ __proto__: null, … }`, so nothing is inherited from
 *   `Object.prototype` (a `get` there turns `{ value }` into an accessor descriptor);
 * - strings are built with `+` from primitives only (a template literal or `String(x)` on an
 *   object runs its `toString`).
 */
export const QUICKJS_INTRINSICS = `
  const globalObject = globalThis;
  const {
    apply, construct, defineProperty, getPrototypeOf, ownKeys,
    get: reflectGet, set: reflectSet, has: reflectHas,
  } = Reflect;
  const describe = Reflect.getOwnPropertyDescriptor;
  const uncurry = (fn) => apply(Function.prototype.bind, Function.prototype.call, [fn]);
  const getterOf = (object, key) => uncurry(describe(object, key).get);
  const methodOf = (object, key) => uncurry(describe(object, key).value);

  const hasOwn = methodOf(Object.prototype, "hasOwnProperty");
  const isEnumerable = methodOf(Object.prototype, "propertyIsEnumerable");
  const objectToString = methodOf(Object.prototype, "toString");
  const nativeFunctionToString = describe(Function.prototype, "toString").value;
  const functionToString = uncurry(nativeFunctionToString);
  const objectKeys = Object.keys;
  const getOwnPropertyDescriptors = Object.getOwnPropertyDescriptors;
  const setPrototypeOf = Reflect.setPrototypeOf;
  const ownSymbols = Object.getOwnPropertySymbols;
  const objectIs = Object.is;
  const freeze = Object.freeze;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const quote = JSON.stringify;

  const INSPECT_CUSTOM = Symbol.for("nodejs.util.inspect.custom");
  const TO_STRING_TAG = Symbol.toStringTag;
  const TO_PRIMITIVE = Symbol.toPrimitive;
  const HAS_INSTANCE = Symbol.hasInstance;
  const functionHasInstance = describe(Function.prototype, HAS_INSTANCE).value;
  const ordinaryHasInstance = uncurry(functionHasInstance);
  const symbolDescription = getterOf(Symbol.prototype, "description");

  const NativeMap = Map;
  const NativeSet = Set;
  const NativeWeakMap = WeakMap;
  const NativeWeakSet = WeakSet;
  const NativeTypeError = TypeError;
  const errorPrototype = Error.prototype;
  const NativeSyntaxError = SyntaxError;
  const NativeProxy = Proxy;
  const proxyRevocable = Proxy.revocable;
  const mapGet = methodOf(Map.prototype, "get");
  const mapSet = methodOf(Map.prototype, "set");
  const mapHas = methodOf(Map.prototype, "has");
  const mapDelete = methodOf(Map.prototype, "delete");
  const mapForEach = methodOf(Map.prototype, "forEach");
  const mapSize = getterOf(Map.prototype, "size");
  const setAdd = methodOf(Set.prototype, "add");
  const setHas = methodOf(Set.prototype, "has");
  const setForEach = methodOf(Set.prototype, "forEach");
  const setSize = getterOf(Set.prototype, "size");
  const weakSetAdd = methodOf(WeakSet.prototype, "add");
  const weakSetHas = methodOf(WeakSet.prototype, "has");
  const weakMapGet = methodOf(WeakMap.prototype, "get");
  const weakMapSet = methodOf(WeakMap.prototype, "set");
  const dateGetTime = methodOf(Date.prototype, "getTime");
  const dateToISOString = methodOf(Date.prototype, "toISOString");
  const regExpSource = getterOf(RegExp.prototype, "source");
  // RegExp.prototype.flags reads each flag through a lookup; these read the regular expression itself
  const REGEXP_FLAGS = [["hasIndices", "d"], ["global", "g"], ["ignoreCase", "i"], ["multiline", "m"],
    ["dotAll", "s"], ["unicode", "u"], ["unicodeSets", "v"], ["sticky", "y"]]
    .filter(([name]) => describe(RegExp.prototype, name) !== undefined)
    .map(([name, letter]) => ({ __proto__: null, read: getterOf(RegExp.prototype, name), letter }));
  const stringSlice = methodOf(String.prototype, "slice");
  const stringStartsWith = methodOf(String.prototype, "startsWith");
  const stringEndsWith = methodOf(String.prototype, "endsWith");
  const stringIndexOf = methodOf(String.prototype, "indexOf");
  const stringIncludes = methodOf(String.prototype, "includes");
  const stringCharCodeAt = methodOf(String.prototype, "charCodeAt");

  // each throws unless its argument has the internal slots of one kind of built-in object
  const BRAND_CHECKS = [
    mapSize,
    setSize,
    ((has, probe) => (value) => has(value, probe))(methodOf(WeakMap.prototype, "has"), {}),
    ((has, probe) => (value) => has(value, probe))(weakSetHas, {}),
    getterOf(ArrayBuffer.prototype, "byteLength"),
    dateGetTime,
    regExpSource,
    methodOf(Number.prototype, "valueOf"),
    methodOf(String.prototype, "valueOf"),
    methodOf(Boolean.prototype, "valueOf"),
    methodOf(Symbol.prototype, "valueOf"),
    methodOf(BigInt.prototype, "valueOf"),
    ...(typeof SharedArrayBuffer === "function" ? [getterOf(SharedArrayBuffer.prototype, "byteLength")] : []),
    ...(typeof WeakRef === "function" ? [methodOf(WeakRef.prototype, "deref")] : []),
  ];

  // a promise whose own "constructor" is undefined: then() on it builds its result with the
  // intrinsic Promise, never with a species the snippet put on Promise.prototype.constructor
  const settledPromise = Promise.resolve();
  defineProperty(settledPromise, "constructor", { __proto__: null, value: undefined });
  freeze(settledPromise);
  const promiseThen = methodOf(Promise.prototype, "then");
`;
