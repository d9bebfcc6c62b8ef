import { belief, keyed } from "../belief.js";
import { defineFamily } from "../family.js";
import { twoOf } from "../item-at.js";

/** An object with two number fields and a getter computed from them. */
const THEMES = [
	{ object: "cart", fields: ["price", "count"], getter: "total", op: "*" },
	{ object: "box", fields: ["width", "height"], getter: "area", op: "*" },
	{ object: "team", fields: ["wins", "losses"], getter: "played", op: "+" },
	{ object: "trip", fields: ["hours", "speed"], getter: "distance", op: "*" },
	{ object: "score", fields: ["points", "bonus"], getter: "sum", op: "+" },
] as const;

/** What the setter stores in place of the text it is given. */
const TRANSFORMS = [
	{
		code: (t: string) => `${t}.toUpperCase()`,
		apply: (s: string) => s.toUpperCase(),
		says: "upper-cases the text it is given",
	},
	{
		code: (t: string) => `"#" + ${t}`,
		apply: (s: string) => `#${s}`,
		says: "puts a # before the text it is given",
	},
	{
		code: (t: string) => `${t} + "!"`,
		apply: (s: string) => `${s}!`,
		says: "adds a ! after the text it is given",
	},
	{
		code: (t: string) => `${t}.repeat(2)`,
		apply: (s: string) => s.repeat(2),
		says: "repeats the text it is given",
	},
] as const;

const LABELS = ["label", "tag", "code", "title"];
const TEXTS = ["ab", "go", "new", "sale", "red", "top"];

interface Params {
	theme: (typeof THEMES)[number];
	values: readonly [number, number];
	/** the value the second field is changed to, between the two reads */
	changed: number;
	label: string;
	text: string;
	transform: (typeof TRANSFORMS)[number];
	/** the number assigned to the getter-only property */
	assigned: number;
}

/** One misconception per part of the snippet, so that mistakes combine. */
interface Belief {
	/** the getter runs once and keeps its value */
	cached?: boolean;
	/** an assignment expression gives what the setter stored */
	storedValue?: boolean;
	/** assigning to a getter-only property is ignored, or replaces the getter */
	getterOnly?: "ignored" | "replaced";
}

export const gettersSetters = defineFamily<Params>({
	id: "javascript/getters-setters",
	idea: "js.getters-setters",
	language: "javascript",
	difficulty: "medium",
	title: "Getters and setters",
	topics: ["getters", "setters", "objects", "properties", "strict mode"],
	params: (rng) => {
		const [first, second] = twoOf(rng.sample([2, 3, 4, 5, 6, 7, 8, 9], 2));
		return {
			theme: rng.pick(THEMES),
			values: [first, second],
			changed: rng.pick([10, 11, 12, 20].filter((n) => n !== second)),
			label: rng.pick(LABELS),
			text: rng.pick(TEXTS),
			transform: rng.pick(TRANSFORMS),
			assigned: rng.pick([0, 50, 99, 100]),
		};
	},
	build: (p) => {
		const o = p.theme.object;
		const [a, b] = p.theme.fields;
		const g = p.theme.getter;
		const formula = `this.${a} ${p.theme.op} this.${b}`;
		const compute = (x: number, y: number) =>
			p.theme.op === "*" ? x * y : x + y;
		const program = (belief: Belief = {}) =>
			[
				`const ${o} = {`,
				`  ${a}: ${p.values[0]},`,
				`  ${b}: ${p.values[1]},`,
				`  get ${g}() {`,
				belief.cached
					? `    return (this._${g} ??= ${formula});`
					: `    return ${formula};`,
				"  },",
				...(belief.getterOnly === "ignored"
					? [`  set ${g}(value) {},`]
					: belief.getterOnly === "replaced"
						? [
								`  set ${g}(value) {`,
								`    Object.defineProperty(this, "${g}", { value });`,
								"  },",
							]
						: []),
				`  get ${p.label}() {`,
				`    return this._${p.label};`,
				"  },",
				`  set ${p.label}(text) {`,
				`    this._${p.label} = ${p.transform.code("text")};`,
				"  },",
				"};",
				`const before = ${o}.${g};`,
				`${o}.${b} = ${p.changed};`,
				belief.storedValue
					? `const stored = ((${o}.${p.label} = "${p.text}"), ${o}.${p.label});`
					: `const stored = (${o}.${p.label} = "${p.text}");`,
				"let outcome;",
				"try {",
				`  ${o}.${g} = ${p.assigned};`,
				`  outcome = ${o}.${g};`,
				"} catch (e) {",
				"  outcome = e.name;",
				"}",
				`console.log(before, ${o}.${g}, stored, ${o}.${p.label}, outcome);`,
				"",
			].join("\n");
		const before = compute(p.values[0], p.values[1]);
		const after = compute(p.values[0], p.changed);
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`the getter ${g} runs once and then keeps its first value, ${before}, like a plain property`,
					code: program({ cached: true }),
				},
				{
					misconception: belief`an assignment expression gives the value the setter stored, so stored is "${p.transform.apply(p.text)}"`,
					code: program({ storedValue: true }),
				},
				{
					misconception: keyed(
						"assigning-getter-no-setter-ignored",
						belief`assigning to ${o}.${g}, which has a getter but no setter, is quietly ignored`,
					),
					code: program({ getterOnly: "ignored" }),
				},
				{
					misconception: keyed(
						"assigning-getter-no-setter-replaces-getter",
						belief`assigning to ${o}.${g}, which has a getter but no setter, replaces the getter with the number ${p.assigned}`,
					),
					code: program({ getterOnly: "replaced" }),
				},
			],
			explain: (answer) =>
				`A getter runs on every read: ${o}.${g} is ${before} before ${o}.${b} changes and ${after} after. ` +
				`The setter for ${p.label} ${p.transform.says} before storing it, so ${o}.${p.label} reads "${p.transform.apply(p.text)}", but an assignment expression always gives the value on its right, "${p.text}", whatever the setter does with it. ` +
				`${o}.${g} has a getter and no setter, and in strict mode assigning to it throws a TypeError, so outcome is the error's name. ` +
				`It prints ${answer}.`,
			trace: [
				`before = ${o}.${g} → ${p.values[0]} ${p.theme.op} ${p.values[1]} = ${before}`,
				`${o}.${b} = ${p.changed}: the next read runs the getter again → ${p.values[0]} ${p.theme.op} ${p.changed} = ${after}`,
				`stored = (${o}.${p.label} = "${p.text}") → "${p.text}", the value on the right`,
				`the setter stores "${p.transform.apply(p.text)}", so ${o}.${p.label} reads "${p.transform.apply(p.text)}"`,
				`${o}.${g} = ${p.assigned}: no setter, and strict mode throws → outcome = "TypeError"`,
			],
		};
	},
});
