// The emulator's clock as seen from the page: every expiry shown counts down against it, not against this machine's.

let skew = 0
let offset = 0

/** Records a clock reading of the control plane (`{ now, offsetMs }`). */
export function setClock(info) {
  skew = info.now - Date.now()
  offset = info.offsetMs
}

/** Epoch milliseconds on the emulator clock. */
export const emulatorNow = () => Date.now() + skew

/** How far the emulator clock is set from real time, in milliseconds. */
export const clockOffset = () => offset

/** Milliseconds until an ISO date of the emulator clock. */
export const remainingUntil = (iso) => Date.parse(iso) - emulatorNow()
