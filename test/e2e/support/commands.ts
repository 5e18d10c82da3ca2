import { execFileSync } from 'node:child_process'

/**
 * Runs one of the project's commands (a script under scripts/) against a running server's
 * database, as its operator would on the server; what it printed.
 */
export function runCommand(
  server: { databaseUrl: string; baseUrl: string },
  env: Record<string, string>,
  script: string,
  args: string[] = [],
) {
  return execFileSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      PUBLIC_ORIGIN: server.baseUrl,
      ...env,
    },
    encoding: 'utf8',
  })
}
