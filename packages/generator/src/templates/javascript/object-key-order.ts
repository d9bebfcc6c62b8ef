import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed, ordinal } from "../prose.js";

const THEMES = [
	{ object: "stock", words: ["pear", "apple", "fig", "plum", "kiwi", "lime"] },
	{ object: "scores", words: ["ann", "bob", "cy", "dee", "eve", "max"] },
	{ object: "seats", words: ["aisle", "front", "back", "window", "exit"] },
	{ object: "config", words: ["mode", "theme", "size", "debug", "lang"] },
] as const;

/** One line of the snippet: a key in the literal, a new key assigned later, or an existing key assigned again. */
interface Step {
	key: string;
	value: number;
	/** integer-like keys are written as numbers */
	integer: boolean;
	/** in the object literal, or assigned after it */
	inLiteral: boolean;
	/** the key is already there: this assignment changes its value */
	again: boolean;
}

/** How keys come out: as the engine orders them, or as a learner with one belief expects. */
type Order =
	| "real"
	| "insertion"
	| "integersAsWritten"
	| "integersAsText"
	| "reassignMoves"
	| "sorted";

const BELIEFS: readonly Order[] = [
	"insertion",
	"integersAsWritten",
	"integersAsText",
	"reassignMoves",
	"sorted",
];

interface Params {
	object: string;
	steps: Step[];
	/** the position asked about */
	position: number;
}

