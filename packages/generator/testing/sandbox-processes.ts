import { readdirSync, readFileSync } from "node:fs";

/**
 * The sandbox processes this process started, found as an operator would: by parent id and
 * command line in /proc (Linux). Tests kill or stop them to see the server recover.
 */
export function sandboxProcessIds(parent = process.pid): number[] {
	const ids: number[] = [];
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// the parent id is the 2nd field after the command name, which may itself hold spaces
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
			if (ppid === parent && command.includes("sandbox-host"))
				ids.push(Number(entry));
		} catch {
			// the process ended while we looked
		}
	}
	return ids;
}
