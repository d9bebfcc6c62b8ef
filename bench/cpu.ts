import { readdir, readFile } from "node:fs/promises";
import { cpus } from "node:os";
import { childPids } from "./rss.js";

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** User and system CPU seconds of a process so far, from /proc/<pid>/stat; 0 once it has exited. */
async function cpuSecondsOf(pid: number): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
	// the fields after the command name, which may itself hold spaces, start after its ") "
	const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
	return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_S;
}

/** A process and its direct children (a server and its sandbox process). */
async function treeCpuSeconds(pid: number): Promise<number> {
	const pids = [pid, ...(await childPids(pid).catch(() => []))];
	const seconds = await Promise.all(pids.map(cpuSecondsOf));
	return seconds.reduce((a, b) => a + b, 0);
}

/** The PostgreSQL processes running on this machine (none when the database is elsewhere). */
async function postgresPids(): Promise<number[]> {
	const entries = await readdir("/proc");
	const pids = entries.filter((entry) => /^\d+$/.test(entry)).map(Number);
	const commands = await Promise.all(
		pids.map((pid) => readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")),
	);
	return pids.filter((_, index) => commands[index]?.startsWith("postgres"));
}

/** CPU seconds the whole machine has spent busy (every core, every process), from /proc/stat. */
async function machineBusySeconds(): Promise<number> {
	const [line = ""] = (await readFile("/proc/stat", "utf8")).split("\n");
	// cpu user nice system idle iowait irq softirq steal: busy is all but idle and iowait
	const [user, nice, system, , , irq, softirq, steal] = line
		.split(/\s+/)
		.slice(1)
		.map(Number);
	return (
		[user, nice, system, irq, softirq, steal].reduce<number>(
			(sum, ticks) => sum + (ticks ?? 0),
			0,
		) / TICKS_PER_S
	);
}

/** Cores kept busy on average while a measure ran: by whom, and by the whole machine. */
export interface CoresUsed {
	/** the server processes measured, with their sandbox processes */
	servers: number;
	/** PostgreSQL, every backend and its background processes */
	postgres: number;
	/** the bench itself: autocannon, which makes the load */
	loader: number;
	machine: number;
	/** cores of the machine */
	available: number;
}

/** Runs a measure and says how many cores each party kept busy meanwhile. */
export async function withCoresUsed<T>(
	serverPids: readonly number[],
	measure: () => Promise<T>,
): Promise<{ result: T; cores: CoresUsed }> {
	const serversTotal = async () =>
		(await Promise.all(serverPids.map(treeCpuSeconds))).reduce(
			(a, b) => a + b,
			0,
		);
	// backends come and go with pooled connections: each is counted from when it is first seen
	const postgresBefore = new Map<number, number>();
	for (const pid of await postgresPids())
		postgresBefore.set(pid, await cpuSecondsOf(pid));
	const serversBefore = await serversTotal();
	const machineBefore = await machineBusySeconds();
	const loaderBefore = process.cpuUsage();
	const started = performance.now();

	const result = await measure();

	const seconds = (performance.now() - started) / 1000;
	const loader = process.cpuUsage(loaderBefore);
	let postgres = 0;
	for (const pid of await postgresPids())
		postgres += (await cpuSecondsOf(pid)) - (postgresBefore.get(pid) ?? 0);
	const perSecond = (cpuSeconds: number) => cpuSeconds / seconds;
	return {
		result,
		cores: {
			servers: perSecond((await serversTotal()) - serversBefore),
			postgres: perSecond(postgres),
			loader: perSecond((loader.user + loader.system) / 1e6),
			machine: perSecond((await machineBusySeconds()) - machineBefore),
			available: cpus().length,
		},
	};
}

export const describeCores = (c: CoresUsed) =>
	`${c.machine.toFixed(2)} of ${c.available} cores busy (servers ${c.servers.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, autocannon ${c.loader.toFixed(2)})`;
