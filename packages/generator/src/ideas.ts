import type { Language } from "@app/contract";

/**
 * An idea a learner can get wrong and practise: several families may teach one idea, and each
 * misconception belongs to one. The id is stable (stored with challenges and answers); the name is
 * what a learner reads.
 */
export interface Idea {
	/** `py.<name>` or `js.<name>`, kebab-case */
	id: string;
	/** learner-facing, e.g. "Aliasing and copying" */
	name: string;
	language: Language;
}

/** Every idea the families teach. */
export const IDEAS: readonly Idea[] = [
	{ id: "py.slicing", name: "Slicing and indexing", language: "python" },
	{
		id: "py.integer-division",
		name: "Integer and floor division",
		language: "python",
	},
	{
		id: "py.truthiness",
		name: "Truthiness and what and/or return",
		language: "python",
	},
	{ id: "py.ranges", name: "Ranges", language: "python" },
	{ id: "py.string-methods", name: "String methods", language: "python" },
	{
		id: "py.dict-lookups",
		name: "Dictionary lookups and missing keys",
		language: "python",
	},
	{
		id: "py.string-formatting",
		name: "f-string formatting",
		language: "python",
	},
	{
		id: "py.identity-and-equality",
		name: "Identity and equality",
		language: "python",
	},
	{
		id: "py.unpacking",
		name: "Unpacking and starred names",
		language: "python",
	},
	{
		id: "py.operators-and-precedence",
		name: "Operator precedence and chained comparisons",
		language: "python",
	},
	{
		id: "py.mutable-defaults",
		name: "Mutable default arguments",
		language: "python",
	},
	{ id: "py.counter", name: "Counting with Counter", language: "python" },
	{ id: "py.dataclasses", name: "Dataclasses", language: "python" },
	{
		id: "py.mutating-while-looping",
		name: "Changing a list while looping over it",
		language: "python",
	},
	{
		id: "py.in-place-methods",
		name: "In-place methods that return None",
		language: "python",
	},
	{
		id: "py.closures-late-binding",
		name: "Closures and late binding",
		language: "python",
	},
	{
		id: "py.exceptions-and-finally",
		name: "Exceptions and finally",
		language: "python",
	},
	{ id: "py.scope", name: "Scope: global and nonlocal", language: "python" },
	{ id: "py.aliasing", name: "Aliasing and copying", language: "python" },
	{ id: "py.comprehensions", name: "Comprehensions", language: "python" },
	{ id: "py.sorting", name: "Sorting and key functions", language: "python" },
	{ id: "py.sets", name: "Set operations", language: "python" },
	{
		id: "py.generators",
		name: "Generators and exhaustion",
		language: "python",
	},
	{ id: "py.itertools", name: "itertools", language: "python" },
	{ id: "py.inheritance", name: "Inheritance and super()", language: "python" },
	{ id: "py.decorators", name: "Decorators", language: "python" },
	{
		id: "py.class-attributes",
		name: "Class and instance attributes",
		language: "python",
	},
	{
		id: "py.recursion-and-memoisation",
		name: "Recursion and memoisation",
		language: "python",
	},
	{
		id: "py.floating-point",
		name: "Floating-point numbers",
		language: "python",
	},
	{ id: "py.bitwise-operators", name: "Bitwise operators", language: "python" },
	{
		id: "py.building-dicts",
		name: "Building dictionaries",
		language: "python",
	},
	{
		id: "py.loop-accumulators",
		name: "Loop bounds and accumulators",
		language: "python",
	},
	{
		id: "py.searching",
		name: "Searching and returning early",
		language: "python",
	},
	{ id: "js.type-coercion", name: "Type coercion", language: "javascript" },
	{ id: "js.truthiness", name: "Truthiness", language: "javascript" },
	{
		id: "js.default-values",
		name: "Default values: ||, ?? and destructuring",
		language: "javascript",
	},
	{
		id: "js.for-in-and-for-of",
		name: "for...in and for...of",
		language: "javascript",
	},
	{
		id: "js.slice-and-splice",
		name: "slice and splice",
		language: "javascript",
	},
	{
		id: "js.arithmetic-and-precedence",
		name: "Division, remainder and precedence",
		language: "javascript",
	},
	{ id: "js.typeof", name: "What typeof says", language: "javascript" },
	{
		id: "js.missing-properties",
		name: "Missing properties and optional chaining",
		language: "javascript",
	},
	{
		id: "js.closures",
		name: "Closures and captured variables",
		language: "javascript",
	},
	{
		id: "js.number-parsing",
		name: "Parsing numbers from strings",
		language: "javascript",
	},
	{ id: "js.string-methods", name: "String methods", language: "javascript" },
	{ id: "js.aliasing", name: "Aliasing and copying", language: "javascript" },
	{ id: "js.sorting", name: "Sorting and comparators", language: "javascript" },
	{
		id: "js.hoisting",
		name: "Hoisting and the temporal dead zone",
		language: "javascript",
	},
	{
		id: "js.array-methods",
		name: "Array methods: map, filter and reduce",
		language: "javascript",
	},
	{ id: "js.set-and-map", name: "Set and Map", language: "javascript" },
	{
		id: "js.object-key-order",
		name: "Object key order",
		language: "javascript",
	},
	{
		id: "js.getters-setters",
		name: "Getters and setters",
		language: "javascript",
	},
	{
		id: "js.recursion-and-memoisation",
		name: "Recursion and memoisation",
		language: "javascript",
	},
	{ id: "js.this", name: "What this refers to", language: "javascript" },
	{
		id: "js.event-loop",
		name: "The event loop: ticks, promises and timers",
		language: "javascript",
	},
	{
		id: "js.async-await",
		name: "Async functions and await",
		language: "javascript",
	},
	{ id: "js.classes", name: "Classes and inheritance", language: "javascript" },
	{
		id: "js.bitwise-operators",
		name: "Bitwise operators",
		language: "javascript",
	},
	{
		id: "js.exceptions-and-finally",
		name: "try, catch and finally",
		language: "javascript",
	},
	{
		id: "js.invalid-lengths",
		name: "Negative lengths and counts",
		language: "javascript",
	},
	{
		id: "js.floating-point",
		name: "Floating-point numbers",
		language: "javascript",
	},
	{
		id: "js.generators",
		name: "Generators and iterators",
		language: "javascript",
	},
	{
		id: "js.loop-accumulators",
		name: "Loop bounds and accumulators",
		language: "javascript",
	},
	{
		id: "js.string-building",
		name: "Building strings",
		language: "javascript",
	},
	{
		id: "js.object-lookups",
		name: "Counting and looking up keys",
		language: "javascript",
	},
];

const BY_ID = new Map(IDEAS.map((idea) => [idea.id, idea]));

export const ideaById = (id: string): Idea | undefined => BY_ID.get(id);
