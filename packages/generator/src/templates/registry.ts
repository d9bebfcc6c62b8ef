import type { Family } from "./family.js";
import { arrayAliasing } from "./javascript/array-aliasing.js";
import { bitwiseOperators } from "./javascript/bitwise-operators.js";
import { classSuper } from "./javascript/class-super.js";
import { defaultSort } from "./javascript/default-sort.js";
import { eventLoopOrder } from "./javascript/event-loop-order.js";
import { forInVsForOf } from "./javascript/for-in-vs-for-of.js";
import { hoisting } from "./javascript/hoisting.js";
import { sliceVsSplice } from "./javascript/slice-vs-splice.js";
import { stringNumberCoercion } from "./javascript/string-number-coercion.js";
import { thisBinding } from "./javascript/this-binding.js";
import { truthiness as javascriptTruthiness } from "./javascript/truthiness.js";
import { varClosureLoop } from "./javascript/var-closure-loop.js";
import { classAttributes } from "./python/class-attributes.js";
import { decoratorOrder } from "./python/decorator-order.js";
import { floorDivision } from "./python/floor-division.js";
import { generatorExhaustion } from "./python/generator-exhaustion.js";
import { lateBindingClosures } from "./python/late-binding-closures.js";
import { mutableDefaultArgument } from "./python/mutable-default-argument.js";
import { nestedListAliasing } from "./python/nested-list-aliasing.js";
import { rangeLoops } from "./python/range-loops.js";
import { stringSlicing } from "./python/string-slicing.js";
import { superMro } from "./python/super-mro.js";
import { truthiness as pythonTruthiness } from "./python/truthiness.js";
import { tryFinallyOrder } from "./python/try-finally-order.js";

/** Every template family the offline generator draws from. */
export const FAMILIES: readonly Family[] = [
	// python: easy, medium, hard
	stringSlicing,
	floorDivision,
	pythonTruthiness,
	rangeLoops,
	mutableDefaultArgument,
	lateBindingClosures,
	tryFinallyOrder,
	nestedListAliasing,
	generatorExhaustion,
	superMro,
	decoratorOrder,
	classAttributes,
	// javascript: easy, medium, hard
	stringNumberCoercion,
	javascriptTruthiness,
	forInVsForOf,
	sliceVsSplice,
	arrayAliasing,
	varClosureLoop,
	defaultSort,
	hoisting,
	thisBinding,
	eventLoopOrder,
	classSuper,
	bitwiseOperators,
];