const byNumber = (a: string, b: string) => Number(a) - Number(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The keys in the order Object.keys gives them, under the real rule or one belief. */
function keysIn(steps: readonly Step[], order: Order): string[] {
	const seen: Step[] = [];
	for (const step of steps) {
		if (!step.again) seen.push(step);
		else if (order === "reassignMoves") {
			seen.splice(
				seen.findIndex((s) => s.key === step.key),
				1,
			);
			seen.push(step);
		}
	}
	const integers = seen.filter((s) => s.integer).map((s) => s.key);
	const strings = seen.filter((s) => !s.integer).map((s) => s.key);
	if (order === "insertion") return seen.map((s) => s.key);
	if (order === "sorted") return seen.map((s) => s.key).sort(byText);
	if (order === "integersAsWritten") return [...integers, ...strings];
	if (order === "integersAsText") return [...integers.sort(byText), ...strings];
	return [...integers.sort(byNumber), ...strings];
}

/** The beliefs whose key at the position differs from the real one and from each other's. */
function telling(steps: readonly Step[], position: number): Order[] {
	const shown = new Set([itemAt(keysIn(steps, "real"), position)]);
	return BELIEFS.filter((order) => {
		const key = itemAt(keysIn(steps, order), position);
		if (shown.has(key)) return false;
		shown.add(key);
		return true;
	});
}

function drawSteps(rng: Rng, words: readonly string[]): Step[] {
	// one key of two digits and one of one digit, whose text order and number order differ
	const small = rng.int(2, 9);
	const integers = [
		rng.int(10, 10 * small - 1),
		small,
		rng.pick([0, 1, small + 1 < 10 ? small + 1 : 1]),
	];
	const keys = [
		...[...new Set(integers)].map((n) => ({ key: String(n), integer: true })),
		...rng.sample(words, rng.int(2, 3)).map((key) => ({ key, integer: false })),
	];
	const added = rng.shuffle(keys).map((k) => ({
		...k,
		value: rng.int(1, 9),
		inLiteral: false,
		again: false,
	}));
	const inLiteral = rng.int(2, 3);
	for (const step of added.slice(0, inLiteral)) step.inLiteral = true;
	// a word key is assigned again, after at least one later key where there is one
	const wordSteps = added.filter((s) => !s.integer);
	const early = wordSteps.filter((s) => s.inLiteral);
	const target = rng.pick(early.length > 0 ? early : wordSteps);
	const again = {
		...target,
		value: target.value + 10,
		inLiteral: false,
		again: true,
	};
	const after = added.indexOf(target) + 1;
	const at = rng.int(Math.min(after + 1, added.length), added.length);
	return [...added.slice(0, at), again, ...added.slice(at)];
}

/** Two integer-like keys that text order puts the other way round, as a clause. */
function textTrap(integers: readonly string[]): string {
	const text = [...integers].sort(byText);
	for (let i = 0; i + 1 < text.length; i++) {
		const [a, b] = [itemAt(text, i), itemAt(text, i + 1)];
		if (Number(a) > Number(b)) return `so "${a}" comes before "${b}"`;
	}
	return "digit by digit";
}

export const objectKeyOrder = defineFamily<Params>({
	id: "javascript/object-key-order",
	idea: "js.object-key-order",
	language: "javascript",
	difficulty: "medium",
	title: "Object key order",
	topics: ["objects", "keys", "object keys", "property order", "iteration"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		for (;;) {
			const steps = drawSteps(rng, theme.words);
			const size = steps.filter((s) => !s.again).length;
			const integers = steps.filter((s) => s.integer).length;
			// ask about a word key as often as about an integer-like one
			const position = rng.bool()
				? rng.int(0, integers - 1)
				: rng.int(integers, size - 1);
			if (telling(steps, position).length >= 3)
				return { object: theme.object, steps, position };
		}
	},
	build: ({ object, steps, position }) => {
		const literal = steps
			.filter((s) => s.inLiteral)
			.map((s) => `${s.key}: ${s.value}`)
			.join(", ");
		const assignment = (s: Step) =>
			s.integer
				? `${object}[${s.key}] = ${s.value};`
				: `${object}.${s.key} = ${s.value};`;
		const lines = [
			`const ${object} = { ${literal} };`,
			...steps.filter((s) => !s.inLiteral).map(assignment),
		];
		const program = (shown: string) =>
			[...lines, `console.log(${shown}[${position}]);`, ""].join("\n");
		const quoted = (keys: readonly string[]) =>
			`[${keys.map((k) => `"${k}"`).join(", ")}]`;
		const real = keysIn(steps, "real");
		const integers = real.filter((k) => /^\d+$/.test(k));
		const strings = real.filter((k) => !/^\d+$/.test(k));
		const again = steps.find((s) => s.again);
		const beliefs: Record<Exclude<Order, "real">, Belief> = {
			insertion: belief`Object.keys lists every key in the order it was added to ${object}`,
			integersAsWritten: belief`integer-like keys come first, but in the order they were added`,
			integersAsText: belief`integer-like keys come first, sorted as text, ${textTrap(integers)}`,
			sorted: belief`an object keeps its keys sorted as text, as a browser console shows them when you expand it`,
			reassignMoves: belief`assigning to ${again ? `${object}.${again.key}` : "a key"} again moves that key to the end`,
		};
		return {
			code: program(`Object.keys(${object})`),
			mistakes: telling(steps, position).map((order) => ({
				misconception: beliefs[order as Exclude<Order, "real">],
				code: program(quoted(keysIn(steps, order))),
			})),
			explain: (answer) =>
				`Object.keys lists integer-like keys first, in ascending numeric order (${listed(integers)}), then the other string keys in the order they were first added (${listed(strings)}). ` +
				(again
					? `Assigning to ${object}.${again.key} again changes its value but not its place. `
					: "") +
				`So the keys are ${real.join(", ")}, and the ${ordinal(position + 1)} is ${answer}.`,
			trace: [
				`keys as first added: ${steps
					.filter((s) => !s.again)
					.map((s) => s.key)
					.join(", ")}`,
				...(again
					? [
							`${object}.${again.key} = ${again.value}: a new value, the key keeps its place`,
						]
					: []),
				`integer-like keys, ascending: ${integers.join(", ")}`,
				`then the other keys, as first added: ${strings.join(", ")}`,
				`Object.keys(${object}) = ${quoted(real)}`,
				`index ${position}: "${itemAt(real, position)}"`,
			],
		};
	},
});
