import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { counted } from "../prose.js";

const NAMES = [
	["nums", "kept", "total", "n"],
	["prices", "cheap", "sum", "p"],
	["scores", "passed", "result", "s"],
	["sizes", "picked", "all", "x"],
] as const;
const MAPS = ["* 10", "+ 100", "* 2"];
const FILTERS = ["above", "below", "even", "odd"] as const;
const REDUCERS = ["squares", "times", "count"] as const;

interface Params {
	names: readonly [string, string, string, string];
	values: number[];
	map: string;
	filter: (typeof FILTERS)[number];
	threshold: number;
	reducer: (typeof REDUCERS)[number];
	factor: number;
}

const passes = (filter: Params["filter"], threshold: number, n: number) =>
	({
		above: n > threshold,
		below: n < threshold,
		even: n % 2 === 0,
		odd: n % 2 === 1,
	})[filter];

export const mapFilterReduce = defineFamily<Params>({
	id: "javascript/map-filter-reduce",
	idea: "js.array-methods",
	language: "javascript",
	difficulty: "medium",
	title: "What map, filter and reduce return",
	topics: ["arrays", "map", "filter", "reduce", "higher-order functions"],
	params: (rng) => {
		const filter = rng.pick(FILTERS);
		// values from 2 up: reduce without a start value keeps the first one as it is, and 0 or 1 would hide that
		for (;;) {
			const values = Array.from({ length: rng.int(3, 5) }, () => rng.int(2, 9));
			const threshold = rng.int(3, 7);
			const kept = values.filter((n) => passes(filter, threshold, n));
			// some pass and some fail, so keeping the other side shows a different list
			if (kept.length > 0 && kept.length < values.length)
				return {
					names: rng.pick(NAMES),
					values,
					map: rng.pick(MAPS),
					filter,
					threshold,
					reducer: rng.pick(REDUCERS),
					factor: rng.int(2, 5),
				};
		}
	},
	build: ({
		names: [list, kept, total, n],
		values,
		map,
		filter,
		threshold,
		reducer,
		factor,
	}) => {
		const test = {
			above: `${n} > ${threshold}`,
			below: `${n} < ${threshold}`,
			even: `${n} % 2 === 0`,
			odd: `${n} % 2 === 1`,
		}[filter];
		const step = {
			squares: `acc + ${n} * ${n}`,
			times: `acc + ${n} * ${factor}`,
			count: "acc + 1",
		}[reducer];
		const program = (
			opts: { mutate?: boolean; reject?: boolean; start?: boolean } = {},
		) =>
			[
				`const ${list} = [${values.join(", ")}];`,
				opts.mutate
					? `${list}.forEach((${n}, i) => { ${list}[i] = ${n} ${map}; });`
					: `${list}.map((${n}) => ${n} ${map});`,
				`const ${kept} = ${list}.filter((${n}) => ${opts.reject ? `!(${test})` : test});`,
				`const ${total} = ${list}.reduce((acc, ${n}) => ${step}${opts.start ? ", 0" : ""});`,
				`console.log(${list}, ${kept}, ${total});`,
				"",
			].join("\n");
		const first = itemAt(values, 0);
		const rest = values.slice(1);
		const fold = {
			squares: rest.reduce((acc, v) => acc + v * v, first),
			times: rest.reduce((acc, v) => acc + v * factor, first),
			count: first + rest.length,
		}[reducer];
		const keptValues = values.filter((v) => passes(filter, threshold, v));
		const mapped = (v: number) =>
			map === "* 10" ? v * 10 : map === "+ 100" ? v + 100 : v * 2;
		let acc = first;
		const steps = rest.map((v) => {
			const before = acc;
			acc +=
				reducer === "squares" ? v * v : reducer === "times" ? v * factor : 1;
			const term =
				reducer === "count"
					? "1"
					: reducer === "squares"
						? `${v} * ${v}`
						: `${v} * ${factor}`;
			return `${n} = ${v}: acc = ${before} + ${term} = ${acc}`;
		});
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`map changes ${list} in place, so every value becomes ${n} ${map}`,
					code: program({ mutate: true }),
				},
				{
					misconception: belief`filter removes the items for which the test is true`,
					code: program({ reject: true }),
				},
				{
					misconception: belief`reduce without a start value starts the total from 0`,
					code: program({ start: true }),
				},
			],
			explain: (answer) =>
				`map returns a new array and leaves ${list} alone; here its result is thrown away, so ${list} is still [${values.join(", ")}]. ` +
				`filter returns a new array of the items for which ${test} is true: [${keptValues.join(", ")}]. ` +
				`reduce with no start value takes the first item, ${first}, as the starting acc and calls the callback from the second item on, ` +
				(reducer === "count"
					? `so the count starts at ${first} instead of 0 and adds 1 for each of the other ${counted(rest, "item")}: `
					: `so ${first} is added as it is, never ${reducer === "squares" ? "squared" : `multiplied by ${factor}`}: `) +
				`${total} is ${fold}. It prints ${answer}.`,
			trace: [
				`${list}.map(…) builds [${values.map(mapped).join(", ")}], which nothing keeps: ${list} stays [${values.join(", ")}]`,
				`${list}.filter(…) keeps ${test}: ${kept} = [${keptValues.join(", ")}]`,
				`reduce, no start value: acc = ${first}, the first item`,
				...steps,
			],
		};
	},
});
