import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { twoOf } from "../item-at.js";

interface Theme {
	obj: string;
	prop: string;
	method: string;
	/** the other object, that borrows the method or is bound to it */
	other: string;
}
const THEMES: readonly Theme[] = [
	{ obj: "cart", prop: "owner", method: "whose", other: "other" },
	{ obj: "account", prop: "holder", method: "holderName", other: "backup" },
	{ obj: "team", prop: "captain", method: "lead", other: "rival" },
	{ obj: "shop", prop: "keeper", method: "keeperName", other: "stall" },
	{ obj: "song", prop: "artist", method: "by", other: "cover" },
];
// names as long as "undefined", so that the answer, which prints undefined where a mistake prints
// a name, is as long as every other option
const PEOPLE = [
	"gwendolyn",
	"frederick",
	"josephine",
	"catherine",
	"nathaniel",
	"charlotte",
	"valentina",
	"sebastian",
	"alexander",
	"cassandra",
];
/** detached: a method read into a variable; borrowed: a method copied to another object */
const FIRST = ["detached", "borrowed"] as const;
type Call = (typeof FIRST)[number] | "arrow" | "bound";

interface Params {
	theme: Theme;
	/** the property's value on the object, and on the other one */
	mine: string;
	theirs: string;
	first: (typeof FIRST)[number];
	/** the three calls, in the order they are printed */
	order: Call[];
}

export const thisBinding = defineFamily<Params>({
	id: "javascript/this-binding",
	idea: "js.this",
	language: "javascript",
	difficulty: "hard",
	title: "What this refers to",
	// a plain function called on its own gets the global object as `this` only in sloppy mode
	sloppyMode: true,
	topics: ["this", "methods", "arrow functions", "bind", "objects"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const [mine, theirs] = twoOf(rng.sample(PEOPLE, 2));
		const first = rng.pick(FIRST);
		return {
			theme,
			mine,
			theirs,
			first,
			order: rng.shuffle([first, "arrow", "bound"] as const),
		};
	},
	build: ({
		theme: { obj, prop, method, other },
		mine,
		theirs,
		first,
		order,
	}) => {
		const arrowName = `${method}Arrow`;
		const calls: Record<Call, string> = {
			detached: `${method}()`,
			borrowed: `${other}.${method}()`,
			arrow: `${obj}.${arrowName}()`,
			bound: `bound.call(${obj})`,
		};
		const program = (
			// a mistake writes some calls its own way; the others are printed as the snippet has them
			swap: Partial<Record<Call, string>> = {},
			arrowAsMethod = false,
		) => {
			const printed = order.map((call) => swap[call] ?? calls[call]);
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
					misconception: belief`a method always uses the object it was written in, ${obj}, however it is called`,
					code: program({ [first]: own }),
				},
				{
					misconception: belief`an arrow function used as a method gets this from the object it is called on`,
					code: program({}, true),
				},
				{
					misconception: belief`call() can give a bound function a new this`,
					code: program({ bound: `${obj}.${method}.call(${obj})` }),
				},
				...(first === "borrowed"
					? [
							{
								misconception: belief`a method copied onto ${other} is cut off from ${obj}, as a method read into a variable is, so it finds no ${prop}`,
								code: program({
									borrowed: `${other}.${method}.call(undefined)`,
								}),
							},
						]
					: []),
			],
			explain: (answer) =>
				`this is set by how a function is called, not where it is written. ` +
				(first === "detached"
					? `${calls.detached} is a plain call with nothing before the dot, so this is the global object (the script is not in strict mode), which has no ${prop}: undefined. `
					: `${calls.borrowed} is called on ${other}, so this is ${other} and the result is "${theirs}". `) +
				`An arrow function has no this of its own: it takes the this around the object literal, which at the top of a CommonJS module is the empty module.exports, so ${calls.arrow} gives undefined. ` +
				`bind fixes this for good: bound ignores the this that call passes and still uses ${other}, giving "${theirs}". It prints ${answer}.`,
			trace: order.map(
				(call) =>
					({
						detached: `${calls.detached}: a plain call, this = the global object, which has no ${prop}: undefined`,
						borrowed: `${calls.borrowed}: called on ${other}, this = ${other}: "${theirs}"`,
						arrow: `${calls.arrow}: an arrow keeps the outer this, module.exports = {}: undefined`,
						bound: `${calls.bound}: bind fixed this = ${other}, and call cannot change it: "${theirs}"`,
					})[call],
			),
		};
	},
});
