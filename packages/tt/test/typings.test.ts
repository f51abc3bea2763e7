// Douyin's own typings (@douyin-microapp/typings) against the SDK's structural platform type, member by member.
import { join } from 'node:path'
import { misfits } from '../../testing/test/typings'

test("tt from @douyin-microapp/typings fits MiniProgramApi, except where those typings lag behind Douyin's documentation", () => {
  const found = misfits(join(__dirname, 'tt-typings.ts'), '@douyin-microapp/typings', 'tt')
  // 1.3.1 types chooseImage's tempFilePaths as one string (documented and delivered: an array), has no
  // getRandomValues (base library 2.87.0+), and leaves strings out of request's data (documented: sent as they are).
  expect(Object.keys(found).sort()).toEqual(['chooseImage', 'getRandomValues', 'request'])
  expect(found.chooseImage).toMatch(/Types of property 'tempFilePaths' are incompatible/)
  expect(found.getRandomValues).toMatch(/Property 'getRandomValues' does not exist/)
  expect(found.request).toMatch(/Types of property 'data' are incompatible/)
})
