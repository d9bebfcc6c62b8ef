import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { times } from "../prose.js";

const SAVE = [
	{ fn: "save", name: "total" },
	{ fn: "remember", name: "last" },
	{ fn: "store", name: "kept" },
] as const;
const SCALE = [
	{ fn: "scale", name: "rate" },
	{ fn: "grow", name: "factor" },
	{ fn: "price", name: "tax" },
] as const;
const COUNTERS = [
	{
		maker: "make_counter",
		inner: "step",
		count: "count",
		first: "tick",
		second: "tock",
	},
	{ maker: "make_tally", inner: "add", count: "n", first: "a", second: "b" },
	{
		maker: "make_clock",
		inner: "advance",
		count: "hour",
		first: "north",
		second: "south",
	},
] as const;

interface Params {
	save: { names: (typeof SAVE)[number]; start: number; saved: number };
	scale: {
		names: (typeof SCALE)[number];
		before: number;
		after: number;
		x: number;
	};
	counter: { names: (typeof COUNTERS)[number]; calls: number };
	order: ("save" | "scale")[];
}

export const globalNonlocal = defineFamily<Params>({
	id: "python/global-nonlocal",
	idea: "py.scope",
	language: "python",
	difficulty: "hard",
	title: "global, nonlocal and when a name is looked up",
	topics: ["scope", "global", "nonlocal", "closures", "functions"],
	params: (rng) => ({
		save: { names: rng.pick(SAVE), start: rng.int(0, 3), saved: rng.int(4, 9) },
		scale: {
			names: rng.pick(SCALE),
			before: rng.int(2, 4),
			after: rng.int(5, 7),
			x: rng.int(2, 9),
		},
		counter: { names: rng.pick(COUNTERS), calls: rng.int(1, 3) },
		order: rng.shuffle(["save", "scale"] as const),
	}),
	build: ({ save, scale, counter, order }) => {
		const s = save.names;
		const r = scale.names;
		const c = counter.names;
		const program = (
			o: {
				saveBody?: string[];
				scaleDef?: string;
				makeBody?: string;
				pair?: string;
			} = {},
		) => {
			const blocks = {
				save: [
					`${s.name} = ${save.start}`,
					"",
					`def ${s.fn}(v):`,
					...(o.saveBody ?? [`    ${s.name} = v`]),
					"",
					`${s.fn}(${save.saved})`,
				],
				scale: [
					`${r.name} = ${scale.before}`,
					"",
					`def ${r.fn}(x${o.scaleDef ?? ""}):`,
					`    return x * ${r.name}`,
					"",
					`${r.name} = ${scale.after}`,
				],
			};
			return [
				...order.flatMap((b) => [...blocks[b], ""]),
				`def ${c.maker}():`,
				`    ${c.count} = 0`,
				`    def ${c.inner}():`,
				`        ${o.makeBody ?? `nonlocal ${c.count}`}`,
				`        ${c.count} += 1`,
				`        return ${c.count}`,
				`    return ${c.inner}`,
				"",
				o.pair ?? `${c.first}, ${c.second} = ${c.maker}(), ${c.maker}()`,
				...Array.from({ length: counter.calls }, () => `${c.first}()`),
				`print(${s.name}, ${r.fn}(${scale.x}), ${c.first}(), ${c.second}())`,
				"",
			].join("\n");
		};
		return {
			code: program(),
			trace: [
				`${s.fn}(${save.saved}): ${s.name} = ${save.saved} makes a local ${s.name}; the module's stays ${save.start}`,
				`${r.fn}(${scale.x}) looks ${r.name} up at the call, when it is ${scale.after} → ${scale.x} * ${scale.after} → ${scale.x * scale.after}`,
				`${c.first} and ${c.second} come from two calls to ${c.maker}: each has its own ${c.count} = 0`,
				`${c.first}() before the print, ${times(counter.calls)}: the ${c.count} of ${c.first} is ${counter.calls}`,
				`in the print: ${c.first}() → ${counter.calls + 1}, ${c.second}() → 1`,
				`print → ${save.start} ${scale.x * scale.after} ${counter.calls + 1} 1`,
			],
			mistakes: [
				{
					misconception: belief`assigning ${s.name} inside ${s.fn} changes the module's ${s.name}, with no global statement needed`,
					code: program({
						saveBody: [`    global ${s.name}`, `    ${s.name} = v`],
					}),
				},
				{
					misconception: belief`${r.fn} keeps the value ${r.name} had when the def ran, ${scale.before}`,
					code: program({ scaleDef: `, ${r.name}=${r.name}` }),
				},
				{
					misconception: belief`${c.first} and ${c.second} share one ${c.count}, because they come from the same def`,
					code: program({ pair: `${c.first} = ${c.second} = ${c.maker}()` }),
				},
				{
					misconception: belief`${c.count} starts again from 0 each time ${c.inner} is called, as a local name does`,
					code: program({ makeBody: `${c.count} = 0` }),
				},
			],
			explain: (answer) =>
				`${s.fn} assigns ${s.name} without a global statement, so that ${s.name} is a new local name and the module's ${s.name} stays ${save.start}. ` +
				`${r.fn} looks ${r.name} up when it is called, not when it is defined, so by then ${r.name} is ${scale.after} and ${r.fn}(${scale.x}) is ${scale.x * scale.after}. ` +
				`Each call to ${c.maker} makes a new ${c.count}, which nonlocal lets its ${c.inner} update: ${c.first} was called ${times(counter.calls)} before, so it returns ${counter.calls + 1}, ` +
				`and ${c.second} has its own ${c.count} and returns 1. It prints ${answer}.`,
		};
	},
});
