/** Sent as `x-authing-sdk-version`; a test keeps it equal to package.json. */
export const VERSION = '5.2.0'
