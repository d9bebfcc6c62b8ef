import type { Family } from "./family.js";
import { arrayAliasing } from "./javascript/array-aliasing.js";
import { arrayMethodChoice } from "./javascript/array-method-choice.js";
import { asyncAwaitOrder } from "./javascript/async-await-order.js";
import { asyncForeach } from "./javascript/async-foreach.js";
import { bitwiseOperators } from "./javascript/bitwise-operators.js";
import { classSuper } from "./javascript/class-super.js";
import { closureCounters } from "./javascript/closure-counters.js";
import { comparisonConversionBugs } from "./javascript/comparison-conversion-bugs.js";
import { defaultSort } from "./javascript/default-sort.js";
import { destructuringDefaults } from "./javascript/destructuring-defaults.js";
import { divisionAndPrecedence } from "./javascript/division-and-precedence.js";
import { eventLoopOrder } from "./javascript/event-loop-order.js";
import { fallbackValues } from "./javascript/fallback-values.js";
import { finallyReturn } from "./javascript/finally-return.js";
import { floatingPoint } from "./javascript/floating-point.js";
import { forInVsForOf } from "./javascript/for-in-vs-for-of.js";
import { generators } from "./javascript/generators.js";
import { gettersSetters } from "./javascript/getters-setters.js";
import { hoisting } from "./javascript/hoisting.js";
import { invalidLength } from "./javascript/invalid-length.js";
import { letLoopBindings } from "./javascript/let-loop-bindings.js";
import { loopAccumulatorBugs } from "./javascript/loop-accumulator-bugs.js";
import { looseEquality } from "./javascript/loose-equality.js";
import { mapFilterReduce } from "./javascript/map-filter-reduce.js";
import { memoization } from "./javascript/memoization.js";
import { numberParsing } from "./javascript/number-parsing.js";
import { objectKeyOrder } from "./javascript/object-key-order.js";
import { objectLookupBugs } from "./javascript/object-lookup-bugs.js";
import { optionalChaining } from "./javascript/optional-chaining.js";
import { recursion } from "./javascript/recursion.js";
import { setAndMap } from "./javascript/set-and-map.js";
import { sliceVsSplice } from "./javascript/slice-vs-splice.js";
import { sortComparators } from "./javascript/sort-comparators.js";
import { spreadCopies } from "./javascript/spread-copies.js";
import { stringBuilding } from "./javascript/string-building.js";
import { stringMethods as javascriptStringMethods } from "./javascript/string-methods.js";
import { stringNumberCoercion } from "./javascript/string-number-coercion.js";
import { temporalDeadZone } from "./javascript/temporal-dead-zone.js";
import { thisBinding } from "./javascript/this-binding.js";
import { truthiness as javascriptTruthiness } from "./javascript/truthiness.js";
import { typeofValues } from "./javascript/typeof-values.js";
import { undefinedProperty } from "./javascript/undefined-property.js";
import { varClosureLoop } from "./javascript/var-closure-loop.js";
import { andOrOperands } from "./python/and-or-operands.js";
import { bitManipulation } from "./python/bit-manipulation.js";
import { chainedComparisons } from "./python/chained-comparisons.js";
import { classAttributes } from "./python/class-attributes.js";
import { counterArithmetic } from "./python/counter-arithmetic.js";
import { dataclassFields } from "./python/dataclass-fields.js";
import { decoratorOrder } from "./python/decorator-order.js";
import { defaultdictLookups } from "./python/defaultdict-lookups.js";
import { dictBuilding } from "./python/dict-building.js";
import { dictMethods } from "./python/dict-methods.js";
import { fStringFormats } from "./python/f-string-formats.js";
import { finallyRaises } from "./python/finally-raises.js";
import { floatPitfalls } from "./python/float-pitfalls.js";
import { floorDivision } from "./python/floor-division.js";
import { generatorExhaustion } from "./python/generator-exhaustion.js";
import { globalNonlocal } from "./python/global-nonlocal.js";
import { identityVsEquality } from "./python/identity-vs-equality.js";
import { inPlaceMethods } from "./python/in-place-methods.js";
import { itertoolsBasics } from "./python/itertools-basics.js";
import { keyFunctions } from "./python/key-functions.js";
import { lateBindingClosures } from "./python/late-binding-closures.js";
import { listMutationInLoop } from "./python/list-mutation-in-loop.js";
import { loopAccumulators } from "./python/loop-accumulators.js";
import { memoizedRecursion } from "./python/memoized-recursion.js";
import { missingKey } from "./python/missing-key.js";
import { mutableDefaultArgument } from "./python/mutable-default-argument.js";
import { nestedComprehensions } from "./python/nested-comprehensions.js";
import { nestedListAliasing } from "./python/nested-list-aliasing.js";
import { powerPrecedence } from "./python/power-precedence.js";
import { rangeLoops } from "./python/range-loops.js";
import { searchEarlyExit } from "./python/search-early-exit.js";
import { setOperations } from "./python/set-operations.js";
import { sortStability } from "./python/sort-stability.js";
import { starUnpacking } from "./python/star-unpacking.js";
import { stringMethods as pythonStringMethods } from "./python/string-methods.js";
import { stringSlicing } from "./python/string-slicing.js";
import { superMro } from "./python/super-mro.js";
import { truthiness as pythonTruthiness } from "./python/truthiness.js";
import { tryFinallyOrder } from "./python/try-finally-order.js";
import { unboundLocal } from "./python/unbound-local.js";

/** Every template family the offline generator draws from. */
export const FAMILIES: readonly Family[] = [
	// python: easy, medium, hard
	stringSlicing,
	floorDivision,
	pythonTruthiness,
	rangeLoops,
	andOrOperands,
	pythonStringMethods,
	dictMethods,
	fStringFormats,
	identityVsEquality,
	starUnpacking,
	chainedComparisons,
	missingKey,
	mutableDefaultArgument,
	counterArithmetic,
	dataclassFields,
	listMutationInLoop,
	inPlaceMethods,
	lateBindingClosures,
	tryFinallyOrder,
	unboundLocal,
	nestedListAliasing,
	nestedComprehensions,
	sortStability,
	setOperations,
	generatorExhaustion,
	superMro,
	decoratorOrder,
	classAttributes,
	memoizedRecursion,
	floatPitfalls,
	bitManipulation,
	finallyRaises,
	itertoolsBasics,
	globalNonlocal,
	defaultdictLookups,
	powerPrecedence,
	keyFunctions,
	dictBuilding,
	loopAccumulators,
	searchEarlyExit,
	// javascript: easy, medium, hard
	stringNumberCoercion,
	javascriptTruthiness,
	forInVsForOf,
	sliceVsSplice,
	divisionAndPrecedence,
	looseEquality,
	typeofValues,
	optionalChaining,
	closureCounters,
	numberParsing,
	javascriptStringMethods,
	fallbackValues,
	undefinedProperty,
	arrayAliasing,
	varClosureLoop,
	defaultSort,
	hoisting,
	temporalDeadZone,
	mapFilterReduce,
	setAndMap,
	spreadCopies,
	objectKeyOrder,
	gettersSetters,
	sortComparators,
	destructuringDefaults,
	recursion,
	thisBinding,
	eventLoopOrder,
	asyncAwaitOrder,
	letLoopBindings,
	asyncForeach,
	classSuper,
	bitwiseOperators,
	finallyReturn,
	invalidLength,
	floatingPoint,
	generators,
	memoization,
	arrayMethodChoice,
	loopAccumulatorBugs,
	stringBuilding,
	comparisonConversionBugs,
	objectLookupBugs,
];
