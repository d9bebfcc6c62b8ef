import { QUICKJS_INTRINSICS } from "./quickjs-intrinsics.js";
import { QUICKJS_MIRROR } from "./quickjs-mirror.js";
import { QUICKJS_STAND_INS } from "./quickjs-stand-ins.js";
import { QUICKJS_TAMPER } from "./quickjs-tamper.js";

/**
 * JavaScript evaluated in each fresh QuickJS context before a snippet. Its value is a setup
 * function that the host calls with its three functions (`log(stream, mirrorJson)`,
 * `write(text)`, `isPromise(value)`); nothing of the host is ever a global. Setup gives the
 * snippet what Node gives a script and QuickJS lacks (`console`, timers, `queueMicrotask`,
 * `process.nextTick`, `process.stdout.write`) and returns the driver the host keeps:
 * - `start(main, source)` runs the snippet, compiled as the module function whose text is source;
 * - `runTicks()` runs the process.nextTick queue, 1 if anything ran;
 * - `runNextTimer()` runs the timer due first, 1 if there was one;
 * - `finish()` is 1 when nothing the snippet did makes the output differ from Node's;
 * - `raised(value)` is the `name` of a thrown Error, undefined for any other value.
 * QuickJS cannot format values as Node does, so `console.log` sends a mirror of its arguments
 * (quickjs-mirror.ts) that the host formats with Node's own `util.format`.
 */
export const QUICKJS_PRELUDE = `
(function setup(hostLog, hostWrite, hostIsPromise) {
  "use strict";
  const globalKeys = Reflect.ownKeys(globalThis);
  ${QUICKJS_INTRINSICS}
  // every proxy the snippet makes: the mirror refuses them before any of their traps can run
  const proxies = new NativeWeakSet();
  // the prelude's own objects, which only look like Node's
  const standIns = new NativeWeakSet();
  let tainted = false;
  const taint = () => { tainted = true; };
  ${QUICKJS_MIRROR}
  ${QUICKJS_TAMPER}
  ${QUICKJS_STAND_INS}
  installProxy();
  installFunctionToString();
  watchIntrinsics(globalKeys);
  const driver = installGlobals();
  return driver;
})
`;
