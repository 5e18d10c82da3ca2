import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../../scripts/free-port'

/** The server's address, its database (to check what it stored), and how to stop it. */
export type RunningServer = { baseUrl: string; databaseUrl: string; stop: () => Promise<void> }

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${log()}`)
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The server did not become healthy within 30 s:\n${log()}`)
}

/** The real Node entry (src/node.ts) on a free port and a new database file in a temporary folder. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const folder = mkdtempSync(join(tmpdir(), 'recovery-e2e-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const databaseUrl = `file:${join(folder, 'data', 'recovery.db')}`
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGTERM')
      await exited
    }
    rmSync(folder, { recursive: true, force: true })
  }
  try {
    await waitUntilHealthy(baseUrl, child, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, databaseUrl, stop }
}
