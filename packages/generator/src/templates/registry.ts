import type { Family } from "./family.js";
import { arrayAliasing } from "./javascript/array-aliasing.js";
import { stringSlicing } from "./python/string-slicing.js";

/** Every template family the offline generator draws from. */
export const FAMILIES: readonly Family[] = [stringSlicing, arrayAliasing];
