import type { Rng } from "../rng.js";

/**
 * Decimal operands whose float result differs from the decimal one, shared by the Python and
 * JavaScript floating-point families: both languages use IEEE doubles and print them alike.
 */
export const OPERATORS = ["+", "-", "*"] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operands in tenths (1 is 0.1); a "*" multiplies by a whole number instead. */
export interface FloatOperands {
	left: number;
	right: number;
	operator: Operator;
}

export const tenths = (n: number) => (n / 10).toFixed(1);

/** The float result as both languages print it, and the exact decimal result in tenths. */
export function results({ left, right, operator }: FloatOperands) {
	const a = left / 10;
	if (operator === "*")
		return { float: String(a * right), exact: left * right };
	const b = right / 10;
	return operator === "+"
		? { float: String(a + b), exact: left + right }
		: { float: String(a - b), exact: left - right };
}

/** Operands whose float result is not the decimal one, and whose decimal result is not a whole number. */
export function drawOperands(rng: Rng): FloatOperands {
	for (;;) {
		const operator = rng.pick(OPERATORS);
		const left = rng.int(1, 39);
		const right = operator === "*" ? rng.int(3, 7) : rng.int(1, 29);
		if (operator === "-" && right >= left) continue;
		const { float, exact } = results({ left, right, operator });
		if (exact % 10 !== 0 && float !== tenths(exact))
			return { left, right, operator };
	}
}

/** The operands as written that have no exact binary form (a tenth is exact only when it is a half or whole). */
export function inexactOperands({ left, right, operator }: FloatOperands) {
	const written = [
		{ text: tenths(left), exact: left % 5 === 0 },
		operator === "*"
			? { text: String(right), exact: true }
			: { text: tenths(right), exact: right % 5 === 0 },
	];
	return written.filter((o) => !o.exact).map((o) => o.text);
}
