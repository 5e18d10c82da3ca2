import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { freePort } from './free-port'

export type Server = { base: string; port: number; child: ChildProcess }

/**
 * The Node server on a libSQL file, in a process of its own started as npm start starts it (with
 * --expose-gc), once it answers its health check; on the port given (a restart) or a free one;
 * with `timing`, a Server-Timing header on each response. `SERVER_NODE_ARGS` passes options to its Node (`--cpu-prof` to profile it).
 */
export async function startServer(
  path: string,
  { port, timing = true }: { port?: number; timing?: boolean } = {},
): Promise<Server> {
  const listen = port ?? (await freePort())
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--expose-gc',
      '--import',
      'tsx',
      'src/node.ts',
    ],
    {
      env: {
        ...process.env,
        PORT: String(listen),
        DATABASE_URL: `file:${path}`,
        SERVER_TIMING: timing ? '1' : '0',
      },
      stdio: 'ignore',
    },
  )
  const base = `http://127.0.0.1:${listen}`
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, port: listen, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  child.kill()
  throw new Error(`The server on ${path} did not start`)
}

/** Stops a server and waits until its process has gone. */
export function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<void>((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve()
    server.child.once('exit', () => resolve())
    server.child.kill(signal)
  })
}

const ticksPerSecond = 100

/** User and system CPU of a process so far, in milliseconds, from /proc. */
export function cpuMs(pid: number | undefined) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}
