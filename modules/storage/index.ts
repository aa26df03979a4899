export {
	COVER_MAX,
	COVER_MAX_BYTES,
	COVER_MIN,
	coverImageUrl,
	getCourseCover,
	getCoverImage,
	removeCoverImage,
	saveCoverImage,
} from './cover-images.ts'
export { assertSafeKey, DiskFileStorage, type FileStorage, getFileStorage, type StoredFile } from './file-storage.ts'
export { type ImageInfo, type ImageType, readImageInfo } from './image-info.ts'
