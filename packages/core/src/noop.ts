/**
 * Does nothing. Handles the failures that change nothing (a background write or revocation whose error has no one to
 * reach, a settled platform promise whose callbacks already spoke) and is what an unsubscribe without a subscription does.
 */
export const noop = () => {}
