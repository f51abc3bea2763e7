// The image picker: each pick writes real temp files (copies of the configured images) to the OS temp directory.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { Define } from './define'
import type { ChooseImageOptions, ChooseImageSuccess, ChooseMediaOptions, ChooseMediaSuccess, MediaFile, WxAsyncApis } from './types'

/** A valid 4×4 PNG: what the picker returns unless the runtime is given images. */
export const SAMPLE_PNG: Uint8Array = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAGklEQVR42mM4mMDOnnAQQjLAWQcT2BlwygAA4UMSgaDk+isAAAAASUVORK5CYII=', 'base64'),
)

/** An image the picker can return: bytes (saved as PNG) or the path of an existing file. */
export type ImageSource = Uint8Array | string

/** The picker APIs of one runtime, and a function that deletes the temp files it wrote. */
export function createMedia(define: Define, images: readonly ImageSource[] = [SAMPLE_PNG]) {
  let directory: string | undefined

  /** Writes `count` fresh temp files (at least one, at most the number of images). */
  function pick(count: unknown): { path: string; size: number; bytes: Buffer }[] {
    directory = directory || mkdtempSync(join(tmpdir(), 'miniapp-testing-'))
    const wanted = Math.max(1, Math.min(typeof count == 'number' ? count : 9, images.length))
    return images.slice(0, wanted).map((image) => {
      const bytes = typeof image == 'string' ? readFileSync(image) : Buffer.from(image)
      const path = join(directory as string, `tmp_${randomBytes(8).toString('hex')}${typeof image == 'string' ? extname(image) : '.png'}`)
      writeFileSync(path, bytes)
      return { path, size: bytes.length, bytes }
    })
  }

  const apis: Pick<WxAsyncApis, 'chooseMedia' | 'chooseImage'> = {
    chooseMedia: define.async<ChooseMediaOptions, ChooseMediaSuccess>('chooseMedia', ({ count }) => ({
      type: 'image',
      tempFiles: pick(count).map(({ path, size, bytes }): MediaFile =>
        Object.assign({ tempFilePath: path, size, fileType: 'image' as const, duration: 0, thumbTempFilePath: '' }, dimensions(bytes)),
      ),
    })),
    chooseImage: define.async<ChooseImageOptions, ChooseImageSuccess>('chooseImage', ({ count }) => {
      const files = pick(count)
      return { tempFilePaths: files.map((file) => file.path), tempFiles: files.map(({ path, size }) => ({ path, size })) }
    }),
  }

  return {
    apis,
    /** Deletes the temp files written so far. */
    cleanup() {
      if (directory) rmSync(directory, { recursive: true, force: true })
      directory = undefined
    },
  }
}

/** Width and height from a PNG header; 0 × 0 for other formats. */
function dimensions(bytes: Buffer): { width: number; height: number } {
  const png = bytes.length > 24 && bytes.toString('latin1', 1, 4) == 'PNG'
  return png ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : { width: 0, height: 0 }
}
