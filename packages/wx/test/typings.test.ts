// The real WeChat typings (miniprogram-api-typings) against the SDK's structural platform type, member by member.
import { join } from 'node:path'
import { misfits } from '../../testing/test/typings'

test('wx from miniprogram-api-typings fits MiniProgramApi', () => {
  expect(misfits(join(__dirname, 'wx-typings.ts'), 'miniprogram-api-typings', 'wx')).toEqual({})
})
