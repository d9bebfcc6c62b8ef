import { formatWithOptions } from "node:util";

/** One value as described by the QuickJS prelude's `mirror` (see quickjs-prelude.ts). */
export type MirrorNode =
	| { t: "undefined" }
	| { t: "null" }
	| { t: "boolean"; v: boolean }
	| { t: "string"; v: string }
	| { t: "bigint"; v: string }
	| { t: "symbol"; v: string | null }
	| { t: "number"; v: number | string }
	| { t: "ref"; id: number }
	| { t: "accessor"; get: boolean; set: boolean }
	| {
			t: "array";
			id: number;
			length: number;
			items: [number, MirrorNode][];
			props: MirrorProp[];
	  }
	| {
			t: "map";
			id: number;
			entries: [MirrorNode, MirrorNode][];
			props: MirrorProp[];
	  }
	| { t: "set"; id: number; entries: MirrorNode[]; props: MirrorProp[] }
	| { t: "date"; id: number; v: string | null }
	| { t: "regexp"; id: number; source: string; flags: string }
	| { t: "object"; id: number; ctor: string | null; props: MirrorProp[] }
	| {
			t: "function";
			id: number;
			name: string;
			kind:
				| "plain"
				| "async"
				| "generator"
				| "asyncGenerator"
				| "class"
				| "other";
			extends?: string | null;
			props: MirrorProp[];
	  };

type MirrorKey = string | { symbol: string | null };
type MirrorProp = [MirrorKey, MirrorNode];

/** Formats mirrored `console.log` arguments exactly as Node's console.log would (without the newline). */
export function formatMirror(nodes: MirrorNode[]): string {
	const refs = new Map<number, unknown>();
	return formatWithOptions({}, ...nodes.map((node) => rebuild(node, refs)));
}

/** A class whose instances Node's inspect will label `name`, optionally extending a class labelled `base`. */
function namedClass(name: string, base?: string): new () => object {
	const parent = base ? namedClass(base) : undefined;
	const created = parent ? class extends parent {} : class {};
	Object.defineProperty(created, "name", { value: name });
	return created;
}

function rebuildFunction(node: Extract<MirrorNode, { t: "function" }>): object {
	let fn: object;
	switch (node.kind) {
		case "class":
			return node.name === ""
				? (() => class {})()
				: namedClass(node.name, node.extends || undefined);
		case "async":
			fn = (() => async () => {})();
			break;
		case "generator":
			fn = (() => function* () {})();
			break;
		case "asyncGenerator":
			fn = (() => async function* () {})();
			break;
		default:
			fn = (() => () => {})();
	}
	Object.defineProperty(fn, "name", { value: node.name, configurable: true });
	return fn;
}

function rebuild(node: MirrorNode, refs: Map<number, unknown>): unknown {
	switch (node.t) {
		case "undefined":
			return undefined;
		case "null":
			return null;
		case "boolean":
		case "string":
			return node.v;
		case "bigint":
			return BigInt(node.v);
		case "symbol":
			return Symbol(node.v ?? undefined);
		case "number":
			return node.v === "-0" ? -0 : Number(node.v);
		case "ref":
			return refs.get(node.id);
		case "accessor":
			throw new Error("an accessor is only valid as a property");
		case "date":
			return remember(refs, node.id, new Date(node.v ?? Number.NaN));
		case "regexp":
			return remember(refs, node.id, new RegExp(node.source, node.flags));
		case "array": {
			const array = remember(refs, node.id, new Array<unknown>(node.length));
			for (const [index, item] of node.items)
				array[index] = rebuild(item, refs);
			return assignProps(array, node.props, refs);
		}
		case "map": {
			const map = remember(refs, node.id, new Map<unknown, unknown>());
			for (const [key, value] of node.entries)
				map.set(rebuild(key, refs), rebuild(value, refs));
			return assignProps(map, node.props, refs);
		}
		case "set": {
			const set = remember(refs, node.id, new Set<unknown>());
			for (const value of node.entries) set.add(rebuild(value, refs));
			return assignProps(set, node.props, refs);
		}
		case "object": {
			const prototype =
				node.ctor === null
					? null
					: node.ctor === "Object"
						? Object.prototype
						: namedClass(node.ctor).prototype;
			return assignProps(
				remember(refs, node.id, Object.create(prototype) as object),
				node.props,
				refs,
			);
		}
		case "function":
			return assignProps(
				remember(refs, node.id, rebuildFunction(node)),
				node.props,
				refs,
			);
	}
}

function remember<T>(refs: Map<number, unknown>, id: number, value: T): T {
	refs.set(id, value);
	return value;
}

function assignProps<T extends object>(
	target: T,
	props: MirrorProp[],
	refs: Map<number, unknown>,
): T {
	for (const [rawKey, value] of props) {
		const key =
			typeof rawKey === "string" ? rawKey : Symbol(rawKey.symbol ?? undefined);
		const descriptor: PropertyDescriptor =
			value.t === "accessor"
				? {
						get: value.get ? () => undefined : undefined,
						set: value.set ? () => {} : undefined,
					}
				: { value: rebuild(value, refs), writable: true };
		Object.defineProperty(target, key, {
			...descriptor,
			enumerable: true,
			configurable: true,
		});
	}
	return target;
}
