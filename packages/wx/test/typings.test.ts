// The real WeChat typings (miniprogram-api-typings) against the SDK's structural platform type, member by member.
import { join } from 'node:path'
import { misfits } from '../../testing/test/typings'

test('wx from miniprogram-api-typings fits MiniProgramApi except three option types', () => {
  const found = misfits(join(__dirname, 'wx-typings.ts'), 'miniprogram-api-typings', 'wx')
  // Known mismatch of MiniProgramApi (core): it types these options as string / string[], which the typings narrow
  // to literal unions, so a value typed with the real typings is not assignable (parameters are contravariant):
  // request.method and request.responseType, chooseMedia.mediaType and .sourceType, chooseImage.sourceType and
  // .sizeType. TypeScript reports the first field of each.
  expect(Object.keys(found).sort()).toEqual(['chooseImage', 'chooseMedia', 'request'])
  expect(found.request).toMatch(/Types of property 'method' are incompatible/)
  expect(found.chooseMedia).toMatch(/Types of property 'mediaType' are incompatible/)
  expect(found.chooseImage).toMatch(/Types of property '(sourceType|sizeType)' are incompatible/)
})
