/*
| Lucid set-up for every process (web, worker, ace, tests): the quicker copy of each
| row's original attributes (app/core/database/model_originals.ts).
*/
import { useQuickOriginals } from '#core/database/model_originals'

useQuickOriginals()
