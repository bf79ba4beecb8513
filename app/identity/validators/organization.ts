import vine from '@vinejs/vine'
import { ORGANIZATION_KINDS } from '#identity/models/organization'

export const MOROCCAN_REGIONS = [
  'tanger_tetouan_al_hoceima',
  'oriental',
  'fes_meknes',
  'rabat_sale_kenitra',
  'beni_mellal_khenifra',
  'casablanca_settat',
  'marrakech_safi',
  'draa_tafilalet',
  'souss_massa',
  'guelmim_oued_noun',
  'laayoune_sakia_el_hamra',
  'dakhla_oued_ed_dahab',
] as const

export const organizationValidator = vine.create({
  kind: vine.enum(ORGANIZATION_KINDS),
  name: vine.string().trim().minLength(2).maxLength(200),
  rcNumber: vine.string().trim().maxLength(32).optional().requiredWhen('kind', '=', 'startup'),
  ice: vine
    .string()
    .trim()
    .regex(/^\d{15}$/)
    .optional()
    .requiredWhen('kind', '=', 'startup'),
  foundedOn: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .beforeOrEqual('today')
    .optional(),
  region: vine.enum(MOROCCAN_REGIONS).optional().requiredWhen('kind', '=', 'startup'),
  sector: vine.string().trim().maxLength(64).optional(),
  country: vine
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .requiredWhen('kind', '=', 'fund_manager_company'),
  regulator: vine.string().trim().maxLength(120).optional(),
  aumMad: vine.number().min(0).max(1e12).optional(),
})

export const memberValidator = vine.create({
  email: vine.string().trim().toLowerCase().email(),
})
