import { describe, expect, it } from 'vitest'
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../../src/lib/passwords'

describe('password hashing (run on Node and inside workerd)', () => {
  it('hashes with scrypt N=2^15, r=8, p=3 and a random salt, in a self-describing format', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery staple'),
      hashPassword('correct horse battery staple'),
    ])
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(a).not.toBe(b)
  })

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
    expect(await verifyPassword('correct horse battery staple', 'md5$abc')).toBe(false)
    expect(await verifyAgainstDecoy('correct horse battery staple')).toBe(false)
  })

  it('checks a hash at the cost it names, so that a hash made at a lower cost is checked at that', async () => {
    const low = { N: 2 ** 10, r: 8, p: 1 }
    const hash = await hashPassword('correct horse battery staple', low)
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
    expect(await verifyAgainstDecoy('correct horse battery staple', low)).toBe(false)
  })
})
