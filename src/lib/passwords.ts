import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { PasswordCost } from '../env'

/** scrypt as OWASP advises (N=2^15, r=8, p=3): node:crypto on Node, and on Workers through nodejs_compat. */
export const passwordCost: PasswordCost = { N: 2 ** 15, r: 8, p: 3 }
const keyLength = 32
const maxmem = 64 * 1024 * 1024

export const minimumPasswordLength = 12

function derive(password: string, salt: Buffer, params: PasswordCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/**
 * A self-describing hash: scrypt$N$r$p$salt$key, salt and key in base64. It is checked at the cost
 * it names, so a lower cost (the tests') and the full one can be told apart and both checked.
 */
export async function hashPassword(password: string, cost = passwordCost): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Spends the same time as a real check at the same cost, so that an unknown email cannot be told
 * from a wrong password.
 */
const decoys = new Map<string, Promise<string>>()
export async function verifyAgainstDecoy(password: string, cost = passwordCost): Promise<false> {
  const key = `${cost.N}$${cost.r}$${cost.p}`
  const decoy = decoys.get(key) ?? hashPassword('decoy password that matches nothing', cost)
  decoys.set(key, decoy)
  await verifyPassword(password, await decoy)
  return false
}
