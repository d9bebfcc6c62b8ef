import { defineFamily } from "../family.js";

/** object, its property, the method, the other object */
const THEMES = [
	["cart", "owner", "whose", "other"],
	["account", "holder", "holderName", "backup"],
	["team", "captain", "lead", "rival"],
	["shop", "keeper", "keeperName", "stall"],
	["song", "artist", "by", "cover"],
] as const;
const PEOPLE = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "ivy"];
/** detached: a method read into a variable; borrowed: a method copied to another object */
const FIRST = ["detached", "borrowed"] as const;

interface Params {
	theme: number;
	people: string[];
	first: (typeof FIRST)[number];
	/** the order in which the three calls are printed */
	order: number[];
}

export const thisBinding = defineFamily<Params>({
	id: "javascript/this-binding",
	language: "javascript",
	difficulty: "hard",
	title: "What this refers to",
	topics: ["this", "methods", "arrow functions", "bind", "objects"],
	params: (rng) => ({
		theme: rng.int(0, THEMES.length - 1),
		people: rng.sample(PEOPLE, 2),
		first: rng.pick(FIRST),
		order: rng.shuffle([0, 1, 2]),
	}),
	build: ({ theme, people: [mine = "", theirs = ""], first, order }) => {
		const chosen = THEMES[theme];
		if (!chosen) throw new RangeError(`no theme ${theme}`);
		const [obj, prop, method, other] = chosen;
		const arrowName = `${method}Arrow`;
		const calls = {
			detached: `${method}()`,
			borrowed: `${other}.${method}()`,
			arrow: `${obj}.${arrowName}()`,
			bound: `bound.call(${obj})`,
		};
		const program = (
			swap: Partial<Record<keyof typeof calls, string>> = {},
			arrowAsMethod = false,
		) => {
			const shown = [first, "arrow", "bound"] as const;
			const printed = order.map((i) => {
				const key = shown[i] ?? "arrow";
				return swap[key] ?? calls[key];
			});
			return [
				`const ${obj} = {`,
				`  ${prop}: "${mine}",`,
				`  ${method}() {`,
				`    return this.${prop};`,
				"  },",
				arrowAsMethod
					? `  ${arrowName}() {\n    return this.${prop};\n  },`
					: `  ${arrowName}: () => this.${prop},`,
				"};",
				`const ${other} = { ${prop}: "${theirs}" };`,
				first === "detached"
					? `const ${method} = ${obj}.${method};`
					: `${other}.${method} = ${obj}.${method};`,
				`const bound = ${obj}.${method}.bind(${other});`,
				`console.log(${printed.join(", ")});`,
				"",
			].join("\n");
		};
		const own = `${obj}.${method}()`;
		return {
			code: program(),
			mistakes: [
				{
					misconception: `a method always uses the object it was written in, ${obj}, however it is called`,
					code: program({ [first]: own }),
				},
				{
					misconception:
						"an arrow function used as a method gets this from the object it is called on",
					code: program({}, true),
				},
				{
					misconception: "call() can give a bound function a new this",
					code: program({ bound: `${obj}.${method}.call(${obj})` }),
				},
			],
			explain: (answer) =>
				`this is set by how a function is called, not where it is written. ` +
				(first === "detached"
					? `${calls.detached} is a plain call with nothing before the dot, so this is the global object (the script is not in strict mode), which has no ${prop}: undefined. `
					: `${calls.borrowed} is called on ${other}, so this is ${other} and the result is "${theirs}". `) +
				`An arrow function has no this of its own: it takes the this around the object literal, which at the top of a CommonJS module is the empty module.exports, so ${calls.arrow} gives undefined. ` +
				`bind fixes this for good: bound ignores the this that call passes and still uses ${other}, giving "${theirs}". It prints ${answer}.`,
		};
	},
});
