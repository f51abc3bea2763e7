// Types for the sm-crypto 0.3 modules imported directly; the package's own typings cover only its entry point.

declare module 'sm-crypto/src/sm2/utils' {
  /** jsbn BigInteger (only what is used here). */
  export interface BigInteger {
    toString(radix: number): string
  }
  export interface FieldElement {
    toBigInteger(): BigInteger
  }
  export interface Point {
    getX(): FieldElement
    getY(): FieldElement
    multiply(k: BigInteger): Point
  }
  export interface Curve {
    /** The field prime p. */
    q: BigInteger
    /** Point from hex `04||X||Y` or compressed `02/03||X`; null for an unknown prefix. */
    decodePointHex(hex: string): Point | null
  }
  /** The SM2 recommended curve (sm2p256v1). */
  export function getGlobalCurve(): Curve
  /** With a random number (as `random` in `radix`): d = random mod (n − 1) + 1 and the uncompressed hex of d·G. */
  export function generateKeyPairHex(random: string, radix: number): { privateKey: string; publicKey: string }
  /** Whether the hex point satisfies the curve equation. */
  export function verifyPublicKey(publicKey: string): boolean
  export function hexToArray(hex: string): number[]
}

declare module 'sm-crypto/src/sm2/sm3' {
  /** SM3 digest (32 bytes) of a byte array. */
  export function sm3(bytes: number[]): number[]
}
