import { readdir, readFile } from "node:fs/promises";

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export async function rssMb(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, "utf8");
	const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
	if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
	return Number(kb) / 1024;
}

/** The direct children of a process, from /proc/<pid>/task/<tid>/children of each of its threads. */
export async function childPids(pid: number): Promise<number[]> {
	const tasks = await readdir(`/proc/${pid}/task`);
	const lists = await Promise.all(
		tasks.map((task) =>
			readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => ""),
		),
	);
	return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
}

/** RSS of a process and of its direct children, in MB. */
export async function treeRssMb(
	pid: number,
): Promise<{ own: number; children: number }> {
	const children = await childPids(pid);
	const sizes = await Promise.all(children.map(rssMb));
	return { own: await rssMb(pid), children: sizes.reduce((a, b) => a + b, 0) };
}
