/*
| VineJS, the way every validator of the portal reads numbers (see strictNumber).
*/
import vine from '@vinejs/vine'
import { strictNumber } from '#core/validators/strict_number'

vine.helpers.asNumber = strictNumber
