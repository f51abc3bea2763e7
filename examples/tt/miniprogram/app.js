// The Authing client lives in ./authing.js and is imported where it is used; the app itself needs nothing.
App({})
