import { createHash } from 'node:crypto'

/** A new secret token (sessions, one-time links): 256 random bits, base64url. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/**
 * Only the SHA-256 of a token is ever stored. Hashed in place (node:crypto, on Workers through
 * nodejs_compat): Web Crypto's digest goes to another thread and back, which for a few bytes
 * costs far more than the hash, and every respondent's saved answer needs two.
 */
export async function hashToken(token: string): Promise<string> {
  return createHash('sha256').update(token).digest('hex')
}

/** The letters and digits of invitation codes: none that can be taken for another (no 0 O 1 I L U). */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
const codeLength = 12
const codeGroup = 4

const grouped = (plain: string) =>
  plain.match(new RegExp(`.{1,${codeGroup}}`, 'g'))?.join('-') ?? ''

/**
 * A new invitation code a person can read off a card and type: 12 characters from 30 (about 59
 * random bits), in groups of four, like K7QM-3XHP-9DRT.
 */
export function newInvitationCode(): string {
  const chosen: string[] = []
  // 240 is the largest multiple of 30 below 256: bytes at or above it are drawn again, so that
  // every character is equally likely.
  while (chosen.length < codeLength) {
    for (const byte of crypto.getRandomValues(new Uint8Array(codeLength * 2))) {
      if (byte < 240 && chosen.length < codeLength) chosen.push(codeAlphabet[byte % 30] as string)
    }
  }
  return grouped(chosen.join(''))
}

/**
 * An invitation code as typed (any case, spaces or dashes anywhere) in its one written form, or
 * null when it cannot be a code.
 */
export function invitationCodeOf(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]+/g, '')
  if (plain.length !== codeLength) return null
  for (const character of plain) if (!codeAlphabet.includes(character)) return null
  return grouped(plain)
}
