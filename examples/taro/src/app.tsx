import type { PropsWithChildren } from 'react'
import './app.css'

// The Authing client lives in ./authing.ts and is imported where it is used; the app itself needs nothing.
function App({ children }: PropsWithChildren) {
  // children 是将要会渲染的页面
  return children
}

export default App
