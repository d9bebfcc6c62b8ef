import { defineFamily } from "../family.js";

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

interface Params {
	names: readonly [string, string, string, string];
	method: string;
	separator: string;
	childOverrides: boolean;
	rightCallsSuper: boolean;
	alsoLeft: boolean;
}

export const superMro = defineFamily<Params>({
	id: "python/super-mro",
	language: "python",
	difficulty: "hard",
	title: "super() and the method resolution order",
	topics: ["classes", "inheritance", "super", "mro", "multiple inheritance"],
	params: (rng) => ({
		names: rng.pick(THEMES),
		method: rng.pick(["describe", "label", "chain", "path"]),
		separator: rng.pick([">", "/", "-", "<"]),
		childOverrides: rng.bool(),
		rightCallsSuper: rng.bool(),
		alsoLeft: rng.bool(),
	}),
	build: ({
		names: [base, left, right, child],
		method,
		separator,
		childOverrides,
		rightCallsSuper,
		alsoLeft,
	}) => {
		const viaSuper = `super().${method}()`;
		const link = (name: string, call: string) =>
			`        return "${name}${separator}" + ${call}`;
		const program = (leftNext: string, rightNext: string, bases: string) =>
			[
				`class ${base}:`,
				`    def ${method}(self):`,
				`        return "${base}"`,
				"",
				`class ${left}(${base}):`,
				`    def ${method}(self):`,
				link(left, leftNext),
				"",
				`class ${right}(${base}):`,
				`    def ${method}(self):`,
				rightCallsSuper ? link(right, rightNext) : `        return "${right}"`,
				"",
				`class ${child}(${bases}):`,
				...(childOverrides
					? [`    def ${method}(self):`, link(child, viaSuper)]
					: ["    pass"]),
				"",
				`print(${child}().${method}()${alsoLeft ? `, ${left}().${method}()` : ""})`,
				"",
			].join("\n");
		const explicit = `${base}.${method}(self)`;
		const chain = [
			...(childOverrides ? [child] : []),
			left,
			right,
			...(rightCallsSuper ? [base] : []),
		];
		return {
			code: program(viaSuper, viaSuper, `${left}, ${right}`),
			mistakes: [
				{
					misconception: `super() inside ${left} always means ${left}'s own parent, ${base}`,
					code: program(explicit, explicit, `${left}, ${right}`),
				},
				{
					misconception: `Python looks in the right-hand base class, ${right}, before the left-hand one`,
					code: program(viaSuper, viaSuper, `${right}, ${left}`),
				},
			],
			explain: (answer) =>
				`${child}'s method resolution order is ${child}, ${left}, ${right}, ${base}, object: left to right, and a shared base only after every class that inherits from it. ` +
				`super() means "the next class in the MRO of the object's class", not "my parent", so for a ${child} the super() in ${left} goes to ${right}. ` +
				`The call chain is ${chain.join(" → ")}${rightCallsSuper ? "" : ` (${right} does not call super(), so it ends there)`}` +
				(alsoLeft
					? `; for a plain ${left} object the MRO is ${left}, ${base}, so there super() reaches ${base}`
					: "") +
				`. It prints ${answer}.`,
		};
	},
});
