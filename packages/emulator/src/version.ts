/** Reported by `/api/v3/system` and the control plane. */
export const EMULATOR_VERSION = '5.2.0'
