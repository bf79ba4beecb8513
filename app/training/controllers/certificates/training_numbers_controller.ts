import type { HttpContext } from '@adonisjs/core/http'
import { nationalAiTarget, trainingNumbers } from '#training/training_numbers'

/**
 * The national training numbers, public: counts by one dimension at a time (track,
 * region, gender), never crossed, so no cell points at a person.
 */
export default class TrainingNumbersController {
  async index(ctx: HttpContext) {
    const [numbers, target] = await Promise.all([trainingNumbers(), nationalAiTarget()])
    return ctx.view.render('pages/training/verify/numbers', { numbers, target })
  }
}
