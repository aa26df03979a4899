export { createVideoUpload, type CreateVideoUploadOptions } from './create-video-upload.ts'
export { getVideoUpload } from './get-video-upload.ts'
export { handleMuxWebhook, type MuxWebhookResult } from './handle-mux-webhook.ts'
export { isMuxConfigured, requireMuxClient } from './mux.ts'
