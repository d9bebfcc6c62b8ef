import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { possessive } from "../prose.js";

/** [base, left, right, child] */
const THEMES = [
	["Base", "Left", "Right", "Child"],
	["Animal", "Swimmer", "Flyer", "Duck"],
	["Device", "Camera", "Phone", "Smartphone"],
	["Vehicle", "Boat", "Car", "Amphibian"],
	["Worker", "Cook", "Driver", "Chef"],
	["Widget", "Clickable", "Draggable", "Icon"],
	["Reader", "Parser", "Checker", "Loader"],
] as const;
const METHODS = ["__init__", "setup", "prepare", "start"];
const LOGS = ["order", "calls", "trail", "steps"];

interface Params {
	names: readonly [string, string, string, string];
	method: string;
	log: string;
	/** Left and Right record their name before calling super() (true) or after it returns */
	recordFirst: boolean;
	/** the same for the child, when it has its own method */
	childFirst: boolean;
	childOverrides: boolean;
	/** also call the method on a plain Left object, whose MRO has no Right */
	alsoLeft: boolean;
}

/** How each class hands the call on: super(), an explicit class, both parents, or nothing. */
type Next = "super" | "none" | string | string[];

export const superMro = defineFamily<Params>({
	id: "python/super-mro",
	idea: "py.inheritance",
	language: "python",
	difficulty: "hard",
	title: "super() and the method resolution order",
	topics: ["classes", "inheritance", "super", "mro", "multiple inheritance"],
	params: (rng) => ({
		names: rng.pick(THEMES),
		method: rng.pick(METHODS),
		log: rng.pick(LOGS),
		recordFirst: rng.bool(),
		childFirst: rng.bool(),
		childOverrides: rng.int(0, 3) > 0,
		alsoLeft: rng.bool(),
	}),
	build: ({
		names: [base, left, right, child],
		method,
		log,
		recordFirst,
		childFirst,
		childOverrides,
		alsoLeft,
	}) => {
		const call = (next: Next) => {
			if (next === "none") return [];
			if (next === "super") return [`super().${method}()`];
			return (Array.isArray(next) ? next : [next]).map(
				(cls) => `${cls}.${method}(self)`,
			);
		};
		const define = (
			name: string,
			next: Next,
			first: boolean,
			records = true,
		) => {
			const record = records ? [`${log}.append("${name}")`] : [];
			const lines = first
				? [...record, ...call(next)]
				: [...call(next), ...record];
			return [`    def ${method}(self):`, ...lines.map((l) => `        ${l}`)];
		};
		const create = (name: string) =>
			method === "__init__" ? `${name}()` : `${name}().${method}()`;
		const program = (
			next: { left: Next; right: Next; child: Next },
			bases = `${left}, ${right}`,
		) =>
			[
				`${log} = []`,
				"",
				`class ${base}:`,
				...define(base, "none", true),
				"",
				`class ${left}(${base}):`,
				...define(left, next.left, recordFirst),
				"",
				`class ${right}(${base}):`,
				...define(right, next.right, recordFirst),
				"",
				`class ${child}(${bases}):`,
				// a child with no method of its own still needs one to call both bases, but it records nothing
				...(childOverrides || next.child !== "super"
					? define(child, next.child, childFirst, childOverrides)
					: ["    pass"]),
				"",
				create(child),
				...(alsoLeft ? [create(left)] : []),
				`print(${log})`,
				"",
			].join("\n");
		const cooperative = { left: "super", right: "super", child: "super" };
		const mro = [child, left, right, base];
		const chain = childOverrides ? mro : mro.slice(1);
		// the classes between the child and the base append either before or after their super() call
		const firsts = childOverrides ? [recordFirst, childFirst] : [recordFirst];
		const order = firsts.every(Boolean)
			? `each class appends before it calls super(), so ${log} follows the calls`
			: firsts.some(Boolean)
				? "a class that appends before calling super() shows up on the way in, one that appends after it on the way back"
				: `each class appends after its super() call returns, so ${log} runs from ${base} back up the chain`;
		const appendsFirst = (cls: string) =>
			cls === child ? childFirst : recordFirst;
		const between = chain.slice(0, -1);
		const childLog = [
			...between.filter(appendsFirst),
			base,
			...between.filter((cls) => !appendsFirst(cls)).reverse(),
		];
		const leftLog = recordFirst ? [left, base] : [base, left];
		const quoted = (names: readonly string[]) =>
			`[${names.map((n) => `'${n}'`).join(", ")}]`;
		const finalLog = alsoLeft ? [...childLog, ...leftLog] : childLog;
		return {
			code: program(cooperative),
			trace: [
				`${possessive(child)} MRO: ${mro.join(", ")}, object`,
				...between.map((cls, i) => {
					const next = chain[i + 1];
					return appendsFirst(cls)
						? `${cls}.${method}: appends "${cls}", then super() goes to ${next}`
						: `${cls}.${method}: super() goes to ${next} first, "${cls}" is appended after`;
				}),
				`${base}.${method}: appends "${base}" and calls nothing further`,
				`after ${create(child)}: ${log} is ${quoted(childLog)}`,
				...(alsoLeft
					? [
							`${create(left)}: MRO ${left}, ${base}, object; it adds ${quoted(leftLog)}`,
						]
					: []),
				`print(${log}) → ${quoted(finalLog)}`,
			],
			mistakes: [
				{
					misconception: belief`super() inside ${left} always means ${possessive(left)} own parent, ${base}`,
					code: program({ left: base, right: base, child: "super" }),
				},
				{
					misconception: belief`Python looks in the right-hand base class, ${right}, before the left-hand one`,
					code: program(cooperative, `${right}, ${left}`),
				},
				{
					misconception: belief`a class with two bases runs the method of each base in turn, so ${possessive(base)} ${method} runs once through ${left} and once through ${right}`,
					code: program({ left: base, right: base, child: [left, right] }),
				},
			],
			explain: (answer) =>
				`${possessive(child)} method resolution order is ${mro.join(", ")}, object: left to right, and a shared base only after every class that inherits from it. ` +
				`super() means "the next class in the MRO of the object's class", not "my parent", so for an instance of ${child} the super() in ${left} goes to ${right}, and ${possessive(base)} ${method} runs once, last in the chain. ` +
				`The calls go ${chain.join(" → ")}; ${order}` +
				(alsoLeft
					? `. For a plain ${left} object the MRO is ${left}, ${base}, so there super() reaches ${base}`
					: "") +
				`. It prints ${answer}.`,
		};
	},
});
