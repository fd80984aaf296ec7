/**
 * What the page benches share: build the app into a folder of their own (so
 * a bench never overwrites the dist/ an e2e run is serving), serve it with
 * `vite preview`, wait for it, and stop it again.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const VITE = join("node_modules", ".bin", "vite");

export function build(outDir: string, log: (s: string) => void): void {
  log(`building into ${outDir}`);
  const r = spawnSync(VITE, ["build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    // Warnings and errors go to stderr; stdout carries only the figures (--json).
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

/** `vite preview` in its own process group, so stopping it stops its children too. */
export function serve(outDir: string, port: number): ChildProcess {
  return spawn(
    VITE,
    ["preview", "--host", "127.0.0.1", "--strictPort", "--port", String(port), "--outDir", outDir],
    { detached: true, stdio: ["ignore", "ignore", "inherit"] },
  );
}

export function stop(server: ChildProcess | null): void {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

export async function waitForServer(
  url: string,
  server: ChildProcess,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Stops the server on Ctrl-C or a `timeout` around the command: it must not outlive the bench. */
export function stopOnSignal(cleanUp: () => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      cleanUp();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
}
