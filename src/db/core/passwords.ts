// Password hashing with scrypt (Node's crypto, memory-hard). Format: scrypt$N$r$p$salt$hash (base64url).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { passwordProblem } from '../../domain/core/auth.js';
import { PROJECT_ROOT } from '../client.js';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A password's scrypt hash (NFKC-normalised, random 16-byte salt) as stored: `scrypt$N$r$p$salt$key`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when the password matches a stored scrypt hash (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts;
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A hash to compare against when the email is unknown, so sign-in takes the same time either way. */
let dummyHash: Promise<string> | null = null;
/**
 * A hash of a random password, made once: checked against when an email is unknown, so sign-in takes as long either way.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

/** The shipped list, read from the sources' folder whether this runs from them or compiled (dist/). */
const COMMON_PASSWORDS_FILE = path.join(PROJECT_ROOT, 'src', 'db', 'core', 'data', 'common-passwords.txt');
let commonPasswords: Set<string> | null = null;

/** Is this (lower-cased) password on the shipped list of common passwords (src/db/core/data/README.md)? */
export function isCommonPassword(lowerCased: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords.has(lowerCased);
}

/** The password policy with the common-password list and the account's email (null when acceptable). */
export function newPasswordProblem(password: string, email: string): string | null {
  return passwordProblem(password, { email, isCommon: isCommonPassword });
}
