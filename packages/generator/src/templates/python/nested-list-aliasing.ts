import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted, possessive, times } from "../prose.js";

const NAMES = [
	["grid", "backup"],
	["board", "saved"],
	["table", "snapshot"],
	["matrix", "before"],
] as const;
const COPIES = [".copy()", "[:]", "list"] as const;

interface Params {
	names: readonly [string, string];
	rows: number;
	cols: number;
	row: number;
	col: number;
	value: number;
	/** null: build rows with `*`; otherwise the shallow copy used */
	copy: (typeof COPIES)[number] | null;
	cells: number[];
}

const copyOf = (name: string, copy: (typeof COPIES)[number]) =>
	copy === "list" ? `list(${name})` : `${name}${copy}`;

export const nestedListAliasing = defineFamily<Params>({
	id: "python/nested-list-aliasing",
	idea: "py.aliasing",
	language: "python",
	difficulty: "medium",
	title: "Shared inner lists",
	topics: ["lists", "aliasing", "copying", "references", "nested lists"],
	params: (rng) => {
		const rows = rng.int(2, 3);
		const cols = rng.int(2, 3);
		const copy = rng.bool() ? null : rng.pick(COPIES);
		return {
			names: rng.pick(NAMES),
			rows,
			cols,
			row: rng.int(0, rows - 1),
			col: rng.int(0, cols - 1),
			value: rng.int(5, 9),
			copy,
			// values 1..4, so the assigned value (5..9) always shows
			cells:
				copy === null
					? []
					: Array.from({ length: rows * cols }, () => rng.int(1, 4)),
		};
	},
	build: (p) => (p.copy === null ? multiplied(p) : shallowCopy(p, p.copy)),
});

function multiplied({ names: [grid], rows, cols, row, col, value }: Params) {
	const program = (create: string) =>
		`${grid} = ${create}\n${grid}[${row}][${col}] = ${value}\nprint(${grid})\n`;
	return {
		code: program(`[[0] * ${cols}] * ${rows}`),
		mistakes: [
			{
				misconception: belief`* ${rows} makes ${rows} independent copies of the inner list`,
				code: program(`[[0] * ${cols} for _ in range(${rows})]`),
			},
			{
				misconception: belief`every cell holds the same 0 object, and ${grid}[${row}][${col}] = ${value} changes that 0 in place, so all the cells become ${value}`,
				code: `${grid} = [[${value}] * ${cols}] * ${rows}\nprint(${grid})\n`,
			},
			{
				misconception: belief`* ${rows} makes independent rows, while the cells that [0] * ${cols} repeats stay linked, so the assignment fills all of row ${row}`,
				code: program(
					`[[0] * ${cols} for _ in range(${rows})]\n${grid}[${row}] = [${value}] * ${cols}`,
				),
			},
		],
		explain: (answer: string) =>
			`[[0] * ${cols}] * ${rows} builds one inner list and puts ${rows} references to it in the outer list. ` +
			`Assigning ${grid}[${row}][${col}] changes that one inner list, so every row shows ${value} in column ${col}. ` +
			`Only column ${col} changes: the assignment puts ${value} into one slot of the shared row and leaves the 0 in its other slots alone, ` +
			`so the row is now [${Array.from({ length: cols }, (_, c) => (c === col ? value : 0)).join(", ")}] and the outer list shows it ${times(rows)}. It prints ${answer}.`,
		trace: [
			`[[0] * ${cols}] * ${rows} → one row [${Array(cols).fill(0).join(", ")}], in the outer list ${times(rows)}`,
			`${grid}[${row}][${col}] = ${value} → that row is [${Array.from({ length: cols }, (_, c) => (c === col ? value : 0)).join(", ")}]`,
			`every row of ${grid} is that same row`,
		],
	};
}

function shallowCopy(
	{ names: [grid, backup], rows, cols, row, col, value, cells }: Params,
	copy: (typeof COPIES)[number],
) {
	const literal = `[${Array.from({ length: rows }, (_, r) => `[${cells.slice(r * cols, (r + 1) * cols).join(", ")}]`).join(", ")}]`;
	const shared = cells
		.slice(row * cols, (row + 1) * cols)
		.map((cell, c) => (c === col ? value : cell));
	const program = (create: string, header = "", also = "") =>
		`${header}${grid} = ${literal}\n${backup} = ${create}\n${grid}[${row}][${col}] = ${value}\n${grid}.append([0] * ${cols})\n${also}print(${backup})\n`;
	return {
		code: program(copyOf(grid, copy)),
		mistakes: [
			{
				misconception: belief`${copyOf(grid, copy)} copies the inner lists too`,
				code: program(`copy.deepcopy(${grid})`, "import copy\n\n"),
			},
			{
				misconception: belief`${copyOf(grid, copy)} gives another name for the same list`,
				code: program(grid),
			},
			{
				misconception: belief`a shallow copy shares the outer list and copies the inner ones, so ${backup} sees the new row but not the changed cell`,
				code: program(
					`copy.deepcopy(${grid})`,
					"import copy\n\n",
					`${backup}.append([0] * ${cols})\n`,
				),
			},
		],
		explain: (answer: string) =>
			`${copyOf(grid, copy)} is a shallow copy: a new outer list that holds the same inner lists. ` +
			`Appending a row to ${grid} changes only ${possessive(grid)} outer list, but ${grid}[${row}][${col}] = ${value} changes an inner list that ${backup} shares. ` +
			`So ${backup} prints ${answer}.`,
		trace: [
			`${backup} = ${copyOf(grid, copy)}: a new outer list, the same ${counted(rows, "inner list")}`,
			`${grid}[${row}][${col}] = ${value} → row ${row}, shared, is [${shared.join(", ")}]`,
			`${grid}.append([0] * ${cols}) → only ${possessive(grid)} outer list grows`,
		],
	};
}
