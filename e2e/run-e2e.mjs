// The browser end-to-end step of `npm test`: builds the app, then runs Playwright with the
// machine's Chromium. Playwright cannot download browsers here, so without one the tests are
// skipped, loudly, with the way to install it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [
	process.env.CHROMIUM_PATH,
	"/usr/bin/chromium",
	"/usr/bin/chromium-browser",
	"/usr/bin/google-chrome",
];
const chromium = candidates.find((path) => path && existsSync(path));

if (!chromium) {
	const line = "=".repeat(78);
	console.warn(
		[
			line,
			"  END-TO-END TESTS SKIPPED: no Chromium on this machine.",
			"  Install it (Debian/Ubuntu):  sudo apt-get install -y chromium",
			"  or point CHROMIUM_PATH at a Chrome/Chromium binary, then run `npm test` again.",
			line,
		].join("\n"),
	);
	process.exit(0);
}

const run = (command, args, env = {}) => {
	const result = spawnSync(command, args, {
		stdio: "inherit",
		env: { ...process.env, ...env },
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
};

run("npm", ["run", "build", "--silent"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)], {
	CHROMIUM_PATH: chromium,
});
