import type { ClockInfo } from './types'

/**
 * The emulator's notion of "now": wall-clock time plus an adjustable offset, so tests can make codes and tokens
 * expire without sleeping. Every expiry check in the emulator reads this clock.
 */
export class Clock {
  constructor(private offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000)
  }

  iso(ms: number = this.now()): string {
    return new Date(ms).toISOString()
  }

  shift(ms: number): void {
    this.offsetMs += ms
  }

  setOffset(ms: number): void {
    this.offsetMs = ms
  }

  get offset(): number {
    return this.offsetMs
  }

  info(): ClockInfo {
    const now = this.now()
    return { now, iso: this.iso(now), offsetMs: this.offsetMs }
  }
}
