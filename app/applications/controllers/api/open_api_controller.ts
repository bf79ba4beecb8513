import { openApiDocument } from '#applications/openapi'

export default class OpenApiController {
  handle() {
    return openApiDocument
  }
}
