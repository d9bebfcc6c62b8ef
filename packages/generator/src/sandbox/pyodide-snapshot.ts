import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import {
	type FileHandle,
	mkdir,
	open,
	readdir,
	readFile,
	rename,
	rm,
	stat,
	writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import { setPriority, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { SnapshotSource } from "./pyodide-start.js";
import { sandboxCacheFolder } from "./source-bundle.js";

/**
 * The Python worker's memory snapshot: Pyodide loaded, the modules the guard needs imported, saved
 * as one memory image (~30 MB) that a worker restores in a fraction of a normal load.
 *
 * Who makes it: a process of its own, started with the sandbox process's flags and empty
 * environment (so the image is the interpreter a worker would load), that runs only our code and
 * writes the image to its stdout (pyodide-snapshot-maker.ts). No snippet has ever run in an
 * interpreter that is saved. This process (the server's) writes it into
 * `node_modules/.cache/sandbox/`, aside and then renamed, with a manifest holding its SHA-256. Its
 * name is a hash of what it depends on (snapshotBase), so a change to any of that makes a new one.
 *
 * Trust: the image is memory that hostile code runs in next, so a worker loads it only if its
 * SHA-256 is the one the manifest holds, which the server checks too and hands the worker in its
 * file's URL. The sandbox process can write no file, so nothing that escaped a snippet can replace
 * either. Someone who can write this cache folder can write a matching pair; the same person can
 * already rewrite the sandbox's code bundled beside it, and Pyodide itself in node_modules, so the
 * snapshot gives them nothing new: keep node_modules writable only by whoever deploys. The hash
 * stops what can happen without an attacker: a half-written or damaged file, or one left by
 * another build (Pyodide also refuses a snapshot of another build of itself).
 *
 * What a snapshot shares: every worker restored from one starts with the same hash seed and the
 * same heap addresses, which a worker loaded normally draws afresh; `random` is not imported in
 * it (the guard leaves it out), so each snippet's generator is still seeded from os.urandom.
 */

/** How to start the maker: its entry and the sandbox process's flags. */
export interface SnapshotMaker {
	entry: string;
	execArgv: string[];
}

/** Making one loads Pyodide on a busy machine; one that takes longer is stuck. */
const MAKE_TIMEOUT_MS = 120_000;
/** A lock older than this was left by a maker that died. */
const STALE_LOCK_MS = 5 * 60_000;
/** Snapshots of other code older than this are removed when a new one is written. */
const PRUNE_AFTER_MS = 60 * 60_000;
/** Like the sandbox process, the maker yields the CPU to the server's requests. */
const NICENESS = 10;

const verified = new Map<string, Promise<SnapshotSource | undefined>>();
const making = new Map<string, Promise<SnapshotSource>>();

/**
 * The snapshot this maker makes, checked against its manifest (once per process);
 * undefined when there is none yet, in which case it is made in the background for the next start.
 */
export async function findPythonSnapshot(
	maker: SnapshotMaker,
): Promise<SnapshotSource | undefined> {
	const base = await snapshotBase(maker);
	let found = verified.get(base);
	if (!found) {
		found = readVerified(base);
		verified.set(base, found);
	}
	const snapshot = await found;
	if (snapshot) return snapshot;
	// checked again once this one is made (or fails)
	verified.delete(base);
	void makePythonSnapshot(maker, { waitForOthers: false }).catch(
		() => undefined,
	);
	return undefined;
}

/**
 * Makes the snapshot for this maker unless it exists, and answers it. When another process is
 * making it, waits for that one, or (`waitForOthers: false`) gives up.
 */
export async function makePythonSnapshot(
	maker: SnapshotMaker,
	{ waitForOthers = true } = {},
): Promise<SnapshotSource> {
	const base = await snapshotBase(maker);
	const deadline = Date.now() + MAKE_TIMEOUT_MS;
	for (;;) {
		const existing = await readVerified(base);
		if (existing) return existing;
		let made = making.get(base);
		if (!made) {
			// a fresh checkout's build makes the snapshot before anything else made the cache folder
			await mkdir(dirname(base), { recursive: true });
			const lock = await takeLock(`${base}.lock`);
			if (lock) {
				made = make(base, maker, lock).finally(() => making.delete(base));
				making.set(base, made);
			}
		}
		if (made) return made;
		if (!waitForOthers || Date.now() > deadline)
			throw new Error("another process is making the Python snapshot");
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The snapshot's path without extension: `<cache>/pyodide-<key>`, the key a hash of Pyodide's
 * version, Node's, and the maker's code with every module it imports, which includes how the worker
 * loads it (pyodide-start.ts). The guard and the rest of the worker run after the snapshot is
 * restored, so changing them needs no new snapshot.
 */
async function snapshotBase(maker: SnapshotMaker): Promise<string> {
	const hash = createHash("sha256");
	const pyodide = createRequire(import.meta.url).resolve(
		"pyodide/package.json",
	);
	const { version } = JSON.parse(await readFile(pyodide, "utf8")) as {
		version: string;
	};
	hash.update(`pyodide ${version}\0node ${process.version}\0`);
	const folder = dirname(maker.entry);
	const seen = new Set<string>();
	const visit = async (name: string) => {
		if (seen.has(name)) return;
		seen.add(name);
		const code = await readFile(join(folder, name), "utf8");
		hash.update(`${name}\0${code}\0`);
		// compiled (`./protocol.js`) or bundled (`./chunk-….mjs`): the sandbox's modules sit side by side
		for (const [, imported] of code.matchAll(
			/(?:from|import)\s*\(?\s*"\.\/([^"/]+)"/g,
		))
			if (imported) await visit(imported);
	};
	await visit(basename(maker.entry));
	return join(
		sandboxCacheFolder(),
		`pyodide-${hash.digest("hex").slice(0, 16)}`,
	);
}

/** The snapshot, if its manifest is sound and the file has the hash it records; removes a pair that is not. */
async function readVerified(base: string): Promise<SnapshotSource | undefined> {
	const path = `${base}.snapshot`;
	const manifest = await readFile(`${base}.sha256`, "utf8").catch(
		() => undefined,
	);
	if (manifest === undefined) return undefined;
	const sha256 = manifest.trim();
	if (/^[0-9a-f]{64}$/.test(sha256) && (await fileSha256(path)) === sha256)
		return { path, sha256 };
	await Promise.all(
		[`${base}.sha256`, path].map((file) => rm(file, { force: true })),
	);
	return undefined;
}

async function fileSha256(path: string): Promise<string | undefined> {
	const hash = createHash("sha256");
	try {
		for await (const chunk of createReadStream(path)) hash.update(chunk);
	} catch {
		return undefined;
	}
	return hash.digest("hex");
}

async function make(
	base: string,
	maker: SnapshotMaker,
	lock: FileHandle,
): Promise<SnapshotSource> {
	try {
		const bytes = await runMaker(maker);
		const sha256 = createHash("sha256").update(bytes).digest("hex");
		const path = `${base}.snapshot`;
		// the snapshot first, then its manifest: a reader that finds the manifest finds the whole file
		await writeAside(path, bytes);
		await writeAside(`${base}.sha256`, `${sha256}\n`);
		await pruneOthers(base);
		return { path, sha256 };
	} finally {
		await lock.close();
		await rm(`${base}.lock`, { force: true });
	}
}

/**
 * One maker per snapshot across processes (test files, several servers on one machine): the lock,
 * or undefined while another process holds it.
 */
async function takeLock(path: string): Promise<FileHandle | undefined> {
	const take = () =>
		open(path, "wx").catch((error: NodeJS.ErrnoException) => {
			if (error.code === "EEXIST") return undefined;
			throw error;
		});
	const lock = await take();
	if (lock) {
		await lock.writeFile(String(process.pid));
		return lock;
	}
	const [since, holder] = await Promise.all([
		stat(path).then(
			({ mtimeMs }) => Date.now() - mtimeMs,
			() => 0,
		),
		readFile(path, "utf8").catch(() => ""),
	]);
	if (since < STALE_LOCK_MS && isAlive(Number(holder))) return undefined;
	// left by a maker that died
	await rm(path, { force: true });
	return take();
}

/** Whether the process that took a lock still runs (on this machine: the cache is local). */
function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return true; // being written: give it time
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

function runMaker({ entry, execArgv }: SnapshotMaker): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...execArgv, entry], {
			env: {},
			cwd: tmpdir(),
			stdio: ["ignore", "pipe", "pipe"],
		});
		try {
			if (child.pid !== undefined) setPriority(child.pid, NICENESS);
		} catch {
			// no priorities on this platform: it runs at the server's
		}
		const chunks: Buffer[] = [];
		let stderr = "";
		child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (text: string) => {
			stderr = (stderr + text).slice(-2000);
		});
		const timer = setTimeout(() => child.kill("SIGKILL"), MAKE_TIMEOUT_MS);
		child.once("error", (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once("close", (code, signal) => {
			clearTimeout(timer);
			const bytes = Buffer.concat(chunks);
			if (code === 0 && bytes.length > 0) return resolve(bytes);
			reject(
				new Error(
					`the snapshot maker ${signal ? `was killed by ${signal}` : `exited with ${code}`}: ${stderr.trim()}`,
				),
			);
		});
	});
}

/** Written aside and renamed, so no reader sees half a file. */
async function writeAside(path: string, contents: string | Uint8Array) {
	const partial = `${path}.${process.pid}.partial`;
	try {
		await writeFile(partial, contents);
		await rename(partial, path);
	} finally {
		await rm(partial, { force: true });
	}
}

/** Snapshots of code that changed since: each is ~30 MB. */
async function pruneOthers(base: string): Promise<void> {
	const folder = join(base, "..");
	const name = base.slice(folder.length + 1);
	for (const file of await readdir(folder)) {
		if (!file.startsWith("pyodide-") || file.startsWith(name)) continue;
		const path = join(folder, file);
		const age = await stat(path).then(
			({ mtimeMs }) => Date.now() - mtimeMs,
			() => 0,
		);
		if (age > PRUNE_AFTER_MS) await rm(path, { force: true });
	}
}
